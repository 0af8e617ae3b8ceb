package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// typeText presses each rune of s.
func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, press(string(r)))
	}
	return out
}

func keys(parts ...any) []tea.Msg {
	var out []tea.Msg
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			if len([]rune(p)) > 1 && p != "tab" && p != "shift+tab" && p != "enter" && p != "esc" && p != "ctrl+r" && p != "down" {
				out = append(out, typeText(p)...)
			} else {
				out = append(out, press(p))
			}
		case tea.Msg:
			out = append(out, p)
		}
	}
	return out
}

// TestFlow_PlatformField: the form takes a platform (an App Store
// figure), refuses one that is not, and P switches the views to it.
func TestFlow_PlatformField(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("4", "a", "Anghami", "tab", "SA", "tab", "xbox", "tab")...)
	if m.form == nil || !strings.Contains(m.form.view(100), "xbox") || m.form.fields[fPlatform].err == "" {
		t.Fatalf("xbox accepted as a platform: %+v", m.form)
	}
	m = drive(t, m, keys("shift+tab", tea.KeyMsg{Type: tea.KeyCtrlU}, "App Store", "tab", "2020-08", "tab", "tab", "700k", "tab", "Store console", "tab", "tab", "enter", "y")...)
	if m.form != nil {
		t.Fatalf("form still open: %s", m.form.view(100))
	}
	f, ok, err := m.cfg.Store.Figure(figures.Key{App: "Anghami", Country: "SA", Platform: figures.IOS, From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Source: "Store console"})
	if err != nil || !ok || f.Installs != 700_000 {
		t.Fatalf("stored %+v %v %v", f, ok, err)
	}
	m = drive(t, m, keys("p", "Ang", " ", "enter", "g", "SA", "enter", "1")...)
	if got := figures.FormatPoint(curvesData(m).Apps[2].Monthly.Points[0]); got != "700kΣ" {
		t.Errorf("all platforms shows %q for Anghami SA 2020-08, want the iOS figure as a sum of platforms", got)
	}
	m = drive(t, m, press("P"))
	if m.sel.Platform != figures.IOS || !strings.Contains(m.View(), "iOS") {
		t.Fatalf("P: platform %v", m.sel.Platform)
	}
	if got := figures.FormatPoint(curvesData(m).Apps[2].Monthly.Points[0]); got != "700k" {
		t.Errorf("iOS shows %q", got)
	}
}

// TestFlow_RankSources: R lists the file's sources; marking Apptopia
// first and saving makes its August figure lead on every view.
func TestFlow_RankSources(t *testing.T) {
	m := newDriven(t, true)
	aug := figures.MonthOf(2020, 8)
	if _, err := m.cfg.Store.SaveFigure(nil, figures.Figure{App: "Resso", Country: "WW", From: aug, To: aug, Installs: 3_100_000, Source: "Apptopia"}); err != nil {
		t.Fatal(err)
	}
	m = drive(t, m, keys("p", "Spotify", " ", "enter", "g", "WW", "enter", "1")...) // Resso alone
	if got := figures.FormatPoint(curvesData(m).Apps[0].Monthly.Points[5]); got != "3.6M" {
		t.Fatalf("default order shows %q for August, want Sensor Tower's 3.6M", got)
	}
	m = drive(t, m, press("R"))
	if m.picker == nil || !strings.Contains(m.View(), "Rank sources") || !strings.Contains(m.View(), "Apptopia") {
		t.Fatalf("R: %s", m.View())
	}
	m = drive(t, m, keys(" ", "enter")...)
	if !strings.Contains(m.status, "sources ranked: Apptopia") {
		t.Fatalf("status %q", m.status)
	}
	if got := figures.FormatPoint(curvesData(m).Apps[0].Monthly.Points[5]); got != "3.1M" {
		t.Errorf("ranked first, Apptopia's August shows %q", got)
	}
	if w := strings.Join(m.warnings, "\n"); !strings.Contains(w, "Apptopia says 3.1M") {
		t.Errorf("warnings lack the two sources: %s", w)
	}
}

