package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// Names whose first character is one grapheme cluster of several code
// points: a family joined by zero-width joiners, a flag of two regional
// indicators, a skin tone, an emoji with its presentation selector, a
// letter with a combining accent.
var clusterNames = []struct{ cluster, name string }{
	{"👩‍👩‍👧‍👦", "👩‍👩‍👧‍👦 Family Music"},
	{"🏳️‍🌈", "🏳️‍🌈 Pride Radio"},
	{"🇮🇳", "🇮🇳 Bharat Beats"},
	{"👍🏽", "👍🏽 Thumbs"},
	{"❤️", "❤️ Love Songs"},
	{"e\u0301", "e\u0301cole FM"},
	// long enough that a text field scrolls it past the family
	{"👩‍👩‍👧‍👦", "Family Music 👩‍👩‍👧‍👦 for the long drive home and back again, every day"},
}

// clusterParts are the code points that only ever appear inside those
// clusters: one left on a line means a cluster was cut.
var clusterParts = []string{"\u200d", "\ufe0f", "\u0301", "🏽", "🇮", "🇳", "👩", "👧", "👦", "🏳", "🌈", "👍", "❤"}

// brokenCluster returns the first part of a cluster that a line holds
// outside a whole cluster, or "".
func brokenCluster(line string) string {
	for _, c := range clusterNames {
		line = strings.ReplaceAll(line, c.cluster, "")
	}
	for _, p := range clusterParts {
		if strings.Contains(line, p) {
			return p
		}
	}
	return ""
}

func clusterStore(t *testing.T) *store.Store {
	t.Helper()
	s := newTestStore(t, false)
	b := store.NewBatch("clusters")
	for i, c := range clusterNames {
		for k := 0; k < 6; k++ {
			for _, country := range []string{"IN", "WW"} {
				b.AddFigure(figures.Figure{App: c.name, Country: country, From: figures.MonthOf(2020, 3+k), To: figures.MonthOf(2020, 3+k),
					Installs: int64(10000 * (i + 1) * (k + 2)), Source: c.name + " press", Note: "about " + c.name}, 0)

			}
		}
		b.AddLaunch(figures.Launch{App: c.name, Country: "IN", Month: figures.MonthOf(2020, 3)})
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestGraphemes_NamesAreNeverCutInsideACluster draws every view and panel
// with these names at widths from 60 to 200 and, for the form and the
// filters, with the cursor at either end of the name: no line may hold
// part of a cluster.
func TestGraphemes_NamesAreNeverCutInsideACluster(t *testing.T) {
	s := clusterStore(t)
	var names []string
	for _, c := range clusterNames {
		names = append(names, c.name)
	}
	for _, st := range []report.Styles{report.PlainStyles(), colourStyles(true)} {
		m := New(Config{Store: StoreOf(s), Styles: st, Poll: -1})
		m = drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 40}, m.Init()())
		m = drive(t, m, pickDoneMsg{report.Selection{Apps: names[:4], Country: "IN"}})
		panels := map[string][]tea.Msg{
			"curves": keys("1"), "countries": keys("2"), "compare": keys("3"), "data": keys("4"),
			"apps picker": keys("p"), "apps picker filtered": keys("p", "Fam"),
			"edit form": keys("4", "e"), "edit form, cursor home": append(keys("4", "e"), tea.KeyMsg{Type: tea.KeyHome}),
			"data filter":              append(keys("4", "/"), paste("Family Music 👩‍👩‍👧‍👦")),
			"data filter, cursor home": append(keys("4", "/"), paste("👩‍👩‍👧‍👦 Family Music 🇮🇳"), tea.KeyMsg{Type: tea.KeyHome}),
			"delete question":          keys("4", "d"),
		}
		for name, msgs := range panels {
			p := drive(t, m, msgs...)
			for w := 60; w <= 200; w += 5 {
				p = drive(t, p, tea.WindowSizeMsg{Width: w, Height: 30})
				for i, l := range strings.Split(p.View(), "\n") {
					if part := brokenCluster(l); part != "" {
						t.Errorf("%s at %d columns (colour %v): line %d holds %q outside its cluster: %q", name, w, st.Color, i+1, part, l)
					}
				}
			}
		}
	}
}

// TestGraphemes_FieldsScrollByCluster walks the cursor through a name
// wider than the field, in the form and the Data filter: textinput scrolled by runes and showed pieces of the family
// ("\u200d👩\u200d👧"), and left stepped into it a rune at a time.
func TestGraphemes_FieldsScrollByCluster(t *testing.T) {
	long := clusterNames[len(clusterNames)-1].name
	m := newDriven(t, true)
	left := tea.KeyMsg{Type: tea.KeyLeft}
	for name, open := range map[string][]tea.Msg{
		"form":        append(keys("a"), tea.KeyMsg{Type: tea.KeyCtrlU}),
		"data filter": keys("4", "/"),
	} {
		for _, w := range []int{60, 61, 70} {
			p := drive(t, m, append([]tea.Msg{tea.WindowSizeMsg{Width: w, Height: 24}}, open...)...)
			p = drive(t, p, paste(long)) // wider than the field: it scrolls
			for step := 0; step < 70; step++ {
				for i, l := range strings.Split(p.View(), "\n") {
					if part := brokenCluster(l); part != "" {
						t.Fatalf("%s at %d columns, %d steps left: line %d holds %q outside its cluster: %q", name, w, step, i+1, part, l)
					}
				}
				p = drive(t, p, left)
			}
		}
	}
}
