package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// TestExplain_DataRowShowsTheWholeNote: on the Data view, enter on Resso
// WW 2020-03..2020-09 shows its source and its whole note, to its last
// words; esc closes the panel.
func TestExplain_DataRowShowsTheWholeNote(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, press("4"))
	// Rows sort by app, country, from, to: BR, ID, ID, IN, IN, then WW's
	// 2020-03..2020-09.
	m = drive(t, m, keys("down", "down", "down", "down", "down", "enter")...)
	if m.explain == nil {
		t.Fatalf("enter opened nothing:\n%s", m.View())
	}
	all := m.explain.text.vp.View()
	for i := 0; i < 20 && !m.explain.text.vp.AtBottom(); i++ {
		m = drive(t, m, tea.KeyMsg{Type: tea.KeyPgDown})
		all += "\n" + m.explain.text.vp.View()
	}
	flat := strings.Join(strings.Fields(all), " ")
	for _, want := range []string{"Resso WW 2020-03..2020-09 · 15.2M", "a figure as given: 15,200,000 installs",
		"source: Sensor Tower, as reported by an Arabic news article on ByteDance's Resso (September 2020)",
		"note: The article: 15.2 million installs so far on the App Store and Google Play", "September is only partly covered.",
		"estimate: no"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the panel lacks %q:\n%s", want, all)
		}
	}
	m = drive(t, m, press("esc"))
	if m.explain != nil || !strings.Contains(m.View(), "row 6 of 10") {
		t.Errorf("esc did not close the panel:\n%s", m.View())
	}
}

// TestExplain_CurvesMonth: on Curves worldwide, enter lists the numbers;
// filtering to 2020-03 and enter shows the arithmetic of the spread month
// (15.2M less 2.2M and 3.6M over 5 months: 1.88M≈), with the warning
// that touches Resso WW; esc goes back to the list, esc again closes.
func TestExplain_CurvesMonth(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 40})
	m = drive(t, m, keys("p", "Spotify", " ", "enter", "g", "WW", "enter", "1", "enter")...)
	if m.explain == nil || !strings.Contains(m.View(), "Explain a number") {
		t.Fatalf("enter on Curves:\n%s", m.View())
	}
	m = drive(t, m, keys("2020-03", "enter")...)
	flat := strings.Join(strings.Fields(m.View()), " ")
	for _, want := range []string{"Resso WW 2020-03 · 1.88M≈",
		"less the figures lying wholly inside it (2020-07 2.2M + 2020-08 3.6M = 5.8M), leaves 9.4M over its other 5 months: 1.88M≈ a month",
		"Warnings that touch it"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the working lacks %q:\n%s", want, m.View())
		}
	}
	m = drive(t, m, press("esc"))
	if m.explain == nil || m.explain.text != nil {
		t.Fatalf("esc did not go back to the list")
	}
	m = drive(t, m, press("esc"))
	if m.explain != nil {
		t.Fatalf("esc did not close the list")
	}
}

// TestExplain_Milestone: Compare, India, since launch: M6 of Resso reads
// between 9.8M and 9.88M*, and says both.
func TestExplain_Milestone(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 40})
	m = drive(t, m, keys("g", "IN", "enter", "3", "enter", "M6 resso", "enter")...)
	flat := strings.Join(strings.Fields(m.View()), " ")
	for _, want := range []string{"Resso IN, the first 6 months from launch (2020-03) · 9.8M–9.88M* (5/6)", "they cover 5 of the window's 6 months", "at most 9.88M"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the working lacks %q:\n%s", want, m.View())
		}
	}
}

// TestHelp_EveryKeyAt80x24: ? at 80×24 shows every key of the key map,
// q included (it showed the first two groups and "…").
func TestHelp_EveryKeyAt80x24(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, press("?"))
	screen := m.View()
	// The keys must be in the help itself, not in the short help under it.
	lines := strings.Split(screen, "\n")
	body := strings.Join(lines[2:len(lines)-2], "\n")
	for _, g := range m.keys.FullHelp() {
		for _, b := range g {
			if h := b.Help(); !strings.Contains(body, h.Key+" ") || !strings.Contains(body, h.Desc) {
				t.Errorf("help at 80×24 lacks %q %q:\n%s", h.Key, h.Desc, screen)
			}
		}
	}
	if strings.Contains(body, "…") {
		t.Errorf("help is cut:\n%s", screen)
	}
}

