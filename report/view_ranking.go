package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/textfit"
)

// rankingView: every app with figures in one market, ranked by installs
// over the window, against the previous window and the year before.
func rankingView() View {
	return View{
		Name: RankingViewName, Title: "Ranking",
		Load: func(src Source, sel Selection) (Data, error) { return LoadRanking(src, sel) },
		Label: func(sel Selection) string {
			return "every app · " + rankMarketLabel(sel) + " · " + sel.Platform.Label() + " · " + rankWindowLabel(sel)
		},
		Mode: func(sel Selection) string {
			if sel.RankBy == "" || sel.RankBy == RankByInstalls {
				return ""
			}
			return "sorted by " + rankOrderWords[sel.RankBy]
		},
	}
}

// RankingViewName is the Ranking view's name, as -export takes it.
const RankingViewName = "ranking"

// The orders the Ranking view sorts its rows in (Selection.RankBy).
const (
	RankByInstalls = "installs" // the rank; also ""
	RankByChange   = "change"   // the change against the previous window, largest rise first
	RankByYear     = "year"     // the change against the year before
	RankByName     = "name"     // the apps' names
)

var rankOrderWords = map[string]string{RankByInstalls: "installs", RankByChange: "change against the previous window",
	RankByYear: "change against the year before", RankByName: "name"}

// rankSpan is the length of the Ranking view's window when the selection
// leaves it open: a year, the span rankings are read over.
const rankSpan = 12

// moversShown is how many risers and fallers the Ranking view names.
const moversShown = 3

// rankMarket is the market the Ranking view reads: worldwide when the
// selection names none.
func rankMarket(sel Selection) string {
	if sel.Country == "" {
		return figures.Worldwide
	}
	return sel.Country
}

// rankMarketLabel names the market: a group by its name, else the
// country (worldwide when none is chosen).
func rankMarketLabel(sel Selection) string {
	if sel.Group.Name != "" {
		return sel.MarketLabel()
	}
	return figures.CountryLabel(rankMarket(sel))
}

// rankWindowLabel writes the Ranking view's window as the selection gives
// it, before the figures fill its open ends.
func rankWindowLabel(sel Selection) string {
	switch {
	case sel.From == 0 && sel.To == 0:
		return fmt.Sprintf("the latest %d months", rankSpan)
	case sel.From == 0:
		return fmt.Sprintf("the %d months to %s", rankSpan, sel.To)
	}
	return sel.WindowLabel()
}

// RankPeriod is one app's total over one window.
type RankPeriod struct {
	From, To figures.Month // the window
	// Start is the first month counted: the launch month when the app
	// launched in the market inside the window (before it there was
	// nothing to install, which is known, not a gap).
	Start figures.Month
	Total figures.Total
	// Unlaunched: the app launched in the market after the window, so
	// it had no installs there; no total is read.
	Unlaunched bool
}

// RankRow is one app of the Ranking view.
type RankRow struct {
	App      string
	Selected int           // its place in the selection's apps, or -1
	Launch   figures.Month // its launch in the market, 0 when none is known
	// First and Last are the months its figures in the market span.
	First, Last figures.Month
	Now         RankPeriod
	Previous    RankPeriod // the window of the same length before
	YearAgo     RankPeriod // the same months a year before
	Rank        figures.Rank
	PrevRank    figures.Rank
	Move        string         // "▲3", "▼1", "=", "new", "–"
	Change      figures.Change // against the previous window
	Year        figures.Change // against the year before
	node        figures.Node
}

// RankingData is what the Ranking view draws.
type RankingData struct {
	Sel      Selection
	Market   string
	From, To figures.Month
	// Default says how the open ends of the window were filled, "" when
	// the selection gave both.
	Default  string
	Rows     []RankRow // the ranked apps in the order Sel.RankBy asks for, then the others by name
	Ranked   int       // how many rows have a rank
	Disagree int       // apps whose figures contradict each other
	warnings []string
	used     []sourceUse // the sources of the figures behind the numbers shown
}

// Layout lays out the Ranking view, which has no chart to fit.
func (d RankingData) Layout(width, _ int, st Styles) *Doc { return renderRanking(d, width, st) }

// Warnings are the reading rules' warnings about the apps ranked.
func (d RankingData) Warnings() []string { return d.warnings }

// Empty says why there is nothing to show.
func (d RankingData) Empty() error {
	where := d.Sel.MarketLabel() + " on " + d.Sel.Platform.Label()
	switch {
	case len(d.Rows) == 0:
		return fmt.Errorf("%w: no app has figures in %s", ErrNothingToShow, where)
	case d.Ranked == 0:
		return fmt.Errorf("%w: no app has a figure lying inside %s in %s", ErrNothingToShow, windowOf(d.From, d.To), where)
	}
	return nil
}

