package figures

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestParseCountry(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Codes, alpha-2 and alpha-3, in any case.
		{"IN", "IN"}, {"in", "IN"}, {" In ", "IN"}, {"IND", "IN"}, {"ind", "IN"},
		{"US", "US"}, {"USA", "US"}, {"GB", "GB"}, {"GBR", "GB"}, {"DE", "DE"}, {"DEU", "DE"},
		{"TR", "TR"}, {"TUR", "TR"}, {"CD", "CD"}, {"COD", "CD"}, {"RO", "RO"}, {"ROU", "RO"},
		{"XK", "XK"}, {"XKX", "XK"}, {"XKK", "XK"}, {"KM", "KM"}, {"COM", "KM"},
		{"WW", "WW"}, {"ww", "WW"},
		// Current names.
		{"India", "IN"}, {"UK", "GB"}, {"Türkiye", "TR"}, {"North Macedonia", "MK"}, {"Eswatini", "SZ"},
		{"Hong Kong", "HK"}, {"Macao", "MO"}, {"Palestine", "PS"}, {"Czechia", "CZ"},
		{"Côte d'Ivoire", "CI"}, {"Cabo Verde", "CV"}, {"Myanmar", "MM"}, {"Timor-Leste", "TL"},
		{"DR Congo", "CD"}, {"Congo (DRC)", "CD"}, {"Congo - Kinshasa", "CD"}, {"DRC", "CD"},
		{"Democratic Republic of the Congo", "CD"}, {"Congo", "CG"}, {"Congo - Brazzaville", "CG"},
		{"Republic of the Congo", "CG"}, {"Kosovo", "XK"}, {"Worldwide", "WW"},
		// Former and common names.
		{"Turkey", "TR"}, {"Macedonia", "MK"}, {"Swaziland", "SZ"}, {"Hong Kong SAR China", "HK"},
		{"Macao SAR China", "MO"}, {"Macau SAR China", "MO"}, {"Macau", "MO"},
		{"Palestinian Territories", "PS"}, {"Burma", "MM"}, {"Myanmar (Burma)", "MM"},
		{"Czech Republic", "CZ"}, {"Ivory Coast", "CI"}, {"Cape Verde", "CV"}, {"East Timor", "TL"},
		{"Holland", "NL"}, {"The Netherlands", "NL"}, {"Netherlands", "NL"},
		{"Great Britain", "GB"}, {"Britain", "GB"}, {"England", "GB"}, {"United Kingdom", "GB"},
		{"USA", "US"}, {"U.S.A.", "US"}, {"United States", "US"}, {"United States of America", "US"},
		{"America", "US"}, {"UAE", "AE"}, {"South Korea", "KR"}, {"Korea", "KR"},
		{"Korea, Republic of", "KR"}, {"North Korea", "KP"}, {"Russia", "RU"},
		{"Russian Federation", "RU"}, {"Vietnam", "VN"}, {"Viet Nam", "VN"}, {"Laos", "LA"},
		{"Syria", "SY"}, {"Iran", "IR"}, {"Bolivia", "BO"}, {"Venezuela", "VE"}, {"Tanzania", "TZ"},
		{"Moldova", "MD"}, {"Brunei", "BN"}, {"Vatican", "VA"}, {"Vatican City", "VA"},
		{"Holy See", "VA"}, {"Zaire", "CD"}, {"KSA", "SA"}, {"Saudi Arabia", "SA"},
		{"Taiwan", "TW"}, {"Taiwan, Province of China", "TW"},
		// "&" or "and", "St." or "Saint".
		{"Bosnia & Herzegovina", "BA"}, {"Bosnia and Herzegovina", "BA"}, {"Trinidad and Tobago", "TT"},
		{"St. Lucia", "LC"}, {"St Lucia", "LC"}, {"Saint Lucia", "LC"}, {"Saint Kitts and Nevis", "KN"},
		{"Saint Vincent and the Grenadines", "VC"}, {"São Tomé & Príncipe", "ST"},
		{"Sao Tome and Principe", "ST"}, {"Guinea-Bissau", "GW"}, {"Guinea Bissau", "GW"},
		// Worldwide.
		{"worldwide", "WW"}, {"world", "WW"}, {"global", "WW"}, {"ww", "WW"}, {"all", "WW"}, {"ALL", "WW"},
		// Case, accents, apostrophes and spaces.
		{"TÜRKIYE", "TR"}, {"TÜRKİYE", "TR"}, {"Turkiye", "TR"}, {"Tu\u0308rkiye", "TR"},
		{"Cote d'Ivoire", "CI"}, {"Côte d’Ivoire", "CI"}, {"cote d’ivoire", "CI"}, {"Curacao", "CW"},
		{"Curaçao", "CW"}, {"Reunion", "RE"}, {"Åland Islands", "AX"}, {"Aland Islands", "AX"},
		{"St. Barthélemy", "BL"}, {"Saint Barthelemy", "BL"}, {"Việt Nam", "VN"},
		{"  united   states ", "US"}, {"united\tkingdom", "GB"}, {"Hong\u00a0Kong", "HK"},
		{"HONG KONG", "HK"}, {"north  macedonia", "MK"}, {"Timor – Leste", "TL"},
		// The longest name, with spaces after it.
		{"United Kingdom of Great Britain and Northern Ireland \t ", "GB"},
	} {
		got, err := ParseCountry(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseCountry(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestParseCountry_Refused(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string // what the message must name
	}{
		{"DD", []string{"East Germany", "DE (Germany)"}},
		{"dd", []string{"DE (Germany)"}},
		{"DDR", []string{"East Germany", "DE (Germany)"}},
		{"East Germany", []string{"no longer a country", "DE (Germany)"}},
		{"FX", []string{"Metropolitan France", "FR (France)"}},
		{"FXX", []string{"FR (France)"}},
		{"BU", []string{"Burma", "MM (Myanmar)"}},
		{"BUR", []string{"MM (Myanmar)"}},
		{"ZR", []string{"Zaire", "CD (DR Congo)"}},
		{"ZAR", []string{"CD (DR Congo)"}},
		{"TP", []string{"East Timor", "TL (Timor-Leste)"}},
		{"TMP", []string{"TL (Timor-Leste)"}},
		{"YD", []string{"South Yemen", "YE (Yemen)"}},
		{"YMD", []string{"YE (Yemen)"}},
		{"YU", []string{"Yugoslavia", "RS (Serbia)", "ME (Montenegro)"}},
		{"YUG", []string{"RS (Serbia)", "ME (Montenegro)"}},
		{"Yugoslavia", []string{"RS (Serbia)", "ME (Montenegro)"}},
		{"CS", []string{"Serbia and Montenegro", "RS (Serbia)", "ME (Montenegro)"}},
		{"SCG", []string{"RS (Serbia)", "ME (Montenegro)"}},
		{"CSK", []string{"Czechoslovakia", "CZ (Czechia)", "SK (Slovakia)"}},
		{"AN", []string{"Netherlands Antilles", "CW (Curaçao)", "SX (Sint Maarten)", "BQ (Caribbean Netherlands)"}},
		{"ANT", []string{"CW (Curaçao)", "SX (Sint Maarten)", "BQ (Caribbean Netherlands)"}},
		{"SU", []string{"Soviet Union", "RU (Russia)", "UA", "BY", "KZ", "EE"}},
		{"SUN", []string{"RU (Russia)"}},
		{"USSR", []string{"RU (Russia)"}},
		{"NT", []string{"Neutral Zone", "SA (Saudi Arabia)", "IQ (Iraq)"}},
		{"DY", []string{"Dahomey", "BJ (Benin)"}},
		{"HV", []string{"Upper Volta", "BF (Burkina Faso)"}},
		{"NH", []string{"New Hebrides", "VU (Vanuatu)"}},
		{"RH", []string{"Rhodesia", "ZW (Zimbabwe)"}},
		{"ROM", []string{"RO (Romania)"}},
		{"AC", []string{"Ascension Island", "SH (St. Helena)"}},
		{"IC", []string{"Canary Islands", "ES (Spain)"}},
		{"Canary Islands", []string{"no ISO country code of its own", "ES (Spain)"}},
		{"EU", []string{"not a country", "European Union", "WW"}},
		{"European Union", []string{"not a country", "WW"}},
		{"EZ", []string{"not a country", "Eurozone"}},
		{"UN", []string{"not a country", "United Nations"}},
		{"QO", []string{"not a country", "Outlying Oceania"}},
		{"XA", []string{"not a country", "pseudo-locale"}},
		{"XB", []string{"not a country", "pseudo-locale"}},
	} {
		code, err := ParseCountry(tc.in)
		if err == nil {
			t.Errorf("ParseCountry(%q) = %q; want it refused", tc.in, code)
			continue
		}
		if !strings.HasPrefix(err.Error(), fmt.Sprintf("%q ", tc.in)) {
			t.Errorf("ParseCountry(%q): %q does not start with the text given", tc.in, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("ParseCountry(%q): %q does not say %q", tc.in, err, w)
			}
		}
		if ValidCountry(strings.ToUpper(tc.in)) {
			t.Errorf("ValidCountry(%q) = true; want false", strings.ToUpper(tc.in))
		}
	}
	_, err := ParseCountry("DD")
	if want := `"DD" is a withdrawn code (East Germany): use DE (Germany)`; err == nil || err.Error() != want {
		t.Errorf("ParseCountry(DD) = %v; want %s", err, want)
	}
}

func TestParseCountry_Unknown(t *testing.T) {
	for in, want := range map[string]string{
		"Narnia":   `"Narnia" is not a known country (expected a code such as IN, a name such as India, or WW)`,
		" Narnia ": `"Narnia" is not a known country (expected a code such as IN, a name such as India, or WW)`,
		"":         "no country given (expected a code such as IN, a name such as India, or WW)",
		" \t ":     "no country given (expected a code such as IN, a name such as India, or WW)",
		"-":        `"-" is not a known country (expected a code such as IN, a name such as India, or WW)`,
		"I\x1b[2J": `"I\x1b[2J" is not a known country (expected a code such as IN, a name such as India, or WW)`,
		"Indiaß":   `"Indiaß" is not a known country (did you mean India, IN? expected a code such as IN, a name such as India, or WW)`,
		// Misspelt: one edit for a short name, two for a longer one, and
		// never a guess between two as near (a new user's walkthrough
		// typed Indai and Inida).
		"Indai":       `"Indai" is not a known country (did you mean India, IN? expected a code such as IN, a name such as India, or WW)`,
		"Inida":       `"Inida" is not a known country (did you mean India, IN? expected a code such as IN, a name such as India, or WW)`,
		"Indonesai":   `"Indonesai" is not a known country (did you mean Indonesia, ID? expected a code such as IN, a name such as India, or WW)`,
		"Grmany":      `"Grmany" is not a known country (did you mean Germany, DE? expected a code such as IN, a name such as India, or WW)`,
		"Maly":        `"Maly" is not a known country (did you mean Mali, ML? expected a code such as IN, a name such as India, or WW)`,
		"Irax":        `"Irax" is not a known country (expected a code such as IN, a name such as India, or WW)`, // Iran or Iraq: no guess
		"\x00IN":      `"\x00IN" is not a known country (expected a code such as IN, a name such as India, or WW)`,
		"\xff":        `"\xff" is not a known country (expected a code such as IN, a name such as India, or WW)`,
		"XX":          `"XX" is not a known country (expected a code such as IN, a name such as India, or WW)`,
		"Independent": `"Independent" is not a known country (expected a code such as IN, a name such as India, or WW)`,
	} {
		code, err := ParseCountry(in)
		if err == nil || err.Error() != want {
			t.Errorf("ParseCountry(%q) = %q, %v; want %s", in, code, err, want)
		}
	}
	// Longer than any name: refused without looking further.
	long := strings.Repeat("a", maxCountryKey+1)
	if _, err := ParseCountry(long); err == nil {
		t.Errorf("ParseCountry of %d letters: no error", len(long))
	}
	if _, err := ParseCountry(strings.Repeat(" ", 1000) + "India" + strings.Repeat(" ", 1000)); err != nil {
		t.Errorf("ParseCountry of India in many spaces: %v", err)
	}
}

func TestCountryCodes(t *testing.T) {
	codes := CountryCodes()
	if len(codes) != 251 {
		t.Fatalf("CountryCodes() gives %d codes; want 251 (249 ISO 3166-1 codes, XK and ZZ for unknown)", len(codes))
	}
	if !slices.IsSorted(codes) || len(slices.Compact(slices.Clone(codes))) != len(codes) {
		t.Errorf("CountryCodes() is not sorted without repeats: %v", codes)
	}
	if slices.Contains(codes, Worldwide) || !slices.Contains(codes, "XK") {
		t.Errorf("CountryCodes() should hold XK and not WW")
	}
	codes[0] = "ZZ"
	if CountryCodes()[0] != "AD" {
		t.Errorf("CountryCodes() shares its slice between calls")
	}
	// Every two letters: exactly those codes and WW are valid.
	valid := 0
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			if !ValidCountry(code) {
				continue
			}
			valid++
			if got, err := ParseCountry(code); err != nil || got != code {
				t.Errorf("ParseCountry(%q) = %q, %v; want the code back", code, got, err)
			}
		}
	}
	if valid != 252 {
		t.Errorf("%d valid codes; want 252 (249 ISO 3166-1 codes, XK, ZZ and WW)", valid)
	}
	for _, code := range []string{"in", "IND", "India", "", "W", "WWW"} {
		if ValidCountry(code) {
			t.Errorf("ValidCountry(%q) = true; want false (codes only, in capitals)", code)
		}
	}
}

