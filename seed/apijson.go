package seed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/uptake/uptake/figures"
)

// What the readers of vendors' API responses (Sensor Tower, Appfigures)
// share: a JSON token reader that knows the line of every token, counts
// and dates as those responses write them, and the length of a period
// inferred from the spacing of the dates, which the responses do not
// state.

// tokenReader reads a JSON file token by token, so that a response of
// any size streams, and gives each token its line. It reuses the uptake
// JSON reader's line counting, limits and wording of stream errors.
type tokenReader struct {
	jr  *jsonReader // for streamError
	c   *collector
	dec *json.Decoder
	lc  *lineCounter
}

func newTokenReader(in input) *tokenReader {
	lc := &lineCounter{r: in.br}
	dec := json.NewDecoder(lc)
	dec.UseNumber() // numbers as written: 1e999 is a problem to name, not an error of the stream
	c := &collector{file: in.name}
	return &tokenReader{jr: &jsonReader{c: c, dec: dec, lc: lc}, c: c, dec: dec, lc: lc}
}

// first reads the first token of the file; an empty file is the problem
// empty.
func (t *tokenReader) first(empty string) (json.Token, int, bool) {
	tok, err := t.dec.Token()
	if err == io.EOF {
		t.c.fatal(1, "", empty)
		return nil, 0, false
	}
	if err != nil {
		t.jr.streamError(err)
		return nil, 0, false
	}
	return tok, t.lc.lineAt(t.lc.skip(0, " \t\r\n")), true
}

// next reads a token and the line it starts on. On false the reading
// stops, with a problem that says why.
func (t *tokenReader) next() (json.Token, int, bool) {
	off := t.dec.InputOffset()
	tok, err := t.dec.Token()
	if err != nil {
		t.jr.streamError(err)
		return nil, 0, false
	}
	// The token has been read, so the input up to it is at hand.
	return tok, t.lc.lineAt(t.lc.skip(off, " \t\r\n,:")), true
}

