package figures

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Parts and wholes. Worldwide is the WW figures where they exist,
// otherwise the sum of the countries; all platforms is the figures for
// both stores where they exist, otherwise iOS plus Android; a group is
// the sum of its members. A Node is such a series with the parts that can
// stand in for it, and the same rules serve them all: a month the whole
// has no figure for takes the sum of the first set of parts with figures
// for it (marked Σ, with how many), and parts that add to more than
// their whole allows are named (Disagreements).

// Node is one series (an app in a market, on a platform) and the sets of
// parts that can stand in for it.
type Node struct {
	Label   string   // names the series in messages: "Resso WW", "Resso IN ios"
	Name    string   // its name among its siblings: "IN", "ios"
	Whole   string   // what it is, as a whole of parts: "worldwide", "all platforms", "Southeast Asia"
	Figures []Figure // its own figures, from every source
	Parts   []PartSet
	// Launched is the month the app launched there, when known: before
	// it there was nothing to install, a known zero rather than a gap.
	Launched Month
}

// PartSet is one way of splitting a node: its countries, its platforms,
// its members.
type PartSet struct {
	Kind  string // "countries", "platforms", "members": for messages
	Nodes []Node
}

// Resolve picks the node's own figures the series shows.
func (n Node) Resolve(rank Ranking, from, to Month) Resolution {
	return Resolve(n.Figures, rank, from, to)
}

// NodeCurve is the curve of a node over [from, to]: its own shown
// figures' monthly curve, with each month that has none taking the sum
// of the first set of parts with figures for it.
func NodeCurve(n Node, rank Ranking, from, to Month) Curve {
	r := n.Resolve(rank, from, to)
	c := MonthlyCurve(r.Shown, from, to)
	if mixed := sourcesOf(c.Used); len(mixed) > 1 {
		c.Warnings = append(c.Warnings, fmt.Sprintf("%s: the numbers draw on %d sources (%s), each where it ranks highest; a total across them mixes them",
			n.Label, len(mixed), namesText(mixed, 3)))
	}
	for _, ps := range n.Parts {
		if !hasGap(c) {
			break
		}
		c = fillFromParts(c, ps, n, rank, from, to)
	}
	return c
}

func hasGap(c Curve) bool {
	for _, p := range c.Points {
		if p.Kind == Gap {
			return true
		}
	}
	return false
}

// fillFromParts gives each gap month of c the sum of the parts' points
// for it, where at least one part has one.
func fillFromParts(c Curve, ps PartSet, whole Node, rank Ranking, from, to Month) Curve {
	type sum struct {
		value       float64
		names       []string
		sources     string   // the first part's point's sources
		others      []string // other parts' points' sources, when they differ from it
		spread, est bool
		unlaunched  int // parts not yet launched that month: they add a known zero
	}
	sums := make([]sum, len(c.Points))
	var added []string
	// The parts' figures are gathered and appended to c.Used once: fifty
	// appends of a few hundred figures each copied the growing list over
	// and over (2 MB per worldwide curve on the million).
	var used [][]Figure
	nUsed := 0
	// Each run of gap months is read from the parts as a window of its
	// own, so that their figures behind months the whole shows itself are
	// neither listed nor warned about.
	for _, part := range ps.Nodes {
		partUsed := false
		has := make([]bool, len(c.Points))
		for i := 0; i < len(c.Points); {
			if c.Points[i].Kind != Gap {
				i++
				continue
			}
			j := i
			for j+1 < len(c.Points) && c.Points[j+1].Kind == Gap {
				j++
			}
			pc := NodeCurve(part, rank, from.Add(i), from.Add(j))
			any := false
			for k, p := range pc.Points {
				if p.Kind == Gap {
					continue
				}
				has[i+k] = true
				s := &sums[i+k]
				s.value += p.Value
				s.names = append(s.names, part.Name)
				switch {
				case len(s.names) == 1:
					s.sources = p.Sources
				case p.Sources != s.sources:
					s.others = append(s.others, p.Sources)
				}
				s.spread = s.spread || p.Kind == Spread
				s.est = s.est || p.Estimate
				any = true
			}
			if any {
				partUsed = true
				used = append(used, pc.Used)
				nUsed += len(pc.Used)
				c.Warnings = append(c.Warnings, pc.Warnings...)
			}
			i = j + 1
		}
		if partUsed {
			added = append(added, part.Name)
			for i := range sums {
				if !has[i] && part.Launched != 0 && from.Add(i) < part.Launched {
					sums[i].unlaunched++
				}
			}
		}
	}
	if len(added) == 0 {
		return c
	}
	c.Used = slices.Grow(c.Used, nUsed)
	for _, u := range used {
		c.Used = append(c.Used, u...)
	}
	var summed, partial []Month
	for i := range c.Points {
		s := sums[i]
		if len(s.names) == 0 {
			continue
		}
		kind := Exact
		if s.spread {
			kind = Spread
		}
		// A part with figures in the window but none this month may have
		// had installs: the sum is then at least what it shows.
		short := len(s.names)+s.unlaunched < len(added)
		c.Points[i] = Point{Month: c.Points[i].Month, Value: s.value, Kind: kind, Estimate: s.est, Summed: true,
			Parts: strings.Join(s.names, ","), LowerBound: short, Sources: joinSources(s.sources, s.others)}
		summed = append(summed, c.Points[i].Month)
		if short {
			partial = append(partial, c.Points[i].Month)
		}
	}
	c.Summed, c.Countries, c.PartsKind = true, len(added), ps.Kind
	sortUsed(c.Used)
	w := fmt.Sprintf("%s %s is the sum of %s (%s), not a figure for %s",
		whole.Label, MonthsText(summed, 4), CountText(len(added), ps.Kind), namesText(added, 6), whole.wholeName())
	if len(partial) > 0 {
		w += fmt.Sprintf("; in %s some of them have no figure, so those sums are at least what they show (≥)",
			MonthsText(partial, 4))
	}
	c.Warnings = append(c.Warnings, w)
	return c
}

