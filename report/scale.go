package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Scale is how Curves and Compare draw their y-axis.
type Scale int

const (
	ScaleLinear Scale = iota
	// ScaleLog draws installs on a logarithmic axis, so that an app at
	// 10k and one at 10M are both readable; months of zero cannot be
	// drawn on it and the view says how many it left off.
	ScaleLog
	// ScaleIndex draws each line as an index, 100 at the first month of
	// the window (or M1 since launch), so that growth compares whatever
	// the sizes.
	ScaleIndex
)

// scaleNames are the names -scale takes, in the order o cycles them.
var scaleNames = [...]string{"linear", "log", "index"}

func (s Scale) String() string {
	if s < 0 || int(s) >= len(scaleNames) {
		return fmt.Sprintf("Scale(%d)", int(s))
	}
	return scaleNames[s]
}

// Next is the scale after s, as the dashboard's o cycles them.
func (s Scale) Next() Scale { return (s + 1) % Scale(len(scaleNames)) }

// Label names the scale in titles and selection lines; "" for linear,
// the default, which goes without saying.
func (s Scale) Label() string {
	switch s {
	case ScaleLog:
		return "log scale"
	case ScaleIndex:
		return "indexed (first month = 100)"
	}
	return ""
}

// ParseScale reads a scale as -scale takes it.
func ParseScale(s string) (Scale, error) {
	for i, n := range scaleNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Scale(i), nil
		}
	}
	return 0, fmt.Errorf("%s is not a scale (expected %s)", figures.Quote(s), strings.Join(scaleNames[:], ", "))
}

// Scaled says whether a view draws scales: Curves and Compare.
func Scaled(v View) bool { return v.Name == "curves" || v.Name == "compare" }

// yAxisOf picks a chart's y-axis on a scale for at most height rows: the
// bounds, the rows used, the step between labelled rows and how a
// labelled row reads. Linear and index axes start at zero on a round
// step (yScale); a log axis (series already in log10, logSeries) spans
// whole decades, labelled 1k, 10k, 100k…, every decade or every few
// when the rows are fewer than the decades.
func yAxisOf(series []chartSeries, scale Scale, height int) (lower, upper float64, rows int, step float64, label func(float64) string) {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range series {
		for _, v := range s.Values {
			if finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	switch scale {
	case ScaleLog:
		lower, upper = math.Floor(lo), math.Ceil(hi)
		if upper <= lower {
			upper = lower + 1
		}
		decades := int(upper - lower)
		every := (decades + height - 1) / height // decades per labelled row
		decades = (decades + every - 1) / every * every
		upper = lower + float64(decades)
		rows = decades / every * max(height/(decades/every), 1)
		return lower, upper, rows, float64(every), func(v float64) string {
			if v < 0 { // spread values below one install: 0.1, 0.01
				return strconv.FormatFloat(math.Pow(10, math.Round(v)), 'g', -1, 64)
			}
			return figures.FormatInstalls(math.Pow(10, math.Round(v)))
		}
	case ScaleIndex:
		upper, rows, step = yScale(math.Max(hi, 0), height)
		return 0, upper, rows, step, func(v float64) string { return strconv.FormatFloat(math.Round(v), 'f', 0, 64) }
	}
	upper, rows, step = yScale(math.Max(hi, 0), height)
	return 0, upper, rows, step, figures.FormatInstalls
}

// logSeries turns series of installs into log10 for a log axis; a value
// of zero or less has no logarithm and is left off the line, as a gap.
func logSeries(series []chartSeries) []chartSeries {
	out := make([]chartSeries, len(series))
	for i, s := range series {
		out[i] = s
		out[i].Values = make([]float64, len(s.Values))
		for k, v := range s.Values {
			if finite(v) && v > 0 {
				out[i].Values[k] = math.Log10(v)
			} else {
				out[i].Values[k] = math.NaN()
			}
		}
	}
	return out
}

// zerosOffLog counts the values of a line a log axis cannot draw: months
// with a figure of zero (or less), which it leaves off, for the views'
// notes. Gaps are not counted: they are no figure, not zero.
func zerosOffLog(values []float64) int {
	n := 0
	for _, v := range values {
		if finite(v) && v <= 0 {
			n++
		}
	}
	return n
}

// scaleNotes say what a scale did to the lines: on the index scale each
// app's base, on the log scale the months of zero it could not draw.
func scaleNotes(scale Scale, lines []scaledLine) []string {
	var out []string
	for _, l := range lines {
		switch scale {
		case ScaleIndex:
			out = append(out, "Index, "+figures.IndexBaseNote(l.name, l.shown, l.index, 0, l.label))
		case ScaleLog:
			if n := zerosOffLog(values(l.shown)); n > 0 {
				out = append(out, fmt.Sprintf("%s: %d %s of 0 installs not drawn: a log scale has no zero", figures.Sanitize(l.name), n, plural(n, "month", "months")))
			}
		}
	}
	return out
}

// scaledLine is one line of a chart as scaleNotes reads it: the curve
// drawn, its index, and how the axis names its points.
type scaledLine struct {
	name  string
	shown figures.Curve
	index figures.Indexed
	label func(i int) string
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
