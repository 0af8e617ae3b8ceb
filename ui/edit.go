package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/textfit"
)

// confirm asks a yes/no question before a delete or an overwrite.
type confirm struct {
	st        report.Styles
	question  string
	yes       tea.Cmd    // what y runs
	back      *form      // n goes back to this form, as it was
	backGroup *groupForm // or to this group form
}

func (c *confirm) view(width int) string {
	var b strings.Builder
	for _, l := range textfit.Wrap(c.question, width) {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n" + c.st.Render(c.st.Key, "y") + " yes   " + c.st.Render(c.st.Key, "n") + "/esc no\n")
	return textfit.CutLines(b.String(), width)
}

// editKey starts an add, edit, delete, launch, undo or redo.
func (m Model) editKey(km tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.cfg.Store.ReadOnly() {
		m.setStatus(readOnlyNote)
		return m, nil
	}
	switch {
	case key.Matches(km, m.keys.Add):
		m.form = newFigureForm(m.st, m.apps, nil)
		m.prefill()
		return m, nil
	case key.Matches(km, m.keys.Event):
		m.form = newEventForm(m.st, m.apps, marketCountry(m.sel.Country), m.eventMonth())
		return m, nil
	case key.Matches(km, m.keys.Launch):
		app := ""
		if len(m.sel.Apps) > 0 {
			app = m.sel.Apps[0]
		}
		m.form = newLaunchForm(m.st, m.apps, app, marketCountry(m.sel.Country))
		return m, nil
	case key.Matches(km, m.keys.Merge):
		app := ""
		if f, ok := m.data.selected(); m.onData() && ok {
			app = f.App
		} else if len(m.sel.Apps) > 0 {
			app = m.sel.Apps[0]
		}
		m.form = newMergeForm(m.st, m.apps, app)
		return m, nil
	case key.Matches(km, m.keys.Groups):
		return m.openGroupForm()
	case key.Matches(km, m.keys.Undo):
		return m, peekUndo(m.cfg.Store)
	case key.Matches(km, m.keys.Redo):
		return m, redo(m.cfg.Store)
	}
	f, ok := m.data.selected()
	if !m.onData() {
		m.setStatus("choose a figure in the Data view (4) first, then press " + km.String())
		return m, nil
	}
	if !ok {
		verb := "delete"
		if key.Matches(km, m.keys.Edit) {
			verb = "edit"
		}
		m.setStatus("no figure under the cursor to " + verb + ": " + m.data.noRowWhy())
		return m, nil
	}
	if key.Matches(km, m.keys.Edit) {
		m.form = newFigureForm(m.st, m.apps, &f)
		return m, nil
	}
	k := f.Key()
	m.confirm = &confirm{st: m.st,
		question: fmt.Sprintf("Delete %s (source: %s)? Undo (u) brings it back.", f.String(), figures.Sanitize(f.Source)),
		yes:      deleteFigure(m.cfg.Store, k)}
	return m, nil
}

// prefill starts a new figure in the selected app and country.
func (m *Model) prefill() {
	if len(m.sel.Apps) > 0 {
		m.form.fields[fApp].input.SetValue(figures.Sanitize(m.sel.Apps[0]))
	}
	if c := marketCountry(m.sel.Country); c != "" {
		m.form.fields[fCountry].input.SetValue(c)
	}
	m.form.fields[fEstimate].input.SetValue("no")
	if m.onData() {
		// From the Data view a new figure usually starts from scratch.
		m.form.fields[fApp].input.SetValue("")
		m.form.fields[fCountry].input.SetValue("")
	}
	m.form.fields[fApp].input.CursorEnd()
}

func (m Model) updateForm(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case formCancelMsg:
		m.form = nil
		m.setStatus("nothing saved")
		return m, nil
	case formSubmitMsg:
		if msg.kind == eventForm {
			return m.submitEvent(msg)
		}
		if msg.kind == mergeForm {
			m.form = nil
			from, into := msg.merge[0], msg.merge[1]
			q := fmt.Sprintf("Rename %s to %s? Undo (u) takes it back.", figures.Quote(figures.Sanitize(from)), figures.Quote(figures.Sanitize(into)))
			if m.knownApp(into) && !strings.EqualFold(from, into) {
				q = fmt.Sprintf("Merge %s into %s? Its figures and launches move to %s and %s goes; a figure both have alike is kept once, one they give differently stops the merge. Undo (u) takes it back.",
					figures.Quote(figures.Sanitize(from)), figures.Quote(figures.Sanitize(into)), figures.Sanitize(into), figures.Sanitize(from))
			}
			m.confirm = &confirm{st: m.st, yes: mergeApp(m.cfg.Store, from, into), question: q}
			return m, nil
		}
		if app := submittedApp(msg); !msg.newApp && !m.knownApp(app) {
			// A misspelt name would silently start an app of its own.
			msg.newApp = true
			pending := msg
			m.confirm = &confirm{st: m.st, back: m.form,
				yes:      func() tea.Msg { return pending },
				question: m.newAppQuestion(app)}
			m.form = nil
			return m, nil
		}
		if msg.kind == launchForm {
			m.form = nil
			return m, setLaunch(m.cfg.Store, msg.launch)
		}
		if msg.old != nil && *msg.old == msg.fig.Key() {
			m.form = nil
			return m, saveFigure(m.cfg.Store, msg.old, msg.fig)
		}
		// A new identity: ask before writing over a figure already there.
		pending := msg
		return m, func() tea.Msg {
			f, ok, err := m.cfg.Store.Figure(pending.fig.Key())
			return overwriteMsg{pending, f, ok, err}
		}
	case overwriteMsg:
		if msg.err != nil {
			m.setError(msg.err)
			return m, nil
		}
		m.form = nil
		save := saveFigure(m.cfg.Store, msg.submit.old, msg.submit.fig)
		if !msg.exists {
			return m, save
		}
		m.confirm = &confirm{st: m.st, yes: save,
			question: fmt.Sprintf("%s is already stored as %s (source: %s). Replace it with %s?",
				msg.existing.Key().String(), figures.FormatInstalls(float64(msg.existing.Installs)), figures.Sanitize(msg.existing.Source), figures.FormatInstalls(float64(msg.submit.fig.Installs)))}
		return m, nil
	}
	f, cmd := m.form.update(msg)
	m.form = f
	return m, cmd
}

