package figures

// A differential test of the reading rules (DESIGN, "Reading rules"):
// thousands of small random series, each read by the rules of this
// package and by a deliberately simple oracle that tries every subset of
// the figures. The oracle never calls the code under test; it shares
// only the types and FormatInstalls (to find numbers in messages).
//
// What is compared, case by case:
//
//   - total:   TotalOver against every set of non-overlapping figures inside
//     the window: coverage, installs, the preference (fewer estimates, then
//     more figures), and the tie (rules_tie.go).
//   - curve:   MonthlyCurve of each source and platform against the rule of
//     rules_curve.go, month by month: kind, value, estimate mark; and the
//     warnings it promises (a fallback names its figure; a partial overlap
//     is named).
//   - resolve: Resolve against the ranking of rules_sources.go.
//   - node:    NodeTotal and NodeCurve of all platforms = ios + android.
//   - parts:   NodeDisagreements names parts over their whole on any span.
//   - spans:   NodeDisagreements names a span its inner figures contradict,
//     and only such a span.
//   - order:   the same figures in another order give the same answers
//     (rules.go: "whatever the order of the figures in it").
//
// go test ./figures -run TestDifferential runs a fixed batch of seeds;
// UPTAKE_DIFF_MINUTES=10 keeps drawing new seeds for ten minutes;
// UPTAKE_DIFF_SEED=N runs one seed and prints it;
// UPTAKE_DIFF_SKIP=order/disagreements-sequence,curve/overlap-warning
// leaves mismatches of those kinds out (to look past a known defect).

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// dfBatch is how many seeds TestDifferential runs: about 2–4 s under -race.
const dfBatch = 5000

// dfCase is one random series and the window and ranking to read it with.
type dfCase struct {
	Name     string // a case written by hand; else Seed drew it
	Seed     uint64
	From, To Month
	Rank     Ranking
	Figs     []Figure
}

const (
	dfApp     = "Resso"
	dfCountry = "WW"
)

// dfGenerate draws a case: a window of 1–8 months, 1–7 figures of 1–4
// months near it, from 1–3 sources and 1–3 platforms, with nested spans,
// partial overlaps, identical spans from other sources, estimates, zeros,
// and spans that add up to the figures inside them.
func dfGenerate(seed uint64) dfCase {
	r := rand.New(rand.NewPCG(seed, 0xd1ff))
	base := MonthOf(2019, 1).Add(r.IntN(36))
	w := 1 + r.IntN(8)
	c := dfCase{Seed: seed, From: base, To: base.Add(w - 1)}
	pool := []string{"Sensor Tower", "appfigures", "Press", "press"}
	r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	srcs := pool[:dfWeighted(r, 4, 3, 2)]
	plats := []Platform{AllPlatforms, IOS, Android}
	r.Shuffle(len(plats), func(i, j int) { plats[i], plats[j] = plats[j], plats[i] })
	plats = plats[:dfWeighted(r, 3, 2, 3)]
	n := 1 + r.IntN(7)
	lo, hi := base.Add(-2), base.Add(w+1)
	for tries := 0; len(c.Figs) < n && tries < 40; tries++ {
		f := Figure{App: dfApp, Country: dfCountry, Platform: plats[r.IntN(len(plats))],
			Source: srcs[r.IntN(len(srcs))], Estimate: r.IntN(3) == 0}
		f.From = lo.Add(r.IntN(int(hi-lo) + 1))
		f.To = f.From.Add(dfWeighted(r, 4, 3, 2, 1) - 1)
		f.Installs = int64(1+r.IntN(9)) * 100
		split := false
		if len(c.Figs) > 0 && r.IntN(10) < 7 {
			// Related to a figure already drawn, mostly of the same
			// series and source, so that spans nest and overlap.
			g := c.Figs[r.IntN(len(c.Figs))]
			if r.IntN(3) > 0 {
				f.Platform = g.Platform
			}
			if r.IntN(3) > 0 {
				f.Source = g.Source
			}
			switch r.IntN(6) {
			case 0, 1: // inside it
				f.From = g.From.Add(r.IntN(g.Months()))
				f.To = f.From.Add(r.IntN(int(g.To-f.From) + 1))
			case 2: // the same span, from another source or platform
				f.From, f.To = g.From, g.To
				if f.Platform == g.Platform && f.Source == g.Source {
					f.Source = pool[r.IntN(len(pool))]
				}
			case 3: // around it
				f.From, f.To = g.From.Add(-r.IntN(2)), g.To.Add(r.IntN(3))
			case 4: // across one of its ends
				shift := 1 + r.IntN(g.Months())
				if r.IntN(2) == 0 {
					shift = -shift
				}
				f.From, f.To = g.From.Add(shift), g.To.Add(shift)
			case 5: // a platform's share of it (of its span or part of it)
				f.From, f.To = g.From, g.To
				if r.IntN(3) == 0 {
					f.From = g.From.Add(r.IntN(g.Months()))
					f.To = f.From.Add(r.IntN(int(g.To-f.From) + 1))
				}
				f.Platform = []Platform{IOS, Android}[r.IntN(2)]
				if g.Platform == IOS || g.Platform == Android {
					f.Platform = AllPlatforms
				}
				f.Installs = g.Installs * int64(1+r.IntN(12)) / 10
				split = true
			}
		}
		if f.To > f.From.Add(3) {
			f.To = f.From.Add(3)
		}
		switch k := r.IntN(20); {
		case split:
		case k == 0:
			f.Installs = 0
		case k < 3:
			f.Installs = 1 + r.Int64N(1_000_000)
		case k < 10:
		default:
			// What some figures inside it add to, of its own series (a span
			// that agrees with them) or of another platform (a whole that
			// agrees with a part), or now and then just misses.
			var in []Figure
			same := r.IntN(3) > 0
			for _, g := range c.Figs {
				if g.From >= f.From && g.To <= f.To && (g.From != f.From || g.To != f.To || g.Platform != f.Platform) &&
					(g.Platform == f.Platform) == same && r.IntN(5) > 0 {
					in = append(in, g)
				}
			}
			if len(in) > 0 {
				var sum int64
				var taken []Figure
				for _, g := range in {
					if !slices.ContainsFunc(taken, func(h Figure) bool { return dfOverlap(g, h) }) {
						taken = append(taken, g)
						sum += g.Installs
					}
				}
				f.Installs = max(sum+[]int64{0, 0, 0, 0, 100, -1, 1, int64(r.IntN(300))}[r.IntN(8)], 0)
			}
		}
		if !slices.ContainsFunc(c.Figs, func(g Figure) bool { return g.Key() == f.Key() }) {
			c.Figs = append(c.Figs, f)
		}
	}
	if r.IntN(2) == 0 {
		for _, s := range srcs {
			if r.IntN(3) > 0 {
				switch r.IntN(3) {
				case 0:
					s = strings.ToUpper(s)
				case 1:
					s = strings.ToLower(s)
				}
				c.Rank = append(c.Rank, s)
			}
		}
		r.Shuffle(len(c.Rank), func(i, j int) { c.Rank[i], c.Rank[j] = c.Rank[j], c.Rank[i] })
		if r.IntN(4) == 0 {
			c.Rank = append(c.Rank, "Unknown source")
		}
	}
	return c
}

// dfWeighted returns 1..len(weights), with the weights given.
func dfWeighted(r *rand.Rand, weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i + 1
		}
		x -= w
	}
	return len(weights)
}

