package store

import (
	"bytes"
	"encoding/binary"
	"sync"

	"github.com/uptake/uptake/figures"
)

// Bucket names. Every series of one app sits under the prefix
// fold(app)+0x00, so that one (app, country) series is one value and one
// app's series are one contiguous range.
var (
	bucketMeta     = []byte("meta")
	bucketApps     = []byte("apps")
	bucketSeries   = []byte("series")
	bucketLaunches = []byte("launches")
	bucketHistory  = []byte("history")
	bucketEvents   = []byte("events")  // schema 3: events.go
	bucketTexts    = []byte("texts")   // schema 4: dict.go
	bucketChanges  = []byte("changes") // schema 4: the history's values, histstream.go

	keySchema = []byte("schema")
	keyMagic  = []byte("uptake")
	keyUndo   = []byte("undo") // seq of the last applied history entry
)

// Bucket ids: a history entry names the bucket of each change by id (apps,
// series, launches and events only), and every value is sealed under its id.
const (
	bidApps byte = iota + 1
	bidSeries
	bidLaunches
	bidMeta
	bidHistory
	bidEvents
	bidTexts
	bidChanges
)

func bucketByID(id byte) []byte {
	switch id {
	case bidApps:
		return bucketApps
	case bidSeries:
		return bucketSeries
	case bidLaunches:
		return bucketLaunches
	case bidMeta:
		return bucketMeta
	case bidHistory:
		return bucketHistory
	case bidEvents:
		return bucketEvents
	case bidTexts:
		return bucketTexts
	case bidChanges:
		return bucketChanges
	}
	return nil
}

// bucketID returns the id of a bucket by name, or 0 for one uptake does
// not keep.
func bucketID(name []byte) byte {
	for id := bidApps; id <= bidChanges; id++ {
		if bytes.Equal(bucketByID(id), name) {
			return id
		}
	}
	return 0
}

// undoable reports whether a history entry may change a bucket.
func undoable(id byte) bool {
	return id == bidApps || id == bidSeries || id == bidLaunches || id == bidEvents
}

// undoableKey reports whether a history entry may change a key: any of
// the apps, series and launches, and of the meta bucket only the user's
// groups, never the schema, the tally or the undo position.
func undoableKey(id byte, key []byte) bool {
	return undoable(id) || id == bidMeta && bytes.Equal(key, keyGroups)
}

// appKey is the key of an app in the apps bucket.
func appKey(app string) []byte { return []byte(figures.FoldName(app)) }

// appPrefix is the prefix of every series and launch key of one app.
func appPrefix(folded string) []byte {
	k := make([]byte, 0, len(folded)+1)
	k = append(k, folded...)
	return append(k, 0)
}

// seriesKey is the key of one (app, country) series or launch.
func seriesKey(folded, country string) []byte {
	k := make([]byte, 0, len(folded)+1+len(country))
	k = append(k, folded...)
	k = append(k, 0)
	return append(k, country...)
}

// splitSeriesKey returns the folded app and the country of a series key.
// The country is after the last 0: codes hold none, and a name from a
// foreign file might.
func splitSeriesKey(k []byte) (folded, country string, ok bool) {
	i := bytes.LastIndexByte(k, 0)
	if i < 0 {
		return "", "", false
	}
	return string(k[:i]), string(k[i+1:]), true
}

// keyCountry returns the country of a series or launch key. Known codes
// come from one table, so that reading ten thousand keys does not make
// ten thousand two-byte strings.
func keyCountry(k []byte) (string, bool) {
	i := bytes.LastIndexByte(k, 0)
	if i < 0 {
		return "", false
	}
	c := k[i+1:]
	internCountries.once.Do(func() {
		internCountries.codes = map[string]string{figures.Worldwide: figures.Worldwide}
		for _, code := range figures.CountryCodes() {
			internCountries.codes[code] = code
		}
	})
	if s, ok := internCountries.codes[string(c)]; ok {
		return s, true
	}
	return string(c), true
}

var internCountries struct {
	once  sync.Once
	codes map[string]string
}

// seqKey is a history key: big-endian so that cursor order is time order.
func seqKey(seq uint64) []byte {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], seq)
	return k[:]
}
