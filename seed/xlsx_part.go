package seed

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A part of a workbook read token by token (xlsx_read.go reads the
// workbook with it), and the text of its strings.

// xmlPart is a part being read, token by token, with the elements open.
type xmlPart struct {
	name string // as the zip names it, for messages
	rc   io.ReadCloser
	d    *xml.Decoder
	lim  *tokenLimit
	open []xml.Name
}

// maxTokenBytes is the most bytes of a part one token may span: Excel
// holds at most 32,767 characters in a cell, which its XML writes in at
// most about 200 KB (six bytes for an escaped character). encoding/xml
// holds a token whole, so a longer one (a text of 250 MB in a file of
// 256 KB) is refused before it is held, not after.
const maxTokenBytes = 1 << 20

// tokenLimit reads a part for its decoder, and fails once more than
// maxTokenBytes have been read past the end of the last token (bufio's
// read-ahead, at most its buffer, is allowed for).
type tokenLimit struct {
	r        io.Reader
	read     int64
	tokenEnd int64 // where the last token ended, set by xmlPart.token
}

func (l *tokenLimit) Read(b []byte) (int, error) {
	if l.read-l.tokenEnd > maxTokenBytes+partBufferBytes {
		return 0, fmt.Errorf("an element or its text runs past %d MB (expected a cell's text of at most 32,767 characters, as Excel holds)", maxTokenBytes>>20)
	}
	n, err := l.r.Read(b)
	l.read += int64(n)
	return n, err
}

// partBufferBytes is how much of a part is read ahead of its decoder.
const partBufferBytes = 64 << 10

// openPart opens part name (lowercased); ok is false if the zip has no
// such part.
func (b *xlsxBook) openPart(name string) (p *xmlPart, ok bool, err error) {
	f := b.parts[name]
	if f == nil {
		return nil, false, nil
	}
	if f.CRC32 == 0 && f.UncompressedSize64 > 0 {
		// archive/zip checks no checksum of 0, as if none were set: a
		// changed byte would go unseen. A part's real checksum is 0 once
		// in four billion.
		return nil, true, fmt.Errorf("%s: the zip gives the part no checksum", f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, fmt.Errorf("%s: %w", f.Name, err)
	}
	lim := &tokenLimit{r: rc}
	d := xml.NewDecoder(bufio.NewReaderSize(lim, partBufferBytes))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "us-ascii") || strings.EqualFold(label, "ascii") {
			return r, nil
		}
		return nil, fmt.Errorf("the part is in the encoding %q, not UTF-8", cutTo(label, 40))
	}
	return &xmlPart{name: f.Name, rc: rc, d: d, lim: lim}, true, nil
}

func (p *xmlPart) close() { p.rc.Close() }

// errXMLDepth is the error of a part whose elements nest too deep.
var errXMLDepth = fmt.Errorf("its elements nest more than %d deep", maxXMLDepth)

// token returns the next token, or io.EOF at the end of a well-formed
// part. Character data is valid until the next call.
func (p *xmlPart) token() (xml.Token, error) {
	tok, err := p.d.RawToken()
	p.lim.tokenEnd = p.d.InputOffset()
	if err != nil {
		if err == io.EOF && len(p.open) > 0 {
			err = fmt.Errorf("XML syntax error on line %d: the part ends inside <%s>", p.line(), p.open[len(p.open)-1].Local)
		}
		if err != io.EOF {
			err = fmt.Errorf("%s: %w", p.name, err)
		}
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(p.open) >= maxXMLDepth {
			return nil, fmt.Errorf("%s: %w", p.name, errXMLDepth)
		}
		p.open = append(p.open, t.Name)
	case xml.EndElement:
		if n := len(p.open); n == 0 || p.open[n-1] != t.Name {
			return nil, fmt.Errorf("%s: XML syntax error on line %d: unexpected </%s>", p.name, p.line(), t.Name.Local)
		}
		p.open = p.open[:len(p.open)-1]
	}
	return tok, nil
}

func (p *xmlPart) line() int {
	line, _ := p.d.InputPos()
	return line
}

// depth is how many elements are open.
func (p *xmlPart) depth() int { return len(p.open) }

