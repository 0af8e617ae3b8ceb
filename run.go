package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/resume"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/ui"
)

// run is the whole program, with its streams handed in so that tests can
// drive it; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, tty bool) int {
	stderr = cleanWriter{stderr}
	cfg, err := parseArgs(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return fail(stderr, err)
	}
	return execute(cfg, stdin, stdout, stderr, tty)
}

// execute does what a parsed command line asks.
func execute(cfg config, stdin io.Reader, stdout, stderr io.Writer, tty bool) int {
	if cfg.export != "" && cfg.format == report.FormatPNG && cfg.out == "" && tty {
		// A PNG's bytes would garble the terminal.
		return fail(stderr, fmt.Errorf("%w: -format png writes a picture: give -o FILE.png, or redirect standard output to a file", errUsage))
	}
	if cfg.check {
		if err := check(cfg, stdout, stderr); err != nil {
			return fail(stderr, err)
		}
		return exitOK
	}
	if cfg.seed || cfg.importPath != "" {
		if err := load(cfg, stdin, stderr); err != nil {
			return fail(stderr, err)
		}
	}
	if cfg.setRanking {
		if err := saveRanking(cfg, stderr); err != nil {
			return fail(stderr, err)
		}
	}
	if cfg.mergeFrom != "" {
		if err := mergeApps(cfg, stderr); err != nil {
			return fail(stderr, err)
		}
		if cfg.export == "" {
			return exitOK
		}
	}
	if cfg.export != "" {
		if err := export(cfg, stdout, stderr); err != nil {
			return fail(stderr, err)
		}
		return exitOK
	}
	if cfg.noUI || cfg.dryRun {
		return exitOK
	}
	if (cfg.seed || cfg.importPath != "" || cfg.setRanking) && !tty {
		return exitOK // loaded from a script: no dashboard to open
	}
	if !tty {
		return fail(stderr, fmt.Errorf("%w: the dashboard needs a terminal; to print a view, use -export VIEW", errUsage))
	}
	if err := dashboard(cfg, stderr); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

// fail reports err on standard error and picks the exit status.
func fail(stderr io.Writer, err error) int {
	msg := err.Error()
	if errors.Is(err, errUsage) {
		msg = strings.TrimPrefix(msg, errUsage.Error()+": ")
		fmt.Fprintf(stderr, "uptake: %s\nRun uptake -h for the flags.\n", msg)
		return exitUsage
	}
	fmt.Fprintf(stderr, "uptake: %s\n", msg)
	return exitFail
}

// load applies -seed and then -import, each in one transaction. The file
// to import is read before the database is opened: a file with problems
// writes nothing (not even a new, empty database), and the database is
// held for writing only while the figures go in, so that an open
// dashboard goes on reading while a long file is read.
func load(cfg config, stdin io.Reader, stderr io.Writer) error {
	var imp *pendingImport
	if cfg.importPath != "" {
		var err error
		if imp, err = readImport(cfg, stdin, stderr); err != nil {
			return err
		}
		defer imp.prog.stop()
	}
	st, err := openForLoad(cfg, stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	if cfg.seed {
		b := store.NewBatch(seed.BundledLabel)
		if err := seed.Bundled(b); err != nil {
			return fmt.Errorf("the bundled dataset: %w", err)
		}
		rep, err := st.Apply(b, false)
		if err != nil {
			return fmt.Errorf("loading the bundled dataset into %s: %w", cfg.db, err)
		}
		fmt.Fprintf(stderr, "bundled dataset: %s (in %s)\n", rep, cfg.db)
	}
	if imp != nil {
		return imp.apply(st, cfg, stderr)
	}
	return nil
}

// openForLoad opens the store for -seed and -import. A dry run writes
// nothing, not even a new database: it reads an existing file read-only,
// and checks against an empty one in a temporary folder when there is none.
func openForLoad(cfg config, stderr io.Writer) (*store.Store, error) {
	if !cfg.dryRun || cfg.seed {
		return store.Open(cfg.db, waitOptions(cfg, stderr, false))
	}
	if _, err := os.Stat(cfg.db); err == nil {
		return store.Open(cfg.db, waitOptions(cfg, stderr, true))
	}
	dir, err := os.MkdirTemp("", "uptake-dry-run-")
	if err != nil {
		return nil, fmt.Errorf("dry run: %w", err)
	}
	st, err := store.Open(filepath.Join(dir, "empty.db"), store.Options{})
	os.RemoveAll(dir) // the open file stays readable until it is closed
	return st, err
}

// waitOptions are the store options of a one-shot command, which says on
// standard error when it has to wait for another uptake to let go of the
// file.
func waitOptions(cfg config, stderr io.Writer, readOnly bool) store.Options {
	return store.Options{ReadOnly: readOnly, OnWait: func() {
		fmt.Fprintf(stderr, "%s is in use by another uptake process: waiting for it (at most %s)…\n", cfg.db, store.DefaultTimeout)
	}}
}

// defaultMaxImport bounds one import: the batch holds every figure until
// the file has been read whole, so that a file with a problem writes
// nothing. 512 MB of uptake's CSV is about 6 million figures (86 bytes a
// row): 5 million (432 MB, uptake-gen -apps 1000) import in one file in
// 2.1 s with a peak of 147 MB. A file of shorter rows is held to
// store.MaxBatchFigures.
const defaultMaxImport = 512 << 20

// export prints a view and exits; it never opens the dashboard.
func export(cfg config, stdout, stderr io.Writer) error {
	// A one-shot run that allocates a few tens of megabytes at most:
	// collecting garbage as it goes costs more time than it saves memory.
	debug.SetGCPercent(400)
	st, err := store.Open(cfg.db, waitOptions(cfg, stderr, true))
	if err != nil {
		return err
	}
	defer st.Close()
	sel, err := resolveSelection(st, cfg)
	if err != nil {
		return err
	}
	var left []string
	write := func(w io.Writer) error {
		return st.Read(func(r *store.Reader) error {
			if cfg.explain != "" {
				return report.ExplainExport(r, cfg.view, sel, cfg.explain, cfg.width, w)
			}
			var err error
			left, err = report.ExportLeaving(r, cfg.view, sel, cfg.format, cfg.width, w)
			return err
		})
	}
	if cfg.out == "" {
		err = write(stdout)
	} else {
		err = writeOutput(cfg.out, write)
	}
	if note := report.LeftOutNote(left); note != "" && err == nil {
		// Not in the file, but not lost: the user reads them here.
		errOut := cleanWriter{stderr}
		fmt.Fprintf(errOut, "uptake: %s:\n", note)
		for _, w := range left {
			fmt.Fprintf(errOut, "  %s\n", w)
		}
	}
	return err
}

// check reads the whole file and reports what it found: 0 when it is
// sound, 1 when anything in it is damaged.
func check(cfg config, stdout, stderr io.Writer) error {
	st, err := store.Open(cfg.db, waitOptions(cfg, stderr, true))
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.Check()
	if err != nil {
		return err
	}
	out := cleanWriter{stdout}
	n := rep.Counts
	took := rep.Took.Round(time.Millisecond)
	if rep.Sound() {
		fmt.Fprintf(out, "%s is sound: %s, %s, %s, %s, %s; %s of undo history. Every page and every record checked in %s.\n",
			cfg.db, count(n.Apps, "app"), count(n.Series, "series"), count(n.Figures, "figure"), count(n.Launches, "launch"), count(n.Events, "event"), count(rep.History, "step"), took)
		return nil
	}
	total := len(rep.Problems) + rep.More
	fmt.Fprintf(out, "%s is damaged: %s found (checked in %s):\n", cfg.db, count(total, "problem"), took)
	for _, p := range rep.Problems {
		fmt.Fprintf(out, "- %s\n", p)
	}
	if rep.More > 0 {
		fmt.Fprintf(out, "- and %d more\n", rep.More)
	}
	fmt.Fprintf(out, "Restore the file from a backup, or save what is still sound with:\n  uptake -db %s -export data -format csv -o sound.csv\nand import that into a new database.\n", cfg.db)
	return fmt.Errorf("%s: %w (see above)", cfg.db, store.ErrDamaged)
}

// count writes "1 app", "3 apps", "1 series", "2 launches".
func count(n int, noun string) string {
	switch {
	case n == 1 || noun == "series":
	case strings.HasSuffix(noun, "ch"):
		noun += "es"
	default:
		noun += "s"
	}
	return fmt.Sprintf("%d %s", n, noun)
}

// selectedApps checks -app against the store: each name must be an app
// it holds; the names come back as stored.
func selectedApps(st *store.Store, cfg config) ([]string, error) {
	var names []string
	for _, name := range cfg.apps {
		a, ok, err := st.App(name)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%w: -app: no app named %q in %s (the Data view, or -export data, lists them)", errUsage, name, cfg.db)
		}
		names = append(names, a.Name)
	}
	return names, nil
}

// resolveSelection checks -app against the store and fills what the
// flags leave open as the dashboard's first screen would.
func resolveSelection(st *store.Store, cfg config) (report.Selection, error) {
	sel := cfg.sel
	var err error
	if sel.Apps, err = selectedApps(st, cfg); err != nil {
		return sel, err
	}
	if sel.Country, err = resolveCountry(st, cfg); err != nil {
		return sel, err
	}
	if cfg.view.Name == report.DataViewName {
		// Every figure, whatever the selection: this is also how a damaged
		// file gives up what is sound, so it reads nothing else first.
		return sel, nil
	}
	if cfg.view.Name == "countries" && len(sel.Apps) > 0 {
		return sel, nil // every country of the first app: no market to choose
	}
	if len(sel.Apps) > 0 && sel.Country != "" {
		return sel, nil // nothing left to choose
	}
	err = st.Read(func(r *store.Reader) error {
		sel, _, err = report.StartSelection(r, sel)
		return err
	})
	return sel, err
}

// dashboard opens the dashboard on the file, holding it only while it
// reads or writes so that other uptake processes can write meanwhile.
func dashboard(cfg config, stderr io.Writer) error {
	st, err := store.Open(cfg.db, store.Options{Transient: true})
	if errors.Is(err, os.ErrPermission) || errors.Is(err, syscall.EROFS) {
		// A file the user may read but not write still opens, read-only:
		// the dashboard says so and refuses edits with the reason.
		st, err = store.Open(cfg.db, store.Options{Transient: true, ReadOnly: true})
	}
	if err != nil {
		return err
	}
	defer st.Close()
	sel := cfg.sel
	if sel.Apps, err = selectedApps(st, cfg); err != nil {
		return err
	}
	if sel.Country, err = resolveCountry(st, cfg); err != nil {
		return err
	}
	r := lipgloss.DefaultRenderer()
	if cfg.theme == "" || cfg.theme == report.ThemeAuto {
		// Ask the terminal now, before Bubble Tea takes it (earlyterm
		// kept Bubble Tea's init from asking on every run).
		r.SetHasDarkBackground(termenv.NewOutput(os.Stdout).HasDarkBackground())
	}
	styles, err := report.ThemedStyles(r, cfg.theme)
	if err != nil {
		return err
	}
	uc := ui.Config{Store: ui.StoreOf(st), Selection: sel, Styles: styles}
	// With no selection on the command line, open where the last run on
	// this file left off. The memory is a convenience: trouble with it
	// is said on standard error and never keeps the dashboard shut.
	statePath, err := resume.Path()
	if err != nil {
		fmt.Fprintf(stderr, "uptake: %v\n", err)
	}
	if statePath != "" && !cfg.selectionGiven {
		uc = resumeScreen(st, statePath, cfg.db, uc, stderr)
	}
	uc.Mouse = cfg.mouse
	view, last, err := ui.Run(uc)
	if err != nil || statePath == "" || view == "" {
		return err
	}
	if err := resume.Save(statePath, cfg.db, resume.Of(view, last)); err != nil {
		fmt.Fprintf(stderr, "uptake: %v (the next run opens on the largest market)\n", err)
	}
	return nil
}

// resumeScreen fills the dashboard's first screen with the one remembered
// for the file, keeping only the apps still in it.
func resumeScreen(st *store.Store, statePath, db string, uc ui.Config, stderr io.Writer) ui.Config {
	screen, ok, err := resume.Load(statePath, db)
	if err != nil {
		fmt.Fprintf(stderr, "uptake: %v\n", err)
	}
	if !ok {
		return uc
	}
	var apps []figures.App
	var groups []figures.Group
	if err := st.Read(func(r *store.Reader) error {
		var err error
		if apps, err = r.Apps(); err != nil {
			return err
		}
		groups, err = r.Groups()
		return err
	}); err != nil {
		return uc // the dashboard will say what is wrong with the file
	}
	known := func(name string) (string, bool) {
		for _, a := range apps {
			if a.Name == name {
				return a.Name, true
			}
		}
		return "", false
	}
	sel, ok := screen.Selection(known, groups)
	if !ok {
		return uc
	}
	uc.Selection, uc.View = sel, screen.View
	uc.Note = "opened as you left it (-app and -country choose another start)"
	if len(sel.Apps) < len(screen.Apps) {
		uc.Note = "opened as you left it, less the apps no longer in the file"
	}
	return uc
}

// mergeApps applies -merge-app A -into B and says what moved.
func mergeApps(cfg config, stderr io.Writer) error {
	st, err := store.Open(cfg.db, waitOptions(cfg, stderr, false))
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := st.MergeApp(cfg.mergeFrom, cfg.mergeInto)
	if err != nil {
		return fmt.Errorf("-merge-app %s -into %s: %w", figures.Sanitize(cfg.mergeFrom), figures.Sanitize(cfg.mergeInto), err)
	}
	fmt.Fprintf(stderr, "moved %s onto %s: %d figures, %d launches (%d alike kept once); the dashboard's u undoes it\n",
		figures.Sanitize(cfg.mergeFrom), figures.Sanitize(cfg.mergeInto), rep.Updated, rep.LaunchesUpdated, rep.Duplicates)
	return nil
}
