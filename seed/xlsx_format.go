package seed

import (
	"math"
	"strings"
	"time"
)

// Excel's dates, and what a number cell of a header shows: its number
// format applied, for the formats of dates and times only, as excelize
// v2.11 showed them (its quirks included, from serial 61, 1 March 1900,
// on). Otherwise, unlike excelize:
//   - A number in any other format (General, 0, #,##0, 0.00E+00, a label
//     such as "Sep 2020";@) shows what it holds: excelize formatted those
//     too, which changed only the words of a problem (a header cell that
//     holds 44044 formatted #,##0 "is a number, not a month" rather than
//     "shows the number 44044 in a format uptake cannot read").
//   - A locale ([$-407]) is dropped: months and days are named in
//     English, and AM/PM is AM/PM (excelize named them in the locale's
//     language, and showed an unknown locale's as General).
//   - Text shows as it is, whatever its format (excelize applied a
//     format's text section: "Month: "@), and a date cell written as ISO
//     text (t="d", which Excel does not write) shows its text.
//   - The days of the 1904 system's first two months are shown as they
//     are (excelize shifted them as it does the 1900 system's).

var (
	excelEpoch1900 = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)
	excelEpoch1904 = time.Date(1904, time.January, 1, 0, 0, 0, 0, time.UTC)
)

// maxExcelSerial is past the last day Excel shows, 9999-12-31.
const maxExcelSerial = 2958466

// excelClock returns the time of serial v ≥ 0 counted from 1899-12-30
// (or 1904-01-01), which is the date Excel shows from serial 61 on, and
// the weekday and time of day it shows for any; the float arithmetic is
// excelize's timeFromExcelTime, to the microsecond up to serial 61 and
// to the second after.
func excelClock(v float64, date1904 bool) time.Time {
	epoch, offset := excelEpoch1900, 15018.0
	if date1904 {
		epoch, offset = excelEpoch1904, 16480.0
	}
	days := int(v)
	if days <= 61 {
		whole, frac := math.Modf(v + offset)
		f := 0.5 + frac // as the Julian date's fraction, moved to noon
		f -= 0.5
		ns := int64(float64(86400e9*f) + 500)
		ns -= ns % 1000
		return epoch.AddDate(0, 0, int(whole-offset)).Add(time.Duration(ns))
	}
	part := float64(v-float64(days)) + 1e-9
	t := epoch.AddDate(0, 0, days).Add(time.Duration(float64(86400e9) * part))
	if t.Nanosecond()/1e6 > 500 {
		return t.Round(time.Second)
	}
	return t.Truncate(time.Second)
}

// excelDate returns the date and time of serial v as Excel shows it, in
// the 1900 system with its 29 February 1900 (serial 60, taken as the
// 28th) or in the 1904 system; ok is false for a serial that is no date
// (below 0, or past 9999).
func excelDate(v float64, date1904 bool) (t time.Time, ok bool) {
	if !(v >= 0 && v < maxExcelSerial) {
		return time.Time{}, false
	}
	t = excelClock(v, date1904)
	if !date1904 && v >= 1 && v < 60 {
		t = t.AddDate(0, 0, 1)
	}
	return t, true
}

// builtInNumFmt returns the code of a built-in number format that is a
// date's or a time's, as excelize gave them (14 is mm-dd-yy, whatever
// the locale); the others, and 27 to 36 and 50 to 58, which depend on
// the locale and which excelize showed as General, are not.
func builtInNumFmt(id int) (string, bool) {
	switch id {
	case 14:
		return "mm-dd-yy", true
	case 15:
		return "d-mmm-yy", true
	case 16:
		return "d-mmm", true
	case 17:
		return "mmm-yy", true
	case 18:
		return "h:mm AM/PM", true
	case 19:
		return "h:mm:ss AM/PM", true
	case 20:
		return "hh:mm", true
	case 21:
		return "hh:mm:ss", true
	case 22:
		return "m/d/yy hh:mm", true
	case 45:
		return "mm:ss", true
	case 46:
		return "[h]:mm:ss", true
	case 47:
		return "mm:ss.0", true
	}
	return "", false
}

