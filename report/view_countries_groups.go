package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// The Countries view with groups: a group as the market shows its members
// (shares of the group's Σ); Selection.GroupRows shows a row per UN
// sub-region instead, each the Σ of its members. The sub-regions share no
// country, so their rows add up; the countries in none (a few outlying
// territories, ZZ) keep rows of their own, so that nothing drops out of
// the sum. The user's groups overlap the regions: their rows come after,
// outside the sum.

// countriesWhat names what the Countries view lists, for its label.
func countriesWhat(sel Selection) string {
	group := sel.Group.Name != "" || sel.Country != "" && !figures.ValidCountry(sel.Country)
	switch {
	case sel.GroupRows && group:
		return "regions of " + sel.MarketLabel()
	case sel.GroupRows:
		return "every region"
	case group:
		return "countries of " + sel.MarketLabel()
	}
	return "every country"
}

// groupRows replaces the country rows with a row per sub-region (within
// the market, when it is a group) and the countries in none; and, when
// the market is not a group, a row per user's group, beside the sum.
func (d *CountriesData) groupRows(src Source, series map[string][]figures.Figure, launched map[string]figures.Month) error {
	d.parts = d.Rows
	placed := map[string]bool{}
	var rows []CountryRow
	add := func(g figures.Group, beside bool) {
		node := groupNode(d.App, g, series, launched, d.Sel.Platform)
		if len(node.Parts) == 0 {
			return
		}
		if t := figures.NodeTotal(node, d.Sel.Ranking, d.From, d.To); !t.Empty() {
			rows = append(rows, CountryRow{Country: g.Key(), Total: t, Group: g, Beside: beside, node: node})
		}
	}
	for _, g := range figures.SubRegions() {
		if d.Sel.Group.Name != "" {
			g.Members = slices.DeleteFunc(g.Members, func(c string) bool { return !d.Sel.Group.Has(c) })
		}
		for _, c := range g.Members {
			placed[c] = true
		}
		add(g, false)
	}
	for _, r := range d.parts {
		if !placed[r.Country] {
			rows = append(rows, r)
		}
	}
	if d.Sel.Group.Name == "" {
		groups, err := src.Groups()
		if err != nil {
			return err
		}
		for _, g := range groups {
			add(g, true)
		}
	}
	d.Rows = rows
	return nil
}

// membersWithFigures lists the market group's members that have a row
// (or, with GroupRows, are in one).
func (d CountriesData) membersWithFigures() []string {
	rows := d.Rows
	if d.Sel.GroupRows {
		rows = d.parts
	}
	var out []string
	for _, r := range rows {
		if r.Group.Name == "" {
			out = append(out, r.Country)
		}
	}
	slices.Sort(out)
	return out
}

// besideNames lists the user's groups shown outside the sum.
func besideNames(rows []CountryRow) string {
	var names []string
	for _, r := range rows {
		if r.Beside {
			names = append(names, r.Group.Name)
		}
	}
	if len(names) > 6 {
		names = append(names[:6], "+"+strconv.Itoa(len(names)-6)+" more")
	}
	return figures.Sanitize(strings.Join(names, ", "))
}
