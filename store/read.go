package store

import (
	"bytes"
	"fmt"
	"sort"

	bolt "go.etcd.io/bbolt"
)

// Reader reads within one transaction: a view that needs several reads
// sees one state of the file and opens it once. It is valid only inside
// the function given to Store.Read; what it returns is copied out.
type Reader struct {
	s  *Store
	tx *bolt.Tx
}

// Read runs fn with a Reader over one read transaction.
func (s *Store) Read(fn func(r *Reader) error) error {
	return s.view(func(tx *bolt.Tx) error { return fn(&Reader{s, tx}) })
}

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

// Apps lists every app, sorted by name without regard to case.
func (s *Store) Apps() ([]App, error) { return readOne(s, (*Reader).Apps) }

// Apps lists every app, sorted by name without regard to case.
func (r *Reader) Apps() ([]App, error) {
	var apps []App
	err := r.tx.Bucket(bucketApps).ForEach(func(k, v []byte) error {
		a, err := decodeApp(v)
		if err != nil {
			return r.s.damaged("app", k)
		}
		apps = append(apps, a)
		return nil
	})
	return apps, err
}

// App returns the app stored under name (without regard to case).
func (s *Store) App(name string) (App, bool, error) {
	var a App
	var ok bool
	err := s.Read(func(r *Reader) error {
		var err error
		a, ok, err = r.App(name)
		return err
	})
	return a, ok, err
}

// App returns the app stored under name (without regard to case).
func (r *Reader) App(name string) (App, bool, error) {
	v := r.tx.Bucket(bucketApps).Get(appKey(name))
	if v == nil {
		return App{}, false, nil
	}
	a, err := decodeApp(v)
	if err != nil {
		return App{}, false, r.s.damaged("app", appKey(name))
	}
	return a, true, nil
}

// Series returns the figures of one app in one country, sorted by from
// and to. Reading it touches one value, whatever else the file holds.
func (s *Store) Series(app, country string) ([]Figure, error) {
	return readOne(s, func(r *Reader) ([]Figure, error) { return r.Series(app, country) })
}

// Series returns the figures of one app in one country.
func (r *Reader) Series(app, country string) ([]Figure, error) {
	return r.s.readSeries(r.tx, FoldName(app), country)
}

func (s *Store) readSeries(tx *bolt.Tx, folded, country string) ([]Figure, error) {
	k := seriesKey(folded, country)
	v := tx.Bucket(bucketSeries).Get(k)
	if v == nil {
		return nil, nil
	}
	figs, err := decodeSeries(v, country)
	if err != nil {
		return nil, s.damaged("series", k)
	}
	return figs, nil
}

// AppSeries returns every series of one app, by country code; the app's
// keys are one contiguous range, so other apps are never read.
func (s *Store) AppSeries(app string) (map[string][]Figure, error) {
	return readOne(s, func(r *Reader) (map[string][]Figure, error) { return r.AppSeries(app) })
}

// AppSeries returns every series of one app, by country code. The
// figures of all the series are decoded into one allocation, each series
// capped so that appending to one cannot run into the next.
func (r *Reader) AppSeries(app string) (map[string][]Figure, error) {
	prefix := appPrefix(FoldName(app))
	c := r.tx.Bucket(bucketSeries).Cursor()
	total, series := 0, 0
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		n, err := seriesLen(v)
		if err != nil {
			return nil, r.s.damaged("series", k)
		}
		total += n
		series++
	}
	out := make(map[string][]Figure, series)
	all := make([]Figure, total)
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		country, ok := keyCountry(k)
		n, _ := seriesLen(v)
		if !ok || n > len(all) {
			return nil, r.s.damaged("series", k)
		}
		figs, err := decodeSeriesInto(all[:0:n], v, country)
		if err != nil {
			return nil, r.s.damaged("series", k)
		}
		out[country] = figs
		all = all[n:]
	}
	return out, nil
}

// Figure returns the figure with identity k.
func (s *Store) Figure(k Key) (Figure, bool, error) {
	figs, err := s.Series(k.App, k.Country)
	if err != nil {
		return Figure{}, false, err
	}
	for _, f := range figs {
		if f.From == k.From && f.To == k.To {
			return f, true, nil
		}
	}
	return Figure{}, false, nil
}

