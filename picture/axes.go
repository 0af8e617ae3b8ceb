package picture

import (
	"math"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// tick is a mark on an axis at a value, with its label; a tick without
// a label is a minor one, drawn shorter.
type tick struct {
	Value float64
	Label string
}

func (t tick) minor() bool { return t.Label == "" }

// yAxis is the y-axis worked out from the values drawn: its range and
// its ticks, on round values.
type yAxis struct {
	Min, Max float64
	Ticks    []tick
}

// yRange is the lowest and highest value that will be drawn.
func yRange(c Chart) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range c.Series {
		for _, v := range s.Values {
			if drawable(v, c.Scale) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	return lo, hi
}

// makeYAxis picks the axis for values from lo to hi (lo ≤ hi, both
// drawable). Linear axes start at 0, so that a line's height is its
// size; an index axis need not, but shows 100, its base.
func makeYAxis(sc Scale, u Unit, lo, hi float64) yAxis {
	if sc == Log {
		return logAxis(u, lo, hi)
	}
	switch {
	case sc == Index:
		lo, hi = math.Min(lo, 100), math.Max(hi, 100)
	case u == Percent && hi >= 0.5:
		// Shares past a half run to 100%, the whole they are of, rather
		// than stop at 80%; small shares keep an axis they can be read on.
		lo, hi = math.Min(lo, 0), 1
	default:
		lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	}
	if lo == hi { // a flat line: all 0, or an index all at 100
		if lo == 0 {
			hi = 1
		} else {
			d := math.Max(math.Abs(lo)/10, 1)
			lo, hi = lo-d, hi+d
		}
	}
	step := roundStep((hi-lo)/5, sc == Linear && u == Installs)
	first, last := math.Floor(lo/step+1e-9), math.Ceil(hi/step-1e-9)
	a := yAxis{Min: first * step, Max: last * step}
	for k := first; k <= last; k++ {
		v := k * step
		a.Ticks = append(a.Ticks, tick{Value: v, Label: yLabel(sc, u, v, step)})
	}
	return a
}

// roundStep is the smallest of 1, 2, 2.5 and 5 times a power of ten at
// least want; whole for installs, which are counted.
func roundStep(want float64, whole bool) float64 {
	if whole && want < 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(want)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*p >= want*(1-1e-9) {
			return f * p
		}
	}
	return 10 * p
}

// logAxis spans whole powers of ten around the values, labelled 1k, 10k,
// 100k…; over many decades only every second (third…) is labelled, and
// over few the 2…9 multiples get small ticks.
func logAxis(u Unit, lo, hi float64) yAxis {
	eLo, eHi := int(math.Floor(math.Log10(lo)+1e-9)), int(math.Ceil(math.Log10(hi)-1e-9))
	if eHi <= eLo {
		eHi = eLo + 1
	}
	every := max(1, (eHi-eLo+9)/10)
	a := yAxis{Min: math.Pow10(eLo), Max: math.Pow10(eHi)}
	for e := eLo; e <= eHi; e++ {
		v := math.Pow10(e)
		label := ""
		if (e-eLo)%every == 0 {
			label = yLabel(Log, u, v, v)
		}
		a.Ticks = append(a.Ticks, tick{Value: v, Label: label})
		if eHi-eLo <= 6 && e < eHi {
			for m := 2; m <= 9; m++ {
				a.Ticks = append(a.Ticks, tick{Value: float64(m) * v})
			}
		}
	}
	return a
}

// yLabel writes a tick's value: installs as 2.5M, a share as 25%, an
// index as a plain number, with as many decimals as the step needs.
func yLabel(sc Scale, u Unit, v, step float64) string {
	switch {
	case sc == Index:
		return plain(v, step)
	case u == Percent:
		return plain(v*100, step*100) + "%"
	case math.Abs(v) < 1 && v != 0: // FormatInstalls would round 0.1 to 0
		return plain(v, step)
	}
	return figures.FormatInstalls(v)
}

// plain writes v with the decimals a step needs: 2.5 steps need one more
// than their power of ten.
func plain(v, step float64) string {
	dec := 0
	if step > 0 {
		dec = max(0, -int(math.Floor(math.Log10(step)+1e-9)))
		if m := step / math.Pow10(-dec); math.Abs(m-math.Round(m)) > 1e-6 {
			dec++
		}
	}
	s := strconv.FormatFloat(v, 'f', dec, 64)
	if s == "-0" || strings.Trim(s, "-0.") == "" {
		return "0"
	}
	return s
}

// xKind is how the x labels read, which decides where regular ticks fall.
type xKind int

const (
	xIndex    xKind = iota // anything else: every step-th label
	xCalendar              // months, "2020-03" or "Mar 20": each quarter, each January…
	xSince                 // months since launch, "M1": M3, M6, M12…
)

// xStep is a spacing of ticks, in months (or labels).
func xSteps(k xKind) []int {
	if k == xIndex {
		return []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000}
	}
	return []int{1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400}
}

