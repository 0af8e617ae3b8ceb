package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// Hostile text in the form, in file names that become history labels,
// and names in scripts that run right to left or take two columns. The
// defence in depth against bytes already in a file (written past every
// check) is tested over the real dashboard in store/hostile_test.go.

// unsafeAt returns the first rune of s a terminal would act on, outside
// line breaks, or -1.
func unsafeAt(s string) (int, rune) {
	if !utf8.ValidString(s) {
		return 0, utf8.RuneError
	}
	for i, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return i, r
		}
	}
	return -1, 0
}

func requireClean(t *testing.T, where, s string) {
	t.Helper()
	if i, r := unsafeAt(s); i >= 0 {
		t.Errorf("%s: %U reaches the screen at byte %d: %q", where, r, i, s[max(0, i-30):min(len(s), i+30)])
	}
}

// paste sends s as a terminal paste: one message with every rune.
func paste(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true} }

func TestHostile_FormRefusesOrCleansControlText(t *testing.T) {
	ctrlU := tea.KeyMsg{Type: tea.KeyCtrlU}
	texts := map[string]string{
		"screen clear":  "Evil\x1b[2Jname",
		"OSC 52":        "Clip\x1b]52;c;aGVsbG8=\x07board",
		"bidi override": "abc\u202eevil",
		"bidi isolate":  "abc\u2066evil",
		"C1 CSI":        "C1\u009b31mred",
		"C0":            "bell\a back\b cr\r",
		"too long":      strings.Repeat("W", 5000),
	}
	for name, text := range texts {
		for _, fld := range []int{fApp, fSource, fNote} {
			t.Run(fmt.Sprintf("%s in %s", name, []string{"app", "", "", "", "", "", "source", "note"}[fld]), func(t *testing.T) {
				m := newDriven(t, true)
				m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24}, press("4"), press("a"))
				fields := []tea.Msg{paste("Anghami"), press("tab"), paste("SA"), press("tab"), press("tab"), paste("2020-08"), press("tab"),
					press("tab"), paste("1.5M"), press("tab"), paste("src"), press("tab"), press("tab"), press("enter"), press("y")}
				// Put the hostile text in its field instead.
				pos := map[int]int{fApp: 0, fSource: 10, fNote: 12}[fld]
				if fld == fNote {
					fields = append(fields[:pos], append([]tea.Msg{paste(text)}, fields[pos:]...)...)
				} else {
					fields[pos] = paste(text)
				}
				m = drive(t, m, append([]tea.Msg{ctrlU}, fields...)...)
				requireClean(t, "the form", m.View())
				var stored []figures.Figure
				storeOf(m).EachFigure(func(f figures.Figure) bool {
					if f.Country == "SA" {
						stored = append(stored, f)
					}
					return true
				})
				if len(stored) == 0 {
					// Refused: the form is open and says why under the field.
					if m.form == nil {
						t.Fatalf("nothing stored and no form: status %q", m.status)
					}
					if e := m.form.fields[fld].err; e == "" || !strings.Contains(m.View(), "↳") {
						t.Errorf("refused without a message under the field:\n%s", m.View())
					}
					if n := countFigures(t, m); n != 10 {
						t.Errorf("%d figures after a refused form", n)
					}
					return
				}
				// Taken: then what was stored holds nothing a terminal acts on
				// (the text input drops C0 and C1 controls as they are typed).
				f := stored[0]
				for _, s := range []string{f.App, f.Source, f.Note} {
					requireClean(t, "the stored figure", s)
				}
				if strings.Contains(name, "bidi") {
					t.Errorf("%q was stored as %+v; want it refused", text, f)
				}
				if len(f.App) > figures.MaxNameLen || len(f.Source) > figures.MaxTextLen || len(f.Note) > figures.MaxTextLen {
					t.Errorf("stored past the limits: %d, %d, %d bytes", len(f.App), len(f.Source), len(f.Note))
				}
			})
		}
	}
}

// TestHostile_UndoOfAFileWithAnEscapeInItsName: an import is labelled with
// its file's name, which no check refuses; undo names it on the status line.
func TestHostile_UndoOfAFileWithAnEscapeInItsName(t *testing.T) {
	s := newTestStore(t, true)
	b := store.NewBatch("import \x1b]52;c;aGVsbG8=\x07evil\x1b[2J\u202e.csv")
	b.AddFigure(figures.Figure{App: "Anghami", Country: "SA", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Installs: 1}, 0)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	m := New(Config{Store: StoreOf(s), Styles: report.PlainStyles(), Poll: -1})
	m = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 30}, m.Init()(), press("u"))
	if !strings.Contains(m.status, "undid import") {
		t.Fatalf("status %q", m.status)
	}
	requireClean(t, "after undo", m.View())
	m = drive(t, m, press("ctrl+r"))
	requireClean(t, "after redo", m.View())
}

