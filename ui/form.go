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

// formKind says what a form writes.
type formKind int

const (
	figureForm formKind = iota
	launchForm
	mergeForm
	eventForm // event_form.go
)

// field is one labelled input with the message of its last check.
type field struct {
	label string
	hint  string
	input textinput.Model
	check func(string) error
	err   string
}

// form adds or edits a figure, or sets a launch. Each field is checked
// when it is left, and the message stays under it until it is right;
// nothing is saved while any field is wrong.
type form struct {
	kind   formKind
	st     report.Styles
	fields []field
	focus  int
	old    *figures.Key // editing: the figure's identity before the edit
	err    string       // a problem with the whole form
}

const (
	fApp = iota
	fCountry
	fPlatform
	fFrom
	fTo
	fInstalls
	fSource
	fNote
	fEstimate
)

func newField(st report.Styles, label, hint string, check func(string) error) field {
	in := newInput(st)
	in.Prompt = ""
	in.CharLimit = figures.MaxTextLen
	in.Placeholder = hint
	return field{label: label, hint: hint, input: in, check: check}
}

// newFigureForm opens the figure form, empty or filled from f.
func newFigureForm(st report.Styles, apps []figures.App, f *figures.Figure) *form {
	fm := &form{kind: figureForm, st: st}
	fm.fields = []field{
		newField(st, "App", "a known name, or a new one", checkName),
		newField(st, "Country", "code or name: IN, India, WW", checkCountry),
		newField(st, "Platform", "all (both stores), ios or android; empty is all", checkPlatform),
		newField(st, "From", "YYYY-MM", checkMonth),
		newField(st, "To", "YYYY-MM, empty for one month", checkOptionalMonth),
		newField(st, "Installs", "3600000, 3,600,000, 3.6M, 950k", checkInstalls),
		newField(st, "Source", "where the figure comes from", checkText),
		newField(st, "Note", "optional", checkText),
		newField(st, "Estimate", "yes or no (space flips)", checkEstimate),
	}
	completeAppAndCountry(fm, apps)
	fm.fields[fApp].input.CharLimit = figures.MaxNameLen
	fm.fields[fEstimate].input.ShowSuggestions = true
	fm.fields[fEstimate].input.SetSuggestions([]string{"no", "yes"})
	if f != nil {
		k := f.Key()
		fm.old = &k
		vals := []string{f.App, f.Country, f.Platform.String(), f.From.String(), f.To.String(), fmt.Sprint(f.Installs), f.Source, f.Note, figures.YesNo(f.Estimate)}
		if f.To == f.From {
			vals[fTo] = ""
		}
		for i, v := range vals {
			fm.fields[i].input.SetValue(figures.Sanitize(v)) // saved, the figure is stored clean
		}
	}
	fm.fields[0].input.Focus()
	return fm
}

// completeAppAndCountry makes a form's first two fields, app and country,
// complete the known apps and the countries.
func completeAppAndCountry(fm *form, apps []figures.App) {
	names := make([]string, len(apps))
	for i, a := range apps {
		names[i] = figures.Sanitize(a.Name) // a completion is drawn as it is
	}
	fm.fields[fApp].input.ShowSuggestions = true
	fm.fields[fApp].input.SetSuggestions(names)
	fm.fields[fCountry].input.ShowSuggestions = true
	fm.fields[fCountry].input.SetSuggestions(countrySuggestions())
}

// newMergeForm opens the form that merges an app into another, or
// renames it: app is the one to move, into a known app or a new name.
func newMergeForm(st report.Styles, apps []figures.App, app string) *form {
	fm := &form{kind: mergeForm, st: st}
	names := make([]string, len(apps))
	for i, a := range apps {
		names[i] = figures.Sanitize(a.Name)
	}
	known := func(s string) error {
		if err := checkName(s); err != nil {
			return err
		}
		for _, a := range apps {
			if strings.EqualFold(a.Name, strings.TrimSpace(s)) {
				return nil
			}
		}
		return fmt.Errorf("no app is called %s (expected one of the apps in the file)", figures.Quote(figures.Sanitize(strings.TrimSpace(s))))
	}
	fm.fields = []field{
		newField(st, "App", "the app to move: a known name", known),
		newField(st, "Into", "a known app to merge it into, or a new name to rename it", checkName),
	}
	for i := range fm.fields {
		fm.fields[i].input.ShowSuggestions = true
		fm.fields[i].input.SetSuggestions(names)
	}
	fm.fields[0].input.SetValue(figures.Sanitize(app))
	fm.fields[0].input.Focus()
	return fm
}

