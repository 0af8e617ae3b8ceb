package figures

import (
	"fmt"
	"strconv"
	"strings"
)

// Month is a calendar month counted from January of year 0, so that month
// arithmetic is integer arithmetic and sort order is calendar order.
type Month int32

// The months a figure may name. App stores did not exist before 1990 and a
// year past 2099 is almost surely a typing slip.
const (
	MinMonth Month = 1990 * 12
	MaxMonth Month = 2099*12 + 11
)

// MonthOf returns the month of a year and a calendar month (1–12).
func MonthOf(year, month int) Month { return Month(year*12 + month - 1) }

// Year returns the calendar year.
func (m Month) Year() int { return int(m) / 12 }

// Num returns the month of the year, 1–12.
func (m Month) Num() int { return int(m)%12 + 1 }

// Add returns the month n months later (earlier when n < 0).
func (m Month) Add(n int) Month { return m + Month(n) }

// String writes the month as YYYY-MM.
func (m Month) String() string {
	if m < 0 || m > 9999*12+11 {
		return fmt.Sprintf("month(%d)", int32(m))
	}
	var b [7]byte
	y, mm := m.Year(), m.Num()
	b[0] = byte('0' + y/1000)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	b[4] = '-'
	b[5] = byte('0' + mm/10)
	b[6] = byte('0' + mm%10)
	return string(b[:])
}

// Short writes the month as "Aug 20", for chart axes.
func (m Month) Short() string {
	names := [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	return fmt.Sprintf("%s %02d", names[m.Num()-1], m.Year()%100)
}

// Valid reports whether m lies in the range a figure may name.
func (m Month) Valid() bool { return m >= MinMonth && m <= MaxMonth }

// ParseMonth reads a month written YYYY-MM (also YYYY/MM and YYYY-M).
// The error says what was expected, for the user who typed it.
func ParseMonth(s string) (Month, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("no month given (expected YYYY-MM, e.g. 2020-08)")
	}
	sep := strings.IndexAny(s, "-/.")
	if sep != 4 || len(s) < 6 || len(s) > 7 {
		return 0, fmt.Errorf("%s is not a month (expected YYYY-MM, e.g. 2020-08)", Quote(s))
	}
	y, err1 := strconv.Atoi(s[:4])
	mm, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || s[5] == '+' || s[5] == '-' {
		return 0, fmt.Errorf("%s is not a month (expected YYYY-MM, e.g. 2020-08)", Quote(s))
	}
	if mm < 1 || mm > 12 {
		return 0, fmt.Errorf("%s has month %d; months run 01 to 12", Quote(s), mm)
	}
	m := MonthOf(y, mm)
	if !m.Valid() {
		return 0, fmt.Errorf("%s is out of range (expected a month from %s to %s)", Quote(s), MinMonth, MaxMonth)
	}
	return m, nil
}