// TestFlow_AddFigureShowsEverywhere types a figure in as the README says
// and finds it in Data, Curves and Countries.
func TestFlow_AddFigureShowsEverywhere(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("4", "a", "Anghami", "tab", "Saudi Arabia", "tab", "tab", "2020-08", "tab", "tab", "1.5M", "tab", "Arab News", "tab", "tab", "enter")...)
	// Anghami is a new app: the form says so and asks first.
	if m.confirm == nil || !strings.Contains(m.View(), "“Anghami” is not an app in the file yet") {
		t.Fatalf("a new app was not asked about:\n%s", m.View())
	}
	m = drive(t, m, press("y"))
	if m.form != nil {
		t.Fatalf("form still open: %s", m.form.view(100))
	}
	if !strings.Contains(m.status, "1 figure added") {
		t.Fatalf("status = %q", m.status)
	}
	f, ok, err := m.cfg.Store.Figure(figures.Key{App: "Anghami", Country: "SA", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Source: "Arab News"})
	if err != nil || !ok || f.Installs != 1_500_000 || f.Source != "Arab News" || f.Estimate {
		t.Fatalf("stored %+v %v %v", f, ok, err)
	}
	if !strings.Contains(m.View(), "Anghami") {
		t.Error("Data view does not list the new figure")
	}
	m = drive(t, m, keys("p", "Ang", " ", "enter", "g", "SA", "enter", "1")...)
	if got := m.sel.Apps; len(got) != 3 || got[2] != "Anghami" {
		t.Fatalf("apps = %v, want Anghami added after the two shown", got)
	}
	if got := figures.FormatPoint(curvesData(m).Apps[2].Monthly.Points[0]); got != "1.5M" {
		t.Errorf("Curves shows %q for Anghami SA 2020-08", got)
	}
	ctrlU := tea.KeyMsg{Type: tea.KeyCtrlU}
	m = drive(t, m, keys("p", "Resso", " ", ctrlU, "Spotify", " ", "enter", "2")...)
	if len(countriesData(m).Rows) != 1 || countriesData(m).Rows[0].Country != "SA" || countriesData(m).Sum != 1_500_000 {
		t.Errorf("Countries = %+v", countriesData(m).Rows)
	}
}

func TestFlow_RefusedFieldSavesNothing(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("a", "tab", "tab", "tab", "2020-13", "tab")...)
	if m.form == nil || !strings.Contains(m.form.fields[fFrom].err, "months run 01 to 12") {
		t.Fatalf("no message under From: %+v", m.form)
	}
	if !strings.Contains(m.View(), "months run 01 to 12") {
		t.Error("the message is not on screen")
	}
	m = drive(t, m, keys("tab", "1M", "enter", "enter", "enter", "enter")...)
	if m.form == nil || !strings.Contains(m.form.err, "nothing was saved") || m.form.focus != fFrom {
		t.Fatalf("form with a bad field was submitted: %+v", m.form)
	}
	m = drive(t, m, press("esc"))
	if n := countFigures(t, m); n != 10 {
		t.Errorf("%d figures after a refused form, want 10", n)
	}
}

