package store

import (
	"fmt"

	"github.com/uptake/uptake/figures"
)

// The Data view's table decoded column by column, for sorting and
// filtering every figure (table.go).

// Columns are the figures of a table field by field, so that a million
// rows can be sorted and filtered without a Figure each. Text fields are
// indexes into per-series or shared tables of distinct values.
type Columns struct {
	Apps      []string // per series: the app's display name
	Countries []string // per series
	Texts     []string // every distinct source and note; 0 is ""

	Series   []uint32 // per figure: its series
	From, To []figures.Month
	Installs []int64
	Source   []uint32 // into Texts
	Note     []uint32 // into Texts
	Estimate []bool
	Platform []figures.Platform
}

// damaged returns the error of a series copied out whole that does not
// decode.
func (t *FigureTable) damaged(si int) func() error {
	return func() error {
		return fmt.Errorf("the series of %s in %s: %w: restore the file from a backup", t.appOf(si), t.series[si].country, ErrDamaged)
	}
}

// Columns decodes every figure once, field by field, and keeps the result.
func (t *FigureTable) Columns() (*Columns, error) {
	if t.cols != nil {
		return t.cols, nil
	}
	c := &Columns{
		Apps: make([]string, len(t.series)), Countries: make([]string, len(t.series)),
		Texts:  []string{""},
		Series: make([]uint32, t.n), From: make([]figures.Month, t.n), To: make([]figures.Month, t.n),
		Installs: make([]int64, t.n), Source: make([]uint32, t.n), Note: make([]uint32, t.n),
		Estimate: make([]bool, t.n), Platform: make([]figures.Platform, t.n),
	}
	textIndex := map[string]uint32{"": 0}
	var local []uint32 // the series' text table, mapped to Texts
	var refs []dictRef
	for si, s := range t.series {
		damaged := t.damaged(si)
		h, err := readSeriesHead(t.data[s.off:s.end], refs)
		if err != nil || s.first+h.n > t.n || h.n != t.count(si) {
			return nil, damaged()
		}
		refs = h.texts
		if c.Apps[si], err = t.txt.text(h.app); err != nil {
			return nil, damaged()
		}
		c.Countries[si] = s.country
		local = append(local[:0], 0)
		for _, ref := range h.texts {
			text, err := t.txt.text(ref)
			if err != nil {
				return nil, damaged()
			}
			k, ok := textIndex[text]
			if !ok {
				k = uint32(len(c.Texts))
				textIndex[text] = k
				c.Texts = append(c.Texts, text)
			}
			local = append(local, k)
		}
		first := s.first
		bad := false
		var from uint64
		rest, err := h.columns(func(col, at, count int, v uint64) {
			at += first
			switch col {
			case colFrom:
				for i := at; i < at+count; i++ {
					if i == first {
						from = v
					} else {
						from += v
					}
					bad = bad || from > uint64(figures.MaxMonth)
					c.From[i] = figures.Month(min(from, uint64(figures.MaxMonth)))
				}
			case colSpan:
				bad = bad || v > uint64(figures.MaxMonth)
				for i := at; i < at+count; i++ {
					c.To[i] = c.From[i] + figures.Month(min(v, uint64(figures.MaxMonth)))
				}
			case colSource, colNote:
				if v >= uint64(len(local)) {
					bad = true
					return
				}
				dst := c.Source
				if col == colNote {
					dst = c.Note
				}
				for i := at; i < at+count; i++ {
					dst[i] = local[v]
				}
			case colFlags:
				bad = bad || v > 5
				for i := at; i < at+count; i++ {
					c.Estimate[i] = v&1 != 0
					c.Platform[i] = figures.Platform(v >> 1 & 3)
				}
			}
		})
		if err != nil || bad {
			return nil, damaged()
		}
		d := decoder{b: rest}
		for i := first; i < first+h.n; i++ {
			c.Series[i] = uint32(si)
			c.Installs[i] = int64(d.uvarint())
			if c.Installs[i] < 0 {
				d.fail()
			}
		}
		if d.err != nil || len(d.b) != 0 {
			return nil, damaged()
		}
	}
	t.cols = c
	return c, nil
}
