package picture

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the example pictures in testdata")

// TestExamples writes (with -update) or checks the example pictures in
// testdata, which show what the package draws.
func TestExamples(t *testing.T) {
	for _, k := range []struct {
		file string
		draw func(*bytes.Buffer, Chart) error
	}{
		{"example.svg", func(b *bytes.Buffer, c Chart) error { return SVG(b, c) }},
		{"example.png", func(b *bytes.Buffer, c Chart) error { return PNG(b, c) }},
	} {
		var b bytes.Buffer
		if err := k.draw(&b, exampleChart()); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", k.file)
		if *update {
			if err := os.MkdirAll("testdata", 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./picture -update to write it)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s differs from what the chart draws now; look at it and run go test ./picture -update", path)
		}
	}
}
