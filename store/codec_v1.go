package store

import (
	"time"

	"github.com/uptake/uptake/figures"
)

// The values of schemas 0 to 3 (codecVersion): a series spelt out its app
// name and its texts, a launch its app name. Only migrate3to4 and the
// earlier migrations read them now.

// decodeSeriesV1 reads a series value of schemas 0 to 3.
func decodeSeriesV1(v []byte, country string) ([]figures.Figure, error) {
	d := decoder{b: v}
	if d.byte() != codecVersion {
		return nil, errCorrupt
	}
	app := d.string()
	texts := []string{""}
	for n := d.count(1); n > 0 && d.err == nil; n-- {
		texts = append(texts, d.string())
	}
	base := d.varint()
	n := d.count(7)
	if d.err != nil {
		return nil, d.err
	}
	figs := make([]figures.Figure, n)
	var prev figures.Month
	for i := range figs {
		f := &figs[i]
		f.App, f.Country = app, country
		from := d.uvarint()
		if i > 0 {
			from += uint64(prev)
		}
		span := d.uvarint()
		f.Installs = int64(d.uvarint())
		src, note := d.uvarint(), d.uvarint()
		flags := d.byte()
		changed := d.varint()
		if d.err != nil || from > uint64(figures.MaxMonth) || span > uint64(figures.MaxMonth) || src >= uint64(len(texts)) || note >= uint64(len(texts)) || f.Installs < 0 || flags > 5 {
			return nil, errCorrupt
		}
		f.From, f.To = figures.Month(from), figures.Month(from+span)
		prev = f.From
		f.Source, f.Note = texts[src], texts[note]
		f.Estimate = flags&1 != 0
		f.Platform = figures.Platform(flags >> 1)
		f.Changed = time.Unix(base+changed, 0).UTC()
	}
	return figs, nil
}

// encodeSeriesV1 writes a series as schemas 0 to 3 did: what tests that
// make old files need.
func encodeSeriesV1(app string, figs []figures.Figure) []byte {
	var base int64
	if len(figs) > 0 {
		base = figs[0].Changed.Unix()
	}
	texts := []string{""}
	idx := func(s string) uint64 {
		for i, x := range texts {
			if x == s {
				return uint64(i)
			}
		}
		texts = append(texts, s)
		return uint64(len(texts) - 1)
	}
	for _, f := range figs {
		idx(f.Source)
		idx(f.Note)
	}
	e := encoder{}
	e.byte(codecVersion)
	e.string(app)
	e.uvarint(uint64(len(texts) - 1))
	for _, s := range texts[1:] {
		e.string(s)
	}
	e.varint(base)
	e.uvarint(uint64(len(figs)))
	var prev figures.Month
	for i, f := range figs {
		if i == 0 {
			e.uvarint(uint64(f.From))
		} else {
			e.uvarint(uint64(f.From - prev))
		}
		prev = f.From
		e.uvarint(uint64(f.To - f.From))
		e.uvarint(uint64(f.Installs))
		e.uvarint(idx(f.Source))
		e.uvarint(idx(f.Note))
		flags := byte(f.Platform) << 1
		if f.Estimate {
			flags |= 1
		}
		e.byte(flags)
		e.varint(f.Changed.Unix() - base)
	}
	return e.b
}

// seriesLenV1 reads the number of figures of a series value of schemas 0
// to 3 without decoding them.
func seriesLenV1(v []byte) (int, error) {
	d := decoder{b: v}
	if d.byte() != codecVersion {
		return 0, errCorrupt
	}
	d.string()
	for n := d.count(1); n > 0 && d.err == nil; n-- {
		d.string()
	}
	d.varint()
	n := d.count(7)
	return n, d.err
}

// encodeLaunchV1 writes a launch as schemas 0 to 3 did.
func encodeLaunchV1(app string, m figures.Month) []byte {
	e := encoder{}
	e.byte(codecVersion)
	e.string(app)
	e.uvarint(uint64(m))
	return e.b
}

// decodeLaunchV1 reads a launch value of schemas 0 to 3.
func decodeLaunchV1(v []byte) (figures.Month, error) {
	d := decoder{b: v}
	if d.byte() != codecVersion {
		return 0, errCorrupt
	}
	d.string()
	m := d.uvarint()
	if d.err != nil || m > uint64(figures.MaxMonth) {
		return 0, errCorrupt
	}
	return figures.Month(m), nil
}
