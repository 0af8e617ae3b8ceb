package seed

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/xuri/excelize/v2"
)

// uptake reads workbooks itself (xlsx_read.go), as it read them with
// excelize before: these tests hold its reader to excelize's, row by row
// and cell by cell, on workbooks excelize writes and on workbooks written
// here as XML, in the forms excelize does not write.

// openTestBook opens a workbook with uptake's reader.
func openTestBook(t testing.TB, data []byte) *xlsxBook {
	t.Helper()
	zr, msg := checkZip(data)
	if msg != "" {
		t.Fatal(msg)
	}
	b, err := openBook(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// xlsxRowsOf reads every row of a sheet with uptake's reader, by row
// number: the cells as the reader gives them (TRUE and FALSE for a
// boolean's 1 and 0, as xlsxSource does), and, of the first row with a
// cell, what it shows.
func xlsxRowsOf(t testing.TB, b *xlsxBook, sheet int) (rows map[int][]string, first int, shown []string) {
	t.Helper()
	r, err := b.openRows(b.sheets[sheet])
	if err != nil {
		t.Fatal(err)
	}
	defer r.close()
	rows = map[int][]string{}
	for {
		ok, problem := r.next()
		if problem != nil {
			t.Fatalf("row %d: %s", problem.line, problem.msg)
		}
		if !ok {
			return rows, first, shown
		}
		cells := slices.Clone(r.cells)
		if len(cells) > 0 && first == 0 {
			first = r.row
			shown = (&xlsxSource{book: b, rows: r}).shownRow(cells)
		}
		for j, c := range cells {
			if r.kinds[j] == 'b' && (c == "1" || c == "0") {
				cells[j] = map[string]string{"1": "TRUE", "0": "FALSE"}[c]
			}
		}
		if len(cells) > 0 {
			rows[r.row] = cells
		}
	}
}

// excelizeRows reads a sheet as uptake did with excelize: the raw value
// of each cell, TRUE or FALSE for a boolean's 1 and 0, by the number of
// calls of Rows.Next; and each row as excelize formats it.
func excelizeRows(t testing.TB, f *excelize.File, sheet string) (raw, formatted map[int][]string) {
	t.Helper()
	raw, formatted = map[int][]string{}, map[int][]string{}
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("excelize: row %d: %v", n, err)
		}
		for j, c := range cells {
			if c != "1" && c != "0" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(j+1, n)
			if typ, err := f.GetCellType(sheet, ref); err == nil && typ == excelize.CellTypeBool {
				cells[j] = map[string]string{"1": "TRUE", "0": "FALSE"}[c]
			}
		}
		if len(cells) > 0 {
			raw[n] = cells
		}
	}
	if err := rows.Error(); err != nil {
		t.Fatal(err)
	}
	// Formatted, as shownRow had excelize show the header.
	all, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range all {
		if len(row) > 0 {
			formatted[i+1] = row
		}
	}
	return raw, formatted
}

// sameAsExcelize reads every sheet of a workbook with both readers and
// fails on any difference: the sheets, the date system, each row's raw
// cells, and what the first row shows in the cells where uptake applies
// a format (text, booleans, and numbers in a date format, from serial 61
// on); it returns how many date cells it compared.
func sameAsExcelize(t *testing.T, data []byte) (dates int) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := openTestBook(t, data)
	if got, want := b.sheetNames(), f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, excelize %q", got, want)
	}
	if props, err := f.GetWorkbookProps(); err != nil || (props.Date1904 != nil && *props.Date1904) != b.date1904 {
		t.Fatalf("date1904 %v, excelize %+v %v", b.date1904, props, err)
	}
	for i, name := range b.sheetNames() {
		got, first, shown := xlsxRowsOf(t, b, i)
		want, formatted := excelizeRows(t, f, name)
		for n, w := range want {
			if g := got[n]; !slices.Equal(g, w) {
				t.Errorf("sheet %q row %d:\n got %q\nwant %q", name, n, g, w)
			}
		}
		for n, g := range got {
			if _, ok := want[n]; !ok {
				t.Errorf("sheet %q row %d: %q, which excelize does not read", name, n, g)
			}
		}
		if first == 0 {
			continue
		}
		r, err := b.openRows(b.sheets[i])
		if err != nil {
			t.Fatal(err)
		}
		for r.row < first {
			if ok, p := r.next(); !ok || p != nil {
				t.Fatal(p)
			}
		}
		for j, s := range shown {
			w := ""
			if j < len(formatted[first]) {
				w = formatted[first][j]
			}
			check := r.kinds[j] == 's' && r.styles[j] == 0 || r.kinds[j] == 'b'
			if r.kinds[j] == 'n' {
				v, isNum := sheetNumber(r.cells[j])
				code, hasFmt := b.numFmt(r.styles[j])
				_, _, isDate := parseDateFormat(code)
				check = isNum && hasFmt && isDate && v >= 61
				if check {
					dates++
				}
			}
			if check && s != w && strings.TrimSpace(w) != "" {
				code, _ := b.numFmt(r.styles[j])
				t.Errorf("sheet %q row %d column %d: %q in format %q shows %q, excelize %q (1904: %v)", name, first, j+1, r.cells[j], code, s, w, b.date1904)
			}
		}
		r.close()
	}
	return dates
}

