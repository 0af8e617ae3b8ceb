package figures

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// rmon reads a month written YYYY-MM, for tests.
func rmon(s string) Month {
	m, err := ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

// rfig builds a figure; to "" means one month.
func rfig(app, country, from, to string, n int64, est bool) Figure {
	f := Figure{App: app, Country: country, From: rmon(from), To: rmon(from), Installs: n, Estimate: est, Source: "test"}
	if to != "" {
		f.To = rmon(to)
	}
	return f
}

// The seed article's figures (shared/seeds/FACTS.md), as the dataset holds
// them: shares of 15.2M are estimates.
func seedResso() (ww []Figure, byCountry map[string][]Figure) {
	ww = []Figure{
		rfig("Resso", "WW", "2020-03", "2020-09", 15_200_000, false),
		rfig("Resso", "WW", "2020-07", "", 2_200_000, false),
		rfig("Resso", "WW", "2020-08", "", 3_600_000, false),
	}
	byCountry = map[string][]Figure{
		"IN": {
			rfig("Resso", "IN", "2020-03", "2020-09", 9_880_000, true),
			rfig("Resso", "IN", "2020-03", "2020-07", 9_800_000, false),
		},
		"ID": {
			rfig("Resso", "ID", "2020-03", "2020-09", 5_168_000, true),
			rfig("Resso", "ID", "2020-03", "2020-07", 5_000_000, false),
		},
		"BR": {rfig("Resso", "BR", "2020-09", "", 152_000, true)},
	}
	return ww, byCountry
}

func seedSpotify() map[string][]Figure {
	return map[string][]Figure{
		"IN": {rfig("Spotify", "IN", "2019-02", "2019-06", 10_500_000, false)},
		"ID": {rfig("Spotify", "ID", "2016-03", "2016-07", 1_200_000, false)},
	}
}

// spans writes the spans of figures, "IN 2020-03..2020-07", to compare Used.
func spans(figs []Figure) []string {
	out := make([]string, len(figs))
	for i, f := range figs {
		out[i] = f.Country + " " + spanText(f.From, f.To)
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

func TestTotalOver(t *testing.T) {
	x := func(from, to string, n int64, est bool) Figure { return rfig("T", "XX", from, to, n, est) }
	ww, countries := seedResso()
	tests := []struct {
		name     string
		figs     []Figure
		from, to string
		installs int64
		covered  int
		months   int
		estimate bool
		used     []string
	}{
		{"empty input", nil, "2020-01", "2020-06", 0, 0, 6, false, []string{}},
		{"single figure inside", []Figure{x("2020-02", "2020-03", 50, false)}, "2020-01", "2020-06", 50, 2, 6, false,
			[]string{"XX 2020-02..2020-03"}},
		{"single figure exactly the window", []Figure{x("2020-01", "2020-06", 50, false)}, "2020-01", "2020-06", 50, 6, 6, false,
			[]string{"XX 2020-01..2020-06"}},
		{"figure partly outside is left out", []Figure{x("2019-12", "2020-02", 50, false)}, "2020-01", "2020-06", 0, 0, 6, false,
			[]string{}},
		{"disjoint spans add", []Figure{x("2020-04", "2020-06", 30, false), x("2020-01", "2020-02", 20, false)}, "2020-01", "2020-06", 50, 5, 6, false,
			[]string{"XX 2020-01..2020-02", "XX 2020-04..2020-06"}},
		{"overlapping: most months, not the longest figure", []Figure{
			x("2020-01", "2020-02", 20, false), x("2020-02", "2020-05", 40, false), x("2020-04", "2020-06", 30, false)},
			"2020-01", "2020-06", 50, 5, 6, false, []string{"XX 2020-01..2020-02", "XX 2020-04..2020-06"}},
		{"overlapping: one long figure beats two short ones", []Figure{
			x("2020-01", "2020-01", 20, false), x("2020-01", "2020-05", 40, false), x("2020-05", "2020-05", 30, false)},
			"2020-01", "2020-06", 40, 5, 6, false, []string{"XX 2020-01..2020-05"}},
		{"nested: the span covers more than the month in it", []Figure{x("2020-01", "2020-03", 30, false), x("2020-02", "", 12, false)},
			"2020-01", "2020-03", 30, 3, 3, false, []string{"XX 2020-01..2020-03"}},
		{"tie on coverage: more figures (finer grain)", []Figure{
			x("2020-01", "2020-03", 30, false), x("2020-01", "", 9, false), x("2020-02", "", 10, false), x("2020-03", "", 12, false)},
			"2020-01", "2020-03", 31, 3, 3, false, []string{"XX 2020-01", "XX 2020-02", "XX 2020-03"}},
		{"tie on coverage: fewer estimates beats finer grain", []Figure{
			x("2020-01", "2020-03", 30, false), x("2020-01", "", 9, false), x("2020-02", "", 10, true), x("2020-03", "", 12, false)},
			"2020-01", "2020-03", 30, 3, 3, false, []string{"XX 2020-01..2020-03"}},
		{"full tie: a fixed choice", []Figure{
			x("2020-01", "2020-02", 10, false), x("2020-03", "", 5, false), x("2020-01", "", 4, false), x("2020-02", "2020-03", 8, false)},
			"2020-01", "2020-03", 12, 3, 3, false, []string{"XX 2020-01", "XX 2020-02..2020-03"}},
		{"estimate carried into the total", []Figure{
			x("2020-01", "2020-03", 30, true), x("2020-01", "", 9, false), x("2020-02", "", 10, false)},
			"2020-01", "2020-03", 30, 3, 3, true, []string{"XX 2020-01..2020-03"}},
		{"estimate not chosen does not mark", []Figure{x("2020-01", "2020-03", 30, false), x("2020-02", "", 10, true)},
			"2020-01", "2020-03", 30, 3, 3, false, []string{"XX 2020-01..2020-03"}},
		{"window backwards", []Figure{x("2020-01", "", 9, false)}, "2020-03", "2020-01", 0, 0, 0, false, []string{}},
		{"seed WW Mar-Sep", ww, "2020-03", "2020-09", 15_200_000, 7, 7, false, []string{"WW 2020-03..2020-09"}},
		{"seed WW Jul-Aug", ww, "2020-07", "2020-08", 5_800_000, 2, 2, false, []string{"WW 2020-07", "WW 2020-08"}},
		{"seed IN Mar-Sep takes the estimate covering 7", countries["IN"], "2020-03", "2020-09", 9_880_000, 7, 7, true,
			[]string{"IN 2020-03..2020-09"}},
		{"seed IN Mar-Jul", countries["IN"], "2020-03", "2020-07", 9_800_000, 5, 5, false, []string{"IN 2020-03..2020-07"}},
		{"seed IN Mar-Aug covers 5 of 6", countries["IN"], "2020-03", "2020-08", 9_800_000, 5, 6, false, []string{"IN 2020-03..2020-07"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := TotalOver(tc.figs, rmon(tc.from), rmon(tc.to))
			if got.Installs != tc.installs || got.Covered != tc.covered || got.Months != tc.months || got.Estimate != tc.estimate {
				t.Errorf("got %d covering %d/%d est=%v; want %d covering %d/%d est=%v",
					got.Installs, got.Covered, got.Months, got.Estimate, tc.installs, tc.covered, tc.months, tc.estimate)
			}
			if u := spans(got.Used); !slices.Equal(u, tc.used) {
				t.Errorf("used %q, want %q", u, tc.used)
			}
			if got.Summed {
				t.Error("a single series' total is marked summed")
			}
			rev := slices.Clone(tc.figs)
			slices.Reverse(rev)
			if again := TotalOver(rev, rmon(tc.from), rmon(tc.to)); !reflect.DeepEqual(again, got) {
				t.Errorf("reversed input gave %+v", again)
			}
			if full := tc.covered == tc.months && tc.months > 0; got.Full() != full || got.Empty() != (tc.covered == 0) {
				t.Errorf("Full %v Empty %v, want %v %v", got.Full(), got.Empty(), full, tc.covered == 0)
			}
		})
	}
}

// randomSeries builds a series of n figures over the 12 months of 2020.
func randomSeries(r *rand.Rand, n int) []Figure {
	figs := make([]Figure, n)
	for i := range figs {
		a := r.IntN(12)
		b := a + r.IntN(min(4, 12-a))
		figs[i] = Figure{App: "R", Country: "XX", From: MonthOf(2020, a+1), To: MonthOf(2020, b+1),
			Installs: int64(r.IntN(1000)), Estimate: r.IntN(3) == 0}
	}
	return figs
}

// TestTotalOverBestSet checks the chosen set against every subset of small
// random series: no set of non-overlapping figures inside the window may
// score better (more months, then fewer estimates, then more figures).
func TestTotalOverBestSet(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 300 {
		figs := randomSeries(r, 1+r.IntN(10))
		from, to := MonthOf(2020, 1+r.IntN(4)), MonthOf(2020, 8+r.IntN(5))
		got := TotalOver(figs, from, to)
		var gotScore intervalScore
		for i, f := range got.Used {
			gotScore = gotScore.plus(&f)
			if f.From < from || f.To > to {
				t.Fatalf("round %d: used %v outside the window", round, f)
			}
			if i > 0 && got.Used[i-1].To >= f.From {
				t.Fatalf("round %d: used overlapping figures %v and %v", round, got.Used[i-1], f)
			}
		}
		var best intervalScore
		for mask := 0; mask < 1<<len(figs); mask++ {
			var set []*Figure
			for i := range figs {
				if f := &figs[i]; mask&(1<<i) != 0 && f.From >= from && f.To <= to {
					set = append(set, f)
				}
			}
			slices.SortFunc(set, cmpEnd)
			ok := true
			var s intervalScore
			for i, f := range set {
				if i > 0 && set[i-1].To >= f.From {
					ok = false
					break
				}
				s = s.plus(f)
			}
			if ok && s.better(best) {
				best = s
			}
		}
		if best != gotScore {
			t.Fatalf("round %d: TotalOver chose %+v, the best set scores %+v (figures %v)", round, gotScore, best, figs)
		}
		// The same figures in another order give the same answer.
		shuffled := slices.Clone(figs)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if again := TotalOver(shuffled, from, to); !reflect.DeepEqual(again, got) {
			t.Fatalf("round %d: order changed the answer: %+v vs %+v", round, again, got)
		}
	}
}

type wantPoint struct {
	kind  PointKind
	value float64
	est   bool
}

func checkPoints(t *testing.T, got []Point, from Month, want []wantPoint) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d points, want %d", len(got), len(want))
	}
	for i, w := range want {
		p := got[i]
		if p.Month != from.Add(i) {
			t.Errorf("point %d is month %s, want %s", i, p.Month, from.Add(i))
		}
		if p.Kind != w.kind || p.Estimate != w.est {
			t.Errorf("%s: %s est=%v, want %s est=%v", p.Month, p.Kind, p.Estimate, w.kind, w.est)
		}
		if w.kind == Gap {
			if !math.IsNaN(p.Value) {
				t.Errorf("%s: gap holds %v, want NaN", p.Month, p.Value)
			}
		} else if !near(p.Value, w.value) {
			t.Errorf("%s: %v, want %v", p.Month, p.Value, w.value)
		}
	}
}

func TestMonthlyCurve(t *testing.T) {
	x := func(from, to string, n int64, est bool) Figure { return rfig("T", "XX", from, to, n, est) }
	ww, countries := seedResso()
	gap := wantPoint{Gap, 0, false}
	ex := func(v float64) wantPoint { return wantPoint{Exact, v, false} }
	sp := func(v float64) wantPoint { return wantPoint{Spread, v, false} }
	spE := func(v float64) wantPoint { return wantPoint{Spread, v, true} }
	tests := []struct {
		name     string
		figs     []Figure
		from, to string
		want     []wantPoint
		used     []string
		warning  string // a substring of the only warning, or "" for none
	}{
		{"empty input: gaps, never zeros", nil, "2020-01", "2020-03", []wantPoint{gap, gap, gap}, []string{}, ""},
		{"single one-month figure", []Figure{x("2020-02", "", 7, false)}, "2020-01", "2020-03",
			[]wantPoint{gap, ex(7), gap}, []string{"XX 2020-02"}, ""},
		{"gap between months", []Figure{x("2020-01", "", 5, false), x("2020-03", "", 7, true)}, "2020-01", "2020-03",
			[]wantPoint{ex(5), gap, {Exact, 7, true}}, []string{"XX 2020-01", "XX 2020-03"}, ""},
		{"seed WW: remainder spread around Jul and Aug", ww, "2020-03", "2020-09",
			[]wantPoint{sp(1_880_000), sp(1_880_000), sp(1_880_000), sp(1_880_000), ex(2_200_000), ex(3_600_000), sp(1_880_000)},
			[]string{"WW 2020-03..2020-09", "WW 2020-07", "WW 2020-08"}, ""},
		{"figure partly outside the window still spreads into it", ww, "2020-08", "2020-10",
			[]wantPoint{ex(3_600_000), sp(1_880_000), gap},
			[]string{"WW 2020-03..2020-09", "WW 2020-07", "WW 2020-08"}, ""},
		{"one-month figure alone in the window uses nothing else", ww, "2020-07", "2020-07",
			[]wantPoint{ex(2_200_000)}, []string{"WW 2020-07"}, ""},
		{"nested spans resolve inner first", []Figure{
			x("2020-01", "2020-12", 120, false), x("2020-02", "", 10, false), x("2020-01", "2020-03", 36, false)},
			"2020-01", "2020-05", []wantPoint{sp(13), ex(10), sp(13), sp(84.0 / 9), sp(84.0 / 9)},
			[]string{"XX 2020-01..2020-03", "XX 2020-01..2020-12", "XX 2020-02"}, ""},
		{"seed IN: estimate flows into the remainder months only", countries["IN"], "2020-03", "2020-09",
			[]wantPoint{sp(1_960_000), sp(1_960_000), sp(1_960_000), sp(1_960_000), sp(1_960_000), spE(40_000), spE(40_000)},
			[]string{"IN 2020-03..2020-07", "IN 2020-03..2020-09"},
			"Resso IN: 2020-03..2020-09 is 9.88M*; the figures inside it take 9.8M, leaving 40k* a month for its other 2 months, against 1.41M* a month on average"},
		{"a subtracted estimate marks the remainder", []Figure{x("2020-01", "2020-03", 30, false), x("2020-02", "", 10, true)},
			"2020-01", "2020-03", []wantPoint{spE(10), {Exact, 10, true}, spE(10)},
			[]string{"XX 2020-01..2020-03", "XX 2020-02"}, ""},
		// Partial overlaps are never subtracted (defect 4): each figure
		// shows its own plain share in the months still free, and the
		// overlap is named.
		{"same length: the non-estimate goes first; a partial overlap is not subtracted", []Figure{x("2020-01", "2020-03", 30, true), x("2020-02", "2020-04", 12, false)},
			"2020-01", "2020-04", []wantPoint{spE(10), sp(4), sp(4), sp(4)},
			[]string{"XX 2020-01..2020-03", "XX 2020-02..2020-04"},
			"T XX: 2020-02..2020-04 (12) and 2020-01..2020-03 (30) overlap on 2020-02..2020-03 without one lying inside the other"},
		{"same length, both plain: the earliest goes first", []Figure{
			x("2020-02", "2020-04", 12, false), x("2020-01", "2020-03", 30, false)},
			"2020-01", "2020-04", []wantPoint{sp(10), sp(10), sp(10), sp(4)},
			[]string{"XX 2020-01..2020-03", "XX 2020-02..2020-04"},
			"T XX: 2020-01..2020-03 (30) and 2020-02..2020-04 (12) overlap on 2020-02..2020-03"},
		{"fallback: months inside add to more than the span", []Figure{
			x("2020-01", "2020-03", 30, false), x("2020-01", "", 20, false), x("2020-02", "", 15, false)},
			// 20 + 15 = 35 > 30: nothing is left for March, which is not
			// known (it showed the plain average, 10, which no figure gives).
			"2020-01", "2020-03", []wantPoint{ex(20), ex(15), gap},
			[]string{"XX 2020-01", "XX 2020-01..2020-03", "XX 2020-02"},
			"T XX: 2020-01..2020-03 is 30 but the months inside it already add to 35; so its other months are not known (–)"},
		{"fallback outside the window is not reported", []Figure{
			x("2020-01", "2020-03", 30, false), x("2020-01", "", 20, false), x("2020-02", "", 15, false)},
			"2020-02", "2020-02", []wantPoint{ex(15)}, []string{"XX 2020-02"}, ""},
		{"window backwards", ww, "2020-09", "2020-03", []wantPoint{}, []string{}, ""},
		{"a figure the store would refuse is left out", []Figure{
			{Country: "XX", From: MonthOf(1800, 1), To: rmon("2020-02"), Installs: 5}, x("2020-01", "", 3, false)},
			"2020-01", "2020-02", []wantPoint{ex(3), gap}, []string{"XX 2020-01"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := MonthlyCurve(tc.figs, rmon(tc.from), rmon(tc.to))
			checkPoints(t, c.Points, rmon(tc.from), tc.want)
			if u := spans(c.Used); !slices.Equal(u, tc.used) {
				t.Errorf("used %q, want %q", u, tc.used)
			}
			switch {
			case tc.warning == "" && len(c.Warnings) > 0:
				t.Errorf("unexpected warnings %q", c.Warnings)
			case tc.warning != "" && (len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], tc.warning)):
				t.Errorf("warnings %q, want one containing %q", c.Warnings, tc.warning)
			}
			if c.Summed || c.Countries != 0 {
				t.Error("a single series' curve is marked summed")
			}
			for _, p := range c.Points {
				if p.Summed {
					t.Errorf("%s marked summed", p.Month)
				}
			}
		})
	}
}