// dfFromBytes derives a case from fuzz bytes: byte 0 the window, byte 1
// the ranking, then four bytes a figure (at most 8).
func dfFromBytes(data []byte) dfCase {
	get := func(i int) byte {
		if i < len(data) {
			return data[i]
		}
		return 0
	}
	h := fnv.New64a()
	h.Write(data)
	base := MonthOf(2020, 1)
	w := 1 + int(get(0)%8)
	c := dfCase{Seed: h.Sum64(), From: base, To: base.Add(w - 1)}
	srcs := []string{"Sensor Tower", "appfigures", "Press", "press"}
	for i, s := range srcs {
		if get(1)&(1<<i) != 0 {
			if get(1)&(1<<(i+4)) != 0 {
				s = strings.ToUpper(s)
			}
			c.Rank = append(c.Rank, s)
		}
	}
	if get(1)&0x80 != 0 {
		slices.Reverse(c.Rank)
	}
	for i := 2; i+3 < len(data) && len(c.Figs) < 8; i += 4 {
		b0, b1, b2, b3 := data[i], data[i+1], data[i+2], data[i+3]
		f := Figure{App: dfApp, Country: dfCountry,
			From:     base.Add(int(b0%byte(w+4)) - 2),
			Platform: Platform(b1 / 4 % 3), Source: srcs[b1/12%4], Estimate: b2&1 != 0}
		f.To = f.From.Add(int(b1 % 4))
		switch b2 >> 1 % 4 {
		case 0:
			f.Installs = 0
		case 1:
			f.Installs = int64(b3) * 100
		case 2:
			f.Installs = int64(b3)*7919 + 1
		default:
			var taken []Figure
			for _, g := range c.Figs {
				if g.From >= f.From && g.To <= f.To && !slices.ContainsFunc(taken, func(h Figure) bool { return dfOverlap(g, h) }) {
					taken = append(taken, g)
					f.Installs += g.Installs
				}
			}
			f.Installs += int64(b3%3) - 1
			f.Installs = max(f.Installs, 0)
		}
		if !slices.ContainsFunc(c.Figs, func(g Figure) bool { return g.Key() == f.Key() }) {
			c.Figs = append(c.Figs, f)
		}
	}
	return c
}

// ---- the oracle: plain loops over every subset ----

func dfOverlap(a, b Figure) bool { return a.From <= b.To && b.From <= a.To }

func dfInsideOf(g, f Figure) bool { return g.From >= f.From && g.To <= f.To }

func dfSpan(f Figure) string { return dfSpanOf(f.From, f.To) }

func dfSpanOf(from, to Month) string {
	if from == to {
		return from.String()
	}
	return from.String() + ".." + to.String()
}

// bfSet is a set of pairwise non-overlapping figures.
type bfSet struct {
	figs     []Figure
	cov, est int
	sum      int64
}

// bfSets lists every set of pairwise non-overlapping figures of cands,
// the empty set included.
func bfSets(cands []Figure) []bfSet {
	var out []bfSet
	for mask := 0; mask < 1<<len(cands); mask++ {
		var s bfSet
		ok := true
		for i := 0; i < len(cands) && ok; i++ {
			if mask&(1<<i) == 0 {
				continue
			}
			for j := i + 1; j < len(cands); j++ {
				if mask&(1<<j) != 0 && dfOverlap(cands[i], cands[j]) {
					ok = false
					break
				}
			}
			f := cands[i]
			s.figs = append(s.figs, f)
			s.cov += f.Months()
			s.sum += f.Installs
			if f.Estimate {
				s.est++
			}
		}
		if ok {
			out = append(out, s)
		}
	}
	return out
}

// bfInside returns the figures of figs lying wholly inside [from,to],
// leaving out figs[skip] (skip < 0: none).
func bfInside(figs []Figure, from, to Month, skip int) []Figure {
	var out []Figure
	for i, f := range figs {
		if i != skip && f.From >= from && f.To <= to && f.From <= f.To {
			out = append(out, f)
		}
	}
	return out
}

// bfTot is what every subset says of a window.
type bfTot struct {
	months int
	maxCov int
	atMax  []bfSet // the sets covering the most months
	pref   []bfSet // of those, the fewest estimates, then the most figures
	maxSum int64   // the most installs of any set, whatever it covers
}

func bfTotalOf(figs []Figure, from, to Month) bfTot {
	var t bfTot
	if to >= from {
		t.months = int(to-from) + 1
	}
	sets := bfSets(bfInside(figs, from, to, -1))
	for _, s := range sets {
		t.maxCov = max(t.maxCov, s.cov)
		t.maxSum = max(t.maxSum, s.sum)
	}
	for _, s := range sets {
		if s.cov == t.maxCov {
			t.atMax = append(t.atMax, s)
		}
	}
	t.pref = bfBest(t.atMax)
	return t
}

// bfBest keeps, of sets covering as many months, those with the fewest
// estimates and then the most figures.
func bfBest(sets []bfSet) []bfSet {
	var out []bfSet
	for _, s := range sets {
		if len(out) == 0 || s.est < out[0].est || s.est == out[0].est && len(s.figs) > len(out[0].figs) {
			out = []bfSet{s}
		} else if s.est == out[0].est && len(s.figs) == len(out[0].figs) {
			out = append(out, s)
		}
	}
	return out
}

// prefRange is the fewest and the most installs of the preferred sets.
func (t bfTot) prefRange() (lo, hi int64) {
	for i, s := range t.pref {
		if i == 0 || s.sum < lo {
			lo = s.sum
		}
		if i == 0 || s.sum > hi {
			hi = s.sum
		}
	}
	return lo, hi
}

// totals lists the distinct totals of the sets covering the most months.
func (t bfTot) totals() []int64 {
	var out []int64
	for _, s := range t.atMax {
		if !slices.Contains(out, s.sum) {
			out = append(out, s.sum)
		}
	}
	slices.Sort(out)
	return out
}

// dfCmpFig orders figures by every field, to compare sets of them.
func dfCmpFig(a, b Figure) int {
	return cmp.Or(cmp.Compare(a.Country, b.Country), cmp.Compare(a.Platform, b.Platform), cmp.Compare(a.From, b.From),
		cmp.Compare(a.To, b.To), strings.Compare(a.Source, b.Source), cmp.Compare(a.Installs, b.Installs),
		strings.Compare(a.App, b.App), strings.Compare(a.Note, b.Note), dfBool(a.Estimate)-dfBool(b.Estimate))
}

func dfBool(b bool) int {
	if b {
		return 1
	}
	return 0
}

func dfSameFigs(a, b []Figure) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, dfCmpFig)
	slices.SortFunc(b, dfCmpFig)
	return slices.EqualFunc(a, b, func(x, y Figure) bool { return dfCmpFig(x, y) == 0 })
}

// dfSubsetOf reports whether every figure of a is in b.
func dfSubsetOf(a, b []Figure) bool {
	for _, f := range a {
		if !slices.ContainsFunc(b, func(g Figure) bool { return dfCmpFig(f, g) == 0 }) {
			return false
		}
	}
	return true
}

