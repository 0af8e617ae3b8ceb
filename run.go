package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
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
// nothing.
const defaultMaxImport = 256 << 20

// capReader fails past a number of bytes, for standard input, whose size
// is not known before it is read.
type capReader struct {
	r    io.Reader
	left int64
	max  int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("the input is larger than %d MB, the most uptake imports at a time: split it and import the parts", c.max>>20)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// pendingImport is a file read whole and found without problems.
type pendingImport struct {
	name  string
	batch *store.Batch
	prog  *progress
}

// readImport reads a whole file; it reports its problems and fails if it
// has any.
func readImport(cfg config, stdin io.Reader, stderr io.Writer) (*pendingImport, error) {
	name := cfg.importPath
	var r io.Reader = stdin
	var size int64 = -1
	if name == "-" {
		name = "stdin"
	} else {
		f, n, err := openInput(name, stderr)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if n > cfg.maxImport {
			return nil, fmt.Errorf("%s is %d MB; uptake imports at most %d MB at a time (about 5 million figures), so that an import stays in memory: split the file and import the parts", name, n>>20, cfg.maxImport>>20)
		}
		r, size = f, n
	}
	r = &capReader{r: r, left: cfg.maxImport, max: cfg.maxImport}
	prog := startProgress(stderr, name, size)
	b := store.NewBatch("import " + figures.Sanitize(filepath.Base(name)))
	b.File = name
	problems := seed.Read(prog.reader(r), name, b)
	if len(problems) > 0 {
		prog.stop()
		fmt.Fprintln(stderr, problems.Error())
		return nil, fmt.Errorf("%s was not imported: fix the problems above; nothing was written", name)
	}
	return &pendingImport{name: name, batch: b, prog: prog}, nil
}

// apply writes a file read by readImport, in one transaction.
func (imp *pendingImport) apply(st *store.Store, cfg config, stderr io.Writer) error {
	imp.prog.phase("writing")
	rep, err := st.Apply(imp.batch, cfg.dryRun)
	imp.prog.stop()
	if err != nil {
		return fmt.Errorf("importing %s: %w", imp.name, err)
	}
	if cfg.dryRun {
		fmt.Fprintf(stderr, "%s: checked, no problems; it would give: %s (dry run: nothing written)\n", imp.name, rep)
	} else {
		fmt.Fprintf(stderr, "%s: %s (in %s)\n", imp.name, rep, cfg.db)
	}
	writeReplaced(stderr, rep, cfg.dryRun)
	return nil
}

// shownReplaced is how many replaced figures an import names one by one
// on standard error; the rest are counted (and every one is a step of
// undo).
const shownReplaced = 20

// writeReplaced names the figures an import replaced (or would), old →
// new, so that no figure, note or estimate mark goes without a word.
func writeReplaced(w io.Writer, rep store.Report, dryRun bool) {
	if rep.Updated == 0 {
		return
	}
	verb := "replaced"
	if dryRun {
		verb = "would replace"
	}
	fmt.Fprintf(w, "  it %s %s of the same source and months:\n", verb, count(rep.Updated, "figure"))
	n := 0
	for _, c := range rep.Changes {
		if !c.Replaced() || n == shownReplaced {
			continue
		}
		fmt.Fprintf(w, "  - %s\n", strings.TrimPrefix(c.String(), "replaced "))
		n++
	}
	if rest := rep.Updated - n; rest > 0 {
		fmt.Fprintf(w, "  - and %d more (-export data gives the new values; u in the dashboard undoes the import)\n", rest)
	}
}

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
	write := func(w io.Writer) error {
		return st.Read(func(r *store.Reader) error { return report.Export(r, cfg.view, sel, cfg.format, cfg.width, w) })
	}
	if cfg.out == "" {
		return write(stdout)
	}
	return writeOutput(cfg.out, write)
}

// saveRanking saves -source in the database. Every name must be a source
// of the file's figures (a misspelt one would silently rank nothing); it
// is saved as the file spells it.
func saveRanking(cfg config, stderr io.Writer) error {
	var rank figures.Ranking
	if len(cfg.ranking) > 0 {
		st, err := store.Open(cfg.db, waitOptions(cfg, stderr, true))
		if err != nil {
			return err
		}
		var known []string
		err = st.Read(func(r *store.Reader) error {
			known, err = r.Sources()
			return err
		})
		st.Close()
		if err != nil {
			return err
		}
		for _, name := range cfg.ranking {
			i := slices.IndexFunc(known, func(k string) bool { return strings.EqualFold(k, name) })
			if i < 0 {
				return fmt.Errorf("%w: -source: no figure in %s has the source %q; its sources are: %s", errUsage,
					figures.Sanitize(cfg.db), figures.Sanitize(name), listSources(known))
			}
			rank = append(rank, known[i])
		}
	}
	st, err := store.Open(cfg.db, waitOptions(cfg, stderr, false))
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SetRanking(rank); err != nil {
		return err
	}
	if len(rank) == 0 {
		fmt.Fprintf(stderr, "sources: the default order (exact figures before estimates, then the source covering most months, then by name), saved in %s\n", cfg.db)
		return nil
	}
	clean := make([]string, len(rank))
	for i, r := range rank {
		clean[i] = figures.Sanitize(r)
	}
	fmt.Fprintf(stderr, "sources ranked: %s, then the default order; saved in %s\n", strings.Join(clean, " > "), cfg.db)
	return nil
}

// listSources names the sources of a file for a message, at most ten.
func listSources(known []string) string {
	if len(known) == 0 {
		return "none (the file has no figures)"
	}
	var names []string
	for i, k := range known {
		if i == 10 {
			names = append(names, fmt.Sprintf("and %d more", len(known)-10))
			break
		}
		if k == "" {
			k = "(no source given)"
		}
		names = append(names, strconv.Quote(figures.Sanitize(k)))
	}
	return strings.Join(names, ", ")
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
		fmt.Fprintf(out, "%s is sound: %s, %s, %s, %s; %s of undo history. Every page and every record checked in %s.\n",
			cfg.db, count(n.Apps, "app"), count(n.Series, "series"), count(n.Figures, "figure"), count(n.Launches, "launch"), count(rep.History, "step"), took)
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
	if cfg.view.Name == report.DataViewName {
		// Every figure, whatever the selection: this is also how a damaged
		// file gives up what is sound, so it reads nothing else first.
		return sel, nil
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
	return ui.Run(ui.Config{Store: ui.StoreOf(st), Selection: sel, Styles: report.NewStyles()})
}