// TestMonthlyCurveEndsAtSourceTotal: the remainder makes a span's months
// add to the span, so the curve's sum is the source's total, not more.
func TestMonthlyCurveEndsAtSourceTotal(t *testing.T) {
	ww, countries := seedResso()
	for _, tc := range []struct {
		name string
		figs []Figure
		want float64
	}{
		{"WW", ww, 15_200_000},
		{"IN", countries["IN"], 9_880_000},
		{"ID", countries["ID"], 5_168_000},
	} {
		c := MonthlyCurve(tc.figs, rmon("2020-03"), rmon("2020-09"))
		var sum float64
		for _, p := range c.Points {
			sum += p.Value
		}
		if !near(sum, tc.want) {
			t.Errorf("%s: months add to %v, want %v", tc.name, sum, tc.want)
		}
	}
}

func TestCumulative(t *testing.T) {
	m := rmon("2020-01")
	pt := func(i int, kind PointKind, v float64, est, summed bool) Point {
		if kind == Gap {
			v = math.NaN()
		}
		return Point{Month: m.Add(i), Value: v, Kind: kind, Estimate: est, Summed: summed}
	}
	gap := wantPoint{Gap, 0, false}
	tests := []struct {
		name    string
		in      []Point
		want    []wantPoint
		summed  []bool
		warning string
	}{
		{"empty", nil, []wantPoint{}, nil, ""},
		{"exact months stay exact", []Point{pt(0, Exact, 1, false, false), pt(1, Exact, 2, false, false)},
			[]wantPoint{{Exact, 1, false}, {Exact, 3, false}}, []bool{false, false}, ""},
		{"gaps stay gaps and later points keep summing", []Point{
			pt(0, Exact, 1, false, false), pt(1, Gap, 0, false, false), pt(2, Spread, 2, true, false),
			pt(3, Exact, 3, false, true), pt(4, Gap, 0, false, false), pt(5, Exact, 1, false, false)},
			[]wantPoint{{Exact, 1, false}, gap, {Spread, 3, true}, {Spread, 6, true}, gap, {Spread, 7, true}},
			[]bool{false, false, false, true, false, true},
			"cumulative leaves out 2 months without figures (2020-02, 2020-05); the totals after them are at least what they show (≥)"},
		{"a leading gap is not left out of a total that starts after it", []Point{pt(0, Gap, 0, false, false), pt(1, Exact, 4, false, false)},
			[]wantPoint{gap, {Exact, 4, false}}, []bool{false, false}, ""},
		{"one gap month between", []Point{pt(0, Exact, 4, false, false), pt(1, Gap, 0, false, false), pt(2, Exact, 1, false, false)},
			[]wantPoint{{Exact, 4, false}, gap, {Exact, 5, false}}, []bool{false, false, false},
			"cumulative leaves out 1 month without figures (2020-02); the totals after them are at least what they show (≥)"},
		{"leading gaps (before a launch, say) and trailing ones are not counted", []Point{
			pt(0, Gap, 0, false, false), pt(1, Gap, 0, false, false), pt(2, Exact, 5, false, false),
			pt(3, Gap, 0, false, false), pt(4, Exact, 1, false, false), pt(5, Gap, 0, false, false)},
			[]wantPoint{gap, gap, {Exact, 5, false}, gap, {Exact, 6, false}, gap},
			[]bool{false, false, false, false, false, false},
			"cumulative leaves out 1 month without figures (2020-04); the totals after them are at least what they show (≥)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := Curve{Points: tc.in, Warnings: []string{"earlier"}, Used: []Figure{rfig("T", "XX", "2020-01", "", 1, false)}}
			c := Cumulative(in, false)
			checkPoints(t, c.Points, m, tc.want)
			for i, s := range tc.summed {
				if c.Points[i].Summed != s {
					t.Errorf("%s summed %v, want %v", c.Points[i].Month, c.Points[i].Summed, s)
				}
			}
			want := []string{"earlier"}
			if tc.warning != "" {
				want = append(want, tc.warning)
			}
			if !slices.Equal(c.Warnings, want) {
				t.Errorf("warnings %q, want %q", c.Warnings, want)
			}
			if len(c.Used) != 1 || len(in.Warnings) != 1 {
				t.Errorf("used %d (want 1); input warnings now %q", len(c.Used), in.Warnings)
			}
		})
	}
	t.Run("seed WW ends at the source's 15.2M", func(t *testing.T) {
		ww, _ := seedResso()
		c := Cumulative(MonthlyCurve(ww, rmon("2020-03"), rmon("2020-09")), false)
		last := c.Points[len(c.Points)-1]
		if !near(last.Value, 15_200_000) || last.Kind != Spread || last.Estimate {
			t.Errorf("last point %+v, want 15.2M spread, not an estimate", last)
		}
		if !near(c.Points[4].Value, 4*1_880_000+2_200_000) {
			t.Errorf("July cumulative %v", c.Points[4].Value)
		}
		if len(c.Used) != 3 || len(c.Warnings) != 0 {
			t.Errorf("used %d, warnings %q", len(c.Used), c.Warnings)
		}
	})
}

