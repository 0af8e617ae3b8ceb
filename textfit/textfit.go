package textfit

import (
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Every line the dashboard draws is measured, cut and wrapped here. Text
// reaches these functions from files and from lipgloss (styles, that is
// escape sequences), in any script, so they work on pieces: grapheme
// clusters, which take columns and are never split, and escape sequences,
// which take none and are kept wherever text is cut so that a style still
// ends. Every loop here takes at least one byte or one piece per round,
// so each ends on any input.

// Piece is one grapheme cluster (text) or one escape sequence or control
// character (code).
type Piece struct {
	Text  string
	Width int
	Code  bool
}

// Pieces splits s into grapheme clusters and escape sequences.
func Pieces(s string) []Piece {
	var out []Piece
	for len(s) > 0 {
		_, w, n, _ := ansi.DecodeSequence(s, 0, nil)
		n = max(1, min(n, len(s))) // always take a byte, whatever the decoder says
		if n == 1 && w == 1 && len(s) > 1 && s[1] >= 0xc0 {
			// The decoder takes ASCII a byte at a time; a letter and the
			// marks that follow it ("e" and U+0301) are one grapheme.
			if g, _ := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth); len(g) > 1 && utf8.ValidString(g) {
				n, w = len(g), ansi.StringWidth(g)
			}
		}
		out = append(out, Piece{Text: s[:n], Width: max(w, 0), Code: w <= 0 && isControl(s[0])})
		s = s[n:]
	}
	return out
}

// isControl reports whether a piece starting with c is a C0 or C1
// control, escape sequences included.
func isControl(c byte) bool { return c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 }

func widthOf(ps []Piece) int {
	n := 0
	for _, p := range ps {
		n += p.Width
	}
	return n
}

func join(ps []Piece) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
	}
	return b.String()
}

// fit joins ps into a line of at most w columns. The pieces' widths add up
// to the terminal's measure of the text the dashboard draws, so this
// normally drops nothing; it guards against text where they do not (an
// escape left open, clusters that join across one) by dropping text from
// the end. Each round drops a piece, so it ends.
func fit(ps []Piece, w int) string {
	s := join(ps)
	if Width(s) <= w {
		return s
	}
	ps = append([]Piece(nil), ps...) // the caller's slice stays as it was
	for Width(s) > w {
		i := len(ps) - 1
		for i >= 0 && ps[i].Code {
			i--
		}
		if i < 0 {
			return "" // only codes left, and still wider: draw nothing
		}
		ps = append(ps[:i], ps[i+1:]...)
		s = join(ps)
	}
	return s
}

// Width is the number of terminal columns s takes, escapes aside.
func Width(s string) int { return ansi.StringWidth(s) }

// Cut shortens s to at most w columns, ending in … when something was cut.
// It cuts between grapheme clusters only, and keeps every escape sequence,
// so that a style opened before the cut is closed after it.
func Cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if Width(s) <= w {
		return s
	}
	ps := Pieces(s)
	out := make([]Piece, 0, len(ps)+1)
	used, cutAt := 0, false
	for _, p := range ps {
		switch {
		case p.Code:
			out = append(out, p)
		case cutAt:
		case used+p.Width > w-1:
			cutAt = true
			out = append(out, Piece{Text: "…", Width: 1})
		default:
			used += p.Width
			out = append(out, p)
		}
	}
	return fit(out, w)
}

// CutLines cuts every line of s to w columns.
func CutLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = Cut(l, w)
	}
	return strings.Join(lines, "\n")
}

// Wrap breaks text into lines of at most width columns at spaces.
// Lines break only at spaces, never inside a token such as
// "2020-03..2020-09" (ansi.Wrap breaks at hyphens), so that a wrapped
// footer still pastes and greps; a word longer than the width is cut hard,
// between grapheme clusters. Below ten columns there is no room to wrap
// to: the text is cut to one line.
func Wrap(s string, width int) []string {
	if width < 10 {
		return []string{Cut(s, width)}
	}
	var lines []string
	var line []Piece
	n := 0 // columns on line
	flush := func() {
		lines = append(lines, fit(line, width))
		line, n = line[:0], 0
	}
	for _, word := range strings.Split(s, " ") {
		ps := Pieces(word)
		w := widthOf(ps)
		if n > 0 && n+1+w > width {
			flush()
		}
		if n > 0 {
			line = append(line, Piece{Text: " ", Width: 1})
			n++
		}
		// A word that fits no line is cut across lines. Each round takes
		// at least one text piece out of ps, so the loop ends.
		for n+w > width {
			var head []Piece
			head, ps = splitAt(ps, width-n)
			line = append(line, head...)
			flush()
			w = widthOf(ps)
		}
		line = append(line, ps...)
		n += w
	}
	flush()
	return lines
}

// splitAt cuts a word of pieces where room columns are full. The head
// holds the text that fits and every code of the word, so that a style
// opened or closed anywhere in it still applies; the rest holds the codes
// before the cut, so that the style goes on, and the text after it. At
// least one text piece leaves the rest: when even the first is wider than
// room, nothing can draw it there and it is dropped.
func splitAt(ps []Piece, room int) (head, rest []Piece) {
	at, used, taken := len(ps), 0, false
	for i, p := range ps {
		if p.Code {
			continue
		}
		if used+p.Width > room {
			at = i
			break
		}
		used += p.Width
		taken = true
	}
	from := at
	if !taken && at < len(ps) {
		from = at + 1 // the first text piece is too wide for any room left
	}
	for i, p := range ps {
		if i < at || p.Code {
			head = append(head, p)
		}
		if i < at && p.Code {
			rest = append(rest, p)
		}
	}
	if from < len(ps) {
		rest = append(rest, ps[from:]...)
	}
	return head, rest
}

// PadLeft puts spaces before s to fill w columns.
func PadLeft(s string, w int) string {
	if n := Width(s); n < w {
		return strings.Repeat(" ", w-n) + s
	}
	return s
}

// PadRight puts spaces after s to fill w columns.
func PadRight(s string, w int) string {
	if n := Width(s); n < w {
		return s + strings.Repeat(" ", w-n)
	}
	return s
}