// EachFigure calls fn for every figure, app by app and country by country,
// in key order; fn returning false stops the walk.
func (s *Store) EachFigure(fn func(Figure) bool) error {
	return s.Read(func(r *Reader) error { return r.EachFigure(fn) })
}

// EachFigure calls fn for every figure, in key order.
func (r *Reader) EachFigure(fn func(Figure) bool) error {
	c := r.tx.Bucket(bucketSeries).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		country, ok := keyCountry(k)
		if !ok {
			return r.s.damaged("series", k)
		}
		figs, err := decodeSeries(v, country)
		if err != nil {
			return r.s.damaged("series", k)
		}
		for _, f := range figs {
			if !fn(f) {
				return nil
			}
		}
	}
	return nil
}

// Launches returns the launches of one app, or of every app when app is "".
func (s *Store) Launches(app string) ([]Launch, error) {
	return readOne(s, func(r *Reader) ([]Launch, error) { return r.Launches(app) })
}

// Launches returns the launches of one app, or of every app when app is "".
func (r *Reader) Launches(app string) ([]Launch, error) {
	var out []Launch
	var prefix []byte
	if app != "" {
		prefix = appPrefix(FoldName(app))
	}
	c := r.tx.Bucket(bucketLaunches).Cursor()
	var stored []byte // the last app's name as stored, and as a string
	var name string
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		country, ok := keyCountry(k)
		d := decoder{b: v}
		if !ok || d.byte() != codecVersion {
			return nil, r.s.damaged("launch", k)
		}
		// One app's launches repeat its name: make it a string once.
		if b := d.bytes(); d.err == nil && (name == "" || !bytes.Equal(b, stored)) {
			stored, name = b, string(b)
		}
		m := d.uvarint()
		if d.err != nil || m > uint64(MaxMonth) {
			return nil, r.s.damaged("launch", k)
		}
		out = append(out, Launch{App: name, Country: country, Month: Month(m)})
	}
	return out, nil
}

// Launch returns the launch month of app in country.
func (s *Store) Launch(app, country string) (Month, bool, error) {
	var m Month
	var ok bool
	err := s.view(func(tx *bolt.Tx) error {
		k := seriesKey(FoldName(app), country)
		v := tx.Bucket(bucketLaunches).Get(k)
		if v == nil {
			return nil
		}
		l, err := decodeLaunch(v, country)
		if err != nil {
			return s.damaged("launch", k)
		}
		m, ok = l.Month, true
		return nil
	})
	return m, ok, err
}

// Countries lists the countries in which app has figures, sorted, WW first.
func (s *Store) Countries(app string) ([]string, error) {
	var out []string
	err := s.view(func(tx *bolt.Tx) error {
		prefix := appPrefix(FoldName(app))
		c := tx.Bucket(bucketSeries).Cursor()
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			country, _ := keyCountry(k)
			out = append(out, country)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		return out[i] == Worldwide && out[j] != Worldwide || (out[i] != Worldwide) == (out[j] != Worldwide) && out[i] < out[j]
	})
	return out, err
}

// Counts says how many apps, series, figures and launches the file holds.
type Counts struct{ Apps, Series, Figures, Launches int }

// Count counts the records; figures are counted from each series' header.
func (s *Store) Count() (Counts, error) {
	var n Counts
	err := s.view(func(tx *bolt.Tx) error {
		n.Apps = tx.Bucket(bucketApps).Stats().KeyN
		n.Launches = tx.Bucket(bucketLaunches).Stats().KeyN
		return tx.Bucket(bucketSeries).ForEach(func(k, v []byte) error {
			n.Series++
			c, err := seriesLen(v)
			if err != nil {
				return s.damaged("series", k)
			}
			n.Figures += c
			return nil
		})
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

func (s *Store) damaged(what string, key []byte) error {
	return fmt.Errorf("%s: %w: the %s record %q cannot be read; restore the file from a backup", s.path, ErrDamaged, what, key)
}
