package picture

import (
	"fmt"
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
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
	// gonum/plot panics on a few inputs (an empty log range, a broken
	// font). check rules those out; should one slip through, the user
	// gets an error instead of losing the dashboard.
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("drawing the chart %q failed: %v", clean(c.Title), r)
		}
	}()
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
		sty := textStyle(h.size, h.bold, h.color)
		for _, l := range wrap(sty, clean(h.text), width, 2) {
			area.FillText(sty, vg.Point{X: area.Min.X, Y: top}, l)
			top -= lineHeight(sty)
		}
	}
	top -= 6

	rows := footer(c, width, top-area.Min.Y-minPlot)
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
	p := makePlot(c, pc)
	p.Draw(pc)
	return nil
}

// makePlot sets up the chart for the canvas it will be drawn on: the
// axes, a light grid on the y ticks, the events and the series (the
// first series drawn last, on top).
func makePlot(c Chart, pc draw.Canvas) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil // the page is already white
	p.X.Tick.Label.Font = sans(9, false)
	p.Y.Tick.Label.Font = sans(9, false)
	p.Y.Label.TextStyle.Font = sans(10, false)
	p.X.LineStyle.Width, p.Y.LineStyle.Width = 0.75, 0.75
	p.X.Tick.Length, p.Y.Tick.Length = 5, 5

	lo, hi := yRange(c)
	ya := makeYAxis(c.Scale, c.Unit, lo, hi)
	p.Y.Min, p.Y.Max = ya.Min, ya.Max
	p.Y.Tick.Marker = plot.ConstantTicks(ya.Ticks)
	if c.Scale == Log {
		p.Y.Scale = plot.LogScale{}
	}
	label := c.YLabel
	if label == "" && c.Scale == Index {
		label = "index (= 100 at the base month)"
	}
	p.Y.Label.Text = cut(p.Y.Label.TextStyle, clean(label), pc.Max.Y-pc.Min.Y-40)

	n := len(c.XLabels)
	p.X.Min, p.X.Max = 0, float64(n-1)
	if n == 1 {
		p.X.Min, p.X.Max = -0.5, 0.5
	}
	labels := make([]string, n)
	for i, l := range c.XLabels {
		labels[i] = cut(p.X.Tick.Label, clean(l), 90)
	}
	// The ticks depend on the width of the data area, which depends a
	// little on the ticks (the end labels): measure with the end labels.
	p.X.Tick.Marker = plot.ConstantTicks{{Value: 0, Label: labels[0]}, {Value: float64(n - 1), Label: labels[n-1]}}
	data := p.DataCanvas(pc)
	p.X.Tick.Marker = plot.ConstantTicks(xTicks(labels, p.X.Tick.Label, data.Max.X-data.Min.X))

	grid := plotter.NewGrid()
	grid.Vertical.Color = nil
	grid.Horizontal = draw.LineStyle{Color: color.Gray{0xDD}, Width: 0.5}
	p.Add(grid)
	if c.Scale == Index {
		p.Add(refLine{Value: 100})
	}
	if marks := eventMarks(c); len(marks) > 0 {
		p.Add(eventsPlot{Marks: marks})
	}
	for i := len(c.Series) - 1; i >= 0; i-- {
		p.Add(seriesPlot{S: c.Series[i], Look: lookOf(i), Scale: c.Scale})
	}
	return p
}

// refLine is a horizontal line across the chart at a value: 100 on an
// index chart, the base every line is read against.
type refLine struct{ Value float64 }

func (r refLine) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	y := trY(r.Value)
	c.StrokeLine2(draw.LineStyle{Color: color.Gray{0x80}, Width: 0.75}, c.Min.X, y, c.Max.X, y)
}
