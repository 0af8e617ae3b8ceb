package store

import (
	"bytes"
	"sort"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// Reader reads within one transaction: a view that needs several reads
// sees one state of the file and opens it once. It is valid only inside
// the function given to Store.Read; what it returns is copied out. Every
// value it reads is checked against its seal and the app index (index.go).
type Reader struct {
	s   *Store
	tx  *bolt.Tx
	idx *readIndex // the app records, checked against the tally on first use
	cs  *changeSet // in a write: what it has written, which the index does not know yet
}

// rewritten reports whether this transaction has written the key: its
// value is then its own, newer than the index, and checked by its seal.
func (r *Reader) rewritten(bucket byte, k []byte) bool {
	return r.cs != nil && r.cs.seen[string(append([]byte{bucket}, k...))]
}

// readIndex is the tally of one transaction and the app records decoded
// from it so far.
type readIndex struct {
	tally   tally
	records map[string]*appRecord
}

// Read runs fn with a Reader over one read transaction.
func (s *Store) Read(fn func(r *Reader) error) error {
	return s.view(func(tx *bolt.Tx) error { return fn(&Reader{s: s, tx: tx}) })
}

// Path returns the file the Reader reads.
func (r *Reader) Path() string { return r.s.path }

// readOne runs one Reader method in a transaction of its own.
func readOne[T any](s *Store, fn func(r *Reader) (T, error)) (T, error) {
	var out T
	err := s.Read(func(r *Reader) error {
		var err error
		out, err = fn(r)
		return err
	})
	return out, err
}

// index reads the tally, once per transaction.
func (r *Reader) index() (*readIndex, error) {
	if r.idx != nil {
		return r.idx, nil
	}
	t, err := r.s.readTally(r.tx)
	if err != nil {
		return nil, err
	}
	r.idx = &readIndex{tally: t, records: map[string]*appRecord{}}
	return r.idx, nil
}

// record returns the app record of a folded name, checked against the
// tally and decoded once per transaction; ok is false when there is no
// such app.
func (r *Reader) record(folded string) (*appRecord, bool, error) {
	idx, err := r.index()
	if err != nil {
		return nil, false, err
	}
	if rec, ok := idx.records[folded]; ok {
		return rec, true, nil
	}
	k := []byte(folded)
	v := r.tx.Bucket(bucketApps).Get(k)
	want, listed := idx.tally.find(folded)
	if r.rewritten(bidApps, k) {
		// Written in this transaction: newer than the tally read at its start.
		listed, want.seal = v != nil, sealOf(v)
	}
	switch {
	case !listed && v == nil:
		return nil, false, nil
	case !listed:
		return nil, false, r.s.damagedApp(folded, "is in the file but not in its tally of apps")
	case v == nil:
		return nil, false, r.s.damagedApp(folded, "is missing from the file")
	case sealOf(v) != want.seal:
		return nil, false, r.s.damagedApp(folded, "is not the one last written (an older copy was read)")
	}
	rec, err := r.s.appRecordOf(k, v)
	if err != nil {
		return nil, false, err
	}
	idx.records[folded] = &rec
	return &rec, true, nil
}

// Apps lists every app, sorted by name without regard to case.
func (s *Store) Apps() ([]figures.App, error) { return readOne(s, (*Reader).Apps) }

// Apps lists every app, sorted by name without regard to case: the apps
// bucket walked alongside the tally, record by record.
func (r *Reader) Apps() ([]figures.App, error) {
	idx, err := r.index()
	if err != nil {
		return nil, err
	}
	list := idx.tally.apps
	apps := make([]figures.App, 0, len(list))
	c := r.tx.Bucket(bucketApps).Cursor()
	i := 0
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if i == len(list) || list[i].key != string(k) {
			return nil, r.s.damage("the app records do not match the file's tally of them (some are missing, extra or out of order)")
		}
		payload, ok := unseal(bidApps, k, v)
		if !ok || sealOf(v) != list[i].seal {
			return nil, r.s.damagedApp(string(k), "does not match its checksum")
		}
		a, err := decodeAppHead(payload)
		if err != nil || figures.FoldName(a.Name) != string(k) {
			return nil, r.s.damagedApp(string(k), "cannot be read")
		}
		apps = append(apps, a)
		i++
	}
	if i != len(list) {
		return nil, r.s.damagedApp(list[i].key, "is missing from the file")
	}
	return apps, nil
}

// folded lists the apps of the tally, folded, in key order.
func (idx *readIndex) folded() []string {
	out := make([]string, len(idx.tally.apps))
	for i, a := range idx.tally.apps {
		out[i] = a.key
	}
	return out
}

// App returns the app stored under name (without regard to case).
func (s *Store) App(name string) (figures.App, bool, error) {
	var a figures.App
	var ok bool
	err := s.Read(func(r *Reader) error {
		var err error
		a, ok, err = r.App(name)
		return err
	})
	return a, ok, err
}

// App returns the app stored under name (without regard to case).
func (r *Reader) App(name string) (figures.App, bool, error) {
	rec, ok, err := r.record(figures.FoldName(name))
	if err != nil || !ok {
		return figures.App{}, false, err
	}
	return rec.App, true, nil
}

// Series returns the figures of one app in one country, sorted by from
// and to. Reading it touches one value, whatever else the file holds.
func (s *Store) Series(app, country string) ([]figures.Figure, error) {
	return readOne(s, func(r *Reader) ([]figures.Figure, error) { return r.Series(app, country) })
}

