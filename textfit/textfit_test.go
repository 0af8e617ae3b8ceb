package textfit

import (
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/internal/hang"

	"github.com/charmbracelet/x/ansi"
)

// linesFit fails unless every line is at most w columns.
func linesFit(t *testing.T, where string, lines []string, w int) {
	t.Helper()
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s: line %d is %d columns, more than %d: %q", where, i+1, lw, w, l)
		}
	}
}

// TestWrap_StyledWordWiderThanTheLine: a word in a style (the Countries
// title, bold) wider than the line made wrap loop for ever, because the
// head that ansi.Truncate returned carried a reset that the word did not,
// so trimming it off the word removed nothing; the dashboard spun at 100%
// CPU on resize to 12 columns.
func TestWrap_StyledWordWiderThanTheLine(t *testing.T) {
	title := "\x1b[1mInstalls by country · Resso · 2020-03..2020-09\x1b[0m"
	for _, width := range []int{10, 11, 12, 15, 16, 17, 40} {
		var lines []string
		hang.Within(t, 2*time.Second, "wrap", func() { lines = Wrap(title, width) })
		linesFit(t, "wrap", lines, width)
		got := strings.ReplaceAll(ansi.Strip(strings.Join(lines, "")), " ", "")
		if want := strings.ReplaceAll(ansi.Strip(title), " ", ""); got != want {
			t.Errorf("width %d: wrap lost text: %q, want %q", width, got, want)
		}
	}
	// A styled word cut across lines carries its style on every line, so
	// that no line leaves the terminal bold and none loses the style.
	lines := Wrap("\x1b[1m2020-03..2020-09\x1b[0m", 10)
	if want := []string{"\x1b[1m2020-03..2\x1b[0m", "\x1b[1m020-09\x1b[0m"}; strings.Join(lines, "|") != strings.Join(want, "|") {
		t.Errorf("styled word: %q, want %q", lines, want)
	}
}

func TestWrap(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"", 20, []string{""}},
		{"one two three four", 9, []string{"one two …"}}, // below ten columns: one cut line
		{"one two three four", 10, []string{"one two", "three four"}},
		{"2020-03..2020-09 covered", 12, []string{"2020-03..202", "0-09 covered"}},
		{"a 网易云音乐网易云", 10, []string{"a", "网易云音乐", "网易云"}},
		{"x 👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦", 10, []string{"x", "👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦", "👩‍👩‍👧‍👦"}},
		{"cafe\u0301cafe\u0301cafe\u0301", 10, []string{"cafe\u0301cafe\u0301ca", "fe\u0301"}},
	}
	for _, c := range cases {
		got := Wrap(c.in, c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
		linesFit(t, "wrap", got, c.width)
	}
}

func TestCut(t *testing.T) {
	family := "👩‍👩‍👧‍👦 Family Music"
	cases := []struct {
		in    string
		width int
		want  string
	}{
		{"Resso", 0, ""},
		{"Resso", -3, ""},
		{"Resso", 5, "Resso"},
		{"Resso", 4, "Res…"},
		{"Resso", 1, "…"},
		{family, 15, family},
		{family, 14, "👩‍👩‍👧‍👦 Family Mus…"},
		{family, 3, "👩‍👩‍👧‍👦…"},
		{family, 2, "…"}, // the family takes two columns: it goes whole or not at all
		{"网易云音乐", 4, "网…"},
		{"网易云音乐", 5, "网易…"},
		{"cafe\u0301s", 5, "cafe\u0301s"},
		{"cafe\u0301s", 4, "caf…"},
		{"\x1b[1mbold text\x1b[0m", 5, "\x1b[1mbold…\x1b[0m"}, // the style still ends
		{"\x1b[1mbold text\x1b[0m", 1, "\x1b[1m…\x1b[0m"},
	}
	for _, c := range cases {
		got := Cut(c.in, c.width)
		if got != c.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
		if w := ansi.StringWidth(got); w > max(c.width, 0) {
			t.Errorf("Cut(%q, %d) is %d columns", c.in, c.width, w)
		}
	}
}

// TestPad: padding counts columns, not runes, so that a name in emoji or
// CJK lines up with the rest of its column.
func TestPad(t *testing.T) {
	for _, s := range []string{"Resso", "👩‍👩‍👧‍👦 Family Music", "网易云音乐", "\x1b[1mbold\x1b[0m", ""} {
		for _, w := range []int{-1, 0, 3, 20} {
			l, r := PadLeft(s, w), PadRight(s, w)
			want := max(w, ansi.StringWidth(s))
			if ansi.StringWidth(l) != want || ansi.StringWidth(r) != want {
				t.Errorf("pad(%q, %d): left %d, right %d columns, want %d", s, w, ansi.StringWidth(l), ansi.StringWidth(r), want)
			}
		}
	}
}

func TestWrap_BreaksOnlyAtSpaces(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  []string
	}{
		{"Resso WW 2020-03..2020-09 15.2M; Resso ID 2020-03..2020-07 5M", 30,
			[]string{"Resso WW 2020-03..2020-09", "15.2M; Resso ID", "2020-03..2020-07 5M"}},
		{"short", 40, []string{"short"}},
		{"aaaaaaaaaaaaaaaaaaaaaaaaa bb", 10, []string{"aaaaaaaaaa", "aaaaaaaaaa", "aaaaa bb"}},
		{"", 20, []string{""}},
	}
	for _, c := range cases {
		got := Wrap(c.in, c.width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
		for _, l := range got {
			if Width(l) > c.width {
				t.Errorf("line %q is wider than %d", l, c.width)
			}
		}
	}
}
