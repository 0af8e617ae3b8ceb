// Package store keeps uptake's figures in one bbolt file. It is the only
// package that touches bbolt: it owns the domain types, the key layout,
// the transactions, the schema version, the history used by undo, and the
// reading rules that turn figures into numbers on screen.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout this build writes. A file with a larger
// number is refused; a smaller one is migrated on open.
const SchemaVersion = 5

// DefaultTimeout is how long Open and each transaction wait for another
// uptake process to let go of the file before giving up.
const DefaultTimeout = 5 * time.Second

// Options tune how a store holds its file.
type Options struct {
	// Timeout is how long to wait for another process's lock; 0 means
	// DefaultTimeout. The wait never hangs past it.
	Timeout time.Duration
	// ReadOnly opens the file for reading only; writes fail with ErrReadOnly.
	ReadOnly bool
	// Transient holds the file only while a read or write runs, so that
	// another process (an import in a second terminal) can write between
	// them. The dashboard uses it; one-shot commands do not.
	Transient bool
	// Now gives the time written into changed figures; nil means time.Now.
	Now func() time.Time
	// OnWait, when set, is called each time the file is found held by
	// another process, before waiting for it (at most Timeout), so that
	// the user can be told why nothing happens yet.
	OnWait func()
	// AfterBackup, when set (by tests), runs once a migration's backup is
	// written and before its transaction; an error stops the migration.
	AfterBackup func(backup string) error
}

// Store is an open uptake database.
type Store struct {
	path string
	opt  Options

	// histFloor is the history kept however small the file, and
	// compactMin the free space below which it is not compacted
	// (historyFloor and compactMinFree; tests lower them).
	histFloor, compactMin int64

	mu     sync.Mutex // guards db and reopen
	db     *bolt.DB   // nil between transactions in transient mode
	reopen bool       // the file was compacted: open the path again before the next transaction
}

// Open opens the database at path, creating it (and its folder, 0700) when
// it does not exist. A file that is not an uptake database, or that a newer
// uptake wrote, is refused and left as it was.
func Open(path string, opt Options) (*Store, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	s := &Store{path: path, opt: opt, histFloor: historyFloor, compactMin: compactMinFree}
	state, err := s.precheck()
	if err != nil {
		return nil, err
	}
	if state != fileExists {
		if opt.ReadOnly {
			return nil, fmt.Errorf("%s: %w (load figures first, e.g. uptake -seed -db %s)", figures.Sanitize(path), ErrNotFound, shellQuote(path))
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("cannot create the folder for the database %s: %w", figures.Sanitize(path), err)
		}
		if err := s.create(state == fileUnborn); err != nil {
			return nil, err
		}
	}
	// A transient store only looks at the file here: it is checked for
	// writing before each write.
	db, err := s.openBolt(opt.ReadOnly || opt.Transient)
	if err != nil {
		return nil, err
	}
	if err := s.checkSchema(db); err != nil {
		db.Close()
		var old *oldSchemaError
		if !errors.As(err, &old) {
			return nil, err
		}
		if db, err = s.migrate(old.version); err != nil {
			return nil, err
		}
	}
	if opt.Transient {
		if err := db.Close(); err != nil {
			return nil, fmt.Errorf("closing %s: %w", figures.Sanitize(path), err)
		}
		return s, nil
	}
	s.db = db
	return s, nil
}

// Path returns the file the store reads and writes.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store was opened for reading only.
func (s *Store) ReadOnly() bool { return s.opt.ReadOnly }

// Close lets go of the file.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reopen = false
	if s.db == nil || s.opt.Transient {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	return err
}

// boltMagic is the number every bbolt meta page carries.
const boltMagic = 0xED0CDAED

// fileState is what precheck found at the path.
type fileState int

const (
	fileExists  fileState = iota // a database to open
	fileMissing                  // nothing there: create one
	fileUnborn                   // an empty file, or a bbolt file in which no transaction ever committed: replace it
)

// precheck looks at the file before bbolt does, so that a directory, an
// unreadable path, or a file that is not a bbolt database gets a plain
// message instead of whatever bbolt would do with it. What can change
// while another process writes is checked later, under the lock
// (checkLocked).
func (s *Store) precheck() (fileState, error) {
	fi, err := os.Stat(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return fileMissing, nil
	}
	if err != nil {
		return 0, fmt.Errorf("cannot read the database %s: %w", figures.Sanitize(s.path), err)
	}
	if fi.IsDir() {
		return 0, fmt.Errorf("%s is a folder, not a database file (give a file path with -db, e.g. %s)", figures.Sanitize(s.path), figures.Sanitize(filepath.Join(s.path, "uptake.db")))
	}
	if !fi.Mode().IsRegular() {
		return 0, fmt.Errorf("%s is not a regular file (it is a device, a pipe or a socket; give the path of a database file with -db)", figures.Sanitize(s.path))
	}
	if fi.Size() == 0 {
		return fileUnborn, nil
	}
	f, err := os.Open(s.path)
	if err != nil {
		return 0, fmt.Errorf("cannot read the database %s: %w (check its permissions)", figures.Sanitize(s.path), err)
	}
	defer f.Close()
	var head [32]byte
	if _, err := io.ReadFull(f, head[:]); err != nil || binary.LittleEndian.Uint32(head[16:20]) != boltMagic {
		return 0, fmt.Errorf("%s: %w (it holds something else; uptake leaves it as it is — choose another file with -db)", figures.Sanitize(s.path), ErrNotUptake)
	}
	if unborn(f, int64(binary.LittleEndian.Uint32(head[24:28]))) {
		return fileUnborn, nil
	}
	return fileExists, nil
}