// xLabelKind reads what the labels are, and for months their number
// (1–12) and year, or for Mk their k. One label that does not read the
// same as the others makes them all plain labels.
func xLabelKind(labels []string) (xKind, []int, []int) {
	months, years := make([]int, len(labels)), make([]int, len(labels))
	calendar, since := true, true
	for i, l := range labels {
		if calendar {
			if y, m, ok := parseMonth(l); ok {
				years[i], months[i] = y, m
			} else {
				calendar = false
			}
		}
		if since {
			if k, err := strconv.Atoi(strings.TrimPrefix(l, "M")); err == nil && strings.HasPrefix(l, "M") && k > 0 {
				months[i] = k
			} else {
				since = false
			}
		}
	}
	switch {
	case calendar:
		return xCalendar, months, years
	case since:
		return xSince, months, nil
	}
	return xIndex, nil, nil
}

// parseMonth reads "2020-03" or "Mar 20" (as report writes months).
func parseMonth(s string) (year, month int, ok bool) {
	if len(s) == 7 && s[4] == '-' {
		y, err1 := strconv.Atoi(s[:4])
		m, err2 := strconv.Atoi(s[5:])
		return y, m, err1 == nil && err2 == nil && m >= 1 && m <= 12
	}
	names := "JanFebMarAprMayJunJulAugSepOctNovDec"
	if len(s) == 6 && s[3] == ' ' {
		i := strings.Index(names, s[:3])
		y, err := strconv.Atoi(s[4:])
		return 2000 + y, i/3 + 1, i >= 0 && i%3 == 0 && err == nil
	}
	return 0, 0, false
}

// isTick reports whether label i is a tick at the given step: for months
// the first of each quarter or half-year, each January, each second
// (fifth…) January; for Mk the multiples of the step, and M1 once the
// step leaves room for it; otherwise every step-th label.
func isTick(k xKind, months, years []int, i, step int) bool {
	switch k {
	case xCalendar:
		if step < 12 {
			return (months[i]-1)%step == 0
		}
		return months[i] == 1 && years[i]%(step/12) == 0
	case xSince:
		return months[i]%step == 0 || months[i] == 1 && step >= 6
	}
	return i%step == 0
}

// xTicks picks the x-axis ticks for the labels over a data area width
// wide: the smallest regular step whose labels do not run into each
// other, labelled from the labels, with small unlabelled ticks at the
// step below it (each month, when there are not too many).
func xTicks(labels []string, sty text.Style, width vg.Length) []tick {
	n := len(labels)
	kind, months, years := xLabelKind(labels)
	steps := xSteps(kind)
	pos := func(i int) vg.Length {
		if n == 1 {
			return width / 2
		}
		return width * vg.Length(i) / vg.Length(n-1)
	}
	const gap = 8 // points between two labels
	chosen, minor := -1, -1
	for si, step := range steps {
		if step > 2*n && chosen < 0 {
			break
		}
		fits, count := true, 0
		prev := -1
		for i := range labels {
			if !isTick(kind, months, years, i, step) {
				continue
			}
			if prev >= 0 && pos(i)-pos(prev) < (sty.Width(labels[prev])+sty.Width(labels[i]))/2+gap {
				fits = false
				break
			}
			prev = i
			count++
		}
		if fits && count > 0 {
			chosen = step
			if si > 0 {
				minor = steps[si-1]
			}
			break
		}
	}
	var ticks []tick
	if chosen < 0 { // nothing regular fits (a very narrow area): the first label alone
		return []tick{{Value: 0, Label: labels[0]}}
	}
	for i := range labels {
		switch {
		case isTick(kind, months, years, i, chosen):
			ticks = append(ticks, tick{Value: float64(i), Label: labels[i]})
		case minor > 0 && n/minor <= 240 && isTick(kind, months, years, i, minor):
			ticks = append(ticks, tick{Value: float64(i)})
		}
	}
	return ticks
}