func TestWorldwideCurve(t *testing.T) {
	ww, countries := seedResso()
	t.Run("WW figures win over the countries", func(t *testing.T) {
		c := WorldwideCurve(ww, countries, rmon("2020-03"), rmon("2020-09"))
		want := MonthlyCurve(ww, rmon("2020-03"), rmon("2020-09"))
		if !reflect.DeepEqual(spans(c.Used), spans(want.Used)) || c.Summed || c.Countries != 0 || len(c.Warnings) != 0 {
			t.Errorf("used %q summed %v countries %d warnings %q", spans(c.Used), c.Summed, c.Countries, c.Warnings)
		}
		sp, ex := wantPoint{Spread, 1_880_000, false}, func(v float64) wantPoint { return wantPoint{Exact, v, false} }
		checkPoints(t, c.Points, rmon("2020-03"), []wantPoint{sp, sp, sp, sp, ex(2_200_000), ex(3_600_000), sp})
	})
	t.Run("no WW figures: the labelled sum of countries", func(t *testing.T) {
		c := WorldwideCurve(nil, countries, rmon("2020-02"), rmon("2020-09"))
		in, id := 9_800_000.0/5, 5_000_000.0/5
		inE, idE := 80_000.0/2, 168_000.0/2
		sp := func(v float64, est bool) wantPoint { return wantPoint{Spread, v, est} }
		checkPoints(t, c.Points, rmon("2020-02"), []wantPoint{{Gap, 0, false},
			sp(in+id, false), sp(in+id, false), sp(in+id, false), sp(in+id, false), sp(in+id, false),
			sp(inE+idE, true), sp(inE+idE+152_000, true)})
		for _, p := range c.Points[1:] {
			if !p.Summed {
				t.Errorf("%s not marked summed", p.Month)
			}
		}
		if c.Points[0].Summed {
			t.Error("a gap is marked summed")
		}
		if !c.Summed || c.Countries != 3 {
			t.Errorf("summed %v countries %d, want true 3", c.Summed, c.Countries)
		}
		wantUsed := []string{"BR 2020-09", "ID 2020-03..2020-07", "ID 2020-03..2020-09", "IN 2020-03..2020-07", "IN 2020-03..2020-09"}
		if u := spans(c.Used); !slices.Equal(u, wantUsed) {
			t.Errorf("used %q, want %q", u, wantUsed)
		}
		wantWarn := []string{
			"Resso ID: 2020-03..2020-09 is 5.17M*; the figures inside it take 5M, leaving 84k* a month for its other 2 months, against 738k* a month on average: the figures may not agree",
			"Resso IN: 2020-03..2020-09 is 9.88M*; the figures inside it take 9.8M, leaving 40k* a month for its other 2 months, against 1.41M* a month on average: the figures may not agree",
			"Resso WW 2020-03..2020-09 is the sum of 3 countries (BR, ID, IN), not a figure for worldwide; " +
				"in 2020-03..2020-08 some of them have no figure, so those sums are at least what they show (≥)"}
		if !slices.Equal(c.Warnings, wantWarn) {
			t.Errorf("warnings %q, want %q", c.Warnings, wantWarn)
		}
	})
	t.Run("per month: countries fill only the WW gaps", func(t *testing.T) {
		w := []Figure{rfig("A", "WW", "2020-07", "", 2_200_000, false)}
		by := map[string][]Figure{
			"IN": {rfig("A", "IN", "2020-06", "", 1_000_000, false), rfig("A", "IN", "2020-07", "", 900_000, false)},
			"ID": {rfig("A", "ID", "2020-06", "", 500_000, true)},
			"BR": {rfig("A", "BR", "2020-07", "", 100_000, false)}, // only where WW has a figure: not added
			"WW": w,                                                // a WW entry among the countries is not added again
		}
		c := WorldwideCurve(w, by, rmon("2020-06"), rmon("2020-08"))
		checkPoints(t, c.Points, rmon("2020-06"), []wantPoint{{Exact, 1_500_000, true}, {Exact, 2_200_000, false}, {Gap, 0, false}})
		if !c.Points[0].Summed || c.Points[1].Summed || c.Points[2].Summed {
			t.Errorf("summed marks %v %v %v, want true false false", c.Points[0].Summed, c.Points[1].Summed, c.Points[2].Summed)
		}
		if !c.Summed || c.Countries != 2 {
			t.Errorf("summed %v countries %d, want true 2", c.Summed, c.Countries)
		}
		// IN's July figure is not shown: WW has July.
		if u, want := spans(c.Used), []string{"ID 2020-06", "IN 2020-06", "WW 2020-07"}; !slices.Equal(u, want) {
			t.Errorf("used %q, want %q", u, want)
		}
		if len(c.Warnings) != 1 || !strings.HasPrefix(c.Warnings[0], "A WW 2020-06 is the sum of 2 countries (ID, IN)") ||
			strings.Contains(c.Warnings[0], "at least") {
			t.Errorf("warnings %q", c.Warnings)
		}
	})
	t.Run("nothing anywhere", func(t *testing.T) {
		c := WorldwideCurve(nil, map[string][]Figure{"IN": nil}, rmon("2020-01"), rmon("2020-02"))
		checkPoints(t, c.Points, rmon("2020-01"), []wantPoint{{Gap, 0, false}, {Gap, 0, false}})
		if c.Summed || c.Countries != 0 || len(c.Used) != 0 || len(c.Warnings) != 0 {
			t.Errorf("%+v", c)
		}
	})
}

