package seed

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// A date format applied to a serial, as a header cell shows it
// (xlsx_format.go).

// formatDate returns what a cell holding serial v shows in number
// format code; ok is false if code is not a date format, or v no date
// (then the cell shows what it holds).
func formatDate(v float64, code string, date1904 bool) (string, bool) {
	toks, locale, ok := parseDateFormat(code)
	if !ok || !(v >= 0 && v < maxExcelSerial) {
		return "", false
	}
	f := dateFormatter{toks: toks, locale: locale, v: v, clock: excelClock(v, date1904)}
	millis := false
	for _, t := range toks {
		millis = millis || t.kind == '0'
	}
	if !millis {
		f.clock = f.clock.Add(time.Duration(math.Round(float64(f.clock.Nanosecond())/1e9)) * time.Second)
	}
	// The day Excel shows, 29 February 1900 and the days before it
	// included; its weekday is the clock's, which is Excel's.
	f.year, f.month, f.day = f.clock.Year(), int(f.clock.Month()), f.clock.Day()
	if !date1904 {
		switch {
		case v < 1:
			f.year, f.month, f.day = 1900, 1, 0
		case v < 60:
			d := excelClock(v+1, false)
			f.year, f.month, f.day = d.Year(), int(d.Month()), d.Day()
		case v < 61:
			f.year, f.month, f.day = 1900, 2, 29
		}
	}
	return f.format(), true
}

type dateFormatter struct {
	toks             []dateToken
	locale           bool
	v                float64
	clock            time.Time
	year, month, day int
	ap               string // AM or PM, once a time has chosen
	out              strings.Builder
}

var weekdayAbbr = [...]string{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"}

func (f *dateFormatter) format() string {
	for i, t := range f.toks {
		switch t.kind {
		case 't':
			f.out.WriteString(t.text)
		case '0':
			f.out.WriteString(fmt.Sprintf("%03d", f.clock.Nanosecond()/1e6)[:min(t.n, 3)])
		case 'e':
			since := f.clock.Sub(excelEpoch1900)
			n := since.Seconds()
			switch t.code {
			case 'h':
				n = since.Hours()
			case 'm':
				n = since.Minutes()
			}
			fmt.Fprintf(&f.out, "%.f", math.Floor(n))
		case 'p':
			if f.ap == "" {
				f.ap = f.amPM(t)[0]
				if f.hourAfter(i) >= 12 {
					f.ap = f.amPM(t)[1]
				}
			}
			f.out.WriteString(f.ap)
		case 'c':
			f.code(i, t)
		}
	}
	s := f.out.String()
	if n := len(f.toks); n > 0 && f.toks[0].kind == '_' {
		s = " " + s
	}
	if n := len(f.toks); n > 0 && f.toks[n-1].kind == '_' {
		s += " "
	}
	return s
}

// amPM returns the words of AM/PM as the format writes them, or as an
// English locale does.
func (f *dateFormatter) amPM(t dateToken) []string {
	if f.locale {
		return []string{"AM", "PM"}
	}
	return strings.SplitN(t.text, "/", 2)
}

func (f *dateFormatter) code(i int, t dateToken) {
	two := func(n int) {
		if t.n == 1 {
			f.out.WriteString(strconv.Itoa(n))
		} else {
			fmt.Fprintf(&f.out, "%02d", n)
		}
	}
	weekday := func(full bool) {
		if full {
			f.out.WriteString(f.clock.Weekday().String())
		} else {
			f.out.WriteString(weekdayAbbr[f.clock.Weekday()])
		}
	}
	switch t.code {
	case 'y':
		y := strconv.Itoa(f.year)
		if t.n <= 2 && len(y) > 2 {
			y = y[2:]
		}
		f.out.WriteString(y)
	case 'e':
		f.out.WriteString(strconv.Itoa(f.year))
	case 'm':
		name := time.Month(f.month).String()
		switch {
		case t.n <= 2 && f.isMonth(i):
			two(f.month)
		case t.n <= 2:
			two(f.clock.Minute())
		case t.n == 3:
			f.out.WriteString(name[:3])
		case t.n == 5:
			f.out.WriteString(name[:1])
		default:
			f.out.WriteString(name)
		}
	case 'd':
		if t.n <= 2 {
			two(f.day)
		} else {
			weekday(t.n > 3)
		}
	case 'a':
		if t.n >= 3 {
			weekday(t.n > 3)
		}
	case 'h':
		h := f.clock.Hour()
		if ap, ok := f.amPMAfter(i); ok {
			f.ap = ap[0]
			if h >= 12 {
				f.ap = ap[1]
			}
			if h > 12 {
				h -= 12
			}
		}
		if f.ap != "" {
			if f.hourAfter(i) == -1 && h > 12 {
				h -= 12
			}
			if h == 0 {
				h = 12
			}
		}
		two(h)
	case 's':
		two(f.clock.Second())
	}
}

// isMonth reports whether m or mm at token i is the month, not the
// minutes: the minutes follow an hour (or a second), or come before
// the seconds.
func (f *dateFormatter) isMonth(i int) bool {
	for j := i - 1; j >= 0; j-- {
		if t := f.toks[j]; t.kind == 'c' || t.kind == 'p' {
			if t.kind == 'c' && (t.code == 'h' || t.code == 's') {
				return false
			}
			break
		} else if t.kind == 'e' {
			return false
		}
	}
	for _, t := range f.toks[i+1:] {
		if t.kind == 'c' || t.kind == 'p' {
			return !(t.kind == 'c' && t.code == 's')
		}
	}
	return true
}

// hourAfter returns the hour if an hour comes after token i, else -1.
func (f *dateFormatter) hourAfter(i int) int {
	for _, t := range f.toks[i+1:] {
		if t.kind == 'c' && t.code == 'h' {
			return excelClock(f.v, false).Hour()
		}
	}
	return -1
}

// amPMAfter returns the AM/PM after the hour at token i, if one comes
// before another hour.
func (f *dateFormatter) amPMAfter(i int) ([]string, bool) {
	for _, t := range f.toks[i+1:] {
		switch {
		case t.kind == 'c' && t.code == 'h':
			return nil, false
		case t.kind == 'p':
			return f.amPM(t), true
		}
	}
	return nil, false
}
