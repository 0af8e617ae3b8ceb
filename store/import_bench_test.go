package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/synth"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
)

// writeCSV writes the figures of a synthetic config to a file in dir.
func writeCSV(tb testing.TB, dir string, c synth.Config) string {
	tb.Helper()
	path := filepath.Join(dir, "figures.csv")
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	if err := c.WriteFigures(f); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// importFile does what uptake -import does: read the file into a batch
// and apply it to the store in one transaction.
func importFile(tb testing.TB, s *store.Store, path string) store.Report {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	batch := store.NewBatch("import " + filepath.Base(path))
	if ps := seed.Read(f, path, batch); len(ps) > 0 {
		tb.Fatal(ps.Error())
	}
	rep, err := s.Apply(batch, false)
	if err != nil {
		tb.Fatal(err)
	}
	return rep
}

// heapPeak samples the live heap while it runs, for a peak that
// testing's B/op (the total allocated) does not give.
type heapPeak struct {
	stop chan struct{}
	done chan struct{}
	peak atomic.Uint64
}

func watchHeap() *heapPeak {
	h := &heapPeak{stop: make(chan struct{}), done: make(chan struct{})}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/total:bytes"}}
	go func() {
		defer close(h.done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[1].Value.Uint64() - 0; v > h.peak.Load() {
				h.peak.Store(v)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

// Stop returns the peak of the memory the Go runtime held from the OS
// (heap, stacks and runtime structures; not the mapped database file).
func (h *heapPeak) Stop() uint64 {
	close(h.stop)
	<-h.done
	return h.peak.Load()
}

// BenchmarkImportMillion imports the million into a fresh file, as
// uptake -import big.csv does.
func BenchmarkImportMillion(b *testing.B) {
	dir := b.TempDir()
	path := writeCSV(b, dir, synth.Million)
	b.ReportAllocs()
	runtime.GC()
	h := watchHeap()
	i := 0
	for b.Loop() {
		i++
		db := filepath.Join(dir, fmt.Sprintf("import-%d.db", i))
		s, err := store.Open(db, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rep := importFile(b, s, path)
		if rep.Added != synth.Million.Figures() {
			b.Fatalf("added %d figures, want %d", rep.Added, synth.Million.Figures())
		}
		s.Close()
		b.StopTimer()
		os.Remove(db)
		b.StartTimer()
	}
	b.ReportMetric(float64(h.Stop())/(1<<20), "peak-MB")
}

// BenchmarkReimportMillion imports the million into a file that holds it
// already: every figure is read, compared and left unchanged.
func BenchmarkReimportMillion(b *testing.B) {
	dir := b.TempDir()
	path := writeCSV(b, dir, synth.Million)
	s, err := store.Open(filepath.Join(dir, "million.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	importFile(b, s, path)
	b.ReportAllocs()
	runtime.GC()
	h := watchHeap()
	for b.Loop() {
		rep := importFile(b, s, path)
		if rep.Unchanged != synth.Million.Figures() || rep.Changed() {
			b.Fatalf("second import: %s", rep)
		}
	}
	b.ReportMetric(float64(h.Stop())/(1<<20), "peak-MB")
}

// BenchmarkOpenMillion opens the million read-only, as -export does.
func BenchmarkOpenMillion(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "million.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Apply(synth.Million.Batch("million"), false); err != nil {
		b.Fatal(err)
	}
	s.Close()
	for b.Loop() {
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// modest is a synthetic file of 20,000 figures: large enough to span
// many bbolt pages and chunks of a batch, small enough for go test.
var modest = synth.Config{Apps: 20, Countries: 10, Months: 100, From: figures.MonthOf(2015, 1), Seed: 7}

func openAt(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path, store.Options{Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestImport_SecondImportChangesNothing: importing the same file again
// reports every figure unchanged and leaves the file's figures, their
// times and the history as they were.
func TestImport_SecondImportChangesNothing(t *testing.T) {
	dir := t.TempDir()
	csv := writeCSV(t, dir, modest)
	s := openAt(t, filepath.Join(dir, "uptake.db"))
	first := importFile(t, s, csv)
	if first.Added != modest.Figures() || first.AppsAdded != modest.Apps {
		t.Fatalf("first import: %s", first)
	}
	before := dump(t, s)
	hist, _, err := s.History()
	if err != nil {
		t.Fatal(err)
	}
	second := importFile(t, s, csv)
	if second.Unchanged != modest.Figures() || second.Changed() || second.Duplicates != 0 {
		t.Fatalf("second import: %s", second)
	}
	if after := dump(t, s); after != before {
		t.Error("the second import changed the figures")
	}
	if again, _, _ := s.History(); len(again) != len(hist) {
		t.Errorf("the second import added a history entry: %d then %d", len(hist), len(again))
	}
	n, err := s.Count()
	if err != nil || n.Figures != modest.Figures() || n.Series != modest.Apps*modest.Countries {
		t.Fatalf("count %+v, %v", n, err)
	}
}

// TestImport_BadLineWritesNothing: a file with one bad line in the middle
// is refused whole: the reader names the line, and a batch holding a bad
// figure in the middle is refused by the store with nothing written.
func TestImport_BadLineWritesNothing(t *testing.T) {
	dir := t.TempDir()
	good := writeCSV(t, dir, modest)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	mid := len(lines) / 2
	lines[mid] = strings.Replace(lines[mid], ",2", ",2O", 1) // a letter O in the year
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte(strings.Join(lines, "")), 0o644); err != nil {
		t.Fatal(err)
	}

	s := openAt(t, filepath.Join(dir, "uptake.db"))
	importFile(t, s, good)
	before := dump(t, s)
	f, err := os.Open(bad)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ps := seed.Read(f, "bad.csv", store.NewBatch("import bad.csv"))
	if len(ps) != 1 || ps[0].Line != mid+1 {
		t.Fatalf("problems %v, want one at line %d", ps, mid+1)
	}

	// The store's own check, for a batch that did not come from a reader.
	b := store.NewBatch("import bad")
	i := 0
	modest.EachFigure(func(fig figures.Figure) {
		fig.Installs++
		if i == modest.Figures()/2 {
			fig.To = fig.From - 1
		}
		b.AddFigure(fig, 0)
		i++
	})
	if _, err := s.Apply(b, false); err == nil {
		t.Fatal("a batch with a figure ending before it starts was applied")
	}
	if dump(t, s) != before {
		t.Error("a refused batch changed the figures")
	}
}

// TestBatch_OrderAndDuplicates: figures given out of order, over spans
// and twice come out sorted by (from, to); the same figure twice alike is
// one figure.
func TestBatch_OrderAndDuplicates(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "uptake.db"))
	m := func(y, mo int) figures.Month { return figures.MonthOf(y, mo) }
	b := store.NewBatch("test")
	for _, f := range []figures.Figure{
		{App: "B", Country: "IN", From: m(2020, 8), To: m(2020, 8), Installs: 1},
		{App: "A", Country: "WW", From: m(2020, 7), To: m(2020, 7), Installs: 2},
		{App: "b", Country: "IN", From: m(2020, 3), To: m(2020, 9), Installs: 3},
		{App: "A", Country: "WW", From: m(2020, 3), To: m(2020, 9), Installs: 4},
		{App: "A", Country: "WW", From: m(2020, 7), To: m(2020, 7), Installs: 2},
		{App: "A", Country: "IN", From: m(2020, 3), To: m(2020, 3), Installs: figures.MaxInstalls},
	} {
		f.Source = "test"
		b.AddFigure(f, 0)
	}
	rep, err := s.Apply(b, false)
	if err != nil || rep.Added != 5 || rep.Duplicates != 1 {
		t.Fatalf("report %s, %v", rep, err)
	}
	want := "A IN 2020-03..2020-03 1000000000000 false\n" +
		"A WW 2020-03..2020-09 4 false\n" +
		"A WW 2020-07..2020-07 2 false\n" +
		"B IN 2020-03..2020-09 3 false\n" +
		"B IN 2020-08..2020-08 1 false\n"
	if got := dump(t, s); got != want {
		t.Errorf("stored:\n%s\nwant:\n%s", got, want)
	}
}

// dump writes every figure, one a line.
func dump(t *testing.T, s *store.Store) string {
	t.Helper()
	var b strings.Builder
	err := s.EachFigure(func(f figures.Figure) bool {
		fmt.Fprintf(&b, "%s %s %s..%s %d %v\n", f.App, f.Country, f.From, f.To, f.Installs, f.Estimate)
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}
