package report

import (
	"fmt"
	"hash/maphash"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

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
func sourcesOf(lists ...[]figures.Figure) []sourceUse { return groupSources(lists, true) }

// distinct calls fn once for each figure of lists by identity: a figure
// can be behind several numbers of a view (two windows share its
// months) and counts once. A small map of the identities' hashes, with
// the identities compared on a hit, so that a collision never drops a
// figure, takes a quarter of the memory a map of whole identities did
// (that one was 650 KB of a worldwide curve's footer, 5,000 figures).
func distinct(lists [][]figures.Figure, fn func(f *figures.Figure)) {
	seed := maphash.MakeSeed()
	distinctBy(lists, func(k figures.Key) uint64 { return maphash.Comparable(seed, k) }, fn)
}

// distinctBy is distinct with the hash given, so that a test can make
// every identity collide.
func distinctBy(lists [][]figures.Figure, hash func(figures.Key) uint64, fn func(f *figures.Figure)) {
	n := 0
	for _, l := range lists {
		n += len(l)
	}
	first := make(map[uint64]*figures.Figure, n)
	var collided map[figures.Key]bool // identities whose hash another's had first
	for _, l := range lists {
		for i := range l {
			f := &l[i]
			k := f.Key()
			h := hash(k)
			g, ok := first[h]
			switch {
			case !ok:
				first[h] = f
			case g.Key() == k:
				continue
			case collided[k]:
				continue
			default:
				if collided == nil {
					collided = map[figures.Key]bool{}
				}
				collided[k] = true
			}
			fn(f)
		}
	}
}

// groupSources is sourcesOf; a caller that knows its figures hold no
// repeat passes dedupe false and saves hashing each one.
func groupSources(lists [][]figures.Figure, dedupe bool) []sourceUse {
	type group struct {
		listed    []figures.Figure
		n, est    int
		apps      map[string]bool
		countries map[string]bool // WW aside: worldwide is not a country
		world     bool
		from, to  figures.Month
	}
	by := map[string]*group{}
	clean := map[string]string{} // raw source → sanitised, once each
	add := func(f *figures.Figure) {
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
			g.listed = append(g.listed, *f)
		}
		g.apps[f.App] = true
		if f.Country == figures.Worldwide {
			g.world = true
		} else {
			g.countries[f.Country] = true
		}
		g.from, g.to = min(g.from, f.From), max(g.to, f.To)
	}
	if dedupe {
		distinct(lists, add)
	} else {
		for _, l := range lists {
			for i := range l {
				add(&l[i])
			}
		}
	}
	out := make([]sourceUse, 0, len(by))
	for src, g := range by {
		u := sourceUse{Source: src}
		if g.n <= maxListed {
			for _, f := range g.listed {
				u.Figures = append(u.Figures, f.String())
			}
			sort.Strings(u.Figures)
		} else {
			s := fmt.Sprintf("%d figures", g.n)
			if g.est > 0 {
				s += fmt.Sprintf(" (%d estimates)", g.est)
			}
			u.Figures = []string{s + " of " + someOf(g.apps, "apps") + " " + placesOf(g.countries, g.world) + ", " + windowOf(g.from, g.to)}
		}
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Source < out[j].Source })
	return out
}

// placesOf says where figures are: "in IN, ID and worldwide",
// "in 274 countries", "worldwide".
func placesOf(countries map[string]bool, world bool) string {
	switch {
	case len(countries) == 0:
		return "worldwide"
	case world:
		return "in " + someOf(countries, "countries") + " and worldwide"
	}
	return "in " + someOf(countries, "countries")
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

// monthAxis labels the months from..to; its ticks fall on regular
// months: every month, each quarter, each half year, each
// January, each second, fifth or tenth January.
func monthAxis(from, to figures.Month) timeAxis {
	var labels []string
	for m := from; m <= to; m++ {
		labels = append(labels, m.Short())
	}
	return timeAxis{Labels: labels, Tick: func(i, step int) bool {
		m := from.Add(i)
		if step < 12 {
			return (m.Num()-1)%step == 0
		}
		return m.Num() == 1 && m.Year()%(step/12) == 0
	}}
}

// sinceAxis labels months since launch M1..Mn; its ticks fall on
// multiples of the step (M6, M12, M18), and on M1 once the step is wide
// enough to leave room for it.
func sinceAxis(n int) timeAxis {
	labels := make([]string, n)
	for i := range labels {
		labels[i] = "M" + strconv.Itoa(i+1)
	}
	return timeAxis{Labels: labels, Tick: func(i, step int) bool {
		return (i+1)%step == 0 || i == 0 && step >= 6
	}}
}

// spreadOf says which points of a curve are spread from longer figures.
func spreadOf(c figures.Curve) []bool {
	out := make([]bool, len(c.Points))
	for i, p := range c.Points {
		out[i] = p.Kind == figures.Spread
	}
	return out
}

// lowerOf says which points of a curve are lower bounds (≥).
func lowerOf(c figures.Curve) []bool {
	out := make([]bool, len(c.Points))
	for i, p := range c.Points {
		out[i] = p.LowerBound && p.Kind != figures.Gap
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

// legend writes the apps in their colours and strokes: "── Resso   ══
// Spotify", and what MarkMeet means when the chart draws it.
func legend(apps []string, chart string, st Styles) string {
	parts := make([]string, len(apps))
	for i, a := range apps {
		parts[i] = st.Render(st.AppStyle(i), stroke(i)+" "+figures.Sanitize(a))
	}
	if strings.Contains(chart, MarkMeet) {
		parts = append(parts, MarkMeet+" lines at the same height")
	}
	return strings.Join(parts, "   ")
}

// sourcesIn lists the distinct sources of figures.
func sourcesIn(figs []figures.Figure) []string {
	var out []string
	for _, f := range figs {
		if !slices.Contains(out, f.Source) {
			out = append(out, f.Source)
		}
	}
	return out
}

// tieWarning names the two readings of a window whose figures tie.
func tieWarning(app, country, window string, t figures.Total) string {
	return fmt.Sprintf("%s %s, %s: two sets of figures cover %d of its %d months each and disagree: %s (%s) and %s (%s); the first is shown",
		figures.Sanitize(app), figures.Sanitize(country), window, t.Covered, t.Months,
		figures.FormatInstalls(float64(t.Installs)), spansOf(t.Used), figures.FormatInstalls(float64(t.Tie.Installs)), spansOf(t.Tie.Used))
}

// spansOf writes the spans of figures: "2020-01..2020-06, 2020-08".
func spansOf(figs []figures.Figure) string {
	parts := make([]string, len(figs))
	for i, f := range figs {
		parts[i] = windowOf(f.From, f.To)
	}
	return strings.Join(parts, ", ")
}

// sourceList names sources for a message, each cut to a readable length.
func sourceList(srcs []string) string {
	clean := make([]string, len(srcs))
	for i, s := range srcs {
		clean[i] = figures.CutTo(figures.Sanitize(s), 40)
		if s == "" {
			clean[i] = "no source given"
		}
	}
	return strings.Join(clean, "; ")
}
