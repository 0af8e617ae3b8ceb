package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// EachSeriesTotal adds up each series' installs as reading every figure
// would: A in IN 100 + 250 (two months) + 40 (another source) = 390; A
// in WW 1000; B in IN 7.
func TestEachSeriesTotal_AddsEverySeries(t *testing.T) {
	s, _ := newTestStore(t)
	other := fig("A", "IN", "2020-01", "", 40)
	other.Source = "another"
	if _, err := s.Apply(batchOf(fig("A", "IN", "2020-01", "", 100), fig("A", "IN", "2020-02", "", 250), other,
		fig("A", "WW", "2020-01", "2020-03", 1000), fig("B", "IN", "2020-05", "", 7)), false); err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	err := s.Read(func(r *Reader) error {
		return r.EachSeriesTotal(func(app, country string, n int64) bool {
			got[app+" "+country] += n
			return true
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"A IN": 390, "A WW": 1000, "B IN": 7}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s = %d, want %d", k, got[k], n)
		}
	}
	// The same as every figure read one by one.
	each := map[string]int64{}
	if err := s.Read(func(r *Reader) error {
		return r.EachFigure(func(f figures.Figure) bool { each[f.App+" "+f.Country] += f.Installs; return true })
	}); err != nil {
		t.Fatal(err)
	}
	for k, n := range each {
		if got[k] != n {
			t.Errorf("%s: %d by series, %d by figure", k, got[k], n)
		}
	}
}

// seriesTotals returns EachSeriesTotal's sums, and fails the test where
// they differ from the figures read one by one.
func seriesTotals(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	got, each := map[string]int64{}, map[string]int64{}
	err := s.Read(func(r *Reader) error {
		if err := r.EachSeriesTotal(func(app, country string, n int64) bool {
			got[app+" "+country] += n
			return true
		}); err != nil {
			return err
		}
		return r.EachFigure(func(f figures.Figure) bool { each[f.App+" "+f.Country] += f.Installs; return true })
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(each) {
		t.Errorf("%d series by the records, %d by the figures: %v against %v", len(got), len(each), got, each)
	}
	for k, n := range each {
		if got[k] != n {
			t.Errorf("%s: %d by the records, %d by the figures", k, got[k], n)
		}
	}
	return got
}

// The sums kept in the app records follow every write: a replaced
// figure, a deleted one, an undo and a redo. A in IN: 100 + 250 = 350;
// 100 → 130 makes 380; deleting 250 leaves 130; undo gives 380 back,
// undo again 350, redo 380.
func TestEachSeriesTotal_FollowsEveryWrite(t *testing.T) {
	s, _ := newTestStore(t)
	if _, err := s.Apply(batchOf(fig("A", "IN", "2020-01", "", 100), fig("A", "IN", "2020-02", "", 250), fig("B", "WW", "2020-01", "", 9)), false); err != nil {
		t.Fatal(err)
	}
	want := func(step string, n int64) {
		t.Helper()
		if got := seriesTotals(t, s)["A IN"]; got != n {
			t.Errorf("%s: A in IN adds up to %d, want %d", step, got, n)
		}
	}
	want("after the import", 350)
	if _, err := s.Apply(batchOf(fig("A", "IN", "2020-01", "", 130)), false); err != nil {
		t.Fatal(err)
	}
	want("after 100 → 130", 380)
	feb := fig("A", "IN", "2020-02", "", 250)
	if _, err := s.DeleteFigure(feb.Key()); err != nil {
		t.Fatal(err)
	}
	want("after deleting February", 130)
	for i, n := range []int64{380, 350} {
		if _, err := s.Undo(); err != nil {
			t.Fatal(err)
		}
		want(fmt.Sprintf("after undo %d", i+1), n)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	want("after the redo", 380)
}

// TestMigrate_V4AddsUpEverySeries opens a schema-4 file that the uptake
// of 983fcdd wrote (testdata/main-v4.db: the bundled data, then an
// import of Apptopia's 3.1M worldwide for August 2020 and an iOS
// estimate of 1.2M in India) and moves it to schema 5, whose app records
// keep each series' installs added up. By hand: Resso BR 152,000; ID 5M
// + 5.168M = 10.168M; IN 9.8M + 9.88M + 1.2M = 20.88M; WW 15.2M + 2.2M +
// 3.6M + 3.1M = 24.1M; Spotify ID 1.2M, IN 10.5M. Undoing the import
// takes India back to 19.68M and the world to 21M.
func TestMigrate_V4AddsUpEverySeries(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "main-v4.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := map[string]int64{
		"Resso BR": 152_000, "Resso ID": 10_168_000, "Resso IN": 20_880_000, "Resso WW": 24_100_000,
		"Spotify ID": 1_200_000, "Spotify IN": 10_500_000,
	}
	got := seriesTotals(t, s)
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s adds up to %d, want %d", k, got[k], n)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d series, want %d: %v", len(got), len(want), got)
	}
	err = s.Read(func(r *Reader) error {
		rec, _, err := r.record("resso")
		if err == nil && !rec.summed {
			t.Error("the migrated record of Resso keeps no sums")
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(); err != nil || !rep.Sound() {
		t.Fatalf("check after the migration: %+v %v", rep, err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	got = seriesTotals(t, s)
	if got["Resso IN"] != 19_680_000 || got["Resso WW"] != 21_000_000 {
		t.Errorf("after undoing the import: IN %d (want 19,680,000), WW %d (want 21,000,000)", got["Resso IN"], got["Resso WW"])
	}
}

// A record whose sum disagrees with its series, sealed and tallied as a
// faulty write would leave it, is named by the check with both numbers
// (found by a review: every other check passed it).
func TestCheck_NamesARecordWhoseSumIsWrong(t *testing.T) {
	s, _ := newTestStore(t)
	if _, err := s.Apply(batchOf(fig("A", "IN", "2020-01", "", 100), fig("B", "IN", "2020-01", "", 50)), false); err != nil {
		t.Fatal(err)
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		k := []byte("a")
		rec, err := s.appRecordOf(k, tx.Bucket(bucketApps).Get(k))
		if err != nil {
			return err
		}
		rec.series[0].installs = 1 // 100 in truth
		if err := tx.Bucket(bucketApps).Put(k, seal(bidApps, k, encodeAppRecord(rec))); err != nil {
			return err
		}
		return s.retally(tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sound() || !strings.Contains(fmt.Sprint(rep), "add up to 100 installs, but their app's index says 1") {
		t.Errorf("the check passed a wrong sum: %+v", rep)
	}
}
