package store

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/uptake/uptake/figures"
)

// FigureTable is every figure of the file in key order (app, country,
// from, to), copied out of one read transaction as the series are
// stored: a million figures take about 10 MB and a few milliseconds to
// copy, and a figure is decoded only when it is asked for. The Data view
// lists it a screenful at a time. A FigureTable is not safe for use by
// several goroutines at once.
type FigureTable struct {
	data   []byte // the series values, one after another
	series []tableSeries
	n      int
	total  int // the figures in the file, n or more for a head (FigureTableHead)

	cached int              // the series decoded last, or -1
	figs   []figures.Figure // its figures
	cols   *Columns
	txt    *texts // the texts the series name, copied out with them
}

type tableSeries struct {
	off, end int    // its value in data
	first    int    // the index of its first figure
	folded   string // the app, folded: its series are together
	country  string
}

// FigureTable copies every figure out of the transaction, encoded, each
// series checked against its seal and its app's index.
func (r *Reader) FigureTable() (*FigureTable, error) {
	return r.figureTable(-1)
}

// FigureTableHead copies the figures of the first apps in key order,
// each app whole and checked as FigureTable checks it, until it holds at
// least rows figures (or all there are): the Data view's first screen, read in a
// fraction of the time of the whole table, which follows. Its Total is
// the file's count of figures and Partial is true while it holds fewer.
func (r *Reader) FigureTableHead(rows int) (*FigureTable, error) {
	return r.figureTable(max(rows, 1))
}

// wholeTable is what a table holding every app's figures is checked for
// beyond their seals: no series of an app the file does not list.
func (r *Reader) wholeTable(t *FigureTable, idx *readIndex) (*FigureTable, error) {
	t.total = t.n
	if err := r.noOrphans(bidSeries, idx); err != nil {
		return nil, err
	}
	return t, nil
}

// figureTable copies the figures of the apps in key order, all of them
// when rows < 0, or until there are at least rows.
func (r *Reader) figureTable(rows int) (*FigureTable, error) {
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	t := &FigureTable{cached: -1, txt: memTexts(), total: idx.tally.figures}
	count, figs := 0, 0
	for _, folded := range idx.folded() {
		if rows >= 0 && figs >= rows {
			break
		}
		rec, _, err := r.record(folded)
		if err != nil {
			return nil, err
		}
		count += len(rec.series)
		for _, x := range rec.series {
			figs += x.figures
		}
	}
	t.series = make([]tableSeries, 0, count)
	// The values are gathered in place, then copied into one buffer of
	// their exact size: a guess twice too large cost a page fault for
	// each 4 KB of it on the loads that reach fresh memory.
	payloads := make([][]byte, 0, count)
	size := 0
	for _, folded := range idx.folded() {
		if rows >= 0 && t.n >= rows {
			break
		}
		rec, _, _ := r.record(folded)
		err := r.walkRange(bidSeries, folded, rec.series, func(k, v []byte, x indexEntry) error {
			payload, ok := unseal(bidSeries, k, v)
			if !ok || sealOf(v) != x.seal {
				return r.s.damagedKey(bidSeries, k, "do not match their checksum")
			}
			h, err := readSeriesHead(payload, nil)
			if err != nil || h.n != x.figures {
				return r.s.damagedKey(bidSeries, k, "cannot be read")
			}
			n := h.n
			// The texts are looked up now, inside the transaction.
			for i := 0; i <= len(h.texts); i++ {
				ref := h.app
				if i < len(h.texts) {
					ref = h.texts[i]
				}
				if _, ok := t.txt.byRef[ref]; ok {
					continue
				}
				text, err := r.texts().text(ref)
				if err != nil {
					return r.s.textDamage(bidSeries, k, err)
				}
				t.txt.byRef[ref] = text
			}
			if n == 0 {
				return nil
			}
			payloads = append(payloads, payload)
			t.series = append(t.series, tableSeries{off: size, end: size + len(payload), first: t.n, folded: folded, country: x.country})
			size += len(payload)
			t.n += n
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	t.data = make([]byte, size)
	for i, p := range payloads {
		copy(t.data[t.series[i].off:], p)
	}
	if rows < 0 || t.n >= idx.tally.figures {
		// Every app is here (a small file's head is the whole table,
		// and no second read will come): checked as a whole.
		return r.wholeTable(t, idx)
	}
	return t, nil
}

// TableOf makes a table of figures held in memory, in key order; of two
// figures with one identity, the last is kept.
func TableOf(figs []figures.Figure) *FigureTable {
	type keyed struct {
		folded string
		f      *figures.Figure
		pos    int
	}
	all := make([]keyed, len(figs))
	for i := range figs {
		all[i] = keyed{figures.FoldName(figs[i].App), &figs[i], i}
	}
	slices.SortFunc(all, func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.folded, b.folded), strings.Compare(a.f.Country, b.f.Country),
			figures.CompareIdentity(*a.f, *b.f), cmp.Compare(a.pos, b.pos))
	})
	t := &FigureTable{cached: -1, txt: memTexts()}
	var group []figures.Figure
	flush := func(folded string) {
		if len(group) == 0 {
			return
		}
		app := group[0].App
		v, err := encodeSeries(t.txt, app, group)
		if err != nil {
			return // a dictionary in memory takes any text
		}
		off := len(t.data)
		t.data = append(t.data, v...)
		t.series = append(t.series, tableSeries{off: off, end: len(t.data), first: t.n, folded: folded, country: group[0].Country})
		t.n += len(group)
		group = group[:0]
	}
	for i, k := range all {
		if n := all[min(i+1, len(all)-1)]; i+1 < len(all) && n.folded == k.folded && n.f.Country == k.f.Country && figures.CompareIdentity(*n.f, *k.f) == 0 {
			continue // the later one wins
		}
		if len(group) > 0 && (all[i-1].folded != k.folded || group[0].Country != k.f.Country) {
			flush(all[i-1].folded)
		}
		group = append(group, *k.f)
	}
	if len(all) > 0 {
		flush(all[len(all)-1].folded)
	}
	return t
}

