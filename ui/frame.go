package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/textfit"
)

// View draws the frame: the views in a header, the selection, the view,
// the status line and a line of help. It does no I/O.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		return textfit.Cut(fmt.Sprintf("terminal too small (need %d×%d, have %d×%d)", MinWidth, MinHeight, m.width, m.height), m.width)
	}
	body := m.body()
	lines := strings.Split(strings.TrimRight(body, "\n"), "\n")
	h := m.bodyHeight()
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = textfit.Cut(l, m.width)
	}
	return strings.Join([]string{m.header(), m.selectionLine(), strings.Join(lines, "\n"), strings.Join(m.statusLines(), "\n"), m.helpLine()}, "\n")
}

func (m Model) header() string {
	title := m.st.Render(m.st.Title, "uptake") + "  "
	return textfit.Cut(title+lipgloss.JoinHorizontal(lipgloss.Top, m.tabs()...), m.width)
}

// tabs draws every view's tab for the header; when they would not fit
// the width with their padding, they go without it, so that six views
// still show whole at 80 columns.
func (m Model) tabs() []string {
	draw := func(compact bool) ([]string, int) {
		var tabs []string
		w := lipgloss.Width(m.st.Render(m.st.Title, "uptake") + "  ")
		for i := range m.views {
			tabs = append(tabs, m.tab(i, compact))
			w += lipgloss.Width(tabs[i])
		}
		return tabs, w
	}
	tabs, w := draw(false)
	if w > m.width {
		tabs, _ = draw(true)
	}
	return tabs
}

// tab draws view i's tab in the header, without the style's padding
// when compact.
func (m Model) tab(i int, compact bool) string {
	label := fmt.Sprintf("%d %s", i+1, m.views[i].Title)
	active, plain := m.st.ActiveTab, m.st.Tab
	if compact {
		active, plain = active.UnsetPadding(), plain.UnsetPadding()
	}
	if i == m.view {
		return m.st.Render(active, "["+label+"]")
	}
	return m.st.Render(plain, " "+label+" ")
}

func (m Model) selectionLine() string {
	if len(m.apps) == 0 && m.appsKnown {
		return m.st.Render(m.st.Muted, textfit.Cut("no figures yet", m.width))
	}
	// Each view names only the parts of the selection it uses.
	line := "▸ " + m.views[m.view].Describe(m.sel)
	switch {
	case m.onData() && m.data.filter.Value() != "":
		line = "▸ figures matching “" + m.data.filter.Value() + "” (esc in / clears)"
	case m.onData():
		line = "▸ every figure (/ filters)"
	}
	return m.st.Render(m.st.Selection, textfit.Cut(figures.Sanitize(line), m.width))
}

func (m Model) body() string {
	switch {
	case m.form != nil:
		return m.form.view(m.width)
	case m.groupForm != nil:
		return m.groupForm.view(m.width)
	case m.confirm != nil:
		return m.confirm.view(m.width)
	case m.export != nil:
		return m.export.view(m.width)
	case m.picker != nil:
		return m.picker.view(m.width)
	case m.explain != nil:
		return m.explain.view(m.width, m.bodyHeight())
	case m.showHelp:
		return m.fullHelp()
	case m.appsKnown && len(m.apps) == 0:
		return m.emptyScreen()
	}
	if m.onData() {
		return m.data.view()
	}
	return m.docs[m.view].view()
}

// fullHelp draws every key, as many groups side by side as the width
// takes, from the same keyMap that Update matches.
func (m Model) fullHelp() string {
	// Measured without a width: bubbles' help cuts a view that does not
	// fit to "…", which would make every group seem to fit on one row.
	h := m.help
	h.Width = 0
	var rows []string
	var row [][]key.Binding
	for _, g := range m.keys.FullHelp() {
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(append(row, g))) > m.width {
			rows = append(rows, h.FullHelpView(row))
			row = nil
		}
		row = append(row, g)
	}
	rows = append(rows, h.FullHelpView(row))
	return m.st.Render(m.st.Title, "Keys") + " (any key closes)\n" + strings.Join(rows, "\n")
}

func (m Model) emptyScreen() string {
	lines := []string{
		m.st.Render(m.st.Title, "No figures yet."),
		"",
		"Load the bundled dataset (Resso against Spotify, from a 2020 news report):",
		"    uptake -seed -db " + m.cfg.Store.Path(),
		"",
		"Import your own figures from a CSV or JSON file:",
		"    uptake -import figures.csv -db " + m.cfg.Store.Path(),
		"",
		"Or press a to type a figure in by hand.",
	}
	var out []string
	for _, l := range lines {
		out = append(out, textfit.Wrap(l, m.width)...)
	}
	return strings.Join(out, "\n")
}

// statusLine shows the last message, else the first warning of the view.
// maxStatusRows is how many rows a message may take: a message wraps
// rather than being cut, up to this.
const maxStatusRows = 3

// statusLines is the status: a message or error, wrapped to at most
// maxStatusRows rows, or the first warning on one row (every warning is
// under the view in full).
func (m Model) statusLines() []string {
	switch {
	case m.status != "":
		style := m.st.Status
		if m.statusErr {
			style = m.st.Error
		}
		rows := textfit.Wrap(figures.Sanitize(m.status), max(1, m.width))
		if len(rows) > maxStatusRows {
			rows = rows[:maxStatusRows]
			rows[maxStatusRows-1] = textfit.Cut(rows[maxStatusRows-1]+" …", m.width)
		}
		for i, r := range rows {
			rows[i] = m.st.Render(style, r)
		}
		return rows
	case len(m.warnings) > 0:
		w := "⚠ " + m.warnings[0]
		if len(m.warnings) > 1 {
			w = fmt.Sprintf("⚠ (%d) %s", len(m.warnings), m.warnings[0])
		}
		return []string{m.st.Render(m.st.Warning, textfit.Cut(figures.Sanitize(w), m.width))}
	}
	return []string{""}
}

func (m Model) helpLine() string {
	m.help.ShowAll = false
	return textfit.Cut(m.help.View(m.keys), m.width)
}
