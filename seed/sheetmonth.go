package seed

import (
	"fmt"
	"strings"

	"github.com/uptake/uptake/figures"
)

// sheetMonthExamples ends the message for text that is no month at all.
const sheetMonthExamples = "(expected a month such as 2020-08, Aug 2020, Aug-20, 2020-08-01 or 8/1/2020)"

// parseSheetMonth reads a month as spreadsheets write one, in a wide
// sheet's header and in uptake CSV's from and to columns:
//
//   - uptake's own YYYY-MM (also YYYY/MM, YYYY.MM, YYYY-M), with
//     figures.ParseMonth's messages;
//   - a date: 2020-08-01 (also with / or .), and 8/1/2020 or 8/1/20,
//     which is month/day/year as US Excel writes it: 08/01/2020 is August
//     2020, never 8 January. A first number above 12 (13/08/2020) is
//     refused as a day-first date rather than read another way, and so are
//     01.08.2020 and 08-01-2020, which are day-first as often as not;
//   - a month and a year: Aug-20, Aug 20, Aug 2020, August 2020, Aug.
//     2020, 2020 Aug, 08/2020; a two-digit year is 2000–2029 for 00–29
//     and 1930–1999 for 30–99, as Excel reads it;
//   - a day, a month name and a year: 1-Aug-20, 1 Aug 2020, Aug 1, 2020.
//
// A date's day need not be the 1st: the month is taken (8/15/2020 is
// August 2020), though the day must exist in the month. A time after the
// date (2020-08-01 00:00:00, 2020-08-01T00:00:00Z, 8/1/2020 0:00, as
// pandas and Excel write dates with times) is dropped. Month names are
// English, in any case. The error says what is wrong and what is
// expected.
func parseSheetMonth(s string) (figures.Month, error) {
	t := strings.TrimSpace(s)
	if i := strings.IndexAny(t, "-/."); t == "" || i == 4 && len(t) <= 7 {
		return figures.ParseMonth(t) // uptake's own form, and its messages
	}
	bad := func(why string) (figures.Month, error) {
		return 0, fmt.Errorf("%s %s", figures.Quote(t), why)
	}
	notMonth := func() (figures.Month, error) {
		for _, q := range [...]string{"q1", "q2", "q3", "q4"} {
			if strings.Contains(strings.ToLower(t), q) {
				return bad("is a quarter, not a month (expected a column per month)")
			}
		}
		return bad("is not a month " + sheetMonthExamples)
	}
	date, ok := cutTime(t)
	if !ok {
		return notMonth()
	}
	toks, seps, ok := monthTokens(date)
	if !ok {
		return notMonth()
	}
	// The shape of the text: n for a number, w for a word.
	shape := ""
	for _, tk := range toks {
		if tk.word {
			shape += "w"
		} else {
			shape += "n"
		}
	}
	num := func(i int) int { return toks[i].n }
	digits := func(i int) int { return len(toks[i].text) }
	name := func(i int) int { return monthNamed(toks[i].text) }
	sameSeps := func(set string) bool {
		for _, c := range seps {
			if !strings.ContainsRune(set, rune(c)) || c != seps[0] {
				return false
			}
		}
		return true
	}
	month := func(y, m, d int) (figures.Month, error) {
		if m < 1 || m > 12 {
			return bad(fmt.Sprintf("has month %d; months run 1 to 12", m))
		}
		mo := figures.MonthOf(y, m)
		if !mo.Valid() {
			return bad(fmt.Sprintf("is out of range (expected a month from %s to %s)", figures.MinMonth, figures.MaxMonth))
		}
		if last := daysIn(mo); d != noDay && (d < 1 || d > last) {
			return bad(fmt.Sprintf("has day %d, but %s %d has %d days", d, monthAbbr[m-1], y, last))
		}
		return mo, nil
	}
	year := func(i int) (int, bool) {
		switch digits(i) {
		case 4:
			return num(i), true
		case 2:
			return excelYear(num(i)), true
		}
		return 0, false
	}
	switch shape {
	case "nnn":
		switch {
		case digits(0) == 4 && sameSeps("-/."): // 2020-08-01
			if digits(1) > 2 || digits(2) > 2 {
				return notMonth()
			}
			return month(num(0), num(1), num(2))
		case digits(0) > 2 || digits(1) > 2:
			return notMonth()
		case sameSeps("/"): // 8/1/2020, month first
			y, ok := year(2)
			if !ok {
				return notMonth()
			}
			if num(0) > 12 && num(1) >= 1 && num(1) <= 12 {
				return bad("is day/month/year, but uptake reads 8/1/2020 as month/day/year, as US Excel writes it (write the month as 2020-08 or Aug 2020)")
			}
			// 01/08/2020 is 8 January month first and 1 August day first,
			// as a European spreadsheet re-saves August: two months apart.
			// Only a date whose month-first reading is the 1st (8/1/2020,
			// a month as US Excel re-saves it) or that has no other
			// reading is taken.
			if num(0) >= 1 && num(0) <= 12 && num(1) >= 1 && num(1) <= 12 && num(0) != num(1) && num(1) != 1 {
				return bad(fmt.Sprintf("is ambiguous: %s %d month first, or %s %d day first (write the month as 2020-08 or Aug 2020)",
					monthAbbr[num(0)-1], num(1), monthAbbr[num(1)-1], num(0)))
			}
			return month(y, num(0), num(1))
		case sameSeps(".-"): // 01.08.2020, 08-01-2020
			return bad("may be day-month-year or month-day-year (uptake reads month/day/year only with slashes, 8/1/2020, as US Excel writes it; write the month as 2020-08 or Aug 2020)")
		}
	case "nn": // 08/2020 (2020-08 went to ParseMonth)
		if digits(0) <= 2 && digits(1) == 4 {
			return month(num(1), num(0), noDay)
		}
		if digits(0) <= 2 && digits(1) <= 2 {
			return bad("has no year, or a year of two digits after a month number, which could be a day (expected e.g. 08/2020, Aug-20 or 2020-08)")
		}
	case "wn": // Aug-20, Aug 2020
		if m := name(0); m > 0 {
			if y, ok := year(1); ok {
				return month(y, m, noDay)
			}
			if digits(1) <= 2 {
				return bad("has no year, or a day and no year (expected a month and year, e.g. Aug 2020, Aug-20 or 2020-08)")
			}
		}
	case "nw": // 2020 Aug
		if m := name(1); m > 0 {
			if digits(0) == 4 {
				return month(num(0), m, noDay)
			}
			if digits(0) <= 2 {
				return bad("has no year (expected a month and year, e.g. Aug 2020, Aug-20 or 2020-08)")
			}
		}
	case "nwn": // 1-Aug-20, 1 Aug 2020
		if m := name(1); m > 0 && digits(0) <= 2 {
			if y, ok := year(2); ok {
				return month(y, m, num(0))
			}
		}
	case "wnn": // Aug 1, 2020
		if m := name(0); m > 0 && digits(1) <= 2 && digits(2) == 4 {
			return month(num(2), m, num(1))
		}
	case "w":
		if name(0) > 0 {
			return bad("has no year (expected a month and year, e.g. Aug 2020, Aug-20 or 2020-08)")
		}
	case "n":
		if digits(0) == 4 {
			return bad("is a year, not a month (expected a month and year, e.g. Aug 2020 or 2020-08)")
		}
	}
	return notMonth()
}

