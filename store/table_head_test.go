package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// A head holds the first apps in key order, each whole, until it has the
// rows asked for; it says how many figures the file holds, and that it
// lacks some, so that the Data view sorts and filters only the whole
// table. Figures, hand-counted: Alpha has 3 in IN and 2 in US, Beta 4 in
// IN: 9 in all.
func TestFigureTableHead(t *testing.T) {
	s, _ := newTestStore(t)
	b := batchOf(
		fig("Alpha", "IN", "2020-01", "", 1), fig("Alpha", "IN", "2020-02", "", 2), fig("Alpha", "IN", "2020-03", "", 3),
		fig("Alpha", "US", "2020-01", "", 4), fig("Alpha", "US", "2020-02", "", 5),
		fig("Beta", "IN", "2020-01", "", 6), fig("Beta", "IN", "2020-02", "", 7), fig("Beta", "IN", "2020-03", "", 8), fig("Beta", "IN", "2020-04", "", 9),
	)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		rows, len int
		partial   bool
		last      int64 // the installs of the head's last figure
	}{
		{1, 5, true, 5},  // Alpha, whole
		{5, 5, true, 5},  // exactly
		{6, 9, false, 9}, // and Beta: all of it
		{100, 9, false, 9},
		{0, 5, true, 5}, // at least one row
	} {
		var head *FigureTable
		if err := s.Read(func(r *Reader) (err error) { head, err = r.FigureTableHead(tc.rows); return err }); err != nil {
			t.Fatal(err)
		}
		f, err := head.At(head.Len() - 1)
		if err != nil || head.Len() != tc.len || head.Total() != 9 || head.Partial() != tc.partial || f.Installs != tc.last {
			t.Errorf("head of %d: %d of %d figures, partial %v, last %d (%v); want %d of 9, partial %v, last %d",
				tc.rows, head.Len(), head.Total(), head.Partial(), f.Installs, err, tc.len, tc.partial, tc.last)
		}
	}
	var all *FigureTable
	if err := s.Read(func(r *Reader) (err error) { all, err = r.FigureTable(); return err }); err != nil {
		t.Fatal(err)
	}
	if all.Len() != 9 || all.Total() != 9 || all.Partial() {
		t.Errorf("the whole table: %d of %d, partial %v", all.Len(), all.Total(), all.Partial())
	}
}

// A small file's head holds every app, and no read of the whole table
// follows it: it is checked as the whole table is, for series of an app
// the file does not list (found by a review).
func TestFigureTableHead_SmallFileIsCheckedWhole(t *testing.T) {
	s, path := newTestStore(t)
	if _, err := s.Apply(batchOf(fig("Alpha", "IN", "2020-01", "", 1), fig("Beta", "IN", "2020-01", "", 2)), false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSeries).Put(seriesKey(figures.FoldName("Gamma"), "IN"), []byte("a series of no app"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for name, read := range map[string]func(r *Reader) (*FigureTable, error){
		"head":  func(r *Reader) (*FigureTable, error) { return r.FigureTableHead(1000) },
		"whole": (*Reader).FigureTable,
	} {
		err := s.Read(func(r *Reader) error { _, err := read(r); return err })
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "belong to no app") {
			t.Errorf("%s: %v, want the series of no app named", name, err)
		}
	}
}
