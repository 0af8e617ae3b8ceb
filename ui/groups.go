package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// The user's groups in the dashboard: the group form's answers (group_form.go),
// the commands that save and delete a group, the market following a
// group that is gone, and the Countries view's rows by region.

// openGroupForm opens the group form, on the market's group when the
// market is one of the user's.
func (m Model) openGroupForm() (tea.Model, tea.Cmd) {
	name := ""
	if g, ok := figures.GroupNamed(m.groups, m.sel.Country); ok && !figures.ValidCountry(m.sel.Country) {
		name = figures.Sanitize(g.Name)
	}
	m.groupForm = newGroupForm(m.st, m.groups, name)
	return m, nil
}

// submitGroup saves a checked group: at once when its name is new, after
// a question naming the members that change when it replaces one.
func (m Model) submitGroup(msg groupSubmitMsg) (tea.Model, tea.Cmd) {
	g := msg.group
	old, known := figures.GroupNamed(m.groups, g.Name)
	if !known {
		m.groupForm = nil
		return m, saveGroup(m.cfg.Store, g, nil)
	}
	if old.Name == g.Name && slices.Equal(old.Members, g.Members) {
		m.groupForm = nil
		m.setStatus(fmt.Sprintf("group %s is %s already: nothing changed", figures.Sanitize(g.Name), strings.Join(g.Members, ", ")))
		return m, nil
	}
	added, removed := store.MemberChanges(old.Members, g.Members)
	q := fmt.Sprintf("Replace group %s (%s) with %s? It %s. Undo (u) takes it back.",
		figures.Sanitize(old.Name), strings.Join(old.Members, ", "), strings.Join(g.Members, ", "), addsRemoves(added, removed))
	if len(added)+len(removed) == 0 {
		q = fmt.Sprintf("Rename group %s to %s (members alike: %s)? Undo (u) takes it back.", figures.Sanitize(old.Name), figures.Sanitize(g.Name), strings.Join(g.Members, ", "))
	}
	m.confirm = &confirm{st: m.st, backGroup: m.groupForm, question: q, yes: saveGroup(m.cfg.Store, g, &old)}
	m.groupForm = nil
	return m, nil
}

// askDeleteGroup asks before deleting a group.
func (m Model) askDeleteGroup(msg groupDeleteMsg) (tea.Model, tea.Cmd) {
	g := msg.group
	q := fmt.Sprintf("Delete group %s (%s)? Its members' figures stay; undo (u) brings the group back.", figures.Sanitize(g.Name), strings.Join(g.Members, ", "))
	m.confirm = &confirm{st: m.st, backGroup: m.groupForm, question: q, yes: deleteGroup(m.cfg.Store, g)}
	m.groupForm = nil
	return m, nil
}

func saveGroup(s Store, g figures.Group, old *figures.Group) tea.Cmd {
	return func() tea.Msg {
		err := s.SaveGroup(g)
		c := store.GroupChange{New: g}
		if old != nil {
			c.Old = *old
		}
		what := c.String() + " (g picks it as the market; u undoes)"
		if old != nil {
			what = c.String() + " (u undoes)"
		}
		return savedMsg{what: what, err: err}
	}
}

func deleteGroup(s Store, g figures.Group) tea.Cmd {
	return func() tea.Msg {
		err := s.DeleteGroup(g.Name)
		return savedMsg{what: fmt.Sprintf("deleted group %s (%s) (u undoes)", figures.Sanitize(g.Name), strings.Join(g.Members, ", ")), err: err}
	}
}

// marketStillThere keeps the market on a group of the file's that is
// still there (spelt as saved); one that is gone (deleted, undone, or by
// another process) gives way to worldwide, and the status says so.
func (m Model) marketStillThere() Model {
	c := m.sel.Country
	if c == "" || figures.ValidCountry(c) {
		return m
	}
	if _, ok := figures.RegionNamed(c); ok {
		return m
	}
	if g, ok := figures.GroupNamed(m.groups, c); ok {
		m.sel.Country, m.sel.Group = g.Name, g
		return m
	}
	m.sel.Country, m.sel.Group = figures.Worldwide, figures.Group{}
	note := fmt.Sprintf("the group %s is no longer in the file: the market is now WW Worldwide (g picks another)", figures.Quote(figures.Sanitize(c)))
	if m.status != "" && !m.statusErr {
		note = m.status + "; " + note
	}
	m.setStatus(note)
	return m
}

// toggleGroupRows switches the Countries view between a row per country
// and a row per UN sub-region (with the user's groups beside).
func (m Model) toggleGroupRows() (tea.Model, tea.Cmd) {
	sel := m.sel
	sel.GroupRows = !sel.GroupRows
	note := "Countries: a row per country"
	if sel.GroupRows {
		note = "Countries: a row per UN sub-region, your groups beside (v: per country)"
	}
	if m.views[m.view].Name != "countries" {
		note += " (on Countries, 2)"
	}
	m.setStatus(note)
	return m.reselect(sel)
}
