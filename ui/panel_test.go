package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestPanels_CutToTheirWidth: the pickers, the form, the confirmation
// and a view's "more lines" line keep to the width they are given, not
// only once the frame cuts them, so that each can be drawn on its own.
func TestPanels_CutToTheirWidth(t *testing.T) {
	m := newDriven(t, true)
	family := "👩‍👩‍👧‍👦 Family Music " + strings.Repeat("网", 30)
	draw := map[string]func(w int) string{}
	for _, k := range []string{"p", "g", "w"} {
		k := k
		draw["picker "+k] = func(w int) string { return drive(t, m, press(k)).picker.view(w) }
	}
	form := drive(t, m, press("a"))
	form.form.fields[fApp].input.SetValue(family)
	draw["form"] = form.form.view
	gf := drive(t, m, keys("G", "Gulf", "tab", "AE, SA, QA, KW, BH, OM, DD")...)
	draw["group form"] = gf.groupForm.view
	c := &confirm{st: colourStyles(true), question: "Delete " + family + "?"}
	draw["confirm"] = c.view
	draw["pane"] = func(w int) string {
		p := newPane()
		p.loaded = true
		p.setSize(w, 5)
		p.setContent(strings.Repeat("line\n", 40))
		return p.view()
	}
	for name, fn := range draw {
		for _, w := range []int{-1, 0, 1, 2, 9, 10, 17, 40, 80} {
			for i, l := range strings.Split(fn(w), "\n") {
				if lw := ansi.StringWidth(l); lw > max(w, 0) {
					t.Errorf("%s at %d columns: line %d is %d wide: %q", name, w, i+1, lw, l)
				}
			}
		}
	}
}
