package report

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var fixedNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// newTestStore opens a store in a temporary folder, loaded with the
// bundled dataset when seeded is true.
func newTestStore(t testing.TB, seeded bool) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "uptake.db"), store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if seeded {
		b := store.NewBatch(seed.BundledLabel)
		if err := seed.Bundled(b); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Apply(b, false); err != nil {
			t.Fatal(err)
		}
	}
	return s
}
