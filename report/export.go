package report

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/textfit"
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
	if v.Name == DataViewName && format == FormatCSV {
		return exportDataCSV(src, w)
	}
	data, err := v.Load(src, sel)
	if err != nil {
		return err
	}
	if err := data.Empty(); err != nil {
		return err
	}
	if sel.Ranking, err = src.Ranking(); err != nil {
		return err
	}
	d := data.Layout(width, 0, PlainStyles())
	var out string
	switch format {
	case FormatText, "":
		out = d.Text(width, PlainStyles()) + footerText(d, v, sel, width)
	case FormatMarkdown:
		out = d.Markdown() + footerMarkdown(d, v, sel)
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
		return fmt.Errorf("%s is not an export format (expected text, markdown or csv)", figures.Quote(format))
	}
	_, err = io.WriteString(w, out)
	return err
}

// soundWalker is a Source that can give every sound figure of a damaged
// file, as *store.Reader does, returning an error that names what it left
// out.
type soundWalker interface {
	EachSoundFigure(fn func(figures.Figure) bool) error
}

// exportDataCSV streams every figure as CSV, one series at a time, so
// that a million figures need no more memory than one series. From a
// damaged file it gives every figure that is sound, then the walk's error
// naming what it left out: this is the way to save what a damaged file
// still holds.
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
	var err error
	if sw, ok := src.(soundWalker); ok {
		err = sw.EachSoundFigure(each)
	} else {
		err = src.EachFigure(each)
	}
	if n == 0 && err == nil {
		return fmt.Errorf("%w: the database holds no figures", ErrNothingToShow)
	}
	// The launches, so that the file imports again whole. A damaged file
	// whose launches cannot be read still gives its figures, and says so.
	if launches, lerr := src.Launches(""); lerr == nil {
		for _, l := range launches {
			if cw.Write(launchCSVRow(row, l)) != nil {
				break
			}
		}
	} else if err == nil {
		err = lerr
	}
	cw.Flush()
	if cerr := cw.Error(); cerr != nil {
		return cerr
	}
	if ferr := bw.Flush(); ferr != nil {
		return ferr
	}
	return err
}

func firstApp(sel Selection) string {
	if len(sel.Apps) == 0 {
		return "no app"
	}
	return figures.Sanitize(sel.Apps[0])
}

// footerLines names the view, the selection and the sources behind the
// figures.
func footerLines(d *Doc, v View, sel Selection) (head []string, sources []string) {
	view := "View: " + v.Title
	if m := v.Mode(sel); m != "" {
		view += " · " + m
	}
	head = []string{view, "Selection: " + v.Label(sel)}
	if len(sel.Ranking) > 0 {
		names := make([]string, len(sel.Ranking))
		for i, r := range sel.Ranking {
			names[i] = figures.Sanitize(r)
		}
		head = append(head, "Sources ranked: "+strings.Join(names, " > ")+", then the default order")
	}
	for _, u := range d.used {
		sources = append(sources, u.Source+": "+strings.Join(u.Figures, "; "))
	}
	return head, sources
}

func footerText(d *Doc, v View, sel Selection, width int) string {
	head, sources := footerLines(d, v, sel)
	var b strings.Builder
	b.WriteString("\n" + strings.Repeat("─", min(width, 40)) + "\n")
	for _, l := range head {
		for _, w := range textfit.Wrap(l, width) {
			b.WriteString(w + "\n")
		}
	}
	if len(sources) > 0 {
		b.WriteString("Sources:\n")
		for _, s := range sources {
			for _, w := range textfit.Wrap("- "+s, width) {
				b.WriteString(w + "\n")
			}
		}
	}
	return b.String()
}

func footerMarkdown(d *Doc, v View, sel Selection) string {
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

// ExportToNewFile writes the text export of a view to a file named for
// the view and the time in dir, adding -2, -3… rather than overwrite.
func ExportToNewFile(src Source, v View, sel Selection, width int, dir string, now time.Time) (string, error) {
	var b strings.Builder
	if err := Export(src, v, sel, FormatText, width, &b); err != nil {
		return "", err
	}
	base := fmt.Sprintf("uptake-%s-%s", v.Name, now.Format("20060102-150405"))
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
