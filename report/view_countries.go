package report

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/textfit"
)

// countriesView: a bar per country for the first selected app.
func countriesView() View {
	return View{
		Name: "countries", Title: "Countries",
		Load: func(src Source, sel Selection) (Data, error) { return LoadCountries(src, sel) },
		Label: func(sel Selection) string {
			return firstApp(sel) + " · " + countriesWhat(sel) + " · " + sel.Platform.Label() + " · " + sel.WindowLabel()
		},
		Mode: noMode,
	}
}

// Layout lays out the Countries view, which has no chart to fit.
func (d CountriesData) Layout(width, _ int, st Styles) *Doc { return renderCountries(d, width, st) }

// Warnings are the reading rules' warnings about the countries.
func (d CountriesData) Warnings() []string { return d.warnings }

// Empty says why there is nothing to show.
func (d CountriesData) Empty() error {
	if len(d.Rows) == 0 && d.Sel.Group.Name != "" {
		return fmt.Errorf("%w: no figures for %s in any of the %s of %s in %s", ErrNothingToShow, firstApp(d.Sel), figures.CountText(len(d.Sel.Group.Members), "members"), d.Sel.Group.Label(), d.Sel.WindowLabel())
	}
	if len(d.Rows) == 0 {
		return fmt.Errorf("%w: no country figures for %s in %s (figures for worldwide alone do not split by country)", ErrNothingToShow, firstApp(d.Sel), d.Sel.WindowLabel())
	}
	return nil
}

// CountryRow is one bar of the Countries view.
type CountryRow struct {
	Country string // a code; for a group's row, the group's key (Group.Key)
	Total   figures.Total
	Share   float64 // of the sum of the rows, 0–1
	// Launched: the app launched in the country inside the window, so the
	// total is over the months from the launch (before it there was
	// nothing to install, which is known, not a gap).
	Launched figures.Month
	// Group is the group of a group's row (Selection.GroupRows): its total
	// is the Σ of its members', Total.Countries of them with figures.
	Group figures.Group
	// Beside: a user's group, shown beside the regions but not added into
	// the sum, since it overlaps them.
	Beside bool
	node   figures.Node // the series behind it, for its provenance
}

// CountriesData is what the Countries view draws, for the first app.
type CountriesData struct {
	Sel       Selection
	App       string
	From, To  figures.Month
	Rows      []CountryRow
	Sum       int64
	Estimate  bool // an estimate is in the sum
	Summed    bool // a country's number is itself a sum (of its platforms)
	AtLeast   bool // a country's number is a lower bound
	World     figures.Total
	worldNode figures.Node
	// Market is the Σ of the group's members when the market is a group.
	Market     figures.Total
	marketNode figures.Node
	parts      []CountryRow // with GroupRows: the countries the rows add up
	warnings   []string
}

// Items lists each country's total and the worldwide figures' total, for
// the provenance panel.
func (d CountriesData) Items() []Item {
	var out []Item
	for _, r := range d.Rows {
		r, from := r, d.From
		if r.Launched != 0 {
			from = r.Launched
		}
		out = append(out, Item{Key: r.Country, Label: rowLabel(r) + " " + figures.FormatTotal(r.Total) + " " + d.shareOf(r),
			Explain: func() figures.Explanation { return figures.ExplainTotal(r.node, d.Sel.Ranking, from, d.To) }})
	}
	if g := d.Sel.Group; g.Name != "" && !d.Market.Empty() && !slices.ContainsFunc(d.Rows, func(r CountryRow) bool { return r.Country == g.Key() }) {
		out = append(out, Item{Key: g.Key(), Label: g.Label() + " " + figures.FormatTotal(d.Market),
			Explain: func() figures.Explanation { return figures.ExplainTotal(d.marketNode, d.Sel.Ranking, d.From, d.To) }})
	}
	if !d.World.Empty() {
		out = append(out, Item{Key: figures.Worldwide, Label: "WW Worldwide figures " + figures.FormatTotal(d.World),
			Explain: func() figures.Explanation { return figures.ExplainTotal(d.worldNode, d.Sel.Ranking, d.From, d.To) }})
	}
	return out
}

