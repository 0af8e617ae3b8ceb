package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/picture"
	"github.com/uptake/uptake/textfit"
)

// shareView: each selected app's share of the selected apps' installs,
// month by month, in one market.
func shareView() View {
	return View{
		Name: "share", Title: "Share", Pictured: true,
		Load:  func(src Source, sel Selection) (Data, error) { return LoadShare(src, sel) },
		Label: Selection.Label,
		Mode:  noMode,
	}
}

// Layout lays out the Share view; its chart takes about half the body,
// so that the table under it starts on screen.
func (d ShareData) Layout(width, height int, st Styles) *Doc {
	h := exportChartHeight
	if height > 0 {
		h = max(4, min(16, height/2-3))
	}
	return renderShare(d, width, h, st)
}

// Warnings are the reading rules' warnings about the apps' curves.
func (d ShareData) Warnings() []string { return d.warnings }

// Empty says why there is nothing to show: fewer than two apps, or no
// month in which every app has a figure.
func (d ShareData) Empty() error {
	switch {
	case len(d.Apps) < 2:
		return fmt.Errorf("%w: %s", ErrNothingToShow, d.tooFew())
	case len(d.Common) == 0:
		return fmt.Errorf("%w: %s", ErrNothingToShow, d.noCommonMonth())
	}
	return nil
}

// ShareApp is one app of the Share view.
type ShareApp struct {
	App     string
	Monthly figures.Curve // its installs month by month over the window
	// Launched is its launch month in the market (worldwide: its first
	// anywhere), or 0: a month before it is a gap like any other, but the
	// view says why.
	Launched figures.Month
	node     figures.Node // the series behind it, for its provenance
}

// ShareMonth is one month of the Share view.
type ShareMonth struct {
	Month   figures.Month
	Shares  []figures.Share // one per app; ShareNone where an app has no figure
	Total   figures.Point   // the apps' installs added; a gap where one has none
	Missing []int           // the apps without a figure this month
}

// ShareData is what the Share view draws.
type ShareData struct {
	Sel      Selection
	From, To figures.Month
	Apps     []ShareApp
	Months   []ShareMonth    // one per month of the window
	Common   []figures.Month // the months every app has a figure for
	// Sums are each app's installs over the Common months, and Overall
	// each one's share of their sum, Total.
	Sums     []figures.Point
	Overall  []figures.Share
	Total    figures.Point
	dropped  []string // apps named twice in the selection, read once
	warnings []string
}

// LoadShare reads the selected apps in the selected market and platform,
// and works out their shares where every one of them has a figure.
func LoadShare(src Source, sel Selection) (ShareData, error) {
	d := ShareData{Sel: sel}
	// The same app twice would be half of a sum it is all of.
	var apps []string
	for _, a := range sel.Apps {
		dup := false
		for _, b := range apps {
			dup = dup || strings.EqualFold(a, b)
		}
		if dup {
			d.dropped = append(d.dropped, a)
			continue
		}
		apps = append(apps, a)
	}
	if len(apps) < 2 {
		for _, a := range apps {
			d.Apps = append(d.Apps, ShareApp{App: a})
		}
		return d, nil
	}
	nodes := make([]figures.Node, len(apps))
	contradictions := make([][]string, len(apps))
	launches := make([]figures.Month, len(apps))
	var spans [][]figures.Figure
	for i, app := range apps {
		r, err := readMarket(src, app, sel)
		if err != nil {
			return d, err
		}
		nodes[i], contradictions[i] = r.node, r.warnings
		if sel.Country == figures.Worldwide {
			for _, m := range r.launched {
				if launches[i] == 0 || m < launches[i] {
					launches[i] = m
				}
			}
		} else {
			launches[i] = nodes[i].Launched
		}
		spans = append(spans, nodeFigures(nodes[i])...)
	}
	first, last, ok := figures.Span(spans...)
	if !ok && (sel.From == 0 || sel.To == 0) {
		for _, app := range apps {
			d.Apps = append(d.Apps, ShareApp{App: app})
		}
		return d, nil
	}
	d.From, d.To = sel.window(first, last)
	if d.To < d.From {
		return d, fmt.Errorf("the window %s is empty (from must not be after to)", sel.WindowLabel())
	}
	for i, app := range apps {
		c := figures.NodeCurve(nodes[i], sel.Ranking, d.From, d.To)
		d.Apps = append(d.Apps, ShareApp{App: app, Monthly: c, Launched: launches[i], node: nodes[i]})
		d.warnings = append(d.warnings, c.Warnings...)
		// The contradictions the market's figures are one side of.
		d.warnings = append(d.warnings, contradictions[i]...)
	}
	d.warnings = dedupe(d.warnings)

	points := make([]figures.Point, len(d.Apps))
	common := make([][]figures.Point, len(d.Apps)) // each app's points in the common months
	for k := 0; k <= int(d.To-d.From); k++ {
		sm := ShareMonth{Month: d.From.Add(k)}
		for i, a := range d.Apps {
			points[i] = a.Monthly.Points[k]
			if points[i].Kind == figures.Gap || math.IsNaN(points[i].Value) {
				sm.Missing = append(sm.Missing, i)
			}
		}
		sm.Shares, sm.Total = figures.Shares(points)
		if len(sm.Missing) == 0 {
			d.Common = append(d.Common, sm.Month)
			for i := range d.Apps {
				common[i] = append(common[i], points[i])
			}
		}
		d.Months = append(d.Months, sm)
	}
	if len(d.Common) > 0 {
		d.Sums = make([]figures.Point, len(d.Apps))
		for i := range d.Apps {
			d.Sums[i] = figures.SumOf(common[i])
		}
		d.Overall, d.Total = figures.Shares(d.Sums)
	}
	return d, nil
}

