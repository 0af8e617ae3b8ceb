package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/textfit"
)

// pickKind says what a picker chooses.
type pickKind int

const (
	pickApps pickKind = iota
	pickCountry
	pickWindow
	pickSources
)

// picker edits one part of the selection in a small panel: the apps (a
// filterable list with marks), the market (a country, a UN region or one
// of the file's groups, completing), or the window (from and to months,
// empty for the data's own ends).
type picker struct {
	kind   pickKind
	st     report.Styles
	input  textinput.Model
	to     textinput.Model // the window's second field
	onTo   bool
	apps   []figures.App
	groups []figures.Group // the file's groups, for the market
	chosen []string        // apps in the order they were marked
	cursor int
	err    string
}

// pickDoneMsg carries the new selection out of the picker.
type pickDoneMsg struct{ sel report.Selection }

// pickCancelMsg closes the picker without change.
type pickCancelMsg struct{}

func newPicker(kind pickKind, sel report.Selection, apps []figures.App, groups []figures.Group, st report.Styles) picker {
	p := picker{kind: kind, st: st, apps: apps, groups: groups, chosen: slices.Clone(sel.Apps)}
	p.input = newInput(st)
	p.input.CharLimit = 60
	switch kind {
	case pickApps:
		p.input.Prompt = "filter apps: "
	case pickSources:
		p.input.Prompt = "filter sources: "
	case pickCountry:
		p.input.Prompt = "market: "
		p.input.Placeholder = "IN, India, WW, Southeast Asia, 035, or a group of yours"
		p.input.ShowSuggestions = true
		p.input.SetSuggestions(placeSuggestions(groups))
	case pickWindow:
		p.input.Prompt = "from: "
		p.input.Placeholder = "YYYY-MM, empty for the first month"
		p.to = newInput(st)
		p.to.Prompt = "to:   "
		p.to.Placeholder = "YYYY-MM, empty for the last month"
		if sel.From != 0 {
			p.input.SetValue(sel.From.String())
		}
		if sel.To != 0 {
			p.to.SetValue(sel.To.String())
		}
	}
	p.input.Focus()
	return p
}

// matches lists the apps whose name contains the filter.
func (p picker) matches() []figures.App {
	f := figures.FoldName(strings.TrimSpace(p.input.Value()))
	var out []figures.App
	for _, a := range p.apps {
		if strings.Contains(figures.FoldName(a.Name), f) {
			out = append(out, a)
		}
	}
	return out
}

func (p picker) update(msg tea.Msg, sel report.Selection) (picker, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil
	}
	switch km.String() {
	case "esc":
		return p, func() tea.Msg { return pickCancelMsg{} }
	case "enter":
		return p.finish(sel)
	}
	if p.kind == pickApps || p.kind == pickSources {
		switch km.String() {
		case "up", "ctrl+p":
			p.cursor = max(0, p.cursor-1)
			return p, nil
		case "down", "ctrl+n":
			p.cursor = max(0, min(len(p.matches())-1, p.cursor+1)) // 0 when nothing matches
			return p, nil
		case " ", "tab":
			m := p.matches()
			if p.cursor < len(m) {
				p.toggle(m[p.cursor].Name)
			}
			return p, nil
		}
	}
	if p.kind == pickWindow && (km.String() == "tab" || km.String() == "shift+tab") {
		p.onTo = !p.onTo
		if p.onTo {
			p.input.Blur()
			return p, p.to.Focus()
		}
		p.to.Blur()
		return p, p.input.Focus()
	}
	var cmd tea.Cmd
	if p.onTo {
		p.to, cmd = editInput(p.to, msg)
	} else {
		p.input, cmd = editInput(p.input, msg)
	}
	p.err = ""
	p.cursor = max(0, min(p.cursor, len(p.matches())-1))
	return p, cmd
}

func (p *picker) toggle(name string) {
	if i := slices.Index(p.chosen, name); i >= 0 {
		p.chosen = slices.Delete(p.chosen, i, i+1)
		return
	}
	p.chosen = append(p.chosen, name)
}

