package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// SaveFigure writes one figure from the form. When old is not nil and
// names another identity, the figure moves: old is deleted in the same
// transaction. It returns what changed; the write is one history entry.
func (s *Store) SaveFigure(old *Key, f Figure) (Report, error) {
	if err := f.Validate(); err != nil {
		return Report{}, err
	}
	var rep Report
	label := "add " + describeKey(f.Key())
	if old != nil {
		label = "edit " + describeKey(*old)
	}
	err := s.update(func(tx *bolt.Tx) error {
		rep = Report{}
		cs := newChangeSet(tx)
		if old != nil && *old != f.Key() {
			if _, err := deleteFigure(cs, s, *old); err != nil {
				return err
			}
			rep.Deleted++
		}
		b := NewBatch(label)
		b.AddFigure(f)
		now := s.now()
		if err := applyApps(cs, b, &rep); err != nil {
			return err
		}
		if err := applyFigures(cs, b, now, &rep); err != nil {
			return err
		}
		if old != nil && *old != f.Key() && rep.Added > 0 {
			rep.Deleted--
			rep.Added--
			rep.Updated++ // a move is one figure changed, not one gone and one new
		}
		return cs.commit(label, rep, now)
	})
	return rep, err
}

// DeleteFigure removes the figure with identity k and returns it.
func (s *Store) DeleteFigure(k Key) (Figure, error) {
	var gone Figure
	err := s.update(func(tx *bolt.Tx) error {
		cs := newChangeSet(tx)
		var err error
		if gone, err = deleteFigure(cs, s, k); err != nil {
			return err
		}
		return cs.commit("delete "+describeKey(k), Report{Deleted: 1}, s.now())
	})
	return gone, err
}

func deleteFigure(cs *changeSet, s *Store, k Key) (Figure, error) {
	folded := FoldName(k.App)
	figs, err := s.readSeries(cs.tx, folded, k.Country)
	if err != nil {
		return Figure{}, err
	}
	for i, f := range figs {
		if f.From != k.From || f.To != k.To {
			continue
		}
		rest := append(figs[:i:i], figs[i+1:]...)
		key := seriesKey(folded, k.Country)
		if len(rest) == 0 {
			return f, cs.del(bidSeries, key)
		}
		return f, cs.put(bidSeries, key, encodeSeries(f.App, rest))
	}
	return Figure{}, fmt.Errorf("%s: %w", describeKey(k), ErrNotFound)
}

// SetLaunch writes the launch month of an app in a country.
func (s *Store) SetLaunch(l Launch) (Report, error) {
	if err := l.Validate(); err != nil {
		return Report{}, err
	}
	var rep Report
	err := s.update(func(tx *bolt.Tx) error {
		rep = Report{}
		cs := newChangeSet(tx)
		b := NewBatch("launch " + l.App + " " + l.Country + " " + l.Month.String())
		b.AddLaunch(l)
		if err := applyApps(cs, b, &rep); err != nil {
			return err
		}
		if err := applyLaunches(cs, b, &rep); err != nil {
			return err
		}
		return cs.commit(b.Label, rep, s.now())
	})
	return rep, err
}

// DeleteLaunch removes the launch of app in country.
func (s *Store) DeleteLaunch(app, country string) error {
	return s.update(func(tx *bolt.Tx) error {
		k := seriesKey(FoldName(app), country)
		if tx.Bucket(bucketLaunches).Get(k) == nil {
			return fmt.Errorf("launch of %s in %s: %w", app, country, ErrNotFound)
		}
		cs := newChangeSet(tx)
		if err := cs.del(bidLaunches, k); err != nil {
			return err
		}
		return cs.commit("delete launch "+app+" "+country, Report{LaunchesDeleted: 1}, s.now())
	})
}

func describeKey(k Key) string {
	if k.From == k.To {
		return fmt.Sprintf("%s %s %s", k.App, k.Country, k.From)
	}
	return fmt.Sprintf("%s %s %s..%s", k.App, k.Country, k.From, k.To)
}
