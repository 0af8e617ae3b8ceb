package ui

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/synth"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
)

// referenceOrder is how the Data view ordered its rows before it kept
// them packed: every figure decoded, filtered on its cells as drawn, and
// sorted with a comparison, the whole order reversed for descending.
func referenceOrder(figs []figures.Figure, needle string, col int, desc bool) []figures.Figure {
	var shown []figures.Figure
	for _, f := range figs {
		if referenceMatch(f, needle) {
			shown = append(shown, f)
		}
	}
	slices.SortStableFunc(shown, func(a, b figures.Figure) int {
		var c int
		switch col {
		case colApp:
			c = cmp.Compare(figures.FoldName(a.App), figures.FoldName(b.App))
		case colCountry:
			c = cmp.Compare(a.Country, b.Country)
		case colPlatform:
			c = cmp.Compare(a.Platform, b.Platform)
		case colFrom:
			c = cmp.Compare(a.From, b.From)
		case colTo:
			c = cmp.Compare(a.To, b.To)
		case colInstalls:
			c = cmp.Compare(a.Installs, b.Installs)
		case colEstimate:
			c = cmp.Compare(boolInt(a.Estimate), boolInt(b.Estimate))
		case colSource:
			c = cmp.Compare(a.Source, b.Source)
		case colNote:
			c = cmp.Compare(a.Note, b.Note)
		}
		c = cmp.Or(c, cmp.Compare(figures.FoldName(a.App), figures.FoldName(b.App)), cmp.Compare(a.Country, b.Country), figures.CompareIdentity(a, b))
		if desc {
			return -c
		}
		return c
	})
	return shown
}

