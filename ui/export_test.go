package ui

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// TestExport_DashboardFileEqualsExport: x writes exactly what -export
// prints for the same selection and width.
func TestExport_DashboardFileEqualsExport(t *testing.T) {
	s := newTestStore(t, true)
	dir := t.TempDir()
	m := newDrivenIn(t, s, dir)
	for _, k := range []string{"3", "1", "2", "4"} {
		m = drive(t, m, press(k), press("x"), press("enter"))
		if !strings.HasPrefix(m.status, "exported the ") {
			t.Fatalf("status after x: %q", m.status)
		}
		path := strings.TrimPrefix(m.status, "exported the "+m.views[m.view].Name+" view as text to ")
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := report.Export(s, m.views[m.view], m.sel, report.FormatText, m.width, &want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%v: the x file differs from the export", m.views[m.view].Name)
		}
	}
	// A second x in the same second never overwrites the first.
	m = drive(t, m, press("x"), press("enter"))
	files, _ := filepath.Glob(filepath.Join(dir, "uptake-data-*.txt"))
	if len(files) != 2 {
		t.Errorf("files = %v, want two data exports", files)
	}
}

func TestExport_UnwritableFolderSaysWhy(t *testing.T) {
	s := newTestStore(t, true)
	m := newDrivenIn(t, s, filepath.Join(t.TempDir(), "missing", "folder"))
	m = drive(t, m, press("x"), press("enter"))
	if m.export == nil || !strings.Contains(m.export.err, "does not exist") || !strings.Contains(m.View(), "does not exist") {
		t.Errorf("the dialog does not say the folder is missing:\n%s", m.View())
	}
}

// TestExport_PicksTheFormatAndShowsThePath: x exported text only, into
// the current folder. It now opens a dialog: tab picks the format (the
// name's ending follows), the file name can be changed, enter writes and
// the status names the whole path; a file already there is refused in
// the dialog and left as it was; esc writes nothing.
func TestExport_PicksTheFormatAndShowsThePath(t *testing.T) {
	s := newTestStore(t, true)
	dir := t.TempDir()
	m := newDrivenIn(t, s, dir)
	m = drive(t, m, press("1"), press("x"))
	if !strings.Contains(m.View(), "[text]") || !strings.Contains(m.View(), dir) {
		t.Fatalf("the dialog does not show the format and the folder:\n%s", m.View())
	}
	for _, c := range []struct {
		tabs   int
		format string
		ext    string
	}{{1, report.FormatMarkdown, ".md"}, {2, report.FormatCSV, ".csv"}} {
		m = drive(t, m, press("esc"), press("x"))
		for range c.tabs {
			m = drive(t, m, press("tab"))
		}
		if !strings.HasSuffix(m.export.path.Value(), c.ext) {
			t.Fatalf("%s: the name %q does not end in %s", c.format, m.export.path.Value(), c.ext)
		}
		m = drive(t, m, press("enter"))
		// A CSV file holds no warnings, and the status says so.
		status, note, _ := strings.Cut(m.status, "; ")
		if wantNote := c.format == report.FormatCSV; wantNote != strings.HasPrefix(note, "the CSV file holds the numbers and their marks, not the 2 warnings about them") {
			t.Errorf("%s: status %q", c.format, m.status)
		}
		path := strings.TrimPrefix(status, "exported the curves view as "+c.format+" to ")
		if path == status || !filepath.IsAbs(path) || !strings.HasSuffix(path, c.ext) {
			t.Fatalf("status %q does not name the whole path of a %s file", m.status, c.format)
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := report.Export(s, m.views[m.view], m.sel, c.format, m.width, &want); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: the file differs from -export -format %s", path, c.format)
		}
	}
	// A name of the user's own, then the same name again: refused.
	mine := filepath.Join(dir, "mine.txt")
	if err := os.WriteFile(mine, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	m = drive(t, m, press("x"), tea.KeyMsg{Type: tea.KeyCtrlU})
	m = drive(t, m, keys(mine, "enter")...)
	if m.export == nil || !strings.Contains(m.export.err, "there already") || !strings.Contains(m.View(), "choose another name") {
		t.Errorf("an existing file was not refused in the dialog:\n%s", m.View())
	}
	if b, _ := os.ReadFile(mine); string(b) != "keep me" {
		t.Errorf("the existing file was changed: %q", b)
	}
	before, _ := os.ReadDir(dir)
	m = drive(t, m, press("esc"))
	after, _ := os.ReadDir(dir)
	if m.export != nil || len(after) != len(before) {
		t.Errorf("esc left the dialog open or wrote a file")
	}
}

func newDrivenIn(t *testing.T, s *store.Store, dir string) Model {
	t.Helper()
	m := New(Config{Store: StoreOf(s), Styles: report.PlainStyles(), ExportDir: dir, Now: func() time.Time { return fixedNow }, Poll: -1})
	return drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, m.Init()())
}

