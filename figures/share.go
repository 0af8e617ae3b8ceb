package figures

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Shares. A share is one part's installs over the sum of several parts'
// (apps in a market, in one month or over the same months). It is only
// worked out where every part has a number: a gap is unknown, not a
// zero, and a share beside it would be a guess. It carries the marks of
// every number it is built on, the others' in the sum as much as its
// own, since each of them moves it. A part that is at least what it shows
// (≥) bounds the shares one way only: its own from below, the others'
// from above; two such parts bound none of their own shares either way.

// ShareBound says how a share stands to the true one.
type ShareBound uint8

const (
	ShareExact     ShareBound = iota // every number in the sum is a figure's (or spread from one), not a bound
	ShareAtLeast                     // this part alone is at least what it shows: the share is at least this
	ShareAtMost                      // another part is at least what it shows: the sum may be more, so the share is at most this
	ShareUnbounded                   // this part and another are at least what they show: no bound either way, so no number
	ShareNone                        // a part has no number, or the parts add to nothing: no share
)

// String writes the bound as the CSV export does.
func (b ShareBound) String() string {
	switch b {
	case ShareExact:
		return "exact"
	case ShareAtLeast:
		return "at_least"
	case ShareAtMost:
		return "at_most"
	case ShareUnbounded:
		return "unbounded"
	case ShareNone:
		return "none"
	}
	return "ShareBound(" + strconv.Itoa(int(b)) + ")"
}

// Share is one part's share of the sum of the parts.
type Share struct {
	Fraction float64 // 0–1; NaN unless Known
	Bound    ShareBound
	// The marks of the numbers in the sum, any of them: a share built on
	// an estimate is one, on a spread month approximate, on a sum of
	// countries or platforms summed.
	Spread, Estimate, Summed bool
}

// Known reports whether the share has a number (exact or a bound).
func (s Share) Known() bool { return s.Bound <= ShareAtMost && !math.IsNaN(s.Fraction) }

// SumOf adds points into one: a gap if any of them is (or there are
// none), otherwise their sum, spread, estimated, summed or a lower bound
// when any of them is.
func SumOf(ps []Point) Point {
	if len(ps) == 0 {
		return Point{Value: math.NaN(), Kind: Gap}
	}
	out := Point{Month: ps[0].Month, Kind: Exact}
	for _, p := range ps {
		if p.Kind == Gap || math.IsNaN(p.Value) {
			return Point{Month: ps[0].Month, Value: math.NaN(), Kind: Gap}
		}
		out.Value += p.Value
		if p.Kind == Spread {
			out.Kind = Spread
		}
		out.Estimate = out.Estimate || p.Estimate
		out.Summed = out.Summed || p.Summed
		out.LowerBound = out.LowerBound || p.LowerBound
	}
	return out
}

// Shares gives each point's share of the points' sum, and the sum (as
// SumOf). Where a point is a gap, or the sum is not above zero, every
// share is ShareNone.
func Shares(ps []Point) ([]Share, Point) {
	total := SumOf(ps)
	out := make([]Share, len(ps))
	if total.Kind == Gap || !(total.Value > 0) || math.IsInf(total.Value, 0) {
		for i := range out {
			out[i] = Share{Fraction: math.NaN(), Bound: ShareNone}
		}
		return out, total
	}
	bounds := 0
	for _, p := range ps {
		if p.LowerBound {
			bounds++
		}
	}
	for i, p := range ps {
		s := Share{Fraction: p.Value / total.Value, Spread: total.Kind == Spread, Estimate: total.Estimate, Summed: total.Summed}
		switch {
		case bounds == 0:
			s.Bound = ShareExact
		case !p.LowerBound:
			s.Bound = ShareAtMost
		case bounds == 1:
			s.Bound = ShareAtLeast
		default:
			s.Bound, s.Fraction = ShareUnbounded, math.NaN()
		}
		out[i] = s
	}
	return out, total
}

// FormatShareOf writes a share as a percentage with its marks, "66.2%≈*",
// its bound before it ("≥66.2%", "≤33.8%"); "n/a" when the numbers bound
// it in neither direction, NoValue when there is none.
func FormatShareOf(s Share) string {
	switch {
	case s.Bound == ShareUnbounded:
		return "n/a"
	case !s.Known():
		return NoValue
	}
	pct := s.Fraction * 100
	num := strconv.FormatFloat(pct, 'f', 1, 64) + "%"
	// A share above nothing is not written 0.0%, nor one short of all
	// 100.0%: either would read as what it is not.
	switch {
	case pct > 0 && pct < 0.05 && s.Bound != ShareAtLeast:
		return "<0.1%" + Marks(s.Spread, s.Estimate, s.Summed)
	case pct >= 99.95 && pct < 100 && s.Bound != ShareAtMost:
		return ">99.9%" + Marks(s.Spread, s.Estimate, s.Summed)
	}
	out := num + Marks(s.Spread, s.Estimate, s.Summed)
	switch s.Bound {
	case ShareAtLeast:
		out = MarkAtLeast + out
	case ShareAtMost:
		out = "≤" + out
	}
	return out
}