// tooFew says why one app has no share to show.
func (d ShareData) tooFew() string {
	if len(d.Apps) == 0 {
		return "a share needs two or more apps, and none is selected: pick them with p (or -app A,B)"
	}
	return fmt.Sprintf("a share needs two or more apps: %s alone is all of its own installs, which says nothing; pick another with p (or -app A,B)", figures.Sanitize(d.Apps[0].App))
}

// noCommonMonth says that no month has a figure for every app, and where
// each one's figures are.
func (d ShareData) noCommonMonth() string {
	where := d.Sel.MarketLabel()
	if d.From == 0 {
		return fmt.Sprintf("no figures for %s in %s", figures.Sanitize(strings.Join(d.Sel.Apps, ", ")), where)
	}
	var has []string
	for _, a := range d.Apps {
		var ms []figures.Month
		for _, p := range a.Monthly.Points {
			if p.Kind != figures.Gap {
				ms = append(ms, p.Month)
			}
		}
		if len(ms) == 0 {
			has = append(has, figures.Sanitize(a.App)+" has none")
		} else {
			has = append(has, fmt.Sprintf("%s has figures for %s", figures.Sanitize(a.App), figures.MonthsText(ms, 4)))
		}
	}
	return fmt.Sprintf("no month of %s has a figure for every selected app in %s (%s); shares compare the same months, so pick apps or a window whose figures meet",
		windowOf(d.From, d.To), where, strings.Join(has, "; "))
}

// missingText names the apps without a figure in a month; where most
// apps lack one, it names those that have one: "all but Resso".
func (d ShareData) missingText(sm ShareMonth) string {
	switch {
	case len(sm.Missing) == len(d.Apps):
		return "any app"
	case 2*len(sm.Missing) > len(d.Apps):
		var have []string
		for i, a := range d.Apps {
			if !slices.Contains(sm.Missing, i) {
				have = append(have, figures.Sanitize(a.App))
			}
		}
		return "all but " + strings.Join(have, ", ")
	}
	names := make([]string, len(sm.Missing))
	for k, i := range sm.Missing {
		names[k] = figures.Sanitize(d.Apps[i].App)
	}
	return strings.Join(names, ", ")
}

// gapCells says, per app, why a month has no share: "no figure" under
// each app without one ("pre-launch" before its launch there), nothing
// under the others.
func (d ShareData) gapCells(sm ShareMonth) []string {
	out := make([]string, len(d.Apps))
	for _, i := range sm.Missing {
		out[i] = "no figure"
		if l := d.Apps[i].Launched; l != 0 && sm.Month < l {
			out[i] = "pre-launch"
		}
	}
	return out
}

// missingCSV names the apps without a figure in a month for CSV.
func (d ShareData) missingCSV(sm ShareMonth) string {
	names := make([]string, len(sm.Missing))
	for k, i := range sm.Missing {
		names[k] = d.Apps[i].App
	}
	return strings.Join(names, "; ")
}

// names are the apps' names, sanitised, for messages and explanations.
func (d ShareData) names() []string {
	out := make([]string, len(d.Apps))
	for i, a := range d.Apps {
		out[i] = figures.Sanitize(a.App)
	}
	return out
}

