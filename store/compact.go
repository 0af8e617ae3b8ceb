package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	bolt "go.etcd.io/bbolt"
)

// bbolt never gives pages back: a write copies every page it changes, so
// a re-import that replaces every figure leaves the old pages free inside
// the file, and the file grows by the size of its figures each time (the
// pages of the history dropped are free too). When a write leaves more
// than a third of the file free (and at least compactMinFree), the file is
// compacted: copied, bucket by bucket in key order with full pages, to a
// hidden file beside it, synced, and renamed over it, while this process
// holds the file's lock. Every value is copied as it is, seals and all,
// and checked against its seal on the way: a file with a damaged value is
// left as it is. A failure (a full disk, a folder not writable) leaves
// the file as it is, whole, with the write in it; compacting is only
// ever a saving. A kill during it leaves the file whole and a hidden
// file beside it, which the next compaction removes.
//
// Another uptake that waits for the lock on the file it opened finds,
// once it has it, that the path names another file now, and opens that
// one (openLocked); so it never writes into the file renamed away.

// compactMinFree is the free space below which a file is not compacted.
const compactMinFree = 1 << 20

// compactChunk bounds how much one transaction of the copy holds in memory.
const compactChunk = 4 << 20

// errNotCompacted says why a file is left as it is; it is not the user's
// concern, since the write it follows has committed.
var errNotCompacted = errors.New("not compacted")

// loose reports whether the file has enough free pages to compact: at
// least min bytes, and more than a third of it.
func loose(db *bolt.DB, size, min int64) bool {
	st := db.Stats()
	free := int64(st.FreePageN+st.PendingPageN) * int64(db.Info().PageSize)
	return free >= min && 3*free > size
}

// compactIfLoose compacts the file of db, open for writing, when a write
// left it loose, and reports whether it did: db then reads the file
// renamed away, and is to be closed and the path opened again. It never
// fails: a file it cannot compact is left as it is.
func (s *Store) compactIfLoose(db *bolt.DB) bool {
	fi, err := os.Stat(s.path)
	if err != nil || !loose(db, fi.Size(), s.compactMin) {
		return false
	}
	return s.guard(func() error { return s.compact(db) }) == nil
}

// compact copies db's file to a hidden file beside it and renames that
// over the path.
func (s *Store) compact(db *bolt.DB) error {
	real, err := filepath.EvalSymlinks(s.path)
	if err != nil {
		return err
	}
	fi, err := os.Stat(real)
	if err != nil {
		return err
	}
	// A file with other names, or of another owner, would lose them, or
	// change hands: leave it.
	if st, ok := fi.Sys().(*syscall.Stat_t); !ok || st.Nlink != 1 || int(st.Uid) != os.Geteuid() {
		return errNotCompacted
	}
	dir, base := filepath.Split(real)
	if dir == "" {
		dir = "."
	}
	// A hidden copy left by a compaction that was killed: this process
	// holds the file's lock, so no other is writing one.
	if entries, err := os.ReadDir(dir); err == nil {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), "."+base+".compact-") {
				os.Remove(filepath.Join(dir, e.Name()))
			}
		}
	}
	tmp, err := os.CreateTemp(dir, "."+base+".compact-*")
	if err != nil {
		return err
	}
	name := tmp.Name()
	tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(name)
		}
	}()
	dst, err := bolt.Open(name, fi.Mode().Perm(), &bolt.Options{PageSize: db.Info().PageSize, NoSync: true, FreelistType: bolt.FreelistMapType, InitialMmapSize: writeMapSize})
	if err != nil {
		return err
	}
	dst.AllocSize = allocSize
	err = copyDB(dst, db)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Chmod(name, fi.Mode().Perm()); err != nil {
		return err
	}
	if err := os.Rename(name, real); err != nil {
		return err
	}
	done = true
	syncDir(dir)
	return nil
}

// copyDB copies every bucket of src into the empty dst, in key order,
// pages filled, in transactions of about compactChunk bytes, checking
// each value of uptake's buckets against its seal.
func copyDB(dst, src *bolt.DB) error {
	return src.View(func(stx *bolt.Tx) error {
		tx, err := dst.Begin(true)
		if err != nil {
			return err
		}
		defer func() { tx.Rollback() }()
		held := 0
		err = stx.ForEach(func(name []byte, sb *bolt.Bucket) error {
			bid := bucketID(name)
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
			return sb.ForEach(func(k, v []byte) error {
				if v == nil {
					return fmt.Errorf("%w: a nested bucket in %s", errNotCompacted, name)
				}
				if _, ok := unseal(bid, k, v); bid != 0 && !ok {
					return fmt.Errorf("%w: a damaged value in %s", errNotCompacted, name)
				}
				if held > compactChunk {
					if err := tx.Commit(); err != nil {
						return err
					}
					if tx, err = dst.Begin(true); err != nil {
						return err
					}
					held = 0
				}
				b := tx.Bucket(name)
				b.FillPercent = 1
				held += len(k) + len(v)
				// The source's bytes are valid until its transaction
				// ends; the copy's transaction may commit before.
				return b.Put(k, clone(v))
			})
		})
		if err != nil {
			return err
		}
		return tx.Commit()
	})
}
