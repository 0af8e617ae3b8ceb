package figures

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// The UN M49 regions are generated into region_table.go (regionRow,
// regionCodeList, subRegionCodeList, lookupRegion) from golang.org/x/text,
// by the same generator as the countries: switches on constants, nothing
// to build at run time.

// Group is a named set of countries: a UN M49 region, or one the user
// made ("MENA"). It reads like a country whose figures are the sum of
// its members'.
type Group struct {
	Code    string   // the M49 code of a region ("035"); "" for the user's
	Name    string   // "Southeast Asia", "MENA"
	Members []string // alpha-2 codes, sorted, without WW
}

// IsRegion reports whether the group is a UN M49 region.
func (g Group) IsRegion() bool { return g.Code != "" }

// Key is what names the group where a country code would stand (a
// selection, a CSV's country column): a region's M49 code, or the name
// of the user's group.
func (g Group) Key() string {
	if g.Code != "" {
		return g.Code
	}
	return g.Name
}

// Label writes "Southeast Asia (035)" for a region and "MENA (group)" for
// the user's group, for titles.
func (g Group) Label() string {
	if g.Code != "" {
		return Sanitize(g.Name) + " (" + g.Code + ")"
	}
	return Sanitize(g.Name) + " (group)"
}

// Has reports whether a country is a member.
func (g Group) Has(code string) bool {
	_, ok := slices.BinarySearch(g.Members, code)
	return ok
}

// Regions lists the UN M49 regions x/text knows, by code: continents
// (Africa 002, Americas 019, Asia 142, Europe 150, Oceania 009), the
// groupings between (Latin America 419, Sub-Saharan Africa 202, North
// America 003) and the sub-regions. The world (001) is not one: it is WW.
func Regions() []Group {
	codes := regionCodeList()
	out := make([]Group, 0, len(codes))
	for _, c := range codes {
		g, _ := region(c)
		out = append(out, g)
	}
	return out
}

// SubRegions lists the regions that hold no other region (Southeast
// Asia, South America, Western Europe, …): no two share a country, so
// their sums add up without counting a country twice.
func SubRegions() []Group {
	codes := subRegionCodeList()
	out := make([]Group, 0, len(codes))
	for _, c := range codes {
		g, _ := region(c)
		out = append(out, g)
	}
	return out
}

func region(code string) (Group, bool) {
	name, members, ok := regionRow(code)
	if !ok {
		return Group{}, false
	}
	return Group{Code: code, Name: name, Members: members}, true
}

// RegionNamed finds a region by its M49 code ("035"), its English name
// ("Southeast Asia") or the UN's ("South-eastern Asia"), without regard to
// case, accents, hyphens or extra spaces.
func RegionNamed(s string) (Group, bool) {
	var buf [maxCountryKey]byte
	n, ok := foldCountry(&buf, s)
	if !ok || n == 0 {
		return Group{}, false
	}
	code := lookupRegion(string(buf[:n]))
	if code == "" {
		return Group{}, false
	}
	return region(code)
}

// MaxGroupName is the longest name of a user's group, in characters.
const MaxGroupName = 60

// CheckGroupName checks the name of a user's group: not empty, at most
// MaxGroupName characters, printable, and not a name or code that already
// means a place (a country, WW, a region), nor three digits (which read
// as an M49 code).
func CheckGroupName(name string) error {
	t := strings.TrimSpace(name)
	switch {
	case t == "":
		return fmt.Errorf("a group needs a name (such as MENA or Nordics)")
	case utf8.RuneCountInString(t) > MaxGroupName:
		return fmt.Errorf("the group name %s is %d characters long (expected at most %d)", Quote(t), utf8.RuneCountInString(t), MaxGroupName)
	}
	if err := ValidateText("group name", t, 4*MaxGroupName); err != nil {
		return err
	}
	if code, err := ParseCountry(t); err == nil {
		if code == Worldwide {
			return fmt.Errorf("the group name %s means worldwide (WW): choose another name", Quote(t))
		}
		return fmt.Errorf("the group name %s is taken by a country (%s): choose another name", Quote(t), CountryLabel(code))
	}
	if g, ok := RegionNamed(t); ok {
		return fmt.Errorf("the group name %s is taken by a UN region (%s): choose another name, or use the region", Quote(t), g.Label())
	}
	if len(t) == 3 && strings.Trim(t, "0123456789") == "" {
		return fmt.Errorf("the group name %s reads as a UN M49 code: choose a name with letters", Quote(t))
	}
	return nil
}

// NewGroup makes a user's group from a name and members given as codes
// or names ("AE", "Egypt"): the name checked (CheckGroupName) and trimmed,
// the members as alpha-2 codes, sorted, each once. WW and ZZ (installs no
// store placed) cannot be members, and a group has at least one.
func NewGroup(name string, members []string) (Group, error) {
	if err := CheckGroupName(name); err != nil {
		return Group{}, err
	}
	g := Group{Name: strings.TrimSpace(name)}
	for _, m := range members {
		code, err := ParseCountry(m)
		if err != nil {
			return Group{}, fmt.Errorf("group %s: member %w", Quote(g.Name), err)
		}
		switch code {
		case Worldwide:
			return Group{}, fmt.Errorf("group %s: member %s is worldwide (WW), not a country: list the group's countries", Quote(g.Name), Quote(strings.TrimSpace(m)))
		case Unknown:
			return Group{}, fmt.Errorf("group %s: member %s holds installs no store could place, which belong to no group: list the group's countries", Quote(g.Name), Quote(strings.TrimSpace(m)))
		}
		g.Members = append(g.Members, code)
	}
	if len(g.Members) == 0 {
		return Group{}, fmt.Errorf("group %s has no members: give at least one country code, such as AE", Quote(g.Name))
	}
	slices.Sort(g.Members)
	g.Members = slices.Compact(g.Members)
	return g, nil
}

// SameGroupName reports whether two names are one group's: groups are
// named without regard to case, as apps are.
func SameGroupName(a, b string) bool {
	return FoldName(strings.TrimSpace(a)) == FoldName(strings.TrimSpace(b))
}

// GroupNamed finds the user's group of a name, without regard to case.
func GroupNamed(groups []Group, name string) (Group, bool) {
	for _, g := range groups {
		if SameGroupName(g.Name, name) {
			return g, true
		}
	}
	return Group{}, false
}