// LoadRanking reads every app of the file in the selected market and
// platform: for a country one series per app, worldwide every series of
// every app (the countries stand in where there are no WW figures, and
// are checked against them where there are).
func LoadRanking(src Source, sel Selection) (RankingData, error) {
	d := RankingData{Sel: sel, Market: rankMarket(sel)}
	if _, ok := rankOrderWords[sel.RankBy]; !ok && sel.RankBy != "" {
		return d, fmt.Errorf("%s is not an order of the ranking (expected installs, change, year or name)", figures.Quote(sel.RankBy))
	}
	apps, err := src.Apps()
	if err != nil {
		return d, err
	}
	selected := map[string]int{}
	for i, a := range sel.Apps {
		if _, ok := selected[figures.FoldName(a)]; !ok {
			selected[figures.FoldName(a)] = i
		}
	}
	var last figures.Month
	for _, a := range apps {
		row, err := rankRowOf(src, a.Name, d.Market, sel.Group, sel.Platform)
		if err != nil {
			return d, err
		}
		first, end, ok := figures.Span(nodeFigures(row.node)...)
		if !ok {
			continue // no figures in this market on this platform
		}
		row.First, row.Last, row.Selected = first, end, -1
		if i, ok := selected[figures.FoldName(a.Name)]; ok {
			row.Selected = i
		}
		// What does not depend on the window is read from the whole
		// node, before it is cut to the months the windows can use.
		before := d.Disagree
		d.warnings = append(d.warnings, appWarnings(row, first, sel.Ranking, &d.Disagree)...)
		if d.Market != figures.Worldwide {
			// The app's countries against its worldwide figures: this
			// market's figures are one side of each such contradiction.
			w, err := worldOverParts(src, a.Name, sel, nil)
			if err != nil {
				return d, err
			}
			d.warnings = append(d.warnings, w...)
			if len(w) > 0 && d.Disagree == before {
				d.Disagree++
			}
		}
		last = max(last, end)
		if lo := rankFloor(sel, last); lo != 0 {
			row.node = keepFrom(row.node, lo)
		}
		d.Rows = append(d.Rows, row)
	}
	if len(d.Rows) == 0 {
		return d, nil
	}
	d.From, d.To, d.Default = rankWindow(sel, last)
	if d.To < d.From {
		return d, fmt.Errorf("the window %s is empty (from must not be after to)", sel.WindowLabel())
	}
	n := int(d.To-d.From) + 1
	prevFrom, yearFrom := d.From.Add(-n), d.From.Add(-12)
	for i := range d.Rows {
		r := &d.Rows[i]
		r.Now = periodOf(r.node, sel.Ranking, d.From, d.To, r.Launch)
		r.Previous = periodOf(r.node, sel.Ranking, prevFrom, d.From-1, r.Launch)
		r.YearAgo = periodOf(r.node, sel.Ranking, yearFrom, d.To.Add(-12), r.Launch)
		r.Change = changeOf(r.Previous, r.Now, d.Market)
		r.Year = changeOf(r.YearAgo, r.Now, d.Market)
		d.warnings = append(d.warnings, totalWarnings(*r)...)
	}
	now, prev := make([]figures.Total, len(d.Rows)), make([]figures.Total, len(d.Rows))
	for i, r := range d.Rows {
		now[i], prev[i] = r.Now.Total, r.Previous.Total
	}
	ranks, prevRanks := figures.RankTotals(now), figures.RankTotals(prev)
	for i := range d.Rows {
		r := &d.Rows[i]
		r.Rank, r.PrevRank = ranks[i], prevRanks[i]
		r.Move = figures.RankMove(r.PrevRank, r.Rank)
		if r.Rank.Place > 0 && r.Previous.Unlaunched {
			r.Move = "new"
		}
		if r.Rank.Place > 0 {
			d.Ranked++
		}
	}
	sortRankRows(d.Rows, sel.RankBy)
	d.warnings = dedupe(d.warnings)
	d.used = rankSources(d)
	return d, nil
}

