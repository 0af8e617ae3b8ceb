package report

import (
	"testing"

	"github.com/uptake/uptake/figures"
)

// countingSource counts the reads a view makes.
type countingSource struct {
	Source
	series, appSeries int
	launches, launch  int // every launch of an app read, one read by key
}

func (c *countingSource) Launches(app string) ([]figures.Launch, error) {
	c.launches++
	return c.Source.Launches(app)
}

func (c *countingSource) Launch(app, country string) (figures.Month, bool, error) {
	c.launch++
	return c.Source.(launchReader).Launch(app, country)
}

func (c *countingSource) Series(app, country string) ([]figures.Figure, error) {
	c.series++
	return c.Source.Series(app, country)
}

func (c *countingSource) AppSeries(app string) (map[string][]figures.Figure, error) {
	c.appSeries++
	return c.Source.AppSeries(app)
}

// A country's curve reads that country's series (and WW's, to learn
// there is none), not all fifty of the app, and its launch there by key:
// Spotify has no worldwide figures in the bundled data. Resso has, so
// its countries and their launches are read to check them against
// worldwide.
func TestCurves_ACountryReadsItsSeries(t *testing.T) {
	s := newTestStore(t, true)
	for _, c := range []struct {
		app           string
		wantAppSeries int
		launched      string
	}{{"Spotify", 0, "2019-02"}, {"Resso", 1, "2020-03"}} {
		src := &countingSource{Source: s}
		d, err := LoadCurves(src, Selection{Apps: []string{c.app}, Country: "IN"})
		if err != nil {
			t.Fatal(err)
		}
		if src.appSeries != c.wantAppSeries || src.series != 2 {
			t.Errorf("%s in IN: %d reads of every series, %d of one; want %d and 2", c.app, src.appSeries, src.series, c.wantAppSeries)
		}
		if src.launch != 1 || src.launches != c.wantAppSeries {
			t.Errorf("%s in IN: %d launches read by key, %d reads of every launch; want 1 and %d", c.app, src.launch, src.launches, c.wantAppSeries)
		}
		if got := d.Apps[0].node.Launched.String(); got != c.launched {
			t.Errorf("%s launched in IN %s, want %s", c.app, got, c.launched)
		}
	}
}
