package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
)

// bbolt maps the file into memory and trusts its meta page: a file cut
// short on a page boundary passes bbolt's own checks, and the first read
// past the end of the file is a fault that no recover can catch (on a
// writable open it happens in a goroutine of bbolt's). So, before bbolt
// sees the file, checkHighWater reads the meta page that bbolt will use,
// as bbolt chooses it, and refuses a file shorter than the pages it says
// it holds.

// The layout of a bbolt meta page: a 16-byte page header, then magic,
// version, page size, flags (4 bytes each), the root bucket (root page,
// sequence), the freelist page, the high-water page id, the transaction
// id and a checksum (8 bytes each).
const (
	metaAt          = 16
	metaLen         = 64
	metaChecksummed = 56
	boltVersion     = 2
	noFreelist      = ^uint64(0)
)

type boltMeta struct {
	ok                     bool
	root, freelist, pgid   uint64
	txid                   uint64
	pageSize, magic, versn uint32
}

func readMeta(r io.ReaderAt, off int64) boltMeta {
	var b [metaLen]byte
	if _, err := r.ReadAt(b[:], off+metaAt); err != nil {
		return boltMeta{}
	}
	le := binary.LittleEndian
	m := boltMeta{
		magic: le.Uint32(b[0:]), versn: le.Uint32(b[4:]), pageSize: le.Uint32(b[8:]),
		root: le.Uint64(b[16:]), freelist: le.Uint64(b[32:]), pgid: le.Uint64(b[40:]), txid: le.Uint64(b[48:]),
	}
	h := fnv.New64a()
	h.Write(b[:metaChecksummed])
	m.ok = m.magic == boltMagic && m.versn == boltVersion && h.Sum64() == le.Uint64(b[metaChecksummed:])
	return m
}

// liveMeta returns the meta page bbolt will use, as bbolt chooses it: the
// valid one with the larger transaction id. ok is false when neither is
// valid.
func liveMeta(r io.ReaderAt, pageSize int64) (boltMeta, bool) {
	a, b := readMeta(r, 0), readMeta(r, pageSize)
	if b.txid > a.txid {
		a, b = b, a
	}
	if a.ok {
		return a, true
	}
	return b, b.ok
}

// checkHighWater reports a file that is shorter than its meta page says,
// or whose meta page points outside the file. A file whose meta pages are
// both unreadable is left to bbolt, which refuses it with its own error.
func checkHighWater(r io.ReaderAt, pageSize, size int64) error {
	m, ok := liveMeta(r, pageSize)
	if !ok {
		return nil // bbolt refuses it with its own error
	}
	pages := uint64(size / pageSize)
	switch {
	case int64(m.pageSize) != pageSize:
		return fmt.Errorf("its meta pages disagree on the page size (%d and %d)", pageSize, m.pageSize)
	case m.pgid > pages:
		return fmt.Errorf("it is cut short: it should hold %d pages of %d bytes (%d bytes) but has %d bytes", m.pgid, pageSize, m.pgid*uint64(pageSize), size)
	case m.root < 2 || m.root >= m.pgid:
		return fmt.Errorf("its root page %d is outside the file's %d pages", m.root, m.pgid)
	case m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.pgid):
		return fmt.Errorf("its freelist page %d is outside the file's %d pages", m.freelist, m.pgid)
	}
	return nil
}

// Page layout: a 16-byte header (id, flags, count, overflow), then count
// elements of 16 bytes; each element's pos counts from the element itself.
const (
	pageHeader   = 16
	elemSize     = 16
	branchFlag   = 0x01
	leafFlag     = 0x02
	freelistFlag = 0x10
	bucketFlag   = 0x01 // on a leaf element: the value is a bucket
	maxDepth     = 64
)
