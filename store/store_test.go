package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
)

var testNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

func newTestStore(t *testing.T, opt ...Options) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sub", "uptake.db")
	o := Options{Now: func() time.Time { return testNow }}
	if len(opt) > 0 {
		o = opt[0]
		o.Now = func() time.Time { return testNow }
	}
	s, err := Open(path, o)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func fig(app, country, from, to string, n int64) figures.Figure {
	f := figures.Figure{App: app, Country: country, From: mustMonth(from), To: mustMonth(from), Installs: n, Source: "test"}
	if to != "" {
		f.To = mustMonth(to)
	}
	return f
}

func mustMonth(s string) figures.Month {
	m, err := figures.ParseMonth(s)
	if err != nil {
		panic(err)
	}
	return m
}

func batchOf(figs ...figures.Figure) *Batch {
	b := NewBatch("test")
	for _, f := range figs {
		b.AddFigure(f, 0)
	}
	return b
}

func TestStore_OpenCreatesPrivateFile(t *testing.T) {
	_, path := newTestStore(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(filepath.Dir(path))
	if di.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v, want 0700", di.Mode().Perm())
	}
}

func TestStore_ApplyReportsAndIsIdempotent(t *testing.T) {
	s, _ := newTestStore(t)
	b := batchOf(fig("Resso", "WW", "2020-07", "", 2200000), fig("Resso", "WW", "2020-08", "", 3600000), fig("resso", "IN", "2020-03", "2020-07", 9800000))
	b.AddLaunch(figures.Launch{App: "Resso", Country: "IN", Month: mustMonth("2020-03")})
	rep, err := s.Apply(b, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 3 || rep.Updated != 0 || rep.Unchanged != 0 || rep.LaunchesAdded != 1 || rep.AppsAdded != 1 {
		t.Errorf("first apply: %+v", rep)
	}
	rep, err = s.Apply(b, false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Changed() || rep.Unchanged != 3 || rep.LaunchesUnchanged != 1 {
		t.Errorf("second apply changed something: %+v", rep)
	}
	if got := rep.String(); got != "3 figures unchanged; 1 launch unchanged" {
		t.Errorf("report = %q", got)
	}
	rep, _ = s.Apply(batchOf(fig("RESSO", "WW", "2020-08", "", 3700000)), false)
	if rep.Updated != 1 || rep.Added != 0 {
		t.Errorf("update: %+v", rep)
	}
	figs, err := s.Series("resso", "WW")
	if err != nil || len(figs) != 2 || figs[1].Installs != 3700000 || figs[0].App != "Resso" {
		t.Fatalf("series = %+v, %v", figs, err)
	}
	if !figs[1].Changed.Equal(testNow) {
		t.Errorf("changed = %v", figs[1].Changed)
	}
}

func TestStore_DryRunWritesNothing(t *testing.T) {
	s, path := newTestStore(t)
	before, _ := os.ReadFile(path)
	rep, err := s.Apply(batchOf(fig("Resso", "WW", "2020-07", "", 1)), true)
	if err != nil || rep.Added != 1 {
		t.Fatalf("dry run: %+v %v", rep, err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("dry run changed the file")
	}
	if n, _ := s.Count(); n.Figures != 0 {
		t.Errorf("dry run stored %d figures", n.Figures)
	}
}

// TestStore_DuplicatesInBatch: the same figure twice alike is one figure;
// twice with different values, the write is refused naming both, and
// nothing is written.
func TestStore_DuplicatesInBatch(t *testing.T) {
	s, _ := newTestStore(t)
	rep, err := s.Apply(batchOf(fig("A", "IN", "2020-01", "", 1), fig("A", "IN", "2020-01", "", 1)), false)
	if err != nil || rep.Added != 1 || rep.Duplicates != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	b := NewBatch("import f.csv")
	b.File = "f.csv"
	b.AddFigure(fig("A", "IN", "2020-02", "", 1), 2)
	b.AddFigure(fig("A", "IN", "2020-02", "", 2), 7)
	_, err = s.Apply(b, false)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "f.csv:2 and line 7") || !strings.Contains(err.Error(), "A IN 2020-02 (test) is 1 on one line and 2 on the other") {
		t.Fatalf("err = %v", err)
	}
	if n, _ := s.Count(); n.Figures != 1 {
		t.Errorf("a refused batch wrote: %d figures", n.Figures)
	}
}

func TestStore_UndoRedoSurvivesRestart(t *testing.T) {
	s, path := newTestStore(t)
	if _, err := s.Apply(batchOf(fig("A", "IN", "2020-01", "", 1)), false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveFigure(nil, fig("A", "IN", "2020-02", "", 5)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteFigure(figures.Key{App: "A", Country: "IN", From: mustMonth("2020-01"), To: mustMonth("2020-01"), Source: "test"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	count := func() int { n, _ := s.Count(); return n.Figures }
	if count() != 1 {
		t.Fatalf("after delete: %d figures", count())
	}
	e, err := s.Undo()
	if err != nil || !strings.HasPrefix(e.Label, "delete A IN 2020-01") || count() != 2 {
		t.Fatalf("undo delete: %v %v, %d figures", e, err, count())
	}
	if _, err := s.Undo(); err != nil || count() != 1 {
		t.Fatalf("undo add: %v, %d figures", err, count())
	}
	if _, err := s.Undo(); err != nil || count() != 0 {
		t.Fatalf("undo import: %v, %d figures", err, count())
	}
	if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
		t.Fatalf("undo past the start: %v", err)
	}
	if _, err := s.Redo(); err != nil || count() != 1 {
		t.Fatalf("redo import: %v, %d figures", err, count())
	}
	// A new write drops the redo branch.
	if _, err := s.SaveFigure(nil, fig("B", "ID", "2020-01", "", 7)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Redo(); !errors.Is(err, ErrNothingToRedo) {
		t.Fatalf("redo after a new write: %v", err)
	}
	entries, applied, err := s.History()
	if err != nil || len(entries) != 2 || applied != 2 {
		t.Fatalf("history: %d entries, %d applied, %v", len(entries), applied, err)
	}
}

func TestStore_SaveFigureMoves(t *testing.T) {
	s, _ := newTestStore(t)
	old := fig("A", "IN", "2020-01", "", 1)
	s.SaveFigure(nil, old)
	k := old.Key()
	moved := fig("A", "ID", "2020-02", "", 9)
	rep, err := s.SaveFigure(&k, moved)
	if err != nil || rep.Updated != 1 || rep.Added != 0 || rep.Deleted != 0 {
		t.Fatalf("move: %+v %v", rep, err)
	}
	if _, ok, _ := s.Figure(k); ok {
		t.Error("old identity still there")
	}
	if f, ok, _ := s.Figure(moved.Key()); !ok || f.Installs != 9 {
		t.Error("moved figure missing")
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Figure(k); !ok {
		t.Error("undo of a move did not bring the old figure back")
	}
}

func TestStore_ValidationRefusesBadFigures(t *testing.T) {
	s, _ := newTestStore(t)
	bad := []figures.Figure{
		{App: "A", Country: "XX", From: mustMonth("2020-01"), To: mustMonth("2020-01")},
		{App: "A", Country: "IN", From: mustMonth("2020-02"), To: mustMonth("2020-01")},
		{App: "A", Country: "IN", From: mustMonth("2020-02"), To: mustMonth("2020-02"), Installs: -1},
		{App: "", Country: "IN", From: mustMonth("2020-02"), To: mustMonth("2020-02")},
		{App: "A\x1b]52;c;aGk=\x07", Country: "IN", From: mustMonth("2020-02"), To: mustMonth("2020-02")},
		{App: "A", Country: "IN", From: mustMonth("2020-02"), To: mustMonth("2020-02"), Note: "\u202eevil"},
		{App: "A", Country: "IN", From: mustMonth("2020-02"), To: mustMonth("2020-02"), Installs: figures.MaxInstalls + 1},
	}
	for _, f := range bad {
		if _, err := s.SaveFigure(nil, f); err == nil {
			t.Errorf("saved %+v", f)
		}
		if _, err := s.Apply(batchOf(f), false); err == nil {
			t.Errorf("applied %+v", f)
		}
	}
	if n, _ := s.Count(); n.Figures != 0 || n.Apps != 0 {
		t.Errorf("something was written: %+v", n)
	}
}

func TestStore_RefusesForeignFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	random := bytes.Repeat([]byte("not a database, just text\n"), 400)
	cases := []struct {
		name string
		path string
		want error
	}{
		{"text file", write("notes.txt", random), ErrNotUptake},
		{"short file", write("short.db", []byte("x")), ErrNotUptake},
		{"folder", dir, nil},
	}
	for _, c := range cases {
		before, _ := os.ReadFile(c.path)
		_, err := Open(c.path, Options{Timeout: time.Second})
		if err == nil {
			t.Errorf("%s: opened", c.name)
			continue
		}
		if c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
		}
		if !strings.Contains(err.Error(), c.path) {
			t.Errorf("%s: message does not name the file: %v", c.name, err)
		}
		after, _ := os.ReadFile(c.path)
		if !bytes.Equal(before, after) {
			t.Errorf("%s: file changed", c.name)
		}
	}
}

func TestStore_TruncatedFileRefused(t *testing.T) {
	s, path := newTestStore(t)
	s.Apply(batchOf(fig("A", "IN", "2020-01", "", 1)), false)
	s.Close()
	data, _ := os.ReadFile(path)
	cut := filepath.Join(t.TempDir(), "cut.db")
	os.WriteFile(cut, data[:len(data)/2+100], 0o600)
	before, _ := os.ReadFile(cut)
	if _, err := Open(cut, Options{Timeout: time.Second}); !errors.Is(err, ErrDamaged) {
		t.Errorf("truncated: err = %v", err)
	}
	after, _ := os.ReadFile(cut)
	if !bytes.Equal(before, after) {
		t.Error("truncated file changed")
	}
}

func TestStore_BusyFileTimesOut(t *testing.T) {
	_, path := newTestStore(t)
	start := time.Now()
	_, err := Open(path, Options{Timeout: 200 * time.Millisecond})
	if !errors.Is(err, ErrBusy) || !strings.Contains(err.Error(), path) {
		t.Fatalf("second open: %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Error("second open hung")
	}
}

func TestStore_TransientLetsAnotherWriterIn(t *testing.T) {
	s, path := newTestStore(t, Options{Transient: true})
	other, err := Open(path, Options{Timeout: time.Second})
	if err != nil {
		t.Fatalf("another process could not open a transient store's file: %v", err)
	}
	if _, err := other.Apply(batchOf(fig("A", "IN", "2020-01", "", 1)), false); err != nil {
		t.Fatal(err)
	}
	other.Close()
	if n, err := s.Count(); err != nil || n.Figures != 1 {
		t.Fatalf("transient store sees %+v, %v", n, err)
	}
}

func TestStore_NewerSchemaRefused(t *testing.T) {
	s, path := newTestStore(t)
	s.update(func(tx *boltTx) error { return tx.Bucket(bucketMeta).Put(keySchema, []byte{0, 0, 0, 99}) })
	s.Close()
	before, _ := os.ReadFile(path)
	_, err := Open(path, Options{})
	if !errors.Is(err, ErrNewerSchema) {
		t.Fatalf("err = %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("file changed")
	}
}

func TestStore_AppSeriesReadsOneApp(t *testing.T) {
	s, _ := newTestStore(t)
	s.Apply(batchOf(fig("A", "IN", "2020-01", "", 1), fig("A", "WW", "2020-01", "", 3), fig("AB", "IN", "2020-01", "", 2)), false)
	m, err := s.AppSeries("a")
	if err != nil || len(m) != 2 || m["IN"][0].Installs != 1 {
		t.Fatalf("AppSeries = %+v %v", m, err)
	}
	c, _ := s.Countries("A")
	if strings.Join(c, ",") != "WW,IN" {
		t.Errorf("countries = %v", c)
	}
}

func TestReport_StringNamesTheFirstNumber(t *testing.T) {
	cases := []struct {
		r    Report
		want string
	}{
		{Report{Updated: 1, Unchanged: 9}, "1 figure updated, 9 unchanged"},
		{Report{Added: 3}, "3 figures added"},
		{Report{Added: 2, LaunchesAdded: 1}, "2 figures added; 1 launch added"},
		{Report{LaunchesUnchanged: 5, AppsAdded: 1}, "5 launches unchanged; 1 app added"},
		{Report{}, "nothing to write"},
	}
	for _, c := range cases {
		if got := c.r.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.r, got, c.want)
		}
	}
}
