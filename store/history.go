package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The history keeps every write as an entry of changed keys. An entry
// holds, for each key, the value that is NOT in the database now: the old
// value while the entry is applied, the new one once it has been undone.
// Undo and redo are then the same swap, and an import of a million new
// figures costs a list of keys rather than a second copy of the data.
// The values are kept compressed, in parts (histstream.go).
//
// How much history is kept: the last MaxHistory steps, and of those no
// more than historyBudget allows, that is as many bytes of compressed
// history as the file's records take, or historyFloor when they take
// less: a file whose figures were all replaced three times over keeps
// the last step, not all three, and stays near twice its size, where it
// used to grow by a copy of its figures on each import. The latest step
// is always kept, whatever its size, so that undo brings back what the
// last write replaced. The steps dropped are named in the report of the
// write that dropped them (Report.Forgotten), never dropped silently; a
// write that returns no report (a deletion, a group) drops none.

// MaxHistory is how many entries are kept; older ones are dropped.
const MaxHistory = 200

// historyFloor is the history a file may keep however small its records.
const historyFloor = 2 << 20

// Entry describes one write in the history.
type Entry struct {
	Seq    uint64
	Label  string // "import sales.csv", "add Resso IN 2020-08"
	Time   time.Time
	Report Report
}

// String says what the entry did, for the status line. A step that
// changed no figure, launch or app (a group saved) is its label alone.
func (e Entry) String() string {
	for _, n := range e.Report.counts() {
		if *n != 0 {
			return fmt.Sprintf("%s (%s)", e.Label, e.Report)
		}
	}
	return e.Label
}

type change struct {
	bucket byte
	key    []byte
	other  []byte // nil: the key is absent on the other side
}

// changeSet writes within one transaction and records what it changed.
// Values are sealed as they are put; the apps whose records, series or
// launches changed are reindexed when the set commits.
type changeSet struct {
	s       *Store
	tx      *bolt.Tx
	seen    map[string]bool
	n       int             // keys changed
	hist    *changeWriter   // the old values, compressed; nil in a dry run
	touched map[string]bool // folded apps to reindex
	events  bool            // an event changed: the event tally is written again
	dry     bool            // a dry run: record and count, write nothing
	txt     *texts          // the dictionary, added to as values are encoded
}

// texts returns the dictionary the write adds to.
func (c *changeSet) texts() *texts {
	if c.txt == nil {
		c.txt = newTexts(c.tx)
	}
	return c.txt
}

func newChangeSet(s *Store, tx *bolt.Tx) *changeSet {
	return &changeSet{s: s, tx: tx, seen: map[string]bool{}, touched: map[string]bool{}}
}

// record notes that key is about to change, keeping its value as it is
// now for undo: the first value seen is the one undo restores.
func (c *changeSet) record(bucket byte, key []byte) error {
	switch bucket {
	case bidMeta: // the groups: no app to reindex
	case bidEvents:
		c.events = true // events are in no app's index
	default:
		c.touched[appOfKey(bucket, key)] = true
	}
	id := string(append([]byte{bucket}, key...))
	if c.seen[id] {
		return nil
	}
	c.seen[id] = true
	c.n++
	if c.dry {
		return nil
	}
	if c.hist == nil {
		c.hist = newChangeWriter()
	}
	return c.hist.add(bucket, key, c.tx.Bucket(bucketByID(bucket)).Get(key))
}

// put seals payload under bucket and key and writes it.
func (c *changeSet) put(bucket byte, key, payload []byte) error {
	if err := c.record(bucket, key); err != nil || c.dry {
		return err
	}
	return c.tx.Bucket(bucketByID(bucket)).Put(key, seal(bucket, key, payload))
}

// putSealed writes a value sealed already (seriesEncoder.encodeSealed).
func (c *changeSet) putSealed(bucket byte, key, value []byte) error {
	if err := c.record(bucket, key); err != nil || c.dry {
		return err
	}
	return c.tx.Bucket(bucketByID(bucket)).Put(key, value)
}

func (c *changeSet) del(bucket byte, key []byte) error {
	if err := c.record(bucket, key); err != nil || c.dry {
		return err
	}
	return c.tx.Bucket(bucketByID(bucket)).Delete(key)
}

// commitReported commits, then drops the oldest entries past MaxHistory
// and historyBudget and names them in rep.Forgotten, for the user to be
// told.
func (c *changeSet) commitReported(label string, rep *Report, now time.Time) error {
	if c.n == 0 {
		return nil
	}
	if err := c.commit(label, *rep, now); err != nil {
		return err
	}
	var err error
	rep.Forgotten, err = c.s.trimHistory(c.tx)
	return err
}

