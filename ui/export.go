package ui

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// ErrNothingToShow: the selection has no figures to export.
var ErrNothingToShow = errors.New("nothing to show")

// Export formats.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatCSV      = "csv"
)

// exportChartHeight is the chart's height in exports, which have no
// terminal to fit.
const exportChartHeight = 12

// Export writes view v of the selection in a format, the same renderers as
// the dashboard at that width, with no colour. The same data and
// arguments give the same bytes.
func Export(src Source, v View, sel Selection, format string, width int, w io.Writer) error {
	if v == DataView && format == FormatCSV {
		return exportDataCSV(src, w)
	}
	d, err := exportDoc(src, v, sel, width)
	if err != nil {
		return err
	}
	var out string
	switch format {
	case FormatText, "":
		out = d.text(width, PlainStyles()) + footerText(d, v, sel, width)
	case FormatMarkdown:
		out = d.markdown() + footerMarkdown(d, v, sel)
	case FormatCSV:
		var b strings.Builder
		cw := csv.NewWriter(&b)
		for _, row := range d.csv {
			clean := make([]string, len(row))
			for i, c := range row {
				clean[i] = figures.Sanitize(c)
			}
			cw.Write(clean)
		}
		cw.Flush()
		out = b.String()
	default:
		return fmt.Errorf("%q is not an export format (expected text, markdown or csv)", format)
	}
	_, err = io.WriteString(w, out)
	return err
}

// soundWalker is a Source that can give every sound figure of a damaged
// file, as *store.Reader does.
type soundWalker interface {
	EachSoundFigure(fn func(figures.Figure) bool, damaged func(string)) error
	Path() string
}

