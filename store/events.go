package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// Events live in a bucket of their own (schema 3), one sealed value per
// event, keyed by month (two bytes, big-endian), country, 0, folded app,
// 0, text: the key is the event's identity, and cursor order is the order
// Events lists them in. The meta bucket keeps the event tally, how many
// events there are and a checksum of every key and seal, so that a read
// notices an event that is missing, extra or an older copy, as the app
// index does for figures. Adding, replacing and deleting events go
// through the change set, so each is a step of undo.

// maxEvents bounds the events of a file: they are notes drawn under a
// chart, and a hostile file must not make every view read a million.
const maxEvents = 10_000

// eventVersion is the codec of an event's value.
const eventVersion = 1

// keyEventTally is the event tally's key in meta.
var keyEventTally = []byte("events")

// eventKey is the key of an event of identity k.
func eventKey(k figures.EventKey) []byte {
	out := make([]byte, 0, 2+len(k.Country)+len(k.App)+len(k.Text)+2)
	out = binary.BigEndian.AppendUint16(out, uint16(k.Month))
	out = append(out, k.Country...)
	out = append(out, 0)
	out = append(out, k.App...)
	out = append(out, 0)
	return append(out, k.Text...)
}

// splitEventKey reads the identity an event's key holds.
func splitEventKey(k []byte) (figures.EventKey, bool) {
	if len(k) < 4 {
		return figures.EventKey{}, false
	}
	parts := bytes.Split(k[2:], []byte{0})
	if len(parts) != 3 {
		return figures.EventKey{}, false
	}
	return figures.EventKey{Month: figures.Month(binary.BigEndian.Uint16(k)), Country: string(parts[0]),
		App: string(parts[1]), Text: string(parts[2])}, true
}

// encodeEvent writes what an event holds besides its key: the app as
// spelt, the source, the note and when it was written.
func encodeEvent(e figures.Event) []byte {
	enc := encoder{}
	enc.byte(eventVersion)
	enc.string(e.App)
	enc.string(e.Source)
	enc.string(e.Note)
	enc.varint(e.Changed.Unix())
	return enc.b
}

// openEvent checks an event's value against its seal and decodes it; an
// event the store would not write is damage too.
func (s *Store) openEvent(k, v []byte) (figures.Event, error) {
	payload, ok := unseal(bidEvents, k, v)
	if !ok {
		return figures.Event{}, s.damagedKey(bidEvents, k, "does not match its checksum")
	}
	id, ok := splitEventKey(k)
	d := decoder{b: payload}
	if !ok || d.byte() != eventVersion {
		return figures.Event{}, s.damagedKey(bidEvents, k, "cannot be read")
	}
	e := figures.Event{App: d.string(), Country: id.Country, Month: id.Month, Text: id.Text, Source: d.string(), Note: d.string()}
	e.Changed = time.Unix(d.varint(), 0).UTC()
	if d.err != nil || len(d.b) != 0 || figures.FoldName(e.App) != id.App || e.Validate() != nil {
		return figures.Event{}, s.damagedKey(bidEvents, k, "cannot be read")
	}
	return e, nil
}

// eventTally is how many events the file holds and a checksum of their
// keys and seals, in key order.
type eventTally struct {
	n   int
	sum uint32
}

func (t *eventTally) add(k, v []byte) {
	var n [binary.MaxVarintLen64]byte
	t.sum = crc32.Update(t.sum, castagnoli, n[:binary.PutUvarint(n[:], uint64(len(k)))])
	t.sum = crc32.Update(t.sum, castagnoli, k)
	t.sum = crc32.Update(t.sum, castagnoli, binary.BigEndian.AppendUint32(nil, sealOf(v)))
	t.n++
}

const eventTallyVersion = 1

func encodeEventTally(t eventTally) []byte {
	enc := encoder{}
	enc.byte(eventTallyVersion)
	enc.uvarint(uint64(t.n))
	enc.b = binary.BigEndian.AppendUint32(enc.b, t.sum)
	return enc.b
}

