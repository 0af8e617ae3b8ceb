package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/textfit"
)

// textinput works in runes: it scrolls a long value by runes, draws the
// cursor over one rune and moves and deletes one rune at a time. A name
// such as "👩‍👩‍👧‍👦 Family Music" is one cluster of seven runes, so the
// field showed pieces of it ("‍👩‍👧"), the cursor split it in two, and
// backspace left "👩‍👩‍👧‍". The form, the pickers and the Data filter
// draw and edit their inputs through these two functions instead, which
// work in grapheme clusters.

// editInput hands msg to in, but moves and deletes a whole grapheme
// cluster where textinput would take one rune: it sends the key once per
// rune of the cluster, so that textinput keeps its own bookkeeping
// (suggestions, limits).
func editInput(in textinput.Model, msg tea.Msg) (textinput.Model, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return in.Update(msg)
	}
	ends := clusterEnds(in.Value())
	pos, times := in.Position(), 1
	switch {
	case key.Matches(km, in.KeyMap.CharacterBackward, in.KeyMap.DeleteCharacterBackward):
		for i := len(ends) - 1; i >= 0; i-- {
			if ends[i] < pos {
				times = pos - ends[i]
				break
			}
		}
	case key.Matches(km, in.KeyMap.CharacterForward, in.KeyMap.DeleteCharacterForward):
		for _, e := range ends {
			if e > pos {
				times = e - pos
				break
			}
		}
	}
	cmds := make([]tea.Cmd, 0, times)
	for range times {
		var cmd tea.Cmd
		in, cmd = in.Update(msg)
		cmds = append(cmds, cmd)
	}
	return in, tea.Batch(cmds...)
}

// clusterEnds lists the rune offsets at which the grapheme clusters of s
// end, 0 first.
func clusterEnds(s string) []int {
	ends := []int{0}
	n := 0
	for _, p := range textfit.Pieces(s) {
		n += len([]rune(p.Text))
		ends = append(ends, n)
	}
	return ends
}

// cell is one grapheme cluster of an input's line and how it is drawn.
type cell struct {
	text  string
	width int
	style int // cellText, cellCompletion or cellPlaceholder
}

const (
	cellText = iota
	cellCompletion
	cellPlaceholder
)

// inputView draws in as textinput.View does (prompt, value or
// placeholder, the completion in grey and the cursor) but by grapheme
// clusters: the cursor covers a whole cluster, and a value wider than the
// field shows from its start, or up to the cursor when that is further.
func inputView(in textinput.Model) string {
	var cells []cell
	cur := 0 // the cell under the cursor
	value := in.Value()
	if value == "" && in.Placeholder != "" {
		cells = cellsOf(in.Placeholder, cellPlaceholder)
	} else {
		cells = cellsOf(value, cellText)
		ends := clusterEnds(value)
		for cur < len(cells) && ends[cur+1] <= in.Position() {
			cur++
		}
		tail := []cell{{text: " ", width: 1, style: cellText}} // the cursor past the end
		if s := []rune(in.CurrentSuggestion()); in.Focused() && cur == len(cells) && len(s) > len([]rune(value)) {
			tail = cellsOf(string(s[len([]rune(value)):]), cellCompletion)
		}
		cells = append(cells, tail...)
	}
	from, to := window(cells, cur, in.Width)
	var b strings.Builder
	b.WriteString(in.PromptStyle.Render(in.Prompt))
	styles := []func(...string) string{in.TextStyle.Inline(true).Render, in.CompletionStyle.Inline(true).Render, in.PlaceholderStyle.Inline(true).Render}
	run, runStyle := "", -1 // cells of one style drawn together, as textinput does
	flush := func() {
		if run != "" {
			b.WriteString(styles[runStyle](run))
		}
		run = ""
	}
	for i := from; i < to; i++ {
		c := cells[i]
		if i == cur {
			flush()
			in.Cursor.TextStyle = []lipgloss.Style{in.TextStyle, in.CompletionStyle, in.PlaceholderStyle}[c.style]
			in.Cursor.SetChar(c.text)
			b.WriteString(in.Cursor.View())
			continue
		}
		if c.style != runStyle {
			flush()
			runStyle = c.style
		}
		run += c.text
	}
	flush()
	return b.String()
}

func cellsOf(s string, style int) []cell {
	ps := textfit.Pieces(s)
	out := make([]cell, len(ps))
	for i, p := range ps {
		out[i] = cell{text: p.Text, width: p.Width, style: style}
	}
	return out
}

// window picks the cells shown in width columns (all of them when width
// is 0): from the start when the cursor's cell is among them, else the
// cells that end with the cursor's. The cursor's cell is always shown.
func window(cells []cell, cur, width int) (from, to int) {
	if width <= 0 {
		return 0, len(cells)
	}
	used := 0
	for to < len(cells) && used+cells[to].width <= width {
		used += cells[to].width
		to++
	}
	if cur < to || cur >= len(cells) {
		return 0, to
	}
	from, to, used = cur, cur+1, cells[cur].width
	for from > 0 && used+cells[from-1].width <= width {
		from--
		used += cells[from].width
	}
	return from, to
}

// newInput is a text input with a steady cursor (a blinking one redraws
// the screen twice a second for nothing) and its hints and completions
// in the muted colour, which reads on light and dark backgrounds where
// textinput's grey 240 is dim on black.
func newInput(st report.Styles) textinput.Model {
	in := textinput.New()
	in.Cursor.SetMode(cursor.CursorStatic)
	in.PlaceholderStyle, in.CompletionStyle = st.Muted, st.Muted
	return in
}
