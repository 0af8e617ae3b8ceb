package seed

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/uptake/uptake/figures"
)

// field is a column of a CSV file or a member of a JSON record.
type field int

const (
	fApp field = iota
	fCountry
	fFrom
	fTo
	fInstalls
	fSource
	fNote
	fEstimate
	fLaunched
	fName
	fPublisher
	fPlatform
	fText  // an event's text
	fMonth // an event's month, as a JSON event names it (a CSV file's month column is from)
	fGroup // a user's group of countries, in a groups CSV
	numFields
)

var fieldNames = [numFields]string{
	"app", "country", "from", "to", "installs", "source", "note", "estimate", "launched", "name", "publisher", "platform", "text", "month", "group",
}

func (f field) String() string { return fieldNames[f] }

// fieldNamed maps the Field of a figures.FieldError back to a field.
func fieldNamed(name string) (field, bool) {
	for f, n := range fieldNames {
		if n == name {
			return field(f), true
		}
	}
	return 0, false
}

// fieldProblem is a problem with one field of a record.
type fieldProblem struct {
	field field
	msg   string
}

// figureText is a figure as a file writes it, each field trimmed.
type figureText struct {
	app, country, platform, from, to, installs, source, note, estimate string
}

// maxShort is the longest country, month, installs or estimate value
// worth reading; a longer one is reported by its length, not echoed.
const maxShort = 100

// maxCachedCountries bounds the cache of country spellings.
const maxCachedCountries = 4096

// converter turns text into store records, as the store validates them,
// and remembers what it has already looked up.
type converter struct {
	countries map[string]string // spelling in the file → code
	errs      []fieldProblem    // the problems of the last record

	// What the last records held, which the next ones mostly repeat.
	goodApp              string // the last app name that passed validation
	lastMonthText        string
	lastMonth            figures.Month
	lastSource, source   string // a source as written and cleaned
	lastNote, note       string // a note as written and cleaned
	goodSource, goodNote string // the last source and note that passed validation

	// sheetMonths reads from and to as spreadsheets re-save months
	// (2020-08-01, 8/1/2020, Aug-20: see parseSheetMonth), for CSV files;
	// launched and JSON files take YYYY-MM.
	sheetMonths bool
}

func newConverter() *converter {
	return &converter{countries: make(map[string]string)}
}

func (c *converter) fail(f field, msg string) { c.errs = append(c.errs, fieldProblem{f, msg}) }

// figure converts one figure; on false, c.errs says what is wrong.
func (c *converter) figure(in *figureText) (figures.Figure, bool) {
	c.errs = c.errs[:0]
	var f figures.Figure
	f.App = c.app(fApp, in.app)
	f.Country = c.country(in.country)
	if in.platform != "" {
		p, err := figures.ParsePlatform(in.platform)
		if err != nil {
			c.failParse(fPlatform, in.platform, err)
		}
		f.Platform = p
	}
	f.From = c.month(fFrom, in.from)
	if in.to == "" || in.to == in.from {
		f.To = f.From
	} else {
		f.To = c.month(fTo, in.to)
	}
	if c.short(fInstalls, in.installs, "3600000") {
		n, err := figures.ParseInstalls(in.installs)
		if err != nil {
			c.failParse(fInstalls, in.installs, err)
		}
		f.Installs = n
	}
	if c.short(fEstimate, in.estimate, "yes") {
		e, err := figures.ParseEstimate(in.estimate)
		if err != nil {
			c.failParse(fEstimate, in.estimate, err)
		}
		f.Estimate = e
	}
	if in.source != c.lastSource {
		c.lastSource, c.source = in.source, cleanText(in.source)
	}
	if in.note != c.lastNote {
		c.lastNote, c.note = in.note, cleanText(in.note)
	}
	f.Source, f.Note = c.source, c.note
	if len(c.errs) > 0 {
		return f, false
	}
	// Validate as the store will; a source or note that passed in the
	// last record need not be checked again.
	v := f
	if v.Source == c.goodSource {
		v.Source = ""
	}
	if v.Note == c.goodNote {
		v.Note = ""
	}
	if err := v.Validate(); err != nil {
		c.failWith(fSource, err)
		return f, false
	}
	c.goodSource, c.goodNote = f.Source, f.Note
	return f, true
}

// launch converts one launch; on false, c.errs says what is wrong.
func (c *converter) launch(app, country, launched string) (figures.Launch, bool) {
	c.errs = c.errs[:0]
	l := figures.Launch{App: c.app(fApp, app), Country: c.country(country), Month: c.month(fLaunched, launched)}
	if len(c.errs) > 0 {
		return l, false
	}
	if err := l.Validate(); err != nil {
		c.failWith(fLaunched, err)
		return l, false
	}
	return l, true
}

