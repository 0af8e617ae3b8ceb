package figures

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Quote writes s for a message about a value the user gave: quoted,
// escaped, and cut to 40 bytes (on a rune boundary) and an ellipsis, so
// that a megabyte of junk in a field does not become a megabyte of message.
func Quote(s string) string {
	if c := CutTo(s, 40); c != s {
		return fmt.Sprintf("%q…", strings.TrimSuffix(c, "…"))
	}
	return fmt.Sprintf("%q", s)
}

// CutTo cuts s, on a rune boundary, to at most max bytes and an ellipsis.
func CutTo(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