// skip reads to the end of the element just started.
func (p *xmlPart) skip() error {
	for d := p.depth(); p.depth() >= d; {
		if _, err := p.token(); err != nil {
			return eofError(err)
		}
	}
	return nil
}

// chars reads to the end of the element just started and appends its
// character data, not that of the elements within it, to buf.
func (p *xmlPart) chars(buf []byte) ([]byte, error) {
	d := p.depth()
	for p.depth() >= d {
		tok, err := p.token()
		if err != nil {
			return buf, eofError(err)
		}
		if cd, ok := tok.(xml.CharData); ok && p.depth() == d {
			buf = append(buf, cd...)
		}
	}
	return buf, nil
}

// eofError is io.EOF inside an element, which token reports otherwise.
func eofError(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// attr returns the value of the attribute of local name local.
func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space != "xmlns" {
			return a.Value, true
		}
	}
	return "", false
}

// richText reads a string item (<si>, or a cell's <is>) just started and
// appends its text to buf: its <t>, then the <t> of each run <r>, as
// excelize did (phonetic runs, <rPh>, are not the text), with Excel's
// escapes _xHHHH_ read.
func (p *xmlPart) richText(buf []byte) ([]byte, error) {
	d := p.depth()
	start := len(buf)
	var t, runs []byte
	hasT := false
	for p.depth() >= d {
		tok, err := p.token()
		if err != nil {
			return buf, eofError(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case se.Name.Local == "t" && p.depth() == d+1:
			if hasT {
				// Excel writes one; readers differ on two (the last, or
				// both end to end): a problem, not a guess.
				return buf, fmt.Errorf("%s: a string holds two texts (<t>) on line %d", p.name, p.line())
			}
			if t, err = p.chars(t[:0]); err != nil {
				return buf, err
			}
			hasT = true
		case se.Name.Local == "r" && p.depth() == d+1:
			if runs, err = p.runText(runs); err != nil {
				return buf, err
			}
		default:
			if err := p.skip(); err != nil {
				return buf, err
			}
		}
	}
	if hasT {
		buf = append(buf, t...)
	}
	buf = append(buf, runs...)
	return unescapeOOXML(buf, start), nil
}

// runText reads a run of rich text just started and appends the text of
// its <t> to buf.
func (p *xmlPart) runText(buf []byte) ([]byte, error) {
	d := p.depth()
	start := len(buf)
	hasT := false
	for p.depth() >= d {
		tok, err := p.token()
		if err != nil {
			return buf, eofError(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local == "t" && p.depth() == d+1 {
				if hasT {
					return buf, fmt.Errorf("%s: a run of text holds two texts (<t>) on line %d", p.name, p.line())
				}
				hasT = true
				if buf, err = p.chars(buf[:start]); err != nil {
					return buf, err
				}
			} else if err := p.skip(); err != nil {
				return buf, err
			}
		}
	}
	return buf, nil
}

// unescapeOOXML reads Excel's escapes in buf[start:]: _xHHHH_ is the
// character U+HHHH (_x005F_ an underscore), and one that is no
// character, a surrogate, is dropped, as excelize read them.
func unescapeOOXML(buf []byte, start int) []byte {
	s := buf[start:]
	i := 0
	for ; i+7 <= len(s); i++ {
		if s[i] == '_' && isOOXMLEscape(s[i:]) {
			break
		}
	}
	if i+7 > len(s) {
		return buf
	}
	out := append([]byte(nil), s[:i]...)
	for i < len(s) {
		if s[i] == '_' && i+7 <= len(s) && isOOXMLEscape(s[i:]) {
			r, _ := strconv.ParseUint(string(s[i+2:i+6]), 16, 32)
			if r < 0xD800 || r > 0xDFFF {
				out = appendRune(out, rune(r))
			}
			i += 7
			continue
		}
		out = append(out, s[i])
		i++
	}
	return append(buf[:start], out...)
}

func isOOXMLEscape(s []byte) bool {
	if s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !isDigit(c) && (c|0x20 < 'a' || c|0x20 > 'f') {
			return false
		}
	}
	return true
}

func appendRune(b []byte, r rune) []byte { return append(b, string(r)...) }
