package report

import (
	"slices"

	"github.com/uptake/uptake/figures"
)

// The views read an app in a market on a platform as a figures.Node: its
// own figures, and the parts that stand in where it has none (the two
// stores for all platforms; the countries for worldwide).

// platformNode is one app's series in one country (or WW) on a platform:
// for all platforms, the figures for both stores, with iOS and Android as
// the parts that can stand in for them.
func platformNode(app, country string, figs []figures.Figure, p figures.Platform) figures.Node {
	label := figures.Sanitize(app) + " " + figures.Sanitize(country)
	pick := func(p figures.Platform) []figures.Figure {
		n := 0
		for i := range figs {
			if figs[i].Platform == p {
				n++
			}
		}
		switch n {
		case 0:
			return nil
		case len(figs):
			return figs // most series: one platform, read as they are
		}
		out := make([]figures.Figure, 0, n)
		for _, f := range figs {
			if f.Platform == p {
				out = append(out, f)
			}
		}
		return out
	}
	if p != figures.AllPlatforms {
		return figures.Node{Label: label + " " + p.String(), Name: country, Figures: pick(p)}
	}
	n := figures.Node{Label: label, Name: country, Whole: "all platforms", Figures: pick(figures.AllPlatforms)}
	ios, android := pick(figures.IOS), pick(figures.Android)
	if len(ios)+len(android) > 0 {
		n.Parts = []figures.PartSet{{Kind: "platforms", Nodes: []figures.Node{
			{Label: label + " ios", Name: "ios", Figures: ios},
			{Label: label + " android", Name: "android", Figures: android},
		}}}
	}
	return n
}

// worldNode is an app worldwide on a platform: its WW series, and its
// countries as the parts that stand in for it.
func worldNode(app string, series map[string][]figures.Figure, launched map[string]figures.Month, p figures.Platform) figures.Node {
	n := platformNode(app, figures.Worldwide, series[figures.Worldwide], p)
	n.Whole = "worldwide"
	countries := figures.PartSet{Kind: "countries"}
	for _, code := range sortedCountries(series) {
		c := platformNode(app, code, series[code], p)
		c.Launched = launched[code]
		countries.Nodes = append(countries.Nodes, c)
	}
	if len(countries.Nodes) > 0 {
		n.Parts = append(n.Parts, countries)
	}
	return n
}

// appData reads an app's series and its launch month in each country.
func appData(src Source, app string) (map[string][]figures.Figure, map[string]figures.Month, error) {
	series, err := src.AppSeries(app)
	if err != nil {
		return nil, nil, err
	}
	launched, err := launchMonths(src, app)
	if err != nil {
		return nil, nil, err
	}
	return series, launched, nil
}

// launchReader is a Source that reads one launch by its key, as
// *store.Reader does.
type launchReader interface {
	Launch(app, country string) (figures.Month, bool, error)
}

// launchIn reads an app's launch month in one country (0 for none).
func launchIn(src Source, app, country string) (figures.Month, error) {
	if lr, ok := src.(launchReader); ok {
		m, _, err := lr.Launch(app, country)
		return m, err
	}
	launched, err := launchMonths(src, app)
	return launched[country], err
}

// launchMonths reads an app's launch month in each country.
func launchMonths(src Source, app string) (map[string]figures.Month, error) {
	launches, err := src.Launches(app)
	if err != nil {
		return nil, err
	}
	launched := make(map[string]figures.Month, len(launches))
	for _, l := range launches {
		launched[l.Country] = l.Month
	}
	return launched, nil
}

// sortedCountries lists the countries of an app's series, WW aside.
func sortedCountries(series map[string][]figures.Figure) []string {
	out := make([]string, 0, len(series))
	for c := range series {
		if c != figures.Worldwide {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// nodeFigures lists the figures of a node and its parts, a slice per
// series, without copying them (for figures.Span).
func nodeFigures(n figures.Node) [][]figures.Figure {
	out := [][]figures.Figure{n.Figures}
	for _, ps := range n.Parts {
		for _, p := range ps.Nodes {
			out = append(out, nodeFigures(p)...)
		}
	}
	return out
}

// marketRead is an app read in the selection's market.
type marketRead struct {
	node     figures.Node             // the market's: a country's, worldwide, a group's
	launched map[string]figures.Month // the app's launches by country, worldwide or in a group (a country's is node.Launched)
	// warnings are the contradictions the market's numbers are one side
	// of: its own figures', and where the app has worldwide figures,
	// those between its countries and them. Another country's own
	// contradictions are that country's views'.
	warnings []string
}

// readMarket reads an app in the selection's market. A country's reads
// its series and, only when the app has worldwide figures, every other
// (to check the countries against them): one series of fifty where it
// has none.
func readMarket(src Source, app string, sel Selection) (marketRead, error) {
	var r marketRead
	if sel.Country != figures.Worldwide && sel.Group.Name == "" {
		figs, err := src.Series(app, sel.Country)
		if err != nil {
			return r, err
		}
		r.node = platformNode(app, sel.Country, figs, sel.Platform)
		if r.node.Launched, err = launchIn(src, app, sel.Country); err != nil {
			return r, err
		}
		r.warnings = figures.NodeDisagreements(r.node, sel.Ranking)
		if len(figs) == 0 {
			return r, nil
		}
		w, err := worldOverParts(src, app, sel, nil)
		r.warnings = append(r.warnings, w...)
		return r, err
	}
	launched, err := launchMonths(src, app)
	if err != nil {
		return r, err
	}
	r.launched = launched
	series, err := src.AppSeries(app)
	if err != nil {
		return r, err
	}
	world := worldNode(app, series, r.launched, sel.Platform)
	if sel.Group.Name == "" {
		r.node, r.warnings = world, figures.NodeDisagreements(world, sel.Ranking)
		return r, nil
	}
	r.node = groupNode(app, sel.Group, series, r.launched, sel.Platform)
	r.warnings = figures.NodeDisagreements(r.node, sel.Ranking)
	if len(series[figures.Worldwide]) > 0 {
		r.warnings = append(r.warnings, figures.PartsOverWhole(world, sel.Ranking)...)
	}
	return r, nil
}

// worldOverParts is an app's contradictions between its worldwide figures
// and its countries, which a country's view shows as its figures are one
// side of them; only an app with WW figures can have them, so the others
// cost one series read. launched is the app's launches, or nil to read
// them.
func worldOverParts(src Source, app string, sel Selection, launched map[string]figures.Month) ([]string, error) {
	ww, err := src.Series(app, figures.Worldwide)
	if err != nil || len(ww) == 0 {
		return nil, err
	}
	series, err := src.AppSeries(app)
	if err != nil {
		return nil, err
	}
	if launched == nil {
		if launched, err = launchMonths(src, app); err != nil {
			return nil, err
		}
	}
	return figures.PartsOverWhole(worldNode(app, series, launched, sel.Platform), sel.Ranking), nil
}
