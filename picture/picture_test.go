package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"
	"strings"
	"testing"
)

// svgDoc is what a test reads back from an SVG: the text drawn and the
// paths with their styles. It fails the test if the SVG is not
// well-formed XML.
type svgDoc struct {
	Texts []string
	Paths []svgPath
}

type svgPath struct{ D, Style string }

func readSVG(t *testing.T, b []byte) svgDoc {
	t.Helper()
	var doc svgDoc
	dec := xml.NewDecoder(bytes.NewReader(b))
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			inText = el.Name.Local == "text"
			if el.Name.Local == "path" {
				var p svgPath
				for _, a := range el.Attr {
					switch a.Name.Local {
					case "d":
						p.D = a.Value
					case "style":
						p.Style = a.Value
					}
				}
				doc.Paths = append(doc.Paths, p)
			}
		case xml.CharData:
			if inText {
				doc.Texts = append(doc.Texts, string(el))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return doc
}

func (d svgDoc) hasText(s string) bool {
	for _, t := range d.Texts {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// lines are the paths stroked in a colour: one per unbroken stretch of a
// series' line, plus its sample in the legend.
func (d svgDoc) lines(color string) []svgPath {
	var out []svgPath
	for _, p := range d.Paths {
		if strings.Contains(p.Style, "stroke:"+color) && strings.Contains(p.Style, "fill:none") && strings.Count(p.D, "L") >= 1 {
			out = append(out, p)
		}
	}
	return out
}

// markers are the filled shapes in a colour: a value with no neighbour,
// plus the one in the legend.
func (d svgDoc) markers(color string) []svgPath {
	var out []svgPath
	for _, p := range d.Paths {
		if p.Style == "fill:"+color {
			out = append(out, p)
		}
	}
	return out
}

const (
	blue       = "#0072B2" // the first series
	vermillion = "#D55E00" // the second
)

func drawSVG(t *testing.T, c Chart) svgDoc {
	t.Helper()
	var b bytes.Buffer
	if err := SVG(&b, c); err != nil {
		t.Fatalf("SVG: %v", err)
	}
	return readSVG(t, b.Bytes())
}

func months(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = monthLabel(2020+i/12, i%12+1)
	}
	return out
}

func TestSVG_HasEverything(t *testing.T) {
	c := exampleChart()
	doc := drawSVG(t, c)
	for _, want := range []string{c.Title, c.Subtitle, "TikTok", "Resso", c.Sources, c.Events[0].Label, "2020-06", c.Notes[0],
		"installs per month", "0", "2M", "4M", "6M", "8M", "2019-01", "2020-07",
		"hollow marker: rests on an estimate (*)", "spread evenly from a longer figure (≈)", "a lower bound, at least this (≥)", "a gap, not a zero"} {
		if !doc.hasText(want) {
			t.Errorf("the SVG does not show %q", want)
		}
	}
}

func TestPNG_SizeAndDecodes(t *testing.T) {
	var b bytes.Buffer
	if err := PNG(&b, exampleChart()); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	if got := img.Bounds().Size(); got.X != PixelWidth || got.Y != PixelHeight {
		t.Errorf("PNG is %v pixels, want %d×%d", got, PixelWidth, PixelHeight)
	}
	if PixelWidth != int(Width/72*DPI) || PixelHeight != int(Height/72*DPI) {
		t.Errorf("PixelWidth/PixelHeight do not match Width/Height at %d dpi", DPI)
	}
}

func TestSameChartSameBytes(t *testing.T) {
	for name, draw := range map[string]func(io.Writer, Chart) error{"SVG": SVG, "PNG": PNG} {
		var a, b bytes.Buffer
		if err := draw(&a, exampleChart()); err != nil {
			t.Fatal(err)
		}
		if err := draw(&b, exampleChart()); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: the same chart drawn twice gives different bytes", name)
		}
	}
}

func TestLog_TenThousandAndTenMillion(t *testing.T) {
	c := Chart{Title: "log", XLabels: months(12), Scale: Log, Sources: "Sources: test",
		Series: []Series{{Name: "Small", Values: constant(12, 10e3)}, {Name: "Large", Values: constant(12, 10e6)}}}
	doc := drawSVG(t, c)
	// One line each across the chart, one sample each in the legend.
	if n := len(doc.lines(blue)); n != 2 {
		t.Errorf("the 10k series is drawn as %d stroked paths, want 2 (its line and its legend sample)", n)
	}
	if n := len(doc.lines(vermillion)); n != 2 {
		t.Errorf("the 10M series is drawn as %d stroked paths, want 2", n)
	}
	for _, tick := range []string{"10k", "100k", "1M", "10M"} {
		if !doc.hasText(tick) {
			t.Errorf("no tick %q on the log axis; texts: %q", tick, doc.Texts)
		}
	}
	if doc.hasText("Not drawn") {
		t.Error("a note says values were left off, but none are 0")
	}
}

func TestGapsBreakTheLine(t *testing.T) {
	nan := math.NaN()
	t.Run("isolated values are points", func(t *testing.T) {
		doc := drawSVG(t, Chart{XLabels: months(3), Series: []Series{{Name: "A", Values: []float64{1, nan, 3}}}})
		if n := len(doc.lines(blue)); n != 1 {
			t.Errorf("%d stroked paths, want only the legend sample: no line may cross the gap", n)
		}
		if n := len(doc.markers(blue)); n != 3 {
			t.Errorf("%d filled markers, want 3 (two values, one legend sample)", n)
		}
	})
	t.Run("runs are separate lines", func(t *testing.T) {
		doc := drawSVG(t, Chart{XLabels: months(5), Series: []Series{{Name: "A", Values: []float64{1, 2, nan, 3, 4}}}})
		lines := doc.lines(blue)
		if len(lines) != 3 {
			t.Fatalf("%d stroked paths, want 3 (two pieces and the legend sample)", len(lines))
		}
		for _, l := range lines {
			if strings.Count(l.D, "L") != 1 {
				t.Errorf("path %q joins more than two points: it crosses the gap", l.D)
			}
		}
	})
	t.Run("a gap is never a zero", func(t *testing.T) {
		doc := drawSVG(t, Chart{XLabels: months(3), Series: []Series{{Name: "A", Values: []float64{5, nan, 5}}}})
		for _, l := range doc.lines(blue) {
			if strings.Contains(l.D, "L") && !isFlat(l.D) {
				t.Errorf("path %q is not flat: the gap was drawn as a value", l.D)
			}
		}
	})
}

// isFlat reports whether a path of one segment "Mx,yLx,y" keeps its y.
func isFlat(d string) bool {
	parts := strings.Split(strings.TrimPrefix(d, "M"), "L")
	y := func(p string) string { return p[strings.Index(p, ",")+1:] }
	return len(parts) == 2 && y(parts[0]) == y(parts[1])
}

func TestLog_ZerosAreNoted(t *testing.T) {
	c := Chart{XLabels: months(4), Scale: Log, Series: []Series{
		{Name: "TikTok", Values: []float64{0, 5e3, 0, 7e3}},
		{Name: "Resso", Values: []float64{1e3, 0, 2e3, 3e3}},
	}}
	doc := drawSVG(t, c)
	if !doc.hasText("Not drawn: 3 values of 0, which a log scale cannot show (TikTok 2, Resso 1).") {
		t.Errorf("no note of the zeros left off; texts: %q", doc.Texts)
	}
	c.Series[0].Values[0] = -1
	if doc := drawSVG(t, c); !doc.hasText("3 values of 0 or below") {
		t.Errorf("a negative value is not named in the note; texts: %q", doc.Texts)
	}
}

func TestMarksNotedOnlyWhenTheyOccur(t *testing.T) {
	doc := drawSVG(t, Chart{XLabels: months(3), Series: []Series{{Name: "A", Values: []float64{1, 2, 3}}}})
	for _, mark := range []string{"estimate", "spread", "lower bound", "gap", "Not drawn"} {
		if doc.hasText(mark) {
			t.Errorf("the notes explain %q, which does not occur", mark)
		}
	}
}

func TestSourcesAlwaysDrawn(t *testing.T) {
	doc := drawSVG(t, Chart{XLabels: months(2), Series: []Series{{Name: "A", Values: []float64{1, 2}}}})
	if !doc.hasText("Sources: not given") {
		t.Errorf("a chart without sources does not say so; texts: %q", doc.Texts)
	}
}

func TestHostileText(t *testing.T) {
	c := Chart{
		Title:   "A&B <x> \x1b[31mred\x1b[0m \u202eevil",
		XLabels: []string{"<script>", "2020-02\x00"},
		YLabel:  `"quoted" & 'single'`,
		Series: []Series{{Name: "A&B <x>", Values: []float64{1, 2}},
			{Name: "<script>alert(1)</script>", Values: []float64{2, 1}}},
		Events:  []Event{{At: 1, Label: "]]><!-- \uFFFF \uFFFE"}},
		Notes:   []string{"<b>bold</b>"},
		Sources: "Sources: <iframe>",
	}
	var b bytes.Buffer
	if err := SVG(&b, c); err != nil {
		t.Fatal(err)
	}
	doc := readSVG(t, b.Bytes())
	if !doc.hasText("A&B <x>") || !doc.hasText("<script>alert(1)</script>") {
		t.Errorf("names with markup are not shown as text; texts: %q", doc.Texts)
	}
	for _, bad := range []string{"<script", "<iframe", "<b>", "\x1b", "\u202e", "\x00"} {
		if bytes.Contains(b.Bytes(), []byte(bad)) {
			t.Errorf("the SVG holds %q raw", bad)
		}
	}
	if err := PNG(io.Discard, c); err != nil {
		t.Errorf("PNG: %v", err)
	}
}

func TestLongTextIsCut(t *testing.T) {
	long := strings.Repeat("Installs of a very long name ", 200)
	c := Chart{Title: long, Subtitle: long, YLabel: long, XLabels: []string{long, long}, Sources: long,
		Series: []Series{{Name: long, Values: []float64{1, 2}}, {Name: strings.Repeat("x", 5000), Values: []float64{3, 4}}},
		Events: []Event{{At: 0, Label: long}}, Notes: []string{long, long}}
	doc := drawSVG(t, c)
	for _, s := range doc.Texts {
		if len([]rune(s)) > 200 {
			t.Errorf("a text of %d characters was drawn: it runs off the picture", len([]rune(s)))
		}
	}
	if err := PNG(io.Discard, c); err != nil {
		t.Errorf("PNG: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	nan := math.NaN()
	ok := func() Chart {
		return Chart{XLabels: months(3), Series: []Series{{Name: "A", Values: []float64{1, 2, 3}}}}
	}
	for _, tc := range []struct {
		name    string
		edit    func(*Chart)
		nothing bool // the error wraps ErrNothingToDraw
		want    string
	}{
		{"no months", func(c *Chart) { c.XLabels = nil; c.Series[0].Values = nil }, true, "no months"},
		{"no series", func(c *Chart) { c.Series = nil }, true, "no series"},
		{"all gaps", func(c *Chart) { c.Series[0].Values = []float64{nan, nan, nan} }, true, "every value is missing"},
		{"log of zeros", func(c *Chart) { c.Scale = Log; c.Series[0].Values = []float64{0, nan, -1} }, true, "log scale"},
		{"short values", func(c *Chart) { c.Series[0].Values = []float64{1, 2} }, false, `series "A" has 2 values for 3 months`},
		{"long values", func(c *Chart) { c.Series[0].Values = []float64{1, 2, 3, 4} }, false, "4 values for 3 months"},
		{"spread length", func(c *Chart) { c.Series[0].Spread = []bool{true} }, false, "1 spread marks"},
		{"estimate length", func(c *Chart) { c.Series[0].Estimate = []bool{} }, false, "0 estimate marks"},
		{"lower-bound length", func(c *Chart) { c.Series[0].LowerBound = make([]bool, 4) }, false, "4 lower-bound marks"},
		{"infinity", func(c *Chart) { c.Series[0].Values[1] = math.Inf(1) }, false, `infinite value at "2020-02"`},
		{"huge", func(c *Chart) { c.Series[0].Values[1] = 1e300 }, false, "cannot be a figure"},
		{"tiny", func(c *Chart) { c.Series[0].Values[1] = 1e-300 }, false, "too close to 0"},
		{"too many months", func(c *Chart) { c.XLabels = make([]string, MaxPoints+1) }, false, "at most"},
		{"too many series", func(c *Chart) { c.Series = make([]Series, MaxSeries+1) }, false, "told apart"},
		{"too many events", func(c *Chart) { c.Events = make([]Event, MaxEvents+1) }, false, "events"},
		{"too many notes", func(c *Chart) { c.Notes = make([]string, MaxNotes+1) }, false, "notes"},
		{"unknown scale", func(c *Chart) { c.Scale = 7 }, false, "Scale(7)"},
		{"unknown unit", func(c *Chart) { c.Unit = -1 }, false, "Unit(-1)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := ok()
			tc.edit(&c)
			for name, draw := range map[string]func(io.Writer, Chart) error{"SVG": SVG, "PNG": PNG} {
				var b bytes.Buffer
				err := draw(&b, c)
				if err == nil {
					t.Fatalf("%s drew a bad chart", name)
				}
				if !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s: error %q does not say %q", name, err, tc.want)
				}
				if errors.Is(err, ErrNothingToDraw) != tc.nothing {
					t.Errorf("%s: errors.Is(%q, ErrNothingToDraw) = %v", name, err, !tc.nothing)
				}
				if b.Len() != 0 {
					t.Errorf("%s wrote %d bytes for a chart it refused", name, b.Len())
				}
			}
		})
	}
}

func TestEdgeCharts(t *testing.T) {
	nan := math.NaN()
	for name, c := range map[string]Chart{
		"one month":             {XLabels: []string{"2020-01"}, Series: []Series{{Name: "A", Values: []float64{5}}}},
		"all zeros":             {XLabels: months(3), Series: []Series{{Name: "A", Values: []float64{0, 0, 0}}}},
		"negative":              {XLabels: months(3), Series: []Series{{Name: "A", Values: []float64{-5, 0, 5}}}},
		"fractions":             {XLabels: months(3), Series: []Series{{Name: "A", Values: []float64{0.1, 0.3, 0.2}}}},
		"log one value":         {XLabels: months(3), Scale: Log, Series: []Series{{Name: "A", Values: []float64{nan, 1e4, nan}}}},
		"log fractions":         {XLabels: months(3), Scale: Log, Series: []Series{{Name: "A", Values: []float64{0.01, 1e9, 3}}}},
		"index flat":            {XLabels: months(3), Scale: Index, Series: []Series{{Name: "A", Values: []float64{100, 100, 100}}}},
		"percent":               {XLabels: months(3), Unit: Percent, Series: []Series{{Name: "A", Values: []float64{0.25, 0.5, 0.7}}}},
		"event out of range":    {XLabels: months(3), Series: []Series{{Name: "A", Values: []float64{1, 2, 3}}}, Events: []Event{{At: -1, Label: "x"}, {At: 3, Label: "y"}, {At: 1 << 40, Label: "z"}}},
		"many months":           {XLabels: months(MaxPoints), Series: []Series{{Name: "A", Values: constant(MaxPoints, 7)}}},
		"odd labels":            {XLabels: []string{"a", "", "c", "d"}, Series: []Series{{Name: "", Values: []float64{1, 2, 3, 4}}}},
		"all series, all marks": allMarks(),
	} {
		t.Run(name, func(t *testing.T) {
			drawSVG(t, c)
			if err := PNG(io.Discard, c); err != nil {
				t.Errorf("PNG: %v", err)
			}
		})
	}
}

func allMarks() Chart {
	c := Chart{XLabels: months(24)}
	for i := 0; i < MaxSeries; i++ {
		s := Series{Name: "S", Values: constant(24, float64(i+1)), Spread: make([]bool, 24), Estimate: make([]bool, 24), LowerBound: make([]bool, 24)}
		for k := range s.Values {
			s.Spread[k], s.Estimate[k], s.LowerBound[k] = k%2 == 0, k%3 == 0, k%5 == 0
		}
		c.Series = append(c.Series, s)
	}
	for i := 0; i < MaxEvents; i++ {
		c.Events = append(c.Events, Event{At: i % 24, Label: "event"})
	}
	for i := 0; i < MaxNotes; i++ {
		c.Notes = append(c.Notes, "a note")
	}
	return c
}

func TestEventsNumbered(t *testing.T) {
	c := Chart{XLabels: months(6), Series: []Series{{Name: "A", Values: constant(6, 1)}},
		Events: []Event{{At: 4, Label: "later"}, {At: 1, Label: "first"}, {At: 1, Label: "same month"}, {At: 9, Label: "outside"}}}
	doc := drawSVG(t, c)
	for _, want := range []string{"1,2", "3", "first", "same month", "later", "2020-02", "2020-05"} {
		if !doc.hasText(want) {
			t.Errorf("no %q among the events; texts: %q", want, doc.Texts)
		}
	}
	if doc.hasText("outside") {
		t.Error("an event outside the months is listed")
	}
	if !strings.Contains(strings.Join(doc.Texts, "|"), "1|2020-02|first|2|2020-02|same month|3|2020-05|later") {
		t.Errorf("events are not listed in the order of their months; texts: %q", doc.Texts)
	}
}

func constant(n int, v float64) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = v
	}
	return out
}

