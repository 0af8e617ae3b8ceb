package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/textfit"
)

// drive feeds msgs to m one by one, running each command it returns
// (batches included) and feeding their messages back. Tests turn polling
// off and cursors do not blink, so every command answers; one that takes
// more than 10 s fails the test rather than hang it.
func drive(t testing.TB, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		m = settle(m, msg)
	}
	return m
}

// settle handles one message and everything it sets off, before the next
// key arrives, as a user waiting for the screen would.
func settle(m Model, first tea.Msg) Model {
	queue := []tea.Msg{first}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				queue = append(queue, runCmd(c)...)
			}
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		queue = append(queue, runCmd(cmd)...)
	}
	return m
}

func runCmd(c tea.Cmd) []tea.Msg {
	if c == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		if msg == nil {
			return nil
		}
		if _, quit := msg.(tea.QuitMsg); quit {
			return nil
		}
		return []tea.Msg{msg}
	case <-time.After(10 * time.Second):
		panic("a command did not answer within 10 s")
	}
}

func newDriven(t *testing.T, seeded bool) Model {
	t.Helper()
	s := newTestStore(t, seeded)
	m := New(Config{Store: StoreOf(s), Styles: report.PlainStyles(), ExportDir: t.TempDir(), Now: func() time.Time { return fixedNow }, Poll: -1})
	return drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, m.Init()())
}

func TestUpdate_FirstScreenIsTheArticlesComparison(t *testing.T) {
	m := newDriven(t, true)
	if m.views[m.view].Name != "compare" || !m.sel.SinceLaunch || m.sel.Country != "IN" || len(m.sel.Apps) != 2 || m.sel.Apps[0] != "Resso" {
		t.Fatalf("first screen: view %v, selection %+v", m.view, m.sel)
	}
	if len(compareData(m).Apps) != 2 {
		t.Fatal("compare data not loaded")
	}
}

// A view chosen before the first screen is decided is kept: on a big
// database the choice takes a moment, and keys pressed meanwhile count.
func TestUpdate_ViewPressedDuringStartIsKept(t *testing.T) {
	s := newTestStore(t, true)
	m := New(Config{Store: StoreOf(s), Styles: report.PlainStyles(), Poll: -1})
	m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	apps := m.Init()
	m = drive(t, m, press("4"))
	m = drive(t, m, apps())
	if m.views[m.view].Name != "data" {
		t.Fatalf("view = %v, want the Data view pressed during start", m.view)
	}
	if len(m.sel.Apps) == 0 {
		t.Fatal("no selection chosen")
	}
}

func TestUpdate_ViewSwitching(t *testing.T) {
	m := newDriven(t, true)
	steps := []struct {
		key  string
		want string
	}{
		{"1", "curves"}, {"2", "countries"}, {"4", "data"}, {"5", "share"}, {"6", "ranking"}, {"3", "compare"},
		{"tab", "data"}, {"tab", "share"}, {"tab", "ranking"}, {"tab", "curves"}, {"shift+tab", "ranking"}, {"shift+tab", "share"},
	}
	for _, s := range steps {
		m = drive(t, m, press(s.key))
		if m.views[m.view].Name != s.want {
			t.Fatalf("after %q: view %v, want %v", s.key, m.views[m.view].Name, s.want)
		}
		if m.loadedGen[m.view] != m.gen {
			t.Fatalf("after %q: the %v view was not loaded", s.key, m.view)
		}
	}
}

