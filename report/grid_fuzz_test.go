package report

import (
	"io"
	"strings"
	"testing"

	"github.com/uptake/uptake/internal/hang"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// colourStyles draws in 256 colours on a background, whatever the
// terminal the tests run in.
func colourStyles(dark bool) Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(dark)
	return NewStylesFor(r)
}

// FuzzGridText lays out a table whose cells come from the input: lines
// are rows, tabs part cells, the first line is the header; the bits of
// right say which columns hold numbers.
func FuzzGridText(f *testing.F) {
	for _, s := range hang.Texts {
		f.Add(s+"\tInstalls\nID\t3.6M\n"+s+"\t950k", 14, uint8(2))
		f.Add("Month\t"+s+"\tgrowth\n2020-08\t3.6M\t+64%", 85, uint8(6))
	}
	st := colourStyles(true)
	f.Fuzz(func(t *testing.T, s string, n int, right uint8) {
		width := hang.Width(n)
		rows := strings.Split(s, "\n")
		g := &grid{header: strings.Split(rows[0], "\t")}
		for i := range g.header {
			g.right = append(g.right, right&(1<<(i%8)) != 0)
		}
		for _, r := range rows[1:] {
			g.rows = append(g.rows, strings.Split(r, "\t"))
			g.styles = append(g.styles, len(g.rows)-2)
		}
		var out string
		hang.Within(t, hang.Watch, "grid", func() { out = g.text(width, st) })
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		// The header may wrap onto three lines; every other row is one.
		if len(lines) < len(rows) || len(lines) > len(rows)+2 {
			t.Fatalf("%d lines for %d rows", len(lines), len(rows))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > max(width, 0) {
				t.Fatalf("grid at %d columns: line %d is %d columns: %q", width, i+1, w, l)
			}
		}
	})
}
