package seed

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/xuri/excelize/v2"
)

// cell is a cell of a test workbook: a value and, when not "", a number
// format (an Excel format code).
type cell struct {
	v   any
	fmt string
}

// stored is a number as a workbook stores it, digits for digits.
type stored string

// serial is the Excel date serial of a day (days since 1899-12-30).
func serial(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
}

// workbook writes an .xlsx whose sheets hold rows of cells (nil is an
// empty cell), in order.
func workbook(t testing.TB, sheets map[string][][]any, order ...string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	styles := map[string]int{}
	for i, name := range order {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			for c, v := range row {
				if v == nil {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				format := ""
				if cl, ok := v.(cell); ok {
					v, format = cl.v, cl.fmt
				}
				var err error
				switch x := v.(type) {
				case float64:
					err = f.SetCellFloat(name, ref, x, -1, 64)
				case stored:
					err = f.SetCellDefault(name, ref, string(x))
				default:
					err = f.SetCellValue(name, ref, v)
				}
				if err != nil {
					t.Fatal(err)
				}
				if format == "" {
					continue
				}
				id, ok := styles[format]
				if !ok {
					code := format
					if id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &code}); err != nil {
						t.Fatal(err)
					}
					styles[format] = id
				}
				if err := f.SetCellStyle(name, ref, ref, id); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// wideBook is testdata/sheet/wide.csv as a workbook, on its second sheet
// "Data" after a sheet of notes, with cells as Excel would hold them:
// numbers as numbers (formatted 1,234,567 and 3.6M, which must not be
// read as shown), 950k as text, a sum a hair from a whole number
// (999999.99999999988, which Excel shows to its 15 digits as 1000000), and
// month headers as text (May 2024, 2024-06) and as dates: 2024-07-01
// formatted mmm-yy (shows Jul-24, which reads as July either way) and
// 2024-08-01 formatted mmmm yyyy (shows August 2024).
func wideBook(t testing.TB) []byte {
	return workbook(t, map[string][][]any{
		"Notes": {{"Figures from the Q3 deck"}},
		"Data": {
			{"App", "Country", "Platform", "Publisher", "May 2024", "2024-06", cell{serial(2024, 7, 1), "mmm-yy"}, cell{serial(2024, 8, 1), "mmmm yyyy"}},
			{"Resso", "India", "ios", "ByteDance", cell{1234567.0, "#,##0"}, nil, cell{3612345.0, `0.0,,"M"`}, 0.0},
			{"Resso", "Brazil", nil, "ByteDance", "950k", 2000.0, 12.0, nil},
			{"CapCut", "United States", "android", "ByteDance", nil, nil, stored("999999.99999999988"), nil},
			{"Total", nil, nil, nil, 2184567.0, 2000.0, 4612357.0, 0.0},
			{},
		},
	}, "Notes", "Data")
}

func TestReadXLSX(t *testing.T) {
	book := wideBook(t)
	rec := &recorder{}
	u, ps := ReadWith(bytes.NewReader(book), "in/book.xlsx", rec, Options{Sheet: "data"})
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", strs(ps))
	}
	// The figures of wide.csv, but for Jul 2024 of Resso IN, which the
	// sheet holds as 3,612,345 and shows as 3.6M, and for CapCut US, a
	// sum that Excel shows, to its 15 digits, as 1,000,000.
	f := func(app, country string, p figures.Platform, mon string, n int64, row, col string) figures.Figure {
		return wideFigure(t, app, country, p, mon, n, "book.xlsx", "book.xlsx[Data]: row "+row+", column "+col)
	}
	checkFigures(t, rec.figures, []figures.Figure{
		f("Resso", "IN", figures.IOS, "2024-05", 1_234_567, "2", "May 2024"), // 1234567, shown 1,234,567
		f("Resso", "IN", figures.IOS, "2024-07", 3_612_345, "2", "Jul-24"),   // 3612345, shown 3.6M
		f("Resso", "IN", figures.IOS, "2024-08", 0, "2", "August 2024"),      // 0: a figure
		f("Resso", "BR", figures.AllPlatforms, "2024-05", 950_000, "3", "May 2024"),
		f("Resso", "BR", figures.AllPlatforms, "2024-06", 2_000, "3", "2024-06"),
		f("Resso", "BR", figures.AllPlatforms, "2024-07", 12, "3", "Jul-24"),
		f("CapCut", "US", figures.Android, "2024-07", 1_000_000, "4", "Jul-24"), // 999999.99999999988
	})
	if want := `sheet "Data": installs, one column per month (May 24..Aug 24, 4 months); 1 row of totals skipped (row 5)`; u.Metric != want || u.Format != xlsxFormatName {
		t.Errorf("understood %+v; want %q", u, want)
	}
	if len(rec.apps) != 2 || rec.apps[0].Publisher != "ByteDance" {
		t.Errorf("apps = %+v", rec.apps)
	}

	// The same figures as the CSV file, where the numbers are the same.
	csvRec := &recorder{}
	if _, ps := ReadWith(strings.NewReader(strings.NewReplacer("3.6M", "3612345", `"1,000,000"`, "1000000").Replace(fileText(t, "testdata/sheet/wide.csv"))), "wide.csv", csvRec, Options{}); len(ps) > 0 {
		t.Fatal(strs(ps))
	}
	for i := range csvRec.figures {
		a, b := rec.figures[i], csvRec.figures[i]
		a.Source, a.Note, b.Source, b.Note = "", "", "", ""
		if !a.Same(b) {
			t.Errorf("figure %d: xlsx %v, csv %v", i, a, b)
		}
	}

	// The first sheet, unless one is named.
	_, ps = ReadWith(bytes.NewReader(book), "book.xlsx", &recorder{}, Options{})
	if want := `book.xlsx[Notes]:1: the header has columns "Figures from the Q3 deck" and lacks App and Country and a column per month (expected App, Country, and a column per month such as May 2024 or 2024-05; optionally Platform, Source, Publisher, Estimate and Note)` + "\n" +
		`book.xlsx[Notes]:1: this is the workbook's first sheet, and it has 2 ("Notes", "Data"): name the one to read with -sheet NAME`; strs(ps) != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strs(ps), want)
	}
	_, ps = ReadWith(bytes.NewReader(book), "book.xlsx", &recorder{}, Options{Sheet: "Sheet9"})
	if want := `book.xlsx:1: the workbook has no sheet named "Sheet9" (it has "Notes", "Data")`; strs(ps) != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strs(ps), want)
	}
}

