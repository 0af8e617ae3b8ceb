package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// TestImport_SpreadsheetsAndTheBlankMonth: a wide CSV as Excel saves
// "CSV UTF-8" (BOM, CRLF, quoted thousands, a Total row), the same as an
// .xlsx workbook, and an uptake CSV saved by Excel as "Unicode Text"
// (UTF-16, tabs, months re-saved as dates) all import; the blank June
// cell is no figure, and Curves shows June as a gap (–), never 0.
func TestImport_SpreadsheetsAndTheBlankMonth(t *testing.T) {
	dir := t.TempDir()
	wide := filepath.Join(dir, "installs.csv")
	os.WriteFile(wide, []byte("\ufeffApp,Country,May 2024,Jun 2024,Jul 2024\r\nResso,India,\"1,000\",,300\r\nTotal,,\"1,000\",,300\r\n"), 0o644)

	book := excelize.NewFile()
	rows := [][]any{{"App", "Country", "May 2024", "Jun 2024", "Jul 2024"}, {"Spotify", "IN", 2000, nil, 600}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := book.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	xlsx := filepath.Join(dir, "book.xlsx")
	if err := book.SaveAs(xlsx); err != nil {
		t.Fatal(err)
	}

	text := "app\tcountry\tfrom\tto\tinstalls\tsource\r\nAnghami\tSA\t8/1/2020\t\t1500\tconsole\r\nAnghami\tSA\t2020-09-01\t\t1700\tconsole\r\nAnghami\tSA\tOct-20\t\t1900\tconsole\r\n"
	u := utf16.Encode([]rune(text))
	b := []byte{0xff, 0xfe}
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	unicodeText := filepath.Join(dir, "unicode.txt")
	os.WriteFile(unicodeText, b, 0o644)

	db := filepath.Join(dir, "x.db")
	code, _, msg := runCLI(t, "", "-db", db, "-import", wide, xlsx, unicodeText, "-no-ui")
	if code != 0 || !strings.Contains(msg, "7 figures added") || !strings.Contains(msg, "1 row of totals skipped") {
		t.Fatalf("import: exit %d\n%s", code, msg)
	}
	for _, app := range []string{"Resso", "Spotify"} {
		_, out, _ := runCLI(t, "", "-db", db, "-export", "curves", "-app", app, "-country", "IN", "-format", "csv")
		if !strings.Contains(out, "2024-06,"+app+",IN,all,,,gap,") {
			t.Errorf("%s: June is not a gap:\n%s", app, out)
		}
		_, out, _ = runCLI(t, "", "-db", db, "-export", "curves", "-app", app, "-country", "IN")
		if !regexp.MustCompile(`\n2024-06 +– *\n`).MatchString(out) {
			t.Errorf("%s: June is not drawn as –:\n%s", app, out)
		}
	}
	_, out, _ := runCLI(t, "", "-db", db, "-export", "curves", "-app", "Anghami", "-country", "SA", "-format", "csv")
	for _, want := range []string{"2020-08,Anghami,SA,all,1500", "2020-09,Anghami,SA,all,1700", "2020-10,Anghami,SA,all,1900"} {
		if !strings.Contains(out, want) {
			t.Errorf("the UTF-16 file's months: lacks %q:\n%s", want, out)
		}
	}
}
