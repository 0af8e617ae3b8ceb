package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/table"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/textfit"
)

// How the Data view draws: its columns fitted to the width, and its
// status line (view_data.go).

// columns fits the eight columns to the width: numbers whole, text cut.
func (v *dataView) columns() []table.Column {
	w := []int{12, 8, 8, 8, 8, 9, 4, 18, 20} // room for the sort arrow
	used := 0
	for _, x := range w[:colSource] {
		used += x + 2
	}
	// A narrow screen: the text columns give way, never Installs, whose
	// cell carries the estimate mark (the table cuts what passes its
	// edge, and cut 5.17M* to 5.17M at 60 columns). Est goes first (the
	// mark rides with the number), then App, Country and Platform, to a
	// few letters.
	for _, shrink := range [][2]int{{colEstimate, 0}, {colApp, 6}, {colCountry, 4}, {colPlatform, 4}, {colFrom, 7}, {colTo, 7}, {colApp, 3}, {colPlatform, 3}, {colCountry, 2}} {
		if over := used + 4 - v.width; over > 0 {
			cut := min(over, w[shrink[0]]-shrink[1])
			w[shrink[0]] -= cut
			used -= cut
		}
	}
	rest := max(0, v.width-used-4)
	// The App column widens to the longest name (and its sort arrow),
	// taking at most half of what Source and Note would have.
	if grow := min(v.appWidth+1-w[colApp], rest/2); grow > 0 {
		w[colApp] += grow
		rest -= grow
	}
	w[colSource], w[colNote] = rest*2/5, rest-rest*2/5
	cols := make([]table.Column, len(report.DataHeader()))
	for i, h := range report.DataHeader() {
		if i == v.sortCol {
			if v.sortDesc {
				h += "↓"
			} else {
				h += "↑"
			}
		}
		cols[i] = table.Column{Title: h, Width: w[i]}
	}
	return cols
}

// noRowWhy says why no figure is under the cursor.
func (v *dataView) noRowWhy() string {
	needle := strings.TrimSpace(v.filter.Value())
	done, do := arrangeWords(needle, v.sortCol, v.sortDesc)
	switch {
	case !v.loaded:
		return "the Data view is reading the figures"
	case v.all.Partial() && v.order && v.restFailed:
		return fmt.Sprintf("only the first %d of %d figures could be read, so none are shown %s: r reads again", v.all.Len(), v.all.Total(), done)
	case v.all.Partial() && v.order:
		return fmt.Sprintf("reading all %d figures to %s them…", v.all.Total(), do)
	case v.count() == 0 && needle != "":
		return "the filter keeps no figure"
	case v.count() == 0:
		return "the file holds no figure"
	case v.err != nil:
		return "the figure under the cursor cannot be read: " + v.err.Error()
	}
	return "the cursor is on no figure"
}

func (v dataView) view() string {
	if !v.loaded {
		return "Loading…"
	}
	shown, all := v.count(), v.all.Total()
	status := fmt.Sprintf("%d of %d figures", shown, all)
	switch {
	case v.all.Partial() && v.order:
		status = v.noRowWhy()
	case v.all.Partial() && v.restFailed:
		status = fmt.Sprintf("row %d of %d figures (the first %d are here; the rest could not be read: r reads again)", v.cursor+1, all, v.all.Len())
	case v.all.Partial():
		status = fmt.Sprintf("row %d of %d figures (the first %d are here; reading the rest)", v.cursor+1, all, v.all.Len())
	case shown > 0:
		status = fmt.Sprintf("row %d of %d (%d figures in all)", v.cursor+1, shown, all)
	}
	if v.note != "" {
		status += " · " + v.note
	}
	if v.hint != "" {
		status = v.hint + " · " + status
	}
	status += " · s sort · S reverse · / filter (app:resso country:ww) · enter explain · e edit · d delete · a add"
	if v.sortPick {
		status = sortHint
	}
	top := v.st.Render(v.st.Muted, textfit.Cut(status, v.width))
	if v.err != nil {
		top = v.st.Render(v.st.Muted, textfit.Cut("error: "+v.err.Error(), v.width))
	}
	// While typing, the filter; after, the count of rows it kept (the
	// selection line above names the filter).
	if v.filtering {
		top = textfit.Cut(noBidi(inputView(v.filter)), v.width)
	}
	return top + "\n" + v.table.View()
}
