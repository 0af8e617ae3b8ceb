package store_test

// Defence in depth: the store refuses control characters at import and in
// the form, but a file written by an older or foreign program may hold
// them anyway. This test puts such bytes into a database past every check
// (PutUnchecked, hooks_test.go): the words the store and the rules write
// never carry them. (The dashboard and the exports are tested on the same
// text in ui and report.)

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/hostile"
	"github.com/uptake/uptake/store"
)

// evilLbl is a history label, which a hand-written or foreign file can
// give any text.
var evilLbl = "import " + hostile.OSC52 + hostile.ClearScreen + "figures.csv"

func checkClean(t *testing.T, where, s string) {
	t.Helper()
	if i, r, bad := hostile.BadRune(s); bad {
		lo, hi := max(0, i-30), min(len(s), i+30)
		t.Errorf("%s: %U reaches the output at byte %d: %q", where, r, i, s[lo:hi])
	}
}

// hostileStore writes a database holding hostile text in every place a
// name, a code, a source, a note or a history label can be.
func hostileStore(t *testing.T) (*store.Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hostile.db")
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	w, err := store.Open(path, store.Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	m := func(y, mo int) figures.Month { return figures.MonthOf(y, mo) }
	var figs []figures.Figure
	for i, app := range []string{hostile.AppA, hostile.AppB} {
		for k := 0; k < 6; k++ {
			figs = append(figs, figures.Figure{App: app, Country: "ID", From: m(2020, 3+k), To: m(2020, 3+k),
				Installs: int64(100000 * (i + 1) * (k + 1)), Source: hostile.Source, Note: hostile.Note, Estimate: k%2 == 0, Changed: now})
		}
		// Countries adding to more than worldwide: a warning naming the app.
		figs = append(figs,
			figures.Figure{App: app, Country: "IN", From: m(2020, 3), To: m(2020, 3), Installs: 5000000, Source: hostile.Source, Changed: now},
			figures.Figure{App: app, Country: "WW", From: m(2020, 3), To: m(2020, 3), Installs: 10, Source: hostile.Source, Changed: now},
			// A span below the months inside it: another warning.
			figures.Figure{App: app, Country: "IN", From: m(2020, 3), To: m(2020, 5), Installs: 1, Source: hostile.Source, Changed: now},
			figures.Figure{App: app, Country: hostile.Code, From: m(2020, 4), To: m(2020, 4), Installs: 7, Source: hostile.Source, Note: hostile.Note, Changed: now},
		)
	}
	// An app with no launch month in ID: Compare warns, naming it.
	figs = append(figs, figures.Figure{App: hostile.AppC, Country: "ID", From: m(2020, 4), To: m(2020, 9), Installs: 999, Source: hostile.Source, Note: hostile.Note, Changed: now})
	apps := []figures.App{{Name: hostile.AppA, Publisher: "Byte" + hostile.OSC52}, {Name: hostile.AppB, Publisher: hostile.ClearScreen}, {Name: hostile.AppC}}
	launches := []figures.Launch{{App: hostile.AppA, Country: "ID", Month: m(2020, 3)}, {App: hostile.AppB, Country: "ID", Month: m(2020, 3)},
		{App: hostile.AppA, Country: hostile.Code, Month: m(2020, 4)}}
	if err := w.PutUnchecked(apps, figs, launches, evilLbl); err != nil {
		t.Fatal(err)
	}
	w.Close()
	s, err := store.Open(path, store.Options{Transient: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	return s, path
}

// TestHostile_StoreMessagesAreClean: the words the store writes itself
// (warnings, errors) never carry the raw text either.
func TestHostile_StoreMessagesAreClean(t *testing.T) {
	s, _ := hostileStore(t)
	for _, app := range []string{hostile.AppA, hostile.AppB} {
		series, err := s.AppSeries(app)
		if err != nil {
			t.Fatal(err)
		}
		others := map[string][]figures.Figure{}
		for c, f := range series {
			if c != figures.Worldwide {
				others[c] = f
			}
		}
		ws := figures.Disagreements(app, series[figures.Worldwide], others)
		if len(ws) == 0 {
			t.Errorf("%q: no disagreement found", app)
		}
		for _, w := range ws {
			checkClean(t, "warning", w)
		}
		for _, c := range []figures.Curve{figures.MonthlyCurve(series["IN"], figures.MonthOf(2020, 1), figures.MonthOf(2020, 9)),
			figures.WorldwideCurve(series[figures.Worldwide], others, figures.MonthOf(2020, 1), figures.MonthOf(2020, 9))} {
			for _, w := range figures.Cumulative(c, false).Warnings {
				checkClean(t, "curve warning", w)
			}
		}
	}
	checkClean(t, "country label", figures.CountryLabel(hostile.Code))
	entries, _, err := s.History()
	if err != nil || len(entries) == 0 {
		t.Fatal(err)
	}
	if entries[0].Label != evilLbl {
		t.Errorf("the history changed the label: %q", entries[0].Label)
	}
}
