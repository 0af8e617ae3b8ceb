package ui

import (
	"slices"
	"strings"

	"github.com/uptake/uptake/figures"
)

// A market is a place: a country (or WW), a UN M49 region, or one of the
// file's groups (figures.ParsePlace). The country picker completes all
// three; the figure, launch and event forms stay with countries, since a
// figure belongs to one country and groups are only for viewing.

// placeSuggestions is what the market picker completes: the countries
// (codes and names), the regions' names and the file's groups' names, in
// the order of the alphabet.
func placeSuggestions(groups []figures.Group) []string {
	out := countrySuggestions()
	for _, g := range figures.Regions() {
		out = append(out, g.Name)
	}
	for _, g := range groups {
		out = append(out, figures.Sanitize(g.Name)) // a completion is drawn as it is
	}
	slices.SortStableFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return slices.CompactFunc(out, strings.EqualFold)
}

// exactPlace reports whether a field's text is a place as it stands: a
// country's code or name, a region's code or name, a group's name; not
// the start of one.
func exactPlace(typed string, groups []figures.Group) bool {
	if exactCountry(typed) {
		return true
	}
	if _, err := figures.ParseCountry(typed); err == nil {
		return false // "Tur": a country read loosely, not as it stands
	}
	if _, ok := figures.RegionNamed(typed); ok {
		return true
	}
	_, ok := figures.GroupNamed(groups, typed)
	return ok
}

// placeShown reads the place a field shows: what was typed when it is a
// place as it stands, otherwise the grey completion the field shows, so
// that the market applied is the one on screen ("Southeast" shows
// Southeast Asia: enter takes it).
func placeShown(typed, suggestion string, groups []figures.Group) (figures.Place, error) {
	if exactPlace(typed, groups) || suggestion == "" || strings.EqualFold(suggestion, strings.TrimSpace(typed)) {
		return figures.ParsePlace(typed, groups)
	}
	return figures.ParsePlace(suggestion, groups)
}

// marketCountry is the selection's market when it is a country, for a
// form to start in; "" when it is a group, which no figure belongs to.
func marketCountry(market string) string {
	if figures.ValidCountry(market) {
		return market
	}
	return ""
}
