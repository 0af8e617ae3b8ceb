package report

import (
	"bytes"
	"errors"
	"fmt"
	"math"
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

var viewShare = shareView()

// synthConfig is a dozen synthetic apps in three countries, 41 months
// each, starting months apart (synth.Config.Start): every app has a
// figure only in 2021-12..2022-05, when the last has started (2021-12)
// and before the first has ended (2022-05).
var synthConfig = synth.Config{Apps: 12, Countries: 3, Months: 41, From: figures.MonthOf(2019, 1), Seed: 1}

func synthApps() []string {
	apps := make([]string, synthConfig.Apps)
	for i := range apps {
		apps[i] = synth.AppName(i)
	}
	return apps
}

func newSynthStore(t testing.TB) *store.Store {
	t.Helper()
	s := newTestStore(t, false)
	if _, err := s.Apply(synthConfig.Batch("synthetic"), false); err != nil {
		t.Fatal(err)
	}
	return s
}

// newMarksStore is the bundled data with two Spotify figures for India
// in months Resso has figures for: 2020-07, 1M, an estimate; 2020-08,
// 1.2M, exact. The bundled data alone has no such month (below).
func newMarksStore(t testing.TB) *store.Store {
	t.Helper()
	s := newTestStore(t, true)
	b := store.NewBatch("test")
	b.AddFigure(figures.Figure{App: "Spotify", Country: "IN", From: figures.MonthOf(2020, 7), To: figures.MonthOf(2020, 7), Installs: 1_000_000, Source: "test estimates", Estimate: true}, 0)
	b.AddFigure(figures.Figure{App: "Spotify", Country: "IN", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Installs: 1_200_000, Source: "test console"}, 0)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	return s
}

func loadShare(t *testing.T, src Source, sel Selection) ShareData {
	t.Helper()
	d, err := LoadShare(src, sel)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestShare_BundledHasNoCommonMonth: in the bundled data Resso's
// figures are for 2020-03..2020-09 (India and Indonesia alike) and
// Spotify's for 2019-02..2019-06 (India) and 2016-03..2016-07
// (Indonesia): no month has a figure for both, so there is no share to
// show, and the view says so with where each one's figures are rather
// than a share of one app alone.
func TestShare_BundledHasNoCommonMonth(t *testing.T) {
	s := newTestStore(t, true)
	for _, c := range []struct{ country, want string }{
		{"IN", "no month of 2019-02..2020-09 has a figure for every selected app in IN India (Resso has figures for 2020-03..2020-09; Spotify has figures for 2019-02..2019-06)"},
		{"ID", "no month of 2016-03..2020-09 has a figure for every selected app in ID Indonesia (Resso has figures for 2020-03..2020-09; Spotify has figures for 2016-03..2016-07)"},
	} {
		d := loadShare(t, s, Selection{Apps: []string{"Resso", "Spotify"}, Country: c.country})
		if err := d.Empty(); !errors.Is(err, ErrNothingToShow) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Empty() = %v", c.country, err)
		}
		if len(d.Common) != 0 {
			t.Errorf("%s: common months %v", c.country, d.Common)
		}
		text := d.Layout(80, 20, PlainStyles()).Text(80, PlainStyles())
		// The months without Spotify's figure, and those without Resso's,
		// each one row saying under each app whether it lacks a figure;
		// Resso was not yet launched in either country before 2020-03.
		for _, want := range []string{"2020-03..2020-09              no figure\n", "  pre-launch\n", "  pre-launch  no figure\n"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the screen lacks %q:\n%s", c.country, want, text)
			}
		}
		if strings.Contains(text, "%") {
			t.Errorf("%s: a share is shown:\n%s", c.country, text)
		}
		var b bytes.Buffer
		if err := Export(s, viewShare, Selection{Apps: []string{"Resso", "Spotify"}, Country: c.country}, FormatCSV, 100, &b); !errors.Is(err, ErrNothingToShow) || b.Len() != 0 {
			t.Errorf("%s: export: %v, %d bytes", c.country, err, b.Len())
		}
	}
}

