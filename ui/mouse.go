package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// mouse handles the mouse, when -mouse turned it on: the wheel scrolls
// whatever is on screen as the arrow keys do, three rows a notch, and a
// click on a view's tab in the header goes to that view.
func (m Model) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if msg.Action != tea.MouseActionPress {
		return m, nil
	}
	var arrow tea.KeyType
	switch msg.Button {
	case tea.MouseButtonWheelUp:
		arrow = tea.KeyUp
	case tea.MouseButtonWheelDown:
		arrow = tea.KeyDown
	case tea.MouseButtonLeft:
		if v, ok := m.tabAt(msg.X, msg.Y); ok && !m.typing() && m.confirm == nil {
			m.showHelp = false
			return m.switchTo(v)
		}
		return m, nil
	default:
		return m, nil
	}
	var next tea.Model = m
	var cmds []tea.Cmd
	for range 3 {
		var cmd tea.Cmd
		next, cmd = next.Update(tea.KeyMsg{Type: arrow})
		cmds = append(cmds, cmd)
	}
	return next, tea.Batch(cmds...)
}

// tabAt returns the view whose tab is drawn at column x of row y.
func (m Model) tabAt(x, y int) (int, bool) {
	if y != 0 || m.width < MinWidth || m.height < MinHeight {
		return 0, false
	}
	col := lipgloss.Width(m.st.Render(m.st.Title, "uptake") + "  ")
	for i, t := range m.tabs() {
		w := lipgloss.Width(t)
		if x >= col && x < col+w {
			return i, true
		}
		col += w
	}
	return 0, false
}
