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
	Summed    bool     // made from the sum of countries (WorldwideTotal)
	Countries int      // when Summed: how many countries were added
	Used      []Figure // the figures added, sorted by country, from, to
}

// Full reports whether the figures cover every month of the window.
func (t Total) Full() bool { return t.Covered == t.Months && t.Months > 0 }

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
	return p.total(from, to)
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

// WorldwideTotal is TotalOver of the worldwide figures when they cover any
// month of the window. Otherwise it is the sum of TotalOver of each
// country, marked Summed, with Countries saying how many were added.
//
// Coverage of a sum: Covered is the smallest coverage among the countries
// that have any. The sum is whole for a month only if every country added
// has that month, so the smallest coverage is the most the sum can claim;
// taking the largest would call a sum full while one of its countries
// still misses months. (It may still claim too much when the countries
// cover different months of the window; the countries view shows each.)
func WorldwideTotal(ww []Figure, byCountry map[string][]Figure, from, to Month) Total {
	t := TotalOver(ww, from, to)
	if t.Covered > 0 {
		return t
	}
	out := Total{Months: windowMonths(from, to)}
	for _, code := range countryCodes(byCountry) {
		c := TotalOver(byCountry[code], from, to)
		if c.Covered == 0 {
			continue
		}
		if out.Countries == 0 || c.Covered < out.Covered {
			out.Covered = c.Covered
		}
		out.Countries++
		out.Installs += c.Installs
		out.Estimate = out.Estimate || c.Estimate
		out.Used = append(out.Used, c.Used...)
	}
	out.Summed = out.Countries > 0
	sortUsed(out.Used)
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
	p.walk(to, func(f *Figure) {
		t.Installs += f.Installs
		t.Covered += f.Months()
		t.Estimate = t.Estimate || f.Estimate
		t.Used = append(t.Used, *f)
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
