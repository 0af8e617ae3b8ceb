package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
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
	m, ok := liveMeta(r, pageSize)
	if !ok {
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

// sealError names a value that does not match its seal: a damaged record
// in a file that is otherwise whole.
type sealError struct{ part string }

func (e *sealError) Error() string { return e.part }