// skip skips the rest of a value whose first token was tok.
func (t *tokenReader) skip(tok json.Token) bool {
	if d, ok := tok.(json.Delim); !ok || d == '}' || d == ']' {
		return true
	}
	for depth := 1; depth > 0; {
		tok, _, ok := t.next() // next forgets the input read, so a long value costs no memory
		if !ok {
			return false
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
	return true
}

// end checks that nothing follows the value that closed at the last
// token.
func (t *tokenReader) end(closing string) {
	off := t.dec.InputOffset()
	if _, err := t.dec.Token(); err != io.EOF {
		t.c.fatal(t.lc.lineAt(t.lc.skip(off, " \t\r\n")), "", "there is more after the JSON "+closing+" that ends the response (expected the file to end there; was a second response appended?)")
	}
}

// member is a member of an object as read: its value's first token (the
// opening Delim of an object or array) and the line of its name; line 0
// when the object has no such member.
type member struct {
	tok  json.Token
	line int
}

// object reads the members of an object whose { has been read, into got,
// by their index in known (names are matched exactly, as the APIs write
// them). Other members are skipped, whatever they hold. A member given
// twice is a problem: its first value is kept, and clean is false. When
// firstLine is not 0, the object's first name, firstKey, has been read
// already, at firstLine. inner, when not nil, reads the rest of a known member whose
// value is an object, after its {. ok false stops the reading.
func (t *tokenReader) object(known []string, got []member, firstKey string, firstLine int, inner func(k int) bool) (ok, clean bool) {
	clear(got)
	clean = true
	for {
		key, line := firstKey, firstLine
		if line == 0 {
			if !t.dec.More() {
				break
			}
			tok, l, ok := t.next()
			if !ok {
				return false, false
			}
			key, _ = tok.(string) // in an object, encoding/json gives names only
			line = l
		}
		firstLine = 0
		tok, _, ok := t.next()
		if !ok {
			return false, false
		}
		k := slices.Index(known, key)
		if k < 0 {
			if !t.skip(tok) {
				return false, false
			}
			continue
		}
		if got[k].line != 0 {
			clean = false
			if !t.c.add(line, key, fmt.Sprintf("appears twice in this object, at lines %d and %d (expected each member once)", got[k].line, line)) {
				return false, false
			}
			if !t.skip(tok) {
				return false, false
			}
			continue
		}
		got[k] = member{tok, line}
		if d, isDelim := tok.(json.Delim); isDelim && d == '{' && inner != nil {
			if !inner(k) {
				return false, false
			}
			continue
		}
		if !t.skip(tok) {
			return false, false
		}
	}
	_, _, ok = t.next() // the closing }
	return ok, clean
}

// countOf reads a count of downloads: a whole number, 0 or more, written
// as a JSON number, or as a string of digits when digits is true. It
// returns what is wrong, or "".
func countOf(tok json.Token, digits bool) (int64, string) {
	const want = "(expected a whole number of downloads, 0 or more, such as 1200)"
	var text string
	switch v := tok.(type) {
	case json.Number:
		text = string(v)
	case string:
		if !digits || !isDigits(strings.TrimPrefix(v, "-")) {
			return 0, fmt.Sprintf("is the string %s %s", quote(shorten(v)), want)
		}
		text = v
	default:
		return 0, "is " + jsonKind(tok) + " " + want
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		// 1.2e3 is a whole number too; 1.5 is not; 1e999 is too many.
		f, ferr := strconv.ParseFloat(text, 64)
		switch {
		case ferr != nil && !errors.Is(ferr, strconv.ErrRange), f != math.Trunc(f):
			return 0, fmt.Sprintf("%s is not a whole number %s", quote(shorten(text)), want)
		case f < 0:
			n = -1
		case f > figures.MaxInstalls:
			n = figures.MaxInstalls + 1
		default:
			n = int64(f)
		}
	}
	if n < 0 {
		return 0, fmt.Sprintf("%s is negative %s", quote(shorten(text)), want)
	}
	if n > figures.MaxInstalls {
		return 0, fmt.Sprintf("%s is more than %d, more than uptake takes (expected a count of downloads)", quote(shorten(text)), int64(figures.MaxInstalls))
	}
	return n, ""
}

// isDigits reports a non-empty run of ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// idOf reads an id written as a JSON number or a string: digits only
// when digits is true. It returns the id as text, or what is wrong.
func idOf(tok json.Token, digits bool, want string) (string, string) {
	var s string
	switch v := tok.(type) {
	case json.Number:
		s = string(v)
	case string:
		s = v
	default:
		return "", "is " + jsonKind(tok) + " " + want
	}
	if digits && (!isDigits(s) || len(s) > 20) {
		return "", fmt.Sprintf("%s is not an id of digits %s", quote(shorten(s)), want)
	}
	return s, ""
}

// dayOf reads the date a period starts on: 2020-08-01, or the start of
// that day as a timestamp, 2020-08-01T00:00:00Z (in any time zone: the
// date is taken as written). It returns what is wrong, or "".
func dayOf(tok json.Token) (time.Time, string) {
	const want = `(expected the date a period starts, such as "2020-08-01" or "2020-08-01T00:00:00Z")`
	s, ok := tok.(string)
	if !ok {
		return time.Time{}, "is " + jsonKind(tok) + " " + want
	}
	if len(s) < 10 {
		return time.Time{}, fmt.Sprintf("%s is not a date %s", quote(shorten(s)), want)
	}
	d, err := time.Parse(time.DateOnly, s[:10])
	if err != nil {
		return time.Time{}, fmt.Sprintf("%s is not a date %s", quote(shorten(s)), want)
	}
	if rest := s[10:]; rest != "" {
		ts, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return time.Time{}, fmt.Sprintf("%s is not a date or a timestamp %s", quote(shorten(s)), want)
		}
		if h, m, sec := ts.Clock(); h != 0 || m != 0 || sec != 0 || ts.Nanosecond() != 0 {
			return time.Time{}, fmt.Sprintf("%s is not the start of a day %s", quote(shorten(s)), want)
		}
	}
	if m := figures.MonthOf(d.Year(), int(d.Month())); !m.Valid() {
		return time.Time{}, fmt.Sprintf("%s is outside the months uptake keeps (%s to %s)", quote(shorten(s)), figures.MinMonth, figures.MaxMonth)
	}
	return d, ""
}

// apiRecord is a count read from a response, before the length of its
// period is known: a series (an app, a country, a platform) by index, the
// day its period starts (days since 1970-01-01) and the line it was read
// at.
type apiRecord struct {
	series int32
	day    int32
	line   int32
	n      int64
}

// periodKind is how long the periods of a response are.
type periodKind uint8

const (
	byDay periodKind = iota + 1
	byWeek
	byMonth
)

func (p periodKind) String() string {
	switch p {
	case byDay:
		return "daily"
	case byWeek:
		return "weekly"
	case byMonth:
		return "monthly"
	}
	return "?"
}

// span returns the first and last day of the period that starts on day.
func (p periodKind) span(day int32) (first, last time.Time) {
	first = dayTime(day)
	switch p {
	case byWeek:
		return first, first.AddDate(0, 0, 6)
	case byMonth:
		return first, first.AddDate(0, 1, -1)
	}
	return first, first
}

// dayTime is the date of a day counted from 1970-01-01.
func dayTime(day int32) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

func dayNumber(t time.Time) int32 { return int32(dateOf(t).Unix() / 86400) }

// inferPeriod works out the length of the periods of a response from the
// dates its records start on, since the response does not say what
// granularity was asked for. One request has one granularity, so the
// whole file is looked at, not each series alone:
//   - dates one day apart in some series: days (missing days are missing,
//     and the months they fall in are marked as lower bounds);
//   - every date on the 1st of a month, and one month apart in some
//     series: months;
//   - one week apart at the closest, every date on the same day of the
//     week: weeks;
//   - anything else says what it found and what to ask for: every series
//     with one date only (a day, a week and a month all start on
//     2020-08-01), dates on the 1st but three or twelve months apart
//     (quarters, years, or months with the others missing), or dates 2
//     to 6 days apart.
//
// param is the request's parameter that sets the granularity. On a
// problem, it returns its message and the line it concerns.
func inferPeriod(recs []apiRecord, param string) (periodKind, string, int) {
	if len(recs) == 0 {
		return byDay, "", 0
	}
	order := make([]int, len(recs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if recs[a].series != recs[b].series {
			return int(recs[a].series - recs[b].series)
		}
		return int(recs[a].day - recs[b].day)
	})
	gap, gapAt := int32(math.MaxInt32), 0 // the closest two dates of a series, and the later's record
	monthGap := math.MaxInt32
	monthStarts := true
	weekday := int32(-1)
	sameWeekday := true
	for i, x := range order {
		r := recs[x]
		d := dayTime(r.day)
		monthStarts = monthStarts && d.Day() == 1
		if wd := ((r.day % 7) + 7) % 7; weekday < 0 {
			weekday = wd
		} else if wd != weekday {
			sameWeekday = false
		}
		if i == 0 {
			continue
		}
		p := recs[order[i-1]]
		if p.series != r.series || p.day == r.day { // a day given twice is for Days to name
			continue
		}
		if g := r.day - p.day; g < gap {
			gap, gapAt = g, x
		}
		pd := dayTime(p.day)
		if mg := (d.Year()*12 + int(d.Month())) - (pd.Year()*12 + int(pd.Month())); mg < monthGap {
			monthGap = mg
		}
	}
	first := dayTime(recs[0].day).Format(time.DateOnly)
	switch {
	case gap == math.MaxInt32:
		return 0, fmt.Sprintf("each app and country has one period only (%s for the first), so the file does not say whether it is a day, a week or a month (expected two periods or more for some app and country: request two months or more with %s=monthly, or the days with %s=daily)", first, param, param), int(recs[0].line)
	case gap == 1:
		return byDay, "", 0
	case monthStarts && monthGap == 1:
		return byMonth, "", 0
	case monthStarts:
		return 0, fmt.Sprintf("every date is the 1st of a month, but the closest are %d months apart: quarters or years, or months with the others missing; uptake cannot tell which (expected %s=monthly, weekly or daily)", monthGap, param), int(recs[gapAt].line)
	case gap == 7 && sameWeekday:
		return byWeek, "", 0
	case gap == 7:
		return 0, fmt.Sprintf("the dates are a week apart, but do not all fall on the same day of the week (expected weeks that each start on the same day, as %s=weekly gives)", param), int(recs[gapAt].line)
	}
	return 0, fmt.Sprintf("the closest dates of an app and country are %d days apart, which is not a day, a week or a month (expected %s=daily, weekly or monthly)", gap, param), int(recs[gapAt].line)
}

// hasKey reports whether JSON text holds the member name name: "name"
// followed, past spaces, by a colon, and not inside a string (not
// preceded by a backslash).
func hasKey(text []byte, name string) bool {
	q := []byte(`"` + name + `"`)
	for i := 0; i < len(text); {
		j := bytes.Index(text[i:], q)
		if j < 0 {
			return false
		}
		j += i
		rest := bytes.TrimLeft(text[j+len(q):], " \t\r\n")
		if (j == 0 || text[j-1] != '\\') && len(rest) > 0 && rest[0] == ':' {
			return true
		}
		i = j + 1
	}
	return false
}

// sourceOr returns the source the options give, or the vendor's name.
// sourceAndPeriod gives a response's figures their source (the one given
// for the import, else the vendor's) and works out the response's period
// from its dates; false when either is a problem, added to c.
func sourceAndPeriod(in input, c *collector, recs []apiRecord, vendor, param, dateField string) (string, periodKind, bool) {
	src := sourceOr(in.opt, vendor)
	if err := figures.ValidateText("source", src, figures.MaxTextLen); err != nil {
		c.add(1, "", "the source given for the file "+err.(*figures.FieldError).Problem)
		return "", 0, false
	}
	period, msg, line := inferPeriod(recs, param)
	if msg != "" {
		c.add(line, dateField, msg)
		return "", 0, false
	}
	return src, period, true
}

func sourceOr(opt Options, vendor string) string {
	if opt.Source != "" {
		return opt.Source
	}
	return vendor
}
