package seed

import (
	"bytes"
	"io"
)

// lineReader splits a CSV file into rows without allocating, for the
// common file whose lines hold no quote: each row's fields are slices of
// its buffer, valid until the next call. It gives up (slow) at the first
// line that holds a quote, runs past its buffer, or has too many fields,
// and hands back what it has not consumed, so that encoding/csv, behind
// the limiter, reads the rest of the file exactly as it reads a whole
// one. On the lines it takes, it gives what encoding/csv gives: a record
// per line, \r\n read as \n, empty lines skipped, a \r before the end of
// the file dropped.
type lineReader struct {
	r          io.Reader
	buf        []byte
	start, end int // buf[start:end] is read and not yet consumed
	eof        bool
	err        error // a read error other than io.EOF
	delim      byte
	line       int // lines consumed
	fields     [][]byte
}

// lineBufSize is the lineReader's buffer: a line longer than this goes to
// encoding/csv.
const lineBufSize = 256 << 10

func newLineReader(r io.Reader, delim byte) *lineReader {
	return &lineReader{r: r, buf: make([]byte, lineBufSize), delim: delim}
}

type lineStatus int

const (
	lineRow  lineStatus = iota // fields holds a row
	lineEOF                    // the file is read
	lineSlow                   // the rest is for encoding/csv: see rest
)

// next returns the next row that is not empty and the line it is on.
func (lr *lineReader) next() ([][]byte, int, lineStatus) {
	for {
		i := bytes.IndexByte(lr.buf[lr.start:lr.end], '\n')
		if i < 0 {
			if lr.err != nil {
				// encoding/csv reads what is left of the line, the
				// same whatever the size of the reads, and reports the
				// error at its line.
				return nil, 0, lineSlow
			}
			if lr.eof {
				if lr.start == lr.end {
					return nil, 0, lineEOF
				}
				i = lr.end - lr.start // the last line, without a line break
			} else {
				if !lr.fill() {
					return nil, 0, lineSlow // a line longer than the buffer
				}
				continue
			}
		}
		raw := lr.buf[lr.start : lr.start+i]
		if bytes.IndexByte(raw, '"') >= 0 {
			return nil, 0, lineSlow
		}
		consumed := i + 1
		if lr.start+i == lr.end { // the last line, at the end of the file
			consumed = i
		}
		if n := len(raw); n > 0 && raw[n-1] == '\r' {
			raw = raw[:n-1]
		}
		if len(raw) == 0 {
			lr.start += consumed
			lr.line++
			continue
		}
		if bytes.Count(raw, []byte{lr.delim}) >= MaxColumns {
			return nil, 0, lineSlow
		}
		lr.fields = lr.fields[:0]
		for {
			j := bytes.IndexByte(raw, lr.delim)
			if j < 0 {
				lr.fields = append(lr.fields, raw)
				break
			}
			lr.fields = append(lr.fields, raw[:j])
			raw = raw[j+1:]
		}
		lr.start += consumed
		lr.line++
		return lr.fields, lr.line, lineRow
	}
}

// fill reads more input after what is left, moving it to the front; it
// returns false when the buffer is full of one line.
func (lr *lineReader) fill() bool {
	if lr.start > 0 {
		lr.end = copy(lr.buf, lr.buf[lr.start:lr.end])
		lr.start = 0
	}
	if lr.end == len(lr.buf) {
		return false
	}
	for tries := 0; tries < 100; tries++ {
		n, err := lr.r.Read(lr.buf[lr.end:])
		lr.end += n
		if err == io.EOF {
			lr.eof = true
			return true
		}
		if err != nil {
			lr.err = err
			return true
		}
		if n > 0 {
			return true
		}
	}
	lr.err = io.ErrNoProgress
	return true
}

// rest returns the input not consumed: what is buffered, then the rest of
// the file (or the read error met).
func (lr *lineReader) rest() io.Reader {
	buffered := bytes.NewReader(lr.buf[lr.start:lr.end])
	switch {
	case lr.err != nil:
		return io.MultiReader(buffered, errReader{lr.err})
	case lr.eof:
		return buffered
	}
	return io.MultiReader(buffered, lr.r)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
