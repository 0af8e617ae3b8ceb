package seed

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/uptake/uptake/figures"
)

// An Excel workbook (.xlsx) in the wide layout: its first sheet, or the
// one Options.Sheet names, read row by row (xlsx_read.go) into the same
// reader as a wide CSV file (wideReader). Problems name the sheet:
// book.xlsx[Sheet1]:12: May 2024: … and so do the figures' notes; the
// figures' source is the file's name, as a CSV file's is.
//
// A cell is read as the workbook holds it, not as it shows it: a number
// formatted 3.6M or 3,600k is its whole value, 3612345. A month's header
// is read as it shows (May 2024, 2024-05), or, for a date cell, as the
// date it holds, once what it shows agrees with that date: a cell
// formatted mmm shows Aug and holds 2020-08-01, and one formatted
// d/m/yyyy shows 1/8/2020 and is August, not January.

const xlsxFormatName = "Excel workbook"

func xlsxFormat() format {
	return format{name: xlsxFormatName, short: "xlsx", binary: true, recognise: looksLikeXLSX, read: readXLSX}
}

// Limits of a workbook, against zip bombs and sheets too big to hold: the
// sizes are of the parts unpacked, as the zip declares them (archive/zip
// refuses a part that unpacks to more than it declares).
const (
	maxWorkbookBytes = 64 << 20  // the file itself
	maxWorkbookParts = 10_000    // files inside the zip; Excel writes a few dozen
	maxUnpackedBytes = 512 << 20 // all its parts unpacked
	maxSheetXMLBytes = 256 << 20 // one sheet or the shared strings, unpacked (a sheet is streamed)
	maxPartBytes     = 32 << 20  // any other part (styles, workbook, …)
)

// looksLikeXLSX recognises a zip whose first entries are those of an
// Office Open XML workbook.
func looksLikeXLSX(head []byte) bool {
	if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return false
	}
	for _, part := range []string{"[Content_Types].xml", "xl/", "docProps/", "_rels/"} {
		if bytes.Contains(head, []byte(part)) {
			return true
		}
	}
	return false
}

func readXLSX(in input, s Sink) (Understood, Problems) {
	c := &collector{file: in.name}
	u := Understood{Format: xlsxFormatName}
	data, err := io.ReadAll(io.LimitReader(in.br, maxWorkbookBytes+1))
	if err != nil {
		c.fatal(1, "", "the workbook could not be read: "+errText(err))
		return u, c.ps
	}
	if len(data) > maxWorkbookBytes {
		c.fatal(1, "", fmt.Sprintf("the workbook is larger than %d MB (expected a smaller one: save the sheet as CSV UTF-8, or split it)", maxWorkbookBytes>>20))
		return u, c.ps
	}
	zr, msg := checkZip(data)
	if msg != "" {
		c.fatal(1, "", msg)
		return u, c.ps
	}
	book, err := openBook(zr)
	if err != nil {
		c.fatal(1, "", "the file is a zip archive but not a workbook uptake can open: "+errText(err)+" (save it again from Excel as .xlsx, or as CSV UTF-8)")
		return u, c.ps
	}
	sheets := book.sheetNames()
	at, msg := pickSheet(book.sheets, in.opt.Sheet)
	if msg != "" {
		c.fatal(1, "", msg)
		return u, c.ps
	}
	sheet := sheets[at]
	c.file = in.name + "[" + sheet + "]"
	src := &xlsxSource{c: c, book: book}
	if src.rows, err = book.openRows(book.sheets[at]); err != nil {
		c.fatal(1, "", "the sheet cannot be read: "+errText(err)+" (expected a worksheet of rows and columns)")
		return u, c.ps
	}
	defer src.rows.close()
	label := fileLabel(in.name)
	w := newWideReader(c, src, label+"["+figures.CutTo(figures.Sanitize(sheet), 60)+"]", label, in.opt)
	w.kind = "sheet"
	w.read(s)
	if !w.headerOK && in.opt.Sheet == "" && len(sheets) > 1 && len(c.ps) > 0 && len(c.ps) <= MaxProblems {
		// The first sheet is not the one with the figures, perhaps.
		first := "first sheet"
		if at > 0 {
			first = "first sheet of cells that Excel shows (those before it are hidden, or charts)"
		}
		c.ps = append(c.ps, Problem{File: c.file, Line: c.ps[0].Line, Message: fmt.Sprintf(
			"this is the workbook's %s, and it has %d (%s): name the one to read with -sheet NAME", first, len(sheets), sheetNames(sheets))})
	}
	return w.understood(xlsxFormatName, sheet), c.ps
}

