package seed

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

var updatePlay = flag.Bool("update-play", false, "write the Play Console test files in testdata/play from the generators in play_test.go")

// The test files in testdata/play are Play Console installs reports of
// one app, com.example.app, written as the Play Console writes them
// (UTF-16LE with a byte order mark, comma-separated, a row per day) by
// the generators below, so that every number in them can be worked out
// by hand. TestPlayTestdata keeps the files and the generators alike
// (go test ./seed -run TestPlayTestdata -update-play writes them).

const playPkg = "com.example.app"

// playHeaderNow is the header of the reports since 2020.
const playHeaderNow = "Date,Package Name,Country,Daily Device Installs,Daily Device Uninstalls,Daily Device Upgrades,Total User Installs,Daily User Installs,Daily User Uninstalls,Active Device Installs,Install events,Update events,Uninstall events"

// augustRow holds the counts of one country on day d of August 2020:
//
//	IN: user 100+d, device 110+d, events 115+d
//	BR: user 7, device 9, events 12
//	XK: user d%3, device d%3+1, events 2·(d%3)+1
//	"" (Play could not place them): user 1, device 2, events 3 on even
//	days, 0 on odd ones
//
// and levels that must never be summed: Active Device Installs 50000+d
// in IN (2000, 40, 5 elsewhere), Total User Installs 90000+d (3000, 60, 8).
func augustRow(country string, d int) (user, device, events, active, total int) {
	switch country {
	case "IN":
		return 100 + d, 110 + d, 115 + d, 50000 + d, 90000 + d
	case "BR":
		return 7, 9, 12, 2000, 3000
	case "XK":
		return d % 3, d%3 + 1, 2*(d%3) + 1, 40, 60
	}
	if d%2 == 0 {
		return 1, 2, 3, 5, 8
	}
	return 0, 0, 0, 5, 8
}

// The sums of August, by hand, over d = 1..31 (Σd = 496):
//
//	IN user   Σ(100+d) = 3100+496 = 3596; device 3410+496 = 3906; events 3565+496 = 4061
//	BR user   31·7 = 217;  device 31·9 = 279;  events 31·12 = 372
//	XK user   d%3 is 0, 1, 2 ten times each in 1..30, and 31%3 = 1: 30+1 = 31;
//	          device 31+31 = 62; events 2·31+31 = 93
//	ZZ user   15 even days: 15; device 30; events 45
//	WW (the overview, the four added): user 3596+217+31+15 = 3859;
//	          device 3906+279+62+30 = 4277; events 4061+372+93+45 = 4571
var augustSums = map[string]map[string]int64{
	"user":   {"ZZ": 15, "BR": 217, "IN": 3596, "XK": 31, "WW": 3859},
	"device": {"ZZ": 30, "BR": 279, "IN": 3906, "XK": 62, "WW": 4277},
	"events": {"ZZ": 45, "BR": 372, "IN": 4061, "XK": 93, "WW": 4571},
}

// augustCountries are the rows of a day, in the order Play writes them:
// the empty country first.
var augustCountries = []string{"", "BR", "IN", "XK"}

// playAugustCountry is installs_com.example.app_202008_country.csv: all
// 31 days, lines in CRLF.
func playAugustCountry() string {
	var b strings.Builder
	b.WriteString(playHeaderNow + "\r\n")
	for d := 1; d <= 31; d++ {
		for _, c := range augustCountries {
			user, device, events, active, total := augustRow(c, d)
			fmt.Fprintf(&b, "2020-08-%02d,%s,%s,%d,1,2,%d,%d,1,%d,%d,3,1\r\n", d, playPkg, c, device, total, user, active, events)
		}
	}
	return b.String()
}

// playAugustOverview is installs_com.example.app_202008_overview.csv:
// the same days with no Country column, each the four countries added.
func playAugustOverview() string {
	var b strings.Builder
	b.WriteString(strings.Replace(playHeaderNow, "Country,", "", 1) + "\r\n")
	for d := 1; d <= 31; d++ {
		var user, device, events, active, total int
		for _, c := range augustCountries {
			u, dv, e, a, t := augustRow(c, d)
			user, device, events, active, total = user+u, device+dv, events+e, active+a, total+t
		}
		fmt.Fprintf(&b, "2020-08-%02d,%s,%d,4,8,%d,%d,4,%d,%d,12,4\r\n", d, playPkg, device, total, user, active, events)
	}
	return b.String()
}