// dateFormats are date formats uptake shows as excelize did: the
// built-in ones by id, and the codes.
var dateFormats = []any{
	14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47,
	"mmm-yy", "mmmm yyyy", "yyyy-mm", "mmm", "mmmm", "mmmmm", "mmmmm yy", "d-mmm", "m/d/yyyy", "d/m/yyyy", "dd.mm.yyyy",
	"mm-dd-yy", "m/d/yy h:mm", `[$-409]mmm\-yy;@`, `[$-409]mmmm yyyy;@`, "yyyy-mm-dd hh:mm:ss", "dddd, mmmm d, yyyy",
	"ddd d mmm yy", "yy", "yyyy", "mmm yyyy", `mmm" "yyyy`, "mmm-yyyy", `yyyy\-mm`, "mm/yyyy", "h AM/PM", "hh:mm A/P",
	"[Red]mmm-yy", "d mmmm yyyy", "dd/mm/yy", "yyyy/mm/dd", "m/d", "mm/dd", "mmm d, yyyy", "d.m.yy", `yyyy"年"m"月"`,
	"yyyy年m月", "h:mm:ss AM/PM", "[h]:mm", "[mm]:ss", "[ss]", "mm:ss.00", "hh:mm:ss.000", "dddd", "ddd", "d", "dd",
	"yyyy-mm-ddThh:mm:ss", "m", "mm", "h:mm", "[$-409]h:mm AM/PM;@", "mmm-yy;[Red]mmm-yy", "MMM-YY", "D-MMM-YYYY",
	"_(mmm-yy_)", `"Month: "mmmm`, "am/pm h", "e", "aaaa", "yyyy mm dd hh mm ss",
}

// notDateFormats show what the cell holds, in uptake.
var notDateFormats = []any{0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 37, 38, 39, 40, 41, 42, 43, 44, 48, 49, 27, 30, 36, 50, 58,
	"General", "0", "#,##0", "0.00", "0.00E+00", `"Sep 2020";@`, "@", ";;;", "0 mmm", "# ?/?", "0%", "mmm #"}