func TestCountryName(t *testing.T) {
	for code, want := range map[string]string{
		"IN": "India", "US": "United States", "GB": "United Kingdom", "TR": "Türkiye",
		"MK": "North Macedonia", "SZ": "Eswatini", "HK": "Hong Kong", "MO": "Macao",
		"PS": "Palestine", "CZ": "Czechia", "CI": "Côte d'Ivoire", "CV": "Cabo Verde",
		"MM": "Myanmar", "CD": "DR Congo", "CG": "Congo", "XK": "Kosovo", "WW": "Worldwide",
		"DD": "DD", "in": "in", "\x1b[2J": "\uFFFD[2J",
	} {
		if got := CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q; want %q", code, got, want)
		}
	}
	if got := CountryLabel("IN"); got != "IN India" {
		t.Errorf("CountryLabel(IN) = %q", got)
	}
	if got := CountryLabel(Worldwide); got != "WW Worldwide" {
		t.Errorf("CountryLabel(WW) = %q", got)
	}
}

// Every code has its own name, which reads back as the code, and its
// alpha-3 code reads back as the code too.
func TestCountryName_Unique(t *testing.T) {
	seen := map[string]string{}
	for _, code := range append(CountryCodes(), Worldwide) {
		name, alpha3, ok := countryRow(code)
		if !ok || name == "" || Sanitize(name) != name || len(name) > 30 {
			t.Errorf("countryRow(%q) = %q, %v", code, name, ok)
		}
		var buf [maxCountryKey]byte
		n, _ := foldCountry(&buf, name)
		key := string(buf[:n])
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s are both shown as %q", other, code, name)
		}
		seen[key] = code
		if got, err := ParseCountry(name); err != nil || got != code {
			t.Errorf("ParseCountry(%q) = %q, %v; want %s", name, got, err, code)
		}
		if code == Worldwide || code == Unknown {
			continue
		}
		if got, err := ParseCountry(alpha3); len(alpha3) != 3 || err != nil || got != code {
			t.Errorf("ParseCountry(%q) = %q, %v; want %s", alpha3, got, err, code)
		}
	}
}

