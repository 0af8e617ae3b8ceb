package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/textfit"
)

// The provenance panel: enter on a view lists the numbers it shows (a
// month of each curve, a country's total, a milestone), and enter on one
// shows how it is made: the figures behind it in full, the arithmetic,
// the other sources' figures for the same months and the warnings that
// touch it. On the Data view, enter shows the figure under the cursor.

// explainPanel is the list of a view's numbers, or one number's working.
type explainPanel struct {
	st       report.Styles
	items    []report.Item
	warnings []string
	filter   textinput.Model
	cursor   int
	text     *pane          // the working of one number; nil while the list shows
	title    string         // what the text explains
	listed   bool           // the text was opened from the list: esc goes back to it
	event    *figures.Event // the text shows an event: d deletes it
}

// explainedMsg carries the working of a figure read from the store.
type explainedMsg struct {
	title string
	text  string
	err   error
}

func newExplainPanel(st report.Styles, items []report.Item, warnings []string) *explainPanel {
	in := newInput(st)
	in.Prompt = "filter: "
	in.Placeholder = "a month, a country, an app"
	in.CharLimit = 60
	in.Focus()
	return &explainPanel{st: st, items: items, warnings: warnings, filter: in}
}

// matches lists the items whose label holds every word of the filter.
func (p *explainPanel) matches() []report.Item {
	words := strings.Fields(strings.ToLower(p.filter.Value()))
	var out []report.Item
	for _, it := range p.items {
		label := strings.ToLower(it.Label)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(label, w)
		}
		if ok {
			out = append(out, it)
		}
	}
	return out
}

// show opens the text of one number's working in a scrolling pane.
func (p *explainPanel) show(title, text string, width, height int) {
	pn := newPane()
	pn.setSize(width, max(1, height-1))
	pn.loaded = true
	pn.setContent(text)
	p.text, p.title = &pn, title
}

// update handles a key; it reports whether the panel closes.
func (p *explainPanel) update(msg tea.Msg, width, height int) (bool, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return false, nil
	}
	if p.text != nil {
		switch km.String() {
		case "esc", "q", "enter":
			if p.listed && km.String() == "esc" {
				p.text, p.event = nil, nil
				return false, nil
			}
			return true, nil
		case "d":
			if p.event != nil {
				e := *p.event
				return false, func() tea.Msg { return eventDeleteMsg{e} }
			}
		}
		pn, cmd := p.text.update(msg)
		p.text = &pn
		return false, cmd
	}
	m := p.matches()
	switch km.String() {
	case "esc":
		return true, nil
	case "up", "ctrl+p":
		p.cursor = max(0, p.cursor-1)
		return false, nil
	case "down", "ctrl+n":
		p.cursor = max(0, min(len(m)-1, p.cursor+1))
		return false, nil
	case "pgup":
		p.cursor = max(0, p.cursor-listRows(height))
		return false, nil
	case "pgdown":
		p.cursor = max(0, min(len(m)-1, p.cursor+listRows(height)))
		return false, nil
	case "enter":
		if p.cursor < len(m) {
			it := m[p.cursor]
			if it.Event != nil {
				// An event is not a number: it is worded in full, and d deletes it.
				p.show(it.Label, report.EventText(*it.Event, width), width, height)
				p.listed, p.event = true, it.Event
				return false, nil
			}
			e := it.Explain()
			text := report.ExplanationText(e, report.Touching(p.warnings, e), width)
			p.show(it.Label, text, width, height)
			p.listed = true
		}
		return false, nil
	}
	var cmd tea.Cmd
	p.filter, cmd = editInput(p.filter, msg)
	p.cursor = max(0, min(p.cursor, len(p.matches())-1))
	return false, cmd
}

func listRows(height int) int { return max(1, height-3) }

func (p *explainPanel) view(width, height int) string {
	var b strings.Builder
	if p.text != nil {
		back := "esc closes"
		if p.listed {
			back = "esc back to the list, enter closes"
		}
		if p.event != nil {
			b.WriteString(p.st.Render(p.st.Title, "An event") + " — d deletes it, " + back + "\n")
			b.WriteString(p.text.view())
			return textfit.CutLines(b.String(), width)
		}
		b.WriteString(p.st.Render(p.st.Title, "How it is made") + " — ↑↓ pgup pgdn scroll, " + back + "\n")
		b.WriteString(p.text.view())
		return textfit.CutLines(b.String(), width)
	}
	b.WriteString(p.st.Render(p.st.Title, "Explain a number") + " — ↑↓ pick, type to filter, enter shows how it is made, esc closes\n")
	b.WriteString(noBidi(inputView(p.filter)) + "\n")
	m := p.matches()
	rows := listRows(height)
	start := max(0, min(p.cursor-rows/2, len(m)-rows))
	for i := start; i < len(m) && i < start+rows; i++ {
		line := "  " + figures.Sanitize(m[i].Label)
		if i == p.cursor {
			line = "> " + figures.Sanitize(m[i].Label)
		}
		b.WriteString(textfit.Cut(line, width) + "\n")
	}
	if len(m) == 0 {
		b.WriteString("  nothing matches\n")
	}
	return textfit.CutLines(b.String(), width)
}

// openExplain opens the panel on the view on screen: the Data view's
// figure under the cursor, or the list of a view's numbers.
func (m Model) openExplain() (tea.Model, tea.Cmd) {
	if m.onData() {
		f, ok := m.data.selected()
		if !ok {
			m.setStatus("nothing to explain: " + m.data.noRowWhy())
			return m, nil
		}
		return m, explainFigure(m.cfg.Store, f, m.width)
	}
	d := m.docs[m.view].data
	ex, ok := d.(report.Explainable)
	if d == nil || !ok || d.Empty() != nil {
		m.setStatus("nothing to explain on this view yet")
		return m, nil
	}
	m.explain = newExplainPanel(m.st, ex.Items(), d.Warnings())
	return m, nil
}

// explainFigure reads the figure's series, for the other sources' figures
// over its months, and words the figure in full.
func explainFigure(s Store, f figures.Figure, width int) tea.Cmd {
	return func() tea.Msg {
		var series []figures.Figure
		err := s.View(func(r Reader) error {
			var err error
			series, err = r.Series(f.App, f.Country)
			return err
		})
		if err != nil {
			return explainedMsg{err: err}
		}
		e := figures.ExplainFigure(f, series)
		title := fmt.Sprintf("%s %s %s", figures.Sanitize(f.App), f.Country, e.What)
		return explainedMsg{title: title, text: report.ExplanationText(e, nil, width)}
	}
}

// gotExplained opens the working of a figure read from the store.
func (m Model) gotExplained(msg explainedMsg) Model {
	if msg.err != nil {
		m.setError(msg.err)
		return m
	}
	m.explain = newExplainPanel(m.st, nil, nil)
	m.explain.show(msg.title, msg.text, m.width, m.bodyHeight())
	return m
}