func (s *Store) readEventTally(tx *bolt.Tx) (eventTally, error) {
	v, err := s.metaValue(tx, keyEventTally)
	if err != nil {
		return eventTally{}, err
	}
	d := decoder{b: v}
	ok := d.byte() == eventTallyVersion
	t := eventTally{n: int(d.uvarint())}
	if !ok || d.err != nil || len(d.b) != 4 || t.n > maxEvents {
		return eventTally{}, s.damagedMeta("its tally of events cannot be read")
	}
	t.sum = binary.BigEndian.Uint32(d.b)
	return t, nil
}

// retallyEvents writes the event tally from the events as they are now
// in tx. A write never builds on a damaged event.
func (s *Store) retallyEvents(tx *bolt.Tx) error {
	var t eventTally
	c := tx.Bucket(bucketEvents).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if _, ok := unseal(bidEvents, k, v); !ok {
			return s.damagedKey(bidEvents, k, "does not match its checksum")
		}
		t.add(k, v)
	}
	return s.putMeta(tx, keyEventTally, encodeEventTally(t))
}

// Events returns every event, in a read of its own.
func (s *Store) Events() ([]figures.Event, error) { return readOne(s, (*Reader).Events) }

// Events returns every event, sorted by month, then country, app
// (without regard to case) and text; each is checked against its seal,
// and the whole against the file's tally of them.
func (r *Reader) Events() ([]figures.Event, error) {
	b := r.tx.Bucket(bucketEvents)
	if b == nil {
		return nil, r.s.damagedMeta("its events bucket is missing")
	}
	var want eventTally
	check := r.cs == nil || !r.cs.events // this write's own events are newer than the tally
	if check {
		var err error
		if want, err = r.s.readEventTally(r.tx); err != nil {
			return nil, err
		}
	}
	var got eventTally
	var out []figures.Event
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if got.n == maxEvents {
			return nil, r.s.damage(fmt.Sprintf("the file holds more than %d events, more than uptake writes", maxEvents))
		}
		e, err := r.s.openEvent(k, v)
		if err != nil {
			return nil, err
		}
		got.add(k, v)
		out = append(out, e)
	}
	if check && got != want {
		return nil, r.s.damage(fmt.Sprintf("the events do not match the file's tally of them (%d listed, %d found: some are missing, extra, or an older copy was read)", want.n, got.n))
	}
	return out, nil
}

// batchEvent is an event of a batch and the line it was read from.
type batchEvent struct {
	figures.Event
	line int
}

// AddEvent records an event read from line of the batch's File (0 when it
// was not read from a file). Unlike a figure, an event does not add its
// app: it may name one the file does not follow ("TikTok"). A later event
// of the same identity in the batch must hold the same values.
func (b *Batch) AddEvent(e figures.Event, line int) {
	b.events = append(b.events, batchEvent{e, line})
}

// NumEvents returns how many events the batch holds.
func (b *Batch) NumEvents() int { return len(b.events) }

// validateEvents checks the batch's events as the store will write them.
func (b *Batch) validateEvents() error {
	if len(b.events) > maxEvents {
		return fmt.Errorf("%s: %d events; uptake keeps at most %d (events are notes under a chart: split the file, or keep the rest in notes)", b.where(0), len(b.events), maxEvents)
	}
	for _, e := range b.events {
		if err := e.Validate(); err != nil {
			return fmt.Errorf("%s: event %s: %w", b.where(e.line), e.Event.String(), err)
		}
	}
	return nil
}

// where names the input and, when known, a line of it.
func (b *Batch) where(line int) string {
	s := "the input"
	if b.File != "" {
		s = figures.Sanitize(b.File)
	}
	if line > 0 {
		s = fmt.Sprintf("%s:%d", s, line)
	}
	return s
}

