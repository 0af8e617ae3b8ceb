package picture

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

func labelsOf(ticks []tick) []string {
	var out []string
	for _, t := range ticks {
		if t.Label != "" {
			out = append(out, t.Label)
		}
	}
	return out
}

func testFonts(t testing.TB) text.Handler {
	t.Helper()
	fonts, err := newFonts()
	if err != nil {
		t.Fatal(err)
	}
	return fonts
}

func TestYAxis_RoundTicks(t *testing.T) {
	for _, tc := range []struct {
		scale  Scale
		unit   Unit
		lo, hi float64
		want   string
	}{
		{Linear, Installs, 1.2e6, 9.6e6, "0 2M 4M 6M 8M 10M"},
		{Linear, Installs, 0, 12e6, "0 2.5M 5M 7.5M 10M 12.5M"},
		{Linear, Installs, 3, 7, "0 2 4 6 8"},
		{Linear, Installs, 0.1, 0.3, "0 1"},           // installs are counted: no 0.25 of an install
		{Linear, Installs, -5, 5, "-6 -4 -2 0 2 4 6"}, // an axis below 0 only for values below it
		{Linear, Installs, 0, 0, "0 1"},
		{Linear, Percent, 0.25, 0.9, "0% 20% 40% 60% 80% 100%"},
		{Linear, Percent, 0.01, 0.2, "0% 5% 10% 15% 20%"},
		{Linear, Percent, 0.001, 0.012, "0% 0.25% 0.50% 0.75% 1.00% 1.25%"},
		{Index, Installs, 80, 240, "50 100 150 200 250"},
		{Index, Installs, 100, 100, "90 95 100 105 110"},
		{Index, Percent, 95, 105, "94 96 98 100 102 104 106"},
		{Log, Installs, 10e3, 10e6, "10k 100k 1M 10M"},
		{Log, Installs, 2e6, 5e6, "1M 10M"},
		{Log, Installs, 0.5, 2e3, "0.1 1 10 100 1k 10k"},
		{Log, Percent, 0.001, 0.5, "0.1% 1% 10% 100%"},
		{Log, Installs, 1, 1e15, "1 100 10k 1M 100M 10B 1T 100T"},
	} {
		a := makeYAxis(tc.scale, tc.unit, tc.lo, tc.hi)
		if got := strings.Join(labelsOf(a.Ticks), " "); got != tc.want {
			t.Errorf("%v %v %g–%g: ticks %q, want %q", tc.scale, tc.unit, tc.lo, tc.hi, got, tc.want)
		}
		if a.Min > tc.lo || a.Max < tc.hi {
			t.Errorf("%v %v %g–%g: axis %g–%g does not hold the values", tc.scale, tc.unit, tc.lo, tc.hi, a.Min, a.Max)
		}
	}
}

func TestXTicks_Regular(t *testing.T) {
	sty := textStyle(testFonts(t), 9, false, nil)
	since := make([]string, 60)
	for i := range since {
		since[i] = "M" + strconv.Itoa(i+1)
	}
	short := make([]string, 36)
	for i := range short {
		short[i] = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[i%12] + " " + strconv.Itoa(19+i/12)
	}
	for _, tc := range []struct {
		name   string
		labels []string
		width  vg.Length
		want   []string // the first labelled ticks
	}{
		{"quarters", months(36), 600, []string{"2020-01", "2020-04", "2020-07", "2020-10", "2021-01"}},
		{"years", months(36), 200, []string{"2020-01", "2021-01", "2022-01"}},
		{"every month", months(6), 600, []string{"2020-01", "2020-02", "2020-03", "2020-04", "2020-05", "2020-06"}},
		{"decades", months(1200), 600, []string{"2020-01", "2030-01", "2040-01"}},
		{"short months", short, 600, []string{"Jan 19", "Apr 19", "Jul 19"}},
		{"since launch", since, 600, []string{"M3", "M6", "M9"}},
		{"since launch, wide steps", since, 200, []string{"M1", "M12", "M24"}},
		{"other labels", []string{"a", "b", "c", "d", "e"}, 600, []string{"a", "b", "c", "d", "e"}},
		{"one label", []string{"2020-05"}, 600, []string{"2020-05"}},
		{"too narrow", months(3), 1, []string{"2020-01"}},
	} {
		got := labelsOf(xTicks(tc.labels, sty, tc.width))
		if len(got) < len(tc.want) || !slices.Equal(got[:len(tc.want)], tc.want) {
			t.Errorf("%s: ticks %q, want them to start %q", tc.name, got, tc.want)
		}
	}
}

func TestCutAndWrap(t *testing.T) {
	sty := textStyle(testFonts(t), 9, false, nil)
	long := strings.Repeat("word ", 100)
	if got := cut(sty, long, 100); sty.Width(got) > 100 || !strings.HasSuffix(got, "…") {
		t.Errorf("cut gave %q (%v wide)", got, sty.Width(got))
	}
	if got := cut(sty, "short", 100); got != "short" {
		t.Errorf("cut changed text that fits: %q", got)
	}
	lines := wrap(sty, long, 200, 3)
	if len(lines) != 3 || !strings.HasSuffix(lines[2], "…") {
		t.Errorf("wrap gave %q", lines)
	}
	for _, l := range lines {
		if sty.Width(l) > 200 {
			t.Errorf("wrapped line %q is %v wide", l, sty.Width(l))
		}
	}
	if got := wrap(sty, "a b", 200, 2); !slices.Equal(got, []string{"a b"}) {
		t.Errorf("wrap of short text: %q", got)
	}
	if got := clean("a\x1b[31m\uFFFEb"); got != "a\uFFFD[31m\uFFFDb" {
		t.Errorf("clean gave %q", got)
	}
}