// referenceMatch is the Data view's filter, written plainly: every word
// in some cell, or in the cell of the column it names; words naming one
// column are alternatives.
func referenceMatch(f figures.Figure, needle string) bool {
	cells := report.DataCells(f)
	names := []string{"app", "country", "platform", "from", "to", "installs", "estimate", "source", "note"}
	byCol := map[int][]string{}
	for _, w := range strings.Fields(needle) {
		if name, value, ok := strings.Cut(w, ":"); ok && value != "" && slices.Contains(names, name) {
			col := slices.Index(names, name)
			byCol[col] = append(byCol[col], value)
			continue
		}
		if !strings.Contains(strings.ToLower(strings.Join(cells, "\x00")), w) {
			return false
		}
	}
	for col, words := range byCol {
		any := false
		for _, w := range words {
			cell := strings.ToLower(cells[col])
			any = any || strings.Contains(cell, w) || col == colCountry && len(w) > 2 && strings.Contains(strings.ToLower(figures.CountryName(f.Country)), w) ||
				col == colEstimate && w == "yes" && f.Estimate
		}
		if !any {
			return false
		}
	}
	return true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mixedStore holds the bundled dataset (spans, estimates, notes) and a
// small synthetic one with a few twists: another source, notes, an
// estimate, an app spelt in another case.
func mixedStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "mixed.db"), store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	b := store.NewBatch(seed.BundledLabel)
	if err := seed.Bundled(b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	small := synth.Config{Apps: 6, Countries: 4, Months: 15, From: figures.MonthOf(2019, 11), Seed: 3}
	batch := store.NewBatch("synthetic")
	i := 0
	small.EachFigure(func(f figures.Figure) {
		switch i % 7 {
		case 1:
			f.Source = "Another source"
		case 2:
			f.Note, f.Estimate = fmt.Sprintf("note %d", i%3), true
		case 3:
			f.App = strings.ToUpper(f.App)
		}
		batch.AddFigure(f, 0)
		i++
	})
	if _, err := s.Apply(batch, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestDataView_OrderMatchesReference: sorting by every column both ways
// and filtering on cells of every kind give the rows the Data view gave
// when it sorted decoded figures.
func TestDataView_OrderMatchesReference(t *testing.T) {
	s := mixedStore(t)
	var all []figures.Figure
	if err := s.EachFigure(func(f figures.Figure) bool { all = append(all, f); return true }); err != nil {
		t.Fatal(err)
	}
	var rows *store.FigureTable
	if err := s.Read(func(r *store.Reader) error {
		var err error
		rows, err = r.FigureTable()
		return err
	}); err != nil {
		t.Fatal(err)
	}
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	for _, needle := range []string{"", "in", "2020-0", "4.8", "1.2m", "*", "synthetic", "another", "note 1", "resso", "zz", "m", "k",
		"resso in", "app:resso country:in", "app:resso app:synthetic", "country:india", "source:another note:1", "estimate:yes platform:all", "installs:1.2m", "bogus:x"} {
		for col := range report.DataHeader() {
			for _, desc := range []bool{false, true} {
				want := referenceOrder(all, needle, col, desc)
				got := orderRows(cols, needle, col, desc)
				if len(got) != len(want) {
					t.Fatalf("%q col %d desc %v: %d rows, want %d", needle, col, desc, len(got), len(want))
				}
				for k, i := range got {
					f, err := rows.At(int(i))
					if err != nil {
						t.Fatal(err)
					}
					if f.Key() != want[k].Key() {
						t.Fatalf("%q col %d desc %v: row %d is %+v, want %+v", needle, col, desc, k, f.Key(), want[k].Key())
					}
				}
			}
		}
	}
}

// TestDataView_TableOfMatchesStore: the table made from figures in memory
// (the path for a Source without FigureTable) lists what the store's does.
func TestDataView_TableOfMatchesStore(t *testing.T) {
	s := mixedStore(t)
	var fromStore *store.FigureTable
	var fromFigures report.DataRows
	if err := s.Read(func(r *store.Reader) error {
		var err error
		if fromStore, err = r.FigureTable(); err != nil {
			return err
		}
		fromFigures, err = report.LoadData(r)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	made := store.TableOf(fromFigures.Figures)
	if made.Len() != fromStore.Len() || made.Len() != len(fromFigures.Figures) {
		t.Fatalf("lengths %d, %d, %d", made.Len(), fromStore.Len(), len(fromFigures.Figures))
	}
	for i := range made.Len() {
		a, err1 := made.At(i)
		b, err2 := fromStore.At(i)
		if err1 != nil || err2 != nil || !a.Same(b) || !a.Changed.Equal(b.Changed) {
			t.Fatalf("figure %d: %+v %v, %+v %v", i, a, err1, b, err2)
		}
		if i2, ok := made.Find(a.Key()); !ok || i2 != i {
			t.Fatalf("Find(%+v) = %d, %v; want %d", a.Key(), i2, ok, i)
		}
	}
}

// TestDataView_KeepsPlaceAcrossReloads: after a reload the cursor stays on
// the same figure, or on the same row when that figure is gone.
func TestDataView_KeepsPlaceAcrossReloads(t *testing.T) {
	s := mixedStore(t)
	load := func() *store.FigureTable {
		var d *store.FigureTable
		if err := s.Read(func(r *store.Reader) error {
			var err error
			d, err = r.FigureTable()
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return d
	}
	v := newDataView(newKeyMap(report.Views()), report.PlainStyles())
	v.setSize(100, 20)
	v.set(load())
	for range 40 {
		v, _ = v.update(press("down"))
	}
	v, _ = v.update(press("s"))
	v, _ = v.update(press("c")) // by country, from the top
	for range 40 {
		v, _ = v.update(press("down"))
	}
	before, ok := v.selected()
	if !ok {
		t.Fatal("nothing selected")
	}
	row := v.cursor
	v.set(load())
	if after, _ := v.selected(); after.Key() != before.Key() || v.cursor != row {
		t.Fatalf("after a reload: %+v at row %d, want %+v at row %d", after.Key(), v.cursor, before.Key(), row)
	}
	if _, err := s.DeleteFigure(before.Key()); err != nil {
		t.Fatal(err)
	}
	v.set(load())
	if v.cursor != row {
		t.Fatalf("after deleting the figure under the cursor: row %d, want %d", v.cursor, row)
	}
	if !strings.Contains(v.view(), fmt.Sprintf("row %d of", row+1)) {
		t.Errorf("status: %q", firstLine(v.view()))
	}
}
