package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// This file and commands.go are the only ones that read the store. The
// queries here turn a selection into the data a view draws; the dashboard
// runs them in commands and -export runs them directly, so both show the
// same numbers.

// Source is what the views read; *store.Store satisfies it.
type Source interface {
	Apps() ([]figures.App, error)
	Series(app, country string) ([]figures.Figure, error)
	AppSeries(app string) (map[string][]figures.Figure, error)
	Launches(app string) ([]figures.Launch, error)
	EachFigure(fn func(figures.Figure) bool) error
}

// AppCurve is one app's line on the Curves view.
type AppCurve struct {
	App     string
	Monthly figures.Curve // always monthly: the table's figures and growth
	Shown   figures.Curve // what the chart draws: monthly or cumulative
}

// CurvesData is what the Curves view draws.
type CurvesData struct {
	Sel      Selection
	From, To figures.Month
	Apps     []AppCurve
	Warnings []string
}

// CountryRow is one bar of the Countries view.
type CountryRow struct {
	Country string
	Total   figures.Total
	Share   float64 // of the sum of the rows, 0–1
}

// CountriesData is what the Countries view draws, for the first app.
type CountriesData struct {
	Sel      Selection
	App      string
	From, To figures.Month
	Rows     []CountryRow
	Sum      int64
	Estimate bool // an estimate is in the sum
	World    figures.Total
	Warnings []string
}

// CompareApp is one app of the Compare view.
type CompareApp struct {
	App        string
	Launch     figures.Month
	HasLaunch  bool            // false: M1 is the first month with figures
	Curve      figures.Curve   // cumulative, on the calendar or since launch
	Milestones []figures.Total // one per CompareData.Milestones entry
	Latest     figures.Total   // the last fully covered month since launch
	LatestM    int             // its index (M7 = 7); 0 when none
}

// CompareData is what the Compare view draws.
type CompareData struct {
	Sel        Selection
	From, To   figures.Month // the calendar window
	Months     int           // since launch: how many months the chart spans
	Milestones []int         // M1, M3, M5, M6, M12
	Apps       []CompareApp
	Warnings   []string
}

// DataRows is what the Data view lists: every figure. LoadData gives
// them as Figures, for export; LoadDataTable (the dashboard) gives them
// packed in table, which the view decodes a screenful at a time.
type DataRows struct {
	Figures []figures.Figure
	table   *store.FigureTable
}

// Load reads the data of view v for a selection.
func Load(src Source, v View, sel Selection) (any, error) {
	switch v {
	case CurvesView:
		return LoadCurves(src, sel)
	case CountriesView:
		return LoadCountries(src, sel)
	case CompareView:
		return LoadCompare(src, sel)
	case DataView:
		return LoadDataTable(src)
	}
	return nil, fmt.Errorf("unknown view %v", v)
}

// Milestones are the months since launch that Compare tabulates.
var Milestones = []int{1, 3, 5, 6, 12}

// LoadCurves reads the selected apps in the selected country.
func LoadCurves(src Source, sel Selection) (CurvesData, error) {
	d := CurvesData{Sel: sel}
	all := make([]map[string][]figures.Figure, len(sel.Apps))
	var spans [][]figures.Figure
	for i, app := range sel.Apps {
		series, err := src.AppSeries(app)
		if err != nil {
			return d, err
		}
		all[i] = series
		for c, figs := range series {
			if sel.Country == figures.Worldwide || c == sel.Country {
				spans = append(spans, figs)
			}
		}
	}
	first, last, ok := figures.Span(spans...)
	if !ok && (sel.From == 0 || sel.To == 0) {
		return d, nil
	}
	d.From, d.To = sel.window(first, last)
	if d.To < d.From {
		return d, fmt.Errorf("the window %s is empty (from must not be after to)", sel.WindowLabel())
	}
	for i, app := range sel.Apps {
		ww, others := splitWorld(all[i])
		var c figures.Curve
		if sel.Country == figures.Worldwide {
			c = figures.WorldwideCurve(ww, others, d.From, d.To)
		} else {
			c = figures.MonthlyCurve(all[i][sel.Country], d.From, d.To)
		}
		shown := c
		if sel.Cumulative {
			shown = figures.Cumulative(c)
		}
		d.Apps = append(d.Apps, AppCurve{App: app, Monthly: c, Shown: shown})
		d.Warnings = append(d.Warnings, shown.Warnings...)
		d.Warnings = append(d.Warnings, figures.Disagreements(app, ww, others)...)
	}
	d.Warnings = dedupe(d.Warnings)
	return d, nil
}