// Find returns the index of the figure with identity k.
func (t *FigureTable) Find(k figures.Key) (int, bool) {
	if t.Len() == 0 {
		return 0, false
	}
	folded := figures.FoldName(k.App)
	si := sort.Search(len(t.series), func(i int) bool {
		s := t.series[i]
		return cmp.Or(strings.Compare(s.folded, folded), strings.Compare(s.country, k.Country)) >= 0
	})
	if si == len(t.series) || t.series[si].folded != folded || t.series[si].country != k.Country {
		return 0, false
	}
	first := t.series[si].first
	for i := first; i < first+t.count(si); i++ {
		f, err := t.At(i)
		if err != nil {
			return 0, false
		}
		if figures.SameIdentity(f, k) {
			return i, true
		}
	}
	return 0, false
}

// Len returns how many figures the table holds.
func (t *FigureTable) Len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// Total returns how many figures the file held when the table was read:
// Len, or more for a head (FigureTableHead).
func (t *FigureTable) Total() int {
	if t == nil {
		return 0
	}
	return max(t.total, t.n)
}

// Partial reports whether the table is a head that lacks figures of the
// file: sorting or filtering it would leave them out.
func (t *FigureTable) Partial() bool { return t.Total() > t.Len() }

// At returns the i-th figure, 0 ≤ i < Len. The series were copied whole
// but their figures are checked only here, as they are decoded: a
// damaged one gives ErrDamaged.
func (t *FigureTable) At(i int) (figures.Figure, error) {
	if i < 0 || i >= t.Len() {
		return figures.Figure{}, fmt.Errorf("figure %d of %d: %w", i, t.Len(), ErrNotFound)
	}
	si := t.seriesOf(i)
	if si != t.cached {
		s := t.series[si]
		figs, err := decodeSeriesInto(t.figs, t.data[s.off:s.end], s.country, t.txt)
		if err != nil || len(figs) != t.count(si) {
			t.cached = -1
			return figures.Figure{}, fmt.Errorf("the series of %s in %s: %w: restore the file from a backup", t.appOf(si), s.country, ErrDamaged)
		}
		t.figs, t.cached = figs, si
	}
	return t.figs[i-t.series[si].first], nil
}

// count returns how many figures series si holds.
func (t *FigureTable) count(si int) int {
	if si+1 < len(t.series) {
		return t.series[si+1].first - t.series[si].first
	}
	return t.n - t.series[si].first
}

// appOf returns the app name a series value names, for messages.
func (t *FigureTable) appOf(si int) string {
	s := t.series[si]
	h, err := readSeriesHead(t.data[s.off:s.end], nil)
	if err != nil {
		return figures.Sanitize(s.folded)
	}
	name, err := t.txt.text(h.app)
	if err != nil {
		return figures.Sanitize(s.folded)
	}
	return figures.Sanitize(name)
}

// AppNames returns the apps the table holds, sanitised, each once, in
// key order. Only the name at the head of each series is decoded.
func (t *FigureTable) AppNames() []string {
	var names []string
	for si := range t.series {
		if si > 0 && t.series[si].folded == t.series[si-1].folded {
			continue
		}
		names = append(names, t.appOf(si))
	}
	return names
}

// seriesOf returns the series that holds figure i.
func (t *FigureTable) seriesOf(i int) int {
	if t.cached >= 0 {
		s := t.series[t.cached]
		if i >= s.first && i < s.first+t.count(t.cached) {
			return t.cached
		}
	}
	return sort.Search(len(t.series), func(k int) bool { return t.series[k].first > i }) - 1
}