func TestWorldwideTotal(t *testing.T) {
	ww, countries := seedResso()
	tests := []struct {
		name      string
		ww        []Figure
		by        map[string][]Figure
		from, to  string
		installs  int64
		covered   int
		months    int
		estimate  bool
		summed    bool
		countries int
		used      int
	}{
		{"seed WW Mar-Sep", ww, countries, "2020-03", "2020-09", 15_200_000, 7, 7, false, false, 0, 1},
		{"seed WW Jul-Aug", ww, countries, "2020-07", "2020-08", 5_800_000, 2, 2, false, false, 0, 2},
		{"WW covering part of the window still wins", ww, countries, "2020-07", "2020-09", 5_800_000, 2, 3, false, false, 0, 2},
		{"no WW: the sum of countries, least coverage", nil, countries, "2020-03", "2020-09", 15_200_000, 1, 7, true, true, 3, 3},
		{"no WW, Mar-Jul: BR has nothing there", nil, countries, "2020-03", "2020-07", 14_800_000, 5, 5, false, true, 2, 2},
		{"WW outside the window: countries", []Figure{ww[2]}, countries, "2020-03", "2020-07", 14_800_000, 5, 5, false, true, 2, 2},
		{"WW among the countries is not added twice", nil, map[string][]Figure{"WW": ww, "BR": countries["BR"]},
			"2020-03", "2020-09", 152_000, 1, 7, true, true, 1, 1},
		{"nothing at all", nil, nil, "2020-03", "2020-09", 0, 0, 7, false, false, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := WorldwideTotal(tc.ww, tc.by, rmon(tc.from), rmon(tc.to))
			if got.Installs != tc.installs || got.Covered != tc.covered || got.Months != tc.months ||
				got.Estimate != tc.estimate || got.Summed != tc.summed || got.Countries != tc.countries || len(got.Used) != tc.used {
				t.Errorf("got %d %d/%d est=%v summed=%v countries=%d used=%d; want %d %d/%d est=%v summed=%v countries=%d used=%d",
					got.Installs, got.Covered, got.Months, got.Estimate, got.Summed, got.Countries, len(got.Used),
					tc.installs, tc.covered, tc.months, tc.estimate, tc.summed, tc.countries, tc.used)
			}
			if !slices.IsSortedFunc(got.Used, cmpUsed) {
				t.Errorf("used not sorted: %q", spans(got.Used))
			}
		})
	}
}

