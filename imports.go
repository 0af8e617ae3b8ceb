package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
)

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