// dateToken is a part of a date format: a run of a date code (yyyy, mmm,
// d, hh, ss…), an elapsed time ([h]), AM/PM, zeros (tenths of a second),
// or text shown as it is.
type dateToken struct {
	kind byte   // 'c' a date code, 'e' elapsed, 'p' AM/PM, '0' zeros, 't' text, '_' room for a character
	code byte   // of 'c' and 'e', lowercased: y, m, d, h, s, a, e, g, b or r
	n    int    // how many times the code is repeated, or zeros
	text string // of 't', and of 'p' as written: AM/PM, am/pm, A/P
}

// parseDateFormat reads the first section of a number format (the one
// of positive numbers) as a date's; ok is false if it is not a date
// format: no date code, or a digit placeholder (# ? E+ %), General
// before the date, text (@), or zeros other than a time's fraction of
// a second.
func parseDateFormat(code string) (toks []dateToken, locale, ok bool) {
	s := strings.TrimSpace(code)
	hasDate, zeros := false, false
	text := func(t string) { toks = append(toks, dateToken{kind: 't', text: t}) }
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ';':
			i = len(s)
		case c == '"':
			j := strings.IndexByte(s[i+1:], '"')
			if j < 0 {
				j = len(s) - i - 1
			}
			text(s[i+1 : i+1+j])
			i += j + 2
		case c == '\\' || c == '_' || c == '*':
			if i+1 == len(s) {
				i++
				break
			}
			r := runeLen(s[i+1:])
			switch c {
			case '\\':
				text(s[i+1 : i+1+r])
			case '_':
				toks = append(toks, dateToken{kind: '_'})
			}
			i += 1 + r
		case c == '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				j = len(s) - i
			}
			in := strings.ToLower(s[i+1 : i+j])
			if in != "" && strings.Trim(in, in[:1]) == "" && strings.Contains("hms", in[:1]) {
				if zeros {
					return nil, false, false
				}
				toks = append(toks, dateToken{kind: 'e', code: in[0], n: len(in)})
				hasDate = true
			} else if strings.HasPrefix(in, "$") && strings.Contains(in, "-") {
				locale = true
			}
			i += j + 1
		case c == '@' || c == '#' || c == '?' || c == '%':
			return nil, false, false
		case (c == 'e' || c == 'E') && i+1 < len(s) && s[i+1] == '+':
			return nil, false, false
		case c == '0':
			if !hasDate {
				return nil, false, false
			}
			j := i
			for j < len(s) && s[j] == '0' {
				j++
			}
			toks = append(toks, dateToken{kind: '0', n: j - i})
			zeros = true
			i = j
		case hasPrefixFold(s[i:], "AM/PM") || hasPrefixFold(s[i:], "A/P"):
			n := 3
			if hasPrefixFold(s[i:], "AM/PM") {
				n = 5
			}
			if zeros {
				return nil, false, false
			}
			toks = append(toks, dateToken{kind: 'p', text: s[i : i+n]})
			hasDate = true
			i += n
		case hasPrefixFold(s[i:], "General"):
			if !hasDate {
				return nil, false, false
			}
			i += len("General")
		case isLetter(c) && strings.IndexByte("abdeghmrsy", c|0x20) >= 0:
			if zeros {
				return nil, false, false
			}
			j := i
			for j < len(s) && s[j]|0x20 == c|0x20 {
				j++
			}
			toks = append(toks, dateToken{kind: 'c', code: c | 0x20, n: j - i})
			hasDate = true
			i = j
		case c == '\'':
			i++
		default:
			r := runeLen(s[i:])
			text(s[i : i+r])
			i += r
		}
	}
	return toks, locale, hasDate
}

func runeLen(s string) int {
	for i := range s {
		if i > 0 {
			return i
		}
	}
	return len(s)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
