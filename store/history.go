package store

import (
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The history keeps every write as an entry of changed keys. An entry
// holds, for each key, the value that is NOT in the database now: the old
// value while the entry is applied, the new one once it has been undone.
// Undo and redo are then the same swap, and an import of a million new
// figures costs a list of keys rather than a second copy of the data.

// MaxHistory is how many entries are kept; older ones are dropped.
const MaxHistory = 200

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
	changes []change
	seen    map[string]bool
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

func (c *changeSet) record(bucket byte, key []byte) {
	switch bucket {
	case bidMeta: // the groups: no app to reindex
	case bidEvents:
		c.events = true // events are in no app's index
	default:
		c.touched[appOfKey(bucket, key)] = true
	}
	id := string(append([]byte{bucket}, key...))
	if c.seen[id] {
		return // the first value seen is the one undo restores
	}
	c.seen[id] = true
	old := c.tx.Bucket(bucketByID(bucket)).Get(key)
	c.changes = append(c.changes, change{bucket, clone(key), clone(old)})
}

// put seals payload under bucket and key and writes it.
func (c *changeSet) put(bucket byte, key, payload []byte) error {
	c.record(bucket, key)
	if c.dry {
		return nil
	}
	return c.tx.Bucket(bucketByID(bucket)).Put(key, seal(bucket, key, payload))
}

// putSealed writes a value sealed already (seriesEncoder.encodeSealed).
func (c *changeSet) putSealed(bucket byte, key, value []byte) error {
	c.record(bucket, key)
	if c.dry {
		return nil
	}
	return c.tx.Bucket(bucketByID(bucket)).Put(key, value)
}

func (c *changeSet) del(bucket byte, key []byte) error {
	c.record(bucket, key)
	if c.dry {
		return nil
	}
	return c.tx.Bucket(bucketByID(bucket)).Delete(key)
}

// commit reindexes what changed and appends the entry to the history,
// dropping any redo tail.
func (c *changeSet) commit(label string, rep Report, now time.Time) error {
	if len(c.changes) == 0 {
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
	var stale [][]byte
	cr := h.Cursor()
	for k, _ := cr.Seek(seqKey(cur + 1)); k != nil; k, _ = cr.Next() {
		stale = append(stale, clone(k))
	}
	for _, k := range stale {
		if err := h.Delete(k); err != nil {
			return err
		}
	}
	seq := cur + 1
	e := Entry{Seq: seq, Label: label, Time: now, Report: rep}
	if err := putEntry(h, e, c.changes); err != nil {
		return err
	}
	if seq > MaxHistory {
		cr := h.Cursor()
		for k, _ := cr.First(); k != nil && binary.BigEndian.Uint64(k) <= seq-MaxHistory; k, _ = cr.First() {
			if err := h.Delete(k); err != nil {
				return err
			}
		}
	}
	return c.s.setUndoCursor(c.tx, seq)
}

// putEntry seals and writes a history entry.
func putEntry(h *bolt.Bucket, e Entry, changes []change) error {
	k := seqKey(e.Seq)
	return h.Put(k, seal(bidHistory, k, encodeEntry(e, changes)))
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

// entryVersion is the codec of a history entry: 2 adds the event counts
// to the report; entries of version 1 (codecVersion) read with none.
const entryVersion = 2

func encodeEntry(e Entry, changes []change) []byte {
	enc := encoder{}
	enc.byte(entryVersion)
	enc.varint(e.Time.Unix())
	enc.string(e.Label)
	for _, n := range e.Report.counts() {
		enc.uvarint(uint64(*n))
	}
	enc.uvarint(uint64(len(changes)))
	for _, ch := range changes {
		enc.byte(ch.bucket)
		enc.bytes(ch.key)
		if ch.other == nil {
			enc.byte(0)
		} else {
			enc.byte(1)
			enc.bytes(ch.other)
		}
	}
	return enc.b
}

func decodeEntry(seq uint64, v []byte, withChanges bool) (Entry, []change, error) {
	d := decoder{b: v}
	version := d.byte()
	if version != codecVersion && version != entryVersion {
		return Entry{}, nil, errCorrupt
	}
	e := Entry{Seq: seq, Time: time.Unix(d.varint(), 0).UTC(), Label: d.string()}
	counts := e.Report.counts()
	if version == codecVersion {
		counts = counts[:countsV1]
	}
	for _, n := range counts {
		*n = int(d.uvarint())
	}
	if !withChanges || d.err != nil {
		return e, nil, d.err
	}
	n := d.count(3)
	changes := make([]change, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		ch := change{bucket: d.byte(), key: d.bytes()}
		if d.byte() == 1 {
			ch.other = d.bytes()
		}
		if !undoableKey(ch.bucket, ch.key) {
			return e, nil, errCorrupt
		}
		changes = append(changes, ch)
	}
	return e, changes, d.err
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
		payload, ok := unseal(bidHistory, k, v)
		var changes []change
		if ok {
			e, changes, err = decodeEntry(seq, payload, true)
		}
		if !ok || err != nil {
			return s.damagedKey(bidHistory, k, "cannot be read, so it cannot be undone or redone")
		}
		touched := map[string]bool{}
		events := false
		for i := range changes {
			ch := &changes[i]
			b := tx.Bucket(bucketByID(ch.bucket))
			// Both sides of the swap must be sound: undo never writes a
			// damaged value back, nor builds on one.
			now := clone(b.Get(ch.key))
			if now != nil {
				if _, ok := unseal(ch.bucket, ch.key, now); !ok {
					return s.damagedKey(ch.bucket, ch.key, isAre(ch.bucket)+" damaged, so this step cannot be undone or redone")
				}
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
			ch.other = now
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
		if err := putEntry(h, e, changes); err != nil {
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
			if len(k) != 8 {
				return s.damagedKey(bidHistory, k, "has a key that is not a number")
			}
			seq := binary.BigEndian.Uint64(k)
			payload, ok := unseal(bidHistory, k, v)
			e, _, err := decodeEntry(seq, payload, false)
			if !ok || err != nil {
				return s.damagedKey(bidHistory, k, "cannot be read")
			}
			entries = append(entries, e)
			if seq <= cur {
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
