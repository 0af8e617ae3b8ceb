package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/textfit"
)

// Provenance: each view lists the numbers it shows that can be traced
// (Explainable), and each one's working comes from the domain
// (figures.Explanation), worded here for the dashboard's panel and for
// -explain.

// Item is a number a view shows, with the working behind it.
type Item struct {
	Key     string // what -explain takes to find it: "2020-03", "IN", "M5", "E1"
	Label   string // how the list of numbers shows it: "2020-03 · Resso 1.88M≈"
	Explain func() figures.Explanation
	Event   *figures.Event // an event the chart marks, not a number: EventText words it
}

// Explainable is a view's data whose numbers can be traced.
type Explainable interface {
	Items() []Item
}

// ExplanationText words an explanation in lines of at most width
// columns: the number, how it was made, the figures behind it in full
// (source, whole note, mark, last change), the other sources' figures
// for the same months, and the warnings that touch it.
func ExplanationText(e figures.Explanation, warnings []string, width int) string {
	var b strings.Builder
	line := func(indent, s string) {
		for i, l := range textfit.Wrap(s, max(10, width-len(indent))) {
			if i == 0 {
				b.WriteString(indent + l + "\n")
			} else {
				b.WriteString(strings.Repeat(" ", len(indent)) + l + "\n")
			}
		}
	}
	line("", figures.Sanitize(e.What)+" · "+e.Number)
	b.WriteString("\nHow it is made:\n")
	for _, s := range e.Steps {
		line("  ", figures.Sanitize(s))
	}
	section := func(title string, figs []figures.Figure) {
		if len(figs) == 0 {
			return
		}
		b.WriteString("\n" + title + "\n")
		for _, f := range figs {
			line("- ", figureLine(f))
			src := figures.Sanitize(f.Source)
			if src == "" {
				src = "(no source given)"
			}
			line("  ", "source: "+src)
			if f.Note != "" {
				line("  ", "note: "+figures.Sanitize(f.Note))
			}
			changed := "unknown"
			if !f.Changed.IsZero() {
				changed = f.Changed.UTC().Format("2006-01-02 15:04 UTC")
			}
			line("  ", fmt.Sprintf("estimate: %s · last changed %s", figures.YesNo(f.Estimate), changed))
		}
	}
	section("The figures behind it:", e.Figures)
	section("Other sources' figures for the same months (alternatives, not added in):", e.Others)
	if len(warnings) > 0 {
		b.WriteString("\nWarnings that touch it:\n")
		for _, w := range warnings {
			line("- ", w)
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// figureLine writes a figure in one line: "Resso WW all platforms
// 2020-03..2020-09 15,200,000".
func figureLine(f figures.Figure) string {
	span := f.From.String()
	if f.To != f.From {
		span += ".." + f.To.String()
	}
	return fmt.Sprintf("%s %s %s %s %s", figures.Sanitize(f.App), f.Country, f.Platform.Label(), span,
		figures.FormatExact(f.Installs)+figures.Marks(false, f.Estimate, false))
}

// Touching keeps the warnings that name a series an explanation draws
// on: the ones a reader of its number must see.
func Touching(warnings []string, e figures.Explanation) []string {
	return touching(warnings, labelsOf(e)...)
}

func touching(warnings []string, labels ...string) []string {
	var out []string
	for _, w := range warnings {
		for _, l := range labels {
			if strings.Contains(w, l) {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// Explain finds the numbers of a view keyed key (-explain) and words
// them; an unknown key is an error naming the keys there are.
func Explain(data Data, key string, width int) (string, error) {
	ex, ok := data.(Explainable)
	if !ok {
		return "", fmt.Errorf("this view has no numbers to explain")
	}
	var parts, keys []string
	for _, it := range ex.Items() {
		if !containsString(keys, it.Key) {
			keys = append(keys, it.Key)
		}
		if strings.EqualFold(it.Key, key) && it.Event != nil {
			parts = append(parts, EventText(*it.Event, width))
		} else if strings.EqualFold(it.Key, key) {
			e := it.Explain()
			parts = append(parts, ExplanationText(e, touching(data.Warnings(), labelsOf(e)...), width))
		}
	}
	if len(parts) == 0 {
		shown := keys
		if len(shown) > 12 {
			shown = append(shown[:12:12], fmt.Sprintf("and %d more", len(keys)-12))
		}
		return "", fmt.Errorf("%s is not a number of this view (expected one of: %s)", figures.Quote(key), strings.Join(shown, ", "))
	}
	return strings.Join(parts, "\n\n"+strings.Repeat("─", min(width, 40))+"\n\n") + "\n", nil
}

// labelsOf names the series an explanation draws on, as warnings name
// them ("Resso WW", "Resso IN ios").
func labelsOf(e figures.Explanation) []string {
	var out []string
	add := func(s string) {
		if !containsString(out, s) {
			out = append(out, s)
		}
	}
	for _, f := range append(append([]figures.Figure(nil), e.Figures...), e.Others...) {
		add(figures.Sanitize(f.App) + " " + f.Country)
	}
	return out
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// ExplainExport writes the working behind the numbers keyed key of view
// v (-explain): the same text the dashboard's panel shows.
func ExplainExport(src Source, v View, sel Selection, key string, width int, w io.Writer) error {
	data, err := v.Load(src, sel)
	if err != nil {
		return err
	}
	if err := data.Empty(); err != nil {
		return err
	}
	text, err := Explain(data, key, width)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, text)
	return err
}
