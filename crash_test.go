package main

// Crashes: an import or a save killed with SIGKILL at any moment leaves
// the database exactly as before or exactly as after, and undamaged.

import (
	"bufio"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// syntheticCSV writes apps × countries × months one-month figures of
// clearly synthetic apps.
func syntheticCSV(t *testing.T, apps, countries, months int) (string, int) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "synthetic.csv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	codes := figures.CountryCodes()[:countries]
	fmt.Fprintln(w, "app,country,from,installs,source,note")
	n := 0
	for a := 0; a < apps; a++ {
		for _, c := range codes {
			for m := 0; m < months; m++ {
				fmt.Fprintf(w, "Synthetic App %03d,%s,%s,%d,synthetic test data,not a real figure\n", a, c, figures.MonthOf(2017, 1).Add(m), 1000+a*7+m)
				n++
			}
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p, n
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// figuresIn opens db as uptake would for writing (which checks every
// page) and counts its figures.
func figuresIn(t *testing.T, db string) (int, error) {
	t.Helper()
	s, err := store.Open(db, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		return 0, err
	}
	defer s.Close()
	n, err := s.Count()
	if err != nil {
		return 0, err
	}
	// Count reads the series' headers only; read every figure too.
	all := 0
	if err := s.EachFigure(func(figures.Figure) bool { all++; return true }); err != nil {
		return 0, err
	}
	if all != n.Figures {
		return 0, fmt.Errorf("Count says %d figures, a walk finds %d", n.Figures, all)
	}
	return all, nil
}

// startImport starts an import of csv into db and returns the process.
func startImport(t *testing.T, db, csv string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(uptakeBinary(t), "-import", csv, "-no-ui", "-db", db)
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// fileChanged waits until db's size or modification time differs from
// what they were, or until the deadline; it says which.
func fileChanged(db string, deadline time.Time) bool {
	fi0, err := os.Stat(db)
	if err != nil {
		return false
	}
	for time.Now().Before(deadline) {
		fi, err := os.Stat(db)
		if err == nil && (fi.Size() != fi0.Size() || !fi.ModTime().Equal(fi0.ModTime())) {
			return true
		}
		time.Sleep(200 * time.Microsecond)
	}
	return false
}

func TestCrash_KilledImportLeavesBeforeOrAfter(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a 200,000-figure import many times")
	}
	template := seededDB(t)
	const before = 10
	csv, rows := syntheticCSV(t, 200, 25, 40)
	after := before + rows
	dir := t.TempDir()

	// Measure an import that runs to its end.
	full := filepath.Join(dir, "full.db")
	copyFile(t, template, full)
	start := time.Now()
	cmd := startImport(t, full, csv)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the import itself fails: %v", err)
	}
	took := time.Since(start)
	if n, err := figuresIn(t, full); err != nil || n != after {
		t.Fatalf("after a full import: %d figures, %v; want %d", n, err, after)
	}
	t.Logf("a full import of %d rows takes %v", rows, took.Round(time.Millisecond))

	// Kills at moments spread over the whole run (reading the file, then
	// writing), and kills timed from the moment the database file starts
	// to change: inside the write transaction and its commit.
	type kill struct {
		delay     time.Duration
		onWriting bool
	}
	var kills []kill
	for i := 1; i <= 8; i++ {
		kills = append(kills, kill{delay: took * time.Duration(i) / 9})
	}
	for _, d := range []time.Duration{0, 200 * time.Microsecond, 500 * time.Microsecond, time.Millisecond, 2 * time.Millisecond, 3 * time.Millisecond, 5 * time.Millisecond, 10 * time.Millisecond, 30 * time.Millisecond} {
		kills = append(kills, kill{delay: d, onWriting: true})
	}
	survived, sawBefore, sawAfter, finished := 0, 0, 0, 0
	for i, k := range kills {
		db := filepath.Join(dir, fmt.Sprintf("kill%d.db", i))
		copyFile(t, template, db)
		cmd := startImport(t, db, csv)
		if k.onWriting && !fileChanged(db, time.Now().Add(30*time.Second)) {
			t.Errorf("kill %d: the database never changed", i)
		}
		time.Sleep(k.delay)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		killed := err != nil
		n, err := figuresIn(t, db)
		where := fmt.Sprintf("kill %d (%v after %s)", i, k.delay, map[bool]string{true: "the file started to change", false: "the start"}[k.onWriting])
		switch {
		case err != nil:
			t.Errorf("%s: the database does not open: %v", where, err)
		case n != before && n != after:
			t.Errorf("%s: %d figures: neither before (%d) nor after (%d)", where, n, before, after)
		default:
			survived++
			t.Logf("%s: killed %v, %d figures", where, killed, n)
			if n == before {
				sawBefore++
			} else {
				sawAfter++
			}
			if !killed {
				finished++
			}
		}
	}
	t.Logf("import kills survived: %d of %d (database as before: %d, as after: %d; %d imports had finished before the kill)",
		survived, len(kills), sawBefore, sawAfter, finished)
	if sawBefore == 0 {
		t.Error("no kill landed before the commit: the test did not test much")
	}
}

// The save helper: run as a child process by TestCrash_KilledSaveLeavesWholeFigures.
const saveHelperEnv = "UPTAKE_SAVE_HELPER_DB"

// TestCrashSaveHelper saves and moves figures in a loop, as the form does,
// until it is killed. Figure i is saved at month 2i with installs i, then
// moved to month 2i+1 with installs 1,000,000+i.
func TestCrashSaveHelper(t *testing.T) {
	db := os.Getenv(saveHelperEnv)
	if db == "" {
		t.Skip("a helper process for the crash tests")
	}
	s, err := store.Open(db, store.Options{Transient: true})
	if err != nil {
		fmt.Println("helper:", err)
		os.Exit(3)
	}
	base := figures.MonthOf(1990, 1)
	for i := 0; ; i++ {
		f := loopFigure(base, i, false)
		if _, err := s.SaveFigure(nil, f); err != nil {
			fmt.Println("helper:", err)
			os.Exit(3)
		}
		old := f.Key()
		if _, err := s.SaveFigure(&old, loopFigure(base, i, true)); err != nil {
			fmt.Println("helper:", err)
			os.Exit(3)
		}
		if i == 0 {
			fmt.Println("saving")
		}
	}
}

func loopFigure(base figures.Month, i int, moved bool) figures.Figure {
	f := figures.Figure{App: "Loop", Country: "IN", From: base.Add(2 * i), Installs: int64(i),
		Source: "save " + strconv.Itoa(i), Note: "whole"}
	if moved {
		f.From, f.Installs, f.Source = base.Add(2*i+1), int64(1_000_000+i), "moved "+strconv.Itoa(i)
	}
	f.To = f.From
	return f
}

func TestCrash_KilledSaveLeavesWholeFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a saving process many times")
	}
	template := seededDB(t)
	dir := t.TempDir()
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	base := figures.MonthOf(1990, 1)
	survived, tries := 0, 12
	total := 0
	for k := 0; k < tries; k++ {
		db := filepath.Join(dir, fmt.Sprintf("save%d.db", k))
		copyFile(t, template, db)
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSaveHelper$")
		cmd.Env = append(os.Environ(), saveHelperEnv+"="+db)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Wait for the first save, then kill at a random moment.
		line, _ := bufio.NewReader(out).ReadString('\n')
		if line != "saving\n" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("helper: %q", line)
		}
		time.Sleep(time.Duration(rnd.Intn(300)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()

		s, err := store.Open(db, store.Options{Timeout: 5 * time.Second})
		if err != nil {
			t.Errorf("kill %d: the database does not open: %v", k, err)
			continue
		}
		byMonth := map[figures.Month]figures.Figure{}
		err = s.EachFigure(func(f figures.Figure) bool {
			if f.App == "Loop" {
				byMonth[f.From] = f
			}
			return true
		})
		entries, applied, herr := s.History()
		s.Close()
		if err != nil || herr != nil {
			t.Errorf("kill %d: reading: %v %v", k, err, herr)
			continue
		}
		// Saves run one after another: figures 0..n-1 moved, and figure n
		// saved but not yet moved, or not saved at all.
		ok := true
		n := 0
		for ; ; n++ {
			f, movedOK := byMonth[base.Add(2*n+1)]
			if !movedOK {
				break
			}
			if !f.Same(loopFigure(base, n, true)) {
				t.Errorf("kill %d: figure %d is not whole: %+v", k, n, f)
				ok = false
			}
			if _, both := byMonth[base.Add(2*n)]; both {
				t.Errorf("kill %d: figure %d is both where it was and where it moved", k, n)
				ok = false
			}
		}
		pending := 0
		if f, saved := byMonth[base.Add(2*n)]; saved {
			pending = 1
			if !f.Same(loopFigure(base, n, false)) {
				t.Errorf("kill %d: the last figure is not whole: %+v", k, f)
				ok = false
			}
		}
		if len(byMonth) != n+pending {
			t.Errorf("kill %d: %d Loop figures, want %d: a figure out of sequence", k, len(byMonth), n+pending)
			ok = false
		}
		// One history entry per save, after the seed's.
		if want := 1 + 2*n + pending; applied != want && applied != min(want, store.MaxHistory) {
			t.Errorf("kill %d: %d history entries applied (of %d), want %d", k, applied, len(entries), want)
			ok = false
		}
		if ok {
			survived++
		}
		total += 2*n + pending
	}
	t.Logf("save kills survived: %d of %d (%d saves committed before the kills)", survived, tries, total)
}
