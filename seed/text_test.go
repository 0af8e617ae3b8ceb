package seed

import (
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"

	"github.com/uptake/uptake/figures"
)

// utf16LE and utf16BE write s as UTF-16, with a byte order mark first.
func utf16LE(s string) string { return "\xff\xfe" + utf16Units(s, false) }
func utf16BE(s string) string { return "\xfe\xff" + utf16Units(s, true) }

// utf16Units writes s as UTF-16 without a byte order mark.
func utf16Units(s string, big bool) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			b.WriteByte(byte(u >> 8))
			b.WriteByte(byte(u))
		} else {
			b.WriteByte(byte(u))
			b.WriteByte(byte(u >> 8))
		}
	}
	return b.String()
}

// excelUnicodeText is a file as Excel saves "Unicode Text": UTF-16LE
// with a byte order mark, tabs, CRLF.
var excelUnicodeText = utf16LE("app\tcountry\tfrom\tto\tinstalls\tsource\r\n" +
	"Résumé 😀\tIN\t2020-08\t\t3600000\tST\r\nRésumé 😀\tID\t2020-08\t\t\"1,000\"\tST\r\n")

func TestRead_encodings(t *testing.T) {
	aug := month(t, "2020-08")
	two := []figures.Figure{
		{App: "Résumé 😀", Country: "IN", From: aug, To: aug, Installs: 3_600_000, Source: "ST"},
		{App: "Résumé 😀", Country: "ID", From: aug, To: aug, Installs: 1_000, Source: "ST"},
	}
	csvText := "app,country,from,installs,source\nRésumé 😀,IN,2020-08,3600000,ST\nRésumé 😀,ID,2020-08,\"1,000\",ST\n"
	jsonText := "{\"figures\": [\n{\"app\": \"Résumé 😀\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": 3600000, \"source\": \"ST\"},\n" +
		"{\"app\": \"R\\u00e9sum\\u00e9 \\ud83d\\ude00\", \"country\": \"ID\", \"from\": \"2020-08\", \"installs\": \"1,000\", \"source\": \"ST\"}\n]}\r\n"
	for _, tc := range []struct{ name, text string }{
		{"excel unicode text", excelUnicodeText},
		{"UTF-16LE CSV", utf16LE(csvText)},
		{"UTF-16BE CSV", utf16BE(csvText)},
		{"UTF-16LE CSV, CR", utf16LE(strings.ReplaceAll(csvText, "\n", "\r"))},
		{"UTF-16LE JSON", utf16LE(jsonText)},
		{"UTF-16BE JSON", utf16BE(jsonText)},
		{"CR", strings.ReplaceAll(csvText, "\n", "\r")},
		{"CR, no CR at the end", strings.TrimSuffix(strings.ReplaceAll(csvText, "\n", "\r"), "\r")},
		{"CR, blank lines first", "\r\r" + strings.ReplaceAll(csvText, "\n", "\r")},
		{"CR, BOM, quotes", "\ufeff" + strings.ReplaceAll(strings.ReplaceAll(csvText, ",ST\n", ",\"ST\"\n"), "\n", "\r")},
		{"CR JSON", strings.ReplaceAll(jsonText, "\n", "\r")},
		{"sep=;", "sep=;\n" + strings.ReplaceAll(strings.ReplaceAll(csvText, ",", ";"), "1;000", "1,000")},
		{"sep=, and BOM and CRLF", "\ufeffsep=,\r\n" + strings.ReplaceAll(csvText, "\n", "\r\n")},
		{"SEP= and a tab", "SEP=\t\n" + strings.ReplaceAll(strings.ReplaceAll(csvText, "\"1,000\"", "1000"), ",", "\t")},
		{"sep=, as a spreadsheet saves it again", "\"sep=,\",,,,\n" + csvText},
		{"sep=, in UTF-16 with CR", utf16BE(strings.ReplaceAll("sep=,\n"+csvText, "\n", "\r"))},
	} {
		for _, name := range []string{"f.csv", "f.json", "f.txt", "-"} {
			isJSON := strings.Contains(tc.name, "JSON")
			if isJSON && name == "f.csv" || !isJSON && name == "f.json" {
				continue
			}
			t.Run(tc.name+" as "+name, func(t *testing.T) {
				rec := &recorder{}
				ps := Read(strings.NewReader(tc.text), name, rec)
				if len(ps) > 0 {
					t.Fatalf("problems:\n%s", strs(ps))
				}
				checkFigures(t, rec.figures, two)
				rec2 := &recorder{}
				ps2 := Read(iotest.OneByteReader(strings.NewReader(tc.text)), name, rec2)
				sameRead(t, rec, ps, rec2, ps2)
				if !isJSON {
					readBothWays(t, tc.text, false)
				}
			})
		}
	}
}

