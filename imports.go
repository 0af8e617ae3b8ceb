package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
		return 0, fmt.Errorf("the input is larger than %d MB, the most uptake imports at a time (%s): split it and import the parts", c.max>>20, aboutFigures(c.max))
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// csvRowBytes is the length of a row of uptake's CSV as uptake-gen and
// -export data write it (app, country, months, installs, a source, no
// note): 86 bytes on the million, so that the cap can be told in figures.
const csvRowBytes = 86

// aboutFigures says how many figures of uptake's CSV max bytes hold:
// "about 6 million figures of uptake's CSV".
func aboutFigures(max int64) string {
	n := max / csvRowBytes
	if n >= 1_000_000 {
		return fmt.Sprintf("about %d million figures of uptake's CSV", (n+500_000)/1_000_000)
	}
	return fmt.Sprintf("about %d thousand figures of uptake's CSV", (n+500)/1000)
}

// pendingImport is the files of an import, read whole and found without
// problems.
type pendingImport struct {
	name       string // the file, or "N files"
	batch      *store.Batch
	prog       *progress
	understood []fileRead // what each file was read as, for -dry-run
	mapped     []string   // apps a file named by store id, landed on the user's app
	summary    importSummary
}

// describe says what the import understood: each file's format and
// metric, the apps landed by id, and what the figures cover.
func (imp *pendingImport) describe(w io.Writer, dryRun bool) {
	if !dryRun && len(imp.understood) == 1 && imp.understood[0].Metric == "" && len(imp.mapped) == 0 {
		return // one file of uptake's own: the report says the rest
	}
	shown := imp.understood
	if len(shown) > 10 && !dryRun {
		shown = nil
	}
	for _, u := range shown {
		line := fmt.Sprintf("%s: read as %s", figures.Sanitize(u.name), u.Format)
		if u.Metric != "" {
			line += "; installs are " + figures.Sanitize(u.Metric)
		}
		fmt.Fprintln(w, line)
	}
	for _, m := range imp.mapped {
		fmt.Fprintf(w, "  %s\n", m)
	}
	fmt.Fprintf(w, "%s: %s\n", imp.name, imp.summary)
}

type fileRead struct {
	name string
	seed.Understood
}

// readImport reads every file of -import into one batch; it reports their
// problems and fails if any has one. Folders are read whole, their files
// in name order; an apps file (names and store ids) is read before the
// rest, so that the rest land on its apps.
func readImport(cfg config, stdin io.Reader, stderr io.Writer) (*pendingImport, error) {
	files, err := importFiles(cfg.imports)
	if err != nil {
		return nil, err
	}
	known, err := knownApps(cfg, stderr)
	if err != nil {
		return nil, err
	}
	imp := &pendingImport{name: files[0]}
	label := "import " + figures.Sanitize(filepath.Base(files[0]))
	if len(files) > 1 {
		imp.name = fmt.Sprintf("%d files", len(files))
		label = fmt.Sprintf("import of %d files (%s, …)", len(files), figures.Sanitize(filepath.Base(files[0])))
	}
	b := store.NewBatch(label)
	if len(files) == 1 {
		b.File = files[0]
	}
	sink := newIDSink(b, known)
	opt := cfg.readOpt
	opt.Days = seed.NewDays()
	left := cfg.maxImport
	var problems seed.Problems
	// The progress starts once the first file is open: a named pipe
	// waits for its writer first, and says so.
	start := func(size int64) *progress {
		if imp.prog == nil {
			imp.prog = startProgress(stderr, imp.name, size)
		}
		return imp.prog
	}
	total := int64(0)
	for _, f := range files {
		if fi, err := os.Stat(f); err == nil && fi.Mode().IsRegular() {
			total += fi.Size()
		} else {
			total = -1
			break
		}
	}
	defer func() {
		if imp.prog != nil && imp.batch == nil {
			imp.prog.stop()
		}
	}()
	ordered, appsFiles := seed.AppsFilesFirst(files, openForPeek)
	for i, name := range ordered {
		sink.startFile(i < appsFiles)
		u, ps, n, err := readOneFile(name, stdin, stderr, func() *progress { return start(total) }, sink, opt, left, cfg.maxImport)
		if err != nil {
			return nil, err
		}
		left -= n
		problems = append(problems, ps...)
		imp.understood = append(imp.understood, fileRead{name, u})
		if len(problems) >= seed.MaxProblems {
			break
		}
	}
	if len(problems) == 0 {
		sink.startFile(false)
		sink.emitting = true
		problems = opt.Days.Emit(sink)
	}
	if len(problems) > 0 {
		imp.prog.stop()
		imp.prog = nil
		fmt.Fprintln(stderr, problems.Error())
		return nil, fmt.Errorf("%s: not imported: fix the problems above; nothing was written", imp.name)
	}
	imp.batch, imp.mapped, imp.summary = b, sink.mapped(), sink.seen
	return imp, nil
}

