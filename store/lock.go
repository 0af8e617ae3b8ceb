package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	"github.com/uptake/uptake/figures"
)

// bbolt maps the file and trusts its meta page: a file cut short reads
// past its end, a fault no recover can catch. So the file is checked
// before bbolt maps it, and under the lock bbolt is about to take, so
// that a writer in another process cannot grow the file between the look
// at its size and the look at its meta page (a healthy file used to be
// called damaged that way). openLocked is bbolt's OpenFile: it opens the
// file, takes the lock (bbolt's own flock on the same descriptor then
// succeeds at once), and checks.

// lockedError carries an error of ours through bbolt's Open unchanged.
type lockedError struct{ err error }

func (e *lockedError) Error() string { return e.err.Error() }
func (e *lockedError) Unwrap() error { return e.err }

// openLocked returns the OpenFile function for bbolt.
func (s *Store) openLocked(readOnly bool) func(string, int, os.FileMode) (*os.File, error) {
	return func(name string, flag int, mode os.FileMode) (*os.File, error) {
		// The path can be replaced while we wait for its lock (a new
		// database linked over an unborn file, a file compacted): then
		// try the new one.
		for attempt := 0; ; attempt++ {
			f, err := os.OpenFile(name, flag, mode)
			if err != nil {
				return nil, err
			}
			if err := s.lockFile(f, !readOnly); err != nil {
				f.Close()
				return nil, &lockedError{err}
			}
			if !samePath(f, name) {
				// Never go on with the file renamed away: a write there
				// would be lost.
				f.Close()
				if attempt < 10 {
					continue
				}
				return nil, &lockedError{fmt.Errorf("%s: another uptake keeps replacing the file (compacting it, or creating it): try again", figures.Sanitize(name))}
			}
			if err := s.checkLocked(f, !readOnly); err != nil {
				f.Close()
				return nil, &lockedError{err}
			}
			return f, nil
		}
	}
}

// checkLocked checks the file held under its lock: its size against its
// meta page and the shape of its trees always (checkShape), and before a
// write every page it reaches and the seal of every value (checkPages),
// so that nothing is written into a damaged file.
func (s *Store) checkLocked(f *os.File, writing bool) error {
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot read the database %s: %w", figures.Sanitize(s.path), err)
	}
	var head [32]byte
	if _, err := f.ReadAt(head[:], 0); err != nil {
		return s.damageFile(fmt.Sprintf("its first page cannot be read (%v)", err))
	}
	if binary.LittleEndian.Uint32(head[16:20]) != boltMagic {
		return fmt.Errorf("%s: %w (it holds something else; uptake leaves it as it is — choose another file with -db)", figures.Sanitize(s.path), ErrNotUptake)
	}
	pageSize := int64(binary.LittleEndian.Uint32(head[24:28]))
	if pageSize < 512 || pageSize > 1<<20 || fi.Size() < 4*pageSize || fi.Size()%pageSize != 0 {
		return s.damageFile(fmt.Sprintf("it is cut short or padded (%d bytes)", fi.Size()))
	}
	check := checkShape
	if writing {
		check = checkPages
	}
	if err := check(f, pageSize, fi.Size()); err != nil {
		var bad *sealError
		if errors.As(err, &bad) {
			return s.damage(bad.part)
		}
		return s.damageFile(err.Error())
	}
	return nil
}
