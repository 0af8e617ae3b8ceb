package store

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/uptake/uptake/figures"
)

// TestMergeApp: an app a store's file made from its id joins the app the
// researcher has: figures and launches move, ids join, the alike figure
// is counted once; undo brings both apps back as they were. A figure of
// the same identity with another value is a conflict, and nothing moves.
// A rename is a merge into a name no app has.
func TestMergeApp(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "m.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m := figures.MonthOf
	fig := func(app, country string, mo, n int) figures.Figure {
		return figures.Figure{App: app, Country: country, Platform: figures.Android, From: m(2020, mo), To: m(2020, mo), Installs: int64(n), Source: "Google Play Console"}
	}
	b := NewBatch("setup")
	b.AddApp(figures.App{Name: "Spotify", Publisher: "Spotify AB", IOS: "324684580"})
	b.AddApp(figures.App{Name: "com.spotify.music", Android: "com.spotify.music"})
	b.AddFigure(fig("Spotify", "IN", 1, 100), 0)
	b.AddFigure(fig("com.spotify.music", "IN", 1, 100), 0) // alike: one after the merge
	b.AddFigure(fig("com.spotify.music", "IN", 2, 200), 0)
	b.AddFigure(fig("com.spotify.music", "ZZ", 2, 7), 0)
	b.AddLaunch(figures.Launch{App: "com.spotify.music", Country: "IN", Month: m(2019, 2)})
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	rep, err := s.MergeApp("com.spotify.music", "Spotify")
	if err != nil {
		t.Fatal(err)
	}
	if rep.Duplicates != 1 || rep.Updated != 2 {
		t.Errorf("report %+v: want 1 duplicate, 2 moved", rep)
	}
	a, ok, _ := s.App("Spotify")
	if !ok || a.Android != "com.spotify.music" || a.IOS != "324684580" || a.Publisher != "Spotify AB" {
		t.Errorf("merged app %+v", a)
	}
	if _, ok, _ := s.App("com.spotify.music"); ok {
		t.Error("the merged app is still there")
	}
	in, _ := s.Series("Spotify", "IN")
	zz, _ := s.Series("Spotify", "ZZ")
	if len(in) != 2 || in[1].Installs != 200 || len(zz) != 1 {
		t.Errorf("Spotify IN %v, ZZ %v", in, zz)
	}
	if ls, _ := s.Launches("Spotify"); len(ls) != 1 || ls[0].Month != m(2019, 2) {
		t.Errorf("launches %v", ls)
	}
	if rep, err := s.Check(); err != nil || len(rep.Problems) > 0 {
		t.Fatalf("after the merge the file does not check: %v %+v", err, rep)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.App("com.spotify.music"); !ok {
		t.Error("undo did not bring the app back")
	}
	if in, _ := s.Series("Spotify", "IN"); len(in) != 1 {
		t.Errorf("after undo Spotify IN has %d figures, want 1", len(in))
	}

	// A conflict: the same identity, another value.
	b = NewBatch("conflict")
	b.AddFigure(fig("com.spotify.music", "IN", 2, 999), 0)
	b.AddFigure(fig("Spotify", "IN", 2, 200), 0)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeApp("com.spotify.music", "Spotify"); !errors.Is(err, ErrAppConflict) {
		t.Errorf("a conflicting merge: %v", err)
	}
	if _, ok, _ := s.App("com.spotify.music"); !ok {
		t.Error("a refused merge moved the app")
	}
	// A rename.
	if _, err := s.MergeApp("com.spotify.music", "Spotify (Play)"); err != nil {
		t.Fatal(err)
	}
	if figs, _ := s.Series("Spotify (Play)", "IN"); len(figs) != 2 || figs[0].App != "Spotify (Play)" {
		t.Errorf("renamed: %v", figs)
	}
	if _, err := s.MergeApp("Nope", "X"); !errors.Is(err, ErrNotFound) {
		t.Errorf("no such app: %v", err)
	}
}
