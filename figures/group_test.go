package figures

import (
	"slices"
	"strings"
	"testing"
)

// Southeast Asia (035) in UN M49 is Brunei, Cambodia, Indonesia, Laos,
// Malaysia, Myanmar, the Philippines, Singapore, Thailand, Timor-Leste
// and Viet Nam: 11 countries. x/text also lists BU and TP (Burma and
// East Timor, withdrawn), which are not countries here.
func TestRegions_SoutheastAsia(t *testing.T) {
	want := []string{"BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"}
	for _, typed := range []string{"035", "Southeast Asia", "south-eastern asia", "South-Eastern Asia", "  SOUTH  EAST   asia ", "South East Asia"} {
		g, ok := RegionNamed(typed)
		if !ok {
			t.Errorf("RegionNamed(%q) found nothing", typed)
			continue
		}
		if g.Code != "035" || g.Name != "Southeast Asia" || !slices.Equal(g.Members, want) {
			t.Errorf("RegionNamed(%q) = %+v; want 035 Southeast Asia %v", typed, g, want)
		}
	}
	if got := CountryLabel("035"); got != "Southeast Asia (035)" {
		t.Errorf("CountryLabel(035) = %q", got)
	}
	if got := CountryName("035"); got != "Southeast Asia" {
		t.Errorf("CountryName(035) = %q", got)
	}
}

// The UN's names and CLDR's read as one region.
func TestRegions_OfficialNames(t *testing.T) {
	for typed, code := range map[string]string{
		"Latin America and the Caribbean": "419",
		"Latin America & the Caribbean":   "419",
		"latin america":                   "419",
		"LATAM":                           "419",
		"Australia and New Zealand":       "053",
		"Australasia":                     "053",
		"sub-saharan africa":              "202",
		"Western Asia":                    "145",
		"Europe":                          "150",
		"Americas":                        "019",
		"005":                             "005",
		"Micronesian Region":              "057",
	} {
		if g, ok := RegionNamed(typed); !ok || g.Code != code {
			t.Errorf("RegionNamed(%q) = %+v, %v; want %s", typed, g, ok, code)
		}
	}
	// Not regions: a withdrawn grouping, CLDR's groupings without an M49
	// code, the world (WW), countries, and nonsense.
	for _, typed := range []string{"Yugoslavia", "Soviet Union", "EU", "European Union", "QO", "Outlying Oceania", "001", "World",
		"India", "IN", "Micronesia", "35", "0035", "Narnia", "", "  ", "Asia!", strings.Repeat("asia ", 30)} {
		if g, ok := RegionNamed(typed); ok {
			t.Errorf("RegionNamed(%q) = %+v; want nothing", typed, g)
		}
	}
}

// Every region has members, all countries of the table, sorted, once;
// the continents hold their sub-regions; the sub-regions never share a
// country, and leave out only a few outlying territories.
func TestRegions_Table(t *testing.T) {
	regions := Regions()
	if len(regions) < 25 {
		t.Fatalf("only %d regions", len(regions))
	}
	byCode := map[string]Group{}
	for _, g := range regions {
		byCode[g.Code] = g
		if len(g.Members) == 0 || !slices.IsSorted(g.Members) || len(slices.Compact(slices.Clone(g.Members))) != len(g.Members) {
			t.Errorf("%s %s: members %v", g.Code, g.Name, g.Members)
		}
		for _, m := range g.Members {
			if !ValidCountry(m) || m == Worldwide || m == Unknown {
				t.Errorf("%s: member %s is not a country", g.Code, m)
			}
		}
		if got, ok := RegionNamed(g.Name); !ok || got.Code != g.Code {
			t.Errorf("RegionNamed(%q) = %+v", g.Name, got)
		}
		if _, err := ParseCountry(g.Name); err == nil {
			t.Errorf("%q is both a region and a country", g.Name)
		}
	}
	// Asia (142) = Central 143 + Eastern 030 + Southern 034 +
	// South-eastern 035 + Western 145: 5 + 8 + 9 + 11 + 18 = 51 countries
	// (CLDR's YD, NT, BU and TP are withdrawn).
	var asia []string
	for _, c := range []string{"143", "030", "034", "035", "145"} {
		asia = append(asia, byCode[c].Members...)
	}
	slices.Sort(asia)
	if !slices.Equal(asia, byCode["142"].Members) || len(asia) != 51 {
		t.Errorf("Asia's members %v are not its sub-regions' %v", byCode["142"].Members, asia)
	}
	seen := map[string]string{}
	for _, g := range SubRegions() {
		for _, m := range g.Members {
			if other, ok := seen[m]; ok {
				t.Errorf("%s is in %s and %s", m, other, g.Code)
			}
			seen[m] = g.Code
		}
	}
	var outside []string
	for _, c := range CountryCodes() {
		if _, ok := seen[c]; !ok {
			outside = append(outside, c)
		}
	}
	// CLDR puts these in Oceania's "Outlying Oceania" (QO), which has no
	// M49 code; ZZ is installs no store placed.
	if want := []string{"AQ", "BV", "CC", "CX", "GS", "HM", "IO", "TF", "UM", "ZZ"}; !slices.Equal(outside, want) {
		t.Errorf("countries in no sub-region: %v; want %v", outside, want)
	}
	if len(SubRegions()) != 22 {
		t.Errorf("%d sub-regions; want 22", len(SubRegions()))
	}
	// A caller may change what it was given without changing the table.
	r := Regions()
	r[0].Members[0] = "XX"
	if Regions()[0].Members[0] == "XX" {
		t.Error("Regions hands out the table itself")
	}
}