// eventText is an event as a file writes it, each field trimmed.
type eventText struct {
	app, country, month, text, source, note string
}

// event converts one event; its month is read as field month says (a CSV
// file's month column is from, and takes the months spreadsheets write).
// An empty app is an event of every app. On false, c.errs says what is
// wrong.
func (c *converter) event(in eventText, month field) (figures.Event, bool) {
	c.errs = c.errs[:0]
	e := figures.Event{Country: c.country(in.country), Month: c.month(month, in.month),
		Text: cleanText(in.text), Source: cleanText(in.source), Note: cleanText(in.note)}
	if in.app != "" {
		e.App = c.app(fApp, in.app)
	}
	if in.text == "" {
		c.fail(fText, "is empty (expected what happened, e.g. TikTok banned in India)")
	}
	if len(c.errs) > 0 {
		return e, false
	}
	if err := e.Validate(); err != nil {
		var fe *figures.FieldError
		if errors.As(err, &fe) && fe.Field == "month" {
			fe.Field = month.String()
		}
		c.failWith(fText, err)
		return e, false
	}
	return e, true
}

// appRecord converts an app and its publisher; on false, c.errs says what
// is wrong.
func (c *converter) appRecord(name, publisher string) (figures.App, bool) {
	c.errs = c.errs[:0]
	a := figures.App{Name: c.app(fName, name), Publisher: publisher}
	if publisher != "" {
		if err := figures.ValidateName(fPublisher.String(), publisher); err != nil {
			c.failWith(fPublisher, err)
		}
	}
	return a, len(c.errs) == 0
}

// failWith records a validation error against the field it names, or
// against def when it names none that is known.
func (c *converter) failWith(def field, err error) {
	var fe *figures.FieldError
	if errors.As(err, &fe) {
		if f, ok := fieldNamed(fe.Field); ok {
			c.fail(f, fe.Problem)
			return
		}
		c.fail(def, fe.Error())
		return
	}
	c.fail(def, err.Error())
}

func (c *converter) app(f field, name string) string {
	if name == c.goodApp && name != "" {
		return name
	}
	if err := figures.ValidateName(f.String(), name); err != nil {
		c.failWith(f, err)
		return name
	}
	c.goodApp = name
	return name
}

func (c *converter) country(s string) string {
	if code, ok := c.countries[s]; ok {
		return code
	}
	if !c.short(fCountry, s, "IN") {
		return s
	}
	code, err := figures.ParseCountry(s)
	if err != nil {
		c.failParse(fCountry, s, err)
		return s
	}
	if len(c.countries) < maxCachedCountries {
		c.countries[strings.Clone(s)] = code
	}
	return code
}

func (c *converter) month(f field, s string) figures.Month {
	if s == c.lastMonthText && s != "" {
		return c.lastMonth
	}
	if !c.short(f, s, "2020-08") {
		return 0
	}
	parse := figures.ParseMonth
	if c.sheetMonths && (f == fFrom || f == fTo) {
		parse = parseSheetMonth
	}
	m, err := parse(s)
	if err != nil {
		c.failParse(f, s, err)
		return 0
	}
	c.lastMonthText, c.lastMonth = s, m
	return m
}

// short checks that a value is short enough to parse; a longer one is
// reported by its length rather than echoed.
func (c *converter) short(f field, s, example string) bool {
	if len(s) > maxShort {
		c.fail(f, fmt.Sprintf("is %d bytes long (expected a short value such as %s)", len(s), example))
		return false
	}
	return true
}

// failParse reports a value that did not parse, saying so plainly when
// the cause is text that is not UTF-8.
func (c *converter) failParse(f field, s string, err error) {
	if !utf8.ValidString(s) {
		c.fail(f, "is not valid UTF-8 text (save the file as UTF-8)")
		return
	}
	c.fail(f, err.Error())
}

// cleanText trims a source or note and turns each run of spaces that
// holds a tab or a line break into one space. Other control characters
// are left for validation to refuse.
func cleanText(s string) string {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] != '\t' && s[i] != '\r' && s[i] != '\n' {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if !isBlank(s[i]) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j, breaks := i, false
		for j < len(s) && isBlank(s[j]) {
			breaks = breaks || s[j] != ' '
			j++
		}
		if breaks {
			b.WriteByte(' ')
		} else {
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
