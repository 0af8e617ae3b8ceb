package figures

import (
	"strings"
	"testing"
)

func TestChangeOf(t *testing.T) {
	full := func(n int64, months int) Total { return Total{Installs: n, Covered: months, Months: months} }
	part := func(n int64, covered, months int) Total { return Total{Installs: n, Covered: covered, Months: months} }
	est := func(t Total) Total { t.Estimate = true; return t }
	sum := func(t Total, countries ...string) Total {
		t.Summed, t.Countries = true, len(countries)
		for _, c := range countries {
			t.Used = append(t.Used, Figure{Country: c})
		}
		return t
	}
	cases := []struct {
		name           string
		before, after  Total
		text, why      string
		comparable, na bool
	}{
		// 2.2M in July, 3.6M in August: the article's +64%.
		{"plain", full(2_200_000, 1), full(3_600_000, 1), "+64%", "", true, false},
		{"fall", full(4_000_000, 12), full(3_000_000, 12), "-25%", "", true, false},
		{"no change", full(100, 3), full(100, 3), "+0%", "", true, false},
		{"estimate marks it", est(full(100, 3)), full(150, 3), "+50%*", "", true, false},
		// 6 months now against the 2 of the year before: never a bare +200%.
		{"later partial is at least", full(100, 12), part(300, 6, 12), "≥+200%", "later total leaves months out", false, false},
		{"earlier partial is at most", part(100, 2, 12), full(300, 12), "≤+200%", "earlier total leaves months out", false, false},
		{"both partial", part(100, 2, 12), part(300, 6, 12), "n/a", "both totals leave months out", false, true},
		{"earlier empty", Total{Months: 12}, full(300, 12), "n/a", "no figure lies inside the earlier window", false, true},
		{"later empty", full(300, 12), Total{Months: 12}, "n/a", "no figure lies inside the window", false, true},
		{"earlier zero", full(0, 12), full(300, 12), "n/a", "earlier total is 0", false, true},
		{"figures against a sum", full(100, 12), sum(full(300, 12), "IN", "ID"), "n/a", "one total is summed", false, true},
		{"sums of different parts", sum(full(100, 12), "IN"), sum(full(300, 12), "IN", "ID"), "n/a", "different parts", false, true},
		{"sums of the same parts", sum(full(100, 12), "IN", "ID"), sum(full(300, 12), "ID", "IN"), "+200%Σ", "", true, false},
		{"a tie is no plain change", full(100, 12), Total{Installs: 200, Covered: 12, Months: 12, Tie: &Tie{Installs: 250}}, "+100%", "reads two ways", false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ChangeOf(c.before, c.after)
			if got.Text != c.text || got.Comparable != c.comparable || got.NA() != c.na || !strings.Contains(got.Why, c.why) {
				t.Errorf("ChangeOf = %+v, want %q comparable %v n/a %v why ~%q", got, c.text, c.comparable, c.na, c.why)
			}
		})
	}
}

func TestRankTotals(t *testing.T) {
	full := func(n int64) Total { return Total{Installs: n, Covered: 12, Months: 12} }
	ts := []Total{full(50), full(300), {Installs: 300, Covered: 4, Months: 12}, {Months: 12}, full(10), full(50)}
	got := RankTotals(ts)
	want := []string{"3=", "1=", "(1=)", "–", "5", "3="}
	for i, r := range got {
		if r.String() != want[i] {
			t.Errorf("rank %d = %s, want %s (%+v)", i, r, want[i], r)
		}
	}
	moves := []struct {
		before, after Rank
		want          string
	}{
		{Rank{Place: 5}, Rank{Place: 2}, "▲3"},
		{Rank{Place: 1}, Rank{Place: 2}, "▼1"},
		{Rank{Place: 2}, Rank{Place: 2}, "="},
		{Rank{Place: 4, Partial: true}, Rank{Place: 2}, "(▲2)"},
		{Rank{}, Rank{Place: 2}, "–"},
	}
	for _, m := range moves {
		if got := RankMove(m.before, m.after); got != m.want {
			t.Errorf("RankMove(%v, %v) = %q, want %q", m.before, m.after, got, m.want)
		}
	}
}

// The seed's Resso in India: 9.8M over March to July, and 9.88M* over
// March to September. The change from the first five months to the
// whole seven is a change of window, but the arithmetic must read right.
func TestExplainChange(t *testing.T) {
	n := Node{Label: "Resso IN", Name: "IN", Figures: []Figure{
		rfig("Resso", "IN", "2020-03", "2020-07", 9_800_000, false),
		rfig("Resso", "IN", "2020-08", "2020-09", 80_000, true),
	}}
	e := ExplainChange(n, nil, rmon("2020-03"), rmon("2020-07"), rmon("2020-08"), rmon("2020-09"))
	text := strings.Join(e.Steps, "\n")
	for _, want := range []string{"earlier, 2020-03..2020-07: 9.8M (9,800,000, 5/5 months covered)",
		"later, 2020-08..2020-09: 80k* (80,000, 2/2 months covered)", "80,000 / 9,800,000 − 1 = -99%*", "an estimate"} {
		if !strings.Contains(text, want) {
			t.Errorf("steps lack %q:\n%s", want, text)
		}
	}
	if e.Number != "-99%*" || len(e.Figures) != 2 {
		t.Errorf("number %q, %d figures", e.Number, len(e.Figures))
	}
	e = ExplainChange(n, nil, rmon("2019-03"), rmon("2019-07"), rmon("2020-03"), rmon("2020-07"))
	if e.Number != "n/a" || !strings.Contains(strings.Join(e.Steps, "\n"), "no figure lies inside the earlier window") {
		t.Errorf("n/a change explained as %q %q", e.Number, e.Steps)
	}
}
