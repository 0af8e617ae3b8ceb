package seed

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/uptake/uptake/figures"
)

// The wide layout is how researchers keep installs in a spreadsheet: a
// row per app (and platform) and country, a column per month.
//
//	App,Country,Platform,May 2024,Jun 2024,Jul 2024
//	Resso,India,ios,"1,234,567",,3.6M
//	Total,,,…
//
// Each cell under a month that is not blank is one figure of that month;
// a blank cell is no figure (never zero: 0 is written 0). A row or column
// of totals is skipped, and the reader says so. The CSV and the workbook
// (xlsx.go) give their rows to one reader, wideReader.

const wideFormatName = "spreadsheet (wide: a column per month)"

// wideFormat is the wide layout as text: CSV, with what Excel's "CSV
// UTF-8" writes (a byte order mark, CRLF), semicolons or tabs, sep=.
func wideFormat() format {
	return format{name: wideFormatName, short: "wide", recognise: looksLikeWide, nearMiss: wideNearMiss,
		read: func(in input, s Sink) (Understood, Problems) {
			c := &collector{file: in.name}
			src := newWideCSV(in.br, c)
			label := fileLabel(in.name)
			w := newWideReader(c, src, label, label, in.opt)
			w.read(s)
			return w.understood(wideFormatName, ""), c.ps
		}}
}

// wideColumn is a column of a wide sheet that is not a month.
type wideColumn int

const (
	wNone wideColumn = iota
	wApp
	wCountry
	wPlatform
	wSource
	wPublisher
	wEstimate
	wNote
	numWideColumns
)

var wideColumnLabels = [numWideColumns]string{"", "App", "Country", "Platform", "Source", "Publisher", "Estimate", "Note"}

// wideColumnNames maps a header, folded by foldHeader, to its column.
var wideColumnNames = map[string]wideColumn{
	"app": wApp, "app name": wApp, "application": wApp, "name": wApp, "product": wApp, "product name": wApp,
	"country": wCountry, "country code": wCountry, "country name": wCountry, "market": wCountry,
	"country/region": wCountry, "country or region": wCountry, "territory": wCountry,
	"platform": wPlatform, "store": wPlatform, "os": wPlatform,
	"source": wSource, "data source": wSource,
	"publisher": wPublisher, "developer": wPublisher, "company": wPublisher,
	"estimate": wEstimate, "estimated": wEstimate,
	"note": wNote, "notes": wNote, "comment": wNote, "comments": wNote,
}

// uptakeColumns are uptake CSV's own columns (see columnNames): a header
// with one of them is uptake's long layout, never a wide sheet.
var uptakeColumns = map[string]bool{"from": true, "to": true, "start": true, "end": true, "month": true,
	"installs": true, "downloads": true, "launched": true, "launch": true}

const wideExpected = "App, Country, and a column per month such as May 2024 or 2024-05; optionally Platform, Source, Publisher, Estimate and Note"

// foldHeader folds a header for lookup: lower case, _ as a space, one
// space between words.
func foldHeader(h string) string {
	return strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(h, "_", " "))), " ")
}

// totalWords are what a row of totals says in its App or Country cell.
var totalWords = map[string]bool{
	"total": true, "totals": true, "sum": true, "grand total": true, "subtotal": true, "sub total": true,
	"all": true, "all countries": true, "all markets": true, "all apps": true, "overall": true,
}

// isTotal reports whether a cell names a row (or, with column, a column)
// of totals: "Total", "Grand total", "All countries", "Sum:"; a column
// also "Total 2020", "Total installs".
func isTotal(cell string, column bool) bool {
	f := foldHeader(strings.ReplaceAll(strings.TrimRight(cell, ":* "), "-", " "))
	if totalWords[f] {
		return true
	}
	return column && (strings.HasPrefix(f, "total ") || strings.HasPrefix(f, "sum ") || strings.HasPrefix(f, "grand total "))
}

