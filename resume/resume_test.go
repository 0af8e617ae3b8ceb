package resume

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
)

func TestSaveLoad_RoundTripPerFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", "screens.json")
	sel := report.Selection{Apps: []string{"Resso", "Spotify"}, Country: "BR", Platform: figures.IOS,
		From: figures.MonthOf(2020, 3), To: figures.MonthOf(2020, 9), SinceLaunch: true, Scale: report.ScaleLog}
	if err := Save(path, "/data/a.db", Of("compare", sel)); err != nil {
		t.Fatal(err)
	}
	if err := Save(path, "/data/b.db", Of("curves", report.Selection{Apps: []string{"X"}, Country: "WW"})); err != nil {
		t.Fatal(err)
	}
	s, ok, err := Load(path, "/data/a.db")
	if err != nil || !ok || s.View != "compare" {
		t.Fatalf("Load = %+v %v %v", s, ok, err)
	}
	got, ok := s.Selection(func(a string) (string, bool) { return a, true }, nil)
	if !ok || !slices.Equal(got.Apps, sel.Apps) || got.Country != "BR" || got.Platform != figures.IOS ||
		got.From != sel.From || got.To != sel.To || !got.SinceLaunch || got.Cumulative || got.Scale != report.ScaleLog {
		t.Errorf("selection back = %+v, want %+v", got, sel)
	}
	if _, ok, _ := Load(path, "/data/c.db"); ok {
		t.Error("a file never opened has a screen")
	}
}

// TestSelection_KeepsWhatIsStillTrue: apps gone from the file are left
// out; a screen with none left, or a field edited into nonsense, is not
// used at all.
func TestSelection_KeepsWhatIsStillTrue(t *testing.T) {
	inFile := func(a string) (string, bool) { return a, a == "Resso" }
	for _, c := range []struct {
		name   string
		screen Screen
		ok     bool
		apps   []string
	}{
		{"one app gone", Screen{Apps: []string{"Gone", "Resso"}, Country: "IN", Platform: "all"}, true, []string{"Resso"}},
		{"every app gone", Screen{Apps: []string{"Gone"}, Country: "IN", Platform: "all"}, false, nil},
		{"no such country", Screen{Apps: []string{"Resso"}, Country: "Narnia", Platform: "all"}, false, nil},
		{"no such platform", Screen{Apps: []string{"Resso"}, Country: "IN", Platform: "pc"}, false, nil},
		{"bad month", Screen{Apps: []string{"Resso"}, Country: "IN", Platform: "all", From: "2020-13"}, false, nil},
		{"window backwards", Screen{Apps: []string{"Resso"}, Country: "IN", Platform: "all", From: "2020-09", To: "2020-03"}, false, nil},
	} {
		sel, ok := c.screen.Selection(inFile, nil)
		if ok != c.ok || ok && !slices.Equal(sel.Apps, c.apps) {
			t.Errorf("%s: %+v %v, want ok %v apps %v", c.name, sel, ok, c.ok, c.apps)
		}
	}
}

// TestSave_ForgetsTheOldestAndSurvivesDamage: at most maxFiles files are
// remembered, the oldest forgotten first; a damaged state file is
// reported by Load, then replaced whole by Save.
func TestSave_ForgetsTheOldestAndSurvivesDamage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "screens.json")
	for i := range maxFiles + 5 {
		if err := Save(path, fmt.Sprintf("/d/%d.db", i), Screen{View: "curves", Apps: []string{"A"}, Country: "WW", Platform: "all"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok, _ := Load(path, "/d/4.db"); ok {
		t.Error("the oldest file is still remembered")
	}
	if _, ok, _ := Load(path, fmt.Sprintf("/d/%d.db", maxFiles+4)); !ok {
		t.Error("the newest file is forgotten")
	}
	if err := os.WriteFile(path, []byte("{not json"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(path, "/d/1.db"); err == nil || !strings.Contains(err.Error(), "delete the file") {
		t.Errorf("a damaged state file: %v", err)
	}
	if err := Save(path, "/d/1.db", Screen{View: "data", Apps: []string{"A"}, Country: "WW", Platform: "all"}); err != nil {
		t.Fatal(err)
	}
	if s, ok, err := Load(path, "/d/1.db"); err != nil || !ok || s.View != "data" {
		t.Errorf("after the damage: %+v %v %v", s, ok, err)
	}
}

// TestLoad_ThroughALink: the screen saved for a file is found when the
// file is opened through a symbolic link (found by a review).
func TestLoad_ThroughALink(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "r.db")
	os.WriteFile(db, nil, 0o600)
	link := filepath.Join(dir, "link.db")
	if err := os.Symlink(db, link); err != nil {
		t.Skip(err)
	}
	path := filepath.Join(dir, "screens.json")
	if err := Save(path, db, Screen{View: "data", Apps: []string{"A"}, Country: "WW", Platform: "all"}); err != nil {
		t.Fatal(err)
	}
	if s, ok, err := Load(path, link); err != nil || !ok || s.View != "data" {
		t.Errorf("through a link: %+v %v %v", s, ok, err)
	}
}

// TestSelection_GroupMarket: a region or one of the file's groups comes
// back as the market, spelt as the file has it, with the Countries view's
// rows by region; a group since deleted makes the screen unused, as a
// vanished app does.
func TestSelection_GroupMarket(t *testing.T) {
	path := filepath.Join(t.TempDir(), "screens.json")
	all := func(a string) (string, bool) { return a, true }
	mena := figures.Group{Name: "MENA", Members: []string{"AE", "EG", "SA"}}
	for _, c := range []struct {
		market string
		groups []figures.Group
		ok     bool
		want   string
	}{
		{"035", nil, true, "035"},
		{"MENA", []figures.Group{mena}, true, "MENA"},
		{"mena", []figures.Group{mena}, true, "MENA"},
		{"MENA", nil, false, ""},
	} {
		sel := report.Selection{Apps: []string{"Resso"}, Country: c.market, GroupRows: true}
		if err := Save(path, "/data/g.db", Of("countries", sel)); err != nil {
			t.Fatal(err)
		}
		s, _, err := Load(path, "/data/g.db")
		if err != nil {
			t.Fatal(err)
		}
		got, ok := s.Selection(all, c.groups)
		if ok != c.ok || ok && (got.Country != c.want || !got.GroupRows || got.Group.Name == "") {
			t.Errorf("%s with %d groups: %+v %v; want ok %v, market %s", c.market, len(c.groups), got, ok, c.ok, c.want)
		}
	}
}
