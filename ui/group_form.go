package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/textfit"
)

// The group form: G makes one of the user's groups of countries (a name,
// and members as codes or names, comma separated), shows the members as
// read before anything is saved, asks before it replaces a group of the
// same name (naming the members that change), and deletes one (ctrl+d,
// asked first). Each is a step of undo. A group is a market to view (g
// picks it); a figure still belongs to one country.

// groupForm is the group form's state.
type groupForm struct {
	st         report.Styles
	groups     []figures.Group // the file's, as loaded
	name       textinput.Model
	members    textinput.Model
	onMembers  bool
	nameErr    string
	membersErr string
	err        string // a problem with the whole form
}

// groupSubmitMsg carries a checked group out of the form.
type groupSubmitMsg struct{ group figures.Group }

// groupDeleteMsg asks to delete the file's group of that name.
type groupDeleteMsg struct{ group figures.Group }

// groupCancelMsg closes the form without saving.
type groupCancelMsg struct{}

func newGroupForm(st report.Styles, groups []figures.Group, name string) *groupForm {
	gf := &groupForm{st: st, groups: groups}
	gf.name, gf.members = newInput(st), newInput(st)
	gf.name.Prompt, gf.members.Prompt = "", ""
	gf.name.CharLimit = figures.MaxGroupName
	gf.members.CharLimit = 4000 // every country, by name
	gf.name.Placeholder = "MENA, Nordics, … (a known name changes or deletes that group)"
	gf.members.Placeholder = "codes or names, comma separated: AE, Saudi Arabia, EG"
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = figures.Sanitize(g.Name)
	}
	gf.name.ShowSuggestions = true
	gf.name.SetSuggestions(names)
	if name != "" {
		gf.name.SetValue(name)
		gf.fillKnown()
	}
	gf.name.Focus()
	return gf
}

// parseMembers reads the members field: countries by code or name, comma
// (or semicolon) separated, each checked; sorted, each once.
func parseMembers(s string) ([]string, error) {
	var codes []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		code, err := figures.ParseCountry(part)
		switch {
		case err != nil:
			return nil, err
		case code == figures.Worldwide:
			return nil, fmt.Errorf("%s is worldwide (WW), not a country: list the group's countries", figures.Quote(part))
		case code == figures.Unknown:
			return nil, fmt.Errorf("%s holds installs no store could place, which belong to no group: list the group's countries", figures.Quote(part))
		}
		codes = append(codes, code)
	}
	if len(codes) == 0 {
		return nil, errors.New("no members yet: list the group's countries, comma separated, e.g. AE, Saudi Arabia, EG")
	}
	slices.Sort(codes)
	return slices.Compact(codes), nil
}

// known is the file's group of the name typed, if there is one.
func (gf *groupForm) known() (figures.Group, bool) {
	return figures.GroupNamed(gf.groups, strings.TrimSpace(gf.name.Value()))
}

// fillKnown fills an empty members field with a known group's members, to
// change them.
func (gf *groupForm) fillKnown() {
	if g, ok := gf.known(); ok && strings.TrimSpace(gf.members.Value()) == "" {
		gf.members.SetValue(strings.Join(g.Members, ", "))
		gf.members.CursorEnd()
	}
}

// check checks both fields and returns the group they make.
func (gf *groupForm) check() (figures.Group, bool) {
	gf.nameErr, gf.membersErr = "", ""
	if err := figures.CheckGroupName(gf.name.Value()); err != nil {
		gf.nameErr = err.Error()
	}
	members, err := parseMembers(gf.members.Value())
	if err != nil {
		gf.membersErr = err.Error()
	}
	if gf.nameErr != "" || gf.membersErr != "" {
		return figures.Group{}, false
	}
	g, err := figures.NewGroup(gf.name.Value(), members)
	if err != nil {
		gf.err = err.Error()
		return figures.Group{}, false
	}
	return g, true
}

// move switches the focus between the fields, checking the one left.
func (gf *groupForm) move() tea.Cmd {
	if gf.onMembers {
		gf.onMembers = false
		gf.members.Blur()
		return gf.name.Focus()
	}
	gf.nameErr = ""
	if err := figures.CheckGroupName(gf.name.Value()); err != nil {
		gf.nameErr = err.Error()
	}
	gf.fillKnown()
	gf.onMembers = true
	gf.name.Blur()
	return gf.members.Focus()
}

