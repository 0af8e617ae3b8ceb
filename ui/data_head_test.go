package ui

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/synth"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// The Data view's first open shows the first apps' figures at once and
// reads the whole table behind them; until it has, it says so, and a
// filter or a sort shows nothing rather than the order of a part. Five
// apps of 5 countries × 100 months: 500 figures each, 2,500 in all; the
// head is the first two apps, 1,000 figures, the fewest whole apps that
// reach dataHeadRows.
func TestData_HeadFirstThenTheWholeTable(t *testing.T) {
	m, more := fiveAppsOnTheHead(t, StoreOf)
	if v := m.View(); !strings.Contains(v, "row 1 of 2500 figures (the first 1000 are here; reading the rest)") || !strings.Contains(v, "Synthetic App 001") {
		t.Errorf("the head on screen:\n%s", v)
	}
	// A filter typed while only the head is here shows no rows, and says
	// why: Synthetic App 005's rows are not in the head, and 0 of them
	// would be a wrong count.
	m = drive(t, m, press("/"), press(`app:"synthetic app 005"`), press("enter"))
	if v := m.View(); m.data.count() != 0 || !strings.Contains(v, "reading all 2500 figures to filter them…") {
		t.Errorf("filtering the head: %d rows shown:\n%s", m.data.count(), v)
	}

	// The whole table comes next, and the filter applies to it.
	m = wholeTableComes(t, m, more)
	if v := m.View(); m.data.count() != 500 || !strings.Contains(v, "row 1 of 500 (2500 figures in all)") {
		t.Errorf("filtering the whole table: %d rows:\n%s", m.data.count(), v)
	}

	// A later load (the file changed) reads the whole table at once, so
	// that the rows on screen stay until it comes.
	m.gen++
	msgs := runCmd(m.load())
	if len(msgs) != 1 {
		t.Fatalf("the reload: %d messages", len(msgs))
	}
	if d, ok := msgs[0].(loadedMsg).data.(*store.FigureTable); !ok || d.Partial() || d.Len() != 2500 {
		t.Errorf("the reload read %T, not the whole table", msgs[0].(loadedMsg).data)
	}
}

// End while only the head is here means the end of the whole table; a
// filter after it, the top of the rows it keeps.
func TestData_EndOnTheHead(t *testing.T) {
	m, more := fiveAppsOnTheHead(t, StoreOf)
	m = drive(t, m, tea.KeyMsg{Type: tea.KeyEnd})
	if v := m.View(); m.data.cursor != 999 || !strings.Contains(v, "row 1000 of 2500 figures") {
		t.Errorf("end on the head: cursor %d:\n%s", m.data.cursor, v)
	}
	if v := wholeTableComes(t, m, more).View(); !strings.Contains(v, "row 2500 of 2500 (2500 figures in all)") {
		t.Errorf("the whole table after end:\n%s", v)
	}

	m, more = fiveAppsOnTheHead(t, StoreOf)
	m = drive(t, m, tea.KeyMsg{Type: tea.KeyEnd}, press("f"))
	if v := wholeTableComes(t, m, more).View(); !strings.Contains(v, "row 1 of ") {
		t.Errorf("the whole table after end, then f:\n%s", v)
	}
}

// wholeTableComes hands the model the answer of more, the read of the
// whole table.
func wholeTableComes(t *testing.T, m Model, more tea.Cmd) Model {
	t.Helper()
	msgs := runCmd(more)
	if len(msgs) != 1 {
		t.Fatalf("the whole table: %d messages", len(msgs))
	}
	next, _ := m.Update(msgs[0])
	m = next.(Model)
	if m.data.all.Len() != 2500 || m.data.all.Partial() {
		t.Fatalf("the second load: %d of %d figures", m.data.all.Len(), m.data.all.Total())
	}
	return m
}

// While only the head is here under a filter, the keys that need a
// figure say why there is none, and the export dialog names no count of
// rows the filter keeps (it is not known yet).
func TestData_HeadSaysWhyNoFigure(t *testing.T) {
	m, more := fiveAppsOnTheHead(t, StoreOf)
	m = drive(t, m, press("/"), press(`app:"synthetic app 005"`), press("enter"))
	for _, tc := range []struct{ key, want string }{
		{"enter", "nothing to explain: reading all 2500 figures to filter them…"},
		{"e", "no figure under the cursor to edit: reading all 2500 figures to filter them…"},
		{"d", "no figure under the cursor to delete: reading all 2500 figures to filter them…"},
		{"x", "The export holds every figure in the file (2500), not only those the filter keeps."},
	} {
		next, _ := m.Update(press(tc.key))
		if v := next.(Model).View(); !strings.Contains(v, tc.want) {
			t.Errorf("%s on the head:\n%s\nwant %q", tc.key, v, tc.want)
		}
	}
	if more == nil {
		t.Fatal("no read of the whole table")
	}
}

