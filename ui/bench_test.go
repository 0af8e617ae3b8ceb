package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// BenchmarkViewSwitch measures what a key press from one view to another
// costs on the bundled data: Update, the load command against the store,
// the loaded message, and the frame drawn. The goal is one frame, 16 ms.
func BenchmarkViewSwitch(b *testing.B) {
	s := newTestStore(b, true)
	m := New(Config{Store: s, Styles: NewStyles(), Poll: -1})
	m = settle(settle(m, tea.WindowSizeMsg{Width: 120, Height: 40}), m.Init()())
	keys := []tea.Msg{press("1"), press("2"), press("3"), press("4")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.gen++ // every switch reloads, as after a change in the file
		m = settle(m, keys[i%len(keys)])
		_ = m.View()
	}
}

// BenchmarkRender measures each view's renderer alone, data already loaded.
func BenchmarkRender(b *testing.B) {
	s := newTestStore(b, true)
	sel := Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN", SinceLaunch: true}
	st := PlainStyles()
	curves, _ := LoadCurves(s, Selection{Apps: []string{"Resso"}, Country: "WW"})
	countries, _ := LoadCountries(s, sel)
	compare, _ := LoadCompare(s, sel)
	data, _ := LoadData(s)
	for _, c := range []struct {
		name   string
		render func() *doc
	}{
		{"curves", func() *doc { return renderCurves(curves, 120, 16, st) }},
		{"countries", func() *doc { return renderCountries(countries, 120, st) }},
		{"compare", func() *doc { return renderCompare(compare, 120, 16, st) }},
		{"data", func() *doc { return renderData(data, 120, st) }},
	} {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				_ = c.render().text(120, st)
			}
		})
	}
}
