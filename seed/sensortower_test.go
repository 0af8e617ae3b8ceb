package seed

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

// readFile reads a file of testdata as ReadWith does, recognising it.
func readFile(t *testing.T, path string, opt Options) (*recorder, Understood, Problems) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rec := &recorder{}
	u, ps := ReadWith(f, filepath.Base(path), rec, opt)
	return rec, u, ps
}

// readText reads a file held in a string as ReadWith does.
func readText(t testing.TB, name, text string, opt Options) (*recorder, Understood, Problems) {
	t.Helper()
	rec := &recorder{}
	u, ps := ReadWith(strings.NewReader(text), name, rec, opt)
	return rec, u, ps
}

// wantFigure is a figure as a test expects it.
type wantFigure struct {
	app, country string
	month        string
	installs     int64
	estimate     bool
	note         string // a part of the note
}

// checkMonths compares what was read with what the test worked out by
// hand, in order, and checks what every figure of the file shares.
func checkMonths(t *testing.T, got []figures.Figure, want []wantFigure, p figures.Platform, source string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%d figures, want %d:", len(got), len(want))
		for _, f := range got {
			t.Errorf("  %s %q", f, f.Note)
		}
		return
	}
	for i, w := range want {
		f := got[i]
		m := month(t, w.month)
		if f.App != w.app || f.Country != w.country || f.From != m || f.To != m || f.Installs != w.installs ||
			f.Estimate != w.estimate || !strings.Contains(f.Note, w.note) || f.Platform != p || f.Source != source {
			t.Errorf("figure %d = %s %s %q (%s); want %s %s %s %d estimate %v %s, note with %q (%s)",
				i, f, f.Platform, f.Note, f.Source, w.app, w.country, w.month, w.installs, w.estimate, p, w.note, source)
		}
		if err := f.Validate(); err != nil {
			t.Errorf("figure %d does not validate: %v", i, err)
		}
	}
}

