package seed

import (
	"bytes"
	"os"
	"testing"
	"testing/iotest"

	"github.com/uptake/uptake/figures"
)

var sensorTowerSeeds = []string{
	`[{"aid":284882215,"cc":"US","d":"2020-08-01T00:00:00Z","iu":1200000,"ir":5300000,"au":150000,"ar":700000},
{"aid":284882215,"cc":"US","d":"2020-09-01T00:00:00Z","iu":1100000,"ir":5100000,"au":140000,"ar":650000}]`,
	`[{"aid":"com.spotify.music","c":"BR","d":"2020-08-01T00:00:00Z","u":100,"r":37},
{"aid":"com.spotify.music","c":"BR","d":"2020-08-02T00:00:00Z","u":200,"r":74}]`,
	`[{"aid": 7, "cc": "US", "d": "2020-08-24", "iu": 50, "au": 20}, {"aid": 7, "cc": "US", "d": "2020-08-31", "iu": 70, "au": 0}]`,
	`[{"aid": 7, "cc": "WW", "d": "2020-08-01T00:00:00+08:00", "iu": 1.2e3, "au": null}]`,
	`[{"aid": 1, "cc": "US", "d": "2020-08-01", "ir": 1, "ar": 1}, 5, "x", [1, {"a": [2]}], {"aid": 1, "aid": 2}]`,
	"[{\"aid\": \"\\ud83d\", \"c\": \"US\\u0000\", \"d\": \"2020-08-01\", \"u\": 1}, {\"aid\": \"a\xff\", \"c\": \"US\", \"d\": \"2020-08-02\", \"u\": -1}]",
	`[{"aid": 1, "cc": "US", "d": "2020-08-01", "iu": 1e999, "au": 99999999999999999999}]`,
	`[{"aid": 1, "cc": "US", "d": "2020-08-01", "iu": 1, "au": 0},` + "\n" + `{"aid": 1, "cc": "US", "d": "2020-08-01", "iu": 1, "au": 0}]`,
	`[`, `[]`, ``, `[{}]`, `{}`, `[{"aid":1,"cc":"US","d":"2020-08-01","iu":1,"au":1}] []`,
}

var appfiguresSeeds = []string{
	`{"40337456": {"US": {"2020-08-01": {"downloads": 1520, "re_downloads": 310, "updates": 4200, "returns": 3, "net_downloads": 1517, "revenue": "1234.56", "date": "2020-08-01", "product_id": 40337456, "country": "US", "store": "apple"},
"2020-09-01": {"downloads": 1710, "net_downloads": 1709, "date": "2020-09-01", "product_id": 40337456, "country": "US", "store": "apple"}}}}`,
	`{"US": {"2020-08-01": {"downloads": 5, "net_downloads": 5, "product_id": 7, "product": {"id": 7, "store": "google_play", "name": "x"}},
"2020-08-02": {"downloads": "6", "net_downloads": 6, "product_id": "7"}}}`,
	`{"2020-08-03": {"US": {"7": {"downloads": 5, "net_downloads": 5}}}, "2020-08-10": {"US": {"7": {"downloads": 6, "net_downloads": 6}}}}`,
	`{"7": {"US": {"2020-08-01": {"downloads": -4, "net_downloads": -4}, "total": 5, "2020-09-01": [], "BR": {"8": {}}}}}`,
	`{"7": {"US": {"2020-08-01": {"downloads": 1, "downloads": 2, "product": {"store": 1, "store": 2}}}}}`,
	"{\"7\": {\"U\xffS\": {\"2020-08-01\": {\"downloads\": 1, \"net_downloads\": 1, \"iso\": \"\\ud800\", \"store\": \"apple\\u0000\"}}}}",
	`{"downloads": 5, "net_downloads": 5, "product_id": 7, "iso": "US", "date": "2020-08-01"}`,
	`{"": {"": 1}}`, `{`, `{}`, ``, `[]`, `{"7": {"US": {"2020-08-01": {"downloads": 1}}}} {}`,
}

// fileSeeds adds the testdata files under dir to the seeds.
func fileSeeds(f *testing.F, dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(dir + "/" + e.Name())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// fuzzVendor reads data as the format named, whole and a byte at a
// time, and holds what it read to what every read must give, and to what
// a vendor's reader promises besides: each figure's app added first, with
// its store id; Sensor Tower's figures estimates of one store.
func fuzzVendor(t *testing.T, data []byte, format string) {
	rec := &recorder{}
	_, ps := ReadWith(bytes.NewReader(data), "f.json", rec, Options{Format: format})
	checkRead(t, data, rec, ps)
	apps := map[string]figures.App{}
	for _, a := range rec.apps {
		if err := figures.ValidateStoreIDs(a); err != nil {
			t.Fatalf("app %+v: %v", a, err)
		}
		apps[a.Name] = a
	}
	for _, f := range rec.figures {
		a, ok := apps[f.App]
		if !ok {
			t.Fatalf("figure %s of an app not added", f)
		}
		if format == "sensortower" {
			if !f.Estimate || f.Platform == figures.AllPlatforms || f.Source != "Sensor Tower" {
				t.Fatalf("Sensor Tower figure %s %s %q not an estimate of one store", f, f.Platform, f.Source)
			}
			if f.Platform == figures.IOS && a.IOS != f.App || f.Platform == figures.Android && a.Android != f.App {
				t.Fatalf("figure %s of app %+v without its store id", f, a)
			}
		}
	}
	if len(data) < 4096 { // the same, read a byte at a time
		rec2 := &recorder{}
		_, ps2 := ReadWith(iotest.OneByteReader(bytes.NewReader(data)), "f.json", rec2, Options{Format: format})
		sameRead(t, rec, ps, rec2, ps2)
	}
}

func FuzzReadSensorTower(f *testing.F) {
	for _, s := range sensorTowerSeeds {
		f.Add([]byte(s))
	}
	fileSeeds(f, "testdata/sensortower")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzVendor(t, data, "sensortower") })
}

func FuzzReadAppfigures(f *testing.F) {
	for _, s := range appfiguresSeeds {
		f.Add([]byte(s))
	}
	fileSeeds(f, "testdata/appfigures")
	f.Fuzz(func(t *testing.T, data []byte) { fuzzVendor(t, data, "appfigures") })
}
