package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// renderCompare lays out the Compare view: cumulative curves of the apps
// in one country, on the calendar or since each launch, and a table at
// the milestones with each app's ratio to the first.
func renderCompare(d CompareData, width, chartHeight int, st Styles) *doc {
	out := &doc{}
	names := make([]string, len(d.Apps))
	for i, a := range d.Apps {
		names[i] = figures.Sanitize(a.App)
	}
	axis := "on the calendar"
	if d.Sel.SinceLaunch {
		axis = "since launch"
	}
	title := st.render(st.Title, fmt.Sprintf("Cumulative installs %s · %s · %s", axis, figures.CountryLabel(d.Sel.Country), strings.Join(names, " vs ")))
	if len(d.Apps) == 0 || d.From == 0 {
		out.para(title)
		out.para("No figures for the selected apps in " + figures.CountryLabel(d.Sel.Country) + ". Pick two or more apps (p) and a country where they have figures (g).")
		return out
	}
	var launches []string
	for _, a := range d.Apps {
		l := "no launch month set"
		if a.HasLaunch {
			l = "launched " + a.Launch.String()
		}
		launches = append(launches, fmt.Sprintf("%s %s", figures.Sanitize(a.App), l))
	}
	out.para(title, strings.Join(launches, " · "))

	series := make([]chartSeries, len(d.Apps))
	for i, a := range d.Apps {
		series[i] = chartSeries{Name: a.App, Values: values(a.Curve), Spread: spreadOf(a.Curve)}
	}
	labels := monthLabels(d.From, d.To)
	if d.Sel.SinceLaunch {
		labels = sinceLabels(d.Months)
	}
	out.chart(drawChart(series, labels, width, chartHeight, st))
	if h := headline(d); h != "" {
		out.para(legend(names, st), h)
	} else {
		out.para(legend(names, st))
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
			row = append(row, milestoneCell(a.Milestones[mi]))
			if i > 0 {
				row = append(row, fmtRatio(d.Apps[0].Milestones[mi], a.Milestones[mi]))
			}
		}
		t.rows = append(t.rows, row)
	}
	latest := []string{"latest"}
	for i, a := range d.Apps {
		cell := "n/a"
		if a.LatestM > 0 {
			cell = fmt.Sprintf("%s (M%d)", fmtTotal(a.Latest), a.LatestM)
		}
		latest = append(latest, cell)
		if i > 0 {
			r := "n/a"
			if a.LatestM > 0 && a.LatestM == d.Apps[0].LatestM {
				r = fmtRatio(d.Apps[0].Latest, a.Latest)
			}
			latest = append(latest, r)
		}
	}
	t.rows = append(t.rows, latest)
	out.addTable(t)

	pos := "month"
	if d.Sel.SinceLaunch {
		pos = "since_launch"
	}
	out.csv = [][]string{{pos, "app", "country", "cumulative", "kind", "estimate"}}
	var used []figures.Figure
	for _, a := range d.Apps {
		for i, p := range a.Curve.Points {
			at := p.Month.String()
			if d.Sel.SinceLaunch {
				at = "M" + strconv.Itoa(i+1)
			}
			out.csv = append(out.csv, []string{at, a.App, d.Sel.Country, rawValue(p), kindWord(p), yesNo(p.Estimate)})
		}
		used = append(used, a.Curve.Used...)
		for _, m := range a.Milestones {
			used = append(used, m.Used...)
		}
	}
	out.used = sourcesOf(used)
	out.notes = append([]string{"Milestones are totals of figures lying wholly inside the first months since launch; n/a where the figures do not cover them. The chart spreads longer figures over their months. " + marksNote}, d.Warnings...)
	return out
}

// milestoneCell writes a milestone total, n/a unless fully covered.
func milestoneCell(t figures.Total) string {
	if !t.Full() {
		return "n/a"
	}
	return fmtTotal(t)
}

// headline states the furthest milestone every app reaches, in words.
func headline(d CompareData) string {
	if len(d.Apps) < 2 {
		return ""
	}
	for mi := len(d.Milestones) - 1; mi >= 0; mi-- {
		all := true
		for _, a := range d.Apps {
			all = all && a.Milestones[mi].Full()
		}
		if !all {
			continue
		}
		first := d.Apps[0].Milestones[mi]
		parts := []string{fmt.Sprintf("%s %s", figures.Sanitize(d.Apps[0].App), fmtTotal(first))}
		for _, a := range d.Apps[1:] {
			parts = append(parts, fmt.Sprintf("%s %s (%s %s)", figures.Sanitize(a.App), fmtTotal(a.Milestones[mi]), fmtRatio(first, a.Milestones[mi]), figures.Sanitize(d.Apps[0].App)))
		}
		return fmt.Sprintf("In their first %d months in %s: %s.", d.Milestones[mi], figures.CountryName(d.Sel.Country), strings.Join(parts, " · "))
	}
	return ""
}