func TestUpdate_SelectionChanges(t *testing.T) {
	m := newDriven(t, true)
	// Country by name.
	m = drive(t, m, press("g"))
	if m.picker == nil {
		t.Fatal("g opened no picker")
	}
	for _, r := range "India" {
		m = drive(t, m, press(string(r)))
	}
	m = drive(t, m, press("enter"))
	if m.picker != nil || m.sel.Country != "IN" {
		t.Fatalf("country: picker open %v, selection %+v", m.picker != nil, m.sel)
	}
	if got := compareData(m).Apps[1].Milestones[2].Low.Installs; got != 10_500_000 {
		t.Errorf("Spotify IN M5 = %d, want 10500000", got)
	}
	// A country that does not exist keeps the picker open with a message.
	m = drive(t, m, press("g"), press("Q"), press("Q"), press("enter"))
	if m.picker == nil || m.picker.err == "" || m.sel.Country != "IN" {
		t.Fatalf("bad country accepted: %+v", m.sel)
	}
	m = drive(t, m, press("esc"))
	// Apps: unmark Resso, leaving Spotify alone.
	m = drive(t, m, press("p"), press(" "), press("enter"))
	if len(m.sel.Apps) != 1 || m.sel.Apps[0] != "Spotify" {
		t.Fatalf("apps = %v", m.sel.Apps)
	}
	// Window.
	m = drive(t, m, press("w"))
	for _, r := range "2019-03" {
		m = drive(t, m, press(string(r)))
	}
	m = drive(t, m, press("tab"))
	for _, r := range "2019-04" {
		m = drive(t, m, press(string(r)))
	}
	m = drive(t, m, press("enter"), press("1"))
	if m.sel.From != figures.MonthOf(2019, 3) || m.sel.To != figures.MonthOf(2019, 4) {
		t.Fatalf("window = %v..%v", m.sel.From, m.sel.To)
	}
	if len(curvesData(m).Apps) == 0 {
		t.Fatalf("no curve loaded; status %q", m.status)
	}
	if n := len(curvesData(m).Apps[0].Monthly.Points); n != 2 {
		t.Errorf("curve has %d months, want 2", n)
	}
	// Toggles.
	m = drive(t, m, press("c"))
	if !m.sel.Cumulative || !curvesData(m).Sel.Cumulative {
		t.Error("c did not switch to cumulative")
	}
	m = drive(t, m, press("3"), press("l"))
	if m.sel.SinceLaunch {
		t.Error("l did not switch to the calendar")
	}
}

func TestUpdate_TooSmallAndBack(t *testing.T) {
	m := newDriven(t, true)
	for _, size := range [][2]int{{50, 12}, {1, 1}, {400, 120}, {59, 16}, {60, 16}, {100, 30}} {
		m = drive(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		v := m.View()
		small := size[0] < MinWidth || size[1] < MinHeight
		notice := strings.HasPrefix(v, "terminal too small") || small && size[0] < 20 && !strings.Contains(v, "uptake")
		if small != notice {
			t.Errorf("%dx%d: too-small notice %v, view starts %q", size[0], size[1], !small, firstLine(v))
		}
		for i, line := range splitLines(v) {
			if w := textfit.Width(line); w > size[0] {
				t.Errorf("%dx%d: line %d is %d wide", size[0], size[1], i, w)
			}
		}
		if !small && len(splitLines(v)) != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(splitLines(v)))
		}
	}
}

// o cycles the scale, and the chart and the selection line follow.
func TestUpdate_ScaleCycles(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, press("1"))
	for _, want := range []struct {
		scale report.Scale
		shown string
	}{{report.ScaleLog, "log scale"}, {report.ScaleIndex, "indexed (first month = 100)"}, {report.ScaleLinear, ""}} {
		m = drive(t, m, press("o"))
		if m.sel.Scale != want.scale {
			t.Fatalf("scale %v, want %v", m.sel.Scale, want.scale)
		}
		if view := m.View(); want.shown != "" && !strings.Contains(view, want.shown) {
			t.Errorf("%v: the screen does not say %q:\n%s", want.scale, want.shown, view)
		}
	}
}

// On Ranking, s then a letter orders the rows, as on Data; an unknown
// letter says which there are and changes nothing.
func TestUpdate_RankingSorts(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, press("6"))
	if m.views[m.view].Name != report.RankingViewName {
		t.Fatalf("6 opened %s", m.views[m.view].Name)
	}
	m = drive(t, m, press("s"), press("n"))
	if m.sel.RankBy != report.RankByName || !strings.Contains(m.View(), "sorted by name") {
		t.Errorf("s n: RankBy %q, screen:\n%s", m.sel.RankBy, m.View())
	}
	m = drive(t, m, press("s"), press("z"))
	if m.sel.RankBy != report.RankByName || !strings.Contains(m.status, "no such order") {
		t.Errorf("s z: RankBy %q, status %q", m.sel.RankBy, m.status)
	}
	// c after s is an order, not the cumulative switch.
	m = drive(t, m, press("s"), press("c"))
	if m.sel.RankBy != report.RankByChange || m.sel.Cumulative {
		t.Errorf("s c: RankBy %q, cumulative %v", m.sel.RankBy, m.sel.Cumulative)
	}
}