// Items lists every app's share in every month, a gap month once, and
// each app's share over the common months, for the provenance panel.
func (d ShareData) Items() []Item {
	if len(d.Apps) < 2 || d.From == 0 {
		return nil
	}
	names := d.names()
	market := figures.Sanitize(d.Sel.Country)
	var out []Item
	for k, sm := range d.Months {
		points := make([]figures.Point, len(d.Apps))
		for i, a := range d.Apps {
			points[i] = a.Monthly.Points[k]
		}
		month := sm.Month
		explain := func(i int, what string) func() figures.Explanation {
			return func() figures.Explanation {
				parts := make([]figures.Explanation, len(d.Apps))
				for j, a := range d.Apps {
					parts[j] = figures.ExplainMonth(a.node, d.Sel.Ranking, d.From, d.To, month)
				}
				return figures.ExplainShare(what, i, names, points, parts)
			}
		}
		if len(sm.Missing) > 0 {
			out = append(out, Item{Key: month.String(), Label: month.String() + " · no share: no figure for " + d.missingText(sm),
				Explain: explain(0, fmt.Sprintf("Shares of %s, %s %s", strings.Join(names, " + "), market, month))})
			continue
		}
		for i := range d.Apps {
			out = append(out, Item{Key: month.String(), Label: month.String() + " · " + names[i] + " " + figures.FormatShareOf(sm.Shares[i]),
				Explain: explain(i, fmt.Sprintf("%s's share of %s, %s %s", names[i], strings.Join(names, " + "), market, month))})
		}
	}
	if len(d.Common) == 0 {
		return out
	}
	labels := make([]string, len(d.Common))
	for k, m := range d.Common {
		labels[k] = m.String()
	}
	span := fmt.Sprintf("the %s where every app has a figure", figures.CountText(len(d.Common), "months"))
	for i := range d.Apps {
		i := i
		out = append(out, Item{Key: "total", Label: "total · " + names[i] + " " + figures.FormatShareOf(d.Overall[i]) + " over " + span,
			Explain: func() figures.Explanation {
				parts := make([]figures.Explanation, len(d.Apps))
				for j, a := range d.Apps {
					months := make([]figures.Explanation, len(d.Common))
					pts := make([]figures.Point, len(d.Common))
					for k, m := range d.Common {
						months[k] = figures.ExplainMonth(a.node, d.Sel.Ranking, d.From, d.To, m)
						pts[k] = a.Monthly.Points[int(m-d.From)]
					}
					parts[j] = figures.ExplainSum(names[j]+" "+market, labels, pts, months)
				}
				return figures.ExplainShare(fmt.Sprintf("%s's share of %s, %s, over %s", names[i], strings.Join(names, " + "), market, span), i, names, d.Sums, parts)
			}})
	}
	return out
}

// percentScale is the y-axis of shares: always 0 to 100%, so that a
// share's height reads the same on every chart, labelled every 25% (or
// 20%, 50%, 10%: whichever uses most of the rows).
func percentScale() yAxisPick {
	return func(height int) (float64, float64, int, float64, func(float64) string) {
		label := func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) + "%" }
		rows, step := 0, 100.0
		for _, s := range []float64{25, 20, 50, 10} {
			m := int(100 / s)
			if m > height {
				continue
			}
			if r := m * (height / m); r > rows {
				rows, step = r, s
			}
		}
		if rows == 0 {
			return 0, 100, max(height, 1), 100, label
		}
		return 0, 100, rows, step, label
	}
}

