package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/uptake/uptake/report"
)

func keyOf(t tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: t} }

// TestEditInput_WholeClusters: left, right, backspace and delete take a
// whole grapheme cluster, where textinput takes one rune of it.
func TestEditInput_WholeClusters(t *testing.T) {
	family := "👩‍👩‍👧‍👦" // seven runes
	in := newInput(report.PlainStyles())
	in.Focus()
	in.SetValue("a" + family + "b")
	in.CursorEnd()
	steps := []struct {
		key   tea.KeyType
		pos   int
		value string
	}{
		{tea.KeyLeft, 8, "a" + family + "b"},
		{tea.KeyLeft, 1, "a" + family + "b"},
		{tea.KeyRight, 8, "a" + family + "b"},
		{tea.KeyBackspace, 1, "ab"},
		{tea.KeyLeft, 0, "ab"},
	}
	for i, s := range steps {
		in, _ = editInput(in, keyOf(s.key))
		if in.Position() != s.pos || in.Value() != s.value {
			t.Fatalf("step %d (%v): at %d in %q, want %d in %q", i+1, s.key, in.Position(), in.Value(), s.pos, s.value)
		}
	}
	in.SetValue("e\u0301" + family + "🇮🇳")
	in.CursorStart()
	for _, want := range []string{family + "🇮🇳", "🇮🇳", ""} {
		in, _ = editInput(in, keyOf(tea.KeyDelete))
		if in.Value() != want {
			t.Fatalf("delete left %q, want %q", in.Value(), want)
		}
	}
}

// TestInputView_CursorCoversACluster: the cursor is drawn over the whole
// cluster under it, so that the terminal does not show the family split
// by the cursor's escape codes; and the field keeps to its width.
func TestInputView_CursorCoversACluster(t *testing.T) {
	family := "👩‍👩‍👧‍👦"
	in := newInput(report.PlainStyles())
	in.Prompt = "> "
	in.Cursor.Style = colourStyles(true).NewStyle()
	in.Focus()
	in.SetValue("Family " + family + " Music")
	in.SetCursor(len([]rune("Family ")) + 2) // inside the family, as a paste can leave it
	if v := inputView(in); !strings.Contains(v, "\x1b[7m"+family+"\x1b[0m") {
		t.Errorf("the cursor does not cover the family: %q", v)
	}
	for w := 1; w <= 30; w++ {
		in.Width = w
		for p := 0; p <= len([]rune(in.Value())); p++ {
			in.SetCursor(p)
			v := inputView(in)
			if part := brokenCluster(v); part != "" {
				t.Fatalf("width %d, cursor %d: %q outside its cluster: %q", w, p, part, v)
			}
			if vw := ansi.StringWidth(v); vw > 2+max(w, 2) {
				t.Fatalf("width %d, cursor %d: %d columns: %q", w, p, vw, v)
			}
		}
	}
}

// TestInputView_LikeTextinput: on plain text that fits, inputView draws
// what textinput draws, trailing padding aside, so the form and filters
// look as they did.
func TestInputView_LikeTextinput(t *testing.T) {
	cases := []func(in *textinput.Model){
		func(in *textinput.Model) { in.SetValue("Resso"); in.Focus() },
		func(in *textinput.Model) { in.SetValue("Resso"); in.Focus(); in.SetCursor(2) },
		func(in *textinput.Model) { in.Placeholder = "YYYY-MM"; in.Focus() },
		func(in *textinput.Model) { in.Placeholder = "YYYY-MM" },
		func(in *textinput.Model) {
			in.ShowSuggestions = true
			in.SetSuggestions([]string{"Spotify"})
			in.Focus()
			*in, _ = in.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("Sp")})
		},
	}
	for i, set := range cases {
		in := newInput(report.PlainStyles())
		in.Prompt = "app: "
		in.Width = 20
		set(&in)
		if got, want := inputView(in), strings.TrimRight(in.View(), " "); strings.TrimRight(got, " ") != want {
			t.Errorf("case %d: inputView %q, textinput %q", i+1, got, want)
		}
	}
}
