package main

import (
	"strings"
	"testing"
)

// -scale from the command line: the issue's own check on the bundled
// data (both apps readable on a log scale; each starting at 100 on the
// index), and refusals that name the fix.
func TestScale_FromTheCommandLine(t *testing.T) {
	db := defectDB(t, true)
	log := exportView(t, db, "curves", "-app", "Resso,Spotify", "-country", "IN", "-scale", "log")
	// Spotify's 2.1M a month and Resso's 40k a month are on one axis of
	// decades, 10k to 10M.
	wantIn(t, "log", log, "log scale", "10M ┤", "10k ┤", "2.1M≈", "40k≈*")
	index := exportView(t, db, "curves", "-app", "Resso,Spotify", "-country", "IN", "-scale", "index", "-format", "csv")
	// Each app's first month with a figure is its 100: Spotify 2019-02,
	// Resso 2020-03 (1.96M≈: 9.8M over 2020-03..2020-07, 5 months).
	wantIn(t, "index csv", index, "2019-02,Spotify,IN,all,2100000,", ",100.00,2019-02,", "2020-03,Resso,IN,all,1960000,", ",100.00,2020-03,")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-export", "curves", "-scale", "logarithmic"}, "expected linear, log, index"},
		{[]string{"-export", "countries", "-app", "Resso", "-scale", "log"}, "-scale goes with -export curves or compare"},
	} {
		code, _, msg := runCLI(t, "", append([]string{"-db", db}, c.args...)...)
		if code != 2 || !strings.Contains(msg, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, msg, c.want)
		}
	}
}
