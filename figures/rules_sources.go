package figures

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Sources. A series (one app, one market, one platform) may hold figures
// from several sources. For each month it shows the figures of the
// highest-ranked source that covers the month; the user's ranking comes
// first, then the default: sources of exact figures before sources with
// estimates, then the source covering most months of the window, then by
// name. Only figures that share a month with another source's count
// towards "with estimates": an estimate in months no other source covers
// decides nothing between them, and must not hand a source's exact
// months to another. Another source's figures are alternatives: kept, listed, and
// compared (Disagreements), never added to the shown ones.

// Ranking is the user's order of sources, highest first; sources it does
// not name rank after them, in the default order.
type Ranking []string

// Resolution is what a series shows under a ranking.
type Resolution struct {
	Shown  []Figure // for each month, the figures of the highest-ranked source covering it
	Others []Figure // the other sources' figures: alternatives, shown nowhere but named
	Order  []string // the series' sources, highest first
}

// Mixed reports whether the shown figures come from more than one source.
func (r Resolution) Mixed() bool { return len(sourcesOf(r.Shown)) > 1 }

// Resolve picks the figures a series shows over the window [from, to]
// (which decides the default ranking's "covering most months").
func Resolve(figs []Figure, rank Ranking, from, to Month) Resolution {
	if oneSource(figs) {
		// Most series: nothing to rank, and a million figures to read.
		var order []string
		if len(figs) > 0 {
			order = []string{figs[0].Source}
		}
		return Resolution{Shown: figs, Order: order}
	}
	order := rankSources(figs, rank, from, to)
	if len(order) <= 1 {
		return Resolution{Shown: figs, Order: order}
	}
	place := make(map[string]int, len(order))
	for i, s := range order {
		place[s] = i
	}
	lo, hi, ok := Span(figs)
	if !ok {
		return Resolution{Order: order}
	}
	// Each month goes to the highest-ranked source with a figure over it.
	top := make([]int, int(hi-lo)+1)
	for i := range top {
		top[i] = len(order)
	}
	for _, f := range figs {
		p := place[f.Source]
		for m := f.From; m <= f.To; m++ {
			if i := int(m - lo); i >= 0 && i < len(top) && p < top[i] {
				top[i] = p
			}
		}
	}
	var r Resolution
	r.Order = order
	for _, f := range figs {
		shown := false
		p := place[f.Source]
		for m := f.From; m <= f.To && !shown; m++ {
			shown = top[m-lo] == p
		}
		if shown {
			r.Shown = append(r.Shown, f)
		} else {
			r.Others = append(r.Others, f)
		}
	}
	return r
}

func oneSource(figs []Figure) bool {
	for i := 1; i < len(figs); i++ {
		if figs[i].Source != figs[0].Source {
			return false
		}
	}
	return true
}

// rankSources orders the sources of figs: the ranking's first, in its
// order; then sources without estimates before sources with them, then
// the one covering most months of [from, to], then by name.
func rankSources(figs []Figure, rank Ranking, from, to Month) []string {
	type stat struct {
		name     string
		estimate bool
		months   map[Month]bool
	}
	by := map[string]*stat{}
	for _, f := range figs {
		s := by[f.Source]
		if s == nil {
			s = &stat{name: f.Source, months: map[Month]bool{}}
			by[f.Source] = s
		}
		s.estimate = s.estimate || f.Estimate && contested(figs, f)
		for m := max(f.From, from); m <= min(f.To, to); m++ {
			s.months[m] = true
		}
	}
	stats := make([]*stat, 0, len(by))
	for _, s := range by {
		stats = append(stats, s)
	}
	// The ranking names sources as people type them: without regard
	// to case.
	userPlace := func(name string) int {
		if i := slices.IndexFunc(rank, func(r string) bool { return strings.EqualFold(r, name) }); i >= 0 {
			return i
		}
		return len(rank)
	}
	slices.SortFunc(stats, func(a, b *stat) int {
		if c := cmp.Compare(userPlace(a.name), userPlace(b.name)); c != 0 {
			return c
		}
		if a.estimate != b.estimate {
			if !a.estimate {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(len(b.months), len(a.months)), strings.Compare(a.name, b.name))
	})
	out := make([]string, len(stats))
	for i, s := range stats {
		out[i] = s.name
	}
	return out
}

// contested reports whether another source has a figure sharing a month
// with f.
func contested(figs []Figure, f Figure) bool {
	for _, g := range figs {
		if g.Source != f.Source && g.From <= f.To && f.From <= g.To {
			return true
		}
	}
	return false
}

// apart is how far apart two sources' numbers for the same months may be
// before the screen says so: 10% of the larger.
const apart = 0.10

// sourceDisagreements compares each figure with every other source's
// figures over the same months: when the other source covers them all
// and its total differs by more than 10%, or covers some and already
// adds to more than 10% over, both numbers are named with their sources.
func sourceDisagreements(label string, figs []Figure) []string {
	if oneSource(figs) {
		return nil
	}
	bySource := map[string][]Figure{}
	var names []string
	for _, f := range figs {
		if _, ok := bySource[f.Source]; !ok {
			names = append(names, f.Source)
		}
		bySource[f.Source] = append(bySource[f.Source], f)
	}
	if len(names) < 2 {
		return nil
	}
	slices.Sort(names)
	for _, figs := range bySource {
		slices.SortFunc(figs, cmpUsed) // the warnings never depend on the input's order
	}
	type seen struct {
		from, to Month
		a, b     string
	}
	done := map[seen]bool{}
	var out []string
	for _, a := range names {
		for _, f := range bySource[a] {
			for _, b := range names {
				if b == a {
					continue
				}
				pair := seen{f.From, f.To, min(a, b), max(a, b)}
				if done[pair] {
					continue
				}
				t := TotalOver(bySource[b], f.From, f.To)
				if t.Empty() {
					continue
				}
				x, y := float64(f.Installs), float64(t.Installs)
				far := math.Abs(x-y) > apart*math.Max(x, y)
				if !t.Full() && y <= x*(1+apart) {
					far = false // part of the months, not yet over
				}
				if !far {
					continue
				}
				done[pair] = true
				other := fmt.Sprintf("%s says %s", sourceName(b), FormatInstalls(y)+Marks(false, t.Estimate, false))
				if !t.Full() {
					other = fmt.Sprintf("%s already says %s%s over %d of its %d months", sourceName(b), MarkAtLeast, FormatInstalls(y)+Marks(false, t.Estimate, false), t.Covered, t.Months)
				}
				out = append(out, fmt.Sprintf("%s %s: %s says %s; %s: the sources are %.0f%% apart",
					label, spanText(f.From, f.To), sourceName(a), FormatInstalls(x)+Marks(false, f.Estimate, false), other, 100*math.Abs(x-y)/math.Max(x, y)))
			}
		}
	}
	return out
}

// sourceName writes a source for a message: cut to a readable length.
func sourceName(s string) string {
	if s == "" {
		return "no source given"
	}
	return CutTo(Sanitize(s), 60)
}
