package store

import (
	"errors"
	"fmt"

	"github.com/uptake/uptake/figures"
)

// ErrConflict: a batch gives one figure twice with different values.
var ErrConflict = errors.New("the same figure is given twice with different values")

// ErrEventConflict: a batch gives one event twice with different sources
// or notes. It is an ErrConflict (errors.Is), worded for an event.
var ErrEventConflict error = eventConflict{}

type eventConflict struct{}

func (eventConflict) Error() string        { return "the same event is given twice with different values" }
func (eventConflict) Is(target error) bool { return target == ErrConflict }

// ErrAppConflict: two apps, or a file and an app, disagree on what cannot
// be two things at once: a store id, a launch month, a figure of a merge.
var ErrAppConflict = errors.New("the apps disagree")

// conflict words two figures of the batch with one identity and
// different values, naming the lines they were read from.
func (b *Batch) conflict(x, y int, f, g figures.Figure) error {
	where := "the input"
	if b.File != "" {
		where = figures.Sanitize(b.File)
	}
	lx, ly := b.line(x), b.line(y)
	if lx > 0 && ly > 0 {
		where = fmt.Sprintf("%s:%d and line %d", where, lx, ly)
	}
	return fmt.Errorf("%s: %w: %s is %s on one line and %s on the other (keep one of them, or give them different sources)",
		where, ErrConflict, f.Key(), describeValue(f), describeValue(g))
}

// describeValue words a figure's value: its installs, and its note and
// estimate mark when those are what differ.
func describeValue(f figures.Figure) string {
	s := figures.FormatInstalls(float64(f.Installs))
	if f.Estimate {
		s += figures.MarkEstimate
	}
	if f.Note != "" {
		s += fmt.Sprintf(" (note %s)", figures.Quote(figures.Sanitize(f.Note)))
	}
	return s
}