func TestSinceLaunch(t *testing.T) {
	_, resso := seedResso()
	spotify := seedSpotify()
	type want struct {
		k        int // 1-based month since launch
		installs int64
		full     bool
		estimate bool
	}
	tests := []struct {
		name   string
		figs   []Figure
		launch string
		months int
		want   []want
	}{
		{"Resso India", resso["IN"], "2020-03", 8, []want{
			{1, 0, false, false}, {4, 0, false, false},
			{5, 9_800_000, true, false},  // M5: the article's 9.8M
			{6, 9_800_000, false, false}, // M6 is not full: nothing covers August alone
			{7, 9_880_000, true, true},   // M7: the 65% share, an estimate
			{8, 9_880_000, false, true}}},
		{"Spotify India", spotify["IN"], "2019-02", 6, []want{{5, 10_500_000, true, false}, {6, 10_500_000, false, false}}},
		{"Resso Indonesia", resso["ID"], "2020-03", 5, []want{{5, 5_000_000, true, false}}},
		{"Spotify Indonesia", spotify["ID"], "2016-03", 5, []want{{4, 0, false, false}, {5, 1_200_000, true, false}}},
		{"Resso Brazil", resso["BR"], "2020-09", 1, []want{{1, 152_000, true, true}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SinceLaunch(tc.figs, rmon(tc.launch), tc.months)
			if len(got) != tc.months {
				t.Fatalf("%d totals, want %d", len(got), tc.months)
			}
			for _, w := range tc.want {
				g := got[w.k-1]
				if g.Installs != w.installs || g.Full() != w.full || g.Estimate != w.estimate || g.Months != w.k {
					t.Errorf("M%d: %d full=%v est=%v months=%d; want %d full=%v est=%v months=%d",
						w.k, g.Installs, g.Full(), g.Estimate, g.Months, w.installs, w.full, w.estimate, w.k)
				}
			}
		})
	}
	t.Run("the article's comparisons", func(t *testing.T) {
		m5 := func(figs []Figure, launch string) int64 { return SinceLaunch(figs, rmon(launch), 5)[4].Installs }
		if r, s := m5(resso["IN"], "2020-03"), m5(spotify["IN"], "2019-02"); r != 9_800_000 || s != 10_500_000 {
			t.Errorf("India M5: Resso %d, Spotify %d; want 9.8M and 10.5M", r, s)
		}
		if r, s := m5(resso["ID"], "2020-03"), m5(spotify["ID"], "2016-03"); r != 5_000_000 || s != 1_200_000 {
			t.Errorf("Indonesia M5: Resso %d, Spotify %d; want 5M and 1.2M", r, s)
		}
	})
	if got := SinceLaunch(resso["IN"], rmon("2020-03"), 0); got != nil {
		t.Errorf("0 months gave %v", got)
	}
	t.Run("equals TotalOver for every k", func(t *testing.T) {
		r := rand.New(rand.NewPCG(3, 4))
		for round := range 200 {
			figs := randomSeries(r, r.IntN(12))
			launch := MonthOf(2020, 1+r.IntN(6))
			got := SinceLaunch(figs, launch, 9)
			for k := 1; k <= 9; k++ {
				want := TotalOver(figs, launch, launch.Add(k-1))
				want.Tie = nil // ties are TotalOver's to name, for one window
				if !reflect.DeepEqual(got[k-1], want) {
					t.Fatalf("round %d k %d: %+v, TotalOver says %+v", round, k, got[k-1], want)
				}
			}
		}
	})
}