// applyEvents writes the batch's events, upserting by identity: an event
// whose source or note changes is replaced, and named in the report.
func applyEvents(cs *changeSet, r *Reader, b *Batch, now time.Time, rep *Report) error {
	if len(b.events) == 0 {
		return nil
	}
	bucket := cs.tx.Bucket(bucketEvents)
	held := 0
	c := bucket.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		held++
	}
	first := map[string]int{} // key → the first event of the batch with it
	for i, e := range b.events {
		k := eventKey(e.Key())
		if j, ok := first[string(k)]; ok {
			if !b.events[j].Same(e.Event) {
				return fmt.Errorf("%s: %w: the event %s has source %s and note %s on one line and source %s and note %s on the other (keep one of them)",
					b.whereTwo(b.events[j].line, e.line), ErrEventConflict, e.Event.String(),
					figures.Quote(figures.Sanitize(b.events[j].Source)), figures.Quote(figures.Sanitize(b.events[j].Note)),
					figures.Quote(figures.Sanitize(e.Source)), figures.Quote(figures.Sanitize(e.Note)))
			}
			rep.Duplicates++
			continue
		}
		first[string(k)] = i
		ev := e.Event
		if ev.App != "" {
			// An app the file follows keeps its first spelling, as its
			// figures do.
			rec, known, err := r.record(figures.FoldName(ev.App))
			if err != nil {
				return err
			}
			if known {
				ev.App = rec.Name
			}
		}
		if old := bucket.Get(k); old != nil {
			cur, err := r.s.openEvent(k, old)
			if err != nil {
				return err
			}
			if cur.Same(ev) {
				rep.EventsUnchanged++
				continue
			}
			rep.EventsUpdated++
			rep.eventChanged(cur, ev)
		} else {
			rep.EventsAdded++
			rep.eventChanged(figures.Event{}, ev)
		}
		ev.Changed = now
		if err := cs.put(bidEvents, k, encodeEvent(ev)); err != nil {
			return err
		}
	}
	if held+rep.EventsAdded > maxEvents {
		return fmt.Errorf("this write would make %d events; uptake keeps at most %d (delete some first, or keep the rest in notes)", held+rep.EventsAdded, maxEvents)
	}
	return nil
}

// whereTwo names two lines of the input.
func (b *Batch) whereTwo(x, y int) string {
	if x > 0 && y > 0 {
		return fmt.Sprintf("%s and line %d", b.where(x), y)
	}
	return b.where(0)
}

// SaveEvent writes one event from the form; the same identity again
// replaces its source and note, and the report names the change. When
// old is not nil and names another identity, the event moves: old is
// deleted in the same transaction. One step of undo.
func (s *Store) SaveEvent(old *figures.EventKey, e figures.Event) (Report, error) {
	if err := e.Validate(); err != nil {
		return Report{}, err
	}
	var rep Report
	label := "add event " + e.String()
	if old != nil {
		label = "edit event " + old.String()
	}
	err := s.update(func(tx *bolt.Tx) error {
		rep = Report{}
		cs := newChangeSet(s, tx)
		r := &Reader{s: s, tx: tx, cs: cs}
		if _, err := r.index(); err != nil {
			return err
		}
		if old != nil && *old != e.Key() {
			if _, err := deleteEvent(cs, r, *old); err != nil {
				return err
			}
			rep.EventsDeleted++
		}
		b := NewBatch(label)
		b.AddEvent(e, 0)
		now := s.now()
		if err := applyEvents(cs, r, b, now, &rep); err != nil {
			return err
		}
		return cs.commitReported(label, &rep, now)
	})
	return rep, err
}

// DeleteEvent removes the event of identity k and returns it; one step of undo.
func (s *Store) DeleteEvent(k figures.EventKey) (figures.Event, error) {
	var gone figures.Event
	err := s.update(func(tx *bolt.Tx) error {
		cs := newChangeSet(s, tx)
		var err error
		if gone, err = deleteEvent(cs, &Reader{s: s, tx: tx, cs: cs}, k); err != nil {
			return err
		}
		return cs.commit("delete event "+gone.String(), Report{EventsDeleted: 1}, s.now())
	})
	return gone, err
}

func deleteEvent(cs *changeSet, r *Reader, k figures.EventKey) (figures.Event, error) {
	k.App = figures.FoldName(k.App)
	key := eventKey(k)
	v := cs.tx.Bucket(bucketEvents).Get(key)
	if v == nil {
		return figures.Event{}, fmt.Errorf("the event %s: %w", k.String(), ErrNotFound)
	}
	e, err := r.s.openEvent(key, v)
	if err != nil {
		return figures.Event{}, err
	}
	return e, cs.del(bidEvents, key)
}

