package seed

import (
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/uptake/uptake/figures"
)

// Days sums counts a store reports by day (or by week, or by any run of
// days) into calendar months, for the formats whose rows are not months.
// One Days serves a whole import, every file of it, so that a month whose
// days come in several files (a folder of daily reports) is one figure.
// It keeps which days of each month it was given, so that:
//   - a day given twice (the same report imported twice, two files
//     covering the same days) is a problem, never a double count;
//   - a month with days missing becomes a figure whose note says "sum of
//     27 of 31 days" and which is marked as an estimate of the month
//     (the days present are a lower bound), never claimed as complete;
//   - a run of days across two months (a week from 30 March) is divided
//     between them by days, and the months it touched are marked as
//     estimates with a note that says so, since no file says how its
//     count divides.
//
// Readers call add for every row; whoever made the Days calls Emit once
// every file is read.
type Days struct {
	cells map[cellKey]*monthCell
	order []cellKey      // in the order first seen, so output follows the files
	days  map[dayKey]int // every day given, with its line
	// covered are the days a file reports for an app in every country:
	// a country without a row on such a day had no installs that day, and
	// its month is not short of the day.
	covered map[dayKey]bool // country ""

	// appStore names the App Store's app ids alike in every file of the
	// import, and one name one id (appstore.go); nil until used.
	appStore *appStoreNames
}

// daySource is what a row's count is and where it came from.
type daySource struct {
	file     string // the file's name, for notes and problems
	metric   string // what was summed, in the file's words
	source   string // the figure's source
	estimate bool   // the counts are the vendor's estimates
}

type cellKey struct {
	app, country string
	platform     figures.Platform
	source       string
	month        figures.Month
}

type dayKey struct {
	app, country string
	platform     figures.Platform
	source       string
	day          int32 // days since 1970-01-01
}

type monthCell struct {
	from    daySource // the first file that gave the month
	files   int       // how many files gave it days
	sum     int64
	days    int  // how many days were given
	divided bool // part of its sum is a share of a run across months
	line    int  // the first row, for messages
}

// NewDays returns an empty Days for an import.
func NewDays() *Days {
	return &Days{cells: map[cellKey]*monthCell{}, days: map[dayKey]int{}, covered: map[dayKey]bool{}}
}

// add takes a count over the days first..last (the same day for a daily
// row), read at line of src.file. It returns what is wrong, or "". A
// reader whose file has several rows for one day and place (one per
// device or product) sums them before it adds.
func (t *Days) add(src daySource, app, country string, p figures.Platform, first, last time.Time, n int64, line int) string {
	first, last = dateOf(first), dateOf(last)
	if last.Before(first) {
		return fmt.Sprintf("the period ends (%s) before it begins (%s)", last.Format(time.DateOnly), first.Format(time.DateOnly))
	}
	if last.Sub(first) > 400*24*time.Hour {
		return "the period is longer than a year (expected a day, a week, a month or a year)"
	}
	from, to := figures.MonthOf(first.Year(), int(first.Month())), figures.MonthOf(last.Year(), int(last.Month()))
	if !from.Valid() || !to.Valid() {
		return fmt.Sprintf("%s is outside the months uptake keeps (%s to %s)", first.Format(time.DateOnly), figures.MinMonth, figures.MaxMonth)
	}
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		k := dayKey{app, country, p, src.source, int32(d.Unix() / 86400)}
		if at, seen := t.days[k]; seen {
			return fmt.Sprintf("%s of %s in %s was already given at line %d (of this file or an earlier one: a file imported twice, or two files with the same days?)", d.Format(time.DateOnly), figures.Sanitize(app), country, at)
		}
		t.days[k] = line
	}
	total := int64(last.Sub(first)/(24*time.Hour)) + 1
	var given int64
	for m := from; m <= to; m++ {
		// The days of the run inside month m, and their share of n.
		start, end := first, last
		if mf := monthStart(m); start.Before(mf) {
			start = mf
		}
		if ml := monthStart(m+1).AddDate(0, 0, -1); end.After(ml) {
			end = ml
		}
		days := int64(end.Sub(start)/(24*time.Hour)) + 1
		share := n * days / total
		if m == to {
			share = n - given // the rounding's remainder goes to the last month
		}
		given += share
		k := cellKey{app, country, p, src.source, m}
		c, ok := t.cells[k]
		if !ok {
			c = &monthCell{from: src, line: line}
			t.cells[k] = c
			t.order = append(t.order, k)
		}
		if c.from.file != src.file && c.files < 2 || c.files == 0 {
			c.files++ // counts to 2: one file, or more
		}
		c.sum += share
		c.days += int(days)
		c.divided = c.divided || from != to
		if c.sum > figures.MaxInstalls || c.sum < -figures.MaxInstalls {
			return fmt.Sprintf("the month's sum passes %d, more than uptake takes", int64(figures.MaxInstalls))
		}
	}
	return ""
}