// TestStyles_NoColorIsPlain: with NO_COLOR (lipgloss's Ascii profile) the
// styles draw no escape at all, as PlainStyles does for exports.
func TestStyles_NoColorIsPlain(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	for name, st := range map[string]report.Styles{"NO_COLOR": report.NewStylesFor(r), "plain": report.PlainStyles()} {
		if st.Color {
			t.Errorf("%s: colours are on", name)
		}
		for _, s := range []lipgloss.Style{st.Tab, st.ActiveTab, st.Error, st.Muted, st.Title, st.AppStyle(2)} {
			if got := st.Render(s, "text"); got != "text" {
				t.Errorf("%s: %q", name, got)
			}
		}
		m := newDrivenStyled(t, st)
		for _, k := range []string{"1", "2", "3", "4", "?"} {
			if v := drive(t, m, press(k)).View(); strings.ContainsRune(v, '\x1b') {
				t.Fatalf("%s: view %s draws an escape:\n%q", name, k, v)
			}
		}
	}
}

// TestStyles_HelpAndHintsFollowTheBackground: the help line and the
// fields' hints are drawn in the dashboard's styles, not in bubbles' own
// greys, on light and dark backgrounds alike.
func TestStyles_HelpAndHintsFollowTheBackground(t *testing.T) {
	for _, dark := range []bool{false, true} {
		st := colourStyles(dark)
		wantMuted := st.Muted.GetForeground().(lipgloss.AdaptiveColor).Light
		if dark {
			wantMuted = st.Muted.GetForeground().(lipgloss.AdaptiveColor).Dark
		}
		// The help line and the fields' hints are drawn in these styles
		// too, not in bubbles' own greys.
		key := st.Key.GetForeground().(lipgloss.AdaptiveColor).Light
		if dark {
			key = st.Key.GetForeground().(lipgloss.AdaptiveColor).Dark
		}
		if got := newDrivenStyled(t, st).helpLine(); !strings.Contains(got, "38;5;"+key+"m") {
			t.Errorf("dark %v: help line %q, want keys in colour %s", dark, got, key)
		}
		in := newInput(st)
		in.Placeholder = "YYYY-MM"
		if got := inputView(in); !strings.Contains(got, "38;5;"+wantMuted+"m") {
			t.Errorf("dark %v: placeholder %q, want colour %s", dark, got, wantMuted)
		}
	}
}

// x offers pictures where the view draws a chart: on Curves tab reaches
// svg and png, and the file is the picture -export -format svg writes;
// Data offers no picture.
func TestExport_PictureOfTheChart(t *testing.T) {
	s := newTestStore(t, true)
	dir := t.TempDir()
	m := newDrivenIn(t, s, dir)
	m = drive(t, m, press("1"), press("x"), press("tab"), press("tab"), press("tab"))
	if !strings.Contains(m.View(), "[svg]") {
		t.Fatalf("the dialog does not offer svg:\n%s", m.View())
	}
	m = drive(t, m, press("enter"))
	path := strings.TrimPrefix(m.status, "exported the curves view as svg to ")
	if !strings.HasSuffix(path, ".svg") {
		t.Fatalf("status %q", m.status)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := report.Export(s, m.views[m.view], m.sel, report.FormatSVG, m.width, &want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) || !bytes.HasPrefix(got, []byte("<?xml")) {
		t.Errorf("the x picture differs from -export's or is not SVG (%d bytes)", len(got))
	}
	m = drive(t, m, press("4"), press("x"))
	for _, line := range strings.Split(m.View(), "\n") {
		if strings.HasPrefix(line, "Format") && strings.Contains(line, "svg") {
			t.Errorf("Data offers a picture: %s", line)
		}
	}
}
