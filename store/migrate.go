package store

import (
	"errors"
	"fmt"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Schema versions and how to go from each to the next.
//
//	0  a file written before undo existed: meta (magic, schema), apps,
//	   series and launches, without the history bucket and the undo key.
//	1  adds the history bucket and the undo key in meta.
//	2  seals every value with a CRC-32C of its bucket, key and bytes,
//	   indexes each app's series and launches in its record, and adds
//	   the tally to meta (seal.go, index.go).
//	3  adds the events bucket and the event tally in meta (events.go);
//	   an older uptake would not see the events, nor undo a step that
//	   changed one, so it is told the file is newer.
//	4  adds the dictionary of texts (dict.go): series values name their
//	   app, sources and notes in it and keep their figures column by
//	   column; launch values hold the month alone (codec.go). History
//	   entries keep their changes compressed, in parts, in the changes
//	   bucket (histstream.go), within a budget (history.go).
//	5  keeps in each app record the sum of each series' installs (index.go),
//	   so that the first screen weighs the markets from the records alone;
//	   an older uptake could not read the records, so the number moves.
//
// migrations[v] takes a file from schema v to v+1. Open runs every step a
// file needs in ONE write transaction, after copying the file to
// PATH.bak-v<old>; the copy is removed only once that transaction has
// committed, and kept (and named in the error) if anything fails.
func (s *Store) migrations() []func(tx *bolt.Tx) error {
	return []func(tx *bolt.Tx) error{
		0: migrate0to1,
		1: s.migrate1to2,
		2: s.migrate2to3,
		3: s.migrate3to4,
		4: s.migrate4to5,
	}
}

// migrate4to5 rebuilds every app's index, which now adds up each series'
// installs; the values themselves do not change.
func (s *Store) migrate4to5(tx *bolt.Tx) error {
	touched := map[string]bool{}
	err := tx.Bucket(bucketApps).ForEach(func(k, _ []byte) error {
		touched[string(k)] = true
		return nil
	})
	if err != nil {
		return err
	}
	return s.reindex(tx, touched)
}

// migrate2to3 creates what schema 3 has and schema 2 lacks: no events yet.
func (s *Store) migrate2to3(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketEvents); err != nil {
		return err
	}
	return s.retallyEvents(tx)
}

// migrate0to1 creates what schema 1 has and schema 0 lacks.
func migrate0to1(tx *bolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketHistory); err != nil {
		return err
	}
	meta := tx.Bucket(bucketMeta)
	if meta.Get(keyUndo) == nil {
		return meta.Put(keyUndo, seqKey(0))
	}
	return nil
}

// requiredBuckets lists the buckets a file of a schema version must hold.
func requiredBuckets(version uint32) [][]byte {
	switch {
	case version == 0:
		return [][]byte{bucketApps, bucketSeries, bucketLaunches}
	case version < 3:
		return [][]byte{bucketApps, bucketSeries, bucketLaunches, bucketHistory}
	case version < 4:
		return [][]byte{bucketApps, bucketSeries, bucketLaunches, bucketHistory, bucketEvents}
	}
	return [][]byte{bucketApps, bucketSeries, bucketLaunches, bucketHistory, bucketEvents, bucketTexts, bucketChanges}
}

// oldSchemaError says that a file needs migrating; Open handles it.
type oldSchemaError struct{ version uint32 }

func (e *oldSchemaError) Error() string {
	return fmt.Sprintf("schema %d is older than %d", e.version, SchemaVersion)
}

// migrate brings the file from schema old up to SchemaVersion and returns
// it opened as the options ask. The file is held for writing (waiting at
// most the timeout) while the backup is made and the migration runs.
func (s *Store) migrate(old uint32) (*bolt.DB, error) {
	db, err := s.openBolt(false)
	if err != nil {
		return nil, fmt.Errorf("%s needs upgrading from schema %d to %d: %w", s.path, old, SchemaVersion, err)
	}
	// Another uptake may have migrated it between our look and this lock.
	version, err := s.schemaOf(db)
	if err != nil {
		db.Close()
		return nil, err
	}
	if version < SchemaVersion {
		if err := s.runMigrations(db, version); err != nil {
			db.Close()
			return nil, err
		}
		// Every value was rewritten: the old pages are free.
		if s.compactIfLoose(db) {
			db.Close()
			return s.openBolt(s.opt.ReadOnly)
		}
	}
	if !s.opt.ReadOnly {
		return db, nil
	}
	if err := db.Close(); err != nil {
		return nil, fmt.Errorf("closing %s: %w", s.path, err)
	}
	return s.openBolt(true)
}

// schemaOf reads the schema version of an open uptake file.
func (s *Store) schemaOf(db *bolt.DB) (uint32, error) {
	var version uint32
	err := s.guard(func() error {
		return db.View(func(tx *bolt.Tx) error {
			meta := tx.Bucket(bucketMeta)
			if meta == nil {
				return fmt.Errorf("%s: %w: its meta bucket is missing", s.path, ErrDamaged)
			}
			var ok bool
			if version, ok = readSchema(meta); !ok {
				return s.damagedMeta("its schema version cannot be read")
			}
			return nil
		})
	})
	return version, err
}

func (s *Store) runMigrations(db *bolt.DB, from uint32) error {
	migrations := s.migrations()
	if int(from) >= len(migrations) || SchemaVersion > len(migrations) {
		return fmt.Errorf("%s: %w: this uptake cannot upgrade schema %d", s.path, ErrDamaged, from)
	}
	backup, err := s.backup(from)
	if err != nil {
		return fmt.Errorf("%s needs upgrading from schema %d to %d, but a backup could not be written first: %w (nothing was changed; make its folder writable and try again)", s.path, from, SchemaVersion, err)
	}
	kept := func(err error) error {
		return fmt.Errorf("upgrading %s from schema %d to %d failed: %w; the file was left as it was, and a copy is kept in %s", s.path, from, SchemaVersion, err, backup)
	}
	if s.opt.AfterBackup != nil {
		if err := s.opt.AfterBackup(backup); err != nil {
			return kept(err)
		}
	}
	err = s.guard(func() error {
		return db.Update(func(tx *bolt.Tx) error {
			for v := from; v < SchemaVersion; v++ {
				if err := migrations[v](tx); err != nil {
					return fmt.Errorf("schema %d to %d: %w", v, v+1, err)
				}
			}
			return s.writeSchema(tx, SchemaVersion)
		})
	})
	if err != nil {
		return kept(err)
	}
	// Committed (bbolt syncs on commit): the copy has done its job.
	if err := os.Remove(backup); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("upgraded %s, but its backup %s could not be removed: %w", s.path, backup, err)
	}
	return nil
}

// backup copies the file, which this process holds for writing, to
// PATH.bak-v<old> (or PATH.bak-v<old>.N when that name is taken: a copy
// kept by an earlier failed upgrade is never overwritten), synced to disk.
func (s *Store) backup(old uint32) (string, error) {
	base := fmt.Sprintf("%s.bak-v%d", s.path, old)
	var out *os.File
	var name string
	for i := 1; i < 100; i++ {
		name = base
		if i > 1 {
			name = fmt.Sprintf("%s.%d", base, i)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		out = f
		break
	}
	if out == nil {
		return "", fmt.Errorf("no free name for a backup beside %s", s.path)
	}
	// Held for writing by this process, the file holds no write in
	// flight: a plain copy of its bytes is the file as it was.
	err := copyInto(out, s.path)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

func copyInto(out *os.File, path string) error {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	_, err = io.Copy(out, in)
	return err
}
