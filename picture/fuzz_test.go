package picture

import (
	"bytes"
	"encoding/binary"
	"math"
	"strings"
	"testing"
)

// FuzzChart draws charts made of arbitrary values, labels and marks: it
// must never panic, and what it draws must be well-formed XML.
func FuzzChart(f *testing.F) {
	f.Add([]byte{}, "2020-01|2020-02|2020-03", "A", uint8(0), uint8(0), uint8(0), 0)
	f.Add(floats(1, math.NaN(), 3), "M1|M2|M3", "A&B <x>", uint8(1), uint8(0), uint8(7), 1)
	f.Add(floats(0, -5, 1e15, 1e-9), "Jan 20|Feb 20|Mar 20|Apr 20", "\x1b]0;x\a", uint8(2), uint8(1), uint8(255), 3)
	f.Add(floats(math.Inf(1), 2), "a|b", "\uFFFF", uint8(1), uint8(1), uint8(3), -1)
	f.Fuzz(func(t *testing.T, raw []byte, labels, name string, scale, unit, marks uint8, at int) {
		c := Chart{
			Title:   name,
			XLabels: strings.Split(labels, "|"),
			Scale:   Scale(scale % 4), // 3 is not a scale: an error, not a panic
			Unit:    Unit(unit % 3),
			Events:  []Event{{At: at, Label: name}},
			Notes:   []string{name},
			Sources: name,
		}
		n := len(c.XLabels)
		values := make([]float64, 0, len(raw)/8)
		for len(raw) >= 8 {
			values = append(values, math.Float64frombits(binary.LittleEndian.Uint64(raw)))
			raw = raw[8:]
		}
		// Two series: one with the values as given (often the wrong
		// length), one cut or padded to fit, with marks from the bits.
		fit := make([]float64, n)
		flags := make([]bool, n)
		for i := range fit {
			fit[i] = math.NaN()
			if i < len(values) {
				fit[i] = values[i]
			}
			flags[i] = marks>>(i%8)&1 == 1
		}
		c.Series = []Series{{Name: name, Values: fit, Spread: flags, Estimate: flags[:n-n%2], LowerBound: flags}}
		if marks&1 == 1 {
			c.Series = append(c.Series, Series{Name: name, Values: values})
		}
		var b bytes.Buffer
		if err := SVG(&b, c); err == nil {
			readSVG(t, b.Bytes())
		} else if b.Len() != 0 {
			t.Fatalf("SVG failed (%v) but wrote %d bytes", err, b.Len())
		}
	})
}

func floats(vs ...float64) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}
