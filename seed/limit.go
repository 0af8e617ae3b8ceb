package seed

import (
	"bytes"
	"errors"
	"io"
)

var (
	errLineTooLong    = errors.New("line too long")
	errTooManyColumns = errors.New("too many columns")
)

// limiter passes a CSV file through while following its quotes, so that
// a line (a record, when a quoted field spans lines) longer than
// MaxLineBytes, or with more than MaxColumns fields, stops the reading
// before encoding/csv holds all of it in memory. It counts lines, to say
// where it stopped.
type limiter struct {
	r       io.Reader
	delim   byte
	prev    byte // the byte before the input not yet scanned
	inQuote bool // inside a quoted field
	closing bool // a quote inside a quoted field ended the last input: it closes the field unless a quote follows
	recLen  int  // bytes of the current record so far
	delims  int  // separators outside quotes in the current record so far
	line    int  // line breaks scanned so far
	start   int  // the line the current record starts on, from 1
	err     error
	errLine int // the line at which err was found
}

func newLimiter(r io.Reader, delim byte) *limiter {
	return &limiter{r: r, delim: delim, prev: '\n', start: 1}
}

// Read hands over what comes before the record that passes a limit, so
// that the records before it are read whatever the size of the reads, and
// then the error.
func (l *limiter) Read(p []byte) (int, error) {
	if l.err != nil {
		return 0, l.err
	}
	n, err := l.r.Read(p)
	if ok, serr := l.scan(p[:n]); serr != nil {
		l.err, l.errLine = serr, l.line+1
		if ok == 0 {
			return 0, serr
		}
		return ok, nil
	}
	return n, err
}

// scan follows the quotes and line breaks of p. When a limit is passed,
// it returns how much of p comes before the part that passed it.
func (l *limiter) scan(all []byte) (int, error) {
	p := all
	fail := func(err error) (int, error) { return len(all) - len(p), err }
	for len(p) > 0 {
		if l.closing {
			l.closing = false
			if p[0] == '"' { // "" inside quotes: a quote, still inside
				l.recLen++
				p = p[1:]
				continue
			}
			l.inQuote = false
		}
		if l.inQuote {
			seg := p
			i := bytes.IndexByte(p, '"')
			if i >= 0 {
				seg = p[:i+1]
				l.closing = true
			}
			if over := l.recLen + len(seg) - MaxLineBytes; over > 0 {
				// count the lines up to the byte past the limit only
				seg = seg[:len(seg)-over+1]
			}
			l.line += bytes.Count(seg, newline)
			if err := l.grow(len(seg), 0); err != nil {
				return fail(err)
			}
			p = p[len(seg):]
			continue
		}
		seg := p
		j := bytes.IndexByte(p, '\n')
		if j >= 0 {
			seg = p[:j+1]
		}
		if q := bytes.IndexByte(seg, '"'); q >= 0 {
			before := l.prev
			if q > 0 {
				before = seg[q-1]
			}
			if err := l.grow(q+1, bytes.Count(seg[:q], []byte{l.delim})); err != nil {
				return fail(err)
			}
			// A quote opens a field only at its start; elsewhere it is
			// an error that encoding/csv reports.
			l.inQuote = before == l.delim || before == '\n'
			l.prev = '"'
			p = p[q+1:]
			continue
		}
		if err := l.grow(len(seg), bytes.Count(seg, []byte{l.delim})); err != nil {
			return fail(err)
		}
		if j >= 0 {
			l.line++
			l.recLen, l.delims, l.start = 0, 0, l.line+1
		}
		l.prev = seg[len(seg)-1]
		p = p[len(seg):]
	}
	return len(all), nil
}

var newline = []byte{'\n'}

func (l *limiter) grow(n, delims int) error {
	l.recLen += n
	l.delims += delims
	switch {
	case l.recLen > MaxLineBytes:
		return errLineTooLong
	case l.delims >= MaxColumns:
		return errTooManyColumns
	}
	return nil
}
