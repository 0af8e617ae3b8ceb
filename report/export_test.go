package report

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/textfit"
)

// The views, as the tests name them.
var (
	viewCurves    = curvesView()
	viewCountries = countriesView()
	viewCompare   = compareView()
	viewData      = dataView()
)

// exportCases are the selections the export goldens pin: the article's
// comparisons, Resso's worldwide curve and its countries.
var exportCases = []struct {
	name string
	view View
	sel  Selection
}{
	{"curves_resso_ww", viewCurves, Selection{Apps: []string{"Resso"}, Country: "WW"}},
	{"curves_resso_ww_cumulative", viewCurves, Selection{Apps: []string{"Resso"}, Country: "WW", Cumulative: true}},
	{"curves_in", viewCurves, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}},
	{"countries_resso", viewCountries, Selection{Apps: []string{"Resso"}, Country: "WW"}},
	{"compare_id_since_launch", viewCompare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "ID", SinceLaunch: true}},
	{"compare_in_since_launch", viewCompare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN", SinceLaunch: true}},
	{"compare_in_calendar", viewCompare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}},
	{"data", viewData, Selection{}},
	{"curves_in_log", viewCurves, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN", Scale: ScaleLog}},
	{"curves_in_index", viewCurves, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN", Scale: ScaleIndex}},
	{"compare_id_since_launch_index", viewCompare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "ID", SinceLaunch: true, Scale: ScaleIndex}},
}

func TestExport_Golden(t *testing.T) {
	s := newTestStore(t, true)
	for _, c := range exportCases {
		for _, format := range []string{FormatText, FormatMarkdown, FormatCSV} {
			t.Run(c.name+"_"+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := Export(s, c.view, c.sel, format, 100, &b); err != nil {
					t.Fatal(err)
				}
				out := b.String()
				if strings.ContainsAny(out, "\x1b\x07") {
					t.Error("export holds control characters")
				}
				if format == FormatText {
					for i, line := range strings.Split(out, "\n") {
						if w := textfit.Width(line); w > 100 {
							t.Errorf("line %d is %d columns wide", i+1, w)
						}
					}
				}
				golden.RequireEqual(t, b.Bytes())
			})
		}
	}
}

// TestExport_ReadsRight checks the article's numbers in the exports, as a
// reader would: the figures, growth, shares, ratios and sources.
func TestExport_ReadsRight(t *testing.T) {
	s := newTestStore(t, true)
	text := func(v View, sel Selection) string {
		var b bytes.Buffer
		if err := Export(s, v, sel, FormatText, 100, &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	checks := []struct {
		view View
		sel  Selection
		want []string
	}{
		{viewCompare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "ID", SinceLaunch: true},
			[]string{"In their first 5 months in Indonesia: Resso 5M · Spotify 1.2M (0.24× Resso).", "Resso launched 2020-03 · Spotify launched 2016-03", "Sources:"}},
		{viewCompare, Selection{Apps: []string{"Spotify", "Resso"}, Country: "ID", SinceLaunch: true},
			[]string{"Spotify 1.2M · Resso 5M (4.17× Spotify)"}},
		{viewCompare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN", SinceLaunch: true},
			[]string{"In their first 5 months in India: Resso 9.8M · Spotify 10.5M (1.07× Resso).", "9.88M* (M7)", "9.8M–9.88M* (5/6)"}},
		{viewCurves, Selection{Apps: []string{"Resso"}, Country: "WW"},
			[]string{"2020-07    2.2M", "2020-08    3.6M    +64%", "2020-06  1.88M≈", "more than worldwide allows"}},
		{viewCountries, Selection{Apps: []string{"Resso"}},
			[]string{"IN India", "9.88M*  65.0%", "5.17M*  34.0%", "152k*   1.0%", "3 countries add to 15.2M*.", "Worldwide figures give 15.2M over 7/7 months; the countries shown are 100.0%* of it.", "1/1 months from launch"}},
	}
	for _, c := range checks {
		out := text(c.view, c.sel)
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v %s: missing %q in\n%s", c.view, c.sel.Label(), w, out)
			}
		}
	}
}

func TestExport_NothingToShow(t *testing.T) {
	s := newTestStore(t, true)
	var b bytes.Buffer
	err := Export(s, viewCurves, Selection{Apps: []string{"Spotify"}, Country: "BR"}, FormatText, 100, &b)
	if !errors.Is(err, ErrNothingToShow) || b.Len() != 0 {
		t.Errorf("err = %v, wrote %d bytes", err, b.Len())
	}
}

// A launch set after a figure starts would drop installs from the
// since-launch totals without a word; the view says so.
func TestCompare_FiguresBeforeLaunchAreFlagged(t *testing.T) {
	s := newTestStore(t, true)
	if _, err := s.SetLaunch(figures.Launch{App: "Resso", Country: "IN", Month: figures.MonthOf(2020, 5)}); err != nil {
		t.Fatal(err)
	}
	d, err := LoadCompare(s, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN", SinceLaunch: true})
	if err != nil {
		t.Fatal(err)
	}
	want := "Resso has figures in IN from 2020-03, before its launch month 2020-05"
	for _, w := range d.Warnings() {
		if strings.Contains(w, want) {
			return
		}
	}
	t.Errorf("warnings %q lack %q", d.Warnings(), want)
}
