package seed

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// importInto reads a file into a batch and applies it, as uptake -import
// does.
func importInto(t *testing.T, st *store.Store, path string) store.Report {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name := filepath.Base(path)
	b := store.NewBatch("import " + name)
	b.File = name
	if _, ps := ReadWith(f, name, b, Options{}); len(ps) > 0 {
		t.Fatal(ps)
	}
	rep, err := st.Apply(b, false)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestImportTwice_vendorJSON: a vendor's response imported twice writes
// its figures and apps the first time, and changes nothing the second:
// the same figures, notes, marks and store ids, every one unchanged.
func TestImportTwice_vendorJSON(t *testing.T) {
	for _, c := range []struct {
		path          string
		figures, apps int
		ids           map[string]figures.App // apps as stored, by name
	}{
		{"testdata/sensortower/ios-monthly.json", 10, 2, map[string]figures.App{
			"284882215": {Name: "284882215", IOS: "284882215"}, "1142110895": {Name: "1142110895", IOS: "1142110895"}}},
		{"testdata/sensortower/android-daily.json", 2, 1, map[string]figures.App{
			"com.spotify.music": {Name: "com.spotify.music", Android: "com.spotify.music"}}},
		{"testdata/appfigures/products-monthly.json", 6, 2, map[string]figures.App{
			"40337456": {Name: "40337456"}, "280643419": {Name: "280643419"}}},
		{"testdata/appfigures/products-daily.json", 2, 1, map[string]figures.App{"40337456": {Name: "40337456"}}},
	} {
		st, err := store.Open(filepath.Join(t.TempDir(), "uptake.db"), store.Options{Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }})
		if err != nil {
			t.Fatal(err)
		}
		first := importInto(t, st, c.path)
		if first.Added != c.figures || first.AppsAdded != c.apps || first.Updated != 0 {
			t.Errorf("%s: first import: %s; want %d figures and %d apps added", c.path, first, c.figures, c.apps)
		}
		again := importInto(t, st, c.path)
		if again.Changed() || again.Unchanged != c.figures || again.Duplicates != 0 {
			t.Errorf("%s: second import: %s; want %d figures unchanged and nothing else", c.path, again, c.figures)
		}
		apps, err := st.Apps()
		if err != nil {
			t.Fatal(err)
		}
		if len(apps) != len(c.ids) {
			t.Errorf("%s: stored apps %+v", c.path, apps)
		}
		for _, a := range apps {
			if w := c.ids[a.Name]; a.Name != w.Name || a.IOS != w.IOS || a.Android != w.Android {
				t.Errorf("%s: stored app %+v, want %+v", c.path, a, w)
			}
		}
		st.Close()
	}
}
