package seed

import (
	"bytes"

	"github.com/uptake/uptake/figures"
)

// fastFigures converts the rows of a figures file that look like the
// rows before them without allocating: an app, a country, a source and a
// note already seen in a row that passed, months written YYYY-MM, plain
// digits for installs. Any other row goes to the converter, which says
// what is wrong with it; a row it accepts teaches fastFigures its values.
// A row taken here gives the very figure the converter would give.
type fastFigures struct {
	apps      map[string]string // app as written → the name that passed
	countries map[string]string // country as written → its code
	texts     map[string]string // source or note as written → cleaned, passed
	lastApp   []byte
	app       string
}

// maxFastValues bounds each map, so that a file of a million different
// names does not hold them twice.
const maxFastValues = 4096

func newFastFigures() *fastFigures {
	return &fastFigures{apps: map[string]string{}, countries: map[string]string{}, texts: map[string]string{"": ""}}
}

// figure converts a row, or returns false for the converter to do it.
func (ff *fastFigures) figure(rec [][]byte, cols *[numFields]int) (figures.Figure, bool) {
	var f figures.Figure
	get := func(fl field) []byte {
		if i := cols[fl]; i >= 0 {
			return bytes.TrimSpace(rec[i])
		}
		return nil
	}
	app := get(fApp)
	if len(app) > 0 && bytes.Equal(app, ff.lastApp) {
		f.App = ff.app
	} else if name, ok := ff.apps[string(app)]; ok {
		f.App, ff.app = name, name
		ff.lastApp = append(ff.lastApp[:0], app...)
	} else {
		return f, false
	}
	var ok bool
	if f.Country, ok = ff.countries[string(get(fCountry))]; !ok {
		return f, false
	}
	if p := get(fPlatform); len(p) > 0 {
		switch string(p) {
		case "all":
		case "ios":
			f.Platform = figures.IOS
		case "android":
			f.Platform = figures.Android
		default:
			return f, false // other spellings go to the converter
		}
	}
	from := get(fFrom)
	if f.From, ok = fastMonth(from); !ok {
		return f, false
	}
	f.To = f.From
	if to := get(fTo); len(to) > 0 && !bytes.Equal(to, from) {
		if f.To, ok = fastMonth(to); !ok || f.To < f.From {
			return f, false
		}
	}
	if f.Installs, ok = fastInstalls(get(fInstalls)); !ok {
		return f, false
	}
	if f.Estimate, ok = fastEstimate(get(fEstimate)); !ok {
		return f, false
	}
	if f.Source, ok = ff.texts[string(get(fSource))]; !ok {
		return f, false
	}
	if f.Note, ok = ff.texts[string(get(fNote))]; !ok {
		return f, false
	}
	return f, true
}

// learn remembers the values of a row the converter accepted.
func (ff *fastFigures) learn(in *figureText, f figures.Figure) {
	remember(ff.apps, in.app, f.App)
	remember(ff.countries, in.country, f.Country)
	remember(ff.texts, in.source, f.Source)
	remember(ff.texts, in.note, f.Note)
	ff.lastApp = ff.lastApp[:0]
}

func remember(m map[string]string, k, v string) {
	if _, ok := m[k]; !ok && len(m) < maxFastValues {
		m[k] = v
	}
}

// fastMonth reads YYYY-MM as figures.ParseMonth does, in range.
func fastMonth(b []byte) (figures.Month, bool) {
	if len(b) != 7 || b[4] != '-' {
		return 0, false
	}
	y, m := 0, 0
	for _, c := range b[:4] {
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	for _, c := range b[5:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		m = m*10 + int(c-'0')
	}
	if m < 1 || m > 12 {
		return 0, false
	}
	month := figures.MonthOf(y, m)
	return month, month.Valid()
}

// fastInstalls reads plain digits, as ParseInstalls does without
// allocating: up to 12 of them, below MaxInstalls.
func fastInstalls(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 12 {
		return 0, false
	}
	var v int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// fastEstimate reads the words ParseEstimate reads.
func fastEstimate(b []byte) (bool, bool) { return figures.EstimateWord(b) }
