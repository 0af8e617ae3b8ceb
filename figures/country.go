package figures

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Worldwide is the country code of a figure that covers every market.
const Worldwide = "WW"

var countries struct {
	once   sync.Once
	byName map[string]string // folded English name or alias → code
	names  map[string]string // code → English name
	codes  []string          // sorted
}

// aliases are names people type that the CLDR English names do not give.
var aliases = map[string]string{
	"usa": "US", "united states of america": "US", "america": "US",
	"uk": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
	"uae": "AE", "south korea": "KR", "korea": "KR", "russia": "RU",
	"vietnam": "VN", "viet nam": "VN", "turkey": "TR", "czech republic": "CZ",
	"ivory coast": "CI", "holland": "NL", "the netherlands": "NL",
	"worldwide": Worldwide, "world": Worldwide, "global": Worldwide, "ww": Worldwide, "all": Worldwide,
}

// notISO are regions CLDR names that ISO 3166-1 does not list as countries.
var notISO = map[string]bool{"UN": true, "EZ": true, "QO": true, "ZZ": true, "XA": true, "XB": true}

func loadCountries() {
	countries.byName = make(map[string]string, 600)
	countries.names = make(map[string]string, 300)
	namer := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || !r.IsCountry() || r.String() != code || notISO[code] {
				continue
			}
			name := namer.Name(r)
			if name == "" || name == code {
				continue
			}
			countries.names[code] = name
			countries.byName[fold(name)] = code
			countries.codes = append(countries.codes, code)
		}
	}
	for k, v := range aliases {
		countries.byName[k] = v
	}
	countries.names[Worldwide] = "Worldwide"
	sort.Strings(countries.codes)
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// ParseCountry reads an ISO 3166-1 code (alpha-2 or alpha-3), an English
// country name, or WW / "worldwide", and returns the alpha-2 code or WW.
func ParseCountry(s string) (string, error) {
	countries.once.Do(loadCountries)
	t := strings.TrimSpace(s)
	if t == "" {
		return "", fmt.Errorf("no country given (expected a code such as IN, a name such as India, or WW)")
	}
	if code, ok := countries.byName[fold(t)]; ok {
		return code, nil
	}
	up := strings.ToUpper(t)
	if _, ok := countries.names[up]; ok {
		return up, nil
	}
	if len(up) == 3 {
		if r, err := language.ParseRegion(up); err == nil && r.IsCountry() {
			if _, ok := countries.names[r.String()]; ok {
				return r.String(), nil
			}
		}
	}
	return "", fmt.Errorf("%q is not a known country (expected a code such as IN, a name such as India, or WW)", t)
}

// CountryName returns the English name of a code, or the code itself when
// it is not known.
func CountryName(code string) string {
	countries.once.Do(loadCountries)
	if n, ok := countries.names[code]; ok {
		return n
	}
	return Sanitize(code)
}

// ValidCountry reports whether code is a known alpha-2 code or WW.
func ValidCountry(code string) bool {
	countries.once.Do(loadCountries)
	_, ok := countries.names[code]
	return ok
}

// CountryCodes lists every known alpha-2 code, sorted, without WW.
func CountryCodes() []string {
	countries.once.Do(loadCountries)
	return append([]string(nil), countries.codes...)
}

// CountryLabel writes "IN India" or "WW Worldwide", for where there is room.
func CountryLabel(code string) string {
	return Sanitize(code) + " " + CountryName(code)
}
