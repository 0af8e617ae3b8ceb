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
	_, err := ExportLeaving(src, v, sel, format, width, w)
	return err
}

// ExportLeaving is Export, and returns the view's warnings the export
// leaves out: a CSV file is the view's table, one row a number, and its
// warnings name two numbers and their sources, so they are not in it;
// the text and Markdown exports, and pictures' notes, carry them.
func ExportLeaving(src Source, v View, sel Selection, format string, width int, w io.Writer) (left []string, err error) {
	if v.Name == DataViewName && format == FormatCSV {
		return nil, exportDataCSV(src, w)
	}
	if IsPicture(format) && !v.Pictured {
		return nil, fmt.Errorf("the %s view draws no chart, so it has no %s picture (pictures are of %s; export it as text, markdown or csv)", v.Name, format, picturedViews())
	}
	data, err := v.Load(src, sel)
	if err != nil {
		return nil, err
	}
	if err := data.Empty(); err != nil {
		return nil, err
	}
	if sel.Ranking, err = src.Ranking(); err != nil {
		return nil, err
	}
	d := data.Layout(width, 0, PlainStyles())
	var out string
	switch format {
	case FormatSVG, FormatPNG:
		pic, err := writePicture(d, v, format)
		if err != nil {
			return nil, err
		}
		_, err = w.Write(pic)
		return nil, err
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
		left = data.Warnings()
	default:
		return nil, fmt.Errorf("%s is not an export format (expected text, markdown, csv, svg or png)", figures.Quote(format))
	}
	_, err = io.WriteString(w, out)
	return left, err
}

// LeftOutNote says that an export left warnings out, for the user who
// made it (on standard error before the warnings, or the dashboard's
// status line under the view that shows them).
func LeftOutNote(left []string) string {
	if len(left) == 0 {
		return ""
	}
	return fmt.Sprintf("the CSV file holds the numbers and their marks, not the %s about them (the text and Markdown exports hold them)",
		figures.CountText(len(left), "warnings"))
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
	// The launches, so that the file imports again whole. A damaged file
	// whose launches cannot be read still gives its figures, and says so.
	launches, lerr := src.Launches("")
	for _, l := range launches {
		if cw.Write(launchCSVRow(row, l)) != nil {
			break
		}
	}
	if err == nil {
		err = lerr
	}
	// The events, likewise, under the same header: from a damaged file,
	// every event that is sound.
	var events []figures.Event
	var eerr error
	if se, ok := src.(soundEventer); ok {
		events, eerr = se.SoundEvents()
	} else {
		events, eerr = src.Events()
	}
	for _, e := range events {
		if cw.Write(eventCSVRow(row, e)) != nil {
			break
		}
	}
	err = joinPartial(err, eerr)
	// The user's groups, a row per member, so that they import again too.
	var groups []figures.Group
	var gerr error
	if sg, ok := src.(soundGrouper); ok {
		groups, gerr = sg.SoundGroups()
	} else {
		groups, gerr = src.Groups()
	}
	for _, g := range groups {
		for _, m := range g.Members {
			if cw.Write(groupCSVRow(row, g, m)) != nil {
				break
			}
		}
	}
	err = joinPartial(err, gerr)
	if n+len(launches)+len(events)+len(groups) == 0 && err == nil {
		// Nothing but the header, still in the buffer: nothing is written.
		return fmt.Errorf("%w: the database holds no figures", ErrNothingToShow)
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

// soundGrouper is a Source that can give a damaged file's groups, or an
// error naming them as left out, as *store.Reader does.
type soundGrouper interface {
	SoundGroups() ([]figures.Group, error)
}

// soundEventer is a Source that can give every sound event of a damaged
// file, as *store.Reader does, with an error naming what it left out.
type soundEventer interface {
	SoundEvents() ([]figures.Event, error)
}

// joinPartial keeps the first error of an export; when both say what a
// salvage left out (a *store.PartialError, which report asks for by its
// method), the first lists the second's records too, so that no record
// left out goes unnamed.
func joinPartial(first, second error) error {
	if first == nil {
		return second
	}
	if a, ok := first.(interface{ AddLeft(other error) bool }); ok && second != nil {
		a.AddLeft(second)
	}
	return first
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

// Extension is the file name ending a format is written with.
func Extension(format string) string {
	switch format {
	case FormatMarkdown:
		return ".md"
	case FormatCSV:
		return ".csv"
	case FormatSVG:
		return ".svg"
	case FormatPNG:
		return ".png"
	}
	return ".txt"
}

// FreeExportName returns a path in dir for an export of v in a format
// that no file has yet: uptake-VIEW-YYYYMMDD-HHMMSS.EXT, or -2, -3 after
// it when that is taken.
func FreeExportName(dir string, v View, format string, now time.Time) string {
	base := filepath.Join(dir, fmt.Sprintf("uptake-%s-%s", v.Name, now.Format("20060102-150405")))
	path := base + Extension(format)
	for i := 2; i < 1000; i++ {
		if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
			break
		}
		path = fmt.Sprintf("%s-%d%s", base, i, Extension(format))
	}
	return path
}

// ErrExportExists: the file an export was to go to is there already.
var ErrExportExists = errors.New("a file of that name is there already")

// ExportToFile writes view v of the selection in a format to a new file
// at path and returns the path made absolute, and the warnings the export
// left out (ExportLeaving). It never overwrites: a file already there is
// ErrExportExists, and nothing is written. The export is made before the
// file, so that a failed one leaves no empty file behind.
func ExportToFile(src Source, v View, sel Selection, format string, width int, path string) (_ string, left []string, err error) {
	var b strings.Builder
	if left, err = ExportLeaving(src, v, sel, format, width, &b); err != nil {
		return "", nil, err
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	switch {
	case errors.Is(err, os.ErrExist):
		return "", nil, fmt.Errorf("%s: %w (choose another name)", path, ErrExportExists)
	case errors.Is(err, os.ErrNotExist):
		return "", nil, fmt.Errorf("%s: the folder %s does not exist (choose a folder that does)", path, filepath.Dir(path))
	case err != nil:
		return "", nil, fmt.Errorf("cannot write the export: %w (choose a folder you can write to)", err)
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		os.Remove(path)
		return "", nil, fmt.Errorf("writing the export %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", nil, fmt.Errorf("writing the export %s: %w", path, err)
	}
	return path, left, nil
}
