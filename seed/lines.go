package seed

import (
	"bytes"
	"errors"
	"io"
	"strings"
)

var errRecordTooLong = errors.New("record too long")

// lineCounter passes JSON input through to a json.Decoder and keeps the
// bytes read since the last offset asked about, so that offsets (which
// only grow) can be turned into line numbers without holding the file.
// It stops the reading when several times MaxLineBytes pile up past that
// offset, which bounds the memory a record can take; the JSON reader
// refuses a record longer than MaxLineBytes itself.
type lineCounter struct {
	r     io.Reader
	buf   []byte // buf[start:] is the input from offset base on
	start int
	base  int64
	lines int // line breaks before base
	err   error
}

func (lc *lineCounter) Read(p []byte) (int, error) {
	if lc.err != nil {
		return 0, lc.err
	}
	if lc.start > 0 && lc.start >= len(lc.buf)/2 {
		n := copy(lc.buf, lc.buf[lc.start:])
		lc.buf, lc.start = lc.buf[:n], 0
	}
	n, err := lc.r.Read(p)
	lc.buf = append(lc.buf, p[:n]...)
	if len(lc.buf)-lc.start > 4*MaxLineBytes {
		lc.err = errRecordTooLong
	}
	return n, err
}

// window returns the input kept from offset off on.
func (lc *lineCounter) window(off int64) []byte {
	k := int(off - lc.base)
	if k < 0 || k > len(lc.buf)-lc.start {
		return nil
	}
	return lc.buf[lc.start+k:]
}

// skip returns the offset of the first byte at or after off that is not
// one of set.
func (lc *lineCounter) skip(off int64, set string) int64 {
	w := lc.window(off)
	i := 0
	for i < len(w) && strings.IndexByte(set, w[i]) >= 0 {
		i++
	}
	return off + int64(i)
}

// skipSeparator returns the offset after the spaces, the one comma and the
// spaces again that may follow offset off, between members or records.
func (lc *lineCounter) skipSeparator(off int64) int64 {
	off = lc.skip(off, " \t\r\n")
	if w := lc.window(off); len(w) > 0 && w[0] == ',' {
		off = lc.skip(off+1, " \t\r\n")
	}
	return off
}

// lineAt returns the line (from 1) of offset off, and forgets the input
// before it. Offsets asked about must not go back.
func (lc *lineCounter) lineAt(off int64) int {
	k := int(off - lc.base)
	if k > 0 {
		k = min(k, len(lc.buf)-lc.start)
		lc.lines += bytes.Count(lc.buf[lc.start:lc.start+k], newline)
		lc.start += k
		lc.base += int64(k)
	}
	return lc.lines + 1
}

// lastLine returns the line of the last byte read that is not a space.
func (lc *lineCounter) lastLine() int {
	return lc.lines + 1 + bytes.Count(bytes.TrimRight(lc.buf[lc.start:], " \t\r\n"), newline)
}

// endLine returns the line of the byte after the last one read.
func (lc *lineCounter) endLine() int {
	return lc.lines + 1 + bytes.Count(lc.buf[lc.start:], newline)
}
