package figures

import (
	"math"
	"strings"
	"testing"
)

func pt(v float64) Point { return Point{Value: v, Kind: Exact} }

func gapPt() Point { return Point{Value: math.NaN(), Kind: Gap} }

// TestShares: each part's share of the sum, marked with every mark in
// the sum, bounded where a part is a lower bound, and none beside a gap.
func TestShares(t *testing.T) {
	est := pt(1e6)
	est.Estimate = true
	spread := Point{Value: 1.96e6, Kind: Spread}
	summed := pt(1e6)
	summed.Summed = true
	low := pt(1e6)
	low.LowerBound = true
	cases := []struct {
		name string
		ps   []Point
		want []string
	}{
		// 3M ÷ 4M = 75%, 1M ÷ 4M = 25%.
		{"exact", []Point{pt(3e6), pt(1e6)}, []string{"75.0%", "25.0%"}},
		// An estimate in the sum makes every share one: 3M's share moves
		// with the 1M* as much as the 1M*'s own does.
		{"estimate", []Point{pt(3e6), est}, []string{"75.0%*", "25.0%*"}},
		// 1.96M ÷ 2.96M = 66.216…%, 1M ÷ 2.96M = 33.784…%.
		{"spread and estimate", []Point{spread, est}, []string{"66.2%≈*", "33.8%≈*"}},
		{"summed", []Point{pt(3e6), summed}, []string{"75.0%Σ", "25.0%Σ"}},
		// ≥1M beside 1M: the first's share is at least 50%, the other's
		// at most 50%.
		{"one lower bound", []Point{low, pt(1e6)}, []string{"≥50.0%", "≤50.0%"}},
		// Two lower bounds: theirs could be anything; the exact part's is
		// still at most 1M ÷ 3M.
		{"two lower bounds", []Point{low, low, pt(1e6)}, []string{"n/a", "n/a", "≤33.3%"}},
		{"a gap", []Point{pt(3e6), gapPt()}, []string{NoValue, NoValue}},
		{"nothing", []Point{pt(0), pt(0)}, []string{NoValue, NoValue}},
		{"no parts", nil, nil},
		// 1 ÷ 10,001 is 0.01%: not 0.0%, which would read as none, and
		// the other not 100.0%, which would read as all.
		{"tiny", []Point{pt(1), pt(10_000)}, []string{"<0.1%", ">99.9%"}},
		{"zero", []Point{pt(0), pt(10_000)}, []string{"0.0%", "100.0%"}},
		{"tiny bounds", []Point{pt(1), low}, []string{"<0.1%", ">99.9%"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			shares, _ := Shares(c.ps)
			if len(shares) != len(c.want) {
				t.Fatalf("%d shares for %d parts", len(shares), len(c.want))
			}
			for i, s := range shares {
				if got := FormatShareOf(s); got != c.want[i] {
					t.Errorf("share %d = %q, want %q", i, got, c.want[i])
				}
			}
		})
	}
}

// TestShares_AddToOne: exact shares of any parts add to 1.
func TestShares_AddToOne(t *testing.T) {
	ps := []Point{pt(3_120_000), pt(650_000), pt(1_770), pt(536_000), pt(0)}
	shares, total := Shares(ps)
	if total.Value != 4_307_770 {
		t.Fatalf("total %v", total.Value)
	}
	sum := 0.0
	for _, s := range shares {
		if s.Bound != ShareExact {
			t.Fatalf("bound %v", s.Bound)
		}
		sum += s.Fraction
	}
	if math.Abs(sum-1) > 1e-12 {
		t.Errorf("shares add to %v", sum)
	}
}

