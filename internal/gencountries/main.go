// Command gencountries writes figures/country_table.go, the countries
// that figures accepts: the ISO 3166-1 alpha-2 codes in current use, XK
// (Kosovo) and WW (worldwide), the names to show, the alpha-3 codes, the
// names people type, and the withdrawn and reserved codes it refuses; and
// figures/region_table.go, the UN M49 regions and their members.
//
// It runs from figures/country.go:
//
//	go generate ./figures
//
// With -names it also writes every code and name it knows, as people
// type them, for the test that checks ParseCountry reads them all.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
)

func main() {
	out := flag.String("o", "country_table.go", "the file to write")
	regions := flag.String("regions", "region_table.go", "the `file` to write the regions to")
	names := flag.String("names", "", "also write every name and code known to this `file`, a line each")
	flag.Parse()
	if err := run(*out, *regions, *names); err != nil {
		fmt.Fprintln(os.Stderr, "gencountries:", err)
		os.Exit(1)
	}
}

func run(out, regionsOut, names string) error {
	t, err := build()
	if err != nil {
		return err
	}
	regions, err := buildRegions(t)
	if err != nil {
		return err
	}
	var src, rsrc bytes.Buffer
	if err := render(&src, t); err != nil {
		return err
	}
	if err := renderRegions(&rsrc, regions); err != nil {
		return err
	}
	if err := os.WriteFile(out, src.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(regionsOut, rsrc.Bytes(), 0o644); err != nil {
		return err
	}
	if names == "" {
		return nil
	}
	var list bytes.Buffer
	if err := writeNames(&list, t); err != nil {
		return err
	}
	return os.WriteFile(names, list.Bytes(), 0o644)
}
