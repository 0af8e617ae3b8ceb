package store

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"
)

// errDryRun rolls back a write transaction after its report is made.
var errDryRun = errors.New("dry run")

// Apply writes a batch in one transaction, upserting by identity, and
// returns what it added, updated and left unchanged. With dryRun it
// reports the same without writing. The write is one history entry.
func (s *Store) Apply(b *Batch, dryRun bool) (Report, error) {
	if err := b.validate(); err != nil {
		return Report{}, err
	}
	var rep Report
	run := func(tx *bolt.Tx) error {
		rep = Report{}
		cs := newChangeSet(tx)
		cs.dry = dryRun
		now := s.now()
		if err := applyApps(cs, b, &rep); err != nil {
			return err
		}
		if err := applyFigures(cs, b, now, &rep); err != nil {
			return err
		}
		if err := applyLaunches(cs, b, &rep); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return cs.commit(b.Label, rep, now)
	}
	var err error
	if dryRun {
		err = s.view(run)
	} else {
		err = s.update(run)
	}
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return rep, err
}

func (s *Store) now() time.Time { return s.opt.Now().UTC().Truncate(time.Second) }

// validate checks what AddFigure did not: every figure as Figure.Validate
// would, with each distinct text checked once.
func (b *Batch) validate() error {
	for _, a := range b.apps {
		if err := ValidateName("app", a.Name); err != nil {
			return err
		}
		if a.Publisher != "" {
			if err := validateText("publisher", a.Publisher, MaxNameLen); err != nil {
				return err
			}
		}
	}
	for _, t := range b.text {
		if err := validateText("source or note", t, MaxTextLen); err != nil {
			return err
		}
	}
	for _, ref := range b.series {
		if !ValidCountry(ref.country) {
			return &FieldError{"country", fmt.Sprintf("%q is not a known country code", ref.country)}
		}
	}
	for _, f := range b.figs {
		if !f.from.Valid() || !f.to.Valid() || f.to < f.from || f.installs < 0 {
			g := b.figure(f)
			if err := g.Validate(); err != nil {
				return err
			}
		}
	}
	for _, l := range b.launches {
		if err := l.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// figure expands a compact batch figure.
func (b *Batch) figure(f batchFigure) Figure {
	ref := b.series[f.series]
	return Figure{
		App: b.apps[b.appIndex[ref.app]].Name, Country: ref.country,
		From: f.from, To: f.to, Installs: f.installs,
		Source: b.text[f.source], Note: b.text[f.note], Estimate: f.estimate,
	}
}

func applyApps(cs *changeSet, b *Batch, rep *Report) error {
	bucket := cs.tx.Bucket(bucketApps)
	for _, a := range b.apps {
		k := appKey(a.Name)
		old := bucket.Get(k)
		if old == nil {
			rep.AppsAdded++
			if err := cs.put(bidApps, k, encodeApp(a)); err != nil {
				return err
			}
			continue
		}
		cur, err := decodeApp(old)
		if err != nil {
			return fmt.Errorf("app %q: %w", a.Name, ErrDamaged)
		}
		if a.Publisher != "" && a.Publisher != cur.Publisher {
			cur.Publisher = a.Publisher
			rep.AppsUpdated++
			if err := cs.put(bidApps, k, encodeApp(cur)); err != nil {
				return err
			}
		}
	}
	return nil
}

// applyFigures merges the batch into the stored series, series by series
// in key order so that bbolt writes its pages in sequence.
func applyFigures(cs *changeSet, b *Batch, now time.Time, rep *Report) error {
	if len(b.figs) == 0 {
		return nil
	}
	// Group by series with a counting sort, then order each group.
	start := make([]int, len(b.series)+1)
	for _, f := range b.figs {
		start[f.series+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	grouped := make([]batchFigure, len(b.figs))
	next := slices.Clone(start[:len(b.series)])
	for _, f := range b.figs {
		grouped[next[f.series]] = f
		next[f.series]++
	}
	order := make([]int, len(b.series))
	keys := make([][]byte, len(b.series))
	for i, ref := range b.series {
		order[i] = i
		keys[i] = seriesKey(ref.app, ref.country)
	}
	sort.Slice(order, func(i, j int) bool { return bytes.Compare(keys[order[i]], keys[order[j]]) < 0 })

	bucket := cs.tx.Bucket(bucketSeries)
	bucket.FillPercent = 0.9 // series arrive in key order; pack the pages
	for _, si := range order {
		group := grouped[start[si]:start[si+1]]
		slices.SortFunc(group, func(x, y batchFigure) int {
			return cmp.Or(cmp.Compare(x.from, y.from), cmp.Compare(x.to, y.to), cmp.Compare(x.order, y.order))
		})
		ref := b.series[si]
		app := b.apps[b.appIndex[ref.app]].Name
		old := bucket.Get(keys[si])
		var stored []Figure
		if old != nil {
			var err error
			if stored, err = decodeSeries(old, ref.country); err != nil {
				return fmt.Errorf("series %s %s: %w", app, ref.country, ErrDamaged)
			}
			if len(stored) > 0 {
				app = stored[0].App // keep the first spelling written
			}
		}
		merged, changed := mergeSeries(stored, group, b, app, now, rep)
		if changed {
			if err := cs.put(bidSeries, keys[si], encodeSeries(app, merged)); err != nil {
				return err
			}
		}
	}
	return nil
}

// mergeSeries upserts a sorted group of batch figures into a sorted stored
// series and reports whether anything changed.
func mergeSeries(stored []Figure, group []batchFigure, b *Batch, app string, now time.Time, rep *Report) ([]Figure, bool) {
	out := make([]Figure, 0, len(stored)+len(group))
	changed := false
	i := 0
	for j := 0; j < len(group); j++ {
		g := group[j]
		if j+1 < len(group) && group[j+1].from == g.from && group[j+1].to == g.to {
			rep.Duplicates++
			continue // a later line with the same identity wins
		}
		f := b.figure(g)
		f.App = app
		for i < len(stored) && (stored[i].From < f.From || stored[i].From == f.From && stored[i].To < f.To) {
			out = append(out, stored[i])
			i++
		}
		if i < len(stored) && stored[i].From == f.From && stored[i].To == f.To {
			if stored[i].Same(f) {
				rep.Unchanged++
				out = append(out, stored[i])
			} else {
				rep.Updated++
				f.Changed = now
				out = append(out, f)
				changed = true
			}
			i++
			continue
		}
		rep.Added++
		f.Changed = now
		out = append(out, f)
		changed = true
	}
	out = append(out, stored[i:]...)
	return out, changed
}

func applyLaunches(cs *changeSet, b *Batch, rep *Report) error {
	bucket := cs.tx.Bucket(bucketLaunches)
	// The last launch given for a key wins.
	last := map[string]int{}
	for i, l := range b.launches {
		last[string(seriesKey(FoldName(l.App), l.Country))] = i
	}
	for i, l := range b.launches {
		k := seriesKey(FoldName(l.App), l.Country)
		if last[string(k)] != i {
			rep.Duplicates++
			continue
		}
		app := b.apps[b.appIndex[FoldName(l.App)]].Name
		if a := cs.tx.Bucket(bucketApps).Get(appKey(l.App)); a != nil {
			if cur, err := decodeApp(a); err == nil {
				app = cur.Name
			}
		}
		old := bucket.Get(k)
		if old != nil {
			cur, err := decodeLaunch(old, l.Country)
			if err != nil {
				return fmt.Errorf("launch %s %s: %w", l.App, l.Country, ErrDamaged)
			}
			if cur.Month == l.Month {
				rep.LaunchesUnchanged++
				continue
			}
			rep.LaunchesUpdated++
		} else {
			rep.LaunchesAdded++
		}
		if err := cs.put(bidLaunches, k, encodeLaunch(app, l.Month)); err != nil {
			return err
		}
	}
	return nil
}
