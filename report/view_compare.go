package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/picture"
)

// compareView: two or more apps in one market, on the calendar or since
// launch.
func compareView() View {
	return View{
		Name: "compare", Title: "Compare", Pictured: true,
		Load:  func(src Source, sel Selection) (Data, error) { return LoadCompare(src, sel) },
		Label: Selection.Label,
		Mode: func(sel Selection) string {
			m := "on the calendar"
			if sel.SinceLaunch {
				m = "since launch"
			}
			if l := sel.Scale.Label(); l != "" {
				m += " · " + l
			}
			return m
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
	HasLaunch  bool             // false: M1 is the first month with figures
	LaunchedIn string           // worldwide: the country of the first launch
	Curve      figures.Curve    // cumulative, on the calendar or since launch
	Index      figures.Indexed  // Curve as an index, on the index scale
	CumFrom    figures.Month    // the month the running total starts at
	Milestones []figures.Bounds // one per CompareData.Milestones entry
	Latest     figures.Total    // the last fully covered month since launch
	LatestM    int              // its index (M7 = 7); 0 when none
	node       figures.Node     // the series behind it, for its provenance
	members    []string         // a group's members with figures in the months shown
}

// CompareData is what the Compare view draws.
type CompareData struct {
	Sel        Selection
	From, To   figures.Month // the calendar window
	Months     int           // since launch: how many months the chart spans
	Milestones []int         // M1, M3, M5, M6, M12
	Apps       []CompareApp
	Events     []ChartEvent // on the calendar, the events the chart marks, numbered (events.go)
	EventsNote string       // the events it leaves unmarked, and why; "" when none
	warnings   []string
}

// milestones are the months since launch that Compare tabulates.
var milestones = [...]int{1, 3, 5, 6, 12}

// LoadCompare reads the selected apps in the selected market and
// platform, aligned on the calendar or on each app's launch. Worldwide is
// the WW figures, or the sum of the countries where there are none (Σ),
// as on the Curves view.
func LoadCompare(src Source, sel Selection) (CompareData, error) {
	sel, err := resolveMarket(src, sel)
	if err != nil {
		return CompareData{Sel: sel}, err
	}
	d := CompareData{Sel: sel, Milestones: milestones[:]}
	nodes := make([]figures.Node, len(sel.Apps))
	apps := make([]CompareApp, len(sel.Apps))
	var spans [][]figures.Figure
	for i, app := range sel.Apps {
		r, err := readMarket(src, app, sel)
		if err != nil {
			return d, err
		}
		nodes[i] = r.node
		d.warnings = append(d.warnings, r.warnings...)
		figs := nodeFigures(nodes[i])
		spans = append(spans, figs...)
		a := CompareApp{App: app}
		if err := launchOf(src, &a, sel); err != nil {
			return d, err
		}
		first, last, ok := figures.Span(figs...)
		if !a.HasLaunch && ok {
			a.Launch = first
			d.warnings = append(d.warnings, fmt.Sprintf("%s has no launch month in %s: M1 is its first month with figures, %s (set one with L)", figures.Sanitize(app), sel.marketCode(), first))
		}
		if ok && a.HasLaunch && first < a.Launch {
			// Since-launch totals start at the launch: figures before it
			// would vanish from them without a word.
			d.warnings = append(d.warnings, fmt.Sprintf("%s has figures in %s from %s, before its launch month %s: since launch leaves those months out; check the launch month (L)",
				figures.Sanitize(app), sel.marketCode(), first, a.Launch))
		}
		if ok && int(last-a.Launch)+1 > d.Months {
			d.Months = int(last-a.Launch) + 1
		}
		apps[i] = a
	}
	first, last, ok := figures.Span(spans...)
	if !ok && (sel.From == 0 || sel.To == 0) {
		return d, nil
	}
	d.From, d.To = sel.window(first, last)
	events, err := src.Events()
	if err != nil {
		return d, err
	}
	if sel.SinceLaunch {
		d.EventsNote = sinceLaunchNote(events, sel, d.From, d.To)
	} else {
		d.Events, d.EventsNote = chartEvents(events, sel, d.From, d.To)
	}
	for i := range sel.Apps {
		a, n := apps[i], nodes[i]
		a.node = n
		if sel.SinceLaunch {
			a.CumFrom = a.Launch
			if d.Months > 0 {
				a.Curve = figures.Cumulative(figures.NodeCurve(n, sel.Ranking, a.Launch, a.Launch.Add(d.Months-1)), true)
			}
		} else {
			a.Curve, a.CumFrom = calendarCumulative(n, sel.Ranking, a, d.From, d.To)
		}
		if sel.Scale == ScaleIndex {
			a.Index = figures.IndexCurve(a.Curve, 0)
		}
		if sel.Group.Name != "" && len(a.Curve.Points) > 0 {
			a.members = membersWithFigures(n, a.Curve.Points[0].Month, a.Curve.Points[len(a.Curve.Points)-1].Month)
		}
		// Only the milestones and the latest full month are needed: a
		// total each, rather than one for every month since launch.
		for _, m := range milestones {
			a.Milestones = append(a.Milestones, figures.NodeBounds(n, sel.Ranking, a.Launch, a.Launch.Add(m-1)))
		}
		for k := max(d.Months, slices.Max(milestones[:])); k >= 1; k-- {
			if t := figures.NodeTotal(n, sel.Ranking, a.Launch, a.Launch.Add(k-1)); t.Full() {
				a.Latest, a.LatestM = t, k
				break
			}
		}
		d.Apps = append(d.Apps, a)
		d.warnings = append(d.warnings, a.Curve.Warnings...)
		for mi, b := range a.Milestones {
			if b.Low.Tie != nil {
				d.warnings = append(d.warnings, tieWarning(a.App, sel.marketCode(), fmt.Sprintf("M%d", d.Milestones[mi]), b.Low))
			}
		}
	}
	d.warnings = dedupe(d.warnings)
	return d, nil
}

// calendarCumulative is an app's running total over the calendar window.
// It starts at the window, or at the launch when that comes later
// (before it there was nothing to install): from there, a month without
// figures makes every later total a lower bound. Without a launch month
// it starts at the first month with figures, and says so in CumFrom.
func calendarCumulative(n figures.Node, rank figures.Ranking, a CompareApp, from, to figures.Month) (figures.Curve, figures.Month) {
	start := from
	if a.HasLaunch && a.Launch > from {
		start = min(a.Launch, to)
	}
	c := figures.NodeCurve(n, rank, start, to)
	if !a.HasLaunch {
		for _, p := range c.Points {
			if p.Kind != figures.Gap {
				start = p.Month
				break
			}
		}
	}
	cum := figures.Cumulative(c, a.HasLaunch)
	before := make([]figures.Point, 0, int(to-from)+1)
	for m := from; m < start && m <= to; m++ {
		before = append(before, figures.Point{Month: m, Value: math.NaN(), Kind: figures.Gap})
	}
	if len(before) > 0 {
		// Gaps before the launch are not months missing from the total.
		cum.Points = append(before, cum.Points[len(cum.Points)-(int(to-start)+1):]...)
	}
	return cum, start
}

// launchOf finds an app's launch month in a market: in a country, its
// launch there; worldwide, its first launch anywhere; in a group, its
// first launch in any member.
func launchOf(src Source, a *CompareApp, sel Selection) error {
	country, group := sel.Country, sel.Group
	if group.Name == "" && country != figures.Worldwide {
		m, err := launchIn(src, a.App, country) // by its key, not the app's every launch
		a.Launch, a.HasLaunch, a.LaunchedIn = m, m != 0, ""
		return err
	}
	launches, err := src.Launches(a.App)
	if err != nil {
		return err
	}
	for _, l := range launches {
		first := !a.HasLaunch || l.Month < a.Launch
		switch {
		case group.Name != "":
			if group.Has(l.Country) && first {
				a.Launch, a.HasLaunch, a.LaunchedIn = l.Month, true, l.Country
			}
		case l.Country == country:
			a.Launch, a.HasLaunch, a.LaunchedIn = l.Month, true, ""
			return nil
		case country == figures.Worldwide && first:
			a.Launch, a.HasLaunch, a.LaunchedIn = l.Month, true, l.Country
		}
	}
	return nil
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
	switch {
	case d.Sel.SinceLaunch && (d.Sel.From != 0 || d.Sel.To != 0):
		axis = "since launch (the window applies on the calendar only)"
	case d.Sel.SinceLaunch:
		axis = "since launch"
	case d.Sel.From != 0:
		// A running total that starts at the window: say so, not to be
		// read as the total since launch.
		axis = "on the calendar, from " + d.From.String()
	}
	if l := d.Sel.Scale.Label(); l != "" {
		axis += " · " + l
	}
	titleText := fmt.Sprintf("Cumulative installs %s · %s · %s · %s", axis, d.Sel.MarketLabel(), d.Sel.Platform.Label(), strings.Join(names, " vs "))
	title := st.Render(st.Title, titleText)
	if len(d.Apps) == 0 || d.From == 0 {
		out.para(title)
		out.para("No figures for the selected apps in " + d.Sel.MarketLabel() + ". Pick two or more apps (p) and a country where they have figures (g).")
		return out
	}
	var launches []string
	for _, a := range d.Apps {
		l := "no launch month set"
		switch {
		case a.HasLaunch && a.LaunchedIn != "":
			l = "launched " + a.Launch.String() + " (first, in " + figures.CountryName(a.LaunchedIn) + ")"
		case a.HasLaunch:
			l = "launched " + a.Launch.String()
		}
		launches = append(launches, fmt.Sprintf("%s %s", figures.Sanitize(a.App), l))
	}
	out.para(title, strings.Join(launches, " · "))

	series := make([]chartSeries, len(d.Apps))
	for i, a := range d.Apps {
		drawn := a.Curve
		if d.Sel.Scale == ScaleIndex {
			drawn = a.Index.Curve
		}
		series[i] = chartSeries{Name: a.App, Values: values(drawn), Spread: spreadOf(drawn), Lower: lowerOf(drawn)}
	}
	timeline := monthAxis(d.From, d.To)
	if d.Sel.SinceLaunch {
		timeline = sinceAxis(d.Months)
	}
	timeline.Marks = axisMarks(d.Events)
	chart := drawScaledChart(series, timeline, d.Sel.Scale, width, chartHeight, st)
	out.chart(chart)
	if h := headline(d); h != "" {
		out.para(legend(names, chart, st), h)
	} else {
		out.para(legend(names, chart, st))
	}
	if lines := eventLegend(d.Events, d.EventsNote); len(lines) > 0 {
		out.para(lines...)
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
				row = append(row, figures.Ratio(d.Apps[0].Milestones[mi].Low, a.Milestones[mi].Low))
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
	if d.Sel.Group.Name != "" {
		lines := make([]string, len(d.Apps))
		for i, a := range d.Apps {
			lines[i] = names[i] + " in " + membersLine(d.Sel.Group, a.members)
		}
		out.para(lines...)
	}

	pos := "month"
	if d.Sel.SinceLaunch {
		pos = "since_launch"
	}
	// The CSV names where each running total starts, and marks each.
	out.csv = [][]string{{pos, "app", "country", "platform", "cumulative_from", "cumulative", "kind", "estimate", "summed", "at_least"}}
	if d.Sel.Scale == ScaleIndex {
		out.csv[0] = append(out.csv[0], "index", "index_base", "index_kind", "index_estimate", "index_at_least")
	}
	var used [][]figures.Figure
	for _, a := range d.Apps {
		from := a.CumFrom.String()
		for i, p := range a.Curve.Points {
			at := p.Month.String()
			if d.Sel.SinceLaunch {
				at = "M" + strconv.Itoa(i+1)
			}
			row := []string{at, a.App, d.Sel.Country, d.Sel.Platform.String(), from, figures.RawValue(p), figures.KindWord(p),
				figures.YesNo(p.Estimate), figures.YesNo(p.Summed), figures.YesNo(p.LowerBound)}
			if d.Sel.Scale == ScaleIndex {
				q, base := a.Index.Curve.Points[i], ""
				if a.Index.Base >= 0 {
					base = a.Curve.Points[a.Index.Base].Month.String()
				}
				row = append(row, figures.RawIndex(q), base, figures.KindWord(q), figures.YesNo(q.Estimate), figures.YesNo(q.LowerBound))
			}
			out.csv = append(out.csv, row)
		}
		used = append(used, a.Curve.Used)
		for _, m := range a.Milestones {
			used = append(used, m.Low.Used, m.HighUsed)
		}
	}
	out.used = append(sourcesOf(used...), eventSources(d.Events)...)
	var lines []scaledLine
	for _, a := range d.Apps {
		a := a
		lines = append(lines, scaledLine{a.App, a.Curve, a.Index, func(i int) string { return d.pointLabel(a, i) }})
	}
	notes := scaleNotes(d.Sel.Scale, lines)
	if len(notes) > 0 {
		out.para(notes...)
	}
	out.notes = append([]string{"Milestones are totals of figures lying wholly inside the first months since launch; where the figures do not cover a milestone, its bounds (at least what lies inside, at most what a longer span allows) or n/a. The chart spreads longer figures over their months. " + figures.MarksNote}, d.warnings...)
	out.pic = comparePicture(d, titleText, out.used, notes)
	return out
}

// Items lists every app's milestones, for the provenance panel.
func (d CompareData) Items() []Item {
	var out []Item
	for mi, m := range d.Milestones {
		for _, a := range d.Apps {
			a, m, b := a, m, a.Milestones[mi]
			key := "M" + strconv.Itoa(m)
			out = append(out, Item{Key: key, Label: key + " · " + figures.Sanitize(a.App) + " " + figures.FormatMilestone(b),
				Explain: func() figures.Explanation {
					e := figures.ExplainTotal(a.node, d.Sel.Ranking, a.Launch, a.Launch.Add(m-1))
					e.What = fmt.Sprintf("%s %s, the first %s from launch (%s)", figures.Sanitize(a.App), d.Sel.marketCode(), figures.CountText(m, "months"), a.Launch)
					e.Number = figures.FormatMilestone(b)
					if b.HasHigh && !b.Low.Full() {
						e.Steps = append(e.Steps, fmt.Sprintf("at most %s: a longer span from launch that the figures cover, less what its extra months already hold", figures.FormatInstalls(float64(b.High))))
						e.Figures = append(e.Figures, b.HighUsed...)
					}
					return e
				}})
		}
	}
	return append(out, eventItems(d.Events)...)
}

// headline states the furthest milestone every app reaches, in words.
func headline(d CompareData) string {
	if len(d.Apps) < 2 {
		return ""
	}
	for mi := len(d.Milestones) - 1; mi >= 0; mi-- {
		all := true
		for _, a := range d.Apps {
			all = all && a.Milestones[mi].Low.Full()
		}
		if !all {
			continue
		}
		first := d.Apps[0].Milestones[mi].Low
		parts := []string{fmt.Sprintf("%s %s", figures.Sanitize(d.Apps[0].App), figures.FormatTotal(first))}
		for _, a := range d.Apps[1:] {
			parts = append(parts, fmt.Sprintf("%s %s (%s %s)", figures.Sanitize(a.App), figures.FormatTotal(a.Milestones[mi].Low), figures.Ratio(first, a.Milestones[mi].Low), figures.Sanitize(d.Apps[0].App)))
		}
		return fmt.Sprintf("In their first %d months in %s: %s.", d.Milestones[mi], d.Sel.MarketName(), strings.Join(parts, " · "))
	}
	return ""
}

// pointLabel names point i of an app's curve as the chart's axis does:
// its month on the calendar, Mk since launch.
func (d CompareData) pointLabel(a CompareApp, i int) string {
	if d.Sel.SinceLaunch {
		return fmt.Sprintf("M%d (%s)", i+1, a.Launch.Add(i))
	}
	if i < len(a.Curve.Points) {
		return a.Curve.Points[i].Month.String()
	}
	return d.From.Add(i).String()
}

// comparePicture is the Compare chart as a picture draws it, with the
// headline among its notes.
func comparePicture(d CompareData, title string, used []sourceUse, notes []string) *picture.Chart {
	c := &picture.Chart{Title: title, Subtitle: d.Sel.Label(), Sources: sourceLine(used)}
	if h := headline(d); h != "" {
		notes = append([]string{h}, notes...)
	}
	c.Notes = pictureNotes(notes, d.warnings)
	c.Events = pictureEvents(d.Events)
	if d.EventsNote != "" {
		c.Notes = append(c.Notes, d.EventsNote)
	}
	c.Scale, c.YLabel = pictureScale(d.Sel.Scale, "cumulative installs")
	if d.Sel.SinceLaunch {
		c.XLabels = sinceAxis(d.Months).Labels
	} else {
		for m := d.From; m <= d.To; m++ {
			c.XLabels = append(c.XLabels, m.String())
		}
	}
	var names []string
	var drawns []figures.Curve
	for _, a := range d.Apps {
		drawn := a.Curve
		if d.Sel.Scale == ScaleIndex {
			drawn = a.Index.Curve
		}
		line := pictureLine(a.App, drawn)
		// A line is as long as the axis: since launch, an app with fewer
		// months than the longest ends in gaps.
		for len(line.Values) < len(c.XLabels) {
			line.Values = append(line.Values, math.NaN())
			line.Spread, line.Estimate, line.LowerBound = append(line.Spread, false), append(line.Estimate, false), append(line.LowerBound, false)
		}
		line.Values, line.Spread, line.Estimate, line.LowerBound = line.Values[:len(c.XLabels)], line.Spread[:len(c.XLabels)], line.Estimate[:len(c.XLabels)], line.LowerBound[:len(c.XLabels)]
		c.Series = append(c.Series, line)
		names, drawns = append(names, a.App), append(drawns, drawn)
	}
	if n := summedNote(names, drawns); n != "" {
		c.Notes = append(c.Notes, n)
	}
	return c
}
