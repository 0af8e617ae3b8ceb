package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/uptake/uptake/figures"
)

// The user's ranking of sources lives in the meta bucket, sealed like
// every value: the names in order, each ended by a NUL. It is a setting,
// not data: setting it changes which figure a series shows, never a
// figure, so it is not a step of undo.
var keyRanking = []byte("ranking")

// maxRanked bounds the ranking, so that a hostile file cannot make every
// read carry a huge list.
const maxRanked = 256

// Ranking returns the user's ranking of sources, highest first; empty
// when none is set (the default order then applies).
func (r *Reader) Ranking() (figures.Ranking, error) {
	v := r.tx.Bucket(bucketMeta).Get(keyRanking)
	if v == nil {
		return nil, nil
	}
	payload, err := r.s.metaValue(r.tx, keyRanking)
	if err != nil {
		return nil, err
	}
	rank, ok := decodeRanking(payload)
	if !ok {
		return nil, r.s.damagedMeta("its ranking of sources cannot be read")
	}
	return rank, nil
}

// SetRanking saves the user's ranking of sources; an empty one goes back
// to the default order. Names are kept as given (sanitised of control
// characters); a name given twice is an error.
func (s *Store) SetRanking(rank figures.Ranking) error {
	if len(rank) > maxRanked {
		return fmt.Errorf("a ranking names at most %d sources; this one names %d", maxRanked, len(rank))
	}
	seen := map[string]bool{}
	for _, name := range rank {
		if name == "" || strings.ContainsRune(name, 0) || !utf8.ValidString(name) {
			return fmt.Errorf("a source in the ranking is empty or not text: %q", figures.Sanitize(name))
		}
		if seen[strings.ToLower(name)] {
			return fmt.Errorf("the ranking names %q twice: give each source once, highest first", figures.Sanitize(name))
		}
		seen[strings.ToLower(name)] = true
	}
	return s.update(func(tx *bolt.Tx) error {
		if len(rank) == 0 {
			return tx.Bucket(bucketMeta).Delete(keyRanking)
		}
		return s.putMeta(tx, keyRanking, encodeRanking(rank))
	})
}

func encodeRanking(rank figures.Ranking) []byte {
	var b []byte
	for _, name := range rank {
		b = append(b, name...)
		b = append(b, 0)
	}
	return b
}

func decodeRanking(p []byte) (figures.Ranking, bool) {
	if len(p) == 0 || p[len(p)-1] != 0 {
		return nil, false
	}
	parts := bytes.Split(p[:len(p)-1], []byte{0})
	if len(parts) > maxRanked {
		return nil, false
	}
	rank := make(figures.Ranking, len(parts))
	for i, part := range parts {
		if len(part) == 0 || !utf8.Valid(part) {
			return nil, false
		}
		rank[i] = string(part)
	}
	return rank, true
}

// Ranking returns the user's ranking of sources, in a read of its own.
func (s *Store) Ranking() (figures.Ranking, error) { return readOne(s, (*Reader).Ranking) }

// Sources lists every source the file's figures name, sorted; it reads
// every figure, so it serves checking a ranking, not drawing a view.
func (r *Reader) Sources() ([]string, error) {
	seen := map[string]bool{}
	err := r.EachFigure(func(f figures.Figure) bool {
		seen[f.Source] = true
		return true
	})
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	slices.Sort(out)
	return out, err
}
