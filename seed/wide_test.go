package seed

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

// wideFigure is a figure of the test sheets, with its note.
func wideFigure(t *testing.T, app, country string, p figures.Platform, mon string, n int64, source, note string) figures.Figure {
	m := month(t, mon)
	return figures.Figure{App: app, Country: country, Platform: p, From: m, To: m, Installs: n, Source: source, Note: note}
}

// wideCSVFigures are the figures of testdata/sheet/wide.csv, worked out by
// hand from the file:
//
//	App,Country,Platform,Publisher,May 2024,2024-06,Jul-24,8/1/2024
//	Resso,India,ios,ByteDance,"1,234,567",,3.6M,0           (line 2)
//	Resso,Brazil,,ByteDance,950k,"2,000",12,                (line 3)
//	CapCut,United States,android,ByteDance,,,"1,000,000",   (line 4)
//	Total,,,,"2,184,567","2,000","4,600,012",0              (line 5: skipped)
//
// Resso IN in Jun 2024, Resso BR in Aug 2024 and CapCut US in May, Jun
// and Aug 2024 are blank: no figure, not 0. Resso IN's 0 in Aug 2024 is a
// figure of 0.
func wideCSVFigures(t *testing.T, file string) []figures.Figure {
	f := func(app, country string, p figures.Platform, mon string, n int64, line, col string) figures.Figure {
		return wideFigure(t, app, country, p, mon, n, file, file+": row "+line+", column "+col)
	}
	return []figures.Figure{
		f("Resso", "IN", figures.IOS, "2024-05", 1_234_567, "2", "May 2024"), // "1,234,567"
		f("Resso", "IN", figures.IOS, "2024-07", 3_600_000, "2", "Jul-24"),   // 3.6M
		f("Resso", "IN", figures.IOS, "2024-08", 0, "2", "8/1/2024"),         // an explicit 0
		f("Resso", "BR", figures.AllPlatforms, "2024-05", 950_000, "3", "May 2024"),
		f("Resso", "BR", figures.AllPlatforms, "2024-06", 2_000, "3", "2024-06"),
		f("Resso", "BR", figures.AllPlatforms, "2024-07", 12, "3", "Jul-24"),
		f("CapCut", "US", figures.Android, "2024-07", 1_000_000, "4", "Jul-24"),
	}
}

func TestReadWide_csv(t *testing.T) {
	data, err := os.ReadFile("testdata/sheet/wide.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "\ufeff") || !strings.Contains(string(data), "\r\n") {
		t.Fatal("testdata/sheet/wide.csv should be as Excel writes CSV UTF-8: a BOM and CRLF")
	}
	rec, u := readAs(t, "testdata/sheet/wide.csv", string(data), Options{})
	checkFigures(t, rec.figures, wideCSVFigures(t, "wide.csv"))
	wantApps := []figures.App{{Name: "Resso", Publisher: "ByteDance"}, {Name: "CapCut", Publisher: "ByteDance"}}
	if !slices.Equal(rec.apps, wantApps) {
		t.Errorf("apps = %+v; want %+v", rec.apps, wantApps)
	}
	if u.Format != wideFormatName {
		t.Errorf("format = %q", u.Format)
	}
	want := "installs, one column per month (May 24..Aug 24, 4 months); 1 row of totals skipped (row 5)"
	if u.Metric != want {
		t.Errorf("understood %q; want %q", u.Metric, want)
	}
	// A blank cell is no figure: no Resso IN of June, no CapCut but July.
	for _, f := range rec.figures {
		if f.App == "CapCut" && f.From != month(t, "2024-07") || f.Country == "IN" && f.From == month(t, "2024-06") {
			t.Errorf("a figure from a blank cell: %v", f)
		}
	}
}

// The same sheet as Excel saves it otherwise: semicolons and sep=;, tabs,
// UTF-16 ("Unicode Text"), no BOM, LF; and with a source given.
func TestReadWide_separatorsAndEncodings(t *testing.T) {
	data, err := os.ReadFile("testdata/sheet/wide.csv")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	semi := strings.NewReplacer(`"1,234,567"`, "1234567", `"2,000"`, "2000", `"1,000,000"`, "1,000,000", `"2,184,567"`, "2184567", `"4,600,012"`, "4600012", ",", ";").Replace(text)
	tabs := strings.ReplaceAll(semi, ";", "\t")
	for name, text := range map[string]string{
		"semicolons":             semi,
		"sep=; and semicolons":   "sep=;\r\n" + semi,
		"tabs":                   tabs,
		"UTF-16LE tabs":          utf16LE(tabs),
		"UTF-16BE, LF":           utf16BE(strings.ReplaceAll(text, "\r\n", "\n")),
		"LF, no BOM":             strings.ReplaceAll(text, "\r\n", "\n"),
		"blank lines and spaces": "\r\n" + strings.ReplaceAll(text, "Resso,", " Resso ,"),
	} {
		t.Run(name, func(t *testing.T) {
			rec, _ := readAs(t, "wide.csv", text, Options{})
			want := wideCSVFigures(t, "wide.csv")
			if strings.HasPrefix(name, "sep=") || strings.HasPrefix(name, "blank") {
				for i := range want { // the rows are a line further down
					want[i].Note = strings.NewReplacer("row 2", "row 3", "row 3", "row 4", "row 4", "row 5").Replace(want[i].Note)
				}
			}
			checkFigures(t, rec.figures, want)
		})
	}
	// A source given for the import, and a Source and an Estimate column.
	rec, _ := readAs(t, "wide.csv", text, Options{Source: "Sensor Tower"})
	for _, f := range rec.figures {
		if f.Source != "Sensor Tower" {
			t.Errorf("source = %q; want the one given", f.Source)
		}
	}
	rec, _ = readAs(t, "w.csv", "app,country,source,estimate,note,Aug 2020\nResso,IN,data.ai,yes,from a chart,5\nResso,IN,,,,6\n", Options{Source: "ST"})
	checkFigures(t, rec.figures, []figures.Figure{
		{App: "Resso", Country: "IN", From: month(t, "2020-08"), To: month(t, "2020-08"), Installs: 5, Source: "data.ai", Note: "w.csv: row 2, column Aug 2020; from a chart", Estimate: true},
		{App: "Resso", Country: "IN", From: month(t, "2020-08"), To: month(t, "2020-08"), Installs: 6, Source: "ST", Note: "w.csv: row 3, column Aug 2020"},
	})
}

