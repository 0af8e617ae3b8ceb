package seed

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// openText turns a file into UTF-8 text whose lines end in \n or \r\n,
// which is what the readers read, whatever wrote it: a UTF-8 byte order
// mark is dropped; UTF-16 with a byte order mark, as Excel saves "Unicode
// Text", is decoded; lines that end in a lone \r, as old Mac programs
// write them, end in \n. The lines stay where they were, so problems name
// the lines of the file. msg says why the file cannot be read as text.
func openText(r io.Reader) (br *bufio.Reader, msg string) {
	br = bufio.NewReaderSize(r, bufSize)
	head, _ := br.Peek(4)
	switch {
	case bytes.HasPrefix(head, bom):
		br.Discard(len(bom))
	case bytes.HasPrefix(head, []byte("\xff\xfe\x00\x00")), bytes.HasPrefix(head, []byte("\x00\x00\xfe\xff")):
		return nil, "the file is UTF-32 text, which uptake does not read (save it as CSV UTF-8, or as Unicode Text from Excel)"
	case bytes.HasPrefix(head, []byte("\xff\xfe")), bytes.HasPrefix(head, []byte("\xfe\xff")):
		big := head[0] == 0xfe
		br.Discard(2)
		order := unicode.LittleEndian
		if big {
			order = unicode.BigEndian
		}
		dec := unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, &utf16Text{dec: dec, big: big}), bufSize)
	default:
		if msg := looksLikeUTF16(br); msg != "" {
			return nil, msg
		}
	}
	if endsInLoneCR(br) {
		br = bufio.NewReaderSize(transform.NewReader(br, crToLF{}), bufSize)
	}
	return br, ""
}

// looksLikeUTF16 says what a file with many NUL bytes at its start seems
// to be; UTF-8 text has none.
func looksLikeUTF16(br *bufio.Reader) string {
	data, _ := br.Peek(512)
	var even, odd int
	for i, c := range data {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(data) / 2
	switch {
	case even+odd == 0 || 4*(even+odd) < len(data):
		return "" // text, or a few stray NULs that the readers name
	case len(data) >= 4 && (2*odd > half && 10*even < odd || 2*even > half && 10*odd < even):
		// ASCII in UTF-16: every other byte is NUL.
		return "the file looks like UTF-16 text without a byte order mark, which uptake cannot read reliably (save it as CSV UTF-8, or as Unicode Text from Excel)"
	}
	return "the file holds NUL bytes, so it is not UTF-8 text: it may be UTF-16 without a byte order mark, or not a CSV or JSON file at all (save it as CSV UTF-8, or as Unicode Text from Excel)"
}

// errBrokenUTF16 stops the reading of a UTF-16 file at a unit that is not
// part of a character.
var errBrokenUTF16 = errors.New("broken UTF-16")

const brokenUTF16 = "the file is UTF-16 text, and a character here is broken: half of a surrogate pair, or a lone byte at the end (save the file again from the program that made it, as CSV UTF-8 if you can)"

// utf16Text decodes UTF-16 with x/text's decoder, but stops at a unit
// that is not part of a character, where the decoder would put U+FFFD in
// its place without a word.
type utf16Text struct {
	dec transform.Transformer
	big bool
}

func (u *utf16Text) Reset() { u.dec.Reset() }

func (u *utf16Text) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	ok, broken := u.valid(src, atEOF)
	nDst, nSrc, err = u.dec.Transform(dst, src[:ok], atEOF && ok == len(src))
	if err == nil && nSrc == ok && ok < len(src) {
		err = transform.ErrShortSrc
		if broken {
			err = errBrokenUTF16
		}
	}
	return nDst, nSrc, err
}

// valid returns how much of src is whole characters, and whether what
// follows is broken rather than cut off by the end of src.
func (u *utf16Text) valid(src []byte, atEOF bool) (n int, broken bool) {
	unit := func(i int) uint16 {
		if u.big {
			return uint16(src[i])<<8 | uint16(src[i+1])
		}
		return uint16(src[i+1])<<8 | uint16(src[i])
	}
	i := 0
	for i+1 < len(src) {
		c := unit(i)
		switch {
		case c < 0xd800 || c > 0xdfff:
			i += 2
			continue
		case c >= 0xdc00: // a low half first
			return i, true
		case i+3 >= len(src):
			return i, atEOF
		}
		if lo := unit(i + 2); lo < 0xdc00 || lo > 0xdfff {
			return i, true
		}
		i += 4
	}
	if i < len(src) { // one byte
		return i, atEOF
	}
	return i, false
}

// endsInLoneCR reports whether the first line of the text ends in a \r
// that no \n follows.
func endsInLoneCR(br *bufio.Reader) bool {
	for n := 512; ; n *= 2 {
		n = min(n, br.Size())
		data, err := br.Peek(n)
		if i := bytes.IndexAny(data, "\r\n"); i >= 0 && i+1 < len(data) {
			return data[i] == '\r' && data[i+1] != '\n'
		} else if i >= 0 && err != nil {
			return data[i] == '\r'
		}
		if err != nil || n == br.Size() {
			return false
		}
	}
}

// crToLF turns each \r that no \n follows into \n.
type crToLF struct{ transform.NopResetter }

func (crToLF) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	n := min(len(dst), len(src))
	copy(dst, src[:n])
	for i := 0; i < n; i++ {
		if dst[i] != '\r' {
			continue
		}
		switch {
		case i+1 < len(src):
			if src[i+1] != '\n' {
				dst[i] = '\n'
			}
		case !atEOF: // the next byte decides
			if i == 0 {
				return 0, 0, transform.ErrShortSrc
			}
			return i, i, transform.ErrShortSrc
		default:
			dst[i] = '\n'
		}
	}
	if n < len(src) {
		return n, n, transform.ErrShortDst
	}
	return n, n, nil
}
