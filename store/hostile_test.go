package store_test

// Defence in depth: the store refuses control characters at import and in
// the form, but a file written by an older or foreign program may hold
// them anyway. These tests put such bytes into a database past every
// check (PutUnchecked, hooks_test.go) and drive the real dashboard and
// every export over it: no byte sequence from the data may reach the
// screen or an export as a control sequence.

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/ui"
)

// Hostile text: a screen clear, an OSC 52 clipboard write, a colour, the
// C1 form of CSI, a right-to-left override, C0 oddities and bytes that are
// not UTF-8.
const (
	clearScreen = "\x1b[2J"
	osc52       = "\x1b]52;c;aGVsbG8=\x07"
	sgr         = "\x1b[31m"
	c1CSI       = "\u009b2J"
	rlo         = "\u202e"
	c0          = "\a\b\r\n\t\x7f\x00"
	notUTF8     = "\xff\xfe"
)

var (
	hostileA = "Res" + osc52 + "so" + rlo
	hostileB = "Spo" + clearScreen + "tify" + c1CSI + sgr
	hostileC = "Ang" + c0 + "hami" + notUTF8 + strings.Repeat("W", 3000)
	evilSrc  = "Sensor" + osc52 + clearScreen + " Tower" + rlo + strings.Repeat(" long", 2000)
	evilNote = "note" + sgr + c1CSI + c0
	evilCode = "I" + clearScreen // a country code that is not one
	evilLbl  = "import " + osc52 + clearScreen + "figures.csv"
)

// badRune reports the first rune of s that a terminal would act on,
// outside the line breaks a frame is made of.
func badRune(s string) (int, rune, bool) {
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return i, rune(s[i]), true
			}
			i += n
		}
	}
	for i, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return i, r, true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return i, r, true
		}
	}
	return 0, 0, false
}

func checkClean(t *testing.T, where, s string) {
	t.Helper()
	if i, r, bad := badRune(s); bad {
		lo, hi := max(0, i-30), min(len(s), i+30)
		t.Errorf("%s: %U reaches the output at byte %d: %q", where, r, i, s[lo:hi])
	}
}

// hostileStore writes a database holding hostile text in every place a
// name, a code, a source, a note or a history label can be.
func hostileStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hostile.db")
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	w, err := store.Open(path, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	m := func(y, mo int) figures.Month { return figures.MonthOf(y, mo) }
	var figs []figures.Figure
	for i, app := range []string{hostileA, hostileB} {
		for k := 0; k < 6; k++ {
			figs = append(figs, figures.Figure{App: app, Country: "ID", From: m(2020, 3+k), To: m(2020, 3+k),
				Installs: int64(100000 * (i + 1) * (k + 1)), Source: evilSrc, Note: evilNote, Estimate: k%2 == 0, Changed: now})
		}
		// Countries adding to more than worldwide: a warning naming the app.
		figs = append(figs,
			figures.Figure{App: app, Country: "IN", From: m(2020, 3), To: m(2020, 3), Installs: 5000000, Source: evilSrc, Changed: now},
			figures.Figure{App: app, Country: "WW", From: m(2020, 3), To: m(2020, 3), Installs: 10, Source: evilSrc, Changed: now},
			// A span below the months inside it: another warning.
			figures.Figure{App: app, Country: "IN", From: m(2020, 3), To: m(2020, 5), Installs: 1, Source: evilSrc, Changed: now},
			figures.Figure{App: app, Country: evilCode, From: m(2020, 4), To: m(2020, 4), Installs: 7, Source: evilSrc, Note: evilNote, Changed: now},
		)
	}
	// An app with no launch month in ID: Compare warns, naming it.
	figs = append(figs, figures.Figure{App: hostileC, Country: "ID", From: m(2020, 4), To: m(2020, 9), Installs: 999, Source: evilSrc, Note: evilNote, Changed: now})
	apps := []figures.App{{Name: hostileA, Publisher: "Byte" + osc52}, {Name: hostileB, Publisher: clearScreen}, {Name: hostileC}}
	launches := []figures.Launch{{App: hostileA, Country: "ID", Month: m(2020, 3)}, {App: hostileB, Country: "ID", Month: m(2020, 3)},
		{App: hostileA, Country: evilCode, Month: m(2020, 4)}}
	if err := w.PutUnchecked(apps, figs, launches, evilLbl); err != nil {
		t.Fatal(err)
	}
	w.Close()
	s, err := store.Open(path, store.Options{Transient: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	return s, path
}

// settle feeds msg to the model and every message its commands answer
// with, as the Bubble Tea runtime would (polling is off, so none waits).
func settle(t *testing.T, m tea.Model, msg tea.Msg) tea.Model {
	t.Helper()
	queue := []tea.Msg{msg}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch msg := msg.(type) {
		case nil, tea.QuitMsg:
			continue
		case tea.BatchMsg:
			for _, c := range msg {
				queue = append(queue, run(t, c))
			}
			continue
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		queue = append(queue, run(t, cmd))
	}
	return m
}

func run(t *testing.T, c tea.Cmd) tea.Msg {
	if c == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- c() }()
	select {
	case msg := <-ch:
		return msg
	case <-time.After(10 * time.Second):
		t.Fatal("a command did not answer within 10 s")
		return nil
	}
}

func key(s string) tea.KeyMsg {
	switch s {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "ctrl+r":
		return tea.KeyMsg{Type: tea.KeyCtrlR}
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// checkFrame checks a frame for control characters and for lines wider
// than the terminal.
func checkFrame(t *testing.T, where, view string, w, h int) {
	t.Helper()
	checkClean(t, where, view)
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%s: %d lines on a terminal of %d", where, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d columns wide on a terminal of %d: %q", where, i+1, lw, w, l)
		}
	}
}