// wideSource gives a wide sheet's rows to wideReader: a CSV file, or a
// workbook's sheet.
type wideSource interface {
	// next returns the next row that is not blank and its line (its row
	// in the sheet); ok is false at the end, or when reading must stop.
	next() (cells []string, line int, ok bool)
	// cellLine returns the line of cell i of the last row.
	cellLine(i int) int
	// headerMonth reads the header of column i as a month.
	headerMonth(i int, text string) (figures.Month, error)
	// installs returns the text of a month's cell, column i of the last
	// row, to read as installs.
	installs(i int, cell string) string
	// cellProblem says why cell i of the last row, in column k (wNone:
	// a month), holds nothing to read there whatever its text: an
	// error, a formula without a trusted value, a date under a month (a
	// workbook's cells); "" when it may be read. It is asked of every
	// cell read, blank or not, of a row that is not one of totals.
	cellProblem(i int, k wideColumn) string
	// exactWidth: every row must have as many cells as the header (a CSV
	// file); otherwise rows may stop short (a sheet).
	exactWidth() bool
}

// wideRow is what a row says besides its months.
type wideRow struct {
	app, country, source, note string
	platform                   figures.Platform
	estimate                   bool
	line                       int
}

// wideCell is one figure read, kept small until the whole file has been
// read: nothing is given to the sink before then.
type wideCell struct {
	row, col int32
	installs int64
}

// widePublisher is the publisher a row gives its app.
type widePublisher struct {
	app, publisher string
	line           int
}

type wideKey struct {
	app, country string
	platform     figures.Platform
	source       string
}

// Limits of a wide sheet, besides MaxColumns and MaxLineBytes.
const (
	maxSheetRows   = 1 << 20   // Excel's own limit
	maxWideFigures = 2_000_000 // every figure carries its own note; a bigger sheet is split
)

// wideReader reads a wide sheet from a wideSource.
type wideReader struct {
	c      *collector
	src    wideSource
	label  string // the file (and sheet), for notes
	kind   string // "file" or "sheet", for messages
	source string // the source of a row without one

	cols      [numWideColumns]int // the column of each, or -1
	months    []figures.Month     // of each column, 0 for none
	names     []string            // each column's header, as written and cut short
	blankCols []int               // columns without a header
	totalCols []int               // columns of totals, skipped
	first     figures.Month
	last      figures.Month
	nMonths   int
	header    int // its line
	headerOK  bool
	maxName   int // the longest month header, for the notes

	rows       []wideRow
	cells      []wideCell
	seen       map[wideKey]int
	publishers map[string]widePublisher // by folded app
	countries  map[string]string
	totalRows  []int
}

// newWideReader returns a reader of src whose figures' notes name label
// and whose source, where a row names none, is opt.Source, else
// fileSource.
func newWideReader(c *collector, src wideSource, label, fileSource string, opt Options) *wideReader {
	w := &wideReader{c: c, src: src, label: label, kind: "file", seen: map[wideKey]int{},
		publishers: map[string]widePublisher{}, countries: map[string]string{}}
	w.source = cleanText(opt.Source)
	if w.source == "" {
		w.source = fileSource
	}
	return w
}

// fileLabel is the name of a file in its figures' notes and sources:
// the base name, made safe to print.
func fileLabel(name string) string {
	return figures.CutTo(figures.Sanitize(filepath.Base(name)), 200)
}

// read reads the whole sheet, and gives s its figures only when it has no
// problem.
func (w *wideReader) read(s Sink) {
	if err := figures.ValidateText("source", w.source, figures.MaxTextLen); err != nil {
		w.c.fatal(1, "source", fieldMessage(err))
		return
	}
	if !w.readHeader() {
		return
	}
	for {
		cells, line, ok := w.src.next()
		if !ok {
			break
		}
		if !w.readRow(cells, line) {
			return
		}
	}
	if len(w.c.ps) > 0 {
		return
	}
	if len(w.cells) == 0 {
		msg := "no rows after the header (expected a row per app and country, e.g. Resso,India,3600000)"
		if len(w.rows) > 0 || len(w.totalRows) > 0 {
			msg = "no figures: every cell under a month is empty (a blank cell is no figure; write 0 for none)"
		}
		w.c.add(w.header, "", msg)
		return
	}
	w.emit(s)
}

