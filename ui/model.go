// Package ui is uptake's dashboard: a Bubble Tea program with a root model
// that routes, a model per view (the views themselves are report's), the
// hand-entry form and the pickers.
package ui

import (
	"slices"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// Config is what main hands the dashboard; ui never sees flags.
type Config struct {
	Store     Store
	Selection report.Selection // empty: chosen from the data on first load
	View      string           // the name of the first view; "" chooses it from the data
	Styles    report.Styles
	ExportDir string           // where x writes; "" is the current folder
	Now       func() time.Time // for export file names; nil is time.Now
	Poll      time.Duration    // how often to look for other writers; 0 is 1s, < 0 never
	Note      string           // said in the status line at the start
	Mouse     bool             // the wheel scrolls and a click on a tab picks the view
}

// The smallest terminal a view draws in.
const (
	MinWidth  = 60
	MinHeight = 16
)

// Model is the root model: it owns the selection and routes messages to
// the view on screen, the picker, the form or the confirmation.
type Model struct {
	cfg  Config
	keys keyMap
	st   report.Styles
	help help.Model

	views         []report.View // the table of views, in the header's order
	view          int           // the view on screen, in views
	sel           report.Selection
	width, height int
	gen           int   // bumped on every selection or data change
	loadedGen     []int // per view: the generation its data is of
	apps          []figures.App
	groups        []figures.Group // the user's groups, read with the apps
	appsKnown     bool
	stamp         string

	docs []docView // per view; the Data view's is unused
	data dataView

	picker    *picker
	explain   *explainPanel
	export    *exportDialog
	form      *form
	groupForm *groupForm
	confirm   *confirm
	showHelp  bool

	status    string
	statusErr bool
	// rankSort: s was pressed on Ranking; the next key names the order.
	rankSort bool
	busy     bool // the status says the file was in use: cleared by the next good read
	checked  bool // the background check of the file has been started
	damaged  string
	warnings []string
}

// New builds the dashboard's root model.
func New(cfg Config) Model {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Poll == 0 {
		cfg.Poll = time.Second
	}
	views := report.Views()
	k := newKeyMap(views)
	m := Model{cfg: cfg, keys: k, st: cfg.Styles, help: help.New(), views: views, sel: cfg.Selection, gen: 1,
		loadedGen: make([]int, len(views)), docs: make([]docView, len(views))}
	m.view = m.viewNamed(cfg.View)
	m.status = cfg.Note
	m.help.Styles = helpStyles(m.st)
	for i := range m.docs {
		m.docs[i] = docView{pane: newPane(), st: m.st}
	}
	m.data = newDataView(k, m.st)
	return m
}

// viewNamed returns the place of a view in the table; the first when
// there is none of that name.
func (m Model) viewNamed(name string) int {
	for i, v := range m.views {
		if v.Name == name {
			return i
		}
	}
	return 0
}

// onData reports whether the Data view is on screen.
func (m Model) onData() bool { return m.views[m.view].Name == report.DataViewName }

// Init loads the apps (and from them the first view) and starts polling.
func (m Model) Init() tea.Cmd {
	return tea.Batch(loadApps(m.cfg.Store), pollStamp(m.cfg.Store, m.cfg.Poll))
}

// Update routes a message to whoever should have it, then fits the view
// to the rows the status line leaves it (a long message wraps).
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	if nm, ok := next.(Model); ok && nm.width > 0 {
		nm.sizeView()
		return nm, cmd
	}
	return next, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	// A Model is a value: the per-view slices are copied before anything
	// changes them, so that an earlier Model (a test's, or one a command
	// captured) keeps its own.
	m.loadedGen, m.docs = slices.Clone(m.loadedGen), slices.Clone(m.docs)
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case appsMsg:
		return m.gotApps(msg)
	case loadedMsg:
		var more tea.Cmd
		m, more = m.gotView(msg)
		if !m.checked && msg.err == nil {
			m.checked = true
			return m, tea.Batch(more, checkFile(m.cfg.Store))
		}
		return m, more
	case checkedMsg:
		return m.gotCheck(msg), nil
	case stampMsg:
		return m.gotStamp(msg)
	case savedMsg:
		return m.gotSaved(msg)
	case tea.MouseMsg:
		return m.mouse(msg)
	case exportMsg:
		return m, m.exportCmd(msg.format, msg.path)
	case exportedMsg:
		return m.gotExported(msg), nil
	case startMsg:
		// The first screen is chosen from the data, unless the user has
		// already gone to another view while it was being chosen.
		if len(m.cfg.Selection.Apps) == 0 && m.cfg.View == "" && m.view == 0 {
			m.view = m.viewNamed(msg.view)
			m.sizeView()
		}
		return m.reselect(msg.sel)
	case pickDoneMsg:
		m.picker = nil
		return m.reselect(msg.sel)
	case pickCancelMsg:
		m.picker = nil
		return m, nil
	case sourcesMsg:
		return m.openSources(msg)
	case undoPeekMsg:
		return m.gotUndoPeek(msg)
	case formSubmitMsg:
		if m.form == nil { // a new app said yes to, out of its question
			return m.updateForm(msg)
		}
	case overwriteMsg:
		if m.form == nil {
			return m.updateForm(msg)
		}
	case explainedMsg:
		return m.gotExplained(msg), nil
	case rankDoneMsg:
		m.picker = nil
		return m, saveRanking(m.cfg.Store, msg.rank)
	case eventDeleteMsg:
		return m.askDeleteEvent(msg)
	case groupSubmitMsg:
		return m.submitGroup(msg)
	case groupDeleteMsg:
		return m.askDeleteGroup(msg)
	case groupCancelMsg:
		m.groupForm = nil
		m.setStatus("nothing changed")
		return m, nil
	}
	if km, ok := msg.(tea.KeyMsg); ok && km.Type == tea.KeyRunes && len(km.Runes) > 1 && !km.Paste && !m.typing() {
		// Keys pressed fast (a held j) can arrive as one message of several
		// runes; outside a text field each is a key of its own.
		var cmds []tea.Cmd
		var next tea.Model = m
		for _, r := range km.Runes {
			var cmd tea.Cmd
			next, cmd = next.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: km.Alt})
			cmds = append(cmds, cmd)
		}
		return next, tea.Batch(cmds...)
	}
	if m.form != nil {
		return m.updateForm(msg)
	}
	if m.groupForm != nil {
		gf, cmd := m.groupForm.update(msg) // a copy: an earlier Model keeps its own
		m.groupForm = &gf
		return m, cmd
	}
	if m.confirm != nil {
		return m.updateConfirm(msg)
	}
	if m.explain != nil {
		p := *m.explain // a copy: an earlier Model keeps its own panel
		closed, cmd := p.update(msg, m.width, m.bodyHeight())
		m.explain = &p
		if closed {
			m.explain = nil
		}
		return m, cmd
	}
	if m.export != nil {
		d, closed, cmd := m.export.update(msg)
		m.export = &d
		if closed {
			m.export = nil
		}
		return m, cmd
	}
	if m.picker != nil {
		p, cmd := m.picker.update(msg, m.sel)
		m.picker = &p
		return m, cmd
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		return m.key(km)
	}
	return m, nil
}