// moveEvents gives the events of the app fromFold to app (folded
// intoFold), for a merge or a rename: an event into has already, alike,
// is kept once; one with other values stops the merge, as a figure does.
func moveEvents(cs *changeSet, r *Reader, fromFold, intoFold, app string, rep *Report) error {
	bucket := cs.tx.Bucket(bucketEvents)
	type moved struct {
		key []byte
		e   figures.Event
	}
	var todo []moved
	c := bucket.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		id, ok := splitEventKey(k)
		if !ok || id.App != fromFold {
			if !ok {
				return r.s.damagedKey(bidEvents, k, "cannot be read")
			}
			continue
		}
		e, err := r.s.openEvent(k, v)
		if err != nil {
			return err
		}
		todo = append(todo, moved{clone(k), e})
	}
	for _, m := range todo {
		e := m.e
		e.App = app
		nk := eventKey(e.Key())
		if fromFold != intoFold {
			if have := bucket.Get(nk); have != nil {
				cur, err := r.s.openEvent(nk, have)
				if err != nil {
					return err
				}
				if cur.Source != e.Source || cur.Note != e.Note {
					return fmt.Errorf("%w: the event %s has source %s in one app and %s in the other: delete or change one of them first",
						ErrAppConflict, e.String(), figures.Quote(figures.Sanitize(cur.Source)), figures.Quote(figures.Sanitize(e.Source)))
				}
				rep.Duplicates++
				if err := cs.del(bidEvents, m.key); err != nil {
					return err
				}
				continue
			}
			if err := cs.del(bidEvents, m.key); err != nil {
				return err
			}
		}
		if err := cs.put(bidEvents, nk, encodeEvent(e)); err != nil {
			return err
		}
		rep.EventsUpdated++
	}
	return nil
}

// checkEvents checks every event: its seal, its decoding, the order of
// the keys and the tally.
func (c *checker) checkEvents(n *Counts) {
	b := c.tx.Bucket(bucketEvents)
	if b == nil {
		c.add("its events bucket is missing")
		return
	}
	want, err := c.s.readEventTally(c.tx)
	if err != nil {
		c.addErr(err)
	}
	var got eventTally
	cur := b.Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		got.add(k, v)
		if _, err := c.s.openEvent(k, v); err != nil {
			c.addErr(err)
		}
	}
	n.Events = got.n
	if err == nil && got != want {
		c.add(fmt.Sprintf("the file's tally of events (%d) does not match what it holds (%d, or an older copy of one)", want.n, got.n))
	}
}

// SoundEvents returns every event that can be trusted, even in a damaged
// file, and then a *PartialError naming each one it had to leave out (nil
// when it left out none): what -export data saves of a damaged file's
// events. An event is sound when its seal matches; events missing from
// the file are named by the tally's count.
func (r *Reader) SoundEvents() ([]figures.Event, error) {
	b := r.tx.Bucket(bucketEvents)
	if b == nil {
		return nil, &PartialError{Path: r.s.path, Left: []string{"its events bucket is missing: no event could be saved"}}
	}
	var left []string
	var out []figures.Event
	var got eventTally
	c := b.Cursor()
	for k, v := c.First(); k != nil && got.n < maxEvents; k, v = c.Next() {
		got.add(k, v)
		e, err := r.s.openEvent(k, v)
		if err != nil {
			left = append(left, describeStored(bidEvents, k)+" cannot be read: left out")
			continue
		}
		out = append(out, e)
	}
	if want, err := r.s.readEventTally(r.tx); err != nil {
		left = append(left, "its tally of events cannot be read, so an event missing from the file would go unseen")
	} else if want.n > got.n {
		left = append(left, fmt.Sprintf("%d of the file's events are missing from it", want.n-got.n))
	}
	if len(left) > 0 {
		return out, &PartialError{Path: r.s.path, Left: left}
	}
	return out, nil
}
