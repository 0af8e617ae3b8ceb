package seed

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// benchBook is a workbook of 2,000 rows (app, country) of 60 months'
// installs, its months date cells formatted mmm-yy, as Excel saves a
// sheet of figures.
func benchBook(b testing.TB) []byte {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	month, err := f.NewStyle(&excelize.Style{NumFmt: 17})
	if err != nil {
		b.Fatal(err)
	}
	header := []any{"App", "Country"}
	for m := range 60 {
		header = append(header, excelize.Cell{StyleID: month, Value: serial(2019+m/12, time.Month(m%12+1), 1)})
	}
	if err := sw.SetRow("A1", header); err != nil {
		b.Fatal(err)
	}
	countries := []string{"IN", "BR", "US", "ID", "MX", "DE", "FR", "JP", "GB", "TR"}
	for r := range 2000 {
		row := []any{fmt.Sprintf("App %d", r/10), countries[r%10]}
		for m := range 60 {
			row = append(row, 1000+(r*7919+m*104729)%9_000_000)
		}
		ref, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(ref, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReadXLSX reads a workbook of 2,000 rows of 60 months into a
// sink that keeps nothing.
func BenchmarkReadXLSX(b *testing.B) {
	data := benchBook(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		u, ps := ReadWith(bytes.NewReader(data), "bench.xlsx", discard{}, Options{})
		if len(ps) > 0 || u.Format != xlsxFormatName {
			b.Fatal(strs(ps))
		}
	}
}
