package report

import (
	"fmt"
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
			return firstApp(sel) + " · every country · " + sel.Platform.Label() + " · " + sel.WindowLabel()
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
	if len(d.Rows) == 0 {
		return fmt.Errorf("%w: no country figures for %s in %s (figures for worldwide alone do not split by country)", ErrNothingToShow, firstApp(d.Sel), d.Sel.WindowLabel())
	}
	return nil
}

// CountryRow is one bar of the Countries view.
type CountryRow struct {
	Country string
	Total   figures.Total
	Share   float64 // of the sum of the rows, 0–1
	// Launched: the app launched in the country inside the window, so the
	// total is over the months from the launch (before it there was
	// nothing to install, which is known, not a gap).
	Launched figures.Month
	node     figures.Node // the series behind it, for its provenance
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
	warnings  []string
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
		out = append(out, Item{Key: r.Country, Label: figures.CountryLabel(r.Country) + " " + figures.FormatTotal(r.Total) + " " + d.shareOf(r),
			Explain: func() figures.Explanation { return figures.ExplainTotal(r.node, d.Sel.Ranking, from, d.To) }})
	}
	if !d.World.Empty() {
		out = append(out, Item{Key: figures.Worldwide, Label: "WW Worldwide figures " + figures.FormatTotal(d.World),
			Explain: func() figures.Explanation { return figures.ExplainTotal(d.worldNode, d.Sel.Ranking, d.From, d.To) }})
	}
	return out
}

// LoadCountries reads the first selected app in every country, on the
// selected platform.
func LoadCountries(src Source, sel Selection) (CountriesData, error) {
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
	first, last, ok := figures.Span(nodeFigures(world)...)
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
		d.Sum += t.Installs
		d.Estimate = d.Estimate || t.Estimate
		d.Summed = d.Summed || t.Summed
		d.AtLeast = d.AtLeast || !t.Full()
	}
	sort.SliceStable(d.Rows, func(i, j int) bool { return d.Rows[i].Total.Installs > d.Rows[j].Total.Installs })
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
	for _, r := range d.Rows {
		if r.Total.Tie != nil {
			d.warnings = append(d.warnings, tieWarning(d.App, r.Country, windowOf(d.From, d.To), r.Total))
		}
		if srcs := r.Total.Sources(); len(srcs) > 1 {
			d.warnings = append(d.warnings, fmt.Sprintf("%s %s: the total draws on %d sources (%s), each where it ranks highest",
				figures.Sanitize(d.App), r.Country, len(srcs), sourceList(srcs)))
		}
	}
	d.warnings = append(d.warnings, figures.NodeDisagreements(world, sel.Ranking)...)
	d.warnings = dedupe(d.warnings)
	return d, nil
}

// coverageOf writes a row's coverage: "7/7 months", or "1/1 months
// from launch" for a country the app reached inside the window.
func coverageOf(r CountryRow) string {
	if r.Launched != 0 {
		return figures.FormatCoverage(r.Total) + " from launch"
	}
	return figures.FormatCoverage(r.Total)
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
	out.para(st.Render(st.Title, fmt.Sprintf("Installs by country · %s · %s", figures.Sanitize(d.App), d.Sel.Platform.Label()+" · "+windowOf(d.From, d.To))))
	if len(d.Rows) == 0 {
		out.para("No country figures for " + figures.Sanitize(d.App) + " in this window. Pick another app (p) or window (w).")
		return out
	}
	t := &grid{header: []string{"Country", "", "Installs", "Share", "Coverage"}, right: []bool{false, false, true, true, true}}
	names := make([]string, len(d.Rows))
	nameW, instW, shareW, covW := len("Country"), len("Installs"), len("Share"), len("Coverage")
	for i, r := range d.Rows {
		names[i] = figures.CountryLabel(r.Country)
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
	top := float64(d.Rows[0].Total.Installs)
	for i, r := range d.Rows {
		bar := ""
		if barW > 0 && top > 0 {
			bar = barOf(float64(r.Total.Installs)/top, barW)
		}
		t.rows = append(t.rows, []string{names[i], bar, figures.FormatTotal(r.Total), d.shareOf(r), coverageOf(r)})
		out.csv = append(out.csv, []string{r.Country, figures.CountryName(r.Country), d.Sel.Platform.String(), strconv.FormatInt(r.Total.Installs, 10),
			strconv.FormatFloat(r.Share, 'f', -1, 64), strconv.Itoa(r.Total.Covered), strconv.Itoa(r.Total.Months), launchText(r.Launched),
			figures.YesNo(r.Total.Estimate), figures.YesNo(r.Total.Summed), figures.YesNo(!r.Total.Full()), strings.Join(r.Total.Sources(), "; ")})
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
	lines := []string{fmt.Sprintf("%s add to %s.", figures.CountText(len(d.Rows), "countries"), sum)}
	if len(d.Rows) == 1 {
		lines[0] = fmt.Sprintf("1 country gives %s.", sum)
	}
	if !d.World.Empty() {
		w := fmt.Sprintf("Worldwide figures give %s over %s", figures.FormatTotal(d.World), figures.FormatCoverage(d.World))
		if d.World.Full() && d.World.Installs > 0 {
			share := figures.FormatShare(float64(d.Sum)/float64(d.World.Installs), d.Estimate || d.World.Estimate, d.Summed || d.World.Summed)
			if d.AtLeast {
				share = figures.MarkAtLeast + share
			}
			w += fmt.Sprintf("; the countries shown are %s of it", share)
		}
		lines = append(lines, w+".")
	}
	out.para(lines...)
	n := len(d.World.Used)
	for _, r := range d.Rows {
		n += len(r.Total.Used)
	}
	used := make([]figures.Figure, 0, n)
	for _, r := range d.Rows {
		used = append(used, r.Total.Used...)
	}
	used = append(used, d.World.Used...)
	out.used = sourcesOf(used)
	note := "Shares are of the sum of the countries shown."
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