func TestCheckGroupName(t *testing.T) {
	for _, ok := range []string{"MENA", "Nordics", "DACH", "Yugoslavia", "EU", "Top 5 markets", strings.Repeat("é", MaxGroupName)} {
		if err := CheckGroupName(ok); err != nil {
			t.Errorf("CheckGroupName(%q) = %v", ok, err)
		}
	}
	for name, want := range map[string]string{
		"":                                "needs a name",
		"   ":                             "needs a name",
		"IN":                              "taken by a country (IN India)",
		"india":                           "taken by a country (IN India)",
		"Türkiye":                         "taken by a country (TR Türkiye)",
		"WW":                              "means worldwide",
		"world":                           "means worldwide",
		"Southeast Asia":                  "taken by a UN region (Southeast Asia (035))",
		"035":                             "taken by a UN region",
		"123":                             "reads as a UN M49 code",
		"MENA\x1b[31m":                    "control character",
		strings.Repeat("x", 61):           "61 characters long (expected at most 60)",
		"Latin America and the Caribbean": "Latin America (419)",
	} {
		err := CheckGroupName(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("CheckGroupName(%q) = %v; want %q", name, err, want)
		}
	}
}

func TestNewGroup(t *testing.T) {
	g, err := NewGroup(" MENA ", []string{"EG", "ae", "Saudi Arabia", "AE", "Morocco"})
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "MENA" || g.Code != "" || !slices.Equal(g.Members, []string{"AE", "EG", "MA", "SA"}) {
		t.Errorf("NewGroup = %+v", g)
	}
	if g.Label() != "MENA (group)" || g.Key() != "MENA" || !g.Has("SA") || g.Has("IN") {
		t.Errorf("label %q key %q", g.Label(), g.Key())
	}
	for _, c := range []struct {
		members []string
		want    string
	}{
		{nil, `group "MENA" has no members: give at least one country code`},
		{[]string{"AE", "WW"}, `member "WW" is worldwide (WW), not a country`},
		{[]string{"ZZ"}, `member "ZZ" holds installs no store could place`},
		{[]string{"AE", "DD"}, `group "MENA": member "DD" is a withdrawn code (East Germany): use DE (Germany)`},
		{[]string{"Narnia"}, `group "MENA": member "Narnia" is not a known country`},
	} {
		_, err := NewGroup("MENA", c.members)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("NewGroup(MENA, %q) = %v; want %q", c.members, err, c.want)
		}
	}
}

func TestParsePlace(t *testing.T) {
	mena := Group{Name: "MENA", Members: []string{"AE", "EG", "SA"}}
	groups := []Group{mena, {Name: "Yugoslavia", Members: []string{"HR", "RS", "SI"}}}
	for typed, want := range map[string]string{
		"IN": "IN", "India": "IN", "WW": "WW", "world": "WW", "001": "WW",
		"Southeast Asia": "035", "035": "035", "South-eastern Asia": "035",
		"mena": "MENA", " MENA ": "MENA", "Micronesia": "FM",
		"yugoslavia": "Yugoslavia", // the user's group, not the withdrawn code's refusal
	} {
		p, err := ParsePlace(typed, groups)
		if err != nil || p.Key() != want {
			t.Errorf("ParsePlace(%q) = %+v, %v; want %s", typed, p, err, want)
		}
	}
	if p, _ := ParsePlace("south east asia", nil); !p.IsGroup() || p.Label() != "Southeast Asia (035)" || len(p.Group.Members) != 11 {
		t.Errorf("ParsePlace(south east asia) = %+v", p)
	}
	if p, _ := ParsePlace("IN", nil); p.IsGroup() || p.Label() != "IN India" {
		t.Errorf("ParsePlace(IN) = %+v", p)
	}
	for _, c := range []struct {
		typed  string
		groups []Group
		want   string
	}{
		{"Narnia", groups, `"Narnia" is not a known country, region or group (expected a country code or name such as IN or India, WW for worldwide, a UN region such as Southeast Asia or 035, or a group of your own: MENA, Yugoslavia)`},
		{"Narnia", nil, "or a group of your own (there are none yet)"},
		{"DD", groups, `"DD" is a withdrawn code (East Germany): use DE (Germany)`},
		{"", nil, "no country or group given (expected"},
	} {
		_, err := ParsePlace(c.typed, c.groups)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParsePlace(%q) = %v; want %q", c.typed, err, c.want)
		}
	}
}

