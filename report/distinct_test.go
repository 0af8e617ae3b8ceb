package report

import (
	"fmt"
	"testing"

	"github.com/uptake/uptake/figures"
)

// distinct passes each identity once however the lists repeat it, and a
// hash collision (here every identity collides) never drops a figure:
// A IN 2020-01 twice and B IN 2020-01 once in one list, A again and
// A IN 2020-02 in another make three figures.
func TestDistinct_EachIdentityOnceEvenWhenHashesCollide(t *testing.T) {
	m := func(s string) figures.Month {
		mo, err := figures.ParseMonth(s)
		if err != nil {
			t.Fatal(err)
		}
		return mo
	}
	a1 := figures.Figure{App: "A", Country: "IN", From: m("2020-01"), To: m("2020-01"), Installs: 5, Source: "s"}
	b1 := a1
	b1.App = "B"
	a2 := a1
	a2.From, a2.To = m("2020-02"), m("2020-02")
	lists := [][]figures.Figure{{a1, a1, b1}, {a1, a2}}
	for name, hash := range map[string]func(figures.Key) uint64{
		"every identity collides": func(figures.Key) uint64 { return 7 },
		"by maphash":              nil,
	} {
		var got []string
		fn := func(f *figures.Figure) { got = append(got, f.Key().String()) }
		if hash == nil {
			distinct(lists, fn)
		} else {
			distinctBy(lists, hash, fn)
		}
		want := []string{a1.Key().String(), b1.Key().String(), a2.Key().String()}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}
