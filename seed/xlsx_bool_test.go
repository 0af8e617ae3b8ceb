package seed

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReadXLSX_BooleanIsNotOneInstall (found by a red-team pass): a TRUE
// cell holds 1 and was read as 1 install; it is now refused as not a
// number.
func TestReadXLSX_BooleanIsNotOneInstall(t *testing.T) {
	book := excelize.NewFile()
	book.SetSheetRow("Sheet1", "A1", &[]any{"App", "Country", "Aug 2020", "Sep 2020"})
	book.SetSheetRow("Sheet1", "A2", &[]any{"Resso", "IN", true, 5})
	var buf bytes.Buffer
	if err := book.Write(&buf); err != nil {
		t.Fatal(err)
	}
	var r recorder
	_, ps := ReadWith(bytes.NewReader(buf.Bytes()), "book.xlsx", &r, Options{})
	if len(ps) == 0 || !strings.Contains(ps[0].String(), "TRUE") || len(r.figures) != 0 {
		t.Errorf("a TRUE cell: %d figures, problems %v", len(r.figures), ps)
	}
}