// rankSources lists the sources of the figures behind the totals and the
// changes, once at load rather than at every layout: worldwide on a large
// file they are hundreds of thousands. The window and the previous one
// never share a month, so their figures are distinct; only the year
// before can overlap them (a window of 7 to 11 months, or over 12), and
// only its figures inside the overlap are looked up.
func rankSources(d RankingData) []sourceUse {
	// The lists are handed over as they are: copying them into one was
	// a sixth of Ranking worldwide on the million (43 MB with write
	// barriers).
	lists := make([][]figures.Figure, 0, 3*len(d.Rows))
	for _, r := range d.Rows {
		lists = append(lists, r.Now.Total.Used, r.Previous.Total.Used)
		if !d.sameYear() {
			lists = append(lists, notListed(r.YearAgo.Total.Used, r.Previous.From, r.Now.To, r.Now.Total.Used, r.Previous.Total.Used))
		}
	}
	return groupSources(lists, false)
}

// notListed returns the figures of year that are not in listed, looking
// up only those inside lo..hi, the months listed covers: year itself
// when it keeps them all.
func notListed(year []figures.Figure, lo, hi figures.Month, listed ...[]figures.Figure) []figures.Figure {
	var seen map[figures.Key]bool
	var out []figures.Figure // nil while every figure so far is kept
	for i, f := range year {
		drop := false
		if f.To >= lo && f.From <= hi {
			if seen == nil {
				seen = map[figures.Key]bool{}
				for _, l := range listed {
					for _, g := range l {
						seen[g.Key()] = true
					}
				}
			}
			drop = seen[f.Key()]
		}
		switch {
		case drop && out == nil:
			out = append(make([]figures.Figure, 0, len(year)-1), year[:i]...)
		case !drop && out != nil:
			out = append(out, f)
		}
	}
	if out == nil {
		return year
	}
	return out
}

// rankRowOf reads one app in the market: its series and launch there.
func rankRowOf(src Source, app, market string, group figures.Group, p figures.Platform) (RankRow, error) {
	r := RankRow{App: app}
	if group.Name != "" {
		// A group: the Σ of its members, each read from its launch.
		series, launched, err := appData(src, app)
		if err != nil {
			return r, err
		}
		r.node = groupNode(app, group, series, launched, p)
		return r, nil
	}
	if market == figures.Worldwide {
		series, launched, err := appData(src, app)
		if err != nil {
			return r, err
		}
		// Launches are per country: worldwide counts every month, as no
		// country's launch says when the app was nowhere to be had.
		r.node = worldNode(app, series, launched, p)
		return r, nil
	}
	figs, err := src.Series(app, market)
	if err != nil {
		return r, err
	}
	r.node = platformNode(app, market, figs, p)
	if len(figs) == 0 {
		return r, nil // no figures here: its launches need not be read
	}
	launches, err := src.Launches(app)
	if err != nil {
		return r, err
	}
	for _, l := range launches {
		if l.Country == market {
			r.Launch = l.Month
		}
	}
	r.node.Launched = r.Launch
	return r, nil
}

// rankWindow fills the open ends of the selection's window: both open,
// the latest 12 months with figures in the market; only to given, the
// 12 months to it; only from given, from it to the latest month with
// figures, as the other views read an open end.
func rankWindow(sel Selection, last figures.Month) (from, to figures.Month, how string) {
	switch {
	case sel.From == 0 && sel.To == 0:
		return last.Add(1 - rankSpan), last, fmt.Sprintf("the latest %d months with figures", rankSpan)
	case sel.From == 0:
		return sel.To.Add(1 - rankSpan), sel.To, fmt.Sprintf("the %d months to %s", rankSpan, sel.To)
	case sel.To == 0:
		return sel.From, max(last, sel.From), "to the latest month with figures"
	}
	return sel.From, sel.To, ""
}

// periodOf reads a node's total over [from, to], from the launch when
// the app launched inside the window.
func periodOf(n figures.Node, rank figures.Ranking, from, to, launch figures.Month) RankPeriod {
	p := RankPeriod{From: from, To: to, Start: from}
	switch {
	case launch > to:
		p.Unlaunched = true
		p.Total = figures.Total{Months: int(to-from) + 1}
		return p
	case launch > from:
		p.Start = launch
	}
	p.Total = figures.NodeTotal(n, rank, p.Start, to)
	return p
}

// changeOf is the change from an earlier window to a later one: "new"
// when the app launched after the earlier window (there is nothing to
// compare with, and that is known), else the reading rules' change.
func changeOf(before, after RankPeriod, market string) figures.Change {
	if before.Unlaunched && !after.Total.Empty() {
		return figures.Change{Text: "new", Value: math.NaN(),
			Why: "launched in " + figures.CountryName(market) + " after the earlier window, so there is nothing to compare with"}
	}
	return figures.ChangeOf(before.Total, after.Total)
}