// Series returns the figures of one app in one country.
func (r *Reader) Series(app, country string) ([]figures.Figure, error) {
	folded := figures.FoldName(app)
	return r.checkedSeries(folded, country, r.tx.Bucket(bucketSeries).Get(seriesKey(folded, country)), nil)
}

// checkedSeries decodes v, the value stored under the series of a folded
// app in a country (nil when there is none), into dst, checking it
// against the app's index.
func (r *Reader) checkedSeries(folded, country string, v []byte, dst []figures.Figure) ([]figures.Figure, error) {
	rec, ok, err := r.record(folded)
	if err != nil {
		return nil, err
	}
	k := seriesKey(folded, country)
	if r.rewritten(bidSeries, k) {
		if v == nil {
			return nil, nil
		}
		payload, ok := unseal(bidSeries, k, v)
		n, err := seriesLen(payload)
		if !ok || err != nil {
			return nil, r.s.damagedKey(bidSeries, k, "cannot be read")
		}
		return r.s.openSeries(k, v, indexEntry{country: country, figures: n, seal: sealOf(v)}, dst)
	}
	var x indexEntry
	if ok {
		x, ok = findEntry(rec.series, country)
	}
	switch {
	case !ok && v == nil:
		return nil, nil
	case !ok:
		return nil, r.s.damagedKey(bidSeries, k, "are in the file but not in its app's index")
	case v == nil:
		return nil, r.s.damagedKey(bidSeries, k, "are missing from the file")
	}
	return r.s.openSeries(k, v, x, dst)
}

// openSeries checks a series value against its seal and index entry and
// decodes it into dst.
func (s *Store) openSeries(k, v []byte, x indexEntry, dst []figures.Figure) ([]figures.Figure, error) {
	payload, ok := unseal(bidSeries, k, v)
	if !ok {
		return nil, s.damagedKey(bidSeries, k, "do not match their checksum")
	}
	if sealOf(v) != x.seal {
		return nil, s.damagedKey(bidSeries, k, "are not the ones last written (an older copy was read)")
	}
	_, country, _ := splitSeriesKey(k)
	if c, ok := keyCountry(k); ok {
		country = c
	}
	figs, err := decodeSeriesInto(dst, payload, country)
	if err != nil || len(figs) != x.figures {
		return nil, s.damagedKey(bidSeries, k, "cannot be read")
	}
	return figs, nil
}

// AppSeries returns every series of one app, by country code; the app's
// keys are one contiguous range, so other apps are never read.
func (s *Store) AppSeries(app string) (map[string][]figures.Figure, error) {
	return readOne(s, func(r *Reader) (map[string][]figures.Figure, error) { return r.AppSeries(app) })
}

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
		figs, err := r.s.openSeries(k, v, x, all[:0:x.figures])
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

// Figure returns the figure with identity k.
func (s *Store) Figure(k figures.Key) (figures.Figure, bool, error) {
	figs, err := s.Series(k.App, k.Country)
	if err != nil {
		return figures.Figure{}, false, err
	}
	for _, f := range figs {
		if f.From == k.From && f.To == k.To {
			return f, true, nil
		}
	}
	return figures.Figure{}, false, nil
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
			figs, err = r.s.openSeries(k, v, x, figs)
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
		folded := figures.FoldName(app)
		rec, ok, err := r.record(folded)
		if err != nil {
			return err
		}
		k := seriesKey(folded, country)
		v := r.tx.Bucket(bucketLaunches).Get(k)
		var x indexEntry
		if ok {
			x, ok = findEntry(rec.launches, country)
		}
		switch {
		case !ok && v == nil:
			return nil
		case !ok:
			return r.s.damagedKey(bidLaunches, k, "is in the file but not in its app's index")
		case v == nil:
			return r.s.damagedKey(bidLaunches, k, "is missing from the file")
		}
		l, err := r.s.openLaunch(k, v, x)
		m, found = l.Month, err == nil
		return err
	})
	return m, found, err
}

// Countries lists the countries in which app has figures, sorted, WW first.
func (s *Store) Countries(app string) ([]string, error) {
	var out []string
	err := s.Read(func(r *Reader) error {
		rec, ok, err := r.record(figures.FoldName(app))
		if err != nil || !ok {
			return err
		}
		for _, x := range rec.series {
			out = append(out, x.country)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		return out[i] == figures.Worldwide && out[j] != figures.Worldwide || (out[i] != figures.Worldwide) == (out[j] != figures.Worldwide) && out[i] < out[j]
	})
	return out, err
}

// Counts says how many apps, series, figures and launches the file holds.
type Counts struct{ Apps, Series, Figures, Launches int }

// Count returns the file's tally of its records, checked against the apps.
func (s *Store) Count() (Counts, error) {
	var n Counts
	err := s.Read(func(r *Reader) error {
		idx, err := r.index()
		if err != nil {
			return err
		}
		t := idx.tally
		n = Counts{Apps: len(t.apps), Series: t.series, Figures: t.figures, Launches: t.launches}
		return nil
	})
	return n, err
}

// seriesLen reads the number of figures of a series without decoding them.
func seriesLen(v []byte) (int, error) {
	d := decoder{b: v}
	if d.byte() != codecVersion {
		return 0, errCorrupt
	}
	d.string()
	for n := d.count(1); n > 0 && d.err == nil; n-- {
		d.string()
	}
	d.varint()
	n := d.count(7)
	return n, d.err
}
