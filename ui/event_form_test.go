package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
)

// TestFlow_EventAddedFromTheForm: E opens the event form in the market
// and at the end of the chart on screen; saved, the event is in the file
// and marked on the chart at once.
func TestFlow_EventAddedFromTheForm(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, press("l")) // Compare on the calendar, in India
	if m.sel.SinceLaunch || m.sel.Country != "IN" {
		t.Fatalf("selection %+v", m.sel)
	}
	if n := len(compareData(m).Events); n != 1 {
		t.Fatalf("%d events on the chart before, want the bundled ban", n)
	}
	m = drive(t, m, press("E"))
	if m.form == nil || m.form.kind != eventForm {
		t.Fatal("E opened no event form")
	}
	if c, mo := m.form.fields[fCountry].input.Value(), m.form.fields[evMonth].input.Value(); c != "IN" || mo != "2020-09" {
		t.Errorf("the form starts at %q %q, want the market and the chart's last month", c, mo)
	}
	if !strings.Contains(m.View(), "Add an event") {
		t.Errorf("the form is not on screen:\n%s", m.View())
	}
	// An empty text is refused before anything is saved.
	m = drive(t, m, keys("tab", "tab", tea.KeyMsg{Type: tea.KeyCtrlU}, "2020-04", "tab", "tab")...)
	if m.form == nil || m.form.fields[evText].err == "" {
		t.Fatalf("an empty text passed: %+v", m.form)
	}
	m = drive(t, m, keys("shift+tab", "Lockdown in India", "tab", "news", "tab", "from 25 March", "enter")...)
	if m.form != nil || m.confirm != nil {
		t.Fatalf("form still open: %v, question %v", m.form != nil, m.confirm)
	}
	if !strings.Contains(m.status, "1 event added") {
		t.Fatalf("status %q", m.status)
	}
	evs, err := storeOf(m).Events()
	if err != nil || len(evs) != 3 || evs[0].String() != "2020-04 IN every app: Lockdown in India" || evs[0].Source != "news" || evs[0].Note != "from 25 March" {
		t.Fatalf("stored %v %v", evs, err)
	}
	d := compareData(m)
	if len(d.Events) != 2 || d.Events[0].Text != "Lockdown in India" || d.Events[1].Number != 2 {
		t.Fatalf("the chart marks %+v", d.Events)
	}
	if v := m.View(); !strings.Contains(v, "1 2020-04 IN India · Lockdown in India") || !strings.Contains(v, " events ") {
		t.Errorf("the view does not show the event:\n%s", v)
	}
	// The same again with another source replaces it, and says so.
	m = drive(t, m, keys("E", "tab", "tab", tea.KeyMsg{Type: tea.KeyCtrlU}, "2020-04", "tab", "Lockdown in India", "tab", "government", "tab", "enter")...)
	if !strings.Contains(m.status, `source "news" → "government"`) {
		t.Errorf("a replacement not named: %q", m.status)
	}
	// u takes it back.
	m = drive(t, m, press("u"))
	if evs, _ := storeOf(m).Events(); evs[0].Source != "news" {
		t.Errorf("undo left %+v", evs[0])
	}
}

// TestFlow_EventForAnUnknownAppAsks: an app the file does not have is
// asked about, with the nearest name; n goes back to the form.
func TestFlow_EventForAnUnknownAppAsks(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("E", "Reso", "tab", "tab", "tab", "Campaign", "tab", "tab", "enter")...)
	if m.confirm == nil || !strings.Contains(m.View(), "No app in the file is called “Reso”") || !strings.Contains(m.View(), "did you mean Resso?") {
		t.Fatalf("no question:\n%s", m.View())
	}
	m = drive(t, m, press("n"))
	if m.form == nil || m.form.fields[fApp].input.Value() != "Reso" {
		t.Fatal("n did not go back to the form")
	}
	m = drive(t, m, keys("shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab", tea.KeyMsg{Type: tea.KeyCtrlU}, "Resso", "tab", "tab", "tab", "tab", "tab", "enter")...)
	if m.form != nil || m.confirm != nil || !strings.Contains(m.status, "1 event added") {
		t.Fatalf("status %q, form %v, question %v", m.status, m.form != nil, m.confirm)
	}
}

// TestFlow_EventListedAndDeleted: enter on a chart lists its events with
// the numbers; enter on one shows it in full, d deletes it after a
// question, and u brings it back.
func TestFlow_EventListedAndDeleted(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("l", "enter", "event 1", "enter")...)
	if m.explain == nil || m.explain.event == nil {
		t.Fatalf("the event is not shown: %s", m.View())
	}
	v := m.View()
	for _, want := range []string{"An event", "d deletes it", "Event: TikTok banned in India", "source: An Arabic news article", "29 June 2020"} {
		if !strings.Contains(v, want) {
			t.Errorf("the panel lacks %q:\n%s", want, v)
		}
	}
	m = drive(t, m, press("d"))
	if m.explain != nil || m.confirm == nil || !strings.Contains(m.View(), "Delete the event 2020-06 IN every app: TikTok banned in India") {
		t.Fatalf("no question:\n%s", m.View())
	}
	m = drive(t, m, press("y"))
	if evs, _ := storeOf(m).Events(); len(evs) != 1 || !strings.Contains(m.status, "deleted event") {
		t.Fatalf("after the delete: %v, status %q", evs, m.status)
	}
	if n := len(compareData(m).Events); n != 0 {
		t.Errorf("the chart still marks %d events", n)
	}
	m = drive(t, m, press("u"))
	if evs, _ := storeOf(m).Events(); len(evs) != 2 {
		t.Errorf("undo brought back %d events", len(evs))
	}
}

func TestHelp_ListsE(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, press("?"))
	if v := m.View(); !strings.Contains(v, "E") || !strings.Contains(v, "add event") {
		t.Errorf("help lacks E:\n%s", v)
	}
}

func TestEventForm_Checks(t *testing.T) {
	f := newEventForm(colourStyles(false), []figures.App{{Name: "Resso"}}, "", 0)
	if f.fields[fCountry].input.Value() != "" || f.fields[evMonth].input.Value() != "" {
		t.Error("an empty selection fills the form")
	}
	for i, v := range map[int]string{fApp: "", fCountry: "India", evMonth: "2020-06", evText: "Ban", evSource: "", evNote: ""} {
		if err := f.fields[i].check(v); err != nil {
			t.Errorf("field %d refuses %q: %v", i, v, err)
		}
	}
	for i, v := range map[int]string{fCountry: "Atlantis", evMonth: "June", evText: strings.Repeat("a", 201)} {
		if err := f.fields[i].check(v); err == nil {
			t.Errorf("field %d takes %q", i, v)
		}
	}
}
