package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// runCLI runs uptake with args and returns its exit status and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut, false)
	return code, out.String(), errOut.String()
}

func TestSeedTwiceReportsUnchanged(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, _, msg := runCLI(t, "", "-seed", "-no-ui", "-db", db)
	if code != 0 || !strings.Contains(msg, "10 figures added") || !strings.Contains(msg, "5 launches added") {
		t.Fatalf("first seed: %d %q", code, msg)
	}
	code, _, msg = runCLI(t, "", "-seed", "-no-ui", "-db", db)
	if code != 0 || !strings.Contains(msg, "10 figures unchanged; 5 launches unchanged") || strings.Contains(msg, "added") {
		t.Fatalf("second seed: %d %q", code, msg)
	}
}

func TestImportBadLineWritesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if code, _, msg := runCLI(t, "", "-seed", "-no-ui", "-db", db); code != 0 {
		t.Fatal(msg)
	}
	before, _ := os.ReadFile(db)
	csv := filepath.Join(dir, "bad.csv")
	os.WriteFile(csv, []byte("app,country,from,to,installs\nAnghami,SA,2020-07,,1.5M\nAnghami,SA,2020-08,,abc\n"), 0o600)
	for _, extra := range [][]string{nil, {"-dry-run"}} {
		args := append([]string{"-import", csv, "-no-ui", "-db", db}, extra...)
		code, _, msg := runCLI(t, "", args...)
		if code != 1 || !strings.Contains(msg, csv+":3: installs:") || !strings.Contains(msg, `"abc"`) {
			t.Errorf("%v: exit %d, %q", extra, code, msg)
		}
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(before, after) {
		t.Error("a refused import changed the database")
	}
}

func TestImportAcceptsTheUsualForms(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	csv := filepath.Join(dir, "ok.csv")
	os.WriteFile(csv, []byte("\ufeffApp;Country;From;To;Installs\r\nAnghami;Saudi Arabia;2020-08;;1.5M\r\nAnghami;SA;2020-09;;\"250,000\"\r\n"), 0o600)
	code, _, msg := runCLI(t, "", "-import", csv, "-dry-run", "-db", db)
	if code != 0 || !strings.Contains(msg, "2 figures added") || !strings.Contains(msg, "dry run") {
		t.Fatalf("dry run: %d %q", code, msg)
	}
	code, _, msg = runCLI(t, "", "-import", csv, "-no-ui", "-db", db)
	if code != 0 || !strings.Contains(msg, "2 figures added") {
		t.Fatalf("import: %d %q", code, msg)
	}
	code, out, msg := runCLI(t, "", "-export", "data", "-format", "csv", "-db", db)
	if code != 0 {
		t.Fatalf("export: %d %q", code, msg)
	}
	for _, want := range []string{"Anghami,SA,all,2020-08,2020-08,1500000,", "Anghami,SA,all,2020-09,2020-09,250000,"} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %q:\n%s", want, out)
		}
	}
	code, _, msg = runCLI(t, "", "-import", csv, "-no-ui", "-db", db)
	if code != 0 || !strings.Contains(msg, "2 figures unchanged") {
		t.Fatalf("second import: %d %q", code, msg)
	}
}

func TestDryRunCreatesNoDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "new", "x.db")
	csv := filepath.Join(dir, "ok.csv")
	os.WriteFile(csv, []byte("app,country,from,installs\nAnghami,SA,2020-08,1.5M\n"), 0o600)
	code, _, msg := runCLI(t, "", "-import", csv, "-dry-run", "-db", db)
	if code != 0 || !strings.Contains(msg, "1 figure added") {
		t.Fatalf("dry run: %d %q", code, msg)
	}
	if _, err := os.Stat(filepath.Dir(db)); !os.IsNotExist(err) {
		t.Errorf("a dry run created %s", filepath.Dir(db))
	}
}

