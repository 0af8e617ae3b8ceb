// Command uptake is a terminal dashboard for app-install figures, country
// by country: monthly curves, country breakdowns and comparisons since
// launch, kept in one local file. See README.md.
package main

import (
	"os"

	// Before Bubble Tea's init: no terminal query on runs that open no
	// dashboard.
	_ "dev.uptake/earlyterm"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, isTerminal(os.Stdout) && isTerminal(os.Stdin)))
}