// ExplainShare explains part i's share of the sum of the parts: names
// and ps are the parts and their numbers, and parts each number's own
// explanation (ExplainMonth, ExplainSum), whose working and figures it
// takes in. what names the share's place.
func ExplainShare(what string, i int, names []string, ps []Point, parts []Explanation) Explanation {
	shares, total := Shares(ps)
	e := Explanation{What: what}
	if i < 0 || i >= len(ps) || len(names) != len(ps) {
		e.Number = NoValue
		e.Steps = []string{"no such part"}
		return e
	}
	s := shares[i]
	e.Number = FormatShareOf(s)
	var missing, terms, est, spread, summed, bounds []string
	for k, p := range ps {
		if p.Kind == Gap || math.IsNaN(p.Value) {
			missing = append(missing, names[k])
			continue
		}
		terms = append(terms, names[k]+" "+FormatPoint(p))
		if p.Estimate {
			est = append(est, names[k])
		}
		if p.Kind == Spread {
			spread = append(spread, names[k])
		}
		if p.Summed {
			summed = append(summed, names[k])
		}
		if p.LowerBound {
			bounds = append(bounds, names[k])
		}
	}
	switch {
	case len(missing) > 0:
		e.Steps = append(e.Steps, fmt.Sprintf("no share: no figure for %s; a share is only worked out where every app has one (a gap is unknown, not a zero)", namesText(missing, 6)))
	case !(total.Value > 0):
		e.Steps = append(e.Steps, "no share: the apps' installs add to "+FormatInstalls(total.Value))
	default:
		head := fmt.Sprintf("%s ÷ (%s) = %s ÷ %s", names[i]+" "+FormatPoint(ps[i]), strings.Join(terms, " + "), exactInstalls(ps[i].Value), exactInstalls(total.Value))
		if s.Known() {
			head += " = " + strconv.FormatFloat(s.Fraction*100, 'f', 1, 64) + "%"
		}
		e.Steps = append(e.Steps, head)
		if len(spread) > 0 {
			e.Steps = append(e.Steps, fmt.Sprintf("a number spread from a longer figure is among them (%s): the share is as approximate (≈)", owners(spread)))
		}
		if len(est) > 0 {
			e.Steps = append(e.Steps, fmt.Sprintf("an estimate is among them (%s): the share is one too (*)", owners(est)))
		}
		if len(summed) > 0 {
			e.Steps = append(e.Steps, fmt.Sprintf("a sum of parts is among them (%s): the share is built on it (Σ)", owners(summed)))
		}
		switch s.Bound {
		case ShareAtLeast:
			e.Steps = append(e.Steps, fmt.Sprintf("%s installs are at least what they show (≥) and the others' are not: the share is at least this", owners(names[i:i+1])))
		case ShareAtMost:
			e.Steps = append(e.Steps, fmt.Sprintf("%s installs are at least what they show (≥): the sum may be more, so this share is at most what it shows (≤)", owners(bounds)))
		case ShareUnbounded:
			e.Steps = append(e.Steps, fmt.Sprintf("%s installs are at least what they show (≥): the share could be more or less than this arithmetic gives, so none is shown", owners(bounds)))
		}
	}
	for k, part := range parts {
		label := ""
		if k < len(names) {
			label = names[k] + ": "
		}
		for _, st := range part.Steps {
			e.Steps = append(e.Steps, "  "+label+st)
		}
		e.Figures = append(e.Figures, part.Figures...)
		e.Others = append(e.Others, part.Others...)
	}
	e.Figures, e.Others = uniqueUsed(e.Figures), uniqueUsed(e.Others)
	return e
}

// ExplainSum explains the sum of points (SumOf): labels name each point
// ("2020-03"), and parts are their own explanations, whose figures it
// takes in.
func ExplainSum(what string, labels []string, ps []Point, parts []Explanation) Explanation {
	total := SumOf(ps)
	e := Explanation{What: what, Number: FormatPoint(total)}
	terms := make([]string, 0, len(ps))
	var missing []string
	for k, p := range ps {
		label := ""
		if k < len(labels) {
			label = labels[k] + " "
		}
		if p.Kind == Gap || math.IsNaN(p.Value) {
			missing = append(missing, strings.TrimSpace(label))
		}
		terms = append(terms, label+FormatPoint(p))
	}
	switch {
	case len(ps) == 0:
		e.Steps = []string{"nothing to add"}
	case len(missing) > 0:
		e.Steps = []string{fmt.Sprintf("no sum: no figure for %s (a gap is unknown, not a zero)", namesText(missing, 6))}
	default:
		e.Steps = []string{fmt.Sprintf("the sum of %s: %s = %s", CountText(len(ps), "months"), strings.Join(terms, " + "), FormatPoint(total))}
		if total.LowerBound {
			e.Steps = append(e.Steps, "some of them are at least what they show: so is the sum (≥)")
		}
	}
	for _, part := range parts {
		e.Figures = append(e.Figures, part.Figures...)
		e.Others = append(e.Others, part.Others...)
	}
	e.Figures, e.Others = uniqueUsed(e.Figures), uniqueUsed(e.Others)
	return e
}

// owners writes names as owners: "Spotify's", "Resso's, Spotify's".
func owners(names []string) string {
	owned := make([]string, len(names))
	for i, n := range names {
		owned[i] = n + "'s"
	}
	return namesText(owned, 6)
}

// uniqueUsed sorts figures as a result's Used, each once.
func uniqueUsed(figs []Figure) []Figure {
	if len(figs) == 0 {
		return nil
	}
	seen := make(map[Key]bool, len(figs))
	out := figs[:0:0]
	for _, f := range figs {
		if !seen[f.Key()] {
			seen[f.Key()] = true
			out = append(out, f)
		}
	}
	slices.SortFunc(out, cmpUsed)
	return out
}
