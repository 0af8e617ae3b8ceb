// Package hostile holds, for tests, figures whose names, codes, sources
// and notes carry what a terminal would act on, as a file written by an
// older or foreign program might: no part of uptake may pass it to the
// screen or an export. Source serves them as the views read figures.
package hostile

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// Hostile text: a screen clear, an OSC 52 clipboard write, a colour, the
// C1 form of CSI, a right-to-left override, C0 oddities and bytes that
// are not UTF-8.
const (
	ClearScreen = "\x1b[2J"
	OSC52       = "\x1b]52;c;aGVsbG8=\x07"
	SGR         = "\x1b[31m"
	C1CSI       = "\u009b2J"
	RLO         = "\u202e"
	C0          = "\a\b\r\n\t\x7f\x00"
	NotUTF8     = "\xff\xfe"
)

// The names and texts the figures carry.
var (
	AppA   = "Res" + OSC52 + "so" + RLO
	AppB   = "Spo" + ClearScreen + "tify" + C1CSI + SGR
	AppC   = "Ang" + C0 + "hami" + NotUTF8 + strings.Repeat("W", 3000)
	Source = "Sensor" + OSC52 + ClearScreen + " Tower" + RLO + strings.Repeat(" long", 2000)
	Note   = "note" + SGR + C1CSI + C0
	Code   = "I" + ClearScreen // a country code that is not one
)

// Data is a set of hostile figures, launches and apps; it is a
// report.Source, and gives a Data view's table too.
type Data struct {
	AppList  []figures.App
	Figures  []figures.Figure
	Launched []figures.Launch
	Happened []figures.Event
}

// New makes the set: two apps with figures in ID, IN, WW and a hostile
// code, countries adding to more than worldwide and a span below its
// months (so that warnings name the apps), and a third app with no
// launch month.
func New() Data {
	m := figures.MonthOf
	var figs []figures.Figure
	for i, app := range []string{AppA, AppB} {
		for k := 0; k < 6; k++ {
			figs = append(figs, figures.Figure{App: app, Country: "ID", From: m(2020, 3+k), To: m(2020, 3+k),
				Installs: int64(100000 * (i + 1) * (k + 1)), Source: Source, Note: Note, Estimate: k%2 == 0})
		}
		figs = append(figs,
			figures.Figure{App: app, Country: "IN", From: m(2020, 3), To: m(2020, 3), Installs: 5000000, Source: Source},
			figures.Figure{App: app, Country: "WW", From: m(2020, 3), To: m(2020, 3), Installs: 10, Source: Source},
			figures.Figure{App: app, Country: "IN", From: m(2020, 3), To: m(2020, 5), Installs: 1, Source: Source},
			figures.Figure{App: app, Country: Code, From: m(2020, 4), To: m(2020, 4), Installs: 7, Source: Source, Note: Note},
		)
	}
	figs = append(figs, figures.Figure{App: AppC, Country: "ID", From: m(2020, 4), To: m(2020, 9), Installs: 999, Source: Source, Note: Note})
	return Data{
		AppList:  []figures.App{{Name: AppA, Publisher: "Byte" + OSC52}, {Name: AppB, Publisher: ClearScreen}, {Name: AppC}},
		Figures:  figs,
		Launched: []figures.Launch{{App: AppA, Country: "ID", Month: m(2020, 3)}, {App: AppB, Country: "ID", Month: m(2020, 3)}, {App: AppA, Country: Code, Month: m(2020, 4)}},
		Happened: []figures.Event{
			{Country: "ID", Month: m(2020, 4), Text: "ban" + ClearScreen + OSC52, Source: Source, Note: Note},
			{App: AppA, Country: figures.Worldwide, Month: m(2020, 5), Text: "deal" + RLO + SGR, Source: Source},
			{App: AppB, Country: Code, Month: m(2020, 5), Text: "other" + C1CSI},
		},
	}
}

// Events lists the events, by month.
func (d Data) Events() ([]figures.Event, error) { return slices.Clone(d.Happened), nil }

// Apps lists the apps.
func (d Data) Apps() ([]figures.App, error) { return slices.Clone(d.AppList), nil }

// Series returns an app's figures in a country.
func (d Data) Series(app, country string) ([]figures.Figure, error) {
	var out []figures.Figure
	for _, f := range d.Figures {
		if figures.FoldName(f.App) == figures.FoldName(app) && f.Country == country {
			out = append(out, f)
		}
	}
	return out, nil
}

// AppSeries returns an app's figures by country.
func (d Data) AppSeries(app string) (map[string][]figures.Figure, error) {
	out := map[string][]figures.Figure{}
	for _, f := range d.Figures {
		if figures.FoldName(f.App) == figures.FoldName(app) {
			out[f.Country] = append(out[f.Country], f)
		}
	}
	return out, nil
}

// Launches returns an app's launches, or every app's for "".
func (d Data) Launches(app string) ([]figures.Launch, error) {
	var out []figures.Launch
	for _, l := range d.Launched {
		if app == "" || figures.FoldName(l.App) == figures.FoldName(app) {
			out = append(out, l)
		}
	}
	return out, nil
}

// Ranking is the default order of sources: the fixture sets none.
func (d Data) Ranking() (figures.Ranking, error) { return nil, nil }

// Groups: the fixture has no groups of its own.
func (d Data) Groups() ([]figures.Group, error) { return nil, nil }

// Sources lists the sources of the figures, sorted.
func (d Data) Sources() ([]string, error) {
	var out []string
	for _, f := range d.Figures {
		if !slices.Contains(out, f.Source) {
			out = append(out, f.Source)
		}
	}
	slices.Sort(out)
	return out, nil
}

// EachFigure calls fn for every figure.
func (d Data) EachFigure(fn func(figures.Figure) bool) error {
	for _, f := range d.Figures {
		if !fn(f) {
			break
		}
	}
	return nil
}

// FigureTable gives the figures as the Data view lists them.
func (d Data) FigureTable() (*store.FigureTable, error) { return store.TableOf(d.Figures), nil }

// FigureTableHead gives the whole table: the fixture is small.
func (d Data) FigureTableHead(int) (*store.FigureTable, error) { return d.FigureTable() }

// BadRune reports the first rune of s that a terminal would act on,
// outside the line breaks a frame is made of.
func BadRune(s string) (int, rune, bool) {
	if !utf8.ValidString(s) {
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return i, rune(s[i]), true
			}
			i += n
		}
	}
	for i, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return i, r, true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return i, r, true
		}
	}
	return 0, 0, false
}
