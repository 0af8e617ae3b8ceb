package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/uptake/uptake/internal/hostile"
)

func checkClean(t *testing.T, where, s string) {
	t.Helper()
	if i, r, bad := hostile.BadRune(s); bad {
		lo, hi := max(0, i-30), min(len(s), i+30)
		t.Errorf("%s: %U reaches the output at byte %d: %q", where, r, i, s[lo:hi])
	}
}

func TestHostile_ExportsShowNoControlSequence(t *testing.T) {
	s := hostile.New()
	sels := []Selection{
		{Apps: []string{hostile.AppA, hostile.AppB, hostile.AppC}, Country: "ID", SinceLaunch: true},
		{Apps: []string{hostile.AppB, hostile.AppA}, Country: "ID"},
		{Apps: []string{hostile.AppA}, Country: "WW", Cumulative: true},
		{Apps: []string{hostile.AppA, hostile.AppB}, Country: "IN"},
	}
	n := 0
	for _, sel := range sels {
		for _, v := range Views() {
			for _, format := range []string{FormatText, FormatMarkdown, FormatCSV} {
				var b bytes.Buffer
				err := Export(s, v, sel, format, 100, &b)
				where := fmt.Sprintf("export %v %s of %q in %s", v.Name, format, sel.Apps, sel.Country)
				if err != nil {
					checkClean(t, where+" (error)", err.Error())
					continue
				}
				n++
				checkClean(t, where, b.String())
			}
		}
	}
	if n < 24 {
		t.Errorf("only %d exports had something to show", n)
	}
	// Sanitised, the names still read: the reader sees what the file holds.
	var b bytes.Buffer
	if err := Export(s, viewData, Selection{}, FormatText, 200, &b); err != nil || !strings.Contains(b.String(), "Res\ufffd]52;c;aGVsbG8=\ufffdso") {
		t.Errorf("data export: %v\n%.400s", err, b.String())
	}
}
