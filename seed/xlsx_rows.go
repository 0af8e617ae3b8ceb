package seed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A sheet read row by row, cell by cell (xlsx_read.go).

// xlsxRows reads a sheet's rows, one <row> at a time.
type xlsxRows struct {
	b    *xlsxBook
	p    *xmlPart
	done bool
	row  int // the number of the row last read, from 1

	inTable, tableSeen bool // inside the sheet's <sheetData>; past its start

	// The cells of the row last read, from column A to its last cell
	// that holds a value or a formula, as the workbook holds them; a
	// cell the row lacks is "".
	cells  []string
	kinds  []byte // each cell's type: 'n' a number, 's' text, 'b' a boolean, 'd' a date, 'e' an error, 'f' a formula whose value was not saved, 'F' one whose saved value is in doubt (xlsxBook.formulaDoubt), 0 none
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
// problem. The sheet is read to its end, past its table, so that the
// zip's checksum of the part is checked (archive/zip checks it at the
// end): a byte changed in a part stored uncompressed is a problem, not a
// changed number.
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
			switch name, depth := t.Name.Local, r.p.depth(); {
			case name == "row" && r.inTable && depth == 3:
				return r.readRow(t)
			case name == "sheetData" && depth == 2 && !r.tableSeen:
				r.inTable, r.tableSeen = true, true
			case name == "sheetData" && depth == 2:
				return false, r.bad(r.row+1, fmt.Sprintf("the sheet holds a second table of rows (<sheetData>, line %d of its XML), which Excel does not write", r.p.line()))
			case name == "sheetData":
				return false, r.bad(r.row+1, fmt.Sprintf("the sheet holds its table of rows (<sheetData>) inside <%s> (line %d of its XML), where Excel writes none", r.p.open[depth-2].Local, r.p.line()))
			case name == "row", name == "c" && r.inTable:
				return false, r.bad(r.row+1, fmt.Sprintf("the sheet holds a <%s> outside its rows (line %d of its XML), which Excel does not write", name, r.p.line()))
			}
		case xml.EndElement:
			if t.Name.Local == "sheetData" && r.p.depth() == 1 {
				r.inTable = false
			}
		}
	}
	r.done = true
	return false, nil
}

// skipChecked reads to the end of the element just started, inside row
// line, and refuses a row or a cell within it, which would be dropped.
func (r *xlsxRows) skipChecked(line int, in string) *rowError {
	for d := r.p.depth(); r.p.depth() >= d; {
		tok, err := r.p.token()
		if err != nil {
			return r.unreadable(line, eofError(err))
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "row", "c", "sheetData":
				return r.bad(line, fmt.Sprintf("%s holds a <%s> (line %d of the sheet's XML), which Excel does not write", in, se.Name.Local, r.p.line()))
			}
		}
	}
	return nil
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
		if se.Name.Local == "row" || se.Name.Local == "sheetData" {
			return false, r.bad(n, fmt.Sprintf("row %d holds a <%s> (line %d of the sheet's XML), which Excel does not write", n, se.Name.Local, r.p.line()))
		}
		if se.Name.Local != "c" {
			if problem := r.skipChecked(n, "row "+strconv.Itoa(n)); problem != nil {
				return false, problem
			}
			continue
		}
		col++
		ref, _ := attr(se, "r")
		if ref != "" {
			c, row, ok := refCell(ref)
			if !ok {
				return false, r.bad(n, quote(ref)+" is not a cell's reference, such as B"+strconv.Itoa(n))
			}
			if row != n {
				return false, r.bad(n, fmt.Sprintf("cell %s is written in row %d (expected each cell in its own row)", ref, n))
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
		case se.Name.Local == "c", se.Name.Local == "row", se.Name.Local == "sheetData":
			return "", 0, 0, false, r.bad(line, fmt.Sprintf("cell %s holds a <%s> (line %d of the sheet's XML), which Excel does not write", ref, se.Name.Local, r.p.line()))
		case r.p.depth() != d+1:
			if problem := r.skipChecked(line, "cell "+ref); problem != nil {
				return "", 0, 0, false, problem
			}
		case (se.Name.Local == "v" && hasV) || (se.Name.Local == "is" && hasIS):
			// Excel writes one; readers differ on two: a problem, not a guess.
			return "", 0, 0, false, r.bad(line, fmt.Sprintf("cell %s holds two <%s> (line %d of the sheet's XML), which Excel does not write", ref, se.Name.Local, r.p.line()))
		case se.Name.Local == "v":
			r.v, err = r.p.chars(r.v[:0])
			hasV = true
		case se.Name.Local == "f":
			hasF = true
			err = r.p.skip()
		case se.Name.Local == "is":
			r.text, err = r.p.richText(r.text[:0])
			hasIS = true
		default:
			if problem := r.skipChecked(line, "cell "+ref); problem != nil {
				return "", 0, 0, false, problem
			}
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
	case "n", "":
		value = string(r.v)
	default:
		return "", 0, 0, false, r.bad(line, fmt.Sprintf("cell %s has the type %s, which Excel does not write (expected s, str, inlineStr, n, b, d or e)", ref, quote(t)))
	}
	switch {
	case !hasF:
	case value == "" && t != "str":
		// No value, or an empty one (openpyxl writes <v></v>): an empty
		// text is a formula's value only as a string (t="str").
		kind = 'f'
	case r.b.formulaDoubt() != "":
		kind = 'F'
	}
	return value, kind, style, value != "" || hasF, nil
}
