package ui

import "strings"

// noBidi replaces the runes that reorder a line (direction overrides,
// isolates and marks) with U+FFFD. Text inputs already drop control
// characters as they are typed or pasted, but these are format
// characters and pass; they never occur in the escape sequences that
// style an input's view, so the view can be cleaned after it is drawn.
func noBidi(s string) string {
	if !strings.ContainsFunc(s, isBidi) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidi(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}