// Month headers that are dates: read as the date they hold once what
// they show agrees; a plain number is not a month.
func TestReadXLSX_dateHeaders(t *testing.T) {
	aug := serial(2020, 8, 1)
	for format, want := range map[string]string{
		"mmm-yy":                      "",
		"mmmm yyyy":                   "",
		"yyyy-mm":                     "",
		"mmm":                         `"Aug" shows no year, and the date cell holds 2020-08-01 (format the month headers with their year`,
		"d-mmm":                       `"1-Aug" shows no year`,
		"mmmm":                        `"August" shows no year`,
		"dddd, mmmm dd, yyyy":         "", // Excel's long date: the weekday is the date's
		"[$-F800]dddd, mmmm dd, yyyy": "",
		"ddd d mmm yy":                "",
		"m/d/yyyy":                    "",
		"d/m/yyyy":                    "", // shows 1/8/2020, which as text would be January
		"dd.mm.yyyy":                  "",
		"mm-dd-yy":                    "", // Excel's built-in 14, as excelize shows it
		"m/d/yy h:mm":                 "",
		"General":                     `"44044" is a number, not a month`,
		"#,##0":                       `"44044" is a number, not a month`, // a number's format is not applied: what it holds is named
		"0.00E+00":                    `"44044" is a number, not a month`,
		`yyyy"年"m"月"`:                 `"2020年8月" shows the number 44044 in a format uptake cannot read as a month`,
		`"Sep 2020";@`:                `"44044" is a number, not a month`, // a label that is not the date
		`[$-409]mmm\-yy;@`:            "",
	} {
		t.Run(format, func(t *testing.T) {
			header := cell{aug, format}
			if format == "General" {
				header = cell{aug, ""}
			}
			book := workbook(t, map[string][][]any{"S": {{"App", "Country", header}, {"Resso", "IN", 5.0}}}, "S")
			rec := &recorder{}
			_, ps := ReadWith(bytes.NewReader(book), "b.xlsx", rec, Options{})
			if want == "" {
				if len(ps) > 0 || len(rec.figures) != 1 || rec.figures[0].From != figures.MonthOf(2020, 8) {
					t.Fatalf("figures %v, problems:\n%s", rec.figures, strs(ps))
				}
				return
			}
			if !strings.Contains(strs(ps), want) || len(rec.figures) > 0 {
				t.Errorf("problems:\n%s\nwant one saying %q", strs(ps), want)
			}
		})
	}
}

