package ui

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// TestFlow_RegionAsTheMarket: g takes a UN region by its name, the UN's
// name or its M49 code, or the completion shown; the selection line and
// the Countries view name it, and Indonesia shows as 1 of its 11 members.
func TestFlow_RegionAsTheMarket(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("g", "Southeast Asia", "enter", "2")...)
	if m.picker != nil || m.sel.Country != "035" {
		t.Fatalf("market %q (picker open %v): want 035", m.sel.Country, m.picker != nil)
	}
	d := countriesData(m)
	if len(d.Rows) != 1 || d.Rows[0].Country != "ID" {
		t.Fatalf("rows %+v, want Indonesia alone", d.Rows)
	}
	view := m.View()
	for _, want := range []string{"Southeast Asia (035)", "ID Indonesia", "1 of 11 members with figures"} {
		if !strings.Contains(view, want) {
			t.Errorf("the Countries view lacks %q:\n%s", want, view)
		}
	}
	if line := strings.Split(view, "\n")[1]; !strings.Contains(line, "Southeast Asia (035)") {
		t.Errorf("the selection line does not name the region: %q", line)
	}
	for _, c := range []struct{ typed, shown, want string }{
		{"035", "", "035"}, {"South-eastern Asia", "", "035"}, {"southeast", "Southeast Asia", "035"},
		{"Latin", "Latin America", "419"}, {"India", "", "IN"},
	} {
		m = drive(t, m, press("g"))
		m = drive(t, m, keys(c.typed)...)
		if c.shown != "" && !strings.Contains(m.View(), c.shown) {
			t.Errorf("%q: the prompt does not show %s:\n%s", c.typed, c.shown, m.View())
		}
		m = drive(t, m, press("enter"))
		if m.picker != nil || m.sel.Country != c.want {
			t.Errorf("%q: market %q (picker open %v), want %s", c.typed, m.sel.Country, m.picker != nil, c.want)
		}
	}
	// A place that is none of these keeps the picker open, saying what it takes.
	m = drive(t, m, keys("g", "Narnia", "enter")...)
	if m.picker == nil || !strings.Contains(m.picker.err, "a UN region such as Southeast Asia or 035") || m.sel.Country != "IN" {
		t.Fatalf("Narnia: picker %v, market %q", m.picker, m.sel.Country)
	}
	if !strings.Contains(m.picker.err, "(there are none yet)") {
		t.Errorf("the message does not say there are no groups yet: %s", m.picker.err)
	}
}

// TestFlow_GroupMadeSelectedReplacedDeletedUndone: G makes a group "Two"
// of ID and India, showing the members as read; g then picks it and the
// Countries view sums its members; G on it again asks before replacing
// it, naming the member it adds; ctrl+d asks before deleting it, and the
// market gives way to worldwide; u brings it back.
func TestFlow_GroupMadeSelectedReplacedDeletedUndone(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("G", "Two", "tab", "ID, India")...)
	if m.groupForm == nil || !strings.Contains(m.View(), "reads as 2: ID Indonesia, IN India") {
		t.Fatalf("the form does not show the members as read:\n%s", m.View())
	}
	m = drive(t, m, press("enter"))
	if m.groupForm != nil || !strings.Contains(m.status, "added group Two: ID, IN") {
		t.Fatalf("saved? form open %v, status %q", m.groupForm != nil, m.status)
	}
	if len(m.groups) != 1 || m.groups[0].Name != "Two" {
		t.Fatalf("groups = %+v", m.groups)
	}
	m = drive(t, m, keys("g", "two", "enter", "2")...)
	if m.sel.Country != "Two" {
		t.Fatalf("market %q, want Two", m.sel.Country)
	}
	if v := m.View(); !strings.Contains(v, "Two (group)") || !strings.Contains(v, "all 2 members with figures") {
		t.Errorf("the Countries view of the group:\n%s", v)
	}
	// G opens on the market's group, its members filled in: adding BR
	// asks first, naming what changes.
	m = drive(t, m, press("G"))
	if m.groupForm == nil || m.groupForm.members.Value() != "ID, IN" {
		t.Fatalf("G on the group: %+v", m.groupForm)
	}
	m = drive(t, m, keys("tab", ", Brazil", "enter")...)
	if m.confirm == nil || !strings.Contains(m.confirm.question, "Replace group Two (ID, IN) with BR, ID, IN? It adds BR; removes none.") {
		t.Fatalf("no question before replacing: %s", m.View())
	}
	m = drive(t, m, press("n"))
	if m.groupForm == nil || m.groupForm.members.Value() != "ID, IN, Brazil" {
		t.Fatalf("n did not go back to the form as it was: %+v", m.groupForm)
	}
	m = drive(t, m, press("enter"), press("y"))
	if len(m.groups) != 1 || !slices.Equal(m.groups[0].Members, []string{"BR", "ID", "IN"}) || !strings.Contains(m.status, "adds BR") {
		t.Fatalf("after replacing: %+v, status %q", m.groups, m.status)
	}
	// Delete, asked first.
	m = drive(t, m, press("G"), tea.KeyMsg{Type: tea.KeyCtrlD})
	if m.confirm == nil || !strings.Contains(m.confirm.question, "Delete group Two (BR, ID, IN)?") {
		t.Fatalf("no question before deleting: %s", m.View())
	}
	m = drive(t, m, press("y"))
	if len(m.groups) != 0 || m.sel.Country != figures.Worldwide || !strings.Contains(m.status, "deleted group Two") || !strings.Contains(m.status, "the market is now WW Worldwide") {
		t.Fatalf("after deleting: groups %+v, market %q, status %q", m.groups, m.sel.Country, m.status)
	}
	// Undo brings it back, as it was before the delete.
	m = drive(t, m, press("u"))
	if len(m.groups) != 1 || !slices.Equal(m.groups[0].Members, []string{"BR", "ID", "IN"}) || !strings.Contains(m.status, "undid delete group Two") {
		t.Fatalf("after undo: %+v, status %q", m.groups, m.status)
	}
	m = drive(t, m, press("u"))
	if len(m.groups) != 1 || !slices.Equal(m.groups[0].Members, []string{"ID", "IN"}) {
		t.Fatalf("after undoing the replace: %+v, status %q", m.groups, m.status)
	}
}

