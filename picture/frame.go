package picture

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The chart's frame: its axes, their ticks and labels, and the data area
// they enclose. It is laid out as gonum.org/v1/plot's Plot.Draw lays out
// a plot, to the same points, but without importing that root package:
// its init parses every Liberation font, and it links in the PDF, EPS
// and TeX back ends (and encoding/gob), which every run of the program
// paid for, whether it drew a picture or not.

const (
	axisWidth  vg.Length = 0.75
	tickWidth  vg.Length = 0.5
	tickLength vg.Length = 5 // a major tick; a minor one is half as long
	axisPad    vg.Length = 5 // between an axis and the data area
)

// axis is one axis of the frame: the values at its ends, its scale, its
// ticks and the style of their labels.
type axis struct {
	Min, Max float64
	Log      bool // a log scale; Min, Max and every value drawn are above 0
	Ticks    []tick
	Label    text.Style // the tick labels
}

// norm is v's distance along the axis as a fraction of its range (as
// plot.LinearScale and plot.LogScale normalize).
func (a axis) norm(v float64) float64 {
	if a.Log {
		lo := math.Log(a.Min)
		return (math.Log(v) - lo) / (math.Log(a.Max) - lo)
	}
	return (v - a.Min) / (a.Max - a.Min)
}

// labelHeight and labelWidth are the height of the tallest and the width
// of the widest major tick label.
func (a axis) labelHeight() vg.Length { return a.labelSize().Y }
func (a axis) labelWidth() vg.Length  { return a.labelSize().X }

func (a axis) labelSize() (size vg.Point) {
	for _, t := range a.Ticks {
		if !t.minor() {
			r := a.Label.Rectangle(t.Label)
			size = vg.Point{X: max(size.X, r.Max.X-r.Min.X), Y: max(size.Y, r.Max.Y-r.Min.Y)}
		}
	}
	return size
}

// frame is the x-axis along the bottom, the y-axis up the left with its
// label, and the layers drawn on the data area, in order.
type frame struct {
	X, Y       axis
	YLabel     string
	YLabelText text.Style // the y label's style, before it is turned upright
	Layers     []layer
}

// layer is something drawn on the data area c, placing values with tr.
type layer interface {
	Plot(c draw.Canvas, tr transforms)
}

// transforms take values to points on the data area.
type transforms struct {
	X, Y func(float64) vg.Length
}

func (f *frame) transforms(c draw.Canvas) transforms {
	return transforms{
		X: func(v float64) vg.Length { return c.X(f.X.norm(v)) },
		Y: func(v float64) vg.Length { return c.Y(f.Y.norm(v)) },
	}
}

// xHeight is the height the x-axis takes under the data area: its tick
// labels, its ticks, half its line and the padding.
func (f *frame) xHeight() vg.Length {
	var h vg.Length
	if len(f.X.Ticks) > 0 {
		h += tickLength
		h += f.X.labelHeight()
	}
	h += axisWidth / 2
	h += axisPad
	return h
}

// yWidth is the width the y-axis takes left of the data area: its label
// (turned upright), its tick labels and a space, its ticks, half its
// line and the padding. The space is one of the axis label's font, as
// gonum measures it, though the tick labels are drawn a space of their
// own font from the ticks.
func (f *frame) yWidth() vg.Length {
	var w vg.Length
	if f.YLabel != "" {
		w += f.YLabelText.FontExtents().Descent
		w += f.YLabelText.Height(f.YLabel)
	}
	if len(f.Y.Ticks) > 0 {
		if lw := f.Y.labelWidth(); lw > 0 {
			w += lw
			w += f.YLabelText.Width(" ")
		}
		w += tickLength
	}
	w += axisWidth / 2
	w += axisPad
	return w
}

// dataCanvas is the part of the chart's canvas pc the data is drawn in.
func (f *frame) dataCanvas(pc draw.Canvas) draw.Canvas {
	return f.padY(f.padX(draw.Crop(pc, f.yWidth(), 0, f.xHeight(), 0)))
}