// TestShare_MarksCarried: Resso's India figures are 9.8M over
// 2020-03..2020-07 (exact) inside 9.88M* over 2020-03..2020-09 (an
// estimate), so its curve has 9.8M ÷ 5 = 1.96M≈ in 2020-07 and
// (9.88M − 9.8M) ÷ 2 = 40k≈* in 2020-08. With Spotify's 1M* (2020-07)
// and 1.2M (2020-08):
//
//	2020-07: Resso 1.96M ÷ 2.96M = 66.216% → 66.2%≈*; Spotify 33.8%≈*
//	2020-08: Resso 40k ÷ 1.24M = 3.226% → 3.2%≈*; Spotify 96.8%≈*
//	both:    Resso 2M ÷ 4.2M = 47.619% → 47.6%≈*; Spotify 2.2M → 52.4%≈*
//
// Every share is ≈ (a spread month is in every sum) and * (an estimate is
// in every sum: Spotify's in July, Resso's in August), Spotify's exact
// 1.2M included: its share moves with Resso's estimate.
func TestShare_MarksCarried(t *testing.T) {
	s := newMarksStore(t)
	d := loadShare(t, s, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"})
	if d.Empty() != nil {
		t.Fatal(d.Empty())
	}
	jul, aug := figures.MonthOf(2020, 7), figures.MonthOf(2020, 8)
	if len(d.Common) != 2 || d.Common[0] != jul || d.Common[1] != aug {
		t.Fatalf("common months %v", d.Common)
	}
	want := map[figures.Month][]string{jul: {"66.2%≈*", "33.8%≈*"}, aug: {"3.2%≈*", "96.8%≈*"}}
	for _, sm := range d.Months {
		w, ok := want[sm.Month]
		for i, sh := range sm.Shares {
			got := figures.FormatShareOf(sh)
			switch {
			case ok && got != w[i]:
				t.Errorf("%s %s: %q, want %q", sm.Month, d.Apps[i].App, got, w[i])
			case !ok && got != figures.NoValue:
				t.Errorf("%s %s: %q in a month without both figures", sm.Month, d.Apps[i].App, got)
			}
		}
	}
	if got := figures.FormatShareOf(d.Overall[0]) + " " + figures.FormatShareOf(d.Overall[1]); got != "47.6%≈* 52.4%≈*" {
		t.Errorf("over both months: %s", got)
	}
	text := d.Layout(200, 0, PlainStyles()).Text(200, PlainStyles())
	for _, w := range []string{
		"2020-07           66.2%≈*      1.96M≈  33.8%≈*        1M*  2.96M≈*\n",
		"2020-08            3.2%≈*       40k≈*  96.8%≈*       1.2M  1.24M≈*\n",
		"Over the 2 months where every app has a figure (2 of 20): Resso 47.6%≈*, Spotify 52.4%≈* of their 4.2M≈* installs.",
		"2019-02..2019-06        –  pre-launch        –\n",
		"2020-09                 –                    –  no figure\n",
	} {
		if !strings.Contains(text, w) {
			t.Errorf("the view lacks %q:\n%s", w, text)
		}
	}
	// The provenance of a share says the arithmetic with its numbers and
	// the figures behind both apps' months.
	var found bool
	for _, it := range d.Items() {
		if it.Key != "2020-07" || !strings.Contains(it.Label, "Resso") {
			continue
		}
		found = true
		e := it.Explain()
		steps := strings.Join(e.Steps, "\n")
		if e.Number != "66.2%≈*" || !strings.Contains(steps, "Resso 1.96M≈ ÷ (Resso 1.96M≈ + Spotify 1M*) = 1,960,000 ÷ 2,960,000 = 66.2%") {
			t.Errorf("explanation %q:\n%s", e.Number, steps)
		}
		var srcs []string
		for _, f := range e.Figures {
			srcs = append(srcs, f.App+" "+f.Source)
		}
		if len(e.Figures) < 2 || !strings.Contains(strings.Join(srcs, ";"), "Spotify test estimates") {
			t.Errorf("figures behind it: %v", srcs)
		}
	}
	if !found {
		t.Error("no item for Resso's share in 2020-07")
	}
	var total bool
	for _, it := range d.Items() {
		if it.Key == "total" && strings.HasPrefix(it.Label, "total · Spotify 52.4%≈*") {
			total = true
			if e := it.Explain(); !strings.Contains(strings.Join(e.Steps, "\n"), "the sum of 2 months: 2020-07 1M* + 2020-08 1.2M = 2.2M*") {
				t.Errorf("total's working:\n%s", strings.Join(e.Steps, "\n"))
			}
		}
	}
	if !total {
		t.Error("no item for Spotify's share over both months")
	}
}

// TestShare_OneApp: a share of one app is not 100%: the view says a
// share needs two apps, and -export has nothing to show. The same app
// twice is one app.
func TestShare_OneApp(t *testing.T) {
	s := newTestStore(t, true)
	for _, apps := range [][]string{{"Resso"}, {"Resso", "resso"}, nil} {
		d := loadShare(t, s, Selection{Apps: apps, Country: "IN"})
		text := d.Layout(80, 20, PlainStyles()).Text(80, PlainStyles())
		if !strings.Contains(text, "A share needs two or more apps") || strings.Contains(text, "100") {
			t.Errorf("%q:\n%s", apps, text)
		}
		if err := d.Empty(); !errors.Is(err, ErrNothingToShow) || !strings.Contains(err.Error(), "a share needs two or more apps") {
			t.Errorf("%q: Empty() = %v", apps, err)
		}
	}
}

// TestShare_GapNamesTheApp: a month in which one app has no figure is a
// gap naming it, never a share of the others alone.
func TestShare_GapNamesTheApp(t *testing.T) {
	s := newTestStore(t, false)
	b := store.NewBatch("test")
	m := figures.MonthOf
	for _, f := range []figures.Figure{
		{App: "Alpha", Country: "BR", From: m(2021, 1), To: m(2021, 1), Installs: 300, Source: "s"},
		{App: "Alpha", Country: "BR", From: m(2021, 2), To: m(2021, 2), Installs: 300, Source: "s"},
		{App: "Alpha", Country: "BR", From: m(2021, 3), To: m(2021, 3), Installs: 300, Source: "s"},
		{App: "Beta", Country: "BR", From: m(2021, 1), To: m(2021, 1), Installs: 100, Source: "s"},
		{App: "Beta", Country: "BR", From: m(2021, 3), To: m(2021, 3), Installs: 300, Source: "s"},
	} {
		b.AddFigure(f, 0)
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Export(s, viewShare, Selection{Apps: []string{"Alpha", "Beta"}, Country: "BR"}, FormatText, 200, &out); err != nil {
		t.Fatal(err)
	}
	// 300 ÷ 400 = 75%, 100 ÷ 400 = 25%; February: Beta has no figure;
	// March 50% each; over January and March, 600 ÷ 1000 and 400 ÷ 1000.
	for _, w := range []string{
		"2021-01  75.0%       300  25.0%        100    400\n",
		"2021-02      –                –  no figure\n",
		"2021-03  50.0%       300  50.0%        300    600\n",
		"Over the 2 months where every app has a figure (2 of 3): Alpha 60.0%, Beta 40.0% of their 1k installs.",
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("lacks %q:\n%s", w, out.String())
		}
	}
	out.Reset()
	if err := Export(s, viewShare, Selection{Apps: []string{"Alpha", "Beta"}, Country: "BR"}, FormatCSV, 100, &out); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"2021-01,Alpha,BR,all,300,exact,no,no,no,0.750000,,no,no,no,400,no,no,no,no,\n",
		"2021-02,Alpha,BR,all,300,exact,no,no,no,,,no,no,no,,no,no,no,no,Beta\n",
		"2021-02,Beta,BR,all,,gap,no,no,no,,,no,no,no,,no,no,no,no,Beta\n",
	} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("CSV lacks %q:\n%s", w, out.String())
		}
	}
}

