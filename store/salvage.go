package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/uptake/uptake/figures"
)

// EachSoundFigure calls fn for every figure that can be trusted, in key
// order, even in a damaged file, and then returns a *PartialError naming
// each record it had to leave out (nil when it left out none). It is what
// `-export data` uses, so that a damaged file can still give up what is
// sound in it: a series is sound when its seal matches and, where its
// app's record can be read, that record lists it with the same seal.
func (r *Reader) EachSoundFigure(fn func(figures.Figure) bool) error {
	var left []string
	damaged := func(what string) { left = append(left, what) }
	if err := r.eachSound(fn, damaged); err != nil || len(left) == 0 {
		return err
	}
	return &PartialError{Path: r.s.path, Left: left}
}

func (r *Reader) eachSound(fn func(figures.Figure) bool, damaged func(string)) error {
	records := map[string]*appRecord{}
	apps := r.tx.Bucket(bucketApps).Cursor()
	for k, v := apps.First(); k != nil; k, v = apps.Next() {
		rec, err := r.s.appRecordOf(k, v)
		if err != nil {
			damaged(describeStored(bidApps, k) + " cannot be read: its figures are given but could not be checked against it")
			continue
		}
		records[string(k)] = &rec
	}
	seen := map[string]bool{}
	var figs []figures.Figure
	c := r.tx.Bucket(bucketSeries).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		seen[string(k)] = true
		folded, country, ok := splitSeriesKey(k)
		if !ok {
			damaged(describeStored(bidSeries, k) + " cannot be read")
			continue
		}
		payload, ok := unseal(bidSeries, k, v)
		if !ok {
			damaged(describeStored(bidSeries, k) + " do not match their checksum: left out")
			continue
		}
		if rec := records[folded]; rec != nil {
			x, listed := findEntry(rec.series, country)
			if !listed || x.seal != sealOf(v) {
				damaged(describeStored(bidSeries, k) + " are not the ones last written: left out")
				continue
			}
		}
		if c, ok := keyCountry(k); ok {
			country = c
		}
		var err error
		if figs, err = decodeSeriesInto(figs, payload, country, r.texts()); err != nil {
			var te *textError
			if errors.As(err, &te) {
				damaged(describeStored(bidSeries, k) + " name a text that cannot be read (" + te.Error() + "): left out")
			} else {
				damaged(describeStored(bidSeries, k) + " cannot be read: left out")
			}
			continue
		}
		for _, f := range figs {
			if !fn(f) {
				return nil
			}
		}
	}
	var missing []string
	for folded, rec := range records {
		for _, x := range rec.series {
			if k := seriesKey(folded, x.country); !seen[string(k)] {
				missing = append(missing, describeStored(bidSeries, k)+" are missing from the file")
			}
		}
	}
	// Maps iterate in any order; the report does not.
	slices.Sort(missing)
	for _, m := range missing {
		damaged(m)
	}
	return nil
}

// PartialError says that what was asked for was written whole except the
// damaged records it lists, which were left out.
type PartialError struct {
	Path string
	Left []string // what was left out, worded
}

func (e *PartialError) Error() string {
	const shown = 10
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s: %d damaged %s left out of the export; everything else in it is sound:", figures.Sanitize(e.Path), ErrDamaged, len(e.Left), plural("record", len(e.Left)))
	for i, l := range e.Left {
		if i == shown {
			fmt.Fprintf(&b, "\n- and %d more (uptake -check lists them all)", len(e.Left)-shown)
			break
		}
		b.WriteString("\n- " + l)
	}
	return b.String()
}

func (e *PartialError) Unwrap() error { return ErrDamaged }

// AddLeft adds what another partial read left out to e, and reports
// whether other was one.
func (e *PartialError) AddLeft(other error) bool {
	var o *PartialError
	if !errors.As(other, &o) {
		return false
	}
	e.Left = append(e.Left, o.Left...)
	return true
}
