package seed

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

func groupsText(rec *recorder) string {
	var out []string
	for i, g := range rec.groups {
		out = append(out, fmt.Sprintf("%s:%s@%d", g.Name, strings.Join(g.Members, ","), rec.gLines[i]))
	}
	return strings.Join(out, " ")
}

// A groups CSV: a row per member, the rows of a group anywhere in the
// file, members by code or name; each group once, at its first row.
func TestReadCSV_groups(t *testing.T) {
	text := "Group;Country\r\n" +
		"MENA;AE\r\n" +
		"Nordics;Sweden\r\n" +
		"\r\n" +
		"MENA; Saudi Arabia \r\n" +
		"mena;EG\r\n" +
		"Nordics;NO\r\n" +
		"MENA;AE\r\n"
	rec, ps := readCSV(t, "groups.csv", text)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", strs(ps))
	}
	if got, want := groupsText(rec), "MENA:AE,EG,SA@2 Nordics:NO,SE@3"; got != want {
		t.Errorf("groups = %s; want %s", got, want)
	}
	if len(rec.figures)+len(rec.launches)+len(rec.events)+len(rec.apps) != 0 {
		t.Errorf("read more than groups: %+v", rec)
	}
	// Recognised among the formats, as uptake CSV.
	rec, u := readAs(t, "g.csv", "country,group\nAE,MENA\n", Options{})
	if u.Format != "uptake CSV" || groupsText(rec) != "MENA:AE@2" {
		t.Errorf("read as %q: %s", u.Format, groupsText(rec))
	}
}

// Each problem of a groups CSV names its line and column and what to
// write; a group named like a country or a region is refused, once.
func TestReadCSV_groupProblems(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"withdrawn member": {"group,country\nMENA,AE\nMENA,DD\n",
			`g.csv:3: country: "DD" is a withdrawn code (East Germany): use DE (Germany)`},
		"unknown member": {"group,country\nMENA,Atlantis\n",
			`g.csv:2: country: "Atlantis" is not a known country (expected a code such as IN, a name such as India, or WW)`},
		"WW": {"group,country\nMENA,AE\nMENA,worldwide\n",
			`g.csv:3: country: "worldwide" is worldwide (WW), not a country (expected the group's countries, e.g. AE)`},
		"ZZ":           {"group,country\nMENA,ZZ\n", `g.csv:2: country: "ZZ" holds installs no store could place`},
		"empty member": {"group,country\nMENA,\n", "g.csv:2: country: is empty (expected a member's country code or name, e.g. AE)"},
		"empty name":   {"group,country\n,AE\n", "g.csv:2: group: is empty (expected the group's name, e.g. MENA)"},
		"a country's name, said once": {"group,country\nIndia,IN\nIndia,LK\n",
			`g.csv:2: group: the group name "India" is taken by a country (IN India): choose another name`},
		"a region's name": {"group,country\nSouth-eastern Asia,ID\n",
			`g.csv:2: group: the group name "South-eastern Asia" is taken by a UN region (Southeast Asia (035)): choose another name, or use the region`},
		"an M49 code":         {"group,country\n419,BR\n", `g.csv:2: group: the group name "419" is taken by a UN region`},
		"a control character": {"group,country\n\"ME\x1b[2JNA\",AE\n", "g.csv:2: group: group name: contains the control character U+001B"},
		"header only":         {"group,country\n", "g.csv:1: no figures, launches, events or groups after the header (expected a row for each, e.g. MENA,AE)"},
		"no country column":   {"group,members\nMENA,AE\n", `g.csv:1: the header has column "members", which uptake does not read (expected group, country (a row per member); remove or rename the column)`},
		"a figure's column": {"group,country,app,from,installs\nMENA,AE,,,5\n",
			"g.csv:2: installs: the row gives both a group's member (its group) and a figure, launch or event"},
	} {
		rec, ps := readCSV(t, "g.csv", tc.text)
		if got := strs(ps); !strings.Contains(got, tc.want) {
			t.Errorf("%s: problems:\n%s\nwant one with:\n%s", name, got, tc.want)
		}
		if name == "a country's name, said once" && len(ps) != 1 {
			t.Errorf("%s: %d problems: %s", name, len(ps), strs(ps))
		}
		if len(rec.groups) != 0 && len(ps) > 0 && name != "withdrawn member" && name != "WW" {
			t.Errorf("%s: a bad group was kept: %s", name, groupsText(rec))
		}
	}
}

// TestReadCSV_mixedWithGroups reads a file as -export data writes it:
// figures, launches, events and groups' members under one header.
func TestReadCSV_mixedWithGroups(t *testing.T) {
	text := "app,country,platform,from,to,installs,source,note,estimate,changed,launched,event,group\n" +
		"Resso,IN,all,2020-03,2020-07,9800000,Sensor Tower,,no,2026-01-01T00:00:00Z,,,\n" +
		"Resso,IN,,,,,,,,,2020-03,,\n" +
		",IN,,2020-06,,,article,,,2026-01-01T00:00:00Z,,TikTok banned in India,\n" +
		",AE,,,,,,,,,,,MENA\n" +
		",SA,,,,,,,,,,,MENA\n"
	rec, ps := readCSV(t, "data.csv", text)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", strs(ps))
	}
	if len(rec.figures) != 1 || len(rec.launches) != 1 || len(rec.events) != 1 || groupsText(rec) != "MENA:AE,SA@5" {
		t.Fatalf("read %d figures, %d launches, %d events, groups %s", len(rec.figures), len(rec.launches), len(rec.events), groupsText(rec))
	}
	_, ps = readCSV(t, "data.csv", "app,country,launched,group\nResso,IN,2020-03,MENA\n")
	if got := strs(ps); !strings.Contains(got, "data.csv:2: app: the row gives both a group's member") {
		t.Errorf("a row of both kinds: %s", got)
	}
	// Launches and groups: the header needs app for the launches.
	_, ps = readCSV(t, "data.csv", "country,launched,group\nIN,2020-03,\n")
	if got := strs(ps); !strings.Contains(got, "lacks app") {
		t.Errorf("launches without app: %s", got)
	}
}

