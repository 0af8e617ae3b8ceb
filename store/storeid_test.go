package store

import (
	"path/filepath"
	"testing"

	"github.com/uptake/uptake/figures"
)

// TestApps_KeepTheirStoreIDs: an app's Play package and App Store id are
// stored with it, merged from later batches without losing the rest, and
// refused when they are not ids.
func TestApps_KeepTheirStoreIDs(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "ids.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := NewBatch("first")
	b.AddApp(figures.App{Name: "Spotify", Publisher: "Spotify AB", Android: "com.spotify.music"})
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	b = NewBatch("second")
	b.AddApp(figures.App{Name: "SPOTIFY", IOS: "324684580"})
	rep, err := s.Apply(b, false)
	if err != nil {
		t.Fatal(err)
	}
	a, ok, err := s.App("spotify")
	if err != nil || !ok || a != (figures.App{Name: "Spotify", Publisher: "Spotify AB", Android: "com.spotify.music", IOS: "324684580"}) || rep.AppsUpdated != 1 {
		t.Fatalf("app = %+v %v %v, %d updated", a, ok, err, rep.AppsUpdated)
	}
	for _, bad := range []figures.App{{Name: "X", Android: "com.x/../y"}, {Name: "X", IOS: "id324684580"}} {
		b := NewBatch("bad")
		b.AddApp(bad)
		if _, err := s.Apply(b, false); err == nil {
			t.Errorf("%+v was stored", bad)
		}
	}
}
