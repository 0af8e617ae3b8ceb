package picture

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

const (
	margin  vg.Length = 20
	minPlot vg.Length = 200 // the chart itself keeps at least this height
)

// render draws the whole picture on dc: the title at the top, the chart,
// and under it the legend, the marks, the events, the notes and the
// source line.
func render(dc draw.Canvas, c Chart) (err error) {
	// gonum/plot's font and drawing packages panic on a few inputs (a
	// broken font, a glyph they cannot read). check rules out what it
	// can; should one slip through, the user gets an error instead of
	// losing the dashboard.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("drawing the chart %q failed: %v", clean(c.Title), r)
		}
	}()
	fonts, err := newFonts()
	if err != nil {
		return fmt.Errorf("drawing the chart %q failed: %w", clean(c.Title), err)
	}
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	area := draw.Crop(dc, margin, -margin, margin, -margin)
	width := area.Max.X - area.Min.X

	top := area.Max.Y
	for _, h := range []struct {
		text  string
		size  vg.Length
		bold  bool
		color color.Color
	}{{c.Title, 14, true, color.Black}, {c.Subtitle, 10, false, color.Gray{0x50}}} {
		sty := textStyle(fonts, h.size, h.bold, h.color)
		for _, l := range wrap(sty, clean(h.text), width, 2) {
			area.FillText(sty, vg.Point{X: area.Min.X, Y: top}, l)
			top -= lineHeight(sty)
		}
	}
	top -= 6

	rows := footer(c, fonts, width, top-area.Min.Y-minPlot)
	y := area.Min.Y
	for _, r := range rows {
		y += r.h
	}
	chartBottom := y + 6
	for _, r := range rows {
		r.draw(&area, area.Min.X, y)
		y -= r.h
	}

	pc := draw.Crop(area, 0, 0, chartBottom-area.Min.Y, top-area.Max.Y)
	makeFrame(c, fonts, pc).draw(pc)
	return nil
}

// makeFrame sets up the chart for the canvas it will be drawn on: the
// axes, a light grid on the y ticks, the events and the series (the
// first series drawn last, on top).
func makeFrame(c Chart, fonts text.Handler, pc draw.Canvas) *frame {
	tickLabels := func(xa draw.XAlignment, ya draw.YAlignment) text.Style {
		sty := textStyle(fonts, 9, false, color.Black)
		sty.XAlign, sty.YAlign = xa, ya
		return sty
	}
	f := &frame{
		X: axis{Label: tickLabels(draw.XCenter, draw.YTop)},
		Y: axis{Label: tickLabels(draw.XRight, draw.YCenter), Log: c.Scale == Log},
	}
	f.YLabelText = textStyle(fonts, 10, false, color.Black)
	f.YLabelText.XAlign, f.YLabelText.YAlign = draw.XCenter, draw.YBottom

	lo, hi := yRange(c)
	ya := makeYAxis(c.Scale, c.Unit, lo, hi)
	f.Y.Min, f.Y.Max, f.Y.Ticks = ya.Min, ya.Max, ya.Ticks
	label := c.YLabel
	if label == "" && c.Scale == Index {
		label = "index (= 100 at the base month)"
	}
	f.YLabel = cut(f.YLabelText, clean(label), pc.Max.Y-pc.Min.Y-40)

	n := len(c.XLabels)
	f.X.Min, f.X.Max = 0, float64(n-1)
	if n == 1 {
		f.X.Min, f.X.Max = -0.5, 0.5
	}
	labels := make([]string, n)
	for i, l := range c.XLabels {
		labels[i] = cut(f.X.Label, clean(l), 90)
	}
	// The ticks depend on the width of the data area, which depends a
	// little on the ticks (the end labels): measure with the end labels.
	f.X.Ticks = []tick{{Value: 0, Label: labels[0]}, {Value: float64(n - 1), Label: labels[n-1]}}
	data := f.dataCanvas(pc)
	f.X.Ticks = xTicks(labels, f.X.Label, data.Max.X-data.Min.X)

	f.Layers = append(f.Layers, hGrid{Ticks: f.Y.Ticks, Line: draw.LineStyle{Color: color.Gray{0xDD}, Width: 0.5}})
	if c.Scale == Index {
		f.Layers = append(f.Layers, refLine{Value: 100})
	}
	if marks := eventMarks(c); len(marks) > 0 {
		f.Layers = append(f.Layers, eventsPlot{Marks: marks, Fonts: fonts})
	}
	for i := len(c.Series) - 1; i >= 0; i-- {
		f.Layers = append(f.Layers, seriesPlot{S: c.Series[i], Look: lookOf(i), Scale: c.Scale})
	}
	return f
}

// refLine is a horizontal line across the chart at a value: 100 on an
// index chart, the base every line is read against.
type refLine struct{ Value float64 }

func (r refLine) Plot(c draw.Canvas, tr transforms) {
	y := tr.Y(r.Value)
	c.StrokeLine2(draw.LineStyle{Color: color.Gray{0x80}, Width: 0.75}, c.Min.X, y, c.Max.X, y)
}
