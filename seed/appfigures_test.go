package seed

import (
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

// TestAppfigures_monthly: a report of group_by=products,countries,dates
// and granularity=monthly. Installs are downloads, as the file gives
// them, never net_downloads or re_downloads:
//
//	40337456 (store apple: iOS) US: Aug 1,520, Sep 1,710; BR: Aug 880, Sep 0 (a month of none is a figure of 0)
//	280643419 (store google_play: Android) US: Aug 25,000, Sep 27,500
//
// They are the stores' own counts, whole months: not estimates; source
// "Appfigures"; apps named by their product ids, before their figures.
func TestAppfigures_monthly(t *testing.T) {
	rec, u, ps := readFile(t, "testdata/appfigures/products-monthly.json", Options{})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if u.Format != "Appfigures sales report" || u.Metric != "downloads (first-time downloads; not net_downloads or re_downloads), monthly" {
		t.Errorf("understood %+v", u)
	}
	if len(rec.apps) != 2 || rec.apps[0] != (figures.App{Name: "40337456"}) || rec.apps[1] != (figures.App{Name: "280643419"}) {
		t.Errorf("apps %+v", rec.apps)
	}
	if len(rec.figures) != 6 {
		t.Fatalf("%d figures: %v", len(rec.figures), rec.figures)
	}
	const note = "products-monthly.json: downloads, monthly, sum of "
	checkMonths(t, rec.figures[:4], []wantFigure{
		{"40337456", "US", "2020-08", 1520, false, note + "31 days"},
		{"40337456", "US", "2020-09", 1710, false, note + "30 days"},
		{"40337456", "BR", "2020-08", 880, false, note + "31 days"},
		{"40337456", "BR", "2020-09", 0, false, note + "30 days"},
	}, figures.IOS, "Appfigures")
	checkMonths(t, rec.figures[4:], []wantFigure{
		{"280643419", "US", "2020-08", 25_000, false, note + "31 days"},
		{"280643419", "US", "2020-09", 27_500, false, note + "30 days"},
	}, figures.Android, "Appfigures")
}

// TestAppfigures_daily: a report of group_by=products,countries,dates and
// granularity=daily, without stores (so both platforms, as far as uptake
// can tell), read with a source of the user's. US has every day of
// August, 10 × the day: 10 × (1 + … + 31) = 4,960, a whole month, not an
// estimate (its net_downloads add to 4,954 and its re_downloads to 496:
// neither is taken). BR has the 1st to the 15th, 7 a day: 105, the sum of
// 15 of 31 days, at least the month's installs, so marked as an estimate.
func TestAppfigures_daily(t *testing.T) {
	rec, u, ps := readFile(t, "testdata/appfigures/products-daily.json", Options{Source: "Appfigures (App Store Connect)"})
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if !strings.Contains(u.Metric, ", daily; some sales do not say their store, and are put under all platforms") {
		t.Errorf("understood %+v", u)
	}
	if len(rec.apps) != 1 || rec.apps[0] != (figures.App{Name: "40337456"}) {
		t.Errorf("apps %+v", rec.apps)
	}
	checkMonths(t, rec.figures, []wantFigure{
		// No store in this file: the note says the downloads are one
		// store's, put under all platforms (found by a red-team pass).
		{"40337456", "US", "2020-08", 4960, false, "products-daily.json: downloads, daily (the report does not say the store: one store's downloads, put under all platforms), sum of 31 days"},
		{"40337456", "BR", "2020-08", 105, true, "products-daily.json: downloads, daily (the report does not say the store: one store's downloads, put under all platforms), sum of 15 of 31 days: the month lacks 16"},
	}, figures.AllPlatforms, "Appfigures (App Store Connect)")
}

// TestAppfigures_levels: the levels are known by their names, in any
// order; a report without products is read when its sales carry their
// product_id, and each of product, country and date may come from the
// sale's members alone (a response without group_by is one sale, and
// its one date cannot say how long its period is).
func TestAppfigures_levels(t *testing.T) {
	cases := []struct {
		name, text string
		want       []int64
	}{
		{"dates first", `{"2020-08-01": {"US": {"7": {"downloads": 5, "net_downloads": 5}}},
"2020-09-01": {"US": {"7": {"downloads": 6, "net_downloads": 6}}}}`, []int64{5, 6}},
		{"countries,dates with product_id", `{"US": {"2020-08-01": {"downloads": 5, "net_downloads": 5, "product_id": 7},
"2020-09-01": {"downloads": 6, "net_downloads": 6, "product_id": "7", "product": {"id": 7}}}}`, []int64{5, 6}},
		{"no levels", `{"downloads": 5, "net_downloads": 5, "product_id": 7, "iso": "US", "country": "United States", "date": "2020-08-01"}`, nil},
	}
	for _, c := range cases {
		rec, _, ps := readText(t, "l.json", c.text, Options{})
		if c.want == nil {
			if !strings.Contains(strs(ps), "one period only") {
				t.Errorf("%s: %s", c.name, strs(ps))
			}
			continue
		}
		if len(ps) > 0 {
			t.Errorf("%s: %s", c.name, ps)
			continue
		}
		if len(rec.figures) != len(c.want) {
			t.Errorf("%s: figures %v", c.name, rec.figures)
			continue
		}
		for i, n := range c.want {
			if f := rec.figures[i]; f.App != "7" || f.Country != "US" || f.Installs != n || f.Estimate {
				t.Errorf("%s: figure %d = %s, want 7 US %d", c.name, i, f, n)
			}
		}
	}
}

// TestAppfigures_badFiles: what is wrong is named at its line and member,
// and the file gives no figure. A report without products or countries
// is refused once, with the group_by to ask for.
func TestAppfigures_badFiles(t *testing.T) {
	const want = `(expected a whole number of downloads, 0 or more, such as 1200)`
	for _, c := range []struct{ name, text, want string }{
		{"revenue", `{"7": {"US": {
"2020-08-01": {"revenue": "12.34", "net_downloads": 3, "re_downloads": 4, "date": "2020-08-01"}}}}`,
			"revenue.json:2: downloads: is missing or null: the sale has no downloads (expected downloads, the first-time downloads; revenue, net_downloads, re_downloads and updates are never taken as installs)"},
		{"date", `{"7": {"US": {
"2020-02-30": {"downloads": 1, "net_downloads": 1},
"2020-03-01": {"downloads": 1, "net_downloads": 1, "date": "03/01/2020"},
"2020-04-01": {"downloads": 1, "net_downloads": 1, "date": "2020-05-01"}}}}`,
			`date.json:2: "2020-02-30": "2020-02-30" is not a date (expected the date a period starts, such as "2020-08-01" or "2020-08-01T00:00:00Z")` + "\n" +
				`date.json:3: date: "03/01/2020" is not a date (expected the date a period starts, such as "2020-08-01" or "2020-08-01T00:00:00Z")` + "\n" +
				`date.json:4: date: is 2020-05-01, but the date it is filed under on line 4 is 2020-04-01 (expected the same date)`},
		{"negative", `{"7": {"US": {"2020-08-01": {"downloads": -4, "net_downloads": -4},
"2020-09-01": {"downloads": "12k", "net_downloads": 1}}}}`,
			`negative.json:1: downloads: "-4" is negative ` + want + "\n" +
				`negative.json:2: downloads: is the string "12k" ` + want},
		{"twice", `{"7": {"US": {"2020-08-01": {
  "downloads": 5,
  "net_downloads": 5,
  "downloads": 6}}}}`,
			"twice.json:4: downloads: appears twice in this object, at lines 2 and 4 (expected each member once)"},
		{"products", `{"US": {"2020-08-01": {"downloads": 5, "net_downloads": 5, "date": "2020-08-01", "country": "US"},
"2020-09-01": {"downloads": 5, "net_downloads": 5, "date": "2020-09-01", "country": "US"}}}`,
			"products.json:1: the sale does not say which product it counts: the report has no products level, and its sales no product_id (expected a report requested with group_by=products,countries,dates)"},
		{"countries", `{"7": {"2020-08-01": {"downloads": 5, "net_downloads": 5}}}`,
			"countries.json:1: the sale does not say which country it counts: the report has no countries level, and its sales no iso or country (expected a report requested with group_by=products,countries,dates; a sum over countries is not taken as worldwide, since the request may have named some countries only)"},
		{"store", `{"7": {"US": {"2020-08-01": {"downloads": 5, "net_downloads": 5, "store": "amazon_appstore"},
"2020-09-01": {"downloads": 5, "net_downloads": 5, "store": "apple", "product": {"store": "google_play"}}}}}`,
			`store.json:1: store: "amazon_appstore" is not a store uptake follows (expected "apple" or "google_play"; ask for the products of those stores only)` + "\n" +
				`store.json:2: product.store: is "google_play", but the store on line 2 is "apple" (expected the same store)`},
		{"mismatch", `{"7": {"US": {"2020-08-01": {"downloads": 5, "net_downloads": 5, "product_id": 8, "iso": "BR"}}}}`,
			`mismatch.json:1: product_id: is "8", but the product id it is filed under on line 1 is "7" (expected the same product)` + "\n" +
				`mismatch.json:1: iso: is "BR", but the country on line 1 is US (expected the same country)`},
		{"levels", `{"7": {"US": {"2020-08-01": {"downloads": 1, "net_downloads": 1}},
"2020-09-01": {},
"total": 5,
"BR": 5}}`,
			`levels.json:2: "2020-09-01": is a date, where the first name of this object is a country (expected the names of one level alike, as group_by gives them)` + "\n" +
				`levels.json:3: "total": is not a country like the first name of this object, on line 1 (expected the names of one level alike: product ids, countries or dates, as group_by gives them)` + "\n" +
				`levels.json:4: "BR": is a number (expected an object: the sales under "BR")`},
		{"again", `{"7": {"US": {"8": {"2020-08-01": {"downloads": 1, "net_downloads": 1}}}}}`,
			`again.json:1: "8": is a second product id, inside "7" on line 1 (expected products, countries and dates once each, as group_by gives them)`},
		{"yearly", `{"7": {"US": {"2019-01-01": {"downloads": 1, "net_downloads": 1},
"2020-01-01": {"downloads": 1, "net_downloads": 1}}}}`,
			"yearly.json:2: date: every date is the 1st of a month, but the closest are 12 months apart: quarters or years, or months with the others missing; uptake cannot tell which (expected granularity=monthly, weekly or daily)"},
		{"twodays", `{"7": {"US": {"2020-08-01": {"downloads": 1, "net_downloads": 1},
"2020-08-02": {"downloads": 1, "net_downloads": 1},
"2020-08-02": {"downloads": 1, "net_downloads": 1}}}}`,
			"twodays.json:3: date: 2020-08-02 of 7 in US was already given at line 2 (of this file or an earlier one: a file imported twice, or two files with the same days?)"},
		{"array", `[{"downloads": 1, "net_downloads": 1}]`,
			`array.json:1: the file does not start with a JSON object (expected an Appfigures /v2/reports/sales response, requested with group_by=products,countries,dates: {"<product id>": {"US": {"2020-08-01": {"downloads": …, "net_downloads": …}}}})`},
	} {
		rec, _, ps := readText(t, c.name+".json", c.text, Options{Format: "appfigures"})
		if got := strs(ps); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
		if len(ps) > 0 && len(rec.figures) != 0 {
			t.Errorf("%s: figures from a file with problems: %v", c.name, rec.figures)
		}
	}
}

// TestAppfigures_recognised: a report is known by its sales' members; a
// file of uptake's own, even one that mentions them, is not taken for
// one.
func TestAppfigures_recognised(t *testing.T) {
	for text, want := range map[string]bool{
		`{"40337456": {"US": {"2020-08-01": {"downloads": 1, "re_downloads": 0, "net_downloads": 1}}}}`: true,
		"\n{\n \"US\": {\n  \"2020-08-01\": {\n   \"downloads\": 1,\n   \"net_downloads\": 1":           true,
		`{"figures": [{"app": "Resso", "note": "\"downloads\": \"net_downloads\": "}]}`:                 false,
		`{"downloads": 1}`:                       false,
		`[{"downloads": 1, "net_downloads": 1}]`: false,
	} {
		if got := looksLikeAppfigures([]byte(text)); got != want {
			t.Errorf("looksLikeAppfigures(%s) = %v", text, got)
		}
	}
	_, _, ps := readText(t, "e.json", "{}", Options{Format: "appfigures"})
	if got := strs(ps); !strings.HasPrefix(got, "e.json:1: the report is empty: no sales for the dates, products and countries asked") {
		t.Errorf("empty: %s", got)
	}
}
