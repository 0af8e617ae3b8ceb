// Package seed reads figures, launches and apps from CSV and JSON files,
// and holds the bundled dataset. Readers are pure: they fill a Sink (a
// store.Batch) and return the problems they found with line numbers;
// writing is the store's job, and a file with problems is not written.
package seed

import (
	"bufio"
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Sink receives the records a reader finds: a store.Batch is one.
type Sink interface {
	AddApp(figures.App)
	AddLaunch(figures.Launch)
	AddFigure(figures.Figure)
}

// Read reads a CSV or JSON file into s, deciding which by the extension
// of name (.json, .csv, .tsv) or else by the first character that is not
// a space: { or [ means JSON. The file may be UTF-8, with or without a
// byte order mark, or UTF-16 with one (see openText). name is used in
// problems only.
func Read(r io.Reader, name string, s Sink) Problems {
	br, msg := openText(r)
	if msg != "" {
		return notText(name, msg)
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return readJSONText(br, name, s)
	case ".csv", ".tsv":
		return readCSVText(br, name, s)
	}
	if looksLikeJSON(br) {
		return readJSONText(br, name, s)
	}
	return readCSVText(br, name, s)
}

// notText is the one problem of a file that is not text uptake reads.
func notText(name, msg string) Problems {
	return Problems{{File: name, Line: 1, Message: msg}}
}

var bom = []byte("\xef\xbb\xbf")

// bufSize is the size of the readers' buffers: large enough for speed on
// big files, small enough not to cost much on small ones.
const bufSize = 16 << 10

// looksLikeJSON peeks at the start of the text for a { or [.
func looksLikeJSON(br *bufio.Reader) bool {
	for n := 512; ; n *= 2 {
		n = min(n, br.Size())
		data, err := br.Peek(n)
		data = bytes.TrimLeft(data, " \t\r\n")
		if len(data) > 0 {
			return data[0] == '{' || data[0] == '['
		}
		if err != nil || n == br.Size() {
			return false
		}
	}
}
