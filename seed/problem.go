package seed

import (
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Limits that keep a hostile or mistaken file from taking unbounded time
// or memory, and a long list of problems from burying the first ones.
const (
	MaxLineBytes = 1 << 20 // a CSV line (a JSON record) longer than this stops the reading
	MaxColumns   = 1000    // a CSV row with more fields than this stops the reading
	MaxProblems  = 20      // after this many problems the reading stops
)

// Problem is one thing wrong with a file, at a line, worded for the person
// who will fix it.
type Problem struct {
	File    string // the name the file was given to the reader
	Line    int    // the physical line, from 1
	Column  string // the column or field: installs, figures[3].from; may be empty
	Message string // what is wrong (what is expected)
}

// String writes the problem as FILE:LINE: column: what is wrong (what is
// expected), with any control characters in it made harmless.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(figures.Sanitize(p.File))
	b.WriteByte(':')
	b.WriteString(strconv.Itoa(p.Line))
	b.WriteString(": ")
	if p.Column != "" {
		b.WriteString(figures.Sanitize(p.Column))
		b.WriteString(": ")
	}
	b.WriteString(figures.Sanitize(p.Message))
	return b.String()
}

// Problems is every problem a reader found, in the order of the file. A
// file with problems is taken not at all: the caller writes nothing.
type Problems []Problem

// problemsInError is how many problems Error spells out: all that a
// reader collects, with the line that says it stopped.
const problemsInError = MaxProblems + 1

// Error writes the first problems one to a line, and how many more there are.
func (ps Problems) Error() string {
	if len(ps) == 0 {
		return "no problems"
	}
	var b strings.Builder
	for i, p := range ps {
		if i == problemsInError {
			b.WriteString("\nand ")
			b.WriteString(strconv.Itoa(len(ps) - i))
			b.WriteString(" more")
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Err returns ps as an error, or nil when there are none, so that a caller
// cannot mistake an empty list for a failure.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// collector gathers the problems of one file and says when to stop.
type collector struct {
	file string
	ps   Problems
	stop bool
}

// add records a problem; it returns false when the reader should stop.
func (c *collector) add(line int, column, message string) bool {
	if c.stop {
		return false
	}
	if line < 1 {
		line = 1
	}
	if len(c.ps) == MaxProblems {
		c.ps = append(c.ps, Problem{c.file, line, "", "more problems from here on are not shown; fix these first"})
		c.stop = true
		return false
	}
	c.ps = append(c.ps, Problem{c.file, line, column, message})
	return true
}

// cutMessage cuts an error from elsewhere to a length fit for a problem.
func cutMessage(s string) string { return cutTo(s, 200) }

// fatal records a problem after which the file cannot be read further.
func (c *collector) fatal(line int, column, message string) {
	c.add(line, column, message)
	c.stop = true
}

// quote writes a value for a problem: quoted, escaped and cut short.
func quote(s string) string { return figures.Quote(s) }

// shorten cuts s to a length that fits a message about a value.
func shorten(s string) string { return cutTo(s, 40) }

// cutTo cuts s, on a rune boundary, to at most max bytes and an ellipsis.
func cutTo(s string, max int) string { return figures.CutTo(s, max) }
