package textfit

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/uptake/uptake/internal/hang"

	"github.com/charmbracelet/x/ansi"
)

// The text helpers take names, notes and sources from any file, styled or
// not. These fuzz targets feed them any bytes (escapes, invalid UTF-8,
// wide runes, joiners) at widths from -5 to 300. Run one with
//
//	go test ./ui -run '^$' -fuzz FuzzWrap -fuzztime 2m

func addSeeds(f *testing.F) {
	for _, s := range hang.Texts {
		for _, w := range []int{0, 4, 5, 6, 7, 14, 15, 17, 20, 85, 305} { // widths -5, -1, 0, 1, 2, 9, 10, 12, 15, 80, 300
			f.Add(s, w)
		}
	}
}

// plain reports whether s is text a file could give the dashboard once
// it is made safe: valid UTF-8, every rune graphic (letters, marks,
// numbers, punctuation, symbols, spaces).
func plain(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) {
			return false
		}
	}
	return true
}

// graphemeEnds lists the byte offsets at which a grapheme cluster of s
// ends, 0 included.
func graphemeEnds(s string) map[int]bool {
	ends := map[int]bool{0: true}
	for i := 0; i < len(s); {
		g, _ := ansi.FirstGraphemeCluster(s[i:], ansi.GraphemeWidth)
		i += max(len(g), 1)
		ends[i] = true
	}
	return ends
}

func FuzzWrap(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, n int) {
		width := hang.Width(n)
		var lines []string
		hang.Within(t, hang.Watch, "wrap", func() { lines = Wrap(s, width) })
		if len(lines) > len(s)+1 {
			t.Fatalf("Wrap(%q, %d) made %d lines from %d bytes", s, width, len(lines), len(s))
		}
		if width < 1 {
			if len(lines) != 1 || lines[0] != "" {
				t.Fatalf("Wrap(%q, %d) = %q, want one empty line", s, width, lines)
			}
			return
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > width {
				t.Fatalf("Wrap(%q, %d): line %d is %d columns: %q", s, width, i+1, w, l)
			}
		}
		// Plain text loses nothing but the spaces it breaks at.
		if width >= 10 && plain(s) {
			got := strings.ReplaceAll(strings.Join(lines, ""), " ", "")
			if want := strings.ReplaceAll(s, " ", ""); got != want {
				t.Fatalf("Wrap(%q, %d) = %q: lost text", s, width, lines)
			}
		}
	})
}

func FuzzCut(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, n int) {
		width := hang.Width(n)
		var out string
		hang.Within(t, hang.Watch, "cut", func() { out = Cut(s, width) })
		if w := ansi.StringWidth(out); w > max(width, 0) {
			t.Fatalf("Cut(%q, %d) = %q is %d columns", s, width, out, w)
		}
		if width >= 1 && ansi.StringWidth(s) <= width && out != s {
			t.Fatalf("Cut(%q, %d) = %q, though it fits", s, width, out)
		}
		if width < 1 || out == s || !plain(s) {
			return
		}
		// Plain text is cut between grapheme clusters, ends in …, and
		// keeps as much as fits.
		head, ok := strings.CutSuffix(out, "…")
		if !ok || !strings.HasPrefix(s, head) {
			t.Fatalf("Cut(%q, %d) = %q: not a start of it and …", s, width, out)
		}
		if !graphemeEnds(s)[len(head)] {
			t.Fatalf("Cut(%q, %d) = %q: cut inside a grapheme cluster", s, width, out)
		}
		next, _ := ansi.FirstGraphemeCluster(s[len(head):], ansi.GraphemeWidth)
		if ansi.StringWidth(head+next) <= width-1 {
			t.Fatalf("Cut(%q, %d) = %q: %q would have fitted too", s, width, out, next)
		}
	})
}

func FuzzPad(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string, n int) {
		width := hang.Width(n)
		want := max(width, ansi.StringWidth(s))
		l, r := PadLeft(s, width), PadRight(s, width)
		if !strings.HasSuffix(l, s) || !strings.HasPrefix(r, s) {
			t.Fatalf("pad(%q, %d) = %q, %q: the text is not kept", s, width, l, r)
		}
		// Invalid UTF-8 has no steady width: a stray lead byte takes the
		// spaces after it into its cluster ("\xe0 " is one column). The
		// dashboard never pads it: store.Sanitize makes it U+FFFD first.
		if !utf8.ValidString(s) {
			return
		}
		if ansi.StringWidth(l) != want {
			t.Fatalf("PadLeft(%q, %d) is %d columns, want %d", s, width, ansi.StringWidth(l), want)
		}
		// Text that leaves an escape open swallows whatever follows it,
		// spaces included: nothing can pad it on the right.
		if open := ansi.StringWidth(s+"x") != ansi.StringWidth(s)+1; !open && ansi.StringWidth(r) != want {
			t.Fatalf("PadRight(%q, %d) is %d columns, want %d", s, width, ansi.StringWidth(r), want)
		}
	})
}
