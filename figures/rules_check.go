package figures

import (
	"fmt"
	"slices"
	"strings"
)

// NodeDisagreements says where the figures of a node and its parts
// contradict each other (DESIGN, "Disagreement"), in every direction. It
// never changes a figure; it words what a careful reader would notice,
// naming both numbers and their sources:
//
//   - a span whose months, covered by the same source's other figures,
//     add to a different total, more or less (spanDisagreements);
//   - two sources more than 10% apart on the same months
//     (sourceDisagreements);
//   - parts that add to more than their whole allows, on any span,
//     partial coverage included (partsOverWhole);
//
// then the same for every part. Warnings come in a fixed order.
func NodeDisagreements(n Node, rank Ranking) []string {
	out := spanDisagreements(n.Label, n.Figures)
	out = append(out, sourceDisagreements(n.Label, n.Figures)...)
	for _, ps := range n.Parts {
		out = append(out, partsOverWhole(n, ps, rank)...)
	}
	for _, ps := range n.Parts {
		for _, p := range ps.Nodes {
			out = append(out, NodeDisagreements(p, rank)...)
		}
	}
	return out
}

// PartsOverWhole is the warnings where a node's parts add to more than its
// own figures allow (countries over worldwide, platforms over all), on any
// span: the contradictions between the whole and its parts, without those
// inside each part. A view of one part (a country's ranking) shows them,
// as the part's figures are one side of each.
func PartsOverWhole(n Node, rank Ranking) []string {
	var out []string
	for _, ps := range n.Parts {
		out = append(out, partsOverWhole(n, ps, rank)...)
	}
	return out
}

// spanDisagreements checks, source by source, every figure F covering
// several months against the same source's figures lying wholly inside
// it: when they cover every month of F and can add to less than F, or
// any set of them adds to more than F (whatever it covers), F and they
// disagree, and both numbers are named.
func spanDisagreements(label string, figs []Figure) []string {
	var names []string
	bySource := map[string][]Figure{}
	if oneSource(figs) {
		if len(figs) > 0 {
			names, bySource = []string{figs[0].Source}, map[string][]Figure{figs[0].Source: figs}
		}
	} else {
		for _, f := range figs {
			bySource[f.Source] = append(bySource[f.Source], f)
		}
		for s := range bySource {
			names = append(names, s)
		}
		slices.Sort(names)
	}
	type finding struct {
		f   *Figure
		msg string
	}
	var found []finding
	for _, src := range names {
		sorted := byEnd(bySource[src])
		for i, f := range sorted {
			if f.Months() < 2 {
				continue
			}
			var cands []*Figure
			for k, g := range sorted {
				if k != i && g.From >= f.From && g.To <= f.To {
					cands = append(cands, g)
				}
			}
			if len(cands) == 0 {
				continue
			}
			// Both directions: the fewest the months add to when the
			// inner figures cover all of F, and the most any set of them
			// adds, whatever it covers (Jan–Apr 400 holding Feb–Mar 500,
			// beside months adding to 260, is wrong both ways).
			var parts []string
			shown := FormatInstalls(float64(f.Installs))
			if e := newExtremes(cands); e.cov[len(cands)] == f.Months() && e.lo[len(cands)] < f.Installs {
				a, b := installsPair(float64(f.Installs), float64(e.lo[len(cands)]))
				shown = a
				parts = append(parts, "the months inside it add to "+b+", less than it")
			}
			if most, _ := maxInside(sorted, f.From, f.To, i); most > f.Installs {
				a, b := installsPair(float64(f.Installs), float64(most))
				if len(parts) == 0 {
					shown = a
				}
				parts = append(parts, "figures inside it already add to "+b)
			}
			msg := ""
			if len(parts) > 0 {
				msg = fmt.Sprintf("%s: %s is %s but %s (%s)", label, spanText(f.From, f.To), shown,
					strings.Join(parts, ", and "), sourceName(src))
			}
			if msg != "" {
				found = append(found, finding{f, msg})
			}
		}
	}
	slices.SortStableFunc(found, func(x, y finding) int { return cmpUsedRef(x.f, y.f) })
	out := make([]string, len(found))
	for i, x := range found {
		out[i] = x.msg
	}
	return out
}

// worldwideNode makes the node of an app worldwide from its WW figures
// and its countries' (a WW entry among the countries is left out).
func worldwideNode(app string, ww []Figure, byCountry map[string][]Figure) Node {
	n := Node{Label: Sanitize(app) + " " + Worldwide, Name: Worldwide, Whole: "worldwide", Figures: ww}
	ps := PartSet{Kind: "countries"}
	for _, code := range countryCodes(byCountry) {
		ps.Nodes = append(ps.Nodes, Node{Label: Sanitize(app) + " " + Sanitize(code), Name: code, Figures: byCountry[code]})
	}
	n.Parts = []PartSet{ps}
	return n
}

// Disagreements is NodeDisagreements for an app worldwide and in its
// countries, under the default ranking.
func Disagreements(app string, ww []Figure, byCountry map[string][]Figure) []string {
	return NodeDisagreements(worldwideNode(app, ww, byCountry), nil)
}

// WorldwideCurve is NodeCurve for an app worldwide: its WW figures, and
// the sum of its countries for the months they leave without one.
func WorldwideCurve(ww []Figure, byCountry map[string][]Figure, from, to Month) Curve {
	app := ""
	if len(ww) > 0 {
		app = ww[0].App
	} else {
		for _, code := range countryCodes(byCountry) {
			if figs := byCountry[code]; len(figs) > 0 {
				app = figs[0].App
				break
			}
		}
	}
	return NodeCurve(worldwideNode(app, ww, byCountry), nil, from, to)
}

// WorldwideTotal is NodeTotal for an app worldwide.
func WorldwideTotal(ww []Figure, byCountry map[string][]Figure, from, to Month) Total {
	return NodeTotal(worldwideNode("", ww, byCountry), nil, from, to)
}
