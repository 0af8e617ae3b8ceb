package seed

import (
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

func TestParseSheetMonth(t *testing.T) {
	for in, want := range map[string]string{
		// uptake's own
		"2020-08": "2020-08", "2020/8": "2020-08", "2020.08": "2020-08",
		// dates, the day dropped
		"2020-08-01": "2020-08", "2020/08/31": "2020-08", "2020.8.1": "2020-08",
		"2020-08-01 00:00:00": "2020-08", "2020-08-01T00:00:00Z": "2020-08", "2020-08-01T00:00:00.000+02:00": "2020-08",
		// month/day/year, as US Excel writes it: 08/01/2020 is August
		"8/1/2020": "2020-08", "08/01/2020": "2020-08", "8/15/2020": "2020-08", "12/31/99": "1999-12", "8/1/20": "2020-08",
		"8/1/2020 0:00": "2020-08", "8/1/2020 12:00 AM": "2020-08",
		// a month and a year
		"Aug-20": "2020-08", "Aug 20": "2020-08", "aug-2020": "2020-08", "Aug 2020": "2020-08", "AUGUST 2020": "2020-08",
		"Aug. 2020": "2020-08", "Sept 2020": "2020-09", "May 2024": "2024-05", "2020 Aug": "2020-08", "2020-Aug": "2020-08",
		"08/2020": "2020-08", "8-2020": "2020-08", "Dec-29": "2029-12", "Jan-90": "1990-01",
		// a day, a month name and a year
		"1-Aug-20": "2020-08", "01 Aug 2020": "2020-08", "Aug 1, 2020": "2020-08", "31-Dec-2099": "2099-12",
		// a time is dropped, not checked
		"2020-08-01T25:61": "2020-08",
	} {
		got, err := parseSheetMonth(in)
		if err != nil || got.String() != want {
			t.Errorf("parseSheetMonth(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
}

func TestParseSheetMonth_refused(t *testing.T) {
	for in, want := range map[string]string{
		"":             "no month given",
		"2020-13":      `"2020-13" has month 13; months run 01 to 12`,
		"1989-12":      "out of range",
		"13/08/2020":   "is day/month/year, but uptake reads 8/1/2020 as month/day/year",
		"01.08.2020":   "may be day-month-year or month-day-year",
		"08-01-2020":   "may be day-month-year or month-day-year",
		"2/30/2020":    "has day 30, but Feb 2020 has 29 days",
		"2/29/2021":    "has day 29, but Feb 2021 has 28 days",
		"2020-06-31":   "has day 31, but Jun 2020 has 30 days",
		"8/0/2020":     "has day 0",
		"Aug":          "has no year",
		"Aug 1":        "has no year",
		"8/20":         "has no year",
		"2020":         "is a year, not a month",
		"Q3 2020":      "is a quarter",
		"2020 Q3":      "is a quarter",
		"Agu 2020":     "is not a month",
		"Aug 2020 est": "is not a month",
		"202008":       "is not a month",
		"44044":        "is not a month",
		"Aug 020":      "is not a month",
		"8//2020":      "is not a month",
		"2020-08-01 x": "is not a month",
		"Jan-30":       "out of range", // Excel reads 30 as 1930
		"août 2020":    "is not a month",
		"Aug2020":      "is not a month",
	} {
		got, err := parseSheetMonth(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parseSheetMonth(%q) = %s, %v; want an error saying %q", in, got, err, want)
		}
	}
}

// uptake CSV takes the months spreadsheets re-save in from and to, and in
// UTF-16 tab-separated text as Excel saves "Unicode Text".
func TestReadCSV_sheetMonths(t *testing.T) {
	aug, sep := month(t, "2020-08"), month(t, "2020-09")
	want := []figures.Figure{
		{App: "Resso", Country: "IN", From: aug, To: aug, Installs: 1, Source: "ST"},               // 2020-08-01
		{App: "Resso", Country: "BR", From: aug, To: sep, Installs: 2, Source: "ST"},               // 8/1/2020 to 9/30/2020
		{App: "Resso", Country: "ID", From: aug, To: aug, Installs: 3_600_000, Source: "ST"},       // Aug-20
		{App: "Resso", Country: "US", From: sep, To: sep, Installs: 4, Source: "ST", Note: "Sept"}, // Sep 2020, to Sep-20
	}
	text := "app\tcountry\tfrom\tto\tinstalls\tsource\tnote\r\n" +
		"Resso\tIN\t2020-08-01\t\t1\tST\t\r\n" +
		"Resso\tBR\t8/1/2020\t9/30/2020\t2\tST\t\r\n" +
		"Resso\tID\tAug-20\tAug 2020\t\"3,600,000\"\tST\t\r\n" +
		"Resso\tUS\tSep 2020\tSep-20\t4\tST\tSept\r\n"
	for name, text := range map[string]string{
		"UTF-16LE tabs (Unicode Text)": utf16LE(text),
		"UTF-16BE tabs":                utf16BE(text),
		"UTF-8 tabs":                   text,
		"sep=; and semicolons":         "sep=;\r\n" + strings.ReplaceAll(text, "\t", ";"),
	} {
		t.Run(name, func(t *testing.T) {
			rec, u := readAs(t, "f.txt", text, Options{})
			if u.Format != "uptake CSV" {
				t.Errorf("read as %q", u.Format)
			}
			checkFigures(t, rec.figures, want)
			readBothWays(t, text, false)
		})
	}
	// A day-first date is refused, never read as another month; launched
	// stays YYYY-MM.
	_, ps := readCSV(t, "f.csv", "app,country,from,installs\nResso,IN,13/08/2020,1\n")
	if want := `f.csv:2: from: "13/08/2020" is day/month/year, but uptake reads 8/1/2020 as month/day/year, as US Excel writes it (write the month as 2020-08 or Aug 2020)`; strs(ps) != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strs(ps), want)
	}
}

func FuzzSheetMonth(f *testing.F) {
	for _, s := range []string{"2020-08", "2020-08-01", "8/1/2020", "Aug-20", "Aug 2020", "1-Aug-20", "Aug 1, 2020",
		"2020-08-01T00:00:00.000+02:00", "8/1/2020 12:00 AM", "13/08/2020", "Q3 2020", "Aug.", "08/2020", "2020 Aug", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := parseSheetMonth(s)
		if err != nil {
			if m != 0 || err.Error() == "" || len(err.Error()) > 400 {
				t.Fatalf("parseSheetMonth(%q) = %v, %q", s, m, err)
			}
			return
		}
		if !m.Valid() {
			t.Fatalf("parseSheetMonth(%q) = %v, out of range", s, m)
		}
		// What uptake writes reads back as the same month.
		for _, again := range []string{m.String(), m.String() + "-01", monthAbbr[m.Num()-1] + " " + m.String()[:4]} {
			if m2, err := parseSheetMonth(again); err != nil || m2 != m {
				t.Fatalf("parseSheetMonth(%q) = %v, %v; want %v (from %q)", again, m2, err, m, s)
			}
		}
		// The year it names is in the text, in full or as two digits.
		y := m.String()[:4]
		if !strings.Contains(s, y) && !strings.Contains(s, y[2:]) {
			t.Fatalf("parseSheetMonth(%q) = %v, a year the text does not hold", s, m)
		}
	})
}
