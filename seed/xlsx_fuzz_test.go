package seed

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// FuzzReadXLSXParts reads mutated workbooks through ReadWith, as
// FuzzReadXLSX (sheetfuzz_test.go) does, from seeds whose parts are
// stored unpacked and unchecked (see unchecked) and written as XML here,
// so that the mutations reach what uptake's reader parses (shared strings, rich text, styles, dates,
// cells and rows without r, Strict namespaces): never a panic, only
// figures that validate or problems, and in bounded time.
func FuzzReadXLSXParts(f *testing.F) {
	sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c><c t="s"><v>1</v></c><c s="1"><v>44044</v></c><c s="2"><v>44075.5</v></c><c t="inlineStr"><is><t>Oct 2020</t></is></c></row>` +
		`<row><c t="inlineStr"><is><r><t>Res</t></r><r><t>so</t></r></is></c><c t="s"><v>2</v></c><c><v>1000</v></c><c t="b"><v>1</v></c><c t="str"><f>A1</f><v>3</v></c></row>` +
		`<row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="s"><v>4</v></c><c r="C4"><v>1.5E+3</v></c><c r="E4" t="e"><v>#N/A</v></c></row>`
	sst := `<si><t>App</t></si><si><r><t>Coun</t></r><r><t>try</t></r></si><si><t>IN</t><rPh sb="0" eb="1"><t>x</t></rPh></si><si><t>_x0053_potify</t></si><si><t>BR</t></si>`
	for _, w := range []rawWorkbook{
		{sheets: []string{sheet}, sst: sst},
		{strict: true, date1904: true, sheets: []string{sheet, rawSheet}, sst: sst, names: []string{"Data", "Raw"}},
		{absolute: true, sheets: []string{sheet}, sst: sst, styles: `<styleSheet><numFmts><numFmt numFmtId="200" formatCode="[$-409]mmmm yyyy;@"/></numFmts><cellXfs><xf/><xf numFmtId="200"/><xf numFmtId="14"/></cellXfs></styleSheet>`},
	} {
		f.Add(unchecked(f, w.bytes(f)))
	}
	f.Add(unchecked(f, workbook(f, map[string][][]any{"Data": {{"App", "Country", cell{serial(2020, 8, 1), "mmm-yy"}, cell{serial(2020, 9, 1), "d/m/yyyy"}},
		{"Resso", "IN", 1.0, true}, {"Total", nil, stored("1.5E+3"), "x"}}}, "Data")))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		for _, sheet := range []string{"", "Data"} {
			rec := &recorder{}
			_, ps := ReadWith(bytes.NewReader(data), "f.xlsx", rec, Options{Format: "xlsx", Sheet: sheet})
			if sheet != "" && len(ps) == 1 && strings.HasPrefix(ps[0].Message, "the workbook has no sheet named") {
				continue
			}
			checkXLSXRead(t, rec, ps)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Fatalf("%d bytes read in %v", len(data), d)
		}
	})
}

// FuzzXLSXSameAsExcelize reads mutated workbooks with uptake's reader
// and with excelize: where both read every row of every sheet without an
// error, they read the same cells. (A difference it finds may be one of
// those xlsx_read.go accepts, on XML that Excel does not write, such as
// a <row> within a row, which excelize reads as a row and uptake skips.)
func FuzzXLSXSameAsExcelize(f *testing.F) {
	for _, w := range []rawWorkbook{
		{sheets: []string{rawSheet}, sst: rawSST},
		{strict: true, sheets: []string{rawSheet}, sst: rawSST},
	} {
		f.Add(unchecked(f, w.bytes(f)))
	}
	f.Add(unchecked(f, randomBook(f, rand.New(rand.NewPCG(1, 1)))))
	f.Fuzz(func(t *testing.T, data []byte) {
		if msg := diffExcelize(data); msg != "" {
			t.Fatal(msg)
		}
	})
}

// diffExcelize returns how uptake's reader and excelize's differ on a
// workbook both read without an error, or "".
func diffExcelize(data []byte) string {
	zr, msg := checkZip(data)
	if msg != "" {
		return ""
	}
	b, err := openBook(zr)
	if err != nil {
		return ""
	}
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	defer x.Close()
	if got, want := b.sheetNames(), x.GetSheetList(); !slices.Equal(got, want) {
		return fmt.Sprintf("sheets %q, excelize %q", got, want)
	}
	for i, name := range b.sheetNames() {
		got := map[int][]string{}
		r, err := b.openRows(b.sheets[i])
		if err != nil {
			continue
		}
		ok, problem := r.next()
		for ; ok; ok, problem = r.next() {
			if len(r.cells) > 0 {
				got[r.row] = slices.Clone(r.cells)
			}
		}
		r.close()
		if problem != nil {
			continue
		}
		rows, err := x.Rows(name)
		if err != nil {
			continue
		}
		want := map[int][]string{}
		for n := 1; rows.Next(); n++ {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				want = nil
				break
			}
			if len(cells) > 0 {
				want[n] = cells
			}
		}
		if rows.Close() != nil || want == nil {
			continue
		}
		for n, w := range want {
			if !slices.Equal(got[n], w) {
				return fmt.Sprintf("sheet %q row %d: %q, excelize %q", name, n, got[n], w)
			}
		}
		for n, g := range got {
			if _, ok := want[n]; !ok {
				return fmt.Sprintf("sheet %q row %d: %q, which excelize does not read", name, n, g)
			}
		}
	}
	return ""
}

// unchecked writes a zip again with its parts stored, not deflated, and
// without their checksums (a CRC-32 of 0 is not checked), so that a
// mutated part reads as it is, not as a checksum error at its end.
func unchecked(t testing.TB, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		r.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{Name: f.Name, Method: zip.Store, CompressedSize64: uint64(len(part)), UncompressedSize64: uint64(len(part))})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(part)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
