package figures

import (
	"cmp"
	"fmt"
	"slices"
)

// Disagreements says where the figures of one app contradict each other
// (DESIGN, "Disagreement"). It never changes a figure; it only words what
// a careful reader would notice. Two checks, in this order:
//
// (a) Countries add to more than worldwide allows. For every distinct span
// W of the country figures, the countries whose TotalOver(W) is full are
// added up. Each worldwide figure F whose span S contains W allows at most
// F less the worldwide figures known in S outside W (TotalOver of
// S.from..W.from−1 and W.to+1..S.to; those are at least what happened
// there, so the bound is safe). If the countries exceed the smallest
// bound, the warning names it:
//
//	Resso: countries add to 14.8M over 2020-03..2020-07, more than worldwide
//	allows (at most 11.6M: 15.2M over 2020-03..2020-09 less 3.6M outside)
//
// (b) A span's total below the sum of its months. For every figure F
// covering more than one month, if the other figures of its series lying
// inside F add (by TotalOver) to more than F:
//
//	Resso IN: 2020-03..2020-09 is 9.9M but figures inside it add to 10.1M
//
// Warnings come in a fixed order: (a) by W's from and to; then (b) for the
// worldwide series and then each country by code, by from and to.
func Disagreements(app string, ww []Figure, byCountry map[string][]Figure) []string {
	codes := countryCodes(byCountry)
	wwSorted := byEnd(ww)
	sorted := make([][]*Figure, len(codes)) // each country's figures, by end
	for i, code := range codes {
		sorted[i] = byEnd(byCountry[code])
	}
	var plan intervalPlan // scratch, reused by every total below
	total := func(series []*Figure, from, to Month, skip int) Total {
		if to < from {
			return Total{}
		}
		plan.fill(series, from, to, skip)
		return plan.sum(from, to)
	}
	var out []string

	// (a) countries against worldwide.
	if len(wwSorted) > 0 {
		type span struct{ from, to Month }
		var spans []span
		for _, series := range sorted {
			for _, f := range series {
				spans = append(spans, span{f.From, f.To})
			}
		}
		slices.SortFunc(spans, func(a, b span) int {
			if a.from != b.from {
				return cmp.Compare(a.from, b.from)
			}
			return cmp.Compare(a.to, b.to)
		})
		spans = slices.Compact(spans)
		for _, w := range spans {
			found := false
			var bound, outside int64
			var by *Figure
			for _, f := range wwSorted {
				if f.From > w.from || f.To < w.to {
					continue
				}
				o := total(wwSorted, f.From, w.from-1, -1).Installs + total(wwSorted, w.to+1, f.To, -1).Installs
				if b := f.Installs - o; !found || b < bound {
					found, bound, outside, by = true, b, o, f
				}
			}
			if !found {
				continue
			}
			var sum int64
			n := 0
			for _, series := range sorted {
				if t := total(series, w.from, w.to, -1); t.Full() {
					sum += t.Installs
					n++
				}
			}
			if n == 0 || sum <= bound {
				continue
			}
			s, b := installsPair(float64(sum), float64(bound))
			why := fmt.Sprintf("%s over %s", FormatInstalls(float64(by.Installs)), spanText(by.From, by.To))
			if outside > 0 {
				why += fmt.Sprintf(" less %s outside", FormatInstalls(float64(outside)))
			}
			out = append(out, fmt.Sprintf("%s: countries add to %s over %s, more than worldwide allows (at most %s: %s)",
				Sanitize(app), s, spanText(w.from, w.to), b, why))
		}
	}

	// (b) spans below the figures inside them.
	check := func(country string, series []*Figure) {
		type finding struct {
			f   *Figure
			msg string
		}
		var found []finding
		for i, f := range series {
			if f.Months() < 2 {
				continue
			}
			inner := total(series, f.From, f.To, i)
			if inner.Installs <= f.Installs {
				continue
			}
			a, b := installsPair(float64(f.Installs), float64(inner.Installs))
			found = append(found, finding{f, fmt.Sprintf("%s: %s is %s but figures inside it add to %s",
				seriesLabel(app, country), spanText(f.From, f.To), a, b)})
		}
		slices.SortStableFunc(found, func(x, y finding) int { return cmpUsedRef(x.f, y.f) })
		for _, x := range found {
			out = append(out, x.msg)
		}
	}
	check(Worldwide, wwSorted)
	for i, code := range codes {
		check(code, sorted[i])
	}
	return out
}
