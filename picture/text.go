package picture

import (
	"fmt"
	"image/color"
	"strings"
	"unicode/utf8"

	"codeberg.org/go-fonts/liberation/liberationsansbold"
	"codeberg.org/go-fonts/liberation/liberationsansregular"
	"github.com/uptake/uptake/figures"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// maxRunes bounds any text before it is measured: nothing longer fits a
// line of the picture, and measuring a megabyte of title would be slow.
const maxRunes = 400

// clean makes outside text safe to draw: control characters and
// direction overrides become U+FFFD (figures.Sanitize), and so do the
// few runes XML 1.0 forbids even escaped (U+FFFE, U+FFFF), which would
// make the SVG unreadable.
func clean(s string) string {
	if utf8.RuneCountInString(s) > maxRunes {
		s = string([]rune(s)[:maxRunes-1]) + "…"
	}
	s = figures.Sanitize(s)
	return strings.Map(func(r rune) rune {
		if r == 0xFFFE || r == 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, s)
}

// newFonts measures and draws the text of one picture: Liberation Sans,
// regular and bold, the only faces a picture uses, embedded in the
// program so that a picture looks the same on every machine. They are
// parsed when a picture is drawn (some 30 µs), not when the program
// starts: gonum.org/v1/plot's root package parses all twelve Liberation
// fonts in its init, which every run paid for, -h included.
func newFonts() (text.Handler, error) {
	cache := font.NewCache(nil)
	for _, f := range []struct {
		bold bool
		ttf  []byte
	}{{false, liberationsansregular.TTF}, {true, liberationsansbold.TTF}} {
		face, err := opentype.Parse(f.ttf)
		if err != nil {
			return nil, fmt.Errorf("reading the embedded font Liberation Sans: %w", err)
		}
		cache.Add(font.Collection{{Font: sans(0, f.bold), Face: face}})
	}
	return text.Plain{Fonts: cache}, nil
}

// sans is Liberation Sans at a size, regular or bold.
func sans(size vg.Length, bold bool) font.Font {
	f := font.Font{Typeface: "Liberation", Variant: "Sans", Size: size}
	if bold {
		f.Weight = xfont.WeightBold
	}
	return f
}

// textStyle is text in Liberation Sans measured and drawn with fonts
// (newFonts), placed by its top-left corner.
func textStyle(fonts text.Handler, size vg.Length, bold bool, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    sans(size, bold),
		XAlign:  draw.XLeft,
		YAlign:  draw.YTop,
		Handler: fonts,
	}
}

// lineHeight is the room a line of text in sty takes, with a little
// space under it.
func lineHeight(sty text.Style) vg.Length {
	return sty.FontExtents().Height + 1
}

// cut shortens s with an ellipsis until it is at most w wide.
func cut(sty text.Style, s string, w vg.Length) string {
	if sty.Width(s) <= w {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // the longest prefix that fits is lo runes
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if sty.Width(strings.TrimRight(string(r[:mid]), " ")+"…") <= w {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimRight(string(r[:lo]), " ") + "…"
}

// wrap breaks s into lines at most w wide, at spaces where it can, in at
// most maxLines lines; the last one is cut with an ellipsis if text is
// left over, and so is a word wider than a line.
func wrap(sty text.Style, s string, w vg.Length, maxLines int) []string {
	words := strings.Fields(s)
	var lines []string
	for len(words) > 0 {
		if len(lines) >= maxLines-1 {
			return append(lines, cut(sty, strings.Join(words, " "), w))
		}
		k := 1 // words on this line: as many as fit, at least one
		for k < len(words) && sty.Width(strings.Join(words[:k+1], " ")) <= w {
			k++
		}
		lines = append(lines, cut(sty, strings.Join(words[:k], " "), w))
		words = words[k:]
	}
	return lines
}
