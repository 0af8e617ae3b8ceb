package ui

import (
	"fmt"
	"strconv"

	"github.com/uptake/uptake/store"
)

// dataHeader names the Data view's columns, in order.
var dataHeader = []string{"App", "Country", "From", "To", "Installs", "Est", "Source", "Note"}

// dataCells writes one figure as the Data view's cells.
func dataCells(f store.Figure) []string {
	est := ""
	if f.Estimate {
		est = markEstimate
	}
	return []string{store.Sanitize(f.App), store.Sanitize(f.Country), f.From.String(), f.To.String(),
		store.FormatInstalls(float64(f.Installs)), est, store.Sanitize(f.Source), store.Sanitize(f.Note)}
}

// renderData lays out every figure as a table, for export.
func renderData(d DataRows, width int, st Styles) *doc {
	out := &doc{}
	out.para(st.render(st.Title, fmt.Sprintf("Figures · %d in all", len(d.Figures))))
	t := &grid{header: dataHeader, right: []bool{false, false, false, false, true, false, false, false}}
	out.csv = [][]string{{"app", "country", "from", "to", "installs", "source", "note", "estimate", "changed"}}
	for _, f := range d.Figures {
		t.rows = append(t.rows, dataCells(f))
		out.csv = append(out.csv, []string{f.App, f.Country, f.From.String(), f.To.String(), strconv.FormatInt(f.Installs, 10),
			f.Source, f.Note, yesNo(f.Estimate), f.Changed.UTC().Format("2006-01-02T15:04:05Z")})
	}
	out.addTable(t)
	out.used = sourcesOf(d.Figures)
	out.notes = []string{"* estimate (derived from a share, or a guess). Installs are shown rounded; the CSV export gives them whole."}
	return out
}
