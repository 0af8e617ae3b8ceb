package seed

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestBundled(t *testing.T) {
	rec := &recorder{}
	if err := Bundled(rec); err != nil {
		t.Fatalf("Bundled: %v", err)
	}
	if len(rec.figures) != 10 || len(rec.launches) != 5 || len(rec.apps) != 2 || len(rec.events) != 2 {
		t.Errorf("the bundled dataset has %d figures, %d launches, %d apps and %d events; want 10, 5, 2 and 2", len(rec.figures), len(rec.launches), len(rec.apps), len(rec.events))
	}
}

// TestBundled_events holds the dataset's events to the context the seed
// article gives (shared/seeds/FACTS.md): the ban of TikTok in India, whose
// date the article leaves out and public record gives, and the US
// deadline for TikTok's sale, which the article dates.
func TestBundled_events(t *testing.T) {
	rec := mustRead(t)(readJSON(t, "dataset.json", string(BundledJSON())))
	var got []string
	for _, e := range rec.events {
		got = append(got, e.String())
		if !strings.Contains(e.Source, "Arabic news article") || e.Note == "" || !strings.HasPrefix(e.Note, "The article:") {
			t.Errorf("%s: source %q, note %q: want the article named and its words in the note", e, e.Source, e.Note)
		}
	}
	want := []string{
		"2020-06 IN every app: TikTok banned in India (in force from 29 June 2020)",
		"2020-09 US every app: US deadline for TikTok's sale: 20 September 2020",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	ban := rec.events[0]
	if !strings.Contains(ban.Source, "public record") || !strings.Contains(ban.Note, "earlier this year") || !strings.Contains(ban.Note, "29 June 2020") {
		t.Errorf("the ban does not say the article leaves its date out and where the date comes from: %q / %q", ban.Source, ban.Note)
	}
}

// TestBundled_content holds the dataset to the facts of the seed article
// (shared/seeds/FACTS.md).
func TestBundled_content(t *testing.T) {
	rec := mustRead(t)(readJSON(t, "dataset.json", string(BundledJSON())))
	if want := "[{Resso ByteDance  } {Spotify Spotify  }]"; fmt.Sprint(rec.apps) != want {
		t.Errorf("apps = %v; want %s", rec.apps, want)
	}
	if want := "[{Resso IN 2020-03} {Resso ID 2020-03} {Resso BR 2020-09} {Spotify IN 2019-02} {Spotify ID 2016-03}]"; fmt.Sprint(rec.launches) != want {
		t.Errorf("launches = %v; want %s", rec.launches, want)
	}
	type fig struct {
		app, country, from, to string
		installs               int64
		estimate               bool
	}
	want := []fig{
		{"Resso", "WW", "2020-03", "2020-09", 15_200_000, false},
		{"Resso", "WW", "2020-07", "2020-07", 2_200_000, false},
		{"Resso", "WW", "2020-08", "2020-08", 3_600_000, false},
		{"Resso", "IN", "2020-03", "2020-09", 9_880_000, true},
		{"Resso", "ID", "2020-03", "2020-09", 5_168_000, true},
		{"Resso", "BR", "2020-09", "2020-09", 152_000, true},
		{"Resso", "IN", "2020-03", "2020-07", 9_800_000, false},
		{"Resso", "ID", "2020-03", "2020-07", 5_000_000, false},
		{"Spotify", "IN", "2019-02", "2019-06", 10_500_000, false},
		{"Spotify", "ID", "2016-03", "2016-07", 1_200_000, false},
	}
	if len(rec.figures) != len(want) {
		t.Fatalf("%d figures; want %d", len(rec.figures), len(want))
	}
	source := rec.figures[0].Source
	if !strings.Contains(source, "Sensor Tower") {
		t.Errorf("source %q does not name Sensor Tower", source)
	}
	for i, w := range want {
		f := rec.figures[i]
		got := fig{f.App, f.Country, f.From.String(), f.To.String(), f.Installs, f.Estimate}
		if got != w {
			t.Errorf("figure %d = %+v; want %+v", i, got, w)
		}
		if f.Source != source {
			t.Errorf("figure %d has source %q; want %q on every figure", i, f.Source, source)
		}
		if f.Note == "" {
			t.Errorf("figure %d has no note", i)
		}
		if f.Estimate && !strings.HasPrefix(f.Note, "Derived:") {
			t.Errorf("estimate %d does not say it is derived: %q", i, f.Note)
		}
	}
	// The shares add up to the worldwide total, as the article has them.
	if sum := want[3].installs + want[4].installs + want[5].installs; sum != want[0].installs {
		t.Errorf("India, Indonesia and Brazil add up to %d, not %d", sum, want[0].installs)
	}
	if !strings.Contains(rec.figures[5].Note, "September 2020") {
		t.Errorf("Brazil's note does not say why its span is September: %q", rec.figures[5].Note)
	}
	for _, i := range []int{6, 7} {
		if n := rec.figures[i].Note; !strings.Contains(n, "does not say when the five months start") || !strings.Contains(n, "kept as given") {
			t.Errorf("figure %d's note does not say how its span was decided: %q", i, n)
		}
	}
}

func TestBundledJSON_isACopy(t *testing.T) {
	a := BundledJSON()
	a[0] = 'x'
	if b := BundledJSON(); b[0] != '{' || !bytes.Equal(b, dataset) {
		t.Error("BundledJSON hands out the embedded bytes")
	}
}