// LoadCountries reads the first selected app in every country (in every
// member, when the market is a group), on the selected platform; or in
// every region and user's group (GroupRows).
func LoadCountries(src Source, sel Selection) (CountriesData, error) {
	sel, err := resolveMarket(src, sel)
	if err != nil {
		return CountriesData{Sel: sel}, err
	}
	d := CountriesData{Sel: sel}
	if len(sel.Apps) == 0 {
		return d, nil
	}
	d.App = sel.Apps[0]
	series, launchedIn, err := appData(src, d.App)
	if err != nil {
		return d, err
	}
	world := worldNode(d.App, series, launchedIn, sel.Platform)
	spanned := world
	if sel.Group.Name != "" {
		// The window left open is the group's own span.
		d.marketNode = groupNode(d.App, sel.Group, series, launchedIn, sel.Platform)
		spanned = d.marketNode
	}
	first, last, ok := figures.Span(nodeFigures(spanned)...)
	if !ok && (sel.From == 0 || sel.To == 0) {
		return d, nil
	}
	d.From, d.To = sel.window(first, last)
	if d.To < d.From {
		return d, fmt.Errorf("the window %s is empty (from must not be after to)", sel.WindowLabel())
	}
	launched := map[string]figures.Month{} // inside the window
	for c, m := range launchedIn {
		if m > d.From && m <= d.To {
			launched[c] = m
		}
	}
	for _, c := range sortedCountries(series) {
		if sel.Group.Name != "" && !sel.Group.Has(c) {
			continue
		}
		from := d.From
		if l, ok := launched[c]; ok {
			from = l
		}
		node := platformNode(d.App, c, series[c], sel.Platform)
		t := figures.NodeTotal(node, sel.Ranking, from, d.To)
		if t.Empty() {
			continue
		}
		d.Rows = append(d.Rows, CountryRow{Country: c, Total: t, Launched: launched[c], node: node})
	}
	if sel.Group.Name != "" {
		d.Market = figures.NodeTotal(d.marketNode, sel.Ranking, d.From, d.To)
	}
	if sel.GroupRows {
		if err := d.groupRows(src, series, launchedIn); err != nil {
			return d, err
		}
	}
	for _, r := range d.Rows {
		if r.Beside {
			continue
		}
		d.Sum += r.Total.Installs
		d.Estimate = d.Estimate || r.Total.Estimate
		d.Summed = d.Summed || r.Total.Summed
		d.AtLeast = d.AtLeast || !r.Total.Full()
	}
	// Largest first; a user's group, outside the sum, after the rows in it.
	sort.SliceStable(d.Rows, func(i, j int) bool {
		a, b := d.Rows[i], d.Rows[j]
		if a.Beside != b.Beside {
			return b.Beside
		}
		return a.Total.Installs > b.Total.Installs
	})
	for i := range d.Rows {
		if d.Sum > 0 {
			d.Rows[i].Share = float64(d.Rows[i].Total.Installs) / float64(d.Sum)
		}
	}
	// Worldwide as the WW figures give it, never the countries' own sum.
	d.worldNode = platformNode(d.App, figures.Worldwide, series[figures.Worldwide], sel.Platform)
	d.World = figures.NodeTotal(d.worldNode, sel.Ranking, d.From, d.To)
	if d.World.Tie != nil {
		d.warnings = append(d.warnings, tieWarning(d.App, figures.Worldwide, windowOf(d.From, d.To), d.World))
	}
	for _, r := range append(slices.Clone(d.Rows), d.parts...) {
		if r.Total.Tie != nil {
			d.warnings = append(d.warnings, tieWarning(d.App, r.Country, windowOf(d.From, d.To), r.Total))
		}
		if srcs := r.Total.Sources(); len(srcs) > 1 {
			d.warnings = append(d.warnings, fmt.Sprintf("%s %s: the total draws on %d sources (%s), each where it ranks highest",
				figures.Sanitize(d.App), figures.Sanitize(r.Country), len(srcs), sourceList(srcs)))
		}
	}
	d.warnings = append(d.warnings, figures.NodeDisagreements(world, sel.Ranking)...)
	d.warnings = dedupe(d.warnings)
	return d, nil
}

// coverageOf writes a row's coverage: "7/7 months", or "1/1 months
// from launch" for a country the app reached inside the window.
func coverageOf(r CountryRow) string {
	switch {
	case r.Group.Name != "":
		return fmt.Sprintf("%s, %d/%d members", figures.FormatCoverage(r.Total), r.Total.Countries, len(r.Group.Members))
	case r.Launched != 0:
		return figures.FormatCoverage(r.Total) + " from launch"
	}
	return figures.FormatCoverage(r.Total)
}

// rowLabel names a row: "IN India", "Southeast Asia (035)", "MENA (group)".
func rowLabel(r CountryRow) string {
	if r.Group.Name != "" {
		return r.Group.Label()
	}
	return figures.CountryLabel(r.Country)
}

// launchText writes a launch month for CSV, or nothing.
func launchText(m figures.Month) string {
	if m == 0 {
		return ""
	}
	return m.String()
}

