package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// renderCountries lays out the Countries view: one bar per country,
// largest first, with installs, share of the total and coverage.
func renderCountries(d CountriesData, width int, st Styles) *doc {
	out := &doc{}
	out.para(st.render(st.Title, fmt.Sprintf("Installs by country · %s · %s", figures.Sanitize(d.App), windowOf(d.From, d.To))))
	if len(d.Rows) == 0 {
		out.para("No country figures for " + figures.Sanitize(d.App) + " in this window. Pick another app (p) or window (w).")
		return out
	}
	t := &grid{header: []string{"Country", "", "Installs", "Share", "Coverage"}, right: []bool{false, false, true, true, true}}
	names := make([]string, len(d.Rows))
	nameW, instW, covW := len("Country"), len("Installs"), len("Coverage")
	for i, r := range d.Rows {
		names[i] = figures.CountryLabel(r.Country)
		nameW = max(nameW, displayWidth(names[i]))
		instW = max(instW, displayWidth(fmtTotal(r.Total)))
		covW = max(covW, displayWidth(fmtCoverage(r.Total)))
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
		t.rows = append(t.rows, []string{names[i], bar, fmtTotal(r.Total), fmtShare(r.Share), fmtCoverage(r.Total)})
		out.csv = append(out.csv, []string{r.Country, figures.CountryName(r.Country), strconv.FormatInt(r.Total.Installs, 10),
			strconv.FormatFloat(r.Share, 'f', 4, 64), strconv.Itoa(r.Total.Covered), strconv.Itoa(r.Total.Months), yesNo(r.Total.Estimate)})
	}
	if barW == 0 {
		t.header = append(t.header[:1], t.header[2:]...)
		t.right = append(t.right[:1], t.right[2:]...)
		for i := range t.rows {
			t.rows[i] = append(t.rows[i][:1], t.rows[i][2:]...)
		}
	}
	out.addTable(t)

	sum := figures.FormatInstalls(float64(d.Sum)) + marks(false, d.Estimate, false)
	lines := []string{fmt.Sprintf("%d countries add to %s.", len(d.Rows), sum)}
	if !d.World.Empty() {
		w := fmt.Sprintf("Worldwide figures give %s over %s", fmtTotal(d.World), fmtCoverage(d.World))
		if d.World.Full() && d.World.Installs > 0 {
			w += fmt.Sprintf("; the countries shown are %s of it", fmtShare(float64(d.Sum)/float64(d.World.Installs)))
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
	out.notes = append([]string{"Shares are of the sum of the countries shown. " + marksNote}, d.Warnings...)
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

func fmtShare(f float64) string {
	return strconv.FormatFloat(f*100, 'f', 1, 64) + "%"
}