// A bad sheet names the sheet, the row and the column, and gives nothing.
func TestReadXLSX_problems(t *testing.T) {
	book := workbook(t, map[string][][]any{"Sheet A": {
		{"App", "Country", "Jul 2020", "Agu 2020"},
	}}, "Sheet A")
	rec := &recorder{}
	_, ps := ReadWith(bytes.NewReader(book), "b.xlsx", rec, Options{})
	if want := `b.xlsx[Sheet A]:1: Agu 2020: "Agu 2020" is not a month`; !strings.HasPrefix(strs(ps), want) {
		t.Errorf("problems:\n%s\nwant them to start %q", strs(ps), want)
	}
	book = workbook(t, map[string][][]any{"S": {
		{"App", "Country", "Jul 2020", "Aug 2020"},
		{"Resso", "Atlantis", 1.0, 2.0},
		{"Resso", "IN", 1.5, "#N/A"},
		{"Resso", "BR", 1.0, nil, nil, nil, "stray"},
	}}, "S")
	_, ps = ReadWith(bytes.NewReader(book), "b.xlsx", rec, Options{})
	want := `b.xlsx[S]:2: Country: "Atlantis" is not a known country (expected a code such as IN, a name such as India, or WW)` + "\n" +
		`b.xlsx[S]:3: Jul 2020: "1.5" is not a whole number of installs (expected a whole number, e.g. 3600000)` + "\n" +
		`b.xlsx[S]:3: Aug 2020: "#N/A" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)` + "\n" +
		`b.xlsx[S]:4: the row has a value in column 7, past the last column with a header (expected a header for each column)`
	if strs(ps) != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strs(ps), want)
	}
	if len(rec.figures)+len(rec.apps) > 0 {
		t.Errorf("a sheet with problems gave %v", rec.figures)
	}
}

// Files that are not workbooks, or are damaged, are refused with a
// problem, never a panic.
func TestReadXLSX_notWorkbooks(t *testing.T) {
	book := wideBook(t)
	var plain bytes.Buffer
	zw := zip.NewWriter(&plain)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("hello"))
	zw.Close()
	var bomb bytes.Buffer
	zw = zip.NewWriter(&bomb)
	w, _ = zw.Create("xl/styles.xml")
	w.Write(bytes.Repeat([]byte(" "), 40<<20)) // 40 MB of spaces: 40 KB packed
	zw.Close()
	for name, tc := range map[string]struct {
		data []byte
		want string
	}{
		"a zip of something else": {plain.Bytes(), "the file is a zip archive, but not an Excel workbook (.xlsx) uptake reads"},
		"cut short":               {book[:len(book)/2], "cannot be opened"},
		"a styles part of 40 MB":  {bomb.Bytes(), `the workbook unpacks to more than uptake reads ("xl/styles.xml" declares 40 MB`},
		// A workbook saved with a password is an OLE compound file (so is
		// an .xls): it was read as a CSV and refused with its binary header.
		"encrypted, or an .xls": {append([]byte(oleMagic), make([]byte, 600)...), "an Excel workbook protected with a password, or an old .xls"},
	} {
		t.Run(name, func(t *testing.T) {
			rec := &recorder{}
			_, ps := ReadWith(bytes.NewReader(tc.data), "b.xlsx", rec, Options{})
			if !strings.Contains(strs(ps), tc.want) || len(rec.figures) > 0 {
				t.Errorf("problems:\n%s\nwant one saying %q", strs(ps), tc.want)
			}
		})
	}
	// Damaged in the middle: a problem or figures that validate, and no
	// panic, whatever byte is changed.
	for i := 0; i < len(book); i += 97 {
		damaged := bytes.Clone(book)
		damaged[i] ^= 0x55
		rec := &recorder{}
		_, ps := ReadWith(bytes.NewReader(damaged), "b.xlsx", rec, Options{Sheet: "Data"})
		checkXLSXRead(t, rec, ps)
	}
}

// checkXLSXRead holds a read of any workbook to what every read must
// give: figures that validate, or problems, at most the limit, in words
// safe to print.
func checkXLSXRead(t *testing.T, rec *recorder, ps Problems) {
	t.Helper()
	for _, f := range rec.figures {
		if err := f.Validate(); err != nil {
			t.Fatalf("accepted a figure that does not validate: %+v: %v", f, err)
		}
	}
	if len(ps) > 0 && len(rec.figures)+len(rec.apps) > 0 {
		t.Fatalf("%d figures from a file with problems:\n%s", len(rec.figures), strs(ps))
	}
	if len(ps) > MaxProblems+1 {
		t.Fatalf("%d problems", len(ps))
	}
	for _, p := range ps {
		if p.Line < 1 || p.Message == "" || figures.Sanitize(p.Message) != p.Message || len(p.String()) > 2000 {
			t.Fatalf("bad problem %q", p.String())
		}
	}
	if len(ps) == 0 && len(rec.figures) == 0 {
		t.Fatal("no figures and no problems")
	}
}

func fileText(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
