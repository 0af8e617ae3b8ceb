package figures

import (
	"slices"
	"sort"
)

// Ties and extremes. Of the sets of non-overlapping figures inside a
// window, TotalOver takes the one covering the most months. When two
// such sets cover as many months but add to different totals (Jan–Jun
// 600 and Apr–Sep 900 over Jan–Sep), choosing one would hide the other:
// Tie names both. And a span whose months inside add to more than it
// says is a contradiction whichever set of them adds most (Jan–Apr 400
// holding Feb–Mar 500, beside Jan…Apr adding to 260): maxInside finds
// the set with the most installs, whatever it covers.

// Tie is a second reading of a window: another set of figures covering
// as many months as the one a Total uses, adding to another total.
type Tie struct {
	Installs int64
	Used     []Figure
}

// extremes finds, over the candidates of a plan (in cmpEnd order), the
// sets covering the most months with the fewest and the most installs.
type extremes struct {
	cov        []int   // cov[j]: the most months a set among the first j covers
	lo, hi     []int64 // the fewest and most installs of such a set
	takeLo     []bool
	takeHi     []bool
	prev       []int
	candidates []*Figure
}

func newExtremes(figs []*Figure) *extremes {
	n := len(figs)
	e := &extremes{cov: make([]int, n+1), lo: make([]int64, n+1), hi: make([]int64, n+1),
		takeLo: make([]bool, n), takeHi: make([]bool, n), prev: make([]int, n), candidates: figs}
	for j, f := range figs {
		c := sort.Search(j, func(k int) bool { return figs[k].To >= f.From })
		e.prev[j] = c
		with := e.cov[c] + f.Months()
		switch {
		case with > e.cov[j]:
			e.cov[j+1], e.lo[j+1], e.hi[j+1] = with, e.lo[c]+f.Installs, e.hi[c]+f.Installs
			e.takeLo[j], e.takeHi[j] = true, true
		case with < e.cov[j]:
			e.cov[j+1], e.lo[j+1], e.hi[j+1] = e.cov[j], e.lo[j], e.hi[j]
		default:
			e.cov[j+1] = with
			if l := e.lo[c] + f.Installs; l < e.lo[j] {
				e.lo[j+1], e.takeLo[j] = l, true
			} else {
				e.lo[j+1] = e.lo[j]
			}
			if h := e.hi[c] + f.Installs; h > e.hi[j] {
				e.hi[j+1], e.takeHi[j] = h, true
			} else {
				e.hi[j+1] = e.hi[j]
			}
		}
	}
	return e
}

// set rebuilds the set of the fewest (lo) or the most installs.
func (e *extremes) set(lo bool) []Figure {
	take := e.takeHi
	if lo {
		take = e.takeLo
	}
	var out []Figure
	for j := len(e.candidates); j > 0; {
		k := j - 1
		if !take[k] {
			j--
			continue
		}
		out = append(out, *e.candidates[k])
		j = e.prev[k]
	}
	sortUsed(out)
	return out
}

// tieOf returns the other reading of the window when the sets covering
// the most months disagree on the total t took.
func tieOf(cands []*Figure, t Total) *Tie {
	if len(cands) < 2 || t.Empty() {
		return nil
	}
	e := newExtremes(cands)
	n := len(cands)
	if e.lo[n] == e.hi[n] {
		return nil
	}
	if t.Installs != e.lo[n] {
		return &Tie{Installs: e.lo[n], Used: e.set(true)}
	}
	return &Tie{Installs: e.hi[n], Used: e.set(false)}
}

// maxInside is the most installs any set of non-overlapping figures of
// sorted (from byEnd) lying wholly inside [from, to] adds to, leaving out
// sorted[skip], with the set.
func maxInside(sorted []*Figure, from, to Month, skip int) (int64, []Figure) {
	var cands []*Figure
	for i, f := range sorted {
		if i != skip && f.From >= from && f.To <= to {
			cands = append(cands, f)
		}
	}
	best := make([]int64, len(cands)+1)
	take := make([]bool, len(cands))
	prev := make([]int, len(cands))
	for j, f := range cands {
		c := sort.Search(j, func(k int) bool { return cands[k].To >= f.From })
		prev[j] = c
		if with := best[c] + f.Installs; with > best[j] {
			best[j+1], take[j] = with, true
		} else {
			best[j+1] = best[j]
		}
	}
	var used []Figure
	for j := len(cands); j > 0; {
		k := j - 1
		if !take[k] {
			j--
			continue
		}
		used = append(used, *cands[k])
		j = prev[k]
	}
	slices.Reverse(used)
	return best[len(cands)], used
}
