package picture

import (
	"go/build"
	"testing"
)

// TestNoPlotPackage keeps gonum.org/v1/plot's root package and plotter
// out of the program: the root package's init parses every Liberation
// font and it links in the PDF, EPS and TeX back ends, which every run
// paid for, drawing or not. frame.go does the little of it picture needs.
func TestNoPlotPackage(t *testing.T) {
	pkg, err := build.Default.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		switch imp {
		case "gonum.org/v1/plot", "gonum.org/v1/plot/plotter", "gonum.org/v1/plot/font/liberation":
			t.Errorf("picture imports %s", imp)
		}
	}
}
