package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mattn/go-isatty"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// errUsage marks a mistake on the command line: exit status 2.
var errUsage = errors.New("bad usage")

// config is the command line, parsed and checked; nothing else sees flags.
type config struct {
	db         string
	seed       bool
	importPath string   // the first file given to -import
	imports    []string // every file or folder given to -import: the flag's and the arguments after it
	readOpt    seed.Options
	dryRun     bool
	noUI       bool
	check      bool
	export     string
	format     string
	width      int
	out        string
	sel        report.Selection
	view       report.View
	maxImport  int64    // the largest file an import takes, in bytes
	apps       []string // as typed; checked against the store once it is open
	// ranking is -source: the user's order of sources to save, or
	// resetRanking to go back to the default order.
	ranking    []string
	setRanking bool
	explain    string // -explain: the number of the view to trace
	theme      string // -theme: the dashboard's colours
	mouse      bool   // -mouse: the wheel scrolls, a click picks a view
	mergeFrom  string // -merge-app: the app to move onto -into
	// country is -country when it is no country or region: one of the
	// file's groups, read once the file is open (resolveCountry).
	country   string
	mergeInto string
	// selectionGiven: a flag chose part of the selection, so the
	// dashboard does not open on the remembered one.
	selectionGiven bool
}

// resetRanking is the -source value that clears a saved ranking.
const resetRanking = "default"

// usage is the text of -h; the views come from the table of views.
func usage() string { return strings.ReplaceAll(usageText, "VIEWS", report.ViewNames()) }

const usageText = `uptake: how fast apps win installs, country by country.

Usage:
  uptake [flags]                 open the dashboard

Flags:
  -db PATH        database file (default $UPTAKE_DB, else
                  $XDG_DATA_HOME/uptake/uptake.db, else ~/.local/share/uptake/uptake.db)
  -seed           load the bundled dataset (Resso against Spotify, 2020)
  -import FILE..  load figures, launches, events, groups and apps from files or
                  folders, in one transaction (- for stdin): uptake CSV and
                  JSON, spreadsheets (wide CSV, .xlsx), Google Play Console
                  installs reports, App Store Connect sales reports, Sensor
                  Tower and Appfigures responses, apps files; the format is
                  recognised by content
  -as F           with -import: read every file as format F, without recognising
  -metric M       with -import: which count of a store report is installs
                  (Play Console: user (default), device or events)
  -sheet NAME     with -import: the workbook's sheet (default: the first)
  -import-source S  with -import: the source of every figure read (default:
                  the format's vendor, or the file's name for a spreadsheet)
  -dry-run        with -import: check the file and report, write nothing
  -check          read the whole database file and report any damage
  -no-ui          after -seed or -import, do not open the dashboard
  -export VIEW    print VIEW (VIEWS) and exit
  -format F       text (default), markdown, csv, or svg or png (a picture of
                  the chart of curves, compare or share)
  -app A,B        apps to show, in order (the first is the reference)
  -country C      country code or name, WW (worldwide), a UN region (name or
                  M49 code: "Southeast Asia", 035) or a group saved in the file
  -group-rows     with -export countries: a row per UN sub-region and saved
                  group, each the sum of its members, rather than per country
  -platform P     all (default: both stores), ios or android
  -from YYYY-MM   first month of the window
  -to YYYY-MM     last month of the window
  -since-launch   compare since each app's launch month (with -export compare)
  -cumulative     curves as running totals (with -export curves)
  -scale S        linear (default), log or index (100 at the first month,
                  or at M1 since launch), with -export curves or compare
  -source A,B     rank sources, highest first, and save the ranking in the
                  database: each month shows the highest-ranked source that
                  covers it (-source default goes back to the default order:
                  exact before estimates, then most months covered, then by name)
  -explain KEY    with -export: the working behind one number instead of the
                  view: a month of curves (2020-03), a country of countries
                  (IN, WW), a milestone of compare (M5), an event (E1); figures,
                  whole notes, arithmetic, other sources, warnings
  -theme T        the dashboard's colours: auto (ask the terminal), dark,
                  light or plain (default $UPTAKE_THEME, else auto; NO_COLOR
                  also turns colour off)
  -mouse          in the dashboard, the wheel scrolls and a click on a tab
                  picks the view (off by default: it takes the mouse from
                  the terminal, so selecting text needs shift)
  -merge-app A -into B  move app A's figures and launches onto app B and
                  remove A (B new: rename A), in one step of undo: for an app
                  an import made from a store id ("com.spotify.music")
  -width N        width of a text export (default 100)
  -o FILE         write the export to FILE rather than standard output

Examples:
  uptake -seed                                  load the bundled data, open the dashboard
  uptake -import figures.csv -dry-run           check a file without writing
  uptake -import figures.csv -no-ui             load a file and exit
  uptake -export compare -app Resso,Spotify -country ID -since-launch
  uptake -export countries -app Resso -format markdown -o resso.md
  uptake -source "Sensor Tower,Apptopia" -export curves -app Resso

Exit status: 0 done, 1 failed, 2 bad usage.
`

