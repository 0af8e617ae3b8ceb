// Command uptake-gen writes synthetic install figures in uptake's
// canonical CSV, for benchmarks: by default 200 apps × 50 countries ×
// 100 months, a million one-month figures. The data is made up, named as
// such ("Synthetic App 001", source "synthetic benchmark data
// (uptake-gen)"), and the same flags always give the same bytes.
//
//	go run ./cmd/uptake-gen -o big.csv -launches launches.csv
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/synth"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("uptake-gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	c := synth.Million
	var out, launches, from, playDir string
	var playCountries int
	fs.IntVar(&c.Apps, "apps", c.Apps, "number of apps")
	fs.IntVar(&c.Countries, "countries", c.Countries, fmt.Sprintf("number of countries per app (at most %d)", len(synth.CountryList())))
	fs.IntVar(&c.Months, "months", c.Months, "number of months per app and country")
	fs.StringVar(&from, "from", c.From.String(), "first month (YYYY-MM); each app starts a little later than the one before")
	fs.Uint64Var(&c.Seed, "seed", c.Seed, "seed of the pseudo-random noise")
	fs.StringVar(&out, "o", "-", "figures CSV to write (- for standard output)")
	fs.StringVar(&launches, "launches", "", "also write a launches CSV (app,country,launched) to this file")
	fs.StringVar(&playDir, "play-reports", "", "instead, write a year of Google Play Console _country reports (daily rows, UTF-16) into this folder, from -from")
	fs.IntVar(&playCountries, "play-countries", 200, "with -play-reports: the number of countries")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "uptake-gen: write synthetic install figures as CSV, for benchmarks.\n\nUsage:\n  uptake-gen [flags]\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "uptake-gen: unexpected argument %q (the output file is given with -o FILE)\n", fs.Arg(0))
		return 2
	}
	m, err := figures.ParseMonth(from)
	if err != nil {
		fmt.Fprintf(stderr, "uptake-gen: -from: %v\n", err)
		return 2
	}
	c.From = m
	if playDir != "" {
		if err := writePlayReports(playDir, playCountries, m, 12); err != nil {
			fmt.Fprintf(stderr, "uptake-gen: %v\n", err)
			return 1
		}
		return 0
	}
	if err := c.Check(); err != nil {
		fmt.Fprintf(stderr, "uptake-gen: %v\n", err)
		return 2
	}
	if err := writeTo(out, stdout, c.WriteFigures); err != nil {
		fmt.Fprintf(stderr, "uptake-gen: %v\n", err)
		return 1
	}
	if launches != "" {
		if err := writeTo(launches, stdout, c.WriteLaunches); err != nil {
			fmt.Fprintf(stderr, "uptake-gen: %v\n", err)
			return 1
		}
	}
	return 0
}

// writeTo writes with fn to path, or to stdout for "-", via a temporary
// file so that a failed run leaves no half file.
func writeTo(path string, stdout io.Writer, fn func(io.Writer) error) error {
	if path == "-" {
		w := bufio.NewWriterSize(stdout, 1<<16)
		if err := fn(w); err != nil {
			return err
		}
		return w.Flush()
	}
	f, err := os.CreateTemp(dirOf(path), ".uptake-gen-*")
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	err = fn(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return os.Rename(f.Name(), path)
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if os.IsPathSeparator(path[i]) {
			return path[:i+1]
		}
	}
	return "."
}