// newLaunchForm opens the launch form for an app and country.
func newLaunchForm(st report.Styles, apps []figures.App, app, country string) *form {
	fm := &form{kind: launchForm, st: st}
	fm.fields = []field{
		newField(st, "App", "a known name, or a new one", checkName),
		newField(st, "Country", "code or name: IN, India", checkCountry),
		newField(st, "Launched", "YYYY-MM: the month it became available", checkMonth),
	}
	completeAppAndCountry(fm, apps)
	fm.fields[0].input.SetValue(figures.Sanitize(app))
	if country != "" && country != figures.Worldwide {
		fm.fields[1].input.SetValue(country)
	}
	fm.fields[0].input.Focus()
	return fm
}

func countrySuggestions() []string {
	out := []string{figures.Worldwide, figures.CountryName(figures.Worldwide)}
	for _, c := range figures.CountryCodes() {
		out = append(out, c, figures.CountryName(c))
	}
	// In the order of the alphabet, so that "Ind" completes to India
	// (which it also reads as, IND) before Indonesia.
	slices.SortStableFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

// exactCountry reports whether a field's text is a country as it stands:
// a code or a name, not the start of one.
func exactCountry(typed string) bool {
	c, err := figures.ParseCountry(typed)
	t := strings.TrimSpace(typed)
	return err == nil && (strings.EqualFold(t, c) || strings.EqualFold(t, figures.CountryName(c)))
}

// formSubmitMsg carries a checked form out: a figure, a launch or an event.
type formSubmitMsg struct {
	fig    figures.Figure
	launch figures.Launch
	event  figures.Event
	merge  [2]string // from, into
	kind   formKind
	old    *figures.Key
	newApp bool // the user said yes to a name no app has
}

// formCancelMsg closes the form without saving.
type formCancelMsg struct{}

// leave checks the focused field and moves the focus by delta.
func (f *form) leave(delta int) tea.Cmd {
	f.checkField(f.focus)
	f.fields[f.focus].input.Blur()
	f.focus = (f.focus + delta + len(f.fields)) % len(f.fields)
	return f.fields[f.focus].input.Focus()
}

func (f *form) checkField(i int) bool {
	fl := &f.fields[i]
	fl.err = ""
	if err := fl.check(fl.input.Value()); err != nil {
		fl.err = err.Error()
		return false
	}
	if f.kind == figureForm && (i == fFrom || i == fTo) {
		from, e1 := figures.ParseMonth(f.fields[fFrom].input.Value())
		to, e2 := figures.ParseMonth(f.fields[fTo].input.Value())
		if e1 == nil && e2 == nil && to < from {
			f.fields[fTo].err = fmt.Sprintf("%s is before from %s (expected the same month or later)", to, from)
			return i != fTo
		}
	}
	return true
}

func (f *form) update(msg tea.Msg) (*form, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		var cmd tea.Cmd
		f.fields[f.focus].input, cmd = editInput(f.fields[f.focus].input, msg)
		return f, cmd
	}
	switch km.String() {
	case "esc":
		return f, func() tea.Msg { return formCancelMsg{} }
	case "shift+tab", "up":
		return f, f.leave(-1)
	case "down":
		return f, f.leave(1)
	case "tab":
		in := &f.fields[f.focus].input
		// Tab takes a visible completion first, as shells do, unless a
		// country is already a valid code or name as typed ("BR").
		typed := in.Value()
		if s := in.CurrentSuggestion(); s != "" && typed != "" && !strings.EqualFold(s, typed) &&
			(f.focus != fCountry || !exactCountry(typed)) {
			in.SetValue(s)
			in.CursorEnd()
			return f, nil
		}
		if f.focus == len(f.fields)-1 {
			return f, f.leave(-f.focus)
		}
		return f, f.leave(1)
	case "enter":
		if f.focus == fCountry && f.kind != mergeForm {
			// Enter takes the country shown, as the country picker does.
			in := &f.fields[f.focus].input
			if sugg := in.CurrentSuggestion(); sugg != "" && in.Value() != "" && !exactCountry(in.Value()) {
				in.SetValue(sugg)
				in.CursorEnd()
			}
		}
		if f.focus < len(f.fields)-1 {
			return f, f.leave(1)
		}
		return f.submit()
	case "ctrl+s":
		return f.submit()
	case " ":
		// Space flips a yes/no field, as a checkbox would.
		if f.kind == figureForm && f.focus == fEstimate {
			in := &f.fields[fEstimate].input
			if est, _ := figures.ParseEstimate(in.Value()); est {
				in.SetValue("no")
			} else {
				in.SetValue("yes")
			}
			in.CursorEnd()
			return f, nil
		}
	}
	var cmd tea.Cmd
	f.fields[f.focus].input, cmd = editInput(f.fields[f.focus].input, msg)
	return f, cmd
}

