package store

import (
	"encoding/binary"
	"errors"
	"slices"
	"time"

	"github.com/uptake/uptake/figures"
)

// The encodings below are compact varint records. Every decoder checks
// bounds and returns errCorrupt rather than panic on bytes it did not write.

const codecVersion = 1

var errCorrupt = errors.New("corrupt record")

type encoder struct{ b []byte }

func (e *encoder) byte(c byte)      { e.b = append(e.b, c) }
func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) varint(v int64)   { e.b = binary.AppendVarint(e.b, v) }
func (e *encoder) bytes(p []byte)   { e.uvarint(uint64(len(p))); e.b = append(e.b, p...) }
func (e *encoder) string(s string)  { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() { d.err = errCorrupt; d.b = nil }

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length and checks that at least min bytes per item remain.
func (d *decoder) count(min int) int {
	n := d.uvarint()
	if n > uint64(len(d.b)/max(min, 1)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte {
	n := d.count(1)
	if d.err != nil {
		return nil
	}
	p := d.b[:n:n]
	d.b = d.b[n:]
	return p
}

func (d *decoder) string() string { return string(d.bytes()) }

// encodeSeries writes the figures of one series, sorted by (from, to).
// Sources and notes are written once each in a table, since a series
// usually repeats one source on every month.
func encodeSeries(app string, figs []figures.Figure) []byte {
	var e seriesEncoder
	return e.encode(app, figs)
}

// seriesEncoder encodes series, keeping its text table and its buffer
// from one to the next so that a long write does not allocate for each
// series; the values it returns are packed one after another in slabs,
// each exactly as long as it needs to be.
type seriesEncoder struct {
	texts []string
	index map[string]uint64 // used once a series has many texts
	buf   []byte            // the series being encoded
	slab  []byte            // room for the values to come
}

// slabSize is the size of the slabs values are copied into.
const slabSize = 1 << 20

// maxLinearTexts is how many texts a series may have before the table is
// searched by map rather than in order.
const maxLinearTexts = 8

func (t *seriesEncoder) idx(s string) uint64 {
	if t.index != nil {
		if i, ok := t.index[s]; ok {
			return i
		}
	} else {
		for i, x := range t.texts {
			if x == s {
				return uint64(i)
			}
		}
	}
	i := uint64(len(t.texts))
	t.texts = append(t.texts, s)
	if t.index != nil {
		t.index[s] = i
	} else if len(t.texts) > maxLinearTexts {
		t.index = make(map[string]uint64, 2*len(t.texts))
		for k, x := range t.texts {
			t.index[x] = uint64(k)
		}
	}
	return i
}

// encodeSealed encodes a series and seals it under its key.
func (t *seriesEncoder) encodeSealed(key []byte, app string, figs []figures.Figure) []byte {
	t.write(app, figs)
	t.buf = seal(bidSeries, key, t.buf)
	return t.keep(t.buf)
}

func (t *seriesEncoder) encode(app string, figs []figures.Figure) []byte {
	t.write(app, figs)
	return t.keep(t.buf)
}

// write encodes a series into t.buf.
func (t *seriesEncoder) write(app string, figs []figures.Figure) {
	var base int64
	if len(figs) > 0 {
		base = figs[0].Changed.Unix()
	}
	t.texts = append(t.texts[:0], "")
	t.index = nil
	// The table comes first, so number the texts before writing.
	size := 24 + len(app)
	for _, f := range figs {
		t.idx(f.Source)
		t.idx(f.Note)
	}
	for _, s := range t.texts {
		size += 5 + len(s)
	}
	e := encoder{b: slices.Grow(t.buf[:0], size+len(figs)*maxFigureBytes+sealLen)}
	e.byte(codecVersion)
	e.string(app)
	e.uvarint(uint64(len(t.texts) - 1))
	for _, s := range t.texts[1:] {
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
		e.uvarint(t.idx(f.Source))
		e.uvarint(t.idx(f.Note))
		// flags: bit 0 an estimate, bits 1–2 the platform (0 is all, so
		// that a value written before platforms reads as all platforms).
		flags := byte(f.Platform) << 1
		if f.Estimate {
			flags |= 1
		}
		e.byte(flags)
		e.varint(f.Changed.Unix() - base)
	}
	t.buf = e.b
}

// keep copies an encoded value into the slab.
func (t *seriesEncoder) keep(v []byte) []byte {
	if len(v) > slabSize/4 {
		return slices.Clone(v)
	}
	if cap(t.slab)-len(t.slab) < len(v) {
		t.slab = make([]byte, 0, slabSize)
	}
	n := len(t.slab)
	t.slab = append(t.slab, v...)
	return t.slab[n:len(t.slab):len(t.slab)]
}

// maxFigureBytes bounds one encoded figure: six varints and a byte.
const maxFigureBytes = 3*binary.MaxVarintLen32 + 3*binary.MaxVarintLen64 + 1

// decodeSeries reads a series value; app and country come from the key,
// the display name of the app from the value.
func decodeSeries(v []byte, country string) ([]figures.Figure, error) {
	return decodeSeriesInto(nil, v, country)
}

// decodeSeriesInto reads a series value into dst[:0], growing it as needed.
func decodeSeriesInto(dst []figures.Figure, v []byte, country string) ([]figures.Figure, error) {
	d := decoder{b: v}
	if d.byte() != codecVersion {
		return nil, errCorrupt
	}
	app := d.string()
	var small [4]string
	texts := append(small[:0], "")
	for n := d.count(1); n > 0 && d.err == nil; n-- {
		texts = append(texts, d.string())
	}
	base := d.varint()
	n := d.count(7)
	if d.err != nil {
		return nil, d.err
	}
	figs := slices.Grow(dst[:0], n)[:n]
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

// decodeAppV1 reads an app record of schema 1, before the index.
func decodeAppV1(v []byte) (figures.App, error) {
	d := decoder{b: v}
	if d.byte() != codecVersion {
		return figures.App{}, errCorrupt
	}
	a := figures.App{Name: d.string(), Publisher: d.string()}
	return a, d.err
}

func encodeLaunch(app string, m figures.Month) []byte {
	e := encoder{}
	e.byte(codecVersion)
	e.string(app)
	e.uvarint(uint64(m))
	return e.b
}

func decodeLaunch(v []byte, country string) (figures.Launch, error) {
	d := decoder{b: v}
	if d.byte() != codecVersion {
		return figures.Launch{}, errCorrupt
	}
	l := figures.Launch{App: d.string(), Country: country}
	m := d.uvarint()
	if d.err != nil || m > uint64(figures.MaxMonth) {
		return figures.Launch{}, errCorrupt
	}
	l.Month = figures.Month(m)
	return l, nil
}
