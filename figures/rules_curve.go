package figures

import (
	"fmt"
	"math"
	"slices"
	"strconv"
)

// PointKind says where a point of a curve comes from.
type PointKind uint8

const (
	Gap    PointKind = iota // no figure covers the month: unknown, never zero
	Exact                   // a one-month figure (cumulative: only such months so far)
	Spread                  // spread evenly from a figure covering several months
)

// String writes the kind as the CSV export does: "gap", "exact", "spread".
func (k PointKind) String() string {
	switch k {
	case Gap:
		return "gap"
	case Exact:
		return "exact"
	case Spread:
		return "spread"
	}
	return "PointKind(" + strconv.Itoa(int(k)) + ")"
}

// Point is one month of a curve.
type Point struct {
	Month    Month
	Value    float64 // math.NaN() when Kind == Gap
	Kind     PointKind
	Estimate bool // an estimate flowed into it
	Summed   bool // made from the sum of parts (countries, platforms), not a figure of the whole
	// Parts names which parts a summed point adds: two points are of the
	// same kind, and growth between them is shown, only when it is equal.
	Parts string
	// LowerBound: the value is at least this (a running total past a month
	// without figures).
	LowerBound bool
	// Sources names the sources of the figures the point shows, sorted
	// and joined by commas (a sum of parts may draw on several): a change
	// between points of different sources is a change of who counts.
	Sources string
}

// SameKind reports whether two points are of one kind, so that a change
// between them means something: both exact, both figures of the whole or
// both the same parts summed, from the same sources, neither a lower
// bound.
func SameKind(a, b Point) bool {
	return a.Kind == Exact && b.Kind == Exact && a.Summed == b.Summed && a.Parts == b.Parts && a.Sources == b.Sources && !a.LowerBound && !b.LowerBound
}

// Curve is one value per month of a window.
type Curve struct {
	Points    []Point  // one per month of the window, in order
	Used      []Figure // every figure that contributed, sorted by country, from, to
	Summed    bool     // any point summed from parts
	Countries int      // when summed: how many parts were added
	PartsKind string   // when summed: what the parts are, "countries" or "platforms"
	Warnings  []string
}

// MonthlyCurve gives one point per month of [from,to] for one series (one
// app, one country).
//
// A month with a one-month figure shows it (Exact). A month covered only by
// longer figures takes the shortest of them, F (ties: non-estimate first,
// then earliest from), and shows the remainder of F spread evenly over the
// months of F not yet shown: F's installs less what shorter figures already
// put in months inside F's span, divided among the rest (Spread). Figures
// are taken in ascending length, so nested spans resolve inner first.
//
// Why the remainder and not F's plain monthly average: with Jul 2.2M and
// Aug 3.6M inside Mar–Sep 15.2M, the plain average (2.17M a month) for the
// other five months would make the cumulative curve end at 15.7M, above
// the source's own 15.2M. The remainder, (15.2M − 5.8M) / 5 = 1.88M, makes
// every month of F add up to exactly F, so a cumulative curve ends at the
// source's total. When the months inside add to more than F (a span's
// total below the sum of its months, a disagreement), there is no
// remainder to spread: those months are gaps (not F's plain monthly
// average, which no figure gives) and a warning names F.
//
// A month no figure covers is a Gap (NaN), never zero. A figure reaching
// outside the window is spread over its whole span and then cut to the
// window. Used lists every figure behind a point of the window, including
// the shorter figures subtracted into a remainder.
func MonthlyCurve(figs []Figure, from, to Month) Curve {
	cc := newCurveCore(figs)
	c := Curve{Points: make([]Point, windowMonths(from, to))}
	for i := range c.Points {
		c.Points[i] = cc.point(from.Add(i))
	}
	seen, n := cc.behind(from, to, nil)
	if n > 0 {
		c.Used = cc.appendUsed(make([]Figure, 0, n), seen)
		c.Warnings = cc.warnings(seen)
	}
	return c
}

// Cumulative returns the running sum of a monthly curve. A Gap month stays
// a Gap point (NaN), and later points keep adding the known months, so
// they are at least what they show: they are marked LowerBound, and a
// warning says how many gap months were left out. Gaps before the first
// known month leave nothing out of a total that starts there, unless
// fromStart: since launch, the launch month is part of every total. A
// point is Spread, Estimate or Summed when any month so far was.
func Cumulative(c Curve, fromStart bool) Curve {
	out := Curve{
		Points:    make([]Point, len(c.Points)),
		Used:      c.Used[:len(c.Used):len(c.Used)], // shared, not copied (600 KB a worldwide curve): an append makes its own
		Summed:    c.Summed,
		Countries: c.Countries,
		Warnings:  slices.Clone(c.Warnings),
	}
	var sum float64
	var spread, est, summed bool
	var pending, left []Month // gap months not yet / already followed by a known month
	seen := fromStart
	for i, p := range c.Points {
		if p.Kind == Gap || math.IsNaN(p.Value) {
			out.Points[i] = Point{Month: p.Month, Value: math.NaN(), Kind: Gap}
			pending = append(pending, p.Month)
			continue
		}
		if seen {
			left = append(left, pending...)
		}
		seen = true
		pending = pending[:0]
		sum += p.Value
		spread = spread || p.Kind == Spread
		est = est || p.Estimate
		summed = summed || p.Summed
		kind := Exact
		if spread {
			kind = Spread
		}
		out.Points[i] = Point{Month: p.Month, Value: sum, Kind: kind, Estimate: est, Summed: summed,
			LowerBound: len(left) > 0 || p.LowerBound}
	}
	if n := len(left); n > 0 {
		noun := "months"
		if n == 1 {
			noun = "month"
		}
		out.Warnings = append(out.Warnings, fmt.Sprintf(
			"cumulative leaves out %d %s without figures (%s); the totals after them are at least what they show (≥)",
			n, noun, MonthsText(left, 4)))
	}
	return out
}

// SinceLaunchCurve is the monthly curve of figs from the launch month on:
// point i is month launch+i, months points long, cumulative if asked.
func SinceLaunchCurve(figs []Figure, launch Month, months int, cumulative bool) Curve {
	var c Curve
	if months > 0 {
		c = MonthlyCurve(figs, launch, launch.Add(months-1))
	}
	if cumulative {
		c = Cumulative(c, true)
	}
	return c
}
