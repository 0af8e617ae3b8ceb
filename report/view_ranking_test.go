package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/hang"
	"github.com/uptake/uptake/internal/synth"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/textfit"
)

var viewRanking = rankingView()

func mon(y, m int) figures.Month { return figures.MonthOf(y, m) }

// rankedRow finds an app's row.
func rankedRow(t *testing.T, d RankingData, app string) RankRow {
	t.Helper()
	for _, r := range d.Rows {
		if r.App == app {
			return r
		}
	}
	t.Fatalf("no row for %s in %v", app, d.Rows)
	return RankRow{}
}

func loadRanking(t *testing.T, src Source, sel Selection) RankingData {
	t.Helper()
	var d RankingData
	var err error
	if st, ok := src.(*store.Store); ok {
		err = st.Read(func(r *store.Reader) error { d, err = LoadRanking(r, sel); return err })
	} else {
		d, err = LoadRanking(src, sel)
	}
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func rankingText(t *testing.T, src Source, sel Selection, width int) string {
	t.Helper()
	var b bytes.Buffer
	if err := Export(src, viewRanking, sel, FormatText, width, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// The bundled dataset, by hand. Every figure is in seed/dataset.json:
// Resso IN 2020-03..09 9.88M* and 2020-03..07 9.8M (launched 2020-03);
// Resso ID 2020-03..09 5.168M* and 2020-03..07 5M (launched 2020-03);
// Resso WW 2020-03..09 15.2M, 2020-07 2.2M, 2020-08 3.6M; Resso BR 2020-09
// 152k*; Spotify IN 2019-02..06 10.5M (launched 2019-02); Spotify ID
// 2016-03..07 1.2M (launched 2016-03).
func TestRanking_Bundled(t *testing.T) {
	s := newTestStore(t, true)

	t.Run("India, the latest 12 months", func(t *testing.T) {
		// The latest month with figures in India is 2020-09, so the window
		// is 2019-10..2020-09 and the previous one (also the year before)
		// 2018-10..2019-09.
		d := loadRanking(t, s, Selection{Apps: []string{"Resso"}, Country: "IN"})
		if d.From != mon(2019, 10) || d.To != mon(2020, 9) || d.Default != "the latest 12 months with figures" {
			t.Fatalf("window %s..%s (%s)", d.From, d.To, d.Default)
		}
		// Resso launched 2020-03, inside the window: 2020-03..09, of its two
		// figures the one covering 7 months, 9.88M*, the whole 7/7 months.
		r := rankedRow(t, d, "Resso")
		if r.Rank.String() != "1" || figures.FormatTotal(r.Now.Total) != "9.88M*" || coverageText(r.Now, r.Launch, "IN") != "7/7 months from launch" {
			t.Errorf("Resso: %s %s %s", r.Rank, figures.FormatTotal(r.Now.Total), coverageText(r.Now, r.Launch, "IN"))
		}
		// Launched after the previous window: new, not a change from 0.
		if r.Change.Text != "new" || r.Move != "new" || !r.Previous.Unlaunched {
			t.Errorf("Resso against 2018-10..2019-09: %q, move %q", r.Change.Text, r.Move)
		}
		// Spotify: 10.5M over 2019-02..06, before the window: not ranked;
		// in the previous window, from its launch 2019-02, 5/8 months.
		sp := rankedRow(t, d, "Spotify")
		if sp.Rank.Place != 0 || figures.FormatTotal(sp.Previous.Total) != "≥10.5M" || coverageText(sp.Previous, sp.Launch, "IN") != "5/8 months from launch" {
			t.Errorf("Spotify: rank %s, previous %s over %s", sp.Rank, figures.FormatTotal(sp.Previous.Total), coverageText(sp.Previous, sp.Launch, "IN"))
		}
		if sp.Change.Text != "n/a" || sp.Change.Why != "no figure lies inside the window" || sp.Move != "–" {
			t.Errorf("Spotify change %+v move %q", sp.Change, sp.Move)
		}
	})

	t.Run("worldwide, July to August against June", func(t *testing.T) {
		// The article's +64%: 3.6M in August against 2.2M in July, both WW
		// figures of one month, both whole.
		d := loadRanking(t, s, Selection{Country: "WW", From: mon(2020, 8), To: mon(2020, 8)})
		r := rankedRow(t, d, "Resso")
		if r.Change.Text != "+64%" || !r.Change.Comparable || figures.FormatTotal(r.Now.Total) != "3.6M" || figures.FormatTotal(r.Previous.Total) != "2.2M" {
			t.Errorf("Resso WW 2020-08 against 2020-07: %s from %s: %+v", figures.FormatTotal(r.Now.Total), figures.FormatTotal(r.Previous.Total), r.Change)
		}
		// A year before, 2019-08: no WW figure and no country's: n/a, and why.
		if r.Year.Text != "n/a" || r.Year.Why != "no figure lies inside the earlier window" {
			t.Errorf("Resso against 2019-08: %+v", r.Year)
		}
		text := rankingText(t, s, Selection{Country: "WW", From: mon(2020, 8), To: mon(2020, 8)}, 100)
		for _, want := range []string{"Up: Resso +64%", "Against the year before, n/a for Resso: no figure lies inside the earlier window.",
			"Resso WW: countries (ID, IN) add to 14.8M over 2020-03..2020-07, more than worldwide allows"} {
			if !strings.Contains(text, want) {
				t.Errorf("missing %q in\n%s", want, text)
			}
		}
	})

	t.Run("worldwide, the latest 12 months", func(t *testing.T) {
		// 2019-10..2020-09: the 7-month WW figure 15.2M covers 7/12, so the
		// total is at least that and its rank is bracketed.
		d := loadRanking(t, s, Selection{Apps: []string{"Spotify", "Resso"}, Country: "WW"})
		r := rankedRow(t, d, "Resso")
		if r.Rank.String() != "(1)" || figures.FormatTotal(r.Now.Total) != "≥15.2M" || coverageText(r.Now, 0, "WW") != "7/12 months" || r.Selected != 1 {
			t.Errorf("Resso WW: %s %s %s selected %d", r.Rank, figures.FormatTotal(r.Now.Total), coverageText(r.Now, 0, "WW"), r.Selected)
		}
		if d.Disagree != 1 {
			t.Errorf("%d apps disagree, want 1 (Resso's countries over worldwide)", d.Disagree)
		}
		// Spotify has no WW figure: its countries stand in, Σ of 1: 10.5M
		// in India over 2019-02..06, in the previous window
		// (2018-10..2019-09). India is read from its launch, 2019-02, so
		// the 4 months before it are known (nothing to install): 4 + 5 =
		// 9/12 covered, 2019-07..09 not.
		sp := rankedRow(t, d, "Spotify")
		if figures.FormatTotal(sp.Previous.Total) != "≥10.5MΣ" || coverageText(sp.Previous, 0, "WW") != "9/12 months, 1 country" {
			t.Errorf("Spotify WW previous: %s over %s", figures.FormatTotal(sp.Previous.Total), coverageText(sp.Previous, 0, "WW"))
		}
		text := rankingText(t, s, Selection{Apps: []string{"Spotify", "Resso"}, Country: "WW"}, 100)
		for _, want := range []string{"▸ selected: Spotify not ranked · Resso rank (1).", "The figures of 1 app of 2 contradict each other"} {
			if !strings.Contains(text, want) {
				t.Errorf("missing %q in\n%s", want, text)
			}
		}
	})

	t.Run("India, before Resso launched", func(t *testing.T) {
		// 2019-02..06: Spotify's 10.5M whole; Resso launched 2020-03, after
		// the window: it had nothing to install, and is not ranked.
		d := loadRanking(t, s, Selection{Country: "IN", From: mon(2019, 2), To: mon(2019, 6)})
		sp, re := rankedRow(t, d, "Spotify"), rankedRow(t, d, "Resso")
		if sp.Rank.String() != "1" || sp.Change.Text != "new" || sp.Year.Text != "new" || sp.Move != "new" {
			t.Errorf("Spotify: %s %q %q %q", sp.Rank, sp.Change.Text, sp.Year.Text, sp.Move)
		}
		if re.Rank.Place != 0 || !re.Now.Unlaunched || coverageText(re.Now, re.Launch, "IN") != "launched 2020-03" {
			t.Errorf("Resso: %s %v %s", re.Rank, re.Now.Unlaunched, coverageText(re.Now, re.Launch, "IN"))
		}
	})
}

// crafted is a market (BR) of apps each showing one of the ways a total
// and a change can read, over 2021-01..03 against 2020-10..12 and
// 2020-01..03. One-month figures unless said.
func crafted(t *testing.T) *store.Store {
	s := newTestStore(t, false)
	b := store.NewBatch("crafted")
	add := func(app string, p figures.Platform, from, to figures.Month, n int64) {
		b.AddFigure(figures.Figure{App: app, Country: "BR", Platform: p, From: from, To: to, Installs: n, Source: "test"}, 0)
	}
	months := func(app string, p figures.Platform, from figures.Month, k int, n int64) {
		for i := range k {
			add(app, p, from.Add(i), from.Add(i), n)
		}
	}
	all := figures.AllPlatforms
	q4, q1 := mon(2020, 10), mon(2021, 1)
	months("Alpha", all, mon(2020, 1), 3, 100) // a year before: 300
	months("Alpha", all, q4, 3, 100)           // 300
	months("Alpha", all, q1, 3, 200)           // 600: +100%
	months("Bravo", all, q4, 3, 200)           // 600
	months("Bravo", all, q1, 1, 500)           // ≥500, 1/3: ≥-17%
	months("Charlie", all, mon(2020, 12), 1, 100)
	months("Charlie", all, q1, 3, 300) // 900 against ≥100: ≤+800%
	months("Delta", all, mon(2020, 11), 1, 50)
	months("Delta", all, mon(2021, 2), 1, 80) // both partial: n/a
	months("Echo", all, q1, 3, 100)           // no earlier figure: n/a
	months("Foxtrot", all, q4, 3, 150)
	months("Foxtrot", all, q1, 3, 200) // 600 (tied with Alpha) from 450: +33%
	months("Golf", all, q4, 3, 100)
	months("Golf", figures.IOS, q1, 3, 50)
	months("Golf", figures.Android, q1, 3, 50) // 300Σ from 300 of figures: n/a
	months("Hotel", all, mon(2021, 2), 2, 400) // launched 2021-02: new
	b.AddLaunch(figures.Launch{App: "Hotel", Country: "BR", Month: mon(2021, 2)})
	months("Juliet", all, q4, 3, 400)
	months("Juliet", all, q1, 3, 100) // 300 from 1200: -75%
	add("Kilo", all, q4, mon(2020, 12), 900)
	months("Kilo", all, q4, 3, 100) // two readings of Q4: 300 and 900
	months("Kilo", all, q1, 3, 110) // 330
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	return s
}

var craftedSel = Selection{Apps: []string{"Juliet", "Alpha"}, Country: "BR", From: mon(2021, 1), To: mon(2021, 3)}

func TestRanking_HowTotalsAndChangesRead(t *testing.T) {
	s := crafted(t)
	d := loadRanking(t, s, craftedSel)
	want := []struct {
		app, rank, total, change, year, move string
		comparable                           bool
	}{
		{"Charlie", "1", "900", "≤+800%", "n/a", "(▲6)", false},
		{"Hotel", "2", "800", "new", "new", "new", false},
		{"Alpha", "3=", "600", "+100%", "+100%", "▲1", true},
		{"Foxtrot", "3=", "600", "+33%", "n/a", "=", true},
		{"Bravo", "(5)", "≥500", "≥-17%", "n/a", "(▼3)", false},
		{"Kilo", "6", "330", "+10%", "n/a", "▼2", false}, // the earlier total reads two ways
		{"Echo", "7=", "300", "n/a", "n/a", "–", false},
		{"Golf", "7=", "300Σ", "n/a", "n/a", "▼3", false},
		{"Juliet", "7=", "300", "-75%", "n/a", "▼6", true},
		{"Delta", "(10)", "≥80", "n/a", "n/a", "(▼2)", false},
	}
	if len(d.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(d.Rows), len(want))
	}
	for i, w := range want {
		r := d.Rows[i]
		got := []string{r.App, r.Rank.String(), figures.FormatTotal(r.Now.Total), r.Change.Text, r.Year.Text, r.Move}
		if strings.Join(got, " ") != strings.Join([]string{w.app, w.rank, w.total, w.change, w.year, w.move}, " ") || r.Change.Comparable != w.comparable {
			t.Errorf("row %d: %q comparable %v, want %+v", i+1, got, r.Change.Comparable, w)
		}
	}
	text := rankingText(t, s, craftedSel, 200)
	for _, w := range []string{
		"Tied at 3=, each 600: Alpha, Foxtrot.",
		"Tied at 7=, each 300: Echo, Golf, Juliet.",
		"Against the previous window, ≤ for Charlie: the earlier total leaves months out",
		"Against the previous window, ≥ for Bravo: the later total leaves months out",
		"Against the previous window, n/a for Delta: both totals leave months out: no bound either way.",
		"Against the previous window, n/a for Echo: no figure lies inside the earlier window.",
		"Against the previous window, n/a for Golf: one total is summed from parts (Σ) and the other is not",
		"Against the previous window, not plain for Kilo: a total reads two ways",
		"at most 3 each way, among the apps whose change is plain (3 of 10 ranked):",
		"Up: Alpha +100% · Foxtrot +33%", "Down: Juliet -75%",
		"3/3, 2 platforms", "2/2 from launch",
		"Kilo BR, 2020-10..2020-12: two sets of figures cover 3 of its 3 months each and disagree: 300",
		"The figures of 1 app of 10 contradict each other",
		"▸ selected: Juliet rank 7= · Alpha rank 3=.",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in\n%s", w, text)
		}
	}

	var b bytes.Buffer
	if err := Export(s, viewRanking, craftedSel, FormatCSV, 100, &b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	get := func(app, field string) string {
		for _, r := range rows[1:] {
			if r[col["app"]] == app {
				return r[col[field]]
			}
		}
		t.Fatalf("no CSV row for %s", app)
		return ""
	}
	checks := []struct{ app, field, want string }{
		{"Alpha", "change_previous", "1.000000"}, {"Alpha", "previous_comparable", "yes"}, {"Alpha", "rank", "3"}, {"Alpha", "rank_previous", "4"},
		{"Bravo", "at_least", "yes"}, {"Bravo", "previous_comparable", "no"}, {"Bravo", "change_previous_bound", "at_least"},
		{"Charlie", "change_previous_bound", "at_most"}, {"Charlie", "change_previous", "8.000000"},
		{"Delta", "change_previous", ""}, {"Echo", "previous_installs", ""}, {"Golf", "summed", "yes"},
		{"Hotel", "from", "2021-02"}, {"Hotel", "months_in_window", "2"}, {"Hotel", "launched", "2021-02"}, {"Hotel", "change_previous", ""},
		{"Juliet", "change_previous", "-0.750000"}, {"Kilo", "previous_comparable", "no"}, {"Kilo", "previous_installs", "300"},
	}
	for _, c := range checks {
		if got := get(c.app, c.field); got != c.want {
			t.Errorf("CSV %s %s = %q, want %q", c.app, c.field, got, c.want)
		}
	}
}

func TestRanking_Sorts(t *testing.T) {
	s := crafted(t)
	order := func(by string) string {
		sel := craftedSel
		sel.RankBy = by
		var names []string
		for _, r := range loadRanking(t, s, sel).Rows {
			names = append(names, r.App)
		}
		return strings.Join(names, " ")
	}
	for by, want := range map[string]string{
		"":             "Charlie Hotel Alpha Foxtrot Bravo Kilo Echo Golf Juliet Delta",
		RankByChange:   "Charlie Alpha Foxtrot Kilo Bravo Juliet Hotel Echo Golf Delta", // n/a and new last, by rank
		RankByName:     "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel Juliet Kilo",
		RankByYear:     "Alpha Charlie Hotel Foxtrot Bravo Kilo Echo Golf Juliet Delta",
		RankByInstalls: "Charlie Hotel Alpha Foxtrot Bravo Kilo Echo Golf Juliet Delta",
	} {
		if got := order(by); got != want {
			t.Errorf("by %q: %s, want %s", by, got, want)
		}
	}
	sel := craftedSel
	sel.RankBy = "size"
	if err := s.Read(func(r *store.Reader) error { _, err := LoadRanking(r, sel); return err }); err == nil || !strings.Contains(err.Error(), "not an order of the ranking") {
		t.Errorf("an unknown order: %v", err)
	}
}

func TestRanking_Items(t *testing.T) {
	s := crafted(t)
	d := loadRanking(t, s, craftedSel)
	for _, c := range []struct{ key, want string }{
		{"Alpha", "the figures lying wholly inside the window, none overlapping: Alpha BR 2021-01 200 + Alpha BR 2021-02 200 + Alpha BR 2021-03 200 = 600"},
		{"Alpha previous", "Alpha BR 2020-10 100 + Alpha BR 2020-11 100 + Alpha BR 2020-12 100 = 300"},
		{"Alpha vs previous", "600 / 300 − 1 = +100%"},
		{"Alpha vs year before", "earlier, 2020-01..2020-03: 300 (300, 3/3 months covered)"},
		{"Hotel", "launched in BR in 2021-02: the total counts from then, not from 2021-01"},
		{"Hotel vs previous", "launched in Brazil after the earlier window, so there is nothing to compare with"},
		{"Bravo vs previous", "the later total leaves months out: it and the change are at least what they say"},
		{"Kilo previous", "another set covering as many months adds to 900"},
	} {
		text, err := Explain(d, c.key, 200)
		if err != nil {
			t.Errorf("%s: %v", c.key, err)
			continue
		}
		if !strings.Contains(text, c.want) {
			t.Errorf("%s: missing %q in\n%s", c.key, c.want, text)
		}
	}
}

// dozen is a synthetic file of twelve apps in three countries over 30
// months each, launched one after another (internal/synth).
func dozen(t *testing.T) *store.Store {
	s := newTestStore(t, false)
	c := synth.Config{Apps: 12, Countries: 3, Months: 30, From: mon(2019, 1), Seed: 1}
	if _, err := s.Apply(c.Batch("dozen"), false); err != nil {
		t.Fatal(err)
	}
	return s
}

var (
	dozenIN = Selection{Apps: []string{synth.AppName(0), synth.AppName(4)}, Country: "IN", From: mon(2020, 7), To: mon(2020, 12)}
	dozenWW = Selection{Apps: []string{synth.AppName(5)}, Country: "WW"}
)

func TestRanking_ExportGolden(t *testing.T) {
	cases := []struct {
		name string
		src  func(t *testing.T) *store.Store
		sel  Selection
	}{
		{"ranking_in", func(t *testing.T) *store.Store { return newTestStore(t, true) }, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}},
		{"ranking_ww", func(t *testing.T) *store.Store { return newTestStore(t, true) }, Selection{Apps: []string{"Resso"}, Country: "WW"}},
		{"ranking_ww_2020-08", func(t *testing.T) *store.Store { return newTestStore(t, true) }, Selection{Country: "WW", From: mon(2020, 8), To: mon(2020, 8)}},
		{"ranking_crafted", crafted, craftedSel},
		{"ranking_dozen_in", dozen, dozenIN},
		{"ranking_dozen_ww", dozen, dozenWW},
	}
	for _, c := range cases {
		s := c.src(t)
		for _, format := range []string{FormatText, FormatMarkdown, FormatCSV} {
			t.Run(c.name+"_"+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := Export(s, viewRanking, c.sel, format, 100, &b); err != nil {
					t.Fatal(err)
				}
				checkClean(t, c.name, b.String())
				if format == FormatText {
					for i, line := range strings.Split(b.String(), "\n") {
						if w := textfit.Width(line); w > 100 {
							t.Errorf("line %d is %d columns wide", i+1, w)
						}
					}
				}
				golden.RequireEqual(t, b.Bytes())
			})
		}
	}
}

