package figures

import (
	"fmt"
	"slices"
)

// partsOverWhole names the spans over which a set of parts adds to more
// than the whole's figures allow. For every span S of a figure of the
// whole or of a part, the parts add at least their totals over S (only
// figures lying wholly inside S count: a lower bound, partial coverage
// included); a figure of the whole F containing S allows at most F less
// what the whole's figures inside F but outside S already account for.
func partsOverWhole(n Node, ps PartSet, rank Ranking) []string {
	lo, hi, ok := nodeSpan(n)
	if !ok {
		return nil
	}
	shown := n.Resolve(rank, lo, hi).Shown
	if len(shown) == 0 {
		return nil
	}
	type span struct{ from, to Month }
	spans := map[span]bool{}
	var partFigs []Figure
	for _, part := range ps.Nodes {
		plo, phi, ok := nodeSpan(part)
		if !ok {
			continue
		}
		partFigs = append(partFigs, partFigures(part, rank, plo, phi)...)
	}
	// Any span inside a figure of the whole may be where the parts exceed
	// it, not only the spans figures have (Jan-Mar 100 with Mar 50 allows
	// 50 over Jan-Feb, which no figure spans). Only spans whose ends are
	// where some figure starts or ends can be the first to exceed: the
	// totals change nowhere else.
	every := append(slices.Clone(partFigs), shown...)
	for _, f := range shown {
		spans[span{f.From, f.To}] = true
		if f.Months() < 2 {
			continue
		}
		starts, ends := []Month{f.From}, []Month{f.To}
		for _, g := range every {
			for _, m := range []Month{g.From, g.To + 1} {
				if m > f.From && m <= f.To {
					starts = append(starts, m)
				}
			}
			for _, m := range []Month{g.To, g.From - 1} {
				if m >= f.From && m < f.To {
					ends = append(ends, m)
				}
			}
		}
		starts, ends = sortedUnique(starts), sortedUnique(ends)
		if len(starts)*len(ends) > maxSpansChecked {
			// Too many to try each: the spans figures have, and those from
			// the whole's first month or to its last.
			for _, g := range partFigs {
				if g.From >= f.From && g.To <= f.To {
					spans[span{g.From, g.To}] = true
				}
			}
			for _, a := range starts {
				spans[span{a, f.To}] = true
			}
			for _, b := range ends {
				spans[span{f.From, b}] = true
			}
			continue
		}
		for _, a := range starts {
			for _, b := range ends {
				if a <= b {
					spans[span{a, b}] = true
				}
			}
		}
	}
	for _, f := range partFigs {
		spans[span{f.From, f.To}] = true
	}
	keys := make([]span, 0, len(spans))
	for s := range spans {
		keys = append(keys, s)
	}
	slices.SortFunc(keys, func(a, b span) int {
		if a.from != b.from {
			return int(a.from - b.from)
		}
		return int(a.to - b.to)
	})
	var out []string
	for _, s := range keys {
		found := false
		var bound, outside int64
		var by Figure
		for _, f := range shown {
			if f.From > s.from || f.To < s.to {
				continue
			}
			o := TotalOver(shown, f.From, s.from-1).Installs + TotalOver(shown, s.to+1, f.To).Installs
			if b := f.Installs - o; !found || b < bound || b == bound && cmpUsed(f, by) < 0 {
				found, bound, outside, by = true, b, o, f
			}
		}
		if !found {
			continue
		}
		var sum int64
		var contributing []string
		for _, part := range ps.Nodes {
			if t := NodeTotal(part, rank, s.from, s.to); t.Covered > 0 {
				sum += t.Installs
				contributing = append(contributing, part.Name)
			}
		}
		if len(contributing) == 0 || sum <= bound {
			continue
		}
		a, b := installsPair(float64(sum), float64(bound))
		why := fmt.Sprintf("%s over %s (%s)", FormatInstalls(float64(by.Installs)), spanText(by.From, by.To), sourceName(by.Source))
		if outside > 0 {
			why += fmt.Sprintf(" less %s outside", FormatInstalls(float64(outside)))
		}
		out = append(out, fmt.Sprintf("%s: %s (%s) add to %s over %s, more than %s allows (at most %s: %s)",
			n.Label, ps.Kind, namesText(contributing, 6), a, spanText(s.from, s.to), n.wholeName(), b, why))
	}
	return out
}

// maxSpansChecked bounds the spans inside one figure of a whole that
// partsOverWhole tries one by one (a whole of five years with monthly
// parts has 1,830).
const maxSpansChecked = 2048

func sortedUnique(ms []Month) []Month {
	slices.Sort(ms)
	return slices.Compact(ms)
}
