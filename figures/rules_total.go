package figures

import (
	"cmp"
	"slices"
	"sort"
)

// Total is the installs of one window, with how much of it the figures
// behind the number cover.
type Total struct {
	Installs  int64
	Covered   int // months covered
	Months    int // months in the window
	Estimate  bool
	Summed    bool     // made from the sum of parts (countries, platforms)
	Countries int      // when Summed: how many parts were added
	Used      []Figure // the figures added, sorted by country, from, to
	// Tie is another set of figures covering as many months, adding to
	// another total: the window reads two ways, and both are named.
	Tie *Tie
	// LowerBound: the number is at least this (months without figures
	// inside, or a launch month without one), whatever Covered says.
	LowerBound bool
}

// Full reports whether the figures cover every month of the window.
func (t Total) Full() bool { return t.Covered == t.Months && t.Months > 0 && !t.LowerBound }

// Sources lists the sources of the figures behind the total, sorted.
func (t Total) Sources() []string { return sourcesOf(t.Used) }

// Empty reports whether no figure lies inside the window.
func (t Total) Empty() bool { return t.Covered == 0 }

// TotalOver adds up the figures of one series (one app, one country) over
// the window [from,to]. Only figures lying wholly inside the window count,
// and never two whose spans overlap: of the sets of non-overlapping figures
// it takes the one covering the most months (weighted interval scheduling,
// O(n log n)). Between sets covering as many months it prefers the one with
// fewer estimates, then the one with more figures (the finer grain), then a
// fixed order of the figures, so the answer never depends on input order.
func TotalOver(figs []Figure, from, to Month) Total {
	if to < from {
		return Total{}
	}
	p := newIntervalPlan(figs, from, to)
	t := p.total(from, to)
	t.Tie = tieOf(p.figs, t)
	return t
}

// Bounds is what the figures say of a window they may not fill: at least
// Low (the figures lying inside it), and, when a longer window from the
// same month is fully covered, at most High: that window's total less
// what its extra months already hold.
type Bounds struct {
	Low          Total
	High         int64
	HasHigh      bool
	HighEstimate bool // an estimate is in the upper bound
	HighUsed     []Figure
}

// BoundsOver gives the bounds of [from, to] (a milestone: Resso India M6
// lies between 9.8M, March to July, and 9.88M*, March to September).
func BoundsOver(figs []Figure, from, to Month) Bounds {
	b := Bounds{Low: TotalOver(figs, from, to)}
	if b.Low.Full() {
		return b
	}
	var ends []Month
	for _, f := range figs {
		if f.To > to && f.From >= from && !slices.Contains(ends, f.To) {
			ends = append(ends, f.To)
		}
	}
	for _, end := range ends {
		t := TotalOver(figs, from, end)
		if !t.Full() {
			continue
		}
		extra := TotalOver(figs, to+1, end)
		if h := t.Installs - extra.Installs; !b.HasHigh || h < b.High {
			b.High, b.HasHigh, b.HighEstimate, b.HighUsed = h, true, t.Estimate, t.Used
		}
	}
	if b.HasHigh && b.High < b.Low.Installs {
		b.HasHigh = false // the figures disagree; the disagreement is named elsewhere
	}
	return b
}

// NodeBounds is BoundsOver for a node: of its own shown figures, or, for
// a sum of its parts, the sum's total alone (no upper bound).
func NodeBounds(n Node, rank Ranking, from, to Month) Bounds {
	if t := NodeTotal(n, rank, from, to); t.Summed {
		return Bounds{Low: t}
	}
	return BoundsOver(n.Resolve(rank, from, to).Shown, from, to)
}

// SinceLaunch returns the totals over the first k months from launch, for
// k = 1..months: element k-1 is TotalOver(figs, launch, launch+k-1). One
// plan serves every k, so it costs one TotalOver, not months of them.
func SinceLaunch(figs []Figure, launch Month, months int) []Total {
	if months <= 0 {
		return nil
	}
	last := launch.Add(months - 1)
	p := newIntervalPlan(figs, launch, last)
	out := make([]Total, months)
	for k := range out {
		out[k] = p.total(launch, launch.Add(k))
	}
	return out
}

