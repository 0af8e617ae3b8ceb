package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/report"
)

// typing reports whether a text field has the keys: the form, a picker,
// or the Data view's filter.
func (m Model) typing() bool {
	return m.form != nil || m.groupForm != nil || m.picker != nil || m.explain != nil || m.export != nil || (m.onData() && m.data.capturing())
}

// key handles a key press when no panel is open.
func (m Model) key(km tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.onData() && m.data.capturing() {
		var cmd tea.Cmd
		m.data, cmd = m.data.update(km)
		return m, cmd
	}
	if m.showHelp && !key.Matches(km, m.keys.Quit) {
		m.showHelp = false
		return m, nil
	}
	if m.rankSort {
		return m.sortRanking(km)
	}
	switch {
	case key.Matches(km, m.keys.Quit):
		return m, tea.Quit
	case key.Matches(km, m.keys.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(km, m.keys.NextView):
		return m.switchTo((m.view + 1) % len(m.views))
	case key.Matches(km, m.keys.PrevView):
		return m.switchTo((m.view + len(m.views) - 1) % len(m.views))
	case key.Matches(km, m.keys.Apps):
		return m.openPicker(pickApps)
	case key.Matches(km, m.keys.Country):
		return m.openPicker(pickCountry)
	case key.Matches(km, m.keys.Window):
		return m.openPicker(pickWindow)
	case key.Matches(km, m.keys.Follow) && m.onData():
		sel := m.sel
		if marketCountry(sel.Country) == "" && sel.Country != "" {
			// The filter takes one country; a group's figures are its
			// members', each under its own country.
			sel.Country = ""
			m.setStatus("the market is a group: its figures are its members', listed under their countries (country:xx filters one)")
		}
		m.data.follow(sel)
		return m, nil
	case key.Matches(km, m.keys.Explain):
		return m.openExplain()
	case key.Matches(km, m.keys.Platform):
		sel := m.sel
		sel.Platform = (sel.Platform + 1) % 3 // all, iOS, Android, all…
		m.setStatus("platform: " + sel.Platform.Label())
		return m.reselect(sel)
	case key.Matches(km, m.keys.Sources):
		if m.cfg.Store.ReadOnly() {
			m.setStatus(readOnlyNote)
			return m, nil
		}
		return m, loadSources(m.cfg.Store)
	case key.Matches(km, m.keys.Cumulative):
		sel := m.sel
		sel.Cumulative = !sel.Cumulative
		return m.reselect(sel)
	case key.Matches(km, m.keys.SinceLaunch):
		sel := m.sel
		sel.SinceLaunch = !sel.SinceLaunch
		return m.reselect(sel)
	case key.Matches(km, m.keys.GroupRows):
		return m.toggleGroupRows()
	case key.Matches(km, m.keys.Scale):
		sel := m.sel
		sel.Scale = sel.Scale.Next()
		m.setStatus("scale: " + sel.Scale.String() + scaleApplies(m.views[m.view]))
		return m.reselect(sel)
	case key.Matches(km, m.keys.Sort) && m.views[m.view].Name == report.RankingViewName:
		m.rankSort = true
		m.setStatus("sort the ranking by: " + rankSortHelp)
		return m, nil
	case key.Matches(km, m.keys.Reverse) && m.views[m.view].Name == report.RankingViewName:
		m.setStatus("the ranking has one order per column: s then " + rankSortHelp)
		return m, nil
	case key.Matches(km, m.keys.Reload):
		m.gen++
		return m, tea.Batch(loadApps(m.cfg.Store), m.load())
	case key.Matches(km, m.keys.Export):
		return m.openExport()
	case key.Matches(km, m.keys.Add), key.Matches(km, m.keys.Edit), key.Matches(km, m.keys.Delete),
		key.Matches(km, m.keys.Launch), key.Matches(km, m.keys.Event), key.Matches(km, m.keys.Merge), key.Matches(km, m.keys.Groups),
		key.Matches(km, m.keys.Undo), key.Matches(km, m.keys.Redo):
		return m.editKey(km)
	}
	for i, b := range m.keys.Views {
		if key.Matches(km, b) {
			return m.switchTo(i)
		}
	}
	return m.routeToView(km)
}

// routeToView hands a key to the view on screen, for scrolling and sorting.
func (m Model) routeToView(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	if m.onData() {
		m.data, cmd = m.data.update(msg)
	} else {
		d := &m.docs[m.view]
		d.pane, cmd = d.pane.update(msg)
	}
	return m, cmd
}

// scaleApplies says, when the view shown draws no chart on a scale, that
// the scale chosen waits for Curves and Compare.
func scaleApplies(v report.View) string {
	if report.Scaled(v) {
		return ""
	}
	return " (on Curves and Compare)"
}

// rankSortKey is the order a letter after s names on Ranking, as on
// Data a column's first letter.
func rankSortKey(k string) (string, bool) {
	switch k {
	case "i", "r":
		return report.RankByInstalls, true
	case "c", "v":
		return report.RankByChange, true
	case "y":
		return report.RankByYear, true
	case "n", "a":
		return report.RankByName, true
	}
	return "", false
}

const rankSortHelp = "i installs (the rank) · c change vs the previous window · y vs the year before · n name"

// sortRanking takes the key after s on Ranking: the order of its rows.
func (m Model) sortRanking(km tea.KeyMsg) (tea.Model, tea.Cmd) {
	m.rankSort = false
	by, ok := rankSortKey(km.String())
	if !ok {
		m.setStatus("no such order; s then " + rankSortHelp)
		return m, nil
	}
	sel := m.sel
	sel.RankBy = by
	m.setStatus("ranking sorted by " + by)
	return m.reselect(sel)
}
