package synth

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

var tiny = Config{Apps: 3, Countries: 2, Months: 4, From: figures.MonthOf(2015, 1), Seed: 1}

// TestWriteFigures_CanonicalAndDeterministic: the header is uptake's, each
// figure is a line that says it is synthetic, and the same config gives
// the same bytes.
func TestWriteFigures_CanonicalAndDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	if err := tiny.WriteFigures(&a); err != nil {
		t.Fatal(err)
	}
	if err := tiny.WriteFigures(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("two runs differ")
	}
	lines := strings.Split(strings.TrimSuffix(a.String(), "\n"), "\n")
	if lines[0] != "app,country,from,to,installs,source,note,estimate" {
		t.Fatalf("header %q", lines[0])
	}
	if len(lines)-1 != tiny.Figures() {
		t.Fatalf("%d rows, want %d", len(lines)-1, tiny.Figures())
	}
	if want := "Synthetic App 001,IN,2015-01,2015-01,"; !strings.HasPrefix(lines[1], want) || !strings.HasSuffix(lines[1], ","+Source+",,no") {
		t.Fatalf("first row %q", lines[1])
	}
}

// TestEachFigure_MatchesWriteFigures: the figures handed over in memory
// are the ones the CSV holds.
func TestEachFigure_MatchesWriteFigures(t *testing.T) {
	var csv bytes.Buffer
	if err := tiny.WriteFigures(&csv); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("app,country,from,to,installs,source,note,estimate\n")
	tiny.EachFigure(func(f figures.Figure) {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%d,%s,%s,no\n", f.App, f.Country, f.From, f.To, f.Installs, f.Source, f.Note)
	})
	if b.String() != csv.String() {
		t.Fatalf("EachFigure and WriteFigures differ:\n%s\n%s", b.String(), csv.String())
	}
	n := 0
	tiny.EachLaunch(func(l figures.Launch) {
		if err := l.Validate(); err != nil {
			t.Error(err)
		}
		n++
	})
	if n != tiny.Apps*tiny.Countries {
		t.Errorf("%d launches", n)
	}
}

func TestCheck(t *testing.T) {
	if err := Million.Check(); err != nil || Million.Figures() != 1_000_000 {
		t.Fatalf("Million: %v, %d figures", err, Million.Figures())
	}
	for _, c := range []Config{
		{Apps: 0, Countries: 1, Months: 1, From: Million.From},
		{Apps: 1, Countries: 1000, Months: 1, From: Million.From},
		{Apps: 1, Countries: 1, Months: 2000, From: Million.From},
	} {
		if c.Check() == nil {
			t.Errorf("%+v passed", c)
		}
	}
}