// renderShare lays out the Share view: the chart of the apps' shares,
// then the shares and installs month by month with the total, then each
// app's share over the months where all have figures.
func renderShare(d ShareData, width, chartHeight int, st Styles) *Doc {
	out := &Doc{}
	out.para(st.Render(st.Title, fmt.Sprintf("Share of installs · %s · %s · %s", d.Sel.MarketLabel(), d.Sel.Platform.Label(), windowOf(d.From, d.To))))
	if len(d.Apps) < 2 {
		out.para(upperFirst(d.tooFew()) + ".")
		return out
	}
	if d.From == 0 {
		out.para("No figures for the selected apps in " + d.Sel.MarketLabel() + ". Pick other apps (p) or another country (g).")
		return out
	}
	names := d.names()
	if len(d.Common) == 0 {
		// No share to draw: say why first, then the months and who
		// lacks a figure in each.
		out.para(upperFirst(d.noCommonMonth()) + ".")
	} else {
		chart := shareChart(d, width, chartHeight, st)
		out.chart(chart)
		out.para(legend(names, chart, st))
	}

	// A table too wide for the screen is split rather than cut: neither
	// a month nor a word of an app's name is cut.
	t := &grid{header: []string{"Month"}, right: []bool{false}, floor: []int{len("2006-01..2006-01")}, group: []int{0}}
	for _, n := range names {
		t.header = append(t.header, n, "installs")
		t.right = append(t.right, true, true)
		t.floor = append(t.floor, headerFloor(n, 3, 24), len("installs"))
		g := len(t.header) / 2 // 1, 2, …: this app's pair of columns
		t.group = append(t.group, g, g)
	}
	t.header = append(t.header, "total")
	t.right = append(t.right, true)
	// Each app's installs with their own marks; the share and the total
	// with the marks of every number in the sum. share_bound is at_least
	// or at_most where one app's installs are a lower bound, neither
	// (and no share) where several are; missing names the apps without a
	// figure in a month without shares.
	out.csv = [][]string{{"month", "app", "country", "platform", "installs", "kind", "estimate", "summed", "at_least",
		"share", "share_bound", "share_spread", "share_estimate", "share_summed", "total", "total_at_least", "total_spread", "total_estimate", "total_summed", "missing"}}
	gapFrom := -1 // first month of a run of gap months missing the same apps
	for k, sm := range d.Months {
		missing := ""
		if len(sm.Missing) > 0 {
			missing = d.missingCSV(sm)
		}
		for i, a := range d.Apps {
			p, s := a.Monthly.Points[k], sm.Shares[i]
			share, bound := "", ""
			if s.Known() {
				share = strconv.FormatFloat(s.Fraction, 'f', 6, 64)
			}
			switch s.Bound {
			case figures.ShareAtLeast, figures.ShareAtMost:
				bound = s.Bound.String()
			case figures.ShareUnbounded:
				bound = "neither" // no share: bounded in neither direction
			}
			out.csv = append(out.csv, []string{sm.Month.String(), a.App, d.Sel.Country, d.Sel.Platform.String(),
				figures.RawValue(p), figures.KindWord(p), figures.YesNo(p.Estimate), figures.YesNo(p.Summed), figures.YesNo(p.LowerBound),
				share, bound, figures.YesNo(s.Spread), figures.YesNo(s.Estimate), figures.YesNo(s.Summed), figures.RawValue(sm.Total), figures.YesNo(sm.Total.LowerBound),
				figures.YesNo(sm.Total.Kind == figures.Spread), figures.YesNo(sm.Total.Estimate), figures.YesNo(sm.Total.Summed), missing})
		}
		if len(sm.Missing) > 0 {
			if gapFrom < 0 {
				gapFrom = k
			}
			cells := d.gapCells(sm)
			if k+1 < len(d.Months) && len(d.Months[k+1].Missing) > 0 && slices.Equal(d.gapCells(d.Months[k+1]), cells) {
				continue
			}
			// A run of months missing the same apps is one row, so that
			// years without figures do not push the shares off the screen;
			// each app's column says whether it is one of them.
			row := []string{windowOf(d.Months[gapFrom].Month, sm.Month)}
			for _, c := range cells {
				row = append(row, figures.NoValue, c)
			}
			t.rows = append(t.rows, append(row, ""))
			gapFrom = -1
			continue
		}
		row := []string{sm.Month.String()}
		for i, a := range d.Apps {
			row = append(row, figures.FormatShareOf(sm.Shares[i]), figures.FormatPoint(a.Monthly.Points[k]))
		}
		t.rows = append(t.rows, append(row, figures.FormatPoint(sm.Total)))
	}
	if len(d.Common) == 0 {
		// No month has a share: which app lacks a figure when is all
		// there is to read, under each app's name.
		cols := []int{0}
		for i := range d.Apps {
			cols = append(cols, 2+2*i)
		}
		t = t.columns(cols)
		copy(t.header[1:], names)
	}
	out.addTable(t)

	var lines []string
	if len(d.Common) > 0 {
		parts := make([]string, len(d.Apps))
		for i := range d.Apps {
			parts[i] = names[i] + " " + figures.FormatShareOf(d.Overall[i])
		}
		lines = append(lines, fmt.Sprintf("Over the %s where every app has a figure (%d of %d): %s of their %s installs.",
			figures.CountText(len(d.Common), "months"), len(d.Common), len(d.Months), strings.Join(parts, ", "), figures.FormatPoint(d.Total)))
	}
	var used [][]figures.Figure
	for _, a := range d.Apps {
		lines = append(lines, coverageLine(a.App, a.Monthly))
		used = append(used, a.Monthly.Used)
	}
	out.para(lines...)
	out.used = sourcesOf(used...)
	out.notes = append([]string{d.note() + " " + figures.MarksNote}, d.warnings...)
	if len(d.Common) > 0 {
		out.pic = sharePicture(d, fmt.Sprintf("Share of installs · %s · %s · %s", d.Sel.MarketLabel(), d.Sel.Platform.Label(), windowOf(d.From, d.To)), out.used)
	}
	return out
}

