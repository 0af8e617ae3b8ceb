package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/resume"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/ui"
)

// TestGroups_ImportedThenAMarket: a groups CSV (group,country, a row per
// member, rows of a group anywhere) imports beside the bundled data, and
// -country then takes the group; the import says what it added.
func TestGroups_ImportedThenAMarket(t *testing.T) {
	db := defectDB(t, true)
	file := filepath.Join(t.TempDir(), "groups.csv")
	os.WriteFile(file, []byte("group,country\nLaunch markets,IN\nMENA,AE\nLaunch markets,Indonesia\nMENA,SA\nMENA,EG\n"), 0o600)
	code, _, msg := runCLI(t, "", "-import", file, "-no-ui", "-db", db)
	if code != 0 {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	wantIn(t, "the import's report", msg, "2 groups added", "it added 2 groups:", "- Launch markets: ID, IN", "- MENA: AE, EG, SA")
	out := exportView(t, db, "countries", "-app", "Resso", "-country", "launch markets")
	wantIn(t, "countries of the group", out, "Installs by country in Launch markets (group)", "ID Indonesia", "IN India",
		"Launch markets (group): all 2 members with figures.")
	wantNotIn(t, "countries of the group", out, "BR Brazil")
	// A group whose members have no figures says so, naming it.
	_, _, msg = runCLI(t, "", "-export", "countries", "-app", "Resso", "-country", "MENA", "-db", db)
	wantIn(t, "-country MENA", msg, "no figures for Resso in any of the 3 members of MENA (group)")
}

// TestGroups_DryRunNamesAReplacedGroup: a group of a known name with
// other members replaces it; the dry run says so, old members → new, and
// writes nothing; the import then does it and says the same; a group
// given alike is unchanged.
func TestGroups_DryRunNamesAReplacedGroup(t *testing.T) {
	db := defectDB(t, true)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveGroup(figures.Group{Name: "MENA", Members: []string{"AE", "EG", "SA"}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	file := filepath.Join(t.TempDir(), "groups.json")
	os.WriteFile(file, []byte(`{"groups": [
  {"name": "mena", "countries": ["AE", "SA", "QA"]},
  {"name": "Nordics", "countries": ["SE", "NO", "DK", "FI", "IS"]}
]}`), 0o600)
	code, _, msg := runCLI(t, "", "-import", file, "-dry-run", "-no-ui", "-db", db)
	if code != 0 {
		t.Fatalf("dry run: exit %d: %s", code, msg)
	}
	wantIn(t, "the dry run", msg, "1 group added, 1 replaced", "(dry run: nothing written)",
		"it would replace 1 group:", `- mena: AE, EG, SA → AE, QA, SA (named "MENA" before; adds QA; removes EG)`,
		"it would add 1 group:", "- Nordics: DK, FI, IS, NO, SE")
	if got := groupsOf(t, db); got != "MENA:AE,EG,SA" {
		t.Fatalf("the dry run wrote: %s", got)
	}
	code, _, msg = runCLI(t, "", "-import", file, "-no-ui", "-db", db)
	wantIn(t, "the import", msg, "1 group added, 1 replaced", "it replaced 1 group:", "- mena: AE, EG, SA → AE, QA, SA")
	if code != 0 || groupsOf(t, db) != "mena:AE,QA,SA Nordics:DK,FI,IS,NO,SE" {
		t.Fatalf("import: exit %d, groups %s: %s", code, groupsOf(t, db), msg)
	}
	code, _, msg = runCLI(t, "", "-import", file, "-no-ui", "-db", db)
	if code != 0 || !strings.Contains(msg, "2 groups unchanged") || strings.Contains(msg, "replaced") {
		t.Errorf("import again: exit %d: %s", code, msg)
	}
}

// TestGroups_BadFileWritesNothing: a groups file with problems is
// refused whole, each problem at its line and column, and nothing is
// written; a group named like a country is one of them.
func TestGroups_BadFileWritesNothing(t *testing.T) {
	db := defectDB(t, true)
	file := filepath.Join(t.TempDir(), "groups.csv")
	os.WriteFile(file, []byte("group,country\nMENA,AE\nMENA,DD\nIndia,IN\nMENA,WW\n"), 0o600)
	code, _, msg := runCLI(t, "", "-import", file, "-no-ui", "-db", db)
	wantIn(t, "the refusal", msg,
		file+`:3: country: "DD" is a withdrawn code (East Germany): use DE (Germany)`,
		file+`:4: group: the group name "India" is taken by a country (IN India): choose another name`,
		file+`:5: country: "WW" is worldwide (WW), not a country`,
		"nothing was written")
	if code != 1 || groupsOf(t, db) != "" {
		t.Errorf("exit %d, groups %q", code, groupsOf(t, db))
	}
}

// TestGroups_DataExportRoundTrips: -export data writes the groups, a row
// per member after the events, and the file imports again unchanged.
func TestGroups_DataExportRoundTrips(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	file := filepath.Join(dir, "groups.csv")
	os.WriteFile(file, []byte("group,country\n\"Gulf, and more\",AE\n\"Gulf, and more\",SA\nLaunch markets,IN\nLaunch markets,ID\n"), 0o600)
	for _, args := range [][]string{{"-seed"}, {"-import", file}} {
		if code, _, msg := runCLI(t, "", append(args, "-no-ui", "-db", first)...); code != 0 {
			t.Fatalf("%v: %s", args, msg)
		}
	}
	dump := func(db string) string {
		code, out, msg := runCLI(t, "", "-export", "data", "-format", "csv", "-db", db)
		if code != 0 {
			t.Fatal(msg)
		}
		return changedColumn.ReplaceAllString(out, ",CHANGED,")
	}
	a := dump(first)
	wantIn(t, "the data export", a, "launched,event,group\n", "\n,AE,,,,,,,,,,,\"Gulf, and more\"\n,SA,,,,,,,,,,,\"Gulf, and more\"\n",
		"\n,ID,,,,,,,,,,,Launch markets\n,IN,,,,,,,,,,,Launch markets\n")
	text := exportView(t, first, "data")
	wantIn(t, "the data export as text", text, "Groups of countries · 2 in all", "Gulf, and more", "ID, IN")
	exported := filepath.Join(dir, "all.csv")
	os.WriteFile(exported, []byte(a), 0o600)
	if code, _, msg := runCLI(t, "", "-import", exported, "-no-ui", "-db", second); code != 0 || !strings.Contains(msg, "2 groups added") {
		t.Fatalf("import of the export: exit %d: %s", code, msg)
	}
	if b := dump(second); b != a {
		t.Errorf("the second database exports otherwise:\n%s\nwant:\n%s", b, a)
	}
	if code, _, msg := runCLI(t, "", "-import", exported, "-no-ui", "-db", second); code != 0 || !strings.Contains(msg, "2 groups unchanged") || strings.Contains(msg, "replaced") {
		t.Errorf("import again: exit %d: %s", code, msg)
	}
}

// groupsOf lists a file's groups as "Name:AE,SA Other:…".
func groupsOf(t *testing.T, db string) string {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	groups, err := st.Groups()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range groups {
		out = append(out, g.Name+":"+strings.Join(g.Members, ","))
	}
	return strings.Join(out, " ")
}

// TestGroups_ResumedMarket: the dashboard remembers a group as its market
// and opens on it again; once the group is deleted the remembered screen
// is not used, as when its apps are gone.
func TestGroups_ResumedMarket(t *testing.T) {
	db := defectDB(t, true)
	state := filepath.Join(t.TempDir(), "screens.json")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.SaveGroup(figures.Group{Name: "Two", Members: []string{"ID", "IN"}}); err != nil {
		t.Fatal(err)
	}
	sel := report.Selection{Apps: []string{"Resso"}, Country: "Two", GroupRows: true}
	if err := resume.Save(state, db, resume.Of("countries", sel)); err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	uc := resumeScreen(st, state, db, ui.Config{}, &stderr)
	if uc.View != "countries" || uc.Selection.Country != "Two" || !uc.Selection.GroupRows || uc.Note == "" {
		t.Fatalf("resumed %q %+v (%q); want the Countries view of Two", uc.View, uc.Selection, uc.Note)
	}
	if err := st.DeleteGroup("Two"); err != nil {
		t.Fatal(err)
	}
	uc = resumeScreen(st, state, db, ui.Config{}, &stderr)
	if uc.View != "" || uc.Selection.Country != "" {
		t.Errorf("a deleted group's screen was used: %q %+v", uc.View, uc.Selection)
	}
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
}
