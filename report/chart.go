package report

import (
	"math"
	"strings"

	"github.com/guptarohit/asciigraph"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/textfit"
)

// chartSeries is one line of a chart: a value per column label (month or
// Mk), NaN where nothing is known.
type chartSeries struct {
	Name   string
	Values []float64
	Spread []bool // the value is spread from a longer figure
}

// drawChart draws series over labels within width columns and height rows,
// with the y-axis in installs (950k, 3.6M) and the labels under the x-axis.
// It guards asciigraph, which panics on empty input and draws nothing
// useful for a flat or single-point series: a chart with no value at all
// becomes a one-line note instead.
func drawChart(series []chartSeries, labels []string, width, height int, st Styles) string {
	if len(labels) == 0 || !anyValue(series) {
		return "(no figures to draw in this window)\n"
	}
	top := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			if finite(v) && v > top {
				top = v
			}
		}
	}
	if top <= 0 {
		top = 1 // a flat zero line still needs a scale
	}
	const yLabel = 7 // "  15.2M" — fixed so the x-axis can line up
	plotWidth := width - yLabel - 3
	if plotWidth < 4 {
		return "(too narrow to draw a chart)\n"
	}
	n := len(labels)
	// Each month gets the same number of columns, so a month is a step of
	// the line and gaps stay gaps; past one column a month, asciigraph
	// interpolates to the width instead.
	per := max(plotWidth/n, 1)
	opts := []asciigraph.Option{
		asciigraph.Height(max(height, 2)),
		asciigraph.LowerBound(0),
		asciigraph.UpperBound(top),
		asciigraph.Offset(3),
		asciigraph.YAxisValueFormatter(func(v float64) string {
			return textfit.PadLeft(figures.FormatInstalls(v), yLabel-1)
		}),
	}
	cols := n * per
	if n > plotWidth {
		opts = append(opts, asciigraph.Width(plotWidth))
		cols = plotWidth
	}
	// Each line is drawn alone and the drawings laid over each other, so
	// that no line hides another: a cell two lines pass through shows
	// MarkMeet, and the legend says what it means. Each line also steps a
	// column later than the one before it, so that lines rising in the
	// same month stay apart.
	var grids [][][]rune
	var owners []int
	for i, s := range series {
		if !anyValue([]chartSeries{s}) {
			continue
		}
		shift := 0
		if per >= 3 {
			shift = min(i, per-2)
		}
		data := stepped(s.Values, per, shift)
		plot := asciigraph.PlotMany([][]float64{data}, append(opts, asciigraph.SeriesChars(lineStyles[i%len(lineStyles)]))...)
		grids = append(grids, runeGrid(plot))
		owners = append(owners, i)
	}
	plot := overlay(grids, owners, st.chartColors(len(series)))
	var b strings.Builder
	for _, line := range strings.Split(plot, "\n") {
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	b.WriteString(xAxis(labels, cols, per, yLabel+2))
	if per >= 2 {
		b.WriteString(spreadMarks(series, len(labels), per, yLabel+2))
	}
	return b.String()
}

// MarkMeet is drawn where two lines of a chart pass through one cell.
const MarkMeet = "◆"

// stepped spreads a value per month over per columns, the step to each
// month coming shift columns into it.
func stepped(values []float64, per, shift int) []float64 {
	row := make([]float64, 0, len(values)*per)
	for k, v := range values {
		if !finite(v) {
			v = math.NaN() // asciigraph cannot scale an infinity: a gap
		}
		prev := v
		if k > 0 && finite(values[k-1]) && finite(v) {
			prev = values[k-1]
		}
		for c := 0; c < per; c++ {
			if c < shift {
				row = append(row, prev)
			} else {
				row = append(row, v)
			}
		}
	}
	return row
}

// runeGrid splits a plot into rows of runes.
func runeGrid(plot string) [][]rune {
	lines := strings.Split(plot, "\n")
	out := make([][]rune, len(lines))
	for i, l := range lines {
		out[i] = []rune(l)
	}
	return out
}

