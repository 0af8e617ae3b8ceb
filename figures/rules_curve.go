package figures

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
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
	Summed   bool // a worldwide point made from the sum of countries
}

// Curve is one value per month of a window.
type Curve struct {
	Points    []Point  // one per month of the window, in order
	Used      []Figure // every figure that contributed, sorted by country, from, to
	Summed    bool     // any point summed from countries
	Countries int      // when summed: how many countries were added
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
// remainder to spread: those months show F's plain monthly average and a
// warning names F.
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
// they are at least what they show; a warning says how many gap months
// were left out. A point is Spread, Estimate or Summed when any month so
// far was.
func Cumulative(c Curve) Curve {
	out := Curve{
		Points:    make([]Point, len(c.Points)),
		Used:      slices.Clone(c.Used),
		Summed:    c.Summed,
		Countries: c.Countries,
		Warnings:  slices.Clone(c.Warnings),
	}
	var sum float64
	var spread, est, summed bool
	// Gap months not yet / already followed by a known month. Gaps before
	// the first known month (before a launch, say) leave nothing out of a
	// running total that starts there, so they are not counted.
	var pending, left []Month
	seen := false
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
		out.Points[i] = Point{Month: p.Month, Value: sum, Kind: kind, Estimate: est, Summed: summed}
	}
	if n := len(left); n > 0 {
		noun := "months"
		if n == 1 {
			noun = "month"
		}
		out.Warnings = append(out.Warnings, fmt.Sprintf(
			"cumulative leaves out %d gap %s (%s); later totals are at least what they show",
			n, noun, monthsText(left, 4)))
	}
	return out
}

// WorldwideCurve is the curve of an app worldwide: ww holds its WW figures,
// byCountry its other series (a WW entry there is ignored). Each month
// shows the worldwide curve's point where that is not a Gap; otherwise the
// sum of the countries' monthly points for that month, when at least one
// country has one, marked Summed (and Spread or Estimate if any part was).
// Used lists the worldwide figures behind the curve and, of the countries,
// only the figures behind the summed months.
func WorldwideCurve(ww []Figure, byCountry map[string][]Figure, from, to Month) Curve {
	c := MonthlyCurve(ww, from, to)
	var gaps []int // window indexes of the worldwide gaps
	for i, p := range c.Points {
		if p.Kind == Gap {
			gaps = append(gaps, i)
		}
	}
	if len(gaps) == 0 {
		return c
	}
	type part struct {
		sum         float64
		have        int
		spread, est bool
	}
	parts := make([]part, len(gaps))
	notShown := make([]bool, len(c.Points)) // months where the countries are not shown
	for i := range notShown {
		notShown[i] = true
	}
	for _, i := range gaps {
		notShown[i] = false
	}
	type contribution struct {
		core *curveCore
		seen []bool
	}
	var added []string
	var contribs []contribution
	count := len(c.Used)
	for _, code := range countryCodes(byCountry) {
		figs := byCountry[code]
		if len(figs) == 0 {
			continue
		}
		cc := newCurveCore(figs)
		has := false
		for g, i := range gaps {
			p := cc.point(from.Add(i))
			if p.Kind == Gap {
				continue
			}
			pt := &parts[g]
			pt.sum += p.Value
			pt.have++
			pt.spread = pt.spread || p.Kind == Spread
			pt.est = pt.est || p.Estimate
			has = true
		}
		if !has {
			continue
		}
		added = append(added, code)
		seen, n := cc.behind(from, to, notShown)
		contribs = append(contribs, contribution{cc, seen})
		count += n
	}
	if len(added) == 0 {
		return c
	}
	// Used can hold thousands of figures: allocate it once, and fill it in
	// order (countries by code, the worldwide figures in their place), so
	// that sortUsed below only confirms the order.
	used := make([]Figure, 0, count)
	wwDone := false
	for k, x := range contribs {
		if !wwDone && added[k] > Worldwide {
			used, wwDone = append(used, c.Used...), true
		}
		used = x.core.appendUsed(used, x.seen)
		c.Warnings = append(c.Warnings, x.core.warnings(x.seen)...)
	}
	if !wwDone {
		used = append(used, c.Used...)
	}
	c.Used = used
	var summed, partial []Month
	for g, i := range gaps {
		pt := parts[g]
		if pt.have == 0 {
			continue
		}
		kind := Exact
		if pt.spread {
			kind = Spread
		}
		m := from.Add(i)
		c.Points[i] = Point{Month: m, Value: pt.sum, Kind: kind, Estimate: pt.est, Summed: true}
		summed = append(summed, m)
		if pt.have < len(added) {
			partial = append(partial, m)
		}
	}
	c.Summed, c.Countries = true, len(added)
	sortUsed(c.Used)
	w := fmt.Sprintf("worldwide %s is the sum of %s (%s), not a worldwide figure",
		monthsText(summed, 4), countriesText(len(added)), codesText(added, 6))
	if len(partial) > 0 {
		w += fmt.Sprintf("; in %s some of them have no figure, so those sums are at least what they show",
			monthsText(partial, 4))
	}
	c.Warnings = append(c.Warnings, w)
	return c
}

func countriesText(n int) string {
	if n == 1 {
		return "1 country"
	}
	return strconv.Itoa(n) + " countries"
}

// codesText lists codes, at most limit of them and then how many more.
func codesText(codes []string, limit int) string {
	if len(codes) <= limit {
		return Sanitize(strings.Join(codes, ", "))
	}
	return Sanitize(strings.Join(codes[:limit], ", ")) + fmt.Sprintf(", +%d more", len(codes)-limit)
}

// SinceLaunchCurve is the monthly curve of figs from the launch month on:
// point i is month launch+i, months points long, cumulative if asked.
func SinceLaunchCurve(figs []Figure, launch Month, months int, cumulative bool) Curve {
	var c Curve
	if months > 0 {
		c = MonthlyCurve(figs, launch, launch.Add(months-1))
	}
	if cumulative {
		c = Cumulative(c)
	}
	return c
}
