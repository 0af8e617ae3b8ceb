package store

import (
	"bytes"

	"github.com/uptake/uptake/figures"
)

// Launches returns the launches of one app, or of every app when app is "".
func (s *Store) Launches(app string) ([]figures.Launch, error) {
	return readOne(s, func(r *Reader) ([]figures.Launch, error) { return r.Launches(app) })
}

// Launches returns the launches of one app, or of every app when app is "".
func (r *Reader) Launches(app string) ([]figures.Launch, error) {
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	apps := idx.folded()
	if app != "" {
		apps = []string{figures.FoldName(app)}
	}
	var out []figures.Launch
	for _, folded := range apps {
		rec, ok, err := r.record(folded)
		if err != nil || !ok {
			if err == nil && r.hasRange(bidLaunches, folded) {
				err = r.s.damagedApp(folded, "is missing, but the app has launches")
			}
			if err != nil {
				return nil, err
			}
			continue
		}
		err = r.walkRange(bidLaunches, folded, rec.launches, func(k, v []byte, x indexEntry) error {
			l, err := r.s.openLaunch(k, v, x)
			if err != nil {
				return err
			}
			l.App = rec.Name
			out = append(out, l)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	if app == "" {
		if err := r.noOrphans(bidLaunches, idx); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// hasRange reports whether a bucket holds any key of an app.
func (r *Reader) hasRange(bucket byte, folded string) bool {
	prefix := appPrefix(folded)
	k, _ := r.tx.Bucket(bucketByID(bucket)).Cursor().Seek(prefix)
	return k != nil && bytes.HasPrefix(k, prefix)
}

// openLaunch checks a launch value against its seal and index entry.
func (s *Store) openLaunch(k, v []byte, x indexEntry) (figures.Launch, error) {
	payload, ok := unseal(bidLaunches, k, v)
	if !ok {
		return figures.Launch{}, s.damagedKey(bidLaunches, k, "does not match its checksum")
	}
	if sealOf(v) != x.seal {
		return figures.Launch{}, s.damagedKey(bidLaunches, k, "is not the one last written (an older copy was read)")
	}
	country, _ := keyCountry(k)
	l, err := decodeLaunch(payload, country)
	if err != nil {
		return figures.Launch{}, s.damagedKey(bidLaunches, k, "cannot be read")
	}
	return l, nil
}

// Launch returns the launch month of app in country.
func (s *Store) Launch(app, country string) (figures.Month, bool, error) {
	var m figures.Month
	var found bool
	err := s.Read(func(r *Reader) error {
		var err error
		m, found, err = r.Launch(app, country)
		return err
	})
	return m, found, err
}

// Launch returns the launch month of app in country, reading that one
// value (a country's view needs its launch, not the app's fifty).
func (r *Reader) Launch(app, country string) (figures.Month, bool, error) {
	folded := figures.FoldName(app)
	rec, ok, err := r.record(folded)
	if err != nil {
		return 0, false, err
	}
	k := seriesKey(folded, country)
	v := r.tx.Bucket(bucketLaunches).Get(k)
	var x indexEntry
	switch {
	case r.rewritten(bidLaunches, k):
		// Written in this transaction: newer than the index.
		x, ok = indexEntry{country: country, seal: sealOf(v)}, v != nil
	case ok:
		x, ok = findEntry(rec.launches, country)
	}
	switch {
	case !ok && v == nil:
		return 0, false, nil
	case !ok:
		return 0, false, r.s.damagedKey(bidLaunches, k, "is in the file but not in its app's index")
	case v == nil:
		return 0, false, r.s.damagedKey(bidLaunches, k, "is missing from the file")
	}
	l, err := r.s.openLaunch(k, v, x)
	if err != nil {
		return 0, false, err
	}
	return l.Month, true, nil
}