// The table is what the generator writes, and every name and code the
// generator lists reads as it says.
func TestCountryTable_Generated(t *testing.T) {
	dir := t.TempDir()
	table, names := filepath.Join(dir, "country_table.go"), filepath.Join(dir, "names.txt")
	regions := filepath.Join(dir, "region_table.go")
	cmd := exec.Command("go", "run", "../internal/gencountries", "-o", table, "-regions", regions, "-names", names)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ../internal/gencountries: %v\n%s", err, out)
	}
	for _, file := range []string{table, regions} {
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Base(file))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what internal/gencountries writes: run go generate ./figures (and edit the lists in internal/gencountries, not the table)", filepath.Base(file))
		}
	}
	f, err := os.Open(names)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	lines := 0
	for sc := bufio.NewScanner(f); sc.Scan(); lines++ {
		text, target, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("names line %q has no tab", sc.Text())
		}
		code, err := ParseCountry(text)
		if msg, refused := strings.CutPrefix(target, "!"); refused {
			if want := fmt.Sprintf("%q %s", text, msg); err == nil || err.Error() != want {
				t.Errorf("ParseCountry(%q) = %q, %v; want %s", text, code, err, want)
			}
			continue
		}
		if err != nil || code != target {
			t.Errorf("ParseCountry(%q) = %q, %v; want %s", text, code, err, target)
		}
		if up, err := ParseCountry(strings.ToUpper(text)); err != nil || up != target {
			t.Errorf("ParseCountry(%q) = %q, %v; want %s", strings.ToUpper(text), up, err, target)
		}
	}
	if lines < 900 {
		t.Errorf("the generator lists only %d names and codes", lines)
	}
}