// appWarnings are the warnings about an app's figures in the market,
// whatever the window: their contradictions, and figures before its
// launch. disagree counts the apps whose figures contradict each other.
func appWarnings(r RankRow, first figures.Month, rank figures.Ranking, disagree *int) []string {
	out := figures.NodeDisagreements(r.node, rank)
	if len(out) > 0 {
		*disagree++
	}
	if r.Launch != 0 && first < r.Launch {
		out = append(out, fmt.Sprintf("%s has figures in %s from %s, before its launch month %s: the totals count from the launch month; check the launch month (L)",
			figures.Sanitize(r.App), r.node.Name, first, r.Launch))
	}
	return out
}

// totalWarnings are the warnings about an app's totals: windows whose
// figures read two ways, and sources mixed in the total.
func totalWarnings(r RankRow) []string {
	var out []string
	for _, p := range []RankPeriod{r.Now, r.Previous, r.YearAgo} {
		if p.Total.Tie != nil {
			out = append(out, tieWarning(r.App, r.node.Name, windowOf(p.Start, p.To), p.Total))
		}
	}
	if srcs := r.Now.Total.Sources(); len(srcs) > 1 {
		out = append(out, fmt.Sprintf("%s %s: the total draws on %d sources (%s), each where it ranks highest",
			figures.Sanitize(r.App), r.node.Name, len(srcs), sourceList(srcs)))
	}
	return out
}

// rankFloor is the first month a figure may start in and still lie inside
// one of the windows (the window, the previous one, the year before),
// with last the latest month with figures read so far; 0 when it cannot
// be known before every app is read (only from given: the window's
// length depends on the last month of all).
func rankFloor(sel Selection, last figures.Month) figures.Month {
	switch {
	case sel.From == 0 && sel.To == 0:
		// The window ends at the latest month of all, never before last.
		return last.Add(1 - 2*rankSpan)
	case sel.From == 0:
		return sel.To.Add(1 - 2*rankSpan)
	case sel.To == 0 || sel.To < sel.From:
		return 0
	}
	n := int(sel.To-sel.From) + 1
	return min(sel.From.Add(-n), sel.From.Add(-12))
}

// keepFrom is the node without the figures that start before from, so
// that a ranking of every app worldwide holds the months it reads, not a
// million figures. Only a series of one source is cut: with several,
// which one a month shows depends on all their figures (Resolve).
func keepFrom(n figures.Node, from figures.Month) figures.Node {
	n.Figures = figuresFrom(n.Figures, from)
	if len(n.Parts) == 0 {
		return n
	}
	parts := make([]figures.PartSet, len(n.Parts))
	for i, ps := range n.Parts {
		nodes := make([]figures.Node, len(ps.Nodes))
		for j, p := range ps.Nodes {
			nodes[j] = keepFrom(p, from)
		}
		parts[i] = figures.PartSet{Kind: ps.Kind, Nodes: nodes}
	}
	n.Parts = parts
	return n
}

// figuresFrom copies the figures starting in or after from, when they
// all have one source; otherwise it returns them all.
func figuresFrom(figs []figures.Figure, from figures.Month) []figures.Figure {
	n := 0
	for _, f := range figs {
		if f.Source != figs[0].Source {
			return figs
		}
		if f.From >= from {
			n++
		}
	}
	if n == len(figs) {
		return figs
	}
	// A copy, not a slice of the old array, so that the rest is freed.
	out := make([]figures.Figure, 0, n)
	for _, f := range figs {
		if f.From >= from {
			out = append(out, f)
		}
	}
	return out
}

// sortRankRows puts the ranked rows in the order asked for (by rank,
// ties by name; by change, the largest first and n/a last; by name),
// then the apps without a rank by name.
func sortRankRows(rows []RankRow, by string) {
	slices.SortStableFunc(rows, func(a, b RankRow) int {
		if (a.Rank.Place == 0) != (b.Rank.Place == 0) {
			if a.Rank.Place == 0 {
				return 1
			}
			return -1
		}
		byName := strings.Compare(figures.FoldName(a.App), figures.FoldName(b.App))
		if a.Rank.Place == 0 || by == RankByName {
			return byName
		}
		if by == RankByChange || by == RankByYear {
			ca, cb := a.Change, b.Change
			if by == RankByYear {
				ca, cb = a.Year, b.Year
			}
			if c := compareChange(ca, cb); c != 0 {
				return c
			}
		}
		if a.Rank.Place != b.Rank.Place {
			return a.Rank.Place - b.Rank.Place
		}
		return byName
	})
}

