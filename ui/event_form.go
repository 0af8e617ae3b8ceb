package ui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
)

// The event form: E adds a dated note on the calendar (app optional,
// country, month, text, source, note), which Curves and Compare mark under
// their axis. enter on a chart lists its events with the numbers; enter on
// one shows it in full, and d there deletes it (undo brings it back).

// The event form's fields, after app and country (fApp, fCountry).
const (
	evMonth = iota + 2
	evText
	evSource
	evNote
)

// newEventForm opens the event form in a market and month.
func newEventForm(st report.Styles, apps []figures.App, country string, month figures.Month) *form {
	fm := &form{kind: eventForm, st: st}
	fm.fields = []field{
		newField(st, "App", "empty for every app, or a known name", checkOptionalName),
		newField(st, "Country", "code or name: IN, India, WW", checkCountry),
		newField(st, "Month", "YYYY-MM: when it happened", checkMonth),
		newField(st, "Text", "what happened, one line: TikTok banned in India", checkEventText),
		newField(st, "Source", "where it is reported", checkText),
		newField(st, "Note", "optional: the exact date, the details", checkText),
	}
	completeAppAndCountry(fm, apps)
	fm.fields[fApp].input.CharLimit = figures.MaxNameLen
	fm.fields[evText].input.CharLimit = figures.MaxEventText
	if country != "" {
		fm.fields[fCountry].input.SetValue(country)
	}
	if month != 0 {
		fm.fields[evMonth].input.SetValue(month.String())
	}
	fm.fields[0].input.Focus()
	return fm
}

// event is the event the form's checked fields give.
func (f *form) event(v func(int) string, country string) figures.Event {
	m, _ := figures.ParseMonth(v(evMonth))
	return figures.Event{App: v(fApp), Country: country, Month: m, Text: v(evText), Source: v(evSource), Note: v(evNote)}
}

func checkOptionalName(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return checkName(s)
}

func checkEventText(s string) error {
	return problemOnly(figures.ValidateEventText(strings.TrimSpace(s)))
}

// eventMonth is the month a new event starts at: the last month of the
// calendar chart on screen, else of the window, else none.
func (m Model) eventMonth() figures.Month {
	if !m.onData() {
		switch d := m.docs[m.view].data.(type) {
		case report.CurvesData:
			if d.To != 0 {
				return d.To
			}
		case report.CompareData:
			if d.To != 0 {
				return d.To
			}
		}
	}
	return m.sel.To
}

// submitEvent saves a checked event, asking first when it names an app
// the file does not have: a misspelt name would keep the event off every
// chart without a word.
func (m Model) submitEvent(msg formSubmitMsg) (tea.Model, tea.Cmd) {
	e := msg.event
	if e.App != "" && !msg.newApp && !m.knownApp(e.App) {
		msg.newApp = true
		pending := msg
		m.confirm = &confirm{st: m.st, back: m.form,
			yes:      func() tea.Msg { return pending },
			question: m.eventAppQuestion(e.App)}
		m.form = nil
		return m, nil
	}
	m.form = nil
	return m, saveEvent(m.cfg.Store, e)
}

// eventAppQuestion asks before an event names an app the file does not
// have, naming the nearest known name.
func (m Model) eventAppQuestion(name string) string {
	q := fmt.Sprintf("No app in the file is called “%s”: save the event for it anyway? It shows on a chart once that app is picked; leave App empty for every app.", figures.Sanitize(name))
	if best := m.nearestApp(name); best != "" {
		return q + fmt.Sprintf(" (did you mean %s? n goes back to the form)", figures.Sanitize(best))
	}
	return q + " (n goes back to the form)"
}

// nearestApp is the known app nearest to name, if one is near.
func (m Model) nearestApp(name string) string {
	best, dist := "", 0
	for _, a := range m.apps {
		if d := figures.EditDistance(figures.FoldName(a.Name), figures.FoldName(name)); best == "" || d < dist {
			best, dist = a.Name, d
		}
	}
	if best != "" && dist <= max(2, len([]rune(name))/3) {
		return best
	}
	return ""
}

func saveEvent(s Store, e figures.Event) tea.Cmd {
	return func() tea.Msg {
		rep, err := s.SaveEvent(nil, e)
		what := "saved event " + e.String() + ": " + rep.String() + " (u undoes)"
		if len(rep.EventChanges) > 0 && rep.EventChanges[0].Replaced() {
			what = rep.EventChanges[0].String() + " (u undoes)"
		}
		return savedMsg{what: what, err: err}
	}
}

func deleteEvent(s Store, k figures.EventKey) tea.Cmd {
	return func() tea.Msg {
		e, err := s.DeleteEvent(k)
		return savedMsg{what: "deleted event " + e.String() + " (u undoes)", err: err}
	}
}

// eventDeleteMsg asks, from the provenance panel, to delete an event.
type eventDeleteMsg struct{ event figures.Event }

// askDeleteEvent closes the panel and asks before deleting the event.
func (m Model) askDeleteEvent(msg eventDeleteMsg) (tea.Model, tea.Cmd) {
	m.explain = nil
	if m.cfg.Store.ReadOnly() {
		m.setStatus(readOnlyNote)
		return m, nil
	}
	e := msg.event
	m.confirm = &confirm{st: m.st, yes: deleteEvent(m.cfg.Store, e.Key()),
		question: fmt.Sprintf("Delete the event %s (source: %s)? Undo (u) brings it back.", e.String(), figures.Sanitize(e.Source))}
	return m, nil
}
