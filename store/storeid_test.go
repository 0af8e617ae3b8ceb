package store

import (
	"errors"
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

// TestApps_StoreIDsAreNeverTakenOrMoved: an id, once an app's, is not
// changed by a later write that gives another (that is another app), is
// not given to a second app, and one batch cannot give an app two ids of
// a kind: each would let a file's figures land on the wrong app.
func TestApps_StoreIDsAreNeverTakenOrMoved(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "ids.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := NewBatch("first")
	b.AddApp(figures.App{Name: "Spotify", IOS: "324684580", Android: "com.spotify.music"})
	b.AddApp(figures.App{Name: "Deezer", IOS: "292738169"})
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		apps []figures.App
	}{
		{"another id for an app", []figures.App{{Name: "Spotify", IOS: "999"}}},
		{"another package for an app", []figures.App{{Name: "spotify", Android: "com.other"}}},
		{"an id another app holds", []figures.App{{Name: "Spotify", IOS: "324684580"}, {Name: "Deezer Lite", IOS: "324684580"}}},
		{"a held id for a new app", []figures.App{{Name: "Spotify Lite", Android: "com.spotify.music"}}},
		{"two ids in one batch", []figures.App{{Name: "Resso", Android: "com.a"}, {Name: "Resso", Android: "com.b"}}},
		{"one id for two apps in one batch", []figures.App{{Name: "Resso", IOS: "1"}, {Name: "Resso Music", IOS: "1"}}},
	} {
		b := NewBatch(c.name)
		for _, a := range c.apps {
			b.AddApp(a)
		}
		if _, err := s.Apply(b, false); !errors.Is(err, ErrAppConflict) {
			t.Errorf("%s: %v, want a conflict", c.name, err)
		}
	}
	if a, _, _ := s.App("Spotify"); a.IOS != "324684580" || a.Android != "com.spotify.music" {
		t.Errorf("Spotify's ids changed: %+v", a)
	}
}
