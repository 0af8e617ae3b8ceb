package figures

import (
	"fmt"
	"strings"
)

// Provenance. Every number on screen can be traced to the figures behind
// it: an Explanation gives them, the arithmetic that made the number from
// them, and the other sources' figures for the same months (alternatives,
// never added in). It is computed by the same rules as the number, so
// the two cannot drift apart.

// Explanation is the working behind one number.
type Explanation struct {
	What    string   // the number's place: "Resso WW 2020-03"
	Number  string   // the number as shown, with its marks: "1.88M≈"
	Steps   []string // the arithmetic, a line each
	Figures []Figure // the figures behind it, sorted
	Others  []Figure // other sources' figures over the same months
}

// ExplainMonth explains the point of month m on the node's curve over
// [from, to], as NodeCurve makes it.
func ExplainMonth(n Node, rank Ranking, from, to, m Month) Explanation {
	c := NodeCurve(n, rank, from, to)
	e := Explanation{What: n.Label + " " + m.String()}
	if m < from || m > to {
		e.Number = NoValue
		e.Steps = []string{"outside the window " + spanText(from, to)}
		return e
	}
	p := c.Points[int(m-from)]
	e.Number = FormatPoint(p)
	r := n.Resolve(rank, from, to)
	e.Others = overlapping(r.Others, m, m)
	switch {
	case p.Kind == Gap:
		if f, inner, ok := newCurveCore(r.Shown).contradicted(m); ok {
			e.Figures = append(e.Figures, f)
			e.Steps = []string{fmt.Sprintf("%s over %s (%s) covers %s, but the figures inside it add to %s, more than it: nothing is left for %s, which is not known (–), not a zero",
				FormatInstalls(float64(f.Installs))+Marks(false, f.Estimate, false), spanText(f.From, f.To), sourceName(f.Source), m, FormatInstalls(inner), m)}
			break
		}
		e.Steps = []string{"no figure covers " + m.String() + ": a gap, not a zero"}
	case p.Summed:
		e.explainSum(n, rank, from, to, m, p)
	default:
		cc := newCurveCore(r.Shown)
		e.explainOwn(cc, m, p)
	}
	sortUsed(e.Figures)
	sortUsed(e.Others)
	return e
}

// explainOwn words a month shown from the node's own figures.
func (e *Explanation) explainOwn(cc *curveCore, m Month, p Point) {
	i := int(m - cc.lo)
	pos := cc.owner[i]
	f := cc.src[cc.order[pos]]
	e.Figures = append(e.Figures, f)
	if f.From == f.To {
		e.Steps = append(e.Steps, fmt.Sprintf("%s: a figure for this month alone (%s)", FormatInstalls(float64(f.Installs))+Marks(false, f.Estimate, false), sourceName(f.Source)))
		return
	}
	var inner int64
	var names []string
	covered := 0
	if cc.deps != nil {
		inside := make([]Figure, 0, len(cc.deps[pos]))
		for _, q := range cc.deps[pos] {
			inside = append(inside, cc.src[cc.order[q]])
		}
		sortUsed(inside)
		for _, g := range inside {
			e.Figures = append(e.Figures, g)
			inner += g.Installs
			covered += g.Months()
			names = append(names, fmt.Sprintf("%s %s", spanText(g.From, g.To), FormatInstalls(float64(g.Installs))+Marks(false, g.Estimate, false)))
		}
	}
	whole := fmt.Sprintf("%s over %s (%s)", FormatInstalls(float64(f.Installs))+Marks(false, f.Estimate, false), spanText(f.From, f.To), sourceName(f.Source))
	free := f.Months() - covered
	switch {
	case len(names) == 0:
		e.Steps = append(e.Steps, fmt.Sprintf("%s, spread evenly over its %d months: %s a month", whole, f.Months(), FormatInstalls(p.Value)))
	default:
		e.Steps = append(e.Steps, fmt.Sprintf("%s, less the figures lying wholly inside it (%s = %s), leaves %s over its other %s: %s a month",
			whole, strings.Join(names, " + "), FormatInstalls(float64(inner)), FormatInstalls(float64(f.Installs-inner)), CountText(free, "months"), FormatInstalls(p.Value)+MarkSpread))
	}
	if p.Estimate {
		e.Steps = append(e.Steps, "an estimate is among these figures, so the month is one too (*)")
	}
}

