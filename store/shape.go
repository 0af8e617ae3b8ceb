package store

import (
	"encoding/binary"
	"fmt"
	"io"
)

// checkShape checks, cheaply, what a read would trust that could hang or
// crash it rather than give a wrong value (which the seals catch): that
// no branch page leads back to a branch page, which would send a lookup
// round in a circle until the stack runs out. It reads every branch page
// and one child of each, not the leaves: a few pages even in a large file.
func checkShape(r io.ReaderAt, pageSize, size int64) error {
	if err := checkHighWater(r, pageSize, size); err != nil {
		return err
	}
	m, ok := liveMeta(r, pageSize)
	if !ok {
		return nil // bbolt refuses it with its own error
	}
	s := shapeWalker{pageWalker: pageWalker{r: r, pageSize: pageSize, high: m.pgid, seen: make([]bool, m.pgid)}, branches: map[uint64]bool{}}
	if err := s.walk(m.root, 0, true); err != nil {
		return err
	}
	// A page taken to be a leaf is not read: a leaf whose flags were
	// damaged into a branch's is caught by the full walk of a write
	// (checkPages) and -check, not here, where reading every leaf's
	// header cost 1.4 ms on the million (a read a page), a seventh of
	// a view's export. bbolt checks the id of each page it reaches
	// (FastCheck), so such a page sends it to a page number that panics,
	// which guard turns into a damage error.
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
			} else if err := inlineBounds(data[end-vsize+16 : end]); err != nil {
				return fmt.Errorf("leaf page %d: inline bucket %d: %v", id, i, err)
			}
		}
		return nil
	}
	return fmt.Errorf("page %d is neither a branch nor a leaf (flags %#x)", id, flags)
}

// inlineBounds checks that the elements of a bucket kept inline, in the
// value of its parent's leaf, lie inside that value. bbolt copies such a
// page to the heap when it is not aligned, and a key it reads past the
// end of the copy would be a slice into the garbage collector's memory,
// which stops the process; inside the file's map, a bad key is only
// bytes that the seals refuse.
func inlineBounds(p []byte) error {
	le := binary.LittleEndian
	if len(p) < pageHeader || le.Uint16(p[8:]) != leafFlag {
		return fmt.Errorf("it is not a leaf")
	}
	count := int(le.Uint16(p[10:]))
	if pageHeader+count*elemSize > len(p) {
		return fmt.Errorf("its %d elements do not fit in it", count)
	}
	for i := 0; i < count; i++ {
		e := pageHeader + i*elemSize
		pos, ksize, vsize := uint64(le.Uint32(p[e+4:])), uint64(le.Uint32(p[e+8:])), uint64(le.Uint32(p[e+12:]))
		if uint64(e)+pos+ksize+vsize > uint64(len(p)) {
			return fmt.Errorf("element %d lies outside it", i)
		}
	}
	return nil
}
