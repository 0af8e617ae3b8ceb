package store

import (
	"fmt"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// SaveFigure writes one figure from the form. When old is not nil and
// names another identity, the figure moves: old is deleted in the same
// transaction. It returns what changed; the write is one history entry.
func (s *Store) SaveFigure(old *figures.Key, f figures.Figure) (Report, error) {
	if err := f.Validate(); err != nil {
		return Report{}, err
	}
	var rep Report
	label := "add " + f.Key().String()
	if old != nil {
		label = "edit " + old.String()
	}
	err := s.update(func(tx *bolt.Tx) error {
		rep = Report{}
		cs := newChangeSet(s, tx)
		r := &Reader{s: s, tx: tx, cs: cs}
		if old != nil && *old != f.Key() {
			if _, err := deleteFigure(cs, r, *old); err != nil {
				return err
			}
			rep.Deleted++
		}
		b := NewBatch(label)
		b.AddFigure(f, 0)
		now := s.now()
		if err := applyApps(cs, r, b, &rep); err != nil {
			return err
		}
		if err := applyFigures(cs, r, b, now, &rep); err != nil {
			return err
		}
		if old != nil && *old != f.Key() && rep.Added > 0 {
			rep.Deleted--
			rep.Added--
			rep.Updated++ // a move is one figure changed, not one gone and one new
		}
		return cs.commitReported(label, &rep, now)
	})
	return rep, err
}

// DeleteFigure removes the figure with identity k and returns it.
func (s *Store) DeleteFigure(k figures.Key) (figures.Figure, error) {
	var gone figures.Figure
	err := s.update(func(tx *bolt.Tx) error {
		cs := newChangeSet(s, tx)
		var err error
		if gone, err = deleteFigure(cs, &Reader{s: s, tx: tx, cs: cs}, k); err != nil {
			return err
		}
		return cs.commit("delete "+k.String(), Report{Deleted: 1}, s.now())
	})
	return gone, err
}

// deleteFigure deletes a figure, reading its series with r, whose index
// must be read before anything in the transaction is written.
func deleteFigure(cs *changeSet, r *Reader, k figures.Key) (figures.Figure, error) {
	folded := figures.FoldName(k.App)
	figs, err := r.Series(k.App, k.Country)
	if err != nil {
		return figures.Figure{}, err
	}
	for i, f := range figs {
		if !figures.SameIdentity(f, k) {
			continue
		}
		rest := append(figs[:i:i], figs[i+1:]...)
		key := seriesKey(folded, k.Country)
		if len(rest) == 0 {
			return f, cs.del(bidSeries, key)
		}
		v, err := encodeSeries(cs.texts(), f.App, rest)
		if err != nil {
			return figures.Figure{}, cs.s.textDamage(bidSeries, key, err)
		}
		return f, cs.put(bidSeries, key, v)
	}
	return figures.Figure{}, fmt.Errorf("%s: %w", k.String(), ErrNotFound)
}

// SetLaunch writes the launch month of an app in a country.
func (s *Store) SetLaunch(l figures.Launch) (Report, error) {
	if err := l.Validate(); err != nil {
		return Report{}, err
	}
	var rep Report
	err := s.update(func(tx *bolt.Tx) error {
		rep = Report{}
		cs := newChangeSet(s, tx)
		r := &Reader{s: s, tx: tx, cs: cs}
		b := NewBatch("launch " + l.App + " " + l.Country + " " + l.Month.String())
		b.AddLaunch(l)
		if err := applyApps(cs, r, b, &rep); err != nil {
			return err
		}
		if err := applyLaunches(cs, r, b, &rep); err != nil {
			return err
		}
		return cs.commitReported(b.Label, &rep, s.now())
	})
	return rep, err
}

// DeleteLaunch removes the launch of app in country.
func (s *Store) DeleteLaunch(app, country string) error {
	return s.update(func(tx *bolt.Tx) error {
		k := seriesKey(figures.FoldName(app), country)
		if _, err := (&Reader{s: s, tx: tx}).index(); err != nil {
			return err
		}
		if tx.Bucket(bucketLaunches).Get(k) == nil {
			return fmt.Errorf("launch of %s in %s: %w", app, country, ErrNotFound)
		}
		cs := newChangeSet(s, tx)
		if err := cs.del(bidLaunches, k); err != nil {
			return err
		}
		return cs.commit("delete launch "+app+" "+country, Report{LaunchesDeleted: 1}, s.now())
	})
}