// exampleChart is a chart with every kind of mark: two apps, a gap, a
// spread quarter, estimates, lower bounds and an event.
func exampleChart() Chart {
	nan := math.NaN()
	labels := []string{}
	for y := 2019; y <= 2021; y++ {
		for m := 1; m <= 12; m++ {
			labels = append(labels, monthLabel(y, m))
		}
	}
	tik := make([]float64, len(labels))
	res := make([]float64, len(labels))
	est := make([]bool, len(labels))
	spread := make([]bool, len(labels))
	lower := make([]bool, len(labels))
	for i := range labels {
		tik[i] = 2e6 + 150e3*float64(i)
		res[i] = nan
		if i >= 14 {
			res[i] = 300e3 + 90e3*float64(i-14)
		}
	}
	for i := 17; i < 21; i++ { // TikTok banned in India: no figures
		tik[i] = nan
	}
	for i := 24; i < 27; i++ { // a quarter spread over its months
		tik[i] = 4.8e6
		spread[i] = true
	}
	for i := 30; i < 36; i++ {
		est[i] = true
	}
	lower[35] = true
	tik[5] = nan
	return Chart{
		Title:    "Installs per month · India · all platforms",
		Subtitle: "2019-01 to 2021-12",
		XLabels:  labels,
		YLabel:   "installs per month",
		Series: []Series{
			{Name: "TikTok", Values: tik, Spread: spread, Estimate: est, LowerBound: lower},
			{Name: "Resso", Values: res},
		},
		Events:  []Event{{At: 17, Label: "TikTok banned in India (took effect end of June 2020)"}},
		Notes:   []string{"TikTok 2019-Q1 … are estimates from Sensor Tower."},
		Sources: "Sources: Sensor Tower (estimates), Google Play Console",
	}
}

