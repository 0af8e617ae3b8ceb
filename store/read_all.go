package store

import (
	"bytes"
	"errors"

	"github.com/uptake/uptake/figures"
)

// AppSeries returns every series of one app, by country code. The
// figures of all the series are decoded into one allocation, each series
// capped so that appending to one cannot run into the next.
func (r *Reader) AppSeries(app string) (map[string][]figures.Figure, error) {
	folded := figures.FoldName(app)
	rec, ok, err := r.record(folded)
	if err != nil {
		return nil, err
	}
	var entries []indexEntry
	if ok {
		entries = rec.series
	}
	total := 0
	for _, x := range entries {
		total += x.figures
	}
	out := make(map[string][]figures.Figure, len(entries))
	all := make([]figures.Figure, total)
	i := 0
	err = r.walkRange(bidSeries, folded, entries, func(k, v []byte, x indexEntry) error {
		figs, err := r.s.openSeries(k, v, x, all[:0:x.figures], r.texts())
		if err != nil {
			return err
		}
		out[x.country] = figs
		all = all[x.figures:]
		i++
		return nil
	})
	return out, err
}

// AppSeries returns every series of one app, by country code; the app's
// keys are one contiguous range, so other apps are never read.
func (s *Store) AppSeries(app string) (map[string][]figures.Figure, error) {
	return readOne(s, func(r *Reader) (map[string][]figures.Figure, error) { return r.AppSeries(app) })
}

// walkRange calls fn for each key of one app in a bucket, checking that
// the keys are exactly the index's entries, in order.
func (r *Reader) walkRange(bucket byte, folded string, entries []indexEntry, fn func(k, v []byte, x indexEntry) error) error {
	prefix := appPrefix(folded)
	c := r.tx.Bucket(bucketByID(bucket)).Cursor()
	i := 0
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		country := string(k[len(prefix):])
		if i < len(entries) && entries[i].country < country {
			return r.s.damagedKey(bucket, seriesKey(folded, entries[i].country), isAre(bucket)+" missing from the file")
		}
		if i == len(entries) || entries[i].country != country {
			return r.s.damagedKey(bucket, k, isAre(bucket)+" in the file but not in its app's index")
		}
		if err := fn(k, v, entries[i]); err != nil {
			return err
		}
		i++
	}
	if i < len(entries) {
		return r.s.damagedKey(bucket, seriesKey(folded, entries[i].country), isAre(bucket)+" missing from the file")
	}
	return nil
}

// EachFigure calls fn for every figure, app by app and country by country,
// in key order; fn returning false stops the walk.
func (s *Store) EachFigure(fn func(figures.Figure) bool) error {
	return s.Read(func(r *Reader) error { return r.EachFigure(fn) })
}

// EachFigure calls fn for every figure, in key order.
func (r *Reader) EachFigure(fn func(figures.Figure) bool) error {
	idx, err := r.index()
	if err != nil {
		return err
	}
	var figs []figures.Figure
	for _, folded := range idx.folded() {
		rec, _, err := r.record(folded)
		if err != nil {
			return err
		}
		stop := false
		err = r.walkRange(bidSeries, folded, rec.series, func(k, v []byte, x indexEntry) error {
			if stop {
				return nil
			}
			figs, err = r.s.openSeries(k, v, x, figs, r.texts())
			if err != nil {
				return err
			}
			for _, f := range figs {
				if !fn(f) {
					stop = true
					return nil
				}
			}
			return nil
		})
		if err != nil || stop {
			return err
		}
	}
	return r.noOrphans(bidSeries, idx)
}

// EachSeriesTotal calls fn with each series' installs added up, every
// figure of it whatever its source, platform or span: a size to choose a
// first screen by, not a number to show. The sums are kept in the app
// records (schema 5), checked by their seals and the tally, so no series
// is read: 10,000 series of a million figures are 200 records. Inside a
// write, where a series may be newer than its app's record, and for a
// record without sums, the series are read, every seal checked as
// EachFigure does.
func (r *Reader) EachSeriesTotal(fn func(app, country string, installs int64) bool) error {
	idx, err := r.index()
	if err != nil {
		return err
	}
	walked := false
	for _, folded := range idx.folded() {
		rec, _, err := r.record(folded)
		if err != nil {
			return err
		}
		if rec.summed && r.cs == nil {
			for _, x := range rec.series {
				if !fn(rec.Name, x.country, x.installs) {
					return nil
				}
			}
			continue
		}
		walked = true
		stop := false
		err = r.walkRange(bidSeries, folded, rec.series, func(k, v []byte, x indexEntry) error {
			if stop {
				return nil
			}
			payload, ok := unseal(bidSeries, k, v)
			if !ok {
				return r.s.damagedKey(bidSeries, k, "do not match their checksum")
			}
			if sealOf(v) != x.seal {
				return r.s.damagedKey(bidSeries, k, "are not the ones last written (an older copy was read)")
			}
			app, n, sum, err := seriesInstalls(payload, r.texts())
			if err == nil && n != x.figures {
				err = errCorrupt
			}
			if errors.Is(err, errCorrupt) {
				return r.s.damagedKey(bidSeries, k, "cannot be read")
			}
			if err != nil {
				return r.s.textDamage(bidSeries, k, err)
			}
			_, country, _ := splitSeriesKey(k)
			if c, ok := keyCountry(k); ok {
				country = c
			}
			stop = !fn(app, country, sum)
			return nil
		})
		if err != nil || stop {
			return err
		}
	}
	if !walked {
		return nil
	}
	return r.noOrphans(bidSeries, idx)
}

// noOrphans checks that every key of a bucket belongs to a known app: a
// walk app by app would not see a key whose app has no record.
func (r *Reader) noOrphans(bucket byte, idx *readIndex) error {
	n := 0
	for _, f := range idx.folded() {
		rec, _, err := r.record(f)
		if err != nil {
			return err
		}
		if bucket == bidSeries {
			n += len(rec.series)
		} else {
			n += len(rec.launches)
		}
	}
	want := idx.tally.series
	if bucket == bidLaunches {
		want = idx.tally.launches
	}
	if n != want || r.tx.Bucket(bucketByID(bucket)).Stats().KeyN != want {
		return r.s.damage("the file holds records that belong to no app, or lacks some it should hold")
	}
	return nil
}