func TestSinceLaunchCurve(t *testing.T) {
	_, resso := seedResso()
	in := resso["IN"]
	c := SinceLaunchCurve(in, rmon("2020-03"), 8, true)
	if len(c.Points) != 8 {
		t.Fatalf("%d points, want 8", len(c.Points))
	}
	for i, p := range c.Points {
		if p.Month != rmon("2020-03").Add(i) {
			t.Errorf("point %d is %s", i, p.Month)
		}
	}
	if p := c.Points[4]; !near(p.Value, 9_800_000) || p.Kind != Spread || p.Estimate {
		t.Errorf("M5 cumulative %+v, want 9.8M spread, not an estimate", p)
	}
	if p := c.Points[6]; !near(p.Value, 9_880_000) || !p.Estimate {
		t.Errorf("M7 cumulative %+v, want 9.88M estimate", p)
	}
	if p := c.Points[7]; p.Kind != Gap || !math.IsNaN(p.Value) {
		t.Errorf("M8 %+v, want a gap", p)
	}
	monthly := SinceLaunchCurve(in, rmon("2020-03"), 8, false)
	if p := monthly.Points[0]; !near(p.Value, 1_960_000) || p.Kind != Spread {
		t.Errorf("M1 monthly %+v, want 1.96M spread", p)
	}
	if empty := SinceLaunchCurve(in, rmon("2020-03"), 0, true); len(empty.Points) != 0 {
		t.Errorf("0 months gave %d points", len(empty.Points))
	}
}

