package report

import (
	"math"
	"strings"

	"github.com/guptarohit/asciigraph"
	"github.com/uptake/uptake/textfit"
)

// chartSeries is one line of a chart: a value per column label (month or
// Mk), NaN where nothing is known.
type chartSeries struct {
	Name   string
	Values []float64
	Spread []bool // the value is spread from a longer figure
	Lower  []bool // the value is a lower bound (≥)
}

// timeAxis is a chart's time axis: a label per month (or Mk), and which
// of them are ticks when a tick falls every step months, so that the
// labels shown are regular (each quarter, each January) rather than
// whichever happen to fit.
type timeAxis struct {
	Labels []string
	Tick   func(i, step int) bool
	Marks  []axisMark // written in a line of their own under the labels: the events (events.go)
}

// tickSteps are the spacings a time axis may use, in months.
var tickSteps = []int{1, 3, 6, 12, 24, 60, 120, 240, 600, 1200}

// drawChart draws series over the axis within width columns and height
// rows, with the y-axis in installs on round values (0, 2.5M, 5M) and the
// axis's labels under the x-axis. It guards asciigraph, which panics on
// empty input and draws nothing useful for a flat or single-point series:
// a chart with no value at all becomes a one-line note instead.
func drawChart(series []chartSeries, axis timeAxis, width, height int, st Styles) string {
	return drawScaledChart(series, axis, ScaleLinear, width, height, st)
}

// drawScaledChart is drawChart on a scale: linear in installs, a log
// axis in installs (values of zero or less are left off, as a log axis
// cannot hold them; the views say how many), or linear in index points.
func drawScaledChart(series []chartSeries, axis timeAxis, scale Scale, width, height int, st Styles) string {
	if scale == ScaleLog {
		series = logSeries(series)
	}
	return drawChartOn(series, axis, func(height int) (float64, float64, int, float64, func(float64) string) {
		return yAxisOf(series, scale, height)
	}, width, height, st)
}

// yAxisPick chooses a chart's y-axis for at most height rows: its bounds,
// the rows it takes, the step between labelled rows, and how a labelled
// row reads.
type yAxisPick func(height int) (lower, upper float64, rows int, step float64, label func(float64) string)

// drawChartOn is drawChart with the y-axis ys picks.
func drawChartOn(series []chartSeries, axis timeAxis, ys yAxisPick, width, height int, st Styles) string {
	labels := axis.Labels
	if len(labels) == 0 || !anyValue(series) {
		return "(no figures to draw in this window)\n"
	}
	const yLabel = 7 // "  15.2M" — fixed so the x-axis can line up
	plotWidth := width - yLabel - 3
	if plotWidth < 4 {
		return "(too narrow to draw a chart)\n"
	}
	lower, upper, rows, step, tickLabel := ys(max(height, 2))
	n := len(labels)
	// Each month gets the same number of columns, so a month is a step of
	// the line and gaps stay gaps; past one column a month, asciigraph
	// interpolates to the width instead.
	per := max(plotWidth/n, 1)
	opts := []asciigraph.Option{
		asciigraph.Height(rows),
		asciigraph.LowerBound(lower),
		asciigraph.UpperBound(upper),
		asciigraph.Offset(3),
		asciigraph.YAxisValueFormatter(func(v float64) string {
			// Only the rows on a multiple of the step are labelled.
			if q := (v - lower) / step; math.Abs(q-math.Round(q)) > 1e-6 {
				return strings.Repeat(" ", yLabel-1)
			}
			return textfit.PadLeft(tickLabel(v), yLabel-1)
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
	b.WriteString(xAxis(axis, cols, per, yLabel+2))
	if per >= 2 {
		b.WriteString(spreadMarks(series, len(labels), per, yLabel+2))
	}
	b.WriteString(markLine(axis.Marks, len(labels), cols, per, yLabel+2))
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

// yScale picks the y-axis for values up to top in at most height rows:
// the top of the scale, the rows used, and the step between labelled
// rows, a round number of installs (1, 2, 2.5 or 5 times a power of ten).
// It takes the scale whose rows are worth least, so that the line uses
// as much of the chart as it can, with at least three labelled intervals
// where the height allows (then two, then one); of equal scales, the one
// with fewer labels, which leaves room between them.
func yScale(top float64, height int) (upper float64, rows int, step float64) {
	if top <= 0 {
		return 1, 1, 1 // a flat zero line still needs a scale
	}
	for minIntervals := 3; minIntervals >= 1; minIntervals-- {
		bestUnit := math.Inf(1)
		for exp := math.Floor(math.Log10(top / float64(height))); exp <= math.Ceil(math.Log10(top)); exp++ {
			for _, f := range []float64{1, 2, 2.5, 5} {
				l := f * math.Pow(10, exp)
				m := int(math.Ceil(top/l - 1e-9)) // labelled intervals
				if l < 1 || l != math.Round(l) || m < minIntervals || m > height {
					continue
				}
				per := height / m
				unit := l / float64(per)
				if unit < bestUnit*(1-1e-9) || unit < bestUnit*(1+1e-9) && per > rows/max(int(upper/step), 1) {
					bestUnit, upper, rows, step = unit, float64(m)*l, m*per, l
				}
			}
		}
		if rows > 0 {
			return upper, rows, step
		}
	}
	return top, height, top // too little height for any round step
}

// xAxis writes the axis's labels under the columns their months start,
// at the smallest regular step whose labels all fit apart; labels are
// counted in display width, so that one in wide characters stays under
// its month. If no step fits, it falls back to labels that do not run
// into the one before.
func xAxis(axis timeAxis, cols, per, pad int) string {
	labels := axis.Labels
	limit := pad + cols + 8 // labels may run a little past the plot, no further
	colOf := func(i int) int { return axisColumn(i, len(labels), cols, per, pad) }
	tick := func(int) bool { return true }
	if axis.Tick != nil {
		for _, step := range tickSteps {
			fits, count := true, 0
			end := -1
			for i, l := range labels {
				if !axis.Tick(i, step) {
					continue
				}
				col := colOf(i)
				if col <= end+1 || col+textfit.Width(l) > limit {
					fits = false
					break
				}
				end = col + textfit.Width(l)
				count++
			}
			if fits && count > 0 {
				tick = func(i int) bool { return axis.Tick(i, step) }
				break
			}
		}
	}
	var b strings.Builder
	end := -1 // the column after the last label written
	for i, l := range labels {
		if !tick(i) {
			continue
		}
		col := colOf(i)
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

// axisColumn is the column month i of n starts at, on a chart whose plot
// is cols columns wide at per columns a month, right of pad columns.
func axisColumn(i, n, cols, per, pad int) int {
	if per == 1 && n > cols {
		return pad + int(math.Round(float64(i)*float64(cols-1)/float64(max(n-1, 1))))
	}
	return pad + i*per
}

// spreadMarks writes ≈ under every month that some line spreads from a
// longer figure, so the chart says which of its steps are arithmetic,
// and ≥ under a month where some line is only a lower bound (a running
// total past a gap, a sum missing a part): the line's height there is
// the least it can be. ≥ wins a month that has both; the table under
// the chart gives every mark.
func spreadMarks(series []chartSeries, n, per, pad int) string {
	line := []rune(strings.Repeat(" ", pad+n*per))
	any := false
	for i := 0; i < n; i++ {
		for _, s := range series {
			if i < len(s.Lower) && s.Lower[i] {
				line[pad+i*per] = '≥'
				any = true
				break
			}
			if i < len(s.Spread) && s.Spread[i] {
				line[pad+i*per] = '≈'
				any = true
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
