package report

import (
	"math"
	"strings"
	"testing"

	"github.com/uptake/uptake/textfit"
)

// TestDrawChart_Guards: asciigraph panics on empty input and draws flat or
// single-point series badly; drawChart must never panic and must say when
// there is nothing to draw.
func TestDrawChart_Guards(t *testing.T) {
	nan := math.NaN()
	cases := []struct {
		name   string
		series []chartSeries
		labels []string
		width  int
		want   string // a substring of the output
	}{
		{"no series", nil, []string{"M1"}, 80, "no figures to draw"},
		{"no labels", []chartSeries{{Values: nil}}, nil, 80, "no figures to draw"},
		{"all gaps", []chartSeries{{Values: []float64{nan, nan}}}, []string{"M1", "M2"}, 80, "no figures to draw"},
		{"single point", []chartSeries{{Values: []float64{5}}}, []string{"M1"}, 80, "M1"},
		{"flat zero", []chartSeries{{Values: []float64{0, 0, 0}}}, []string{"a", "b", "c"}, 80, "┤"},
		{"flat", []chartSeries{{Values: []float64{7, 7, 7}}}, []string{"a", "b", "c"}, 80, "7"},
		{"gap between", []chartSeries{{Values: []float64{1e6, nan, 2e6}}}, []string{"a", "b", "c"}, 80, "2M"},
		{"isolated point", []chartSeries{{Values: []float64{nan, 3e6, nan}}}, []string{"a", "b", "c"}, 80, "3M"},
		{"more months than columns", []chartSeries{{Values: make([]float64, 300)}}, make([]string, 300), 60, "┤"},
		{"too narrow", []chartSeries{{Values: []float64{1, 2}}}, []string{"a", "b"}, 8, "too narrow"},
		{"infinite", []chartSeries{{Values: []float64{math.Inf(1)}}}, []string{"a"}, 80, "no figures to draw"},
		// asciigraph panicked (makeslice) on an infinity beside a figure.
		{"infinite beside a figure", []chartSeries{{Values: []float64{math.Inf(1), 5e6}}}, []string{"a", "b"}, 80, "5M"},
		{"minus infinity beside a figure", []chartSeries{{Values: []float64{5e6, math.Inf(-1)}}}, []string{"a", "b"}, 80, "5M"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := drawChart(c.series, c.labels, c.width, 6, PlainStyles())
			if !strings.Contains(out, c.want) {
				t.Errorf("output lacks %q:\n%s", c.want, out)
			}
			for i, line := range strings.Split(out, "\n") {
				if w := textfit.Width(line); w > max(c.width, 40) {
					t.Errorf("line %d is %d wide (width %d)", i, w, c.width)
				}
			}
		})
	}
}

// TestDrawChart_GapsStayGaps: a month without a figure draws nothing in
// its columns, never a line at zero.
func TestDrawChart_GapsStayGaps(t *testing.T) {
	nan := math.NaN()
	out := drawChart([]chartSeries{{Values: []float64{2e6, nan, nan, nan, 2e6}}}, []string{"a", "b", "c", "d", "e"}, 60, 6, PlainStyles())
	lines := strings.Split(out, "\n")
	var zero string
	for _, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "0 ") || strings.HasPrefix(strings.TrimSpace(l), "0┤") {
			zero = l
		}
	}
	if zero == "" {
		t.Fatalf("no zero row:\n%s", out)
	}
	if strings.ContainsAny(zero[strings.Index(zero, "┤")+len("┤"):], "─╭╮╰╯") {
		t.Errorf("the gap is drawn at zero:\n%s", out)
	}
}

// TestXAxis_CountsColumns: labels are placed by display width, so that a
// label in wide characters neither pushes the next one off its month nor
// runs past the axis.
func TestXAxis_CountsColumns(t *testing.T) {
	got := xAxis([]string{"网易云", "网易云", "网易云"}, 12, 4, 2)
	if want := "  网易云  网易云\n"; got != want { // the second would overlap the first
		t.Errorf("xAxis = %q, want %q", got, want)
	}
	if got := xAxis([]string{"Mar 20", "Apr 20", "May 20"}, 24, 8, 9); got != "         Mar 20  Apr 20  May 20\n" {
		t.Errorf("xAxis = %q", got)
	}
	for _, w := range []int{0, 1, 5, 40} {
		for _, l := range []string{"M1", "网易云音乐", "👩‍👩‍👧‍👦"} {
			line := xAxis([]string{l, l, l, l}, w, 1, 9)
			if lw := textfit.Width(strings.TrimSuffix(line, "\n")); lw > 9+w+8 {
				t.Errorf("xAxis over %d columns is %d wide: %q", w, lw, line)
			}
		}
	}
}

// TestBarOf_StaysInItsColumn: barOf panicked (negative Repeat count) on a
// fraction below zero or NaN and on a negative width, and drew past its
// column for a fraction above 1.
func TestBarOf_StaysInItsColumn(t *testing.T) {
	for _, frac := range []float64{math.NaN(), math.Inf(-1), -1, 0, 1e-9, 0.5, 1, 2, math.Inf(1)} {
		for _, w := range []int{-3, 0, 1, 10} {
			bar := barOf(frac, w)
			if n := textfit.Width(bar); n > max(w, 0) {
				t.Errorf("barOf(%v, %d) is %d wide", frac, w, n)
			}
			if frac > 0 && w > 0 && bar == "" {
				t.Errorf("barOf(%v, %d) draws nothing for a share above zero", frac, w)
			}
		}
	}
}

// TestChart_EveryLineStaysVisible: Compare, India, since launch: Resso's
// 1.96M a month and Spotify's 2.1M a month ran so close that Resso's line
// hid Spotify's at 80 columns. Each line is now drawn alone and laid over
// the others; both strokes show, and cells both pass through show ◆ (and
// the legend says what it means).
func TestChart_EveryLineStaysVisible(t *testing.T) {
	resso := []float64{1.96e6, 3.92e6, 5.88e6, 7.84e6, 9.8e6, 9.84e6, 9.88e6}
	spotify := []float64{2.1e6, 4.2e6, 6.3e6, 8.4e6, 10.5e6, math.NaN(), math.NaN()}
	for _, width := range []int{80, 120} {
		chart := drawChart([]chartSeries{{Name: "Resso", Values: resso}, {Name: "Spotify", Values: spotify}},
			sinceLabels(7), width, 12, PlainStyles())
		ours := 0
		for _, r := range chart {
			if strings.ContainsRune("═║╔╗╚╝", r) {
				ours++
			}
		}
		// Each step of Spotify's line shows both its corners: the old
		// chart kept its ╔═══ tops and lost the ╝ where it rose.
		if ours < 10 || strings.Count(chart, "╝") < 4 || strings.Count(chart, "╔") < 3 || !strings.Contains(chart, "─") {
			t.Errorf("width %d: Spotify's line has %d cells:\n%s", width, ours, chart)
		}
		if leg := legend([]string{"Resso", "Spotify"}, chart, PlainStyles()); strings.Contains(chart, MarkMeet) != strings.Contains(leg, MarkMeet) {
			t.Errorf("width %d: the legend %q does not say what %s means", width, leg, MarkMeet)
		}
	}
}