func TestImportFromStdin(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, _, msg := runCLI(t, "app,country,launched\nAnghami,SA,2012-11\n", "-import", "-", "-no-ui", "-db", db)
	if code != 0 || !strings.Contains(msg, "1 launch added") {
		t.Fatalf("%d %q", code, msg)
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	runCLI(t, "", "-seed", "-no-ui", "-db", db)
	cases := [][]string{
		{"-export", "charts"},
		{"-export", "curves", "-format", "pdf"},
		{"-export", "curves", "-from", "2020-13"},
		{"-export", "curves", "-country", "Narnia"},
		{"-export", "curves", "-app", "Nosuchapp"},
		{"-export", "curves", "-width", "5"},
		{"-theme", "purple"},
		{"-export", "curves", "-theme", "dark"},
		{"-export", "curves", "-mouse"},
		{"-export", "curves", "-from", "2020-09", "-to", "2020-01"},
		{"-dry-run"},
		{"-no-ui"},
		{"-bogus"},
		{"stray"},
	}
	for _, c := range cases {
		code, _, msg := runCLI(t, "", append(c, "-db", db)...)
		if code != 2 || !strings.HasPrefix(msg, "uptake: ") {
			t.Errorf("%v: exit %d, %q", c, code, msg)
		}
	}
}

func TestExportNothingToShowExits1(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	runCLI(t, "", "-seed", "-no-ui", "-db", db)
	out := filepath.Join(t.TempDir(), "out.txt")
	code, stdout, msg := runCLI(t, "", "-export", "curves", "-app", "Spotify", "-country", "BR", "-o", out, "-db", db)
	if code != 1 || stdout != "" || !strings.Contains(msg, "nothing to show") {
		t.Errorf("exit %d, %q %q", code, stdout, msg)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("an empty export file was left behind")
	}
}

func TestExportIsDeterministic(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	runCLI(t, "", "-seed", "-no-ui", "-db", db)
	args := []string{"-export", "compare", "-app", "Resso,Spotify", "-country", "IN", "-since-launch", "-db", db}
	_, a, _ := runCLI(t, "", args...)
	_, b, _ := runCLI(t, "", args...)
	if a != b || a == "" {
		t.Error("two exports of the same selection differ")
	}
}

func TestDashboardNeedsATerminal(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	code, _, msg := runCLI(t, "", "-db", db)
	if code != 2 || !strings.Contains(msg, "needs a terminal") {
		t.Errorf("exit %d, %q", code, msg)
	}
}

func TestImportTooLargeIsRefused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	big := filepath.Join(dir, "big.csv")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: its size says 1 GB, its blocks are never written.
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, _, msg := runCLI(t, "", "-import", big, "-no-ui", "-db", db)
	if code != 1 || !strings.Contains(msg, "1024 MB") || !strings.Contains(msg, "split the file") {
		t.Errorf("exit %d, %q", code, msg)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Error("a refused import created the database")
	}
}

func TestImportTooLargeFromStdinIsRefused(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	var out, errOut bytes.Buffer
	cfg, err := parseArgs([]string{"-import", "-", "-no-ui", "-db", db}, &errOut)
	if err != nil {
		t.Fatal(err)
	}
	cfg.maxImport = 1 << 20
	input := io.MultiReader(strings.NewReader("app,country,from,installs\n"), &endless{})
	code := execute(cfg, input, &out, cleanWriter{&errOut}, false)
	if code != 1 || !strings.Contains(errOut.String(), "larger than 1 MB") {
		t.Errorf("exit %d, %q", code, errOut.String())
	}
}

// endless is an input that never ends: one valid row, over and over.
type endless struct{ pos int }

func (e *endless) Read(p []byte) (int, error) {
	const row = "Synthetic App,IN,2020-01,1000\n"
	for i := range p {
		p[i] = row[e.pos]
		e.pos = (e.pos + 1) % len(row)
	}
	return len(p), nil
}

// TestDataExportImportsAgain: -export data -format csv gives every figure
// (platform and source included), every launch and every event in the import format,
// so that a new database made from it exports the same.
func TestDataExportImportsAgain(t *testing.T) {
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db")
	extra := filepath.Join(dir, "extra.csv")
	os.WriteFile(extra, []byte("app,country,platform,from,installs,source\nResso,WW,ios,2020-08,1.1M,App Store Connect\nResso,WW,android,2020-08,2.4M,Play Console\nResso,WW,all,2020-08,3.1M,Apptopia\n"), 0o600)
	for _, args := range [][]string{{"-seed", "-no-ui", "-db", first}, {"-import", extra, "-no-ui", "-db", first}} {
		if code, _, msg := runCLI(t, "", args...); code != 0 {
			t.Fatal(msg)
		}
	}
	dump := func(db string) string {
		code, out, msg := runCLI(t, "", "-export", "data", "-format", "csv", "-db", db)
		if code != 0 {
			t.Fatal(msg)
		}
		var rows []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			rows = append(rows, changedColumn.ReplaceAllString(l, ",CHANGED,"))
		}
		return strings.Join(rows, "\n")
	}
	exported := filepath.Join(dir, "all.csv")
	a := dump(first)
	os.WriteFile(exported, []byte(a), 0o600)
	if code, _, msg := runCLI(t, "", "-import", exported, "-no-ui", "-db", second); code != 0 || !strings.Contains(msg, "13 figures added") || !strings.Contains(msg, "5 launches added") || !strings.Contains(msg, "2 events added") {
		t.Fatalf("exit %d: %s", code, msg)
	}
	if b := dump(second); b != a {
		t.Errorf("the second database exports otherwise:\n%s\nwant:\n%s", b, a)
	}
}

var changedColumn = regexp.MustCompile(`,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,`)
