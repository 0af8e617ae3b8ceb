package seed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/uptake/uptake/figures"
)

// The user's groups of countries in uptake's own files: uptake JSON's
// "groups":[{"name":"MENA","countries":["AE","SA","EG"]}], and an uptake
// CSV whose header has a group column (group,country: a row per member,
// the rows of a group anywhere in the file). Each name and member is
// checked as the store checks a group (figures.CheckGroupName, a country
// that is neither WW nor ZZ), at its line.

// groupNameProblem says what is wrong with a group's name, or "".
func groupNameProblem(name string) string {
	if !utf8.ValidString(name) {
		return "is not valid UTF-8 text (save the file as UTF-8)"
	}
	if name == "" {
		return "is empty (expected the group's name, e.g. MENA)"
	}
	if err := figures.CheckGroupName(name); err != nil {
		return err.Error()
	}
	return ""
}

// groupMember reads a member of a group: a country's code or name, not
// WW or ZZ. It returns the code, or what is wrong.
func groupMember(s string) (string, string) {
	if !utf8.ValidString(s) {
		return "", "is not valid UTF-8 text (save the file as UTF-8)"
	}
	if s == "" {
		return "", "is empty (expected a member's country code or name, e.g. AE)"
	}
	code, err := figures.ParseCountry(s)
	switch {
	case err != nil:
		return "", err.Error()
	case code == figures.Worldwide:
		return "", fmt.Sprintf("%s is worldwide (WW), not a country (expected the group's countries, e.g. AE)", quote(s))
	case code == figures.Unknown:
		return "", fmt.Sprintf("%s holds installs no store could place, which belong to no group (expected the group's countries, e.g. AE)", quote(s))
	}
	return code, ""
}

// groupGather gathers the rows of a groups CSV into groups, in the order
// of their first rows; a group's name is taken as first spelt.
type groupGather struct {
	order  []string // folded names
	byName map[string]*gatheredGroup
}

type gatheredGroup struct {
	name    string
	members []string
	line    int  // its first row
	bad     bool // its name is wrong: said once, at its first row
}

// name returns the group of a name, new or gathered already, and whether
// it was new.
func (g *groupGather) name(name string, line int) (*gatheredGroup, bool) {
	if g.byName == nil {
		g.byName = map[string]*gatheredGroup{}
	}
	k := figures.FoldName(name)
	if gg, ok := g.byName[k]; ok {
		return gg, false
	}
	gg := &gatheredGroup{name: name, line: line}
	g.byName[k] = gg
	g.order = append(g.order, k)
	return gg, true
}

// emit gives the sink each group whose name and members are all right.
func (g *groupGather) emit(s Sink) {
	for _, k := range g.order {
		gg := g.byName[k]
		if gg.bad || len(gg.members) == 0 {
			continue
		}
		if grp, err := figures.NewGroup(gg.name, gg.members); err == nil {
			s.AddGroup(grp, gg.line)
		}
	}
}

// group reads a row of a groups file, or a row of a mixed file that
// names a group; it reports false when the reading must stop.
func (rd *csvReader) group(rec []string, line int) bool {
	if rd.mixed {
		for f := range field(numFields) {
			if f == fGroup || f == fCountry || rd.cols[f] < 0 || rd.get(rec, f) == "" {
				continue
			}
			return rd.c.add(line, rd.names[rd.cols[f]], "the row gives both a group's member (its group) and a figure, launch or event (expected a member with "+
				"only group and country, or a figure, launch or event with the group empty)")
		}
	}
	name, country := rd.get(rec, fGroup), rd.get(rec, fCountry)
	code, msg := groupMember(country)
	if msg != "" && !rd.c.add(line, rd.names[rd.cols[fCountry]], msg) {
		return false
	}
	if name == "" {
		return rd.c.add(line, rd.names[rd.cols[fGroup]], "is empty (expected the group's name, e.g. MENA)")
	}
	gg, first := rd.gather.name(name, line)
	if first {
		if p := groupNameProblem(name); p != "" {
			gg.bad = true
			return rd.c.add(line, rd.names[rd.cols[fGroup]], p)
		}
	}
	if msg == "" && !gg.bad {
		gg.members = append(gg.members, code)
	}
	return true
}

// The members of a JSON group.
type jsonGroup struct {
	Name      string          `json:"name"`
	Countries json.RawMessage `json:"countries"`
}

var groupFields = []string{"name", "countries"}

const membersExpected = `expected an array of country codes or names, such as ["AE", "SA", "EG"]`

func (jr *jsonReader) group(key string, i int) bool {
	var v jsonGroup
	line, ok := jr.decode(&v, key, i, groupFields)
	if !ok {
		return !jr.c.stop
	}
	name := strings.TrimSpace(v.Name)
	good := true
	if p := groupNameProblem(name); p != "" {
		jr.c.add(line, path(key, i, "name"), p)
		good = false
	}
	raw := bytes.TrimSpace(v.Countries)
	var items []json.RawMessage
	switch {
	case len(raw) == 0 || string(raw) == "null":
		jr.c.add(line, path(key, i, "countries"), "is missing ("+membersExpected+")")
		good = false
	case raw[0] != '[' || json.Unmarshal(raw, &items) != nil:
		jr.c.add(line, path(key, i, "countries"), "is "+rawKind(raw)+" ("+membersExpected+")")
		good = false
	case len(items) == 0:
		jr.c.add(line, path(key, i, "countries"), "is empty (a group has at least one country; "+membersExpected+")")
		good = false
	}
	var members []string
	for j, item := range items {
		at := path(key, i, fmt.Sprintf("countries[%d]", j))
		var s string
		if err := json.Unmarshal(item, &s); err != nil {
			jr.c.add(line, at, "is "+rawKind(item)+` (expected a country code or name as a string, such as "AE")`)
			good = false
			continue
		}
		code, msg := groupMember(strings.TrimSpace(s))
		if msg != "" {
			jr.c.add(line, at, msg)
			good = false
			continue
		}
		members = append(members, code)
	}
	if jr.c.stop {
		return false
	}
	if !good {
		return true
	}
	g, err := figures.NewGroup(name, members)
	if err != nil {
		return jr.c.add(line, path(key, i, ""), err.Error())
	}
	jr.sink.AddGroup(g, line)
	return true
}

// rawKind names the kind of a JSON value for a problem.
func rawKind(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "empty"
	}
	switch raw[0] {
	case '"':
		return "a JSON string"
	case '{':
		return "a JSON object"
	case '[':
		return "a JSON array"
	case 't', 'f':
		return "a JSON boolean"
	case 'n':
		return "null"
	}
	return "a JSON number"
}
