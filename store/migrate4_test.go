package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// dumpState is the state of a file as text in a fixed order: every
// figure, launch, event, group, app, the ranking and the history. The
// fixture's states were written with the same function by the uptake of
// schema 3 (1f945ea).
func dumpState(t *testing.T, s *store.Store) string {
	t.Helper()
	var lines []string
	err := s.EachFigure(func(f figures.Figure) bool {
		lines = append(lines, fmt.Sprintf("F %s|%s|%s|%s|%s|%d|%s|%s|%v|%s", f.App, f.Country, f.Platform, f.From, f.To, f.Installs, f.Source, f.Note, f.Estimate, f.Changed.UTC().Format(time.RFC3339)))
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	ls, err := s.Launches("")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		lines = append(lines, fmt.Sprintf("L %s|%s|%s", l.App, l.Country, l.Month))
	}
	es, err := s.Events()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		lines = append(lines, fmt.Sprintf("E %s|%s|%s|%s|%s|%s|%s", e.App, e.Country, e.Month, e.Text, e.Source, e.Note, e.Changed.UTC().Format(time.RFC3339)))
	}
	gs, err := s.Groups()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gs {
		lines = append(lines, fmt.Sprintf("G %s|%s", g.Name, strings.Join(g.Members, ",")))
	}
	apps, err := s.Apps()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range apps {
		lines = append(lines, fmt.Sprintf("A %s|%s|%s|%s", a.Name, a.Publisher, a.Android, a.IOS))
	}
	rk, err := s.Ranking()
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, "R "+strings.Join(rk, ","))
	hist, applied, err := s.History()
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range hist {
		lines = append(lines, fmt.Sprintf("H %d %v %s", h.Seq, i < applied, h.String()))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// openFixture copies testdata/name to a new folder and opens it.
func openFixture(t *testing.T, name string) (*store.Store, string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{Now: func() time.Time { return time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// TestMigrate_V3KeepsEverythingAndItsUndo opens a schema-3 file that the
// uptake of 1f945ea wrote (testdata/main-v3.db: the bundled data, a
// group, an import that replaced a figure and added an app with a
// launch and an event, an event of every app, a rename, a deleted figure,
// a ranking, and a launch change undone) and moves it to the current
// schema: every figure, launch, event, group, app, the ranking and the
// history read as that uptake read them, and each undo, and the redo,
// give what that uptake's gave (testdata/main-v3.states).
func TestMigrate_V3KeepsEverythingAndItsUndo(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "main-v3.states"))
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(string(raw), "==\n")
	states, redo := strings.Split(parts[0], "--\n"), parts[1]
	s, path := openFixture(t, "main-v3.db")
	if got := dumpState(t, s); got != states[0] {
		t.Fatalf("after the migration:\n%s\nwant:\n%s", got, states[0])
	}
	rep, err := s.Check()
	if err != nil || !rep.Sound() {
		t.Fatalf("check after the migration: %+v %v", rep, err)
	}
	for i := 1; i < len(states); i++ {
		if _, err := s.Undo(); err != nil {
			t.Fatalf("undo %d: %v", i, err)
		}
		if got := dumpState(t, s); got != states[i] {
			t.Fatalf("after undo %d:\n%s\nwant:\n%s", i, got, states[i])
		}
	}
	if _, err := s.Undo(); !errors.Is(err, store.ErrNothingToUndo) {
		t.Errorf("undo past the first step: %v", err)
	}
	s.Close()
	// The step undone before the migration is redone as it was.
	s, _ = openFixture(t, "main-v3.db")
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := dumpState(t, s); got != redo {
		t.Fatalf("after the redo:\n%s\nwant:\n%s", got, redo)
	}
	if left, _ := filepath.Glob(path + ".bak*"); len(left) > 0 {
		t.Errorf("backup left after a committed migration: %v", left)
	}
}
