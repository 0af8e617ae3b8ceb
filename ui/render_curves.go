package ui

import (
	"fmt"

	"github.com/uptake/uptake/figures"
)

// renderCurves lays out the Curves view: the chart of the selected apps,
// then their figures month by month with month-on-month growth.
func renderCurves(d CurvesData, width, chartHeight int, st Styles) *doc {
	out := &doc{}
	mode := "per month"
	if d.Sel.Cumulative {
		mode = "cumulative"
	}
	out.para(st.render(st.Title, fmt.Sprintf("Installs %s · %s · %s", mode, figures.CountryLabel(d.Sel.Country), windowOf(d.From, d.To))))
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
	out.chart(drawChart(series, monthLabels(d.From, d.To), width, chartHeight, st))
	out.para(legend(names, st))

	t := &grid{header: []string{"Month"}, right: []bool{false}}
	for _, a := range d.Apps {
		t.header = append(t.header, figures.Sanitize(a.App), "growth")
		t.right = append(t.right, true, true)
		if d.Sel.Cumulative {
			t.header = append(t.header, "in window")
			t.right = append(t.right, true)
		}
	}
	out.csv = [][]string{{"month", "app", "country", "installs", "cumulative", "kind", "estimate", "summed"}}
	gapFrom := -1 // first month of a run in which no app has a figure
	for i := 0; i <= int(d.To-d.From); i++ {
		m := d.From.Add(i)
		if allGaps(d.Apps, i) {
			for _, a := range d.Apps {
				out.csv = append(out.csv, []string{m.String(), a.App, d.Sel.Country, "", rawValue(a.Shown.Points[i]), "gap", "no", "no"})
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
				g = growth(a.Monthly.Points[i-1], p)
			}
			row = append(row, fmtPoint(p), g)
			if d.Sel.Cumulative {
				row = append(row, fmtPoint(a.Shown.Points[i]))
			}
			out.csv = append(out.csv, []string{m.String(), a.App, d.Sel.Country, rawValue(p), rawValue(a.Shown.Points[i]), kindWord(p), yesNo(p.Estimate), yesNo(p.Summed)})
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
	out.used = sourcesOf(used)
	out.notes = append([]string{marksNote}, d.Warnings...)
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
		row = append(row, noValue, "")
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
		s += fmt.Sprintf("; worldwide summed from %d countries", c.Countries)
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