// readOneFile reads one file of an import into sink, within left bytes of
// the import's cap; it returns how many bytes it read.
func readOneFile(name string, stdin io.Reader, stderr io.Writer, prog func() *progress, sink seed.Sink, opt seed.Options, left, max int64) (seed.Understood, seed.Problems, int64, error) {
	var r io.Reader = stdin
	shown := name
	if name == "-" {
		shown = "stdin"
	} else {
		f, n, err := openInput(name, stderr)
		if err != nil {
			return seed.Understood{}, nil, 0, err
		}
		defer f.Close()
		if n > max {
			return seed.Understood{}, nil, 0, fmt.Errorf("%s is %d MB; uptake imports at most %d MB at a time (%s), so that an import stays in memory: split the file and import the parts", name, n>>20, max>>20, aboutFigures(max))
		}
		if n > left {
			return seed.Understood{}, nil, 0, fmt.Errorf("%s brings the import past %d MB; uptake imports at most %d MB at a time (%s), so that an import stays in memory: import the files in parts", name, max>>20, max>>20, aboutFigures(max))
		}
		r = f
	}
	capped := &capReader{r: r, left: left, max: max}
	u, ps := seed.ReadWith(prog().reader(capped), shown, sink, opt)
	return u, ps, left - capped.left, nil
}

