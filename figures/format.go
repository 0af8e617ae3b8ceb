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
	NoValue      = "–"
)

// MarksNote explains the marks, under every view.
const MarksNote = "≈ spread: what a figure covering several months leaves after the figures inside it, shared evenly over its other months · * estimate (derived from a share, or a guess) · Σ summed from countries · – no figure"

// FormatPoint writes a point's value with its marks.
func FormatPoint(p Point) string {
	if p.Kind == Gap || math.IsNaN(p.Value) {
		return NoValue
	}
	return FormatInstalls(p.Value) + Marks(p.Kind == Spread, p.Estimate, p.Summed)
}

// FormatTotal writes a total with its marks, or "n/a" when it covers nothing.
func FormatTotal(t Total) string {
	if t.Empty() {
		return "n/a"
	}
	return FormatInstalls(float64(t.Installs)) + Marks(false, t.Estimate, t.Summed)
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

// Growth writes the change from a to b as "+64%", or "" when either is
// missing or spread: Growth between months spread from one figure is an
// artefact of the spreading, not a fact. The mark says an estimate went in.
func Growth(a, b Point) string {
	if a.Kind != Exact || b.Kind != Exact || math.IsNaN(a.Value) || math.IsNaN(b.Value) || a.Value <= 0 {
		return ""
	}
	g := (b.Value/a.Value - 1) * 100
	s := fmt.Sprintf("%+.0f%%", g)
	if s == "-0%" {
		s = "+0%"
	}
	if a.Estimate || b.Estimate {
		s += MarkEstimate
	}
	return s
}

// Ratio writes b/a as "1.07×".
func Ratio(a, b Total) string {
	if a.Empty() || b.Empty() || !a.Full() || !b.Full() || a.Installs == 0 {
		return "n/a"
	}
	return strconv.FormatFloat(float64(b.Installs)/float64(a.Installs), 'f', 2, 64) + "×"
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

// FormatShare writes a fraction as a percentage: "65.0%".
func FormatShare(f float64) string {
	return strconv.FormatFloat(f*100, 'f', 1, 64) + "%"
}

// FormatMilestone writes a milestone total, n/a unless fully covered.
func FormatMilestone(t Total) string {
	if !t.Full() {
		return "n/a"
	}
	return FormatTotal(t)
}
