package store

import "time"

// The history entries of schemas 1 to 3 held their changes inline, every
// old value spelt out in one value: migrate1to2 and migrate3to4 read and
// write them.

// entryVersionV2 is the codec of an entry of schema 3: 2 adds the event
// counts to the report; entries of version 1 (codecVersion) read with none.
const entryVersionV2 = 2

func encodeEntryV2(e Entry, changes []change) []byte {
	enc := encoder{}
	enc.byte(entryVersionV2)
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

func decodeEntryV2(seq uint64, v []byte) (Entry, []change, error) {
	d := decoder{b: v}
	version := d.byte()
	if version != codecVersion && version != entryVersionV2 {
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