// explainSum words a month summed from the node's parts.
func (e *Explanation) explainSum(n Node, rank Ranking, from, to, m Month, p Point) {
	names := strings.Split(p.Parts, ",")
	var terms []string
	for _, ps := range n.Parts {
		for _, part := range ps.Nodes {
			if !containsName(names, part.Name) {
				continue
			}
			sub := ExplainMonth(part, rank, from, to, m)
			terms = append(terms, part.Name+" "+sub.Number)
			e.Figures = append(e.Figures, sub.Figures...)
			e.Others = append(e.Others, sub.Others...)
			for _, s := range sub.Steps {
				e.Steps = append(e.Steps, "  "+part.Name+": "+s)
			}
		}
		if len(terms) > 0 {
			head := fmt.Sprintf("no figure for %s itself: the sum of %s, %s = %s", n.wholeName(), CountText(len(terms), ps.Kind), strings.Join(terms, " + "), e.Number)
			e.Steps = append([]string{head}, e.Steps...)
			break
		}
	}
	if p.LowerBound {
		e.Steps = append(e.Steps, "some parts with figures elsewhere have none this month: the sum is at least what it shows (≥)")
	}
}

func containsName(names []string, name string) bool {
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// ExplainTotal explains a node's total over [from, to], as NodeTotal
// makes it.
func ExplainTotal(n Node, rank Ranking, from, to Month) Explanation {
	t := NodeTotal(n, rank, from, to)
	e := Explanation{What: n.Label + " " + spanText(from, to), Number: FormatTotal(t), Figures: append([]Figure(nil), t.Used...)}
	e.Others = overlapping(n.Resolve(rank, from, to).Others, from, to)
	if t.Empty() {
		e.Steps = []string{"no figure lies wholly inside " + spanText(from, to)}
		return e
	}
	terms := make([]string, len(t.Used))
	for i, f := range t.Used {
		terms[i] = fmt.Sprintf("%s %s", seriesLabelOf(f)+" "+spanText(f.From, f.To), FormatInstalls(float64(f.Installs))+Marks(false, f.Estimate, false))
	}
	how := "the figures lying wholly inside the window, none overlapping"
	if t.Summed {
		how = fmt.Sprintf("no figure for %s itself: the sum of %s", n.wholeName(), CountText(t.Countries, "parts"))
	}
	if len(terms) == 1 {
		e.Steps = append(e.Steps, fmt.Sprintf("%s: %s", how, terms[0]))
	} else {
		e.Steps = append(e.Steps, fmt.Sprintf("%s: %s = %s", how, strings.Join(terms, " + "), FormatInstalls(float64(t.Installs))))
	}
	if launched := partsFromLaunch(n, rank, from, to); len(launched) > 0 {
		e.Steps = append(e.Steps, fmt.Sprintf("read from the launch month where the app launched inside the window, the months before holding nothing to install: %s",
			strings.Join(launched, ", ")))
	}
	e.Steps = append(e.Steps, fmt.Sprintf("they cover %d of the window's %s", t.Covered, CountText(t.Months, "months")))
	if !t.Full() {
		e.Steps = append(e.Steps, "months without figures inside: the total is at least what it shows (≥)")
	}
	if t.Tie != nil {
		e.Steps = append(e.Steps, fmt.Sprintf("another set covering as many months adds to %s: the window reads two ways", FormatInstalls(float64(t.Tie.Installs))))
		e.Figures = append(e.Figures, t.Tie.Used...)
	}
	sortUsed(e.Figures)
	sortUsed(e.Others)
	return e
}

// ExplainFigure explains one stored figure: itself, and the figures of
// other sources over the same months among all (its series).
func ExplainFigure(f Figure, all []Figure) Explanation {
	e := Explanation{What: seriesLabelOf(f) + " " + spanText(f.From, f.To), Number: FormatInstalls(float64(f.Installs)) + Marks(false, f.Estimate, false), Figures: []Figure{f}}
	e.Steps = []string{"a figure as given: " + exactInstalls(float64(f.Installs)) + " installs"}
	for _, g := range overlapping(all, f.From, f.To) {
		if g.Source != f.Source && g.Platform == f.Platform {
			e.Others = append(e.Others, g)
		}
	}
	sortUsed(e.Others)
	return e
}

// overlapping lists the figures sharing a month with [from, to].
func overlapping(figs []Figure, from, to Month) []Figure {
	var out []Figure
	for _, f := range figs {
		if f.From <= to && f.To >= from {
			out = append(out, f)
		}
	}
	return out
}

// partsFromLaunch names the parts of a node's sum over [from, to] that
// NodeTotal read from their launch month ("BR from 2020-09"): the parts
// of the first set with any total, as NodeTotal takes it.
func partsFromLaunch(n Node, rank Ranking, from, to Month) []string {
	if !TotalOver(n.Resolve(rank, from, to).Shown, from, to).Empty() {
		return nil
	}
	for _, ps := range n.Parts {
		var out []string
		any := false
		for _, part := range ps.Nodes {
			pfrom := partFrom(part, from, to)
			if NodeTotal(part, rank, pfrom, to).Empty() {
				continue
			}
			any = true
			if pfrom != from {
				out = append(out, Sanitize(part.Name)+" from "+pfrom.String())
			}
		}
		if any {
			return out
		}
	}
	return nil
}
