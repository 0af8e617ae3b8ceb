package ui

import (
	"strconv"

	"github.com/charmbracelet/bubbles/key"
	"github.com/uptake/uptake/report"
)

// keyMap is both what Update matches and what the help draws, so that the
// keys and their help cannot drift apart.
type keyMap struct {
	Views                      []key.Binding // 1, 2, …: one per view, in the table's order
	NextView, PrevView         key.Binding
	Apps, Country, Window      key.Binding
	Platform, Sources, Explain key.Binding
	Follow                     key.Binding
	Cumulative, SinceLaunch    key.Binding
	Scale, GroupRows           key.Binding
	Merge, Groups              key.Binding
	Up, Down, PageUp, PageDown key.Binding
	Sort, Reverse, Filter      key.Binding
	Add, Edit, Delete, Launch  key.Binding
	Event                      key.Binding
	Undo, Redo                 key.Binding
	Export, Reload             key.Binding
	Help, Quit                 key.Binding
}

func newKeyMap(views []report.View) keyMap {
	var byView []key.Binding
	for i, v := range views {
		if i < 9 { // keys 1 to 9; further views are reached with tab
			n := strconv.Itoa(i + 1)
			byView = append(byView, key.NewBinding(key.WithKeys(n), key.WithHelp(n, v.Name)))
		}
	}
	return keyMap{
		Views:       byView,
		NextView:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next view")),
		PrevView:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous view")),
		Apps:        key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pick apps")),
		Country:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "country or group")),
		Window:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "window")),
		Platform:    key.NewBinding(key.WithKeys("P"), key.WithHelp("P", "platform")),
		Sources:     key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "rank sources")),
		Follow:      key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "Data: the selection's figures")),
		Explain:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "how a number is made")),
		Cumulative:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "monthly/cumulative")),
		SinceLaunch: key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "calendar/since launch")),
		Scale:       key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "scale: linear/log/index")),
		GroupRows:   key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "Countries: by region")),
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn", "page down")),
		Sort:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort: s then a column's letter")),
		Reverse:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse the order")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter: words, or app:x country:y")),
		Add:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add figure")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit figure")),
		Delete:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete figure")),
		Merge:       key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "merge/rename app")),
		Groups:      key.NewBinding(key.WithKeys("G"), key.WithHelp("G", "groups: make, change, delete")),
		Launch:      key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "set launch month")),
		Event:       key.NewBinding(key.WithKeys("E"), key.WithHelp("E", "add event (enter lists them)")),
		Undo:        key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:        key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),
		Export:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export: format, file")),
		Reload:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the one-line help under the view, short enough for 80
// columns.
func (k keyMap) ShortHelp() []key.Binding {
	short := func(b key.Binding, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(b.Help().Key, desc))
	}
	return []key.Binding{short(k.NextView, "view"), short(k.Apps, "apps"), short(k.Country, "country"),
		short(k.Window, "window"), short(k.Add, "add"), short(k.Export, "export"), k.Help, k.Quit}
}

// FullHelp is every key, in columns, for `?`.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		append(append([]key.Binding{}, k.Views...), k.NextView, k.PrevView),
		{k.Apps, k.Country, k.Window, k.Platform, k.Cumulative, k.SinceLaunch, k.Scale, k.GroupRows, k.Sources, k.Reload},
		{k.Export, k.Help, k.Quit},
		{k.Explain, k.Up, k.Down, k.PageUp, k.PageDown, k.Sort, k.Reverse, k.Filter, k.Follow},
		{k.Add, k.Edit, k.Delete, k.Launch, k.Event, k.Merge, k.Groups, k.Undo, k.Redo},
	}
}