// LoadCountries reads the first selected app in every country.
func LoadCountries(src Source, sel Selection) (CountriesData, error) {
	d := CountriesData{Sel: sel}
	if len(sel.Apps) == 0 {
		return d, nil
	}
	d.App = sel.Apps[0]
	series, err := src.AppSeries(d.App)
	if err != nil {
		return d, err
	}
	ww, others := splitWorld(series)
	var spans [][]figures.Figure
	for _, figs := range series {
		spans = append(spans, figs)
	}
	first, last, ok := figures.Span(spans...)
	if !ok && (sel.From == 0 || sel.To == 0) {
		return d, nil
	}
	d.From, d.To = sel.window(first, last)
	for c, figs := range others {
		t := figures.TotalOver(figs, d.From, d.To)
		if t.Empty() {
			continue
		}
		d.Rows = append(d.Rows, CountryRow{Country: c, Total: t})
		d.Sum += t.Installs
		d.Estimate = d.Estimate || t.Estimate
	}
	sort.Slice(d.Rows, func(i, j int) bool {
		a, b := d.Rows[i], d.Rows[j]
		return a.Total.Installs > b.Total.Installs || a.Total.Installs == b.Total.Installs && a.Country < b.Country
	})
	for i := range d.Rows {
		if d.Sum > 0 {
			d.Rows[i].Share = float64(d.Rows[i].Total.Installs) / float64(d.Sum)
		}
	}
	d.World = figures.TotalOver(ww, d.From, d.To)
	d.Warnings = figures.Disagreements(d.App, ww, others)
	return d, nil
}

// LoadCompare reads the selected apps in the selected country, aligned on
// the calendar or on each app's launch.
func LoadCompare(src Source, sel Selection) (CompareData, error) {
	d := CompareData{Sel: sel, Milestones: Milestones}
	type loaded struct {
		figs   []figures.Figure
		launch figures.Month
		has    bool
	}
	apps := make([]loaded, len(sel.Apps))
	var spans [][]figures.Figure
	for i, app := range sel.Apps {
		figs, err := src.Series(app, sel.Country)
		if err != nil {
			return d, err
		}
		apps[i].figs = figs
		spans = append(spans, figs)
		launches, err := src.Launches(app)
		if err != nil {
			return d, err
		}
		for _, l := range launches {
			if l.Country == sel.Country {
				apps[i].launch, apps[i].has = l.Month, true
			}
		}
		if !apps[i].has {
			if f, _, ok := figures.Span(figs); ok {
				apps[i].launch = f
				d.Warnings = append(d.Warnings, fmt.Sprintf("%s has no launch month in %s: M1 is its first month with figures, %s (set one with L)", app, sel.Country, f))
			}
		}
		if first, _, ok := figures.Span(figs); ok && apps[i].has && first < apps[i].launch {
			// Since-launch totals start at the launch: figures before it
			// would vanish from them without a word.
			d.Warnings = append(d.Warnings, fmt.Sprintf("%s has figures in %s from %s, before its launch month %s: since launch leaves those months out; check the launch month (L)",
				figures.Sanitize(app), sel.Country, first, apps[i].launch))
		}
		if _, last, ok := figures.Span(figs); ok && int(last-apps[i].launch)+1 > d.Months {
			d.Months = int(last-apps[i].launch) + 1
		}
	}
	first, last, ok := figures.Span(spans...)
	if !ok && (sel.From == 0 || sel.To == 0) {
		return d, nil
	}
	d.From, d.To = sel.window(first, last)
	for i, app := range sel.Apps {
		a := CompareApp{App: app, Launch: apps[i].launch, HasLaunch: apps[i].has}
		if sel.SinceLaunch {
			a.Curve = figures.SinceLaunchCurve(apps[i].figs, a.Launch, d.Months, true)
		} else {
			a.Curve = figures.Cumulative(figures.MonthlyCurve(apps[i].figs, d.From, d.To))
		}
		// Only the milestones and the latest full month are needed: a
		// total each, rather than one for every month since launch.
		figs := apps[i].figs
		for _, m := range Milestones {
			a.Milestones = append(a.Milestones, figures.TotalOver(figs, a.Launch, a.Launch.Add(m-1)))
		}
		for k := max(d.Months, slices.Max(Milestones)); k >= 1; k-- {
			if t := figures.TotalOver(figs, a.Launch, a.Launch.Add(k-1)); t.Full() {
				a.Latest, a.LatestM = t, k
				break
			}
		}
		d.Apps = append(d.Apps, a)
		d.Warnings = append(d.Warnings, a.Curve.Warnings...)
	}
	d.Warnings = dedupe(d.Warnings)
	return d, nil
}

// LoadData reads every figure, in key order.
func LoadData(src Source) (DataRows, error) {
	var d DataRows
	err := src.EachFigure(func(f figures.Figure) bool {
		d.Figures = append(d.Figures, f)
		return true
	})
	return d, err
}

// splitWorld parts an app's series into its WW figures and the rest.
func splitWorld(series map[string][]figures.Figure) ([]figures.Figure, map[string][]figures.Figure) {
	others := make(map[string][]figures.Figure, len(series))
	for c, figs := range series {
		if c != figures.Worldwide {
			others[c] = figs
		}
	}
	return series[figures.Worldwide], others
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] && strings.TrimSpace(s) != "" {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
