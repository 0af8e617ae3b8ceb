package seed

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	zpath "path"
	"slices"
	"strconv"
	"strings"
)

// A workbook's parts, read with archive/zip and encoding/xml: the sheets
// it lists, its shared strings, its cell styles, and a sheet's rows, cell
// by cell, each as the workbook holds it (what excelize's
// Rows.Columns(Options{RawCellValue: true}) gave, which uptake used to
// read workbooks with, at 12 ms of package init on every run).
//
// Elements are matched by their local name, so that a Strict Open XML
// workbook (namespaces http://purl.oclc.org/ooxml/…) reads as a
// transitional one, and parts are looked up by name in any case, with \
// read as /, as Excel opens them.
//
// Where it reads otherwise than excelize did, it is on workbooks Excel
// does not write, and a problem is better than what excelize did:
//   - Only the parts needed are unpacked: the workbook and its
//     relationships, the sheet, the shared strings once a cell needs one,
//     the styles once the header holds a number in a style. A damaged
//     part (bad XML, a checksum that fails) is a problem that names it and
//     the row; excelize refused a workbook with any part damaged, and
//     ended a sheet at bad XML without a word.
//   - Rows or cells out of order, a shared string's number that is not
//     one or past the table, and a style that is not a number are
//     problems; excelize put such cells at the end of the row before,
//     gave the first shared string or an empty cell, and dropped the
//     cell's value.
//   - Parts are found in any case; a cell past column XFD that is empty is
//     ignored, as any empty cell is; a part in an encoding other than
//     UTF-8 (or ASCII) is a problem.
//   - What the header shows: see xlsx_format.go.

// maxXMLDepth is how deeply the elements of a part may nest: a sheet's
// cells are at depth 4 and Excel's deepest parts nest a dozen deep.
const maxXMLDepth = 100

// xlsxBook is a workbook opened from its zip.
type xlsxBook struct {
	parts    map[string]*zip.File // by name, lowercased, with / for \
	sheets   []xlsxSheet          // in the workbook's order
	date1904 bool

	sstPart, stylesPart string // their names, lowercased

	sstRead bool
	sst     string   // the shared strings, end to end
	sstEnds []uint32 // where each ends in sst

	stylesRead bool
	xfFormats  []int          // each cell style's number format id
	numFmts    map[int]string // the workbook's own number formats, by id
}

// xlsxSheet is a sheet the workbook lists: its name, and its part ("" if
// the workbook's relationships name none).
type xlsxSheet struct{ name, part string }

// partName is the name of a part as looked up: lowercased, with / for \.
func partName(name string) string { return strings.ToLower(strings.ReplaceAll(name, "\\", "/")) }

// openBook reads which sheets a workbook has, and where its parts are.
func openBook(zr *zip.Reader) (*xlsxBook, error) {
	b := &xlsxBook{parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		b.parts[partName(f.Name)] = f // the last of two, as excelize took it
	}
	wb := "xl/workbook.xml"
	rels, err := b.rels("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if r.kind == "officedocument" && b.parts[r.target] != nil {
			wb = r.target
			break
		}
	}
	if b.parts[wb] == nil {
		return nil, errors.New("it has no workbook part (xl/workbook.xml)")
	}
	dir := zpath.Dir(wb)
	if rels, err = b.rels(zpath.Join(dir, "_rels", zpath.Base(wb)+".rels"), dir); err != nil {
		return nil, err
	}
	byID := map[string]string{}
	for _, r := range rels {
		if _, ok := byID[r.id]; !ok {
			byID[r.id] = r.target
		}
		switch r.kind {
		case "sharedstrings":
			if b.sstPart == "" {
				b.sstPart = r.target
			}
		case "styles":
			if b.stylesPart == "" {
				b.stylesPart = r.target
			}
		}
	}
	if b.sstPart == "" {
		b.sstPart = zpath.Join(dir, "sharedstrings.xml")
	}
	if b.stylesPart == "" {
		b.stylesPart = zpath.Join(dir, "styles.xml")
	}
	if err := b.readWorkbook(wb, byID); err != nil {
		return nil, err
	}
	return b, nil
}

