package seed

import (
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// Importing a spreadsheet twice changes nothing the second time: the
// same figures, sources and notes, so every one is unchanged.
func TestSheets_importTwice(t *testing.T) {
	uptakeCSV := utf16LE("app\tcountry\tfrom\tto\tinstalls\r\n" +
		"Resso\tIN\t2020-08-01\t\t1\r\nResso\tBR\t8/1/2020\t9/30/2020\t2\r\nResso\tID\tAug-20\t\t\"3,600,000\"\r\n")
	for _, tc := range []struct {
		name    string
		data    []byte
		figures int
	}{
		{"wide.csv", []byte(fileText(t, "testdata/sheet/wide.csv")), 7},
		{"book.xlsx", wideBook(t), 7},
		{"unicode.txt", []byte(uptakeCSV), 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := store.Open(filepath.Join(t.TempDir(), "u.db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			opt := Options{Sheet: "Data"}
			var reports []store.Report
			for range 2 {
				b := store.NewBatch("t")
				if _, ps := ReadWith(bytes.NewReader(tc.data), tc.name, b, opt); len(ps) > 0 {
					t.Fatalf("problems:\n%s", strs(ps))
				}
				rep, err := st.Apply(b, false)
				if err != nil {
					t.Fatal(err)
				}
				reports = append(reports, rep)
			}
			if first := reports[0]; first.Added != tc.figures || first.Updated+first.Unchanged+first.Duplicates > 0 {
				t.Errorf("first import: %s; want %d figures added", first, tc.figures)
			}
			if again := reports[1]; again.Changed() || again.Unchanged != tc.figures || again.Duplicates > 0 {
				t.Errorf("second import: %s; want all %d figures unchanged", again, tc.figures)
			}
			// What the store holds is what the file says.
			var held []figures.Figure
			err = st.Read(func(r *store.Reader) error {
				return r.EachFigure(func(f figures.Figure) bool { held = append(held, f); return true })
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(held) != tc.figures {
				t.Fatalf("the store holds %d figures; want %d", len(held), tc.figures)
			}
			for _, f := range held {
				if strings.HasSuffix(tc.name, ".xlsx") && f.App == "Resso" && f.Country == "IN" && f.From == figures.MonthOf(2024, 6) {
					t.Errorf("a figure from a blank cell: %v", f)
				}
			}
		})
	}
}

// A file with a problem writes nothing.
func TestSheets_badImportWritesNothing(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "u.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	b := store.NewBatch("t")
	text := "App,Country,Jul 2020,Aug 2020\nResso,IN,1,2\nResso,BR,3,three\n"
	_, ps := ReadWith(io.Reader(strings.NewReader(text)), "bad.csv", b, Options{})
	if want := `bad.csv:3: Aug 2020: "three" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)`; strs(ps) != want {
		t.Fatalf("problems:\n%s\nwant:\n%s", strs(ps), want)
	}
	if n, _ := b.Len(); n != 0 {
		t.Errorf("the batch holds %d figures after a file with a problem", n)
	}
}
