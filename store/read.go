package store

import (
	"errors"
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
	txt *texts     // the dictionary, read as it is needed
}

// texts returns the dictionary of the transaction: in a write, the one
// the write adds to.
func (r *Reader) texts() *texts {
	if r.cs != nil {
		return r.cs.texts()
	}
	if r.txt == nil {
		r.txt = newTexts(r.tx)
	}
	return r.txt
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
		return r.s.openSeries(k, v, indexEntry{country: country, figures: n, seal: sealOf(v)}, dst, r.texts())
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
	return r.s.openSeries(k, v, x, dst, r.texts())
}

// openSeries checks a series value against its seal and index entry and
// decodes it into dst, looking its texts up in d.
func (s *Store) openSeries(k, v []byte, x indexEntry, dst []figures.Figure, d *texts) ([]figures.Figure, error) {
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
	figs, err := decodeSeriesInto(dst, payload, country, d)
	if err == nil && len(figs) != x.figures {
		err = errCorrupt
	}
	if errors.Is(err, errCorrupt) {
		return nil, s.damagedKey(bidSeries, k, "cannot be read")
	}
	if err != nil {
		return nil, s.textDamage(bidSeries, k, err)
	}
	return figs, nil
}

// Figure returns the figure with identity k.
func (s *Store) Figure(k figures.Key) (figures.Figure, bool, error) {
	figs, err := s.Series(k.App, k.Country)
	if err != nil {
		return figures.Figure{}, false, err
	}
	for _, f := range figs {
		if figures.SameIdentity(f, k) {
			return f, true, nil
		}
	}
	return figures.Figure{}, false, nil
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

// Counts says how many apps, series, figures, launches and events the
// file holds.
type Counts struct{ Apps, Series, Figures, Launches, Events int }

// Count returns the file's tally of its records, checked against the apps.
func (s *Store) Count() (Counts, error) {
	var n Counts
	err := s.Read(func(r *Reader) error {
		idx, err := r.index()
		if err != nil {
			return err
		}
		t := idx.tally
		et, err := r.s.readEventTally(r.tx)
		n = Counts{Apps: len(t.apps), Series: t.series, Figures: t.figures, Launches: t.launches, Events: et.n}
		return err
	})
	return n, err
}
