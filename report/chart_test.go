package report

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
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
		{"flat", []chartSeries{{Values: []float64{7, 7, 7}}}, []string{"a", "b", "c"}, 80, "┼───"},
		{"gap between", []chartSeries{{Values: []float64{1e6, nan, 2e6}}}, []string{"a", "b", "c"}, 80, "2M"},
		{"isolated point", []chartSeries{{Values: []float64{nan, 3e6, nan}}}, []string{"a", "b", "c"}, 80, "3M"},
		{"more months than columns", []chartSeries{{Values: make([]float64, 300)}}, make([]string, 300), 60, "┤"},
		{"too narrow", []chartSeries{{Values: []float64{1, 2}}}, []string{"a", "b"}, 8, "too narrow"},
		{"infinite", []chartSeries{{Values: []float64{math.Inf(1)}}}, []string{"a"}, 80, "no figures to draw"},
		// asciigraph panicked (makeslice) on an infinity beside a figure.
		{"infinite beside a figure", []chartSeries{{Values: []float64{math.Inf(1), 5e6}}}, []string{"a", "b"}, 80, "╶───"},
		{"minus infinity beside a figure", []chartSeries{{Values: []float64{5e6, math.Inf(-1)}}}, []string{"a", "b"}, 80, "┼───"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := drawChart(c.series, timeAxis{Labels: c.labels}, c.width, 6, PlainStyles())
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
	out := drawChart([]chartSeries{{Values: []float64{2e6, nan, nan, nan, 2e6}}}, timeAxis{Labels: []string{"a", "b", "c", "d", "e"}}, 60, 6, PlainStyles())
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
	got := xAxis(timeAxis{Labels: []string{"网易云", "网易云", "网易云"}}, 12, 4, 2)
	if want := "  网易云  网易云\n"; got != want { // the second would overlap the first
		t.Errorf("xAxis = %q, want %q", got, want)
	}
	if got := xAxis(timeAxis{Labels: []string{"Mar 20", "Apr 20", "May 20"}}, 24, 8, 9); got != "         Mar 20  Apr 20  May 20\n" {
		t.Errorf("xAxis = %q", got)
	}
	for _, w := range []int{0, 1, 5, 40} {
		for _, l := range []string{"M1", "网易云音乐", "👩‍👩‍👧‍👦"} {
			line := xAxis(timeAxis{Labels: []string{l, l, l, l}}, w, 1, 9)
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
			sinceAxis(7), width, 12, PlainStyles())
		ours := 0
		for _, r := range chart {
			if strings.ContainsRune("═║╔╗╚╝", r) {
				ours++
			}
		}
		// Each step of Spotify's line shows where it rises (║╝): the old
		// chart kept its ╔═══ tops and lost the rest; where its top runs
		// in Resso's cells, ◆ says both pass there.
		if ours < 8 || strings.Count(chart, "╝") < 4 || strings.Count(chart, "║") < 4 || !strings.Contains(chart, "─") {
			t.Errorf("width %d: Spotify's line has %d cells:\n%s", width, ours, chart)
		}
		if leg := legend([]string{"Resso", "Spotify"}, chart, PlainStyles()); strings.Contains(chart, MarkMeet) != strings.Contains(leg, MarkMeet) {
			t.Errorf("width %d: the legend %q does not say what %s means", width, leg, MarkMeet)
		}
	}
}

// TestYScale: the y-axis is labelled on round values. The old axis split
// the data's top into equal rows: 323k, 646k, 969k for 3.23M over ten.
// Expectations worked by hand: of the round steps, the one using most of
// the chart (rows used × data top ÷ scale top).
func TestYScale(t *testing.T) {
	for _, c := range []struct {
		top    float64
		height int
		upper  float64
		rows   int
		step   float64
	}{
		// 2.5M: 7 intervals to 17.5M, 2 rows each: 1.25M a row; 2M a row
		// would take 8 rows, 1M a row 16 (too many), 5M in 3s 1.67M.
		{15.2e6, 15, 17.5e6, 14, 2.5e6},
		// 2M ×3 = 6M over 15 rows (5 each): 400k a row, the least that
		// fits (1M ×6 in 2s is 500k).
		{5.17e6, 15, 6e6, 15, 2e6},
		// 3.24M over 10: 500k a row either as 500k ×7 or as 1M ×4 in
		// 2s; the fewer labels win.
		{3.24e6, 10, 4e6, 8, 1e6},
		// 1M over 7: 200k ×5, a row each; 500k ×2 in 3s (167k a row)
		// would be less, but three intervals come first.
		{1e6, 7, 1e6, 5, 200e3},
		{0, 10, 1, 1, 1},
		// One install over 10 rows: steps of 1 cannot make 3 or 2
		// intervals below 1; one interval.
		{1, 10, 1, 10, 1},
		// Steps are whole installs: not 2.5 (1.25 a row) but 2 ×4.
		{7, 6, 8, 4, 2},
	} {
		upper, rows, step := yScale(c.top, c.height)
		if upper != c.upper || rows != c.rows || step != c.step {
			t.Errorf("yScale(%g, %d) = %g, %d rows, step %g; want %g, %d rows, step %g",
				c.top, c.height, upper, rows, step, c.upper, c.rows, c.step)
		}
	}
}

