package figures

// The reading rules: the one place that decides how figures become numbers
// on screen (DESIGN, "Reading rules"). Every view and every export goes
// through these functions. They are pure: slices of figures in, numbers,
// marks and warnings out; no bbolt, no I/O, and the same input always
// gives the same output, whatever the order of the figures in it.
//
//   rules_total.go  totals over a window, since launch, worldwide totals
//   rules_curve.go  monthly, cumulative and worldwide curves
//   rules_check.go  disagreements between figures
//   rules.go        (this file) shared helpers and number formatting

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Span returns the first From and the last To of the figures, over every
// slice given; ok is false when there are none.
func Span(figs ...[]Figure) (from, to Month, ok bool) {
	for _, s := range figs {
		for _, f := range s {
			if !ok || f.From < from {
				from = f.From
			}
			if !ok || f.To > to {
				to = f.To
			}
			ok = true
		}
	}
	return from, to, ok
}

// FormatInstalls writes a number of installs compactly, to three
// significant digits: "820", "1.23k", "950k", "1.88M", "9.88M", "15.2M",
// "1.2B". Three digits keep derived figures recognisable (65% of 15.2M is
// 9.88M, not 9.9M); trailing zeros are dropped ("3M"), and a value that
// rounds up to 1000 of a unit moves to the next ("1M", not "1000k"). NaN
// and infinities, which no figure can hold, are written "-".
func FormatInstalls(n float64) string {
	if math.IsNaN(n) || math.IsInf(n, 0) {
		return "-"
	}
	if n < 0 {
		if s := FormatInstalls(-n); s != "0" {
			return "-" + s
		}
		return "0"
	}
	if r := math.Round(n); r < 1000 {
		return strconv.FormatFloat(r, 'f', 0, 64)
	}
	units := [...]struct {
		div    float64
		suffix string
	}{{1e3, "k"}, {1e6, "M"}, {1e9, "B"}, {1e12, "T"}}
	for i, u := range units {
		x := n / u.div
		dec := 0
		switch {
		case x < 9.995:
			x, dec = math.Round(x*100)/100, 2
		case x < 99.95:
			x, dec = math.Round(x*10)/10, 1
		default:
			x = math.Round(x)
		}
		if x >= 1000 && i < len(units)-1 {
			continue
		}
		s := strconv.FormatFloat(x, 'f', dec, 64)
		if dec > 0 {
			s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
		}
		return s + u.suffix
	}
	panic("unreachable")
}

// exactInstalls writes n rounded to a whole number with thousands
// separators: "15,048,000".
func exactInstalls(n float64) string {
	s := strconv.FormatFloat(math.Round(math.Abs(n)), 'f', 0, 64)
	var b strings.Builder
	if n < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// installsPair writes two numbers that a message compares. When the compact
// forms would read the same although the numbers differ ("15M is more than
// 15M"), both are written in full.
func installsPair(a, b float64) (string, string) {
	sa, sb := FormatInstalls(a), FormatInstalls(b)
	if sa == sb && math.Round(a) != math.Round(b) {
		return exactInstalls(a), exactInstalls(b)
	}
	return sa, sb
}

// spanText writes a span of months: "2020-03..2020-09", or "2020-09" for
// one month.
func spanText(from, to Month) string {
	if from == to {
		return from.String()
	}
	return from.String() + ".." + to.String()
}

// seriesLabel names one series in a message: "Resso IN", "Resso WW".
func seriesLabel(app, country string) string {
	return Sanitize(app) + " " + Sanitize(country)
}

// seriesLabelOf names the series of a figure: "Resso IN", "Resso IN ios".
func seriesLabelOf(f Figure) string {
	s := seriesLabel(f.App, f.Country)
	if f.Platform != AllPlatforms {
		s += " " + f.Platform.String()
	}
	return s
}

// MonthsText writes ascending months as ranges, "2020-01..2020-03,
// 2020-06", naming at most limit ranges and then how many more.
func MonthsText(ms []Month, limit int) string {
	var parts []string
	more := 0
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && ms[j+1] == ms[j]+1 {
			j++
		}
		if len(parts) < limit {
			parts = append(parts, spanText(ms[i], ms[j]))
		} else {
			more++
		}
		i = j + 1
	}
	s := strings.Join(parts, ", ")
	if more > 0 {
		s += ", … " + strconv.Itoa(more) + " more"
	}
	return s
}

// windowMonths returns how many months [from,to] holds: 0 when to < from.
func windowMonths(from, to Month) int {
	if to < from {
		return 0
	}
	return int(to-from) + 1
}

// cmpUsed orders the figures a result lists as used: by country, from, to,
// then by the rest so that the order never depends on the input's.
func cmpUsed(a, b Figure) int { return cmpUsedRef(&a, &b) }

func cmpUsedRef(a, b *Figure) int {
	if a.Country != b.Country {
		return strings.Compare(a.Country, b.Country)
	}
	if a.From != b.From {
		return cmp.Compare(a.From, b.From)
	}
	if a.To != b.To {
		return cmp.Compare(a.To, b.To)
	}
	return cmpRest(*a, *b)
}

// cmpRest orders figures of the same country and span: non-estimates
// first, then by installs, app, source, note and time of change.
func cmpRest(a, b Figure) int {
	if a.Estimate != b.Estimate {
		if !a.Estimate {
			return -1
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(a.Installs, b.Installs),
		cmp.Compare(a.App, b.App),
		cmp.Compare(a.Source, b.Source),
		cmp.Compare(a.Note, b.Note),
		a.Changed.Compare(b.Changed),
	)
}

// sourcesOf lists the distinct sources of figures, sorted.
func sourcesOf(figs []Figure) []string {
	var out []string
	for _, f := range figs {
		if !slices.Contains(out, f.Source) {
			out = append(out, f.Source)
		}
	}
	slices.Sort(out)
	return out
}