// Names in Arabic, Hebrew, Chinese, Japanese and with emoji: the frame
// keeps its width and the tables their columns.
var wideNames = []string{"أنغامي", "网易云音乐", "ספוטיפיי", "🎵 Música", "ＬＩＮＥ ＭＵＳＩＣ", "Resso"}

func wideStore(t *testing.T) *store.Store {
	t.Helper()
	s := newTestStore(t, false)
	b := store.NewBatch("wide")
	for i, app := range wideNames {
		for k := 0; k < 7; k++ {
			for j, c := range []string{"ID", "SA", "WW"} {
				b.AddFigure(figures.Figure{App: app, Country: c, From: figures.MonthOf(2020, 3+k), To: figures.MonthOf(2020, 3+k),
					Installs: int64(10000 * (i + 1) * (k + 2) * (1 + j/2)), Source: "مصدر " + app, Note: "注 " + app}, 0)

			}
		}
		b.AddLaunch(figures.Launch{App: app, Country: "ID", Month: figures.MonthOf(2020, 3)})
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// milestoneRow is a row of the Compare view's milestone table.
var milestoneRow = regexp.MustCompile(`^M[0-9]+ `)

func TestLayout_RightToLeftAndWideNamesStayAligned(t *testing.T) {
	s := wideStore(t)
	m := New(Config{Store: StoreOf(s), Styles: report.PlainStyles(), Poll: -1})
	const w, h = 80, 24
	m = drive(t, m, tea.WindowSizeMsg{Width: w, Height: h}, m.Init()())
	m = drive(t, m, pickDoneMsg{report.Selection{Apps: wideNames[:4], Country: "ID", SinceLaunch: true}})
	if len(m.sel.Apps) != 4 {
		t.Fatalf("picked %v", m.sel.Apps)
	}
	check := func(where string) []string {
		t.Helper()
		v := m.View()
		requireClean(t, where, v)
		lines := strings.Split(v, "\n")
		if len(lines) != h {
			t.Errorf("%s: %d lines, want %d", where, len(lines), h)
		}
		for i, l := range lines {
			if lw := ansi.StringWidth(l); lw > w {
				t.Errorf("%s: line %d is %d columns: %q", where, i+1, lw, l)
			}
		}
		return lines
	}
	for _, k := range []string{"1", "c", "3", "l", "p"} {
		m = drive(t, m, press(k))
		check("view " + k)
		if k == "p" {
			m = drive(t, m, press("esc"))
		}
	}
	// Countries: every row ends with the coverage, right-aligned.
	m = drive(t, m, press("2"))
	var rows []string
	for _, l := range check("countries") {
		l = strings.TrimRight(l, " ")
		if strings.HasSuffix(l, "months") && (strings.HasPrefix(l, "ID ") || strings.HasPrefix(l, "SA ")) {
			rows = append(rows, l)
		}
	}
	if len(rows) != 2 {
		t.Fatalf("countries rows: %q\n%s", rows, m.View())
	}
	for _, r := range rows[1:] {
		if ansi.StringWidth(r) != ansi.StringWidth(rows[0]) {
			t.Errorf("countries rows differ in width:\n%s\n%s", rows[0], r)
		}
	}
	// Data: the From column starts at the same column in every row.
	m = drive(t, m, press("4"))
	col := -1
	n := 0
	for _, l := range check("data") {
		i := strings.Index(l, "2020-")
		if i < 0 {
			continue
		}
		c := ansi.StringWidth(l[:i])
		if col < 0 {
			col = c
		}
		n++
		if c != col {
			t.Errorf("data row has From at column %d, not %d: %q", c, col, l)
		}
	}
	if n < 10 {
		t.Errorf("only %d data rows on screen", n)
	}
	// Compare at 80x24 since launch: the milestone rows line up on the right.
	m = drive(t, m, press("3"))
	// A table too wide is written as several (no number is cut): the rows
	// of each line up.
	var groups [][]string
	inGroup := false
	for _, l := range strings.Split(m.docs[viewIndex("compare")].data.Layout(w, h-4, report.PlainStyles()).Text(w, report.PlainStyles()), "\n") {
		switch {
		case milestoneRow.MatchString(l) && inGroup:
			groups[len(groups)-1] = append(groups[len(groups)-1], l)
		case milestoneRow.MatchString(l):
			groups = append(groups, []string{l})
			inGroup = true
		default:
			inGroup = false
		}
	}
	if len(groups) == 0 || len(groups[0]) < 5 {
		t.Fatalf("compare milestone rows: %q", groups)
	}
	for _, ms := range groups {
		for _, r := range ms[1:] {
			if ansi.StringWidth(r) != ansi.StringWidth(ms[0]) {
				t.Errorf("compare rows differ in width:\n%s\n%s", ms[0], r)
			}
		}
	}
}
