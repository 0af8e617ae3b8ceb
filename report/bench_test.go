package report

import "testing"

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