// TestChart_RoundTicks: every value on a chart's y-axis is a multiple of
// a round step, and the months under it are regular: each quarter or
// each January, or M6, M12, M18 since launch — not "Jan 15 Mar 16".
func TestChart_RoundTicks(t *testing.T) {
	values := make([]float64, 55) // 2016-03..2020-09
	for i := range values {
		values[i] = float64(i) * 60_000
	}
	chart := drawChart([]chartSeries{{Name: "a", Values: values}}, monthAxis(figures.MonthOf(2016, 3), figures.MonthOf(2020, 9)), 80, 10, PlainStyles())
	var ticks []string
	for _, l := range strings.Split(chart, "\n") {
		if label, _, ok := strings.Cut(strings.Replace(l, "┼", "┤", 1), "┤"); ok && strings.TrimSpace(label) != "" {
			ticks = append(ticks, strings.TrimSpace(label))
		}
	}
	if want := []string{"4M", "3M", "2M", "1M", "0"}; !slices.Equal(ticks, want) {
		t.Errorf("y ticks %v, want %v:\n%s", ticks, want, chart)
	}
	lines := strings.Split(strings.TrimRight(chart, "\n"), "\n")
	if got, want := strings.Fields(lines[len(lines)-1]), []string{"Jan", "17", "Jan", "18", "Jan", "19", "Jan", "20"}; !slices.Equal(got, want) {
		t.Errorf("months %v, want %v:\n%s", got, want, chart)
	}
	for _, c := range []struct {
		axis timeAxis
		cols int
		per  int
		want []string
	}{
		{sinceAxis(24), 24, 1, []string{"M1", "M6", "M12", "M18", "M24"}},
		{sinceAxis(7), 70, 10, []string{"M1", "M2", "M3", "M4", "M5", "M6", "M7"}},
		{sinceAxis(30), 60, 2, []string{"M3", "M6", "M9", "M12", "M15", "M18", "M21", "M24", "M27", "M30"}},
		{monthAxis(figures.MonthOf(2019, 11), figures.MonthOf(2021, 4)), 54, 3, []string{"Jan", "20", "Apr", "20", "Jul", "20", "Oct", "20", "Jan", "21", "Apr", "21"}},
		{monthAxis(figures.MonthOf(2000, 1), figures.MonthOf(2020, 1)), 60, 1, []string{"Jan", "00", "Jan", "05", "Jan", "10", "Jan", "15", "Jan", "20"}},
	} {
		if got := strings.Fields(xAxis(c.axis, c.cols, c.per, 9)); !slices.Equal(got, c.want) {
			t.Errorf("%s..%s over %d columns: %v, want %v", c.axis.Labels[0], c.axis.Labels[len(c.axis.Labels)-1], c.cols, got, c.want)
		}
	}
}

// TestGrid_TooWideSplitsRatherThanCutsNumbers (found by a review at
// 80x24 with four apps): a table wider than the screen lost its last
// numbers and their marks to the cut at the edge. It is now written as
// several tables, each with the first column, and every number whole.
func TestGrid_TooWideSplitsRatherThanCutsNumbers(t *testing.T) {
	g := &grid{header: []string{"Since launch", "Synthetic App 017", "÷ Synthetic App 017", "Synthetic App 087", "÷ Synthetic App 017"},
		right: []bool{false, true, true, true, true},
		rows:  [][]string{{"latest", "18.6BΣ (M100)", "1.00×Σ", "18.7BΣ* (M100)", "1.01×Σ*"}}}
	out := g.text(40, PlainStyles())
	for _, want := range []string{"18.6BΣ (M100)", "1.00×Σ", "18.7BΣ* (M100)", "1.01×Σ*"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q is not whole in:\n%s", want, out)
		}
	}
	if strings.Count(out, "latest") < 2 {
		t.Errorf("the parts do not each start with the first column:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if textfit.Width(l) > 40 {
			t.Errorf("a line is %d wide: %q", textfit.Width(l), l)
		}
	}
}