// commit reindexes what changed and appends the entry to the history,
// dropping any redo tail; it drops no older entry.
func (c *changeSet) commit(label string, rep Report, now time.Time) error {
	if c.n == 0 {
		return nil
	}
	if err := c.s.reindex(c.tx, c.touched); err != nil {
		return err
	}
	if c.events {
		if err := c.s.retallyEvents(c.tx); err != nil {
			return err
		}
	}
	h := c.tx.Bucket(bucketHistory)
	cur, err := c.s.undoCursor(c.tx)
	if err != nil {
		return err
	}
	// A new write after undo ends the redo branch.
	var stale []uint64
	cr := h.Cursor()
	for k, _ := cr.Seek(seqKey(cur + 1)); k != nil; k, _ = cr.Next() {
		if len(k) == 8 {
			stale = append(stale, binary.BigEndian.Uint64(k))
		}
	}
	for _, seq := range stale {
		if err := c.s.dropEntry(c.tx, seq); err != nil {
			return err
		}
	}
	parts, err := c.hist.close()
	if err != nil {
		return err
	}
	head := entryHead{Entry: Entry{Seq: cur + 1, Label: label, Time: now, Report: rep}, changes: c.n, parts: len(parts), size: c.hist.size}
	if head.sum, err = putParts(c.tx, head.Seq, parts); err != nil {
		return err
	}
	if err := putHead(h, head); err != nil {
		return err
	}
	return c.s.setUndoCursor(c.tx, head.Seq)
}

// trimHistory drops the oldest entries while there are more than
// MaxHistory, or more bytes of them than historyBudget, keeping the
// latest whatever its size, and returns what it dropped.
func (s *Store) trimHistory(tx *bolt.Tx) ([]Entry, error) {
	var heads []entryHead
	total := int64(0)
	c := tx.Bucket(bucketHistory).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		h, err := s.openHead(k, v)
		if err != nil {
			return nil, err
		}
		heads = append(heads, h)
		total += int64(h.size)
	}
	budget := int64(-1) // computed once it is needed
	var dropped []Entry
	for len(heads) > 1 {
		if len(heads) <= MaxHistory {
			if budget < 0 {
				budget = historyBudget(tx, s.histFloor)
			}
			if total <= budget {
				break
			}
		}
		if err := s.dropEntry(tx, heads[0].Seq); err != nil {
			return nil, err
		}
		dropped = append(dropped, heads[0].Entry)
		total -= int64(heads[0].size)
		heads = heads[1:]
	}
	return dropped, nil
}

// historyBudget is how many bytes of compressed history the file keeps:
// as many as its records take, at least floor.
func historyBudget(tx *bolt.Tx, floor int64) int64 {
	live := int64(0)
	for _, name := range [][]byte{bucketApps, bucketSeries, bucketLaunches, bucketEvents, bucketTexts} {
		if b := tx.Bucket(name); b != nil {
			st := b.Stats()
			live += int64(st.BranchInuse + st.LeafInuse)
		}
	}
	return max(live, floor)
}

// dropEntry removes an entry and its changes.
func (s *Store) dropEntry(tx *bolt.Tx, seq uint64) error {
	if err := tx.Bucket(bucketHistory).Delete(seqKey(seq)); err != nil {
		return err
	}
	return deleteParts(tx, seq)
}

// undoCursor returns the seq of the last history entry still applied.
func (s *Store) undoCursor(tx *bolt.Tx) (uint64, error) {
	v, err := s.metaValue(tx, keyUndo)
	if err != nil {
		return 0, err
	}
	if len(v) != 8 {
		return 0, s.damagedMeta("its undo position cannot be read")
	}
	return binary.BigEndian.Uint64(v), nil
}

func (s *Store) setUndoCursor(tx *bolt.Tx, seq uint64) error {
	return s.putMeta(tx, keyUndo, seqKey(seq))
}

// entryVersion is the codec of an entry's head from schema 4 on: the
// report's counts, then how many changes, parts and compressed bytes the
// entry's changes hold, and the checksum of the parts' seals.
const entryVersion = 3

// entryHead is an entry as the history bucket keeps it.
type entryHead struct {
	Entry
	changes, parts, size int
	sum                  uint32
}

func encodeHead(h entryHead) []byte {
	enc := encoder{}
	enc.byte(entryVersion)
	enc.varint(h.Time.Unix())
	enc.string(h.Label)
	for _, n := range h.Report.counts() {
		enc.uvarint(uint64(*n))
	}
	for _, n := range []int{h.changes, h.parts, h.size} {
		enc.uvarint(uint64(n))
	}
	enc.b = binary.BigEndian.AppendUint32(enc.b, h.sum)
	return enc.b
}

