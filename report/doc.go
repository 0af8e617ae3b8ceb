package report

import (
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/picture"
	"github.com/uptake/uptake/textfit"
)

// A Doc is what a view renders before it becomes text: paragraphs, charts
// and tables. The dashboard and every export format come from the same
// doc, so what is pasted into a report is what was on screen.
type Doc struct {
	blocks []block
	csv    [][]string // the view's table with raw numbers, header first
	notes  []string   // marks and warnings, under the view
	used   []sourceUse
	pic    *picture.Chart // the chart as a picture draws it; nil for a view without one
}

type blockKind int

const (
	paraBlock  blockKind = iota // one or more lines of text
	chartBlock                  // preformatted; fenced in Markdown
	tableBlock
)

type block struct {
	kind  blockKind
	text  string
	table *grid
}

func (d *Doc) para(lines ...string) {
	d.blocks = append(d.blocks, block{kind: paraBlock, text: strings.Join(lines, "\n")})
}

func (d *Doc) chart(text string) {
	d.blocks = append(d.blocks, block{kind: chartBlock, text: strings.TrimRight(text, "\n")})
}

func (d *Doc) addTable(t *grid) { d.blocks = append(d.blocks, block{kind: tableBlock, table: t}) }

// Text writes the doc as the dashboard draws it, every line cut to width.
func (d *Doc) Text(width int, st Styles) string {
	var b strings.Builder
	for i, bl := range d.blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch bl.kind {
		case tableBlock:
			b.WriteString(bl.table.text(width, st))
		case paraBlock:
			for _, line := range strings.Split(bl.text, "\n") {
				for _, w := range textfit.Wrap(line, width) {
					b.WriteString(w)
					b.WriteByte('\n')
				}
			}
		default:
			for _, line := range strings.Split(bl.text, "\n") {
				b.WriteString(textfit.Cut(line, width))
				b.WriteByte('\n')
			}
		}
	}
	if len(d.notes) > 0 {
		b.WriteByte('\n')
		for _, n := range d.notes {
			for _, line := range textfit.Wrap(figures.Sanitize(n), width) {
				b.WriteString(st.Render(st.Muted, line))
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// grid is a table of cells with a header; numbers align right.
type grid struct {
	header []string
	rows   [][]string
	right  []bool // right-align this column
	styles []int  // per row: the app colour to draw the first cell in, or -1
	// floor is, per column, the narrowest it may become (0 or missing:
	// as the rules below allow): a table too wide for it is split rather
	// than cut there.
	floor []int
	// group marks columns that belong together (an app's share and its
	// installs): a table split to fit keeps each group in one part. 0 or
	// missing: a group of its own.
	group []int
}

// floorOf is column i's floor.
func (t *grid) floorOf(i int) int {
	if i < len(t.floor) {
		return t.floor[i]
	}
	return 0
}

// widths fits the columns into width, narrowing the widest text column
// first; numbers are never cut.
func (t *grid) widths(width int) []int {
	w := make([]int, len(t.header))
	cells := make([]int, len(t.header)) // the widest cell, header aside
	for _, r := range t.rows {
		for i, c := range r {
			if i < len(w) {
				cells[i] = max(cells[i], textfit.Width(figures.Sanitize(c)))
			}
		}
	}
	for i, h := range t.header {
		w[i] = max(cells[i], textfit.Width(h))
	}
	total := func() int {
		n := 0
		for _, x := range w {
			n += x
		}
		return n + 2*(len(w)-1)
	}
	// Narrow the widest text column first, down to its header (or ten
	// columns); then cut headers that overhang short figures (long app
	// names over numbers); then narrow text further. Numbers are never cut.
	narrowText := func(floor func(i int) int) {
		at := func(i int) int { return max(floor(i), t.floorOf(i)) }
		for total() > width {
			widest := -1
			for i := range w {
				if !t.right[i] && w[i] > at(i) && (widest < 0 || w[i] > w[widest]) {
					widest = i
				}
			}
			if widest < 0 {
				return
			}
			w[widest] -= min(w[widest]-at(widest), total()-width)
		}
	}
	narrowText(func(i int) int { return max(textfit.Width(t.header[i]), 10) })
	for total() > width {
		most, over := -1, 0
		for i := range w {
			if o := w[i] - max(cells[i], 4, t.floorOf(i)); o > over {
				most, over = i, o
			}
		}
		if most < 0 {
			break
		}
		w[most]--
	}
	narrowText(func(int) int { return 4 })
	return w
}

// text writes the table within width. A table too wide to fit even with
// its text narrowed is written as several, each with the first column
// and as many of the others as fit, so that no number is ever cut.
func (t *grid) text(width int, st Styles) string {
	parts := t.split(width)
	if len(parts) == 1 {
		return t.textFit(width, st)
	}
	var out []string
	for _, p := range parts {
		out = append(out, p.textFit(width, st))
	}
	return strings.Join(out, "\n")
}

// split cuts a table too wide for width into tables of its first column
// and the others that fit beside it; a table that fits is itself.
func (t *grid) split(width int) []*grid {
	w := t.widths(width)
	total := 0
	for _, x := range w {
		total += x + 2
	}
	if total-2 <= width || len(w) < 3 {
		return []*grid{t}
	}
	var parts []*grid
	for i := 1; i < len(w); {
		cols := []int{0}
		used := w[0]
		for i < len(w) {
			// A group of columns goes into a part whole.
			j, need := i, 2+w[i]
			for j+1 < len(w) && t.groupOf(j+1) != 0 && t.groupOf(j+1) == t.groupOf(i) {
				j++
				need += 2 + w[j]
			}
			if len(cols) > 1 && used+need > width {
				break
			}
			for ; i <= j; i++ {
				cols = append(cols, i)
			}
			used += need
		}
		parts = append(parts, t.columns(cols))
	}
	return parts
}

// groupOf is column i's group: 0, a group of its own.
func (t *grid) groupOf(i int) int {
	if i < len(t.group) {
		return t.group[i]
	}
	return 0
}

// columns is the table of some of t's columns.
func (t *grid) columns(cols []int) *grid {
	pick := func(cells []string) []string {
		out := make([]string, len(cols))
		for k, c := range cols {
			if c < len(cells) {
				out[k] = cells[c]
			}
		}
		return out
	}
	g := &grid{header: pick(t.header), styles: t.styles}
	for _, c := range cols {
		g.right = append(g.right, c < len(t.right) && t.right[c])
		g.floor = append(g.floor, t.floorOf(c))
		g.group = append(g.group, t.groupOf(c))
	}
	for _, r := range t.rows {
		g.rows = append(g.rows, pick(r))
	}
	return g
}

func (t *grid) textFit(width int, st Styles) string {
	w := t.widths(width)
	var b strings.Builder
	line := func(cells []string, style int, header bool) {
		var l strings.Builder
		for i := range w {
			c := ""
			if i < len(cells) {
				c = textfit.Cut(figures.Sanitize(cells[i]), w[i])
			}
			if t.right[i] {
				c = textfit.PadLeft(c, w[i])
			} else if i < len(w)-1 {
				c = textfit.PadRight(c, w[i])
			}
			if i == 0 && style >= 0 {
				c = st.Render(st.AppStyle(style), c)
			}
			if i > 0 {
				l.WriteString("  ")
			}
			l.WriteString(c)
		}
		s := strings.TrimRight(l.String(), " ")
		if header {
			s = st.Render(st.Title, s)
		}
		b.WriteString(textfit.Cut(s, width))
		b.WriteByte('\n')
	}
	// A header wider than its column wraps onto more rows (at most
	// three) rather than being cut: "Spotify Music / and Podcasts".
	heads := make([][]string, len(w))
	rows := 1
	for i := range w {
		if i < len(t.header) {
			heads[i] = wrapHeader(figures.Sanitize(t.header[i]), w[i], 3)
			rows = max(rows, len(heads[i]))
		}
	}
	for r := range rows {
		cells := make([]string, len(w))
		for i, h := range heads {
			// Bottom-aligned, so that the last row of every header sits
			// over the figures.
			if k := r - (rows - len(h)); k >= 0 {
				cells[i] = h[k]
			}
		}
		line(cells, -1, true)
	}
	for i, r := range t.rows {
		style := -1
		if i < len(t.styles) {
			style = t.styles[i]
		}
		line(r, style, false)
	}
	return b.String()
}

// wrapHeader breaks a header into lines of at most width columns at
// spaces, a word longer than width cut hard; past maxLines the last line
// is cut and ends in "…".
func wrapHeader(h string, width, maxLines int) []string {
	if textfit.Width(h) <= width || width < 1 {
		return []string{h}
	}
	var lines []string
	cur := ""
	for _, word := range strings.Fields(h) {
		switch {
		case cur == "":
			cur = word
		case textfit.Width(cur)+1+textfit.Width(word) <= width:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
		for textfit.Width(cur) > width { // a word longer than the column
			head := textfit.Cut(cur, width)
			head = strings.TrimSuffix(head, "…")
			if head == "" {
				break
			}
			lines = append(lines, head)
			cur = strings.TrimPrefix(cur, head)
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if len(lines) > maxLines {
		last := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], textfit.Cut(last, width))
	}
	return lines
}

// Markdown writes the doc with tables as Markdown tables and charts in a
// fenced block.
func (d *Doc) Markdown() string {
	var b strings.Builder
	for i, bl := range d.blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		switch bl.kind {
		case paraBlock:
			// Each line its own paragraph: Markdown would join them.
			for j, l := range strings.Split(bl.text, "\n") {
				if j > 0 {
					b.WriteByte('\n')
				}
				if i == 0 && j == 0 {
					l = "## " + l
				}
				b.WriteString(mdEscape(l) + "\n")
			}
		case chartBlock:
			b.WriteString("```\n" + bl.text + "\n```\n")
		case tableBlock:
			t := bl.table
			b.WriteString("| " + strings.Join(mdCells(t.header), " | ") + " |\n|")
			for i := range t.header {
				if t.right[i] {
					b.WriteString(" ---: |")
				} else {
					b.WriteString(" --- |")
				}
			}
			b.WriteByte('\n')
			for _, r := range t.rows {
				b.WriteString("| " + strings.Join(mdCells(r), " | ") + " |\n")
			}
		}
	}
	if len(d.notes) > 0 {
		b.WriteByte('\n')
		for _, n := range d.notes {
			b.WriteString("- " + mdEscape(n) + "\n")
		}
	}
	return b.String()
}

func mdCells(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = strings.ReplaceAll(mdEscape(c), "|", `\|`)
	}
	return out
}

// mdEscape keeps data from turning into Markdown markup or HTML.
func mdEscape(s string) string {
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "`", "\\`")
	return r.Replace(figures.Sanitize(s))
}
