package ui

import (
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

	palette  []uint8            // xterm-256 colours, one per selected app, in order
	renderer *lipgloss.Renderer // what the styles render for; nil when plain
}

// NewStyles returns the dashboard's styles, in colour when the terminal
// has colours.
func NewStyles() Styles { return newStyles(lipgloss.DefaultRenderer()) }

// newStyles builds the styles for one renderer: the terminal's, or in
// tests one with a colour profile of their own, so that they draw in
// colour without changing lipgloss's default for every other test.
func newStyles(r *lipgloss.Renderer) Styles {
	return Styles{
		Color:     r.ColorProfile() != termenv.Ascii,
		Tab:       r.NewStyle().Padding(0, 1).Foreground(lipgloss.Color("245")),
		ActiveTab: r.NewStyle().Padding(0, 1).Bold(true).Foreground(lipgloss.Color("231")).Background(lipgloss.Color("62")),
		Selection: r.NewStyle().Foreground(lipgloss.Color("252")),
		Status:    r.NewStyle().Foreground(lipgloss.Color("250")),
		Warning:   r.NewStyle().Foreground(lipgloss.Color("214")),
		Error:     r.NewStyle().Foreground(lipgloss.Color("203")).Bold(true),
		Muted:     r.NewStyle().Foreground(lipgloss.Color("243")),
		Title:     r.NewStyle().Bold(true),
		Key:       r.NewStyle().Foreground(lipgloss.Color("111")).Bold(true),
		Help:      r.NewStyle().Foreground(lipgloss.Color("248")),
		Box:       r.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("62")).Padding(0, 1),
		palette:   []uint8{33, 208, 35, 170, 220, 167, 14, 98},
		renderer:  r,
	}
}

// PlainStyles returns styles that add no colour or control codes, for
// exports and golden files.
func PlainStyles() Styles { return Styles{} }

// AppStyle colours the name or mark of the i-th selected app.
func (s Styles) AppStyle(i int) lipgloss.Style {
	if !s.Color || len(s.palette) == 0 || s.renderer == nil {
		return lipgloss.NewStyle() // plain, or a Styles built by hand
	}
	return s.renderer.NewStyle().Foreground(lipgloss.Color(strconv.Itoa(int(s.palette[i%len(s.palette)]))))
}

// chartColors lists asciigraph colours for n series, or none when plain.
func (s Styles) chartColors(n int) []asciigraph.AnsiColor {
	if !s.Color || len(s.palette) == 0 {
		return nil
	}
	out := make([]asciigraph.AnsiColor, n)
	for i := range out {
		out[i] = asciigraph.AnsiColor(s.palette[i%len(s.palette)])
	}
	return out
}

// render applies st only when colours are on, so that plain output never
// carries a stray escape.
func (s Styles) render(st lipgloss.Style, text string) string {
	if !s.Color {
		return text
	}
	return st.Render(text)
}