// TestSensorTower_iOSMonthly: a monthly iOS response for two apps in two
// countries. Installs are iu + au, worked by hand; ir and ar (revenue in
// cents) count for nothing:
//
//	284882215 US: Aug 1,200,000 + 150,000 = 1,350,000; Sep 1,100,000 + 140,000 = 1,240,000; Oct 1,050,000 + 0 = 1,050,000
//	284882215 IN: Aug 3,100,000 +  40,000 = 3,140,000; Sep 2,900,000 +  35,000 = 2,935,000; Oct 2,750,000 + 30,000 = 2,780,000
//	1142110895 US: Aug 250,000 + 12,000 = 262,000; Sep 310,000 + 15,000 = 325,000
//	1142110895 IN: Aug 900,000 +  3,000 = 903,000; Sep 1,250,000 + 5,000 = 1,255,000
//
// 1142110895 has no October in the file, and gets none (not a zero).
// Each is a whole month of Sensor Tower's estimates: estimate, source
// "Sensor Tower", in the order the file first gives them.
func TestSensorTower_iOSMonthly(t *testing.T) {
	rec, u, ps := readFile(t, "testdata/sensortower/ios-monthly.json", Options{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if u.Format != "Sensor Tower sales estimates" || u.Metric != "iu + au (iPhone and iPad downloads), monthly" {
		t.Errorf("understood %+v", u)
	}
	wantApps := []figures.App{{Name: "284882215", IOS: "284882215"}, {Name: "1142110895", IOS: "1142110895"}}
	if len(rec.apps) != len(wantApps) || rec.apps[0] != wantApps[0] || rec.apps[1] != wantApps[1] {
		t.Errorf("apps %+v, want %+v", rec.apps, wantApps)
	}
	const note = "ios-monthly.json: iu + au (iPhone and iPad downloads), monthly, sum of "
	checkMonths(t, rec.figures, []wantFigure{
		{"284882215", "US", "2020-08", 1_350_000, true, note + "31 days"},
		{"284882215", "IN", "2020-08", 3_140_000, true, note + "31 days"},
		{"1142110895", "US", "2020-08", 262_000, true, note + "31 days"},
		{"1142110895", "IN", "2020-08", 903_000, true, note + "31 days"},
		{"284882215", "US", "2020-09", 1_240_000, true, note + "30 days"},
		{"284882215", "IN", "2020-09", 2_935_000, true, note + "30 days"},
		{"1142110895", "US", "2020-09", 325_000, true, note + "30 days"},
		{"1142110895", "IN", "2020-09", 1_255_000, true, note + "30 days"},
		{"284882215", "US", "2020-10", 1_050_000, true, note + "31 days"},
		{"284882215", "IN", "2020-10", 2_780_000, true, note + "31 days"},
	}, figures.IOS, "Sensor Tower")
}

// TestSensorTower_AndroidDaily: a daily Android response, read with a
// source of the user's. BR has August without the 10th, 11th and 20th,
// u = 100 × the day: 100 × (1 + … + 31) = 49,600, less 100 × (10 + 11 +
// 20) = 4,100: 45,500, the sum of 28 of 31 days, at least the month's
// installs. WW has all 30 days of September at 500: 15,000. r (revenue)
// counts for nothing.
func TestSensorTower_AndroidDaily(t *testing.T) {
	rec, u, ps := readFile(t, "testdata/sensortower/android-daily.json", Options{Source: "Sensor Tower API"})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if u.Metric != "u (downloads) on Android, daily" {
		t.Errorf("understood %+v", u)
	}
	if want := (figures.App{Name: "com.spotify.music", Android: "com.spotify.music"}); len(rec.apps) != 1 || rec.apps[0] != want {
		t.Errorf("apps %+v, want %+v", rec.apps, want)
	}
	checkMonths(t, rec.figures, []wantFigure{
		{"com.spotify.music", "BR", "2020-08", 45_500, true, "android-daily.json: u (downloads), daily, sum of 28 of 31 days: the month lacks 3"},
		{"com.spotify.music", "WW", "2020-09", 15_000, true, "android-daily.json: u (downloads), daily, sum of 30 days"},
	}, figures.Android, "Sensor Tower API")
}

// TestSensorTower_weeks: weeks from Mondays 7 days apart. The week of 24
// August is August's (70); the week of 31 August has 1 day in August and
// 6 in September, so its 70 divides 10 and 60: August 80 (8 of 31 days),
// September 60 (6 of 30), both noted as divided.
func TestSensorTower_weeks(t *testing.T) {
	text := `[{"aid": 7, "cc": "US", "d": "2020-08-24T00:00:00Z", "iu": 50, "au": 20},
{"aid": 7, "cc": "US", "d": "2020-08-31T00:00:00Z", "iu": 70, "au": 0}]`
	rec, u, ps := readText(t, "w.json", text, Options{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if !strings.HasSuffix(u.Metric, ", weekly") {
		t.Errorf("understood %+v", u)
	}
	checkMonths(t, rec.figures, []wantFigure{
		{"7", "US", "2020-08", 80, true, "sum of 8 of 31 days"},
		{"7", "US", "2020-09", 60, true, "divided between them by days"},
	}, figures.IOS, "Sensor Tower")
}

// TestSensorTower_periodUnknown: a file whose dates do not say how long
// a period is gives no figure, and a problem that says what to ask for.
func TestSensorTower_periodUnknown(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		// One period per app and country: 1 August starts a day, a week
		// and a month alike.
		{"one", `[{"aid": 7, "cc": "US", "d": "2020-08-01T00:00:00Z", "iu": 5, "au": 1},
{"aid": 7, "cc": "IN", "d": "2020-08-01T00:00:00Z", "iu": 5, "au": 1}]`,
			"one.json:1: d: each app and country has one period only (2020-08-01 for the first), so the file does not say whether it is a day, a week or a month (expected two periods or more for some app and country: request two months or more with date_granularity=monthly, or the days with date_granularity=daily)"},
		// Quarters, or months with two of three missing.
		{"quarters", `[{"aid": 7, "cc": "US", "d": "2020-07-01T00:00:00Z", "iu": 5, "au": 1},
{"aid": 7, "cc": "US", "d": "2020-10-01T00:00:00Z", "iu": 5, "au": 1}]`,
			"quarters.json:2: d: every date is the 1st of a month, but the closest are 3 months apart: quarters or years, or months with the others missing; uptake cannot tell which (expected date_granularity=monthly, weekly or daily)"},
		{"gaps", `[{"aid": 7, "cc": "US", "d": "2020-08-03T00:00:00Z", "iu": 5, "au": 1},
{"aid": 7, "cc": "US", "d": "2020-08-06T00:00:00Z", "iu": 5, "au": 1}]`,
			"gaps.json:2: d: the closest dates of an app and country are 3 days apart, which is not a day, a week or a month (expected date_granularity=daily, weekly or monthly)"},
	} {
		rec, _, ps := readText(t, c.name+".json", c.text, Options{})
		if got := strs(ps); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
		if len(rec.figures) != 0 {
			t.Errorf("%s: figures %v", c.name, rec.figures)
		}
	}
}

// TestSensorTower_badFiles: what is wrong is named at its line and
// member, and the file gives no figure.
func TestSensorTower_badFiles(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"revenue", `[
{"aid": 284882215, "cc": "US", "d": "2020-08-01T00:00:00Z", "ir": 5300000, "ar": 700000},
{"aid": "com.spotify.music", "c": "US", "d": "2020-08-01T00:00:00Z", "r": 120}
]`, "revenue.json:2: iu: the object has revenue only: ir and ar are revenue in cents, never installs (expected the downloads: iu for iPhone and au for iPad, 0 when none)\n" +
			"revenue.json:3: u: the object has revenue only: r is revenue in cents, never installs (expected the downloads: u)"},
		{"date", `[
{"aid": 284882215, "cc": "US", "d": "2020-13-01T00:00:00Z", "iu": 1, "au": 2},
{"aid": 284882215, "cc": "US", "d": "2020-08-01T08:00:00Z", "iu": 1, "au": 2}
]`, `date.json:2: d: "2020-13-01T00:00:00Z" is not a date (expected the date a period starts, such as "2020-08-01" or "2020-08-01T00:00:00Z")` + "\n" +
			`date.json:3: d: "2020-08-01T08:00:00Z" is not the start of a day (expected the date a period starts, such as "2020-08-01" or "2020-08-01T00:00:00Z")`},
		{"negative", `[
{"aid": 284882215, "cc": "US", "d": "2020-08-01T00:00:00Z",
 "iu": -5, "au": 2.5}
]`, `negative.json:3: iu: "-5" is negative (expected a whole number of downloads, 0 or more, such as 1200)` + "\n" +
			`negative.json:3: au: "2.5" is not a whole number (expected a whole number of downloads, 0 or more, such as 1200)`},
		{"twice", `[
{"aid": 284882215, "cc": "US", "d": "2020-08-01T00:00:00Z",
 "iu": 5,
 "iu": 7, "au": 0}
]`, "twice.json:4: iu: appears twice in this object, at lines 3 and 4 (expected each member once)"},
		{"ids", `[
{"aid": "28488x", "cc": "XX", "d": "2020-08-01T00:00:00Z", "iu": 5, "au": 0},
{"aid": "com.spotify music", "c": "US", "d": "2020-08-01T00:00:00Z", "u": 5}
]`, `ids.json:2: aid: "28488x" is not an id of digits (expected the app's App Store id, such as 284882215)` + "\n" +
			`ids.json:2: cc: "XX" is not a known country (expected a code such as IN, a name such as India, or WW)` + "\n" +
			`ids.json:3: aid: "com.spotify music" is not a Google Play package name (expected letters, digits and dots, such as com.spotify.music)`},
		{"mixed", `[{"aid": 1, "cc": "US", "c": "US", "d": "2020-08-01", "iu": 1, "au": 1, "u": 1}, 5]`,
			"mixed.json:1: the object has both iOS members (cc, iu, au) and Android ones (c, u) (expected one or the other, as /v1/ios or /v1/android returns them)\n" +
				`mixed.json:1: the array holds a number (expected a Sensor Tower sales_report_estimates response: a JSON array [{"aid": …, "cc": "US", "d": "2020-08-01T00:00:00Z", "iu": …, "au": …}, …])`},
		{"missing", `[{"aid": 1, "cc": "US", "d": "2020-08-01", "iu": 1}]`,
			"missing.json:1: au: is missing or null (expected the downloads: iu for iPhone and au for iPad, 0 when none; without it the sum would be short)"},
		{"cut", "[{\"aid\": 1, \"cc\": \"US\",\n\"d\": \"2020-08-01\", \"iu\": 1",
			"cut.json:2: the file ends before the JSON is complete (expected closing ] and } brackets)"},
		{"after", `[{"aid": 1, "cc": "US", "d": "2020-08-01", "iu": 1, "au": 0}]` + "\n[]",
			"after.json:2: there is more after the JSON array that ends the response (expected the file to end there; was a second response appended?)"},
		{"twodays", `[{"aid": 1, "cc": "US", "d": "2020-08-01", "iu": 1, "au": 0},
{"aid": 1, "cc": "US", "d": "2020-08-02", "iu": 1, "au": 0},
{"aid": 1, "cc": "US", "d": "2020-08-02", "iu": 1, "au": 0}]`,
			"twodays.json:3: d: 2020-08-02 of 1 in US was already given at line 2 (of this file or an earlier one: a file imported twice, or two files with the same days?)"},
	} {
		rec, _, ps := readText(t, c.name+".json", c.text, Options{Format: "sensortower"})
		if got := strs(ps); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
		if len(ps) > 0 && len(rec.figures) != 0 {
			t.Errorf("%s: figures from a file with problems: %v", c.name, rec.figures)
		}
	}
}

// TestSensorTower_recognised: a response is known by its shape, uptake's
// own JSON is not taken for one, and an empty response says so.
func TestSensorTower_recognised(t *testing.T) {
	for text, want := range map[string]bool{
		`[{"aid":284882215,"cc":"US","d":"2020-08-01T00:00:00Z","iu":1,"ir":2,"au":3,"ar":4}]`: true,
		" \n[\n  {\n    \"d\": \"2020-08-01\",\n    \"aid\": \"com.a\"":                        true,
		`[{"app": "Resso", "d": 1}]`:                   false,
		`{"figures": [{"aid": 1, "d": 2}]}`:            false,
		`[{"note": "\"aid\": \"d\": "}]`:               false,
		`[]`:                                           false,
		`[{"cc":"US","iu":1},{"aid":1,"d":"2020-08"}]`: false,
	} {
		if got := looksLikeSensorTower([]byte(text)); got != want {
			t.Errorf("looksLikeSensorTower(%s) = %v", text, got)
		}
	}
	_, _, ps := readText(t, "e.json", "[ ]", Options{Format: "sensortower"})
	if got, want := strs(ps), "e.json:1: the array is empty: no app had estimates for the dates and countries asked"; !strings.HasPrefix(got, want) {
		t.Errorf("empty: %s", got)
	}
}