func (gf groupForm) update(msg tea.Msg) (groupForm, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	in := &gf.name
	if gf.onMembers {
		in = &gf.members
	}
	if !ok {
		var cmd tea.Cmd
		*in, cmd = editInput(*in, msg)
		return gf, cmd
	}
	switch km.String() {
	case "esc":
		return gf, func() tea.Msg { return groupCancelMsg{} }
	case "tab":
		// Tab takes a visible completion of the name first.
		if s := in.CurrentSuggestion(); !gf.onMembers && s != "" && in.Value() != "" && !strings.EqualFold(s, in.Value()) {
			in.SetValue(s)
			in.CursorEnd()
			return gf, nil
		}
		return gf, gf.move()
	case "shift+tab", "up", "down":
		return gf, gf.move()
	case "enter", "ctrl+s":
		if !gf.onMembers && km.String() == "enter" {
			return gf, gf.move()
		}
		g, ok := gf.check()
		if !ok {
			gf.err = "fix the field marked below; nothing was saved"
			return gf, nil
		}
		gf.err = ""
		return gf, func() tea.Msg { return groupSubmitMsg{g} }
	case "ctrl+d":
		g, ok := gf.known()
		if !ok {
			gf.err = fmt.Sprintf("no group is called %s: type the name of one to delete (%s)", figures.Quote(figures.Sanitize(strings.TrimSpace(gf.name.Value()))), gf.groupList())
			return gf, nil
		}
		return gf, func() tea.Msg { return groupDeleteMsg{g} }
	}
	var cmd tea.Cmd
	*in, cmd = editInput(*in, msg)
	gf.err = ""
	return gf, cmd
}

// groupList names the file's groups with their sizes, or says there are none.
func (gf groupForm) groupList() string {
	if len(gf.groups) == 0 {
		return "there are none yet"
	}
	parts := make([]string, len(gf.groups))
	for i, g := range gf.groups {
		parts[i] = fmt.Sprintf("%s (%d)", figures.Sanitize(g.Name), len(g.Members))
	}
	return "your groups: " + strings.Join(parts, ", ")
}

func (gf groupForm) view(width int) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\n") }
	wrapped := func(style func(string) string, lead, s string) {
		for i, l := range textfit.Wrap(s, max(10, width-textfit.Width(lead))) {
			if i > 0 {
				lead = strings.Repeat(" ", textfit.Width(lead))
			}
			line(style(lead + l))
		}
	}
	muted := func(s string) string { return gf.st.Render(gf.st.Muted, s) }
	bad := func(s string) string { return gf.st.Render(gf.st.Error, s) }
	line(gf.st.Render(gf.st.Title, "Groups of countries") + " — tab moves, enter saves, esc closes")
	wrapped(muted, "", "A known name fills in its members to change; ctrl+d deletes the group named (asked first).")
	if gf.err != "" {
		wrapped(bad, "", gf.err)
	}
	for i, f := range []struct {
		label string
		in    textinput.Model
		err   string
	}{{"Name", gf.name, gf.nameErr}, {"Members", gf.members, gf.membersErr}} {
		marker := "  "
		if (i == 1) == gf.onMembers {
			marker = "> "
		}
		f.in.Width = max(10, width-16)
		line(textfit.Cut(fmt.Sprintf("%s%-9s %s", marker, f.label, noBidi(inputView(f.in))), width))
		if f.err != "" {
			wrapped(bad, "            ↳ ", f.err)
		}
	}
	// What the members read as, before anything is saved.
	if members, err := parseMembers(gf.members.Value()); err == nil {
		labels := make([]string, len(members))
		for i, c := range members {
			labels[i] = figures.CountryLabel(c)
		}
		wrapped(muted, "            ", fmt.Sprintf("reads as %d: %s", len(members), strings.Join(labels, ", ")))
		if old, ok := gf.known(); ok {
			wrapped(muted, "            ", changeText(old, members))
		}
	} else if strings.TrimSpace(gf.members.Value()) != "" && gf.membersErr == "" {
		wrapped(bad, "            ", err.Error())
	}
	line("")
	wrapped(muted, "", gf.groupList()+". g picks a group as the market; a figure still belongs to one country.")
	return textfit.CutLines(b.String(), width)
}

// changeText says what saving members under a known group's name does.
func changeText(old figures.Group, members []string) string {
	if slices.Equal(old.Members, members) {
		return fmt.Sprintf("%s has these members already", figures.Sanitize(old.Name))
	}
	added, removed := store.MemberChanges(old.Members, members)
	return fmt.Sprintf("saving replaces %s (%s): %s", figures.Sanitize(old.Name), strings.Join(old.Members, ", "), addsRemoves(added, removed))
}

// addsRemoves words the members a change adds and removes.
func addsRemoves(added, removed []string) string {
	list := func(codes []string) string {
		if len(codes) == 0 {
			return "none"
		}
		return strings.Join(codes, ", ")
	}
	return "adds " + list(added) + "; removes " + list(removed)
}