// TestRanking_ScreenGolden pins the view as the dashboard lays it out in
// its body at 80×24 and 120×40.
func TestRanking_ScreenGolden(t *testing.T) {
	cases := []struct {
		name string
		src  func(t *testing.T) *store.Store
		sel  Selection
	}{
		{"bundled_in", func(t *testing.T) *store.Store { return newTestStore(t, true) }, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}},
		{"crafted", crafted, craftedSel},
		{"dozen_in", dozen, dozenIN},
		{"dozen_ww", dozen, dozenWW},
	}
	for _, c := range cases {
		s := c.src(t)
		d := loadRanking(t, s, c.sel)
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				st := PlainStyles()
				golden.RequireEqual(t, []byte(d.Layout(size[0], size[1], st).Text(size[0], st)))
			})
		}
	}
}

// Every width from 1 to 200 and heights from 1 up: no panic, no hang, no
// line wider than the width.
func TestRanking_EveryWidth(t *testing.T) {
	for _, src := range []*store.Store{crafted(t), dozen(t)} {
		for _, sel := range []Selection{craftedSel, dozenIN, dozenWW, {Country: "WW"}} {
			d := loadRanking(t, src, sel)
			if d.Empty() != nil {
				continue
			}
			for _, st := range []Styles{PlainStyles(), colourStyles(true)} {
				for w := 1; w <= 200; w++ {
					h := []int{1, 2, 5, 24, 40, 0}[w%6]
					var text string
					hang.Within(t, 30*time.Second, fmt.Sprintf("%d×%d", w, h), func() { text = d.Layout(w, h, st).Text(w, st) })
					for i, line := range strings.Split(text, "\n") {
						if lw := textfit.Width(line); lw > w && !st.Color {
							t.Fatalf("%s at %d: line %d is %d wide: %q", sel.Label(), w, i+1, lw, line)
						}
					}
				}
			}
		}
	}
}