func dfFigsText(figs []Figure) string {
	parts := make([]string, len(figs))
	for i, f := range figs {
		parts[i] = dfFigText(f)
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

func dfFigText(f Figure) string {
	s := fmt.Sprintf("%s %s %d %q", f.Platform, dfSpan(f), f.Installs, f.Source)
	if f.Estimate {
		s += " est"
	}
	return s
}

// ---- total ----

// dfCompareTotal checks a Total against what every subset of figs says
// of [from,to].
func dfCompareTotal(got Total, figs []Figure, from, to Month, st dfStats) []string {
	bt := bfTotalOf(figs, from, to)
	var out []string
	bad := func(kind, format string, args ...any) {
		out = append(out, kind+": "+fmt.Sprintf(format, args...))
	}
	if got.Months != bt.months {
		bad("months", "Months %d, want %d", got.Months, bt.months)
	}
	if got.Covered != bt.maxCov {
		bad("covered", "Covered %d, want %d (the most months a set of non-overlapping figures inside covers)", got.Covered, bt.maxCov)
	}
	if got.Summed || got.Countries != 0 {
		bad("summed", "a series' own total is Summed=%v Countries=%d", got.Summed, got.Countries)
	}
	if msg := dfValidSet(got.Used, from, to); msg != "" {
		bad("used", "Used %s: %s", dfFigsText(got.Used), msg)
	}
	var sum int64
	est := false
	for _, f := range got.Used {
		sum += f.Installs
		est = est || f.Estimate
	}
	if sum != got.Installs {
		bad("installs", "Installs %d but Used %s adds to %d", got.Installs, dfFigsText(got.Used), sum)
	}
	if est != got.Estimate {
		bad("estimate", "Estimate %v but Used %s", got.Estimate, dfFigsText(got.Used))
	}
	if !slices.IsSortedFunc(got.Used, func(a, b Figure) int {
		return cmp.Or(strings.Compare(a.Country, b.Country), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	}) {
		bad("sorted", "Used %s is not sorted by country, from, to", dfFigsText(got.Used))
	}
	inPref := slices.ContainsFunc(bt.pref, func(s bfSet) bool { return dfSameFigs(s.figs, got.Used) })
	if !inPref {
		atMax := slices.ContainsFunc(bt.atMax, func(s bfSet) bool { return dfSameFigs(s.figs, got.Used) })
		what := "not a set covering the most months"
		if atMax {
			what = "covers the most months but is not preferred (fewer estimates, then more figures)"
		}
		var want []string
		for _, s := range bt.pref {
			want = append(want, fmt.Sprintf("%s=%d", dfFigsText(s.figs), s.sum))
		}
		bad("preference", "Used %s (%d) %s; preferred sets: %s", dfFigsText(got.Used), got.Installs, what, strings.Join(want, " or "))
	}
	totals := bt.totals()
	if len(totals) <= 1 {
		if got.Tie != nil {
			bad("tie", "Tie %d %s although every set covering %d months adds to %v", got.Tie.Installs, dfFigsText(got.Tie.Used), bt.maxCov, totals)
		}
		return out
	}
	lo, hi := totals[0], totals[len(totals)-1]
	st.add("total: a tie between sets with different totals")
	if len(totals) > 2 {
		st.add("total: three or more totals covering as many months")
	}
	if l, h := bt.prefRange(); l != h {
		st.add("total: preferred sets with different totals")
	}
	if got.Tie != nil && (min(got.Installs, got.Tie.Installs) != lo || max(got.Installs, got.Tie.Installs) != hi) {
		st.add("total: the total and its tie leave out the fewest or the most installs")
	}
	if got.Tie == nil {
		bad("tie", "no Tie, but the sets covering %d months add to %v", bt.maxCov, totals)
		return out
	}
	tie := *got.Tie
	if tie.Installs == got.Installs {
		bad("tie", "Tie %d equals the total", tie.Installs)
	}
	if tie.Installs != lo && tie.Installs != hi {
		bad("tie", "Tie %d is neither the fewest (%d) nor the most (%d) installs of the sets covering %d months (%v)", tie.Installs, lo, hi, bt.maxCov, totals)
	}
	if !slices.ContainsFunc(bt.atMax, func(s bfSet) bool { return dfSameFigs(s.figs, tie.Used) && s.sum == tie.Installs }) {
		bad("tie", "Tie.Used %s (%d) is not a set covering %d months adding to it", dfFigsText(tie.Used), tie.Installs, bt.maxCov)
	}
	return out
}

// dfValidSet says what is wrong with a set a total uses, or "".
func dfValidSet(figs []Figure, from, to Month) string {
	for i, f := range figs {
		if f.From < from || f.To > to {
			return dfSpan(f) + " is not wholly inside " + dfSpanOf(from, to)
		}
		for _, g := range figs[i+1:] {
			if dfOverlap(f, g) {
				return dfSpan(f) + " overlaps " + dfSpan(g)
			}
		}
	}
	return ""
}

// ---- curve ----

// bfOpt is one acceptable reading of a month. More than one exists only
// when sets inside a figure tie on every preference.
type bfOpt struct {
	kind            PointKind
	value           float64
	estMust, estMay bool
	owner           int // index of the figure shown, -1 for a gap
	fallback        bool
	inner           []Figure // the set subtracted from the owner
}

// bfCurve reads month m of figs: the shortest figure covering it (ties:
// non-estimate first, then earliest from) shows its installs when it is
// one month, else what it leaves after the best set of the figures lying
// wholly inside it, spread over its months that set leaves; its plain
// monthly average when that set adds to more than it.
func bfCurve(figs []Figure, m Month) []bfOpt {
	var owners []int
	for i, f := range figs {
		if f.From > m || f.To < m {
			continue
		}
		if len(owners) == 0 {
			owners = []int{i}
			continue
		}
		g := figs[owners[0]]
		c := cmp.Or(cmp.Compare(f.Months(), g.Months()), dfBool(f.Estimate)-dfBool(g.Estimate), cmp.Compare(f.From, g.From))
		if c < 0 {
			owners = []int{i}
		} else if c == 0 {
			owners = append(owners, i)
		}
	}
	if len(owners) == 0 {
		return []bfOpt{{kind: Gap, value: math.NaN(), owner: -1}}
	}
	var out []bfOpt
	for _, i := range owners {
		f := figs[i]
		if f.From == f.To {
			out = append(out, bfOpt{kind: Exact, value: float64(f.Installs), estMust: f.Estimate, estMay: f.Estimate, owner: i})
			continue
		}
		inner := bfInside(figs, f.From, f.To, i)
		anyEst := slices.ContainsFunc(inner, func(g Figure) bool { return g.Estimate })
		sets := bfSets(inner)
		maxCov := 0
		for _, s := range sets {
			maxCov = max(maxCov, s.cov)
		}
		var atMax []bfSet
		for _, s := range sets {
			if s.cov == maxCov {
				atMax = append(atMax, s)
			}
		}
		for _, s := range bfBest(atMax) {
			free := f.Months() - s.cov
			if free <= 0 {
				continue // cannot be: a shorter figure would show m
			}
			if rem := f.Installs - s.sum; rem < 0 {
				// Nothing left to spread: the month is unknown, and f named.
				out = append(out, bfOpt{kind: Gap, owner: i, fallback: true, inner: s.figs})
			} else {
				must := f.Estimate || s.est > 0
				out = append(out, bfOpt{kind: Spread, value: float64(rem) / float64(free),
					estMust: must, estMay: must || anyEst, owner: i, inner: s.figs})
			}
		}
	}
	return out
}

func dfNear(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// dfPointFits reports whether p is the reading o.
func dfPointFits(p Point, o bfOpt) bool {
	if p.Kind != o.kind {
		return false
	}
	if o.kind == Gap {
		return math.IsNaN(p.Value) && !p.Estimate
	}
	if !dfNear(p.Value, o.value) {
		return false
	}
	return (p.Estimate || !o.estMust) && (!p.Estimate || o.estMay)
}

func dfOptsText(opts []bfOpt) string {
	var parts []string
	for _, o := range opts {
		s := o.kind.String()
		if o.kind != Gap {
			s += " " + strconv.FormatFloat(o.value, 'f', 3, 64)
			switch {
			case o.estMust:
				s += " est"
			case o.estMay:
				s += " est?"
			}
			if o.fallback {
				s += " (below the figures inside)"
			}
			if len(o.inner) > 0 {
				s += " after " + dfFigsText(o.inner)
			}
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " or ")
}

func dfPointText(p Point) string {
	s := p.Kind.String()
	if p.Kind != Gap || !math.IsNaN(p.Value) {
		s += " " + strconv.FormatFloat(p.Value, 'f', 3, 64)
	}
	if p.Estimate {
		s += " est"
	}
	if p.Summed {
		s += " summed(" + p.Parts + ")"
	}
	if p.LowerBound {
		s += " lower-bound"
	}
	return s
}

// dfCheckCurve checks MonthlyCurve of figs (one source, one platform: no
// two figures with the same span) over [from,to].
func dfCheckCurve(figs []Figure, from, to Month, st dfStats) []string {
	got := MonthlyCurve(figs, from, to)
	var out []string
	bad := func(kind, format string, args ...any) {
		out = append(out, kind+": "+fmt.Sprintf(format, args...))
	}
	n := 0
	if to >= from {
		n = int(to-from) + 1
	}
	if len(got.Points) != n {
		bad("points", "%d points for %d months", len(got.Points), n)
		return out
	}
	owned := map[int]bool{} // figures shown in a month of the window
	for i, p := range got.Points {
		m := from.Add(i)
		opts := bfCurve(figs, m)
		dfCountOpts(st, figs, opts)
		if p.Month != m {
			bad("month", "point %d is %s, want %s", i, p.Month, m)
		}
		if p.Summed || p.LowerBound || p.Parts != "" {
			bad("marks", "%s: %s is marked summed or lower bound", m, dfPointText(p))
		}
		if !slices.ContainsFunc(opts, func(o bfOpt) bool { return dfPointFits(p, o) }) {
			kind := "value"
			if !slices.ContainsFunc(opts, func(o bfOpt) bool { return o.kind == p.Kind }) {
				kind = "kind"
			} else if !slices.ContainsFunc(opts, func(o bfOpt) bool { return o.kind == p.Kind && (o.kind == Gap || dfNear(p.Value, o.value)) }) {
				kind = "value"
			} else {
				kind = "estimate"
			}
			bad(kind, "%s shows %s, want %s", m, dfPointText(p), dfOptsText(opts))
		}
		for _, o := range opts {
			if o.owner >= 0 {
				owned[o.owner] = true
			}
		}
		// A fallback names its figure.
		if opts[0].owner >= 0 && !slices.ContainsFunc(opts, func(o bfOpt) bool { return !o.fallback }) {
			f := figs[opts[0].owner]
			if !slices.ContainsFunc(got.Warnings, func(w string) bool {
				return strings.Contains(w, ": "+dfSpan(f)+" is ") && strings.Contains(w, "already add to")
			}) {
				bad("fallback-warning", "%s is unknown under %s, which the figures inside exceed, but no warning names it: %q", m, dfFigText(f), got.Warnings)
			}
		}
		// Used holds the figure shown and, for a remainder, one best set.
		for _, o := range opts {
			if o.owner < 0 {
				continue
			}
			if !slices.ContainsFunc(got.Used, func(g Figure) bool { return dfCmpFig(g, figs[o.owner]) == 0 }) &&
				len(opts) == 1 {
				bad("used", "%s is shown in %s but not in Used %s", dfFigText(figs[o.owner]), m, dfFigsText(got.Used))
			}
		}
		if opts[0].owner >= 0 && !slices.ContainsFunc(opts, func(o bfOpt) bool { return o.fallback || dfSubsetOf(o.inner, got.Used) }) {
			bad("used", "%s: no set subtracted (%s) is all in Used %s", m, dfOptsText(opts), dfFigsText(got.Used))
		}
	}
	// Used holds nothing but figures shown in the window and figures inside them.
	for _, g := range got.Used {
		ok := false
		for i := range owned {
			ok = ok || dfInsideOf(g, figs[i])
		}
		if !ok {
			bad("used", "Used has %s, shown nowhere in %s and inside no figure shown", dfFigText(g), dfSpanOf(from, to))
		}
	}
	// A figure that only partly overlaps another is named as ambiguous
	// (DESIGN, "Monthly curve") when a month of the window is one they
	// share and one of them shows it.
	for i, f := range figs {
		for j, g := range figs {
			if j <= i || !dfOverlap(f, g) || dfInsideOf(f, g) || dfInsideOf(g, f) {
				continue
			}
			var shown []Month
			for m := max(f.From, g.From, from); m <= min(f.To, g.To, to); m++ {
				if slices.ContainsFunc(bfCurve(figs, m), func(o bfOpt) bool { return o.owner == i || o.owner == j }) {
					shown = append(shown, m)
				}
			}
			if len(shown) == 0 {
				continue
			}
			st.add("curve: a partial overlap shown in the window")
			if !slices.ContainsFunc(got.Warnings, func(w string) bool {
				return strings.Contains(w, " overlap on ") && strings.Contains(w, " "+dfSpan(f)+" (") && strings.Contains(w, " "+dfSpan(g)+" (")
			}) {
				bad("overlap-warning", "%s and %s overlap without one inside the other and one of them shows %s, a month they share, but no warning names the pair: %q",
					dfFigText(f), dfFigText(g), shown[0], got.Warnings)
			}
		}
	}
	return out
}

// ---- resolve ----

// bfOrder ranks the sources of figs: the ranking's first (without regard
// to case, first mention), then sources without estimates among their
// figures sharing a month with another source's, then the one covering
// most months of [from,to], then by name.
func bfOrder(figs []Figure, rank Ranking, from, to Month) []string {
	var names []string
	for _, f := range figs {
		if !slices.Contains(names, f.Source) {
			names = append(names, f.Source)
		}
	}
	place := func(s string) int {
		for i, r := range rank {
			if strings.EqualFold(r, s) {
				return i
			}
		}
		return len(rank)
	}
	hasEst := func(s string) bool {
		return slices.ContainsFunc(figs, func(f Figure) bool {
			return f.Source == s && f.Estimate && slices.ContainsFunc(figs, func(g Figure) bool {
				return g.Source != s && g.From <= f.To && f.From <= g.To
			})
		})
	}
	covers := func(s string) int {
		n := 0
		for m := from; m <= to; m++ {
			if slices.ContainsFunc(figs, func(f Figure) bool { return f.Source == s && f.From <= m && m <= f.To }) {
				n++
			}
		}
		return n
	}
	// Selection: repeatedly take the best remaining source.
	var out []string
	for len(names) > 0 {
		best := 0
		for i := 1; i < len(names); i++ {
			a, b := names[i], names[best]
			c := cmp.Or(cmp.Compare(place(a), place(b)), dfBool(hasEst(a))-dfBool(hasEst(b)),
				cmp.Compare(covers(b), covers(a)), strings.Compare(a, b))
			if c < 0 {
				best = i
			}
		}
		out = append(out, names[best])
		names = slices.Delete(names, best, best+1)
	}
	return out
}

// bfResolve shows a figure when, for one of its months, no source ranked
// above its own covers that month.
func bfResolve(figs []Figure, rank Ranking, from, to Month) (shown, others []Figure, order []string) {
	order = bfOrder(figs, rank, from, to)
	place := func(s string) int { return slices.Index(order, s) }
	for _, f := range figs {
		top := false
		for m := f.From; m <= f.To && !top; m++ {
			best := len(order)
			for _, g := range figs {
				if g.From <= m && m <= g.To {
					best = min(best, place(g.Source))
				}
			}
			top = best == place(f.Source)
		}
		if top {
			shown = append(shown, f)
		} else {
			others = append(others, f)
		}
	}
	return shown, others, order
}

func dfCheckResolve(figs []Figure, rank Ranking, from, to Month) []string {
	got := Resolve(figs, rank, from, to)
	shown, others, order := bfResolve(figs, rank, from, to)
	var out []string
	if !slices.Equal(got.Order, order) {
		out = append(out, fmt.Sprintf("order: Order %q, want %q (ranking %q, window %s)", got.Order, order, rank, dfSpanOf(from, to)))
	}
	if !dfSameFigs(got.Shown, shown) || !dfSameFigs(got.Others, others) {
		out = append(out, fmt.Sprintf("shown: Shown %s Others %s, want Shown %s Others %s (ranking %q, window %s)",
			dfFigsText(got.Shown), dfFigsText(got.Others), dfFigsText(shown), dfFigsText(others), rank, dfSpanOf(from, to)))
	}
	return out
}

// ---- nodes: all platforms = ios + android ----

const dfWholeLabel = dfApp + " " + dfCountry

func dfNode(figs []Figure) Node {
	n := Node{Label: dfWholeLabel, Name: "all", Whole: "all platforms"}
	ios := Node{Label: dfWholeLabel + " ios", Name: "ios"}
	and := Node{Label: dfWholeLabel + " android", Name: "android"}
	for _, f := range figs {
		switch f.Platform {
		case AllPlatforms:
			n.Figures = append(n.Figures, f)
		case IOS:
			ios.Figures = append(ios.Figures, f)
		case Android:
			and.Figures = append(and.Figures, f)
		}
	}
	n.Parts = []PartSet{{Kind: "platforms", Nodes: []Node{ios, and}}}
	return n
}

func dfCheckNodeTotal(n Node, rank Ranking, from, to Month, st dfStats) []string {
	got := NodeTotal(n, rank, from, to)
	win := dfSpanOf(from, to)
	shown, _, _ := bfResolve(n.Figures, rank, from, to)
	if bfTotalOf(shown, from, to).maxCov > 0 || to < from {
		var out []string
		for _, m := range dfCompareTotal(got, shown, from, to, nil) {
			out = append(out, m+" (the whole's own figures over "+win+")")
		}
		return out
	}
	var out []string
	bad := func(kind, format string, args ...any) {
		out = append(out, kind+": "+fmt.Sprintf(format, args...)+" (window "+win+")")
	}
	count, covered := 0, 0
	est := false
	sums := []int64{0} // every sum the parts' preferred sets allow
	var used []Figure
	for _, p := range n.Parts[0].Nodes {
		pshown, _, _ := bfResolve(p.Figures, rank, from, to)
		pt := bfTotalOf(pshown, from, to)
		if pt.maxCov == 0 {
			continue
		}
		if count == 0 || pt.maxCov < covered {
			covered = pt.maxCov
		}
		count++
		est = est || pt.pref[0].est > 0
		var next []int64
		for _, s := range sums {
			for _, q := range pt.pref {
				if !slices.Contains(next, s+q.sum) {
					next = append(next, s+q.sum)
				}
			}
		}
		sums = next
		var mine []Figure
		for _, f := range got.Used {
			if f.Platform == p.Figures[0].Platform {
				mine = append(mine, f)
			}
		}
		if !slices.ContainsFunc(pt.pref, func(s bfSet) bool { return dfSameFigs(s.figs, mine) }) {
			bad("used", "%s's figures in Used %s are not a preferred set of it", p.Name, dfFigsText(mine))
		}
		used = append(used, mine...)
	}
	if count > 0 {
		st.add(fmt.Sprintf("nodetotal: a sum of %d platforms", count))
	}
	if count == 0 {
		if got.Covered != 0 || got.Summed || got.Installs != 0 {
			bad("empty", "nothing inside, yet %+v", got)
		}
		return out
	}
	if !got.Summed || got.Countries != count {
		bad("summed", "Summed=%v Countries=%d, want a sum of %d parts", got.Summed, got.Countries, count)
	}
	if got.Covered != covered || got.Months != int(to-from)+1 {
		bad("covered", "Covered %d/%d, want %d/%d (the least any part added covers)", got.Covered, got.Months, covered, int(to-from)+1)
	}
	if !slices.Contains(sums, got.Installs) {
		bad("installs", "Installs %d, want one of %v (ios + android)", got.Installs, sums)
	}
	if got.Estimate != est {
		bad("estimate", "Estimate %v, want %v", got.Estimate, est)
	}
	if len(used) != len(got.Used) {
		bad("used", "Used %s has figures of no part", dfFigsText(got.Used))
	}
	return out
}

func dfCheckNodeCurve(n Node, rank Ranking, from, to Month, st dfStats) []string {
	got := NodeCurve(n, rank, from, to)
	var out []string
	bad := func(kind, format string, args ...any) {
		out = append(out, kind+": "+fmt.Sprintf(format, args...)+" (window "+dfSpanOf(from, to)+")")
	}
	if to < from {
		return nil
	}
	months := int(to-from) + 1
	if len(got.Points) != months {
		bad("points", "%d points for %d months", len(got.Points), months)
		return out
	}
	shown, _, _ := bfResolve(n.Figures, rank, from, to)
	whole := make([][]bfOpt, months)
	for i := range whole {
		whole[i] = bfCurve(shown, from.Add(i))
		if slices.ContainsFunc(whole[i], func(o bfOpt) bool { return o.kind == Gap }) && slices.ContainsFunc(whole[i], func(o bfOpt) bool { return o.kind != Gap }) {
			// Tied sets inside a span read its month as a value or, below
			// the span, as unknown: which months the parts fill, and
			// over which windows, then depends on the tie the rules broke
			// (MonthlyCurve's own check holds that month to either).
			st.add("nodecurve: not checked, the whole's month a gap or a value by a tie")
			return nil
		}
	}
	// Each run of months the whole leaves as gaps is read from the parts
	// as a window of its own (rules_node.go, fillFromParts).
	parts := n.Parts[0].Nodes
	partOpts := make([][][]bfOpt, len(parts)) // [part][month]
	for k := range parts {
		partOpts[k] = make([][]bfOpt, months)
	}
	used := make([]bool, len(parts))    // a part has a reading that is no gap in a month it is read for
	mustUse := make([]bool, len(parts)) // and one whose every reading is none
	for i := 0; i < months; {
		if whole[i][0].kind != Gap {
			i++
			continue
		}
		j := i
		for j+1 < months && whole[j+1][0].kind == Gap {
			j++
		}
		for k, p := range parts {
			pshown, _, _ := bfResolve(p.Figures, rank, from.Add(i), from.Add(j))
			for m := i; m <= j; m++ {
				partOpts[k][m] = bfCurve(pshown, from.Add(m))
				gaps := 0
				for _, o := range partOpts[k][m] {
					if o.kind == Gap {
						gaps++
					}
				}
				used[k] = used[k] || gaps < len(partOpts[k][m])
				mustUse[k] = mustUse[k] || gaps == 0
			}
		}
		i = j + 1
	}
	count, least := 0, 0 // the most parts that may be added, and the fewest that must
	for k, u := range used {
		if u {
			count++
		}
		if mustUse[k] {
			least++
		}
	}
	for i, p := range got.Points {
		m := from.Add(i)
		if whole[i][0].kind != Gap {
			if p.Summed || !slices.ContainsFunc(whole[i], func(o bfOpt) bool { return dfPointFits(p, o) }) {
				bad("whole", "%s shows %s, want the whole's %s", m, dfPointText(p), dfOptsText(whole[i]))
			}
			continue
		}
		// The sum of the parts with a point this month, over every
		// combination of their readings. A part whose tied readings are a
		// gap (a span below the figures inside it) and a value may add to
		// the sum or not: both are combinations.
		type combo struct {
			opt   bfOpt
			names []string
		}
		combos := []combo{{opt: bfOpt{kind: Exact}}}
		for k, pt := range parts {
			opts := partOpts[k][i]
			var next []combo
			for _, c := range combos {
				for _, o := range opts {
					if o.kind == Gap {
						next = append(next, c)
						continue
					}
					kind := c.opt.kind
					if o.kind == Spread {
						kind = Spread
					}
					next = append(next, combo{bfOpt{kind: kind, value: c.opt.value + o.value,
						estMust: c.opt.estMust || o.estMust, estMay: c.opt.estMay || o.estMay}, append(slices.Clip(c.names), pt.Name)})
				}
			}
			combos = next
		}
		fits := func(c combo) bool {
			if len(c.names) == 0 {
				return p.Kind == Gap && !p.Summed
			}
			return p.Summed && p.Parts == strings.Join(c.names, ",") && dfPointFits(p, c.opt)
		}
		if !slices.ContainsFunc(combos, fits) {
			var want []string
			for _, c := range combos {
				if len(c.names) == 0 {
					want = append(want, "a gap (no figure of the whole or its parts)")
				} else {
					want = append(want, dfOptsText([]bfOpt{c.opt})+" summed("+strings.Join(c.names, ",")+")")
				}
			}
			bad("sum", "%s shows %s, want %s", m, dfPointText(p), strings.Join(want, " or "))
			continue
		}
		if p.Summed {
			st.add(fmt.Sprintf("nodecurve: a month summed from %d platforms", strings.Count(p.Parts, ",")+1))
		}
	}
	if got.Countries < least || got.Countries > count || got.Summed != (got.Countries > 0) || got.Countries > 0 && got.PartsKind != "platforms" {
		bad("summed", "Summed=%v Countries=%d PartsKind=%q, want %d to %d parts added", got.Summed, got.Countries, got.PartsKind, least, count)
	}
	return out
}

// dfCheckPartsOverWhole keeps one source per node (the first by name)
// and checks that NodeDisagreements names parts over the whole exactly
// when the figures say so:
//
//   - must: for some span S inside a figure F of the whole, the parts'
//     totals over S (the sets TotalOver takes, of the parts with figures
//     inside S) add to more than F less the whole's totals over F's months
//     outside S (DESIGN: "parts that add to more than their whole … on any
//     span, partial coverage included");
//   - must not: when, on every span S and every F containing it, even the
//     most installs any sets of the parts add to over S stay within F less
//     the most installs any sets of the whole add to outside S.
//
// Between the two (ties that read two ways) nothing is asserted.
func dfCheckPartsOverWhole(figs []Figure, st dfStats) []string {
	first := map[Platform]string{}
	for _, f := range figs {
		if s, ok := first[f.Platform]; !ok || f.Source < s {
			first[f.Platform] = f.Source
		}
	}
	var one []Figure
	for _, f := range figs {
		if f.Source == first[f.Platform] {
			one = append(one, f)
		}
	}
	n := dfNode(one)
	whole, parts := n.Figures, n.Parts[0].Nodes
	if len(whole) == 0 {
		return nil
	}
	lo, hi, _ := Span(one)
	var pow []string
	for _, w := range NodeDisagreements(n, nil) {
		if strings.HasPrefix(w, n.Label+": platforms (") {
			pow = append(pow, w)
		}
	}
	type key struct {
		node     int
		from, to Month
	}
	cache := map[key]bfTot{}
	tot := func(node int, from, to Month) bfTot {
		k := key{node, from, to}
		if t, ok := cache[k]; ok {
			return t
		}
		src := whole
		if node >= 0 {
			src = parts[node].Figures
		}
		t := bfTotalOf(src, from, to)
		cache[k] = t
		return t
	}
	var must string
	violation := false
	for a := lo; a <= hi; a++ {
		for b := a; b <= hi; b++ {
			var partsMin, partsMax int64
			contributing := 0
			for k := range parts {
				t := tot(k, a, b)
				partsMax += t.maxSum
				if t.maxCov > 0 {
					contributing++
					l, _ := t.prefRange()
					partsMin += l
				}
			}
			for _, f := range whole {
				if f.From > a || f.To < b {
					continue
				}
				left, right := tot(-1, f.From, a-1), tot(-1, b+1, f.To)
				ll, _ := left.prefRange()
				rl, _ := right.prefRange()
				allowMax := f.Installs - ll - rl
				allowMin := f.Installs - left.maxSum - right.maxSum
				if contributing > 0 && partsMin > allowMax && must == "" {
					isSpan := slices.ContainsFunc(one, func(g Figure) bool { return g.From == a && g.To == b })
					must = fmt.Sprintf("over %s (a figure's span: %v) the parts add to %d, but %s allows at most %d (%d less %d outside)",
						dfSpanOf(a, b), isSpan, partsMin, dfFigText(f), allowMax, f.Installs, ll+rl)
				}
				if partsMax > allowMin {
					violation = true
				}
			}
		}
	}
	switch {
	case must != "":
		st.add("parts: parts over the whole")
	case !violation && slices.ContainsFunc(parts, func(p Node) bool { return len(p.Figures) > 0 }):
		st.add("parts: parts within the whole on every span")
	}
	var out []string
	if must != "" && len(pow) == 0 {
		out = append(out, "missing: "+must+"; no parts-over-whole warning (figures "+dfFigsText(one)+")")
	}
	if !violation && len(pow) > 0 {
		out = append(out, fmt.Sprintf("spurious: the parts never exceed the whole on any span, yet %q (figures %s)", pow, dfFigsText(one)))
	}
	return out
}

// ---- span disagreements ----

// dfCheckSpans checks, for every figure F of several months, whether the
// same source's figures lying wholly inside it contradict it: a set of
// them covering every month of F adds to another total, or any set adds
// to more than F. NodeDisagreements must name F then, and only then.
func dfCheckSpans(figs []Figure, label string, st dfStats) []string {
	warns := NodeDisagreements(Node{Label: label, Figures: figs}, nil)
	var out []string
	for i, f := range figs {
		if f.Months() < 2 {
			continue
		}
		var same []Figure
		for _, g := range bfInside(figs, f.From, f.To, i) {
			if g.Source == f.Source {
				same = append(same, g)
			}
		}
		var contra []int64 // totals that contradict F
		for _, s := range bfSets(same) {
			if s.cov == f.Months() && s.sum != f.Installs || s.sum > f.Installs {
				if !slices.Contains(contra, s.sum) {
					contra = append(contra, s.sum)
				}
			}
		}
		slices.Sort(contra)
		src := f.Source
		if src == "" {
			src = "no source given"
		}
		var named []string
		for _, w := range warns {
			if strings.HasPrefix(w, label+": "+dfSpan(f)+" is ") && strings.HasSuffix(w, "("+src+")") {
				named = append(named, w)
			}
		}
		inside := dfFigsText(same)
		switch {
		case len(contra) > 0:
			st.add("spans: a span contradicted by the figures inside it")
		case len(same) > 0:
			st.add("spans: a span agreeing with the figures inside it")
		}
		switch {
		case len(contra) > 0 && len(named) == 0:
			out = append(out, fmt.Sprintf("missing: %s is contradicted by sets inside it adding to %v (figures inside %s), but no warning names it: %q",
				dfFigText(f), contra, inside, warns))
		case len(contra) == 0 && len(named) > 0:
			out = append(out, fmt.Sprintf("spurious: no set inside %s contradicts it (figures inside %s), yet %q", dfFigText(f), inside, named))
		case len(named) > 0:
			ok := false
			for _, w := range named {
				for _, x := range contra {
					ok = ok || dfNamesNumber(w, x)
				}
			}
			if !ok {
				out = append(out, fmt.Sprintf("numbers: %q names none of the contradicting totals %v", named, contra))
			}
		}
	}
	return out
}

// dfNamesNumber reports whether a message names n, compactly or in full.
func dfNamesNumber(msg string, n int64) bool {
	if strings.Contains(msg, FormatInstalls(float64(n))) {
		return true
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return strings.Contains(msg, b.String())
}

// ---- order ----

// dfCheckOrder reads the figures in another order and expects the same.
func dfCheckOrder(c dfCase) []string {
	r := rand.New(rand.NewPCG(c.Seed, 0x0de7))
	perm := slices.Clone(c.Figs)
	r.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	var out []string
	bad := func(kind, format string, args ...any) {
		out = append(out, kind+": "+fmt.Sprintf(format, args...)+" (reordered "+dfFigsText(perm)+")")
	}
	for _, g := range dfGroups(c.Figs, true) {
		pg := dfGroupOf(perm, g[0], true)
		a, b := MonthlyCurve(g, c.From, c.To), MonthlyCurve(pg, c.From, c.To)
		if !dfSameCurve(a, b) {
			bad("curve", "MonthlyCurve of %s: %+v, then %+v", dfFigsText(g), a, b)
		}
	}
	for _, g := range dfGroups(c.Figs, false) {
		pg := dfGroupOf(perm, g[0], false)
		if a, b := TotalOver(g, c.From, c.To), TotalOver(pg, c.From, c.To); !dfSameTotal(a, b) {
			bad("total", "TotalOver %+v, then %+v", a, b)
		}
		a, b := Resolve(g, c.Rank, c.From, c.To), Resolve(pg, c.Rank, c.From, c.To)
		if !slices.Equal(a.Order, b.Order) || !dfSameFigs(a.Shown, b.Shown) || !dfSameFigs(a.Others, b.Others) {
			bad("resolve", "Resolve %+v, then %+v", a, b)
		}
	}
	n, pn := dfNode(c.Figs), dfNode(perm)
	if a, b := NodeTotal(n, c.Rank, c.From, c.To), NodeTotal(pn, c.Rank, c.From, c.To); !dfSameTotal(a, b) {
		bad("nodetotal", "NodeTotal %+v, then %+v", a, b)
	}
	if a, b := NodeCurve(n, c.Rank, c.From, c.To), NodeCurve(pn, c.Rank, c.From, c.To); !dfSameCurve(a, b) {
		bad("nodecurve", "NodeCurve %+v, then %+v", a, b)
	}
	if a, b := NodeDisagreements(n, c.Rank), NodeDisagreements(pn, c.Rank); !slices.Equal(a, b) {
		kind := "disagreements-set"
		if slices.Equal(slices.Sorted(slices.Values(a)), slices.Sorted(slices.Values(b))) {
			kind = "disagreements-sequence" // the same warnings, in another order
		}
		bad(kind, "NodeDisagreements %q, then %q", a, b)
	}
	return out
}

func dfSameTotal(a, b Total) bool {
	if (a.Tie == nil) != (b.Tie == nil) {
		return false
	}
	if a.Tie != nil && (a.Tie.Installs != b.Tie.Installs || !slices.EqualFunc(a.Tie.Used, b.Tie.Used, dfEqFig)) {
		return false
	}
	return a.Installs == b.Installs && a.Covered == b.Covered && a.Months == b.Months && a.Estimate == b.Estimate &&
		a.Summed == b.Summed && a.Countries == b.Countries && a.LowerBound == b.LowerBound && slices.EqualFunc(a.Used, b.Used, dfEqFig)
}

func dfEqFig(a, b Figure) bool { return dfCmpFig(a, b) == 0 }

func dfSameCurve(a, b Curve) bool {
	return slices.EqualFunc(a.Points, b.Points, func(p, q Point) bool {
		same := p.Value == q.Value || math.IsNaN(p.Value) && math.IsNaN(q.Value)
		p.Value, q.Value = 0, 0
		return same && p == q
	}) && slices.EqualFunc(a.Used, b.Used, dfEqFig) && a.Summed == b.Summed && a.Countries == b.Countries &&
		a.PartsKind == b.PartsKind && slices.Equal(a.Warnings, b.Warnings)
}

// dfGroups splits figures by platform, and by source too if bySource.
func dfGroups(figs []Figure, bySource bool) [][]Figure {
	var out [][]Figure
	for _, f := range figs {
		if slices.ContainsFunc(out, func(g []Figure) bool { return dfSameGroup(g[0], f, bySource) }) {
			continue
		}
		out = append(out, dfGroupOf(figs, f, bySource))
	}
	return out
}

func dfGroupOf(figs []Figure, like Figure, bySource bool) []Figure {
	var out []Figure
	for _, f := range figs {
		if dfSameGroup(like, f, bySource) {
			out = append(out, f)
		}
	}
	return out
}

func dfSameGroup(a, b Figure, bySource bool) bool {
	return a.Platform == b.Platform && (!bySource || a.Source == b.Source)
}

// ---- the comparison ----

// dfCheck compares every rule with the oracle on one case. Each mismatch
// reads "area/kind: details".
func dfCheck(c dfCase, st dfStats) []string {
	var out []string
	add := func(area string, ms []string) {
		for _, m := range ms {
			out = append(out, area+"/"+m)
		}
	}
	for _, g := range dfGroups(c.Figs, true) {
		add("curve", dfCheckCurve(g, c.From, c.To, st))
	}
	// A series is one platform; its figures may come from several sources.
	for _, g := range dfGroups(c.Figs, false) {
		add("total", dfCompareTotal(TotalOver(g, c.From, c.To), g, c.From, c.To, st))
		if lo, hi, ok := Span(g); ok && (lo != c.From || hi != c.To) {
			add("total", dfCompareTotal(TotalOver(g, lo, hi), g, lo, hi, st))
		}
		add("resolve", dfCheckResolve(g, c.Rank, c.From, c.To))
		add("spans", dfCheckSpans(g, "L "+g[0].Platform.String(), st))
	}
	n := dfNode(c.Figs)
	add("nodetotal", dfCheckNodeTotal(n, c.Rank, c.From, c.To, st))
	if lo, hi, ok := Span(c.Figs); ok {
		add("nodetotal", dfCheckNodeTotal(n, c.Rank, lo, hi, st))
		add("nodetotal", dfCheckNodeTotal(n, c.Rank, max(lo, c.From), min(hi, c.To), st))
	}
	add("nodecurve", dfCheckNodeCurve(n, c.Rank, c.From, c.To, st))
	add("parts", dfCheckPartsOverWhole(c.Figs, st))
	add("order", dfCheckOrder(c))
	return out
}

// dfStats counts the shapes the series met, to show that the generator
// reaches them; nil counts nothing.
type dfStats map[string]int

func (s dfStats) add(k string) {
	if s != nil {
		s[k]++
	}
}

func (s dfStats) String() string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "\t%7d  %s\n", s[k], k)
	}
	return b.String()
}

// dfCountOpts counts the shapes of one month of a curve.
func dfCountOpts(st dfStats, figs []Figure, opts []bfOpt) {
	o := opts[0]
	switch {
	case o.fallback:
		st.add("curve: a month unknown under a span below the figures inside")
	case o.kind == Gap:
		st.add("curve: a gap month")
	case o.kind == Exact:
		st.add("curve: an exact month")
	case len(o.inner) > 0:
		st.add("curve: a remainder after figures inside")
		if o.estMust && !figs[o.owner].Estimate {
			st.add("curve: a remainder marked by an estimate subtracted")
		}
		if slices.ContainsFunc(o.inner, func(g Figure) bool {
			return g.Months() > 1 && slices.ContainsFunc(figs, func(h Figure) bool { return h != g && dfInsideOf(h, g) })
		}) {
			st.add("curve: a remainder after a span with figures inside it")
		}
	default:
		st.add("curve: a plain spread")
	}
	if len(opts) > 1 {
		st.add("curve: a month read two ways (tied sets inside)")
	}
}

// dfSkipped reports whether UPTAKE_DIFF_SKIP names the kind of mismatch.
func dfSkipped(kind string) bool {
	return slices.Contains(strings.Split(os.Getenv("UPTAKE_DIFF_SKIP"), ","), kind)
}

// dfKind is the area and kind of a mismatch: "curve/estimate".
func dfKind(m string) string {
	kind, _, _ := strings.Cut(m, ":")
	return kind
}

// dfMinimise shrinks a failing case while it still fails with kind: fewer
// figures, smaller numbers, no estimates, a shorter window, no ranking.
func dfMinimise(c dfCase, kind string) dfCase {
	fails := func(c dfCase) bool {
		return slices.ContainsFunc(dfCheck(c, nil), func(m string) bool { return dfKind(m) == kind })
	}
	for {
		var next []dfCase
		for i := range c.Figs {
			n := c
			n.Figs = slices.Delete(slices.Clone(c.Figs), i, i+1)
			next = append(next, n)
		}
		if c.Rank != nil {
			n := c
			n.Rank = nil
			next = append(next, n)
		}
		if c.From < c.To {
			n := c
			n.From++
			next = append(next, n)
			n = c
			n.To--
			next = append(next, n)
		}
		for i, f := range c.Figs {
			for _, v := range []int64{0, 100, 200, 300, f.Installs / 100 * 100} {
				if v < f.Installs {
					n := c
					n.Figs = slices.Clone(c.Figs)
					n.Figs[i].Installs = v
					next = append(next, n)
				}
			}
			if f.Estimate {
				n := c
				n.Figs = slices.Clone(c.Figs)
				n.Figs[i].Estimate = false
				next = append(next, n)
			}
		}
		i := slices.IndexFunc(next, fails)
		if i < 0 {
			return c
		}
		c = next[i]
	}
}

// dfCaseText writes a case so that it can be typed into a test.
func dfCaseText(c dfCase) string {
	var b strings.Builder
	fmt.Fprintf(&b, "window %s, ranking %q\n", dfSpanOf(c.From, c.To), c.Rank)
	for _, f := range c.Figs {
		est := ""
		if f.Estimate {
			est = ", Estimate: true"
		}
		fmt.Fprintf(&b, "\t{App: %q, Country: %q, Platform: %s, From: MonthOf(%d, %d), To: MonthOf(%d, %d), Installs: %d, Source: %q%s},\n",
			f.App, f.Country, dfPlatformName(f.Platform), f.From.Year(), f.From.Num(), f.To.Year(), f.To.Num(), f.Installs, f.Source, est)
	}
	return b.String()
}

func dfPlatformName(p Platform) string {
	switch p {
	case IOS:
		return "IOS"
	case Android:
		return "Android"
	}
	return "AllPlatforms"
}

// dfReport gathers mismatches: how many cases fail each kind, and the
// first few cases of each kind, minimised.
type dfReport struct {
	stats   dfStats
	cases   int
	failing map[string]int
	first   map[string][]dfCase
}

func (r *dfReport) run(c dfCase) {
	r.cases++
	seen := map[string]bool{}
	for _, m := range dfCheck(c, r.stats) {
		k := dfKind(m)
		if seen[k] || dfSkipped(k) {
			continue
		}
		seen[k] = true
		r.failing[k]++
		if len(r.first[k]) < 3 {
			r.first[k] = append(r.first[k], c)
		}
	}
}

func (r *dfReport) finish(t *testing.T) {
	kinds := make([]string, 0, len(r.failing))
	for k := range r.failing {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		var b strings.Builder
		fmt.Fprintf(&b, "%s: %d of %d series disagree with the oracle\n", k, r.failing[k], r.cases)
		for _, c := range r.first[k] {
			if c.Name != "" {
				fmt.Fprintf(&b, "known case %q:\n%s", c.Name, dfCaseText(c))
			} else {
				fmt.Fprintf(&b, "seed %d (UPTAKE_DIFF_SEED=%d):\n%s", c.Seed, c.Seed, dfCaseText(c))
			}
			m := dfMinimise(c, k)
			fmt.Fprintf(&b, "minimised:\n%s", dfCaseText(m))
			for _, msg := range dfCheck(m, nil) {
				if dfKind(msg) == k {
					fmt.Fprintf(&b, "\t→ %s\n", msg)
				}
			}
		}
		t.Error(b.String())
	}
}

// dfKnown are cases written by hand, each the smallest of a shape the
// random series reach only now and then. They run first, every time.
func dfKnown() []dfCase {
	fig := func(p Platform, from, to Month, n int64, src string, est bool) Figure {
		return Figure{App: dfApp, Country: dfCountry, Platform: p, From: from, To: to, Installs: n, Source: src, Estimate: est}
	}
	m := func(i int) Month { return MonthOf(2020, i) }
	return []dfCase{
		// An estimate subtracted into a remainder marks it, also when the
		// estimate's own months are all shown by the figures inside it.
		{Name: "estimate subtracted through a covered span", Seed: 1, From: m(1), To: m(6), Figs: []Figure{
			fig(IOS, m(1), m(6), 600, "s", false),
			fig(IOS, m(1), m(2), 200, "s", true),
			fig(IOS, m(1), m(1), 100, "s", true),
			fig(IOS, m(2), m(2), 100, "s", true),
		}},
		// Parts over their whole on a span that is no figure's: the whole
		// says Jan–Feb is 100 − 50 = 50, ios and android add to 60 there.
		{Name: "parts over whole on a span no figure has", Seed: 2, From: m(1), To: m(3), Figs: []Figure{
			fig(AllPlatforms, m(1), m(3), 100, "s", false),
			fig(AllPlatforms, m(3), m(3), 50, "s", false),
			fig(IOS, m(1), m(1), 30, "s", false),
			fig(Android, m(2), m(2), 30, "s", false),
		}},
		// A tie: Jan–Jun 600 and Apr–Sep 900 over Jan–Sep (rules_tie.go).
		{Name: "tie of two readings", Seed: 3, From: m(1), To: m(9), Figs: []Figure{
			fig(AllPlatforms, m(1), m(6), 600, "s", false),
			fig(AllPlatforms, m(4), m(9), 900, "s", false),
		}},
		// Three readings of Jan–Mar: 350, 410 and 500.
		{Name: "three readings", Seed: 4, From: m(1), To: m(3), Figs: []Figure{
			fig(AllPlatforms, m(1), m(2), 300, "s", false),
			fig(AllPlatforms, m(3), m(3), 50, "s", false),
			fig(AllPlatforms, m(1), m(1), 10, "s", false),
			fig(AllPlatforms, m(2), m(3), 400, "s", false),
			fig(AllPlatforms, m(1), m(3), 500, "s", false),
		}},
		// A span below the months inside it: its other month unknown, named.
		{Name: "span below the figures inside it", Seed: 5, From: m(1), To: m(4), Figs: []Figure{
			fig(Android, m(1), m(4), 400, "s", false),
			fig(Android, m(2), m(3), 500, "s", false),
			fig(Android, m(1), m(1), 100, "s", true),
		}},
	}
}

func TestDifferential(t *testing.T) {
	r := &dfReport{stats: dfStats{}, failing: map[string]int{}, first: map[string][]dfCase{}}
	start := time.Now()
	for _, c := range dfKnown() {
		r.run(c)
	}
	switch {
	case os.Getenv("UPTAKE_DIFF_SEED") != "":
		seed, err := strconv.ParseUint(os.Getenv("UPTAKE_DIFF_SEED"), 10, 64)
		if err != nil {
			t.Fatalf("UPTAKE_DIFF_SEED: %v", err)
		}
		c := dfGenerate(seed)
		t.Logf("seed %d:\n%s", seed, dfCaseText(c))
		for _, m := range dfCheck(c, nil) {
			t.Log(m)
		}
		r.run(c)
	case os.Getenv("UPTAKE_DIFF_MINUTES") != "":
		minutes, err := strconv.ParseFloat(os.Getenv("UPTAKE_DIFF_MINUTES"), 64)
		if err != nil || minutes <= 0 {
			t.Fatalf("UPTAKE_DIFF_MINUTES=%q: want a number of minutes", os.Getenv("UPTAKE_DIFF_MINUTES"))
		}
		deadline := start.Add(time.Duration(minutes * float64(time.Minute)))
		// New seeds each run, far from the fixed batch's.
		first := uint64(time.Now().UnixNano())<<8 | 1<<63
		t.Logf("seeds from %d", first)
		for seed := first; time.Now().Before(deadline); seed++ {
			r.run(dfGenerate(seed))
		}
	default:
		n := dfBatch
		if testing.Short() {
			n /= 10
		}
		for seed := uint64(1); seed <= uint64(n); seed++ {
			r.run(dfGenerate(seed))
		}
	}
	t.Logf("compared %d series with the oracle in %v; shapes met:\n%s", r.cases, time.Since(start).Round(time.Millisecond), r.stats)
	r.finish(t)
}

func FuzzDifferential(f *testing.F) {
	f.Add([]byte{2, 0, 0, 1, 2, 5, 1, 0, 2, 7})
	f.Add([]byte{5, 0x13, 2, 3, 4, 9, 3, 0, 2, 4, 4, 0, 2, 6, 1, 4, 7, 1})
	f.Add([]byte{7, 0x8c, 0, 2, 6, 9, 0, 4, 2, 3, 1, 4, 3, 5, 2, 6, 8, 1, 4, 0, 6, 200})
	f.Add([]byte{3, 1, 1, 3, 2, 10, 1, 13, 2, 4, 1, 25, 3, 1})
	for seed := uint64(1); seed <= 8; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		b := make([]byte, 2+4*(1+r.IntN(7)))
		for i := range b {
			b[i] = byte(r.UintN(256))
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c := dfFromBytes(data)
		ms := slices.DeleteFunc(dfCheck(c, nil), func(m string) bool { return dfSkipped(dfKind(m)) })
		if len(ms) > 0 {
			t.Errorf("%s%s", dfCaseText(c), "\t→ "+strings.Join(ms, "\n\t→ "))
		}
	})
}