func (m Model) switchTo(v int) (tea.Model, tea.Cmd) {
	m.view = v
	m.sizeView()
	m.showHelp = false
	m.warnings = m.viewWarnings()
	if m.loadedGen[v] == m.gen {
		return m, nil
	}
	return m, m.load()
}

// load asks for the current view's data at the current generation.
func (m Model) load() tea.Cmd {
	if !m.appsKnown || len(m.apps) == 0 {
		return nil
	}
	head := 0
	if m.onData() && (m.data.all == nil || m.data.all.Partial()) {
		// The first open of the Data view shows its first screen from the
		// first apps' figures, and reads the rest behind it; later loads
		// keep the whole table on screen until the new one comes, so
		// that the cursor stays where it was.
		head = dataHeadRows
	}
	return loadView(m.cfg.Store, m.views[m.view], m.view, m.sel, m.gen, head)
}

// dataHeadRows is how many figures the Data view's first load reads at
// least: more than a screen holds.
const dataHeadRows = 1000

// reselect applies a new selection: every view is now stale.
func (m Model) reselect(sel report.Selection) (tea.Model, tea.Cmd) {
	m.sel = sel
	m.gen++
	return m, m.load()
}

func (m Model) openPicker(kind pickKind) (tea.Model, tea.Cmd) {
	p := newPicker(kind, m.sel, m.apps, m.groups, m.st)
	m.picker = &p
	return m, nil
}

