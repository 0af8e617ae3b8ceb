package ui

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/uptake/uptake/report"
)

// fits fails unless every line of view is at most w columns and there
// are at most h lines.
func fits(t *testing.T, where, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) > max(h, 1) {
		t.Errorf("%s: %d lines on a terminal of %d", where, len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d columns on a terminal of %d: %q", where, i+1, lw, w, l)
			return
		}
	}
}

// TestResize_EverySizeEveryPanel draws every view and panel at sizes from
// 1×1 to 400×120: no panic, and nothing wider or taller than the terminal.
func TestResize_EverySizeEveryPanel(t *testing.T) {
	base := newDriven(t, true)
	panels := []struct {
		name string
		keys []tea.Msg
	}{
		{"curves", keys("1")}, {"countries", keys("2")}, {"compare", keys("3")}, {"data", keys("4")},
		{"cumulative", keys("1", "c")}, {"help", keys("?")}, {"apps picker", keys("p")}, {"country picker", keys("g")},
		{"window picker", keys("w")}, {"add form", keys("a")}, {"launch form", keys("L")},
		{"delete question", keys("4", "d")}, {"refused field", keys("a", "tab", "tab", "tab", "2020-13", "tab")},
		{"group form", keys("G", "Gulf states", "tab", "AE, Saudi Arabia, Qatar, DD")}, {"group rows", keys("2", "v")},
	}
	widths := []int{1, 2, 3, 7, 10, 30, 59, 60, 61, 79, 80, 81, 100, 133, 200, 399, 400}
	heights := []int{1, 2, 3, 4, 5, 8, 15, 16, 17, 23, 24, 25, 40, 80, 119, 120}
	n := 0
	for _, p := range panels {
		m := drive(t, base, p.keys...)
		for _, w := range widths {
			for _, h := range heights {
				where := fmt.Sprintf("%s at %dx%d", p.name, w, h)
				func() {
					defer func() {
						if r := recover(); r != nil {
							t.Fatalf("%s: panic: %v", where, r)
						}
					}()
					next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
					fits(t, where, next.View(), w, h)
					n++
				}()
			}
		}
	}
	t.Logf("%d panel × size frames drawn", n)
}

// TestResize_Storm runs the real program (teatest) through hundreds of
// resizes of random sizes while switching views, opening and closing the
// form and the pickers, then quits cleanly.
func TestResize_Storm(t *testing.T) {
	s := newTestStore(t, true)
	tm := teatest.NewTestModel(t, New(Config{Store: StoreOf(s), Styles: report.NewStyles(), ExportDir: t.TempDir(), Poll: 20 * time.Millisecond}),
		teatest.WithInitialTermSize(100, 30))
	waitFor(t, tm, "In their first 5 months")
	rnd := rand.New(rand.NewSource(1))
	actions := [][]string{{"1"}, {"2"}, {"3"}, {"4"}, {"tab"}, {"shift+tab"}, {"c"}, {"l"}, {"?"}, {"esc"},
		{"p"}, {" "}, {"down"}, {"esc"}, {"a"}, {"A"}, {"tab"}, {"esc"}, {"g"}, {"I"}, {"esc"}, {"w"}, {"esc"}, {"4", "down", "down"}}
	var w, h int
	for i := 0; i < 400; i++ {
		w, h = 1+rnd.Intn(400), 1+rnd.Intn(120)
		if i%7 == 0 {
			w, h = 1+rnd.Intn(80), 1+rnd.Intn(24) // often near and under the smallest size
		}
		tm.Send(tea.WindowSizeMsg{Width: w, Height: h})
		for _, k := range actions[rnd.Intn(len(actions))] {
			tm.Send(press(k))
		}
	}
	tm.Send(press("esc"))
	tm.Send(press("esc"))
	tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	if err := tm.Quit(); err != nil {
		t.Fatal(err)
	}
	final := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(Model)
	fits(t, "after the storm", final.View(), 80, 24)
	if final.width != 80 || final.height != 24 {
		t.Errorf("final size %dx%d", final.width, final.height)
	}
}

// TestPicker_DownWhenNothingMatches: the storm above found that down in
// the apps picker, with a filter that matches no app, set the cursor to
// -1, and space or enter then panicked (index out of range [-1]).
func TestPicker_DownWhenNothingMatches(t *testing.T) {
	m := newDriven(t, true)
	m = drive(t, m, keys("p", "zzz", "down")...)
	if m.picker == nil || m.picker.cursor != 0 || !strings.Contains(m.View(), "no app matches") {
		t.Fatalf("picker: %+v", m.picker)
	}
	m = drive(t, m, keys(" ", "down", "enter")...) // panicked here
	if m.picker != nil || strings.Join(m.sel.Apps, ",") != "Resso,Spotify" {
		t.Errorf("enter kept the marked apps? picker %v, apps %v", m.picker != nil, m.sel.Apps)
	}
}