// FuzzParseCountry: any text gives a valid code or an error, and the
// same answer in other letter case and with spaces around.
func FuzzParseCountry(f *testing.F) {
	for _, s := range []string{"IN", "ind", "India", "Türkiye", "Cote d’Ivoire", "DD", "UK", "u.s.a.", "Narnia", "", " - ", "Tu\u0308rkiye"} {
		f.Add(s)
	}
	swapCase := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				b[i] ^= 0x20
			}
		}
		return string(b)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := ParseCountry(s)
		if err == nil && !ValidCountry(code) {
			t.Fatalf("ParseCountry(%q) = %q, not a valid code", s, code)
		}
		for _, other := range []string{swapCase(s), "  " + s + "\t"} {
			code2, err2 := ParseCountry(other)
			if code2 != code || (err == nil) != (err2 == nil) {
				t.Fatalf("ParseCountry(%q) = %q, %v but ParseCountry(%q) = %q, %v", s, code, err, other, code2, err2)
			}
		}
	})
}

// BenchmarkParseCountry reads what an import's country column holds:
// mostly codes, some names, a few alpha-3 codes and a little untidiness.
func BenchmarkParseCountry(b *testing.B) {
	for _, bc := range []struct {
		name   string
		inputs []string
	}{
		{"code", []string{"IN", "US", "BR", "id", "GB", "WW", "DE", "fr"}},
		{"alpha3", []string{"IND", "USA", "bra", "IDN", "GBR", "DEU"}},
		{"name", []string{"India", "United States", "Brazil", " indonesia ", "Turkey", "Côte d’Ivoire", "Worldwide"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if _, err := ParseCountry(bc.inputs[i%len(bc.inputs)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
		})
	}
}
