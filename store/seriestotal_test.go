package store

import (
	"testing"

	"github.com/uptake/uptake/figures"
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
