package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/report"
)

// BenchmarkViewSwitch measures what a key press from one view to another
// costs on the bundled data: Update, the load command against the store,
// the loaded message, and the frame drawn. The goal is one frame, 16 ms.
func BenchmarkViewSwitch(b *testing.B) {
	s := newTestStore(b, true)
	m := New(Config{Store: StoreOf(s), Styles: report.NewStyles(), Poll: -1})
	m = settle(settle(m, tea.WindowSizeMsg{Width: 120, Height: 40}), m.Init()())
	keys := []tea.Msg{press("1"), press("2"), press("3"), press("4")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.gen++ // every switch reloads, as after a change in the file
		m = settle(m, keys[i%len(keys)])
		_ = m.View()
	}
}
