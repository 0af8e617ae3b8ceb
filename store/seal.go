package store

import (
	"encoding/binary"
	"hash/crc32"
)

// Every value uptake stores ends in a CRC-32C of the bucket it sits in,
// its key and its bytes. bbolt checks its meta pages but not its data
// pages: without this, one flipped byte in a page reads as another
// number, another country or another month. With it, a damaged value, a
// value read under another key (a damaged branch page sends a lookup to
// the wrong leaf) or a value of another bucket is refused on every read.
// CRC-32C runs in hardware on amd64 and arm64, at several GB/s.

// sealLen is the length of the checksum at the end of every value.
const sealLen = 4

// castagnoli is the CRC-32C table; crc32 builds it once and never changes it.
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// sealSum is the checksum of a value's payload under its bucket and key.
func sealSum(bucket byte, key, payload []byte) uint32 {
	c := crc32.Update(0, castagnoli, []byte{bucket})
	c = crc32.Update(c, castagnoli, key)
	return crc32.Update(c, castagnoli, payload)
}

// seal appends the checksum of payload (under bucket and key) to payload.
func seal(bucket byte, key, payload []byte) []byte {
	return binary.BigEndian.AppendUint32(payload, sealSum(bucket, key, payload))
}

// unseal returns the payload of a stored value, or false when the value
// is not the one written under this bucket and key.
func unseal(bucket byte, key, v []byte) ([]byte, bool) {
	if len(v) < sealLen {
		return nil, false
	}
	payload := v[:len(v)-sealLen]
	if binary.BigEndian.Uint32(v[len(v)-sealLen:]) != sealSum(bucket, key, payload) {
		return nil, false
	}
	return payload, true
}

// sealOf returns the checksum a sealed value ends in; the app index keeps
// it for each of the app's series and launches, so that a value that is
// sound in itself but not the one last written (a stale page reached
// through a damaged pointer) is refused too.
func sealOf(v []byte) uint32 {
	if len(v) < sealLen {
		return 0
	}
	return binary.BigEndian.Uint32(v[len(v)-sealLen:])
}