// countryCodes returns the codes of byCountry in order, leaving out WW so
// that a worldwide series passed among the countries is never added twice.
func countryCodes(byCountry map[string][]Figure) []string {
	codes := make([]string, 0, len(byCountry))
	for code := range byCountry {
		if code != Worldwide {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	return codes
}

// sortUsed sorts figures as a result's Used: by country, from, to. Most
// come already sorted, which it checks without copying a figure.
func sortUsed(used []Figure) {
	for i := 1; i < len(used); i++ {
		if cmpUsedRef(&used[i-1], &used[i]) > 0 {
			slices.SortFunc(used, cmpUsed)
			return
		}
	}
}

// intervalScore ranks a set of non-overlapping figures: more months
// covered, then fewer estimates, then more figures. The order is
// lexicographic, which addition preserves, so the dynamic programme below
// finds the best set under all three at once.
type intervalScore struct{ covered, estimates, figures int }

func (a intervalScore) better(b intervalScore) bool {
	if a.covered != b.covered {
		return a.covered > b.covered
	}
	if a.estimates != b.estimates {
		return a.estimates < b.estimates
	}
	return a.figures > b.figures
}

func (a intervalScore) plus(f *Figure) intervalScore {
	a.covered += f.Months()
	a.figures++
	if f.Estimate {
		a.estimates++
	}
	return a
}

// intervalPlan solves weighted interval scheduling over the figures lying
// wholly inside [from,last], ordered by end month. Because of that order,
// the best set for any window [from,to] with to ≤ last is the best over a
// prefix, which lets SinceLaunch answer every k from one plan. A plan may
// be filled again and again (Disagreements does), reusing its memory.
type intervalPlan struct {
	figs []*Figure       // the candidates, in cmpEnd order
	best []intervalScore // best[j]: the best set among the first j
	take []bool          // take[j]: best[j+1] includes figs[j]
	prev []int           // prev[j]: how many candidates end before figs[j] starts
}

// newIntervalPlan plans over the figures of figs inside [from,last].
func newIntervalPlan(figs []Figure, from, last Month) *intervalPlan {
	p := &intervalPlan{}
	for i := range figs {
		if f := &figs[i]; f.From >= from && f.To <= last && f.From <= f.To {
			p.figs = append(p.figs, f)
		}
	}
	sortByEnd(p.figs)
	p.solve()
	return p
}

// byEnd returns pointers to the figures of figs with From ≤ To, in cmpEnd
// order, for fill.
func byEnd(figs []Figure) []*Figure {
	out := make([]*Figure, 0, len(figs))
	for i := range figs {
		if figs[i].From <= figs[i].To {
			out = append(out, &figs[i])
		}
	}
	sortByEnd(out)
	return out
}

// fill plans over the figures of sorted (from byEnd) inside [from,last],
// leaving out sorted[skip] (skip < 0: none). The candidates are found by
// binary search, so many windows over one series cost little each.
func (p *intervalPlan) fill(sorted []*Figure, from, last Month, skip int) {
	lo := sort.Search(len(sorted), func(i int) bool { return sorted[i].To >= from })
	hi := sort.Search(len(sorted), func(i int) bool { return sorted[i].To > last })
	p.figs = p.figs[:0]
	for i := lo; i < hi; i++ {
		if i != skip && sorted[i].From >= from {
			p.figs = append(p.figs, sorted[i])
		}
	}
	p.solve()
}

func sortByEnd(figs []*Figure) {
	for i := 1; i < len(figs); i++ {
		if cmpEnd(figs[i-1], figs[i]) > 0 {
			slices.SortFunc(figs, cmpEnd)
			return
		}
	}
}

// cmpEnd is the order of a plan's candidates: by To, From, then the rest.
func cmpEnd(a, b *Figure) int {
	if a.To != b.To {
		return cmp.Compare(a.To, b.To)
	}
	if a.From != b.From {
		return cmp.Compare(a.From, b.From)
	}
	return cmpUsedRef(a, b)
}

// solve runs the dynamic programme over p.figs, which are in cmpEnd order.
func (p *intervalPlan) solve() {
	n := len(p.figs)
	p.best = slices.Grow(p.best[:0], n+1)[:n+1]
	p.take = slices.Grow(p.take[:0], n)[:n]
	p.prev = slices.Grow(p.prev[:0], n)[:n]
	p.best[0] = intervalScore{}
	for j, f := range p.figs {
		// Candidates ending before f starts all come before f (f ends
		// no earlier than it starts), so search the first j only.
		c := sort.Search(j, func(k int) bool { return p.figs[k].To >= f.From })
		p.prev[j] = c
		with := p.best[c].plus(f)
		// On a tie keep the set without f: any fixed choice makes the
		// answer deterministic, since the candidates' order is fixed.
		if with.better(p.best[j]) {
			p.best[j+1], p.take[j] = with, true
		} else {
			p.best[j+1], p.take[j] = p.best[j], false
		}
	}
}

// walk calls fn for each figure of the best set over [from,to]; from must
// be the plan's from and to at most its last month.
func (p *intervalPlan) walk(to Month, fn func(f *Figure)) {
	j := sort.Search(len(p.figs), func(k int) bool { return p.figs[k].To > to })
	for j > 0 {
		k := j - 1
		if !p.take[k] {
			j--
			continue
		}
		fn(p.figs[k])
		j = p.prev[k]
	}
}

// total returns the best total over [from,to], with the figures used.
func (p *intervalPlan) total(from, to Month) Total {
	t := Total{Months: windowMonths(from, to)}
	n := 0
	p.walk(to, func(*Figure) { n++ })
	// One allocation, filled from the back: the walk goes from the last
	// figure to the first, so Used comes out in order and sortUsed only
	// checks it.
	if n == 0 {
		return t
	}
	t.Used = make([]Figure, n)
	p.walk(to, func(f *Figure) {
		t.Installs += f.Installs
		t.Covered += f.Months()
		t.Estimate = t.Estimate || f.Estimate
		n--
		t.Used[n] = *f
	})
	sortUsed(t.Used)
	return t
}

// sum is total without the list of figures, so it allocates nothing.
func (p *intervalPlan) sum(from, to Month) Total {
	t := Total{Months: windowMonths(from, to)}
	p.walk(to, func(f *Figure) {
		t.Installs += f.Installs
		t.Covered += f.Months()
		t.Estimate = t.Estimate || f.Estimate
	})
	return t
}