func decodeHead(seq uint64, v []byte) (entryHead, error) {
	d := decoder{b: v}
	if d.byte() != entryVersion {
		return entryHead{}, errCorrupt
	}
	h := entryHead{Entry: Entry{Seq: seq, Time: time.Unix(d.varint(), 0).UTC(), Label: d.string()}}
	for _, n := range h.Report.counts() {
		*n = int(d.uvarint())
	}
	for _, n := range []*int{&h.changes, &h.parts, &h.size} {
		*n = int(d.uvarint())
	}
	if d.err != nil || len(d.b) != 4 || h.changes < 0 || h.parts < 0 || h.size < 0 ||
		h.size > h.parts*partSize || h.size <= (h.parts-1)*partSize && h.parts > 0 {
		return entryHead{}, errCorrupt
	}
	h.sum = binary.BigEndian.Uint32(d.b)
	return h, nil
}

// putHead seals and writes an entry's head.
func putHead(h *bolt.Bucket, head entryHead) error {
	h.FillPercent = 1 // heads come in seq order
	k := seqKey(head.Seq)
	return h.Put(k, seal(bidHistory, k, encodeHead(head)))
}

// openHead checks and decodes the head of an entry.
func (s *Store) openHead(k, v []byte) (entryHead, error) {
	if len(k) != 8 {
		return entryHead{}, s.damagedKey(bidHistory, k, "has a key that is not a number")
	}
	payload, ok := unseal(bidHistory, k, v)
	if !ok {
		return entryHead{}, s.damagedKey(bidHistory, k, "does not match its checksum")
	}
	h, err := decodeHead(binary.BigEndian.Uint64(k), payload)
	if err != nil {
		return entryHead{}, s.damagedKey(bidHistory, k, "cannot be read")
	}
	return h, nil
}

// Undo steps back over the last write still applied and returns it.
func (s *Store) Undo() (Entry, error) { return s.step(true) }

// Redo applies again the last write undone and returns it.
func (s *Store) Redo() (Entry, error) { return s.step(false) }

func (s *Store) step(undo bool) (Entry, error) {
	var e Entry
	err := s.update(func(tx *bolt.Tx) error {
		cur, err := s.undoCursor(tx)
		if err != nil {
			return err
		}
		seq := cur + 1
		if undo {
			seq = cur
		}
		h := tx.Bucket(bucketHistory)
		k := seqKey(seq)
		v := h.Get(k)
		if seq == 0 || v == nil {
			if undo {
				return ErrNothingToUndo
			}
			return ErrNothingToRedo
		}
		head, err := s.openHead(k, v)
		if err != nil {
			return err
		}
		e = head.Entry
		r, err := s.readChanges(tx, head)
		if err != nil {
			return err
		}
		// The swap: each value now in the file goes into the entry's new
		// stream, and the entry's value takes its place.
		w := newChangeWriter()
		touched := map[string]bool{}
		events := false
		for {
			ch, err := r.next()
			if errors.Is(err, errStreamEnd) {
				break
			}
			if err != nil {
				return s.entryDamage(seq, err)
			}
			b := tx.Bucket(bucketByID(ch.bucket))
			// Both sides of the swap must be sound: undo never writes a
			// damaged value back, nor builds on one.
			now := b.Get(ch.key)
			if now != nil {
				if _, ok := unseal(ch.bucket, ch.key, now); !ok {
					return s.damagedKey(ch.bucket, ch.key, isAre(ch.bucket)+" damaged, so this step cannot be undone or redone")
				}
			}
			if err := w.add(ch.bucket, ch.key, now); err != nil {
				return err
			}
			if ch.other == nil {
				err = b.Delete(ch.key)
			} else if _, ok := unseal(ch.bucket, ch.key, ch.other); !ok {
				return s.damagedKey(bidHistory, k, "holds a damaged copy, so it cannot be undone or redone")
			} else {
				err = b.Put(ch.key, ch.other)
			}
			if err != nil {
				return err
			}
			switch ch.bucket {
			case bidMeta:
			case bidEvents:
				events = true
			default:
				touched[appOfKey(ch.bucket, ch.key)] = true
			}
		}
		if err := s.reindex(tx, touched); err != nil {
			return err
		}
		if events {
			if err := s.retallyEvents(tx); err != nil {
				return err
			}
		}
		parts, err := w.close()
		if err != nil {
			return err
		}
		if err := deleteParts(tx, seq); err != nil {
			return err
		}
		head.parts, head.size = len(parts), w.size
		if head.sum, err = putParts(tx, seq, parts); err != nil {
			return err
		}
		if err := putHead(h, head); err != nil {
			return err
		}
		if undo {
			return s.setUndoCursor(tx, seq-1)
		}
		return s.setUndoCursor(tx, seq)
	})
	return e, err
}

// History lists the entries, oldest first, and how many are applied
// (the rest can be redone).
func (s *Store) History() (entries []Entry, applied int, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		cur, err := s.undoCursor(tx)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketHistory).ForEach(func(k, v []byte) error {
			h, err := s.openHead(k, v)
			if err != nil {
				return err
			}
			entries = append(entries, h.Entry)
			if h.Seq <= cur {
				applied++
			}
			return nil
		})
	})
	return entries, applied, err
}

func clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append(make([]byte, 0, len(b)), b...)
}