// xmlPart is a part being read, token by token, with the elements open.
type xmlPart struct {
	name string // as the zip names it, for messages
	rc   io.ReadCloser
	d    *xml.Decoder
	open []xml.Name
}

// openPart opens part name (lowercased); ok is false if the zip has no
// such part.
func (b *xlsxBook) openPart(name string) (p *xmlPart, ok bool, err error) {
	f := b.parts[name]
	if f == nil {
		return nil, false, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, true, fmt.Errorf("%s: %w", f.Name, err)
	}
	d := xml.NewDecoder(bufio.NewReaderSize(rc, 64<<10))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if strings.EqualFold(label, "us-ascii") || strings.EqualFold(label, "ascii") {
			return r, nil
		}
		return nil, fmt.Errorf("the part is in the encoding %q, not UTF-8", cutTo(label, 40))
	}
	return &xmlPart{name: f.Name, rc: rc, d: d}, true, nil
}

func (p *xmlPart) close() { p.rc.Close() }

// errXMLDepth is the error of a part whose elements nest too deep.
var errXMLDepth = fmt.Errorf("its elements nest more than %d deep", maxXMLDepth)

// token returns the next token, or io.EOF at the end of a well-formed
// part. Character data is valid until the next call.
func (p *xmlPart) token() (xml.Token, error) {
	tok, err := p.d.RawToken()
	if err != nil {
		if err == io.EOF && len(p.open) > 0 {
			err = fmt.Errorf("XML syntax error on line %d: the part ends inside <%s>", p.line(), p.open[len(p.open)-1].Local)
		}
		if err != io.EOF {
			err = fmt.Errorf("%s: %w", p.name, err)
		}
		return nil, err
	}
	switch t := tok.(type) {
	case xml.StartElement:
		if len(p.open) >= maxXMLDepth {
			return nil, fmt.Errorf("%s: %w", p.name, errXMLDepth)
		}
		p.open = append(p.open, t.Name)
	case xml.EndElement:
		if n := len(p.open); n == 0 || p.open[n-1] != t.Name {
			return nil, fmt.Errorf("%s: XML syntax error on line %d: unexpected </%s>", p.name, p.line(), t.Name.Local)
		}
		p.open = p.open[:len(p.open)-1]
	}
	return tok, nil
}

func (p *xmlPart) line() int {
	line, _ := p.d.InputPos()
	return line
}

// depth is how many elements are open.
func (p *xmlPart) depth() int { return len(p.open) }

// skip reads to the end of the element just started.
func (p *xmlPart) skip() error {
	for d := p.depth(); p.depth() >= d; {
		if _, err := p.token(); err != nil {
			return eofError(err)
		}
	}
	return nil
}

// chars reads to the end of the element just started and appends its
// character data, not that of the elements within it, to buf.
func (p *xmlPart) chars(buf []byte) ([]byte, error) {
	d := p.depth()
	for p.depth() >= d {
		tok, err := p.token()
		if err != nil {
			return buf, eofError(err)
		}
		if cd, ok := tok.(xml.CharData); ok && p.depth() == d {
			buf = append(buf, cd...)
		}
	}
	return buf, nil
}

// eofError is io.EOF inside an element, which token reports otherwise.
func eofError(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// attr returns the value of the attribute of local name local.
func attr(se xml.StartElement, local string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space != "xmlns" {
			return a.Value, true
		}
	}
	return "", false
}

// xlsxRel is a relationship of a part: its id, the last word of its type
// (lowercased: worksheet, sharedstrings, officedocument…) and the part
// it targets.
type xlsxRel struct{ id, kind, target string }

