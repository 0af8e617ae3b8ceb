package picture

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// row is one line of what is written under the chart: its height, and
// how to draw it with its top-left corner at (x, top).
type row struct {
	h    vg.Length
	draw func(c *draw.Canvas, x, top vg.Length)
}

// item is an entry of a row that flows like words: a small picture
// (a series' line, a mark) and its text.
type item struct {
	icon func(c *draw.Canvas, at vg.Point) // at: the icon's left, mid-height
	text string
}

const iconWidth vg.Length = 26

// footer lays out what goes under the chart within width, in at most
// budget of height if it can: the legend, the marks that occur, what a
// log axis left off, the events, the notes and the source line. The
// legend, the marks and the sources are always there; events and notes
// that do not fit are counted in a last line instead, never dropped
// without a word.
func footer(c Chart, fonts text.Handler, width, budget vg.Length) []row {
	body := textStyle(fonts, 9, false, color.Black)
	grey := textStyle(fonts, 8.5, false, color.Gray{0x50})

	var legend []item
	for i, s := range c.Series {
		lk := lookOf(i)
		name := clean(s.Name)
		if name == "" {
			name = "series " + strconv.Itoa(i+1)
		}
		legend = append(legend, item{icon: lk.thumbnail, text: cut(body, name, min(width/2, 220))})
	}
	head := flow(body, legend, width)
	head = append(head, flow(grey, markItems(c), width)...)
	if note := logNote(c); note != "" {
		head = append(head, textRows(grey, note, width, 2)...)
	}
	src := clean(c.Sources)
	if strings.TrimSpace(src) == "" {
		src = "Sources: not given" // the line is always there, so its absence is seen
	}
	tail := textRows(grey, src, width, 3)

	var notes [][]row // each note: its lines
	for _, n := range c.Notes {
		if n = clean(n); strings.TrimSpace(n) != "" {
			notes = append(notes, textRows(body, n, width, 3))
		}
	}
	events := shownEvents(c)
	cols := eventColumns(c, events, body, width)
	lh := lineHeight(body)

	// Notes come before events when room is short: they carry warnings,
	// and a left-out event still has its numbered line on the chart.
	room := budget - height(head) - height(tail) - 3*gapBetween
	if height(slices.Concat(notes...))+lh*vg.Length((len(events)+cols-1)/cols) > room {
		room -= lh // for the line saying what was left out
	}
	var kept [][]row
	for _, n := range notes {
		if height(slices.Concat(kept...))+height(n) > room {
			break
		}
		kept = append(kept, n)
	}
	room -= height(slices.Concat(kept...))
	shown := len(events)
	if fit := int(math.Floor(float64(room / lh))); shown > fit*cols {
		shown = max(fit, 0) * cols
	}

	rows := slices.Concat(head, []row{spacer(gapBetween)}, eventRows(c, events[:shown], cols, body, width))
	if shown > 0 {
		rows = append(rows, spacer(gapBetween))
	}
	rows = append(rows, slices.Concat(kept...)...)
	if left := leftOut(len(events)-shown, shown, len(notes)-len(kept)); left != "" {
		rows = append(rows, textRows(body, left, width, 1)...)
	}
	return slices.Concat(rows, []row{spacer(gapBetween)}, tail)
}

// gapBetween separates the groups under the chart.
const gapBetween vg.Length = 4

func spacer(h vg.Length) row { return row{h: h, draw: func(*draw.Canvas, vg.Length, vg.Length) {}} }

func height(rs []row) vg.Length {
	var h vg.Length
	for _, r := range rs {
		h += r.h
	}
	return h
}

// leftOut says which events and notes did not fit under the chart.
func leftOut(events, shown, notes int) string {
	var parts []string
	switch {
	case events == 1:
		parts = append(parts, fmt.Sprintf("event %d", shown+1))
	case events > 1:
		parts = append(parts, fmt.Sprintf("events %d–%d", shown+1, shown+events))
	}
	switch {
	case notes == 1:
		parts = append(parts, "1 more note")
	case notes > 1:
		parts = append(parts, fmt.Sprintf("%d more notes", notes))
	}
	if len(parts) == 0 {
		return ""
	}
	return "… " + strings.Join(parts, " and ") + " did not fit here; the text export lists them all"
}