// TestCountryPrompt_AppliesWhatItShows: "Ind" showed Indonesia in grey
// and applied India (read as IND). Now the completion is in the order of
// the alphabet and enter applies the country on screen, unless what was
// typed is a code or a name as it stands.
func TestCountryPrompt_AppliesWhatItShows(t *testing.T) {
	for _, c := range []struct{ typed, shown, want string }{
		{"Ind", "India", "IN"}, {"Indo", "Indonesia", "ID"}, {"Tur", "Turkmenistan", "TM"},
		{"BR", "", "BR"}, {"india", "", "IN"}, {"ww", "", "WW"},
	} {
		m := newDriven(t, true)
		m = drive(t, m, press("g"))
		m = drive(t, m, keys(c.typed)...)
		if c.shown != "" && !strings.Contains(m.View(), c.shown) {
			t.Errorf("%q: the prompt does not show %s:\n%s", c.typed, c.shown, m.View())
		}
		m = drive(t, m, press("enter"))
		if m.picker != nil || m.sel.Country != c.want {
			t.Errorf("%q: applied %q (picker open %v), want %s", c.typed, m.sel.Country, m.picker != nil, c.want)
		}
	}
}

// TestForm_MisspeltAppAsks: "Spotfy" is not an app: the form asks before
// starting one, naming Spotify; n goes back to the form as it was.
func TestForm_MisspeltAppAsks(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("4", "a", "Spotfy", "tab", "IN", "tab", "tab", "2020-08", "tab", "tab", "1M", "tab", "mine", "tab", "tab", "enter")...)
	if m.confirm == nil || !strings.Contains(strings.Join(strings.Fields(m.View()), " "), "“Spotfy” is not an app in the file yet: add it as a new app? (did you mean Spotify?") {
		t.Fatalf("no question:\n%s", m.View())
	}
	m = drive(t, m, press("n"))
	if m.form == nil || m.form.fields[fApp].input.Value() != "Spotfy" || countFigures(t, m) != 10 {
		t.Fatalf("n did not go back to the form: form %v, %d figures", m.form != nil, countFigures(t, m))
	}
}

// TestMessages_WrapNotCut: at 80 columns a long status (an undo's) and a
// field's message wrap, whole, instead of ending in "…".
func TestMessages_WrapNotCut(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	long := "undid bundled dataset (Resso against Spotify, from an Arabic news article of September 2020) (10 figures added, 5 launches added, 2 apps added) (ctrl+r redoes)"
	m.setStatus(long)
	flat := strings.Join(strings.Fields(m.View()), " ")
	if !strings.Contains(flat, "(ctrl+r redoes)") {
		t.Errorf("the status is cut:\n%s", m.View())
	}
	if lines := strings.Split(m.View(), "\n"); len(lines) != 24 {
		t.Errorf("the frame has %d lines, want 24", len(lines))
	}
	m = drive(t, m, keys("4", "a", "tab", "tab", "tab", "tab", "tab", "3.6 bananas", "tab")...)
	flat = strings.Join(strings.Fields(m.View()), " ")
	if !strings.Contains(flat, "3.6M or 950k)") || strings.Contains(m.form.view(80), "…") {
		t.Errorf("the installs message is cut:\n%s", m.form.view(80))
	}
}

// TestScroll_SaysAboveAndStartsAtTheTop: scrolled down, the view says
// how much is above; a new selection shows its document from the top.
func TestScroll_SaysAboveAndStartsAtTheTop(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, press("1"), tea.KeyMsg{Type: tea.KeyPgDown})
	body := strings.Split(m.View(), "\n")[2]
	if !strings.HasPrefix(body, "↑ ") || !strings.Contains(body, "more lines above") {
		t.Fatalf("scrolled down, the first row is %q", body)
	}
	m = drive(t, m, keys("g", "IN", "enter")...)
	if off := m.docs[m.view].vp.YOffset; off != 0 || strings.Contains(m.View(), "more lines above") {
		t.Errorf("a new selection kept the scroll: offset %d\n%s", off, m.View())
	}
}

// TestData_SortPicksAColumnAndFiltersByField: s then i sorts by installs,
// largest first, from the top; again, smallest first. "resso ww" keeps
// the rows with both; app:spotify country:in the one.
func TestData_SortPicksAColumnAndFiltersByField(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, press("4"), press("down"), press("down"), press("s"), press("i"))
	if f, _ := m.data.selected(); f.Installs != 15_200_000 || m.data.cursor != 0 {
		t.Fatalf("s i: the top row is %v at row %d, want 15.2M at the top", f.Key(), m.data.cursor)
	}
	m = drive(t, m, press("s"), press("i"))
	if f, _ := m.data.selected(); f.Installs != 152_000 {
		t.Fatalf("s i again: the top row is %v, want the smallest, 152k", f.Key())
	}
	for _, c := range []struct {
		filter string
		want   int
	}{{"resso ww", 3}, {"app:spotify country:in", 1}, {"app:resso app:spotify country:id", 3}, {"country:india", 3}, {"estimate:yes", 3}, {"est:yes", 3}} {
		m = drive(t, m, press("/"), tea.KeyMsg{Type: tea.KeyCtrlU})
		m = drive(t, m, keys(c.filter, "enter")...)
		if n := m.data.count(); n != c.want {
			t.Errorf("filter %q: %d rows, want %d", c.filter, n, c.want)
		}
	}
}

