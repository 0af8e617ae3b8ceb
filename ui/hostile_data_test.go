package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/hostile"
	"github.com/uptake/uptake/report"
)

// hostileStore is a dashboard's store whose reads give the hostile
// figures (internal/hostile), and whose writes go to an empty file.
func hostileStore(t *testing.T) Store {
	t.Helper()
	return fakeReads{Store: StoreOf(newTestStore(t, false)), data: hostile.New()}
}

// fakeReads is a Store whose reads give other data.
type fakeReads struct {
	Store
	data hostile.Data
}

func (f fakeReads) View(fn func(r Reader) error) error { return fn(f.data) }
func (f fakeReads) Apps() ([]figures.App, error)       { return f.data.Apps() }

// settleAny feeds msg to a tea.Model and every message its commands
// answer with, as the Bubble Tea runtime would.
func settleAny(t *testing.T, m tea.Model, msg tea.Msg) tea.Model {
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
				queue = append(queue, runCmd(c)...)
			}
			continue
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		queue = append(queue, runCmd(cmd)...)
	}
	return m
}

// checkFrame checks a frame for control characters and for lines wider
// than the terminal.
func checkFrame(t *testing.T, where, view string, w, h int) {
	t.Helper()
	requireClean(t, where, view)
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
	s := hostileStore(t)
	dir := t.TempDir()
	steps := []string{
		"1", "c", "c", "2", "3", "l", "l", "4", "j", "j", "s", "i", "S",
		"e", "esc", // the edit form, filled from a hostile figure
		"d", "n", // the confirmation, naming its source
		"a", "R", "e", "s", "tab", "esc", // the add form, completing a hostile name
		"/", "R", "esc", "p", "j", " ", "esc", "g", "I", "esc", "w", "esc",
		"?", "esc", "L", "esc",
		"u", "ctrl+r", // undo and redo name the write: a hostile label
		"x", "enter", "r", "q",
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 16}, {200, 50}} {
		w, h := size[0], size[1]
		var m tea.Model = New(Config{Store: s, Styles: report.PlainStyles(), ExportDir: dir, Poll: -1,
			Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }})
		m = settleAny(t, m, tea.WindowSizeMsg{Width: w, Height: h})
		m = settleAny(t, m, m.Init()())
		checkFrame(t, fmt.Sprintf("%dx%d first screen", w, h), m.View(), w, h)
		if !strings.Contains(m.View(), "Res") {
			t.Fatalf("%dx%d: the hostile apps are not on the first screen:\n%s", w, h, m.View())
		}
		for i, k := range steps {
			m = settleAny(t, m, press(k))
			checkFrame(t, fmt.Sprintf("%dx%d after %q (step %d)", w, h, k, i), m.View(), w, h)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Fatal("x wrote no export")
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		requireClean(t, "x export "+filepath.Base(f), string(b))
	}
}
