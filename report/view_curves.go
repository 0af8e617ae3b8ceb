package report

import (
	"fmt"
	"math"

	"github.com/uptake/uptake/figures"
)

// curvesView: monthly installs per selected app in one market.
func curvesView() View {
	return View{
		Name: "curves", Title: "Curves",
		Load:  func(src Source, sel Selection) (Data, error) { return LoadCurves(src, sel) },
		Label: Selection.Label,
		Mode: func(sel Selection) string {
			if sel.Cumulative {
				return "cumulative"
			}
			return ""
		},
	}
}

// Layout lays out the Curves view; its chart takes about half the body,
// so that the table under it starts on screen.
func (d CurvesData) Layout(width, height int, st Styles) *Doc {
	h := exportChartHeight
	if height > 0 {
		h = max(4, min(16, height/2-3))
	}
	return renderCurves(d, width, h, st)
}

// Warnings are the reading rules' warnings about the curves.
func (d CurvesData) Warnings() []string { return d.warnings }

// Empty says why there is nothing to show.
func (d CurvesData) Empty() error {
	if d.From == 0 || !curvesHaveValue(d) {
		return fmt.Errorf("%w: no figures for %s", ErrNothingToShow, d.Sel.Label())
	}
	return nil
}

// AppCurve is one app's line on the Curves view.
type AppCurve struct {
	App        string
	Monthly    figures.Curve // always monthly: the table's figures and growth
	Cumulative figures.Curve // the running total of Monthly
	Shown      figures.Curve // what the chart draws: Monthly or Cumulative
	node       figures.Node  // the series behind it, for its provenance
}

// CurvesData is what the Curves view draws.
type CurvesData struct {
	Sel        Selection
	From, To   figures.Month
	Apps       []AppCurve
	Events     []ChartEvent // the events the chart marks, numbered (events.go)
	EventsNote string       // the events it leaves unmarked, and why; "" when none
	warnings   []string
}

// LoadCurves reads the selected apps in the selected market and platform.
func LoadCurves(src Source, sel Selection) (CurvesData, error) {
	d := CurvesData{Sel: sel}
	nodes := make([]figures.Node, len(sel.Apps))
	worlds := make([]figures.Node, len(sel.Apps))
	var spans [][]figures.Figure
	for i, app := range sel.Apps {
		series, launched, err := appData(src, app)
		if err != nil {
			return d, err
		}
		worlds[i] = worldNode(app, series, launched, sel.Platform)
		if sel.Country == figures.Worldwide {
			nodes[i] = worlds[i]
		} else {
			nodes[i] = platformNode(app, sel.Country, series[sel.Country], sel.Platform)
			nodes[i].Launched = launched[sel.Country]
		}
		spans = append(spans, nodeFigures(nodes[i])...)
	}
	first, last, ok := figures.Span(spans...)
	if !ok && (sel.From == 0 || sel.To == 0) {
		return d, nil
	}
	d.From, d.To = sel.window(first, last)
	if d.To < d.From {
		return d, fmt.Errorf("the window %s is empty (from must not be after to)", sel.WindowLabel())
	}
	events, err := src.Events()
	if err != nil {
		return d, err
	}
	d.Events, d.EventsNote = chartEvents(events, sel, d.From, d.To)
	for i, app := range sel.Apps {
		c := figures.NodeCurve(nodes[i], sel.Ranking, d.From, d.To)
		cum := figures.Cumulative(c, false)
		shown := c
		if sel.Cumulative {
			shown = cum
		}
		d.Apps = append(d.Apps, AppCurve{App: app, Monthly: c, Cumulative: cum, Shown: shown, node: nodes[i]})
		d.warnings = append(d.warnings, shown.Warnings...)
		// Every contradiction of the app's figures, worldwide and in its
		// countries: the market shown is one of them.
		d.warnings = append(d.warnings, figures.NodeDisagreements(worlds[i], sel.Ranking)...)
	}
	d.warnings = dedupe(d.warnings)
	return d, nil
}

// Items lists every month of every app, for the provenance panel.
func (d CurvesData) Items() []Item {
	var out []Item
	for m := d.From; m != 0 && m <= d.To; m++ {
		for _, a := range d.Apps {
			a, m := a, m
			p := a.Monthly.Points[int(m-d.From)]
			out = append(out, Item{Key: m.String(), Label: m.String() + " · " + figures.Sanitize(a.App) + " " + figures.FormatPoint(p),
				Explain: func() figures.Explanation { return figures.ExplainMonth(a.node, d.Sel.Ranking, d.From, d.To, m) }})
		}
	}
	return append(out, eventItems(d.Events)...)
}

func curvesHaveValue(d CurvesData) bool {
	for _, a := range d.Apps {
		for _, p := range a.Monthly.Points {
			if p.Kind != figures.Gap && !math.IsNaN(p.Value) {
				return true
			}
		}
	}
	return false
}

