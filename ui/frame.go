package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/uptake/uptake/figures"
)

// View draws the frame: the views in a header, the selection, the view,
// the status line and a line of help. It does no I/O.
func (m Model) View() string {
	if m.width == 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		return cut(fmt.Sprintf("terminal too small (need %d×%d, have %d×%d)", MinWidth, MinHeight, m.width, m.height), m.width)
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
		lines[i] = cut(l, m.width)
	}
	return strings.Join([]string{m.header(), m.selectionLine(), strings.Join(lines, "\n"), m.statusLine(), m.helpLine()}, "\n")
}

func (m Model) header() string {
	var tabs []string
	for v := CurvesView; v < viewCount; v++ {
		label := fmt.Sprintf("%d %s", int(v)+1, v.Title())
		if v == m.view {
			tabs = append(tabs, m.st.render(m.st.ActiveTab, "["+label+"]"))
		} else {
			tabs = append(tabs, m.st.render(m.st.Tab, " "+label+" "))
		}
	}
	title := m.st.render(m.st.Title, "uptake") + "  "
	return cut(title+lipgloss.JoinHorizontal(lipgloss.Top, tabs...), m.width)
}

func (m Model) selectionLine() string {
	if len(m.apps) == 0 && m.appsKnown {
		return m.st.render(m.st.Muted, cut("no figures yet", m.width))
	}
	// Each view names only the parts of the selection it uses.
	var mode []string
	if m.view == CurvesView && m.sel.Cumulative {
		mode = append(mode, "cumulative")
	}
	if m.view == CompareView {
		mode = append(mode, map[bool]string{true: "since launch", false: "on the calendar"}[m.sel.SinceLaunch])
	}
	line := "▸ " + m.sel.Label()
	switch {
	case m.view == CountriesView && len(m.sel.Apps) > 0:
		line = "▸ " + m.sel.Apps[0] + " · every country · " + m.sel.WindowLabel()
	case m.view == DataView && m.data.filter.Value() != "":
		line = "▸ figures matching “" + m.data.filter.Value() + "” (esc in / clears)"
	case m.view == DataView:
		line = "▸ every figure (/ filters)"
	}
	if len(mode) > 0 {
		line += " · " + strings.Join(mode, ", ")
	}
	return m.st.render(m.st.Selection, cut(figures.Sanitize(line), m.width))
}

func (m Model) body() string {
	switch {
	case m.form != nil:
		return m.form.view(m.width)
	case m.confirm != nil:
		return m.confirm.view(m.width)
	case m.picker != nil:
		return m.picker.view(m.width)
	case m.showHelp:
		return m.fullHelp()
	case m.appsKnown && len(m.apps) == 0:
		return m.emptyScreen()
	}
	switch m.view {
	case CurvesView:
		return m.curves.view()
	case CountriesView:
		return m.countries.view()
	case CompareView:
		return m.compare.view()
	}
	return m.data.view()
}

// fullHelp draws every key, as many groups side by side as the width
// takes, from the same keyMap that Update matches.
func (m Model) fullHelp() string {
	var rows []string
	var row [][]key.Binding
	for _, g := range m.keys.FullHelp() {
		if len(row) > 0 && lipgloss.Width(m.help.FullHelpView(append(row, g))) > m.width {
			rows = append(rows, m.help.FullHelpView(row))
			row = nil
		}
		row = append(row, g)
	}
	rows = append(rows, m.help.FullHelpView(row))
	return m.st.render(m.st.Title, "Keys") + " (any key closes)\n\n" + strings.Join(rows, "\n\n")
}

func (m Model) emptyScreen() string {
	lines := []string{
		m.st.render(m.st.Title, "No figures yet."),
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
		out = append(out, wrap(l, m.width)...)
	}
	return strings.Join(out, "\n")
}

// statusLine shows the last message, else the first warning of the view.
func (m Model) statusLine() string {
	switch {
	case m.status != "" && m.statusErr:
		return m.st.render(m.st.Error, cut(figures.Sanitize(m.status), m.width))
	case m.status != "":
		return m.st.render(m.st.Status, cut(figures.Sanitize(m.status), m.width))
	case len(m.warnings) > 0:
		w := "⚠ " + m.warnings[0]
		if len(m.warnings) > 1 {
			w = fmt.Sprintf("⚠ (%d) %s", len(m.warnings), m.warnings[0])
		}
		return m.st.render(m.st.Warning, cut(figures.Sanitize(w), m.width))
	}
	return ""
}

func (m Model) helpLine() string {
	m.help.ShowAll = false
	return cut(m.help.View(m.keys), m.width)
}