func submittedApp(msg formSubmitMsg) string {
	if msg.kind == launchForm {
		return msg.launch.App
	}
	return msg.fig.App
}

// knownApp reports whether the file has an app of that name (case aside).
func (m Model) knownApp(name string) bool {
	for _, a := range m.apps {
		if figures.FoldName(a.Name) == figures.FoldName(name) {
			return true
		}
	}
	return false
}

// newAppQuestion asks before a name no app has starts a new app, naming
// the nearest known name.
func (m Model) newAppQuestion(name string) string {
	q := fmt.Sprintf("“%s” is not an app in the file yet: add it as a new app?", figures.Sanitize(name))
	if best := m.nearestApp(name); best != "" {
		q += fmt.Sprintf(" (did you mean %s? n goes back to the form)", figures.Sanitize(best))
	} else {
		q += " (n goes back to the form)"
	}
	return q
}

// undoPeekMsg carries the write an undo would take back.
type undoPeekMsg struct {
	entry store.Entry
	ok    bool
	err   error
}

// peekUndo reads the write u would take back, so that one of more than
// one figure is named and asked about first.
func peekUndo(s Store) tea.Cmd {
	return func() tea.Msg {
		entries, applied, err := s.History()
		if err != nil || applied == 0 {
			return undoPeekMsg{err: err}
		}
		return undoPeekMsg{entry: entries[applied-1], ok: true}
	}
}

// gotUndoPeek undoes a write of one change at once, and asks before
// undoing more (a whole import is one step).
func (m Model) gotUndoPeek(msg undoPeekMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.setError(msg.err)
		return m, nil
	case !msg.ok:
		m.setStatus(store.ErrNothingToUndo.Error())
		return m, nil
	}
	r := msg.entry.Report
	if r.Added+r.Updated+r.Deleted+r.LaunchesAdded+r.LaunchesUpdated+r.LaunchesDeleted+r.EventsAdded+r.EventsUpdated+r.EventsDeleted <= 1 {
		return m, undo(m.cfg.Store)
	}
	m.confirm = &confirm{st: m.st, yes: undo(m.cfg.Store),
		question: fmt.Sprintf("Undo “%s” of %s? It takes back all of it in one step: %s. ctrl+r redoes it, until the next change.",
			figures.Sanitize(msg.entry.Label), msg.entry.Time.Local().Format("2006-01-02 15:04"), r.String())}
	return m, nil
}

// overwriteMsg says whether a form's new identity is already taken.
type overwriteMsg struct {
	submit   formSubmitMsg
	existing figures.Figure
	exists   bool
	err      error
}

func (m Model) updateConfirm(msg tea.Msg) (tea.Model, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return m, nil
	}
	switch strings.ToLower(km.String()) {
	case "y":
		yes := m.confirm.yes
		m.confirm = nil
		return m, yes
	case "n", "esc", "q":
		if m.confirm.back != nil || m.confirm.backGroup != nil {
			m.form, m.groupForm = m.confirm.back, m.confirm.backGroup // back to the form, to fix it
			m.confirm = nil
			return m, nil
		}
		m.confirm = nil
		m.setStatus("nothing changed")
	}
	return m, nil
}
