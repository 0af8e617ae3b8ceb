package main

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// A region is one UN M49 grouping that x/text knows, with its members
// among the table's countries.
type region struct {
	code    string   // the M49 code: "035"
	name    string   // CLDR's English name: "Southeast Asia"
	typed   []string // every name and code people may type for it
	members []string // alpha-2 codes, sorted
	sub     bool     // it contains no other region
}

// buildRegions reads every M49 grouping from x/text's containment data
// and keeps its members that the country table holds. The world (001)
// is left out: it is WW, which has figures of its own. CLDR's other
// groupings (QO Outlying Oceania, EU) have letter codes, not M49 ones,
// and are left out too.
func buildRegions(t *table) ([]region, error) {
	namer := display.English.Regions()
	var countries []language.Region
	for _, c := range t.countries {
		if c.code == worldwide || c.code == unknown {
			continue
		}
		r, err := language.ParseRegion(c.code)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", c.code, err)
		}
		countries = append(countries, r)
	}
	var out []region
	for i := 2; i < 1000; i++ {
		code := fmt.Sprintf("%03d", i)
		r, err := language.ParseRegion(code)
		if err != nil || !r.IsGroup() || r.String() != code {
			continue
		}
		g := region{code: code, name: namer.Name(r)}
		if g.name == "" || g.name == code {
			return nil, fmt.Errorf("%s: x/text gives no English name", code)
		}
		for _, c := range countries {
			if r.Contains(c) {
				g.members = append(g.members, c.String())
			}
		}
		if len(g.members) == 0 {
			return nil, fmt.Errorf("%s %s: no member is in the country table", code, g.name)
		}
		slices.Sort(g.members)
		out = append(out, g)
	}
	if len(out) < 20 {
		return nil, fmt.Errorf("x/text gives only %d M49 regions", len(out))
	}
	// x/text's Contains does not say that a grouping such as 003 (North
	// America) holds 013 (Central America): the members do.
	for i := range out {
		out[i].sub = true
		for j, other := range out {
			if i == j {
				continue
			}
			if slices.Equal(out[i].members, other.members) {
				return nil, fmt.Errorf("%s and %s have the same members", out[i].code, other.code)
			}
			if subset(other.members, out[i].members) {
				out[i].sub = false
			}
		}
	}
	// The sub-regions must not overlap: the Countries view adds them up.
	in := map[string]string{}
	for _, g := range out {
		if !g.sub {
			continue
		}
		for _, m := range g.members {
			if other, ok := in[m]; ok {
				return nil, fmt.Errorf("%s is in both sub-regions %s and %s", m, other, g.code)
			}
			in[m] = g.code
		}
	}
	byCode := map[string]*region{}
	for i := range out {
		byCode[out[i].code] = &out[i]
	}
	for code := range officialRegionNames {
		if byCode[code] == nil {
			return nil, fmt.Errorf("an official name for %s, which x/text does not know as a region", code)
		}
	}
	for code := range typedRegions {
		if byCode[code] == nil {
			return nil, fmt.Errorf("typed names for %s, which x/text does not know as a region", code)
		}
	}
	// RegionNamed folds what it is given into a buffer as long as the
	// longest country key.
	maxKey := 0
	for k := range t.keys {
		maxKey = max(maxKey, len(k))
	}
	keys := map[string]string{}
	for i := range out {
		g := &out[i]
		names := []string{g.code, g.name}
		if o, ok := officialRegionNames[g.code]; ok {
			names = append(names, o)
		}
		names = append(names, typedRegions[g.code]...)
		var all []string
		for _, n := range names {
			all = append(all, variants(n)...)
		}
		g.typed = dedupe(all)
		for _, n := range g.typed {
			k := fold(n)
			if len(k) > maxKey {
				return nil, fmt.Errorf("%q folds to %d bytes, more than the %d of the longest country key", n, len(k), maxKey)
			}
			if target, ok := t.keys[k]; ok {
				return nil, fmt.Errorf("%q names region %s and also %s in the country table", n, g.code, strings.TrimPrefix(target, "!"))
			}
			if other, ok := keys[k]; ok && other != g.code {
				return nil, fmt.Errorf("%q names both regions %s and %s", n, other, g.code)
			}
			keys[k] = g.code
		}
	}
	return out, nil
}

// subset reports whether every element of a (sorted) is in b (sorted).
func subset(a, b []string) bool {
	for _, x := range a {
		if _, ok := slices.BinarySearch(b, x); !ok {
			return false
		}
	}
	return true
}
