package store

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// checkSchema checks that the file is an uptake database this build can
// read, and says when it needs migrating.
func (s *Store) checkSchema(db *bolt.DB) error {
	var version uint32
	err := s.guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			meta := tx.Bucket(bucketMeta)
			if meta == nil || !isMagic(meta.Get(keyMagic)) {
				// uptake's own buckets, or its mark under a seal that fails,
				// say the file is uptake's and damaged, not another program's.
				if hasOurBuckets(tx) || meta != nil && bytes.HasPrefix(meta.Get(keyMagic), keyMagic) {
					return s.damageFile("its mark as an uptake database is damaged")
				}
				return fmt.Errorf("%s: %w (it is a bbolt file of another program; uptake leaves it as it is — choose another file with -db)", figures.Sanitize(s.path), ErrNotUptake)
			}
			var ok bool
			if version, ok = readSchema(meta); !ok {
				return s.damagedMeta("its schema version cannot be read")
			}
			if version > SchemaVersion {
				return nil // refused below, whatever its layout
			}
			for _, name := range requiredBuckets(version) {
				if tx.Bucket(name) == nil {
					return s.damagedMeta(fmt.Sprintf("its %s bucket is missing", name))
				}
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	if version > SchemaVersion {
		return fmt.Errorf("%s: %w (schema %d; this uptake reads up to %d): install the newer uptake to open it", figures.Sanitize(s.path), ErrNewerSchema, version, SchemaVersion)
	}
	if version < SchemaVersion {
		return &oldSchemaError{version}
	}
	return nil
}

// isMagic reports whether v is uptake's mark, as schema 0 and 1 wrote it
// or sealed.
func isMagic(v []byte) bool {
	if bytes.Equal(v, keyMagic) {
		return true
	}
	p, ok := unseal(bidMeta, keyMagic, v)
	return ok && bytes.Equal(p, keyMagic)
}

// readSchema reads the schema version: 4 bytes before schema 2, sealed
// from schema 2 on.
func readSchema(meta *bolt.Bucket) (uint32, bool) {
	v := meta.Get(keySchema)
	switch len(v) {
	case 4:
		// Schemas 0 and 1 wrote the number bare; a bare number above
		// what this build knows is a newer uptake's, whatever its layout.
		n := binary.BigEndian.Uint32(v)
		return n, n < 2 || n > SchemaVersion
	case 4 + sealLen:
		p, ok := unseal(bidMeta, keySchema, v)
		if !ok {
			return 0, false
		}
		return binary.BigEndian.Uint32(p), true
	}
	return 0, false
}

// writeSchema writes the schema version, sealed.
func (s *Store) writeSchema(tx *bolt.Tx, version uint32) error {
	return s.putMeta(tx, keySchema, binary.BigEndian.AppendUint32(nil, version))
}

// hasOurBuckets reports whether the file's top level names at least two
// of the buckets only uptake's files have (meta, history and events are
// names other programs use too; every schema has apps, series and
// launches). It walks the names with a cursor rather than looking each
// up: one flipped byte in a name can put the names out of order, and
// then a lookup (a binary search) misses sound names too, and a damaged
// uptake file would be called another program's.
func hasOurBuckets(tx *bolt.Tx) bool {
	ours := [][]byte{bucketApps, bucketSeries, bucketLaunches, bucketTexts, bucketChanges}
	found := 0
	c := tx.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		for _, name := range ours {
			if bytes.Equal(k, name) {
				found++
			}
		}
	}
	return found >= 2
}
