package seed

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// excelSeparator reads Excel's separator hint, a first line sep=; (or
// sep=, or sep= and a tab), which is not the header: it returns the
// separator and true, and drops the line. msg says why a first line that
// starts with sep= cannot be taken.
func excelSeparator(br *bufio.Reader) (delim byte, found bool, msg string) {
	data, _ := br.Peek(64)
	end := bytes.IndexByte(data, '\n')
	line := data
	if end >= 0 {
		line = data[:end]
	} else if len(data) == 64 {
		return 0, false, "" // too long for a hint: a header, or not CSV
	}
	line = bytes.TrimRight(line, "\r")
	quoted := bytes.HasPrefix(line, []byte(`"`))
	rest, ok := cutPrefixFold(bytes.TrimPrefix(line, []byte(`"`)), "sep=")
	if !ok {
		return 0, false, ""
	}
	// A spreadsheet that saves the line again may quote it and add
	// separators after it: "sep=;";;;
	named := "nothing"
	if r, n := utf8.DecodeRune(rest); n > 0 {
		named = quote(string(r))
		delim, rest = rest[0], rest[n:]
	}
	if quoted {
		rest = bytes.TrimPrefix(rest, []byte(`"`))
	}
	switch {
	case delim != ',' && delim != ';' && delim != '\t':
		return 0, false, fmt.Sprintf("the first line %s names %s as the separator (expected sep=, or sep=; or sep= and a tab: uptake reads fields separated by commas, semicolons or tabs)", quote(string(line)), named)
	case len(bytes.Trim(rest, ",;\t ")) > 0:
		return 0, false, fmt.Sprintf("the first line %s has more after the separator (expected only sep= and one separator, e.g. sep=;)", quote(string(line)))
	}
	if end < 0 {
		end = len(data) - 1 // the hint is the whole file
	}
	br.Discard(end + 1)
	return delim, true, ""
}

func cutPrefixFold(b []byte, prefix string) ([]byte, bool) {
	if len(b) < len(prefix) || !strings.EqualFold(string(b[:len(prefix)]), prefix) {
		return b, false
	}
	return b[len(prefix):], true
}

// sniffDelimiter picks the separator that the first line uses most.
func sniffDelimiter(br *bufio.Reader) byte {
	var data []byte
	for n := 512; ; n *= 2 {
		if n > br.Size() {
			n = br.Size()
		}
		var err error
		data, err = br.Peek(n)
		trimmed := bytes.TrimLeft(data, " \t\r\n")
		if bytes.IndexByte(trimmed, '\n') >= 0 || err != nil || n == br.Size() {
			data = trimmed
			break
		}
	}
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		data = data[:i]
	}
	counts := map[byte]int{}
	quoted := false
	for _, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ',' || c == ';' || c == '\t'):
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}