// glyphBox is where a label is drawn: at a fraction of an axis, and its
// rectangle about that place.
type glyphBox struct {
	At float64
	vg.Rectangle
}

// xBoxes are the boxes of the major x tick labels.
func (f *frame) xBoxes() []glyphBox {
	h := f.X.labelHeight()
	descent := f.X.Label.FontExtents().Descent
	var out []glyphBox
	for _, t := range f.X.Ticks {
		if !t.minor() {
			out = append(out, glyphBox{At: f.X.norm(t.Value), Rectangle: f.X.Label.Rectangle(t.Label).Add(vg.Point{Y: h + descent})})
		}
	}
	return out
}

// yBoxes are the boxes of the y label and the major y tick labels. The
// label's is halfway up the axis, where it is drawn. (gonum puts it at
// the value halfway between the ends, which on a log axis is near the
// top: a long label then lowered the data area, leaving a blank band
// above the chart.)
func (f *frame) yBoxes() []glyphBox {
	var out []glyphBox
	var xoff vg.Length
	if f.YLabel != "" {
		sty := f.YLabelText
		sty.Rotation += math.Pi / 2
		xoff += f.YLabelText.Height(f.YLabel)
		descent := f.YLabelText.FontExtents().Descent
		out = append(out, glyphBox{At: 0.5, Rectangle: sty.Rectangle(f.YLabel).Add(vg.Point{X: xoff - descent})})
		xoff += descent
	}
	if w := f.Y.labelWidth(); len(f.Y.Ticks) != 0 && w > 0 {
		xoff += w
	}
	ext := f.Y.Label.FontExtents()
	desc := ext.Height - ext.Ascent // descent and line gap
	for _, t := range f.Y.Ticks {
		if !t.minor() {
			out = append(out, glyphBox{At: f.Y.norm(t.Value), Rectangle: f.Y.Label.Rectangle(t.Label).Add(vg.Point{X: xoff, Y: desc})})
		}
	}
	return out
}

// padX narrows c on the right so that no x tick label runs past its
// right edge (plot's padX; the left needs none, as nothing is drawn on
// the data area that reaches out of it).
func (f *frame) padX(c draw.Canvas) draw.Canvas {
	c.Min.X, c.Max.X = padEnd(c.Min.X, c.Max.X, f.xBoxes(), func(b glyphBox) (vg.Length, vg.Length) { return b.Min.X, b.Size().X })
	return c
}

// padY lowers the top of c so that no y tick label (nor the y label)
// runs past it (plot's padY).
func (f *frame) padY(c draw.Canvas) draw.Canvas {
	c.Min.Y, c.Max.Y = padEnd(c.Min.Y, c.Max.Y, f.yBoxes(), func(b glyphBox) (vg.Length, vg.Length) { return b.Min.Y, b.Size().Y })
	return c
}

// padEnd is padX and padY along one dimension: the range lo..hi such
// that the box reaching furthest past hi (its start and size along the
// dimension given by dim) ends at hi; nothing reaches out below lo.
func padEnd(lo, hi vg.Length, boxes []glyphBox, dim func(glyphBox) (start, size vg.Length)) (vg.Length, vg.Length) {
	var l glyphBox
	r := glyphBox{At: 1}
	far := hi
	for _, b := range boxes {
		start, size := dim(b)
		if size <= 0 {
			continue
		}
		if v := lo + vg.Length(b.At)*(hi-lo) + start + size; v > far && b.At <= 1 {
			far, r = v, b
		}
	}
	ls, _ := dim(l)
	rs, rsize := dim(r)
	minv, maxv := lo-ls, hi-(rs+rsize)
	lx, rx := vg.Length(l.At), vg.Length(r.At)
	return (lx*maxv - rx*minv) / (lx - rx), ((lx-1)*maxv - rx*minv + minv) / (lx - rx)
}