// TestShare_LowerBound: worldwide, Beta has no WW figure and its
// countries stand in; in 2021-01 only IN has one while ID has figures in
// the window, so Beta's 500 is at least that (≥500Σ). Beside Alpha's
// exact 1,000: Beta's share is at least 500 ÷ 1,500 = 33.3%, Alpha's at
// most 66.7%, both Σ (Beta's sum is in both sums). With Gamma a lower
// bound too, Beta's and Gamma's shares have no bound either way: n/a.
func TestShare_LowerBound(t *testing.T) {
	s := newTestStore(t, false)
	b := store.NewBatch("test")
	m := figures.MonthOf
	for _, f := range []figures.Figure{
		{App: "Alpha", Country: "WW", From: m(2021, 1), To: m(2021, 1), Installs: 1000, Source: "s"},
		{App: "Beta", Country: "IN", From: m(2021, 1), To: m(2021, 1), Installs: 500, Source: "s"},
		{App: "Beta", Country: "ID", From: m(2021, 2), To: m(2021, 2), Installs: 300, Source: "s"},
		{App: "Gamma", Country: "IN", From: m(2021, 1), To: m(2021, 1), Installs: 200, Source: "s"},
		{App: "Gamma", Country: "ID", From: m(2021, 2), To: m(2021, 2), Installs: 100, Source: "s"},
	} {
		b.AddFigure(f, 0)
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	sel := Selection{Apps: []string{"Alpha", "Beta"}, Country: "WW", From: m(2021, 1), To: m(2021, 2)}
	d := loadShare(t, s, sel)
	if got := figures.FormatShareOf(d.Months[0].Shares[0]) + " " + figures.FormatShareOf(d.Months[0].Shares[1]); got != "≤66.7%Σ ≥33.3%Σ" {
		t.Errorf("shares %s", got)
	}
	text := d.Layout(300, 0, PlainStyles()).Text(300, PlainStyles())
	if !strings.Contains(text, "its share is at least what it says (≥) and the others' at most (≤)") {
		t.Errorf("no note on bounds:\n%s", text)
	}
	sel.Apps = append(sel.Apps, "Gamma")
	d = loadShare(t, s, sel)
	var got []string
	for _, sh := range d.Months[0].Shares {
		got = append(got, figures.FormatShareOf(sh))
	}
	// Alpha's is at most 1,000 ÷ (1,000 + 500 + 200) = 58.8%.
	if strings.Join(got, " ") != "≤58.8%Σ n/a n/a" {
		t.Errorf("shares %q", got)
	}
	text = d.Layout(300, 0, PlainStyles()).Text(300, PlainStyles())
	if !strings.Contains(text, "n/a: two or more apps' installs are at least what they show") {
		t.Errorf("no note on n/a:\n%s", text)
	}
}

// TestShare_Golden pins the Share view: exports and screen-like layouts
// (the body of an 80×24 and a 120×40 dashboard) on the bundled data, the
// bundled data with two Spotify figures that meet Resso's, and a dozen
// synthetic apps.
func TestShare_Golden(t *testing.T) {
	bundled, marks, synthetic := newTestStore(t, true), newMarksStore(t), newSynthStore(t)
	duo := []string{"Resso", "Spotify"}
	window := Selection{Apps: synthApps(), Country: "ID", From: figures.MonthOf(2021, 9), To: figures.MonthOf(2022, 8)}
	exports := []struct {
		name    string
		src     Source
		sel     Selection
		formats []string
	}{
		{"share_marks_in", marks, Selection{Apps: duo, Country: "IN"}, []string{FormatText, FormatMarkdown, FormatCSV}},
		{"share_synth12_id", synthetic, window, []string{FormatText, FormatMarkdown, FormatCSV}},
		{"share_synth12_id_all_months", synthetic, Selection{Apps: synthApps(), Country: "ID"}, []string{FormatText}},
	}
	for _, c := range exports {
		for _, format := range c.formats {
			t.Run(c.name+"_"+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := Export(c.src, viewShare, c.sel, format, 100, &b); err != nil {
					t.Fatal(err)
				}
				checkExport(t, b.String(), format, 100)
				golden.RequireEqual(t, b.Bytes())
			})
		}
	}
	screens := []struct {
		name string
		src  Source
		sel  Selection
	}{
		{"share_bundled_in", bundled, Selection{Apps: duo, Country: "IN"}},
		{"share_bundled_ww", bundled, Selection{Apps: duo, Country: "WW"}},
		{"share_marks_in", marks, Selection{Apps: duo, Country: "IN"}},
		{"share_synth12_id", synthetic, window},
	}
	for _, c := range screens {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			t.Run(fmt.Sprintf("%s_%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				d, err := viewShare.Load(c.src, c.sel)
				if err != nil {
					t.Fatal(err)
				}
				// The body the dashboard gives a view: the screen less its
				// header, selection, status and help lines.
				text := d.Layout(size[0], size[1]-4, PlainStyles()).Text(size[0], PlainStyles())
				checkExport(t, text, FormatText, size[0])
				golden.RequireEqual(t, []byte(text))
			})
		}
	}
}

