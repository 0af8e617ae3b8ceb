package store

import (
	"encoding/binary"
	"fmt"

	"github.com/uptake/uptake/figures"
)

// Batch gathers the records of one write (an import, the bundled dataset,
// a form save) so that the store can apply them in one transaction. It
// keeps figures compactly, 13 bytes each with repeated text interned, so
// that a file of a million figures takes about 13 MB; growing it never
// copies what it holds.
type Batch struct {
	Label string // what the write was, for the history: "import sales.csv"
	File  string // the file the figures were read from, for messages; "" for none

	apps     []figures.App
	appIndex map[string]int // folded name → index in apps
	launches []figures.Launch
	events   []batchEvent
	groups   []batchGroup

	series      []seriesRef
	seriesIndex map[seriesKeyRef]uint32
	texts       []textPair // (source, note, platform); 0 is ("", "", all)
	textIndex   map[textPair]uint32
	pairs       []seriesText          // the (series, text) pairs figures name
	pairIndex   map[seriesText]uint32 // into pairs
	chunks      [][]uint64            // the figures in the order added, packed
	pairOf      [][]uint32            // per chunk, each figure's pair
	lines       [][]byte              // per chunk, the line each figure was read from (0 for none), as steps
	lastLine    int                   // the line of the figure added last
	n           int                   // how many figures
	max         int                   // MaxBatchFigures; tests lower it
	over        int                   // figures past max, not kept
	bad         *figures.Figure       // the first figure that cannot be packed
	idConflict  error                 // the first app given two different store ids

	// What the last figure named, which the next one mostly repeats.
	last struct {
		app, country, source, note string
		platform                   figures.Platform
		series, text, pair         uint32
		ok, pairOK                 bool
	}
}

// seriesText is the series and the (source, note, platform) of a figure:
// one pair for a run of figures of one series from one source, so that
// each figure costs 4 bytes for both.
type seriesText struct{ series, text uint32 }

// MaxBatchFigures bounds the figures of one write: 13 bytes each while
// the file is read, about 30 MB a million at the peak of the write (ten
// million: about 300 MB). The byte cap of an import comes first for
// uptake's own CSV (512 MB is about 6 million figures); this one holds a
// file of short rows (a wide spreadsheet's cells) to it too.
const MaxBatchFigures = 10_000_000

type seriesKeyRef struct {
	app     string // folded
	country string
}

type seriesRef struct {
	seriesKeyRef
	appIdx int // index in apps of the app's first spelling
}

// textPair is what figures repeat besides their series: the source, the
// note and the platform, interned together.
type textPair struct {
	source, note string
	platform     figures.Platform
}

// batchFigure is a figure of the batch: the series and the (source,
// note, platform) by index, and months, estimate and installs in one
// word, which is what the batch keeps with the index of the pair (12
// bytes). Months are counted from MinMonth; the span is To-From.
type batchFigure struct {
	series uint32
	text   uint32
	packed uint64
}

const (
	monthBits     = 11 // MaxMonth-MinMonth < 1<<11
	monthMask     = 1<<monthBits - 1
	spanShift     = monthBits
	estimateBit   = 1 << (2 * monthBits)
	installsShift = 2*monthBits + 1
	chunkBits     = 15 // figures per chunk: 32768, 512 KB
	chunkSize     = 1 << chunkBits
)

func (f batchFigure) from() figures.Month {
	return figures.MinMonth + figures.Month(f.packed&monthMask)
}
func (f batchFigure) to() figures.Month {
	return f.from() + figures.Month(f.packed>>spanShift&monthMask)
}
func (f batchFigure) estimate() bool     { return f.packed&estimateBit != 0 }
func (f batchFigure) rawInstalls() int64 { return int64(f.packed >> installsShift) }

// span orders figures by (from, to) as one number.
func (f batchFigure) span() uint32 {
	return uint32(f.packed&monthMask)<<monthBits | uint32(f.packed>>spanShift&monthMask)
}

// NewBatch returns an empty batch labelled for the history.
func NewBatch(label string) *Batch {
	return &Batch{
		Label:       label,
		appIndex:    map[string]int{},
		seriesIndex: map[seriesKeyRef]uint32{},
		textIndex:   map[textPair]uint32{{}: 0},
		texts:       []textPair{{}},
		pairIndex:   map[seriesText]uint32{},
		max:         MaxBatchFigures,
	}
}

// AddApp records an app (and its publisher and store ids, when given).
// Figures and launches add their app by themselves; AddApp is for the
// rest.
func (b *Batch) AddApp(a figures.App) { b.addApp(a, figures.FoldName(a.Name)) }

func (b *Batch) addApp(a figures.App, folded string) int {
	if i, ok := b.appIndex[folded]; ok {
		if a.Publisher != "" {
			b.apps[i].Publisher = a.Publisher
		}
		for _, id := range []struct {
			what      string
			have, got *string
		}{{"Google Play package", &b.apps[i].Android, &a.Android}, {"App Store id", &b.apps[i].IOS, &a.IOS}} {
			switch {
			case *id.got == "":
			case *id.have == "":
				*id.have = *id.got
			case *id.have != *id.got && b.idConflict == nil:
				// One app, two ids of a kind: two different apps, or a typo.
				b.idConflict = fmt.Errorf("%w: %s is given the %s %s and also %s (one app has one; correct the apps file or the report)",
					ErrAppConflict, figures.Quote(figures.Sanitize(b.apps[i].Name)), id.what, figures.Sanitize(*id.have), figures.Sanitize(*id.got))
			}
		}
		return i
	}
	b.appIndex[folded] = len(b.apps)
	b.apps = append(b.apps, a)
	return len(b.apps) - 1
}

