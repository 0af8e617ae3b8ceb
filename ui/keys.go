package ui

import "github.com/charmbracelet/bubbles/key"

// keyMap is both what Update matches and what the help draws, so that the
// keys and their help cannot drift apart.
type keyMap struct {
	Curves, Countries, Compare, Data key.Binding
	NextView, PrevView               key.Binding
	Apps, Country, Window            key.Binding
	Cumulative, SinceLaunch          key.Binding
	Up, Down, PageUp, PageDown       key.Binding
	Sort, Reverse, Filter            key.Binding
	Add, Edit, Delete, Launch        key.Binding
	Undo, Redo                       key.Binding
	Export, Reload                   key.Binding
	Help, Quit                       key.Binding
}

func newKeyMap() keyMap {
	return keyMap{
		Curves:      key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "curves")),
		Countries:   key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "countries")),
		Compare:     key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "compare")),
		Data:        key.NewBinding(key.WithKeys("4"), key.WithHelp("4", "data")),
		NextView:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next view")),
		PrevView:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous view")),
		Apps:        key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "pick apps")),
		Country:     key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "country")),
		Window:      key.NewBinding(key.WithKeys("w"), key.WithHelp("w", "window")),
		Cumulative:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "monthly/cumulative")),
		SinceLaunch: key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "calendar/since launch")),
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn", "page down")),
		Sort:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "sort by next column")),
		Reverse:     key.NewBinding(key.WithKeys("S"), key.WithHelp("S", "reverse the order")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter (enter keeps, esc clears)")),
		Add:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add figure")),
		Edit:        key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit figure")),
		Delete:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete figure")),
		Launch:      key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "set launch month")),
		Undo:        key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo")),
		Redo:        key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "redo")),
		Export:      key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "export view to file")),
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
		{k.Curves, k.Countries, k.Compare, k.Data, k.NextView, k.PrevView},
		{k.Apps, k.Country, k.Window, k.Cumulative, k.SinceLaunch, k.Reload},
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Sort, k.Reverse, k.Filter},
		{k.Add, k.Edit, k.Delete, k.Launch, k.Undo, k.Redo},
		{k.Export, k.Help, k.Quit},
	}
}
