package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/report"
)

// startMsg carries the first screen chosen from the data.
type startMsg struct {
	sel  report.Selection
	view string // the name of the view
}

// chooseStart picks a first screen worth seeing: where two or more apps
// have launches in one country, the Compare view since launch there (on
// the bundled data, Resso against Spotify, the article's comparison);
// otherwise the Curves view of the first app, worldwide.
func chooseStart(s Store, sel report.Selection) tea.Cmd {
	return func() tea.Msg {
		var msg startMsg
		err := s.View(func(r Reader) error {
			var err error
			msg.sel, msg.view, err = report.StartSelection(r, sel)
			return err
		})
		if err != nil {
			return appsMsg{err: err}
		}
		return msg
	}
}