func countFigures(t *testing.T, m Model) int {
	t.Helper()
	n := 0
	if err := storeOf(m).EachFigure(func(figures.Figure) bool { n++; return true }); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestFlow_EditMovesDeleteAsksUndoRedo(t *testing.T) {
	m := newDriven(t, true)
	// The first row of the Data view is Resso BR 2020-09: move it to 2020-10.
	m = drive(t, m, press("4"))
	first, _ := m.data.selected()
	if first.Country != "BR" {
		t.Fatalf("first row is %+v", first)
	}
	m = drive(t, m, keys("e", "tab", "tab", "tab")...)
	m = drive(t, m, keys(tea.KeyMsg{Type: tea.KeyCtrlU}, "2020-10", "enter", "enter", "enter", "enter", "enter", "enter")...)
	old := first.Key()
	moved := old
	moved.From, moved.To = figures.MonthOf(2020, 10), figures.MonthOf(2020, 10)
	has := func(k figures.Key) bool {
		_, ok, err := m.cfg.Store.Figure(k)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if has(old) || !has(moved) {
		t.Fatalf("edit did not move the figure; status %q", m.status)
	}
	// Delete asks first; n keeps it, y deletes it.
	m = drive(t, m, press("d"))
	if m.confirm == nil || !strings.Contains(m.confirm.question, "Resso BR 2020-10") {
		t.Fatalf("delete did not ask: %+v", m.confirm)
	}
	m = drive(t, m, press("n"))
	if !has(moved) {
		t.Fatal("n deleted the figure")
	}
	m = drive(t, m, press("d"), press("y"))
	if has(moved) || countFigures(t, m) != 9 {
		t.Fatal("y did not delete the figure")
	}
	// Undo the delete and the move, then redo the move.
	m = drive(t, m, press("u"))
	if !has(moved) || !strings.Contains(m.status, "undid delete") {
		t.Fatalf("undo delete: status %q", m.status)
	}
	m = drive(t, m, press("u"))
	if !has(old) || has(moved) {
		t.Fatalf("undo move: status %q", m.status)
	}
	m = drive(t, m, press("ctrl+r"))
	if has(old) || !has(moved) || !strings.Contains(m.status, "redid") {
		t.Fatalf("redo move: status %q", m.status)
	}
}

func TestFlow_UndoAfterReopening(t *testing.T) {
	m := newDriven(t, true)
	path := m.cfg.Store.Path()
	m = drive(t, m, keys("a", press("tab"), press("tab"), press("tab"))...)
	m = drive(t, m, keys(tea.KeyMsg{Type: tea.KeyCtrlU}, "2020-10", "tab", "tab", "2M", "tab", "x", "enter", "enter", "enter")...)
	if countFigures(t, m) != 11 {
		t.Fatalf("not saved: %q", m.status)
	}
	// A new dashboard on the same file, as after a restart.
	s2, err := store.Open(path, store.Options{Transient: true})
	if err != nil {
		t.Fatal(err)
	}
	m2 := New(Config{Store: StoreOf(s2), Styles: report.PlainStyles(), Poll: -1})
	m2 = drive(t, m2, tea.WindowSizeMsg{Width: 100, Height: 30}, m2.Init()(), press("u"))
	if countFigures(t, m2) != 10 || !strings.Contains(m2.status, "undid add Resso IN 2020-10") {
		t.Fatalf("undo after reopening: %d figures, status %q", countFigures(t, m2), m2.status)
	}
	// Undo further takes back the bundled dataset itself: 10 figures in
	// one step, so it says what and asks first; n keeps it.
	m2 = drive(t, m2, press("u"))
	if m2.confirm == nil || !strings.Contains(m2.View(), "bundled dataset") || !strings.Contains(m2.View(), "10 figures added") {
		t.Fatalf("undo of -seed did not ask: %s", m2.View())
	}
	m2 = drive(t, m2, press("n"))
	if countFigures(t, m2) != 10 {
		t.Fatalf("n undid the seed anyway: %d figures", countFigures(t, m2))
	}
	m2 = drive(t, m2, press("u"), press("y"))
	if countFigures(t, m2) != 0 || !strings.Contains(m2.status, "bundled dataset") {
		t.Fatalf("undo of -seed: status %q", m2.status)
	}
	m2 = drive(t, m2, press("ctrl+r"), press("ctrl+r"))
	if countFigures(t, m2) != 11 {
		t.Fatalf("redo twice: %d figures", countFigures(t, m2))
	}
}

// TestFlow_OverwriteAsks: the same months from another source are kept
// beside the first, without a question; the same months from the same
// source ask before they replace it, naming the old value.
func TestFlow_OverwriteAsks(t *testing.T) {
	m := newDriven(t, true)
	add := func(installs string) Model {
		return drive(t, m, keys("a", tea.KeyMsg{Type: tea.KeyCtrlU}, "Resso", "tab", tea.KeyMsg{Type: tea.KeyCtrlU}, "WW", "tab", "tab", "2020-08", "tab", "tab", installs, "tab", "mine", "tab", "tab", "enter")...)
	}
	m = add("4M")
	if m.confirm != nil || !strings.Contains(m.status, "1 figure added") {
		t.Fatalf("another source's figure for the same months: %+v; status %q", m.confirm, m.status)
	}
	k := figures.Key{App: "Resso", Country: "WW", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Source: "mine"}
	figs, _ := storeOf(m).Series("Resso", "WW")
	if n := len(figs); n != 4 {
		t.Fatalf("Resso WW holds %d figures; want 4 (the article's three and mine)", n)
	}
	m = add("5M")
	if m.confirm == nil || !strings.Contains(m.confirm.question, "already stored as 4M") {
		t.Fatalf("no question before replacing: %+v; status %q", m.confirm, m.status)
	}
	m = drive(t, m, press("y"))
	f, _, _ := m.cfg.Store.Figure(k)
	if f.Installs != 5_000_000 || !strings.Contains(m.status, "1 figure updated") {
		t.Fatalf("replace: %+v, status %q", f, m.status)
	}
}

func TestFlow_SetLaunch(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("L", tea.KeyMsg{Type: tea.KeyCtrlU}, "Spotify", "tab", tea.KeyMsg{Type: tea.KeyCtrlU}, "BR", "tab", "2014-05", "enter")...)
	if m.form != nil {
		t.Fatalf("form still open:\n%s", m.form.view(100))
	}
	l, ok, err := storeOf(m).Launch("Spotify", "BR")
	if err != nil || !ok || l != figures.MonthOf(2014, 5) {
		t.Fatalf("launch = %v %v %v; status %q", l, ok, err, m.status)
	}
}