// submit checks every field and sends the record, or focuses the first
// field that is wrong.
func (f *form) submit() (*form, tea.Cmd) {
	bad := -1
	for i := range f.fields {
		if !f.checkField(i) && bad < 0 {
			bad = i
		}
	}
	for i := range f.fields {
		if f.fields[i].err != "" && bad < 0 {
			bad = i
		}
	}
	if bad >= 0 {
		f.err = "fix the field marked below; nothing was saved"
		f.fields[f.focus].input.Blur()
		f.focus = bad
		return f, f.fields[bad].input.Focus()
	}
	f.err = ""
	v := func(i int) string { return strings.TrimSpace(f.fields[i].input.Value()) }
	country, _ := figures.ParseCountry(v(fCountry))
	if f.kind == mergeForm {
		pair := [2]string{v(0), v(1)}
		return f, func() tea.Msg { return formSubmitMsg{kind: mergeForm, merge: pair} }
	}
	if f.kind == eventForm {
		e := f.event(v, country)
		return f, func() tea.Msg { return formSubmitMsg{kind: eventForm, event: e} }
	}
	if f.kind == launchForm {
		m, _ := figures.ParseMonth(v(2))
		l := figures.Launch{App: v(0), Country: country, Month: m}
		return f, func() tea.Msg { return formSubmitMsg{kind: launchForm, launch: l} }
	}
	from, _ := figures.ParseMonth(v(fFrom))
	to := from
	if v(fTo) != "" {
		to, _ = figures.ParseMonth(v(fTo))
	}
	n, _ := figures.ParseInstalls(v(fInstalls))
	est, _ := figures.ParseEstimate(v(fEstimate))
	platform, _ := figures.ParsePlatform(v(fPlatform))
	fig := figures.Figure{App: v(fApp), Country: country, Platform: platform, From: from, To: to, Installs: n,
		Source: v(fSource), Note: v(fNote), Estimate: est}
	old := f.old
	return f, func() tea.Msg { return formSubmitMsg{kind: figureForm, fig: fig, old: old} }
}

func (f *form) view(width int) string {
	var b strings.Builder
	title := "Add a figure"
	switch {
	case f.kind == launchForm:
		title = "Set a launch month"
	case f.kind == mergeForm:
		title = "Merge or rename an app"
	case f.kind == eventForm:
		title = "Add an event"
	case f.old != nil:
		title = "Edit " + f.old.String()
	}
	b.WriteString(f.st.Render(f.st.Title, title) + " — tab/shift+tab move, enter on the last field saves, esc cancels\n")
	if f.err != "" {
		for _, l := range textfit.Wrap(f.err, width) {
			b.WriteString(f.st.Render(f.st.Error, l) + "\n")
		}
	}
	for i, fl := range f.fields {
		marker := "  "
		if i == f.focus {
			marker = "> "
		}
		fl.input.Width = max(10, width-16)
		b.WriteString(textfit.Cut(fmt.Sprintf("%s%-9s %s", marker, fl.label, noBidi(inputView(fl.input))), width) + "\n")
		if fl.err != "" {
			// Wrapped under the field, never cut: the message says what to type.
			for i, l := range textfit.Wrap(fl.err, max(10, width-14)) {
				lead := "            ↳ "
				if i > 0 {
					lead = "              "
				}
				b.WriteString(f.st.Render(f.st.Error, lead+l) + "\n")
			}
		}
	}
	return textfit.CutLines(b.String(), width) // the title too
}
