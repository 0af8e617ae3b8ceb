package figures

import "testing"

// Growth is shown only between points of one kind from the same
// sources: Apptopia's 700k in October then Appfigures' 600k in November
// is no fall of 14% (a new user's walkthrough found that row); Appfigures'
// November 600k then December 720k is +20%. Summed points carry every
// part's sources.
func TestGrowth_OnlyBetweenTheSameSources(t *testing.T) {
	src := func(f Figure, s string) Figure { f.Source = s; return f }
	figs := []Figure{
		src(rfig("Resso", "IN", "2020-10", "", 700_000, false), "Apptopia"),
		src(rfig("Resso", "IN", "2020-11", "", 600_000, false), "Appfigures"),
		src(rfig("Resso", "IN", "2020-12", "", 720_000, false), "Appfigures"),
	}
	c := MonthlyCurve(figs, rmon("2020-10"), rmon("2020-12"))
	if g := Growth(c.Points[0], c.Points[1]); g != "" {
		t.Errorf("Apptopia 700k → Appfigures 600k: growth %q, want none", g)
	}
	if g := Growth(c.Points[1], c.Points[2]); g != "+20%" {
		t.Errorf("Appfigures 600k → 720k: growth %q, want +20%%", g)
	}

	// Two platforms summed: iOS from one source in both months, Android
	// from another, then from the first: the sums' sources differ.
	ios := Node{Label: "Resso IN ios", Name: "ios", Figures: []Figure{
		src(rfig("Resso", "IN", "2020-10", "", 100, false), "A"), src(rfig("Resso", "IN", "2020-11", "", 110, false), "A"), src(rfig("Resso", "IN", "2020-12", "", 121, false), "A")}}
	and := Node{Label: "Resso IN android", Name: "android", Figures: []Figure{
		src(rfig("Resso", "IN", "2020-10", "", 200, false), "B"), src(rfig("Resso", "IN", "2020-11", "", 220, false), "A"), src(rfig("Resso", "IN", "2020-12", "", 242, false), "A")}}
	all := Node{Label: "Resso IN", Name: "all", Whole: "all platforms", Parts: []PartSet{{Kind: "platforms", Nodes: []Node{ios, and}}}}
	nc := NodeCurve(all, nil, rmon("2020-10"), rmon("2020-12"))
	if s := nc.Points[0].Sources; s != "A,B" {
		t.Errorf("October's sum draws on %q, want A,B", s)
	}
	if g := Growth(nc.Points[0], nc.Points[1]); g != "" {
		t.Errorf("A,B → A: growth %q, want none", g)
	}
	if g := Growth(nc.Points[1], nc.Points[2]); g != "+10%Σ" {
		t.Errorf("A → A: growth %q, want +10%%Σ", g)
	}
}