func TestRead_encodingProblems(t *testing.T) {
	bad := "app,country,from,installs\nResso,IN,2020-08,1\nResso,IN,2020-08,x\n"
	const badAt3 = `f.csv:3: installs: "x" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)`
	const resave = "(save it as CSV UTF-8, or as Unicode Text from Excel)"
	for name, tc := range map[string]struct{ text, want string }{
		"UTF-16LE without a byte order mark": {utf16Units(bad, false),
			"f.csv:1: the file looks like UTF-16 text without a byte order mark, which uptake cannot read reliably " + resave},
		"UTF-16BE without a byte order mark": {utf16Units(bad, true),
			"f.csv:1: the file looks like UTF-16 text without a byte order mark, which uptake cannot read reliably " + resave},
		"NUL bytes": {"\x00\x00\x00\x01\x02\x00\x00\x00\x00\x00\x03\x00",
			"f.csv:1: the file holds NUL bytes, so it is not UTF-8 text: it may be UTF-16 without a byte order mark, or not a CSV or JSON file at all " + resave},
		"UTF-32":                      {"\xff\xfe\x00\x00a\x00\x00\x00", "f.csv:1: the file is UTF-32 text, which uptake does not read " + resave},
		"lines kept in UTF-16LE":      {utf16LE(bad), badAt3},
		"lines kept in UTF-16BE, CR":  {utf16BE(strings.ReplaceAll(bad, "\n", "\r")), badAt3},
		"lines kept with CR":          {strings.ReplaceAll(bad, "\n", "\r"), badAt3},
		"lines kept after sep=":       {"sep=,\n" + strings.Replace(bad, "Resso,IN,2020-08,1\n", "", 1), badAt3},
		"lines kept after sep=, slow": {"sep=,\n\"app\",country,from,installs\nResso,IN,2020-08,x\n", badAt3},
		"half a surrogate pair in UTF-16": {utf16LE("app,country,from,installs\nResso,IN,2020-08,1\nRes") + "\x3d\xd8" + utf16Units("so,IN,2020-08,1\n", false),
			"f.csv:3: the file is UTF-16 text, and a character here is broken: half of a surrogate pair, or a lone byte at the end (save the file again from the program that made it, as CSV UTF-8 if you can)"},
		"the other half first in UTF-16": {utf16BE("app,country,from,installs\n") + "\xde\x00" + utf16Units("Resso,IN,2020-08,1\n", true),
			"f.csv:2: the file is UTF-16 text, and a character here is broken: half of a surrogate pair, or a lone byte at the end (save the file again from the program that made it, as CSV UTF-8 if you can)"},
		"a lone byte at the end of UTF-16": {utf16LE("app,country,from,installs\nResso,IN,2020-08,1\n\n") + "x",
			"f.csv:4: the file is UTF-16 text, and a character here is broken: half of a surrogate pair, or a lone byte at the end (save the file again from the program that made it, as CSV UTF-8 if you can)"},
		"sep=|": {"sep=|\napp|country|from|installs\n",
			`f.csv:1: the first line "sep=|" names "|" as the separator (expected sep=, or sep=; or sep= and a tab: uptake reads fields separated by commas, semicolons or tabs)`},
		"sep= alone": {"sep=\r\napp,country,from,installs\n",
			`f.csv:1: the first line "sep=" names nothing as the separator (expected sep=, or sep=; or sep= and a tab: uptake reads fields separated by commas, semicolons or tabs)`},
		"sep= and more": {"sep=;x\napp;country;from;installs\n",
			`f.csv:1: the first line "sep=;x" has more after the separator (expected only sep= and one separator, e.g. sep=;)`},
		"sep=, and no header": {"sep=,", "f.csv:1: the file is empty (expected a header row: app,country,from,to,installs,...)"},
	} {
		t.Run(name, func(t *testing.T) {
			rec, ps := readCSV(t, "f.csv", tc.text)
			if got := strs(ps); got != tc.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tc.want)
			}
			rec2 := &recorder{}
			ps2 := ReadCSV(iotest.OneByteReader(strings.NewReader(tc.text)), "f.csv", rec2)
			sameRead(t, rec, ps, rec2, ps2)
			readBothWays(t, tc.text, false)
		})
	}
}

func TestReadJSON_encodingProblems(t *testing.T) {
	bad := "{\"figures\": [\n{\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": 1},\n" +
		"{\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": \"x\"}]}"
	const badAt3 = `f.json:3: figures[1].installs: "x" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)`
	for name, tc := range map[string]struct{ text, want string }{
		"lines kept in UTF-16LE":     {utf16LE(bad), badAt3},
		"lines kept in UTF-16BE, CR": {utf16BE(strings.ReplaceAll(bad, "\n", "\r")), badAt3},
		"lines kept with CR":         {strings.ReplaceAll(bad, "\n", "\r"), badAt3},
		"UTF-16 without a byte order mark": {utf16Units(bad, false),
			"f.json:1: the file looks like UTF-16 text without a byte order mark, which uptake cannot read reliably (save it as CSV UTF-8, or as Unicode Text from Excel)"},
		"half a surrogate pair in UTF-16": {utf16LE("{\"apps\": [\n{\"name\": \"A\"},\n{\"name\": \"") + "\x3d\xd8" + utf16Units("\"}]}", false),
			"f.json:3: the file is UTF-16 text, and a character here is broken: half of a surrogate pair, or a lone byte at the end (save the file again from the program that made it, as CSV UTF-8 if you can)"},
	} {
		t.Run(name, func(t *testing.T) {
			checkJSONProblems(t, tc.text, tc.want)
		})
	}
}
