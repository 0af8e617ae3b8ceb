package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/textfit"
)

// exportDialog is what x opens: the format, and the file the export will
// go to, a free name in the export folder to begin with, which the user
// may change. Nothing is written until enter; a file already there is
// never overwritten.
type exportDialog struct {
	of      report.View
	formats []string // what x offers for the view, in the order tab cycles them
	format  int      // in formats
	path    textinput.Model
	err     string
	writing bool
	note    string // what the export holds that the screen does not show
	st      report.Styles
}

func (m Model) openExport() (tea.Model, tea.Cmd) {
	d := exportDialog{of: m.views[m.view], st: m.st, path: newInput(m.st)}
	d.formats = report.Formats(d.of)
	dir := m.cfg.ExportDir
	if dir == "" {
		dir = "."
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	d.path.SetValue(report.FreeExportName(dir, d.of, d.formats[0], m.cfg.Now()))
	switch {
	case m.onData() && m.data.filter.Value() != "" && m.data.all.Partial():
		// How many the filter keeps is not known until every figure is read.
		d.note = fmt.Sprintf("The export holds every figure in the file (%d), not only those the filter keeps.", m.data.all.Total())
	case m.onData() && m.data.filter.Value() != "":
		d.note = fmt.Sprintf("The export holds every figure in the file (%d), not only the %d the filter keeps.", m.data.all.Total(), m.data.count())
	}
	d.path.CursorEnd()
	d.path.Focus()
	m.export = &d
	return m, nil
}

// exportMsg asks for the export the dialog describes.
type exportMsg struct {
	format, path string
}

// update handles a key in the dialog; done when it closed (esc).
func (d exportDialog) update(msg tea.Msg) (exportDialog, bool, tea.Cmd) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || d.writing {
		return d, false, nil
	}
	switch km.String() {
	case "esc":
		return d, true, nil
	case "tab", "shift+tab":
		step := 1
		if km.String() == "shift+tab" {
			step = len(d.formats) - 1
		}
		old := d.formats[d.format]
		d.format = (d.format + step) % len(d.formats)
		// The name follows the format when it still ends as the old one did.
		if p := d.path.Value(); strings.HasSuffix(p, report.Extension(old)) {
			d.path.SetValue(strings.TrimSuffix(p, report.Extension(old)) + report.Extension(d.formats[d.format]))
			d.path.CursorEnd()
		}
		d.err = ""
		return d, false, nil
	case "enter":
		p := resolveExportPath(d.path.Value())
		if p == "" {
			d.err = "type the name of the file to write"
			return d, false, nil
		}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			d.err = p + " is a folder: add a file name to it"
			return d, false, nil
		}
		d.err, d.writing = "", true
		format := d.formats[d.format]
		return d, false, func() tea.Msg { return exportMsg{format: format, path: p} }
	}
	var cmd tea.Cmd
	d.path, cmd = d.path.Update(msg)
	d.err = ""
	return d, false, cmd
}

func (d exportDialog) view(width int) string {
	var b strings.Builder
	b.WriteString(d.st.Render(d.st.Title, "Export the "+d.of.Name+" view") + "\n")
	for _, l := range textfit.Wrap("tab changes the format, enter writes, esc cancels; an existing file is never overwritten", width) {
		b.WriteString(d.st.Render(d.st.Muted, l) + "\n")
	}
	if d.note != "" {
		for _, l := range textfit.Wrap(d.note, width) {
			b.WriteString(d.st.Render(d.st.Warning, l) + "\n")
		}
	}
	b.WriteString("\n")
	var formats []string
	for i, f := range d.formats {
		if i == d.format {
			formats = append(formats, "["+f+"]")
		} else {
			formats = append(formats, " "+f+" ")
		}
	}
	b.WriteString(textfit.Cut("Format  "+strings.Join(formats, " "), width) + "\n")
	b.WriteString(textfit.Cut("File    ", width))
	in := d.path
	in.Width = max(width-10, 10)
	b.WriteString(noBidi(inputView(in)) + "\n")
	// The whole path, however long: the field may scroll.
	if p := resolveExportPath(d.path.Value()); p != "" {
		for _, l := range textfit.Wrap("writes "+figures.Sanitize(p), width) {
			b.WriteString(d.st.Render(d.st.Muted, l) + "\n")
		}
	}
	if d.writing {
		b.WriteString(d.st.Render(d.st.Muted, "writing…") + "\n")
	}
	if d.err != "" {
		for _, l := range textfit.Wrap(d.err, width) {
			b.WriteString(d.st.Render(d.st.Error, l) + "\n")
		}
	}
	return b.String()
}

// exportCmd writes the export of the view on screen, at the terminal's
// width, to a new file.
func (m Model) exportCmd(format, path string) tea.Cmd {
	s, v, sel, width := m.cfg.Store, m.views[m.view], m.sel, m.width
	return func() tea.Msg {
		var abs string
		var left []string
		err := s.View(func(r Reader) error {
			var err error
			abs, left, err = report.ExportToFile(r, v, sel, format, width, path)
			return err
		})
		return exportedMsg{path: abs, format: format, left: left, err: err}
	}
}

// gotExported closes the dialog and names the file, or keeps the dialog
// open with what went wrong, so the name can be changed.
func (m Model) gotExported(msg exportedMsg) Model {
	if msg.err != nil {
		if m.export != nil && !errors.Is(msg.err, report.ErrNothingToShow) {
			d := *m.export
			d.writing, d.err = false, msg.err.Error()
			m.export = &d
			return m
		}
		m.export = nil
		m.setError(msg.err)
		return m
	}
	m.export = nil
	status := "exported the " + m.views[m.view].Name + " view as " + msg.format + " to " + msg.path
	if note := report.LeftOutNote(msg.left); note != "" {
		status += "; " + note
	}
	m.setStatus(status)
	return m
}

// resolveExportPath is the file a typed name means: ~/ is the home
// folder, and a relative name is under the current folder, made absolute.
func resolveExportPath(typed string) string {
	p := strings.TrimSpace(typed)
	if p == "" {
		return ""
	}
	if strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			p = filepath.Join(home, p[2:])
		}
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return p
}
