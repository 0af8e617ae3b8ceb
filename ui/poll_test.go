package ui

import (
	"bytes"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// anghami is a figure another process writes while the dashboard is open.
func anghamiBatch() *store.Batch {
	b := store.NewBatch("import anghami.csv")
	b.AddFigure(figures.Figure{App: "Anghami", Country: "SA", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Installs: 1_500_000, Source: "Arab News"}, 0)
	return b
}

// writeElsewhere writes as a second uptake process does: its own handle,
// holding the file for the write only.
func writeElsewhere(t *testing.T, path string) {
	t.Helper()
	other, err := store.Open(path, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatalf("a second writer could not open the dashboard's file: %v", err)
	}
	defer other.Close()
	if _, err := other.Apply(anghamiBatch(), false); err != nil {
		t.Fatal(err)
	}
}

// TestPoll_ShowsAnotherProcesssWriteWithoutAKey: the dashboard, open on
// the Data view, shows a figure written by another handle within 2 s,
// with no key pressed.
func TestPoll_ShowsAnotherProcesssWriteWithoutAKey(t *testing.T) {
	s := newTestStore(t, true)
	tm := teatest.NewTestModel(t, New(Config{Store: StoreOf(s), Styles: report.NewStyles(), Poll: 200 * time.Millisecond, ExportDir: t.TempDir()}),
		teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "In their first 5 months")
	tm.Send(press("4"))
	waitFor(t, tm, "10 figures in all")
	written := time.Now()
	writeElsewhere(t, s.Path())
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("11 figures in all")) && bytes.Contains(b, []byte("Anghami"))
	},
		teatest.WithDuration(2*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	t.Logf("the write showed after %v", time.Since(written).Round(time.Millisecond))
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}

// TestPoll_WriteBeforeTheFirstStampIsSeen: the first stamp is read a poll
// after the first load; a write in between must show too. (It used to be
// taken as the baseline, leaving the screen stale until the next write.)
func TestPoll_WriteBeforeTheFirstStampIsSeen(t *testing.T) {
	m := newDriven(t, true)
	writeElsewhere(t, m.cfg.Store.Path())
	st, err := m.cfg.Store.Stamp()
	if err != nil {
		t.Fatal(err)
	}
	m = drive(t, m, stampMsg{st, nil})
	found := false
	for _, a := range m.apps {
		found = found || a.Name == "Anghami"
	}
	if !found {
		t.Fatalf("the dashboard did not read again after the first stamp: apps %v", m.apps)
	}
}

// TestPoll_StampChangesOnEveryWrite: two writes in quick succession, of
// the same size, give different stamps (the modification time alone can
// miss the second).
func TestPoll_StampChangesOnEveryWrite(t *testing.T) {
	s := newTestStore(t, true)
	seen := map[string]bool{}
	for i := 0; i < 20; i++ {
		f := figures.Figure{App: "Resso", Country: "WW", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Installs: int64(3_600_000 + i%2), Source: "x"}
		if _, err := s.SaveFigure(nil, f); err != nil {
			t.Fatal(err)
		}
		st, err := s.Stamp()
		if err != nil {
			t.Fatal(err)
		}
		if seen[st] {
			t.Fatalf("write %d left the stamp %s unchanged", i, st)
		}
		seen[st] = true
	}
}
