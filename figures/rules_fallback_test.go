package figures

import (
	"strings"
	"testing"
)

// A span below the figures inside it leaves its other months unknown,
// and the panel says why a month covered by a figure shows –: Sensor
// Tower's Mar–Sep 9.88M* holds its Mar–Jul 9.8M and Apptopia's Sep 400k
// (10.2M), so nothing is left for August (it showed the plain average,
// 1.41M, which no figure gives; found by a new user's walkthrough).
func TestExplainMonth_UnderASpanBelowItsInsides(t *testing.T) {
	src := func(f Figure, s string) Figure { f.Source = s; return f }
	n := Node{Label: "Resso IN", Name: "IN", Figures: []Figure{
		src(rfig("Resso", "IN", "2020-03", "2020-09", 9_880_000, true), "Sensor Tower"),
		src(rfig("Resso", "IN", "2020-03", "2020-07", 9_800_000, false), "Sensor Tower"),
		src(rfig("Resso", "IN", "2020-09", "", 400_000, false), "Apptopia"),
	}}
	rank := Ranking{"Apptopia", "Sensor Tower"}
	c := NodeCurve(n, rank, rmon("2020-03"), rmon("2020-09"))
	if p := c.Points[5]; p.Kind != Gap || FormatPoint(p) != NoValue {
		t.Errorf("August: %s, want –", FormatPoint(p))
	}
	if !strings.Contains(strings.Join(c.Warnings, "\n"), "Resso IN: 2020-03..2020-09 is 9.88M but the months inside it already add to 10.2M; so its other months are not known (–)") {
		t.Errorf("warnings %q", c.Warnings)
	}
	e := ExplainMonth(n, rank, rmon("2020-03"), rmon("2020-09"), rmon("2020-08"))
	if want := "9.88M* over 2020-03..2020-09 (Sensor Tower) covers 2020-08, but the figures inside it add to 10.2M, more than it: nothing is left for 2020-08, which is not known (–), not a zero"; len(e.Steps) != 1 || e.Steps[0] != want || len(e.Figures) != 1 {
		t.Errorf("explained: %q with %d figures, want %q", e.Steps, len(e.Figures), want)
	}
}
