package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/synth"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
)

func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

var fixedNow = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)

// newTestStore opens a store in a temporary folder, loaded with the
// bundled dataset when seeded is true.
func newTestStore(t testing.TB, seeded bool) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "uptake.db"), store.Options{Transient: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	if seeded {
		b := store.NewBatch(seed.BundledLabel)
		err := seed.Bundled(b)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Apply(b, false); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// startModel runs the dashboard in teatest at a size and waits until the
// first screen shows want.
func startModel(t *testing.T, s *store.Store, w, h int, want string) *teatest.TestModel {
	t.Helper()
	tm := teatest.NewTestModel(t, New(Config{Store: StoreOf(s), Styles: report.NewStyles(), ExportDir: t.TempDir(), Now: func() time.Time { return fixedNow }}),
		teatest.WithInitialTermSize(w, h))
	waitFor(t, tm, want)
	return tm
}

func waitFor(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(want)) },
		teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
}

func finalView(t *testing.T, tm *teatest.TestModel) Model {
	t.Helper()
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	return tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
}

func press(s string) tea.KeyMsg {
	switch s {
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "ctrl+r":
		return tea.KeyMsg{Type: tea.KeyCtrlR}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// TestViews_Golden pins each view on the bundled data at two sizes.
func TestViews_Golden(t *testing.T) {
	views := []struct {
		name, key, want string
	}{
		{"curves", "1", "Installs per month"},
		{"countries", "2", "Installs by country"},
		{"compare", "3", "Cumulative installs since launch"},
		{"data", "4", "figures in all"},
		{"share", "5", "Share of installs"},
		{"ranking", "6", "Ranking by installs"},
		{"help", "?", "Keys"},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 50}} {
		for _, v := range views {
			t.Run(v.name+"_"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
				s := newTestStore(t, true)
				tm := startModel(t, s, size[0], size[1], "In their first 5 months")
				if v.key != "3" { // the first screen is already Compare
					tm.Send(press(v.key))
					waitFor(t, tm, v.want)
				}
				golden.RequireEqual(t, []byte(finalView(t, tm).View()))
			})
		}
	}
}

// TestDozenApps_Golden: Share and Ranking of a dozen apps, the synthetic
// file's first twelve, in India in 2022, the year all of them have
// figures (each app's 48 months start within 37 months of 2019-01), at
// the two sizes a researcher works at.
func TestDozenApps_Golden(t *testing.T) {
	dozen := synth.Config{Apps: 12, Countries: 3, Months: 48, From: figures.MonthOf(2019, 1), Seed: 1}
	apps := make([]string, dozen.Apps)
	for i := range apps {
		apps[i] = synth.AppName(i)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, v := range []struct{ name, want string }{{"share", "Share of installs"}, {"ranking", "Ranking by installs"}} {
			t.Run(v.name+"_"+itoa(size[0])+"x"+itoa(size[1]), func(t *testing.T) {
				s := newTestStore(t, false)
				if _, err := s.Apply(dozen.Batch("dozen"), false); err != nil {
					t.Fatal(err)
				}
				tm := teatest.NewTestModel(t, New(Config{Store: StoreOf(s), Styles: report.NewStyles(), ExportDir: t.TempDir(), Now: func() time.Time { return fixedNow },
					View: v.name, Selection: report.Selection{Apps: apps, Country: "IN", From: figures.MonthOf(2022, 1), To: figures.MonthOf(2022, 12)}}),
					teatest.WithInitialTermSize(size[0], size[1]))
				waitFor(t, tm, v.want)
				golden.RequireEqual(t, []byte(finalView(t, tm).View()))
			})
		}
	}
}

func TestEmptyDatabase_Golden(t *testing.T) {
	s := newTestStore(t, false)
	tm := startModel(t, s, 80, 24, "No figures yet")
	view := strings.ReplaceAll(finalView(t, tm).View(), s.Path(), "DB")
	golden.RequireEqual(t, []byte(view))
}

func TestTooSmall_Golden(t *testing.T) {
	s := newTestStore(t, true)
	tm := startModel(t, s, 50, 12, "terminal too small")
	golden.RequireEqual(t, []byte(finalView(t, tm).View()))
}

func itoa(n int) string { return strconv.Itoa(n) }

func splitLines(s string) []string { return strings.Split(s, "\n") }

func firstLine(s string) string { return splitLines(s)[0] }