func (m Model) gotApps(msg appsMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.setError(msg.err)
		return m, nil
	}
	m.readOK()
	m.apps, m.groups, m.appsKnown = msg.apps, msg.groups, true
	if msg.groupsErr != nil {
		m.setError(msg.groupsErr) // the apps and their views still work
	}
	m = m.marketStillThere()
	if len(m.apps) == 0 {
		return m, nil
	}
	if len(m.sel.Apps) == 0 || m.sel.Country == "" {
		return m, chooseStart(m.cfg.Store, m.sel)
	}
	m.gen++
	return m, m.load()
}

// gotView takes a view's data; more reads the whole Data table when
// what came is its head.
func (m Model) gotView(msg loadedMsg) (_ Model, more tea.Cmd) {
	if msg.gen != m.gen {
		return m, nil // an answer to an old question
	}
	if msg.err != nil {
		m.setError(msg.err)
		if m.views[msg.view].Name == report.DataViewName && m.data.all.Partial() {
			// The rest of the table could not be read: the view says so,
			// and reads again when it is next shown (or on r).
			m.data.restFailed = true
			m.loadedGen[msg.view] = -1
		}
		return m, nil
	}
	m.readOK()
	m.loadedGen[msg.view] = msg.gen
	switch d := msg.data.(type) {
	case report.Data:
		m.docs[msg.view].set(d)
	case *store.FigureTable:
		m.data.set(d)
		if d.Partial() {
			more = loadView(m.cfg.Store, m.views[msg.view], msg.view, m.sel, msg.gen, 0)
		}
	}
	m.warnings = m.viewWarnings()
	return m, more
}

// viewWarnings are the reading rules' warnings for the view on screen.
func (m Model) viewWarnings() []string {
	if m.onData() {
		return nil
	}
	return m.docs[m.view].warnings()
}

func (m Model) gotStamp(msg stampMsg) (tea.Model, tea.Cmd) {
	next := pollStamp(m.cfg.Store, m.cfg.Poll)
	if msg.err != nil || msg.stamp == m.stamp {
		return m, next
	}
	// Another process (or this one) wrote: read again what is on screen.
	// The first stamp is read a poll after the first load, so a write in
	// between shows only in it: that, too, is a reason to read again.
	m.stamp = msg.stamp
	m.gen++
	return m, tea.Batch(next, loadApps(m.cfg.Store))
}

// bodyHeight is what the view gets: the frame takes four lines.
func (m Model) bodyHeight() int { return max(1, m.height-3-len(m.statusLines())) }

// resize sizes the view on screen; the others are sized when they are
// shown, so that dragging the window's edge draws one view a frame, not
// four.
func (m *Model) resize() {
	m.help.Width = m.width
	m.sizeView()
}

// sizeView gives the view on screen the body's size; a view draws itself
// again only when its size changed.
func (m *Model) sizeView() {
	w, h := m.width, m.bodyHeight()
	if m.onData() {
		m.data.setSize(w, h)
		return
	}
	m.docs[m.view].setSize(w, h)
}