// When the whole table cannot be read, the head says so rather than
// "reading the rest" for ever, and the view reads again when shown next.
func TestData_WholeTableFails(t *testing.T) {
	m, more := fiveAppsOnTheHead(t, func(s *store.Store) Store { return failWhole{StoreOf(s)} })
	msgs := runCmd(more)
	if len(msgs) != 1 || msgs[0].(loadedMsg).err == nil {
		t.Fatalf("the whole read gave %v", msgs)
	}
	next, _ := m.Update(msgs[0])
	m = next.(Model)
	if v := m.View(); !strings.Contains(v, "row 1 of 2500 figures (the first 1000 are here; the rest could not be read: r reads again)") ||
		!strings.Contains(v, "damaged for the test") {
		t.Errorf("after the failed read:\n%s", v)
	}
	m.data.filter.SetValue("resso")
	m.data.apply()
	if v := m.View(); !strings.Contains(v, "only the first 1000 of 2500 figures could be read, so none are shown filtered: r reads again") {
		t.Errorf("filtering after the failed read:\n%s", v)
	}
	// Away and back: read again (the head, then the whole).
	next, _ = m.Update(press("1"))
	m = next.(Model)
	_, cmd := m.Update(press("4"))
	msgs = runCmd(cmd)
	if len(msgs) != 1 {
		t.Fatalf("back on the Data view: %d messages", len(msgs))
	}
	if d, ok := msgs[0].(loadedMsg).data.(*store.FigureTable); !ok || !d.Partial() || d.Len() != 1000 {
		t.Errorf("back on the Data view, the head is not read again: %T", msgs[0].(loadedMsg).data)
	}
}

type failWhole struct{ Store }

func (f failWhole) View(fn func(r Reader) error) error {
	return f.Store.View(func(r Reader) error { return fn(failingTable{r}) })
}

type failingTable struct{ Reader }

func (failingTable) FigureTable() (*store.FigureTable, error) {
	return nil, errors.New("damaged for the test")
}

// fiveAppsOnTheHead opens the dashboard on five apps of 500 figures and
// switches to the Data view, which gets its head (the first two apps);
// more reads the whole table.
func fiveAppsOnTheHead(t *testing.T, wrap func(*store.Store) Store) (Model, tea.Cmd) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "five.db"), store.Options{Transient: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	five := synth.Config{Apps: 5, Countries: 5, Months: 100, From: figures.MonthOf(2015, 1), Seed: 1}
	if _, err := s.Apply(five.Batch("five"), false); err != nil {
		t.Fatal(err)
	}
	m := New(Config{Store: wrap(s), Styles: report.PlainStyles(), ExportDir: t.TempDir(), Now: func() time.Time { return fixedNow }, Poll: -1})
	m = drive(t, m, tea.WindowSizeMsg{Width: 160, Height: 30}, m.Init()())
	next, cmd := m.Update(press("4"))
	m = next.(Model)
	msgs := runCmd(cmd)
	if len(msgs) != 1 {
		t.Fatalf("the switch to Data gave %d messages", len(msgs))
	}
	next, more := m.Update(msgs[0])
	m = next.(Model)
	if m.data.all.Len() != 1000 || !m.data.all.Partial() {
		t.Fatalf("the head: %d of %d figures", m.data.all.Len(), m.data.all.Total())
	}
	return m, more
}

// At every width the dashboard draws in, the Data view keeps the
// installs whole with their estimate mark: at 60 columns the table cut
// 5.17M* to 5.17M at its edge (found by a new user's walkthrough); the
// text columns give way instead.
func TestData_NarrowKeepsTheEstimateMark(t *testing.T) {
	m := newDriven(t, true)
	for width := MinWidth; width <= 90; width++ {
		v := drive(t, m, tea.WindowSizeMsg{Width: width, Height: 24}, press("4")).View()
		for _, want := range []string{"152k*", "5.17M*", "9.88M*"} {
			if !strings.Contains(v, want) {
				t.Errorf("at %d columns the Data view lacks %s:\n%s", width, want, v)
				break
			}
		}
	}
}

// s then a key that names no column says so, rather than nothing (found
// by a new user's walkthrough).
func TestData_SortByNoColumnSaysSo(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, tea.WindowSizeMsg{Width: 160, Height: 30}, press("4"), press("s"), press("z"))
	if v := m.View(); !strings.Contains(v, "s then z names no column, so the order is as it was (sort by a·app") {
		t.Errorf("s z:\n%s", v)
	}
	// The next key clears it.
	if v := drive(t, m, press("down")).View(); strings.Contains(v, "names no column") {
		t.Errorf("the hint stays after the next key:\n%s", v)
	}
}
