package ui

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/internal/hang"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"
	"github.com/uptake/uptake/report"
)

// colourStyles are the dashboard's styles on a 256-colour terminal with a
// dark or light background, from a renderer of their own: TestMain keeps
// lipgloss's default plain for the golden files.
func colourStyles(dark bool) report.Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(dark)
	return report.NewStylesFor(r)
}

// newDrivenStyled is newDriven with the given styles.
func newDrivenStyled(t *testing.T, st report.Styles) Model {
	t.Helper()
	s := newTestStore(t, true)
	m := New(Config{Store: StoreOf(s), Styles: st, ExportDir: t.TempDir(), Now: func() time.Time { return fixedNow }, Poll: -1})
	return drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, m.Init()())
}

// everyPanel is every view and panel the dashboard draws, with the keys
// that open it from the first screen and a text that shows it is open.
var everyPanel = []struct {
	name string
	keys []string
	want string
}{
	{"curves", []string{"1"}, "Installs per month"},
	{"countries", []string{"2"}, "Installs by country"},
	{"compare", []string{"3"}, "Cumulative installs"},
	{"data", []string{"4"}, "figures in all"},
	{"share", []string{"5"}, "Share of installs"},
	{"ranking", []string{"6"}, "Ranking by installs"},
	{"help", []string{"?"}, "Keys"},
	{"add form", []string{"a"}, "Add a figure"},
	{"apps picker", []string{"p"}, "Pick apps"},
	{"country picker", []string{"g"}, "Country"},
	{"window picker", []string{"w"}, "Window"},
	{"delete question", []string{"4", "d"}, "Undo (u) brings it back"},
	{"group form", []string{"G", "Gulf", "tab", "AE, Saudi Arabia, Qatar, Kuwait, Bahrain, Oman"}, "reads as 6"},
	{"countries by region", []string{"2", "v"}, "Installs by region"},
}

// heightAt is the height tried at width w: every height from 1 to 30,
// then 40 and 60, come round in turn, each six times over 200 widths.
func heightAt(w int) int {
	if k := (w - 1) % 32; k < 30 {
		return k + 1
	}
	return []int{40, 60}[w%2]
}

// TestResize_EveryWidthEveryView resizes every view and panel, in colour
// and plain, through every width from 1 to 200 columns, as a user
// dragging the window edge would: each frame is drawn within 30 s (a
// resize to 12 columns once hung the Countries view for ever) and no
// line is wider than the terminal.
func TestResize_EveryWidthEveryView(t *testing.T) {
	styles := []struct {
		name string
		st   report.Styles
	}{{"plain", report.PlainStyles()}, {"colour", colourStyles(true)}}
	for _, s := range styles {
		t.Run(s.name, func(t *testing.T) {
			t.Parallel()
			base := newDrivenStyled(t, s.st)
			for _, p := range everyPanel {
				t.Run(p.name, func(t *testing.T) { resizeEveryWidth(t, base, s.st, p.keys, p.want) })
			}
		})
	}
}

// resizeEveryWidth opens a panel with keys and draws it at every width.
func resizeEveryWidth(t *testing.T, m Model, st report.Styles, keysIn []string, want string) {
	m = drive(t, m, keys(toAny(keysIn)...)...)
	if v := m.View(); !strings.Contains(v, want) {
		t.Fatalf("%q did not open the panel:\n%s", keysIn, v)
	}
	if st.Color && !strings.Contains(m.View(), "\x1b[") {
		t.Fatalf("no colour drawn:\n%s", m.View())
	}
	for w := 1; w <= 200; w++ {
		h := heightAt(w)
		where := fmt.Sprintf("%dx%d", w, h)
		var view string
		hang.Within(t, 30*time.Second, where, func() { // a hang, not a slow machine under -race
			next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			m = next.(Model)
			view = m.View()
		})
		fits(t, where, view, w, h)
	}
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// TestThemes_Golden: the first screen and the help in the dark and light
// themes and plain (NO_COLOR or -theme plain), pinned with their colours.
// On a light theme no text is drawn in the pale greys (244-255) that
// vanish on white; on dark none in the deep ones (232-239) that vanish
// on black; plain draws no escape at all.
func TestThemes_Golden(t *testing.T) {
	for _, theme := range []string{report.ThemeDark, report.ThemeLight, report.ThemePlain} {
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.ANSI256)
		st, err := report.ThemedStyles(r, theme)
		if err != nil {
			t.Fatal(err)
		}
		for _, screen := range []string{"compare", "help"} {
			t.Run(theme+"_"+screen, func(t *testing.T) {
				m := newDrivenStyled(t, st)
				m = drive(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
				if screen == "help" {
					m = drive(t, m, press("?"))
				}
				v := m.View()
				for _, esc := range regexp.MustCompile(`\x1b\[[0-9;]*m`).FindAllString(v, -1) {
					fg := regexp.MustCompile(`(?:^|;)38;5;(\d+)`).FindStringSubmatch(strings.TrimPrefix(strings.TrimSuffix(esc, "m"), "\x1b["))
					if fg == nil {
						continue
					}
					n, _ := strconv.Atoi(fg[1])
					if theme == report.ThemeLight && n >= 244 || theme == report.ThemeDark && n >= 232 && n <= 239 {
						t.Errorf("%s: text in grey %d, which vanishes on that background", theme, n)
					}
				}
				if theme == report.ThemePlain && strings.Contains(v, "\x1b") {
					t.Errorf("plain draws an escape")
				}
				golden.RequireEqual(t, []byte(v))
			})
		}
	}
}