// Month headers in every form a spreadsheet writes them.
func TestReadWide_headers(t *testing.T) {
	rec, u := readAs(t, "m.csv", "Name,Market,Aug 2020,2020-09-01,10/1/2020,Nov-20,December 2020,2021-01,02/2021,2021-03-01 00:00:00,Total\n"+
		"Resso,IN,1,2,3,4,5,6,7,8,36\n", Options{})
	if len(rec.figures) != 8 {
		t.Fatalf("%d figures: %v", len(rec.figures), rec.figures)
	}
	for i, f := range rec.figures {
		if want := figures.MonthOf(2020, 8).Add(i); f.From != want || f.Installs != int64(i+1) {
			t.Errorf("figure %d: %v; want %s, %d", i, f, want, i+1)
		}
	}
	if want := `installs, one column per month (Aug 20..Mar 21, 8 months); 1 column of totals skipped ("Total")`; u.Metric != want {
		t.Errorf("understood %q; want %q", u.Metric, want)
	}
}

// uptake's own CSV is never taken for a wide sheet, nor the other way.
func TestReadWide_recognition(t *testing.T) {
	for text, want := range map[string]bool{
		"App,Country,May 2024\nResso,IN,1\n":                  true,
		"\ufeffapp;country;2024-05\nResso;IN;1\n":             true,
		"sep=,\nProduct,Country code,Aug-20\nResso,IN,1\n":    true,
		"app,country,from,to,installs\nResso,IN,2020-08,,1\n": false,
		"app,country,from,installs,2020-08\n":                 false, // uptake's, with a stray column
		"App,Country,Month,Downloads\nResso,IN,2020-08,1\n":   false,
		"App,May 2024\nResso,1\n":                             false, // no country
		"app,country,launched\nResso,IN,2020-03\n":            false,
	} {
		if got := looksLikeWide([]byte(text)); got != want {
			t.Errorf("looksLikeWide(%q) = %v; want %v", text, got, want)
		}
	}
	// A header longer than what recognition sees is still recognised.
	long := "App,Country"
	for m := figures.MonthOf(1990, 1); m < figures.MonthOf(2040, 1); m++ {
		long += "," + m.String()
	}
	if !looksLikeWide([]byte(long + "\n")[:4096]) {
		t.Error("a header of 600 months, cut at 4 KB, is not recognised")
	}
	// A file that has months for columns but no country says so.
	_, ps := ReadWith(strings.NewReader("App,May 2024\nResso,1\n"), "x.csv", &recorder{}, Options{})
	if !strings.Contains(strs(ps), "lacks a Country column") {
		t.Errorf("problems do not name the missing Country column:\n%s", strs(ps))
	}
}