// parseArgs reads the command line into a config.
func parseArgs(args []string, stderr io.Writer) (config, error) {
	c := config{maxImport: defaultMaxImport}
	var apps, country, platform, from, to, sources, theme, scale string
	fs := flag.NewFlagSet("uptake", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.db, "db", "", "")
	fs.BoolVar(&c.seed, "seed", false, "")
	fs.StringVar(&c.importPath, "import", "", "")
	fs.StringVar(&c.readOpt.Format, "as", "", "")
	fs.StringVar(&c.readOpt.Metric, "metric", "", "")
	fs.StringVar(&c.readOpt.Sheet, "sheet", "", "")
	fs.StringVar(&c.readOpt.Source, "import-source", "", "")
	fs.BoolVar(&c.dryRun, "dry-run", false, "")
	fs.BoolVar(&c.noUI, "no-ui", false, "")
	fs.BoolVar(&c.check, "check", false, "")
	fs.StringVar(&c.export, "export", "", "")
	fs.StringVar(&c.format, "format", report.FormatText, "")
	fs.IntVar(&c.width, "width", 100, "")
	fs.StringVar(&c.out, "o", "", "")
	fs.StringVar(&c.explain, "explain", "", "")
	fs.StringVar(&apps, "app", "", "")
	fs.StringVar(&country, "country", "", "")
	fs.StringVar(&platform, "platform", "", "")
	fs.StringVar(&sources, "source", "", "")
	fs.StringVar(&from, "from", "", "")
	fs.StringVar(&to, "to", "", "")
	fs.BoolVar(&c.sel.SinceLaunch, "since-launch", false, "")
	fs.BoolVar(&c.sel.Cumulative, "cumulative", false, "")
	fs.StringVar(&scale, "scale", "", "")
	fs.BoolVar(&c.sel.GroupRows, "group-rows", false, "")
	fs.StringVar(&theme, "theme", os.Getenv("UPTAKE_THEME"), "")
	fs.BoolVar(&c.mouse, "mouse", false, "")
	fs.StringVar(&c.mergeFrom, "merge-app", "", "")
	fs.StringVar(&c.mergeInto, "into", "", "")
	// The files after -import FILE (a shell's glob) are arguments; flags
	// may follow them, so parsing goes on past each run of files.
	var more []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stderr, usage())
				return c, flag.ErrHelp
			}
			return c, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		for len(args) > 0 && (args[0] == "-" || !strings.HasPrefix(args[0], "-")) {
			more = append(more, args[0])
			args = args[1:]
		}
		if len(args) == 0 {
			break
		}
	}
	if len(more) > 0 && c.importPath == "" {
		return c, fmt.Errorf("%w: unexpected argument %q (files are given with -import FILE)", errUsage, more[0])
	}
	if c.importPath != "" {
		c.imports = append([]string{c.importPath}, more...)
		if slices.Contains(c.imports, "-") && len(c.imports) > 1 {
			return c, fmt.Errorf("%w: -import - reads standard input, alone (give files, or - by itself)", errUsage)
		}
	}
	if (c.mergeFrom == "") != (c.mergeInto == "") {
		return c, fmt.Errorf("%w: -merge-app APP -into NAME go together (NAME: a known app to merge into, or a new name to rename APP)", errUsage)
	}
	for _, f := range []string{"as", "metric", "sheet", "import-source"} {
		if flagGiven(fs, f) && c.importPath == "" {
			return c, fmt.Errorf("%w: -%s says how to read the files of -import FILE", errUsage, f)
		}
	}
	if c.readOpt.Format != "" && !seed.KnownFormat(c.readOpt.Format) {
		return c, fmt.Errorf("%w: -as %q is not a format uptake reads (expected one of: %s)", errUsage, c.readOpt.Format, strings.Join(seed.FormatNames(), ", "))
	}
	if c.noUI && !c.seed && c.importPath == "" {
		return c, fmt.Errorf("%w: -no-ui goes with -seed or -import FILE (to print a view without the dashboard, use -export VIEW)", errUsage)
	}
	if c.check && (c.seed || c.importPath != "" || c.export != "" || sources != "") {
		return c, fmt.Errorf("%w: -check goes alone (with -db): it only reads the file", errUsage)
	}
	if c.dryRun && c.importPath == "" {
		return c, fmt.Errorf("%w: -dry-run checks a file given with -import FILE", errUsage)
	}
	if c.export != "" {
		v, err := report.ViewNamed(c.export)
		if err != nil {
			return c, fmt.Errorf("%w: -export: %v", errUsage, err)
		}
		c.view = v
	}
	switch c.format {
	case report.FormatText, report.FormatMarkdown, report.FormatCSV:
	case report.FormatSVG, report.FormatPNG:
		if c.export != "" && !c.view.Pictured {
			return c, fmt.Errorf("%w: -format %s draws a view's chart; the %s view has none (expected one of: %s)", errUsage, c.format, c.view.Name, strings.Join(report.Formats(c.view), ", "))
		}
	default:
		return c, fmt.Errorf("%w: -format %q is not a format (expected text, markdown, csv, svg or png)", errUsage, c.format)
	}
	if c.width < 40 || c.width > 1000 {
		return c, fmt.Errorf("%w: -width %d is out of range (expected 40 to 1000 columns)", errUsage, c.width)
	}
	if c.explain != "" && (c.export == "" || c.view.Name == report.DataViewName || c.format != report.FormatText) {
		return c, fmt.Errorf("%w: -explain goes with -export curves, countries or compare, as text (the data view is every figure in full already)", errUsage)
	}
	c.theme = theme
	if flagGiven(fs, "scale") {
		sc, err := report.ParseScale(scale)
		if err != nil {
			return c, fmt.Errorf("%w: -scale: %v", errUsage, err)
		}
		c.sel.Scale = sc
	}
	for _, f := range []string{"app", "country", "platform", "from", "to", "since-launch", "cumulative", "scale"} {
		c.selectionGiven = c.selectionGiven || flagGiven(fs, f)
	}
	if err := report.CheckTheme(theme); err != nil {
		if !flagGiven(fs, "theme") {
			return c, fmt.Errorf("%w: UPTAKE_THEME in the environment: %v (unset it, or give -theme)", errUsage, err)
		}
		return c, fmt.Errorf("%w: -theme: %v", errUsage, err)
	}
	if c.export != "" && flagGiven(fs, "theme") {
		return c, fmt.Errorf("%w: -theme colours the dashboard; an export has no colour", errUsage)
	}
	if c.export != "" && c.mouse {
		return c, fmt.Errorf("%w: -mouse is for the dashboard; an export has no screen", errUsage)
	}
	if (c.out != "" || c.format != report.FormatText) && c.export == "" {
		return c, fmt.Errorf("%w: -o and -format go with -export VIEW", errUsage)
	}
	for _, a := range strings.Split(apps, ",") {
		if a = strings.TrimSpace(a); a != "" {
			c.apps = append(c.apps, a)
		}
	}
	if country != "" {
		// A country or a region now; anything else may be a group saved
		// in the file, which resolveCountry reads.
		if p, err := figures.ParsePlace(country, nil); err == nil {
			c.sel.Country = p.Key()
		} else {
			c.country, c.sel.Country = country, strings.TrimSpace(country)
		}
	}
	var err error
	if c.sel.From, err = optionalMonth("-from", from); err != nil {
		return c, err
	}
	if c.sel.To, err = optionalMonth("-to", to); err != nil {
		return c, err
	}
	if c.sel.From != 0 && c.sel.To != 0 && c.sel.To < c.sel.From {
		return c, fmt.Errorf("%w: -to %s is before -from %s", errUsage, c.sel.To, c.sel.From)
	}
	if c.sel.Platform, err = figures.ParsePlatform(platform); err != nil {
		return c, fmt.Errorf("%w: -platform: %v", errUsage, err)
	}
	if err := c.checkViewFlags(fs); err != nil {
		return c, err
	}
	if c.ranking, c.setRanking, err = parseRanking(fs, sources); err != nil {
		return c, err
	}
	if c.dryRun && c.setRanking {
		return c, fmt.Errorf("%w: -dry-run writes nothing, and -source saves a ranking: give -source in a run of its own", errUsage)
	}
	if c.db == "" {
		if c.db, err = defaultDBPath(); err != nil {
			return c, err
		}
	}
	return c, nil
}