// openBolt opens the file with bbolt, waiting at most the timeout for a
// lock; the file is checked under the lock before bbolt maps it.
func (s *Store) openBolt(readOnly bool) (db *bolt.DB, err error) {
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, s.damageFile(fmt.Sprintf("it cannot be opened (%v)", r))
		}
	}()
	opt := &bolt.Options{
		Timeout:  s.opt.Timeout,
		ReadOnly: readOnly,
		OpenFile: s.openLocked(readOnly),
		// A stored freelist: without one, bbolt rebuilds it on every
		// writable open by walking all pages in goroutines of its own,
		// where a damaged page the walk in checkPages missed would crash
		// the process instead of erroring.
		NoFreelistSync: false,
		FreelistType:   bolt.FreelistMapType,
	}
	if !readOnly {
		opt.InitialMmapSize = writeMapSize
	}
	db, err = bolt.Open(s.path, 0o600, opt)
	var ours *lockedError
	switch {
	case err == nil:
		db.AllocSize = allocSize
		return db, nil
	case errors.As(err, &ours):
		return nil, ours.err
	case errors.Is(err, berrors.ErrTimeout):
		return nil, s.busy()
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch):
		return nil, s.damageFile(fmt.Sprintf("bbolt cannot read it (%v)", err))
	case errors.Is(err, os.ErrPermission):
		return nil, fmt.Errorf("cannot open the database %s: %w (check its permissions)", figures.Sanitize(s.path), err)
	default:
		return nil, fmt.Errorf("cannot open the database %s: %w", figures.Sanitize(s.path), err)
	}
}

// writeMapSize is how much of the address space a file opened for
// writing is mapped into at once. Each time a write outgrows the map,
// bbolt maps the file again and first copies every key and value the
// write holds out of the old map: an import of the million into a new
// file did that ten times (the map doubles from 32 KB), a quarter of its
// writing time. Mapping more than the file holds takes address space,
// not memory, and does not grow the file.
const writeMapSize = 256 << 20

// allocSize is how far past its last page the file grows when a write
// needs more room. bbolt's default, 16 MB, padded every file of up to
// 16 MB to the size of its memory map (a power of two: 16 MB for the
// million figures' 5); growing by a little more than is needed costs one
// more truncate and fsync in a write that grows the file, and no byte of
// the file stands empty past 64 KB.
const allocSize = 64 << 10

// busy is the error for a file another process held past the timeout.
func (s *Store) busy() error {
	return fmt.Errorf("%s: %w (waited %s for it; let the other uptake finish, e.g. an import, then try again)", figures.Sanitize(s.path), ErrBusy, s.opt.Timeout)
}

// guard turns a panic inside bbolt, which a damaged file can cause, into
// an error naming the file.
func (s *Store) guard(fn func() error) (err error) {
	// A fault reading the mapped file is a panic here, not a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = s.damageFile(fmt.Sprintf("reading it failed (%v)", r))
		}
	}()
	return fn()
}

// acquire returns the open database, opening it for this transaction in
// transient mode; release undoes what acquire did.
func (s *Store) acquire(write bool) (*bolt.DB, func(), error) {
	s.mu.Lock()
	if !s.opt.Transient {
		if s.reopen {
			db, err := s.openBolt(s.opt.ReadOnly)
			if err != nil {
				s.mu.Unlock()
				return nil, nil, err
			}
			s.db, s.reopen = db, false
		}
		if s.db == nil {
			s.mu.Unlock()
			return nil, nil, fmt.Errorf("%s: the store is closed", figures.Sanitize(s.path))
		}
		return s.db, s.mu.Unlock, nil
	}
	db, err := s.openBolt(!write)
	if err != nil {
		s.mu.Unlock()
		return nil, nil, err
	}
	return db, func() { db.Close(); s.mu.Unlock() }, nil
}

// view runs fn in a read transaction.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	db, release, err := s.acquire(false)
	if err != nil {
		return err
	}
	defer release()
	return s.guard(func() error { return db.View(fn) })
}

// update runs fn in a write transaction: all of it is written, or none.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.opt.ReadOnly {
		return fmt.Errorf("%s: %w", figures.Sanitize(s.path), ErrReadOnly)
	}
	db, release, err := s.acquire(true)
	if err != nil {
		return err
	}
	defer release()
	if err := s.guard(func() error { return db.Update(fn) }); err != nil {
		return err
	}
	if s.compactIfLoose(db) && !s.opt.Transient {
		// The path names the compacted file: it is opened for the next
		// transaction (a transient store opens it anyway).
		db.Close()
		s.db, s.reopen = nil, true
	}
	return nil
}

// Stamp is a cheap fingerprint of the file: it changes when any process
// writes. The dashboard polls it to notice an import from another terminal.
func (s *Store) Stamp() (string, error) {
	fi, err := os.Stat(s.path)
	if err != nil {
		return "", fmt.Errorf("cannot read the database %s: %w", figures.Sanitize(s.path), err)
	}
	// The modification time can stay the same over two quick writes and
	// the size often does; the transaction id of the meta page never does.
	return fmt.Sprintf("%d/%d/%d", fi.ModTime().UnixNano(), fi.Size(), s.txid()), nil
}

// txid reads the id of the last committed transaction from the meta
// pages, without a lock: a torn read only makes the stamp change.
func (s *Store) txid() uint64 {
	f, err := os.Open(s.path)
	if err != nil {
		return 0
	}
	defer f.Close()
	var head [32]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return 0
	}
	pageSize := int64(binary.LittleEndian.Uint32(head[24:28]))
	return max(readMeta(f, 0).txid, readMeta(f, pageSize).txid)
}
