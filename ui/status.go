package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/store"
)

// The status line: what the last action did, an error, or the first of
// the view's warnings (frame.go draws it).

// readOnlyNote is the status of a dashboard on a file it cannot write.
const readOnlyNote = "read-only: this file cannot be written (check its permissions); adding, editing and undo are off"

func (m *Model) setStatus(s string) { m.status, m.statusErr, m.busy = s, false, false }

// setError shows an error in the status line. Damage is worded without
// the path and the advice, which the line has no room for: uptake -check
// gives them.
func (m *Model) setError(err error) {
	var de *store.DamageError
	switch {
	case errors.As(err, &de):
		m.damaged = "damaged: " + de.Part + " (run uptake -check for what to do)"
		m.status, m.statusErr, m.busy = m.damaged, true, false
	case errors.Is(err, store.ErrBusy):
		m.status, m.statusErr, m.busy = "busy: another uptake process is writing the file; it is read again when that is done (r reads now)", true, true
	default:
		m.status, m.statusErr, m.busy = fmt.Sprintf("error: %v", err), true, false
	}
}

// readOK clears a status that said the file was in use, now that a read
// went through.
func (m *Model) readOK() {
	if m.busy {
		m.status, m.statusErr, m.busy = "", false, false
	}
	if m.status == "" && m.damaged != "" {
		m.status, m.statusErr = m.damaged, true
	}
}

// gotCheck reports what the background check of the file found.
func (m Model) gotCheck(msg checkedMsg) Model {
	switch {
	case msg.err != nil:
		m.setError(msg.err)
	case !msg.rep.Sound():
		n := len(msg.rep.Problems) + msg.rep.More
		part := msg.rep.Problems[0]
		if n > 1 {
			part += fmt.Sprintf(" (and %d more)", n-1)
		}
		m.setError(&store.DamageError{Path: m.cfg.Store.Path(), Part: part})
	case m.cfg.Store.ReadOnly() && m.status == "":
		m.setStatus(readOnlyNote)
	}
	return m
}

func (m Model) gotSaved(msg savedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		if errors.Is(msg.err, store.ErrNothingToUndo) || errors.Is(msg.err, store.ErrNothingToRedo) {
			m.setStatus(msg.err.Error())
			return m, nil
		}
		m.setError(msg.err)
		return m, nil
	}
	m.setStatus(msg.what)
	m.gen++
	if from, into := msg.renamed[0], msg.renamed[1]; from != "" {
		// The selection follows the app to its new name, once.
		var apps []string
		for _, a := range m.sel.Apps {
			if strings.EqualFold(a, from) {
				a = into
			}
			if !slices.ContainsFunc(apps, func(b string) bool { return strings.EqualFold(a, b) }) {
				apps = append(apps, a)
			}
		}
		m.sel.Apps = apps
	}
	return m, loadApps(m.cfg.Store)
}
