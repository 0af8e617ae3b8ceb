package main

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/unicode/norm"
)

// A country is one row of the table.
type country struct {
	code   string   // alpha-2, or XK or WW
	alpha3 string   // empty for WW
	name   string   // the name to show
	typed  []string // every name and code people may type, as they type them
}

// A refused is one case of the refusals: the codes and names as people
// type them, and what ParseCountry says after the quoted input.
type refused struct {
	typed []string
	msg   string
}

// table is everything the generated file holds.
type table struct {
	countries []country // sorted by code, WW included
	refused   []refused
	keys      map[string]string // folded key → code, or "!"+msg when refused
}

// build reads CLDR's names from x/text and applies the lists in data.go.
func build() (*table, error) {
	codes := strings.Fields(isoCodes)
	if len(codes) != isoCount {
		return nil, fmt.Errorf("isoCodes holds %d codes, want %d", len(codes), isoCount)
	}
	codes = append(codes, kosovo, worldwide, unknown)
	slices.Sort(codes)
	if c := slices.Compact(slices.Clone(codes)); len(c) != len(codes) {
		return nil, fmt.Errorf("isoCodes lists a code twice")
	}
	namer := display.English.Regions()
	t := &table{keys: map[string]string{}}
	for _, code := range codes {
		c := country{code: code}
		var cldr string
		if code != worldwide && code != unknown {
			r, err := language.ParseRegion(code)
			if err != nil || r.String() != code || !r.IsCountry() {
				return nil, fmt.Errorf("%s: x/text does not know it as a country (%v)", code, err)
			}
			cldr = namer.Name(r)
			c.alpha3 = r.ISO3()
			if c.alpha3 == "ZZZ" || len(c.alpha3) != 3 {
				return nil, fmt.Errorf("%s: x/text gives no alpha-3 code", code)
			}
		}
		if a3, ok := extraAlpha3[code]; ok {
			c.alpha3 = a3
		}
		c.name = cldr
		if s, ok := shown[code]; ok {
			c.name = s
		}
		if c.name == "" {
			return nil, fmt.Errorf("%s: no name", code)
		}
		c.typed = []string{code}
		if c.alpha3 != "" {
			c.typed = append(c.typed, c.alpha3)
		}
		for _, n := range append([]string{c.name, cldr}, typed[code]...) {
			c.typed = append(c.typed, variants(n)...)
		}
		c.typed = dedupe(c.typed)
		for _, n := range c.typed {
			if err := t.add(n, code); err != nil {
				return nil, err
			}
		}
		t.countries = append(t.countries, c)
	}
	names := map[string]string{}
	for _, c := range t.countries {
		if other, ok := names[fold(c.name)]; ok {
			return nil, fmt.Errorf("%s and %s are both shown as %q", other, c.code, c.name)
		}
		names[fold(c.name)] = c.code
	}
	for _, r := range refusals {
		if err := t.refuse(r); err != nil {
			return nil, err
		}
	}
	for code := range typed {
		if !slices.Contains(codes, code) {
			return nil, fmt.Errorf("typed names for %s, which is not in the table", code)
		}
	}
	for code := range shown {
		if !slices.Contains(codes, code) {
			return nil, fmt.Errorf("a name to show for %s, which is not in the table", code)
		}
	}
	return t, nil
}

// refuse adds the codes and names of r, with what ParseCountry says.
func (t *table) refuse(r refusal) error {
	use, err := t.use(r)
	if err != nil {
		return err
	}
	var forCode, forName string
	switch r.kind {
	case withdrawn:
		forCode = "is a withdrawn code (" + r.what + "): " + use
		forName = "is no longer a country: " + use
	case reserved:
		forCode = "is a reserved code, not an ISO country code (" + r.what + "): " + use
		forName = "has no ISO country code of its own: " + use
	case notCountry:
		forCode = "is not a country (" + r.what + "): " + use
		forName = "is not a country: " + use
	}
	if len(r.codes) > 0 {
		t.refused = append(t.refused, refused{typed: r.codes, msg: forCode})
	}
	var names []string
	for _, n := range r.names {
		names = append(names, variants(n)...)
	}
	if names = dedupe(names); len(names) > 0 {
		t.refused = append(t.refused, refused{typed: names, msg: forName})
	}
	for _, n := range r.codes {
		if err := t.add(n, "!"+forCode); err != nil {
			return err
		}
	}
	for _, n := range names {
		if err := t.add(n, "!"+forName); err != nil {
			return err
		}
	}
	return nil
}

