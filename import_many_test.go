package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImport_ManyFilesAFolderAndAnAppsFile: -import takes files and
// folders (a folder's files in name order, hidden ones left out), reads
// an apps file first whatever its place, and writes them in one
// transaction; -dry-run says what each file was read as, what the
// figures cover and each figure it would add.
func TestImport_ManyFilesAFolderAndAnAppsFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("reports/a.csv", "app,country,from,to,installs,source\nSpotify,IN,2020-01,2020-01,100,S\n")
	write("reports/sub/b.csv", "app,country,from,to,installs,source\nSpotify,IN,2020-02,2020-02,200,S\n")
	write("reports/.hidden.csv", "not,a,file,uptake,reads\n")
	apps := write("apps.csv", "name,publisher,android,ios\nSpotify,Spotify AB,com.spotify.music,324684580\n")
	db := filepath.Join(dir, "x.db")

	code, _, msg := runCLI(t, "", "-db", db, "-import", filepath.Join(dir, "reports"), apps, "-dry-run")
	for _, want := range []string{"apps.csv: read as apps file", "a.csv: read as uptake CSV", "b.csv: read as uptake CSV",
		"3 files: 1 app (Spotify), 1 country (IN), platform all, 2020-01..2020-02, 2 figures", "it would add 2 figures", "Spotify IN 2020-02 200 (S)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("dry run lacks %q:\n%s", want, msg)
		}
	}
	if code != 0 || strings.Contains(msg, "hidden") {
		t.Fatalf("dry run: exit %d\n%s", code, msg)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("the dry run wrote a database")
	}
	if code, _, msg := runCLI(t, "", "-db", db, "-import", filepath.Join(dir, "reports"), apps, "-no-ui"); code != 0 || !strings.Contains(msg, "2 figures added") {
		t.Fatalf("import: exit %d\n%s", code, msg)
	}
	_, out, _ := runCLI(t, "", "-db", db, "-export", "data", "-format", "csv")
	if !strings.Contains(out, "Spotify,IN,all,2020-01,2020-01,100,S") || !strings.Contains(out, "Spotify,IN,all,2020-02,2020-02,200,S") {
		t.Errorf("export after the import:\n%s", out)
	}

	// A bad file among good ones: nothing is written.
	bad := write("bad.csv", "app,country,from,to,installs\nSpotify,IN,2020-03,2020-03,lots\n")
	code, _, msg = runCLI(t, "", "-db", db, "-import", filepath.Join(dir, "reports"), bad, "-no-ui")
	if code != 1 || !strings.Contains(msg, "bad.csv:2: installs") || !strings.Contains(msg, "nothing was written") {
		t.Errorf("a bad file among good: exit %d\n%s", code, msg)
	}
	for _, args := range [][]string{{"-import", "-", apps}, {"-as", "play"}, {"-metric", "device"}, {"-import", apps, "-as", "nonsense"}} {
		if code, _, msg := runCLI(t, "", append([]string{"-db", db}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, %q", args, code, msg)
		}
	}
}

// TestMergeAppFlag: -merge-app A -into B moves A onto B from the command
// line; a missing app or a lone flag is refused.
func TestMergeAppFlag(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	runCLI(t, "", "-seed", "-no-ui", "-db", db)
	if code, _, msg := runCLI(t, "", "-db", db, "-merge-app", "Resso", "-into", "Resso Music"); code != 0 || !strings.Contains(msg, "moved Resso onto Resso Music: 8 figures, 3 launches") {
		t.Fatalf("exit %d, %q", code, msg)
	}
	_, out, _ := runCLI(t, "", "-db", db, "-export", "data", "-format", "csv")
	if strings.Contains(out, "\nResso,") || strings.Count(out, "\nResso Music,") != 8+3 {
		t.Errorf("after the rename:\n%s", out)
	}
	if code, _, msg := runCLI(t, "", "-db", db, "-merge-app", "Nope", "-into", "X"); code != 1 || !strings.Contains(msg, "not found") {
		t.Errorf("no such app: exit %d, %q", code, msg)
	}
	if code, _, _ := runCLI(t, "", "-db", db, "-merge-app", "Resso Music"); code != 2 {
		t.Errorf("-merge-app without -into: exit %d", code)
	}
}
