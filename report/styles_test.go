package report

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
)

// xterm256 is the colour an xterm-256 index stands for, 16 to 255 (the
// first sixteen are the terminal's own and are not used).
func xterm256(t *testing.T, s string) [3]float64 {
	t.Helper()
	i, err := strconv.Atoi(s)
	if err != nil || i < 16 || i > 255 {
		t.Fatalf("%q is not an xterm-256 colour from 16 up", s)
	}
	if i >= 232 {
		v := float64(8 + 10*(i-232))
		return [3]float64{v, v, v}
	}
	i -= 16
	level := []float64{0, 95, 135, 175, 215, 255}
	return [3]float64{level[i/36], level[i/6%6], level[i%6]}
}

// contrast is the WCAG 2 contrast ratio of two colours.
func contrast(a, b [3]float64) float64 {
	lum := func(c [3]float64) float64 {
		var l [3]float64
		for i, v := range c {
			v /= 255
			if v <= 0.03928 {
				l[i] = v / 12.92
			} else {
				l[i] = math.Pow((v+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	x, y := lum(a), lum(b)
	return (max(x, y) + 0.05) / (min(x, y) + 0.05)
}

// Backgrounds of common light and dark terminal themes: white, #eeeeee,
// solarized light; black, #1c1c1c, gruvbox, nord.
var (
	lightBackgrounds = [][3]float64{{255, 255, 255}, {0xee, 0xee, 0xee}, {0xfd, 0xf6, 0xe3}}
	darkBackgrounds  = [][3]float64{{0, 0, 0}, {0x1c, 0x1c, 0x1c}, {0x28, 0x28, 0x28}, {0x2e, 0x34, 0x40}}
)

// TestStyles_ContrastOnLightAndDark: every colour of the dashboard is a
// light/dark pair, and each side reads on its backgrounds: 4.5:1 for the
// text of the frame, 4:1 for the app colours. The greys of old (245, 248,
// 250, 252) were below 3:1 on white.
func TestStyles_ContrastOnLightAndDark(t *testing.T) {
	st := colourStyles(true)
	check := func(name string, c lipgloss.TerminalColor, least float64) {
		t.Helper()
		ac, ok := c.(lipgloss.AdaptiveColor)
		if !ok {
			t.Errorf("%s: %#v is not a light/dark pair", name, c)
			return
		}
		for side, bgs := range map[string][][3]float64{ac.Light: lightBackgrounds, ac.Dark: darkBackgrounds} {
			for _, bg := range bgs {
				if r := contrast(xterm256(t, side), bg); r < least {
					t.Errorf("%s: colour %s on %v has a contrast of %.1f, below %.1f", name, side, bg, r, least)
				}
			}
		}
	}
	for name, s := range map[string]lipgloss.Style{"Tab": st.Tab, "Selection": st.Selection, "Status": st.Status,
		"Warning": st.Warning, "Error": st.Error, "Muted": st.Muted, "Key": st.Key, "Help": st.Help} {
		check(name, s.GetForeground(), 4.5)
	}
	for i, c := range st.palette {
		check("app colour "+strconv.Itoa(i), c, 4)
	}
	// The active tab draws its own background: its text reads on it.
	fg, bg := st.ActiveTab.GetForeground().(lipgloss.AdaptiveColor), st.ActiveTab.GetBackground().(lipgloss.AdaptiveColor)
	for _, p := range [][2]string{{fg.Light, bg.Light}, {fg.Dark, bg.Dark}} {
		if r := contrast(xterm256(t, p[0]), xterm256(t, p[1])); r < 4.5 {
			t.Errorf("active tab: %s on %s has a contrast of %.1f", p[0], p[1], r)
		}
	}
	if _, ok := st.Box.GetBorderTopForeground().(lipgloss.AdaptiveColor); !ok {
		t.Error("the box border is not a light/dark pair")
	}
}

// TestStyles_FollowTheBackground: on a light terminal the frame and the
// chart draw the light side of each pair, on a dark one the dark side.
func TestStyles_FollowTheBackground(t *testing.T) {
	for _, dark := range []bool{false, true} {
		st := colourStyles(dark)
		muted, app := st.Muted.GetForeground().(lipgloss.AdaptiveColor), st.palette[0]
		wantMuted, wantApp := muted.Light, app.Light
		if dark {
			wantMuted, wantApp = muted.Dark, app.Dark
		}
		if got := st.Render(st.Muted, "note"); !strings.Contains(got, "38;5;"+wantMuted+"m") {
			t.Errorf("dark %v: muted text drawn as %q, want colour %s", dark, got, wantMuted)
		}
		if got := st.Render(st.AppStyle(0), "Resso"); !strings.Contains(got, "38;5;"+wantApp+"m") {
			t.Errorf("dark %v: the first app drawn as %q, want colour %s", dark, got, wantApp)
		}
		if got := st.chartColors(1); len(got) != 1 || strconv.Itoa(int(got[0])) != wantApp {
			t.Errorf("dark %v: chart colour %v, want %s", dark, got, wantApp)
		}
	}
}
