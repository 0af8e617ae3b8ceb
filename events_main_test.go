package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvents_ImportedShowOnTheirMarket: events imported from uptake JSON
// are marked on the Curves chart of their country and listed under it;
// another country's event is not, and the worldwide chart counts them.
func TestEvents_ImportedShowOnTheirMarket(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "e.db")
	file := filepath.Join(dir, "events.json")
	os.WriteFile(file, []byte(`{
  "figures": [
    {"app": "Resso", "country": "ID", "from": "2020-03", "installs": 1000000, "source": "S"},
    {"app": "Resso", "country": "ID", "from": "2020-04", "installs": 1200000, "source": "S"},
    {"app": "Resso", "country": "ID", "from": "2020-05", "installs": 1500000, "source": "S"},
    {"app": "Resso", "country": "WW", "from": "2020-04", "installs": 9000000, "source": "S"}
  ],
  "events": [
    {"app": "resso", "country": "ID", "month": "2020-04", "text": "Resso ad campaign", "source": "press release", "note": "TV and online"},
    {"country": "Indonesia", "month": "2020-05", "text": "Ramadan", "source": "calendar"},
    {"country": "IN", "month": "2020-04", "text": "Lockdown in India", "source": "news"}
  ]
}`), 0o600)
	code, _, msg := runCLI(t, "", "-import", file, "-dry-run", "-no-ui", "-db", db)
	wantIn(t, "the dry run", msg, "3 events added", "it would add 3 events:", "- 2020-04 ID resso: Resso ad campaign (press release)")
	if code != 0 {
		t.Fatalf("dry run: exit %d", code)
	}
	if code, _, msg := runCLI(t, "", "-import", file, "-no-ui", "-db", db); code != 0 || !strings.Contains(msg, "3 events added") {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	out := exportView(t, db, "curves", "-app", "Resso", "-country", "ID")
	wantIn(t, "Indonesia's curves", out,
		// Under the labels: 1 under Apr 20, 2 under May 20, thirty columns a month.
		"\n events"+strings.Repeat(" ", 32)+"1"+strings.Repeat(" ", 29)+"2\n",
		"1 2020-04 ID Indonesia · Resso: Resso ad campaign",
		"2 2020-05 ID Indonesia · Ramadan",
		"- press release: event 1 (2020-04 ID)")
	wantNotIn(t, "Indonesia's curves", out, "Lockdown")
	ww := exportView(t, db, "curves", "-app", "Resso", "-country", "WW")
	wantIn(t, "the worldwide curve", ww, "3 events of single countries in this window are not marked on the worldwide chart")
	md := exportView(t, db, "curves", "-app", "Resso", "-country", "ID", "-format", "markdown")
	wantIn(t, "Indonesia's curves in Markdown", md, "1 2020-04 ID Indonesia · Resso: Resso ad campaign")
	if code, out, _ := runCLI(t, "", "-check", "-db", db); code != 0 || !strings.Contains(out, "3 events") {
		t.Errorf("-check: exit %d: %s", code, out)
	}
}

// TestEvents_DataExportRoundTrips: events with commas, quotes and a
// note of several sentences go out in -export data and come back alike.
func TestEvents_DataExportRoundTrips(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	file := filepath.Join(dir, "events.csv")
	os.WriteFile(file, []byte("event,month,country,app,source,note\n"+
		"\"Ban, \"\"temporary\"\"\",2020-06,IN,,\"A, B\",\"one; two\"\n"+
		"Campaign,Jul 2020,WW,Resso,,\n"), 0o600)
	if code, _, msg := runCLI(t, "", "-import", file, "-no-ui", "-db", first); code != 0 || !strings.Contains(msg, "2 events added") {
		t.Fatalf("import: exit %d: %s", code, msg)
	}
	// A figure too: -export data needs something to export besides.
	if code, _, msg := runCLI(t, "", "-seed", "-no-ui", "-db", first); code != 0 {
		t.Fatal(msg)
	}
	dump := func(db string) string {
		code, out, msg := runCLI(t, "", "-export", "data", "-format", "csv", "-db", db)
		if code != 0 {
			t.Fatal(msg)
		}
		return changedColumn.ReplaceAllString(out, ",CHANGED,")
	}
	a := dump(first)
	wantIn(t, "the data export", a, `,IN,,2020-06,,,"A, B",one; two,,CHANGED,,"Ban, ""temporary"""`, "Resso,WW,,2020-07,,,,,,CHANGED,,Campaign")
	exported := filepath.Join(dir, "all.csv")
	os.WriteFile(exported, []byte(a), 0o600)
	if code, _, msg := runCLI(t, "", "-import", exported, "-no-ui", "-db", second); code != 0 || !strings.Contains(msg, "4 events added") {
		t.Fatalf("import of the export: exit %d: %s", code, msg)
	}
	if b := dump(second); b != a {
		t.Errorf("the second database exports otherwise:\n%s\nwant:\n%s", b, a)
	}
	// Imported again onto itself, nothing changes.
	if code, _, msg := runCLI(t, "", "-import", exported, "-no-ui", "-db", second); code != 0 || !strings.Contains(msg, "4 events unchanged") || strings.Contains(msg, "replaced") {
		t.Errorf("import again: exit %d: %s", code, msg)
	}
}