// readHeader reads the first row and decides what each column is.
func (w *wideReader) readHeader() bool {
	cells, line, ok := w.src.next()
	if !ok {
		if len(w.c.ps) == 0 {
			w.c.add(1, "", "the "+w.kind+" is empty (expected a header row: "+wideExpected+")")
		}
		return false
	}
	w.header = line
	for i := range w.cols {
		w.cols[i] = -1
	}
	w.months = make([]figures.Month, len(cells))
	w.names = make([]string, len(cells))
	monthCol := map[figures.Month]int{}
	var found []string
	var colProblems Problems
	for i, h := range cells {
		h = strings.TrimSpace(h)
		w.names[i] = shorten(h)
		found = append(found, quote(h))
		if h == "" {
			w.blankCols = append(w.blankCols, i)
			continue
		}
		if k := wideColumnNames[foldHeader(h)]; k != wNone {
			if j := w.cols[k]; j >= 0 {
				w.c.fatal(line, "", fmt.Sprintf("the header has %s twice, as columns %d and %d (expected each column once)", wideColumnLabels[k], j+1, i+1))
				return false
			}
			w.cols[k] = i
			continue
		}
		if isTotal(h, true) {
			w.totalCols = append(w.totalCols, i)
			continue
		}
		m, err := w.src.headerMonth(i, h)
		if err != nil {
			msg := fmt.Sprintf("the header has column %s, which uptake does not read (expected %s, and Total columns, which are skipped; remove or rename the column)", quote(h), wideExpected)
			if monthish(h) {
				msg = cutMessage(err.Error()) + "; every column but App, Country, Platform, Source, Publisher, Estimate, Note and Total is read as a month (rename the column, or remove it)"
			} else if near := nearest(foldHeader(h), slices.Sorted(maps.Keys(wideColumnNames))); near != "" {
				msg = fmt.Sprintf("the header has column %s, which uptake does not read (did you mean %s? expected %s; remove or rename the column)", quote(h), near, wideExpected)
			}
			colProblems = append(colProblems, Problem{Line: line, Column: w.names[i], Message: msg})
			continue
		}
		if j, dup := monthCol[m]; dup {
			colProblems = append(colProblems, Problem{Line: line, Column: w.names[i], Message: fmt.Sprintf("%s is the month %s again, as column %s is (expected each month once; if these are day/month/year dates, write the months as 2020-08 or Aug 2020)", quote(h), m, quote(w.names[j]))})
			continue
		}
		monthCol[m] = i
		w.months[i] = m
		w.maxName = max(w.maxName, len(figures.Sanitize(w.names[i])))
		if w.nMonths == 0 || m < w.first {
			w.first = m
		}
		if w.nMonths == 0 || m > w.last {
			w.last = m
		}
		w.nMonths++
	}
	var missing []string
	if w.cols[wApp] < 0 {
		missing = append(missing, "App")
	}
	if w.cols[wCountry] < 0 {
		missing = append(missing, "Country")
	}
	if w.nMonths == 0 {
		missing = append(missing, "a column per month")
	}
	// A header without App and Country is not a wide sheet's: say only
	// what it lacks, not what each of its columns is not.
	if w.cols[wApp] >= 0 || w.cols[wCountry] >= 0 {
		for _, p := range colProblems {
			if !w.c.add(p.Line, p.Column, p.Message) {
				return false
			}
		}
	}
	if len(missing) > 0 {
		if len(found) > 12 {
			found = append(found[:12], "…")
		}
		w.c.add(line, "", fmt.Sprintf("the header has columns %s and lacks %s (expected %s)", strings.Join(found, ", "), strings.Join(missing, " and "), wideExpected))
	}
	if len(w.c.ps) > 0 {
		w.c.stop = true
		return false
	}
	w.headerOK = true
	return true
}

// monthish reports whether a header looks meant as a month: it holds a
// digit or names a month.
func monthish(h string) bool {
	if strings.IndexFunc(h, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
		return true
	}
	for _, f := range strings.FieldsFunc(h, func(r rune) bool { return r > utf8.RuneSelf || !isLetter(byte(r)) }) {
		if monthNamed(f) > 0 {
			return true
		}
	}
	return false
}

