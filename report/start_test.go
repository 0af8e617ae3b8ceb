package report

import (
	"slices"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// TestStartSelection_LargestMarketAndApps: the first screen was the
// first four apps, alphabetically, in the alphabetically first country
// where apps launched ("AE United Arab Emirates" on a million figures).
// It is now the country with most launches, the largest of those by
// installs, and its four largest apps, largest first; with no launches,
// Curves of the four largest apps worldwide. Sizes below are worked by
// hand: app i has (i+1)×1000 installs a month, ×10 in US, ×3 in IN.
func TestStartSelection_LargestMarketAndApps(t *testing.T) {
	apps := []string{"Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"}
	scale := map[string]int64{"AE": 1, "IN": 3, "US": 10}
	build := func(launches bool) *store.Store {
		s := newTestStore(t, false)
		b := store.NewBatch("test")
		for i, a := range apps {
			for c, k := range scale {
				for m := range 3 {
					mo := figures.MonthOf(2020, 1+m)
					// Echo is the largest in the US only.
					n := int64(i+1) * 1000 * k
					if a == "Echo" && c == "US" {
						n *= 5
					}
					b.AddFigure(figures.Figure{App: a, Country: c, From: mo, To: mo, Installs: n, Source: "t"}, 0)
				}
				if launches {
					b.AddLaunch(figures.Launch{App: a, Country: c, Month: figures.MonthOf(2020, 1)})
				}
			}
		}
		if _, err := s.Apply(b, false); err != nil {
			t.Fatal(err)
		}
		return s
	}
	sel, view, err := StartSelection(build(true), Selection{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Echo", "Foxtrot", "Delta", "Charlie"}; sel.Country != "US" || view != "compare" || !sel.SinceLaunch || !slices.Equal(sel.Apps, want) {
		t.Errorf("with launches: %s %s %v since %v; want US compare %v since launch", view, sel.Country, sel.Apps, sel.SinceLaunch, want)
	}
	sel, view, _ = StartSelection(build(false), Selection{})
	// Worldwide, the sum of the countries a month: Echo 5k×(1+3+10×5) =
	// 270k, Foxtrot 6k×14 = 84k, Delta 56k, Charlie 42k, Bravo 28k.
	if want := []string{"Echo", "Foxtrot", "Delta", "Charlie"}; sel.Country != figures.Worldwide || view != "curves" || !slices.Equal(sel.Apps, want) {
		t.Errorf("without launches: %s %s %v; want WW curves %v", view, sel.Country, sel.Apps, want)
	}
	// Apps given: the market is chosen among theirs, the apps kept as given.
	sel, _, _ = StartSelection(build(true), Selection{Apps: []string{"Alpha", "Bravo"}})
	if sel.Country != "US" || !slices.Equal(sel.Apps, []string{"Alpha", "Bravo"}) {
		t.Errorf("apps given: %s %v", sel.Country, sel.Apps)
	}
	// The bundled data: Resso and Spotify launched in ID and IN; India's
	// figures are the larger.
	sel, view, _ = StartSelection(newTestStore(t, true), Selection{})
	if sel.Country != "IN" || view != "compare" || !slices.Equal(sel.Apps, []string{"Resso", "Spotify"}) {
		t.Errorf("bundled: %s %s %v", view, sel.Country, sel.Apps)
	}
}