// playAugustAppVersion is installs_com.example.app_202008_app_version.csv:
// its rows are split by version, not by country.
func playAugustAppVersion() string {
	var b strings.Builder
	b.WriteString(strings.Replace(playHeaderNow, "Country,", "App Version Code,", 1) + "\r\n")
	for d := 1; d <= 31; d++ {
		for _, v := range []string{"41", "42"} {
			fmt.Fprintf(&b, "2020-08-%02d,%s,%s,10,1,2,500,9,1,400,11,3,1\r\n", d, playPkg, v)
		}
	}
	return b.String()
}

// playSeptember is installs_com.example.app_202009_country.csv, as older
// reports are: Current Device Installs and Current User Installs,
// "Package name", no Install events; lines in LF. IN lacks 15, 29 and
// 30 September: 27 of 30 days of 10 users (12 devices) = 270 (324),
// marked as an estimate. BR has all 30 days of 3 (4) = 90 (120).
func playSeptember() string {
	var b strings.Builder
	b.WriteString("Date,Package name,Country,Current Device Installs,Daily Device Installs,Daily Device Uninstalls,Daily Device Upgrades,Current User Installs,Total User Installs,Daily User Installs,Daily User Uninstalls\n")
	for d := 1; d <= 30; d++ {
		fmt.Fprintf(&b, "2020-09-%02d,%s,BR,2100,4,0,1,2050,3100,3,0\n", d, playPkg)
		if d != 15 && d != 29 && d != 30 {
			fmt.Fprintf(&b, "2020-09-%02d,%s,IN,52000,12,1,5,51000,95000,10,1\n", d, playPkg)
		}
	}
	return b.String()
}

const (
	playAugustName     = "installs_com.example.app_202008_country.csv"
	playOverviewName   = "installs_com.example.app_202008_overview.csv"
	playAppVersionName = "installs_com.example.app_202008_app_version.csv"
	playSeptemberName  = "installs_com.example.app_202009_country.csv"
)

// playFiles are the test files by name, as UTF-16LE with a BOM.
func playFiles() map[string]string {
	return map[string]string{
		playAugustName:     utf16LE(playAugustCountry()),
		playOverviewName:   utf16LE(playAugustOverview()),
		playAppVersionName: utf16LE(playAugustAppVersion()),
		playSeptemberName:  utf16LE(playSeptember()),
	}
}