// readRow reads a row after the header; false stops the reading.
func (w *wideReader) readRow(cells []string, line int) bool {
	if len(w.rows)+len(w.totalRows) >= maxSheetRows {
		w.c.fatal(line, "", fmt.Sprintf("the sheet has more than %d rows (expected at most that, as Excel has; split it)", maxSheetRows))
		return false
	}
	if len(cells) != len(w.names) {
		if w.src.exactWidth() || len(cells) > len(w.names) && !blank(cells[len(w.names):]) {
			msg := fmt.Sprintf("the row has %d fields but the header has %d (expected one value per column; quote a value that holds a separator, e.g. \"3,600,000\")", len(cells), len(w.names))
			if !w.src.exactWidth() {
				msg = fmt.Sprintf("the row has a value in column %d, past the last column with a header (expected a header for each column)", lastFilled(cells)+1)
			}
			return w.c.add(line, "", msg)
		}
		cells = padCells(cells, len(w.names))
	}
	get := func(k wideColumn) string {
		if i := w.cols[k]; i >= 0 {
			return strings.TrimSpace(cells[i])
		}
		return ""
	}
	app, country := get(wApp), get(wCountry)
	if isTotal(app, false) || isTotal(country, false) {
		w.totalRows = append(w.totalRows, line)
		return true
	}
	for _, i := range w.blankCols {
		if v := strings.TrimSpace(cells[i]); v != "" {
			msg := fmt.Sprintf("holds %s, but the column has no name in the header (expected it empty; name the column, or remove what is in it)", quote(v))
			if !w.c.add(w.src.cellLine(i), "column "+strconv.Itoa(i+1), msg) {
				return false
			}
		}
	}
	bad := false
	fail := func(k wideColumn, msg string) bool {
		bad = true
		return w.c.add(w.src.cellLine(w.cols[k]), w.names[w.cols[k]], msg)
	}
	for k := wApp; k < numWideColumns; k++ {
		if i := w.cols[k]; i >= 0 {
			if msg := w.src.cellProblem(i, k); msg != "" && !fail(k, msg) {
				return false
			}
		}
	}
	r := wideRow{app: app, line: line, source: w.source}
	if err := figures.ValidateName("app", app); err != nil && !fail(wApp, fieldMessage(err)) {
		return false
	}
	code, ok := w.countries[country]
	if !ok {
		var err error
		if code, err = figures.ParseCountry(country); err != nil {
			if !fail(wCountry, valueMessage(country, err)) {
				return false
			}
		} else if len(w.countries) < maxCachedCountries {
			w.countries[strings.Clone(country)] = code
		}
	}
	r.country = code
	if v := get(wPlatform); v != "" {
		p, err := figures.ParsePlatform(v)
		if err != nil && !fail(wPlatform, valueMessage(v, err)) {
			return false
		}
		r.platform = p
	}
	if v := cleanText(get(wSource)); v != "" {
		if err := figures.ValidateText("source", v, figures.MaxTextLen); err != nil && !fail(wSource, fieldMessage(err)) {
			return false
		}
		r.source = v
	}
	if v := get(wEstimate); v != "" {
		e, err := figures.ParseEstimate(v)
		if err != nil && !fail(wEstimate, valueMessage(v, err)) {
			return false
		}
		r.estimate = e
	}
	if v := cleanText(get(wNote)); v != "" {
		// The note of each figure is "FILE: row N, column MONTH; NOTE".
		room := figures.MaxTextLen - len(w.noteOf(line, strings.Repeat("x", w.maxName), ""))
		if err := figures.ValidateText("note", v, room); err != nil && !fail(wNote, fieldMessage(err)) {
			return false
		}
		r.note = v
	}
	if v := get(wPublisher); v != "" && !bad {
		folded := figures.FoldName(app)
		if err := figures.ValidateName("publisher", v); err != nil {
			if !fail(wPublisher, fieldMessage(err)) {
				return false
			}
		} else if had, ok := w.publishers[folded]; ok && had.publisher != v {
			if !fail(wPublisher, fmt.Sprintf("%s for %s, but line %d gives %s (expected one publisher per app)", quote(v), quote(app), had.line, quote(had.publisher))) {
				return false
			}
		} else if !ok {
			w.publishers[strings.Clone(folded)] = widePublisher{app: strings.Clone(app), publisher: strings.Clone(v), line: line}
		}
	}
	start := len(w.cells)
	for i, m := range w.months {
		if m == 0 {
			continue
		}
		if msg := w.src.cellProblem(i, wNone); msg != "" {
			bad = true
			if !w.c.add(w.src.cellLine(i), w.names[i], msg) {
				return false
			}
			continue
		}
		v := strings.TrimSpace(cells[i])
		if v == "" {
			continue // a blank cell is no figure
		}
		n, err := figures.ParseInstalls(w.src.installs(i, v))
		if err != nil {
			bad = true
			if !w.c.add(w.src.cellLine(i), w.names[i], valueMessage(v, err)) {
				return false
			}
			continue
		}
		w.cells = append(w.cells, wideCell{row: int32(len(w.rows)), col: int32(i), installs: n})
	}
	if bad {
		w.cells = w.cells[:start]
		return true
	}
	k := wideKey{figures.FoldName(app), r.country, r.platform, r.source}
	if at, dup := w.seen[k]; dup {
		w.cells = w.cells[:start]
		return w.c.add(line, "", fmt.Sprintf("the row repeats %s, %s%s of line %d (expected one row per app, country, platform and source: two would give two figures for each month)", quote(app), r.country, platformWords(r.platform), at))
	}
	k.app = strings.Clone(k.app)
	w.seen[k] = line
	if len(w.cells) > maxWideFigures {
		w.c.fatal(line, "", fmt.Sprintf("the sheet has more than %d figures (expected at most that in one file; split it)", maxWideFigures))
		return false
	}
	r.app, r.source, r.note = strings.Clone(r.app), strings.Clone(r.source), strings.Clone(r.note)
	w.rows = append(w.rows, r)
	return true
}