// cover records that a file reports app's installs in every country over
// the days first..last: it lists a row for each country that had any (the
// App Store's and the Play Console's reports leave out the others).
func (t *Days) cover(src daySource, app string, p figures.Platform, first, last time.Time) {
	first, last = dateOf(first), dateOf(last)
	for d := first; !d.After(last) && !d.After(first.AddDate(1, 1, 0)); d = d.AddDate(0, 0, 1) {
		t.covered[dayKey{app, "", p, src.source, int32(d.Unix() / 86400)}] = true
	}
}

// daysKnown counts the days of a cell's month that are known: given for
// its country, or covered by a report for its app.
func (t *Days) daysKnown(k cellKey) int {
	n := 0
	start := monthStart(k.month)
	for d := start; d.Before(monthStart(k.month + 1)); d = d.AddDate(0, 0, 1) {
		day := int32(d.Unix() / 86400)
		if _, given := t.days[dayKey{k.app, k.country, k.platform, k.source, day}]; given || t.covered[dayKey{k.app, "", k.platform, k.source, day}] {
			n++
		}
	}
	return n
}

// Emit gives s a figure per month, with its note, in the order the files
// first gave them. A month whose days add to less than zero (refunds past
// downloads) is a problem of its first line rather than a figure.
func (t *Days) Emit(s Sink) Problems {
	var ps Problems
	keys := slices.Clone(t.order)
	for _, k := range keys {
		c := t.cells[k]
		if c.sum < 0 {
			ps = append(ps, Problem{File: c.from.file, Line: c.line, Column: c.from.metric,
				Message: fmt.Sprintf("%s in %s %s adds to %d: fewer than none (refunds past downloads?); uptake keeps no negative installs", figures.Sanitize(k.app), k.country, k.month, c.sum)})
			continue
		}
		whole := daysIn(k.month)
		// The file's name without its folder: the same report imported
		// again from elsewhere leaves the figure unchanged.
		file := filepath.Base(c.from.file)
		if c.files > 1 {
			file += " and other files"
		}
		known := t.daysKnown(k)
		note := fmt.Sprintf("%s: %s, sum of %d days", file, c.from.metric, known)
		if known > c.days {
			note += fmt.Sprintf(" (rows on %d; the report lists none for this country on the others)", c.days)
		}
		partial := known < whole
		if partial {
			note = fmt.Sprintf("%s: %s, sum of %d of %d days: the month lacks %d, so this is at least its installs (marked as an estimate)", file, c.from.metric, known, whole, whole-known)
		}
		if c.divided {
			note += "; a row's period ran into the next or last month, and its count is divided between them by days (marked as an estimate)"
		}
		s.AddFigure(figures.Figure{App: k.app, Country: k.country, Platform: k.platform, From: k.month, To: k.month,
			Installs: c.sum, Source: k.source, Note: figures.CutTo(figures.Sanitize(note), figures.MaxTextLen), Estimate: c.from.estimate || partial || c.divided}, c.line)
	}
	return ps
}

// daysIn counts the days of month m.
func daysIn(m figures.Month) int {
	return int(monthStart(m+1).Sub(monthStart(m)) / (24 * time.Hour))
}

func monthStart(m figures.Month) time.Time {
	return time.Date(m.Year(), time.Month(m.Num()), 1, 0, 0, 0, 0, time.UTC)
}

func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
