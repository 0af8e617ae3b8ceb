package ui

import (
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/textfit"
)

// pane is a scrollable body that the doc-based views share: the rendered
// text is made once per data or size change, never in View().
type pane struct {
	vp     viewport.Model
	width  int
	height int
	loaded bool
}

func newPane() pane {
	vp := viewport.New(0, 0)
	vp.KeyMap.Up.SetKeys("up", "k")
	vp.KeyMap.Down.SetKeys("down", "j")
	vp.KeyMap.PageDown.SetKeys("pgdown", " ")
	vp.KeyMap.PageUp.SetKeys("pgup", "b")
	vp.KeyMap.HalfPageUp.SetEnabled(false)
	vp.KeyMap.HalfPageDown.SetEnabled(false)
	vp.KeyMap.Left.SetEnabled(false)
	vp.KeyMap.Right.SetEnabled(false)
	return pane{vp: vp}
}

func (p *pane) setSize(w, h int) {
	p.width, p.height = w, h
	p.vp.Width, p.vp.Height = w, h
}

func (p *pane) setContent(s string) {
	off := p.vp.YOffset
	p.vp.SetContent(s)
	p.vp.SetYOffset(off)
}

func (p pane) update(msg tea.Msg) (pane, tea.Cmd) {
	var cmd tea.Cmd
	p.vp, cmd = p.vp.Update(msg)
	return p, cmd
}

func (p pane) view() string {
	if p.width <= 0 {
		return "" // the viewport takes a width of 0 as no limit
	}
	if !p.loaded {
		return "Loading…"
	}
	v := p.vp.View()
	if p.vp.Height < 3 || (p.vp.AtBottom() && p.vp.YOffset == 0) {
		return v
	}
	// Say that the view goes on above and below, so that a chart whose
	// top is scrolled away, or a table past the fold, is not taken for
	// the whole of it.
	lines := strings.Split(v, "\n")
	if p.vp.YOffset > 0 {
		lines[0] = textfit.Cut("↑ "+figures.CountText(p.vp.YOffset, "more lines")+" above (↑ k pgup)", p.width)
	}
	if !p.vp.AtBottom() {
		lines[len(lines)-1] = textfit.Cut("↓ "+figures.CountText(p.vp.TotalLineCount()-p.vp.YOffset-p.vp.Height, "more lines")+" (↓ j pgdn)", p.width)
	}
	return strings.Join(lines, "\n")
}

// docView is a view drawn from a document (report.Data): every view but
// Data. It lays the document out again only when its data or size change,
// never in View().
type docView struct {
	pane
	data report.Data // nil until loaded
	st   report.Styles
}

func (v *docView) refresh() {
	if v.data == nil || v.width <= 0 {
		return
	}
	v.setContent(v.data.Layout(v.width, v.height, v.st).Text(v.width, v.st))
}

func (v *docView) setSize(w, h int) {
	if w == v.width && h == v.height {
		return
	}
	v.pane.setSize(w, h)
	v.refresh()
}

// set shows new data from the top: a new selection or a reload is
// another document, and the place scrolled to in the old one means
// nothing in it.
func (v *docView) set(d report.Data) {
	v.data = d
	v.loaded = true
	v.refresh()
	v.vp.GotoTop()
}

// warnings are the reading rules' warnings of what the view shows.
func (v *docView) warnings() []string {
	if v.data == nil {
		return nil
	}
	return v.data.Warnings()
}
