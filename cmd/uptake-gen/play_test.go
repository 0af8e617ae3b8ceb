package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/seed"
)

type figureList []figures.Figure

func (l *figureList) AddApp(figures.App)                {}
func (l *figureList) AddLaunch(figures.Launch)          {}
func (l *figureList) AddFigure(f figures.Figure, _ int) { *l = append(*l, f) }
func (l *figureList) AddEvent(figures.Event, int)       {}
func (l *figureList) AddGroup(figures.Group, int)       {}

// TestPlayReports: the generated reports read as Play Console reports, a
// figure per country and month. By hand, the first country in January
// 2020: 31 days of 50 + (11·day mod 400), and 11·day stays under 400, so
// 50·31 + 11·(1+…+31) = 1,550 + 5,456 = 7,006.
func TestPlayReports(t *testing.T) {
	dir := t.TempDir()
	if err := writePlayReports(dir, 3, figures.MonthOf(2020, 1), 12); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) != 12 {
		t.Fatalf("%d files, want 12", len(files))
	}
	days := seed.NewDays()
	var got figureList
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		u, ps := seed.ReadWith(f, name, &got, seed.Options{Days: days})
		f.Close()
		if len(ps) > 0 || u.Format != "Google Play Console installs report" {
			t.Fatalf("%s: read as %q: %v", name, u.Format, ps)
		}
	}
	if ps := days.Emit(&got); len(ps) > 0 {
		t.Fatal(ps)
	}
	if len(got) != 36 || got[0].Installs != 7006 || got[0].Estimate {
		t.Errorf("%d figures, the first %+v; want 36, the first 7006", len(got), got[0])
	}
}
