package report

import (
	"path/filepath"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/synth"
	"github.com/uptake/uptake/store"
)

// BenchmarkRender measures each view's layout alone, data already loaded,
// on the bundled data.
func BenchmarkRender(b *testing.B) {
	s := newTestStore(b, true)
	sel := Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN", SinceLaunch: true}
	st := PlainStyles()
	for _, v := range Views() {
		d, err := v.Load(s, sel)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(v.Name, func(b *testing.B) {
			for b.Loop() {
				_ = d.Layout(120, 40, st).Text(120, st)
			}
		})
	}
}

// BenchmarkRanking loads and lays out the Ranking view on the million
// (200 apps × 50 countries × 100 months, internal/synth): in a country,
// one series per app; worldwide, every series of every app, as the
// countries stand in for the WW figures the file lacks.
//
//	go test ./report -run '^$' -bench Ranking
func BenchmarkRanking(b *testing.B) {
	s, err := store.Open(filepath.Join(b.TempDir(), "million.db"), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Apply(synth.Million.Batch("synthetic million"), false); err != nil {
		b.Fatal(err)
	}
	st := PlainStyles()
	for _, c := range []struct {
		name string
		sel  Selection
	}{
		{"Country", Selection{Apps: []string{synth.AppName(0)}, Country: "IN"}},
		{"Worldwide", Selection{Apps: []string{synth.AppName(0)}, Country: figures.Worldwide}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				err := s.Read(func(r *store.Reader) error {
					d, err := LoadRanking(r, c.sel)
					if err == nil {
						_ = d.Layout(120, 40, st).Text(120, st)
					}
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
