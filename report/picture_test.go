package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/uptake/uptake/picture"
)

// The issue's own check: Compare of Resso and Spotify in Indonesia since
// launch as SVG is XML naming both apps, the title and the sources; as
// PNG it decodes at the picture's size. The SVG is kept as a golden,
// testdata/TestPicture_CompareSinceLaunch.golden, to look at.
func TestPicture_CompareSinceLaunch(t *testing.T) {
	s := newTestStore(t, true)
	sel := Selection{Apps: []string{"Resso", "Spotify"}, Country: "ID", SinceLaunch: true}
	var svg bytes.Buffer
	if err := Export(s, viewCompare, sel, FormatSVG, 100, &svg); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(svg.Bytes()))
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not XML: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			text.Write(cd)
		}
	}
	for _, want := range []string{"Resso", "Spotify", "Cumulative installs since launch · ID Indonesia · all platforms · Resso vs Spotify",
		"Sources: Sensor Tower, as reported by an Arabic news article", "M5", "In their first 5 months in Indonesia: Resso 5M · Spotify 1.2M (0.24× Resso)."} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the SVG's text lacks %q", want)
		}
	}
	golden.RequireEqual(t, svg.Bytes())

	var pic bytes.Buffer
	if err := Export(s, viewCompare, sel, FormatPNG, 100, &pic); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&pic)
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	if b := img.Bounds(); b.Dx() != picture.PixelWidth || b.Dy() != picture.PixelHeight {
		t.Errorf("PNG is %d×%d, want %d×%d", b.Dx(), b.Dy(), picture.PixelWidth, picture.PixelHeight)
	}
}

// Views without a chart refuse a picture, naming those that have one;
// a selection with nothing to draw is nothing to show, not a blank
// picture.
func TestPicture_Refusals(t *testing.T) {
	s := newTestStore(t, true)
	err := Export(s, viewCountries, Selection{Apps: []string{"Resso"}, Country: "WW"}, FormatSVG, 100, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "pictures are of curves, compare") {
		t.Errorf("countries as svg: %v", err)
	}
	err = Export(s, viewCurves, Selection{Apps: []string{"Spotify"}, Country: "BR"}, FormatPNG, 100, io.Discard)
	if !errors.Is(err, ErrNothingToShow) {
		t.Errorf("nothing to draw: %v", err)
	}
}

// Share draws its shares as a picture on a percent axis, with the two
// months both apps have figures for.
func TestPicture_Share(t *testing.T) {
	s := newMarksStore(t)
	var svg bytes.Buffer
	if err := Export(s, viewShare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}, FormatSVG, 100, &svg); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Share of installs · IN India", "Resso", "Spotify", "100%", "Sources: "} {
		if !strings.Contains(svg.String(), want) {
			t.Errorf("the share picture lacks %q", want)
		}
	}
	// The bundled data has no month both apps have: nothing to draw.
	err := Export(newTestStore(t, true), viewShare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}, FormatSVG, 100, io.Discard)
	if !errors.Is(err, ErrNothingToShow) {
		t.Errorf("share without a common month: %v", err)
	}
}
