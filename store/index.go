package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// The index makes the file check itself from the top down. The meta
// bucket's tally counts the series, figures and launches and lists every
// app record with its seal; each app record lists its series (with
// how many figures each holds) and its launches, with the checksum each
// value was sealed with. So a read notices not only a value that is
// damaged in itself (its seal) but one that is missing (a damaged key or
// branch page hides it), one that is there but should not be, and one
// that is sound but not the latest (an old page reached by a damaged
// pointer). The index is derived: every write rebuilds it for the apps it
// touched, and undo never stores it.

// appRecordVersion is the codec of an app record with its index; 3 adds
// the store ids after the publisher (records of version 2 read with
// none), and 4 each series' installs added up (schema 5), so that the
// first screen can weigh every market from the app records alone.
const (
	appRecordVersion   = 4
	appRecordVersionV3 = 3
	appRecordVersionV2 = 2
)

// appRecord is an app as stored: its name, publisher and index.
type appRecord struct {
	figures.App
	series   []indexEntry // in key order
	launches []indexEntry // in key order
	summed   bool         // the series' installs are known (version 4)
}

// indexEntry is one series or launch of an app.
type indexEntry struct {
	country  string
	figures  int   // series only
	installs int64 // series only: the plain sum of its figures' installs
	seal     uint32
}

func encodeAppRecord(r appRecord) []byte {
	e := encoder{}
	e.byte(appRecordVersion)
	e.string(r.Name)
	e.string(r.Publisher)
	e.string(r.Android)
	e.string(r.IOS)
	for i, list := range [][]indexEntry{r.series, r.launches} {
		e.uvarint(uint64(len(list)))
		for _, x := range list {
			e.string(x.country)
			e.uvarint(uint64(x.figures))
			if i == 0 {
				e.uvarint(uint64(x.installs))
			}
			e.b = binary.BigEndian.AppendUint32(e.b, x.seal)
		}
	}
	return e.b
}

