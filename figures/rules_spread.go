package figures

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// curveCore resolves every month of one series once; MonthlyCurve and
// the sums of parts then read the window they need from it.
type curveCore struct {
	src   []Figure
	order []int32    // processing order: position → index in src
	lo    Month      // the first month of owner and val
	owner []int32    // per month from lo: the position of the figure shown, or -1
	val   []float64  // per month from lo: the value shown
	est   []bool     // per position: an estimate flowed into its months
	deps  [][]int32  // per position: the figures subtracted into its remainder
	falls []fallBack // figures below the months inside them: their other months are unknown
	thin  []thinRest // figures whose remainder is far below their average
	amb   []overlap  // figures that only partly overlap another
}

// thinRest records a figure whose months outside shorter figures show
// much less than its average: arithmetic that reads as a collapse.
type thinRest struct {
	pos   int32
	inner float64
	free  int // months that show the remainder
}

// contradicted returns the figure that covers month m but leaves it
// unknown, being below the figures inside it, and what they add to.
func (c *curveCore) contradicted(m Month) (Figure, float64, bool) {
	i := int(m - c.lo)
	if i < 0 || i >= len(c.owner) || c.owner[i] < 0 || !math.IsNaN(c.val[i]) {
		return Figure{}, 0, false
	}
	for _, fb := range c.falls {
		if fb.pos == c.owner[i] {
			return c.src[c.order[fb.pos]], fb.inner, true
		}
	}
	return Figure{}, 0, false
}

// fallBack records a figure below the sum of the months inside it.
type fallBack struct {
	pos   int32
	inner float64
}

// overlap records two figures that share months without one lying
// wholly inside the other: neither is subtracted from the other.
type overlap struct{ a, b int32 }

// newCurveCore resolves figs as MonthlyCurve describes: one-month figures
// first, then longer ones by length, each showing, in its months not yet
// shown, what it leaves after the figures lying wholly inside it (or,
// below them, its plain average).
func newCurveCore(figs []Figure) *curveCore {
	c := &curveCore{src: figs}
	var hi Month
	c.order = make([]int32, 0, len(figs))
	for i := range figs {
		// A figure the store would refuse (months out of range or reversed)
		// is left out: the months are an array from the first to the last.
		f := &figs[i]
		if f.To < f.From || !f.From.Valid() || !f.To.Valid() {
			continue
		}
		if len(c.order) == 0 || f.From < c.lo {
			c.lo = f.From
		}
		if len(c.order) == 0 || f.To > hi {
			hi = f.To
		}
		c.order = append(c.order, int32(i))
	}
	if len(c.order) == 0 {
		return c
	}
	// Shortest first; then non-estimates, earliest from, and a fixed order.
	byRule := func(a, b int32) int {
		fa, fb := &figs[a], &figs[b]
		if la, lb := fa.To-fa.From, fb.To-fb.From; la != lb {
			return cmp.Compare(la, lb)
		}
		if fa.Estimate != fb.Estimate {
			if !fa.Estimate {
				return -1
			}
			return 1
		}
		if fa.From != fb.From {
			return cmp.Compare(fa.From, fb.From)
		}
		return cmpUsed(*fa, *fb)
	}
	if !slices.IsSortedFunc(c.order, byRule) {
		slices.SortFunc(c.order, byRule)
	}
	n := int(hi-c.lo) + 1
	c.owner = make([]int32, n)
	for i := range c.owner {
		c.owner[i] = -1
	}
	c.val = make([]float64, n)
	c.est = make([]bool, len(c.order))
	posOf := make(map[*Figure]int32, len(c.order))
	for pos, idx := range c.order {
		posOf[&figs[idx]] = int32(pos)
	}
	var sorted []*Figure // by end, for the sets lying inside a figure
	var plan intervalPlan
	var insideSet []bool
	for pos, idx := range c.order {
		f := &figs[idx]
		a, b := int(f.From-c.lo), int(f.To-c.lo)
		if a == b { // one month: shown as it is, unless a same-month figure came first
			if c.owner[a] < 0 {
				c.owner[a], c.val[a], c.est[pos] = int32(pos), float64(f.Installs), f.Estimate
			}
			continue
		}
		if sorted == nil {
			sorted = byEnd(figs)
			c.deps = make([][]int32, len(c.order))
			insideSet = make([]bool, len(c.order))
		}
		// What lies wholly inside f: the best set of the other figures.
		plan.fill(sorted, f.From, f.To, slices.Index(sorted, f))
		inner := plan.sum(f.From, f.To)
		var deps []int32
		plan.walk(f.To, func(g *Figure) {
			q := posOf[g]
			deps = append(deps, q)
			insideSet[q] = true
		})
		free := f.Months() - inner.Covered
		// Months of f shown by a figure that only partly overlaps it: the
		// overlap is ambiguous, and named; neither figure is subtracted.
		// Every such figure is named, once.
		firstAmb := len(c.amb)
		for m := a; m <= b; m++ {
			if q := c.owner[m]; q >= 0 && !insideSet[q] && !c.nested(q, int32(pos)) &&
				!slices.ContainsFunc(c.amb[firstAmb:], func(o overlap) bool { return o.a == q }) {
				c.amb = append(c.amb, overlap{q, int32(pos)})
			}
		}
		for _, q := range deps {
			insideSet[q] = false
		}
		if free <= 0 {
			// Every month already shown by the figures inside; a longer
			// figure that subtracts this one still reads its marks.
			c.deps[pos] = deps
			est := f.Estimate
			for _, q := range deps {
				est = est || c.est[q]
			}
			c.est[pos] = est
			continue
		}
		rem := float64(f.Installs - inner.Installs)
		var v float64
		if rem < 0 {
			// No remainder to spread: the figures disagree, and its other
			// months are not known. They stay f's (so that no longer
			// figure claims them, and f is named behind them) with no
			// value: gaps, not its plain average, which no figure gives.
			v = math.NaN()
			c.falls = append(c.falls, fallBack{int32(pos), float64(inner.Installs)})
			c.est[pos] = f.Estimate
		} else {
			v = rem / float64(free)
			if len(deps) > 0 && v < 0.25*float64(f.Installs)/float64(f.Months()) {
				// A thin remainder reads as a collapse; say what it is.
				c.thin = append(c.thin, thinRest{int32(pos), float64(inner.Installs), free})
			}
			c.deps[pos] = deps
			est := f.Estimate
			for _, q := range deps {
				est = est || c.est[q]
			}
			c.est[pos] = est
		}
		for m := a; m <= b; m++ {
			if c.owner[m] < 0 {
				c.owner[m], c.val[m] = int32(pos), v
			}
		}
	}
	return c
}

