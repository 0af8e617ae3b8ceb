package seed

import (
	"testing"

	"github.com/uptake/uptake/figures"
)

// TestRead_platforms: a platform column (CSV) or member (JSON) gives
// each figure its store, as people write it; an empty one is both
// stores; anything else is refused at its line.
func TestRead_platforms(t *testing.T) {
	csvText := "app,country,platform,from,installs\nResso,IN,ios,2020-08,1\nResso,IN,Google Play,2020-08,2\nResso,IN,,2020-08,3\nResso,IN,App Store,2020-09,4\n"
	rec, ps := readCSV(t, "f.csv", csvText)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	want := []figures.Platform{figures.IOS, figures.Android, figures.AllPlatforms, figures.IOS}
	for i, f := range rec.figures {
		if f.Platform != want[i] {
			t.Errorf("row %d: platform %v, want %v", i+2, f.Platform, want[i])
		}
	}
	rec, ps = readJSON(t, "f.json", `{"figures": [{"app": "Resso", "country": "IN", "platform": "android", "from": "2020-08", "installs": 1}]}`)
	if len(ps) > 0 || len(rec.figures) != 1 || rec.figures[0].Platform != figures.Android {
		t.Errorf("JSON: %+v %v", rec.figures, ps)
	}
	_, ps = readCSV(t, "f.csv", "app,country,platform,from,installs\nResso,IN,windows,2020-08,1\n")
	if got, want := strs(ps), `f.csv:2: platform: "windows" is not a platform (expected all, ios or android)`; got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}