func platformWords(p figures.Platform) string {
	if p == figures.AllPlatforms {
		return ""
	}
	return " (" + p.String() + ")"
}

// lastFilled returns the index of the last cell that is not blank.
func lastFilled(cells []string) int {
	for i := len(cells) - 1; i >= 0; i-- {
		if strings.TrimSpace(cells[i]) != "" {
			return i
		}
	}
	return -1
}

func padCells(cells []string, n int) []string {
	if len(cells) >= n {
		return cells[:n]
	}
	return append(cells, make([]string, n-len(cells))...)
}

// noteOf is the note of a figure: where in the file it was read.
func (w *wideReader) noteOf(line int, column, note string) string {
	s := w.label + ": row " + strconv.Itoa(line) + ", column " + figures.Sanitize(column)
	if note != "" {
		s += "; " + note
	}
	return s
}

// emit gives s the apps' publishers and every figure, in the order of the
// file.
func (w *wideReader) emit(s Sink) {
	byLine := slices.SortedFunc(maps.Values(w.publishers), func(a, b widePublisher) int { return a.line - b.line })
	for _, p := range byLine {
		s.AddApp(figures.App{Name: p.app, Publisher: p.publisher})
	}
	for _, c := range w.cells {
		r := &w.rows[c.row]
		m := w.months[c.col]
		f := figures.Figure{App: r.app, Country: r.country, Platform: r.platform, From: m, To: m, Installs: c.installs,
			Source: r.source, Note: w.noteOf(r.line, w.names[c.col], r.note), Estimate: r.estimate}
		if err := f.Validate(); err != nil { // checked as each row was read: this is a slip of uptake's
			w.c.fatal(r.line, w.names[c.col], fieldMessage(err))
			return
		}
		s.AddFigure(f, r.line)
	}
}

// understood says what the reader made of the sheet.
func (w *wideReader) understood(format, sheet string) Understood {
	u := Understood{Format: format}
	if w.nMonths == 0 {
		return u
	}
	u.Metric = fmt.Sprintf("installs, one column per month (%s..%s, %d months)", w.first.Short(), w.last.Short(), w.nMonths)
	if w.nMonths == 1 {
		u.Metric = fmt.Sprintf("installs, one column per month (%s)", w.first.Short())
	}
	if sheet != "" {
		u.Metric = "sheet " + quote(sheet) + ": " + u.Metric
	}
	if n := len(w.totalRows); n > 0 {
		lines := make([]string, 0, 5)
		for _, l := range w.totalRows[:min(n, 5)] {
			lines = append(lines, strconv.Itoa(l))
		}
		if n > 5 {
			lines = append(lines, "…")
		}
		rows := "row "
		if n > 1 {
			rows = "rows "
		}
		u.Metric += fmt.Sprintf("; %s of totals skipped (%s%s)", nCount(n, "row"), rows, strings.Join(lines, ", "))
	}
	if len(w.totalCols) > 0 {
		var names []string
		for _, i := range w.totalCols {
			names = append(names, quote(w.names[i]))
		}
		u.Metric += fmt.Sprintf("; %s of totals skipped (%s)", nCount(len(w.totalCols), "column"), strings.Join(names, ", "))
	}
	return u
}

