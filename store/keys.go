package store

import (
	"bytes"
	"encoding/binary"
	"sync"
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

	keySchema = []byte("schema")
	keyMagic  = []byte("uptake")
	keyUndo   = []byte("undo") // seq of the last applied history entry
)

// bucketIDs number the buckets a history entry may name.
const (
	bidApps byte = iota + 1
	bidSeries
	bidLaunches
)

func bucketByID(id byte) []byte {
	switch id {
	case bidApps:
		return bucketApps
	case bidSeries:
		return bucketSeries
	case bidLaunches:
		return bucketLaunches
	}
	return nil
}

// appKey is the key of an app in the apps bucket.
func appKey(app string) []byte { return []byte(FoldName(app)) }

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
func splitSeriesKey(k []byte) (folded, country string, ok bool) {
	for i, c := range k {
		if c == 0 {
			return string(k[:i]), string(k[i+1:]), true
		}
	}
	return "", "", false
}

// keyCountry returns the country of a series or launch key. Known codes
// come from one table, so that reading ten thousand keys does not make
// ten thousand two-byte strings.
func keyCountry(k []byte) (string, bool) {
	i := bytes.IndexByte(k, 0)
	if i < 0 {
		return "", false
	}
	c := k[i+1:]
	internCountries.once.Do(func() {
		internCountries.codes = map[string]string{Worldwide: Worldwide}
		for _, code := range CountryCodes() {
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