func TestSumOf(t *testing.T) {
	est := pt(40_000)
	est.Estimate, est.Kind = true, Spread
	low := pt(5)
	low.LowerBound, low.Summed = true, true
	got := SumOf([]Point{pt(1e6), est, low})
	if got.Value != 1_040_005 || got.Kind != Spread || !got.Estimate || !got.Summed || !got.LowerBound {
		t.Errorf("SumOf = %+v", got)
	}
	if FormatPoint(got) != "≥1.04M≈*Σ" {
		t.Errorf("written %q", FormatPoint(got))
	}
	if g := SumOf([]Point{pt(1), gapPt()}); g.Kind != Gap {
		t.Errorf("a sum over a gap is %+v, want a gap", g)
	}
	if g := SumOf(nil); g.Kind != Gap {
		t.Errorf("an empty sum is %+v, want a gap", g)
	}
}

// TestExplainShare: the working says the arithmetic with the numbers,
// why the share is marked or bounded, and takes in each part's figures.
func TestExplainShare(t *testing.T) {
	est := pt(1e6)
	est.Estimate = true
	spread := Point{Value: 1.96e6, Kind: Spread}
	f1 := Figure{App: "Resso", Country: "IN", From: MonthOf(2020, 3), To: MonthOf(2020, 7), Installs: 9_800_000, Source: "ST"}
	f2 := Figure{App: "Spotify", Country: "IN", From: MonthOf(2020, 7), To: MonthOf(2020, 7), Installs: 1_000_000, Source: "ST", Estimate: true}
	parts := []Explanation{
		{Number: "1.96M≈", Steps: []string{"9.8M over 2020-03..2020-07, spread"}, Figures: []Figure{f1}},
		{Number: "1M*", Steps: []string{"1M*: a figure for this month alone"}, Figures: []Figure{f2, f2}},
	}
	e := ExplainShare("Resso's share", 0, []string{"Resso", "Spotify"}, []Point{spread, est}, parts)
	if e.Number != "66.2%≈*" {
		t.Errorf("number %q", e.Number)
	}
	text := strings.Join(e.Steps, "\n")
	for _, want := range []string{
		"Resso 1.96M≈ ÷ (Resso 1.96M≈ + Spotify 1M*) = 1,960,000 ÷ 2,960,000 = 66.2%",
		"spread from a longer figure is among them (Resso's)",
		"an estimate is among them (Spotify's): the share is one too (*)",
		"  Resso: 9.8M over 2020-03..2020-07",
		"  Spotify: 1M*: a figure for this month alone",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("steps lack %q:\n%s", want, text)
		}
	}
	if len(e.Figures) != 2 {
		t.Errorf("figures %v, want each once", e.Figures)
	}

	gap := ExplainShare("Resso's share", 0, []string{"Resso", "Spotify"}, []Point{spread, gapPt()}, nil)
	if gap.Number != NoValue || !strings.Contains(gap.Steps[0], "no figure for Spotify") {
		t.Errorf("a gap month: %q %q", gap.Number, gap.Steps)
	}
	low := pt(1e6)
	low.LowerBound = true
	b := ExplainShare("x", 1, []string{"A", "B"}, []Point{low, pt(1e6)}, nil)
	if b.Number != "≤50.0%" || !strings.Contains(strings.Join(b.Steps, "\n"), "A's installs are at least what they show (≥)") {
		t.Errorf("a bound: %q %q", b.Number, b.Steps)
	}
	if e := ExplainShare("x", 5, []string{"A"}, []Point{pt(1)}, nil); e.Number != NoValue {
		t.Errorf("out of range: %q", e.Number)
	}
}

func TestExplainSum(t *testing.T) {
	spread := Point{Value: 1.96e6, Kind: Spread}
	e := ExplainSum("Resso IN", []string{"2020-06", "2020-07"}, []Point{spread, spread}, nil)
	if e.Number != "3.92M≈" || !strings.Contains(e.Steps[0], "the sum of 2 months: 2020-06 1.96M≈ + 2020-07 1.96M≈ = 3.92M≈") {
		t.Errorf("%q %q", e.Number, e.Steps)
	}
}