func checkExport(t *testing.T, out, format string, width int) {
	t.Helper()
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Error("output holds control characters")
	}
	if format != FormatText {
		return
	}
	for i, line := range strings.Split(out, "\n") {
		if w := textfit.Width(line); w > width {
			t.Errorf("line %d is %d columns wide: %q", i+1, w, line)
		}
	}
}

// TestShare_EveryWidth lays the view out at every width from 1 to 200
// and heights from 1 up, on the bundled data, the two that meet and the
// dozen apps: no panic, no hang, no line wider than the width.
func TestShare_EveryWidth(t *testing.T) {
	sels := []struct {
		src Source
		sel Selection
	}{
		{newTestStore(t, true), Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}},
		{newMarksStore(t), Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}},
		{newSynthStore(t), Selection{Apps: synthApps(), Country: "ID"}},
		{newTestStore(t, true), Selection{Apps: []string{"Resso"}, Country: "IN"}},
	}
	st := PlainStyles()
	for _, c := range sels {
		d, err := viewShare.Load(c.src, c.sel)
		if err != nil {
			t.Fatal(err)
		}
		for w := 1; w <= 200; w++ {
			h := []int{0, 1, 2, 5, 9, 14, 20, 36, 60}[w%9]
			where := fmt.Sprintf("%q at %dx%d", c.sel.Apps, w, h)
			var text string
			hang.Within(t, 30*time.Second, where, func() { text = d.Layout(w, h, st).Text(w, st) })
			for i, line := range strings.Split(text, "\n") {
				if lw := textfit.Width(line); lw > w {
					t.Fatalf("%s: line %d is %d columns wide: %q", where, i+1, lw, line)
				}
			}
		}
	}
}