// renderCurves lays out the Curves view: the chart of the selected apps,
// then their figures month by month with month-on-month growth.
func renderCurves(d CurvesData, width, chartHeight int, st Styles) *Doc {
	out := &Doc{}
	mode := "per month"
	if d.Sel.Cumulative {
		mode = "cumulative"
	}
	out.para(st.Render(st.Title, fmt.Sprintf("Installs %s · %s · %s · %s", mode, figures.CountryLabel(d.Sel.Country), d.Sel.Platform.Label(), windowOf(d.From, d.To))))
	if len(d.Apps) == 0 || d.From == 0 {
		out.para("No figures for the selected apps in " + figures.CountryLabel(d.Sel.Country) + ". Pick other apps (p) or another country (g).")
		return out
	}
	series := make([]chartSeries, len(d.Apps))
	names := make([]string, len(d.Apps))
	for i, a := range d.Apps {
		series[i] = chartSeries{Name: a.App, Values: values(a.Shown), Spread: spreadOf(a.Shown)}
		names[i] = a.App
	}
	axis := monthAxis(d.From, d.To)
	axis.Marks = axisMarks(d.Events)
	chart := drawChart(series, axis, width, chartHeight, st)
	out.chart(chart)
	out.para(legend(names, chart, st))
	if lines := eventLegend(d.Events, d.EventsNote); len(lines) > 0 {
		out.para(lines...)
	}

	t := &grid{header: []string{"Month"}, right: []bool{false}}
	for _, a := range d.Apps {
		t.header = append(t.header, figures.Sanitize(a.App), "growth")
		t.right = append(t.right, true, true)
		if d.Sel.Cumulative {
			t.header = append(t.header, "in window")
			t.right = append(t.right, true)
		}
	}
	// The CSV's cumulative column is the running total whatever the chart
	// shows; at_least says it left out months without figures.
	out.csv = [][]string{{"month", "app", "country", "platform", "installs", "cumulative", "kind", "estimate", "summed", "cumulative_estimate", "cumulative_at_least"}}
	csvRow := func(m figures.Month, a AppCurve, i int) []string {
		p, c := a.Monthly.Points[i], a.Cumulative.Points[i]
		return []string{m.String(), a.App, d.Sel.Country, d.Sel.Platform.String(), figures.RawValue(p), figures.RawValue(c),
			figures.KindWord(p), figures.YesNo(p.Estimate), figures.YesNo(p.Summed), figures.YesNo(c.Estimate), figures.YesNo(c.LowerBound)}
	}
	gapFrom := -1 // first month of a run in which no app has a figure
	for i := 0; i <= int(d.To-d.From); i++ {
		m := d.From.Add(i)
		if allGaps(d.Apps, i) {
			for _, a := range d.Apps {
				out.csv = append(out.csv, csvRow(m, a, i))
			}
			if gapFrom < 0 {
				gapFrom = i
			}
			if i < int(d.To-d.From) && allGaps(d.Apps, i+1) {
				continue
			}
			// A run of empty months is one row, so that years without
			// figures do not push the figures off the screen.
			t.rows = append(t.rows, gapRow(d.From.Add(gapFrom), m, d.Apps, d.Sel.Cumulative))
			gapFrom = -1
			continue
		}
		row := []string{m.String()}
		for _, a := range d.Apps {
			p := a.Monthly.Points[i]
			g := ""
			if i > 0 {
				g = figures.Growth(a.Monthly.Points[i-1], p)
			}
			row = append(row, figures.FormatPoint(p), g)
			if d.Sel.Cumulative {
				row = append(row, figures.FormatPoint(a.Shown.Points[i]))
			}
			out.csv = append(out.csv, csvRow(m, a, i))
		}
		t.rows = append(t.rows, row)
	}
	out.addTable(t)

	var cover []string
	var used []figures.Figure
	for _, a := range d.Apps {
		cover = append(cover, coverageLine(a.App, a.Monthly))
		used = append(used, a.Monthly.Used...)
	}
	out.para(cover...)
	out.used = append(sourcesOf(used), eventSources(d.Events)...)
	out.notes = append([]string{figures.MarksNote}, d.warnings...)
	return out
}

func allGaps(apps []AppCurve, i int) bool {
	for _, a := range apps {
		if a.Monthly.Points[i].Kind != figures.Gap {
			return false
		}
	}
	return true
}

// gapRow is the table row for the months from..to without any figure.
func gapRow(from, to figures.Month, apps []AppCurve, cumulative bool) []string {
	label := from.String()
	if to != from {
		label = fmt.Sprintf("%s..%s", from, to)
	}
	row := []string{label}
	for range apps {
		row = append(row, figures.NoValue, "")
		if cumulative {
			row = append(row, "")
		}
	}
	return row
}

// coverageLine says how many months of a curve are known, and how.
func coverageLine(app string, c figures.Curve) string {
	var exact, spread, gap int
	for _, p := range c.Points {
		switch p.Kind {
		case figures.Exact:
			exact++
		case figures.Spread:
			spread++
		default:
			gap++
		}
	}
	s := fmt.Sprintf("%s: %d of %d months covered (%d exact, %d spread)", figures.Sanitize(app), exact+spread, len(c.Points), exact, spread)
	if gap > 0 {
		s += fmt.Sprintf(", %d without figures", gap)
	}
	if c.Summed {
		kind := c.PartsKind
		if one, ok := map[string]string{"platforms": "platform", "countries": "country"}[kind]; ok && c.Countries == 1 {
			kind = one
		}
		s += fmt.Sprintf("; some months summed from %d %s", c.Countries, kind)
	}
	if srcs := sourcesIn(c.Used); len(srcs) > 1 {
		s += fmt.Sprintf("; from %d sources", len(srcs))
	}
	return s
}

func windowOf(from, to figures.Month) string {
	switch {
	case from == 0:
		return "no months"
	case from == to:
		return from.String()
	}
	return from.String() + ".." + to.String()
}