// rels reads the relationships part name, whose targets are relative to
// folder dir; a workbook without it has none.
func (b *xlsxBook) rels(name, dir string) ([]xlsxRel, error) {
	p, ok, err := b.openPart(partName(name))
	if !ok || err != nil {
		return nil, err
	}
	defer p.close()
	var out []xlsxRel
	for {
		tok, err := p.token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		if mode, _ := attr(se, "TargetMode"); strings.EqualFold(mode, "External") {
			continue
		}
		id, _ := attr(se, "Id")
		typ, _ := attr(se, "Type")
		target, _ := attr(se, "Target")
		if target == "" {
			continue
		}
		target = strings.ReplaceAll(target, "\\", "/")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(zpath.Clean(target), "/")
		} else {
			target = zpath.Join(dir, target)
		}
		out = append(out, xlsxRel{id: id, kind: strings.ToLower(typ[strings.LastIndexByte(typ, '/')+1:]), target: partName(target)})
	}
}

// readWorkbook reads the workbook part: its sheets, in order, each with
// its part from the relationships byID, and its date system.
func (b *xlsxBook) readWorkbook(name string, byID map[string]string) error {
	p, _, err := b.openPart(name)
	if err != nil {
		return err
	}
	defer p.close()
	for {
		tok, err := p.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			if v, ok := attr(se, "date1904"); ok {
				b.date1904, _ = strconv.ParseBool(strings.TrimSpace(v))
			}
		case "sheet":
			if p.depth() != 3 {
				continue // not workbook/sheets/sheet
			}
			s := xlsxSheet{}
			s.name, _ = attr(se, "name")
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" && a.Name.Space != "xmlns" {
					s.part = byID[a.Value]
				}
			}
			b.sheets = append(b.sheets, s)
		}
	}
}

// sheetNames lists the workbook's sheets.
func (b *xlsxBook) sheetNames() []string {
	names := make([]string, len(b.sheets))
	for i, s := range b.sheets {
		names[i] = s.name
	}
	return names
}

// sharedString returns shared string i, reading the table on first use.
func (b *xlsxBook) sharedString(i int) (string, error) {
	if !b.sstRead {
		b.sstRead = true
		if err := b.readSharedStrings(); err != nil {
			return "", err
		}
	}
	if i < 0 || i >= len(b.sstEnds) {
		return "", fmt.Errorf("it refers to shared string %d, and the workbook has %d", i, len(b.sstEnds))
	}
	start := uint32(0)
	if i > 0 {
		start = b.sstEnds[i-1]
	}
	return b.sst[start:b.sstEnds[i]], nil
}

// readSharedStrings reads the shared strings: each <si> of the table,
// its text or its runs of rich text, end to end in one string.
func (b *xlsxBook) readSharedStrings() error {
	p, ok, err := b.openPart(b.sstPart)
	if !ok || err != nil {
		return err
	}
	defer p.close()
	var all strings.Builder
	var buf []byte
	for {
		tok, err := p.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" && p.depth() == 2 {
			if buf, err = p.richText(buf[:0]); err != nil {
				return err
			}
			all.Write(buf)
			if uint64(all.Len()) > 1<<32-1 {
				return errors.New("its shared strings are too long")
			}
			b.sstEnds = append(b.sstEnds, uint32(all.Len()))
		}
	}
	b.sst = all.String()
	return nil
}

