package store

import "golang.org/x/text/cases"

// Batch gathers the records of one write (an import, the bundled dataset,
// a form save) so that the store can apply them in one transaction. It
// keeps figures compactly, with repeated text interned, so that a file of
// a million figures fits in a few tens of megabytes.
type Batch struct {
	Label string // what the write was, for the history: "import sales.csv"

	apps     []App
	appIndex map[string]int // folded name → index in apps
	launches []Launch

	series      []seriesRef
	seriesIndex map[seriesRef]uint32
	text        []string
	textIndex   map[string]uint32
	figs        []batchFigure
}

type seriesRef struct {
	app     string // folded
	country string
}

type batchFigure struct {
	series   uint32
	from, to Month
	installs int64
	source   uint32
	note     uint32
	estimate bool
	order    uint32 // position in the batch, so that the last of two equal keys wins
}

// NewBatch returns an empty batch labelled for the history.
func NewBatch(label string) *Batch {
	return &Batch{
		Label:       label,
		appIndex:    map[string]int{},
		seriesIndex: map[seriesRef]uint32{},
		textIndex:   map[string]uint32{"": 0},
		text:        []string{""},
	}
}

var folder = cases.Fold()

// FoldName returns the form of an app name that identity is decided on.
func FoldName(name string) string { return folder.String(name) }

// AddApp records an app (and its publisher, when given). Figures and
// launches add their app by themselves; AddApp is for publishers.
func (b *Batch) AddApp(a App) {
	k := FoldName(a.Name)
	if i, ok := b.appIndex[k]; ok {
		if a.Publisher != "" {
			b.apps[i].Publisher = a.Publisher
		}
		return
	}
	b.appIndex[k] = len(b.apps)
	b.apps = append(b.apps, a)
}

// AddLaunch records a launch; a later launch of the same app and country
// in the batch replaces an earlier one.
func (b *Batch) AddLaunch(l Launch) {
	b.AddApp(App{Name: l.App})
	b.launches = append(b.launches, l)
}

// AddFigure records a figure. The caller validates it first
// (Figure.Validate); Changed is set by the store when it writes.
func (b *Batch) AddFigure(f Figure) {
	k := FoldName(f.App)
	if _, ok := b.appIndex[k]; !ok {
		b.AddApp(App{Name: f.App})
	}
	ref := seriesRef{k, f.Country}
	si, ok := b.seriesIndex[ref]
	if !ok {
		si = uint32(len(b.series))
		b.seriesIndex[ref] = si
		b.series = append(b.series, ref)
	}
	b.figs = append(b.figs, batchFigure{
		series: si, from: f.From, to: f.To, installs: f.Installs,
		source: b.intern(f.Source), note: b.intern(f.Note), estimate: f.Estimate,
		order: uint32(len(b.figs)),
	})
}

func (b *Batch) intern(s string) uint32 {
	if i, ok := b.textIndex[s]; ok {
		return i
	}
	i := uint32(len(b.text))
	b.textIndex[s] = i
	b.text = append(b.text, s)
	return i
}

// Len returns how many figures and launches the batch holds.
func (b *Batch) Len() (figures, launches int) { return len(b.figs), len(b.launches) }