// TestGroupForm_Checks: each field says what is wrong, and nothing is
// saved: a name taken by a country or a region, a withdrawn code (the
// current one named), WW, no members.
func TestGroupForm_Checks(t *testing.T) {
	m := newDriven(t, true)
	for _, c := range []struct {
		name, members, want string
	}{
		{"India", "IN", `the group name "India" is taken by a country (IN India)`},
		{"Southern Asia", "IN", "taken by a UN region (Southern Asia (034))"},
		{"Old", "DD", `"DD" is a withdrawn code (East Germany): use DE (Germany)`},
		{"World", "WW", `"WW" is worldwide (WW), not a country`},
		{"Empty", " , ", "no members yet"},
	} {
		got := drive(t, m, keys("G", c.name, "tab")...)
		got = drive(t, got, keys(c.members, "enter")...)
		if got.groupForm == nil || !strings.Contains(got.View(), c.want) {
			t.Errorf("%s / %s: want %q:\n%s", c.name, c.members, c.want, got.View())
		}
		if len(got.groups) != 0 {
			t.Errorf("%s: saved %+v", c.name, got.groups)
		}
	}
	// ctrl+d on a name no group has says so.
	got := drive(t, m, keys("G", "Nothing", tea.KeyMsg{Type: tea.KeyCtrlD})...)
	if got.confirm != nil || !strings.Contains(got.View(), `no group is called "Nothing"`) {
		t.Errorf("ctrl+d on no group:\n%s", got.View())
	}
	// esc closes the form, saving nothing.
	got = drive(t, m, keys("G", "Two", "tab", "ID", "esc")...)
	if got.groupForm != nil || len(got.groups) != 0 {
		t.Errorf("esc: form %v, groups %+v", got.groupForm != nil, got.groups)
	}
}

// TestGroupRows_Toggle: v on the Countries view shows a row per UN
// sub-region, and again a row per country; the status says which.
func TestGroupRows_Toggle(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("2", "v")...)
	if !m.sel.GroupRows || !strings.Contains(m.View(), "Installs by region") || !strings.Contains(m.View(), "Southern Asia (034)") || !strings.Contains(m.status, "a row per UN sub-region") {
		t.Fatalf("v: %v\n%s", m.sel.GroupRows, m.View())
	}
	m = drive(t, m, press("v"))
	if m.sel.GroupRows || !strings.Contains(m.View(), "IN India") {
		t.Fatalf("v again: %v\n%s", m.sel.GroupRows, m.View())
	}
	m = drive(t, m, keys("1", "v")...)
	if !strings.Contains(m.status, "(on Countries, 2)") {
		t.Errorf("v on Curves: status %q", m.status)
	}
}

// TestGroupMarket_FormsStayWithCountries: with a region as the market,
// a new figure, launch or event starts with no country: a figure belongs
// to one country, and a group is only for viewing.
func TestGroupMarket_FormsStayWithCountries(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("g", "035", "enter")...)
	for _, k := range []string{"a", "L", "E"} {
		got := drive(t, m, press(k))
		if got.form == nil || got.form.fields[fCountry].input.Value() != "" {
			t.Errorf("%s: the country field starts as %q", k, got.form.fields[fCountry].input.Value())
		}
	}
}

// TestGroups_ReadOnlyRefused: G on a file opened read-only says why.
func TestGroups_ReadOnlyRefused(t *testing.T) {
	s, err := store.Open(seededFile(t), store.Options{Transient: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	m := drive(t, driven(t, s), press("G"))
	if m.groupForm != nil || !strings.Contains(m.status, readOnlyNote) {
		t.Errorf("G on a read-only file: form %v, status %q", m.groupForm != nil, m.status)
	}
}
