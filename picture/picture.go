// Package picture draws a chart of installs as a picture, SVG or PNG, to
// paste into a report: a title, axes on round values, a legend that reads
// in black and white, the marks of the numbers, numbered events and the
// source line.
//
// It draws what it is given and works out no figure of its own: a gap
// stays a gap (the line breaks), and what cannot be drawn, such as a zero
// on a log axis, is said in a note under the chart rather than left out
// silently. Drawing uses gonum.org/v1/plot's vg packages, but not its
// root package (see frame.go), with the Liberation Sans fonts embedded in
// the program, so nothing depends on the fonts of the machine.
package picture

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// The size of every picture. A PNG is drawn at DPI dots per inch, so it
// is always PixelWidth × PixelHeight pixels (960 × 720).
const (
	Width  vg.Length = 10 * vg.Inch // 720 pt
	Height vg.Length = 7.5 * vg.Inch
	DPI              = 96

	PixelWidth  = 960
	PixelHeight = 720
)

// Limits on what a chart may hold: past them the picture could not be
// read (or would take long to draw), so the input is refused.
const (
	MaxPoints = 2400 // months (or other points) on the x-axis
	MaxSeries = 24
	MaxEvents = 60
	MaxNotes  = 40
	// MaxValue bounds the size of a value: no app has a quadrillion
	// installs, and past it the tick labels would be nonsense.
	MaxValue = 1e15
	// MinMagnitude is the smallest size of a value other than 0 that
	// can be drawn; a smaller one is a slip upstream, not a figure.
	MinMagnitude = 1e-9
)

// ErrNothingToDraw is wrapped by the error SVG and PNG return when the
// chart has no value that could be drawn (no months, no series, every
// value missing, or on a log scale every value 0 or missing).
var ErrNothingToDraw = errors.New("nothing to draw")

// Scale of the y-axis.
type Scale int

const (
	Linear Scale = iota
	Log
	// Index: the values are already indexed (100 at the base month); the
	// axis is linear with plain numbers, and a line marks 100.
	Index
)

func (s Scale) String() string {
	switch s {
	case Linear:
		return "linear"
	case Log:
		return "log"
	case Index:
		return "index"
	}
	return fmt.Sprintf("Scale(%d)", int(s))
}

// Unit of the values, which decides how tick labels are written. On the
// Index scale the labels are plain numbers whatever the unit.
type Unit int

const (
	Installs Unit = iota // 2.5M, 950k (figures.FormatInstalls)
	Percent              // values are fractions, 0.25 is written 25%
)

func (u Unit) String() string {
	switch u {
	case Installs:
		return "installs"
	case Percent:
		return "percent"
	}
	return fmt.Sprintf("Unit(%d)", int(u))
}

// Chart is what a picture shows. All text is made safe where it is drawn
// (figures.Sanitize), and cut or wrapped when too long.
type Chart struct {
	Title    string   // e.g. "Installs since launch · Indonesia · all platforms"
	Subtitle string   // optional second line, e.g. the window or "log scale"
	XLabels  []string // one per point: "2020-03", "Mar 20" or "M1"; ticks are regular (see xTicks)
	YLabel   string   // e.g. "installs per month", "index (2020-03 = 100)"
	Scale    Scale
	Unit     Unit
	Series   []Series
	Events   []Event
	Notes    []string // short lines under the chart: warnings, what was left out
	Sources  string   // the source line; always drawn
}

// Series is one line of the chart.
type Series struct {
	Name       string
	Values     []float64 // one per XLabel; NaN = no figure (a gap: the line breaks)
	Spread     []bool    // nil or one per value: spread evenly from a longer figure (≈), drawn lighter
	Estimate   []bool    // nil or one per value: rests on an estimate (*), a hollow marker
	LowerBound []bool    // nil or one per value: a lower bound (≥), a caret above the point
}

// Event is a dated happening drawn as a numbered vertical line.
type Event struct {
	At    int    // index into XLabels; out of range: not drawn
	Label string // "TikTok banned in India (took effect end of June 2020)"
}

// SVG writes the chart as an SVG document of Width × Height points. The
// same chart gives the same bytes. Nothing is written if it fails.
func SVG(w io.Writer, c Chart) error {
	if err := check(c); err != nil {
		return err
	}
	cv := vgsvg.New(Width, Height)
	if err := render(draw.New(cv), c); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := cv.WriteTo(&buf); err != nil {
		return fmt.Errorf("writing the SVG picture: %w", err)
	}
	if _, err := w.Write(withFallbackFonts(buf.Bytes())); err != nil {
		return fmt.Errorf("writing the SVG picture: %w", err)
	}
	return nil
}

// PNG writes the chart as a PNG image of PixelWidth × PixelHeight pixels.
// Nothing is written if the drawing fails.
func PNG(w io.Writer, c Chart) error {
	if err := check(c); err != nil {
		return err
	}
	cv := vgimg.NewWith(vgimg.UseWH(Width, Height), vgimg.UseDPI(DPI))
	if err := render(draw.New(glyphByGlyph{cv}), c); err != nil {
		return err
	}
	if _, err := (vgimg.PngCanvas{Canvas: cv}).WriteTo(w); err != nil {
		return fmt.Errorf("writing the PNG picture: %w", err)
	}
	return nil
}

// glyphByGlyph draws text one glyph at a time, each where the layout
// measured it. Drawn whole, a string gets the kerning of
// golang.org/x/image's opentype Face.Kern, which is not scaled to the
// font size (golang/go#46727): "TikTok" comes out "TikT ok".
type glyphByGlyph struct{ *vgimg.Canvas }

func (g glyphByGlyph) FillString(f font.Face, pt vg.Point, s string) {
	for i := 0; i < len(s); {
		// Where the glyph starts: the width up to and including it (its
		// kerning with the one before), less its own advance.
		_, size := utf8.DecodeRuneInString(s[i:])
		glyph := s[i : i+size]
		i += size
		x := f.Width(s[:i]) - f.Width(glyph)
		g.Canvas.FillString(f, vg.Point{X: pt.X + x, Y: pt.Y}, glyph)
	}
}

// withFallbackFonts names fonts a viewer is likely to have after the
// embedded Liberation ones the layout was measured with: Arial and
// Helvetica have the same widths as Liberation Sans, so text keeps its
// place where Liberation is not installed. gonum writes the family as a
// bare name at the start of a style attribute; text content cannot hold
// `style="` because its quotes are escaped.
func withFallbackFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg,
		[]byte(`style="font-family:Liberation Sans;`),
		[]byte(`style="font-family:'Liberation Sans',Arial,Helvetica,sans-serif;`))
}
