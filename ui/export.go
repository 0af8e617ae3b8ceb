package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/report"
)

// exportCmd writes the text export of the view on screen, at the
// terminal's width, to a new file; it never overwrites one.
func (m Model) exportCmd() tea.Cmd {
	s, v, sel, width := m.cfg.Store, m.views[m.view], m.sel, m.width
	dir, now := m.cfg.ExportDir, m.cfg.Now()
	return func() tea.Msg {
		var path string
		err := s.View(func(r Reader) error {
			var err error
			path, err = report.ExportToNewFile(r, v, sel, width, dir, now)
			return err
		})
		return exportedMsg{path, err}
	}
}
