package ui

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// Commands are the only place the dashboard calls the store. Each captures
// the values it needs, never the model, and answers with a message.

// Store is what the dashboard reads and writes; *store.Store satisfies it.
type Store interface {
	Source
	Read(fn func(r *store.Reader) error) error // several reads, one transaction
	Path() string
	Stamp() (string, error)
	Figure(k figures.Key) (figures.Figure, bool, error)
	SaveFigure(old *figures.Key, f figures.Figure) (store.Report, error)
	DeleteFigure(k figures.Key) (figures.Figure, error)
	SetLaunch(l figures.Launch) (store.Report, error)
	Undo() (store.Entry, error)
	Redo() (store.Entry, error)
	Check() (store.CheckReport, error)
	ReadOnly() bool
}

// checkFile reads the whole file in the background, once the first view
// is up: a damaged record that no view reads yet is still reported.
func checkFile(s Store) tea.Cmd {
	return func() tea.Msg {
		rep, err := s.Check()
		return checkedMsg{rep, err}
	}
}

func loadApps(s Store) tea.Cmd {
	return func() tea.Msg {
		apps, err := s.Apps()
		return appsMsg{apps, err}
	}
}

// loadView reads a view's data in one transaction, so that it opens the
// file once and sees one state of it.
func loadView(s Store, v View, sel Selection, gen int) tea.Cmd {
	return func() tea.Msg {
		var data any
		err := s.Read(func(r *store.Reader) error {
			var err error
			data, err = Load(r, v, sel)
			return err
		})
		return loadedMsg{view: v, gen: gen, data: data, err: err}
	}
}

// pollStamp asks for the file's fingerprint after a pause; a negative
// pause turns polling off.
func pollStamp(s Store, every time.Duration) tea.Cmd {
	if every < 0 {
		return nil
	}
	return tea.Tick(every, func(time.Time) tea.Msg {
		st, err := s.Stamp()
		return stampMsg{st, err}
	})
}

func saveFigure(s Store, old *figures.Key, f figures.Figure) tea.Cmd {
	return func() tea.Msg {
		rep, err := s.SaveFigure(old, f)
		return savedMsg{what: "saved " + describe(f) + ": " + rep.String(), err: err}
	}
}

func deleteFigure(s Store, k figures.Key) tea.Cmd {
	return func() tea.Msg {
		f, err := s.DeleteFigure(k)
		return savedMsg{what: "deleted " + describe(f) + " (u undoes)", err: err}
	}
}

func setLaunch(s Store, l figures.Launch) tea.Cmd {
	return func() tea.Msg {
		rep, err := s.SetLaunch(l)
		return savedMsg{what: "launch of " + l.App + " in " + l.Country + " set to " + l.Month.String() + ": " + rep.String(), err: err}
	}
}

func undo(s Store) tea.Cmd {
	return func() tea.Msg {
		e, err := s.Undo()
		return savedMsg{what: "undid " + e.String() + " (ctrl+r redoes)", err: err}
	}
}

func redo(s Store) tea.Cmd {
	return func() tea.Msg {
		e, err := s.Redo()
		return savedMsg{what: "redid " + e.String(), err: err}
	}
}
