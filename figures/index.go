package figures

import (
	"fmt"
	"math"
	"strconv"
)

// Indexed is a curve rebased so that its base point reads 100: what a
// researcher uses to put an app at 10k beside one at 10M and see which
// grows faster.
type Indexed struct {
	Curve Curve // Value = point / base × 100, with the marks of both
	Base  int   // the index of the base point in the curve; -1: none
	// Moved: the asked-for base point could not serve (no figure, zero,
	// or a lower bound), so the base is the first point after it that
	// can; the views say so.
	Moved bool
	// OtherKind counts the points left without an index because they
	// count another thing than the base (a sum of countries against a
	// worldwide figure, or sums of different parts): 30 would read as a
	// fall of 70% that is only a change of what is counted.
	OtherKind int
}

// IndexCurve rebases c on its point at, or on the first point after it
// with a figure above zero that is not a lower bound: dividing by a
// lower bound would make every index an upper bound, which no mark
// says. A point that counts another thing than the base (summed from
// parts where the base is a figure of the whole, or from other parts)
// gets no index, as growth between them gets none. Each indexed point carries the marks of its point and of the
// base (an index over an estimate is an estimate), and a lower bound
// over an exact base stays a lower bound. With no point to serve as
// base, every point is a gap and Base is -1.
func IndexCurve(c Curve, at int) Indexed {
	out := Indexed{Base: -1, Curve: Curve{
		Points: make([]Point, len(c.Points)), Used: c.Used, Summed: c.Summed,
		Countries: c.Countries, PartsKind: c.PartsKind, Warnings: c.Warnings,
	}}
	for i := max(at, 0); i < len(c.Points); i++ {
		if p := c.Points[i]; p.Kind != Gap && finiteValue(p.Value) && p.Value > 0 && !p.LowerBound {
			out.Base, out.Moved = i, i != at
			break
		}
	}
	for i, p := range c.Points {
		if out.Base < 0 || p.Kind == Gap || !finiteValue(p.Value) {
			out.Curve.Points[i] = Point{Month: p.Month, Value: math.NaN(), Kind: Gap}
			continue
		}
		b := c.Points[out.Base]
		if p.Summed != b.Summed || p.Parts != b.Parts {
			out.Curve.Points[i] = Point{Month: p.Month, Value: math.NaN(), Kind: Gap}
			out.OtherKind++
			continue
		}
		kind := p.Kind
		if b.Kind == Spread {
			kind = Spread
		}
		out.Curve.Points[i] = Point{Month: p.Month, Value: p.Value / b.Value * 100, Kind: kind,
			Estimate: p.Estimate || b.Estimate, Summed: p.Summed, Parts: p.Parts, LowerBound: p.LowerBound, Sources: p.Sources}
	}
	return out
}

// FormatIndex writes an indexed point with its marks: "164*", "≥212",
// "8.5" (one decimal below 10, so that a fall to a tenth still reads).
func FormatIndex(p Point) string {
	if p.Kind == Gap || !finiteValue(p.Value) {
		return NoValue
	}
	dec := 0
	if p.Value < 9.95 {
		dec = 1
	}
	s := strconv.FormatFloat(p.Value, 'f', dec, 64) + Marks(p.Kind == Spread, p.Estimate, p.Summed)
	if p.LowerBound {
		s = MarkAtLeast + s
	}
	return s
}

// RawIndex writes an indexed point for CSV: two decimals, or empty for
// a gap.
func RawIndex(p Point) string {
	if p.Kind == Gap || !finiteValue(p.Value) {
		return ""
	}
	return strconv.FormatFloat(p.Value, 'f', 2, 64)
}

// IndexBaseNote says what an index is rebased on, for a view's notes:
// "Resso: 100 = 2020-03 (3.6M*)", and why when the base moved; label
// names a point as the chart's axis does (a month, or M1 since launch).
func IndexBaseNote(name string, c Curve, ix Indexed, asked int, label func(i int) string) string {
	if ix.Base < 0 {
		return fmt.Sprintf("%s: no index: no month from %s on has a figure above zero that is not a lower bound", Sanitize(name), label(asked))
	}
	s := fmt.Sprintf("%s: 100 = %s (%s)", Sanitize(name), label(ix.Base), FormatPoint(c.Points[ix.Base]))
	if ix.Moved {
		s += fmt.Sprintf("; %s has no figure above zero that is not a lower bound, so the index starts at the first month that has one", label(asked))
	}
	if ix.OtherKind > 0 {
		s += fmt.Sprintf("; no index in %s that count another thing than the base (a sum of parts against a figure of the whole, or of other parts)", CountText(ix.OtherKind, "months"))
	}
	return s
}

func finiteValue(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// ExplainIndexed adds to the explanation of a point the step that made
// its index, and the figures behind the base, so that an indexed number
// traces to every figure it rests on.
func ExplainIndexed(e Explanation, p Point, ix Indexed, i int, base Explanation, baseLabel string) Explanation {
	if ix.Base < 0 || i < 0 || i >= len(ix.Curve.Points) || ix.Curve.Points[i].Kind == Gap {
		e.Steps = append(e.Steps, "no index: "+NoValue)
		return e
	}
	q := ix.Curve.Points[i]
	e.Number = FormatIndex(q) + " (index) · " + e.Number
	e.Steps = append(e.Steps, fmt.Sprintf("index: %s ÷ %s (the base, %s) × 100 = %s",
		FormatPoint(p), base.Number, baseLabel, FormatIndex(q)))
	if i != ix.Base {
		e.Figures = append(e.Figures, base.Figures...)
		sortUsed(e.Figures)
		e.Figures = compactFigures(e.Figures)
	}
	return e
}

// compactFigures drops a figure listed twice in a row (the base's and
// the point's own figure may be one).
func compactFigures(figs []Figure) []Figure {
	out := figs[:0]
	for i, f := range figs {
		if i > 0 && f.Key() == figs[i-1].Key() {
			continue
		}
		out = append(out, f)
	}
	return out
}
