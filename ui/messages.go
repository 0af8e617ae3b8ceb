package ui

import (
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// Messages that commands send back to Update. Each carries the generation
// it was asked for, so that an answer to an old question is dropped.

// appsMsg brings the list of known apps, and the user's groups.
type appsMsg struct {
	apps      []figures.App
	groups    []figures.Group
	err       error
	groupsErr error // the groups could not be read: the rest still can
}

// loadedMsg brings a view's data.
type loadedMsg struct {
	view int // its place in the table of views
	gen  int
	data any // report.Data, or a *store.FigureTable for the Data view
	err  error
}

// savedMsg reports a write from the form, a delete, an undo or a redo.
type savedMsg struct {
	what    string // for the status line
	err     error
	renamed [2]string // an app merged or renamed: from, into; the selection follows it
}

// stampMsg reports the file's fingerprint, polled to notice other writers.
type stampMsg struct {
	stamp string
	err   error
}

// exportedMsg reports the file an `x` export went to.
type exportedMsg struct {
	path, format string
	left         []string // the view's warnings the file does not hold
	err          error
}

// checkedMsg reports the background check of the whole file.
type checkedMsg struct {
	rep store.CheckReport
	err error
}
