package report

import (
	"math"
	"strings"
	"testing"
)

// On a log axis an app at 10k and one at 10M are both drawn, over
// whole decades labelled 10k…10M, and a month of zero is left off.
func TestLogChart_BothAppsReadable(t *testing.T) {
	small := []float64{10e3, 20e3, 0, 40e3}
	big := []float64{10e6, 10e6, 10e6, 10e6}
	chart := drawScaledChart([]chartSeries{{Name: "small", Values: small}, {Name: "big", Values: big}},
		timeAxis{Labels: []string{"a", "b", "c", "d"}}, ScaleLog, 60, 12, PlainStyles())
	for _, want := range []string{"10k", "100k", "1M", "10M"} {
		if !strings.Contains(chart, want+" ┤") && !strings.Contains(chart, want+" ┼") {
			t.Errorf("no %s tick in\n%s", want, chart)
		}
	}
	// The small app's line is drawn in the lower rows: a linear axis up
	// to 10M would flatten it onto the zero line.
	lines := strings.Split(chart, "\n")
	if !strings.Contains(strings.Join(lines[len(lines)-6:], "\n"), "─") {
		t.Errorf("the 10k line is not in the lower rows:\n%s", chart)
	}
	if n := zerosOffLog(small); n != 1 {
		t.Errorf("zerosOffLog = %d, want 1", n)
	}
}

func TestYAxisOf_Log(t *testing.T) {
	cases := []struct {
		lo, hi     float64
		height     int
		wantLower  float64
		wantUpper  float64
		wantStep   float64
		wantLabels []string // at lower, lower+step, …
	}{
		// 40k..9.88M spans 10k..10M: 3 decades, one a labelled row.
		{4e4, 9.88e6, 12, 4, 7, 1, []string{"10k", "100k", "1M", "10M"}},
		// 5..5M spans 1..10M, 7 decades, in 2 rows: every fourth
		// decade labelled, the axis rounded up to 8 decades.
		{5, 5e6, 2, 0, 8, 4, []string{"1", "10k", "100M"}},
		// Within one decade: still one whole decade.
		{2e6, 3e6, 8, 6, 7, 1, []string{"1M", "10M"}},
	}
	for _, c := range cases {
		s := logSeries([]chartSeries{{Values: []float64{c.lo, math.NaN(), c.hi}}})
		lower, upper, rows, step, label := yAxisOf(s, ScaleLog, c.height)
		if lower != c.wantLower || upper != c.wantUpper || step != c.wantStep || rows > c.height {
			t.Errorf("%g..%g in %d rows: lower %g upper %g rows %d step %g", c.lo, c.hi, c.height, lower, upper, rows, step)
			continue
		}
		var got []string
		for v := lower; v <= upper; v += step {
			got = append(got, label(v))
		}
		if strings.Join(got, " ") != strings.Join(c.wantLabels, " ") {
			t.Errorf("%g..%g labels %v, want %v", c.lo, c.hi, got, c.wantLabels)
		}
	}
}

func TestParseScale(t *testing.T) {
	for in, want := range map[string]Scale{"linear": ScaleLinear, "LOG": ScaleLog, " index ": ScaleIndex} {
		if got, err := ParseScale(in); err != nil || got != want {
			t.Errorf("ParseScale(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseScale("logarithmic"); err == nil || !strings.Contains(err.Error(), "linear, log, index") {
		t.Errorf("err = %v", err)
	}
	if ScaleIndex.Next() != ScaleLinear {
		t.Error("o does not cycle back to linear")
	}
}

// The line under a chart marks ≥ where a line is only a lower bound, as
// it marks ≈ where one is spread (found by a review: a dip that was a
// missing part read as a fall), and ≥ wins a month with both.
func TestSpreadMarks_LowerBounds(t *testing.T) {
	series := []chartSeries{
		{Values: []float64{1, 2, 3}, Spread: []bool{true, false, true}},
		{Values: []float64{1, 2, 3}, Lower: []bool{false, true, true}},
	}
	if got, want := spreadMarks(series, 3, 2, 1), " ≈ ≥ ≥\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
