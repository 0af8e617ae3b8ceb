package seed

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// The test reports are written as App Store Connect writes a Summary
// Sales Report, version 1_3: the header below, a row per app (or in-app
// item), version, product type, device, country and period, every field
// separated by a tab, dates MM/DD/YYYY; the files are gzip'd as they
// come. The apps are Tally (Apple ID 1234567890), its Mac app Tally Mac
// (1234567891), and in-app items of theirs.

const asHeaderLine = "Provider\tProvider Country\tSKU\tDeveloper\tTitle\tVersion\tProduct Type Identifier\tUnits\tDeveloper Proceeds\tBegin Date\tEnd Date\tCustomer Currency\tCountry Code\tCurrency of Proceeds\tApple Identifier\tCustomer Price\tPromo Code\tParent Identifier\tSubscription\tPeriod\tCategory\tCMB\tDevice\tSupported Platforms\tProceeds Reason\tPreserved Pricing\tClient\tOrder Type"

// asRow is a row of a report; the columns uptake does not read are
// filled as a real report fills them.
type asRow struct {
	title, sku, version, ptype string
	units                      int
	begin, end                 string
	country, id, parent        string
	device                     string
}

func (r asRow) String() string {
	currency := map[string]string{"US": "USD", "IN": "INR", "DE": "EUR"}[r.country]
	proceeds, price := "0", "0"
	if strings.HasPrefix(r.ptype, "IA") || r.ptype == "FI1" {
		proceeds, price = "0.69", "0.99"
	}
	platforms := "iOS"
	if r.device == "Desktop" {
		platforms = "macOS"
	}
	return strings.Join([]string{"APPLE", "US", r.sku, "Tally Labs", r.title, r.version, r.ptype, fmt.Sprint(r.units), proceeds,
		r.begin, r.end, currency, r.country, currency, r.id, price, "", r.parent, "", "", "Productivity", "", r.device, platforms,
		"", "", "", ""}, "\t")
}

// asReport writes a report: the header, then the rows, a line each.
func asReport(rows ...asRow) string {
	var b strings.Builder
	b.WriteString(asHeaderLine + "\n")
	for _, r := range rows {
		b.WriteString(r.String() + "\n")
	}
	return b.String()
}