// draw draws the frame on the chart's canvas pc: the axes, then the
// layers on the data area.
func (f *frame) draw(pc draw.Canvas) {
	yw, xh := f.yWidth(), f.xHeight()
	f.drawX(f.padX(draw.Crop(pc, yw, 0, 0, 0)))
	f.drawY(f.padY(draw.Crop(pc, 0, 0, xh, 0)))
	data := f.padY(f.padX(draw.Crop(pc, yw, 0, xh, 0)))
	tr := f.transforms(data)
	for _, l := range f.Layers {
		l.Plot(data, tr)
	}
}

// drawX draws the x-axis along the bottom of c: the labels centred under
// their ticks, the ticks (minor ones half as long), and the line.
func (f *frame) drawX(c draw.Canvas) {
	a := f.X
	y := c.Min.Y
	h := a.labelHeight()
	descent := a.Label.FontExtents().Descent
	for _, t := range a.Ticks {
		x := c.X(a.norm(t.Value))
		if !c.ContainsX(x) || t.minor() {
			continue
		}
		c.FillText(a.Label, vg.Point{X: x, Y: y + h + descent}, t.Label)
	}
	if len(a.Ticks) > 0 {
		y += h
	} else {
		y += axisWidth / 2
	}
	if len(a.Ticks) > 0 {
		for _, t := range a.Ticks {
			x := c.X(a.norm(t.Value))
			if !c.ContainsX(x) {
				continue
			}
			c.StrokeLine2(tickLine(), x, y+t.start(), x, y+tickLength)
		}
		y += tickLength
	}
	c.StrokeLine2(axisLine(), c.Min.X, y, c.Max.X, y)
}

// drawY draws the y-axis up the left of c: the label turned upright,
// centred; the tick labels right-aligned, centred on their ticks; the
// ticks and the line.
func (f *frame) drawY(c draw.Canvas) {
	a := f.Y
	x := c.Min.X
	if f.YLabel != "" {
		sty := f.YLabelText
		sty.Rotation += math.Pi / 2
		x += f.YLabelText.Height(f.YLabel)
		descent := f.YLabelText.FontExtents().Descent
		c.FillText(sty, vg.Point{X: x - descent, Y: c.Center().Y}, f.YLabel)
		x += descent
	}
	if w := a.labelWidth(); len(a.Ticks) > 0 && w > 0 {
		x += w
	}
	major := false
	descent := a.Label.FontExtents().Descent
	for _, t := range a.Ticks {
		y := c.Y(a.norm(t.Value))
		if !c.ContainsY(y) || t.minor() {
			continue
		}
		c.FillText(a.Label, vg.Point{X: x, Y: y + descent}, t.Label)
		major = true
	}
	if major {
		x += a.Label.Width(" ")
	}
	if len(a.Ticks) > 0 {
		for _, t := range a.Ticks {
			y := c.Y(a.norm(t.Value))
			if !c.ContainsY(y) {
				continue
			}
			c.StrokeLine2(tickLine(), x+t.start(), y, x+tickLength, y)
		}
		x += tickLength
	}
	c.StrokeLine2(axisLine(), x, c.Min.Y, x, c.Max.Y)
}

func axisLine() draw.LineStyle { return draw.LineStyle{Color: color.Black, Width: axisWidth} }
func tickLine() draw.LineStyle { return draw.LineStyle{Color: color.Black, Width: tickWidth} }

// start is where a tick's line starts from the axis's side: a minor tick
// is half as long as a major one.
func (t tick) start() vg.Length {
	if t.minor() {
		return tickLength / 2
	}
	return 0
}

// hGrid is a light horizontal line across the data area at each major
// tick of the y-axis.
type hGrid struct {
	Ticks []tick
	Line  draw.LineStyle
}

func (g hGrid) Plot(c draw.Canvas, tr transforms) {
	for _, t := range g.Ticks {
		if t.minor() {
			continue
		}
		y := tr.Y(t.Value)
		if y > c.Max.Y || y < c.Min.Y {
			continue
		}
		c.StrokeLine2(g.Line, c.Min.X, y, c.Max.X, y)
	}
}