// noDay is the day of a month written without one.
const noDay = -1

// excelYear reads a two-digit year as Excel does: 00–29 are 2000–2029,
// 30–99 are 1930–1999.
func excelYear(yy int) int {
	if yy < 30 {
		return 2000 + yy
	}
	return 1900 + yy
}

// monthToken is a run of digits or of letters in a month's text.
type monthToken struct {
	text string
	word bool
	n    int // the number, for digits
}

// monthTokens splits a month's text into numbers and words, and the
// separator between each two: - / . , or a space (spaces around another
// separator do not count; a full stop after a word, as in "Aug.", is a
// space). ok is false for any other character, two tokens without a
// separator, two separators in a row, a number of more than 4 digits or a
// word of more than 12 letters, or more than 4 tokens.
func monthTokens(s string) (toks []monthToken, seps []byte, ok bool) {
	for i := 0; i < len(s); {
		c := s[i]
		j := i
		switch {
		case isDigit(c), isLetter(c):
			if len(toks) > len(seps) || len(toks) == 4 {
				return nil, nil, false
			}
			word := isLetter(c)
			n := 0
			for j < len(s) && (word && isLetter(s[j]) || !word && isDigit(s[j])) {
				if !word {
					n = n*10 + int(s[j]-'0')
				}
				j++
			}
			if word && j-i > 12 || !word && j-i > 4 {
				return nil, nil, false
			}
			toks = append(toks, monthToken{text: s[i:j], word: word, n: n})
		case strings.IndexByte(" -/.,", c) >= 0:
			sep, marks := byte(' '), 0
			for j < len(s) && strings.IndexByte(" -/.,", s[j]) >= 0 {
				if s[j] != ' ' {
					sep = s[j]
					marks++
				}
				j++
			}
			if marks > 1 || len(toks) == 0 {
				return nil, nil, false
			}
			if sep == '.' && toks[len(toks)-1].word {
				sep = ' '
				if j == len(s) { // "Aug." at the end
					return toks, seps, true
				}
			}
			seps = append(seps, sep)
		default:
			return nil, nil, false
		}
		i = j
	}
	return toks, seps, len(toks) > 0 && len(toks) > len(seps)
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// monthNames are the English names of the months and their
// abbreviations, as spreadsheets write them.
var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
	"oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var monthAbbr = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// monthNamed returns the month a word names (1–12), or 0.
func monthNamed(w string) int {
	if len(w) > 9 {
		return 0
	}
	return monthNames[strings.ToLower(w)]
}

// cutTime drops a time of day after a date: " 00:00", " 0:00:00",
// "T00:00:00Z", "T00:00:00.000+02:00", " 12:00 AM". ok is false when
// what looks like a time is not one.
func cutTime(s string) (string, bool) {
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return s, true
	}
	start := strings.LastIndexAny(s[:colon], " T")
	if start <= 0 {
		return s, false
	}
	tm := s[start+1:]
	// hh:mm[:ss[.fff]] [AM|PM] [Z|±hh[:mm]]
	i := 0
	num := func(max int) bool {
		j := i
		for i < len(tm) && isDigit(tm[i]) && i-j < max {
			i++
		}
		return i > j
	}
	if !num(2) || i >= len(tm) || tm[i] != ':' {
		return s, false
	}
	i++
	if !num(2) {
		return s, false
	}
	if i < len(tm) && tm[i] == ':' {
		i++
		if !num(2) {
			return s, false
		}
		if i < len(tm) && tm[i] == '.' {
			i++
			if !num(9) {
				return s, false
			}
		}
	}
	rest := strings.ToUpper(strings.TrimSpace(tm[i:]))
	rest = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(rest, "AM"), "PM"))
	switch {
	case rest == "", rest == "Z":
	case rest[0] == '+' || rest[0] == '-':
		zone := strings.ReplaceAll(rest[1:], ":", "")
		if len(zone) != 2 && len(zone) != 4 || strings.Trim(zone, "0123456789") != "" {
			return s, false
		}
	default:
		return s, false
	}
	return strings.TrimSpace(s[:start]), true
}
