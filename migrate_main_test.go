package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMigrate_FileOfTheLastMain opens a file written by the main this
// round started from (31d7ab5: schema 1, before platforms and before
// sources were part of a figure's identity): the bundled data, then an
// import that had replaced Sensor Tower's August with Apptopia's 3.1M
// and a hand-typed estimate with a note. It reads as it is, and the first
// write moves it to the current schema: every figure keeps its value,
// source, note and estimate mark and gets platform all; launches stay.
func TestMigrate_FileOfTheLastMain(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "main-v1.db"))
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(db, fixture, 0o600); err != nil {
		t.Fatal(err)
	}
	rows := func() []string {
		t.Helper()
		var out []string
		for _, l := range strings.Split(exportView(t, db, "data", "-format", "csv"), "\n") {
			if i := strings.Index(l, "T15:57:"); i > 0 {
				l = l[:i] // the changed time is what it was; compare the rest
			}
			out = append(out, l)
		}
		return out
	}
	before := rows()
	want := []string{
		"Anghami,SA,all,2020-03,2020-05,1250000,my notes,typed by hand,yes,2026-12-02",
		"Resso,WW,all,2020-08,2020-08,3100000,Apptopia,,no,2026-12-02",
		`Resso,WW,all,2020-03,2020-09,15200000,"Sensor Tower, as reported`,
		"Spotify,IN,,,,,,,,,2019-02",
	}
	for _, w := range want {
		if !strings.Contains(strings.Join(before, "\n"), w) {
			t.Errorf("read as it is: lacks %q", w)
		}
	}
	if len(before) != 1+11+5+1 { // header, 11 figures, 5 launches, the last newline
		t.Errorf("read %d lines, want 18:\n%s", len(before), strings.Join(before, "\n"))
	}
	// A write migrates: a new source for the same month is kept beside.
	add := filepath.Join(t.TempDir(), "st.csv")
	os.WriteFile(add, []byte(figuresHeader+"Resso,WW,2020-08,,3.6M,Sensor Tower\n"), 0o644)
	code, _, msg := runCLI(t, "", "-import", add, "-no-ui", "-db", db)
	if code != 0 || !strings.Contains(msg, "1 figure added") {
		t.Fatalf("import into the old file: %d %q", code, msg)
	}
	after := rows()
	for _, l := range before {
		if !strings.Contains(strings.Join(after, "\n"), l) {
			t.Errorf("after the migration, lost %q", l)
		}
	}
	if !strings.Contains(strings.Join(after, "\n"), "Resso,WW,all,2020-08,2020-08,3600000,Sensor Tower") {
		t.Error("the new source's figure is not beside Apptopia's")
	}
	if code, out, msg := runCLI(t, "", "-check", "-db", db); code != 0 || !strings.Contains(out, "sound") {
		t.Errorf("check after migration: %d %q %q", code, out, msg)
	}
}