// overlay lays the drawings of single lines over each other, right of
// the y-axis: a cell one line passes through shows it (in its colour),
// a cell several pass through shows MarkMeet.
func overlay(grids [][][]rune, owners []int, colors []asciigraph.AnsiColor) string {
	if len(grids) == 0 {
		return ""
	}
	base := grids[0]
	var b strings.Builder
	for r := range base {
		axis := -1
		for c, ch := range base[r] {
			if ch == '┤' || ch == '┼' {
				axis = c
				break
			}
		}
		width := 0
		for _, g := range grids {
			if r < len(g) {
				width = max(width, len(g[r]))
			}
		}
		for c := 0; c < width; c++ {
			if c <= axis {
				b.WriteRune(cell(base, r, c))
				continue
			}
			who, ch, n := -1, ' ', 0
			for gi, g := range grids {
				if x := cell(g, r, c); x != ' ' {
					who, ch = owners[gi], x
					n++
				}
			}
			switch {
			case n == 0:
				b.WriteByte(' ')
			case n > 1:
				b.WriteString(MarkMeet)
			case colors != nil:
				b.WriteString(colors[who].String() + string(ch) + asciigraph.Default.String())
			default:
				b.WriteRune(ch)
			}
		}
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}

func cell(g [][]rune, r, c int) rune {
	if r < len(g) && c < len(g[r]) {
		return g[r][c]
	}
	return ' '
}

// lineStyles draw each app's line in its own strokes, so that the lines
// stay apart without colour: in exports, and for readers who cannot tell
// the colours apart. The legend shows the same strokes.
var lineStyles = []asciigraph.CharSet{
	asciigraph.DefaultCharSet,
	{Horizontal: "═", VerticalLine: "║", ArcDownRight: "╔", ArcDownLeft: "╗", ArcUpRight: "╚", ArcUpLeft: "╝", EndCap: "═", StartCap: "═"},
	{Horizontal: "━", VerticalLine: "┃", ArcDownRight: "┏", ArcDownLeft: "┓", ArcUpRight: "┗", ArcUpLeft: "┛", EndCap: "╸", StartCap: "╺"},
	asciigraph.CreateCharSet("·"),
	asciigraph.CreateCharSet("+"),
	asciigraph.CreateCharSet("x"),
	asciigraph.CreateCharSet("o"),
	asciigraph.CreateCharSet("#"),
}

// stroke is the legend's sample of series i's line.
func stroke(i int) string {
	h := lineStyles[i%len(lineStyles)].Horizontal
	return h + h
}

// xAxis writes month labels under the columns they start, skipping labels
// that would run into the previous one. Columns are counted in display
// width, so that a label in wide characters stays under its month.
func xAxis(labels []string, cols, per, pad int) string {
	limit := pad + cols + 8 // labels may run a little past the plot, no further
	var b strings.Builder
	end := -1 // the column after the last label written
	for i, l := range labels {
		col := pad + i*per
		if per == 1 && len(labels) > cols {
			col = pad + int(math.Round(float64(i)*float64(cols-1)/float64(len(labels)-1)))
		}
		lw := textfit.Width(l)
		if col <= end+1 || col+lw > limit {
			continue
		}
		b.WriteString(strings.Repeat(" ", col-max(end, 0)))
		b.WriteString(l)
		end = col + lw
	}
	return strings.TrimRight(b.String(), " ") + "\n"
}

// spreadMarks writes ≈ under every month that some line spreads from a
// longer figure, so the chart says which of its steps are arithmetic.
func spreadMarks(series []chartSeries, n, per, pad int) string {
	line := []rune(strings.Repeat(" ", pad+n*per))
	any := false
	for i := 0; i < n; i++ {
		for _, s := range series {
			if i < len(s.Spread) && s.Spread[i] {
				line[pad+i*per] = '≈'
				any = true
				break
			}
		}
	}
	if !any {
		return ""
	}
	return strings.TrimRight(string(line), " ") + "\n"
}

func anyValue(series []chartSeries) bool {
	for _, s := range series {
		for _, v := range s.Values {
			if finite(v) {
				return true
			}
		}
	}
	return false
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
