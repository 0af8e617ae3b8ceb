package picture

import (
	"fmt"
	"math"
	"strconv"
)

// check refuses a chart that cannot be drawn truthfully: lengths that do
// not match (a value would land on the wrong month), infinities and
// absurd sizes. It names the series and the month, for whoever built the
// chart.
func check(c Chart) error {
	n := len(c.XLabels)
	switch {
	case n == 0:
		return fmt.Errorf("the chart has no months to draw: %w", ErrNothingToDraw)
	case n > MaxPoints:
		return fmt.Errorf("the chart has %d months; at most %d can be drawn (choose a shorter window)", n, MaxPoints)
	case len(c.Series) == 0:
		return fmt.Errorf("the chart has no series: %w", ErrNothingToDraw)
	case len(c.Series) > MaxSeries:
		return fmt.Errorf("the chart has %d series; at most %d can be told apart (choose fewer)", len(c.Series), MaxSeries)
	case len(c.Events) > MaxEvents:
		return fmt.Errorf("the chart has %d events; at most %d can be listed", len(c.Events), MaxEvents)
	case len(c.Notes) > MaxNotes:
		return fmt.Errorf("the chart has %d notes; at most %d fit under it", len(c.Notes), MaxNotes)
	case c.Scale < Linear || c.Scale > Index:
		return fmt.Errorf("the chart's scale %v is not one this package draws", c.Scale)
	case c.Unit < Installs || c.Unit > Percent:
		return fmt.Errorf("the chart's unit %v is not one this package draws", c.Unit)
	}
	for i, s := range c.Series {
		name := seriesName(s, i)
		if len(s.Values) != n {
			return fmt.Errorf("series %s has %d values for %d months (one per month expected)", name, len(s.Values), n)
		}
		for _, m := range []struct {
			what  string
			marks []bool
		}{{"spread", s.Spread}, {"estimate", s.Estimate}, {"lower-bound", s.LowerBound}} {
			if m.marks != nil && len(m.marks) != n {
				return fmt.Errorf("series %s has %d %s marks for %d months (none, or one per month expected)", name, len(m.marks), m.what, n)
			}
		}
		for k, v := range s.Values {
			at := monthName(c.XLabels, k)
			switch {
			case math.IsInf(v, 0):
				return fmt.Errorf("series %s has an infinite value at %s (a slip upstream; no figure is infinite)", name, at)
			case math.Abs(v) > MaxValue:
				return fmt.Errorf("series %s has the value %g at %s, beyond %g, which cannot be a figure", name, v, at, float64(MaxValue))
			case v != 0 && math.Abs(v) < MinMagnitude:
				return fmt.Errorf("series %s has the value %g at %s, too close to 0 to draw", name, v, at)
			}
		}
	}
	if !anyDrawable(c) {
		if c.Scale == Log {
			return fmt.Errorf("every value is missing, or 0 or less, which a log scale cannot show: %w", ErrNothingToDraw)
		}
		return fmt.Errorf("every value is missing: %w", ErrNothingToDraw)
	}
	return nil
}

func anyDrawable(c Chart) bool {
	for _, s := range c.Series {
		for _, v := range s.Values {
			if drawable(v, c.Scale) {
				return true
			}
		}
	}
	return false
}

// drawable reports whether v can be placed on the axis: a figure (not a
// gap), and above 0 on a log scale.
func drawable(v float64, sc Scale) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	return sc != Log || v > 0
}

// seriesName is a series' name for an error message, quoted and made
// safe, or its position if it has none.
func seriesName(s Series, i int) string {
	if s.Name == "" {
		return "#" + strconv.Itoa(i+1)
	}
	return strconv.Quote(clean(s.Name))
}

func monthName(labels []string, k int) string {
	return strconv.Quote(clean(labels[k]))
}

// marked reads a mark that may be absent (nil).
func marked(marks []bool, i int) bool {
	return i >= 0 && i < len(marks) && marks[i]
}