// randomBook writes a workbook with excelize: sheets of rows with gaps,
// of numbers as a workbook stores them, shared and inline strings, rich
// text, booleans, formulas and empty cells in styles; its first row of
// each sheet holds dates in date formats (and numbers in others).
func randomBook(t testing.TB, rng *rand.Rand) []byte {
	f := excelize.NewFile()
	defer f.Close()
	if rng.IntN(3) == 0 {
		yes := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
	}
	styles := map[any]int{}
	style := func(format any) int {
		if id, ok := styles[format]; ok {
			return id
		}
		s := &excelize.Style{}
		switch x := format.(type) {
		case int:
			s.NumFmt = x
		case string:
			s.CustomNumFmt = &x
		}
		id, err := f.NewStyle(s)
		if err != nil {
			t.Fatal(err)
		}
		styles[format] = id
		return id
	}
	numbers := []string{"0", "1", "-1", "42", "3600000", "1234567", "3.5", "-0.25", "1.5E+3", "2E-5", "1e10", "999999.99999999988",
		"3599999.9999999995", "12345678901234567890", "0.1", "44044", "44044.5"}
	texts := []string{"Resso", "India", " spaced ", "Résumé 😀", "_x000D_ literal", "a_x0041_b", "May 2024", "1", "0", "TRUE", "#N/A", "line\nbreak", ""}
	nSheets := 1 + rng.IntN(3)
	for s := range nSheets {
		name := fmt.Sprintf("Sheet%d", s+1)
		if s > 0 {
			if _, err := f.NewSheet(name); err != nil {
				t.Fatal(err)
			}
		}
		set := func(err error) {
			if err != nil {
				t.Fatal(err)
			}
		}
		// The header: dates in date formats, mostly.
		for c := 1; c <= 1+rng.IntN(12); c++ {
			ref, _ := excelize.CoordinatesToCellName(c, 1)
			switch rng.IntN(6) {
			case 0:
				set(f.SetCellStr(name, ref, texts[rng.IntN(len(texts))]))
			case 1:
				set(f.SetCellFloat(name, ref, float64(rng.IntN(50000)), -1, 64))
				set(f.SetCellStyle(name, ref, ref, style(notDateFormats[rng.IntN(len(notDateFormats))])))
			default:
				v := 61 + rng.Float64()*60000
				if rng.IntN(2) == 0 {
					v = math.Floor(v)
				}
				if rng.IntN(20) == 0 {
					v = 61 + rng.Float64()*2958000
				}
				set(f.SetCellFloat(name, ref, v, -1, 64))
				set(f.SetCellStyle(name, ref, ref, style(dateFormats[rng.IntN(len(dateFormats))])))
			}
		}
		row := 1
		for range rng.IntN(30) {
			row += 1 + rng.IntN(3)*rng.IntN(3)
			col := 0
			for range rng.IntN(15) {
				col += 1 + rng.IntN(2)*rng.IntN(4)
				ref, _ := excelize.CoordinatesToCellName(col, row)
				switch rng.IntN(9) {
				case 0, 1, 2:
					set(f.SetCellDefault(name, ref, numbers[rng.IntN(len(numbers))]))
				case 3:
					set(f.SetCellStr(name, ref, texts[rng.IntN(len(texts))]))
				case 4:
					set(f.SetCellDefault(name, ref, "inline "+texts[rng.IntN(len(texts))])) // not a number: an inline string
				case 5:
					set(f.SetCellBool(name, ref, rng.IntN(2) == 0))
				case 6:
					set(f.SetCellRichText(name, ref, []excelize.RichTextRun{
						{Text: texts[rng.IntN(len(texts))]}, {Text: "bold", Font: &excelize.Font{Bold: true}}}))
				case 7:
					set(f.SetCellFormula(name, ref, "SUM(A1:A2)"))
				case 8:
					set(f.SetCellStyle(name, ref, ref, style(dateFormats[rng.IntN(len(dateFormats))]))) // an empty cell in a style
				}
				if rng.IntN(4) == 0 {
					set(f.SetCellStyle(name, ref, ref, style(notDateFormats[rng.IntN(len(notDateFormats))])))
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

// xlsxBooks is how many random workbooks TestXLSXReaderSameAsExcelize
// compares: go test ./seed -run SameAsExcelize -args -xlsx.books=5000
var xlsxBooks = flag.Int("xlsx.books", 40, "how many random workbooks to read with uptake's reader and excelize")

func TestXLSXReaderSameAsExcelize(t *testing.T) {
	n := *xlsxBooks
	if testing.Short() {
		n = min(n, 10)
	}
	dates := 0
	for seed := range uint64(n) {
		book := randomBook(t, rand.New(rand.NewPCG(seed, 16)))
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) { dates += sameAsExcelize(t, book) })
	}
	if dates < n {
		t.Errorf("only %d date cells compared", dates)
	}
	t.Logf("%d workbooks, %d date cells", n, dates)
}

// Every date format, on dates across the years and the day, in both
// date systems, shows as excelize showed it.
func TestXLSXDateFormatsSameAsExcelize(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	compared := 0
	defer func() {
		if compared < 2*len(dateFormats)*30 {
			t.Errorf("%d cells compared", compared)
		}
	}()
	for _, date1904 := range []bool{false, true} {
		f := excelize.NewFile()
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
			t.Fatal(err)
		}
		serials := []float64{61, 61.5, 62, 366, 32874, 44044, 44044.25, 44044.5, 44044.75, 44044.999994, 44044.999995, 44044.0000058,
			44043.99999999, 73050, 2958465, 2958465.99999}
		for range 20 {
			serials = append(serials, 61+rng.Float64()*80000)
		}
		for c, format := range dateFormats {
			s := &excelize.Style{}
			switch x := format.(type) {
			case int:
				s.NumFmt = x
			case string:
				s.CustomNumFmt = &x
			}
			id, err := f.NewStyle(s)
			if err != nil {
				t.Fatal(err)
			}
			for r, v := range serials {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				f.SetCellFloat("Sheet1", ref, v, -1, 64)
				f.SetCellStyle("Sheet1", ref, ref, id)
			}
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		f.Close()
		f, _ = excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		b := openTestBook(t, buf.Bytes())
		rows, err := b.openRows(b.sheets[0])
		if err != nil {
			t.Fatal(err)
		}
		for ok, _ := rows.next(); ok; ok, _ = rows.next() {
			for j, raw := range rows.cells {
				ref, _ := excelize.CoordinatesToCellName(j+1, rows.row)
				want, err := f.GetCellValue("Sheet1", ref)
				if err != nil {
					t.Fatal(err)
				}
				code, _ := b.numFmt(rows.styles[j])
				v, _ := strconv.ParseFloat(raw, 64)
				got, ok := formatDate(v, code, date1904)
				compared++
				if !ok || got != want {
					t.Errorf("%s in %q (1904: %v): %q, excelize %q", raw, code, date1904, got, want)
				}
			}
		}
		rows.close()
		f.Close()
	}
}

// Formats that are not a date's show what the cell holds.
func TestXLSXNotDateFormats(t *testing.T) {
	for _, format := range notDateFormats {
		code, ok := "", false
		switch x := format.(type) {
		case int:
			code, ok = builtInNumFmt(x)
		case string:
			code, ok = x, true
		}
		if !ok {
			continue
		}
		if got, ok := formatDate(44044, code, false); ok {
			t.Errorf("%q: shows %q, as a date", code, got)
		}
	}
}

// Excel's serials as dates, as excelize's ExcelDateToTime gave them: the
// 1900 system's 29 February (60), the days before it, fractions of a
// day, and the 1904 system.
func TestExcelDate(t *testing.T) {
	serials := []float64{0, 0.5, 1, 1.25, 1.5, 2, 58, 58.999999, 59, 59.5, 59.99999999, 60, 60.25, 60.9999999, 61, 61.5, 61.999999, 62, 62.0000001,
		366, 367, 1462, 32874, 36526, 44044, 44044.25, 44044.5, 44044.0000057870, 44044.0000058, 44044.9999942, 44044.999994213, 44044.99999999,
		73050.5, 100000.123456, 2958465, 2958465.5, 2958465.99999}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		serials = append(serials, rng.Float64()*100, rng.Float64()*2958465, math.Floor(rng.Float64()*80000)+rng.Float64())
	}
	for _, date1904 := range []bool{false, true} {
		for _, v := range serials {
			want, err := excelize.ExcelDateToTime(v, date1904)
			if err != nil {
				t.Fatal(err)
			}
			if got, ok := excelDate(v, date1904); !ok || !got.Equal(want) {
				t.Errorf("%v (1904: %v): %v, excelize %v", v, date1904, got, want)
			}
		}
	}
	for _, v := range []float64{-1, -0.5, math.NaN(), math.Inf(1), 2958466, 1e300} {
		if got, ok := excelDate(v, false); ok {
			t.Errorf("%v: %v, want no date", v, got)
		}
	}
}

// A workbook written as XML, part by part, for the forms excelize does
// not write.
type rawWorkbook struct {
	strict   bool
	date1904 bool
	sheets   []string            // each sheet's <sheetData> content
	names    []string            // each sheet's name; Sheet1… by default
	states   []string            // each sheet's state (hidden, veryHidden); visible by default
	rels     string              // more relationships of the workbook, as XML
	relTypes []string            // each sheet's relationship type (chartsheet…); worksheet by default
	target   func(string) string // each sheet's relationship target, from worksheets/sheetN.xml
	pr       string              // the workbook's <workbookPr>, whole, in place of date1904's
	calcPr   string              // the workbook's <calcPr>, whole
	app      string              // docProps/app.xml's Application; no such part if ""
	sst      string              // the <si> of the shared strings
	styles   string              // styles.xml, whole; a default one if ""
	absolute bool                // the workbook's relationships name their targets from the root: /xl/worksheets/…
	rename   func(part string) string
}

func (w rawWorkbook) bytes(t testing.TB) []byte {
	t.Helper()
	main, rel, pkgRel := "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://schemas.openxmlformats.org/package/2006/relationships"
	if w.strict {
		main, rel = "http://purl.oclc.org/ooxml/spreadsheetml/main", "http://purl.oclc.org/ooxml/officeDocument/relationships"
	}
	parts := map[string]string{}
	var sheets, rels, types strings.Builder
	for i, data := range w.sheets {
		name := fmt.Sprintf("Sheet%d", i+1)
		if i < len(w.names) {
			name = w.names[i]
		}
		state := ""
		if i < len(w.states) {
			state = ` state="` + w.states[i] + `"`
		}
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, name, i+1, state, i+3)
		target := fmt.Sprintf("worksheets/sheet%d.xml", i+1)
		if w.target != nil {
			target = w.target(target)
		}
		if w.absolute {
			target = "/xl/" + target
		}
		relType := "worksheet"
		if i < len(w.relTypes) {
			relType = w.relTypes[i]
		}
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/%s" Target="%s"/>`, i+3, rel, relType, target)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<worksheet xmlns="` + main + `" xmlns:r="` + rel + `"><sheetData>` + data + `</sheetData></worksheet>`
	}
	sst, styles := "xl/sharedStrings.xml", "xl/styles.xml"
	if w.absolute {
		sst, styles = "/"+sst, "/"+styles
	} else {
		sst, styles = "sharedStrings.xml", "styles.xml"
	}
	fmt.Fprintf(&rels, `<Relationship Id="rId1" Type="%s/sharedStrings" Target="%s"/><Relationship Id="rId2" Type="%s/styles" Target="%s"/>`, rel, sst, rel, styles)
	rels.WriteString(w.rels)
	pr := w.pr
	if w.date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` + types.String() +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
	parts["_rels/.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + pkgRel + `"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	parts["xl/workbook.xml"] = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="` + main + `" xmlns:r="` + rel + `">` + pr + `<sheets>` + sheets.String() + `</sheets>` + w.calcPr + `</workbook>`
	parts["xl/_rels/workbook.xml.rels"] = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="` + pkgRel + `">` + rels.String() + `</Relationships>`
	parts["xl/sharedStrings.xml"] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="` + main + `">` + w.sst + `</sst>`
	if w.app != "" {
		parts["docProps/app.xml"] = `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>` + w.app + `</Application></Properties>`
	}
	parts["xl/styles.xml"] = w.styles
	if w.styles == "" {
		parts["xl/styles.xml"] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="` + main + `"><numFmts count="1"><numFmt numFmtId="164" formatCode="mmm\-yy"/></numFmts>` +
			`<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="17"/><xf numFmtId="164"/><xf numFmtId="3"/></cellXfs></styleSheet>`
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range slices.Sorted(func(yield func(string) bool) {
		for k := range parts {
			if !yield(k) {
				return
			}
		}
	}) {
		zname := name
		if w.rename != nil {
			zname = w.rename(name)
		}
		fw, err := zw.Create(zname)
		if err != nil {
			t.Fatal(err)
		}
		fw.Write([]byte(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rawSheet is a sheet in the forms Excel and other programs write and
// excelize does not: cells and rows without r, strings with escapes and
// phonetic runs, inline rich text, formulas' cached strings, errors and
// ISO dates, and a date header.
const rawSheet = `<row r="1"><c r="A1" t="s"><v>0</v></c><c t="s"><v>1</v></c><c r="C1" s="1"><v>44044</v></c><c s="2"><v>44075</v></c><c s="3"><v>44105</v></c></row>
<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="inlineStr"><is><r><t>In</t></r><r><rPr><b/></rPr><t xml:space="preserve">dia </t></r><rPh sb="0" eb="1"><t>phon</t></rPh></is></c><c r="C2"><v>1.5E+3</v></c><c r="E2" t="b"><v>1</v></c></row>
<row><c t="s"><v>3</v></c><c t="str"><f>A1&amp;"x"</f><v>Resso x</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2020-08-01T00:00:00Z</v></c><c><f>1/0</f></c></row>
<row r="7"><c r="B7" t="b"><v>0</v></c><c r="D7"><v> 12 </v></c><c r="F7" t="s"><v>4</v></c></row>
<row/>
<row r="9" spans="1:3"><c r="A9" s="1"/><c r="C9" t="inlineStr"><is><t>_x000D_a_x005F_x0041_b_xD800_c</t></is></c></row>`

const rawSST = `<si><t>App</t></si><si><r><t>Coun</t></r><r><rPr><i/></rPr><t>try</t></r></si><si><t>Res</t><rPh sb="0" eb="3"><t>レソ</t></rPh><phoneticPr fontId="1"/></si>` +
	`<si><t xml:space="preserve"> Spotify </t></si><si><t>line_x000D__x000A_two</t></si>`

func TestXLSXRawSameAsExcelize(t *testing.T) {
	for name, w := range map[string]rawWorkbook{
		"transitional": {sheets: []string{rawSheet}, sst: rawSST},
		"strict":       {strict: true, sheets: []string{rawSheet, `<row><c t="s"><v>0</v></c></row>`}, sst: rawSST},
		"absolute":     {absolute: true, sheets: []string{rawSheet}, sst: rawSST, date1904: true},
		"1904":         {date1904: true, sheets: []string{rawSheet}, sst: rawSST},
	} {
		t.Run(name, func(t *testing.T) {
			if sameAsExcelize(t, w.bytes(t)) != 2 {
				t.Error("the header's dates were not compared")
			}
		})
	}
}

// What uptake's reader gives of the raw sheet, whatever excelize did.
func TestXLSXRawSheet(t *testing.T) {
	want := map[int][]string{
		1: {"App", "Country", "44044", "44075", "44105"},
		2: {"Res", "India ", "1.5E+3", "", "TRUE"},
		3: {" Spotify ", "Resso x", "#N/A", "2020-08-01T00:00:00Z", ""},
		7: {"", "FALSE", "", " 12 ", "", "line\r\ntwo"},
		9: {"", "", "\ra_x0041_bc"},
	}
	for name, w := range map[string]rawWorkbook{
		"transitional": {sheets: []string{rawSheet}, sst: rawSST},
		"strict":       {strict: true, sheets: []string{rawSheet}, sst: rawSST},
		"absolute":     {absolute: true, sheets: []string{rawSheet}, sst: rawSST},
		// Parts named in another case, or with \, as some zip tools
		// write them, are found, as Excel finds them.
		"upper case": {sheets: []string{rawSheet}, sst: rawSST, rename: strings.ToUpper},
		"backslash":  {sheets: []string{rawSheet}, sst: rawSST, rename: func(s string) string { return strings.ReplaceAll(s, "/", "\\") }},
	} {
		t.Run(name, func(t *testing.T) {
			b := openTestBook(t, w.bytes(t))
			got, first, shown := xlsxRowsOf(t, b, 0)
			if first != 1 || len(got) != len(want) {
				t.Fatalf("rows %v, first %d", got, first)
			}
			for n, w := range want {
				if !slices.Equal(got[n], w) {
					t.Errorf("row %d: %q, want %q", n, got[n], w)
				}
			}
			if want := []string{"App", "Country", "Aug-20", "Sep-20", "44105"}; !slices.Equal(shown, want) {
				t.Errorf("shown %q, want %q", shown, want)
			}
		})
	}
}

// The raw sheet through the reader: its header's dates read as months.
func TestReadXLSX_rawWorkbooks(t *testing.T) {
	sheet := `<row r="3"><c r="B3" t="s"><v>0</v></c><c t="s"><v>1</v></c><c s="1"><v>44044</v></c><c s="2"><v>44075</v></c></row>` +
		`<row><c r="B4" t="inlineStr"><is><t>Resso</t></is></c><c t="s"><v>2</v></c><c><v>1000</v></c><c><v>2000</v></c></row>`
	sst := `<si><t>App</t></si><si><r><t>Coun</t></r><r><t>try</t></r></si><si><t>IN</t><rPh sb="0" eb="1"><t>x</t></rPh></si>`
	for name, w := range map[string]rawWorkbook{
		"transitional": {sheets: []string{sheet}, sst: sst},
		"strict":       {strict: true, sheets: []string{sheet}, sst: sst},
		"1904":         {date1904: true, sheets: []string{strings.ReplaceAll(strings.ReplaceAll(sheet, "44044", "42582"), "44075", "42613")}, sst: sst},
	} {
		t.Run(name, func(t *testing.T) {
			rec := &recorder{}
			_, ps := ReadWith(bytes.NewReader(w.bytes(t)), "raw.xlsx", rec, Options{})
			if len(ps) > 0 {
				t.Fatal(strs(ps))
			}
			if len(rec.figures) != 2 || rec.figures[0].From != figures.MonthOf(2020, 8) || rec.figures[1].Installs != 2000 ||
				!strings.Contains(rec.figures[1].Note, "raw.xlsx[Sheet1]: row 4, column Sep-20") {
				t.Errorf("figures %+v", rec.figures)
			}
		})
	}
}

// Damaged and absurd workbooks are problems that name the file, the
// row where it is known, and what to do; never a panic.
func TestReadXLSX_absurd(t *testing.T) {
	row := func(cells string) string {
		return `<row r="1"><c t="inlineStr"><is><t>App</t></is></c><c t="inlineStr"><is><t>Country</t></is></c>` + cells + `</row>`
	}
	head := row(`<c t="inlineStr"><is><t>Aug 2020</t></is></c>`)
	data := `<row><c t="inlineStr"><is><t>Resso</t></is></c><c t="inlineStr"><is><t>IN</t></is></c><c><v>5</v></c></row>`
	for name, tc := range map[string]struct {
		w    rawWorkbook
		want string
	}{
		"a shared string that is not": {rawWorkbook{sheets: []string{row(`<c t="s"><v>7</v></c>`)}, sst: `<si><t>a</t></si>`},
			`raw.xlsx[Sheet1]:1: the row cannot be read: cell C1: it refers to shared string 7, and the workbook has 1 (save the workbook again from Excel, or as CSV UTF-8)`},
		"a shared string's number that is not": {rawWorkbook{sheets: []string{row(`<c r="C1" t="s"><v>x</v></c>`)}},
			`raw.xlsx[Sheet1]:1: the row cannot be read: cell C1 holds "x" where the number of a shared string belongs`},
		"a column past XFD": {rawWorkbook{sheets: []string{row(`<c r="XFE1"><v>1</v></c>`)}},
			`raw.xlsx[Sheet1]:1: the row has a value in column 16385, past the 1000 columns uptake reads`},
		"a column past uptake's": {rawWorkbook{sheets: []string{row(`<c r="ALM1"><v>1</v></c><c><v>2</v></c>`)}},
			`raw.xlsx[Sheet1]:1: the row has a value in column 1002, past the 1000 columns uptake reads`},
		"a column past all": {rawWorkbook{sheets: []string{row(`<c r="AAAAAAAAAAAAAAAAAAAAA1"><v>1</v></c>`)}},
			`raw.xlsx[Sheet1]:1: the row cannot be read: "AAAAAAAAAAAAAAAAAAAAA1" is not a cell's reference, such as B1`},
		"a row past Excel's": {rawWorkbook{sheets: []string{head + `<row r="1048577"><c><v>1</v></c></row>`}},
			`raw.xlsx[Sheet1]:2: the sheet has more than 1048576 rows (expected at most that, as Excel has)`},
		"a row past all": {rawWorkbook{sheets: []string{head + `<row r="99999999999999999999999999"><c><v>1</v></c></row>`}},
			`raw.xlsx[Sheet1]:2: the sheet has more than 1048576 rows`},
		"a row numbered x": {rawWorkbook{sheets: []string{head + `<row r="x"><c><v>1</v></c></row>`}},
			`raw.xlsx[Sheet1]:2: the row cannot be read: the row after row 1 is numbered "x"`},
		"rows out of order": {rawWorkbook{sheets: []string{head + strings.Replace(data, "<row>", `<row r="5">`, 1) + strings.Replace(data, "<row>", `<row r="3">`, 1)}},
			`raw.xlsx[Sheet1]:6: the row cannot be read: it is numbered 3, after row 5 (expected rows in order)`},
		"cells out of order": {rawWorkbook{sheets: []string{row(`<c r="A1"><v>1</v></c>`)}},
			`raw.xlsx[Sheet1]:1: the row cannot be read: cell A1 comes after column 2 (expected cells in order)`},
		"XML cut short": {rawWorkbook{sheets: []string{head + data + `<row><c><v>1</`}},
			`raw.xlsx[Sheet1]:3: the sheet cannot be read past row 2: xl/worksheets/sheet1.xml: XML syntax error on line 2`},
		"XML nested deep": {rawWorkbook{sheets: []string{head + strings.Repeat("<x>", 10000) + strings.Repeat("</x>", 10000)}},
			`raw.xlsx[Sheet1]:2: the sheet cannot be read past row 1: xl/worksheets/sheet1.xml: its elements nest more than 100 deep`},
		"a style that is not a number": {rawWorkbook{sheets: []string{row(`<c r="C1" s="1.0"><v>44044</v></c>`)}},
			`raw.xlsx[Sheet1]:1: the row cannot be read: cell C1 has the style "1.0", not a style's number`},
		"a style past the styles": {rawWorkbook{sheets: []string{row(`<c s="99"><v>44044</v></c><c s="-1"><v>44045</v></c>`)}},
			`raw.xlsx[Sheet1]:1: 44044: "44044" is a number, not a month`},
		"styles that are not XML": {rawWorkbook{sheets: []string{row(`<c s="1"><v>44044</v></c>`)}, styles: "<styleSheet><cellXfs><xf numFmtId='17'/><xf numFmtId='17'/>"},
			`raw.xlsx[Sheet1]:1: 44044: "44044" is a number, not a month`},
		"shared strings that are not XML": {rawWorkbook{sheets: []string{row(`<c t="s"><v>0</v></c>`)}, sst: "<si><t>a</t></si><si><t>b</x>"},
			`raw.xlsx[Sheet1]:1: the row cannot be read: cell C1: xl/sharedStrings.xml: XML syntax error on line 1: unexpected </x>`},
		"a sheet without its part": {rawWorkbook{sheets: []string{head}, rename: func(s string) string { return strings.Replace(s, "sheet1", "other", 1) }},
			`raw.xlsx[Sheet1]:1: the sheet cannot be read: the workbook has no part xl/worksheets/sheet1.xml (expected a worksheet of rows and columns)`},
		"no workbook": {rawWorkbook{sheets: []string{head}, rename: func(s string) string { return strings.Replace(s, "workbook.xml", "book.xml", 1) }},
			`raw.xlsx:1: the file is a zip archive but not a workbook uptake can open: it has no workbook part (xl/workbook.xml) (save it again from Excel as .xlsx, or as CSV UTF-8)`},
	} {
		t.Run(name, func(t *testing.T) {
			rec := &recorder{}
			_, ps := ReadWith(bytes.NewReader(tc.w.bytes(t)), "raw.xlsx", rec, Options{})
			refusedAs(t, rec, ps, tc.want)
		})
	}
}