// compareChange orders changes the largest first, n/a last.
func compareChange(a, b figures.Change) int {
	switch {
	case a.NA() && b.NA():
		return 0
	case a.NA():
		return 1
	case b.NA():
		return -1
	case a.Value > b.Value:
		return -1
	case a.Value < b.Value:
		return 1
	}
	return 0
}

// sameYear reports whether the previous window is the year before (a
// window of 12 months), so that one column says both.
func (d RankingData) sameYear() bool { return int(d.To-d.From)+1 == 12 }

// Items lists, for each app, its total, the earlier windows' totals and
// the changes, for the provenance panel.
func (d RankingData) Items() []Item {
	var out []Item
	for _, r := range d.Rows {

		name := figures.Sanitize(r.App)
		out = append(out, Item{Key: r.App, Label: fmt.Sprintf("rank %s · %s %s (%s)", r.Rank, name, figures.FormatTotal(r.Now.Total), coverageText(r.Now, r.Launch, d.Market)),
			Explain: func() figures.Explanation { return d.explainPeriod(r, r.Now) }})
		periods := []struct {
			key string
			p   RankPeriod
			c   figures.Change
		}{{"previous", r.Previous, r.Change}, {"year before", r.YearAgo, r.Year}}
		if d.sameYear() {
			periods = periods[:1]
		}
		for _, pc := range periods {

			out = append(out, Item{Key: r.App + " " + pc.key,
				Label:   fmt.Sprintf("%s, %s %s: %s (%s)", name, pc.key, windowOf(pc.p.From, pc.p.To), figures.FormatTotal(pc.p.Total), coverageText(pc.p, r.Launch, d.Market)),
				Explain: func() figures.Explanation { return d.explainPeriod(r, pc.p) }})
			against := map[string]string{"previous": "the previous window", "year before": "the year before"}[pc.key]
			out = append(out, Item{Key: r.App + " vs " + pc.key, Label: fmt.Sprintf("%s against %s: %s", name, against, pc.c.Text),
				Explain: func() figures.Explanation { return d.explainChange(r, pc.p, pc.c) }})
		}
	}
	return out
}

// explainPeriod explains one app's total over a window.
func (d RankingData) explainPeriod(r RankRow, p RankPeriod) figures.Explanation {
	if p.Unlaunched {
		return figures.Explanation{What: r.node.Label + " " + windowOf(p.From, p.To), Number: "n/a",
			Steps: []string{fmt.Sprintf("launched in %s in %s, after %s: nothing to install there in that window", d.Market, r.Launch, p.To)}}
	}
	e := figures.ExplainTotal(r.node, d.Sel.Ranking, p.Start, p.To)
	if p.Start != p.From {
		e.Steps = append([]string{fmt.Sprintf("launched in %s in %s: the total counts from then, not from %s", d.Market, p.Start, p.From)}, e.Steps...)
	}
	return e
}

// explainChange explains one app's change from an earlier window.
func (d RankingData) explainChange(r RankRow, before RankPeriod, c figures.Change) figures.Explanation {
	if before.Unlaunched || r.Now.Unlaunched {
		e := d.explainPeriod(r, r.Now)
		e.What += " against " + windowOf(before.From, before.To)
		e.Number = c.Text
		e.Steps = append(e.Steps, c.Why)
		return e
	}
	e := figures.ExplainChange(r.node, d.Sel.Ranking, before.Start, before.To, r.Now.Start, r.Now.To)
	for _, p := range []RankPeriod{before, r.Now} {
		if p.Start != p.From {
			e.Steps = append(e.Steps, fmt.Sprintf("launched in %s in %s: the total over %s counts from then", d.Market, p.Start, windowOf(p.From, p.To)))
		}
	}
	return e
}

// coverageText writes a total's coverage: "7/12 months", "7/7 months
// from launch", "5/5 months, 3 countries" for a sum.
func coverageText(p RankPeriod, launch figures.Month, market string) string {
	if p.Unlaunched {
		return "launched " + launch.String()
	}
	s := figures.FormatCoverage(p.Total)
	if p.Start != p.From {
		s += " from launch"
	}
	if p.Total.Summed {
		s += ", " + figures.CountText(p.Total.Countries, partsKind(p.Total, market))
	}
	return s
}

// partsKind says what a sum in a market adds: the countries (worldwide,
// or a group's members) when a figure added is of another place than the
// market; else the two platforms.
func partsKind(t figures.Total, market string) string {
	for _, f := range t.Used {
		if f.Country != market {
			return "countries"
		}
	}
	return "platforms"
}