// checkViewFlags refuses a flag the view asked for would not apply, so
// that nothing is silently ignored.
func (c config) checkViewFlags(fs *flag.FlagSet) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	window := given["from"] || given["to"]
	switch {
	case c.sel.SinceLaunch && window:
		return fmt.Errorf("%w: -since-launch aligns each app on its own launch month, so -from and -to (calendar months) do not apply to it: drop one or the other", errUsage)
	case c.sel.SinceLaunch && c.export != "" && c.view.Name != "compare":
		return fmt.Errorf("%w: -since-launch goes with -export compare; the %s view is on the calendar", errUsage, c.view.Name)
	case c.sel.Cumulative && c.export != "" && c.view.Name != "curves":
		return fmt.Errorf("%w: -cumulative goes with -export curves; the %s view has no cumulative mode", errUsage, c.view.Name)
	case given["scale"] && c.export != "" && !report.Scaled(c.view):
		return fmt.Errorf("%w: -scale goes with -export curves or compare; the %s view draws no chart on a scale", errUsage, c.view.Name)
	case c.sel.GroupRows && c.export != "" && c.view.Name != "countries":
		return fmt.Errorf("%w: -group-rows goes with -export countries; the %s view has no rows of regions", errUsage, c.view.Name)
	case c.export != "" && c.view.Name == report.DataViewName:
		for _, f := range []string{"app", "country", "platform", "from", "to"} {
			if given[f] {
				return fmt.Errorf("%w: -export data gives every figure and launch in the file; -%s does not apply to it (filter the CSV, or export a view)", errUsage, f)
			}
		}
	}
	return nil
}

