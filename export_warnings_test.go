package main

import (
	"strings"
	"testing"
)

// A CSV export is the view's table, one row a number: the warnings about
// those numbers are not in it, and were lost without a word (found by a
// new user's walkthrough). They now go to standard error, whole, saying
// the text and Markdown exports hold them; a text export holds them and
// says nothing more. The figures: Sensor Tower's March–September 9.88M*
// (an estimate, so Apptopia's exact September ranks first) holds its
// March–July 9.8M, and Apptopia's September 400k brings the months inside
// to 10.2M.
func TestExport_CSVNamesTheWarningsItLeavesOut(t *testing.T) {
	db := defectDB(t, false, "app,country,from,to,installs,source,estimate\n"+
		"Resso,IN,2020-03,2020-09,9880000,Sensor Tower,yes\n"+
		"Resso,IN,2020-03,2020-07,9800000,Sensor Tower,no\n"+
		"Resso,IN,2020-09,2020-09,400000,Apptopia,no\n")
	code, out, msg := runCLI(t, "", "-db", db, "-export", "curves", "-app", "Resso", "-country", "IN", "-format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, msg)
	}
	wantIn(t, "standard error", msg, "the CSV file holds the numbers and their marks, not the 2 warnings about them (the text and Markdown exports hold them):",
		"  Resso IN: 2020-03..2020-09 is 9.88M but the months inside it already add to 10.2M")
	wantNotIn(t, "the CSV", out, "already add to")
	if !strings.HasPrefix(out, "month,app,country") {
		t.Errorf("the CSV on standard output:\n%s", out)
	}
	code, out, msg = runCLI(t, "", "-db", db, "-export", "curves", "-app", "Resso", "-country", "IN")
	if code != 0 || strings.Contains(msg, "warnings about them") {
		t.Errorf("text export: exit %d, standard error %q", code, msg)
	}
	wantIn(t, "the text export", out, "already add to 10.2M")
}
