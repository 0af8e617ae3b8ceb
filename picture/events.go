package picture

import (
	"image/color"
	"slices"
	"strconv"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// shownEvents are the events in range, in the order of their months (in
// the order given within a month), numbered from 1.
func shownEvents(c Chart) []Event {
	var out []Event
	for _, e := range c.Events {
		if e.At >= 0 && e.At < len(c.XLabels) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Event) int { return a.At - b.At })
	return out
}

// eventColumns is how many columns the list of events takes: one for
// a few, more for many when they fit side by side (up to three, the
// labels cut to fit when even two do not).
func eventColumns(c Chart, events []Event, sty text.Style, width vg.Length) int {
	if len(events) <= 4 {
		return 1
	}
	numW, monthW := eventWidths(c, events, sty)
	natural := vg.Length(0)
	for _, e := range events {
		natural = max(natural, numW+monthW+sty.Width(clean(e.Label)))
	}
	for k := 3; k >= 2; k-- {
		if vg.Length(k)*natural+vg.Length(k-1)*columnGap <= width {
			return k
		}
	}
	if len(events) > 8 {
		return 2
	}
	return 1
}

const columnGap vg.Length = 16

// eventWidths are the widths of the number and month columns.
func eventWidths(c Chart, events []Event, sty text.Style) (numW, monthW vg.Length) {
	bold := sty
	bold.Font = sans(sty.Font.Size, true)
	numW = bold.Width(strconv.Itoa(len(c.Events))) + 8
	for _, e := range events {
		monthW = max(monthW, sty.Width(cut(sty, clean(c.XLabels[e.At]), 90)))
	}
	return numW, monthW + 10
}

// eventRows lists events under the chart, numbered from 1, in cols
// columns read downwards; each is its number, month and label:
// "1   2020-06   TikTok banned in India".
func eventRows(c Chart, events []Event, cols int, sty text.Style, width vg.Length) []row {
	if len(events) == 0 {
		return nil
	}
	bold := sty
	bold.Font = sans(sty.Font.Size, true)
	numW, monthW := eventWidths(c, events, sty)
	colW := (width - vg.Length(cols-1)*columnGap) / vg.Length(cols)
	lines := (len(events) + cols - 1) / cols
	out := make([]row, lines)
	for r := range out {
		var cells []int // the events on this line
		for k := 0; k < cols; k++ {
			if j := k*lines + r; j < len(events) {
				cells = append(cells, j)
			}
		}
		out[r] = row{h: lineHeight(sty), draw: func(cv *draw.Canvas, x, top vg.Length) {
			for k, j := range cells {
				e := events[j]
				left := x + vg.Length(k)*(colW+columnGap)
				cv.FillText(bold, vg.Point{X: left, Y: top}, strconv.Itoa(j+1))
				cv.FillText(sty, vg.Point{X: left + numW, Y: top}, cut(sty, clean(c.XLabels[e.At]), 90))
				cv.FillText(sty, vg.Point{X: left + numW + monthW, Y: top}, cut(sty, clean(e.Label), colW-numW-monthW))
			}
		}}
	}
	return out
}

// eventMarks are the numbered lines on the chart, one per month with
// events: "1" or "2,3".
func eventMarks(c Chart) []eventMark {
	var out []eventMark
	for i, e := range shownEvents(c) {
		num := strconv.Itoa(i + 1)
		if k := len(out) - 1; k >= 0 && out[k].At == e.At {
			out[k].Label += "," + num
			continue
		}
		out = append(out, eventMark{At: e.At, Label: num})
	}
	return out
}

// eventsPlot draws each event as a dotted vertical line at its month,
// numbered near the x-axis; numbers that would overlap are stacked.
type eventsPlot struct {
	Marks []eventMark
	Fonts text.Handler
}

type eventMark struct {
	At    int
	Label string // "1" or "1,2" for events in the same month
}

func (ep eventsPlot) Plot(c draw.Canvas, tr transforms) {
	sty := textStyle(ep.Fonts, 8, true, color.Gray{0x40})
	sty.YAlign = draw.YBottom
	line := draw.LineStyle{Color: color.Gray{0x80}, Width: 0.75, Dashes: []vg.Length{2, 2}}
	h := lineHeight(sty)
	var right []vg.Length // per level, where the last number ends
	for _, m := range ep.Marks {
		x := tr.X(float64(m.At))
		c.StrokeLine2(line, x, c.Min.Y, x, c.Max.Y)
		w := sty.Width(m.Label) + 3
		left := x + 1 // the number sits right of its line, or left of it at the right edge
		if left+w > c.Max.X {
			left = x - 1 - w
		}
		level := 0
		for level < len(right) && right[level] > left {
			level++
		}
		if level == len(right) {
			right = append(right, 0)
		}
		right[level] = left + w + 2
		y := c.Min.Y + 2 + vg.Length(level)*h
		box := vg.Rectangle{Min: vg.Point{X: left, Y: y}, Max: vg.Point{X: left + w, Y: y + h}}
		c.SetColor(color.White)
		c.Fill(box.Path())
		c.FillText(sty, vg.Point{X: left + 1.5, Y: y}, m.Label)
	}
}
