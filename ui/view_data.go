package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/textfit"
)

// dataView is the Data view: every figure in a table, sortable and
// filterable. The figures stay packed as the store keeps them (a
// store.FigureTable) and the table is handed only the rows on screen, so
// that a million figures open and scroll as fast as ten. Sorting by
// another column or filtering decodes every figure once, field by field,
// and orders them with counting sorts; on a large table the status line
// says how long it took.
type dataView struct {
	keys   keyMap
	st     report.Styles
	table  table.Model
	filter textinput.Model

	all         *store.FigureTable
	shown       []int32 // indexes into all, filtered and sorted; nil with order: all of them in key order
	order       bool    // shown is in use
	sortCol     int
	sortDesc    bool
	filtering   bool
	sortPick    bool   // s was pressed: the next key names the column
	toEnd       bool   // end was pressed while only the head was here: the end of the whole table is meant
	restFailed  bool   // only the head is here, and reading the whole table failed
	hint        string // why the last key did nothing; the next key clears it
	cursor      int    // index into the rows shown
	offset      int    // first row shown on screen
	width       int
	appWidth    int // the widest app name, so the column can show it whole
	height      int
	loaded      bool
	tableHeight int    // the height last given to the table
	note        string // what the last sort or filter of a large table took
	err         error  // a figure that could not be read
}

// bigTable is the size from which the status line says what sorting and
// filtering took.
const bigTable = 100_000

func newDataView(keys keyMap, st report.Styles) dataView {
	t := table.New(table.WithFocused(true))
	ts := table.DefaultStyles()
	if !st.Color {
		ts.Selected = lipgloss.NewStyle().Reverse(true)
	}
	t.SetStyles(ts)
	f := newInput(st)
	f.Prompt = "filter: "
	f.CharLimit = 1000
	return dataView{keys: keys, st: st, table: t, filter: f}
}

// set takes new data, keeping the cursor on the same figure when it is
// still there and on the same row otherwise.
func (v *dataView) set(t *store.FigureTable) {
	keep, hadOne := v.selected()
	row := v.cursor
	v.all = t
	v.loaded, v.restFailed = true, false
	v.appWidth = 0
	for _, a := range t.AppNames() {
		v.appWidth = max(v.appWidth, textfit.Width(a))
	}
	v.order, v.cursor = false, -1
	v.arrange()
	v.cursor = row
	if hadOne {
		if i, ok := v.all.Find(keep.Key()); ok {
			if pos, ok := v.position(i); ok {
				v.cursor = pos
			}
		}
	}
	if v.toEnd && !t.Partial() {
		v.cursor, v.toEnd = v.count()-1, false
	}
	v.sync()
}

// apply filters and sorts, keeping the cursor on the same figure if it
// is still shown, and hands the table the rows on screen.
func (v *dataView) apply() {
	v.toEnd = false // the end meant was of the rows shown before
	if !v.loaded {
		return // set arranges the rows by the filter and order once they come
	}
	v.arrange()
	v.sync()
}

// arrange filters and sorts, keeping the cursor on the same figure if it
// is still shown.
func (v *dataView) arrange() {
	keepIdx := -1
	if v.cursor >= 0 && v.cursor < v.count() {
		keepIdx = v.index(v.cursor)
	}
	start := time.Now()
	needle := strings.ToLower(strings.TrimSpace(v.filter.Value()))
	v.shown, v.order, v.err = nil, false, nil
	v.note = ""
	switch {
	case needle == "" && v.sortCol == 0 && !v.sortDesc:
	case v.all.Partial():
		// Only the first apps' figures are here: a filter or an order of
		// them would not be the table's. None is shown until every
		// figure is.
		v.shown, v.order = []int32{}, true
		return
	default:
		cols, err := v.all.Columns()
		if err != nil {
			v.err = err
		} else {
			v.shown = orderRows(cols, needle, v.sortCol, v.sortDesc)
			v.order = true
		}
	}
	if v.all.Len() >= bigTable && v.order {
		done, _ := arrangeWords(needle, v.sortCol, v.sortDesc)
		v.note = fmt.Sprintf("%s %d figures in %d ms", done, v.all.Len(), time.Since(start).Milliseconds())
	}
	v.cursor = 0
	if keepIdx >= 0 {
		if pos, ok := v.position(keepIdx); ok {
			v.cursor = pos
		}
	}
}

// selected returns the figure under the cursor.
func (v *dataView) selected() (figures.Figure, bool) {
	if v.all == nil || v.cursor < 0 || v.cursor >= v.count() {
		return figures.Figure{}, false
	}
	f, err := v.all.At(v.index(v.cursor))
	return f, err == nil
}

func (v *dataView) rows() int { return max(1, v.height-3) }

