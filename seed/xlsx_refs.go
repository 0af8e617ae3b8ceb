package seed

import (
	"slices"
	"strconv"
	"strings"
)

// Cell references: B12 read and written (xlsx_rows.go).

// refCell returns the column and row of a cell reference such as B12
// or $B$12; ok is false for anything else.
func refCell(ref string) (col, row int, ok bool) {
	col, ok = refColumn(ref)
	if !ok {
		return 0, 0, false
	}
	i := strings.IndexAny(ref, "0123456789")
	row, err := strconv.Atoi(ref[i:])
	return col, row, err == nil
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