// renderRanking lays out the Ranking view: the apps by installs with
// coverage, the changes and the moves; then the apps that changed most.
func renderRanking(d RankingData, width int, st Styles) *Doc {
	out := &Doc{}
	market := d.Sel.MarketLabel()
	window := windowOf(d.From, d.To)
	if d.Default != "" {
		window += " (" + d.Default + ")"
	}
	title := fmt.Sprintf("Ranking by installs · %s · %s · %s", market, d.Sel.Platform.Label(), window)
	if w, ok := rankOrderWords[d.Sel.RankBy]; ok && d.Sel.RankBy != RankByInstalls {
		title += " · sorted by " + w
	}
	out.para(st.Render(st.Title, title))
	if d.Ranked == 0 {
		out.para(fmt.Sprintf("No app has a figure lying inside %s in %s. Pick another window (w) or country (g).", windowOf(d.From, d.To), market))
		return out
	}
	out.para(rankSummary(d)...)

	t := &grid{header: []string{"Rank", "", "App", "Installs", "Months covered", "vs previous", "vs year before", "Move"},
		right: []bool{true, false, false, true, false, true, true, true}}
	year := !d.sameYear()
	for _, r := range d.Rows {
		if r.Rank.Place == 0 {
			continue // named in a line under the table, and in the CSV
		}
		mark := ""
		if r.Selected >= 0 {
			mark = "▸"
		}
		t.rows = append(t.rows, []string{r.Rank.String(), mark, r.App, figures.FormatTotal(r.Now.Total),
			strings.Replace(coverageText(r.Now, r.Launch, d.Market), " months", "", 1), r.Change.Text, r.Year.Text, r.Move})
		t.styles = append(t.styles, r.Selected)
	}
	if !year {
		t = t.columns([]int{0, 1, 2, 3, 4, 5, 7})
	}
	if naturalWidth(t) > width {
		// Short headers before the grid cuts an app's name: at 80
		// columns the names are what tells the rows apart.
		short := map[string]string{"Months covered": "Months", "vs previous": "vs prev.", "vs year before": "vs year"}
		for i, h := range t.header {
			if s, ok := short[h]; ok {
				t.header[i] = s
			}
		}
	}
	out.addTable(t)
	out.csv = rankingCSV(d)
	lines := rankUnranked(d)
	lines = append(lines, rankTies(d)...)
	lines = append(lines, rankExceptions(d, year)...)
	if len(lines) > 0 {
		out.para(lines...)
	}
	out.para(rankMovers(d)...)

	out.used = d.used
	notes := []string{"Ranked by the installs in the window as shown; equal totals share a place (3=). A rank in brackets rests on a total that leaves months out (≥): that app may stand higher, and the apps ranked around it lower. " +
		"A change is plain only between totals that both cover their windows whole and count the same thing; ≥ and ≤ mark a bound, n/a none. " +
		"Move: places up (▲) or down (▼) against the previous window; new: launched in the market since; –: not ranked in one of them."}
	if d.Market == figures.Worldwide {
		notes = append(notes, "Worldwide is each app's WW figures where it has them, else the sum of its countries (Σ, with how many). Launches are per country, so a worldwide total never counts from one.")
	} else {
		notes = append(notes, "An app that launched in the market inside a window is counted from its launch month: before it there was nothing to install.")
	}
	if d.Disagree > 0 {
		notes = append(notes, fmt.Sprintf("The figures of %s contradict each other (the warnings below name both numbers): their totals are read by the reading rules as for any app, and may be off by the difference.",
			figures.CountText(d.Disagree, "apps")+" of "+strconv.Itoa(len(d.Rows))))
	}
	out.notes = append(append(notes, figures.MarksNote), d.warnings...)
	return out
}

