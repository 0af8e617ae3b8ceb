package seed

import (
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
)

// TestMonthTotals: days summed into months, worked by hand. January, all
// 31 days of 10: 310, whole. February 2020 (29 days), 27 days of 5: 135,
// at least, marked. A week of 70 from 30 March: 2 of its 7 days are in
// March (20), 5 in April (50), both marked as divided. A day given twice
// is a problem, never counted twice.
func TestMonthTotals(t *testing.T) {
	day := func(m, d int) time.Time { return time.Date(2020, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tot := NewDays()
	src := daySource{file: "f.csv", metric: "Daily User Installs", source: "Play Console"}
	for d := 1; d <= 31; d++ {
		if msg := tot.add(src, "A", "IN", figures.Android, day(1, d), day(1, d), 10, d+1); msg != "" {
			t.Fatal(msg)
		}
	}
	for d := 1; d <= 27; d++ {
		tot.add(src, "A", "IN", figures.Android, day(2, d), day(2, d), 5, 100+d)
	}
	if msg := tot.add(src, "A", "IN", figures.Android, day(3, 30), day(4, 5), 70, 200); msg != "" {
		t.Fatal(msg)
	}
	if msg := tot.add(src, "A", "IN", figures.Android, day(1, 15), day(1, 15), 10, 300); !strings.Contains(msg, "already given at line 16") {
		t.Errorf("a day given twice: %q", msg)
	}
	var r recorder
	if ps := tot.Emit(&r); len(ps) != 0 {
		t.Fatal(ps)
	}
	want := []struct {
		month    figures.Month
		installs int64
		estimate bool
		note     string
	}{
		{figures.MonthOf(2020, 1), 310, false, "sum of 31 days"},
		{figures.MonthOf(2020, 2), 135, true, "sum of 27 of 29 days"},
		{figures.MonthOf(2020, 3), 20, true, "sum of 2 of 31 days"},
		{figures.MonthOf(2020, 4), 50, true, "divided between them by days"},
	}
	if len(r.figures) != len(want) {
		t.Fatalf("%d figures, want %d: %+v", len(r.figures), len(want), r.figures)
	}
	for i, w := range want {
		f := r.figures[i]
		if f.From != w.month || f.To != w.month || f.Installs != w.installs || f.Estimate != w.estimate || !strings.Contains(f.Note, w.note) || f.Platform != figures.Android {
			t.Errorf("figure %d = %+v; want %s %d estimate %v note with %q", i, f, w.month, w.installs, w.estimate, w.note)
		}
	}
}

// TestRead_UnknownFileNamesTheFormatsTried: a file no format claims is
// read as uptake CSV, and its first problem says which formats were tried.
func TestRead_UnknownFileNamesTheFormatsTried(t *testing.T) {
	var r recorder
	ps := Read(strings.NewReader("Date,Package Name,Foo\n2020-01-01,com.x,1\n"), "unk.csv", &r)
	if len(ps) == 0 || !strings.Contains(ps[0].Message, "the last of the formats tried (") || !strings.Contains(ps[0].Message, "uptake JSON") {
		t.Fatalf("problems: %v", ps)
	}
}