func monthLabel(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

// yAxisTop is the top end of the y-axis line: the top of the data area.
func (d svgDoc) yAxisTop(t *testing.T) float64 {
	t.Helper()
	for _, p := range d.Paths {
		var x0, y0, x1, y1 float64
		if p.Style != "fill:none;stroke:#000000;stroke-width:0.75" {
			continue
		}
		if _, err := fmt.Sscanf(p.D, "M%g,%gL%g,%g", &x0, &y0, &x1, &y1); err == nil && x0 == x1 {
			return math.Max(y0, y1)
		}
	}
	t.Fatal("no y-axis line in the SVG")
	return 0
}

// A long y label on a log axis does not lower the top of the chart:
// gonum placed the label's box at the value halfway between the ends,
// near the top of a log axis, which left a blank band above the chart.
func TestLog_LongLabelKeepsTheTop(t *testing.T) {
	chart := func(sc Scale, lo, hi float64) Chart {
		return Chart{Title: "t", XLabels: months(12), Scale: sc, YLabel: strings.Repeat("installs per month ", 4),
			Series: []Series{{Name: "A", Values: []float64{lo, hi, lo, hi, lo, hi, lo, hi, lo, hi, lo, hi}}}}
	}
	lin := drawSVG(t, chart(Linear, 1e6, 8e6)).yAxisTop(t) // top tick 8M
	log := drawSVG(t, chart(Log, 1e4, 1e7)).yAxisTop(t)    // top tick 10M
	if math.Abs(lin-log) > 0.01 {
		t.Errorf("the log chart's data area ends at %g, the linear one's at %g: the same labels, the same top expected", log, lin)
	}
}
