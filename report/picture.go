package report

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/picture"
)

// Picture formats: the chart of a view, for a report.
const (
	FormatSVG = "svg"
	FormatPNG = "png"
)

// Formats lists the formats view v exports in: every view as text,
// Markdown and CSV, and the views that draw a chart also as pictures.
func Formats(v View) []string {
	f := []string{FormatText, FormatMarkdown, FormatCSV}
	if v.Pictured {
		f = append(f, FormatSVG, FormatPNG)
	}
	return f
}

// IsPicture says whether a format is a picture (binary for PNG: not for
// a terminal).
func IsPicture(format string) bool { return format == FormatSVG || format == FormatPNG }

// writePicture draws the doc's chart in a picture format.
func writePicture(d *Doc, v View, format string) ([]byte, error) {
	if d.pic == nil { // a view that draws its chart only when it has one
		return nil, fmt.Errorf("%w: the %s view has no chart to draw for this selection", ErrNothingToShow, v.Name)
	}
	var b bytes.Buffer
	draw := picture.SVG
	if format == FormatPNG {
		draw = picture.PNG
	}
	if err := draw(&b, *d.pic); err != nil {
		if errors.Is(err, picture.ErrNothingToDraw) {
			return nil, fmt.Errorf("%w: %v", ErrNothingToShow, err)
		}
		return nil, fmt.Errorf("drawing the %s picture: %w", format, err)
	}
	return b.Bytes(), nil
}

func picturedViews() string {
	var names []string
	for _, v := range Views() {
		if v.Pictured {
			names = append(names, v.Name)
		}
	}
	return strings.Join(names, ", ")
}

// pictureLine is one line of a chart for a picture: what is drawn, with
// the marks of each point.
func pictureLine(name string, drawn figures.Curve) picture.Series {
	s := picture.Series{Name: figures.Sanitize(name), Values: values(drawn)}
	n := len(drawn.Points)
	s.Spread, s.Estimate, s.LowerBound = make([]bool, n), make([]bool, n), make([]bool, n)
	for i, p := range drawn.Points {
		s.Spread[i], s.Estimate[i], s.LowerBound[i] = p.Kind == figures.Spread, p.Estimate, p.LowerBound
	}
	return s
}

// pictureScale is a view's scale as the picture draws it, and the y-axis
// label that says what the values are.
func pictureScale(s Scale, what string) (picture.Scale, string) {
	switch s {
	case ScaleLog:
		return picture.Log, what + " (log scale)"
	case ScaleIndex:
		return picture.Index, "index (first month with a figure = 100)"
	}
	return picture.Linear, what
}

// sourceLine names the sources of the figures a picture draws, in one
// line: the figures themselves are in the text export and in -explain.
func sourceLine(used []sourceUse) string {
	if len(used) == 0 {
		return "Sources: not given"
	}
	var names []string
	for _, u := range used {
		names = append(names, figures.Sanitize(u.Source))
	}
	return "Sources: " + strings.Join(names, "; ")
}

// pictureNotes are the notes under a picture: the scale's notes and the
// reading rules' warnings, the first few in full and the rest counted.
func pictureNotes(scaleNotes, warnings []string) []string {
	const maxWarnings = 4
	out := append([]string{}, scaleNotes...)
	for i, w := range warnings {
		if i == maxWarnings {
			out = append(out, fmt.Sprintf("… and %d more warnings: the text export lists them all", len(warnings)-maxWarnings))
			break
		}
		out = append(out, "Warning: "+w)
	}
	return out
}

// pictureEvents are the events a chart marks, as a picture numbers and
// lists them (in month order, as the text's legend).
func pictureEvents(events []ChartEvent) []picture.Event {
	var out []picture.Event
	for _, e := range events {
		text := figures.Sanitize(e.Text)
		if e.App != "" {
			text = figures.Sanitize(e.App) + ": " + text
		}
		out = append(out, picture.Event{At: e.Index, Label: figures.CountryLabel(e.Country) + " · " + text})
	}
	return out
}

// summedNote names the lines of a picture with values summed from parts
// (Σ), which the picture has no mark for: "Σ summed from parts (countries
// or platforms): Resso, Spotify"; "" when none is.
func summedNote(names []string, drawn []figures.Curve) string {
	var summed []string
	for i, c := range drawn {
		if slices.ContainsFunc(c.Points, func(p figures.Point) bool { return p.Summed && p.Kind != figures.Gap }) {
			summed = append(summed, figures.Sanitize(names[i]))
		}
	}
	if len(summed) == 0 {
		return ""
	}
	return "Σ summed from parts (countries or platforms), in some or all months: " + strings.Join(summed, ", ")
}
