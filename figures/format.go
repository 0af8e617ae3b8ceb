package figures

import (
	"fmt"
	"math"
	"strconv"
)

// The marks every view and export uses. They differ on purpose: a spread
// month is arithmetic on a real figure, an estimate is a guess or a share.
const (
	MarkSpread   = "≈"
	MarkEstimate = "*"
	MarkSummed   = "Σ"
	MarkAtLeast  = "≥"
	NoValue      = "–"
)

// MarksNote explains the marks, under every view.
const MarksNote = "≈ spread: what a figure covering several months leaves after the figures inside it, shared evenly over its other months · * estimate (derived from a share, or a guess), or built on one · Σ summed from countries or platforms · ≥ at least: months without figures inside · – no figure"

// FormatPoint writes a point's value with its marks.
func FormatPoint(p Point) string {
	if p.Kind == Gap || math.IsNaN(p.Value) {
		return NoValue
	}
	s := FormatInstalls(p.Value) + Marks(p.Kind == Spread, p.Estimate, p.Summed)
	if p.LowerBound {
		s = MarkAtLeast + s
	}
	return s
}

// FormatTotal writes a total with its marks, or "n/a" when it covers
// nothing; a total of figures that leave months of the window uncovered
// is at least what it says (≥).
func FormatTotal(t Total) string {
	if t.Empty() {
		return "n/a"
	}
	s := FormatInstalls(float64(t.Installs)) + Marks(false, t.Estimate, t.Summed)
	if !t.Full() {
		s = MarkAtLeast + s
	}
	return s
}

// Marks writes the marks of a number: ≈ spread, * estimate, Σ summed.
func Marks(spread, estimate, summed bool) string {
	var m string
	if spread {
		m += MarkSpread
	}
	if estimate {
		m += MarkEstimate
	}
	if summed {
		m += MarkSummed
	}
	return m
}

// Growth writes the change from a to b as "+64%", or "" unless both are
// of one kind (SameKind): growth between months spread from one figure is
// an artefact of the spreading, between a worldwide figure and a sum of
// countries, or sums of different countries, a change of what is
// counted, and between figures of different sources a change of who
// counts (Apptopia's 700k then Appfigures' 600k is no fall of 14%). It
// carries the marks of what it is built on.
func Growth(a, b Point) string {
	if !SameKind(a, b) || math.IsNaN(a.Value) || math.IsNaN(b.Value) || a.Value <= 0 {
		return ""
	}
	g := (b.Value/a.Value - 1) * 100
	s := fmt.Sprintf("%+.0f%%", g)
	if s == "-0%" {
		s = "+0%"
	}
	return s + Marks(false, a.Estimate || b.Estimate, a.Summed || b.Summed)
}

// Ratio writes b/a as "1.07×", marked as what it is built on (an
// estimate makes it one), or "n/a" unless both cover their window.
func Ratio(a, b Total) string {
	if a.Empty() || b.Empty() || !a.Full() || !b.Full() || a.Installs == 0 {
		return "n/a"
	}
	return strconv.FormatFloat(float64(b.Installs)/float64(a.Installs), 'f', 2, 64) + "×" +
		Marks(false, a.Estimate || b.Estimate, a.Summed || b.Summed)
}

// FormatCoverage writes "7/7 months".
func FormatCoverage(t Total) string {
	return fmt.Sprintf("%d/%d months", t.Covered, t.Months)
}

// RawValue writes a value for CSV: a whole number, or empty for a gap.
func RawValue(p Point) string {
	if p.Kind == Gap || math.IsNaN(p.Value) {
		return ""
	}
	return strconv.FormatFloat(math.Round(p.Value), 'f', 0, 64)
}

// YesNo writes a flag as the CSV files have it.
func YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// KindWord writes a point's kind for CSV.
func KindWord(p Point) string {
	switch {
	case p.Kind == Gap:
		return "gap"
	case p.Summed:
		return p.Kind.String() + "+summed"
	}
	return p.Kind.String()
}

// FormatShare writes a fraction as a percentage, "65.0%", with the marks
// of what it is a share of.
func FormatShare(f float64, estimate, summed bool) string {
	return strconv.FormatFloat(f*100, 'f', 1, 64) + "%" + Marks(false, estimate, summed)
}

// FormatMilestone writes a milestone: its total when the figures cover
// it; otherwise its bounds ("9.8M–9.88M*": at least what lies inside,
// at most what a longer window allows), or "≥" the part covered, or n/a,
// with the months covered ("5/6").
func FormatMilestone(b Bounds) string {
	cov := fmt.Sprintf(" (%d/%d)", b.Low.Covered, b.Low.Months)
	switch {
	case b.Low.Full():
		return FormatTotal(b.Low)
	case b.HasHigh && !b.Low.Empty():
		return FormatInstalls(float64(b.Low.Installs)) + "–" + FormatInstalls(float64(b.High)) +
			Marks(false, b.Low.Estimate || b.HighEstimate, b.Low.Summed) + cov
	case b.HasHigh:
		return "≤" + FormatInstalls(float64(b.High)) + Marks(false, b.HighEstimate, false) + cov
	case b.Low.Empty():
		return "n/a"
	}
	return FormatTotal(b.Low) + cov
}

// FormatExact writes a whole number of installs with thousands
// separators: "15,200,000".
func FormatExact(n int64) string { return exactInstalls(float64(n)) }
