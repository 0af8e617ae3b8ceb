package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"

	bolt "go.etcd.io/bbolt"
)

// The dictionary (schema 4) keeps each text that figures repeat, the app
// names, sources and notes, once in the file, in the texts bucket: a
// series value names them by reference instead of spelling them out, so
// that a hundred figures from one source cost their numbers and not the
// source's words a hundred times over.
//
// A text sits under a 4-byte key, the CRC-32C of its bytes (the next free
// key when that one holds another text), sealed like every value. A
// reference is the key and the seal of the value: a text that is damaged,
// missing, or another one than was written (a stale page reached through
// a damaged pointer) is refused and named, never read as another source.
// Texts are never changed nor deleted, so a reference held in an old
// value (the undo history) stays good: a text no figure uses any more
// costs its bytes, once.

// dictRef names a text of the dictionary; the zero ref is the empty text.
type dictRef struct {
	id, seal uint32
}

// refLen is the length of an encoded reference.
const refLen = 8

func appendRef(b []byte, r dictRef) []byte {
	b = binary.BigEndian.AppendUint32(b, r.id)
	return binary.BigEndian.AppendUint32(b, r.seal)
}

func (d *decoder) ref() dictRef {
	if len(d.b) < refLen {
		d.fail()
		return dictRef{}
	}
	r := dictRef{binary.BigEndian.Uint32(d.b), binary.BigEndian.Uint32(d.b[4:])}
	d.b = d.b[refLen:]
	return r
}

// maxProbes bounds the keys tried for a text whose hash key holds
// another: past it, the dictionary is damaged, not full (a collision of
// CRC-32C over distinct texts takes billions of them to be likely).
const maxProbes = 64

// textKey is the key of a text id.
func textKey(id uint32) []byte { return binary.BigEndian.AppendUint32(nil, id) }

// textError is what a text reference that cannot be followed gives;
// the series that holds it words the damage.
type textError struct {
	id      uint32
	problem string
}

func (e *textError) Error() string {
	return fmt.Sprintf("text %d of the file's dictionary %s", e.id, e.problem)
}

// texts resolves references to texts, in one transaction, each text read
// once; in a write it adds the texts it is asked for.
type texts struct {
	b     *bolt.Bucket // nil: a dictionary held in memory (memTexts)
	byRef map[dictRef]string
	byTxt map[string]dictRef
	next  uint32 // the next id of a dictionary held in memory
}

func newTexts(tx *bolt.Tx) *texts {
	return &texts{b: tx.Bucket(bucketTexts), byRef: map[dictRef]string{}, byTxt: map[string]dictRef{}}
}

// memTexts is a dictionary held in memory, for values that never reach
// the file (TableOf, tests).
func memTexts() *texts {
	return &texts{byRef: map[dictRef]string{}, byTxt: map[string]dictRef{}}
}

// text returns the text a reference names.
func (t *texts) text(r dictRef) (string, error) {
	if r == (dictRef{}) {
		return "", nil
	}
	if s, ok := t.byRef[r]; ok {
		return s, nil
	}
	if t.b == nil {
		return "", &textError{r.id, "is missing"}
	}
	k := textKey(r.id)
	v := t.b.Get(k)
	if v == nil {
		return "", &textError{r.id, "is missing"}
	}
	p, ok := unseal(bidTexts, k, v)
	if !ok {
		return "", &textError{r.id, "does not match its checksum"}
	}
	if sealOf(v) != r.seal || len(p) == 0 {
		return "", &textError{r.id, "is not the one written (an older copy was read)"}
	}
	s := string(p)
	t.byRef[r] = s
	t.byTxt[s] = r
	return s, nil
}

// ref returns the reference of s, adding s to the dictionary when it is
// not there yet. In a read transaction only texts already there are
// found: adding one fails.
func (t *texts) ref(s string) (dictRef, error) {
	if s == "" {
		return dictRef{}, nil
	}
	if r, ok := t.byTxt[s]; ok {
		return r, nil
	}
	if t.b == nil {
		t.next++
		r := dictRef{id: t.next}
		t.byRef[r], t.byTxt[s] = s, r
		return r, nil
	}
	id := crc32.Checksum([]byte(s), castagnoli)
	for range maxProbes {
		if id == 0 {
			id = 1 // 0 is the empty text's
		}
		k := textKey(id)
		v := t.b.Get(k)
		if v == nil {
			v = seal(bidTexts, k, []byte(s))
			if err := t.b.Put(k, v); err != nil {
				return dictRef{}, err
			}
			r := dictRef{id, sealOf(v)}
			t.byRef[r], t.byTxt[s] = s, r
			return r, nil
		}
		p, ok := unseal(bidTexts, k, v)
		if !ok {
			return dictRef{}, &textError{id, "does not match its checksum"}
		}
		if string(p) == s {
			r := dictRef{id, sealOf(v)}
			t.byRef[r], t.byTxt[s] = s, r
			return r, nil
		}
		id++
	}
	return dictRef{}, &textError{id, fmt.Sprintf("and the %d after it hold other texts", maxProbes-1)}
}

// textDamage words a text reference that cannot be followed as damage to
// the value of bucket and key that holds it; other errors pass as they are.
func (s *Store) textDamage(bucket byte, key []byte, err error) error {
	var te *textError
	if errors.As(err, &te) {
		return s.damagedKey(bucket, key, "name a text that cannot be read: "+te.Error())
	}
	return err
}