// textRows wraps s into rows of sty.
func textRows(sty text.Style, s string, width vg.Length, maxLines int) []row {
	var out []row
	for _, l := range wrap(sty, s, width, maxLines) {
		out = append(out, row{h: lineHeight(sty), draw: func(c *draw.Canvas, x, top vg.Length) {
			c.FillText(sty, vg.Point{X: x, Y: top}, l)
		}})
	}
	return out
}

// flow lays items out left to right, starting a new row when one would
// pass the width.
func flow(sty text.Style, items []item, width vg.Length) []row {
	const gap vg.Length = 14
	h := lineHeight(sty) + 2
	var out []row
	var line []item
	var x vg.Length
	emit := func() {
		if len(line) == 0 {
			return
		}
		its := line
		out = append(out, row{h: h, draw: func(c *draw.Canvas, left, top vg.Length) {
			for _, it := range its {
				mid := top - h/2
				it.icon(c, vg.Point{X: left, Y: mid})
				c.FillText(sty, vg.Point{X: left + iconWidth + 4, Y: top - 1}, it.text)
				left += iconWidth + 4 + sty.Width(it.text) + gap
			}
		}})
		line, x = nil, 0
	}
	for _, it := range items {
		w := iconWidth + 4 + sty.Width(it.text)
		if x > 0 && x+w > width {
			emit()
		}
		line = append(line, it)
		x += w + gap
	}
	emit()
	return out
}

// thumbnail is a series' sample for the legend: its line and its marker.
func (l look) thumbnail(c *draw.Canvas, at vg.Point) {
	c.StrokeLine2(l.line(false), at.X, at.Y, at.X+iconWidth, at.Y)
	l.Shape.draw(c, vg.Point{X: at.X + iconWidth/2, Y: at.Y}, markRadius, l.Color, false)
}

// markItems explains the marks that occur in the chart, and only those.
func markItems(c Chart) []item {
	var est, spread, lower, gap bool
	for _, s := range c.Series {
		for i, v := range s.Values {
			if !drawable(v, c.Scale) {
				gap = gap || math.IsNaN(v)
				continue
			}
			est = est || marked(s.Estimate, i)
			spread = spread || marked(s.Spread, i)
			lower = lower || marked(s.LowerBound, i)
		}
	}
	ink := color.Gray{0x30}
	var out []item
	if est {
		out = append(out, item{text: "hollow marker: rests on an estimate (*)", icon: func(c *draw.Canvas, at vg.Point) {
			circle.draw(c, vg.Point{X: at.X + iconWidth/2, Y: at.Y}, markRadius, ink, true)
		}})
	}
	if spread {
		out = append(out, item{text: "lighter line: spread evenly from a longer figure (≈)", icon: func(c *draw.Canvas, at vg.Point) {
			c.StrokeLine2(look{Color: ink}.line(true), at.X, at.Y, at.X+iconWidth, at.Y)
		}})
	}
	if lower {
		out = append(out, item{text: "^ above a point: a lower bound, at least this (≥)", icon: func(c *draw.Canvas, at vg.Point) {
			caret(c, vg.Point{X: at.X + iconWidth/2, Y: at.Y - 6}, ink)
		}})
	}
	if gap {
		out = append(out, item{text: "break in a line: no figure (a gap, not a zero)", icon: func(c *draw.Canvas, at vg.Point) {
			sty := look{Color: ink}.line(false)
			c.StrokeLine2(sty, at.X, at.Y, at.X+9, at.Y)
			c.StrokeLine2(sty, at.X+iconWidth-9, at.Y, at.X+iconWidth, at.Y)
		}})
	}
	return out
}

// logNote says how many values a log axis could not show because they
// are 0 (or below), and whose: they are figures, not gaps, and a reader
// must not take their absence for missing data.
func logNote(c Chart) string {
	if c.Scale != Log {
		return ""
	}
	total, negative := 0, false
	var whose []string
	for i, s := range c.Series {
		k := 0
		for _, v := range s.Values {
			if !math.IsNaN(v) && v <= 0 {
				k++
				negative = negative || v < 0
			}
		}
		if k > 0 {
			total += k
			whose = append(whose, fmt.Sprintf("%s %d", strings.Trim(seriesName(s, i), `"`), k))
		}
	}
	if total == 0 {
		return ""
	}
	what := "0"
	if negative {
		what = "0 or below"
	}
	values := "values"
	if total == 1 {
		values = "value"
	}
	return fmt.Sprintf("Not drawn: %d %s of %s, which a log scale cannot show (%s).", total, values, what, strings.Join(whose, ", "))
}
