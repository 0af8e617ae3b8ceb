package ui

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// The marks every view and export uses. They differ on purpose: a spread
// month is arithmetic on a real figure, an estimate is a guess or a share.
const (
	markSpread   = "≈"
	markEstimate = "*"
	markSummed   = "Σ"
	noValue      = "–"
)

const marksNote = "≈ spread: what a figure covering several months leaves after the figures inside it, shared evenly over its other months · * estimate (derived from a share, or a guess) · Σ summed from countries · – no figure"

// fmtPoint writes a point's value with its marks.
func fmtPoint(p figures.Point) string {
	if p.Kind == figures.Gap || math.IsNaN(p.Value) {
		return noValue
	}
	return figures.FormatInstalls(p.Value) + marks(p.Kind == figures.Spread, p.Estimate, p.Summed)
}

// fmtTotal writes a total with its marks, or "n/a" when it covers nothing.
func fmtTotal(t figures.Total) string {
	if t.Empty() {
		return "n/a"
	}
	return figures.FormatInstalls(float64(t.Installs)) + marks(false, t.Estimate, t.Summed)
}

func marks(spread, estimate, summed bool) string {
	var m string
	if spread {
		m += markSpread
	}
	if estimate {
		m += markEstimate
	}
	if summed {
		m += markSummed
	}
	return m
}

// growth writes the change from a to b as "+64%", or "" when either is
// missing or spread: growth between months spread from one figure is an
// artefact of the spreading, not a fact. The mark says an estimate went in.
func growth(a, b figures.Point) string {
	if a.Kind != figures.Exact || b.Kind != figures.Exact || math.IsNaN(a.Value) || math.IsNaN(b.Value) || a.Value <= 0 {
		return ""
	}
	g := (b.Value/a.Value - 1) * 100
	s := fmt.Sprintf("%+.0f%%", g)
	if s == "-0%" {
		s = "+0%"
	}
	if a.Estimate || b.Estimate {
		s += markEstimate
	}
	return s
}

// fmtRatio writes b/a as "1.07×".
func fmtRatio(a, b figures.Total) string {
	if a.Empty() || b.Empty() || !a.Full() || !b.Full() || a.Installs == 0 {
		return "n/a"
	}
	return strconv.FormatFloat(float64(b.Installs)/float64(a.Installs), 'f', 2, 64) + "×"
}

// fmtCoverage writes "7/7 months".
func fmtCoverage(t figures.Total) string {
	return fmt.Sprintf("%d/%d months", t.Covered, t.Months)
}

// rawValue writes a value for CSV: a whole number, or empty for a gap.
func rawValue(p figures.Point) string {
	if p.Kind == figures.Gap || math.IsNaN(p.Value) {
		return ""
	}
	return strconv.FormatFloat(math.Round(p.Value), 'f', 0, 64)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// kindWord writes a point's kind for CSV.
func kindWord(p figures.Point) string {
	switch {
	case p.Kind == figures.Gap:
		return "gap"
	case p.Summed:
		return p.Kind.String() + "+summed"
	}
	return p.Kind.String()
}

// sourceUse groups the figures behind a view by their source.
type sourceUse struct {
	Source  string
	Figures []string // "Resso WW 2020-07 2.2M", or one line summing many up
}

// maxListed is how many figures of one source a footer names one by one;
// past it, a line says how many, of which apps and countries, over which
// months: every one of them is still in -export data.
const maxListed = 12

// sourcesOf lists the sources of figures, each with the figures it gave.
// A view on a million figures may use thousands: they are counted, and
// named one by one only while a source has few.
func sourcesOf(figs []figures.Figure) []sourceUse {
	type group struct {
		listed    []figures.Figure
		n, est    int
		apps      map[string]bool
		countries map[string]bool
		from, to  figures.Month
	}
	by := map[string]*group{}
	clean := map[string]string{} // raw source → sanitised, once each
	seen := make(map[figures.Key]struct{}, len(figs))
	for _, f := range figs {
		if _, dup := seen[f.Key()]; dup {
			continue
		}
		seen[f.Key()] = struct{}{}
		src, ok := clean[f.Source]
		if !ok {
			src = figures.Sanitize(f.Source)
			if src == "" {
				src = "(no source given)"
			}
			clean[f.Source] = src
		}
		g := by[src]
		if g == nil {
			g = &group{apps: map[string]bool{}, countries: map[string]bool{}, from: f.From, to: f.To}
			by[src] = g
		}
		g.n++
		if f.Estimate {
			g.est++
		}
		if len(g.listed) < maxListed+1 {
			g.listed = append(g.listed, f)
		}
		g.apps[f.App] = true
		g.countries[f.Country] = true
		g.from, g.to = min(g.from, f.From), max(g.to, f.To)
	}
	out := make([]sourceUse, 0, len(by))
	for src, g := range by {
		u := sourceUse{Source: src}
		if g.n <= maxListed {
			for _, f := range g.listed {
				u.Figures = append(u.Figures, describe(f))
			}
			sort.Strings(u.Figures)
		} else {
			s := fmt.Sprintf("%d figures", g.n)
			if g.est > 0 {
				s += fmt.Sprintf(" (%d estimates)", g.est)
			}
			u.Figures = []string{s + " of " + someOf(g.apps, "apps") + " in " + someOf(g.countries, "countries") + ", " + windowOf(g.from, g.to)}
		}
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}

// someOf names up to three members of a set, or says how many there are.
func someOf(set map[string]bool, noun string) string {
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, figures.Sanitize(n))
	}
	sort.Strings(names)
	if len(names) <= 3 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%d %s", len(names), noun)
}

// describe names a figure: "Resso WW 2020-03..2020-09 15.2M*".
func describe(f figures.Figure) string {
	m := ""
	if f.Estimate {
		m = markEstimate
	}
	return describeKey(f.Key()) + " " + figures.FormatInstalls(float64(f.Installs)) + m
}

func monthLabels(from, to figures.Month) []string {
	var out []string
	for m := from; m <= to; m++ {
		out = append(out, m.Short())
	}
	return out
}

func sinceLabels(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "M" + strconv.Itoa(i+1)
	}
	return out
}

// spreadOf says which points of a curve are spread from longer figures.
func spreadOf(c figures.Curve) []bool {
	out := make([]bool, len(c.Points))
	for i, p := range c.Points {
		out[i] = p.Kind == figures.Spread
	}
	return out
}

func values(c figures.Curve) []float64 {
	out := make([]float64, len(c.Points))
	for i, p := range c.Points {
		out[i] = p.Value
		if p.Kind == figures.Gap {
			out[i] = math.NaN()
		}
	}
	return out
}

// legend writes the apps in their colours and strokes: "── Resso   ══ Spotify".
func legend(apps []string, st Styles) string {
	parts := make([]string, len(apps))
	for i, a := range apps {
		parts[i] = st.render(st.AppStyle(i), stroke(i)+" "+figures.Sanitize(a))
	}
	return strings.Join(parts, "   ")
}