// importFiles lists the files of -import: each file as given, each folder
// as the files under it, in name order, leaving out hidden ones.
func importFiles(given []string) ([]string, error) {
	var files []string
	for _, g := range given {
		fi, err := os.Stat(g)
		if g == "-" || err != nil || !fi.IsDir() {
			files = append(files, g) // openInput says what is wrong with it
			continue
		}
		var in []string
		err = filepath.WalkDir(g, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && path != g {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				in = append(in, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cannot read the folder %s: %w", g, pathErr(err))
		}
		if len(in) == 0 {
			return nil, fmt.Errorf("the folder %s holds no files to import", g)
		}
		slices.Sort(in)
		files = append(files, in...)
	}
	return files, nil
}

// openForPeek opens a file for a look at its start (nil for stdin and
// anything that is not a regular file).
func openForPeek(name string) io.ReadCloser {
	if name == "-" {
		return nil
	}
	if fi, err := os.Stat(name); err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	return f
}

// knownApps reads the apps of the database, with their store ids, so that
// a file naming an app by id lands on it. No database yet, or one that
// cannot be read: none (the write that follows says what is wrong with
// the file).
func knownApps(cfg config, stderr io.Writer) ([]figures.App, error) {
	if _, err := os.Stat(cfg.db); err != nil {
		return nil, nil
	}
	st, err := store.Open(cfg.db, waitOptions(cfg, stderr, true))
	if err != nil {
		return nil, nil
	}
	defer st.Close()
	apps, err := st.Apps()
	if err != nil {
		return nil, nil
	}
	return apps, nil
}

// idSink lands what a file names by store id on the app that has the id:
// an app in the database, or one an earlier file of the import named.
// Readers give an app (AddApp) before its figures. An app a file names
// with an id no app has, under the name of an app that has another id,
// is another app: it is kept apart as "Name (App Store id N)". A renaming
// applies to the figures of the file that named the app by id (and to
// the days summed over the import's files, which only such files give),
// never to another file's figures that happen to use the same name. An
// apps file sets the mapping and is not renamed: the store refuses an id
// another app holds.
type idSink struct {
	b            *store.Batch
	seen         importSummary
	android, ios map[string]string      // id → the app's name
	byName       map[string]figures.App // folded name → the app, with its ids
	rename       map[string]string      // every renaming of the import, for the summed days
	declared     map[string]string      // the renamings of the file being read
	appsFile     bool                   // the file being read is an apps file
	emitting     bool                   // the summed days are being given
	report       map[string]bool
}

func newIDSink(b *store.Batch, known []figures.App) *idSink {
	s := &idSink{b: b, android: map[string]string{}, ios: map[string]string{}, byName: map[string]figures.App{},
		rename: map[string]string{}, declared: map[string]string{}, report: map[string]bool{}}
	for _, a := range known {
		s.learn(a)
	}
	return s
}

// startFile begins a file: its renamings are its own.
func (s *idSink) startFile(appsFile bool) {
	s.declared, s.appsFile = map[string]string{}, appsFile
}

func (s *idSink) learn(a figures.App) {
	if a.Android != "" {
		s.android[a.Android] = a.Name
	}
	if a.IOS != "" {
		s.ios[a.IOS] = a.Name
	}
	k := figures.FoldName(a.Name)
	had := s.byName[k]
	if had.Name == "" {
		had.Name = a.Name
	}
	if had.Android == "" {
		had.Android = a.Android
	}
	if had.IOS == "" {
		had.IOS = a.IOS
	}
	s.byName[k] = had
}

func (s *idSink) AddApp(a figures.App) {
	if s.appsFile || a.Android == "" && a.IOS == "" {
		s.learn(a)
		s.b.AddApp(a)
		return
	}
	target, by := "", ""
	if a.Android != "" {
		target, by = s.android[a.Android], "Google Play package "+a.Android
	}
	if target == "" && a.IOS != "" {
		target, by = s.ios[a.IOS], "App Store id "+a.IOS
	}
	orig := a.Name
	switch {
	case target != "" && !strings.EqualFold(target, a.Name):
		a.Name = target
		s.report[fmt.Sprintf("landed by store id on the app already known: %s (%s) → %s", figures.Sanitize(orig), figures.Sanitize(by), figures.Sanitize(target))] = true
	case target == "":
		known := s.byName[figures.FoldName(a.Name)]
		if known.Android != "" && a.Android != "" && known.Android != a.Android || known.IOS != "" && a.IOS != "" && known.IOS != a.IOS {
			a.Name = fmt.Sprintf("%s (%s)", a.Name, by)
			s.report[fmt.Sprintf("kept apart from the app of the same name, which has another id: %s (%s) → %s", figures.Sanitize(orig), figures.Sanitize(by), figures.Sanitize(a.Name))] = true
		}
	}
	if a.Name != orig {
		s.rename[orig] = a.Name
		s.declared[orig] = a.Name
	}
	s.learn(a)
	s.b.AddApp(a)
}

// named is the app a figure or launch of the file lands on.
func (s *idSink) named(app string) string {
	if to, ok := s.declared[app]; ok {
		return to
	}
	if to, ok := s.rename[app]; ok && s.emitting {
		return to
	}
	return app
}

func (s *idSink) AddLaunch(l figures.Launch) {
	l.App = s.named(l.App)
	s.b.AddLaunch(l)
}

// AddEvent lands an event on the app the file's renamings name, as its
// figures do; an event of every app stays so.
func (s *idSink) AddEvent(e figures.Event, line int) {
	if e.App != "" {
		e.App = s.named(e.App)
	}
	s.seen.events++
	s.b.AddEvent(e, line)
}

// AddGroup passes a user's group on: a group names countries, not apps.
func (s *idSink) AddGroup(g figures.Group, line int) {
	s.seen.groups++
	s.b.AddGroup(g, line)
}

func (s *idSink) AddFigure(f figures.Figure, line int) {
	f.App = s.named(f.App)
	s.seen.add(f)
	s.b.AddFigure(f, line)
}

// importSummary is what an import's figures cover, for its report.
type importSummary struct {
	n               int
	apps, countries map[string]bool
	platforms       [3]bool
	first, last     figures.Month
	estimates       int
	events          int
	groups          int
}

func (u *importSummary) add(f figures.Figure) {
	if u.apps == nil {
		u.apps, u.countries = map[string]bool{}, map[string]bool{}
		u.first, u.last = f.From, f.To
	}
	u.n++
	u.apps[f.App] = true
	u.countries[f.Country] = true
	u.platforms[f.Platform%3] = true
	u.first, u.last = min(u.first, f.From), max(u.last, f.To)
	if f.Estimate {
		u.estimates++
	}
}

// String words the summary: "3 apps (A, B, C), 2 countries (IN, ID),
// android, 2020-01..2020-12, 24 figures, 2 of them estimates".
func (u importSummary) String() string {
	events := ""
	if u.events > 0 {
		events = ", " + count(u.events, "event")
	}
	if u.groups > 0 {
		events += ", " + count(u.groups, "group")
	}
	if u.n == 0 {
		return "no figures" + events
	}
	var plats []string
	for p, on := range u.platforms {
		if on {
			plats = append(plats, figures.Platform(p).String())
		}
	}
	s := fmt.Sprintf("%s, %s, platform %s, %s..%s, %s", someOf(u.apps, "app"), someOf(u.countries, "country"), strings.Join(plats, " and "), u.first, u.last, count(u.n, "figure"))
	if u.estimates > 0 {
		s += fmt.Sprintf(", %d of them marked as estimates", u.estimates)
	}
	return s + events
}

// someOf counts a set and names its first members.
func someOf(set map[string]bool, noun string) string {
	names := make([]string, 0, len(set))
	for k := range set {
		names = append(names, figures.Sanitize(k))
	}
	slices.Sort(names)
	plural := noun + "s"
	if noun == "country" {
		plural = "countries"
	}
	word := plural
	if len(names) == 1 {
		word = noun
	}
	shown := names[:min(len(names), 6)]
	more := ""
	if len(names) > len(shown) {
		more = ", …"
	}
	return fmt.Sprintf("%d %s (%s%s)", len(names), word, strings.Join(shown, ", "), more)
}

func (s *idSink) mapped() []string {
	out := make([]string, 0, len(s.report))
	for k := range s.report {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// apply writes a file read by readImport, in one transaction.
func (imp *pendingImport) apply(st *store.Store, cfg config, stderr io.Writer) error {
	imp.prog.phase("writing")
	imp.describe(stderr, cfg.dryRun)
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
	if cfg.dryRun {
		writeAdded(stderr, rep)
	}
	writeEvents(stderr, rep, cfg.dryRun)
	writeGroups(stderr, rep, cfg.dryRun)
	return nil
}

// writeGroups names the groups an import replaced and added (or would):
// a replaced group with its members old → new, so that no member of a
// group the user made changes without a word.
func writeGroups(w io.Writer, rep store.Report, dryRun bool) {
	for _, replaced := range []bool{true, false} {
		n, verb := rep.GroupsReplaced, "replaced"
		if !replaced {
			n, verb = rep.GroupsAdded, "added"
		}
		if dryRun {
			verb = map[bool]string{true: "would replace", false: "would add"}[replaced]
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(w, "  it %s %s:\n", verb, count(n, "group"))
		shown := 0
		for _, c := range rep.GroupChanges {
			if c.Replaced() != replaced || shown == shownReplaced {
				continue
			}
			s := strings.TrimPrefix(strings.TrimPrefix(c.String(), "replaced group "), "added group ")
			fmt.Fprintf(w, "  - %s\n", s)
			shown++
		}
		if rest := n - shown; rest > 0 {
			fmt.Fprintf(w, "  - and %d more\n", rest)
		}
	}
}

// writeEvents names the events an import replaced (or would), with what
// changed, and in a dry run the events it would add.
func writeEvents(w io.Writer, rep store.Report, dryRun bool) {
	for _, replaced := range []bool{true, false} {
		n, verb := rep.EventsUpdated, "replaced"
		switch {
		case replaced && dryRun:
			verb = "would replace"
		case !replaced && !dryRun:
			continue
		case !replaced:
			n, verb = rep.EventsAdded, "would add"
		}
		if n == 0 {
			continue
		}
		fmt.Fprintf(w, "  it %s %s:\n", verb, count(n, "event"))
		shown := 0
		for _, c := range rep.EventChanges {
			if c.Replaced() != replaced || shown == shownReplaced {
				continue
			}
			s := c.String()
			s = strings.TrimPrefix(strings.TrimPrefix(s, "replaced event "), "added event ")
			fmt.Fprintf(w, "  - %s\n", s)
			shown++
		}
		if rest := n - shown; rest > 0 {
			fmt.Fprintf(w, "  - and %d more\n", rest)
		}
	}
}

// writeAdded names the figures a dry run would add (the first of them).
func writeAdded(w io.Writer, rep store.Report) {
	if rep.Added == 0 {
		return
	}
	fmt.Fprintf(w, "  it would add %s:\n", count(rep.Added, "figure"))
	for i, f := range rep.AddedFigures {
		if i == shownReplaced {
			break
		}
		fmt.Fprintf(w, "  - %s\n", strings.TrimPrefix(store.Change{New: f}.String(), "added "))
	}
	if rest := rep.Added - min(len(rep.AddedFigures), shownReplaced); rest > 0 {
		fmt.Fprintf(w, "  - and %d more\n", rest)
	}
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
