package figures

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Rankings and changes between windows. A ranking orders totals over one
// window; a change compares one total with an earlier one. Both are
// numbers a reader acts on, so they follow the rules every other number
// does: a rank that rests on a partly covered total says so, and a change
// is plain only between two totals that each cover their window whole
// and count the same thing (both figures, or both the same sum).

// Change is the change from an earlier window's total to a later one's.
type Change struct {
	Text string // "+64%", "≥+12%*", "≤-30%", or "n/a"
	// Value is after/before − 1 as the totals shown give it; NaN when the
	// change is n/a.
	Value float64
	// Bound: 0, the change as it is; +1, at least Value (the later total
	// leaves months out); −1, at most Value (the earlier one does).
	Bound int
	// Comparable: both totals cover their windows whole, count the same
	// thing and read one way, so Value is the change itself.
	Comparable bool
	// Why says why the change is n/a, a bound or not comparable, in
	// words that hold for every app it applies to (a view groups apps by
	// it); "" for a plain change.
	Why string
}

// NA reports whether there is no change to show.
func (c Change) NA() bool { return math.IsNaN(c.Value) }

// ChangeOf is the change from before (the earlier window's total) to
// after. Where both cover their windows whole it is the plain change,
// marked as the totals are (an estimate makes it one, Σ a sum). Where
// only the later total leaves months out it is at least what it says
// (≥), where only the earlier one does at most (≤), and where both do
// it is no bound either way: n/a. Between a total of figures and a sum
// of parts, or sums of different parts, it would measure a change of what
// is counted: n/a, as for growth between months (SameKind).
func ChangeOf(before, after Total) Change {
	na := func(why string) Change { return Change{Text: "n/a", Value: math.NaN(), Why: why} }
	switch {
	case after.Empty():
		return na("no figure lies inside the window")
	case before.Empty():
		return na("no figure lies inside the earlier window")
	case before.Summed != after.Summed:
		return na("one total is summed from parts (Σ) and the other is not: they count different things")
	case before.Summed && !slices.Equal(partsKey(before), partsKey(after)):
		return na("the totals are summed from different parts: they count different things")
	case before.Installs <= 0:
		return na("the earlier total is 0: no percentage of it")
	case !before.Full() && !after.Full():
		return na("both totals leave months out: no bound either way")
	}
	c := Change{Value: float64(after.Installs)/float64(before.Installs) - 1}
	s := strconv.FormatFloat(c.Value*100, 'f', 0, 64)
	if s == "-0" {
		s = "0"
	}
	if !strings.HasPrefix(s, "-") {
		s = "+" + s
	}
	c.Text = s + "%" + Marks(false, before.Estimate || after.Estimate, before.Summed || after.Summed)
	switch {
	case !after.Full():
		c.Bound, c.Text = 1, MarkAtLeast+c.Text
		c.Why = "the later total leaves months out: it and the change are at least what they say"
	case !before.Full():
		c.Bound, c.Text = -1, "≤"+c.Text
		c.Why = "the earlier total leaves months out: it is at least what it says, and the change at most"
	case before.Tie != nil || after.Tie != nil:
		c.Why = "a total reads two ways (two sets of figures cover as many months and disagree)"
	default:
		c.Comparable = true
	}
	return c
}

// partsKey names the parts a sum adds, for comparing two sums: the
// series (country and platform) of the figures it used, in order.
func partsKey(t Total) []seriesID {
	var out []seriesID
	for _, f := range t.Used {
		id := seriesID{f.Country, f.Platform}
		// Used is in country order: a repeat is mostly the last one.
		if n := len(out); n == 0 || out[n-1] != id {
			out = append(out, id)
		}
	}
	slices.SortFunc(out, func(a, b seriesID) int {
		return cmp.Or(strings.Compare(a.country, b.country), cmp.Compare(a.platform, b.platform))
	})
	return slices.Compact(out)
}

// seriesID is one series of a market: a country on a platform.
type seriesID struct {
	country  string
	platform Platform
}

// Rank is a place in a ranking of totals.
type Rank struct {
	Place int // 1 for the largest; 0: not ranked (no figure in the window)
	Tied  bool
	// Partial: the total it rests on leaves months out (≥), so the place
	// is no bound either way: that app may stand higher, and an app
	// ranked above it on a partial total may stand lower.
	Partial bool
}