// shareOf writes a row's share of the sum, marked as what it is built
// on: an estimate anywhere in the sum makes every share one. When a
// country's number is a lower bound, so is the sum: a whole country's
// share is then at most what it says (≤), and a partial one's is no
// bound either way, so it is shown in brackets.
func (d CountriesData) shareOf(r CountryRow) string {
	s := figures.FormatShare(r.Share, d.Estimate, r.Total.Summed)
	switch {
	case !d.AtLeast || len(d.Rows) == 1:
		return s
	case r.Total.Full():
		return "≤" + s
	}
	return "(" + s + ")"
}

// renderCountries lays out the Countries view: one bar per country,
// largest first, with installs, share of the total and coverage.
func renderCountries(d CountriesData, width int, st Styles) *Doc {
	out := &Doc{}
	by := "country"
	if d.Sel.GroupRows {
		by = "region"
	}
	if d.Sel.Group.Name != "" {
		by += " in " + d.Sel.Group.Label()
	}
	out.para(st.Render(st.Title, fmt.Sprintf("Installs by %s · %s · %s", by, figures.Sanitize(d.App), d.Sel.Platform.Label()+" · "+windowOf(d.From, d.To))))
	if len(d.Rows) == 0 {
		what := "No country figures for " + figures.Sanitize(d.App)
		if d.Sel.Group.Name != "" {
			what = "No figures for " + figures.Sanitize(d.App) + " in any member of " + d.Sel.Group.Label()
		}
		out.para(what + " in this window. Pick another app (p) or window (w).")
		return out
	}
	first := "Country"
	if d.Sel.GroupRows {
		first = "Region"
	}
	t := &grid{header: []string{first, "", "Installs", "Share", "Coverage"}, right: []bool{false, false, true, true, true}}
	names := make([]string, len(d.Rows))
	nameW, instW, shareW, covW := len("Country"), len("Installs"), len("Share"), len("Coverage")
	for i, r := range d.Rows {
		names[i] = rowLabel(r)
		nameW = max(nameW, textfit.Width(names[i]))
		instW = max(instW, textfit.Width(figures.FormatTotal(r.Total)))
		shareW = max(shareW, textfit.Width(d.shareOf(r)))
		covW = max(covW, textfit.Width(coverageOf(r)))
	}
	nameW = min(nameW, 22)
	barW := width - nameW - instW - shareW - covW - 8
	if barW < 4 {
		barW = 0
	}
	// The share is written in full (shortest exact form), so that the
	// shares of many countries add to 1 as they should.
	out.csv = [][]string{{"country", "name", "platform", "installs", "share", "covered_months", "window_months", "launched", "estimate", "summed", "at_least", "sources"}}
	if d.Sel.GroupRows {
		// A region's or a group's row: its members, how many of them have
		// figures, and whether it is in the sum of the rows.
		out.csv[0] = append(out.csv[0], "members", "members_with_figures", "in_sum")
	}
	if d.Sel.Group.Name != "" {
		out.csv[0] = append(out.csv[0], "group") // the market the rows are of
	}
	// The bars' scale: the largest row, a user's group beside the sum
	// included, so that no bar is cut to fit.
	top := 0.0
	for _, r := range d.Rows {
		top = max(top, float64(r.Total.Installs))
	}
	for i, r := range d.Rows {
		bar := ""
		if barW > 0 && top > 0 {
			bar = barOf(float64(r.Total.Installs)/top, barW)
		}
		t.rows = append(t.rows, []string{names[i], bar, figures.FormatTotal(r.Total), d.shareOf(r), coverageOf(r)})
		name := figures.CountryName(r.Country)
		if r.Group.Name != "" {
			name = r.Group.Name
		}
		row := []string{r.Country, name, d.Sel.Platform.String(), strconv.FormatInt(r.Total.Installs, 10),
			strconv.FormatFloat(r.Share, 'f', -1, 64), strconv.Itoa(r.Total.Covered), strconv.Itoa(r.Total.Months), launchText(r.Launched),
			figures.YesNo(r.Total.Estimate), figures.YesNo(r.Total.Summed), figures.YesNo(!r.Total.Full()), strings.Join(r.Total.Sources(), "; ")}
		if d.Sel.GroupRows {
			members, with := "", ""
			if r.Group.Name != "" {
				members, with = strings.Join(r.Group.Members, " "), strconv.Itoa(r.Total.Countries)
			}
			row = append(row, members, with, figures.YesNo(!r.Beside))
		}
		if d.Sel.Group.Name != "" {
			row = append(row, d.Sel.Group.Key())
		}
		out.csv = append(out.csv, row)
	}
	if barW == 0 {
		t.header = append(t.header[:1], t.header[2:]...)
		t.right = append(t.right[:1], t.right[2:]...)
		for i := range t.rows {
			t.rows[i] = append(t.rows[i][:1], t.rows[i][2:]...)
		}
	}
	out.addTable(t)

	sum := figures.FormatInstalls(float64(d.Sum)) + figures.Marks(false, d.Estimate, d.Summed)
	if d.AtLeast {
		sum = figures.MarkAtLeast + sum
	}
	inSum, regions := 0, 0
	for _, r := range d.Rows {
		if !r.Beside {
			inSum++
			if r.Group.Name != "" {
				regions++
			}
		}
	}
	lines := []string{fmt.Sprintf("%s add to %s.", figures.CountText(inSum, "countries"), sum)}
	shown := "countries"
	switch {
	case d.Sel.Group.Name != "":
		// The group's own Σ, as the reading rules add its members.
		shown = "members"
		if d.Sel.GroupRows {
			shown = "regions"
		}
		lines = []string{fmt.Sprintf("%s in %s: %s over %s, the sum of the %s shown.", figures.Sanitize(d.App), d.Sel.Group.Label(),
			figures.FormatTotal(d.Market), figures.FormatCoverage(d.Market), shown), membersLine(d.Sel.Group, d.membersWithFigures()) + "."}
	case d.Sel.GroupRows:
		shown = "regions"
		lines[0] = fmt.Sprintf("%s add to %s.", figures.CountText(regions, "regions"), sum)
		if loose := inSum - regions; loose > 0 {
			lines[0] = fmt.Sprintf("%s and %s in no region add to %s.", figures.CountText(regions, "regions"), figures.CountText(loose, "countries"), sum)
		}
	case inSum == 1:
		lines[0] = fmt.Sprintf("1 country gives %s.", sum)
	}
	if !d.World.Empty() {
		w := fmt.Sprintf("Worldwide figures give %s over %s", figures.FormatTotal(d.World), figures.FormatCoverage(d.World))
		if d.World.Full() && d.World.Installs > 0 {
			share := figures.FormatShare(float64(d.Sum)/float64(d.World.Installs), d.Estimate || d.World.Estimate, d.Summed || d.World.Summed)
			if d.AtLeast {
				share = figures.MarkAtLeast + share
			}
			w += fmt.Sprintf("; the %s shown are %s of it", shown, share)
		}
		lines = append(lines, w+".")
	}
	out.para(lines...)
	used := make([][]figures.Figure, 0, len(d.Rows)+1)
	for _, r := range d.Rows {
		used = append(used, r.Total.Used)
	}
	out.used = sourcesOf(append(used, d.World.Used)...)
	note := "Shares are of the sum of the countries shown."
	switch {
	case d.Sel.GroupRows:
		note = "Shares are of the sum of the regions shown: each region is the sum (Σ) of its members' figures (Coverage: months, then members with figures), and no country is in two regions."
		if d.Sel.Group.Name != "" {
			note += " With " + d.Sel.Group.Label() + " as the market, each region counts only its members in it."
		}
		if beside := besideNames(d.Rows); beside != "" {
			note += " Your groups (" + beside + ") overlap the regions: they are listed after them, with shares of the same sum, and not added into it."
		}
	case d.Sel.Group.Name != "":
		note = "Shares are of the sum of the members shown, the figures of " + d.Sel.Group.Label() + "."
	}
	if launchedIn(d.Rows) {
		note += " A country the app launched in inside the window is counted from its launch month."
	}
	if d.AtLeast && len(d.Rows) > 1 {
		note += " The countries' figures cover different months of the window (see Coverage), so the shares compare unequal spans: with a lower bound (≥) in the sum, a whole country's share is at most (≤) what it says, and a partial one's (in brackets) is no bound either way."
	}
	out.notes = append([]string{note + " " + figures.MarksNote}, d.warnings...)
	return out
}

func launchedIn(rows []CountryRow) bool {
	for _, r := range rows {
		if r.Launched != 0 {
			return true
		}
	}
	return false
}

// barOf draws a bar of frac×width columns with eighth-block precision;
// frac is clamped to 0..1, so that the bar never passes its column.
func barOf(frac float64, width int) string {
	if width <= 0 || !(frac > 0) { // NaN, zero and below draw nothing
		return ""
	}
	frac = min(frac, 1)
	eighths := int(frac*float64(width)*8 + 0.5)
	if eighths == 0 && frac > 0 {
		eighths = 1 // a country with installs never shows as nothing
	}
	full, rest := eighths/8, eighths%8
	s := strings.Repeat("█", full)
	if rest > 0 {
		s += string([]rune("▏▎▍▌▋▊▉")[rest-1])
	}
	return s
}
