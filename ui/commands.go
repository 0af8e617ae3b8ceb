package ui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// Commands are the only place the dashboard calls the store. Each captures
// the values it needs, never the model, and answers with a message.

// Reader is one state of the file, as the views read it: a
// *store.Reader is one.
type Reader interface {
	report.Source
	FigureTable() (*store.FigureTable, error)
	FigureTableHead(rows int) (*store.FigureTable, error)
	Sources() ([]string, error)
}

// Store is what the dashboard reads and writes: StoreOf wraps a
// *store.Store as one.
type Store interface {
	View(fn func(r Reader) error) error // several reads, one transaction
	Apps() ([]figures.App, error)
	Path() string
	Stamp() (string, error)
	Figure(k figures.Key) (figures.Figure, bool, error)
	SaveFigure(old *figures.Key, f figures.Figure) (store.Report, error)
	DeleteFigure(k figures.Key) (figures.Figure, error)
	SetLaunch(l figures.Launch) (store.Report, error)
	SaveEvent(old *figures.EventKey, e figures.Event) (store.Report, error)
	DeleteEvent(k figures.EventKey) (figures.Event, error)
	MergeApp(from, into string) (store.Report, error)
	SetRanking(rank figures.Ranking) error
	SaveGroup(g figures.Group) error
	DeleteGroup(name string) error
	Undo() (store.Entry, error)
	History() ([]store.Entry, int, error)
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

// loadApps reads the apps, and the user's groups for the market picker
// and the group form.
func loadApps(s Store) tea.Cmd {
	return func() tea.Msg {
		apps, err := s.Apps()
		if err != nil {
			return appsMsg{err: err}
		}
		var groups []figures.Group
		gerr := s.View(func(r Reader) error {
			var err error
			groups, err = r.Groups()
			return err
		})
		return appsMsg{apps: apps, groups: groups, groupsErr: gerr}
	}
}

// loadView reads a view's data in one transaction, so that it opens the
// file once and sees one state of it. The Data view takes every figure
// packed as the store keeps them, decoded a screenful at a time; with
// head > 0, only the first apps' figures, at least head of them, which
// come in a fraction of the time (the whole table follows: gotView).
func loadView(s Store, v report.View, at int, sel report.Selection, gen int, head int) tea.Cmd {
	return func() tea.Msg {
		var data any
		err := s.View(func(r Reader) error {
			var err error
			switch {
			case v.Name == report.DataViewName && head > 0:
				data, err = r.FigureTableHead(head)
			case v.Name == report.DataViewName:
				data, err = r.FigureTable()
			default:
				data, err = v.Load(r, sel)
			}
			return err
		})
		return loadedMsg{view: at, gen: gen, data: data, err: err}
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
		return savedMsg{what: "saved " + f.String() + ": " + rep.String(), err: err}
	}
}

func deleteFigure(s Store, k figures.Key) tea.Cmd {
	return func() tea.Msg {
		f, err := s.DeleteFigure(k)
		return savedMsg{what: "deleted " + f.String() + " (u undoes)", err: err}
	}
}

func setLaunch(s Store, l figures.Launch) tea.Cmd {
	return func() tea.Msg {
		rep, err := s.SetLaunch(l)
		return savedMsg{what: "launch of " + l.App + " in " + l.Country + " set to " + l.Month.String() + ": " + rep.String(), err: err}
	}
}

func mergeApp(s Store, from, into string) tea.Cmd {
	return func() tea.Msg {
		rep, err := s.MergeApp(from, into)
		what := fmt.Sprintf("moved %s onto %s: %d figures, %d launches (%d alike kept once); u undoes it", figures.Sanitize(from), figures.Sanitize(into), rep.Updated, rep.LaunchesUpdated, rep.Duplicates)
		return savedMsg{what: what, err: err, renamed: [2]string{from, into}}
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

// StoreOf wraps a store for the dashboard.
func StoreOf(st *store.Store) Store { return storeView{st} }

// storeView is a *store.Store whose reads hand the views a Reader.
type storeView struct{ *store.Store }

func (s storeView) View(fn func(r Reader) error) error {
	return s.Read(func(r *store.Reader) error { return fn(r) })
}
