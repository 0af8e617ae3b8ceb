package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/picture"
)

// curvesView: monthly installs per selected app in one market.
func curvesView() View {
	return View{
		Name: "curves", Title: "Curves", Pictured: true,
		Load:  func(src Source, sel Selection) (Data, error) { return LoadCurves(src, sel) },
		Label: Selection.Label,
		Mode: func(sel Selection) string {
			var m []string
			if sel.Cumulative {
				m = append(m, "cumulative")
			}
			if l := sel.Scale.Label(); l != "" {
				m = append(m, l)
			}
			return strings.Join(m, " · ")
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
	Monthly    figures.Curve   // always monthly: the table's figures and growth
	Cumulative figures.Curve   // the running total of Monthly
	Shown      figures.Curve   // what the chart draws: Monthly or Cumulative
	Index      figures.Indexed // Shown as an index, on the index scale
	node       figures.Node    // the series behind it, for its provenance
	members    []string        // a group's members with figures in the window
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
	sel, err := resolveMarket(src, sel)
	if err != nil {
		return CurvesData{Sel: sel}, err
	}
	d := CurvesData{Sel: sel}
	nodes := make([]figures.Node, len(sel.Apps))
	contradictions := make([][]string, len(sel.Apps))
	var spans [][]figures.Figure
	for i, app := range sel.Apps {
		r, err := readMarket(src, app, sel)
		if err != nil {
			return d, err
		}
		nodes[i], contradictions[i] = r.node, r.warnings
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
		a := AppCurve{App: app, Monthly: c, Cumulative: cum, Shown: shown, node: nodes[i]}
		if sel.Scale == ScaleIndex {
			a.Index = figures.IndexCurve(shown, 0)
		}
		if sel.Group.Name != "" {
			a.members = membersWithFigures(nodes[i], d.From, d.To)
		}
		d.Apps = append(d.Apps, a)
		d.warnings = append(d.warnings, shown.Warnings...)
		// The contradictions the market's figures are one side of.
		d.warnings = append(d.warnings, contradictions[i]...)
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
			label := m.String() + " · " + figures.Sanitize(a.App) + " " + figures.FormatPoint(p)
			explain := func() figures.Explanation { return figures.ExplainMonth(a.node, d.Sel.Ranking, d.From, d.To, m) }
			if d.Sel.Scale == ScaleIndex && !d.Sel.Cumulative {
				i := int(m - d.From)
				label += " · index " + figures.FormatIndex(a.Index.Curve.Points[i])
				monthly := explain
				explain = func() figures.Explanation {
					if a.Index.Base < 0 {
						return figures.ExplainIndexed(monthly(), p, a.Index, i, figures.Explanation{}, "")
					}
					bm := d.From.Add(a.Index.Base)
					return figures.ExplainIndexed(monthly(), p, a.Index, i, figures.ExplainMonth(a.node, d.Sel.Ranking, d.From, d.To, bm), bm.String())
				}
			}
			out = append(out, Item{Key: m.String(), Label: label, Explain: explain})
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
	title := fmt.Sprintf("Installs %s · %s · %s · %s", mode, d.Sel.MarketLabel(), d.Sel.Platform.Label(), windowOf(d.From, d.To))
	if l := d.Sel.Scale.Label(); l != "" {
		title += " · " + l
	}
	out.para(st.Render(st.Title, title))
	if len(d.Apps) == 0 || d.From == 0 {
		out.para("No figures for the selected apps in " + d.Sel.MarketLabel() + ". Pick other apps (p) or another country (g).")
		return out
	}
	series := make([]chartSeries, len(d.Apps))
	names := make([]string, len(d.Apps))
	for i, a := range d.Apps {
		drawn := a.Shown
		if d.Sel.Scale == ScaleIndex {
			drawn = a.Index.Curve
		}
		series[i] = chartSeries{Name: a.App, Values: values(drawn), Spread: spreadOf(drawn), Lower: lowerOf(drawn)}
		names[i] = a.App
	}
	axis := monthAxis(d.From, d.To)
	axis.Marks = axisMarks(d.Events)
	chart := drawScaledChart(series, axis, d.Sel.Scale, width, chartHeight, st)
	out.chart(chart)
	out.para(legend(names, chart, st))
	if lines := eventLegend(d.Events, d.EventsNote); len(lines) > 0 {
		out.para(lines...)
	}

	noGrowth := false // a month beside a known one shows no growth: say why
	t := &grid{header: []string{"Month"}, right: []bool{false}}
	for _, a := range d.Apps {
		t.header = append(t.header, figures.Sanitize(a.App), "growth")
		t.right = append(t.right, true, true)
		if d.Sel.Cumulative {
			t.header = append(t.header, "in window")
			t.right = append(t.right, true)
		}
		if d.Sel.Scale == ScaleIndex {
			t.header = append(t.header, "index")
			t.right = append(t.right, true)
		}
	}
	// The CSV's cumulative column is the running total whatever the chart
	// shows; at_least says it left out months without figures.
	out.csv = [][]string{{"month", "app", "country", "platform", "installs", "cumulative", "kind", "estimate", "summed", "cumulative_estimate", "cumulative_at_least"}}
	if d.Sel.Scale == ScaleIndex {
		// The index of what the chart draws, its base month and whether
		// it rests on an estimate (its own or the base's).
		out.csv[0] = append(out.csv[0], "index", "index_base", "index_kind", "index_estimate", "index_at_least")
	}
	csvRow := func(m figures.Month, a AppCurve, i int) []string {
		p, c := a.Monthly.Points[i], a.Cumulative.Points[i]
		row := []string{m.String(), a.App, d.Sel.Country, d.Sel.Platform.String(), figures.RawValue(p), figures.RawValue(c),
			figures.KindWord(p), figures.YesNo(p.Estimate), figures.YesNo(p.Summed), figures.YesNo(c.Estimate), figures.YesNo(c.LowerBound)}
		if d.Sel.Scale == ScaleIndex {
			q, base := a.Index.Curve.Points[i], ""
			if a.Index.Base >= 0 {
				base = d.From.Add(a.Index.Base).String()
			}
			row = append(row, figures.RawIndex(q), base, figures.KindWord(q), figures.YesNo(q.Estimate), figures.YesNo(q.LowerBound))
		}
		return row
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
			t.rows = append(t.rows, gapRow(d.From.Add(gapFrom), m, d.Apps, d.Sel.Cumulative, d.Sel.Scale == ScaleIndex))
			gapFrom = -1
			continue
		}
		row := []string{m.String()}
		for _, a := range d.Apps {
			p := a.Monthly.Points[i]
			g := ""
			if i > 0 {
				prev := a.Monthly.Points[i-1]
				g = figures.Growth(prev, p)
				noGrowth = noGrowth || g == "" && prev.Kind != figures.Gap && p.Kind != figures.Gap
			}
			row = append(row, figures.FormatPoint(p), g)
			if d.Sel.Cumulative {
				row = append(row, figures.FormatPoint(a.Shown.Points[i]))
			}
			if d.Sel.Scale == ScaleIndex {
				row = append(row, figures.FormatIndex(a.Index.Curve.Points[i]))
			}
			out.csv = append(out.csv, csvRow(m, a, i))
		}
		t.rows = append(t.rows, row)
	}
	out.addTable(t)

	var cover []string
	var used [][]figures.Figure
	for _, a := range d.Apps {
		cover = append(cover, coverageLine(a.App, a.Monthly))
		if d.Sel.Group.Name != "" {
			cover = append(cover, figures.Sanitize(a.App)+" in "+membersLine(d.Sel.Group, a.members))
		}
		used = append(used, a.Monthly.Used)
	}
	if noGrowth {
		cover = append(cover, growthNote)
	}
	out.para(cover...)
	var lines []scaledLine
	for _, a := range d.Apps {
		lines = append(lines, scaledLine{a.App, a.Shown, a.Index, func(i int) string { return d.From.Add(i).String() }})
	}
	if n := scaleNotes(d.Sel.Scale, lines); len(n) > 0 {
		out.para(n...)
	}
	out.used = append(sourcesOf(used...), eventSources(d.Events)...)
	out.notes = append([]string{figures.MarksNote}, d.warnings...)
	out.pic = curvesPicture(d, title, out.used, scaleNotes(d.Sel.Scale, lines))
	return out
}

// curvesPicture is the Curves chart as a picture draws it.
func curvesPicture(d CurvesData, title string, used []sourceUse, notes []string) *picture.Chart {
	what := "installs per month"
	if d.Sel.Cumulative {
		what = "cumulative installs"
	}
	c := &picture.Chart{Title: title, Subtitle: d.Sel.Label(), Sources: sourceLine(used),
		Notes: pictureNotes(notes, d.warnings), Events: pictureEvents(d.Events)}
	if d.EventsNote != "" {
		c.Notes = append(c.Notes, d.EventsNote)
	}
	c.Scale, c.YLabel = pictureScale(d.Sel.Scale, what)
	for m := d.From; m <= d.To; m++ {
		c.XLabels = append(c.XLabels, m.String())
	}
	var names []string
	var drawns []figures.Curve
	for _, a := range d.Apps {
		drawn := a.Shown
		if d.Sel.Scale == ScaleIndex {
			drawn = a.Index.Curve
		}
		c.Series = append(c.Series, pictureLine(a.App, drawn))
		names, drawns = append(names, a.App), append(drawns, drawn)
	}
	if n := summedNote(names, drawns); n != "" {
		c.Notes = append(c.Notes, n)
	}
	return c
}

// growthNote says why a month beside a known one shows no growth.
const growthNote = "Growth is shown only between two months of one kind: one-month figures (not spread), from the same sources, both of the whole or of the same parts summed, neither a lower bound."

func allGaps(apps []AppCurve, i int) bool {
	for _, a := range apps {
		if a.Monthly.Points[i].Kind != figures.Gap {
			return false
		}
	}
	return true
}

// gapRow is the table row for the months from..to without any figure.
func gapRow(from, to figures.Month, apps []AppCurve, cumulative, indexed bool) []string {
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
		if indexed {
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
		if one, ok := map[string]string{"platforms": "platform", "countries": "country", "members": "member"}[kind]; ok && c.Countries == 1 {
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
