package picture

import (
	"io"
	"testing"
)

// BenchmarkPNG draws the example chart as a PNG: the cost of one
// picture, fonts included.
func BenchmarkPNG(b *testing.B) {
	c := exampleChart()
	for b.Loop() {
		if err := PNG(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSVG is BenchmarkPNG for an SVG.
func BenchmarkSVG(b *testing.B) {
	c := exampleChart()
	for b.Loop() {
		if err := SVG(io.Discard, c); err != nil {
			b.Fatal(err)
		}
	}
}
