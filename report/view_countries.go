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
			return firstApp(sel) + " · every country · " + sel.WindowLabel()
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
	warnings []string
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
	d.warnings = figures.Disagreements(d.App, ww, others)
	return d, nil
}

// renderCountries lays out the Countries view: one bar per country,
// largest first, with installs, share of the total and coverage.
func renderCountries(d CountriesData, width int, st Styles) *Doc {
	out := &Doc{}
	out.para(st.Render(st.Title, fmt.Sprintf("Installs by country · %s · %s", figures.Sanitize(d.App), windowOf(d.From, d.To))))
	if len(d.Rows) == 0 {
		out.para("No country figures for " + figures.Sanitize(d.App) + " in this window. Pick another app (p) or window (w).")
		return out
	}
	t := &grid{header: []string{"Country", "", "Installs", "Share", "Coverage"}, right: []bool{false, false, true, true, true}}
	names := make([]string, len(d.Rows))
	nameW, instW, covW := len("Country"), len("Installs"), len("Coverage")
	for i, r := range d.Rows {
		names[i] = figures.CountryLabel(r.Country)
		nameW = max(nameW, textfit.Width(names[i]))
		instW = max(instW, textfit.Width(figures.FormatTotal(r.Total)))
		covW = max(covW, textfit.Width(figures.FormatCoverage(r.Total)))
	}
	nameW = min(nameW, 22)
	barW := width - nameW - instW - len("Share") - 3 - covW - 8
	if barW < 4 {
		barW = 0
	}
	out.csv = [][]string{{"country", "name", "installs", "share", "covered_months", "window_months", "estimate"}}
	top := float64(d.Rows[0].Total.Installs)
	for i, r := range d.Rows {
		bar := ""
		if barW > 0 && top > 0 {
			bar = barOf(float64(r.Total.Installs)/top, barW)
		}
		t.rows = append(t.rows, []string{names[i], bar, figures.FormatTotal(r.Total), figures.FormatShare(r.Share), figures.FormatCoverage(r.Total)})
		out.csv = append(out.csv, []string{r.Country, figures.CountryName(r.Country), strconv.FormatInt(r.Total.Installs, 10),
			strconv.FormatFloat(r.Share, 'f', 4, 64), strconv.Itoa(r.Total.Covered), strconv.Itoa(r.Total.Months), figures.YesNo(r.Total.Estimate)})
	}
	if barW == 0 {
		t.header = append(t.header[:1], t.header[2:]...)
		t.right = append(t.right[:1], t.right[2:]...)
		for i := range t.rows {
			t.rows[i] = append(t.rows[i][:1], t.rows[i][2:]...)
		}
	}
	out.addTable(t)

	sum := figures.FormatInstalls(float64(d.Sum)) + figures.Marks(false, d.Estimate, false)
	lines := []string{fmt.Sprintf("%d countries add to %s.", len(d.Rows), sum)}
	if !d.World.Empty() {
		w := fmt.Sprintf("Worldwide figures give %s over %s", figures.FormatTotal(d.World), figures.FormatCoverage(d.World))
		if d.World.Full() && d.World.Installs > 0 {
			w += fmt.Sprintf("; the countries shown are %s of it", figures.FormatShare(float64(d.Sum)/float64(d.World.Installs)))
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
	out.notes = append([]string{"Shares are of the sum of the countries shown. " + figures.MarksNote}, d.warnings...)
	return out
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