func TestHostile_DashboardShowsNoControlSequence(t *testing.T) {
	lipgloss.SetColorProfile(termenv.Ascii)
	ui.ParseInstalls, ui.ParseEstimate = figures.ParseInstalls, figures.ParseEstimate
	s, _ := hostileStore(t)
	dir := t.TempDir()
	steps := []string{
		"1", "c", "c", "2", "3", "l", "l", "4", "j", "j", "s", "S",
		"e", "esc", // the edit form, filled from a hostile figure
		"d", "n", // the confirmation, naming its source
		"a", "R", "e", "s", "tab", "esc", // the add form, completing a hostile name
		"/", "R", "esc", "p", "j", " ", "esc", "g", "I", "esc", "w", "esc",
		"?", "esc", "L", "esc",
		"u", "ctrl+r", // undo and redo name the write: a hostile label
		"x", "r", "q",
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}, {200, 50}} {
		w, h := size[0], size[1]
		var m tea.Model = ui.New(ui.Config{Store: s, Styles: ui.PlainStyles(), ExportDir: dir, Poll: -1,
			Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }})
		m = settle(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		m = settle(t, m, m.Init()())
		checkFrame(t, fmt.Sprintf("%dx%d first screen", w, h), m.View(), w, h)
		if !strings.Contains(m.View(), "Res") {
			t.Fatalf("%dx%d: the hostile apps are not on the first screen:\n%s", w, h, m.View())
		}
		for i, k := range steps {
			m = settle(t, m, key(k))
			checkFrame(t, fmt.Sprintf("%dx%d after %q (step %d)", w, h, k, i), m.View(), w, h)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Fatal("x wrote no export")
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		checkClean(t, "x export "+filepath.Base(f), string(b))
	}
}

func TestHostile_ExportsShowNoControlSequence(t *testing.T) {
	s, _ := hostileStore(t)
	sels := []ui.Selection{
		{Apps: []string{hostileA, hostileB, hostileC}, Country: "ID", SinceLaunch: true},
		{Apps: []string{hostileB, hostileA}, Country: "ID"},
		{Apps: []string{hostileA}, Country: "WW", Cumulative: true},
		{Apps: []string{hostileA, hostileB}, Country: "IN"},
	}
	n := 0
	for _, sel := range sels {
		for _, v := range []ui.View{ui.CurvesView, ui.CountriesView, ui.CompareView, ui.DataView} {
			for _, format := range []string{ui.FormatText, ui.FormatMarkdown, ui.FormatCSV} {
				var b bytes.Buffer
				err := ui.Export(s, v, sel, format, 100, &b)
				where := fmt.Sprintf("export %v %s of %q in %s", v, format, sel.Apps, sel.Country)
				if err != nil {
					checkClean(t, where+" (error)", err.Error())
					continue
				}
				n++
				checkClean(t, where, b.String())
			}
		}
	}
	if n < 24 {
		t.Errorf("only %d exports had something to show", n)
	}
	// Sanitised, the names still read: the reader sees what the file holds.
	var b bytes.Buffer
	if err := ui.Export(s, ui.DataView, ui.Selection{}, ui.FormatText, 200, &b); err != nil || !strings.Contains(b.String(), "Res\ufffd]52;c;aGVsbG8=\ufffdso") {
		t.Errorf("data export: %v\n%.400s", err, b.String())
	}
}

// TestHostile_StoreMessagesAreClean: the words the store writes itself
// (warnings, errors) never carry the raw text either.
func TestHostile_StoreMessagesAreClean(t *testing.T) {
	s, _ := hostileStore(t)
	for _, app := range []string{hostileA, hostileB} {
		series, err := s.AppSeries(app)
		if err != nil {
			t.Fatal(err)
		}
		others := map[string][]figures.Figure{}
		for c, f := range series {
			if c != figures.Worldwide {
				others[c] = f
			}
		}
		ws := figures.Disagreements(app, series[figures.Worldwide], others)
		if len(ws) == 0 {
			t.Errorf("%q: no disagreement found", app)
		}
		for _, w := range ws {
			checkClean(t, "warning", w)
		}
		for _, c := range []figures.Curve{figures.MonthlyCurve(series["IN"], figures.MonthOf(2020, 1), figures.MonthOf(2020, 9)),
			figures.WorldwideCurve(series[figures.Worldwide], others, figures.MonthOf(2020, 1), figures.MonthOf(2020, 9))} {
			for _, w := range figures.Cumulative(c).Warnings {
				checkClean(t, "curve warning", w)
			}
		}
	}
	checkClean(t, "country label", figures.CountryLabel(evilCode))
	entries, _, err := s.History()
	if err != nil || len(entries) == 0 {
		t.Fatal(err)
	}
	if entries[0].Label != evilLbl {
		t.Errorf("the history changed the label: %q", entries[0].Label)
	}
}