// exportDataCSV streams every figure as CSV, one series at a time, so
// that a million figures need no more memory than one series. From a
// damaged file it gives every figure that is sound and then a
// *store.PartialError naming what it left out: this is the way to save
// what a damaged file still holds.
func exportDataCSV(src Source, w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	cw := csv.NewWriter(bw)
	cw.Write(dataCSVHeader)
	n := 0
	row := make([]string, len(dataCSVHeader))
	each := func(f figures.Figure) bool {
		n++
		dataCSVRow(row, f)
		return cw.Write(row) == nil
	}
	var left []string
	var err error
	if sw, ok := src.(soundWalker); ok {
		err = sw.EachSoundFigure(each, func(what string) { left = append(left, what) })
	} else {
		err = src.EachFigure(each)
	}
	if err != nil {
		return err
	}
	if n == 0 && len(left) == 0 {
		return fmt.Errorf("%w: the database holds no figures", ErrNothingToShow)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if len(left) > 0 {
		return &store.PartialError{Path: src.(soundWalker).Path(), Left: left}
	}
	return nil
}

// exportDoc loads and lays out a view for export, or says there is
// nothing to show.
func exportDoc(src Source, v View, sel Selection, width int) (*doc, error) {
	nothing := fmt.Errorf("%w: no figures for %s", ErrNothingToShow, sel.Label())
	switch v {
	case CurvesView:
		d, err := LoadCurves(src, sel)
		if err != nil {
			return nil, err
		}
		if d.From == 0 || !curvesHaveValue(d) {
			return nil, nothing
		}
		return renderCurves(d, width, exportChartHeight, PlainStyles()), nil
	case CountriesView:
		d, err := LoadCountries(src, sel)
		if err != nil {
			return nil, err
		}
		if len(d.Rows) == 0 {
			return nil, fmt.Errorf("%w: no country figures for %s in %s (figures for worldwide alone do not split by country)", ErrNothingToShow, firstApp(sel), sel.WindowLabel())
		}
		return renderCountries(d, width, PlainStyles()), nil
	case CompareView:
		d, err := LoadCompare(src, sel)
		if err != nil {
			return nil, err
		}
		if d.From == 0 {
			return nil, nothing
		}
		return renderCompare(d, width, exportChartHeight, PlainStyles()), nil
	case DataView:
		d, err := LoadData(src)
		if err != nil {
			return nil, err
		}
		if len(d.Figures) == 0 {
			return nil, fmt.Errorf("%w: the database holds no figures", ErrNothingToShow)
		}
		return renderData(d, width, PlainStyles()), nil
	}
	return nil, fmt.Errorf("unknown view %v", v)
}

func curvesHaveValue(d CurvesData) bool {
	for _, a := range d.Apps {
		for _, p := range a.Monthly.Points {
			if p.Kind != figures.Gap && !math.IsNaN(p.Value) {
				return true
			}
		}
	}
	return false
}

func firstApp(sel Selection) string {
	if len(sel.Apps) == 0 {
		return "no app"
	}
	return figures.Sanitize(sel.Apps[0])
}

// footerLines names the selection and the sources behind the figures.
func footerLines(d *doc, v View, sel Selection) (head []string, sources []string) {
	mode := ""
	switch {
	case v == CompareView && sel.SinceLaunch:
		mode = " · since launch"
	case v == CurvesView && sel.Cumulative:
		mode = " · cumulative"
	}
	label := sel.Label()
	if v == CountriesView && len(sel.Apps) > 0 {
		label = figures.Sanitize(sel.Apps[0]) + " · every country · " + sel.WindowLabel()
	}
	if v == DataView {
		label = "every figure"
	}
	head = []string{"View: " + v.Title() + mode, "Selection: " + label}
	for _, u := range d.used {
		sources = append(sources, u.Source+": "+strings.Join(u.Figures, "; "))
	}
	return head, sources
}

func footerText(d *doc, v View, sel Selection, width int) string {
	head, sources := footerLines(d, v, sel)
	var b strings.Builder
	b.WriteString("\n" + strings.Repeat("─", min(width, 40)) + "\n")
	for _, l := range head {
		for _, w := range wrap(l, width) {
			b.WriteString(w + "\n")
		}
	}
	if len(sources) > 0 {
		b.WriteString("Sources:\n")
		for _, s := range sources {
			for _, w := range wrap("- "+s, width) {
				b.WriteString(w + "\n")
			}
		}
	}
	return b.String()
}

func footerMarkdown(d *doc, v View, sel Selection) string {
	head, sources := footerLines(d, v, sel)
	var b strings.Builder
	b.WriteString("\n")
	for _, l := range head {
		b.WriteString("- " + mdEscape(l) + "\n")
	}
	for _, s := range sources {
		b.WriteString("- Source: " + mdEscape(s) + "\n")
	}
	return b.String()
}

// markdown writes the doc with tables as Markdown tables and charts in a
// fenced block.
func (d *doc) markdown() string {
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

// exportCmd writes the text export of the view on screen, at the
// terminal's width, to a new file; it never overwrites one.
func (m Model) exportCmd() tea.Cmd {
	src, v, sel, width := m.cfg.Store, m.view, m.sel, m.width
	dir, now := m.cfg.ExportDir, m.cfg.Now()
	return func() tea.Msg {
		path, err := ExportToNewFile(src, v, sel, width, dir, now)
		return exportedMsg{path, err}
	}
}

// ExportToNewFile writes the text export of a view to a file named for
// the view and the time in dir, adding -2, -3… rather than overwrite.
func ExportToNewFile(src Source, v View, sel Selection, width int, dir string, now time.Time) (string, error) {
	var b strings.Builder
	if err := Export(src, v, sel, FormatText, width, &b); err != nil {
		return "", err
	}
	base := fmt.Sprintf("uptake-%s-%s", v, now.Format("20060102-150405"))
	for i := 1; i < 1000; i++ {
		name := base + ".txt"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.txt", base, i)
		}
		path := filepath.Join(dir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("cannot write the export: %w (run uptake from a folder you can write to)", err)
		}
		if _, err := f.WriteString(b.String()); err != nil {
			f.Close()
			os.Remove(path)
			return "", fmt.Errorf("writing the export %s: %w", path, err)
		}
		if err := f.Close(); err != nil {
			return "", fmt.Errorf("writing the export %s: %w", path, err)
		}
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		return path, nil
	}
	return "", fmt.Errorf("cannot find a free file name for the export in %s", dir)
}

// StartSelection fills what the selection leaves open the way the
// dashboard's first screen does, so that -export without -app shows what
// the dashboard would.
func StartSelection(s Store, sel Selection) (Selection, View, error) {
	msg := startMsg{sel: sel}
	err := s.Read(func(r *store.Reader) error {
		apps, err := r.Apps()
		if err != nil {
			return err
		}
		if len(apps) == 0 {
			return fmt.Errorf("%w: the database holds no figures (load some with -seed or -import)", ErrNothingToShow)
		}
		msg, err = startFrom(r, apps, sel)
		return err
	})
	return msg.sel, msg.view, err
}
