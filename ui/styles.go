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

	palette []uint8 // xterm-256 colours, one per selected app, in order
}

// NewStyles returns the dashboard's styles, in colour when the terminal
// has colours.
func NewStyles() Styles {
	return Styles{
		Color:     lipgloss.ColorProfile() != termenv.Ascii,
		Tab:       lipgloss.NewStyle().Padding(0, 1).Foreground(lipgloss.Color("245")),
		ActiveTab: lipgloss.NewStyle().Padding(0, 1).Bold(true).Foreground(lipgloss.Color("231")).Background(lipgloss.Color("62")),
		Selection: lipgloss.NewStyle().Foreground(lipgloss.Color("252")),
		Status:    lipgloss.NewStyle().Foreground(lipgloss.Color("250")),
		Warning:   lipgloss.NewStyle().Foreground(lipgloss.Color("214")),
		Error:     lipgloss.NewStyle().Foreground(lipgloss.Color("203")).Bold(true),
		Muted:     lipgloss.NewStyle().Foreground(lipgloss.Color("243")),
		Title:     lipgloss.NewStyle().Bold(true),
		Key:       lipgloss.NewStyle().Foreground(lipgloss.Color("111")).Bold(true),
		Help:      lipgloss.NewStyle().Foreground(lipgloss.Color("248")),
		Box:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(lipgloss.Color("62")).Padding(0, 1),
		palette:   []uint8{33, 208, 35, 170, 220, 167, 14, 98},
	}
}

// PlainStyles returns styles that add no colour or control codes, for
// exports and golden files.
func PlainStyles() Styles { return Styles{} }

// AppStyle colours the name or mark of the i-th selected app.
func (s Styles) AppStyle(i int) lipgloss.Style {
	if !s.Color {
		return lipgloss.NewStyle()
	}
	return lipgloss.NewStyle().Foreground(lipgloss.Color(strconv.Itoa(int(s.palette[i%len(s.palette)]))))
}

// chartColors lists asciigraph colours for n series, or none when plain.
func (s Styles) chartColors(n int) []asciigraph.AnsiColor {
	if !s.Color {
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