func decodeAppRecord(v []byte) (appRecord, error) {
	d := decoder{b: v}
	a, ok := decodeAppFields(&d)
	if !ok {
		return appRecord{}, errCorrupt
	}
	r := appRecord{App: a, summed: v[0] == appRecordVersion}
	for li, list := range []*[]indexEntry{&r.series, &r.launches} {
		n := d.count(6)
		*list = make([]indexEntry, 0, n)
		for i := 0; i < n && d.err == nil; i++ {
			x := indexEntry{country: d.string(), figures: int(d.uvarint())}
			if li == 0 && r.summed {
				x.installs = int64(d.uvarint())
				if x.installs < 0 {
					d.fail()
				}
			}
			if len(d.b) < 4 {
				d.fail()
				break
			}
			x.seal = binary.BigEndian.Uint32(d.b)
			d.b = d.b[4:]
			if i > 0 && (*list)[i-1].country >= x.country {
				d.fail() // the index is in key order, each country once
			}
			*list = append(*list, x)
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail()
	}
	return r, d.err
}

// decodeAppHead reads the name and publisher of an app record, not its
// index: what a list of the apps needs.
func decodeAppHead(v []byte) (figures.App, error) {
	d := decoder{b: v}
	a, ok := decodeAppFields(&d)
	if !ok {
		return figures.App{}, errCorrupt
	}
	return a, d.err
}

// decodeAppFields reads the version and the app's own fields of an app
// record; false for a version it does not know.
func decodeAppFields(d *decoder) (figures.App, bool) {
	v := d.byte()
	if v != appRecordVersion && v != appRecordVersionV3 && v != appRecordVersionV2 {
		return figures.App{}, false
	}
	a := figures.App{Name: d.string(), Publisher: d.string()}
	if v != appRecordVersionV2 {
		a.Android, a.IOS = d.string(), d.string()
	}
	return a, true
}

// findEntry returns the entry of country, by binary search.
func findEntry(list []indexEntry, country string) (indexEntry, bool) {
	i, ok := slices.BinarySearchFunc(list, country, func(x indexEntry, c string) int { return strings.Compare(x.country, c) })
	if !ok {
		return indexEntry{}, false
	}
	return list[i], true
}

// tally is the meta record that the apps bucket is checked against: the
// numbers of series, figures and launches, and each app record's key and
// seal. A read checks an app record it reads against its entry here, so
// it needs no walk of the apps bucket to know the record is the latest.
type tally struct {
	series, figures, launches int
	apps                      []tallyApp // in key order
}

type tallyApp struct {
	key  string
	seal uint32
}

const tallyVersion = 2

var keyTally = []byte("tally")

func encodeTally(t tally) []byte {
	e := encoder{}
	e.byte(tallyVersion)
	for _, n := range []int{t.series, t.figures, t.launches, len(t.apps)} {
		e.uvarint(uint64(n))
	}
	for _, a := range t.apps {
		e.string(a.key)
		e.b = binary.BigEndian.AppendUint32(e.b, a.seal)
	}
	return e.b
}

func decodeTally(v []byte) (tally, error) {
	d := decoder{b: v}
	if d.byte() != tallyVersion {
		return tally{}, errCorrupt
	}
	var t tally
	for _, n := range []*int{&t.series, &t.figures, &t.launches} {
		*n = int(d.uvarint())
	}
	n := d.count(5)
	t.apps = make([]tallyApp, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		a := tallyApp{key: d.string()}
		if len(d.b) < 4 {
			return tally{}, errCorrupt
		}
		a.seal = binary.BigEndian.Uint32(d.b)
		d.b = d.b[4:]
		if i > 0 && t.apps[i-1].key >= a.key {
			return tally{}, errCorrupt
		}
		t.apps = append(t.apps, a)
	}
	if d.err != nil || len(d.b) != 0 {
		return tally{}, errCorrupt
	}
	return t, nil
}

// find returns the tally's entry of a folded app name.
func (t tally) find(folded string) (tallyApp, bool) {
	i, ok := slices.BinarySearchFunc(t.apps, folded, func(a tallyApp, k string) int { return strings.Compare(a.key, k) })
	if !ok {
		return tallyApp{}, false
	}
	return t.apps[i], true
}

// readTally returns the tally stored in meta.
func (s *Store) readTally(tx *bolt.Tx) (tally, error) {
	v, err := s.metaValue(tx, keyTally)
	if err != nil {
		return tally{}, err
	}
	t, err := decodeTally(v)
	if err != nil {
		return tally{}, s.damagedMeta("its tally of records")
	}
	return t, nil
}

// appOfKey returns the folded app of an apps, series or launch key.
func appOfKey(bucket byte, key []byte) string {
	if bucket == bidApps {
		return string(key)
	}
	if i := bytes.LastIndexByte(key, 0); i >= 0 {
		return string(key[:i])
	}
	return string(key)
}

// reindex rebuilds the index of each app in touched, from its series and
// launches as they are now in tx, and then the tally. A value it reads
// must be sound: a write never builds on a damaged one.
func (s *Store) reindex(tx *bolt.Tx, touched map[string]bool) error {
	apps := tx.Bucket(bucketApps)
	apps.FillPercent = 1 // rewritten in key order
	folded := make([]string, 0, len(touched))
	for f := range touched {
		folded = append(folded, f)
	}
	slices.Sort(folded)
	for _, f := range folded {
		k := []byte(f)
		series, err := s.indexRange(tx, bidSeries, f)
		if err != nil {
			return err
		}
		launches, err := s.indexRange(tx, bidLaunches, f)
		if err != nil {
			return err
		}
		v := apps.Get(k)
		if v == nil {
			if len(series)+len(launches) > 0 {
				return s.damagedApp(f, "has figures or launches but no app record")
			}
			continue
		}
		rec, err := s.appRecordOf(k, v)
		if err != nil {
			return err
		}
		rec.series, rec.launches = series, launches
		if err := apps.Put(k, seal(bidApps, k, encodeAppRecord(rec))); err != nil {
			return err
		}
	}
	return s.retally(tx)
}

// indexRange lists the series or launches of one app as the index keeps them.
func (s *Store) indexRange(tx *bolt.Tx, bucket byte, folded string) ([]indexEntry, error) {
	prefix := appPrefix(folded)
	var out []indexEntry
	c := tx.Bucket(bucketByID(bucket)).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		payload, ok := unseal(bucket, k, v)
		if !ok {
			return nil, s.damagedKey(bucket, k, "does not match its checksum")
		}
		x := indexEntry{country: string(k[len(prefix):]), seal: sealOf(v)}
		if bucket == bidSeries {
			n, sum, err := seriesSize(payload)
			if err != nil {
				return nil, s.damagedKey(bucket, k, "cannot be read")
			}
			x.figures, x.installs = n, sum
		}
		out = append(out, x)
	}
	return out, nil
}

// retally counts the app records and writes the tally.
func (s *Store) retally(tx *bolt.Tx) error {
	var t tally
	c := tx.Bucket(bucketApps).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		rec, err := s.appRecordOf(k, v)
		if err != nil {
			return err
		}
		t.apps = append(t.apps, tallyApp{string(k), sealOf(v)})
		t.series += len(rec.series)
		t.launches += len(rec.launches)
		for _, x := range rec.series {
			t.figures += x.figures
		}
	}
	return s.putMeta(tx, keyTally, encodeTally(t))
}

// appRecordOf unseals and decodes an app record.
func (s *Store) appRecordOf(k, v []byte) (appRecord, error) {
	payload, ok := unseal(bidApps, k, v)
	if !ok {
		return appRecord{}, s.damagedApp(string(k), "does not match its checksum")
	}
	rec, err := decodeAppRecord(payload)
	if err != nil {
		return appRecord{}, s.damagedApp(string(k), "cannot be read")
	}
	if figures.FoldName(rec.Name) != string(k) {
		return appRecord{}, s.damagedApp(string(k), "is stored under another name")
	}
	return rec, nil
}

// metaValue returns the payload of a sealed meta value.
func (s *Store) metaValue(tx *bolt.Tx, key []byte) ([]byte, error) {
	v := tx.Bucket(bucketMeta).Get(key)
	if v == nil {
		return nil, s.damagedMeta(fmt.Sprintf("its %s record is missing", key))
	}
	payload, ok := unseal(bidMeta, key, v)
	if !ok {
		return nil, s.damagedMeta(fmt.Sprintf("its %s record does not match its checksum", key))
	}
	return payload, nil
}

func (s *Store) putMeta(tx *bolt.Tx, key, payload []byte) error {
	return tx.Bucket(bucketMeta).Put(key, seal(bidMeta, key, slices.Clone(payload)))
}