// richText reads a string item (<si>, or a cell's <is>) just started and
// appends its text to buf: its <t>, then the <t> of each run <r>, as
// excelize did (phonetic runs, <rPh>, are not the text), with Excel's
// escapes _xHHHH_ read.
func (p *xmlPart) richText(buf []byte) ([]byte, error) {
	d := p.depth()
	start := len(buf)
	var t, runs []byte
	hasT := false
	for p.depth() >= d {
		tok, err := p.token()
		if err != nil {
			return buf, eofError(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case se.Name.Local == "t" && p.depth() == d+1:
			// The last <t> of an item is its text, as encoding/xml
			// gave excelize.
			if t, err = p.chars(t[:0]); err != nil {
				return buf, err
			}
			hasT = true
		case se.Name.Local == "r" && p.depth() == d+1:
			if runs, err = p.runText(runs); err != nil {
				return buf, err
			}
		default:
			if err := p.skip(); err != nil {
				return buf, err
			}
		}
	}
	if hasT {
		buf = append(buf, t...)
	}
	buf = append(buf, runs...)
	return unescapeOOXML(buf, start), nil
}

// runText reads a run of rich text just started and appends the text of
// its last <t> to buf.
func (p *xmlPart) runText(buf []byte) ([]byte, error) {
	d := p.depth()
	start := len(buf)
	for p.depth() >= d {
		tok, err := p.token()
		if err != nil {
			return buf, eofError(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local == "t" && p.depth() == d+1 {
				if buf, err = p.chars(buf[:start]); err != nil {
					return buf, err
				}
			} else if err := p.skip(); err != nil {
				return buf, err
			}
		}
	}
	return buf, nil
}

// unescapeOOXML reads Excel's escapes in buf[start:]: _xHHHH_ is the
// character U+HHHH (_x005F_ an underscore), and one that is no
// character, a surrogate, is dropped, as excelize read them.
func unescapeOOXML(buf []byte, start int) []byte {
	s := buf[start:]
	i := 0
	for ; i+7 <= len(s); i++ {
		if s[i] == '_' && isOOXMLEscape(s[i:]) {
			break
		}
	}
	if i+7 > len(s) {
		return buf
	}
	out := append([]byte(nil), s[:i]...)
	for i < len(s) {
		if s[i] == '_' && i+7 <= len(s) && isOOXMLEscape(s[i:]) {
			r, _ := strconv.ParseUint(string(s[i+2:i+6]), 16, 32)
			if r < 0xD800 || r > 0xDFFF {
				out = appendRune(out, rune(r))
			}
			i += 7
			continue
		}
		out = append(out, s[i])
		i++
	}
	return append(buf[:start], out...)
}

func isOOXMLEscape(s []byte) bool {
	if s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !isDigit(c) && (c|0x20 < 'a' || c|0x20 > 'f') {
			return false
		}
	}
	return true
}

func appendRune(b []byte, r rune) []byte { return append(b, string(r)...) }

// numFmt returns the number format code of cell style s, and whether it
// has one; a style the workbook does not have is General, as excelize
// took it.
func (b *xlsxBook) numFmt(s int) (string, bool) {
	if !b.stylesRead {
		b.stylesRead = true
		b.readStyles() // a workbook whose styles cannot be read shows its cells as they are
	}
	if s <= 0 || s >= len(b.xfFormats) {
		return "", false
	}
	id := b.xfFormats[s]
	if code, ok := b.numFmts[id]; ok {
		return code, true
	}
	code, ok := builtInNumFmt(id)
	return code, ok
}

// readStyles reads the number format of each cell style (<cellXfs><xf
// numFmtId>) and the workbook's own formats (<numFmts><numFmt>); styles
// that cannot be read are none, as excelize took them.
func (b *xlsxBook) readStyles() {
	p, ok, err := b.openPart(b.stylesPart)
	if !ok || err != nil {
		return
	}
	defer p.close()
	b.numFmts = map[int]string{}
	for {
		tok, err := p.token()
		if err == io.EOF {
			return
		}
		if err != nil {
			b.xfFormats, b.numFmts = nil, nil
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok || p.depth() != 3 {
			continue
		}
		switch parent := p.open[1].Local; {
		case se.Name.Local == "xf" && parent == "cellXfs":
			v, _ := attr(se, "numFmtId")
			id, _ := strconv.Atoi(strings.TrimSpace(v))
			b.xfFormats = append(b.xfFormats, id)
		case se.Name.Local == "numFmt" && parent == "numFmts":
			v, _ := attr(se, "numFmtId")
			id, err := strconv.Atoi(strings.TrimSpace(v))
			code, _ := attr(se, "formatCode")
			if code16, ok := attr(se, "formatCode16"); ok && code16 != "" {
				code = code16
			}
			if _, dup := b.numFmts[id]; err == nil && !dup {
				b.numFmts[id] = code
			}
		}
	}
}

// xlsxRows reads a sheet's rows, one <row> at a time.
type xlsxRows struct {
	b    *xlsxBook
	p    *xmlPart
	done bool
	row  int // the number of the row last read, from 1

	// The cells of the row last read, from column A to its last cell
	// that holds a value or a formula, as the workbook holds them; a
	// cell the row lacks is "".
	cells  []string
	kinds  []byte // each cell's type: 'n' a number, 's' text, 'b' a boolean, 'd' a date, 'e' an error, 0 none
	styles []int  // each cell's style (its s)

	v, text []byte // scratch
}

// rowError is why a sheet cannot be read further: at line, msg.
type rowError struct {
	line int
	msg  string
}

// openRows opens a sheet's part to read its rows.
func (b *xlsxBook) openRows(s xlsxSheet) (*xlsxRows, error) {
	if s.part == "" {
		return nil, errors.New("the workbook names no part for it")
	}
	p, ok, err := b.openPart(s.part)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("the workbook has no part %s", s.part)
	}
	return &xlsxRows{b: b, p: p}, nil
}

func (r *xlsxRows) close() { r.p.close() }

// next reads the next row; ok is false at the end of the sheet, or on a
// problem.
func (r *xlsxRows) next() (ok bool, problem *rowError) {
	for !r.done {
		tok, err := r.p.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return false, r.unreadable(r.row+1, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "row" {
				return r.readRow(t)
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" {
				r.done = true
			}
		}
	}
	r.done = true
	return false, nil
}

// unreadable is the problem of a sheet whose XML (or zip) fails at line,
// past the row last read.
func (r *xlsxRows) unreadable(line int, err error) *rowError {
	r.done = true
	past := ""
	if r.row > 0 {
		past = " past row " + strconv.Itoa(r.row)
	}
	return &rowError{line, "the sheet cannot be read" + past + ": " + errText(err) + " (save the workbook again from Excel, or as CSV UTF-8)"}
}

// bad is the problem of row line, which cannot be read.
func (r *xlsxRows) bad(line int, why string) *rowError {
	r.done = true
	return &rowError{line, "the row cannot be read: " + why + " (save the workbook again from Excel, or as CSV UTF-8)"}
}

// tooMany is the problem of a sheet with a row past Excel's last.
func (r *xlsxRows) tooMany(line int) *rowError {
	r.done = true
	return &rowError{line, fmt.Sprintf("the sheet has more than %d rows (expected at most that, as Excel has)", maxSheetRows)}
}

// readRow reads the row just started: its number is its r, or, without
// one, the one after the last row's, as Excel numbers rows.
func (r *xlsxRows) readRow(se xml.StartElement) (bool, *rowError) {
	n := r.row + 1
	if v, ok := attr(se, "r"); ok {
		num, err := strconv.Atoi(v)
		switch {
		case err == nil && num > maxSheetRows, err != nil && len(v) > 7 && strings.Trim(v, "0123456789") == "":
			return false, r.tooMany(n)
		case err != nil || num < 0:
			return false, r.bad(n, fmt.Sprintf("the row after row %d is numbered %s", r.row, quote(v)))
		case num == 0: // as if it had none, as excelize read it
		case num <= r.row:
			return false, r.bad(n, fmt.Sprintf("it is numbered %d, after row %d (expected rows in order)", num, r.row))
		default:
			n = num
		}
	}
	if n > maxSheetRows {
		return false, r.tooMany(n)
	}
	r.cells, r.kinds, r.styles = r.cells[:0], r.kinds[:0], r.styles[:0]
	col, past := 0, 0
	d := r.p.depth()
	for r.p.depth() >= d {
		tok, err := r.p.token()
		if err != nil {
			return false, r.unreadable(n, eofError(err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "c" || r.p.depth() != d+1 {
			if err := r.p.skip(); err != nil {
				return false, r.unreadable(n, err)
			}
			continue
		}
		col++
		ref, _ := attr(se, "r")
		if ref != "" {
			c, ok := refColumn(ref)
			if !ok {
				return false, r.bad(n, quote(ref)+" is not a cell's reference, such as B"+strconv.Itoa(n))
			}
			col = c
		}
		if ref == "" {
			ref = cellName(col, n)
		}
		value, kind, style, keep, problem := r.readCell(se, n, ref)
		if problem != nil {
			return false, problem
		}
		if !keep {
			continue // an empty cell, as excelize left it out
		}
		switch {
		case col > MaxColumns:
			past = max(past, col)
		case past > 0:
		case col <= len(r.cells):
			return false, r.bad(n, fmt.Sprintf("cell %s comes after column %d (expected cells in order)", ref, len(r.cells)))
		default:
			for len(r.cells) < col-1 {
				r.cells, r.kinds, r.styles = append(r.cells, ""), append(r.kinds, 0), append(r.styles, 0)
			}
			r.cells, r.kinds, r.styles = append(r.cells, value), append(r.kinds, kind), append(r.styles, style)
		}
	}
	r.row = n
	if past > 0 {
		r.done = true
		return false, &rowError{n, fmt.Sprintf("the row has a value in column %d, past the %d columns uptake reads (expected a column per month; is this the right sheet?)", past, MaxColumns)}
	}
	return true, nil
}

// readCell reads cell ref of row line, just started: its value as the
// workbook holds it, its type and its style; keep is false for a cell
// with neither a value nor a formula.
func (r *xlsxRows) readCell(se xml.StartElement, line int, ref string) (value string, kind byte, style int, keep bool, problem *rowError) {
	t, _ := attr(se, "t")
	if s, ok := attr(se, "s"); ok {
		var err error
		if style, err = strconv.Atoi(s); err != nil {
			return "", 0, 0, false, r.bad(line, fmt.Sprintf("cell %s has the style %s, not a style's number", ref, quote(s)))
		}
	}
	hasV, hasF, hasIS := false, false, false
	r.v = r.v[:0]
	d := r.p.depth()
	for r.p.depth() >= d {
		tok, err := r.p.token()
		if err != nil {
			return "", 0, 0, false, r.unreadable(line, eofError(err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case r.p.depth() != d+1:
			err = r.p.skip()
		case se.Name.Local == "v":
			r.v, err = r.p.chars(r.v[:0]) // the last <v>, as encoding/xml gave excelize
			hasV = true
		case se.Name.Local == "f":
			hasF = true
			err = r.p.skip()
		case se.Name.Local == "is":
			r.text, err = r.p.richText(r.text[:0])
			hasIS = true
		default:
			err = r.p.skip()
		}
		if err != nil {
			return "", 0, 0, false, r.unreadable(line, err)
		}
	}
	kind = 'n'
	switch t {
	case "s":
		kind = 's'
		if v := strings.TrimSpace(string(r.v)); hasV && v != "" {
			i, err := strconv.Atoi(v)
			if err != nil {
				return "", 0, 0, false, r.bad(line, fmt.Sprintf("cell %s holds %s where the number of a shared string belongs", ref, quote(v)))
			}
			if value, err = r.b.sharedString(i); err != nil {
				return "", 0, 0, false, r.bad(line, fmt.Sprintf("cell %s: %s", ref, errText(err)))
			}
		}
	case "inlineStr":
		kind = 's'
		if hasIS {
			value = string(r.text)
		} else {
			value = string(r.v)
		}
	case "str":
		kind = 's'
		value = string(r.v)
	case "b", "d", "e":
		kind = t[0]
		value = string(r.v)
	default:
		value = string(r.v)
	}
	return value, kind, style, value != "" || hasF, nil
}

// refColumn returns the column of a cell reference such as B12 or $B$12
// (any row); ok is false for anything else.
func refColumn(ref string) (col int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start := i
	for i < len(ref) && isLetter(ref[i]) {
		if i-start == 7 {
			return 0, false
		}
		col = col*26 + int(ref[i]|0x20-'a') + 1
		i++
	}
	if i == start {
		return 0, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	if i == len(ref) || len(ref)-i > 7 || ref[i] == '0' {
		return 0, false
	}
	for ; i < len(ref); i++ {
		if !isDigit(ref[i]) {
			return 0, false
		}
	}
	return col, true
}

// cellName is the name of the cell at col, row: B12.
func cellName(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append(b, byte('A'+(c-1)%26))
	}
	slices.Reverse(b)
	return string(b) + strconv.Itoa(row)
}
