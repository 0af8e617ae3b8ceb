package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

// gridBatch is 20 apps × 10 countries × 60 monthly figures whose
// installs depend on seed: two seeds differ in every figure.
func gridBatch(label string, seed int64) *Batch {
	b := NewBatch(label)
	codes := figures.CountryCodes()
	for a := range 20 {
		for c := range 10 {
			for m := range 60 {
				n := (int64(a*7919+c*104729+m*31)*seed)%900_000 + 1000
				b.AddFigure(figures.Figure{App: fmt.Sprintf("App %02d", a), Country: codes[c], From: mustMonth("2015-01") + figures.Month(m),
					To: mustMonth("2015-01") + figures.Month(m), Installs: n, Source: "grid"}, 0)
			}
		}
	}
	return b
}

// snapshot is every figure of the file as text.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	if err := s.EachFigure(func(f figures.Figure) bool {
		fmt.Fprintf(&b, "%s %s %s %d %s\n", f.App, f.Country, f.From, f.Installs, f.Source)
		return true
	}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestHistory_BudgetDropsTheOldestStepsAndSaysSo: with no floor, the
// history keeps as many compressed bytes as the records take. A first
// import's step is a list of keys; a re-import that changes every figure
// keeps the old values, compressed to well under the records' size, so
// it fits beside the first; a second such re-import does not fit beside
// them, and both older steps are dropped and named in its report. Undo
// then brings back exactly the figures of the step before it, and can
// go no further.
func TestHistory_BudgetDropsTheOldestStepsAndSaysSo(t *testing.T) {
	s, _ := newTestStore(t)
	s.histFloor = 0
	for _, c := range []struct {
		label string
		seed  int64
		drops []string
	}{{"import a.csv", 1, nil}, {"import b.csv", 2, nil}, {"import c.csv", 3, []string{"import a.csv", "import b.csv"}}} {
		rep, err := s.Apply(gridBatch(c.label, c.seed), false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range rep.Forgotten {
			got = append(got, e.Label)
		}
		if strings.Join(got, ",") != strings.Join(c.drops, ",") {
			t.Fatalf("%s dropped %q, want %q", c.label, got, c.drops)
		}
		if c.drops != nil && !strings.Contains(rep.String(), `2 older steps of undo dropped to keep the file small ("import a.csv" … "import b.csv"): they can no longer be undone`) {
			t.Errorf("%s: the report does not say what it dropped: %s", c.label, rep)
		}
		if c.label == "import b.csv" {
			defer func(want string) {
				if _, err := s.Undo(); err != nil {
					t.Fatal(err)
				}
				if got := snapshot(t, s); got != want {
					t.Errorf("undo of import c.csv does not give the figures of import b.csv back")
				}
				if _, err := s.Undo(); !errors.Is(err, ErrNothingToUndo) {
					t.Errorf("undo past the steps kept: %v", err)
				}
				entries, applied, err := s.History()
				if err != nil || len(entries) != 1 || applied != 0 || entries[0].Label != "import c.csv" {
					t.Errorf("history: %+v, %d applied, %v", entries, applied, err)
				}
			}(snapshot(t, s))
		}
	}
}

// TestHistory_CountCapIsNamed: past MaxHistory steps, the oldest is
// dropped, and the write that drops it says so; a write that returns no
// report (a deletion) drops none.
func TestHistory_CountCapIsNamed(t *testing.T) {
	s, _ := newTestStore(t)
	for i := range MaxHistory {
		if _, err := s.SaveFigure(nil, fig("A", "IN", "2020-01", "", int64(i))); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.DeleteFigure(figures.Key{App: "A", Country: "IN", From: mustMonth("2020-01"), To: mustMonth("2020-01"), Source: "test"}); err != nil {
		t.Fatal(err)
	}
	entries, _, _ := s.History()
	if len(entries) != MaxHistory+1 {
		t.Fatalf("a deletion dropped a step silently: %d steps", len(entries))
	}
	rep, err := s.SaveFigure(nil, fig("A", "IN", "2020-02", "", 1))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Forgotten) != 2 || rep.Forgotten[0].Label != "add A IN 2020-01 (test)" || !strings.Contains(rep.String(), "2 older steps of undo dropped") {
		t.Errorf("report: %s, forgot %+v", rep, rep.Forgotten)
	}
	if entries, _, _ := s.History(); len(entries) != MaxHistory {
		t.Errorf("%d steps kept, want %d", len(entries), MaxHistory)
	}
}

// TestCompact_ReimportsKeepTheFileSmall: three re-imports that change
// every figure leave the file at most twice its size after the first
// import (the pages they free are given back by compaction), every
// figure as imported, and the last step undoable; another store open on
// the path, as the dashboard holds it, reads the compacted file.
func TestCompact_ReimportsKeepTheFileSmall(t *testing.T) {
	s, path := newTestStore(t, Options{Transient: true})
	s.histFloor, s.compactMin = 0, 0
	other, err := Open(path, Options{Transient: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	size := func() int64 {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	if _, err := s.Apply(gridBatch("import", 1), false); err != nil {
		t.Fatal(err)
	}
	first := size()
	// Something left by a compaction that was killed goes with the next one.
	left := filepath.Join(filepath.Dir(path), ".uptake.db.compact-123")
	os.WriteFile(left, []byte("x"), 0o600)
	var before string
	for seed := int64(2); seed <= 4; seed++ {
		before = snapshot(t, s)
		if _, err := s.Apply(gridBatch("import", seed), false); err != nil {
			t.Fatal(err)
		}
	}
	if got := size(); got > 2*first {
		t.Errorf("after three re-imports the file is %d bytes, more than twice %d", got, first)
	}
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("the copy a killed compaction left is still there: %v", err)
	}
	after := snapshot(t, s)
	n, err := other.Count()
	if err != nil || n.Figures != 12_000 {
		t.Fatalf("the other store: %+v %v", n, err)
	}
	var fromOther strings.Builder
	other.EachFigure(func(f figures.Figure) bool {
		fmt.Fprintf(&fromOther, "%s %s %s %d %s\n", f.App, f.Country, f.From, f.Installs, f.Source)
		return true
	})
	if fromOther.String() != after {
		t.Error("the other store reads other figures")
	}
	if rep, err := s.Check(); err != nil || !rep.Sound() {
		t.Fatalf("check: %+v %v", rep, err)
	}
	if _, err := s.Undo(); err != nil || snapshot(t, s) != before {
		t.Errorf("undo after compaction: %v", err)
	}
}

// TestCompact_LeavesAFileWithOtherNames: a file with a second hard link
// is not replaced (the other name would keep the old file).
func TestCompact_LeavesAFileWithOtherNames(t *testing.T) {
	s, path := newTestStore(t)
	s.histFloor, s.compactMin = 0, 0
	if _, err := s.Apply(gridBatch("import", 1), false); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(filepath.Dir(path), "also.db")
	if err := os.Link(path, link); err != nil {
		t.Skip("no hard links here:", err)
	}
	if _, err := s.Apply(gridBatch("import", 2), false); err != nil {
		t.Fatal(err)
	}
	a, _ := os.Stat(path)
	b, _ := os.Stat(link)
	if !os.SameFile(a, b) {
		t.Error("the file was replaced: its other name now holds another")
	}
}

// TestBatch_MaxFiguresRefusedWhole: a write of more figures than the
// batch keeps is refused whole (nothing written, a dry run says the
// same), naming how many it held and the most; the figures past the cap
// are counted, not kept.
func TestBatch_MaxFiguresRefusedWhole(t *testing.T) {
	s, _ := newTestStore(t)
	b := NewBatch("import big.csv")
	b.max = 10
	for m := range 12 {
		b.AddFigure(fig("A", "IN", "2020-01", "", 1), 0)
		b.AddFigure(figures.Figure{App: "A", Country: "ID", From: mustMonth("2020-01") + figures.Month(m), To: mustMonth("2020-01") + figures.Month(m), Installs: 5}, 0)
	}
	if n, _ := b.Len(); n != 10 {
		t.Errorf("the batch kept %d figures, want 10", n)
	}
	for _, dry := range []bool{true, false} {
		_, err := s.Apply(b, dry)
		if !errors.Is(err, ErrTooMany) || !strings.Contains(err.Error(), "24 figures, and uptake writes at most 10 at a time") {
			t.Errorf("dry run %v: %v", dry, err)
		}
	}
	if n, err := s.Count(); err != nil || n.Figures != 0 {
		t.Errorf("after the refused write: %+v %v", n, err)
	}
}