// A partly covered window is marked and never compared as complete; an
// empty earlier window gives n/a with its reason.
func TestRanking_PartialWindow(t *testing.T) {
	s := newTestStore(t, true)
	// Indonesia 2020-03..2020-12: Resso's figures end 2020-09, so 7 of 10
	// months are covered: ≥5.17M*, ranked in brackets; its launch 2020-03
	// is the window's first month, so nothing is counted from it.
	d := loadRanking(t, s, Selection{Country: "ID", From: mon(2020, 3), To: mon(2020, 12)})
	r := rankedRow(t, d, "Resso")
	if figures.FormatTotal(r.Now.Total) != "≥5.17M*" || r.Rank.String() != "(1)" || coverageText(r.Now, r.Launch, "ID") != "7/10 months" {
		t.Errorf("Resso ID: %s %s %s", figures.FormatTotal(r.Now.Total), r.Rank, coverageText(r.Now, r.Launch, "ID"))
	}
	if r.Change.Text != "new" || r.Change.Comparable {
		t.Errorf("Resso ID against 2019-05..2020-02 (before launch): %+v", r.Change)
	}
	// Spotify ID 2016-03..07 1.2M against 2015-10..2016-02, before its
	// launch, and 2015-03..07, the year before: new.
	d = loadRanking(t, s, Selection{Country: "ID", From: mon(2016, 3), To: mon(2016, 7)})
	if sp := rankedRow(t, d, "Spotify"); sp.Change.Text != "new" || figures.FormatTotal(sp.Now.Total) != "1.2M" {
		t.Errorf("Spotify ID: %s %+v", figures.FormatTotal(sp.Now.Total), sp.Change)
	}
	// Without launches, an empty earlier window is n/a, with why.
	if err := s.DeleteLaunch("Spotify", "ID"); err != nil {
		t.Fatal(err)
	}
	d = loadRanking(t, s, Selection{Country: "ID", From: mon(2016, 3), To: mon(2016, 7)})
	if sp := rankedRow(t, d, "Spotify"); sp.Change.Text != "n/a" || sp.Change.Why != "no figure lies inside the earlier window" || sp.Move != "–" {
		t.Errorf("Spotify ID without its launch: %+v move %q", sp.Change, sp.Move)
	}
}

