package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// A new database appears whole or not at all. bbolt writes a new file in
// place, and a kill (or a full disk) between its first pages and
// uptake's first transaction used to leave a file that every later run
// refused. So the file is built beside the path, under a hidden name, and
// linked into place only once its first transaction has committed; a
// failure removes the hidden file and leaves the path as it was.

// create builds an empty uptake database and puts it at s.path. With
// replace, the path holds an empty or unborn file (see unborn), which is
// replaced unless another uptake has made it a database meanwhile.
func (s *Store) create(replace bool) error {
	dir, base := filepath.Split(s.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".new-*")
	if err != nil {
		return s.cannotCreate(err)
	}
	name := tmp.Name()
	defer os.Remove(name) // after a link, the database keeps its other name
	if err := tmp.Close(); err != nil {
		return s.cannotCreate(err)
	}
	db, err := bolt.Open(name, 0o600, &bolt.Options{Timeout: s.opt.Timeout})
	if err != nil {
		return s.cannotCreate(err)
	}
	err = db.Update(s.initFile)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return s.cannotCreate(err)
	}
	if replace {
		err = s.replaceUnborn(name)
	} else {
		err = os.Link(name, s.path)
		if errors.Is(err, os.ErrExist) {
			return nil // another uptake made it first: use theirs
		}
	}
	if err != nil {
		return s.cannotCreate(err)
	}
	syncDir(dir)
	return nil
}

func (s *Store) cannotCreate(err error) error {
	hint := "choose another place with -db"
	if errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT) || errors.Is(err, syscall.EFBIG) {
		hint = "free some space, or choose another place with -db"
	}
	return fmt.Errorf("cannot create the database %s: %w (nothing was written; %s)", figures.Sanitize(s.path), err, hint)
}

// initFile makes a new file an uptake database: its buckets and its
// sealed meta records.
func (s *Store) initFile(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketMeta, bucketApps, bucketSeries, bucketLaunches, bucketHistory, bucketEvents, bucketTexts, bucketChanges} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return err
		}
	}
	if err := s.putMeta(tx, keyMagic, keyMagic); err != nil {
		return err
	}
	if err := s.writeSchema(tx, SchemaVersion); err != nil {
		return err
	}
	if err := s.setUndoCursor(tx, 0); err != nil {
		return err
	}
	if err := s.putMeta(tx, keyEventTally, encodeEventTally(eventTally{})); err != nil {
		return err
	}
	return s.putMeta(tx, keyTally, encodeTally(tally{}))
}

// replaceUnborn renames the file built beside the path over an unborn
// file, holding the unborn file's lock so that no other uptake is using
// it, and only if it is still unborn and still at the path.
func (s *Store) replaceUnborn(built string) error {
	f, err := os.OpenFile(s.path, os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return os.Rename(built, s.path)
	}
	if err != nil {
		return err
	}
	defer f.Close()
	if err := s.lockFile(f, true); err != nil {
		return err
	}
	if !samePath(f, s.path) {
		return nil // replaced meanwhile by another uptake: use theirs
	}
	if fi, err := f.Stat(); err != nil || fi.Size() > 0 && !unborn(f, pageSizeOf(f)) {
		return nil // made a database meanwhile
	}
	return os.Rename(built, s.path)
}

// unborn reports whether a bbolt file has never had a transaction
// committed: bbolt's own first pages give transaction ids 0 and 1, and
// uptake's first transaction is id 2, so such a file holds nothing. A
// file cut short inside those first pages counts as unborn when the meta
// page that survives says so.
func unborn(r io.ReaderAt, pageSize int64) bool {
	if pageSize < 512 || pageSize > 1<<20 {
		return false
	}
	a, b := readMeta(r, 0), readMeta(r, pageSize)
	if !a.ok && !b.ok {
		return false
	}
	return (!a.ok || a.txid <= 1) && (!b.ok || b.txid <= 1)
}

// pageSizeOf reads the page size from the first meta page.
func pageSizeOf(r io.ReaderAt) int64 {
	var head [32]byte
	if _, err := r.ReadAt(head[:], 0); err != nil {
		return 0
	}
	return int64(binary.LittleEndian.Uint32(head[24:28]))
}

// samePath reports whether f is still the file at path.
func samePath(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// syncDir makes a rename or link in dir durable; where a folder cannot be
// synced, there is nothing more to do.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// lockFile takes the lock bbolt would take (exclusive to write, shared to
// read), waiting at most the timeout and saying once that it waits.
func (s *Store) lockFile(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	deadline := time.Now().Add(s.opt.Timeout)
	told := false
	for {
		err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return fmt.Errorf("cannot lock the database %s: %w", figures.Sanitize(s.path), err)
		}
		if !told && s.opt.OnWait != nil {
			s.opt.OnWait()
		}
		told = true
		if time.Now().After(deadline) {
			return s.busy()
		}
		time.Sleep(50 * time.Millisecond)
	}
}
