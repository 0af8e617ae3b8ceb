package report

import (
	"fmt"
	"strings"

	"github.com/uptake/uptake/figures"
)

// A market may be a group of countries: a UN M49 region ("035") or one of
// the user's groups ("MENA"). It reads like a country whose figures are
// the sum of its members' series (Σ), with how many members have figures.

// withMarket resolves the selection's market before a view loads, in the
// same read as the view: a group's members come from the file.
func withMarket(load func(Source, Selection) (Data, error)) func(Source, Selection) (Data, error) {
	return func(src Source, sel Selection) (Data, error) {
		sel, err := resolveMarket(src, sel)
		if err != nil {
			return nil, err
		}
		return load(src, sel)
	}
}

// resolveMarket reads sel.Country as figures.ParsePlace does and fills
// sel.Group when it names a group; Country is then the group's key (the
// M49 code, or the user's group's name as saved). A country code needs
// no read.
func resolveMarket(src Source, sel Selection) (Selection, error) {
	sel.Group = figures.Group{}
	if sel.Country == "" || figures.ValidCountry(sel.Country) {
		return sel, nil
	}
	var groups []figures.Group
	if _, ok := figures.RegionNamed(sel.Country); !ok {
		var err error
		if groups, err = src.Groups(); err != nil {
			return sel, err
		}
	}
	p, err := figures.ParsePlace(sel.Country, groups)
	if err != nil {
		return sel, err
	}
	sel.Country, sel.Group = p.Key(), p.Group
	return sel, nil
}

// MarketLabel writes the market for titles: "IN India", "WW Worldwide",
// "Southeast Asia (035)", "MENA (group)".
func (s Selection) MarketLabel() string {
	switch {
	case s.Group.Name != "":
		return s.Group.Label()
	case s.Country == "" || figures.ValidCountry(s.Country):
		return figures.CountryLabel(s.Country)
	}
	if g, ok := figures.RegionNamed(s.Country); ok {
		return g.Label()
	}
	return figures.Sanitize(s.Country) + " (group)" // not resolved yet: a name of the user's
}

// MarketName writes the market in a sentence: "India", "Southeast Asia",
// "MENA".
func (s Selection) MarketName() string {
	switch {
	case s.Group.Name != "":
		return figures.Sanitize(s.Group.Name)
	case s.Country == "" || figures.ValidCountry(s.Country):
		return figures.CountryName(s.Country)
	}
	if g, ok := figures.RegionNamed(s.Country); ok {
		return g.Name
	}
	return figures.Sanitize(s.Country)
}

// groupNode is an app in a group of countries on a platform: no figures
// of its own, and its members with series as the parts that add up to it,
// each with its launch month.
func groupNode(app string, g figures.Group, series map[string][]figures.Figure, launched map[string]figures.Month, p figures.Platform) figures.Node {
	n := figures.Node{Label: figures.Sanitize(app) + " " + figures.Sanitize(g.Name), Name: figures.Sanitize(g.Key()), Whole: g.Label()}
	members := figures.PartSet{Kind: "members"}
	for _, code := range g.Members {
		figs, ok := series[code]
		if !ok {
			continue
		}
		m := platformNode(app, code, figs, p)
		m.Launched = launched[code]
		members.Nodes = append(members.Nodes, m)
	}
	if len(members.Nodes) > 0 {
		n.Parts = []figures.PartSet{members}
	}
	return n
}

// membersWithFigures lists the members of a group node with a figure
// touching [from, to].
func membersWithFigures(n figures.Node, from, to figures.Month) []string {
	var out []string
	for _, ps := range n.Parts {
		for _, m := range ps.Nodes {
			for _, figs := range nodeFigures(m) {
				if touches(figs, from, to) {
					out = append(out, m.Name)
					break
				}
			}
		}
	}
	return out
}

func touches(figs []figures.Figure, from, to figures.Month) bool {
	for _, f := range figs {
		if f.From <= to && f.To >= from {
			return true
		}
	}
	return false
}

// maxMissingNamed is how many members without figures a line names
// before it only counts them.
const maxMissingNamed = 12

// membersLine says how many of a group's members have figures and which
// have none: "Southeast Asia (035): 1 of 11 members with figures (ID);
// none for BN, KH, LA, MM, MY, PH, SG, TH, TL, VN".
func membersLine(g figures.Group, with []string) string {
	has := map[string]bool{}
	for _, c := range with {
		has[c] = true
	}
	var missing []string
	for _, c := range g.Members {
		if !has[c] {
			missing = append(missing, c)
		}
	}
	n := len(g.Members)
	switch {
	case len(missing) == 0 && n == 1:
		return fmt.Sprintf("%s: its one member with figures (%s)", g.Label(), g.Members[0])
	case len(missing) == 0:
		return fmt.Sprintf("%s: all %s with figures", g.Label(), figures.CountText(n, "members"))
	case len(with) == 0:
		return fmt.Sprintf("%s: none of its %s has figures", g.Label(), figures.CountText(n, "members"))
	}
	s := fmt.Sprintf("%s: %d of %s with figures", g.Label(), len(with), figures.CountText(n, "members"))
	if len(with) <= maxMissingNamed {
		s += " (" + strings.Join(with, ", ") + ")"
	}
	if len(missing) <= maxMissingNamed {
		return s + "; none for " + strings.Join(missing, ", ")
	}
	return s + fmt.Sprintf("; none for the other %d", len(missing))
}

// marketCode names the market in a warning, as a code names a country:
// "IN", "WW", "Southeast Asia (035)", "MENA (group)".
func (s Selection) marketCode() string {
	if s.Group.Name != "" {
		return s.Group.Label()
	}
	return figures.Sanitize(s.Country)
}
