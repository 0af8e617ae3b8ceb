package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// compareView: two or more apps in one market, on the calendar or since
// launch.
func compareView() View {
	return View{
		Name: "compare", Title: "Compare",
		Load:  func(src Source, sel Selection) (Data, error) { return LoadCompare(src, sel) },
		Label: Selection.Label,
		Mode: func(sel Selection) string {
			if sel.SinceLaunch {
				return "since launch"
			}
			return "on the calendar"
		},
	}
}

// Layout lays out the Compare view; its chart leaves room for the
// milestone table, the point of the view.
func (d CompareData) Layout(width, height int, st Styles) *Doc {
	h := exportChartHeight
	if height > 0 {
		h = max(4, min(16, height-15))
	}
	return renderCompare(d, width, h, st)
}

// Warnings are the reading rules' warnings about the comparison.
func (d CompareData) Warnings() []string { return d.warnings }

// Empty says why there is nothing to show.
func (d CompareData) Empty() error {
	if d.From == 0 {
		return fmt.Errorf("%w: no figures for %s", ErrNothingToShow, d.Sel.Label())
	}
	return nil
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
	warnings   []string
}

// milestones are the months since launch that Compare tabulates.
var milestones = [...]int{1, 3, 5, 6, 12}

// LoadCompare reads the selected apps in the selected country, aligned on
// the calendar or on each app's launch.
func LoadCompare(src Source, sel Selection) (CompareData, error) {
	d := CompareData{Sel: sel, Milestones: milestones[:]}
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
				d.warnings = append(d.warnings, fmt.Sprintf("%s has no launch month in %s: M1 is its first month with figures, %s (set one with L)", app, sel.Country, f))
			}
		}
		if first, _, ok := figures.Span(figs); ok && apps[i].has && first < apps[i].launch {
			// Since-launch totals start at the launch: figures before it
			// would vanish from them without a word.
			d.warnings = append(d.warnings, fmt.Sprintf("%s has figures in %s from %s, before its launch month %s: since launch leaves those months out; check the launch month (L)",
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
		for _, m := range milestones {
			a.Milestones = append(a.Milestones, figures.TotalOver(figs, a.Launch, a.Launch.Add(m-1)))
		}
		for k := max(d.Months, slices.Max(milestones[:])); k >= 1; k-- {
			if t := figures.TotalOver(figs, a.Launch, a.Launch.Add(k-1)); t.Full() {
				a.Latest, a.LatestM = t, k
				break
			}
		}
		d.Apps = append(d.Apps, a)
		d.warnings = append(d.warnings, a.Curve.Warnings...)
	}
	d.warnings = dedupe(d.warnings)
	return d, nil
}

// renderCompare lays out the Compare view: cumulative curves of the apps
// in one country, on the calendar or since each launch, and a table at
// the milestones with each app's ratio to the first.
func renderCompare(d CompareData, width, chartHeight int, st Styles) *Doc {
	out := &Doc{}
	names := make([]string, len(d.Apps))
	for i, a := range d.Apps {
		names[i] = figures.Sanitize(a.App)
	}
	axis := "on the calendar"
	if d.Sel.SinceLaunch {
		axis = "since launch"
	}
	title := st.Render(st.Title, fmt.Sprintf("Cumulative installs %s · %s · %s", axis, figures.CountryLabel(d.Sel.Country), strings.Join(names, " vs ")))
	if len(d.Apps) == 0 || d.From == 0 {
		out.para(title)
		out.para("No figures for the selected apps in " + figures.CountryLabel(d.Sel.Country) + ". Pick two or more apps (p) and a country where they have figures (g).")
		return out
	}
	var launches []string
	for _, a := range d.Apps {
		l := "no launch month set"
		if a.HasLaunch {
			l = "launched " + a.Launch.String()
		}
		launches = append(launches, fmt.Sprintf("%s %s", figures.Sanitize(a.App), l))
	}
	out.para(title, strings.Join(launches, " · "))

	series := make([]chartSeries, len(d.Apps))
	for i, a := range d.Apps {
		series[i] = chartSeries{Name: a.App, Values: values(a.Curve), Spread: spreadOf(a.Curve)}
	}
	labels := monthLabels(d.From, d.To)
	if d.Sel.SinceLaunch {
		labels = sinceLabels(d.Months)
	}
	out.chart(drawChart(series, labels, width, chartHeight, st))
	if h := headline(d); h != "" {
		out.para(legend(names, st), h)
	} else {
		out.para(legend(names, st))
	}

	t := &grid{header: []string{"Since launch"}, right: []bool{false}}
	for i, n := range names {
		t.header = append(t.header, n)
		t.right = append(t.right, true)
		if i > 0 {
			t.header = append(t.header, "÷ "+names[0])
			t.right = append(t.right, true)
		}
	}
	for mi, m := range d.Milestones {
		row := []string{"M" + strconv.Itoa(m)}
		for i, a := range d.Apps {
			row = append(row, figures.FormatMilestone(a.Milestones[mi]))
			if i > 0 {
				row = append(row, figures.Ratio(d.Apps[0].Milestones[mi], a.Milestones[mi]))
			}
		}
		t.rows = append(t.rows, row)
	}
	latest := []string{"latest"}
	for i, a := range d.Apps {
		cell := "n/a"
		if a.LatestM > 0 {
			cell = fmt.Sprintf("%s (M%d)", figures.FormatTotal(a.Latest), a.LatestM)
		}
		latest = append(latest, cell)
		if i > 0 {
			r := "n/a"
			if a.LatestM > 0 && a.LatestM == d.Apps[0].LatestM {
				r = figures.Ratio(d.Apps[0].Latest, a.Latest)
			}
			latest = append(latest, r)
		}
	}
	t.rows = append(t.rows, latest)
	out.addTable(t)

	pos := "month"
	if d.Sel.SinceLaunch {
		pos = "since_launch"
	}
	out.csv = [][]string{{pos, "app", "country", "cumulative", "kind", "estimate"}}
	var used []figures.Figure
	for _, a := range d.Apps {
		for i, p := range a.Curve.Points {
			at := p.Month.String()
			if d.Sel.SinceLaunch {
				at = "M" + strconv.Itoa(i+1)
			}
			out.csv = append(out.csv, []string{at, a.App, d.Sel.Country, figures.RawValue(p), figures.KindWord(p), figures.YesNo(p.Estimate)})
		}
		used = append(used, a.Curve.Used...)
		for _, m := range a.Milestones {
			used = append(used, m.Used...)
		}
	}
	out.used = sourcesOf(used)
	out.notes = append([]string{"Milestones are totals of figures lying wholly inside the first months since launch; n/a where the figures do not cover them. The chart spreads longer figures over their months. " + figures.MarksNote}, d.warnings...)
	return out
}

// headline states the furthest milestone every app reaches, in words.
func headline(d CompareData) string {
	if len(d.Apps) < 2 {
		return ""
	}
	for mi := len(d.Milestones) - 1; mi >= 0; mi-- {
		all := true
		for _, a := range d.Apps {
			all = all && a.Milestones[mi].Full()
		}
		if !all {
			continue
		}
		first := d.Apps[0].Milestones[mi]
		parts := []string{fmt.Sprintf("%s %s", figures.Sanitize(d.Apps[0].App), figures.FormatTotal(first))}
		for _, a := range d.Apps[1:] {
			parts = append(parts, fmt.Sprintf("%s %s (%s %s)", figures.Sanitize(a.App), figures.FormatTotal(a.Milestones[mi]), figures.Ratio(first, a.Milestones[mi]), figures.Sanitize(d.Apps[0].App)))
		}
		return fmt.Sprintf("In their first %d months in %s: %s.", d.Milestones[mi], figures.CountryName(d.Sel.Country), strings.Join(parts, " · "))
	}
	return ""
}
