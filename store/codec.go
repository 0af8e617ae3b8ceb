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

// seriesVersion is the codec of a series value from schema 4 on.
const seriesVersion = 2

// A series value (schema 4) holds the figures of one app in one country,
// sorted by identity, column by column:
//
//	byte     seriesVersion
//	ref      the app's name as spelt (dict.go)
//	uvarint  how many texts the series names, then each as a ref; a
//	         figure names its source and note by index in this table,
//	         where 0 is the empty text
//	varint   base: when the first figure was last changed, Unix seconds
//	uvarint  n, how many figures
//	six columns of n values each, as runs of (value, repeats-1): from
//	(the first as it is, then the step from the one before), span
//	(to-from), source, note, flags (bit 0 an estimate, bits 1-2 the
//	platform), changed (zigzag, seconds after base)
//	n uvarints, the installs
//
// A series of monthly figures from one source, written at one time, is
// then a few bytes of columns and its numbers: about 3 bytes a figure
// where spelling every field out took 9 and the texts as many again.
const seriesColumns = 6

// Column numbers of a series value.
const (
	colFrom = iota
	colSpan
	colSource
	colNote
	colFlags
	colChanged
)

// encodeSeries encodes a series with the texts of d (a dictionary in
// memory, or the file's in a write).
func encodeSeries(d *texts, app string, figs []figures.Figure) ([]byte, error) {
	e := seriesEncoder{dict: d}
	err := e.write(app, figs)
	return e.buf, err
}