// A bad file says where and what, and gives nothing.
func TestReadWide_problems(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"a month that does not parse next to ones that do": {
			"App,Country,Jul 2020,Agu 2020,Sep 2020\nResso,IN,1,2,3\n",
			`bad.csv:1: Agu 2020: "Agu 2020" is not a month (expected a month such as 2020-08, Aug 2020, Aug-20, 2020-08-01 or 8/1/2020); every column but App, Country, Platform, Source, Publisher, Estimate, Note and Total is read as a month (rename the column, or remove it)`,
		},
		"a number that is not one": {
			"App,Country,Jul 2020,Aug 2020\nResso,IN,1,2\nResso,BR,3,lots\n",
			`bad.csv:3: Aug 2020: "lots" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)`,
		},
		"an unknown country": {
			"App,Country,Jul 2020\nResso,Atlantis,1\nResso,IN,2\n",
			`bad.csv:2: Country: "Atlantis" is not a known country (expected a code such as IN, a name such as India, or WW)`,
		},
		"day-first dates": {
			"App,Country,13/07/2020,01/08/2020\nResso,IN,1,2\n",
			`bad.csv:1: 13/07/2020: "13/07/2020" is day/month/year, but uptake reads 8/1/2020 as month/day/year, as US Excel writes it (write the month as 2020-08 or Aug 2020); every column but App, Country, Platform, Source, Publisher, Estimate, Note and Total is read as a month (rename the column, or remove it)
bad.csv:1: 01/08/2020: "01/08/2020" is ambiguous: Jan 8 month first, or Aug 1 day first (write the month as 2020-08 or Aug 2020); every column but App, Country, Platform, Source, Publisher, Estimate, Note and Total is read as a month (rename the column, or remove it)
bad.csv:1: the header has columns "App", "Country", "13/07/2020", "01/08/2020" and lacks a column per month (expected App, Country, and a column per month such as May 2024 or 2024-05; optionally Platform, Source, Publisher, Estimate and Note)`,
		},
		// Each is refused on its own now, not only when two of them clash
		// (a single 01/08/2020 was read as January: found by a red-team pass).
		"day-first dates of the 1st": {
			"App,Country,01/07/2020,01/08/2020\nResso,IN,1,2\n",
			`bad.csv:1: 01/07/2020: "01/07/2020" is ambiguous: Jan 7 month first, or Jul 1 day first (write the month as 2020-08 or Aug 2020); every column but App, Country, Platform, Source, Publisher, Estimate, Note and Total is read as a month (rename the column, or remove it)
bad.csv:1: 01/08/2020: "01/08/2020" is ambiguous: Jan 8 month first, or Aug 1 day first (write the month as 2020-08 or Aug 2020); every column but App, Country, Platform, Source, Publisher, Estimate, Note and Total is read as a month (rename the column, or remove it)
bad.csv:1: the header has columns "App", "Country", "01/07/2020", "01/08/2020" and lacks a column per month (expected App, Country, and a column per month such as May 2024 or 2024-05; optionally Platform, Source, Publisher, Estimate and Note)`,
		},
		"a row twice": {
			"App,Country,Jul 2020\nResso,IN,1\nresso,India,2\n",
			`bad.csv:3: the row repeats "resso", IN of line 2 (expected one row per app, country, platform and source: two would give two figures for each month)`,
		},
		"a negative number, a bad platform": {
			"App,Country,Platform,Jul 2020\nResso,IN,web,-1\n",
			`bad.csv:2: Platform: "web" is not a platform (expected all, ios or android)` + "\n" +
				`bad.csv:2: Jul 2020: "-1" is negative (expected 0 or more installs)`,
		},
		"a short row": {
			"App,Country,Jul 2020,Aug 2020\nResso,IN,1\n",
			`bad.csv:2: the row has 3 fields but the header has 4 (expected one value per column; quote a value that holds a separator, e.g. "3,600,000")`,
		},
		"an unknown column": {
			"App,Country,Categroy,Jul 2020\nResso,IN,Music,1\n",
			`bad.csv:1: Categroy: the header has column "Categroy", which uptake does not read (expected App, Country, and a column per month such as May 2024 or 2024-05; optionally Platform, Source, Publisher, Estimate and Note, and Total columns, which are skipped; remove or rename the column)`,
		},
		"a misspelt column": {
			"App,Country,Platfrom,Jul 2020\nResso,IN,ios,1\n",
			`bad.csv:1: Platfrom: the header has column "Platfrom", which uptake does not read (did you mean platform? expected App, Country, and a column per month such as May 2024 or 2024-05; optionally Platform, Source, Publisher, Estimate and Note; remove or rename the column)`,
		},
		"two publishers": {
			"App,Country,Publisher,Jul 2020\nResso,IN,ByteDance,1\nResso,BR,Bytedance Ltd,1\n",
			`bad.csv:3: Publisher: "Bytedance Ltd" for "Resso", but line 2 gives "ByteDance" (expected one publisher per app)`,
		},
		"only blanks": {
			"App,Country,Jul 2020\nResso,IN,\nTotal,,\n",
			`bad.csv:1: no figures: every cell under a month is empty (a blank cell is no figure; write 0 for none)`,
		},
		"a cell under a blank header": {
			"App,Country,,Jul 2020\nResso,IN,x,1\n",
			`bad.csv:2: column 3: holds "x", but the column has no name in the header (expected it empty; name the column, or remove what is in it)`,
		},
		"a quarter": {
			"App,Country,Jun 2020,Q3 2020\nResso,IN,1,1\n",
			`bad.csv:1: Q3 2020: "Q3 2020" is a quarter, not a month (expected a column per month); every column but App, Country, Platform, Source, Publisher, Estimate, Note and Total is read as a month (rename the column, or remove it)`,
		},
	} {
		t.Run(name, func(t *testing.T) {
			rec := &recorder{}
			_, ps := ReadWith(strings.NewReader(tc.text), "bad.csv", rec, Options{Format: "wide"})
			if got := strs(ps); got != tc.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tc.want)
			}
			if len(rec.figures)+len(rec.apps)+len(rec.launches) > 0 {
				t.Errorf("a file with problems gave %d figures, %d apps", len(rec.figures), len(rec.apps))
			}
		})
	}
}
