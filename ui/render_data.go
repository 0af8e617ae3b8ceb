package ui

import (
	"fmt"
	"strconv"

	"github.com/uptake/uptake/figures"
)

// dataHeader names the Data view's columns, in order.
var dataHeader = []string{"App", "Country", "From", "To", "Installs", "Est", "Source", "Note"}

// dataCells writes one figure as the Data view's cells.
func dataCells(f figures.Figure) []string {
	est := ""
	if f.Estimate {
		est = markEstimate
	}
	return []string{figures.Sanitize(f.App), figures.Sanitize(f.Country), f.From.String(), f.To.String(),
		figures.FormatInstalls(float64(f.Installs)), est, figures.Sanitize(f.Source), figures.Sanitize(f.Note)}
}

// dataCSVHeader names the columns of the data view's CSV: the canonical
// import format, so that an export can be imported again.
var dataCSVHeader = []string{"app", "country", "from", "to", "installs", "source", "note", "estimate", "changed"}

// dataCSVRow fills row with one figure's CSV fields, sanitised.
func dataCSVRow(row []string, f figures.Figure) []string {
	// The country comes from the storage key, which a damaged or foreign
	// file can fill with anything: it is sanitised like the text.
	row[0], row[1], row[2], row[3] = figures.Sanitize(f.App), figures.Sanitize(f.Country), f.From.String(), f.To.String()
	row[4], row[5], row[6] = strconv.FormatInt(f.Installs, 10), figures.Sanitize(f.Source), figures.Sanitize(f.Note)
	row[7], row[8] = yesNo(f.Estimate), f.Changed.UTC().Format("2006-01-02T15:04:05Z")
	return row
}

// renderData lays out every figure as a table, for export.
func renderData(d DataRows, width int, st Styles) *doc {
	out := &doc{}
	out.para(st.render(st.Title, fmt.Sprintf("Figures · %d in all", len(d.Figures))))
	t := &grid{header: dataHeader, right: []bool{false, false, false, false, true, false, false, false}}
	out.csv = [][]string{dataCSVHeader}
	for _, f := range d.Figures {
		t.rows = append(t.rows, dataCells(f))
		out.csv = append(out.csv, dataCSVRow(make([]string, len(dataCSVHeader)), f))
	}
	out.addTable(t)
	out.used = sourcesOf(d.Figures)
	out.notes = []string{"* estimate (derived from a share, or a guess). Installs are shown rounded; the CSV export gives them whole."}
	return out
}