// rankSummary says how many apps are ranked, where the selected apps
// stand, and what the changes are against.
func rankSummary(d RankingData) []string {
	market := "in " + figures.CountryName(d.Market)
	if d.Market == figures.Worldwide {
		market = "worldwide"
	}
	lines := []string{fmt.Sprintf("%s with figures %s; %d ranked.", figures.CountText(len(d.Rows), "apps"), market, d.Ranked)}
	if n := len(d.Rows) - d.Ranked; n > 0 {
		lines[0] = fmt.Sprintf("%s with figures %s; %d ranked, %d not (named under the table).", figures.CountText(len(d.Rows), "apps"), market, d.Ranked, n)
	}
	// The selected apps in the selection's order, where the user looks
	// for them first.
	mine := make([]string, len(d.Sel.Apps))
	for _, r := range d.Rows {
		if r.Selected < 0 {
			continue
		}
		at := "not ranked"
		if r.Rank.Place > 0 {
			at = "rank " + r.Rank.String()
		}
		mine[r.Selected] = figures.Sanitize(r.App) + " " + at
	}
	mine = slices.DeleteFunc(mine, func(s string) bool { return s == "" })
	if len(mine) > 0 {
		lines = append(lines, "▸ selected: "+strings.Join(mine, " · ")+".")
	}
	n := int(d.To-d.From) + 1
	prev := windowOf(d.From.Add(-n), d.From-1)
	if d.sameYear() {
		lines = append(lines, fmt.Sprintf("Against the previous %s, %s, which are also the year before.", figures.CountText(n, "months"), prev))
	} else {
		same := "months"
		if n == 1 {
			same = "month"
		}
		lines = append(lines, fmt.Sprintf("Against the previous %s, %s, and the same %s a year before, %s.", figures.CountText(n, "months"), prev, same, windowOf(d.From.Add(-12), d.To.Add(-12))))
	}
	return lines
}

// rankUnranked names the apps with figures in the market but none
// inside the window, with the months their figures span, and those that
// launched there after it: on a large file they outnumber the ranked
// ones, so they are a line, not rows.
func rankUnranked(d RankingData) []string {
	var none, later []string
	// The selected apps first, so that a long list never hides them.
	rows := slices.Clone(d.Rows)
	slices.SortStableFunc(rows, func(a, b RankRow) int { return cmpBool(a.Selected >= 0, b.Selected >= 0) })
	for _, r := range rows {
		switch {
		case r.Rank.Place > 0:
		case r.Now.Unlaunched:
			later = append(later, fmt.Sprintf("%s (%s)", figures.Sanitize(r.App), r.Launch))
		default:
			none = append(none, fmt.Sprintf("%s (%s)", figures.Sanitize(r.App), windowOf(r.First, r.Last)))
		}
	}
	var lines []string
	if len(none) > 0 {
		lines = append(lines, fmt.Sprintf("Not ranked, no figure lying inside the window: %s.", joinNames(none, 6)))
	}
	if len(later) > 0 {
		lines = append(lines, fmt.Sprintf("Not ranked, launched in the market after the window: %s.", joinNames(later, 6)))
	}
	return lines
}

// cmpBool orders true before false.
func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// rankTies names the apps that share a place.
func rankTies(d RankingData) []string {
	var lines, ties []string
	for _, r := range d.Rows {
		if !r.Rank.Tied || containsString(ties, strconv.Itoa(r.Rank.Place)) {
			continue
		}
		var names []string
		for _, o := range d.Rows {
			if o.Rank.Place == r.Rank.Place {
				names = append(names, figures.Sanitize(o.App))
			}
		}
		ties = append(ties, strconv.Itoa(r.Rank.Place))
		lines = append(lines, fmt.Sprintf("Tied at %s, each %s: %s.", r.Rank, figures.FormatTotal(r.Now.Total), joinNames(names, 6)))
	}
	return lines
}

// naturalWidth is the width a table takes with no cell cut.
func naturalWidth(t *grid) int {
	n := 2 * (len(t.header) - 1)
	for i, h := range t.header {
		w := textfit.Width(h)
		for _, r := range t.rows {
			w = max(w, textfit.Width(r[i]))
		}
		n += w
	}
	return n
}

// rankExceptions says, for each column of changes, which apps show no
// plain change and why, grouped by the reason.
func rankExceptions(d RankingData, year bool) []string {
	var lines []string
	cols := []struct {
		what string
		get  func(RankRow) figures.Change
	}{{"the previous window", func(r RankRow) figures.Change { return r.Change }}}
	if year {
		cols = append(cols, struct {
			what string
			get  func(RankRow) figures.Change
		}{"the year before", func(r RankRow) figures.Change { return r.Year }})
	}
	for _, c := range cols {
		var whys []string
		by := map[string][]string{}
		for _, r := range d.Rows {
			ch := c.get(r)
			if ch.Why == "" || r.Rank.Place == 0 || ch.Text == "new" { // the notes say what new is
				continue
			}
			label := ch.Text
			switch {
			case ch.NA():
			case ch.Bound > 0:
				label = figures.MarkAtLeast
			case ch.Bound < 0:
				label = "≤"
			default:
				label = "not plain"
			}
			key := label + "\x00" + ch.Why
			if _, ok := by[key]; !ok {
				whys = append(whys, key)
			}
			by[key] = append(by[key], figures.Sanitize(r.App))
		}
		for _, k := range whys {
			label, why, _ := strings.Cut(k, "\x00")
			lines = append(lines, fmt.Sprintf("Against %s, %s for %s: %s.", c.what, label, joinNames(by[k], 6), why))
		}
	}
	return lines
}