// finish checks the input and closes the picker with the new selection,
// or keeps it open with a message saying what to fix.
func (p picker) finish(sel report.Selection) (picker, tea.Cmd) {
	switch p.kind {
	case pickApps:
		if len(p.chosen) == 0 {
			if m := p.matches(); p.cursor < len(m) {
				p.chosen = []string{m[p.cursor].Name}
			} else {
				p.err = "mark at least one app with space"
				return p, nil
			}
		}
		sel.Apps = p.chosen
	case pickCountry:
		// Enter applies the market on screen: the grey completion unless
		// what was typed is a code or a name as it stands.
		place, err := placeShown(p.input.Value(), p.input.CurrentSuggestion(), p.groups)
		if err != nil {
			p.err = err.Error()
			return p, nil
		}
		sel.Country, sel.Group = place.Key(), place.Group
	case pickWindow:
		from, err := optionalMonth(p.input.Value())
		if err != nil {
			p.err = "from: " + err.Error()
			return p, nil
		}
		to, err := optionalMonth(p.to.Value())
		if err != nil {
			p.err = "to: " + err.Error()
			return p, nil
		}
		if from != 0 && to != 0 && to < from {
			p.err = fmt.Sprintf("to %s is before from %s (expected the same month or later)", to, from)
			return p, nil
		}
		sel.From, sel.To = from, to
	case pickSources:
		rank := figures.Ranking(slices.Clone(p.chosen))
		return p, func() tea.Msg { return rankDoneMsg{rank} }
	}
	return p, func() tea.Msg { return pickDoneMsg{sel} }
}

// optionalMonth reads a month, or 0 for empty or "all".
func optionalMonth(s string) (figures.Month, error) {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "all") {
		return 0, nil
	}
	return figures.ParseMonth(s)
}

func (p picker) view(width int) string {
	var b strings.Builder
	switch p.kind {
	case pickApps, pickSources:
		if p.kind == pickApps {
			b.WriteString(p.st.Render(p.st.Title, "Pick apps") + " — space marks, enter applies, esc cancels; the first marked is the reference\n")
		} else {
			b.WriteString(p.st.Render(p.st.Title, "Rank sources") + " — space marks in order (1 ranks highest), enter saves, esc cancels\n")
			for _, l := range textfit.Wrap("Each month shows the highest-ranked source that covers it. Unmarked sources follow in the default order: exact before estimates, then most months covered, then by name.", width) {
				b.WriteString(p.st.Render(p.st.Muted, l) + "\n")
			}
		}
		b.WriteString(noBidi(inputView(p.input)) + "\n")
		m := p.matches()
		start := max(0, p.cursor-8)
		for i := start; i < len(m) && i < start+10; i++ {
			mark := "[ ]"
			if n := slices.Index(p.chosen, m[i].Name); n >= 0 {
				mark = fmt.Sprintf("[%d]", n+1)
			}
			line := fmt.Sprintf("  %s %s", mark, figures.Sanitize(m[i].Name))
			if m[i].Publisher != "" {
				line += p.st.Render(p.st.Muted, " · "+figures.Sanitize(m[i].Publisher))
			}
			if i == p.cursor {
				line = ">" + line[1:]
			}
			b.WriteString(textfit.Cut(line, width) + "\n")
		}
		if len(m) == 0 && p.kind == pickApps {
			b.WriteString("  no app matches\n")
		} else if len(m) == 0 {
			b.WriteString("  no source matches\n")
		}
	case pickCountry:
		b.WriteString(p.st.Render(p.st.Title, "Country or group") + " — tab completes, enter applies, esc cancels\n")
		for _, l := range textfit.Wrap("a country (IN, India, WW), a UN region (Southeast Asia, 035) or a group of yours (G makes one)", width) {
			b.WriteString(p.st.Render(p.st.Muted, l) + "\n")
		}
		b.WriteString(noBidi(inputView(p.input)) + "\n")
		if len(p.groups) > 0 {
			names := make([]string, len(p.groups))
			for i, g := range p.groups {
				names[i] = figures.Sanitize(g.Name)
			}
			for _, l := range textfit.Wrap("your groups: "+strings.Join(names, ", "), width) {
				b.WriteString(p.st.Render(p.st.Muted, l) + "\n")
			}
		}
	case pickWindow:
		b.WriteString(p.st.Render(p.st.Title, "Window") + " — months as YYYY-MM, empty for the data's own ends; tab switches, enter applies\n")
		b.WriteString(noBidi(inputView(p.input)) + "\n" + noBidi(inputView(p.to)) + "\n")
	}
	if p.err != "" {
		for _, l := range textfit.Wrap(p.err, width) {
			b.WriteString(p.st.Render(p.st.Error, l) + "\n")
		}
	}
	return textfit.CutLines(b.String(), width) // the titles and inputs too
}