// pickSheet returns the index of the sheet named want (in any case), or
// of the first sheet of cells Excel shows (a hidden one holds what its
// author did not mean to show: lookups, old figures); msg says why there
// is none.
func pickSheet(sheets []xlsxSheet, want string) (at int, msg string) {
	if len(sheets) == 0 {
		return 0, "the workbook has no sheets (expected a sheet with App, Country and a column per month)"
	}
	if want == "" {
		for i, s := range sheets {
			if !s.hidden && s.kind != "chartsheet" { // a chart has no cells
				return i, ""
			}
		}
		return 0, ""
	}
	for i, s := range sheets {
		if s.name == want {
			return i, ""
		}
	}
	at = -1
	for i, s := range sheets {
		if !strings.EqualFold(s.name, want) {
			continue
		}
		if at >= 0 {
			// Excel saves no two such names; which is meant is not known.
			return 0, fmt.Sprintf("the workbook has two sheets named %s in another case, %s and %s (name the one to read exactly)", quote(want), quote(sheets[at].name), quote(s.name))
		}
		at = i
	}
	if at >= 0 {
		return at, ""
	}
	return 0, fmt.Sprintf("the workbook has no sheet named %s (it has %s)", quote(want), sheetNames(namesOf(sheets)))
}

// sheetNames lists the first sheets of a workbook, quoted.
func sheetNames(sheets []string) string {
	names := make([]string, 0, 11)
	for _, s := range sheets[:min(len(sheets), 10)] {
		names = append(names, quote(s))
	}
	if len(sheets) > 10 {
		names = append(names, "…")
	}
	return strings.Join(names, ", ")
}

// xlsxSource gives wideReader the rows of a sheet: each cell's value as
// the workbook holds it, but the header's as the sheet shows it.
type xlsxSource struct {
	c         *collector
	book      *xlsxBook
	rows      *xlsxRows
	row       int // the row last read, from 1
	rawHeader []string

	dateStyles map[int]bool // whether each cell style met is a date's or a time's
}

func (x *xlsxSource) next() ([]string, int, bool) {
	for !x.c.stop {
		ok, problem := x.rows.next()
		if problem != nil {
			x.c.fatal(problem.line, "", problem.msg)
			return nil, 0, false
		}
		if !ok {
			return nil, 0, false
		}
		x.row = x.rows.row
		cells := x.rows.cells
		if x.rawHeader == nil || blank(cells) {
			// The header's cells are all read; a row blank but for
			// formulas without values never reaches the wide reader's
			// questions (cellProblem), so its formulas are named here.
			for j := range cells {
				if x.rawHeader != nil && (j >= len(x.rawHeader) || isTotal(x.rawHeader[j], true)) {
					continue
				}
				if msg := x.formulaProblem(j); msg != "" && !x.c.add(x.row, "", msg) {
					return nil, 0, false
				}
			}
		}
		if blank(cells) {
			continue
		}
		if x.rawHeader == nil {
			x.rawHeader = append([]string(nil), cells...)
			return x.shownRow(cells), x.row, true
		}
		// A TRUE or FALSE cell holds 1 or 0, which would read as installs:
		// it is given as the word it shows, which is not a number.
		for j, c := range cells {
			if x.rows.kinds[j] == 'b' && (c == "1" || c == "0") {
				cells[j] = map[string]string{"1": "TRUE", "0": "FALSE"}[c]
			}
		}
		return cells, x.row, true
	}
	return nil, 0, false
}

