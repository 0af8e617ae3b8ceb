package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A byte flipped in the name of one of the file's buckets puts the names
// out of order, and looking them up by binary search then misses sound
// ones too. The file must still be called a damaged uptake file, never
// another program's (found by the byte-flipping test when schema 5 moved
// the names to other offsets).
func TestCheckSchema_FlippedBucketNameIsDamageNotAnotherProgram(t *testing.T) {
	s, path := newTestStore(t)
	if _, err := s.Apply(batchOf(fig("A", "IN", "2020-01", "", 100)), false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	clean, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"apps", "changes", "events", "history", "launches", "meta", "series", "texts"} {
		for _, to := range []byte{'\x00', '~', 'a'} {
			at := bytes.Index(clean, []byte(name))
			if at < 0 {
				t.Fatalf("the name %q is not in the file", name)
			}
			if clean[at] == to {
				continue
			}
			flipped := bytes.Clone(clean)
			flipped[at] = to
			if err := os.WriteFile(path, flipped, 0o600); err != nil {
				t.Fatal(err)
			}
			st, err := Open(path, Options{ReadOnly: true})
			if err == nil {
				st.Close() // a name bbolt never reads; nothing to say
				continue
			}
			if errors.Is(err, ErrNotUptake) {
				t.Errorf("%q with its first byte %q: %v (want: damaged)", name, to, err)
			}
		}
	}
}

// Another program's bbolt file with buckets named as common words uptake
// also uses (meta, history, events) is still another program's file, not
// a damaged uptake one (found by a review of the test above's fix).
func TestCheckSchema_AnotherProgramsCommonNames(t *testing.T) {
	path := filepath.Join(t.TempDir(), "other.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range []string{"meta", "history", "events", "config"} {
			b, err := tx.CreateBucketIfNotExists([]byte(name))
			if err != nil {
				return err
			}
			if err := b.Put([]byte("k"), []byte("v")); err != nil {
				return err
			}
		}
		return nil
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrNotUptake) {
		t.Errorf("another program's file: %v (want: not an uptake database)", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("another program's file was changed")
	}
}
