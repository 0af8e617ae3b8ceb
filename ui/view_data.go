package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/table"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/uptake/uptake/store"
)

// dataView is the Data view: every figure in a table, sortable and
// filterable. It hands the table only the rows on screen, so that a
// million figures scroll as fast as ten.
type dataView struct {
	keys   keyMap
	st     Styles
	table  table.Model
	filter textinput.Model

	all       []store.Figure
	shown     []int // indexes into all, filtered and sorted
	sortCol   int
	sortDesc  bool
	filtering bool
	cursor    int // index into shown
	offset    int // first row of shown on screen
	width     int
	height    int
	loaded    bool
}

func newDataView(keys keyMap, st Styles) dataView {
	t := table.New(table.WithFocused(true))
	ts := table.DefaultStyles()
	if !st.Color {
		ts.Selected = lipgloss.NewStyle().Reverse(true)
	}
	t.SetStyles(ts)
	f := newInput()
	f.Prompt = "filter: "
	f.CharLimit = 100
	return dataView{keys: keys, st: st, table: t, filter: f}
}

func (v *dataView) set(d DataRows) {
	v.all = d.Figures
	v.loaded = true
	v.apply()
}

// apply filters and sorts, keeping the cursor on the same figure if it
// is still shown.
func (v *dataView) apply() {
	var keep *store.Key
	if f, ok := v.selected(); ok {
		k := f.Key()
		keep = &k
	}
	needle := strings.ToLower(strings.TrimSpace(v.filter.Value()))
	v.shown = v.shown[:0]
	for i, f := range v.all {
		if needle == "" || strings.Contains(strings.ToLower(strings.Join(dataCells(f), "\x00")), needle) {
			v.shown = append(v.shown, i)
		}
	}
	col, desc := v.sortCol, v.sortDesc
	slices.SortStableFunc(v.shown, func(a, b int) int {
		c := compareFigures(v.all[a], v.all[b], col)
		if desc {
			return -c
		}
		return c
	})
	v.cursor = 0
	if keep != nil {
		for i, idx := range v.shown {
			if v.all[idx].Key() == *keep {
				v.cursor = i
				break
			}
		}
	}
	v.sync()
}

func compareFigures(a, b store.Figure, col int) int {
	var c int
	switch col {
	case 0:
		c = cmp.Compare(store.FoldName(a.App), store.FoldName(b.App))
	case 1:
		c = cmp.Compare(a.Country, b.Country)
	case 2:
		c = cmp.Compare(a.From, b.From)
	case 3:
		c = cmp.Compare(a.To, b.To)
	case 4:
		c = cmp.Compare(a.Installs, b.Installs)
	case 5:
		c = cmp.Compare(boolInt(a.Estimate), boolInt(b.Estimate))
	case 6:
		c = cmp.Compare(a.Source, b.Source)
	case 7:
		c = cmp.Compare(a.Note, b.Note)
	}
	return cmp.Or(c, cmp.Compare(store.FoldName(a.App), store.FoldName(b.App)), cmp.Compare(a.Country, b.Country), cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// selected returns the figure under the cursor.
func (v *dataView) selected() (store.Figure, bool) {
	if v.cursor < 0 || v.cursor >= len(v.shown) {
		return store.Figure{}, false
	}
	return v.all[v.shown[v.cursor]], true
}

func (v *dataView) rows() int { return max(1, v.height-3) }

// sync hands the table the rows on screen.
func (v *dataView) sync() {
	n := v.rows()
	v.cursor = max(0, min(v.cursor, len(v.shown)-1))
	if v.cursor < v.offset {
		v.offset = v.cursor
	}
	if v.cursor >= v.offset+n {
		v.offset = v.cursor - n + 1
	}
	v.offset = max(0, min(v.offset, max(0, len(v.shown)-n)))
	end := min(len(v.shown), v.offset+n)
	rows := make([]table.Row, 0, end-v.offset)
	for _, idx := range v.shown[v.offset:end] {
		rows = append(rows, dataCells(v.all[idx]))
	}
	v.table.SetColumns(v.columns())
	v.table.SetRows(rows)
	v.table.SetHeight(n + 1)
	v.table.SetCursor(v.cursor - v.offset)
}

// columns fits the eight columns to the width: numbers whole, text cut.
func (v *dataView) columns() []table.Column {
	w := []int{12, 7, 7, 7, 8, 3, 18, 20}
	used := 0
	for _, x := range w[:6] {
		used += x + 2
	}
	rest := max(0, v.width-used-4)
	w[6], w[7] = rest*2/5, rest-rest*2/5
	cols := make([]table.Column, len(dataHeader))
	for i, h := range dataHeader {
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

func (v *dataView) setSize(w, h int) {
	v.width, v.height = w, h
	v.table.SetWidth(w)
	v.filter.Width = max(10, w-12)
	v.sync()
}

// capturing reports whether the view wants every key (the filter is open).
func (v *dataView) capturing() bool { return v.filtering }

func (v dataView) update(msg tea.Msg) (dataView, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return v, nil
	}
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
		var cmd tea.Cmd
		v.filter, cmd = v.filter.Update(msg)
		v.apply()
		return v, cmd
	}
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
		v.cursor = len(v.shown) - 1
	case key.Matches(km, v.keys.Sort):
		v.sortCol = (v.sortCol + 1) % len(dataHeader)
		v.sortDesc = false
		v.apply()
	case km.String() == "S":
		v.sortDesc = !v.sortDesc
		v.apply()
	case key.Matches(km, v.keys.Filter):
		v.filtering = true
		return v, v.filter.Focus()
	}
	v.sync()
	return v, nil
}

func (v dataView) view() string {
	if !v.loaded {
		return "Loading…"
	}
	status := fmt.Sprintf("%d of %d figures", len(v.shown), len(v.all))
	if len(v.shown) > 0 {
		status = fmt.Sprintf("row %d of %d (%d figures in all)", v.cursor+1, len(v.shown), len(v.all))
	}
	status += " · s sort · S reverse · / filter · e edit · d delete · a add"
	top := v.st.render(v.st.Muted, cut(status, v.width))
	if v.filtering || v.filter.Value() != "" {
		top = cut(v.filter.View(), v.width)
	}
	return top + "\n" + v.table.View()
}
