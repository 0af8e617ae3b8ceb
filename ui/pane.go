package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
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
	if p.vp.AtBottom() || p.vp.Height < 3 {
		return v
	}
	// Say that the view goes on below, so that a table past the fold is
	// not taken for the end of it.
	lines := strings.Split(v, "\n")
	lines[len(lines)-1] = cut(fmt.Sprintf("↓ %d more lines (↓ j pgdn)", p.vp.TotalLineCount()-p.vp.YOffset-p.vp.Height), p.width)
	return strings.Join(lines, "\n")
}

// chartHeight is how many rows the chart gets in a body of h rows: about
// half, so the table under it starts on screen.
func chartHeight(h int) int { return max(4, min(16, h/2-3)) }

// docView is a view drawn from a doc: Curves, Countries and Compare.
type docView struct {
	pane
	render func(width, height int, st Styles) *doc
	st     Styles
}

func (v *docView) refresh() {
	if v.render == nil || v.width <= 0 {
		return
	}
	v.setContent(v.render(v.width, v.height, v.st).text(v.width, v.st))
}

func (v *docView) setSize(w, h int) {
	if w == v.width && h == v.height {
		return
	}
	v.pane.setSize(w, h)
	v.refresh()
}

func (v *docView) setData(render func(width, height int, st Styles) *doc) {
	v.render = render
	v.loaded = true
	v.refresh()
}
