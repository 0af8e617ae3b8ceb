package figures

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ../internal/gencountries

// The table of countries is generated into country_table.go (countryRow,
// countryCodeList, lookupCountry, baseLetter), and the UN M49 regions into
// region_table.go: switches on constants, so they need nothing at run time
// before their first use.

// Worldwide is the country code of a figure that covers every market.
const Worldwide = "WW"

// Unknown is the country of installs a store could not place (the Play
// Console's rows with an empty country): a country like the others, so
// that they count in a sum of the countries rather than being dropped.
const Unknown = "ZZ"

// ParseCountry reads an ISO 3166-1 code (alpha-2 or alpha-3), an English
// country name, or WW / "worldwide", and returns the alpha-2 code or WW.
// Case, accents, full stops and extra spaces do not matter ("turkiye",
// "Cote d’Ivoire", "U.S.A."). Withdrawn and reserved codes ("DD", "UK")
// are refused with the code to use instead.
func ParseCountry(s string) (string, error) {
	var buf [maxCountryKey]byte
	n, ok := foldCountry(&buf, s)
	if ok && n > 0 {
		code, refused := lookupCountry(string(buf[:n]))
		switch {
		case code != "":
			return code, nil
		case refused != "":
			return "", fmt.Errorf("%q %s", strings.TrimSpace(s), refused)
		}
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return "", fmt.Errorf("no country given (expected a code such as IN, a name such as India, or WW)")
	}
	if code, name, ok := nearestCountry(t); ok {
		return "", fmt.Errorf("%q is not a known country (did you mean %s, %s? expected a code such as IN, a name such as India, or WW)", t, name, code)
	}
	return "", fmt.Errorf("%q is not a known country (expected a code such as IN, a name such as India, or WW)", t)
}

// nearestCountry returns the one country whose name s is likely a
// misspelling of: one or two edits away (one for names of up to six
// letters), and nearer than any other; ok is false when there is none or
// two are as near.
func nearestCountry(s string) (code, name string, ok bool) {
	lower := strings.ToLower(s)
	if len(lower) < 4 || len(lower) > 60 {
		return "", "", false // a code, or no name
	}
	limit := 2
	if len(lower) <= 6 {
		limit = 1
	}
	best, tie := limit+1, false
	for _, c := range countryCodeList() {
		n, _, _ := countryRow(c)
		d := EditDistance(lower, strings.ToLower(n))
		switch {
		case d < best:
			code, name, best, tie = c, n, d, false
		case d == best:
			tie = true
		}
	}
	return code, name, best <= limit && !tie
}

// foldCountry writes into buf the form of s that lookupCountry knows:
// lower case, without accents or full stops, ’ as ', and a hyphen or a
// run of spaces as one space. It reports false when s holds a character
// no country's name has, or folds to more than buf holds: then s is not
// a known country.
func foldCountry(buf *[maxCountryKey]byte, s string) (int, bool) {
	n := 0
	space := false // a space to write before the next character
	for i := 0; i < len(s); {
		var c byte
		if s[i] < utf8.RuneSelf {
			c = foldASCII(s[i])
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			c = foldRune(r)
			i += size
		}
		switch c {
		case foldDrop:
			continue
		case foldUnknown:
			return 0, false
		case ' ':
			space = n > 0
			continue
		}
		if space {
			if n == len(buf) {
				return 0, false
			}
			buf[n] = ' '
			n++
			space = false
		}
		if n == len(buf) {
			return 0, false
		}
		buf[n] = c
		n++
	}
	return n, true
}

// What foldASCII and foldRune return for a character that is dropped,
// and for one that no country's name has: neither is ASCII.
const (
	foldDrop    = 0xfe
	foldUnknown = 0xff
)

// foldASCII folds one ASCII character.
func foldASCII(c byte) byte {
	switch {
	case 'A' <= c && c <= 'Z':
		return c + 'a' - 'A'
	case c == '.':
		return foldDrop
	case c == '`':
		return '\''
	case c == ' ', c == '-', c == '_', '\t' <= c && c <= '\r':
		return ' '
	}
	return c
}

// foldRune folds one character that is not ASCII.
func foldRune(r rune) byte {
	switch {
	case r >= '\u0300' && r <= '\u036f': // combining accents
		return foldDrop
	case r == '\u2018', r == '\u2019', r == '\u00b4', r == '\u02bc':
		return '\''
	case r >= '\u2010' && r <= '\u2015', unicode.IsSpace(r):
		return ' '
	}
	if c := baseLetter(r); c != 0 {
		return c
	}
	return foldUnknown
}

// CountryName returns the English name of a code (a region's M49 code
// too), or the code itself when it is not known.
func CountryName(code string) string {
	if name, _, ok := countryRow(code); ok {
		return name
	}
	if name, _, ok := regionRow(code); ok {
		return name
	}
	return Sanitize(code)
}

// ValidCountry reports whether code is a known alpha-2 code or WW.
func ValidCountry(code string) bool {
	_, _, ok := countryRow(code)
	return ok
}

// CountryCodes lists every known alpha-2 code, sorted, without WW.
func CountryCodes() []string {
	return countryCodeList()
}

// CountryLabel writes "IN India" or "WW Worldwide", for where there is
// room; for a region's M49 code, "Southeast Asia (035)" (Group.Label).
func CountryLabel(code string) string {
	if _, _, ok := countryRow(code); !ok {
		if g, ok := region(code); ok {
			return g.Label()
		}
	}
	return Sanitize(code) + " " + CountryName(code)
}
