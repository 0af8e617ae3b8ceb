package report

import (
	"testing"

	"github.com/uptake/uptake/figures"
)

// countingSource counts the reads a view makes.
type countingSource struct {
	Source
	series, appSeries int
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
// there is none), not all fifty of the app: Spotify has no worldwide
// figures in the bundled data. Resso has, so its countries are read to
// check them against worldwide.
func TestCurves_ACountryReadsItsSeries(t *testing.T) {
	s := newTestStore(t, true)
	for _, c := range []struct {
		app           string
		wantAppSeries int
	}{{"Spotify", 0}, {"Resso", 1}} {
		src := &countingSource{Source: s}
		if _, err := LoadCurves(src, Selection{Apps: []string{c.app}, Country: "IN"}); err != nil {
			t.Fatal(err)
		}
		if src.appSeries != c.wantAppSeries || src.series != 2 {
			t.Errorf("%s in IN: %d reads of every series, %d of one; want %d and 2", c.app, src.appSeries, src.series, c.wantAppSeries)
		}
	}
}
