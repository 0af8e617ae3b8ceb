package figures

import (
	"math"
	"testing"
)

func TestIndexCurve(t *testing.T) {
	nan := math.NaN()
	pt := func(v float64, k PointKind, est, low bool) Point {
		return Point{Value: v, Kind: k, Estimate: est, LowerBound: low}
	}
	gap := Point{Value: nan, Kind: Gap}
	cases := []struct {
		name      string
		points    []Point
		at        int
		wantBase  int
		wantMoved bool
		want      []string // FormatIndex of each point
	}{
		// 2.2M is the base: 3.6M / 2.2M × 100 = 163.6 → "164".
		{"exact", []Point{pt(2.2e6, Exact, false, false), pt(3.6e6, Exact, false, false)}, 0, 0, false, []string{"100", "164"}},
		// An estimate base marks every index: 1.1M / 2.2M × 100 = 50.
		{"estimate base", []Point{pt(2.2e6, Exact, true, false), pt(1.1e6, Exact, false, false)}, 0, 0, false, []string{"100*", "50*"}},
		// A gap, then a zero, cannot be the base; 400 is: 200/400 = 50,
		// 40/400 = 10, 30/400 = 7.5 (one decimal below 10). The zero
		// before the base is 0 × anything.
		{"moved past gap and zero", []Point{gap, pt(0, Exact, false, false), pt(400, Exact, false, false), pt(200, Spread, false, false), pt(40, Exact, false, false), pt(30, Exact, false, false)}, 0, 2, true,
			[]string{"–", "0.0", "100", "50≈", "10", "7.5"}},
		// A lower bound cannot be a base (the index would be an upper
		// bound); a lower bound over an exact base stays one: 600/300.
		{"lower bound", []Point{pt(100, Exact, false, true), pt(300, Exact, false, false), pt(600, Exact, false, true)}, 0, 1, true, []string{"≥33", "100", "≥200"}},
		{"nothing to base on", []Point{gap, pt(0, Exact, false, false)}, 0, -1, false, []string{"–", "–"}},
		// A worldwide figure of 1000, then India alone (300, summed from
		// countries): 30 would read as a fall of 70% that is only a change
		// of what is counted (found by a review). Another sum of the same
		// countries indexes: 600/300.
		{"other kind", []Point{pt(1000, Exact, false, false), {Value: 300, Kind: Exact, Summed: true, Parts: "IN"}}, 0, 0, false, []string{"100", "–"}},
		{"same parts", []Point{{Value: 300, Kind: Exact, Summed: true, Parts: "IN"}, {Value: 600, Kind: Exact, Summed: true, Parts: "IN"}}, 0, 0, false, []string{"100Σ", "200Σ"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ix := IndexCurve(Curve{Points: c.points}, c.at)
			if ix.Base != c.wantBase || ix.Moved != c.wantMoved {
				t.Errorf("base %d moved %v, want %d %v", ix.Base, ix.Moved, c.wantBase, c.wantMoved)
			}
			for i, p := range ix.Curve.Points {
				if got := FormatIndex(p); got != c.want[i] {
					t.Errorf("point %d = %q, want %q", i, got, c.want[i])
				}
			}
		})
	}
}