// TestData_FollowsTheSelection: f filters the Data view to the shared
// selection's apps and market, each app whole; the filter says so.
func TestData_FollowsTheSelection(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, press("4"), press("f"))
	got := m.data.filter.Value()
	t.Logf("selection %v in %s: filter %q, %d rows", m.sel.Apps, m.sel.Country, got, m.data.count())
	for _, a := range m.sel.Apps {
		if !strings.Contains(got, `app:"`+strings.ToLower(a)+`"`) {
			t.Errorf("the filter %q lacks app %s", got, a)
		}
	}
	for row := range m.data.count() {
		f, err := m.data.all.At(m.data.index(row))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(m.sel.Apps, f.App) || f.Country != m.sel.Country {
			t.Errorf("row %d is %v, outside the selection", row, f.Key())
		}
	}
	if m.data.count() == 0 {
		t.Error("no rows followed the selection")
	}
	// x under a filter says the export is of every figure, not the rows kept.
	if v := drive(t, m, press("x")).View(); !strings.Contains(v, "every figure in the file (10), not only the 3") {
		t.Errorf("the export dialog does not say what a filtered Data view exports:\n%s", v)
	}
	// Many apps with long names: the filter was cut at 100 characters,
	// which cut the last word and kept nothing.
	long := []string{"Synthetic App Number 001", "Synthetic App Number 002", "Synthetic App Number 003", "Synthetic App Number 004", "Resso"}
	m.data.follow(report.Selection{Apps: long, Country: "IN"})
	if n := m.data.count(); n != 2 {
		t.Errorf("following %d apps: %d rows, want Resso's 2 in IN (filter %q)", len(long), n, m.data.filter.Value())
	}
}

func TestFilterWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []filterWord
	}{
		{`resso ww`, []filterWord{{"resso", false}, {"ww", false}}},
		{`app:"synthetic app 1"  country:in`, []filterWord{{"app:synthetic app 1", true}, {"country:in", false}}},
		{`"sensor tower`, []filterWord{{"sensor tower", true}}},
		{`app:""`, []filterWord{{"app:", true}}},
		{`   `, nil},
	} {
		if got := filterWords(c.in); !slices.Equal(got, c.want) {
			t.Errorf("filterWords(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// longNamesStore holds three apps whose names are longer than a column.
func longNamesStore(t *testing.T) *store.Store {
	t.Helper()
	s := newTestStore(t, false)
	b := store.NewBatch("long names")
	for i, app := range longNames {
		for m := range 6 {
			b.AddFigure(figures.Figure{App: app, Country: "IN", From: figures.MonthOf(2020, 1+m), To: figures.MonthOf(2020, 1+m),
				Installs: int64(900_000 + 100_000*i + 10_000*m), Source: "Sensor Tower"}, 0)
		}
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	return s
}

var longNames = []string{"Spotify Music and Podcasts", "JioSaavn Music & Radio", "Gaana Music Songs Radio"}

// TestLongNames_StayReadable: the Data view's App column stayed 12 wide at
// 200 columns ("Synthetic A…"), and Curves and Compare cut the names in
// their headers. The column now widens to the longest name, and a header
// too long for its column wraps, so every word of every name shows.
func TestLongNames_StayReadable(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		for _, view := range []string{"curves", "compare", "data"} {
			t.Run(view+"_"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
				s := longNamesStore(t)
				m := New(Config{Store: StoreOf(s), Styles: report.PlainStyles(), View: view, Now: func() time.Time { return fixedNow },
					Selection: report.Selection{Apps: longNames, Country: "IN"}, Poll: -1})
				m = drive(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]}, m.Init()())
				screen := m.View()
				if view == "data" {
					if size[0] >= 120 && !strings.Contains(screen, longNames[0]) {
						t.Errorf("the App column cuts %q:\n%s", longNames[0], screen)
					}
					return
				}
				// The table's header rows (the line starting "Month" or
				// "launch" and the two above it): every word of every name.
				head := ""
				for range 6 {
					lines := strings.Split(m.View(), "\n")
					for i, l := range lines {
						if strings.HasPrefix(l, "Month ") || strings.HasPrefix(l, "launch ") || strings.HasPrefix(l, "Since launch ") {
							head = strings.Join(lines[max(i-2, 0):i+1], "\n")
						}
					}
					if head != "" {
						break
					}
					m = drive(t, m, press("pgdown"))
				}
				for _, name := range longNames {
					for _, w := range strings.Fields(name) {
						if !strings.Contains(head, w) {
							t.Errorf("the header lacks %q of %q:\n%s", w, name, screen)
						}
					}
				}
			})
		}
	}
}

