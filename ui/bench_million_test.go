package ui

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/synth"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// BenchmarkMillion measures the views on the million: 200 apps × 50
// countries × 100 months of synthetic figures (internal/synth), with a
// launch for every app in every country. The database is built once, in
// the benchmark's temporary folder, for all the sub-benchmarks:
//
//	go test ./ui -run '^$' -bench Million
//
// The goals (DESIGN, Quality bars): an export within 10 ms as a whole
// process (bench/compare.sh times that; Export here is the same work
// without the process start), a view switch within 16 ms, the first
// frame within 100 ms.
func BenchmarkMillion(b *testing.B) {
	path := filepath.Join(b.TempDir(), "million.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.Apply(synth.Million.Batch("synthetic million"), false); err != nil {
		b.Fatal(err)
	}
	s.Close()

	ten := make([]string, 10)
	for i := range ten {
		ten[i] = synth.AppName(i)
	}
	one := []string{synth.AppName(0)}
	views := []struct {
		name string
		view string
		sel  report.Selection
	}{
		{"CurvesOneCountry", "curves", report.Selection{Apps: one, Country: "IN"}},
		{"CurvesWorldwideSummed", "curves", report.Selection{Apps: one, Country: figures.Worldwide}},
		{"CountriesAllTime", "countries", report.Selection{Apps: one}},
		{"Compare10SinceLaunch", "compare", report.Selection{Apps: ten, Country: "IN", SinceLaunch: true}},
		{"Share10", "share", report.Selection{Apps: ten, Country: "IN"}},
		{"RankingOneCountry", "ranking", report.Selection{Apps: one, Country: "IN"}},
		{"RankingWorldwide", "ranking", report.Selection{Apps: one, Country: figures.Worldwide}},
	}

	b.Run("OpenStore", func(b *testing.B) {
		for b.Loop() {
			st, err := store.Open(path, store.Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			st.Close()
		}
	})

	// Export is what uptake -export VIEW does once the process runs: open
	// the file read-only, check the apps, fill the selection, read and
	// render in one transaction.
	for _, v := range views {
		b.Run("Export/"+v.name, func(b *testing.B) {
			var out int
			for b.Loop() {
				out = exportOnce(b, path, v.view, v.sel)
			}
			b.ReportMetric(float64(out), "bytes")
		})
	}

	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for _, v := range views {
		b.Run("Load/"+v.name, func(b *testing.B) {
			for b.Loop() {
				if err := st.Read(func(r *store.Reader) error { _, err := viewOf(v.view).Load(r, v.sel); return err }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("Load/DataTable", func(b *testing.B) {
		for b.Loop() {
			if err := st.Read(func(r *store.Reader) error { _, err := r.FigureTable(); return err }); err != nil {
				b.Fatal(err)
			}
		}
	})

	// The Data view: its first page, a page down, and a sort and a
	// filter over every figure.
	var rows *store.FigureTable
	if err := st.Read(func(r *store.Reader) error { rows, err = r.FigureTable(); return err }); err != nil {
		b.Fatal(err)
	}
	newData := func() dataView {
		v := newDataView(newKeyMap(report.Views()), report.PlainStyles())
		v.setSize(120, 36)
		return v
	}
	// The first page is what the view's first open reads: the first
	// apps' figures (the whole table follows, behind it).
	b.Run("Data/FirstPage", func(b *testing.B) {
		for b.Loop() {
			var d *store.FigureTable
			if err := st.Read(func(r *store.Reader) error { d, err = r.FigureTableHead(dataHeadRows); return err }); err != nil {
				b.Fatal(err)
			}
			v := newData()
			v.set(d)
			_ = v.view()
		}
	})
	b.Run("Data/PageDown", func(b *testing.B) {
		v := newData()
		v.set(rows)
		for b.Loop() {
			v, _ = v.update(press("pgdown"))
			_ = v.view()
		}
	})
	b.Run("Data/SortInstalls", func(b *testing.B) {
		v := newData()
		v.set(rows)
		for b.Loop() {
			v.sortCol = colApp
			v, _ = v.update(press("s"))
			v, _ = v.update(press("i")) // by Installs, largest first
			_ = v.view()
		}
		b.Log(v.note)
	})
	b.Run("Data/FilterText", func(b *testing.B) {
		v := newData()
		v.set(rows)
		for b.Loop() {
			v.filter.SetValue("app 042")
			v.apply()
			_ = v.view()
		}
		b.Log(v.note)
	})
	b.Run("Data/FilterNumber", func(b *testing.B) {
		v := newData()
		v.set(rows)
		for b.Loop() {
			v.filter.SetValue("4.8k")
			v.apply()
			_ = v.view()
		}
		b.Log(v.note)
	})

	// The dashboard: the first frame from a new model, and a switch to
	// each view after a change in the file (so that it reloads). It opens
	// the file for each read, as uptake does.
	st.Close()
	dash, err := store.Open(path, store.Options{Transient: true})
	if err != nil {
		b.Fatal(err)
	}
	defer dash.Close()
	// The first frame is the first view loaded and drawn; the whole-file
	// check the dashboard then starts runs behind it (and would be most
	// of the time here if settle ran it).
	newModel := func() Model {
		m := New(Config{Store: StoreOf(dash), Styles: report.NewStyles(), Poll: -1})
		m = settle(m, tea.WindowSizeMsg{Width: 120, Height: 40})
		return settleUntil(m, m.Init(), func(m Model) bool { return m.loadedGen[m.view] == m.gen && m.views != nil && len(m.sel.Apps) > 0 })
	}
	b.Run("FirstFrame", func(b *testing.B) {
		var frame string
		for b.Loop() {
			frame = newModel().View()
		}
		if !strings.Contains(frame, "Synthetic App") {
			b.Fatalf("the first frame shows no app:\n%s", frame)
		}
	})
	m := newModel()
	for _, k := range []struct {
		key  string
		view string
	}{{"1", "curves"}, {"2", "countries"}, {"3", "compare"}, {"4", "data"}, {"5", "share"}, {"6", "ranking"}} {
		b.Run("ViewSwitch/"+k.view, func(b *testing.B) {
			for b.Loop() {
				m.gen++ // every switch reloads, as after a change in the file
				m = settle(m, press(k.key))
				_ = m.View()
			}
			if m.views[m.view].Name != k.view || m.loadedGen[m.view] != m.gen {
				b.Fatalf("view %v not loaded", k.view)
			}
		})
	}
	// The Data view above reloads with its whole table on screen, which
	// stays until the new one comes. Its first open in a session shows the
	// first apps' figures (FigureTableHead) and reads the rest behind
	// them: this is until the first screen is drawn.
	b.Run("ViewSwitch/data-first-open", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			m = settle(m, press("1"))
			m.data = newDataView(m.keys, m.st)
			m.resize()
			m.gen++
			b.StartTimer()
			next, cmd := m.Update(press("4"))
			m = settleUntil(next.(Model), cmd, func(m Model) bool { return m.loadedGen[m.view] == m.gen })
			_ = m.View()
		}
		if !m.data.all.Partial() || !strings.Contains(m.View(), "the first 5000 are here") {
			b.Fatalf("not the head:\n%s", m.View())
		}
	})
}

// exportOnce does what uptake -export does after flag parsing, and
// returns how many bytes it wrote.
func exportOnce(b testing.TB, path string, v string, sel report.Selection) int {
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for _, name := range sel.Apps {
		if _, ok, err := st.App(name); err != nil || !ok {
			b.Fatalf("app %q: %v", name, err)
		}
	}
	var w countWriter
	err = st.Read(func(r *store.Reader) error {
		var err error
		if sel, _, err = report.StartSelection(r, sel); err != nil {
			return err
		}
		return report.Export(r, viewOf(v), sel, report.FormatText, 100, &w)
	})
	if err != nil {
		b.Fatal(err)
	}
	return int(w)
}

type countWriter int

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countWriter)(nil)

// TestMillionBench_Wiring runs the benchmark's export on a small
// synthetic database, so that plain go test keeps it working without
// building the million.
func TestMillionBench_Wiring(t *testing.T) {
	small := synth.Config{Apps: 12, Countries: 3, Months: 48, From: figures.MonthOf(2019, 1), Seed: 1} // 48 months: all twelve meet in 2022, for Share
	path := filepath.Join(t.TempDir(), "small.db")
	s, err := store.Open(path, store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(small.Batch("small"), false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ten := make([]string, 10)
	for i := range ten {
		ten[i] = synth.AppName(i)
	}
	for _, v := range []string{"curves", "countries", "compare", "data", "share", "ranking"} {
		sel := report.Selection{Apps: ten, Country: "IN", SinceLaunch: v == "compare"}
		if n := exportOnce(t, path, v, sel); n == 0 {
			t.Errorf("%v: empty export", v)
		}
	}
}

// settleUntil runs cmd and what its messages lead to, a command at a
// time, until done says the model is where it should be: commands still
// queued then (a background check) are not run.
func settleUntil(m Model, cmd tea.Cmd, done func(Model) bool) Model {
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 && !done(m) {
		c := queue[0]
		queue = queue[1:]
		for _, msg := range runCmd(c) {
			if b, ok := msg.(tea.BatchMsg); ok {
				queue = append(queue, b...)
				continue
			}
			next, more := m.Update(msg)
			m = next.(Model)
			queue = append(queue, more)
		}
	}
	return m
}
