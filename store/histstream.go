package store

import (
	"bufio"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"

	bolt "go.etcd.io/bbolt"
)

// The changes of a history entry (schema 4) are a stream of records, one
// per key the step changed (its bucket, key, and the value that is not in
// the file now, or none), compressed with DEFLATE as they are recorded and
// cut into parts of partSize bytes. Each part is a value of the changes
// bucket under the entry's seq and the part's number, sealed; the entry's
// head (history bucket) says how many changes and parts there are and
// holds a CRC-32C of the parts' seals in order, so that a part that is
// damaged, missing, extra or stale is refused, never undone.
//
// So a step that replaced every figure costs its old values compressed,
// in page-sized values written in key order, instead of one value as big
// as the file's figures; and an import holds the compressed stream in
// memory, not a copy of every old value.

// partSize is the length of a part: two parts and their keys fill a page
// of 4 KB, so that no part needs a run of pages of its own.
const partSize = 2000

// partKey is the key of part i of entry seq.
func partKey(seq uint64, i int) []byte {
	return binary.BigEndian.AppendUint32(seqKey(seq), uint32(i))
}

// maxChangeLen bounds a key or value read back from a stream: bbolt
// takes none longer.
const maxChangeLen = bolt.MaxValueSize

// changeWriter compresses the records of one entry as they come.
type changeWriter struct {
	zw    *flate.Writer
	parts [][]byte // the parts filled, each with room for its seal
	cur   []byte   // the part being filled
	slab  []byte   // room for parts to come
	n     int      // records written
	size  int      // compressed bytes
	head  []byte   // one record's head
}

func newChangeWriter() *changeWriter {
	w := &changeWriter{}
	// BestSpeed: the old values are mostly numbers already packed as
	// varints; a slower level gains a few percent for twice the time.
	w.zw, _ = flate.NewWriter(w, flate.BestSpeed) // errors only for a bad level
	return w
}

// Write takes compressed bytes from the compressor and cuts them into parts.
func (w *changeWriter) Write(p []byte) (int, error) {
	n := len(p)
	w.size += n
	for len(p) > 0 {
		if w.cur == nil {
			if len(w.slab) < partSize+sealLen {
				w.slab = make([]byte, 64*(partSize+sealLen))
			}
			w.cur = w.slab[: 0 : partSize+sealLen]
			w.slab = w.slab[partSize+sealLen:]
		}
		k := min(len(p), partSize-len(w.cur))
		w.cur = append(w.cur, p[:k]...)
		p = p[k:]
		if len(w.cur) == partSize {
			w.parts = append(w.parts, w.cur)
			w.cur = nil
		}
	}
	return n, nil
}

// add records a change: other is the value that is not in the file now,
// nil for none. The bytes are compressed at once, so other may be a
// slice into the file that the next write of the transaction moves.
func (w *changeWriter) add(bucket byte, key, other []byte) error {
	h := append(w.head[:0], bucket)
	h = binary.AppendUvarint(h, uint64(len(key)))
	h = append(h, key...)
	if other == nil {
		h = append(h, 0)
	} else {
		h = append(h, 1)
		h = binary.AppendUvarint(h, uint64(len(other)))
	}
	w.head = h
	w.n++
	if _, err := w.zw.Write(h); err != nil {
		return err
	}
	_, err := w.zw.Write(other)
	return err
}

// close ends the stream and returns its parts.
func (w *changeWriter) close() ([][]byte, error) {
	if err := w.zw.Close(); err != nil {
		return nil, err
	}
	if len(w.cur) > 0 {
		w.parts = append(w.parts, w.cur)
		w.cur = nil
	}
	return w.parts, nil
}

// putParts seals and writes the parts of entry seq, and returns the
// checksum of their seals the head keeps.
func putParts(tx *bolt.Tx, seq uint64, parts [][]byte) (uint32, error) {
	b := tx.Bucket(bucketChanges)
	b.FillPercent = 1 // parts come in key order, after every other entry's
	var sum uint32
	for i, p := range parts {
		k := partKey(seq, i)
		v := seal(bidChanges, k, p)
		sum = crc32.Update(sum, castagnoli, v[len(v)-sealLen:])
		if err := b.Put(k, v); err != nil {
			return 0, err
		}
	}
	return sum, nil
}