func TestReadJSON_groups(t *testing.T) {
	text := `{
  "groups": [
    {"name": "MENA", "countries": ["AE", "Saudi Arabia", "EG", "AE"]},
    {"name": " Nordics ", "countries": ["SE"]}
  ]
}`
	rec, ps := readJSON(t, "g.json", text)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", strs(ps))
	}
	if got, want := groupsText(rec), "MENA:AE,EG,SA@3 Nordics:SE@4"; got != want {
		t.Errorf("groups = %s; want %s", got, want)
	}
	for name, tc := range map[string]struct{ text, want string }{
		"withdrawn member": {`{"groups": [` + "\n" + `{"name": "MENA", "countries": ["AE", "DD"]}]}`,
			`g.json:2: groups[0].countries[1]: "DD" is a withdrawn code (East Germany): use DE (Germany)`},
		"WW": {`{"groups": [{"name": "MENA", "countries": ["WW"]}]}`,
			`g.json:1: groups[0].countries[0]: "WW" is worldwide (WW), not a country`},
		"a number": {`{"groups": [{"name": "MENA", "countries": ["AE", 7]}]}`,
			`g.json:1: groups[0].countries[1]: is a JSON number (expected a country code or name as a string, such as "AE")`},
		"not an array": {`{"groups": [{"name": "MENA", "countries": "AE, SA"}]}`,
			`g.json:1: groups[0].countries: is a JSON string (expected an array of country codes or names, such as ["AE", "SA", "EG"])`},
		"no countries": {`{"groups": [{"name": "MENA"}]}`, `g.json:1: groups[0].countries: is missing`},
		"empty":        {`{"groups": [{"name": "MENA", "countries": []}]}`, `g.json:1: groups[0].countries: is empty (a group has at least one country`},
		"a country's name": {`{"groups": [{"name": "Turkey", "countries": ["TR"]}]}`,
			`g.json:1: groups[0].name: the group name "Turkey" is taken by a country (TR Türkiye): choose another name`},
		"a region's name": {`{"groups": [{"name": "Southeast Asia", "countries": ["ID"]}]}`,
			`g.json:1: groups[0].name: the group name "Southeast Asia" is taken by a UN region`},
		"no name":        {`{"groups": [{"countries": ["ID"]}]}`, `g.json:1: groups[0].name: is empty (expected the group's name, e.g. MENA)`},
		"unknown member": {`{"groups": [{"name": "MENA", "members": ["AE"]}]}`, `unknown member "members" (expected name, countries`},
		"misspelt key":   {`{"group": []}`, `unknown member "group" (expected apps, launches, events, groups and figures; did you mean "groups"?)`},
	} {
		rec, ps := readJSON(t, "g.json", tc.text)
		if got := strs(ps); !strings.Contains(got, tc.want) {
			t.Errorf("%s: problems:\n%s\nwant one with:\n%s", name, got, tc.want)
		}
		if len(rec.groups) != 0 {
			t.Errorf("%s: a bad group was kept: %s", name, groupsText(rec))
		}
	}
}

// groupSeeds are groups files, good and bad, and data files with groups.
var groupSeeds = []string{
	"group,country\nMENA,AE\nMENA,SA\nNordics,SE\n",
	"Country;Group\r\nEgypt;MENA\r\nDD;MENA\r\nWW;Nordics\r\n;x\r\nAE;\r\n",
	"group,country\nIndia,IN\nSouth-eastern Asia,ID\n035,BR\n\"ME\x1b[2JNA\",AE\n" + strings.Repeat("x", 70) + ",AE\n",
	"group\tcountry\nM\xffENA\tAE\nMENA\tA\xffE\n",
	"app,country,platform,from,to,installs,source,note,estimate,changed,launched,event,group\n" +
		"Resso,IN,all,2020-03,2020-03,1,s,,no,,,,\n,AE,,,,,,,,,,,MENA\n,SA,,2020-03,,,,,,,,,MENA\n",
	"group,country\n",
	"group,country,group\nA,AE,B\n",
}

// FuzzReadGroupsCSV reads groups files as uptake CSV: whatever the bytes,
// every group kept is one the store keeps as it is, every problem is at
// a line of the file in words safe to print, and reading a byte at a
// time finds the same.
func FuzzReadGroupsCSV(f *testing.F) {
	for _, s := range groupSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := &recorder{}
		ps := ReadCSV(bytes.NewReader(data), "f.csv", rec)
		checkRead(t, data, rec, ps)
		if len(rec.gLines) != len(rec.groups) {
			t.Fatalf("%d groups, %d lines", len(rec.groups), len(rec.gLines))
		}
		if len(data) < 4096 {
			rec2 := &recorder{}
			ps2 := ReadCSV(iotest.OneByteReader(bytes.NewReader(data)), "f.csv", rec2)
			sameRead(t, rec, ps, rec2, ps2)
		}
	})
}