// playFile returns a test file as it is in testdata/play.
func playFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "play", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestPlayTestdata(t *testing.T) {
	for name, want := range playFiles() {
		path := filepath.Join("testdata", "play", name)
		if *updatePlay {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if got := playFile(t, name); string(got) != want {
			t.Errorf("%s differs from what playFiles writes (go test ./seed -run TestPlayTestdata -update-play)", path)
		}
		if !strings.HasPrefix(want, "\xff\xfe") {
			t.Errorf("%s does not start with a UTF-16LE byte order mark", name)
		}
	}
}

// readPlayFiles reads test files into one Days, as one import does, and
// emits it when there were no problems.
func readPlayFiles(t *testing.T, opt Options, names ...string) (*recorder, []Understood, Problems) {
	t.Helper()
	rec := &recorder{}
	opt.Days = NewDays()
	var us []Understood
	var ps Problems
	for _, name := range names {
		u, p := ReadWith(bytes.NewReader(playFile(t, name)), name, rec, opt)
		us, ps = append(us, u), append(ps, p...)
	}
	if len(ps) == 0 {
		ps = opt.Days.Emit(rec)
	}
	return rec, us, ps
}

// wantPlay is a figure of com.example.app on Android in a month.
func wantPlay(t *testing.T, country, m string, installs int64, source, note string, estimate bool) figures.Figure {
	mo := month(t, m)
	return figures.Figure{App: playPkg, Country: country, Platform: figures.Android, From: mo, To: mo,
		Installs: installs, Source: source, Note: note, Estimate: estimate}
}

func samePlayFigures(t *testing.T, got, want []figures.Figure) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d figures, want %d:\n%v", len(got), len(want), got)
	}
	for i := range want {
		if !got[i].Same(want[i]) {
			t.Errorf("figure %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
		if err := got[i].Validate(); err != nil {
			t.Errorf("figure %d does not validate: %v", i, err)
		}
	}
}

// TestReadPlay_country: the August _country report, all 31 days, gives
// a figure per country of the sum of Daily User Installs (see
// augustSums), whole months, not estimates; the rows with an empty
// country are ZZ, counted; the app is the package, with it as its
// Android id, given before any figure.
func TestReadPlay_country(t *testing.T) {
	rec, us, ps := readPlayFiles(t, Options{}, playAugustName)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if want := (Understood{Format: "Google Play Console installs report", Metric: "Daily User Installs"}); us[0] != want {
		t.Errorf("understood %+v; want %+v", us[0], want)
	}
	if want := []figures.App{{Name: playPkg, Android: playPkg}}; fmt.Sprint(rec.apps) != fmt.Sprint(want) {
		t.Errorf("apps %+v; want %+v", rec.apps, want)
	}
	note := playAugustName + ": Daily User Installs, sum of 31 days"
	var want []figures.Figure
	for _, c := range []string{"ZZ", "BR", "IN", "XK"} {
		want = append(want, wantPlay(t, c, "2020-08", augustSums["user"][c], "Google Play Console", note, false))
	}
	samePlayFigures(t, rec.figures, want)
}

// TestReadPlay_missingDays: September, an older report, where IN lacks
// three days: 270 of 27 days, marked as an estimate and saying so; BR
// has all 30: 90, whole. A source given in the options is every
// figure's.
func TestReadPlay_missingDays(t *testing.T) {
	rec, us, ps := readPlayFiles(t, Options{Source: "Play Console (ACME account)"}, playSeptemberName)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if us[0].Metric != "Daily User Installs" {
		t.Errorf("metric %q", us[0].Metric)
	}
	src := "Play Console (ACME account)"
	samePlayFigures(t, rec.figures, []figures.Figure{
		wantPlay(t, "BR", "2020-09", 90, src, playSeptemberName+": Daily User Installs, sum of 30 days", false),
		wantPlay(t, "IN", "2020-09", 270, src, playSeptemberName+": Daily User Installs, sum of 27 of 30 days: the month lacks 3, so this is at least its installs (marked as an estimate)", true),
	})
}

// TestReadPlay_metric: device and events sum their own columns (see
// augustSums); the name of a column does as well as the short name; the
// levels are refused, never summed; a column the file lacks is a
// problem, not another column quietly taken.
func TestReadPlay_metric(t *testing.T) {
	for _, tc := range []struct {
		metric, key, column string
	}{
		{"device", "device", "Daily Device Installs"},
		{"Daily Device Installs", "device", "Daily Device Installs"},
		{"events", "events", "Install events"},
		{"install EVENTS", "events", "Install events"},
		{"user", "user", "Daily User Installs"},
		{" daily user installs ", "user", "Daily User Installs"},
	} {
		rec, us, ps := readPlayFiles(t, Options{Metric: tc.metric}, playAugustName, playOverviewName)
		if len(ps) > 0 {
			t.Fatalf("metric %q: %v", tc.metric, ps)
		}
		if us[0].Metric != tc.column || us[1].Metric != tc.column {
			t.Errorf("metric %q: understood %+v", tc.metric, us)
		}
		var want []figures.Figure
		for _, c := range []string{"ZZ", "BR", "IN", "XK"} {
			want = append(want, wantPlay(t, c, "2020-08", augustSums[tc.key][c], "Google Play Console", playAugustName+": "+tc.column+", sum of 31 days", false))
		}
		want = append(want, wantPlay(t, "WW", "2020-08", augustSums[tc.key]["WW"], "Google Play Console", playOverviewName+": "+tc.column+", sum of 31 days", false))
		samePlayFigures(t, rec.figures, want)
	}
	level := `installs_com.example.app_202008_country.csv:1: the metric "Active Device Installs" counts the devices or users that have the app on a day, not the installs of the day, so its days cannot be added into a month (expected user (Daily User Installs, new users; the default), device (Daily Device Installs) or events (Install events, which count re-installs too))`
	for metric, want := range map[string]string{
		"Active Device Installs": level,
		"total user installs":    "the metric \"total user installs\" counts the devices or users",
		"Daily User Uninstalls":  `installs_com.example.app_202008_country.csv:1: the metric "Daily User Uninstalls" is not a count of installs a Play Console installs report gives (expected user`,
	} {
		rec, _, ps := readPlayFiles(t, Options{Metric: metric}, playAugustName)
		if len(ps) != 1 || !strings.Contains(ps[0].String(), want) || len(rec.figures) > 0 {
			t.Errorf("metric %q: %d figures, problems:\n%s\nwant one with %s", metric, len(rec.figures), strs(ps), want)
		}
	}
	_, _, ps := readPlayFiles(t, Options{Metric: "events"}, playSeptemberName)
	if want := playSeptemberName + ":1: the header lacks the column Install events, which the metric events asks for (older reports lack it: take user, Daily User Installs, or device, Daily Device Installs)"; strs(ps) != want {
		t.Errorf("events of an older report:\n%s\nwant\n%s", strs(ps), want)
	}
	rec, _, ps := readPlayFiles(t, Options{Metric: "device"}, playSeptemberName)
	if len(ps) > 0 || len(rec.figures) != 2 || rec.figures[0].Installs != 120 || rec.figures[1].Installs != 324 {
		t.Errorf("devices of an older report: %v %v; want BR 120, IN 324", rec.figures, ps)
	}
}

// TestReadPlay_overview: the _overview report (no Country column) is the
// app's worldwide total: WW, 3859 new users in August.
func TestReadPlay_overview(t *testing.T) {
	rec, _, ps := readPlayFiles(t, Options{}, playOverviewName)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	samePlayFigures(t, rec.figures, []figures.Figure{
		wantPlay(t, "WW", "2020-08", 3859, "Google Play Console", playOverviewName+": Daily User Installs, sum of 31 days", false),
	})
}

// TestReadPlay_otherDimensions: a report split by anything but country
// is refused, at its header, saying which report it is and which to
// import instead.
func TestReadPlay_otherDimensions(t *testing.T) {
	_, _, ps := readPlayFiles(t, Options{}, playAppVersionName)
	want := playAppVersionName + ":1: App Version Code: this is the Play Console's app_version report, whose rows split the installs by App Version Code, not by country, so uptake cannot read it (import the _country report of the same month, installs_<package>_<YYYYMM>_country.csv, or the _overview report for the worldwide total)"
	if strs(ps) != want {
		t.Errorf("got\n%s\nwant\n%s", strs(ps), want)
	}
	for column, report := range map[string]string{
		"Device": "device", "Carrier": "carrier", "Language": "language", "Android OS Version": "os_version",
	} {
		text := strings.Replace(playHeaderNow, "Country", column, 1) + "\n2020-08-01," + playPkg + ",x,1,1,1,1,1,1,1,1,1,1\n"
		_, ps := ReadWith(strings.NewReader(utf16LE(text)), "f.csv", &recorder{}, Options{})
		if want := "f.csv:1: " + column + ": this is the Play Console's " + report + " report, whose rows split the installs by " + column + ", not by country"; len(ps) != 1 || !strings.HasPrefix(ps[0].String(), want) {
			t.Errorf("%s:\n%s\nwant %s…", column, strs(ps), want)
		}
	}
	text := strings.Replace(playHeaderNow, "Country", "Country,Device", 1) + "\n"
	if _, ps := ReadWith(strings.NewReader(text), "f.csv", &recorder{}, Options{}); len(ps) != 1 || !strings.Contains(ps[0].String(), "f.csv:1: Device: this is the Play Console's device report") {
		t.Errorf("countries and devices: %s", strs(ps))
	}
}

// TestReadPlay_problems: each thing wrong is a problem at its line and
// column, and a file with problems gives no figure.
func TestReadPlay_problems(t *testing.T) {
	text := "Date,Package Name,Country,Daily Device Installs,Daily User Installs,Install events\r\n" + // 1
		"2020-08-01,com.example.app,IN,5,4,6\r\n" + // 2: fine
		",com.example.app,IN,5,4,6\r\n" + // 3: no date
		"2020-08-02,com.example.app,IN,5,1.5,6\r\n" + // 4
		"2020-08-03,com.example.app,IN,5,-2,6\r\n" + // 5
		"2020-08-04,com.example.app,IN,5,,6\r\n" + // 6
		"2020-08-05,com.example.app,Atlantis,5,1,6\r\n" + // 7
		"2020-08-06,com.example app,IN,5,1,6\r\n" + // 8
		"2020-08-31,com.example.app,IN,5,1,6\r\n" + // 9: fine
		"2020-08-01,com.example.app,IN,5,4,6\r\n" + // 10: 1 August again
		"2020-8-07,com.example.app,IN,5,1,6\r\n" + // 11
		"2020-08-08,com.example.app,IN,5,1\r\n" + // 12
		"2020-08-09,com.example.app,WW,5,1,6\r\n" + // 13
		"2020-08-10,com.example.app,DD,5,1,6\r\n" + // 14
		"2020-08-11,com.example.app,IN,5,99999999999999,6\r\n" + // 15
		"2020-02-30,,IN,5,x,6\r\n" // 16: three at once
	want := []string{
		"bad.csv:3: Date: is empty (expected the day, YYYY-MM-DD, e.g. 2020-08-01)",
		`bad.csv:4: Daily User Installs: "1.5" is not a whole number (expected plain digits, e.g. 1250)`,
		`bad.csv:5: Daily User Installs: "-2" is negative (expected a whole number, 0 or more)`,
		"bad.csv:6: Daily User Installs: is empty (expected a whole number, 0 or more: Play writes 0 for a day without installs)",
		`bad.csv:7: Country: "Atlantis" is not a country code (expected a two-letter ISO code as Play writes it, e.g. IN or XK, or nothing for installs Play could not place)`,
		`bad.csv:8: Package Name: "com.example app" is not a package name (expected letters, digits, underscores and dots, e.g. com.spotify.music)`,
		"bad.csv:10: Date: 2020-08-01 of com.example.app in IN was already given at line 2 (of this file or an earlier one: a file imported twice, or two files with the same days?)",
		`bad.csv:11: Date: "2020-8-07" is not a date (expected YYYY-MM-DD, e.g. 2020-08-01)`,
		"bad.csv:12: the row has 5 fields but the header has 6 (expected one value per column)",
		`bad.csv:13: Country: "WW" is the whole world, not a country (expected a country in each row of a _country report; the _overview report holds the worldwide total)`,
		`bad.csv:14: Country: "DD" is a withdrawn code (East Germany): use DE (Germany)`,
		`bad.csv:15: Daily User Installs: "99999999999999" is more than 1000000000000, more than uptake takes (check the column)`,
		"bad.csv:16: Package Name: is empty (expected the app's package name, e.g. com.spotify.music)",
		`bad.csv:16: Date: "2020-02-30" is not a date (expected YYYY-MM-DD, e.g. 2020-08-01)`,
		`bad.csv:16: Daily User Installs: "x" is not a whole number (expected plain digits, e.g. 1250)`,
	}
	for _, enc := range []struct {
		name string
		data string
	}{{"UTF-16LE", utf16LE(text)}, {"UTF-8", text}} {
		rec := &recorder{}
		u, ps := ReadWith(strings.NewReader(enc.data), "bad.csv", rec, Options{})
		if u.Format != "Google Play Console installs report" {
			t.Errorf("%s: read as %q", enc.name, u.Format)
		}
		if got := strs(ps); got != strings.Join(want, "\n") {
			t.Errorf("%s: got\n%s\nwant\n%s", enc.name, got, strings.Join(want, "\n"))
		}
		if len(rec.figures) > 0 {
			t.Errorf("%s: a file with problems gave figures: %v", enc.name, rec.figures)
		}
	}
	// A quoted field over two lines: the problem is at the line of its cell.
	quoted := "Date,Package Name,Country,Daily User Installs\n\"2020-08-01\",com.example.app,\"I\nN\",3\n2020-08-02,com.example.app,IN,x\n"
	_, ps := ReadWith(strings.NewReader(quoted), "q.csv", &recorder{}, Options{})
	if want := "q.csv:2: Country: \"I\\nN\" is not a country code (expected a two-letter ISO code as Play writes it, e.g. IN or XK, or nothing for installs Play could not place)\n" +
		"q.csv:4: Daily User Installs: \"x\" is not a whole number (expected plain digits, e.g. 1250)"; strs(ps) != want {
		t.Errorf("quoted:\n%s\nwant\n%s", strs(ps), want)
	}
	for text, want := range map[string]string{
		"Date,Package Name,Country,Daily User Installs\n":                      "e.csv:1: no rows after the header (expected a row per day, e.g. 2020-08-01,com.example.app,IN,…)",
		"Date,Package Name,Country,Daily User Installs,\n2020-08-01,a,IN,1,\n": "e.csv:1: the header's column 5 has no name (expected the columns of a Play Console installs report: Date,Package Name,Country,Daily Device Installs,…,Daily User Installs,…,Install events,…)",
		"Date,Package Name,Country,Daily User Installs,date\n":                 `e.csv:1: the header has "date" twice, as columns 1 and 5 (expected each column once)`,
	} {
		if _, ps := ReadWith(strings.NewReader(text), "e.csv", &recorder{}, Options{}); strs(ps) != want {
			t.Errorf("%q:\n%s\nwant\n%s", text, strs(ps), want)
		}
	}
}

// TestReadPlay_sameDaysTwice: the same report twice in one import (or
// two files with the same days) is a problem, never a double count.
func TestReadPlay_sameDaysTwice(t *testing.T) {
	rec, _, ps := readPlayFiles(t, Options{}, playAugustName, playAugustName)
	if len(ps) != MaxProblems+1 || !strings.Contains(ps[0].String(), playAugustName+":2: Date: 2020-08-01 of com.example.app in ZZ was already given at line 2") {
		t.Errorf("%d problems:\n%s", len(ps), strs(ps))
	}
	if len(rec.figures) > 0 {
		t.Errorf("gave figures: %v", rec.figures)
	}
}

// TestReadPlay_recognise: the content decides, not the name: Play
// reports are recognised in UTF-16 and UTF-8, uptake's own CSV is not
// taken for one, and another Play report (ratings) is named as a near
// miss.
func TestReadPlay_recognise(t *testing.T) {
	for _, data := range []string{utf16LE(playAugustCountry()), playAugustCountry(), "\ufeff" + playSeptember(), strings.ReplaceAll(playSeptember(), "\n", "\r")} {
		u, ps := ReadWith(strings.NewReader(data), "report.txt", &recorder{}, Options{})
		if u.Format != "Google Play Console installs report" || len(ps) > 0 {
			t.Errorf("read as %q: %v", u.Format, ps)
		}
	}
	u, ps := ReadWith(strings.NewReader("app,country,from,installs\nResso,IN,2020-08,1\n"), "f.csv", &recorder{}, Options{})
	if u.Format != "uptake CSV" || len(ps) > 0 {
		t.Errorf("uptake CSV read as %q: %v", u.Format, ps)
	}
	ratings := utf16LE("Date,Package Name,Daily Average Rating,Total Average Rating\r\n2020-08-01,com.example.app,4.5,4.4\r\n")
	_, ps = ReadWith(strings.NewReader(ratings), "ratings.csv", &recorder{}, Options{})
	if len(ps) < 2 || !strings.Contains(ps[0].Message, "the file looks like a Google Play Console report, but not an installs report") {
		t.Errorf("ratings:\n%s", strs(ps))
	}
	if names := strings.Join(FormatNames(), ", "); !strings.Contains(names, "play (Google Play Console installs report)") {
		t.Errorf("FormatNames: %s", names)
	}
	u, ps = ReadWith(bytes.NewReader(playFile(t, playAugustName)), "x", &recorder{}, Options{Format: "play"})
	if u.Format != "Google Play Console installs report" || len(ps) > 0 {
		t.Errorf("-as play: %q %v", u.Format, ps)
	}
}

// TestReadPlay_importTwice: the reports applied to a database, then the
// same again: the second import changes nothing, every figure unchanged.
// August's country and overview reports and September's give 4 + 1 + 2
// figures and the app, with its Android id.
func TestReadPlay_importTwice(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "uptake.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	importAll := func() store.Report {
		t.Helper()
		b := store.NewBatch("t")
		for _, name := range []string{playAugustName, playOverviewName, playSeptemberName} {
			if _, ps := ReadWith(bytes.NewReader(playFile(t, name)), name, b, Options{}); len(ps) > 0 {
				t.Fatal(ps)
			}
		}
		rep, err := s.Apply(b, false)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	if rep := importAll(); rep.Added != 7 || rep.AppsAdded != 1 || rep.Updated+rep.Unchanged+rep.Deleted != 0 {
		t.Errorf("first import: %+v; want 7 figures and 1 app added", rep)
	}
	if rep := importAll(); rep.Changed() || rep.Unchanged != 7 || rep.Added+rep.Updated+rep.Deleted+rep.AppsAdded+rep.AppsUpdated+rep.Duplicates != 0 {
		t.Errorf("second import: %+v (%s); want all 7 figures unchanged", rep, rep)
	}
	app, ok, err := s.App(playPkg)
	if err != nil || !ok || app.Android != playPkg {
		t.Errorf("app %+v %v %v; want Android id %s", app, ok, err, playPkg)
	}
	in, err := s.Series(playPkg, "IN")
	if err != nil || len(in) != 2 || in[0].Installs != 3596 || in[0].Estimate || in[1].Installs != 270 || !in[1].Estimate || in[1].Platform != figures.Android {
		t.Errorf("IN: %v %v; want 2020-08 3596, 2020-09 270 (an estimate), Android", in, err)
	}
}

// playYear generates the twelve _country reports of 2020 for one app, a
// row per day for each of 200 countries, as Play writes them.
func playYear() (names []string, files [][]byte, rows int) {
	var countries []string
	for _, c := range figures.CountryCodes() {
		if c != figures.Worldwide && c != figures.Unknown && len(countries) < 200 {
			countries = append(countries, c)
		}
	}
	for m := 1; m <= 12; m++ {
		var b strings.Builder
		b.WriteString(playHeaderNow + "\r\n")
		days := daysIn(figures.MonthOf(2020, m))
		for d := 1; d <= days; d++ {
			for i, c := range countries {
				user := (i*7 + d*13) % 5000
				fmt.Fprintf(&b, "2020-%02d-%02d,%s,%s,%d,3,40,%d,%d,2,%d,%d,50,3\r\n", m, d, playPkg, c, user+5, 90000+user, user, 50000+d, user+9)
				rows++
			}
		}
		names = append(names, fmt.Sprintf("installs_%s_2020%02d_country.csv", playPkg, m))
		files = append(files, []byte(utf16LE(b.String())))
	}
	return names, files, rows
}

// BenchmarkPlayYear reads a year of _country reports (12 files, 200
// countries, 73,200 daily rows) into one batch with one Days, as an
// import of the year does: an op is the whole year.
func BenchmarkPlayYear(b *testing.B) {
	names, files, rows := playYear()
	size := 0
	for _, f := range files {
		size += len(f)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		batch := store.NewBatch("bench")
		d := NewDays()
		for i, f := range files {
			if _, ps := ReadWith(bytes.NewReader(f), names[i], batch, Options{Days: d}); len(ps) > 0 {
				b.Fatal(ps)
			}
		}
		if ps := d.Emit(batch); len(ps) > 0 {
			b.Fatal(ps)
		}
		if n, _ := batch.Len(); n != 12*200 {
			b.Fatalf("%d figures; want %d", n, 12*200)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
}
