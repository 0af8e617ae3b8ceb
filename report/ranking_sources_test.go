package report

import (
	"testing"

	"github.com/uptake/uptake/figures"
)

// The year before a window of other than 12 months overlaps the two
// windows: its figures already listed there are dropped, once, and the
// others kept in order; with none listed the list is kept as it is.
func TestNotListed(t *testing.T) {
	fig := func(from, to int, n int64) figures.Figure {
		return figures.Figure{App: "A", Country: "IN", From: figures.MonthOf(2020, from), To: figures.MonthOf(2020, to), Installs: n, Source: "s"}
	}
	a, b, c, d := fig(1, 1, 1), fig(2, 2, 2), fig(3, 3, 3), fig(4, 6, 4)
	lo, hi := figures.MonthOf(2020, 2), figures.MonthOf(2020, 12)
	for _, tc := range []struct {
		name   string
		year   []figures.Figure
		listed [][]figures.Figure
		want   []int64
	}{
		{"none listed", []figures.Figure{a, b, c}, [][]figures.Figure{{d}}, []int64{1, 2, 3}},
		{"the first inside listed", []figures.Figure{a, b, c, d}, [][]figures.Figure{{b}}, []int64{1, 3, 4}},
		{"listed in either list", []figures.Figure{a, b, c, d}, [][]figures.Figure{{c}, {d}}, []int64{1, 2}},
		{"all listed", []figures.Figure{b, c}, [][]figures.Figure{{b, c}}, nil},
		// a is outside lo..hi: not looked up, kept even when listed.
		{"outside the months", []figures.Figure{a, b}, [][]figures.Figure{{a, b}}, []int64{1}},
	} {
		got := notListed(tc.year, lo, hi, tc.listed...)
		var n []int64
		for _, f := range got {
			n = append(n, f.Installs)
		}
		if len(n) != len(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, n, tc.want)
			continue
		}
		for i := range n {
			if n[i] != tc.want[i] {
				t.Errorf("%s: %v, want %v", tc.name, n, tc.want)
				break
			}
		}
	}
}