func TestSpan(t *testing.T) {
	ww, countries := seedResso()
	if _, _, ok := Span(); ok {
		t.Error("no slices: ok")
	}
	if _, _, ok := Span(nil, []Figure{}); ok {
		t.Error("empty slices: ok")
	}
	from, to, ok := Span(countries["BR"], ww)
	if !ok || from != rmon("2020-03") || to != rmon("2020-09") {
		t.Errorf("got %s %s %v", from, to, ok)
	}
	from, to, ok = Span(seedSpotify()["ID"], countries["BR"])
	if !ok || from != rmon("2016-03") || to != rmon("2020-09") {
		t.Errorf("got %s %s %v", from, to, ok)
	}
}

func TestDisagreements(t *testing.T) {
	ww, countries := seedResso()
	tests := []struct {
		name string
		app  string
		ww   []Figure
		by   map[string][]Figure
		want []string
	}{
		{"the seed: Mar-Jul countries exceed worldwide", "Resso", ww, countries, []string{
			"Resso WW: countries (ID, IN) add to 14.8M over 2020-03..2020-07, more than worldwide allows (at most 11.6M: 15.2M over 2020-03..2020-09 (test) less 3.6M outside)",
		}},
		{"Spotify agrees with itself", "Spotify", nil, seedSpotify(), nil},
		{"empty", "X", nil, nil, nil},
		{"a span below the figures inside it", "Resso", nil, map[string][]Figure{"IN": {
			rfig("Resso", "IN", "2020-03", "2020-09", 9_900_000, true),
			rfig("Resso", "IN", "2020-03", "2020-07", 9_800_000, false),
			rfig("Resso", "IN", "2020-08", "", 300_000, false),
		}}, []string{"Resso IN: 2020-03..2020-09 is 9.9M but figures inside it already add to 10.1M (test)"}},
		{"worldwide too; spans in order", "A", []Figure{
			rfig("A", "WW", "2020-01", "2020-03", 100, false),
			rfig("A", "WW", "2020-01", "", 60, false),
			rfig("A", "WW", "2020-02", "", 50, false),
		}, map[string][]Figure{
			"ID": {rfig("A", "ID", "2020-04", "2020-05", 10, false), rfig("A", "ID", "2020-04", "", 11, false)},
			"BR": {rfig("A", "BR", "2020-06", "2020-07", 10, false), rfig("A", "BR", "2020-06", "", 11, false)},
		}, []string{
			"A WW: 2020-01..2020-03 is 100 but figures inside it already add to 110 (test)",
			"A BR: 2020-06..2020-07 is 10 but figures inside it already add to 11 (test)",
			"A ID: 2020-04..2020-05 is 10 but figures inside it already add to 11 (test)",
		}},
		{"close numbers are written in full", "A", []Figure{rfig("A", "WW", "2020-03", "", 10_000_000, false)},
			map[string][]Figure{
				"IN": {rfig("A", "IN", "2020-03", "", 6_000_000, false)},
				"ID": {rfig("A", "ID", "2020-03", "", 4_040_000, true)},
			}, []string{
				"A WW: countries (ID, IN) add to 10,040,000 over 2020-03, more than worldwide allows (at most 10,000,000: 10M over 2020-03 (test))",
			}},
		{"the smallest bound of several worldwide figures", "A", []Figure{
			rfig("A", "WW", "2020-01", "2020-12", 1000, false),
			rfig("A", "WW", "2020-01", "2020-06", 400, false),
			rfig("A", "WW", "2020-01", "", 100, false),
		}, map[string][]Figure{
			"IN": {rfig("A", "IN", "2020-02", "2020-06", 250, false)},
			"ID": {rfig("A", "ID", "2020-02", "2020-06", 100, false)},
		}, []string{
			"A WW: countries (ID, IN) add to 350 over 2020-02..2020-06, more than worldwide allows (at most 300: 400 over 2020-01..2020-06 (test) less 100 outside)",
		}},
		{"sums equal to their bound agree", "A", []Figure{rfig("A", "WW", "2020-03", "", 100, false)},
			map[string][]Figure{
				"IN": {rfig("A", "IN", "2020-03", "", 60, false)},
				"ID": {rfig("A", "ID", "2020-03", "", 40, false)},
				"BR": {rfig("A", "BR", "2020-04", "2020-06", 30, false), rfig("A", "BR", "2020-04", "", 10, false),
					rfig("A", "BR", "2020-05", "", 10, false), rfig("A", "BR", "2020-06", "", 10, false)},
			}, nil},
		{"several in one series, by from", "A", nil, map[string][]Figure{"IN": {
			rfig("A", "IN", "2020-02", "2020-03", 5, false),
			rfig("A", "IN", "2020-02", "", 6, false),
			rfig("A", "IN", "2020-01", "2020-06", 10, false),
			rfig("A", "IN", "2020-01", "", 20, false),
		}}, []string{
			// The most any set inside adds to (Jan 20 + Feb 6 = 26), not the
			// set covering most months (Jan 20 + Feb–Mar 5 = 25): defect 5.
			"A IN: 2020-01..2020-06 is 10 but figures inside it already add to 26 (test)",
			"A IN: 2020-02..2020-03 is 5 but figures inside it already add to 6 (test)",
		}},
		// Countries covering part of a span still add at least what they
		// cover: 80 + 90 is more than 100 (defect 6).
		{"countries covering part of a span add a lower bound", "A", []Figure{rfig("A", "WW", "2020-01", "2020-02", 100, false)},
			map[string][]Figure{
				"IN": {rfig("A", "IN", "2020-01", "2020-02", 80, false)},
				"ID": {rfig("A", "ID", "2020-01", "", 90, false)},
			}, []string{"A WW: countries (ID, IN) add to 170 over 2020-01..2020-02, more than worldwide allows (at most 100: 100 over 2020-01..2020-02 (test))"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Disagreements(tc.app, tc.ww, tc.by)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n  %q\nwant\n  %q", got, tc.want)
			}
			// The order of the input never changes the output.
			rev := func(s []Figure) []Figure { s = slices.Clone(s); slices.Reverse(s); return s }
			by := map[string][]Figure{}
			for k, v := range tc.by {
				by[k] = rev(v)
			}
			if again := Disagreements(tc.app, rev(tc.ww), by); !slices.Equal(again, got) {
				t.Errorf("reversed input gave %q", again)
			}
		})
	}
}