// deleteParts removes every part of entry seq.
func deleteParts(tx *bolt.Tx, seq uint64) error {
	b := tx.Bucket(bucketChanges)
	prefix := seqKey(seq)
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, clone(k))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// changeReader reads the records of one entry back.
type changeReader struct {
	br   *bufio.Reader
	left int // records still to read
	slab []byte
}

// readChanges copies the parts of the entry of head h out of tx, checked
// against their seals and the head, and returns a reader of its records.
// A problem is damage to the entry, worded.
func (s *Store) readChanges(tx *bolt.Tx, h entryHead) (*changeReader, error) {
	hk := seqKey(h.Seq)
	c := tx.Bucket(bucketChanges).Cursor()
	var sum uint32
	var size int
	readers := make([]io.Reader, 0, h.parts)
	i := 0
	for k, v := c.Seek(hk); k != nil && bytes.HasPrefix(k, hk); k, v = c.Next() {
		if len(k) != len(hk)+4 || binary.BigEndian.Uint32(k[len(hk):]) != uint32(i) || i >= h.parts {
			return nil, s.damagedKey(bidHistory, hk, "has its changes out of place (a part is missing or extra), so it cannot be undone or redone")
		}
		p, ok := unseal(bidChanges, k, v)
		if !ok {
			return nil, s.damagedKey(bidHistory, hk, "has a part of its changes that does not match its checksum, so it cannot be undone or redone")
		}
		sum = crc32.Update(sum, castagnoli, v[len(v)-sealLen:])
		size += len(p)
		// Copied: the step writes while it reads them.
		readers = append(readers, bytes.NewReader(clone(p)))
		i++
	}
	if i != h.parts || sum != h.sum || size != h.size {
		return nil, s.damagedKey(bidHistory, hk, "does not hold the changes it lists (a part is missing or an older copy was read), so it cannot be undone or redone")
	}
	return newChangeReader(flate.NewReader(io.MultiReader(readers...)), h.changes), nil
}

// newChangeReader reads n records from r, the stream decompressed.
func newChangeReader(r io.Reader, n int) *changeReader {
	return &changeReader{br: bufio.NewReaderSize(r, 64<<10), left: n}
}

// errStreamEnd is what next returns after the last record.
var errStreamEnd = errors.New("end of the changes")

// next returns the next record, or errStreamEnd after the last one (and
// errCorrupt when the stream does not end there). Its slices are its own.
func (r *changeReader) next() (change, error) {
	if r.left == 0 {
		if _, err := r.br.ReadByte(); err != io.EOF {
			return change{}, errCorrupt
		}
		return change{}, errStreamEnd
	}
	r.left--
	bucket, err := r.br.ReadByte()
	if err != nil {
		return change{}, errCorrupt
	}
	key, err := r.bytes()
	if err != nil {
		return change{}, err
	}
	ch := change{bucket: bucket, key: key}
	switch flag, err := r.br.ReadByte(); {
	case err != nil || flag > 1:
		return change{}, errCorrupt
	case flag == 1:
		if ch.other, err = r.bytes(); err != nil {
			return change{}, err
		}
	}
	if !undoableKey(ch.bucket, ch.key) {
		return change{}, errCorrupt
	}
	return ch, nil
}

// bytes reads a length and that many bytes into a slice of their own.
func (r *changeReader) bytes() ([]byte, error) {
	n, err := binary.ReadUvarint(r.br)
	if err != nil || n > maxChangeLen {
		return nil, errCorrupt
	}
	if len(r.slab) < int(n) {
		r.slab = make([]byte, max(int(n), 256<<10))
	}
	p := r.slab[:n:n]
	r.slab = r.slab[n:]
	if _, err := io.ReadFull(r.br, p); err != nil {
		return nil, errCorrupt
	}
	return p, nil
}

// entryDamage words a stream that cannot be read to its end.
func (s *Store) entryDamage(seq uint64, err error) error {
	if errors.Is(err, errCorrupt) {
		return s.damagedKey(bidHistory, seqKey(seq), "holds changes that cannot be read, so it cannot be undone or redone")
	}
	return fmt.Errorf("undo history entry %d: %w", seq, err)
}