// rankMovers names the largest rises and falls against the previous
// window, among the apps whose change there is plain.
func rankMovers(d RankingData) []string {
	var plain []RankRow
	for _, r := range d.Rows {
		if r.Change.Comparable {
			plain = append(plain, r)
		}
	}
	if len(plain) == 0 {
		return []string{"Top movers: none, as no app's totals cover both this window and the previous one whole and count the same thing."}
	}
	slices.SortStableFunc(plain, func(a, b RankRow) int { return compareChange(a.Change, b.Change) })
	var up, down []string
	for _, r := range plain {
		// A change that rounds to +0% moved nobody.
		if r.Change.Value > 0 && !strings.HasPrefix(r.Change.Text, "+0%") && len(up) < moversShown {
			up = append(up, figures.Sanitize(r.App)+" "+r.Change.Text)
		}
	}
	for i := len(plain) - 1; i >= 0; i-- {
		if r := plain[i]; strings.HasPrefix(r.Change.Text, "-") && len(down) < moversShown {
			down = append(down, figures.Sanitize(r.App)+" "+r.Change.Text)
		}
	}
	none := func(s []string, word string) string {
		if len(s) == 0 {
			return "none " + word
		}
		return strings.Join(s, " · ")
	}
	return []string{
		fmt.Sprintf("Top movers against the previous window, at most %d each way, among the apps whose change is plain (%d of %d ranked):", moversShown, len(plain), d.Ranked),
		"Up: " + none(up, "rose"),
		"Down: " + none(down, "fell"),
	}
}

// joinNames lists names, at most limit of them and then how many more.
func joinNames(names []string, limit int) string {
	if len(names) <= limit {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:limit], ", ") + fmt.Sprintf(" and %d more", len(names)-limit)
}

// rankingCSV is the ranking with raw numbers, a row per app.
func rankingCSV(d RankingData) [][]string {
	rows := [][]string{{"rank", "app", "country", "platform", "from", "to", "installs", "months_covered", "months_in_window", "estimate", "summed", "at_least",
		"previous_installs", "change_previous", "previous_comparable", "year_before_installs", "change_year", "year_comparable", "rank_previous",
		"launched", "change_previous_bound", "change_year_bound",
		"previous_estimate", "previous_summed", "previous_at_least", "year_before_estimate", "year_before_summed", "year_before_at_least"}}
	num := func(t figures.Total) string {
		if t.Empty() {
			return ""
		}
		return strconv.FormatInt(t.Installs, 10)
	}
	change := func(c figures.Change) string {
		if c.NA() {
			return ""
		}
		// Six decimals, as Share's CSV writes fractions: 0.2, not the
		// float's 0.19999999999999996 (found by a review).
		return strconv.FormatFloat(c.Value, 'f', 6, 64)
	}
	bound := func(c figures.Change) string {
		switch {
		case c.NA():
			return ""
		case c.Bound > 0:
			return "at_least"
		case c.Bound < 0:
			return "at_most"
		}
		return "exact"
	}
	place := func(r figures.Rank) string {
		if r.Place == 0 {
			return ""
		}
		return strconv.Itoa(r.Place)
	}
	for _, r := range d.Rows {
		t := r.Now.Total
		row := []string{place(r.Rank), r.App, d.Market, d.Sel.Platform.String(), r.Now.Start.String(), r.Now.To.String(),
			num(t), strconv.Itoa(t.Covered), strconv.Itoa(t.Months), figures.YesNo(t.Estimate), figures.YesNo(t.Summed), figures.YesNo(!t.Empty() && !t.Full()),
			num(r.Previous.Total), change(r.Change), figures.YesNo(r.Change.Comparable),
			num(r.YearAgo.Total), change(r.Year), figures.YesNo(r.Year.Comparable), place(r.PrevRank),
			launchText(r.Launch), bound(r.Change), bound(r.Year)}
		// The earlier totals' marks, as the window's: a change is read
		// against them.
		for _, p := range []figures.Total{r.Previous.Total, r.YearAgo.Total} {
			row = append(row, figures.YesNo(p.Estimate), figures.YesNo(p.Summed), figures.YesNo(!p.Empty() && !p.Full()))
		}
		rows = append(rows, row)
	}
	return rows
}