// parseRanking reads -source: names separated by commas, highest first.
func parseRanking(fs *flag.FlagSet, s string) ([]string, bool, error) {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "source" })
	if !given {
		return nil, false, nil
	}
	if strings.EqualFold(strings.TrimSpace(s), resetRanking) {
		return nil, true, nil
	}
	var out []string
	for _, name := range strings.Split(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		for _, prev := range out {
			if strings.EqualFold(prev, name) {
				return nil, false, fmt.Errorf("%w: -source names %q twice: give each source once, highest first", errUsage, figures.Sanitize(name))
			}
		}
		out = append(out, name)
	}
	if len(out) == 0 {
		return nil, false, fmt.Errorf("%w: -source needs source names separated by commas, highest first (or -source default for the default order)", errUsage)
	}
	return out, true, nil
}

func optionalMonth(flagName, s string) (figures.Month, error) {
	if s == "" {
		return 0, nil
	}
	m, err := figures.ParseMonth(s)
	if err != nil {
		return 0, fmt.Errorf("%w: %s: %v", errUsage, flagName, err)
	}
	return m, nil
}

// defaultDBPath follows DESIGN: $UPTAKE_DB, then the XDG data folder.
func defaultDBPath() (string, error) {
	if p := os.Getenv("UPTAKE_DB"); p != "" {
		return p, nil
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "uptake", "uptake.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("%w: no home folder to keep the database in (%v); give one with -db PATH", errUsage, err)
	}
	return filepath.Join(home, ".local", "share", "uptake", "uptake.db"), nil
}

func isTerminal(f *os.File) bool { return isatty.IsTerminal(f.Fd()) }

// flagGiven reports whether the command line set a flag.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
}

// resolveCountry reads -country against the file's groups when it named
// no country or region: a bad value is a usage error (exit 2) that says
// what -country takes.
func resolveCountry(st *store.Store, cfg config) (string, error) {
	if cfg.country == "" {
		return cfg.sel.Country, nil
	}
	groups, err := st.Groups()
	if err != nil {
		return "", err
	}
	p, err := figures.ParsePlace(cfg.country, groups)
	if err != nil {
		return "", fmt.Errorf("%w: -country: %v", errUsage, err)
	}
	return p.Key(), nil
}
