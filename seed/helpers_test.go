package seed

import (
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

// recorder is a Sink that keeps what it is given.
type recorder struct {
	apps     []figures.App
	launches []figures.Launch
	figures  []figures.Figure
	events   []figures.Event
	lines    []int // the line of each event
	groups   []figures.Group
	gLines   []int // the line of each group
}

func (r *recorder) AddApp(a figures.App)              { r.apps = append(r.apps, a) }
func (r *recorder) AddLaunch(l figures.Launch)        { r.launches = append(r.launches, l) }
func (r *recorder) AddFigure(f figures.Figure, _ int) { r.figures = append(r.figures, f) }
func (r *recorder) AddEvent(e figures.Event, line int) {
	r.events = append(r.events, e)
	r.lines = append(r.lines, line)
}
func (r *recorder) AddGroup(g figures.Group, line int) {
	r.groups = append(r.groups, g)
	r.gLines = append(r.gLines, line)
}

// readCSV reads a CSV file held in a string.
func readCSV(t testing.TB, name, text string) (*recorder, Problems) {
	t.Helper()
	rec := &recorder{}
	return rec, ReadCSV(strings.NewReader(text), name, rec)
}

// readAs reads text through ReadWith, recognising its format (or as
// opt.Format says), and fails the test on a problem.
func readAs(t *testing.T, name, text string, opt Options) (*recorder, Understood) {
	t.Helper()
	rec := &recorder{}
	u, ps := ReadWith(strings.NewReader(text), name, rec, opt)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", strs(ps))
	}
	return rec, u
}

// readJSON reads a JSON file held in a string.
func readJSON(t testing.TB, name, text string) (*recorder, Problems) {
	t.Helper()
	rec := &recorder{}
	return rec, ReadJSON(strings.NewReader(text), name, rec)
}

// strs writes problems one to a line, for comparisons.
func strs(ps Problems) string {
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

func month(t testing.TB, s string) figures.Month {
	t.Helper()
	m, err := figures.ParseMonth(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}
