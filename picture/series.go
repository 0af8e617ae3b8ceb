package picture

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// look is how one series is drawn: a colour, a dash pattern and a marker
// shape, each cycling at a different length, so that no two series of a
// chart share all three and the lines stay apart in black and white.
type look struct {
	Color  color.Color
	Dashes []vg.Length
	Shape  shape
}

// lookOf is series i's look. The colours are the Okabe–Ito palette
// (told apart by most colour-blind readers) without its yellow, which
// is too pale on white, plus a brown.
func lookOf(i int) look {
	colors := [...]color.RGBA{
		{0x00, 0x72, 0xB2, 0xff}, // blue
		{0xD5, 0x5E, 0x00, 0xff}, // vermillion
		{0x00, 0x9E, 0x73, 0xff}, // bluish green
		{0xCC, 0x79, 0xA7, 0xff}, // reddish purple
		{0x00, 0x00, 0x00, 0xff}, // black
		{0xE6, 0x9F, 0x00, 0xff}, // orange
		{0x56, 0xB4, 0xE9, 0xff}, // sky blue
		{0x8C, 0x56, 0x4B, 0xff}, // brown
	}
	dashes := [...][]vg.Length{
		nil,            // solid
		{7, 3},         // dashed
		{1.5, 2.5},     // dotted
		{7, 3, 1.5, 3}, // dash-dot
		{3.5, 2.5},     // short dashes
	}
	return look{Color: colors[i%len(colors)], Dashes: dashes[i%len(dashes)], Shape: shape(i % int(shapes))}
}

const (
	lineWidth  vg.Length = 1.75
	lightWidth vg.Length = 1.1 // a stretch spread from a longer figure
	markRadius vg.Length = 3
)

// lighter mixes c halfway to white: a stretch that is arithmetic (spread
// from a longer figure) rather than a figure someone reported.
func lighter(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	mix := func(v uint32) uint8 { return uint8((v>>8 + 255) / 2) }
	return color.RGBA{mix(r), mix(g), mix(b), 0xff}
}

func (l look) line(light bool) draw.LineStyle {
	if light {
		return draw.LineStyle{Color: lighter(l.Color), Width: lightWidth, Dashes: l.Dashes}
	}
	return draw.LineStyle{Color: l.Color, Width: lineWidth, Dashes: l.Dashes}
}

// seriesPlot draws one series: a line through consecutive values, broken
// at every gap (and at every value a log axis cannot show); a marker on
// a value with no neighbour, so that it still shows; a hollow marker on
// an estimate and a caret above a lower bound.
type seriesPlot struct {
	S     Series
	Look  look
	Scale Scale
}

func (sp seriesPlot) Plot(c draw.Canvas, tr transforms) {
	v := sp.S.Values
	ok := func(i int) bool { return i >= 0 && i < len(v) && drawable(v[i], sp.Scale) }
	at := func(i int) vg.Point { return vg.Point{X: tr.X(float64(i)), Y: tr.Y(v[i])} }
	spread := func(i int) bool { return marked(sp.S.Spread, i) }

	var run []vg.Point
	light := false
	flush := func() {
		if len(run) >= 2 {
			c.StrokeLines(sp.Look.line(light), run)
		}
		run = run[:0]
	}
	for i := 1; i < len(v); i++ {
		if !ok(i-1) || !ok(i) {
			flush()
			continue
		}
		// A segment touching a spread value is drawn light: its slope
		// comes from arithmetic, not from two reported figures.
		segLight := spread(i-1) || spread(i)
		if len(run) > 0 && segLight != light {
			flush()
		}
		if len(run) == 0 {
			run = append(run, at(i-1))
			light = segLight
		}
		run = append(run, at(i))
	}
	flush()

	for i := range v {
		if !ok(i) {
			continue
		}
		pt := at(i)
		col := sp.Look.Color
		if spread(i) {
			col = lighter(col)
		}
		switch {
		case marked(sp.S.Estimate, i):
			sp.Look.Shape.draw(&c, pt, markRadius, col, true)
		case !ok(i-1) && !ok(i+1):
			sp.Look.Shape.draw(&c, pt, markRadius, col, false)
		}
		if marked(sp.S.LowerBound, i) {
			caret(&c, pt, col)
		}
	}
}

// caret draws ^ just above a point: the figure is at least this (≥).
func caret(c *draw.Canvas, pt vg.Point, col color.Color) {
	c.StrokeLines(draw.LineStyle{Color: col, Width: 1},
		[]vg.Point{{X: pt.X - 3, Y: pt.Y + 5}, {X: pt.X, Y: pt.Y + 9}, {X: pt.X + 3, Y: pt.Y + 5}})
}

// shape is a marker's outline; series take them in turn.
type shape int

const (
	circle shape = iota
	square
	triangle
	diamond
	shapes // how many there are
)

// draw draws the shape centred on pt: filled, or hollow (white inside,
// for an estimate).
func (s shape) draw(c *draw.Canvas, pt vg.Point, r vg.Length, col color.Color, hollow bool) {
	var p vg.Path
	switch s {
	case circle:
		p.Move(vg.Point{X: pt.X + r, Y: pt.Y})
		p.Arc(pt, r, 0, 2*math.Pi)
	case square:
		r *= 0.85
		p.Move(vg.Point{X: pt.X - r, Y: pt.Y - r})
		p.Line(vg.Point{X: pt.X + r, Y: pt.Y - r})
		p.Line(vg.Point{X: pt.X + r, Y: pt.Y + r})
		p.Line(vg.Point{X: pt.X - r, Y: pt.Y + r})
	case triangle:
		r *= 1.15
		p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
		p.Line(vg.Point{X: pt.X + r*0.866, Y: pt.Y - r/2})
		p.Line(vg.Point{X: pt.X - r*0.866, Y: pt.Y - r/2})
	default: // diamond
		r *= 1.15
		p.Move(vg.Point{X: pt.X, Y: pt.Y + r})
		p.Line(vg.Point{X: pt.X + r, Y: pt.Y})
		p.Line(vg.Point{X: pt.X, Y: pt.Y - r})
		p.Line(vg.Point{X: pt.X - r, Y: pt.Y})
	}
	p.Close()
	if hollow {
		c.SetColor(color.White)
		c.Fill(p)
		c.SetLineStyle(draw.LineStyle{Color: col, Width: 1.2})
		c.Stroke(p)
		return
	}
	c.SetColor(col)
	c.Fill(p)
}