func TestFormatInstalls(t *testing.T) {
	tests := []struct {
		n    float64
		want string
	}{
		{0, "0"}, {0.4, "0"}, {820, "820"}, {999, "999"}, {999.6, "1k"}, {1234, "1.23k"}, {12_345, "12.3k"},
		{9_996, "10k"}, {10_500, "10.5k"}, {1_050, "1.05k"},
		{99_940, "99.9k"}, {99_960, "100k"}, {152_000, "152k"}, {950_000, "950k"}, {999_600, "1M"},
		{1_880_000, "1.88M"}, {2_200_000, "2.2M"}, {3_000_000, "3M"}, {3_600_000, "3.6M"}, {9_880_000, "9.88M"}, {5_168_000, "5.17M"},
		{14_800_000, "14.8M"}, {15_200_000, "15.2M"}, {152_000_000, "152M"}, {1_200_000_000, "1.2B"},
		{-3_600_000, "-3.6M"}, {-0.4, "0"}, {math.NaN(), "-"}, {math.Inf(1), "-"},
	}
	for _, tc := range tests {
		if got := FormatInstalls(tc.n); got != tc.want {
			t.Errorf("FormatInstalls(%v) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestPointKindString(t *testing.T) {
	for k, want := range map[PointKind]string{Gap: "gap", Exact: "exact", Spread: "spread", 9: "PointKind(9)"} {
		if got := k.String(); got != want {
			t.Errorf("%d: %q, want %q", k, got, want)
		}
	}
}

// benchCountries builds n countries with months one-month figures each.
func benchCountries(n, months int) map[string][]Figure {
	by := make(map[string][]Figure, n)
	start := rmon("2015-01")
	for c := range n {
		code := fmt.Sprintf("%c%c", 'A'+c/26, 'A'+c%26)
		figs := make([]Figure, months)
		for m := range figs {
			figs[m] = Figure{App: "Bench", Country: code, From: start.Add(m), To: start.Add(m), Installs: int64(1000 + c*m)}
		}
		by[code] = figs
	}
	return by
}

func BenchmarkWorldwideCurve(b *testing.B) {
	by := benchCountries(50, 100)
	from := rmon("2015-01")
	to := from.Add(99)
	b.ReportAllocs()
	for b.Loop() {
		c := WorldwideCurve(nil, by, from, to)
		if c.Countries != 50 {
			b.Fatal(c.Countries)
		}
	}
}

func BenchmarkTotalOver(b *testing.B) {
	// 100 months, 33 quarters and 8 years over one another: 141 figures.
	start := rmon("2015-01")
	var figs []Figure
	for m := range 100 {
		figs = append(figs, Figure{Country: "XX", From: start.Add(m), To: start.Add(m), Installs: 1000})
	}
	for q := 0; q+3 <= 100; q += 3 {
		figs = append(figs, Figure{Country: "XX", From: start.Add(q), To: start.Add(q + 2), Installs: 3100, Estimate: q%2 == 0})
	}
	for y := 0; y+12 <= 100; y += 12 {
		figs = append(figs, Figure{Country: "XX", From: start.Add(y), To: start.Add(y + 11), Installs: 12500})
	}
	b.ReportAllocs()
	for b.Loop() {
		if t := TotalOver(figs, start, start.Add(99)); !t.Full() {
			b.Fatal(t.Covered)
		}
	}
}

func BenchmarkMonthlyCurve(b *testing.B) {
	figs := benchCountries(1, 100)["AA"]
	from := rmon("2015-01")
	b.ReportAllocs()
	for b.Loop() {
		MonthlyCurve(figs, from, from.Add(99))
	}
}

func BenchmarkDisagreements(b *testing.B) {
	by := benchCountries(50, 100)
	ww := benchCountries(1, 100)["AA"]
	for i := range ww {
		ww[i].Country = Worldwide
	}
	b.ReportAllocs()
	for b.Loop() {
		Disagreements("Bench", ww, by)
	}
}

// An estimate in a month no other source covers decides nothing between
// the sources (found by a review): S1 gives Jan–Mar 300 each, exact but
// for February; S2 gives January 500. January is S1's 300 (S1 covers 3
// months against 1, both exact there), with S2's 500 the alternative,
// before and after S1's February becomes an estimate.
func TestResolve_AnEstimateElsewhereDoesNotHandOverExactMonths(t *testing.T) {
	jan, feb, mar := MonthOf(2020, 1), MonthOf(2020, 2), MonthOf(2020, 3)
	fig := func(src string, m Month, n int64, est bool) Figure {
		return Figure{App: "Beta", Country: "IN", From: m, To: m, Installs: n, Source: src, Estimate: est}
	}
	for _, febEstimate := range []bool{false, true} {
		figs := []Figure{fig("S1", jan, 300, false), fig("S1", feb, 300, febEstimate), fig("S1", mar, 300, false), fig("S2", jan, 500, false)}
		c := MonthlyCurve(Resolve(figs, nil, jan, mar).Shown, jan, mar)
		if got := c.Points[0].Value; got != 300 {
			t.Errorf("February an estimate %v: January shows %v, want S1's 300", febEstimate, got)
		}
	}
	// Where the contested month itself is an estimate, the exact source
	// still comes first: S1's January an estimate, S2's exact.
	figs := []Figure{fig("S1", jan, 300, true), fig("S1", feb, 300, false), fig("S1", mar, 300, false), fig("S2", jan, 500, false)}
	if got := MonthlyCurve(Resolve(figs, nil, jan, mar).Shown, jan, mar).Points[0].Value; got != 500 {
		t.Errorf("S1's January an estimate: January shows %v, want S2's exact 500", got)
	}
}