// use says which codes to use instead: all of them with their names when
// there are up to four, else the first with its name and the others.
func (t *table) use(r refusal) (string, error) {
	if r.kind == notCountry {
		return "use a country code such as IN, or WW for worldwide", nil
	}
	if len(r.use) == 0 {
		return "", fmt.Errorf("%v: nothing to use instead", r.codes)
	}
	var named []string
	for _, code := range r.use {
		i, ok := slices.BinarySearchFunc(t.countries, code, func(c country, code string) int { return strings.Compare(c.code, code) })
		if !ok {
			return "", fmt.Errorf("%v: %s is not in the table", r.codes, code)
		}
		named = append(named, code+" ("+t.countries[i].name+")")
	}
	if len(named) > 4 {
		return "use " + named[0] + " or another successor: " + strings.Join(r.use[1:], ", "), nil
	}
	if len(named) == 1 {
		return "use " + named[0], nil
	}
	return "use " + strings.Join(named[:len(named)-1], ", ") + " or " + named[len(named)-1], nil
}

// add maps the folded form of what people type to its target, a code or
// "!" and a message; two targets for one key is an error in the lists.
func (t *table) add(typed, target string) error {
	k := fold(typed)
	if k == "" {
		return fmt.Errorf("%q folds to nothing", typed)
	}
	for _, r := range k {
		if r >= unicode.MaxASCII {
			return fmt.Errorf("%q folds to %q, which is not ASCII: add its letter to baseLetters", typed, k)
		}
	}
	if old, ok := t.keys[k]; ok && old != target {
		return fmt.Errorf("%q stands for both %s and %s", typed, strings.TrimPrefix(old, "!"), strings.TrimPrefix(target, "!"))
	}
	t.keys[k] = target
	return nil
}

// variants are a name and its forms with "and" for "&" and "Saint" for
// "St.", as people write them.
func variants(name string) []string {
	if name == "" {
		return nil
	}
	out := []string{name}
	for _, n := range out {
		if strings.Contains(n, " & ") {
			out = append(out, strings.ReplaceAll(n, " & ", " and "))
		}
	}
	for _, n := range out {
		if strings.HasPrefix(n, "St. ") || strings.Contains(n, " St. ") {
			out = append(out, strings.ReplaceAll(n, "St. ", "Saint "))
		}
	}
	return out
}

// dedupe drops the names that fold like an earlier one.
func dedupe(names []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if k := fold(n); !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}

// fold is what ParseCountry does to what it is given before it looks it
// up: lower case, no accents, no full stops, ’ as ', and a hyphen or any
// run of spaces as one space. figures/country.go does the same by hand
// without allocating; the test checks that every name here survives it.
func fold(s string) string {
	var b strings.Builder
	space := true // no leading space
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case isApostrophe(r):
			r = '\''
		case isSpace(r):
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		if l, ok := unaccented[r]; ok {
			r = l
		}
		b.WriteRune(unicode.ToLower(r))
		space = false
	}
	return strings.TrimSuffix(b.String(), " ")
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '`' || r == '\u2018' || r == '\u2019' || r == '\u00b4' || r == '\u02bc'
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '-' || r == '_' || r >= '\u2010' && r <= '\u2015'
}

// unaccented are the letters with a stroke or without a dot that Unicode
// does not decompose into a letter and a mark.
var unaccented = map[rune]rune{'Ø': 'o', 'ø': 'o', 'Đ': 'd', 'đ': 'd', 'Ł': 'l', 'ł': 'l', 'ı': 'i', 'Ħ': 'h', 'ħ': 'h'}

// baseLetters maps every Latin letter with diacritics from U+00C0 to
// U+024F and U+1E00 to U+1EFF to the lower-case ASCII letter it is built on.
func baseLetters() map[byte][]rune {
	out := map[byte][]rune{}
	for _, block := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := block[0]; r <= block[1]; r++ {
			k := fold(string(r))
			if len(k) == 1 && k[0] >= 'a' && k[0] <= 'z' {
				out[k[0]] = append(out[k[0]], r)
			}
		}
	}
	return out
}
