package store

import (
	"fmt"
	"slices"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// MergeApp moves every figure, launch and event of app from onto app into, and
// removes from. When into is not an app yet, this renames from (a change
// of spelling alone included); when it is, the two become one: the way to
// join an app that a store's file created from its id ("com.spotify.music")
// with the one the researcher has ("Spotify"). The app keeps into's
// publisher and ids, taking from's where into has none; two different ids
// of one kind are a conflict. A figure of from with the identity of one of
// into's and another value, or a launch in a country where into launched
// another month, or an event both have with another source or note, is a
// conflict too: nothing is written, and the error names both. One
// transaction, one step of undo.
func (s *Store) MergeApp(from, into string) (Report, error) {
	if err := figures.ValidateName("app", into); err != nil {
		return Report{}, err
	}
	var rep Report
	label := fmt.Sprintf("merge %s into %s", figures.Sanitize(from), figures.Sanitize(into))
	err := s.update(func(tx *bolt.Tx) error {
		rep = Report{}
		cs := newChangeSet(s, tx)
		r := &Reader{s: s, tx: tx, cs: cs}
		fromFold, intoFold := figures.FoldName(from), figures.FoldName(into)
		src, ok, err := r.record(fromFold)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s: %w (no app of that name)", figures.Quote(figures.Sanitize(from)), ErrNotFound)
		}
		dst, exists, err := r.record(intoFold)
		if err != nil {
			return err
		}
		same := fromFold == intoFold // a new spelling of the same app
		app := src.App
		app.Name = into
		if exists && !same {
			if app, err = joinApps(dst.App, src.App); err != nil {
				return err
			}
			label = fmt.Sprintf("merge %s into %s", figures.Sanitize(src.Name), figures.Sanitize(dst.Name))
		} else if !exists {
			label = fmt.Sprintf("rename %s to %s", figures.Sanitize(src.Name), figures.Sanitize(into))
		} else {
			label = fmt.Sprintf("respell %s as %s", figures.Sanitize(src.Name), figures.Sanitize(into))
		}
		moved, err := r.AppSeries(src.Name)
		if err != nil {
			return err
		}
		for _, country := range sortedKeys(moved) {
			figs := moved[country]
			var kept []figures.Figure
			if exists && !same {
				if kept, err = r.Series(dst.Name, country); err != nil {
					return err
				}
			}
			merged, dup, err := mergeFigures(kept, figs, app.Name)
			if err != nil {
				return err
			}
			rep.Updated += len(figs) - dup
			rep.Duplicates += dup
			v, err := encodeSeries(cs.texts(), app.Name, merged)
			if err != nil {
				return s.textDamage(bidSeries, seriesKey(intoFold, country), err)
			}
			if err := cs.put(bidSeries, seriesKey(intoFold, country), v); err != nil {
				return err
			}
			if !same {
				if err := cs.del(bidSeries, seriesKey(fromFold, country)); err != nil {
					return err
				}
			}
		}
		launches, err := r.Launches(src.Name)
		if err != nil {
			return err
		}
		var have map[string]figures.Month
		if exists && !same {
			ls, err := r.Launches(dst.Name)
			if err != nil {
				return err
			}
			have = map[string]figures.Month{}
			for _, l := range ls {
				have[l.Country] = l.Month
			}
		}
		for _, l := range launches {
			if m, ok := have[l.Country]; ok && m != l.Month {
				return fmt.Errorf("%w: %s launched in %s in %s, %s in %s: set one launch month first (L in the dashboard)",
					ErrAppConflict, figures.Sanitize(src.Name), l.Country, l.Month, figures.Sanitize(dst.Name), m)
			}
			if err := cs.put(bidLaunches, seriesKey(intoFold, l.Country), encodeLaunch(l.Month)); err != nil {
				return err
			}
			if !same {
				if err := cs.del(bidLaunches, seriesKey(fromFold, l.Country)); err != nil {
					return err
				}
			}
			rep.LaunchesUpdated++
		}
		// The app's events go with it; an event of every app stays.
		if err := moveEvents(cs, r, fromFold, intoFold, app.Name, &rep); err != nil {
			return err
		}
		if !same {
			if err := cs.del(bidApps, []byte(fromFold)); err != nil {
				return err
			}
		}
		// The index lists are rebuilt by the commit's reindex.
		if err := cs.put(bidApps, []byte(intoFold), encodeAppRecord(appRecord{App: app})); err != nil {
			return err
		}
		rep.AppsUpdated++
		return cs.commitReported(label, &rep, s.now())
	})
	return rep, err
}

// joinApps is the app two merged apps make: into's fields, with from's
// where into has none. Two different ids of one kind cannot be joined.
func joinApps(into, from figures.App) (figures.App, error) {
	out := into
	for _, f := range []struct {
		what        string
		dst         *string
		theirs      string
		conflicting bool
	}{
		{"publisher", &out.Publisher, from.Publisher, false},
		{"Google Play package", &out.Android, from.Android, true},
		{"App Store id", &out.IOS, from.IOS, true},
	} {
		switch {
		case *f.dst == "":
			*f.dst = f.theirs
		case f.conflicting && f.theirs != "" && f.theirs != *f.dst:
			return out, fmt.Errorf("%w: %s has the %s %s and %s has %s: they are different apps (or correct one in an apps file first)",
				ErrAppConflict, figures.Sanitize(into.Name), f.what, *f.dst, figures.Sanitize(from.Name), f.theirs)
		}
	}
	return out, nil
}

// mergeFigures adds moved to kept under the name app, in identity order:
// a figure already there alike is counted as a duplicate; one with the
// same identity and another value is a conflict.
func mergeFigures(kept, moved []figures.Figure, app string) ([]figures.Figure, int, error) {
	out := slices.Clone(kept)
	dup := 0
	for _, f := range moved {
		f.App = app
		i := slices.IndexFunc(out, func(g figures.Figure) bool { return figures.CompareIdentity(g, f) == 0 })
		switch {
		case i < 0:
			out = append(out, f)
		case out[i].Same(f):
			dup++
		default:
			return nil, 0, fmt.Errorf("%w: %s is %s in one app and %s in the other: delete or change one of them first",
				ErrAppConflict, f.Key(), figures.FormatInstalls(float64(out[i].Installs)), figures.FormatInstalls(float64(f.Installs)))
		}
	}
	slices.SortFunc(out, figures.CompareIdentity)
	return out, dup, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
