package main

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

func writeCSV(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "figures.csv")
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

const anghamiCSV = "app,country,from,to,installs,source\nAnghami,SA,2020-08,,1.5M,Arab News\nAnghami,SA,2020-09,,900k,Arab News\n"

// TestConcurrent_ImportWhileTheDashboardIsOpen: the dashboard holds its
// file as a transient store and reads it all the time (as its poll and
// its views do); an import from another process gets in, and the open
// store sees the new figures.
func TestConcurrent_ImportWhileTheDashboardIsOpen(t *testing.T) {
	db := seededDB(t)
	dash, err := store.Open(db, store.Options{Transient: true})
	if err != nil {
		t.Fatal(err)
	}
	defer dash.Close()
	if n, err := dash.Count(); err != nil || n.Figures != 10 {
		t.Fatalf("before: %+v %v", n, err)
	}
	// The dashboard keeps reading while the import runs.
	stop := make(chan struct{})
	var reads atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := dash.Stamp(); err != nil {
				t.Error(err)
				return
			}
			if _, err := dash.Count(); err != nil {
				t.Errorf("the dashboard could not read during the import: %v", err)
				return
			}
			reads.Add(1)
		}
	}()
	r := uptake(t, 20*time.Second, "-db", db, "-import", writeCSV(t, anghamiCSV), "-no-ui")
	close(stop)
	wg.Wait()
	if r.code != 0 || !strings.Contains(r.stderr, "2 figures added") {
		t.Fatalf("import beside the dashboard: exit %d, %q", r.code, r.stderr)
	}
	n, err := dash.Count()
	if err != nil || n.Figures != 12 {
		t.Fatalf("the dashboard's store sees %+v, %v; want 12 figures", n, err)
	}
	f, ok, err := dash.Figure(figures.Key{App: "anghami", Country: "SA", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Source: "Arab News"})
	if err != nil || !ok || f.Installs != 1_500_000 {
		t.Fatalf("new figure: %+v %v %v", f, ok, err)
	}
	t.Logf("import took %v beside %d reads by the dashboard", r.took.Round(time.Millisecond), reads.Load())
}

// TestConcurrent_SecondWriterWaitsThenSaysBusy: while one process holds
// the file for writing, a second waits its turn for at most the timeout
// (5 s), then exits 1 saying which file is busy; it never hangs, and the
// file holds what the first writer left.
func TestConcurrent_SecondWriterWaitsThenSaysBusy(t *testing.T) {
	db := seededDB(t)
	holder, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := uptake(t, 20*time.Second, "-db", db, "-import", writeCSV(t, anghamiCSV), "-no-ui")
	holder.Close()
	if r.code != 1 {
		t.Fatalf("second writer: exit %d, want 1; %q", r.code, r.stderr)
	}
	for _, want := range []string{db, "in use by another uptake process", "waited 5s", "try again"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("message %q lacks %q", r.stderr, want)
		}
	}
	if r.took < 4*time.Second || r.took > 15*time.Second {
		t.Errorf("the second writer gave up after %v; want about 5 s", r.took)
	}
	check, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := check.Count(); n.Figures != 10 {
		t.Errorf("after the refused import: %d figures, want 10", n.Figures)
	}
	check.Close()
	// -export, a reader, says the same rather than hang.
	holder, err = store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r = uptake(t, 20*time.Second, "-db", db, "-export", "data")
	holder.Close()
	if r.code != 1 || !strings.Contains(r.stderr, db) || !strings.Contains(r.stderr, "in use") {
		t.Errorf("export of a held file: exit %d, %q", r.code, r.stderr)
	}
}

// TestConcurrent_SecondWriterGetsItsTurn: when the first writer lets go
// within the timeout, the second writes, and nothing is lost.
func TestConcurrent_SecondWriterGetsItsTurn(t *testing.T) {
	db := seededDB(t)
	holder, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b := store.NewBatch("first writer")
	b.AddFigure(figures.Figure{App: "Boomplay", Country: "NG", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Installs: 42}, 0)
	if _, err := holder.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(time.Second)
		holder.Close()
	}()
	r := uptake(t, 20*time.Second, "-db", db, "-import", writeCSV(t, anghamiCSV), "-no-ui")
	if r.code != 0 || !strings.Contains(r.stderr, "2 figures added") {
		t.Fatalf("second writer: exit %d, %q", r.code, r.stderr)
	}
	if r.took < 500*time.Millisecond {
		t.Errorf("the second writer did not wait (%v)", r.took)
	}
	check, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	if n, _ := check.Count(); n.Figures != 13 {
		t.Errorf("%d figures, want 10 + 1 + 2: a write was lost", n.Figures)
	}
}
