package seed

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

var wideSeeds = []string{
	"\ufeffApp,Country,Platform,Publisher,May 2024,2024-06,Jul-24,8/1/2024\r\nResso,India,ios,ByteDance,\"1,234,567\",,3.6M,0\r\nTotal,,,,1,,,\r\n",
	"sep=;\napp;country;source;estimate;note;Aug 2020;Sep-20\nResso;IN;ST;yes;n;1;\nResso;BR;;;;2;3\n",
	"App\tMarket\t2020-08-01 00:00:00\t9/1/2020\tTotal\nResso\tIN\t1\t2\t3\nResso\tIN\t1\t2\t3\n",
	utf16LE("Name,Country,Aug 2020\r\nRésumé 😀,Brazil,\"1,000\"\r\n"),
	"App,Country,Jul 2020,Agu 2020,13/07/2020,Q3 2020,2020\nResso,Atlantis,x,-1,1.5,,\n",
	"App,Country,,01/07/2020,01/08/2020\nResso,IN,x,1,2\n\"Res\"so\",IN,1,2\n",
	"App,Country,Publisher,Jul 2020\nResso,IN,A,1\nResso,BR,B,1\n,IN,,1\nResso,IN,A,\x1b[31m\n",
	"App,Country,Jul 2020\r\nResso,IN\r\n\"Resso\nLite\",IN,1,2\r\n",
	"App,Country,Jul 2020\rResso,IN,1\r",
}

// FuzzReadWide reads any text as the wide layout: never a panic, only
// figures that validate, nothing from a file with problems, and the same
// read a byte at a time.
func FuzzReadWide(f *testing.F) {
	for _, s := range wideSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := &recorder{}
		_, ps := ReadWith(bytes.NewReader(data), "f.csv", rec, Options{Format: "wide"})
		checkRead(t, data, rec, ps)
		if len(ps) > 0 && len(rec.figures)+len(rec.apps) > 0 {
			t.Fatalf("%d figures from a file with problems:\n%s", len(rec.figures), strs(ps))
		}
		if len(data) < 4096 {
			rec2 := &recorder{}
			_, ps2 := ReadWith(iotest.OneByteReader(bytes.NewReader(data)), "f.csv", rec2, Options{Format: "wide"})
			sameRead(t, rec, ps, rec2, ps2)
		}
	})
}

// FuzzReadXLSX reads any bytes as a workbook: never a panic, only
// figures that validate, nothing from a file with problems. Its seeds
// are small workbooks, one with its parts stored unpacked, so that
// changes reach the XML (excelize does not check the parts' checksums).
func FuzzReadXLSX(f *testing.F) {
	book := wideBook(f)
	f.Add(book)
	f.Add(unpacked(f, book))
	small := workbook(f, map[string][][]any{"S": {{"App", "Country", cell{serial(2020, 8, 1), "mmm-yy"}, "Sep 2020"}, {"Resso", "IN", 1.0, "2"}}}, "S")
	f.Add(small)
	f.Add(unpacked(f, small))
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := &recorder{}
		_, ps := ReadWith(bytes.NewReader(data), "f.xlsx", rec, Options{Format: "xlsx", Sheet: "Data"})
		if len(ps) == 1 && strings.HasPrefix(ps[0].Message, "the workbook has no sheet named") {
			rec = &recorder{}
			_, ps = ReadWith(bytes.NewReader(data), "f.xlsx", rec, Options{Format: "xlsx"})
		}
		checkXLSXRead(t, rec, ps)
	})
}

// unpacked writes a zip again with its parts stored, not deflated.
func unpacked(t testing.TB, data []byte) []byte {
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
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
		r.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
