package main

import (
	"strings"
	"testing"
)

// TestExplain_FromTheCommandLine: -explain prints the working behind one
// number of a view, the same text as the dashboard's panel; a key the
// view does not have names the keys it has; -explain goes with a view's
// text export only.
func TestExplain_FromTheCommandLine(t *testing.T) {
	db := defectDB(t, true)
	out := strings.Join(strings.Fields(exportView(t, db, "countries", "-app", "Resso", "-explain", "IN")), " ")
	wantIn(t, "IN", out, "Resso IN 2020-03..2020-09 · 9.88M*",
		"Resso IN 2020-03..2020-09 9.88M*", "they cover 7 of the window's 7 months",
		"note: Derived: the article says India is Resso's largest market, with 65% of all its installs")
	code, _, msg := runCLI(t, "", "-db", db, "-export", "countries", "-app", "Resso", "-explain", "FR")
	if code != 1 || !strings.Contains(msg, `"FR" is not a number of this view (expected one of: IN, ID, BR, WW)`) {
		t.Errorf("unknown key: %d %q", code, msg)
	}
	for _, args := range [][]string{{"-explain", "IN"}, {"-export", "data", "-explain", "IN"}, {"-export", "curves", "-format", "csv", "-explain", "2020-03"}} {
		if code, _, msg := runCLI(t, "", append(args, "-db", db)...); code != 2 {
			t.Errorf("%v: %d %q, want a usage error", args, code, msg)
		}
	}
}