// nested reports whether the figure at position q lies wholly inside the
// one at p, or p inside q.
func (c *curveCore) nested(q, p int32) bool {
	fq, fp := &c.src[c.order[q]], &c.src[c.order[p]]
	return fq.From >= fp.From && fq.To <= fp.To || fp.From >= fq.From && fp.To <= fq.To
}

// point returns the point of month m.
func (c *curveCore) point(m Month) Point {
	i := int(m - c.lo)
	if i < 0 || i >= len(c.owner) || c.owner[i] < 0 {
		return Point{Month: m, Value: math.NaN(), Kind: Gap}
	}
	pos := c.owner[i]
	if math.IsNaN(c.val[i]) {
		return Point{Month: m, Value: math.NaN(), Kind: Gap} // a span below the months inside it
	}
	f := &c.src[c.order[pos]]
	kind := Spread
	if f.From == f.To {
		kind = Exact
	}
	return Point{Month: m, Value: c.val[i], Kind: kind, Estimate: c.est[pos], Sources: f.Source}
}

// behind marks the figures behind the points of [from,to], leaving out
// the months i with skip[i] (skip nil: none): the figures shown and, through
// remainders, the shorter figures subtracted into them. It returns the marks
// by position and how many are marked.
func (c *curveCore) behind(from, to Month, skip []bool) ([]bool, int) {
	if len(c.order) == 0 {
		return nil, 0
	}
	seen := make([]bool, len(c.order))
	var stack []int32
	count := 0
	for m := max(from, c.lo); m <= to && int(m-c.lo) < len(c.owner); m++ {
		if skip != nil && skip[m-from] {
			continue
		}
		if q := c.owner[m-c.lo]; q >= 0 && !seen[q] {
			seen[q] = true
			count++
			if c.deps != nil && len(c.deps[q]) > 0 {
				stack = append(stack, q)
			}
		}
	}
	for len(stack) > 0 {
		q := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, d := range c.deps[q] {
			if !seen[d] {
				seen[d] = true
				count++
				stack = append(stack, d)
			}
		}
	}
	return seen, count
}

// appendUsed appends the marked figures to dst, sorted as Curve.Used
// among themselves.
func (c *curveCore) appendUsed(dst []Figure, seen []bool) []Figure {
	n := len(dst)
	for pos, ok := range seen {
		if ok {
			dst = append(dst, c.src[c.order[pos]])
		}
	}
	sortUsed(dst[n:])
	return dst
}

// warnings words the fallbacks among the marked figures.
func (c *curveCore) warnings(seen []bool) []string {
	var warns []string
	for _, fb := range c.falls {
		if !seen[fb.pos] {
			continue
		}
		f := c.src[c.order[fb.pos]]
		a, b := installsPair(float64(f.Installs), fb.inner)
		warns = append(warns, fmt.Sprintf(
			"%s: %s is %s but the months inside it already add to %s; so its other months are not known (–): none is left for them",
			seriesLabelOf(f), spanText(f.From, f.To), a, b))
	}
	for _, t := range c.thin {
		if !seen[t.pos] {
			continue
		}
		f := c.src[c.order[t.pos]]
		rest := float64(f.Installs) - t.inner
		// An estimate, and what is worked out from it, keep the mark.
		mark := ""
		if f.Estimate {
			mark = MarkEstimate
		}
		warns = append(warns, fmt.Sprintf(
			"%s: %s is %s%s; the figures inside it take %s, leaving %s%s a month for its other %d months, against %s%s a month on average: the figures may not agree",
			seriesLabelOf(f), spanText(f.From, f.To), FormatInstalls(float64(f.Installs)), mark, FormatInstalls(t.inner),
			FormatInstalls(rest/float64(t.free)), mark, t.free, FormatInstalls(float64(f.Installs)/float64(f.Months())), mark))
	}
	for _, o := range c.amb {
		if !seen[o.a] && !seen[o.b] {
			continue
		}
		f, g := c.src[c.order[o.a]], c.src[c.order[o.b]]
		from, to := max(f.From, g.From), min(f.To, g.To)
		warns = append(warns, fmt.Sprintf(
			"%s: %s (%s) and %s (%s) overlap on %s without one lying inside the other; neither is taken from the other, so the months they share are ambiguous",
			seriesLabelOf(f), spanText(f.From, f.To), FormatInstalls(float64(f.Installs)), spanText(g.From, g.To), FormatInstalls(float64(g.Installs)), spanText(from, to)))
	}
	return warns
}