// TestMouse_WheelScrollsAndTabsSwitch: with -mouse, a click on a tab goes
// to its view and the wheel scrolls as the arrows do.
func TestMouse_WheelScrollsAndTabsSwitch(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	// "uptake  " then " 1 Curves " then " 2 Countries ": column 22 is in
	// the second tab.
	m = drive(t, m, tea.MouseMsg{X: 22, Y: 0, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.views[m.view].Name != "countries" {
		t.Fatalf("a click on the Countries tab went to %s:\n%s", m.views[m.view].Name, m.View())
	}
	m = drive(t, m, press("1"))
	before := m.docs[m.view].pane.vp.YOffset
	m = drive(t, m, tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress, Y: 10})
	if after := m.docs[m.view].pane.vp.YOffset; after != before+3 {
		t.Errorf("the wheel scrolled from %d to %d, want 3 rows", before, after)
	}
	// A click elsewhere changes nothing.
	m = drive(t, m, tea.MouseMsg{X: 5, Y: 10, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	if m.views[m.view].Name != "curves" {
		t.Errorf("a click in the body switched the view")
	}
}

// TestMerge_AppFromAStoreIDJoinsTheResearchersApp: M merges an app into
// another (asking first, saying what moves) and undo takes it back; into
// a new name it renames.
func TestMerge_AppFromAStoreIDJoinsTheResearchersApp(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, press("M"))
	if m.form == nil || m.form.kind != mergeForm || m.form.fields[0].input.Value() != "Resso" {
		t.Fatalf("M did not open the merge form on the first app:\n%s", m.View())
	}
	m = drive(t, m, press("tab"))
	m = drive(t, m, keys("Resso Music", "enter")...)
	if m.confirm == nil || !strings.Contains(m.View(), "Rename") {
		t.Fatalf("no question before the rename:\n%s", m.View())
	}
	m = drive(t, m, press("y"))
	if !strings.Contains(m.status, "moved Resso onto Resso Music") {
		t.Fatalf("status after the rename: %q", m.status)
	}
	if !m.knownApp("Resso Music") || m.knownApp("Resso") {
		t.Errorf("apps after the rename: %v", m.apps)
	}
	if m.sel.Apps[0] != "Resso Music" {
		t.Errorf("the selection did not follow the rename: %v", m.sel.Apps)
	}
	m = drive(t, m, press("u"), press("y"))
	if !m.knownApp("Resso") {
		t.Errorf("undo did not bring Resso back: %q, apps %v", m.status, m.apps)
	}
	// Into a known app: merge; the two give IN figures of the same span
	// from the same source? No: Resso and Spotify differ in every
	// identity but the app, so all of Resso's move.
	m = drive(t, m, press("M"), tea.KeyMsg{Type: tea.KeyCtrlU})
	m = drive(t, m, keys("Resso", "tab", "Spotify", "enter")...)
	if m.confirm == nil || !strings.Contains(m.View(), "Merge") {
		t.Fatalf("no question before the merge:\n%s", m.View())
	}
	m = drive(t, m, press("n"))
	if !m.knownApp("Resso") {
		t.Error("n merged anyway")
	}
}

// TestData_FollowBeforeTheTableLoads: f pressed on a Data view whose
// table has not come yet (a million figures, 4 then f at typing speed)
// dereferenced the missing table and killed the dashboard. The filter is
// kept and applied when the table comes.
func TestData_FollowBeforeTheTableLoads(t *testing.T) {
	v := newDataView(newKeyMap(report.Views()), report.PlainStyles())
	v.setSize(100, 30)
	v.follow(report.Selection{Apps: []string{"Resso"}, Country: "IN"})
	s := newTestStore(t, true)
	var table *store.FigureTable
	if err := s.Read(func(r *store.Reader) error { var err error; table, err = r.FigureTable(); return err }); err != nil {
		t.Fatal(err)
	}
	v.set(table)
	if n := v.count(); n != 2 {
		t.Errorf("after the table came, %d rows follow Resso in IN, want 2", n)
	}
}