// AddLaunch records a launch; a later launch of the same app and country
// in the batch replaces an earlier one.
func (b *Batch) AddLaunch(l figures.Launch) {
	b.AddApp(figures.App{Name: l.App})
	b.launches = append(b.launches, l)
}

// AddFigure records a figure read from line of the batch's File (0 when
// it was not read from a file), for a message about it. The caller
// validates it first (Figure.Validate); Apply checks again and refuses
// the whole batch if a figure is wrong. Changed is set by the store.
func (b *Batch) AddFigure(f figures.Figure, line int) {
	if b.n >= b.max {
		b.over++ // refused by Apply; not kept, so that reading on costs no memory
		return
	}
	if !b.last.ok || f.App != b.last.app || f.Country != b.last.country {
		b.last.series = b.seriesOf(f.App, f.Country)
		b.last.app, b.last.country, b.last.ok = f.App, f.Country, true
		b.last.pairOK = false
	}
	if f.Source != b.last.source || f.Note != b.last.note || f.Platform != b.last.platform {
		b.last.text = b.intern(textPair{f.Source, f.Note, f.Platform})
		b.last.source, b.last.note, b.last.platform = f.Source, f.Note, f.Platform
		b.last.pairOK = false
	}
	if !b.last.pairOK {
		b.last.pair, b.last.pairOK = b.pairFor(seriesText{b.last.series, b.last.text}), true
	}
	var bf batchFigure
	ok := f.From.Valid() && f.To.Valid() && f.To >= f.From && f.Installs >= 0 && f.Installs <= figures.MaxInstalls && f.Platform.Valid()
	if ok {
		bf.packed = uint64(f.From-figures.MinMonth) | uint64(f.To-f.From)<<spanShift
		if f.Estimate {
			bf.packed |= estimateBit
		}
		bf.packed |= uint64(f.Installs) << installsShift // MaxInstalls fits the 41 bits left
	} else if b.bad == nil {
		bad := f
		b.bad = &bad
	}
	if b.n&(chunkSize-1) == 0 {
		b.chunks = append(b.chunks, make([]uint64, 0, chunkSize))
		b.pairOf = append(b.pairOf, make([]uint32, 0, chunkSize))
		b.lines = append(b.lines, make([]byte, 0, chunkSize+binary.MaxVarintLen64))
		b.lastLine = 0
	}
	c := &b.chunks[len(b.chunks)-1]
	*c = append(*c, bf.packed)
	p := &b.pairOf[len(b.pairOf)-1]
	*p = append(*p, b.last.pair)
	// Lines are only for messages: kept as the step from the line before,
	// a byte a figure for a file read in order, not four.
	line = max(0, line)
	l := &b.lines[len(b.lines)-1]
	*l = binary.AppendVarint(*l, int64(line-b.lastLine))
	b.lastLine = line
	b.n++
}

// seriesOf returns the index of the (app, country) series, adding it.
func (b *Batch) seriesOf(app, country string) uint32 {
	folded := figures.FoldName(app)
	k := seriesKeyRef{folded, country}
	if si, ok := b.seriesIndex[k]; ok {
		return si
	}
	ai, ok := b.appIndex[folded]
	if !ok {
		ai = b.addApp(figures.App{Name: app}, folded)
	}
	si := uint32(len(b.series))
	b.seriesIndex[k] = si
	b.series = append(b.series, seriesRef{k, ai})
	return si
}

func (b *Batch) intern(p textPair) uint32 {
	if i, ok := b.textIndex[p]; ok {
		return i
	}
	i := uint32(len(b.texts))
	b.textIndex[p] = i
	b.texts = append(b.texts, p)
	return i
}

// pairFor returns the index of a (series, text) pair, adding it.
func (b *Batch) pairFor(p seriesText) uint32 {
	if i, ok := b.pairIndex[p]; ok {
		return i
	}
	i := uint32(len(b.pairs))
	b.pairIndex[p] = i
	b.pairs = append(b.pairs, p)
	return i
}

// fig returns the i-th figure added.
func (b *Batch) fig(i int) batchFigure {
	c, k := i>>chunkBits, i&(chunkSize-1)
	p := b.pairs[b.pairOf[c][k]]
	return batchFigure{series: p.series, text: p.text, packed: b.chunks[c][k]}
}

// seriesOfPair returns the series of the pair of index p.
func (b *Batch) seriesOfPair(p uint32) uint32 { return b.pairs[p].series }

// line returns the line the i-th figure was read from, or 0: the steps
// of its chunk added up to it.
func (b *Batch) line(i int) int {
	steps := b.lines[i>>chunkBits]
	line := int64(0)
	for k := 0; k <= i&(chunkSize-1); k++ {
		d, n := binary.Varint(steps)
		if n <= 0 {
			return 0
		}
		line += d
		steps = steps[n:]
	}
	return int(line)
}

// Len returns how many figures and launches the batch holds.
func (b *Batch) Len() (figures, launches int) { return b.n, len(b.launches) }