// TestShare_ChartLeavesOtherChartsAlone: the percent axis is the Share
// view's own; drawChart still labels installs (the other views' goldens
// pin the rest).
func TestShare_ChartAxis(t *testing.T) {
	d := loadShare(t, newMarksStore(t), Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"})
	chart := shareChart(d, 80, 12, PlainStyles())
	for _, w := range []string{"100% ┤", "75% ┤", "50% ┤", "25% ┤", "0% ┤"} {
		if !strings.Contains(chart, w) {
			t.Errorf("the chart lacks %q:\n%s", w, chart)
		}
	}
	for _, h := range []int{2, 3, 4, 5, 7, 10, 16} {
		_, upper, rows, step, _ := percentScale()(h)
		if upper != 100 || rows > h || rows < 2 || int(100/step)*(rows/int(100/step)) != rows {
			t.Errorf("height %d: %v %d rows, step %v", h, upper, rows, step)
		}
	}
}

// TestShare_SynthArithmetic checks the dozen apps' shares against the
// generator's own numbers (synth.Config.Installs), worked out here
// without the reading rules: in Indonesia (the second country), app a's
// figure for month m is Installs(a, 1, m − Start(a)).
func TestShare_SynthArithmetic(t *testing.T) {
	s := newSynthStore(t)
	d := loadShare(t, s, Selection{Apps: synthApps(), Country: "ID"})
	// Apps start months apart, 41 months each: the last starts 2021-12
	// (app 6, Start 35), the first ends 2022-05 (app 1, 0 + 40).
	if len(d.Common) != 6 || d.Common[0] != figures.MonthOf(2021, 12) || d.Common[5] != figures.MonthOf(2022, 5) {
		t.Fatalf("common months %v", d.Common)
	}
	for _, sm := range d.Months {
		var want []int
		var sum int64
		var own []int64
		for a := range synthConfig.Apps {
			i := int(sm.Month - synthConfig.Start(a))
			if i < 0 || i >= synthConfig.Months {
				want = append(want, a)
				continue
			}
			n := synthConfig.Installs(a, 1, i)
			own = append(own, n)
			sum += n
		}
		if fmt.Sprint(sm.Missing) != fmt.Sprint(want) && !(len(sm.Missing) == 0 && len(want) == 0) {
			t.Errorf("%s: missing %v, want %v", sm.Month, sm.Missing, want)
		}
		if len(want) > 0 {
			continue
		}
		if sm.Total.Value != float64(sum) {
			t.Errorf("%s: total %v, want %d", sm.Month, sm.Total.Value, sum)
		}
		for a, sh := range sm.Shares {
			if w := float64(own[a]) / float64(sum); sh.Bound != figures.ShareExact || math.Abs(sh.Fraction-w) > 1e-12 || sh.Estimate || sh.Spread || sh.Summed {
				t.Errorf("%s app %d: %+v, want exactly %v", sm.Month, a, sh, w)
			}
		}
	}
}