// RankTotals ranks totals by installs, the largest first, as shown: equal
// totals share a place (1, 2, 2, 4) and are Tied; an empty total is not
// ranked. A rank is Partial when its own total leaves months out.
func RankTotals(ts []Total) []Rank {
	order := make([]int, 0, len(ts))
	for i, t := range ts {
		if !t.Empty() {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case ts[a].Installs > ts[b].Installs:
			return -1
		case ts[a].Installs < ts[b].Installs:
			return 1
		}
		return 0
	})
	out := make([]Rank, len(ts))
	for k, i := range order {
		place := k + 1
		if k > 0 && ts[order[k-1]].Installs == ts[i].Installs {
			place = out[order[k-1]].Place
			out[order[k-1]].Tied = true
			out[i].Tied = true
		}
		out[i].Place = place
		out[i].Partial = !ts[i].Full()
	}
	return out
}

// String writes a rank: "3", "3=" for a shared place, "(3)" for one that
// rests on a partly covered total, or "–" for none.
func (r Rank) String() string {
	if r.Place == 0 {
		return NoValue
	}
	s := strconv.Itoa(r.Place)
	if r.Tied {
		s += "="
	}
	if r.Partial {
		s = "(" + s + ")"
	}
	return s
}

// RankMove writes how an app moved between two rankings: "▲3" up three
// places, "▼1" down one, "=" the same place, in brackets when either
// rank rests on a partly covered total; "–" when either is not ranked.
func RankMove(before, after Rank) string {
	if before.Place == 0 || after.Place == 0 {
		return NoValue
	}
	d := before.Place - after.Place
	s := "="
	switch {
	case d > 0:
		s = "▲" + strconv.Itoa(d)
	case d < 0:
		s = "▼" + strconv.Itoa(-d)
	}
	if before.Partial || after.Partial {
		s = "(" + s + ")"
	}
	return s
}

// ExplainChange explains the change of a node's total from [bf, bt] to
// [af, at], as ChangeOf makes it from the two NodeTotals.
func ExplainChange(n Node, rank Ranking, bf, bt, af, at Month) Explanation {
	before, after := NodeTotal(n, rank, bf, bt), NodeTotal(n, rank, af, at)
	c := ChangeOf(before, after)
	e := Explanation{What: n.Label + " " + spanText(af, at) + " against " + spanText(bf, bt), Number: c.Text}
	line := func(which string, t Total, from, to Month) string {
		if t.Empty() {
			return fmt.Sprintf("%s, %s: no figure lies wholly inside it", which, spanText(from, to))
		}
		return fmt.Sprintf("%s, %s: %s (%s, %d/%d months covered)", which, spanText(from, to), FormatTotal(t),
			exactInstalls(float64(t.Installs)), t.Covered, t.Months)
	}
	e.Steps = []string{line("earlier", before, bf, bt), line("later", after, af, at)}
	if !c.NA() {
		e.Steps = append(e.Steps, fmt.Sprintf("%s / %s − 1 = %s", exactInstalls(float64(after.Installs)), exactInstalls(float64(before.Installs)), c.Text))
		if before.Estimate || after.Estimate {
			e.Steps = append(e.Steps, "an estimate is in a total, so the change is one too (*)")
		}
	}
	if c.Why != "" {
		e.Steps = append(e.Steps, c.Why)
	}
	e.Figures = append(append(e.Figures, before.Used...), after.Used...)
	r := n.Resolve(rank, min(bf, af), max(bt, at))
	e.Others = append(overlapping(r.Others, bf, bt), overlapping(r.Others, af, at)...)
	e.Figures, e.Others = uniqueFigures(e.Figures), uniqueFigures(e.Others)
	return e
}

// uniqueFigures sorts figures as a result's Used and drops repeats (two
// windows may share a figure's months).
func uniqueFigures(figs []Figure) []Figure {
	slices.SortFunc(figs, cmpUsed)
	return slices.CompactFunc(figs, func(a, b Figure) bool { return cmpUsed(a, b) == 0 })
}
