package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// migrate1to2 seals every value, gives each app record its index and
// meta its tally (schema 2). Values that cannot be read are refused: a
// file is never sealed with damage inside it, which would make the
// damage look sound. The undo history is converted too, so that undo
// goes on working across the upgrade.
func (s *Store) migrate1to2(tx *bolt.Tx) error {
	touched := map[string]bool{}
	for _, bid := range []byte{bidSeries, bidLaunches} {
		err := rewrite(tx, bid, func(k, v []byte) ([]byte, error) {
			if bid == bidSeries {
				if _, err := seriesLenV1(v); err != nil {
					return nil, s.damagedKey(bid, k, "cannot be read")
				}
			} else if _, err := decodeLaunchV1(v); err != nil {
				return nil, s.damagedKey(bid, k, "cannot be read")
			}
			touched[appOfKey(bid, k)] = true
			return seal(bid, k, v), nil
		})
		if err != nil {
			return err
		}
	}
	err := rewrite(tx, bidApps, func(k, v []byte) ([]byte, error) {
		a, err := decodeAppV1(v)
		if err != nil {
			return nil, s.damagedKey(bidApps, k, "cannot be read")
		}
		touched[string(k)] = true
		return seal(bidApps, k, encodeAppRecord(appRecord{App: a})), nil
	})
	if err != nil {
		return err
	}
	if err := s.adoptOrphans(tx, touched); err != nil {
		return err
	}
	err = rewrite(tx, bidHistory, func(k, v []byte) ([]byte, error) {
		seq := binary.BigEndian.Uint64(append(make([]byte, 8-min(8, len(k))), k...))
		e, changes, err := decodeEntryV2(seq, v)
		if err != nil {
			return nil, s.damagedKey(bidHistory, k, "cannot be read")
		}
		for i := range changes {
			ch := &changes[i]
			if ch.other == nil {
				continue
			}
			if ch.bucket == bidApps {
				a, err := decodeAppV1(ch.other)
				if err != nil {
					return nil, s.damagedKey(bidHistory, k, "holds an app that cannot be read")
				}
				// The index is rebuilt after an undo; an empty one will do.
				ch.other = encodeAppRecord(appRecord{App: a})
			}
			ch.other = seal(ch.bucket, ch.key, ch.other)
		}
		return seal(bidHistory, k, encodeEntryV2(e, changes)), nil
	})
	if err != nil {
		return err
	}
	meta := tx.Bucket(bucketMeta)
	undo := meta.Get(keyUndo)
	if len(undo) != 8 {
		undo = seqKey(0)
	}
	if err := s.putMeta(tx, keyUndo, undo); err != nil {
		return err
	}
	if err := s.putMeta(tx, keyMagic, keyMagic); err != nil {
		return err
	}
	return s.reindex(tx, touched)
}

// adoptOrphans gives an app record to every app that has series or
// launches but no record (a schema-1 file could hold such), named as its
// series name it.
func (s *Store) adoptOrphans(tx *bolt.Tx, touched map[string]bool) error {
	apps := tx.Bucket(bucketApps)
	for folded := range touched {
		if apps.Get([]byte(folded)) != nil {
			continue
		}
		name := folded
		prefix := appPrefix(folded)
		if k, v := tx.Bucket(bucketSeries).Cursor().Seek(prefix); k != nil && bytes.HasPrefix(k, prefix) {
			if p, ok := unseal(bidSeries, k, v); ok {
				d := decoder{b: p}
				d.byte()
				if n := d.string(); d.err == nil && figures.FoldName(n) == folded {
					name = n
				}
			}
		}
		if err := figures.ValidateName("app", name); err != nil {
			return fmt.Errorf("an app with figures but no record, %q, cannot be named: %w", figures.Sanitize(folded), err)
		}
		k := []byte(folded)
		if err := apps.Put(k, seal(bidApps, k, encodeAppRecord(appRecord{App: figures.App{Name: name}}))); err != nil {
			return err
		}
	}
	return nil
}

// rewrite replaces every value of a bucket by what fn makes of it. The
// pairs are copied out first: bbolt's values may not be kept across a Put.
func rewrite(tx *bolt.Tx, bid byte, fn func(k, v []byte) ([]byte, error)) error {
	b := tx.Bucket(bucketByID(bid))
	type pair struct{ k, v []byte }
	var all []pair
	if err := b.ForEach(func(k, v []byte) error {
		all = append(all, pair{clone(k), clone(v)})
		return nil
	}); err != nil {
		return err
	}
	for _, p := range all {
		v, err := fn(p.k, p.v)
		if err != nil {
			return err
		}
		if err := b.Put(p.k, v); err != nil {
			return err
		}
	}
	return nil
}
