package store

import (
	"encoding/binary"

	bolt "go.etcd.io/bbolt"
)

// migrate3to4 moves every series and launch to the codecs of schema 4:
// a series names its app, sources and notes in the dictionary and keeps
// its figures column by column, a launch holds its month alone. The undo
// history's entries move to their compressed parts, with their copies of
// series and launches in the new codecs, so that undo goes on working
// across the upgrade; then every app's index is rebuilt, since every seal
// changed. No entry is dropped: the first write after trims the history.
// A value that cannot be read is refused, as in migrate1to2: a file is
// never sealed anew with damage inside it.
func (s *Store) migrate3to4(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketTexts); err != nil {
		return err
	}
	d := newTexts(tx)
	touched := map[string]bool{}
	for _, bid := range []byte{bidSeries, bidLaunches} {
		err := rewrite(tx, bid, func(k, v []byte) ([]byte, error) {
			touched[appOfKey(bid, k)] = true
			out, ok, err := s.valueV4(d, bid, k, v)
			if err == nil && !ok {
				err = s.damagedKey(bid, k, "cannot be read")
			}
			return out, err
		})
		if err != nil {
			return err
		}
	}
	if _, err := tx.CreateBucketIfNotExists(bucketChanges); err != nil {
		return err
	}
	err := rewrite(tx, bidHistory, func(k, v []byte) ([]byte, error) {
		payload, ok := unseal(bidHistory, k, v)
		if !ok || len(k) != 8 {
			return nil, s.damagedKey(bidHistory, k, "cannot be read")
		}
		e, changes, err := decodeEntryV2(binary.BigEndian.Uint64(k), payload)
		if err != nil {
			return nil, s.damagedKey(bidHistory, k, "cannot be read")
		}
		w := newChangeWriter()
		for _, ch := range changes {
			if ch.other != nil && (ch.bucket == bidSeries || ch.bucket == bidLaunches) {
				out, ok, err := s.valueV4(d, ch.bucket, ch.key, ch.other)
				if err != nil {
					return nil, err
				}
				if !ok {
					return nil, s.damagedKey(bidHistory, k, "holds a copy that cannot be read")
				}
				ch.other = out
			}
			if err := w.add(ch.bucket, ch.key, ch.other); err != nil {
				return nil, err
			}
		}
		parts, err := w.close()
		if err != nil {
			return nil, err
		}
		head := entryHead{Entry: e, changes: len(changes), parts: len(parts), size: w.size}
		if head.sum, err = putParts(tx, e.Seq, parts); err != nil {
			return nil, err
		}
		return seal(bidHistory, k, encodeHead(head)), nil
	})
	if err != nil {
		return err
	}
	c := tx.Bucket(bucketApps).Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		touched[string(k)] = true
	}
	return s.reindex(tx, touched)
}

// valueV4 turns a sealed series or launch value of schema 3 into one of
// schema 4, sealed; false when it cannot be read.
func (s *Store) valueV4(d *texts, bid byte, k, v []byte) ([]byte, bool, error) {
	payload, ok := unseal(bid, k, v)
	if !ok {
		return nil, false, nil
	}
	if bid == bidLaunches {
		m, err := decodeLaunchV1(payload)
		if err != nil {
			return nil, false, nil
		}
		return seal(bid, k, encodeLaunch(m)), true, nil
	}
	country, _ := keyCountry(k)
	figs, err := decodeSeriesV1(payload, country)
	if err != nil {
		return nil, false, nil
	}
	d1 := decoder{b: payload}
	d1.byte()
	app := d1.string() // a series with no figure still names its app
	out, err := encodeSeries(d, app, figs)
	if err != nil {
		return nil, false, s.textDamage(bid, k, err)
	}
	return seal(bid, k, out), true, nil
}