func nCount(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// fieldMessage is the problem of a validation error, without its field,
// which the problem's column names.
func fieldMessage(err error) string {
	var fe *figures.FieldError
	if errors.As(err, &fe) {
		return fe.Problem
	}
	return cutMessage(err.Error())
}

// valueMessage is the problem of a value that did not parse, saying so
// plainly when the value is not UTF-8.
func valueMessage(v string, err error) string {
	if !utf8.ValidString(v) {
		return "is not valid UTF-8 text (save the file as UTF-8)"
	}
	return cutMessage(err.Error())
}

// wideCSV reads a wide sheet's rows from CSV text, with encoding/csv
// behind the limiter, as the uptake CSV reader's slow path does.
type wideCSV struct {
	c       *collector
	cr      *csv.Reader
	lim     *limiter
	lineOff int
}

func newWideCSV(br *bufio.Reader, c *collector) *wideCSV {
	w := &wideCSV{c: c}
	delim, sepLine, msg := excelSeparator(br)
	if msg != "" {
		c.fatal(1, "", msg)
		return w
	}
	if !sepLine {
		delim = sniffDelimiter(br)
	}
	w.lim = newLimiter(br, delim)
	if sepLine {
		w.lineOff = 1 // the header is on line 2 or later
		w.lim.line, w.lim.start = 1, 2
	}
	w.cr = csv.NewReader(bufio.NewReaderSize(w.lim, bufSize))
	w.cr.Comma = rune(delim)
	w.cr.FieldsPerRecord = -1
	w.cr.ReuseRecord = true
	return w
}

func (w *wideCSV) next() ([]string, int, bool) {
	if w.cr == nil {
		return nil, 0, false
	}
	return nextCSVRow(w.cr, w.c, w.lim, w.lineOff)
}

func (w *wideCSV) cellLine(i int) int {
	line, _ := w.cr.FieldPos(i)
	return line + w.lineOff
}

func (w *wideCSV) headerMonth(_ int, text string) (figures.Month, error) {
	return parseSheetMonth(text)
}
func (w *wideCSV) installs(_ int, cell string) string { return cell }
func (w *wideCSV) cellProblem(int, wideColumn) string { return "" }
func (w *wideCSV) exactWidth() bool                   { return true }

// wideHeader splits the first row of a CSV file's start (head), for
// recognising the layout: the separator is found as the reader finds it,
// and a row cut off by the end of head loses its last field.
func wideHeader(head []byte) []string {
	head = bytes.TrimPrefix(head, bom)
	br := bufio.NewReaderSize(bytes.NewReader(head), max(len(head), 16))
	delim, sepLine, msg := excelSeparator(br)
	if msg != "" {
		return nil
	}
	if !sepLine {
		delim = sniffDelimiter(br)
	}
	rest, _ := io.ReadAll(br)
	rest = bytes.TrimLeft(rest, "\r\n")
	line, _, whole := bytes.Cut(rest, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	var fields []string
	var b strings.Builder
	quoted := false
	for i := 0; i < len(line); i++ {
		switch ch := line[i]; {
		case ch == '"' && quoted && i+1 < len(line) && line[i+1] == '"':
			b.WriteByte('"')
			i++
		case ch == '"' && (quoted || b.Len() == 0):
			quoted = !quoted
		case ch == delim && !quoted:
			fields = append(fields, b.String())
			b.Reset()
		default:
			b.WriteByte(ch)
		}
	}
	if whole {
		fields = append(fields, b.String())
	}
	return fields
}

// wideShape classifies a header for recognition: whether it has an app
// column, a country column, how many months, and whether it has one of
// uptake CSV's own columns.
func wideShape(header []string) (app, country bool, months int, uptake bool) {
	for _, h := range header {
		f := foldHeader(h)
		switch {
		case wideColumnNames[f] == wApp:
			app = true
		case wideColumnNames[f] == wCountry:
			country = true
		case uptakeColumns[f]:
			uptake = true
		default:
			if _, err := parseSheetMonth(h); err == nil {
				months++
			}
		}
	}
	return app, country, months, uptake
}

// looksLikeWide recognises the wide layout by its header: an app column,
// a country column and at least one month, and none of uptake CSV's own
// columns.
func looksLikeWide(head []byte) bool {
	app, country, months, uptake := wideShape(wideHeader(head))
	return app && country && months > 0 && !uptake
}

// wideNearMiss says why a file with months for columns is not quite the
// wide layout.
func wideNearMiss(head []byte) string {
	app, country, months, uptake := wideShape(wideHeader(head))
	if months == 0 || uptake || app && country {
		return ""
	}
	var lacks []string
	if !app {
		lacks = append(lacks, "an App column")
	}
	if !country {
		lacks = append(lacks, "a Country column")
	}
	return fmt.Sprintf("it has a column per month, as a wide spreadsheet does, but lacks %s (expected %s)", strings.Join(lacks, " and "), wideExpected)
}
