package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The defects of issue 12, each reproduced from the command line with a
// small file, as a researcher would meet it. The expected numbers are
// worked by hand in the comments.

// defectDB imports files, in order, into a new database (the bundled data
// first when seed), and returns its path.
func defectDB(t *testing.T, seed bool, files ...string) string {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if seed {
		if code, _, msg := runCLI(t, "", "-seed", "-no-ui", "-db", db); code != 0 {
			t.Fatalf("seed: %s", msg)
		}
	}
	for i, text := range files {
		name := filepath.Join(dir, "f"+string(rune('a'+i))+".csv")
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, _, msg := runCLI(t, "", "-import", name, "-no-ui", "-db", db); code != 0 {
			t.Fatalf("import %d: %s", i, msg)
		}
	}
	return db
}

// exportView runs -export and fails the test unless it succeeds.
func exportView(t *testing.T, db string, args ...string) string {
	t.Helper()
	code, out, msg := runCLI(t, "", append([]string{"-db", db, "-export"}, args...)...)
	if code != 0 {
		t.Fatalf("-export %v: exit %d: %s", args, code, msg)
	}
	return out
}

func wantIn(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

func wantNotIn(t *testing.T, what, text string, nots ...string) {
	t.Helper()
	for _, w := range nots {
		if strings.Contains(text, w) {
			t.Errorf("%s has %q:\n%s", what, w, text)
		}
	}
}

const figuresHeader = "app,country,from,to,installs,source\n"

// Defect 1: another source's figure for the same months is kept beside the
// first; the default ranking shows Sensor Tower's (7 months covered
// against Apptopia's 1); -source changes which leads.
func TestDefect01_SecondSourceKept(t *testing.T) {
	db := defectDB(t, true)
	name := filepath.Join(t.TempDir(), "apptopia.csv")
	os.WriteFile(name, []byte(figuresHeader+"Resso,WW,2020-08,,3.1M,Apptopia\n"), 0o644)
	code, _, msg := runCLI(t, "", "-import", name, "-no-ui", "-db", db)
	if code != 0 || !strings.Contains(msg, "1 figure added") || strings.Contains(msg, "updated") {
		t.Fatalf("import: %d %q", code, msg)
	}
	data := exportView(t, db, "data", "-format", "csv")
	wantIn(t, "data", data, "Resso,WW,all,2020-08,2020-08,3600000,\"Sensor Tower", "Resso,WW,all,2020-08,2020-08,3100000,Apptopia")
	// |3.6M − 3.1M| / 3.6M = 13.9%: more than 10%, so both are named.
	curves := exportView(t, db, "curves", "-app", "Resso", "-country", "WW")
	wantIn(t, "curves", curves, "2020-08    3.6M    +64%", "Resso WW 2020-08: Apptopia says 3.1M; Sensor Tower", "14% apart")
	// Ranked first, Apptopia leads August; July is Sensor Tower's 2.2M:
	// 3.1M / 2.2M − 1 = +40.9% would be a change of source, not of
	// installs, so no growth is shown, and the table says why.
	ranked := exportView(t, db, "curves", "-app", "Resso", "-country", "WW", "-source", "apptopia")
	wantIn(t, "ranked curves", ranked, "2020-08    3.1M\n", "Growth is shown only between two months of one kind", "from the same\nsources", "Sources ranked: Apptopia, then the default order")
	if strings.Contains(ranked, "+41%") {
		t.Errorf("ranked curves show growth across two sources:\n%s", ranked)
	}
	wantIn(t, "data after ranking", exportView(t, db, "data", "-format", "csv"), "3600000", "3100000")
}

// Defect 2: an import names every figure it replaces, old → new, with
// the note it wipes; the same identity twice in one file with different
// values is an error naming both lines; identical repeats are fine.
func TestDefect02_ReplacementsNamed(t *testing.T) {
	db := defectDB(t, false, "app,country,from,to,installs,source,note\nX,IN,2020-01,,100,S,first\nX,IN,2020-02,,100,S,\n")
	second := filepath.Join(t.TempDir(), "b.csv")
	os.WriteFile(second, []byte(figuresHeader+"X,IN,2020-01,,120,S\nX,IN,2020-02,,100,S\nX,IN,2020-03,,5,S\n"), 0o644)
	_, _, dry := runCLI(t, "", "-import", second, "-dry-run", "-db", db)
	wantIn(t, "dry run", dry, "1 figure added, 1 updated, 1 unchanged", "would replace 1 figure", `X IN 2020-01 (S): 100 "first" → 120`)
	_, _, msg := runCLI(t, "", "-import", second, "-no-ui", "-db", db)
	wantIn(t, "import", msg, "replaced 1 figure", `X IN 2020-01 (S): 100 "first" → 120`)

	clash := filepath.Join(t.TempDir(), "c.csv")
	os.WriteFile(clash, []byte(figuresHeader+"X,IN,2020-05,,1,S\nX,IN,2020-05,,2,S\nX,IN,2020-06,,2,S\nX,IN,2020-06,,2,S\n"), 0o644)
	code, _, msg := runCLI(t, "", "-import", clash, "-no-ui", "-db", db)
	if code != 1 {
		t.Fatalf("conflicting lines imported: %d %q", code, msg)
	}
	wantIn(t, "conflict", msg, "c.csv:2 and line 3", "X IN 2020-05 (S) is 1 on one line and 2 on the other")
	wantNotIn(t, "conflict", msg, "line 5")
	wantNotIn(t, "data after refused import", exportView(t, db, "data", "-format", "csv"), "2020-05")
}

// Defect 3: a span against the months other figures give, in either
// direction. Q1 300 (A) against 50 + 50 + 50 (B) = 150: A ranks first by
// name (both exact, both cover 3 months) and shows 100≈ a month, and the
// two sources are |300 − 150| / 300 = 50% apart. Q1 300 against 90 +
// 100 + 80 = 270 from the same source: less than the span.
func TestDefect03_ContradictionsBothWays(t *testing.T) {
	db := defectDB(t, false, figuresHeader+"X,WW,2020-01,2020-03,300,A\nX,WW,2020-01,,50,B\nX,WW,2020-02,,50,B\nX,WW,2020-03,,50,B\n")
	out := exportView(t, db, "curves", "-app", "X", "-country", "WW")
	wantIn(t, "sources apart", out, "2020-01  100≈", "X WW 2020-01..2020-03: A says 300; B says 150: the sources are 50% apart", "- A: X WW 2020-01..2020-03 300")

	db = defectDB(t, false, figuresHeader+"X,WW,2020-01,2020-03,300,S\nX,WW,2020-01,,90,S\nX,WW,2020-02,,100,S\nX,WW,2020-03,,80,S\n")
	out = exportView(t, db, "curves", "-app", "X", "-country", "WW")
	wantIn(t, "span over its months", out, "X WW: 2020-01..2020-03 is 300 but the months inside it add to 270, less than it (S)")
}

// Defect 4: Jan–Jun 600k and Apr–Sep 900k overlap partly; neither lies
// inside the other, so nothing is subtracted: Jan–Jun show 600k / 6 =
// 100k≈ and Jul–Sep 900k / 6 = 150k≈, and the overlap is named.
func TestDefect04_PartialOverlapNotSubtracted(t *testing.T) {
	db := defectDB(t, false, figuresHeader+"X,WW,2020-01,2020-06,600k,S\nX,WW,2020-04,2020-09,900k,S\n")
	out := exportView(t, db, "curves", "-app", "X", "-country", "WW")
	wantIn(t, "curves", out, "2020-03  100k≈", "2020-07  150k≈", "2020-09  150k≈")
	wantIn(t, "curves", strings.Join(strings.Fields(out), " "), "overlap on 2020-04..2020-06 without one lying inside the other")
	wantNotIn(t, "curves", out, "200k≈", "add to")
}

// Defect 5: Jan–Apr 400 holds Feb–Mar 500: more than the span, although
// the set covering most months (Jan 60 + Feb 70 + Mar 70 + Apr 60 = 260)
// adds to less. Both are named; the most inside is 60 + 500 + 60 = 620.
func TestDefect05_SpanBelowLargestInner(t *testing.T) {
	db := defectDB(t, false, figuresHeader+"X,WW,2020-01,2020-04,400,S\nX,WW,2020-02,2020-03,500,S\nX,WW,2020-01,,60,S\nX,WW,2020-02,,70,S\nX,WW,2020-03,,70,S\nX,WW,2020-04,,60,S\n")
	out := strings.Join(strings.Fields(exportView(t, db, "curves", "-app", "X", "-country", "WW")), " ")
	wantIn(t, "curves", out, "2020-01..2020-04 is 400 but the months inside it add to 260, less than it, and figures inside it already add to 620")
}

// Defect 6: countries over worldwide on any span. WW Jan–Feb 1000 against
// IN 600 + 600 = 1200; WW H1 6000 against IN Q1 4000 + ID Q2 3000 = 7000.
func TestDefect06_CountriesOverWorldwide(t *testing.T) {
	db := defectDB(t, false, figuresHeader+"X,WW,2020-01,2020-02,1000,S\nX,IN,2020-01,,600,S\nX,IN,2020-02,,600,S\n"+
		"Y,WW,2020-01,2020-06,6000,S\nY,IN,2020-01,2020-03,4000,S\nY,ID,2020-04,2020-06,3000,S\n")
	x := strings.Join(strings.Fields(exportView(t, db, "curves", "-app", "X", "-country", "WW")), " ")
	wantIn(t, "X", x, "countries (IN) add to 1.2k over 2020-01..2020-02, more than worldwide allows (at most 1k")
	y := strings.Join(strings.Fields(exportView(t, db, "countries", "-app", "Y")), " ")
	wantIn(t, "Y", y, "countries (ID, IN) add to 7k over 2020-01..2020-06, more than worldwide allows (at most 6k")
}

// Defect 7: Compare worldwide sums the countries where an app has no WW
// figure (Spotify: ID 1.2M over 2016-03..07, its first launch), and
// carries the seed's own "more than worldwide allows" warning.
func TestDefect07_CompareWorldwide(t *testing.T) {
	db := defectDB(t, true)
	csv := exportView(t, db, "compare", "-app", "Resso,Spotify", "-country", "WW", "-format", "csv")
	wantIn(t, "compare csv", csv, "2016-07,Spotify,WW,all,2016-03,1200000,spread+summed,no,yes,no")
	text := exportView(t, db, "compare", "-app", "Resso,Spotify", "-country", "WW")
	wantIn(t, "compare", text, "more than worldwide allows")
}

// Defect 8: growth only between months of one kind: 1k (WW) to 760Σ (IN
// alone) to 800Σ (IN and ID) to 100Σ (IN alone) shows none, and the sums
// missing a country are lower bounds.
func TestDefect08_GrowthOnlyWithinAKind(t *testing.T) {
	db := defectDB(t, false, figuresHeader+"X,WW,2020-01,,1000,S\nX,IN,2020-02,,760,S\nX,IN,2020-03,,700,S\nX,ID,2020-03,,100,S\nX,IN,2020-04,,100,S\n")
	out := exportView(t, db, "curves", "-app", "X", "-country", "WW")
	wantIn(t, "curves", out, "2020-01     1k\n", "2020-02  ≥760Σ\n", "2020-03   800Σ\n", "2020-04  ≥100Σ\n")
	wantNotIn(t, "curves", out, "%")
}

// Defect 9: a ratio of estimates is an estimate: 900* / 600* = 1.50×*.
func TestDefect09_EstimatesKeepTheirMark(t *testing.T) {
	db := defectDB(t, false, "app,country,from,to,installs,source,estimate\nA,IN,2020-01,2020-05,600,S,yes\nB,IN,2020-01,2020-05,900,S,yes\n",
		"app,country,launched\nA,IN,2020-01\nB,IN,2020-01\n")
	out := exportView(t, db, "compare", "-app", "A,B", "-country", "IN", "-since-launch")
	wantIn(t, "compare", out, "B 900* (1.50×* A)", "1.50×*\n")
	curves := exportView(t, db, "curves", "-app", "A", "-country", "IN", "-cumulative", "-format", "csv")
	wantIn(t, "curves csv", curves, "2020-05,A,IN,all,120,600,spread,yes,no,yes,no")
}

// Defect 10: lower bounds are marked: a running total after a month
// without figures (100 + gap + 100 ≥ 200), and since a launch month
// without a figure (launch 2019-12, first figure 2020-01: M2 ≥ 100).
func TestDefect10_LowerBoundsMarked(t *testing.T) {
	db := defectDB(t, false, figuresHeader+"X,IN,2020-01,,100,S\nX,IN,2020-03,,100,S\n", "app,country,launched\nX,IN,2019-12\n")
	curves := exportView(t, db, "curves", "-app", "X", "-country", "IN", "-cumulative")
	wantIn(t, "curves", curves, "≥200\n")
	since := exportView(t, db, "compare", "-app", "X", "-country", "IN", "-since-launch", "-format", "csv")
	wantIn(t, "since launch", since, "M2,X,IN,all,2019-12,100,exact,no,no,yes")
}

// Defect 11: Resso India M6 lies between 9.8M (Mar–Jul) and 9.88M*
// (Mar–Sep), with 5 of its 6 months covered.
func TestDefect11_MilestoneBounds(t *testing.T) {
	out := exportView(t, defectDB(t, true), "compare", "-app", "Resso,Spotify", "-country", "IN", "-since-launch")
	wantIn(t, "compare", out, "9.8M–9.88M* (5/6)")
}

// Defect 12: the cumulative column is cumulative without -cumulative:
// 1.88M + 1.88M = 3.76M by 2020-04.
func TestDefect12_CumulativeColumn(t *testing.T) {
	out := exportView(t, defectDB(t, true), "curves", "-app", "Resso", "-country", "WW", "-format", "csv")
	wantIn(t, "curves csv", out, "2020-04,Resso,WW,all,1880000,3760000,", "2020-09,Resso,WW,all,1880000,15200000,")
}

// Defect 13: every flag is applied or refused, and the window is named.
func TestDefect13_FlagsAppliedOrRefused(t *testing.T) {
	db := defectDB(t, true)
	for _, args := range [][]string{
		{"-export", "curves", "-since-launch"},
		{"-export", "countries", "-since-launch"},
		{"-export", "compare", "-since-launch", "-from", "2020-01"},
		{"-export", "countries", "-cumulative"},
		{"-export", "data", "-app", "Resso"},
	} {
		if code, _, msg := runCLI(t, "", append(args, "-db", db)...); code != 2 || !strings.Contains(msg, "-") {
			t.Errorf("%v: exit %d %q, want a usage error", args, code, msg)
		}
	}
	text := exportView(t, db, "compare", "-app", "Resso,Spotify", "-country", "IN", "-from", "2020-05")
	wantIn(t, "compare", text, "Cumulative installs on the calendar, from 2020-05")
	csv := exportView(t, db, "compare", "-app", "Resso,Spotify", "-country", "IN", "-from", "2020-05", "-format", "csv")
	wantIn(t, "compare csv", csv, "2020-05,Resso,IN,all,2020-05,")
}

// Defect 14: Jan–Jun 600k and Apr–Sep 900k each cover 6 of Jan–Sep's 9
// months: the total reads two ways, and both are named.
func TestDefect14_TiesNamed(t *testing.T) {
	db := defectDB(t, false, figuresHeader+"X,IN,2020-01,2020-06,600k,S\nX,IN,2020-04,2020-09,900k,S\n")
	out := strings.Join(strings.Fields(exportView(t, db, "countries", "-app", "X")), " ")
	wantIn(t, "countries", out, "600k (2020-01..2020-06) and 900k (2020-04..2020-09)", "1 country gives ≥600k.")
}

// Defect 16: the smaller ones. "1 country"; a trillion is 1T, not
// 1000B; the CSV share is exact (9.88M / 15.2M = 0.65); -export data
// gives the launches.
func TestDefect16_Smaller(t *testing.T) {
	db := defectDB(t, true, figuresHeader+"Big,IN,2020-01,,1000000000000,S\n")
	wantIn(t, "curves", exportView(t, db, "curves", "-app", "Big", "-country", "IN"), "2020-01   1T\n")
	wantIn(t, "countries", exportView(t, db, "countries", "-app", "Big"), "1 country gives 1T.")
	wantIn(t, "countries csv", exportView(t, db, "countries", "-app", "Resso", "-format", "csv"), "IN,India,all,9880000,0.65,")
	wantIn(t, "data", exportView(t, db, "data", "-format", "csv"), "Resso,BR,,,,,,,,,2020-09")
}

// An App Store and a Play figure for one month give all platforms their
// sum, 100 + 200 = 300Σ; an all-platforms figure of 250 beside the same
// two (300) is shown and flagged with both numbers.
func TestPlatforms_SumAndFlag(t *testing.T) {
	db := defectDB(t, false, "app,country,platform,from,to,installs,source\n"+
		"X,IN,ios,2020-01,,100,App Store\nX,IN,android,2020-01,,200,Play\n"+
		"X,IN,ios,2020-02,,100,App Store\nX,IN,android,2020-02,,200,Play\nX,IN,all,2020-02,,250,Press\n")
	out := exportView(t, db, "curves", "-app", "X", "-country", "IN")
	wantIn(t, "curves", out, "2020-01  300Σ\n", "2020-02   250\n")
	wantIn(t, "curves", strings.Join(strings.Fields(out), " "),
		"X IN 2020-01 is the sum of 2 platforms (ios, android), not a figure for all platforms",
		"platforms (ios, android) add to 300 over 2020-02, more than all platforms allows (at most 250")
	ios := exportView(t, db, "curves", "-app", "X", "-country", "IN", "-platform", "ios", "-format", "csv")
	wantIn(t, "ios csv", ios, "2020-01,X,IN,ios,100,100,exact", "2020-02,X,IN,ios,100,200,exact")
}

// A total drawing on two sources says so: India's January from A and
// February from B add to 200 in the Countries view.
func TestSources_MixedTotalSaysSo(t *testing.T) {
	db := defectDB(t, false, figuresHeader+"X,IN,2020-01,,100,A\nX,IN,2020-02,,100,B\n")
	out := strings.Join(strings.Fields(exportView(t, db, "countries", "-app", "X")), " ")
	wantIn(t, "countries", out, "1 country gives 200.", "X IN: the total draws on 2 sources (A; B), each where it ranks highest")
}