// FuzzParsePlace: any text is a place or an error, never a panic, and
// the same in other letter case.
func FuzzParsePlace(f *testing.F) {
	for _, s := range []string{"IN", "035", "Southeast Asia", "south-eastern asia", "mena", "", "DD", "Narnia"} {
		f.Add(s)
	}
	groups := []Group{{Name: "MENA", Members: []string{"AE"}}}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePlace(s, groups)
		if err != nil {
			return
		}
		if !p.IsGroup() && !ValidCountry(p.Country) {
			t.Fatalf("ParsePlace(%q) = %+v", s, p)
		}
		if q, err := ParsePlace(strings.ToUpper(s), groups); err == nil && q.Key() != p.Key() && !strings.ContainsFunc(s, func(r rune) bool { return r > 0x7f }) {
			t.Fatalf("ParsePlace(%q) = %s but upper case gives %s", s, p.Key(), q.Key())
		}
	})
}

// A group reads as the sum of its members (Σ), each member carrying its
// launch month: Resso in a group of India and Brazil over 2020-03..09 is
// India's 9.88M* plus Brazil's 152k* = 10,032,000*, and covers the whole
// window, Brazil's six months before its 2020-09 launch holding nothing
// to install. Without the launch month Brazil covers 1 month of 7, and
// the sum is only a lower bound.
func TestGroupNode_TotalFromLaunch(t *testing.T) {
	_, byCountry := seedResso()
	member := func(code string, launched Month) Node {
		return Node{Label: "Resso " + code, Name: code, Figures: byCountry[code], Launched: launched}
	}
	group := Node{Label: "Resso IN+BR", Name: "IN+BR", Whole: "IN+BR (group)", Parts: []PartSet{{Kind: "members", Nodes: []Node{
		member("BR", rmon("2020-09")), member("IN", 0)}}}}
	from, to := rmon("2020-03"), rmon("2020-09")
	got := NodeTotal(group, nil, from, to)
	if got.Installs != 10_032_000 || !got.Summed || got.Countries != 2 || !got.Estimate || !got.Full() || got.Covered != 7 {
		t.Errorf("IN+BR = %+v; want 10,032,000*, Σ 2, 7/7 months", got)
	}
	if s := FormatTotal(got); s != "10M*Σ" {
		t.Errorf("FormatTotal = %q", s)
	}
	e := ExplainTotal(group, nil, from, to)
	if steps := strings.Join(e.Steps, "\n"); !strings.Contains(steps, "BR from 2020-09") || !strings.Contains(steps, "they cover 7 of the window's 7 months") {
		t.Errorf("explanation:\n%s", steps)
	}
	group.Parts[0].Nodes[0].Launched = 0
	got = NodeTotal(group, nil, from, to)
	if got.Installs != 10_032_000 || got.Full() || got.Covered != 1 {
		t.Errorf("without BR's launch: %+v; want 10,032,000 over 1/7 months", got)
	}
}

// A member without a figure for a month makes the group's sum for that
// month a lower bound (≥), never a smaller exact number: A has 100 in
// 2021-01 and 200 in 2021-02, B has 50 in 2021-01 only (no launch month
// known). January is 100 + 50 = 150 Σ; February is at least 200.
func TestGroupNode_MissingMonthIsALowerBound(t *testing.T) {
	a := Node{Label: "X A", Name: "AE", Figures: []Figure{rfig("X", "AE", "2021-01", "", 100, false), rfig("X", "AE", "2021-02", "", 200, false)}}
	b := Node{Label: "X B", Name: "EG", Figures: []Figure{rfig("X", "EG", "2021-01", "", 50, false)}}
	group := Node{Label: "X MENA", Name: "MENA", Whole: "MENA (group)", Parts: []PartSet{{Kind: "members", Nodes: []Node{a, b}}}}
	c := NodeCurve(group, nil, rmon("2021-01"), rmon("2021-02"))
	jan, feb := c.Points[0], c.Points[1]
	if jan.Value != 150 || !jan.Summed || jan.LowerBound {
		t.Errorf("January = %+v; want 150 Σ", jan)
	}
	if feb.Value != 200 || !feb.Summed || !feb.LowerBound {
		t.Errorf("February = %+v; want ≥200 Σ", feb)
	}
	if s := FormatPoint(feb); !strings.HasPrefix(s, "≥") {
		t.Errorf("February reads %q", s)
	}
	// The total over both months: A's 300 + B's 50 = 350, over 1 of 2
	// months for B, so at least 350.
	tot := NodeTotal(group, nil, rmon("2021-01"), rmon("2021-02"))
	if tot.Installs != 350 || tot.Full() {
		t.Errorf("total = %+v; want ≥350", tot)
	}
}
