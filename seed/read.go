// Package seed reads figures, launches and apps from the files
// researchers have (format table in read.go), and holds the bundled
// dataset. Readers are pure: they fill a Sink (a
// store.Batch) and return the problems they found with line numbers;
// writing is the store's job, and a file with problems is not written.
package seed

import (
	"bufio"
	"bytes"
	"io"

	"github.com/uptake/uptake/figures"
)

// Sink receives the records a reader finds: a store.Batch is one.
type Sink interface {
	AddApp(figures.App)
	AddLaunch(figures.Launch)
	AddFigure(f figures.Figure, line int) // line: where in the file it was read, for messages
}

// format is a kind of file uptake reads: how to know it from the start
// of its text, and how to read it. Read tries them in order; a new
// format is a file of its own and an entry in formats.
type format struct {
	name      string
	recognise func(head []byte) bool // the start of the text, up to 4 KB
	read      func(br *bufio.Reader, name string, s Sink) Problems
}

// formats lists the formats, the most particular first: uptake's own CSV
// reads whatever the others do not claim, and says what it lacks.
func formats() []format {
	return []format{
		{"uptake JSON", looksLikeJSON, readJSONText},
		{"uptake CSV", func([]byte) bool { return true }, func(br *bufio.Reader, name string, s Sink) Problems {
			return readCSVText(br, name, s, true)
		}},
	}
}

// Read reads a file into s, recognising its format by its content, never
// by its name. The file may be UTF-8, with or without a byte order mark,
// or UTF-16 with one (see openText). name is used in problems only.
func Read(r io.Reader, name string, s Sink) Problems {
	br, msg := openText(r)
	if msg != "" {
		return notText(name, msg)
	}
	head, _ := br.Peek(4 << 10)
	for _, f := range formats() {
		if f.recognise(head) {
			return f.read(br, name, s)
		}
	}
	return notText(name, "uptake does not read this kind of file")
}

// notText is the one problem of a file that is not text uptake reads.
func notText(name, msg string) Problems {
	return Problems{{File: name, Line: 1, Message: msg}}
}

var bom = []byte("\xef\xbb\xbf")

// bufSize is the size of the readers' buffers: large enough for speed on
// big files, small enough not to cost much on small ones.
const bufSize = 16 << 10

// looksLikeJSON reports a text that starts, past any spaces, with { or [.
func looksLikeJSON(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && (head[0] == '{' || head[0] == '[')
}