// wholeName is what a node is as a whole, for messages.
func (n Node) wholeName() string {
	if n.Whole != "" {
		return n.Whole
	}
	return Sanitize(n.Name)
}

// NodeTotal is the node's total over [from, to]: of its own shown
// figures where they cover any month of the window, otherwise the sum of
// the first set of parts that has any (marked Summed, with how many).
//
// The coverage of a sum is the smallest among the parts added: the sum is
// whole for a month only if every part added has that month. A part the
// app launched in inside the window is read from its launch month: the
// months before it hold nothing to install, a known zero, as the curve
// reads them (fillFromParts).
func NodeTotal(n Node, rank Ranking, from, to Month) Total {
	r := n.Resolve(rank, from, to)
	t := TotalOver(r.Shown, from, to)
	if t.Covered > 0 || to < from {
		return t
	}
	for _, ps := range n.Parts {
		out := Total{Months: windowMonths(from, to)}
		parts := make([]Total, len(ps.Nodes))
		froms := make([]Month, len(ps.Nodes))
		used := 0
		for i, part := range ps.Nodes {
			froms[i] = partFrom(part, from, to)
			parts[i] = NodeTotal(part, rank, froms[i], to)
			used += len(parts[i].Used)
		}
		if used > 0 {
			out.Used = make([]Figure, 0, used) // one allocation: a sum of fifty countries adds many
		}
		for i, pt := range parts {
			pfrom := froms[i]
			if pt.Covered == 0 {
				continue
			}
			if covered := pt.Covered + int(pfrom-from); out.Countries == 0 || covered < out.Covered {
				out.Covered = covered
			}
			out.Countries++
			out.Installs += pt.Installs
			out.Estimate = out.Estimate || pt.Estimate
			out.LowerBound = out.LowerBound || pt.LowerBound
			out.Used = append(out.Used, pt.Used...)
		}
		if out.Countries > 0 {
			out.Summed = true
			sortUsed(out.Used)
			return out
		}
	}
	return t
}

// joinSources joins lists of sources (each "A" or "A,B") into one,
// sorted, each once: first alone when there are no others (the sum of
// fifty countries from one source, on every month of a worldwide curve).
func joinSources(first string, others []string) string {
	if len(others) == 0 {
		return first
	}
	all := strings.Split(first, ",")
	for _, l := range others {
		all = append(all, strings.Split(l, ",")...)
	}
	slices.Sort(all)
	return strings.Join(slices.Compact(all), ",")
}

// partFrom is the first month of [from, to] a part is read from: its
// launch month when that falls inside the window after its first month.
func partFrom(part Node, from, to Month) Month {
	if part.Launched > from && part.Launched <= to {
		return part.Launched
	}
	return from
}

// CountText writes "1 country", "3 countries", "2 platforms".
func CountText(n int, kind string) string {
	if n != 1 {
		return strconv.Itoa(n) + " " + kind
	}
	switch {
	case strings.HasSuffix(kind, "ies"):
		return "1 " + strings.TrimSuffix(kind, "ies") + "y"
	case strings.HasSuffix(kind, "s"):
		return "1 " + strings.TrimSuffix(kind, "s")
	}
	return "1 " + kind
}

// namesText lists names, at most limit of them and then how many more.
func namesText(names []string, limit int) string {
	clean := make([]string, len(names))
	for i, n := range names {
		clean[i] = sourceName(n)
	}
	if len(clean) <= limit {
		return strings.Join(clean, ", ")
	}
	return strings.Join(clean[:limit], ", ") + fmt.Sprintf(", +%d more", len(clean)-limit)
}

// nodeSpan is the first and last month of a node's figures and its parts'.
func nodeSpan(n Node) (from, to Month, ok bool) {
	from, to, ok = Span(n.Figures)
	for _, ps := range n.Parts {
		for _, p := range ps.Nodes {
			if a, b, pok := nodeSpan(p); pok {
				if !ok || a < from {
					from = a
				}
				if !ok || b > to {
					to = b
				}
				ok = true
			}
		}
	}
	return from, to, ok
}

// partFigures are the figures that stand for a part: its own shown ones,
// or its parts' where it has none.
func partFigures(n Node, rank Ranking, from, to Month) []Figure {
	if shown := n.Resolve(rank, from, to).Shown; len(shown) > 0 {
		return shown
	}
	var out []Figure
	for _, ps := range n.Parts {
		for _, p := range ps.Nodes {
			out = append(out, partFigures(p, rank, from, to)...)
		}
	}
	return out
}
