package figures

import (
	"fmt"
	"strings"
)

// Place is a market as the user names it: a country (or WW), or a group
// of countries.
type Place struct {
	Country string // the alpha-2 code or WW; "" for a group
	Group   Group  // the group, when Country is ""
}

// IsGroup reports whether the place is a group.
func (p Place) IsGroup() bool { return p.Country == "" && p.Group.Name != "" }

// Key is what stands for the place where a country code would: the code,
// a region's M49 code, or the user's group's name.
func (p Place) Key() string {
	if p.IsGroup() {
		return p.Group.Key()
	}
	return p.Country
}

// Label writes "IN India", "Southeast Asia (035)" or "MENA (group)".
func (p Place) Label() string {
	if p.IsGroup() {
		return p.Group.Label()
	}
	return CountryLabel(p.Country)
}

// ParsePlace reads a market the user typed: a country (as ParseCountry
// reads it) or WW, else a UN region (RegionNamed), else one of the user's
// groups by name. A country's name comes first: "Micronesia" is FM, not
// the region (057).
func ParsePlace(s string, groups []Group) (Place, error) {
	code, err := ParseCountry(s)
	if err == nil {
		return Place{Country: code}, nil
	}
	if g, ok := RegionNamed(s); ok {
		return Place{Group: g}, nil
	}
	if g, ok := GroupNamed(groups, s); ok {
		return Place{Group: g}, nil
	}
	t := strings.TrimSpace(s)
	expect := "expected a country code or name such as IN or India, WW for worldwide, a UN region such as Southeast Asia or 035"
	if len(groups) == 0 {
		expect += ", or a group of your own (there are none yet)"
	} else {
		names := make([]string, len(groups))
		for i, g := range groups {
			names[i] = Sanitize(g.Name)
		}
		expect += ", or a group of your own: " + namesText(names, 8)
	}
	if t == "" {
		return Place{}, fmt.Errorf("no country or group given (%s)", expect)
	}
	if refusedCountry(s) {
		// A withdrawn or reserved code: the country table's own words
		// name the code to use.
		return Place{}, err
	}
	return Place{}, fmt.Errorf("%s is not a known country, region or group (%s)", Quote(t), expect)
}

// refusedCountry reports whether ParseCountry refuses s by name (a
// withdrawn code, a former country), rather than not knowing it.
func refusedCountry(s string) bool {
	var buf [maxCountryKey]byte
	n, ok := foldCountry(&buf, s)
	if !ok || n == 0 {
		return false
	}
	_, refused := lookupCountry(string(buf[:n]))
	return refused != ""
}