// shownRow returns the row just read as the sheet shows it, where raw is
// as it holds it: text as it is, TRUE or FALSE for a boolean, and a
// number in a date's format as that date (see formatDate); a cell that
// shows nothing is taken as it holds.
func (x *xlsxSource) shownRow(raw []string) []string {
	out := append([]string(nil), raw...)
	for j, v := range raw {
		shown := v
		switch x.rows.kinds[j] {
		case 'b':
			shown = map[string]string{"1": "TRUE", "0": "FALSE"}[v]
		case 'n':
			if n, ok := sheetNumber(v); ok {
				if code, ok := x.book.numFmt(x.rows.styles[j]); ok {
					shown, _ = formatDate(n, code, x.book.date1904)
				}
			}
		}
		if strings.TrimSpace(shown) != "" {
			out[j] = shown
		}
	}
	return out
}

func (x *xlsxSource) cellLine(int) int { return x.row }
func (x *xlsxSource) exactWidth() bool { return false }

// headerMonth reads a month's header: text as the sheet shows it, or, for
// a number (a date cell), the date it holds when what it shows agrees.
func (x *xlsxSource) headerMonth(i int, shown string) (figures.Month, error) {
	raw := ""
	if i < len(x.rawHeader) {
		raw = strings.TrimSpace(x.rawHeader[i])
	}
	v, isNum := sheetNumber(raw)
	if !isNum {
		return parseSheetMonth(shown)
	}
	if raw == shown {
		return 0, fmt.Errorf("%s is a number, not a month (expected text such as May 2024, or a date cell formatted as one, e.g. mmm-yy)", quote(shown))
	}
	t, ok := excelDate(v, x.book.date1904)
	agrees, noYear := false, false
	if ok && v >= 1 {
		agrees, noYear = agreesWithDate(shown, t)
	}
	if noYear {
		// The year would be one the sheet never shows: Excel takes a
		// typed 23-May as this year's 23 May.
		return 0, fmt.Errorf("%s shows no year, and the date cell holds %s (format the month headers with their year, e.g. mmm-yy, so that the year read is the one shown)", quote(shown), t.Format(time.DateOnly))
	}
	if !agrees {
		return 0, fmt.Errorf("%s shows the number %s in a format uptake cannot read as a month (expected a date cell formatted e.g. mmm-yy, or text such as May 2024)", quote(shown), raw)
	}
	m := figures.MonthOf(t.Year(), int(t.Month()))
	if !m.Valid() {
		return 0, fmt.Errorf("%s is the date %s, out of range (expected a month from %s to %s)", quote(shown), t.Format(time.DateOnly), figures.MinMonth, figures.MaxMonth)
	}
	return m, nil
}

// agreesWithDate reports whether what a date cell shows is that date, in
// a form that says its month and its year: the month's English name (Aug,
// August) or its number, and the year, every other number being the day
// or a zero time, every other word the date's weekday (8/1/20 00:00,
// 01.08.2020, Saturday, August 01, 2020). noYear: it shows the month but
// not the year (Aug, 1-Aug), so the year read would be one not shown.
func agreesWithDate(shown string, t time.Time) (agrees, noYear bool) {
	named, monthNum, year := false, false, false
	for i := 0; i < len(shown); {
		c := shown[i]
		j := i
		switch {
		case isLetter(c):
			for j < len(shown) && isLetter(shown[j]) {
				j++
			}
			w := strings.ToLower(shown[i:j])
			switch {
			case monthNamed(w) == int(t.Month()):
				named = true
			case w == "am" || w == "pm" || w == "t" || w == "z":
			case w == strings.ToLower(t.Weekday().String()) || w == strings.ToLower(t.Weekday().String()[:3]):
			default:
				return false, false
			}
		case isDigit(c):
			for j < len(shown) && isDigit(shown[j]) {
				j++
			}
			if j-i > 4 {
				return false, false
			}
			n, _ := strconv.Atoi(shown[i:j])
			ok := n == 0 || n == t.Day()
			if n == int(t.Month()) {
				monthNum, ok = true, true
			}
			if j-i == 4 && n == t.Year() || j-i == 2 && n == t.Year()%100 {
				year, ok = true, true
			}
			if !ok {
				return false, false
			}
		case c >= utf8.RuneSelf:
			return false, false // a letter uptake cannot read
		default:
			j++
		}
		i = j
	}
	month := named || monthNum
	return month && year, month && !year && named
}

// errText is an error of reading a workbook for a problem: cut
// short, and safe to print, since it may quote the file's bytes.
func errText(err error) string { return figures.Sanitize(cutMessage(err.Error())) }
