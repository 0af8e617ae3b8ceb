// Package seed reads figures, launches and apps from CSV and JSON files,
// and holds the bundled dataset. Readers are pure: they fill a Sink (a
// *store.Batch) and return the problems they found with line numbers;
// writing is the store's job, and a file with problems is not written.
package seed

import (
	"bufio"
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/uptake/uptake/store"
)

// Sink receives the records a reader finds. *store.Batch is one.
type Sink interface {
	AddApp(store.App)
	AddLaunch(store.Launch)
	AddFigure(store.Figure)
}

var _ Sink = (*store.Batch)(nil)

// Read reads a CSV or JSON file into s, deciding which by the extension
// of name (.json, .csv) or else by the first character that is not a
// space: { or [ means JSON. name is used in problems only.
func Read(r io.Reader, name string, s Sink) Problems {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return ReadJSON(r, name, s)
	case ".csv", ".tsv":
		return ReadCSV(r, name, s)
	}
	br := bufio.NewReaderSize(r, bufSize)
	if looksLikeJSON(br) {
		return ReadJSON(br, name, s)
	}
	return ReadCSV(br, name, s)
}

var bom = []byte("\xef\xbb\xbf")

// bufSize is the size of the readers' buffers: large enough for speed on
// big files, small enough not to cost much on small ones.
const bufSize = 16 << 10

// looksLikeJSON peeks at the start of the input for a { or [.
func looksLikeJSON(br *bufio.Reader) bool {
	for n := 512; ; n *= 2 {
		if n > br.Size() {
			n = br.Size()
		}
		data, err := br.Peek(n)
		data = bytes.TrimPrefix(data, bom)
		data = bytes.TrimLeft(data, " \t\r\n")
		if len(data) > 0 {
			return data[0] == '{' || data[0] == '['
		}
		if err != nil || n == br.Size() {
			return false
		}
	}
}

// skipBOM drops a UTF-8 byte order mark at the start of the input.
func skipBOM(br *bufio.Reader) {
	if data, _ := br.Peek(len(bom)); bytes.Equal(data, bom) {
		br.Discard(len(bom))
	}
}
