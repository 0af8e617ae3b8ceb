package store

import (
	"bytes"
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

// checkHighWater reports a file that is shorter than its meta page says,
// or whose meta page points outside the file. A file whose meta pages are
// both unreadable is left to bbolt, which refuses it with its own error.
func checkHighWater(r io.ReaderAt, pageSize, size int64) error {
	a, b := readMeta(r, 0), readMeta(r, pageSize)
	if b.txid > a.txid {
		a, b = b, a
	}
	m := a
	if !m.ok {
		m = b
	}
	if !m.ok {
		return nil
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

// checkPages walks every page reachable from the meta page bbolt will use
// and checks what bbolt trusts without checking: that each page is where
// it says, of the kind expected, reached once and not also free, with its
// elements, keys and values inside it; and, in a file of schema 2 on,
// that every value of uptake's buckets matches its seal. bbolt walks the
// same pages on every writable open (it rebuilds its freelist), in a
// goroutine where a bad page is a crash rather than an error; this walk
// reads with ReadAt and only reports.
func checkPages(r io.ReaderAt, pageSize, size int64) error {
	if err := checkHighWater(r, pageSize, size); err != nil {
		return err
	}
	a, b := readMeta(r, 0), readMeta(r, pageSize)
	if b.txid > a.txid {
		a, b = b, a
	}
	m := a
	if !m.ok {
		m = b
	}
	if !m.ok {
		return nil // bbolt refuses it with its own error
	}
	w := pageWalker{r: r, pageSize: pageSize, high: m.pgid, seen: make([]bool, m.pgid)}
	var free []uint64
	if m.freelist != noFreelist {
		var err error
		if free, err = w.freelist(m.freelist); err != nil {
			return err
		}
	}
	if err := w.tree(m.root, 0, 0); err != nil {
		return err
	}
	for _, p := range free {
		if w.seen[p] && p != m.freelist {
			return fmt.Errorf("page %d is both in use and listed as free", p)
		}
	}
	if w.sealed && w.badSeal != "" {
		return &sealError{w.badSeal}
	}
	return nil
}

// sealError names a value that does not match its seal: a damaged record
// in a file that is otherwise whole.
type sealError struct{ part string }

func (e *sealError) Error() string { return e.part }

type pageWalker struct {
	r        io.ReaderAt
	pageSize int64
	high     uint64 // pages from here on are not part of the file
	seen     []bool
	bufs     [][]byte // one per depth: a page is read while its parents are in use
	sealed   bool     // the file's schema seals its values (2 on)
	badSeal  string   // the first value that does not match its seal
}

// page reads page id and its overflow pages into the buffer of depth.
func (w *pageWalker) page(id uint64, depth int) (flags uint16, count int, data []byte, err error) {
	if id < 2 || id >= w.high {
		return 0, 0, nil, fmt.Errorf("page %d is outside the file's %d pages", id, w.high)
	}
	if w.seen[id] {
		return 0, 0, nil, fmt.Errorf("page %d is reached twice", id)
	}
	var h [pageHeader]byte
	if _, err := w.r.ReadAt(h[:], int64(id)*w.pageSize); err != nil {
		return 0, 0, nil, fmt.Errorf("page %d cannot be read: %v", id, err)
	}
	le := binary.LittleEndian
	if got := le.Uint64(h[0:]); got != id {
		return 0, 0, nil, fmt.Errorf("page %d says it is page %d", id, got)
	}
	flags, count = le.Uint16(h[8:]), int(le.Uint16(h[10:]))
	overflow := uint64(le.Uint32(h[12:]))
	if id+overflow >= w.high {
		return 0, 0, nil, fmt.Errorf("page %d runs past the file's %d pages", id, w.high)
	}
	for p := id; p <= id+overflow; p++ {
		if w.seen[p] {
			return 0, 0, nil, fmt.Errorf("page %d is reached twice", p)
		}
		w.seen[p] = true
	}
	for len(w.bufs) <= depth {
		w.bufs = append(w.bufs, nil)
	}
	n := int(int64(overflow+1) * w.pageSize)
	if cap(w.bufs[depth]) < n {
		w.bufs[depth] = make([]byte, n)
	}
	data = w.bufs[depth][:n]
	if _, err := w.r.ReadAt(data, int64(id)*w.pageSize); err != nil {
		return 0, 0, nil, fmt.Errorf("page %d cannot be read: %v", id, err)
	}
	return flags, count, data, nil
}

// freelist checks the freelist page and returns the pages it lists.
func (w *pageWalker) freelist(id uint64) ([]uint64, error) {
	flags, count, data, err := w.page(id, 0)
	if err != nil {
		return nil, fmt.Errorf("freelist: %v", err)
	}
	if flags != freelistFlag {
		return nil, fmt.Errorf("freelist page %d is not a freelist page (flags %#x)", id, flags)
	}
	at := pageHeader
	n := count
	if count == 0xFFFF { // the count is the first element
		if len(data) < at+8 {
			return nil, fmt.Errorf("freelist page %d is cut short", id)
		}
		n, at = int(binary.LittleEndian.Uint64(data[at:])), at+8
	}
	if n < 0 || n > (len(data)-at)/8 {
		return nil, fmt.Errorf("freelist page %d lists %d pages that do not fit in it", id, n)
	}
	free := make([]uint64, n)
	for i := range free {
		p := binary.LittleEndian.Uint64(data[at+8*i:])
		if p < 2 || p >= w.high {
			return nil, fmt.Errorf("freelist page %d lists page %d, outside the file's %d pages", id, p, w.high)
		}
		free[i] = p
	}
	return free, nil
}

// tree checks the B+tree rooted at page id, of the bucket bid (0: the
// root, or a bucket uptake does not keep).
func (w *pageWalker) tree(id uint64, depth int, bid byte) error {
	if depth > maxDepth {
		return fmt.Errorf("page %d is nested more than %d deep", id, maxDepth)
	}
	flags, count, data, err := w.page(id, depth)
	if err != nil {
		return err
	}
	switch flags {
	case branchFlag:
		if count == 0 || pageHeader+count*elemSize > len(data) {
			return fmt.Errorf("branch page %d has %d elements that do not fit in it", id, count)
		}
		var prev []byte
		for i := 0; i < count; i++ {
			e := pageHeader + i*elemSize
			le := binary.LittleEndian
			pos, ksize, child := uint64(le.Uint32(data[e:])), uint64(le.Uint32(data[e+4:])), le.Uint64(data[e+8:])
			if uint64(e)+pos+ksize > uint64(len(data)) {
				return fmt.Errorf("branch page %d: key %d lies outside the page", id, i)
			}
			k := data[uint64(e)+pos : uint64(e)+pos+ksize]
			if i > 0 && bytes.Compare(prev, k) >= 0 {
				return fmt.Errorf("branch page %d: key %d is out of order", id, i)
			}
			prev = k
			if err := w.tree(child, depth+1, bid); err != nil {
				return err
			}
		}
		return nil
	case leafFlag:
		return w.leaf(id, data, count, depth, bid)
	}
	return fmt.Errorf("page %d is neither a branch nor a leaf (flags %#x)", id, flags)
}

// leaf checks a leaf page, or an inline bucket's page held in a value.
func (w *pageWalker) leaf(id uint64, data []byte, count, depth int, bid byte) error {
	if pageHeader+count*elemSize > len(data) {
		return fmt.Errorf("leaf page %d has %d elements that do not fit in it", id, count)
	}
	le := binary.LittleEndian
	var prev []byte
	for i := 0; i < count; i++ {
		e := pageHeader + i*elemSize
		flags := le.Uint32(data[e:])
		pos, ksize, vsize := uint64(le.Uint32(data[e+4:])), uint64(le.Uint32(data[e+8:])), uint64(le.Uint32(data[e+12:]))
		end := uint64(e) + pos + ksize + vsize
		if end > uint64(len(data)) {
			return fmt.Errorf("leaf page %d: element %d lies outside the page", id, i)
		}
		k := data[uint64(e)+pos : uint64(e)+pos+ksize]
		if i > 0 && bytes.Compare(prev, k) >= 0 {
			return fmt.Errorf("leaf page %d: key %d is out of order", id, i)
		}
		prev = k
		v := data[end-vsize : end]
		if flags&bucketFlag == 0 {
			w.value(bid, k, v)
			continue
		}
		child := bucketID(k)
		if depth > 0 {
			child = 0 // uptake keeps no nested buckets
		}
		if len(v) < 16 {
			return fmt.Errorf("leaf page %d: bucket %d has a header of %d bytes", id, i, len(v))
		}
		if root := le.Uint64(v); root != 0 {
			if err := w.tree(root, depth+1, child); err != nil {
				return err
			}
			continue
		}
		// An inline bucket: its page follows the header, inside the value.
		inline := v[16:]
		if len(inline) < pageHeader {
			return fmt.Errorf("leaf page %d: inline bucket %d is cut short", id, i)
		}
		if f := le.Uint16(inline[8:]); f != leafFlag {
			return fmt.Errorf("leaf page %d: inline bucket %d is not a leaf (flags %#x)", id, i, f)
		}
		if err := w.leaf(id, inline, int(le.Uint16(inline[10:])), depth+1, child); err != nil {
			return err
		}
	}
	return nil
}

// value checks one value of a bucket against its seal, and notes the
// schema as it passes, since only files of schema 2 on are sealed.
func (w *pageWalker) value(bid byte, k, v []byte) {
	if bid == 0 {
		return
	}
	if bid == bidMeta && bytes.Equal(k, keySchema) {
		w.sealed = len(v) == 4+sealLen
	}
	if w.badSeal == "" {
		if _, ok := unseal(bid, k, v); !ok {
			w.badSeal = describeStored(bid, k) + " " + isAre(bid) + " damaged (" + isAre(bid) + " not what was written there), so nothing can be written to the file"
		}
	}
}

// checkShape checks, cheaply, what a read would trust that could hang or
// crash it rather than give a wrong value (which the seals catch): that
// no branch page leads back to a branch page, which would send a lookup
// round in a circle until the stack runs out. It reads every branch page
// and one child of each, not the leaves: a few pages even in a large file.
func checkShape(r io.ReaderAt, pageSize, size int64) error {
	if err := checkHighWater(r, pageSize, size); err != nil {
		return err
	}
	a, b := readMeta(r, 0), readMeta(r, pageSize)
	if b.txid > a.txid {
		a, b = b, a
	}
	m := a
	if !m.ok {
		m = b
	}
	if !m.ok {
		return nil // bbolt refuses it with its own error
	}
	s := shapeWalker{pageWalker: pageWalker{r: r, pageSize: pageSize, high: m.pgid, seen: make([]bool, m.pgid)}, branches: map[uint64]bool{}}
	if err := s.walk(m.root, 0, true); err != nil {
		return err
	}
	for _, id := range s.leaves {
		if s.branches[id] {
			return fmt.Errorf("page %d is reached both as a branch and as a leaf", id)
		}
	}
	return nil
}

// shapeWalker finds the branch pages of the file's trees.
type shapeWalker struct {
	pageWalker
	branches map[uint64]bool
	leaves   []uint64 // children taken to be leaves, not read
}

// walk reads page id; top is true for the tree of buckets, whose leaves
// are read too (they hold the buckets' root pages).
func (s *shapeWalker) walk(id uint64, depth int, top bool) error {
	if depth > maxDepth {
		return fmt.Errorf("page %d is nested more than %d deep", id, maxDepth)
	}
	if id < 2 || id >= s.high {
		return fmt.Errorf("page %d is outside the file's %d pages", id, s.high)
	}
	// A leaf below the tree of buckets is only noted, not read whole: it
	// may be a large value's many pages.
	var h [pageHeader]byte
	if _, err := s.r.ReadAt(h[:], int64(id)*s.pageSize); err != nil {
		return fmt.Errorf("page %d cannot be read: %v", id, err)
	}
	if binary.LittleEndian.Uint16(h[8:]) == leafFlag && !top {
		if s.seen[id] {
			return fmt.Errorf("page %d is reached twice", id)
		}
		s.seen[id] = true
		return nil
	}
	flags, count, data, err := s.page(id, depth)
	if err != nil {
		return err
	}
	le := binary.LittleEndian
	switch flags {
	case branchFlag:
		s.branches[id] = true
		if count == 0 || pageHeader+count*elemSize > len(data) {
			return fmt.Errorf("branch page %d has %d elements that do not fit in it", id, count)
		}
		children := make([]uint64, count)
		for i := range children {
			children[i] = le.Uint64(data[pageHeader+i*elemSize+8:])
		}
		// All the leaves of a tree are at one depth: one child says
		// whether this page's children are branches (read them) or
		// leaves (only note them).
		if err := s.walk(children[0], depth+1, top); err != nil {
			return err
		}
		if !s.branches[children[0]] && !top {
			for _, c := range children[1:] {
				if c < 2 || c >= s.high {
					return fmt.Errorf("branch page %d points to page %d, outside the file's %d pages", id, c, s.high)
				}
				s.leaves = append(s.leaves, c)
			}
			return nil
		}
		for _, c := range children[1:] {
			if err := s.walk(c, depth+1, top); err != nil {
				return err
			}
		}
		return nil
	case leafFlag:
		if pageHeader+count*elemSize > len(data) {
			return fmt.Errorf("leaf page %d has %d elements that do not fit in it", id, count)
		}
		for i := 0; i < count; i++ {
			e := pageHeader + i*elemSize
			if le.Uint32(data[e:])&bucketFlag == 0 {
				continue
			}
			pos, ksize, vsize := uint64(le.Uint32(data[e+4:])), uint64(le.Uint32(data[e+8:])), uint64(le.Uint32(data[e+12:]))
			end := uint64(e) + pos + ksize + vsize
			if end > uint64(len(data)) || vsize < 16 {
				return fmt.Errorf("leaf page %d: bucket %d lies outside the page", id, i)
			}
			if root := le.Uint64(data[end-vsize:]); root != 0 {
				if err := s.walk(root, depth+1, false); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return fmt.Errorf("page %d is neither a branch nor a leaf (flags %#x)", id, flags)
}
