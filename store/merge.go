package store

import (
	"cmp"
	"strings"
	"time"

	"github.com/uptake/uptake/figures"
)

// byIdentity orders figure indexes as a series stores its figures (from,
// to, platform, source), then by position.
func (b *Batch) byIdentity(x, y uint32) int {
	fx, fy := b.fig(int(x)), b.fig(int(y))
	if c := cmp.Compare(fx.span(), fy.span()); c != 0 {
		return c
	}
	tx, ty := b.texts[fx.text], b.texts[fy.text]
	return cmp.Or(cmp.Compare(tx.platform, ty.platform), strings.Compare(tx.source, ty.source), cmp.Compare(x, y))
}

// sameIdentity reports whether two figures of one series of the batch
// have the same identity.
func (b *Batch) sameIdentity(x, y uint32) bool {
	fx, fy := b.fig(int(x)), b.fig(int(y))
	tx, ty := b.texts[fx.text], b.texts[fy.text]
	return fx.span() == fy.span() && tx.platform == ty.platform && tx.source == ty.source
}

// merger holds the buffers of applyFigures, reused from series to series.
type merger struct {
	group  []uint32         // the batch's figures of the series, sorted
	stored []figures.Figure // the series as stored
	out    []figures.Figure // the series as it will be stored
	enc    seriesEncoder
}

// merge upserts the sorted group into the sorted stored series, into
// m.out, and reports whether anything changed. The same identity twice in
// the batch is fine when both say the same; when they differ, neither is
// taken and the write fails, naming both lines.
func (m *merger) merge(b *Batch, app string, now time.Time, rep *Report) (bool, error) {
	stored, group := m.stored, m.group
	out := m.out[:0]
	changed := false
	i := 0
	for j := 0; j < len(group); j++ {
		f := b.figure(int(group[j]), app)
		if j+1 < len(group) && b.sameIdentity(group[j], group[j+1]) {
			if g := b.figure(int(group[j+1]), app); !g.Same(f) {
				return false, b.conflict(int(group[j]), int(group[j+1]), f, g)
			}
			rep.Duplicates++
			continue
		}
		for i < len(stored) && figures.CompareIdentity(stored[i], f) < 0 {
			out = append(out, stored[i])
			i++
		}
		if i < len(stored) && figures.CompareIdentity(stored[i], f) == 0 {
			if stored[i].Same(f) {
				rep.Unchanged++
				out = append(out, stored[i])
			} else {
				rep.Updated++
				rep.replaced(stored[i], f)
				f.Changed = now
				out = append(out, f)
				changed = true
			}
			i++
			continue
		}
		rep.Added++
		rep.added(f)
		f.Changed = now
		out = append(out, f)
		changed = true
	}
	out = append(out, stored[i:]...)
	m.out = out
	return changed, nil
}
