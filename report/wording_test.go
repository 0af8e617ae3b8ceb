package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// TestCurves_OnePartIsSingular (found by a review): "summed from 1
// platforms".
func TestCurves_OnePartIsSingular(t *testing.T) {
	s := newTestStore(t, false)
	b := store.NewBatch("t")
	b.AddFigure(figures.Figure{App: "Zed", Country: "ID", Platform: figures.Android, From: figures.MonthOf(2021, 2), To: figures.MonthOf(2021, 2), Installs: 50_000, Source: "s"}, 0)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := Export(s, curvesView(), Selection{Apps: []string{"Zed"}, Country: "ID"}, FormatText, 100, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "summed from 1 platform") || strings.Contains(out.String(), "1 platforms") {
		t.Errorf("the wording:\n%s", out.String())
	}
}