// sync hands the table the rows on screen.
func (v *dataView) sync() {
	if v.all == nil {
		return
	}
	n, total := v.rows(), v.count()
	v.cursor = max(0, min(v.cursor, total-1))
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+n {
		v.offset = v.cursor - n + 1
	}
	v.offset = max(0, min(v.offset, max(0, total-n)))
	end := min(total, v.offset+n)
	rows := make([]table.Row, 0, end-v.offset)
	for row := v.offset; row < end; row++ {
		f, err := v.all.At(v.index(row))
		if err != nil {
			v.err = err
			rows = append(rows, append(table.Row{"(damaged)"}, make(table.Row, len(report.DataHeader())-1)...))
			continue
		}
		rows = append(rows, report.DataCells(f))
	}
	// Each of the table's setters draws every row again: call only those
	// whose value changed, and SetRows last but one.
	if cols := v.columns(); !slices.Equal(cols, v.table.Columns()) {
		v.table.SetColumns(cols)
	}
	if v.tableHeight != n+1 {
		v.table.SetHeight(n + 1)
		v.tableHeight = n + 1
	}
	v.table.SetRows(rows)
	if v.table.Cursor() != v.cursor-v.offset {
		v.table.SetCursor(v.cursor - v.offset)
	}
}

func (v *dataView) setSize(w, h int) {
	if w == v.width && h == v.height {
		return
	}
	v.width, v.height = w, h
	v.table.SetWidth(w)
	v.filter.Width = max(10, w-12)
	v.sync()
}

// capturing reports whether the view wants every key (the filter is open).
func (v *dataView) capturing() bool { return v.filtering || v.sortPick }

// sortKeys are the keys that pick a column after s: its first letter.
var sortKeys = map[string]int{"a": colApp, "c": colCountry, "p": colPlatform, "f": colFrom, "t": colTo,
	"i": colInstalls, "e": colEstimate, "s": colSource, "n": colNote}

// sortHint is what the status line says after s.
const sortHint = "sort by a·app c·country p·platform f·from t·to i·installs e·est s·source n·note"

// follow filters the rows to the shared selection's apps and market,
// each named whole (app:"resso" matches Resso, not Resso Lite).
func (v *dataView) follow(sel report.Selection) {
	terms := make([]string, 0, len(sel.Apps)+1)
	for _, a := range sel.Apps {
		terms = append(terms, `app:"`+strings.ToLower(strings.ReplaceAll(a, `"`, ""))+`"`)
	}
	if sel.Country != "" {
		terms = append(terms, `country:"`+strings.ToLower(sel.Country)+`"`)
	}
	value := strings.Join(terms, " ")
	v.filter.CharLimit = max(v.filter.CharLimit, len(value)) // never cut: a cut word would match other rows
	v.filter.SetValue(value)
	v.apply()
}

func (v dataView) update(msg tea.Msg) (dataView, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || v.all == nil {
		return v, nil
	}
	v.hint = ""
	if v.filtering {
		switch km.String() {
		case "enter", "esc":
			v.filtering = false
			v.filter.Blur()
			if km.String() == "esc" {
				v.filter.SetValue("")
			}
			v.apply()
			return v, nil
		}
		before := v.filter.Value()
		var cmd tea.Cmd
		v.filter, cmd = editInput(v.filter, msg)
		if v.filter.Value() != before {
			v.apply()
		}
		return v, cmd
	}
	if v.sortPick {
		v.sortPick = false
		col, ok := sortKeys[km.String()]
		if !ok {
			if km.String() != "esc" {
				v.hint = fmt.Sprintf("s then %s names no column, so the order is as it was (%s)", textfit.Cut(noBidi(km.String()), 10), sortHint)
			}
			return v, nil
		}
		if col == v.sortCol {
			v.sortDesc = !v.sortDesc
		} else {
			// Numbers largest first, the rest in the order of the alphabet
			// and of the calendar.
			v.sortCol, v.sortDesc = col, col == colInstalls
		}
		v.apply()
		v.cursor = 0 // the top of the new order
		v.sync()
		return v, nil
	}
	v.toEnd = false
	switch {
	case key.Matches(km, v.keys.Up):
		v.cursor--
	case key.Matches(km, v.keys.Down):
		v.cursor++
	case key.Matches(km, v.keys.PageUp):
		v.cursor -= v.rows()
	case key.Matches(km, v.keys.PageDown):
		v.cursor += v.rows()
	case km.String() == "home":
		v.cursor = 0
	case km.String() == "end":
		v.cursor = v.count() - 1
		v.toEnd = v.all.Partial()
	case key.Matches(km, v.keys.Sort):
		v.sortPick = true
		return v, nil
	case key.Matches(km, v.keys.Reverse):
		v.sortDesc = !v.sortDesc
		v.apply()
		v.cursor = 0
	case key.Matches(km, v.keys.Filter):
		v.filtering = true
		return v, v.filter.Focus()
	}
	v.sync()
	return v, nil
}
