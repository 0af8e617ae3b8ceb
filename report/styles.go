package report

import (
	"fmt"
	"strconv"

	"github.com/charmbracelet/lipgloss"
	"github.com/guptarohit/asciigraph"
	"github.com/muesli/termenv"
)

// Styles is every look the dashboard uses, built once and handed down, so
// that a plain (uncoloured) set can be handed to the exporter instead.
type Styles struct {
	Color bool // draw colours; false for exports and plain terminals

	Tab, ActiveTab   lipgloss.Style
	Selection        lipgloss.Style
	Status, Warning  lipgloss.Style
	Error, Muted     lipgloss.Style
	Title, Key, Help lipgloss.Style
	Box              lipgloss.Style

	palette  []lipgloss.AdaptiveColor // one per selected app, in order
	dark     bool                     // the background is dark: which of each pair asciigraph gets
	renderer *lipgloss.Renderer       // what the styles render for; nil when plain
}

// NewStyles returns the dashboard's styles, in colour when the terminal
// has colours, for its background (Bubble Tea asks the terminal for it
// before it starts).
func NewStyles() Styles { return NewStylesFor(lipgloss.DefaultRenderer()) }

// Themes: the background the dashboard's colours are for.
const (
	ThemeAuto  = "auto"  // ask the terminal (the default)
	ThemeDark  = "dark"  // for a dark background, without asking
	ThemeLight = "light" // for a light background, without asking
	ThemePlain = "plain" // no colour at all, as with NO_COLOR
)

// CheckTheme says whether a theme is one ThemedStyles knows, without
// building styles (which may ask the terminal for its background).
func CheckTheme(theme string) error {
	switch theme {
	case "", ThemeAuto, ThemeDark, ThemeLight, ThemePlain:
		return nil
	}
	return fmt.Errorf("%q is not a theme (expected auto, dark, light or plain)", theme)
}

// ThemedStyles returns the dashboard's styles for a theme, drawn by r
// (the terminal's renderer, lipgloss.DefaultRenderer()). A terminal that
// answers wrongly about its background (or not at all, through tmux or
// ssh) can be told with dark or light; only auto asks it.
func ThemedStyles(r *lipgloss.Renderer, theme string) (Styles, error) {
	if err := CheckTheme(theme); err != nil {
		return Styles{}, err
	}
	switch theme {
	case ThemeDark, ThemeLight:
		r.SetHasDarkBackground(theme == ThemeDark)
	case ThemePlain:
		return PlainStyles(), nil
	}
	return NewStylesFor(r), nil
}

// pair is an xterm-256 colour for light backgrounds and one for dark.
func pair(light, dark int) lipgloss.AdaptiveColor {
	return lipgloss.AdaptiveColor{Light: strconv.Itoa(light), Dark: strconv.Itoa(dark)}
}

// NewStylesFor builds the styles for one renderer: the terminal's, or in
// tests one with a colour profile of their own, so that they draw in
// colour without changing lipgloss's default for every other test.
//
// Every colour is a pair, chosen for a contrast of at least 4.5:1 (app
// colours 4:1) on white, #eeeeee and solarized light, and on black,
// #1c1c1c, gruvbox and nord (TestStyles_ContrastOnLightAndDark): the
// greys of old (245, 248, 250, 252) all but vanished on white.
func NewStylesFor(r *lipgloss.Renderer) Styles {
	fg := func(light, dark int) lipgloss.Style { return r.NewStyle().Foreground(pair(light, dark)) }
	return Styles{
		Color:     r.ColorProfile() != termenv.Ascii,
		Tab:       fg(241, 247).Padding(0, 1),
		ActiveTab: fg(231, 231).Padding(0, 1).Bold(true).Background(pair(25, 62)),
		Selection: fg(237, 252),
		Status:    fg(239, 250),
		Warning:   fg(94, 214),
		Error:     fg(160, 210).Bold(true),
		Muted:     fg(242, 247),
		Title:     r.NewStyle().Bold(true),
		Key:       fg(25, 111).Bold(true),
		Help:      fg(241, 248),
		Box:       r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(pair(25, 62)).Padding(0, 1),
		// blue, orange, green, magenta, yellow, red, cyan, purple: darker
		// on light backgrounds, where yellow and cyan cannot be read
		palette: []lipgloss.AdaptiveColor{pair(25, 39), pair(130, 208), pair(28, 71), pair(127, 176),
			pair(94, 220), pair(124, 203), pair(23, 44), pair(92, 141)},
		dark:     r.HasDarkBackground(),
		renderer: r,
	}
}

// NewStyle returns a style for the renderer these styles draw for.
func (s Styles) NewStyle() lipgloss.Style {
	if s.renderer == nil {
		return lipgloss.NewStyle()
	}
	return s.renderer.NewStyle()
}

// PlainStyles returns styles that add no colour or control codes, for
// exports and golden files.
func PlainStyles() Styles { return Styles{} }

// AppStyle colours the name or mark of the i-th selected app.
func (s Styles) AppStyle(i int) lipgloss.Style {
	if !s.Color || len(s.palette) == 0 || s.renderer == nil {
		return lipgloss.NewStyle() // plain, or a Styles built by hand
	}
	return s.renderer.NewStyle().Foreground(s.palette[i%len(s.palette)])
}

// chartColors lists asciigraph colours for n series, or none when plain.
func (s Styles) chartColors(n int) []asciigraph.AnsiColor {
	if !s.Color || len(s.palette) == 0 {
		return nil
	}
	out := make([]asciigraph.AnsiColor, n)
	for i := range out {
		c := s.palette[i%len(s.palette)]
		code := c.Light
		if s.dark {
			code = c.Dark
		}
		n, _ := strconv.Atoi(code) // asciigraph takes the xterm-256 number itself
		out[i] = asciigraph.AnsiColor(n)
	}
	return out
}

// Render applies st only when colours are on, so that plain output never
// carries a stray escape.
func (s Styles) Render(st lipgloss.Style, text string) string {
	if !s.Color {
		return text
	}
	return st.Render(text)
}