func TestRanking_NothingToShow(t *testing.T) {
	s := newTestStore(t, true)
	var b bytes.Buffer
	err := Export(s, viewRanking, Selection{Country: "FR"}, FormatText, 100, &b)
	if err == nil || !strings.Contains(err.Error(), "no app has figures in FR France") || b.Len() != 0 {
		t.Errorf("France: %v, %d bytes", err, b.Len())
	}
	err = Export(s, viewRanking, Selection{Country: "IN", From: mon(2010, 1), To: mon(2010, 12)}, FormatText, 100, &b)
	if err == nil || !strings.Contains(err.Error(), "no app has a figure lying inside 2010-01..2010-12") {
		t.Errorf("2010: %v", err)
	}
}

// A change that rounds to 0% is no mover, up or down.
func TestRanking_MoversLeaveOutNoChange(t *testing.T) {
	s := newTestStore(t, false)
	b := store.NewBatch("movers")
	for app, n := range map[string][2]int64{"Flat": {1000, 998}, "Up": {1000, 1500}} {
		b.AddFigure(figures.Figure{App: app, Country: "BR", From: mon(2021, 1), To: mon(2021, 1), Installs: n[0], Source: "test"}, 0)
		b.AddFigure(figures.Figure{App: app, Country: "BR", From: mon(2021, 2), To: mon(2021, 2), Installs: n[1], Source: "test"}, 0)
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	text := rankingText(t, s, Selection{Country: "BR", From: mon(2021, 2), To: mon(2021, 2)}, 200)
	for _, want := range []string{"+0%             n/a    ▼1", "Up: Up +50%\n", "Down: none fell"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
}

// A country's ranking names the contradiction between the app's countries
// and its worldwide figures, as Curves of that country does: India's
// figures are one side of it (found by a review: the ranking said
// nothing).
func TestRanking_CountryNamesWorldwideContradiction(t *testing.T) {
	s := newTestStore(t, true)
	text := rankingText(t, s, Selection{Country: "IN"}, 100)
	for _, want := range []string{"Resso WW: countries (ID, IN) add to 14.8M over 2020-03..2020-07, more than worldwide allows", "The figures of 1 app of 2 contradict each other"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
}