// sharePicture is the Share chart as a picture draws it: shares as
// fractions on a percent axis, with their marks; a share that is at
// most what it shows (another app's installs a lower bound) is said in
// a note, as a picture has no mark for it.
func sharePicture(d ShareData, title string, used []sourceUse) *picture.Chart {
	c := &picture.Chart{Title: title, Subtitle: d.Sel.Label(), YLabel: "share of the selected apps' installs", Unit: picture.Percent, Sources: sourceLine(used)}
	for m := d.From; m <= d.To; m++ {
		c.XLabels = append(c.XLabels, m.String())
	}
	var atMost []string
	for i, a := range d.Apps {
		n := len(d.Months)
		line := picture.Series{Name: figures.Sanitize(a.App), Values: make([]float64, n), Spread: make([]bool, n), Estimate: make([]bool, n), LowerBound: make([]bool, n)}
		for k, sm := range d.Months {
			line.Values[k] = math.NaN()
			if sh := sm.Shares[i]; sh.Known() {
				line.Values[k], line.Spread[k], line.Estimate[k], line.LowerBound[k] = sh.Fraction, sh.Spread, sh.Estimate, sh.Bound == figures.ShareAtLeast
				if sh.Bound == figures.ShareAtMost {
					atMost = append(atMost, figures.Sanitize(a.App)+" "+sm.Month.String())
				}
			}
		}
		c.Series = append(c.Series, line)
	}
	var notes []string
	if len(atMost) > 0 {
		notes = append(notes, "At most what is drawn (another app's installs are a lower bound): "+strings.Join(atMost, ", "))
	}
	c.Notes = pictureNotes(notes, d.warnings)
	return c
}

// shareChart draws the apps' shares month by month on a 0–100% axis;
// a month without a share is a gap in every line.
func shareChart(d ShareData, width, height int, st Styles) string {
	series := make([]chartSeries, len(d.Apps))
	for i := range d.Apps {
		vals := make([]float64, len(d.Months))
		spread := make([]bool, len(d.Months))
		lower := make([]bool, len(d.Months)) // a share that is a bound, either way
		for k, sm := range d.Months {
			vals[k] = math.NaN()
			if s := sm.Shares[i]; s.Known() {
				vals[k] = s.Fraction * 100
				spread[k] = s.Spread
				lower[k] = s.Bound == figures.ShareAtLeast
			}
		}
		series[i] = chartSeries{Name: d.Apps[i].App, Values: vals, Spread: spread, Lower: lower}
	}
	return drawChartOn(series, monthAxis(d.From, d.To), percentScale(), width, height, st)
}

// note says what the shares are of, and what their marks and bounds mean.
func (d ShareData) note() string {
	s := "Shares are of the selected apps' installs added together, month by month, only in months where every app has a figure (a gap is unknown, not a zero)"
	if len(d.Common) > 0 {
		s += "; the line under the table adds up each app's months where all have figures"
	}
	s += ". A share is built on every number in the sum, so it carries the marks of all of them."
	var atLeast, atMost, unbounded bool
	for _, sm := range d.Months {
		for _, sh := range sm.Shares {
			atLeast = atLeast || sh.Bound == figures.ShareAtLeast
			atMost = atMost || sh.Bound == figures.ShareAtMost
			unbounded = unbounded || sh.Bound == figures.ShareUnbounded
		}
	}
	for _, sh := range d.Overall {
		atLeast = atLeast || sh.Bound == figures.ShareAtLeast
		atMost = atMost || sh.Bound == figures.ShareAtMost
		unbounded = unbounded || sh.Bound == figures.ShareUnbounded
	}
	if atLeast || atMost {
		s += " Where an app's installs are at least what they show (≥), its share is at least what it says (≥) and the others' at most (≤)."
	}
	if unbounded {
		s += " n/a: two or more apps' installs are at least what they show, so their shares have no bound either way."
	}
	if len(d.dropped) > 0 {
		s += " " + figures.Sanitize(strings.Join(d.dropped, ", ")) + ": selected twice, counted once."
	}
	return s
}

// headerFloor is the narrowest a column can be for its header to wrap
// onto at most lines lines without a word cut, and at most limit.
func headerFloor(h string, lines, limit int) int {
	words := strings.Fields(h)
	longest := 0
	for _, w := range words {
		longest = max(longest, textfit.Width(w))
	}
	if longest >= limit {
		return limit // a word this long is cut whatever the width
	}
	for w := max(longest, 1); w < limit; w++ {
		if len(wrapHeader(h, w, lines+1)) <= lines {
			return w
		}
	}
	return limit
}

// upperFirst starts a sentence with a capital letter.
func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
