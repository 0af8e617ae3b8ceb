package seed

import (
	"math"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// What a sheet's cells hold, as the wide reader asks of them: installs,
// and why a cell holds nothing to read (xlsx.go).

// installs returns a month's cell, column i of the row last read, to
// read as installs: a number as Excel holds it (3600000, or
// 3599999.9999999995 after a sum) to Excel's 15 significant digits, and
// text as it is, for the parser to read or refuse as it would in a CSV
// file ("1.000" is refused there, not taken as 1).
func (x *xlsxSource) installs(i int, cell string) string {
	if i < len(x.rows.kinds) && x.rows.kinds[i] == 'n' {
		return roundSheetNumber(cell)
	}
	return cell
}

// cellProblem says why cell i of the row last read holds nothing to read
// in column k (wNone: a month): a formula without a trusted value, an
// error, a TRUE or FALSE but under Estimate, a date but in a Note, and
// under a month a number shown as a date or a time (Excel keeps a date
// as a number: 2024-05-01 is 45413, which is not installs).
func (x *xlsxSource) cellProblem(i int, k wideColumn) string {
	if i >= len(x.rows.kinds) {
		return ""
	}
	if msg := x.formulaProblem(i); msg != "" {
		return msg
	}
	// Every cell read is asked: the message is made only for a problem.
	v := x.rows.cells[i]
	var holds, fix string
	switch kind := x.rows.kinds[i]; {
	case kind == 'e':
		holds, fix = "an error ("+quote(v)+")", " (correct the formula in Excel)"
	case kind == 'b' && k != wEstimate:
		holds = "a TRUE or FALSE value (" + quote(v) + ")"
	case kind == 'd' && k != wNote:
		holds = "a date (" + quote(v) + ")"
	case kind == 'n' && k == wNone && v != "":
		shown, ok := x.dateShown(i)
		if !ok {
			return ""
		}
		holds, fix = "a date or a time (it shows "+quote(shown)+"; Excel keeps it as "+v+")", " (expected a number in a number format)"
	default:
		return ""
	}
	what := "installs"
	switch k {
	case wNone:
	case wApp, wEstimate:
		what = "an " + strings.ToLower(wideColumnLabels[k])
	default:
		what = "a " + strings.ToLower(wideColumnLabels[k])
	}
	return "cell " + cellName(i+1, x.row) + " holds " + holds + ", not " + what + fix
}

// formulaProblem says why cell i of the row last read holds a formula
// whose value is not to be read; "" for any other cell.
func (x *xlsxSource) formulaProblem(i int) string {
	var why string
	switch x.rows.kinds[i] {
	case 'f':
		why = "holds a formula whose value the workbook did not save"
	case 'F':
		why = "holds a formula, and the value saved with it may not be its value: " + x.book.formulaDoubt()
	default:
		return ""
	}
	return "cell " + cellName(i+1, x.row) + " " + why + " (open the workbook in Excel, or in LibreOffice and recalculate it with Data ▸ Calculate ▸ Recalculate Hard, and save it; or replace the formulas by their values)"
}

// dateShown returns what number cell i of the row last read shows when
// its style is a date or a time format.
func (x *xlsxSource) dateShown(i int) (string, bool) {
	style := x.rows.styles[i]
	isDate, known := x.dateStyles[style]
	if !known {
		code, ok := x.book.numFmt(style)
		if ok {
			_, _, isDate = parseDateFormat(code)
		}
		if x.dateStyles == nil {
			x.dateStyles = map[int]bool{}
		}
		x.dateStyles[style] = isDate
	}
	if !isDate {
		return "", false
	}
	n, ok := sheetNumber(x.rows.cells[i])
	if !ok {
		return "", false
	}
	code, _ := x.book.numFmt(style)
	shown, ok := formatDate(n, code, x.book.date1904)
	if !ok {
		shown = x.rows.cells[i] // a serial past Excel's dates, in a date's format
	}
	return shown, true
}

// roundSheetNumber returns a number as Excel holds it rounded to Excel's
// 15 significant digits, when that is a whole number; anything else as
// it is.
func roundSheetNumber(cell string) string {
	v, ok := sheetNumber(cell)
	if ok && v == 0 {
		return "0" // -0 and 0.0 too
	}
	if !ok || !strings.ContainsAny(cell, ".eE") {
		return cell
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if err != nil || r != math.Trunc(r) || math.Abs(r) > figures.MaxInstalls*10 {
		return cell
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// sheetNumber reads a number as a workbook stores it: digits, a point,
// an exponent; ok is false for anything else (Infinity, 0x10, text).
func sheetNumber(s string) (float64, bool) {
	if s == "" || len(s) > 40 || strings.Trim(s, "0123456789.eE+-") != "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}