func gz(t testing.TB, text string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	if _, err := w.Write([]byte(text)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	tallyID    = "1234567890"
	tallyMacID = "1234567891"
	tallySKU   = "com.tallylabs.tally"
	macSKU     = "com.tallylabs.tallymac"
)

// The daily reports of 1 and 2 August 2020.
//
// 1 August, US: 10 (iPhone, 1.1) + 4 (iPad, 1F) + 3 (iPhone, 1.0) - 1
// (a refund) = 16; the re-download (5), the update (20), the in-app
// purchases (2, and 1 on the Mac) and the in-app item of product type 1
// (6) are not installs. IN: 8.
var asDay1 = asReport(
	asRow{"Tally", tallySKU, "1.1", "1", 10, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "1F", 4, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPad"},
	asRow{"Tally", tallySKU, "1.0", "1", 3, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "3", 5, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "7", 20, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally Coins", "com.tallylabs.tally.coins", "", "IA1", 2, "08/01/2020", "08/01/2020", "US", "1234567899", tallySKU, "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "1", 8, "08/01/2020", "08/01/2020", "IN", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "1", -1, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally Mac Pack", "com.tallylabs.tallymac.pack", "", "FI1", 1, "08/01/2020", "08/01/2020", "US", "1234567898", macSKU, "Desktop"},
	asRow{"Tally Stickers", "com.tallylabs.tally.stickers", "", "1", 6, "08/01/2020", "08/01/2020", "US", "1234567897", tallySKU, "iPhone"},
)

// 2 August, US: 12 (iPhone) + 5 (iPad, 1F) = 17; IN: 2 (iPad, 1T); an
// update and a re-download besides.
var asDay2 = asReport(
	asRow{"Tally", tallySKU, "1.1", "1", 12, "08/02/2020", "08/02/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "1F", 5, "08/02/2020", "08/02/2020", "US", tallyID, "", "iPad"},
	asRow{"Tally", tallySKU, "1.1", "1T", 2, "08/02/2020", "08/02/2020", "IN", tallyID, "", "iPad"},
	asRow{"Tally", tallySKU, "1.1", "7F", 9, "08/02/2020", "08/02/2020", "US", tallyID, "", "iPad"},
	asRow{"Tally", tallySKU, "1.1", "3F", 1, "08/02/2020", "08/02/2020", "IN", tallyID, "", "iPad"},
)

// The monthly report of July 2020. Tally US: 300 + 120 - 2 (a refund) =
// 418; IN: 90; Tally Mac US: 25 (a Mac, summed into iOS). Not installs:
// an in-app purchase (7), a re-download (11), an update (40).
var asJuly = asReport(
	asRow{"Tally", tallySKU, "1.1", "1", 300, "07/01/2020", "07/31/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "1F", 120, "07/01/2020", "07/31/2020", "US", tallyID, "", "iPad"},
	asRow{"Tally", tallySKU, "1.1", "1", -2, "07/01/2020", "07/31/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "1", 90, "07/01/2020", "07/31/2020", "IN", tallyID, "", "iPhone"},
	asRow{"Tally Coins", "com.tallylabs.tally.coins", "", "IA1", 7, "07/01/2020", "07/31/2020", "IN", "1234567899", tallySKU, "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "3", 11, "07/01/2020", "07/31/2020", "IN", tallyID, "", "iPhone"},
	asRow{"Tally Mac", macSKU, "2.0", "F1", 25, "07/01/2020", "07/31/2020", "US", tallyMacID, "", "Desktop"},
	asRow{"Tally", tallySKU, "1.1", "7", 40, "07/01/2020", "07/31/2020", "US", tallyID, "", "iPhone"},
)

// The weekly report of Monday 31 August to Sunday 6 September 2020: one
// of its 7 days is in August. Tally US: 70 + 14 = 84, 12 of them in
// August (84 × 1/7) and 72 in September; IN: 7, 1 in August and 6 in
// September.
var asWeek = asReport(
	asRow{"Tally", tallySKU, "1.1", "1", 70, "08/31/2020", "09/06/2020", "US", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "1F", 14, "08/31/2020", "09/06/2020", "US", tallyID, "", "iPad"},
	asRow{"Tally", tallySKU, "1.1", "1", 7, "08/31/2020", "09/06/2020", "IN", tallyID, "", "iPhone"},
	asRow{"Tally", tallySKU, "1.1", "7", 30, "08/31/2020", "09/06/2020", "US", tallyID, "", "iPhone"},
)

// The yearly report of 2019: 365 downloads in the US, which divide into
// the months as their days: 31 in January, 28 in February, …
var asYear = asReport(
	asRow{"Tally", tallySKU, "1.0", "1", 365, "01/01/2019", "12/31/2019", "US", tallyID, "", "iPhone"},
)

const (
	asNoteOf = ": Units of first-time downloads (product types 1, 1F, 1T, F1, 1E, 1EP, 1EU), "
	asLacks  = ": the month lacks %d, so this is at least its installs (marked as an estimate)"
	asDivide = "; a row's period ran into the next or last month, and its count is divided between them by days (marked as an estimate)"
)

// readAppStoreFiles reads files (name, content) as one import, with one
// Days, and emits it.
func readAppStoreFiles(t *testing.T, opt Options, files ...string) (*recorder, []Understood, Problems) {
	t.Helper()
	rec := &recorder{}
	opt.Days = NewDays()
	var us []Understood
	for i := 0; i < len(files); i += 2 {
		u, ps := ReadWith(bytes.NewReader(gz(t, files[i+1])), files[i], rec, opt)
		if len(ps) > 0 {
			return rec, us, ps
		}
		us = append(us, u)
	}
	return rec, us, opt.Days.Emit(rec)
}

func asFigure(app, country string, m figures.Month, n int64, estimate bool, note string) figures.Figure {
	return figures.Figure{App: app, Country: country, Platform: figures.IOS, From: m, To: m, Installs: n,
		Source: "App Store Connect", Note: note, Estimate: estimate}
}

func TestReadAppStore_daily(t *testing.T) {
	rec, us, ps := readAppStoreFiles(t, Options{},
		"S_D_85012345_20200801.txt.gz", asDay1, "S_D_85012345_20200802.txt.gz", asDay2)
	if len(ps) > 0 {
		t.Fatal(strs(ps))
	}
	aug := figures.MonthOf(2020, 8)
	note := "S_D_85012345_20200801.txt.gz and other files" + asNoteOf + "sum of 2 of 31 days" + fmt.Sprintf(asLacks, 29)
	checkFigures(t, rec.figures, []figures.Figure{
		asFigure("Tally", "US", aug, 16+17, true, note),
		asFigure("Tally", "IN", aug, 8+2, true, note),
	})
	checkApps(t, rec.apps, figures.App{Name: "Tally", IOS: tallyID}, figures.App{Name: "Tally", IOS: tallyID})
	want := Understood{Format: "App Store Connect sales report", Metric: "Units of first-time downloads (product types 1, 1F, 1T, F1, 1E, 1EP, 1EU), every device summed into iOS; " +
		"not counted, as not installs: 1 row of re-downloads (3, 3F, 3T, F3), 1 row of updates (7, 7F, 7T, F7), 2 rows of in-app purchases (IA…, FI1), 1 row of in-app items (Parent Identifier set)"}
	if us[0] != want {
		t.Errorf("understood:\n %+v\nwant\n %+v", us[0], want)
	}
}

func TestReadAppStore_monthly(t *testing.T) {
	rec, us, ps := readAppStoreFiles(t, Options{}, "S_M_85012345_202007.txt.gz", asJuly)
	if len(ps) > 0 {
		t.Fatal(strs(ps))
	}
	jul := figures.MonthOf(2020, 7)
	note := "S_M_85012345_202007.txt.gz" + asNoteOf + "sum of 31 days"
	checkFigures(t, rec.figures, []figures.Figure{
		asFigure("Tally", "US", jul, 418, false, note),
		asFigure("Tally", "IN", jul, 90, false, note),
		asFigure("Tally Mac", "US", jul, 25, false, note),
	})
	checkApps(t, rec.apps, figures.App{Name: "Tally", IOS: tallyID}, figures.App{Name: "Tally Mac", IOS: tallyMacID})
	if want := "not counted, as not installs: 1 row of re-downloads (3, 3F, 3T, F3), 1 row of updates (7, 7F, 7T, F7), 1 row of in-app purchases (IA…, FI1)"; !strings.HasSuffix(us[0].Metric, want) {
		t.Errorf("metric %q; want it to end in %q", us[0].Metric, want)
	}

	// The source the import names.
	rec, _, ps = readAppStoreFiles(t, Options{Source: "ASC vendor 85012345"}, "S_M_85012345_202007.txt.gz", asJuly)
	if len(ps) > 0 || len(rec.figures) != 3 || rec.figures[0].Source != "ASC vendor 85012345" {
		t.Errorf("with a source: %+v %v", rec.figures, ps)
	}
}

func TestReadAppStore_weekly(t *testing.T) {
	rec, _, ps := readAppStoreFiles(t, Options{}, "S_W_85012345_20200906.txt.gz", asWeek)
	if len(ps) > 0 {
		t.Fatal(strs(ps))
	}
	aug, sep := figures.MonthOf(2020, 8), figures.MonthOf(2020, 9)
	name := "S_W_85012345_20200906.txt.gz"
	augNote := name + asNoteOf + "sum of 1 of 31 days" + fmt.Sprintf(asLacks, 30) + asDivide
	sepNote := name + asNoteOf + "sum of 6 of 30 days" + fmt.Sprintf(asLacks, 24) + asDivide
	checkFigures(t, rec.figures, []figures.Figure{
		asFigure("Tally", "US", aug, 12, true, augNote),
		asFigure("Tally", "US", sep, 72, true, sepNote),
		asFigure("Tally", "IN", aug, 1, true, augNote),
		asFigure("Tally", "IN", sep, 6, true, sepNote),
	})
}

func TestReadAppStore_yearly(t *testing.T) {
	rec, _, ps := readAppStoreFiles(t, Options{}, "S_Y_85012345_2019.txt.gz", asYear)
	if len(ps) > 0 {
		t.Fatal(strs(ps))
	}
	days := []int64{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	var want []figures.Figure
	for i, d := range days {
		want = append(want, asFigure("Tally", "US", figures.MonthOf(2019, i+1), d, true,
			fmt.Sprintf("S_Y_85012345_2019.txt.gz%ssum of %d days%s", asNoteOf, d, asDivide)))
	}
	checkFigures(t, rec.figures, want)
}

// TestReadAppStore_import: the four reports as one import. August, US:
// 16 + 17 (the daily reports) + 12 (the week's day in August) = 45, 3
// of 31 days, a share of a week; IN: 8 + 2 + 1 = 11.
func TestReadAppStore_import(t *testing.T) {
	rec, _, ps := readAppStoreFiles(t, Options{},
		"S_D_85012345_20200801.txt.gz", asDay1, "S_D_85012345_20200802.txt.gz", asDay2,
		"S_W_85012345_20200906.txt.gz", asWeek, "S_M_85012345_202007.txt.gz", asJuly)
	if len(ps) > 0 {
		t.Fatal(strs(ps))
	}
	aug, sep, jul := figures.MonthOf(2020, 8), figures.MonthOf(2020, 9), figures.MonthOf(2020, 7)
	augNote := "S_D_85012345_20200801.txt.gz and other files" + asNoteOf + "sum of 3 of 31 days" + fmt.Sprintf(asLacks, 28) + asDivide
	sepNote := "S_W_85012345_20200906.txt.gz" + asNoteOf + "sum of 6 of 30 days" + fmt.Sprintf(asLacks, 24) + asDivide
	julNote := "S_M_85012345_202007.txt.gz" + asNoteOf + "sum of 31 days"
	checkFigures(t, rec.figures, []figures.Figure{
		asFigure("Tally", "US", aug, 45, true, augNote),
		asFigure("Tally", "IN", aug, 11, true, augNote),
		asFigure("Tally", "US", sep, 72, true, sepNote),
		asFigure("Tally", "IN", sep, 6, true, sepNote),
		asFigure("Tally", "US", jul, 418, false, julNote),
		asFigure("Tally", "IN", jul, 90, false, julNote),
		asFigure("Tally Mac", "US", jul, 25, false, julNote),
	})

	// The same report twice in one import is a problem, never a double count.
	_, _, ps = readAppStoreFiles(t, Options{}, "a.txt.gz", asDay1, "b.txt.gz", asDay1)
	if got, want := strs(ps), "b.txt.gz:2: 2020-08-01 of Tally in US was already given at line 2 (of this file or an earlier one: a file imported twice, or two files with the same days?)\n"+
		"b.txt.gz:8: 2020-08-01 of Tally in IN was already given at line 8 (of this file or an earlier one: a file imported twice, or two files with the same days?)"; got != want {
		t.Errorf("a report twice:\n%s\nwant\n%s", got, want)
	}
}

func checkApps(t *testing.T, got []figures.App, want ...figures.App) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("apps %+v; want %+v", got, want)
	}
	for _, a := range got {
		if err := figures.ValidateStoreIDs(a); err != nil {
			t.Error(err)
		}
	}
}

// TestReadAppStore_recognised: the report is known by its header, not
// its name, gzip'd or not; -as appstore reads it; a copy a spreadsheet
// saved with commas is read as uptake CSV, and the problem says what it
// nearly is.
func TestReadAppStore_recognised(t *testing.T) {
	for name, data := range map[string][]byte{
		"plain":       []byte(asJuly),
		"gzip'd":      gz(t, asJuly),
		"CRLF":        []byte(strings.ReplaceAll(asJuly, "\n", "\r\n")),
		"BOM":         []byte("\ufeff" + asJuly),
		"blank lines": []byte("\n\n" + asJuly + "\n\n"),
	} {
		for _, opt := range []Options{{}, {Format: "appstore"}, {Format: "App Store Connect sales report"}} {
			rec := &recorder{}
			u, ps := ReadWith(bytes.NewReader(data), "report", rec, opt)
			if len(ps) > 0 || u.Format != "App Store Connect sales report" || len(rec.figures) != 3 {
				t.Errorf("%s, %+v: %+v, %d figures, %v", name, opt, u, len(rec.figures), strs(ps))
			}
		}
	}
	csv := strings.ReplaceAll(asJuly, "\t", ",")
	_, ps := ReadWith(strings.NewReader(csv), "report.csv", &recorder{}, Options{})
	if len(ps) < 2 || !strings.Contains(ps[0].Message, "the columns of an App Store Connect sales report, separated by commas rather than tabs") {
		t.Errorf("a copy with commas:\n%s", strs(ps))
	}
	if !strings.Contains(strings.Join(FormatNames(), ", "), "appstore (App Store Connect sales report)") {
		t.Errorf("FormatNames: %v", FormatNames())
	}
}

// TestReadAppStore_twice: importing a report into the store again
// changes nothing.
func TestReadAppStore_twice(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "u.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	files := []struct{ name, text string }{
		{"S_M_85012345_202007.txt.gz", asJuly},
		{"S_W_85012345_20200906.txt.gz", asWeek},
	}
	imp := func() store.Report {
		t.Helper()
		b := store.NewBatch("t")
		for _, f := range files {
			if _, ps := ReadWith(bytes.NewReader(gz(t, f.text)), f.name, b, Options{}); len(ps) > 0 {
				t.Fatal(strs(ps))
			}
		}
		rep, err := st.Apply(b, false)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	// July: 3 figures (Tally US and IN, Tally Mac US); the week: Tally
	// US and IN in August and September, 4.
	first := imp()
	if first.AppsAdded != 2 || first.Added != 3+4 {
		t.Fatalf("first import: %s", first)
	}
	again := imp()
	if again.Changed() || again.Added+again.Updated+again.Deleted != 0 || again.Unchanged != first.Added {
		t.Errorf("second import: %s; want everything unchanged (first: %s)", again, first)
	}
}

// TestReadAppStore_badFiles: each problem at its line and column, worded
// what is wrong (what is expected); a file with problems gives nothing.
func TestReadAppStore_badFiles(t *testing.T) {
	good := asRow{"Tally", tallySKU, "1.1", "1", 10, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPhone"}
	with := func(f func(r *asRow)) asRow {
		r := good
		f(&r)
		return r
	}
	noUnits := strings.Replace(asReport(good), "\tUnits\t", "\t", 1)
	noUnits = strings.Replace(noUnits, "\t10\t", "\t", 1)
	for _, c := range []struct{ name, text, want string }{
		{"a missing column", noUnits,
			"f.txt:1: Units: the header lacks this column (expected the columns of App Store Connect's Summary Sales Report, version 1_3; download the report again, and import it as App Store Connect gives it)"},
		{"bad values", asHeaderLine + "\n" + good.String() + "\n" +
			with(func(r *asRow) { r.begin = "2020-08-01" }).String() + "\n" +
			strings.Replace(good.String(), "\t10\t", "\tten\t", 1) + "\n" +
			with(func(r *asRow) { r.ptype = "9Z" }).String() + "\n" +
			with(func(r *asRow) { r.country = "UK" }).String() + "\n" +
			with(func(r *asRow) { r.end = "07/31/2020" }).String() + "\n" +
			with(func(r *asRow) { r.id = "id1234"; r.title = "Tally\x1b]0;pwned\x07" }).String() + "\n" +
			with(func(r *asRow) { r.begin, r.end = "02/30/2020", "" }).String() + "\n",
			`f.txt:3: Begin Date: "2020-08-01" is not a date written MM/DD/YYYY (expected e.g. 08/01/2020 for 1 August 2020)` + "\n" +
				`f.txt:4: Units: "ten" is not a whole number of units (expected e.g. 3, or -1 for a refund)` + "\n" +
				`f.txt:5: Product Type Identifier: "9Z" is not a product type uptake knows, so it cannot tell whether its units are installs (expected 1, 1F, 1T, F1, 1E, 1EP or 1EU for first-time downloads; 3, 3F, 7, 7F, 7T, F7, IA1, IAY, FI1, 1-B and the like are read and not counted)` + "\n" +
				`f.txt:6: Country Code: "UK" is not an ISO 3166-1 alpha-2 code (expected GB for United Kingdom)` + "\n" +
				`f.txt:7: End Date: 07/31/2020 is before the Begin Date 08/01/2020 (expected the same day or later)` + "\n" +
				`f.txt:8: Apple Identifier: "id1234" is not an Apple ID (expected digits, such as 1234567890)` + "\n" +
				`f.txt:8: Title: contains the control character U+001B (remove it; only printable text is kept)` + "\n" +
				`f.txt:9: Begin Date: "02/30/2020" is not a date written MM/DD/YYYY (expected e.g. 08/01/2020 for 1 August 2020)` + "\n" +
				`f.txt:9: End Date: is empty (expected a date written MM/DD/YYYY, such as 08/01/2020)`},
		{"a short row", asHeaderLine + "\nAPPLE\tUS\tcom.tallylabs.tally\n",
			"f.txt:2: the row has 3 fields but the header has 28 (expected one value per column, separated by tabs)"},
		{"only the header", asHeaderLine + "\n",
			"f.txt:1: no rows after the header (expected a row per app, product type, device, country and period, as App Store Connect writes them)"},
		{"refunds past downloads", asReport(with(func(r *asRow) { r.units = -3 })),
			"f.txt:2: Units of first-time downloads (product types 1, 1F, 1T, F1, 1E, 1EP, 1EU): Tally in US 2020-08 adds to -3: fewer than none (refunds past downloads?); uptake keeps no negative installs"},
		{"a line too long", asHeaderLine + "\n" + strings.Repeat("x", MaxLineBytes+10) + "\n" + good.String() + "\n",
			"f.txt:2: the line is longer than 1 MiB (expected one short row per line; is this a sales report?)"},
		{"too many fields", asHeaderLine + "\n" + strings.Repeat("\t", MaxColumns) + "x\n",
			"f.txt:2: the row has more than 1000 fields (expected the 28 columns of a sales report, separated by tabs)"},
		{"a column twice", strings.Replace(asReport(good), "Version", "Units", 1),
			"f.txt:1: Units: the header has this column twice, as columns 6 and 8 (expected each column once)"},
		{"a period out of range", asReport(with(func(r *asRow) { r.begin, r.end = "01/01/1980", "01/01/1980" })),
			"f.txt:2: 1980-01-01 is outside the months uptake keeps (1990-01 to 2099-12)"},
	} {
		rec, _, ps := readAppStoreFiles(t, Options{}, "f.txt", c.text)
		if got := strs(ps); got != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.name, got, c.want)
		}
		if len(rec.figures) > 0 {
			t.Errorf("%s: %d figures from a file with problems", c.name, len(rec.figures))
		}
	}
}

// TestReadAppStore_manyProblems: the reading stops after MaxProblems,
// and says so.
func TestReadAppStore_manyProblems(t *testing.T) {
	bad := asRow{"Tally", tallySKU, "1.1", "1", 10, "2020-08-01", "08/01/2020", "US", tallyID, "", "iPhone"}
	var rows []asRow
	for range 50 {
		rows = append(rows, bad)
	}
	_, _, ps := readAppStoreFiles(t, Options{}, "f.txt", asReport(rows...))
	if len(ps) != MaxProblems+1 || ps[MaxProblems].Line != MaxProblems+2 || !strings.Contains(ps[MaxProblems].Message, "more problems from here on are not shown") {
		t.Errorf("%d problems:\n%s", len(ps), strs(ps))
	}
}

// TestReadAppStore_gzipCutShort: a download cut short is a problem that
// says to download it again, whether the cut falls in the rows or in the
// gzip trailer.
func TestReadAppStore_gzipCutShort(t *testing.T) {
	var rows []asRow
	for d := 1; d <= 31; d++ {
		for _, c := range figures.CountryCodes()[:60] {
			rows = append(rows, asRow{"Tally", tallySKU, "1.1", "1", d, fmt.Sprintf("07/%02d/2020", d), fmt.Sprintf("07/%02d/2020", d), c, tallyID, "", "iPhone"})
		}
	}
	data := gz(t, asReport(rows...))
	for _, cut := range []int{len(data) / 2, len(data) - 4} {
		rec := &recorder{}
		u, ps := ReadWith(bytes.NewReader(data[:cut]), "S_M.txt.gz", rec, Options{})
		if len(ps) != 1 || !strings.Contains(ps[0].Message, "damaged or cut short") || !strings.HasSuffix(ps[0].Message, "(download it again)") || ps[0].Line < 2 {
			t.Errorf("cut at %d of %d: %s", cut, len(data), strs(ps))
		}
		if u.Format != "App Store Connect sales report" || len(rec.figures)+len(rec.apps) > 0 {
			t.Errorf("cut at %d: %+v, %d figures", cut, u, len(rec.figures))
		}
	}
}

// TestReadAppStore_names: apps are kept by name, so two apps of one title
// (an iPhone app and a Mac app) get names of their own, alike in every
// file of an import; an app's second title is said, not taken.
func TestReadAppStore_names(t *testing.T) {
	iphone := asRow{"Tally", tallySKU, "1.1", "1", 10, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPhone"}
	mac := asRow{"Tally", macSKU, "2.0", "F1", 4, "08/01/2020", "08/01/2020", "US", tallyMacID, "", "Desktop"}
	renamed := asRow{"Tally: Count Anything", tallySKU, "1.2", "1", 1, "08/01/2020", "08/01/2020", "IN", tallyID, "", "iPhone"}
	rec, us, ps := readAppStoreFiles(t, Options{}, "a.txt", asReport(iphone, mac, renamed))
	if len(ps) > 0 {
		t.Fatal(strs(ps))
	}
	checkApps(t, rec.apps, figures.App{Name: "Tally", IOS: tallyID}, figures.App{Name: "Tally (App Store id 1234567891)", IOS: tallyMacID})
	for _, w := range []string{
		`app 1234567891 is named "Tally (App Store id 1234567891)", for "Tally" is app 1234567890`,
		`app 1234567890 is also titled "Tally: Count Anything" (line 4), and named "Tally"`,
	} {
		if !strings.Contains(us[0].Metric, w) {
			t.Errorf("metric %q lacks %q", us[0].Metric, w)
		}
	}
	if len(rec.figures) != 3 || rec.figures[0].Installs != 10 || rec.figures[1].App != "Tally (App Store id 1234567891)" || rec.figures[1].Installs != 4 ||
		rec.figures[2].App != "Tally" || rec.figures[2].Country != "IN" || rec.figures[2].Installs != 1 {
		t.Errorf("figures %+v", rec.figures)
	}

	// The Mac app alone in the first file, both in the second: the Mac
	// app keeps its name.
	mac2 := mac
	mac2.begin, mac2.end = "08/02/2020", "08/02/2020"
	iphone2 := iphone
	iphone2.begin, iphone2.end = "08/02/2020", "08/02/2020"
	rec, _, ps = readAppStoreFiles(t, Options{}, "a.txt", asReport(mac), "b.txt", asReport(iphone2, mac2))
	if len(ps) > 0 {
		t.Fatal(strs(ps))
	}
	checkApps(t, rec.apps, figures.App{Name: "Tally", IOS: tallyMacID}, figures.App{Name: "Tally (App Store id 1234567890)", IOS: tallyID}, figures.App{Name: "Tally", IOS: tallyMacID})
	if len(rec.figures) != 2 || rec.figures[0].Installs != 8 || rec.figures[1].Installs != 10 {
		t.Errorf("figures %+v", rec.figures)
	}

	// A title too long for a name is cut.
	long := iphone
	long.title = strings.Repeat("Tally ", 30)
	rec, _, ps = readAppStoreFiles(t, Options{}, "a.txt", asReport(long))
	if len(ps) > 0 || len(rec.apps) != 1 || len(rec.apps[0].Name) > figures.MaxNameLen || !strings.HasSuffix(rec.apps[0].Name, "Tally T…") {
		t.Errorf("a long title: %+v %v", rec.apps, strs(ps))
	}
}
