package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// dataView: every figure in a table.
func dataView() View {
	return View{
		Name: DataViewName, Title: "Data",
		Load:  func(src Source, _ Selection) (Data, error) { return LoadData(src) },
		Label: func(Selection) string { return "every figure" },
		Mode:  noMode,
	}
}

// DataViewName names the Data view, which the dashboard draws as a table
// of its own (a million rows are paged, sorted and filtered there).
const DataViewName = "data"

// Layout lays out every figure as a table.
func (d DataRows) Layout(width, _ int, st Styles) *Doc { return renderData(d, width, st) }

// Warnings: a list of figures warns of nothing.
func (d DataRows) Warnings() []string { return nil }

// Empty says why there is nothing to show.
func (d DataRows) Empty() error {
	if len(d.Figures) == 0 && len(d.Events) == 0 && len(d.Groups) == 0 {
		return fmt.Errorf("%w: the database holds no figures", ErrNothingToShow)
	}
	return nil
}

// DataRows is what the Data view lists, for export: every figure. (The
// dashboard's Data view reads them packed, a screenful at a time.)
type DataRows struct {
	Figures []figures.Figure
	Events  []figures.Event
	Groups  []figures.Group // the user's groups of countries
}

// LoadData reads every figure, in key order, every event and the user's
// groups.
func LoadData(src Source) (DataRows, error) {
	var d DataRows
	err := src.EachFigure(func(f figures.Figure) bool {
		d.Figures = append(d.Figures, f)
		return true
	})
	if err != nil {
		return d, err
	}
	if d.Events, err = src.Events(); err != nil {
		return d, err
	}
	d.Groups, err = src.Groups()
	return d, err
}

// DataHeader names the Data view's columns, in order.
func DataHeader() []string {
	return []string{"App", "Country", "Platform", "From", "To", "Installs", "Est", "Source", "Note"}
}

// DataCells writes one figure as the Data view's cells.
func DataCells(f figures.Figure) []string {
	est := ""
	if f.Estimate {
		est = figures.MarkEstimate
	}
	// The mark rides with the number too, so that a narrow table that
	// drops the Est column still shows it.
	return []string{figures.Sanitize(f.App), figures.Sanitize(f.Country), f.Platform.String(), f.From.String(), f.To.String(),
		figures.FormatInstalls(float64(f.Installs)) + est, est, figures.Sanitize(f.Source), figures.Sanitize(f.Note)}
}

// dataCSVHeader names the columns of the data view's CSV: the canonical
// import format, so that an export can be imported again.
// Launches follow the figures in the same file, as rows that give only
// app, country and launched; events follow the launches, as rows that
// give app (empty for every app), country, from (the month), source,
// note and event (the text); the user's groups come last, a row per
// member giving only country and group. One header, so the file is one
// table and imports whole.
var dataCSVHeader = []string{"app", "country", "platform", "from", "to", "installs", "source", "note", "estimate", "changed", "launched", "event", "group"}

// dataCSVRow fills row with one figure's CSV fields, sanitised.
func dataCSVRow(row []string, f figures.Figure) []string {
	// The country comes from the storage key, which a damaged or foreign
	// file can fill with anything: it is sanitised like the text.
	row[0], row[1], row[2], row[3], row[4] = figures.Sanitize(f.App), figures.Sanitize(f.Country), f.Platform.String(), f.From.String(), f.To.String()
	row[5], row[6], row[7] = strconv.FormatInt(f.Installs, 10), figures.Sanitize(f.Source), figures.Sanitize(f.Note)
	row[8], row[9], row[10], row[11], row[12] = figures.YesNo(f.Estimate), f.Changed.UTC().Format("2006-01-02T15:04:05Z"), "", "", ""
	return row
}

// groupCSVRow fills row with one member of a group, sanitised.
func groupCSVRow(row []string, g figures.Group, member string) []string {
	clear(row)
	row[1], row[12] = figures.Sanitize(member), figures.Sanitize(g.Name)
	return row
}

// eventCSVRow fills row with one event's CSV fields, sanitised.
func eventCSVRow(row []string, e figures.Event) []string {
	clear(row)
	row[0], row[1], row[3] = figures.Sanitize(e.App), figures.Sanitize(e.Country), e.Month.String()
	row[6], row[7], row[11] = figures.Sanitize(e.Source), figures.Sanitize(e.Note), figures.Sanitize(e.Text)
	if !e.Changed.IsZero() {
		row[9] = e.Changed.UTC().Format("2006-01-02T15:04:05Z")
	}
	return row
}

// launchCSVRow fills row with one launch's CSV fields, sanitised.
func launchCSVRow(row []string, l figures.Launch) []string {
	clear(row)
	row[0], row[1], row[10] = figures.Sanitize(l.App), figures.Sanitize(l.Country), l.Month.String()
	return row
}

// renderData lays out every figure as a table, for export.
func renderData(d DataRows, width int, st Styles) *Doc {
	out := &Doc{}
	out.para(st.Render(st.Title, fmt.Sprintf("Figures · %d in all", len(d.Figures))))
	t := &grid{header: DataHeader(), right: []bool{false, false, false, false, false, true, false, false, false}}
	out.csv = [][]string{dataCSVHeader}
	for _, f := range d.Figures {
		t.rows = append(t.rows, DataCells(f))
		out.csv = append(out.csv, dataCSVRow(make([]string, len(dataCSVHeader)), f))
	}
	out.addTable(t)
	if len(d.Events) > 0 {
		out.para(st.Render(st.Title, fmt.Sprintf("Events · %d in all", len(d.Events))))
		et := &grid{header: []string{"Month", "Country", "App", "Event", "Source", "Note"}, right: make([]bool, 6)}
		for _, e := range d.Events {
			et.rows = append(et.rows, []string{e.Month.String(), figures.Sanitize(e.Country), e.AppLabel(), figures.Sanitize(e.Text), figures.Sanitize(e.Source), figures.Sanitize(e.Note)})
			out.csv = append(out.csv, eventCSVRow(make([]string, len(dataCSVHeader)), e))
		}
		out.addTable(et)
	}
	if len(d.Groups) > 0 {
		out.para(st.Render(st.Title, fmt.Sprintf("Groups of countries · %d in all", len(d.Groups))))
		gt := &grid{header: []string{"Group", "Members"}, right: make([]bool, 2)}
		for _, g := range d.Groups {
			gt.rows = append(gt.rows, []string{figures.Sanitize(g.Name), strings.Join(g.Members, ", ")})
			for _, m := range g.Members {
				out.csv = append(out.csv, groupCSVRow(make([]string, len(dataCSVHeader)), g, m))
			}
		}
		out.addTable(gt)
	}
	out.used = sourcesOf(d.Figures)
	out.notes = []string{"* estimate (derived from a share, or a guess). Installs are shown rounded; the CSV export gives them whole."}
	return out
}