// seriesEncoder encodes series, keeping its text table and its buffers
// from one to the next so that a long write does not allocate for each
// series; the values it returns are packed one after another in slabs,
// each exactly as long as it needs to be.
type seriesEncoder struct {
	dict  *texts
	texts []string
	index map[string]uint64 // used once a series has many texts
	col   []uint64          // one column's values
	src   []uint64          // each figure's source and note, by index in texts
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
func (t *seriesEncoder) encodeSealed(key []byte, app string, figs []figures.Figure) ([]byte, error) {
	if err := t.write(app, figs); err != nil {
		return nil, err
	}
	t.buf = seal(bidSeries, key, t.buf)
	return t.keep(t.buf), nil
}

// write encodes a series into t.buf.
func (t *seriesEncoder) write(app string, figs []figures.Figure) error {
	var base int64
	if len(figs) > 0 {
		base = figs[0].Changed.Unix()
	}
	t.texts = append(t.texts[:0], "")
	t.index = nil
	// The table comes first, so number the texts before writing; a run of
	// figures from one source (the same string) is numbered once.
	src := slices.Grow(t.src[:0], 2*len(figs))[:2*len(figs)]
	var lastSrc, lastNote string
	var iSrc, iNote uint64
	for i, f := range figs {
		if i == 0 || f.Source != lastSrc {
			iSrc, lastSrc = t.idx(f.Source), f.Source
		}
		if i == 0 || f.Note != lastNote {
			iNote, lastNote = t.idx(f.Note), f.Note
		}
		src[2*i], src[2*i+1] = iSrc, iNote
	}
	t.src = src
	e := encoder{b: slices.Grow(t.buf[:0], 2*refLen+len(t.texts)*refLen+32+len(figs)*binary.MaxVarintLen64+sealLen)}
	e.byte(seriesVersion)
	r, err := t.dict.ref(app)
	if err != nil {
		return err
	}
	e.b = appendRef(e.b, r)
	e.uvarint(uint64(len(t.texts) - 1))
	for _, s := range t.texts[1:] {
		r, err := t.dict.ref(s)
		if err != nil {
			return err
		}
		e.b = appendRef(e.b, r)
	}
	e.varint(base)
	e.uvarint(uint64(len(figs)))
	col := slices.Grow(t.col[:0], len(figs))[:len(figs)]
	for c := range seriesColumns {
		var prev figures.Month
		for i, f := range figs {
			var v uint64
			switch c {
			case colFrom:
				v = uint64(f.From - prev)
				prev = f.From
			case colSpan:
				v = uint64(f.To - f.From)
			case colSource:
				v = src[2*i]
			case colNote:
				v = src[2*i+1]
			case colFlags:
				v = uint64(f.Platform) << 1
				if f.Estimate {
					v |= 1
				}
			case colChanged:
				d := f.Changed.Unix() - base
				v = uint64(d<<1) ^ uint64(d>>63)
			}
			col[i] = v
		}
		e.runs(col)
	}
	for _, f := range figs {
		e.uvarint(uint64(f.Installs))
	}
	t.col, t.buf = col, e.b
	return nil
}

// runs writes a column as runs of (value, repeats-1).
func (e *encoder) runs(col []uint64) {
	for i := 0; i < len(col); {
		j := i + 1
		for j < len(col) && col[j] == col[i] {
			j++
		}
		e.uvarint(col[i])
		e.uvarint(uint64(j - i - 1))
		i = j
	}
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

// seriesHead is what a series value says before its columns.
type seriesHead struct {
	app   dictRef
	texts []dictRef // the table, from index 1
	base  int64
	n     int
	cols  []byte // the columns and the installs
}

// readSeriesHead reads the head of a series value; the table is appended
// to refs[:0].
func readSeriesHead(v []byte, refs []dictRef) (seriesHead, error) {
	d := decoder{b: v}
	if d.byte() != seriesVersion {
		return seriesHead{}, errCorrupt
	}
	h := seriesHead{app: d.ref(), texts: refs[:0]}
	for n := d.count(refLen); n > 0 && d.err == nil; n-- {
		h.texts = append(h.texts, d.ref())
	}
	h.base = d.varint()
	h.n = d.count(1) // each figure's installs take a byte at least
	h.cols = d.b
	return h, d.err
}

// columns reads the columns of a series value, calling fn for each run
// of equal values.
func (h *seriesHead) columns(fn func(col, at, count int, v uint64)) ([]byte, error) {
	d := decoder{b: h.cols}
	for c := range seriesColumns {
		for at := 0; at < h.n; {
			v := d.uvarint()
			more := d.uvarint()
			if d.err != nil || more >= uint64(h.n-at) {
				return nil, errCorrupt
			}
			fn(c, at, int(more)+1, v)
			at += int(more) + 1
		}
	}
	return d.b, nil
}

// decodeSeriesInto reads a series value into dst[:0], growing it as
// needed; country comes from the key. The texts it names are looked up
// in d: one that cannot be is a *textError.
func decodeSeriesInto(dst []figures.Figure, v []byte, country string, d *texts) ([]figures.Figure, error) {
	var small [4]dictRef
	h, err := readSeriesHead(v, small[:0])
	if err != nil {
		return nil, err
	}
	app, err := d.text(h.app)
	if err != nil {
		return nil, err
	}
	var tsmall [4]string
	table := append(tsmall[:0], "")
	for _, r := range h.texts {
		s, err := d.text(r)
		if err != nil {
			return nil, err
		}
		table = append(table, s)
	}
	figs := slices.Grow(dst[:0], h.n)[:h.n]
	bad := false
	var from uint64
	rest, err := h.columns(func(col, at, count int, v uint64) {
		run := figs[at : at+count]
		switch col {
		case colFrom:
			// Steps add up modulo 2^64, as the encoder subtracts, so a
			// series out of order (a foreign writer's) reads as written.
			for i := range run {
				if at+i == 0 {
					from = v
				} else {
					from += v
				}
				bad = bad || from > uint64(figures.MaxMonth)
				run[i].From = figures.Month(min(from, uint64(figures.MaxMonth)))
			}
		case colSpan:
			bad = bad || v > uint64(figures.MaxMonth)
			for i := range run {
				run[i].To = run[i].From + figures.Month(min(v, uint64(figures.MaxMonth)))
			}
		case colSource, colNote:
			if v >= uint64(len(table)) {
				bad = true
				return
			}
			for i := range run {
				if col == colSource {
					run[i].Source = table[v]
				} else {
					run[i].Note = table[v]
				}
			}
		case colFlags:
			bad = bad || v > 5
			for i := range run {
				run[i].Estimate = v&1 != 0
				run[i].Platform = figures.Platform(v >> 1 & 3)
			}
		case colChanged:
			t := time.Unix(h.base+(int64(v>>1)^-int64(v&1)), 0).UTC()
			for i := range run {
				run[i].Changed = t
			}
		}
	})
	if err != nil || bad {
		return nil, errCorrupt
	}
	dec := decoder{b: rest}
	for i := range figs {
		f := &figs[i]
		f.App, f.Country = app, country
		f.Installs = int64(dec.uvarint())
		if f.Installs < 0 {
			dec.fail()
		}
	}
	if dec.err != nil || len(dec.b) != 0 {
		return nil, errCorrupt
	}
	return figs, nil
}

// seriesInstalls reads a series value's app and the sum of its figures'
// installs, without its other columns' values or texts.
func seriesInstalls(v []byte, d *texts) (app string, n int, sum int64, err error) {
	var small [4]dictRef
	h, err := readSeriesHead(v, small[:0])
	if err != nil {
		return "", 0, 0, err
	}
	if app, err = d.text(h.app); err != nil {
		return "", 0, 0, err
	}
	if sum, err = h.installsSum(); err != nil {
		return "", 0, 0, err
	}
	return app, h.n, sum, nil
}

// installsSum adds up the installs column of the series whose head h is.
func (h *seriesHead) installsSum() (int64, error) {
	rest, err := h.columns(func(int, int, int, uint64) {})
	if err != nil {
		return 0, err
	}
	var sum int64
	dec := decoder{b: rest}
	for range h.n {
		x := int64(dec.uvarint())
		if x < 0 {
			dec.fail()
		}
		sum += x
	}
	if dec.err != nil || len(dec.b) != 0 {
		return 0, errCorrupt
	}
	return sum, nil
}

// seriesLen reads the number of figures of a series value, of any
// schema, without decoding them.
func seriesLen(v []byte) (int, error) {
	n, _, err := seriesSize(v)
	return n, err
}

// seriesSize reads the number of figures of a series value and the sum
// of their installs, without decoding the rest. It reads a value of
// schemas 0 to 3 too, with no sum: the migrations before migrate3to4
// index values of their own time, and migrate4to5 indexes them again.
func seriesSize(v []byte) (n int, installs int64, err error) {
	if len(v) > 0 && v[0] == codecVersion {
		n, err = seriesLenV1(v)
		return n, 0, err
	}
	h, err := readSeriesHead(v, nil)
	if err != nil {
		return 0, 0, err
	}
	installs, err = h.installsSum()
	return h.n, installs, err
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

// launchVersion is the codec of a launch value from schema 4 on: the
// month alone, since the key names the app and the country, and the
// app's record its spelling.
const launchVersion = 2

func encodeLaunch(m figures.Month) []byte {
	return binary.AppendUvarint([]byte{launchVersion}, uint64(m))
}

func decodeLaunch(v []byte, country string) (figures.Launch, error) {
	d := decoder{b: v}
	if d.byte() != launchVersion {
		return figures.Launch{}, errCorrupt
	}
	m := d.uvarint()
	if d.err != nil || m > uint64(figures.MaxMonth) || len(d.b) != 0 {
		return figures.Launch{}, errCorrupt
	}
	return figures.Launch{Country: country, Month: figures.Month(m)}, nil
}
