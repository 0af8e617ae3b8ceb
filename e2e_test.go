package main

// End to end: the real binary in a real terminal (tmux), driven by keys,
// checked by what the screen shows, what the store holds, the exit status
// and the state the terminal is left in.

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// tmuxSession is one detached session on a server of its own.
type tmuxSession struct {
	t      *testing.T
	socket string
	env    []string
}

var tmuxCount atomic.Int64

// needTmux skips without tmux, unless in CI, where .ci/run installs it
// and its absence is a failure.
func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is missing in CI (.ci/run installs it)")
		}
		t.Skip("tmux is not installed")
	}
}

// startTmux runs command in a detached session of w×h on a unique socket.
func startTmux(t *testing.T, w, h int, command string) *tmuxSession {
	t.Helper()
	needTmux(t)
	s := &tmuxSession{
		t:      t,
		socket: fmt.Sprintf("uptake-e2e-%d-%d", os.Getpid(), tmuxCount.Add(1)),
		env:    append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"),
	}
	t.Cleanup(func() {
		exec.Command("tmux", "-L", s.socket, "kill-server").Run()
		dir := os.Getenv("TMUX_TMPDIR")
		if dir == "" {
			dir = "/tmp"
		}
		os.Remove(filepath.Join(dir, fmt.Sprintf("tmux-%d", os.Getuid()), s.socket))
	})
	// The pane stays after its command ends, so that what it printed can
	// be read; nothing else of the user's tmux configuration is read.
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set-option -g remain-on-exit on\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.run("-f", conf, "new-session", "-d", "-s", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), command)
	return s
}

func (s *tmuxSession) run(args ...string) string {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "tmux", append([]string{"-u", "-L", s.socket}, args...)...)
	cmd.Env = s.env
	out, err := cmd.CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.run("capture-pane", "-p", "-t", "main") }

// keys sends tmux key names (Tab, Enter) or, with literal, text as typed.
func (s *tmuxSession) keys(names ...string) {
	s.run(append([]string{"send-keys", "-t", "main"}, names...)...)
}
func (s *tmuxSession) typeText(text string) { s.run("send-keys", "-t", "main", "-l", text) }

// waitFor polls the screen until it holds every want, or fails at the
// deadline with the screen as it was.
func (s *tmuxSession) waitFor(what string, want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(scr, w)
		}
		if ok {
			return scr
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.t.Fatalf("%s: the screen never showed %q:\n%s", what, want, scr)
	return ""
}

// waitFile polls for a file's content, for what the shell writes after
// uptake exits.
func waitFile(t *testing.T, path string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(path); err == nil && bytes.HasSuffix(b, []byte("\n")) {
			return string(b)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s never appeared", path)
	return ""
}

// afterwards is the shell that runs uptake, then writes its exit status
// and the terminal's settings, as the prompt that follows would find it.
func afterwards(dir, uptakeArgs string) string {
	return fmt.Sprintf("sh -c '%s %s; echo EXIT=$? > %s; stty -a > %s; echo done >> %s'",
		buildBin, uptakeArgs, filepath.Join(dir, "exit"), filepath.Join(dir, "stty"), filepath.Join(dir, "stty"))
}

// checkTerminalSane fails unless the terminal is back in cooked mode with
// echo on, as a shell prompt needs it.
func checkTerminalSane(t *testing.T, dir string) {
	t.Helper()
	// Wait for the shell's last word: a test that ends before it would
	// have the shell write into its temporary folder as it is removed.
	st := waitFile(t, filepath.Join(dir, "stty"))
	for deadline := time.Now().Add(10 * time.Second); !strings.HasSuffix(st, "done\n") && time.Now().Before(deadline); {
		time.Sleep(20 * time.Millisecond)
		b, _ := os.ReadFile(filepath.Join(dir, "stty"))
		st = string(b)
	}
	for _, flag := range []string{"echo", "icanon", "isig", "icrnl", "opost"} {
		if !strings.Contains(" "+strings.ReplaceAll(st, "\n", " ")+" ", " "+flag+" ") {
			t.Errorf("after uptake exits, the terminal lacks %s:\n%s", flag, st)
		}
	}
}

func TestE2E_DashboardInTmux(t *testing.T) {
	needTmux(t)
	uptakeBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "uptake.db")
	s := startTmux(t, 100, 30, afterwards(dir, "-seed -db "+db))

	s.waitFor("first screen", "[3 Compare]", "In their first 5 months", "Resso")
	s.keys("1")
	s.waitFor("Curves", "[1 Curves]", "Installs per month")
	s.keys("2")
	s.waitFor("Countries", "[2 Countries]", "Installs by country")
	// A resize to 12 columns once hung the Countries view for ever.
	s.run("resize-window", "-t", "main", "-x", "12", "-y", "30")
	s.waitFor("too small", "terminal")
	s.run("resize-window", "-t", "main", "-x", "100", "-y", "30")
	s.waitFor("Countries again", "[2 Countries]", "Installs by country")
	s.keys("4")
	s.waitFor("Data", "[4 Data]", "10 figures in all")

	// A figure by hand, as the README has it.
	s.keys("a")
	s.waitFor("the form", "Add a figure")
	s.typeText("Anghami")
	s.keys("Tab")
	s.typeText("Saudi Arabia")
	s.keys("Tab")
	s.typeText("ios")
	s.keys("Tab")
	s.typeText("2020-08")
	s.keys("Tab", "Tab")
	s.typeText("1.5M")
	s.keys("Tab")
	s.typeText("src")
	s.keys("Tab", "Tab", "Enter")
	s.waitFor("the new app's question", "is not an app in the file yet")
	s.keys("y")
	s.waitFor("the status line", "saved Anghami SA ios 2020-08 1.5M: 1 figure added", "11 figures in all")

	s.keys("q")
	if got := waitFile(t, filepath.Join(dir, "exit")); got != "EXIT=0\n" {
		t.Errorf("exit: %q\n%s", got, s.screen())
	}
	checkTerminalSane(t, dir)

	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	f, ok, err := st.Figure(figures.Key{App: "Anghami", Country: "SA", Platform: figures.IOS, From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Source: "src"})
	if err != nil || !ok || f.Installs != 1_500_000 || f.Source != "src" || f.Estimate {
		t.Fatalf("stored: %+v %v %v", f, ok, err)
	}
}

// TestE2E_TerminalRestoredOnEveryExit: after ctrl+c, after SIGTERM, and
// after an error before the dashboard starts (a file that is not a
// database), the terminal is back as the shell needs it.
func TestE2E_TerminalRestoredOnEveryExit(t *testing.T) {
	needTmux(t)
	uptakeBinary(t)
	db := seededDB(t)

	t.Run("ctrl+c", func(t *testing.T) {
		dir := t.TempDir()
		s := startTmux(t, 100, 30, afterwards(dir, "-db "+db))
		s.waitFor("first screen", "In their first 5 months")
		s.keys("C-c")
		if got := waitFile(t, filepath.Join(dir, "exit")); got != "EXIT=0\n" {
			t.Errorf("exit: %q", got)
		}
		checkTerminalSane(t, dir)
	})
	t.Run("SIGTERM", func(t *testing.T) {
		dir := t.TempDir()
		s := startTmux(t, 100, 30, afterwards(dir, "-db "+db))
		s.waitFor("first screen", "In their first 5 months")
		pid := strings.TrimSpace(s.run("list-panes", "-t", "main", "-F", "#{pane_pid}"))
		// The pane runs sh; uptake is its only child.
		out, err := exec.Command("pgrep", "-P", pid).Output()
		child, cerr := strconv.Atoi(strings.TrimSpace(string(out)))
		if err != nil || cerr != nil {
			t.Fatalf("the uptake under the pane's shell %s: %q %v %v", pid, out, err, cerr)
		}
		if err := syscall.Kill(child, syscall.SIGTERM); err != nil {
			t.Fatal(err)
		}
		if got := waitFile(t, filepath.Join(dir, "exit")); got != "EXIT=0\n" {
			t.Errorf("exit: %q", got)
		}
		checkTerminalSane(t, dir)
	})
	t.Run("a file that is not a database", func(t *testing.T) {
		dir := t.TempDir()
		bad := filepath.Join(dir, "notes.db")
		os.WriteFile(bad, bytes.Repeat([]byte("not a database\n"), 500), 0o600)
		s := startTmux(t, 100, 30, afterwards(dir, "-db "+bad))
		if got := waitFile(t, filepath.Join(dir, "exit")); got != "EXIT=1\n" {
			t.Errorf("exit: %q", got)
		}
		s.waitFor("the message", "is not an uptake database")
		checkTerminalSane(t, dir)
	})
}

// TestE2E_OpensWhereItWasLeft: the selection and view are remembered per
// file between runs; flags on the command line choose another start.
func TestE2E_OpensWhereItWasLeft(t *testing.T) {
	needTmux(t)
	uptakeBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "uptake.db")
	runCLI(t, "", "-seed", "-no-ui", "-db", db)

	s := startTmux(t, 100, 30, afterwards(dir, "-db "+db))
	s.waitFor("first screen", "[3 Compare]", "IN India")
	s.keys("g")
	s.waitFor("country prompt", "Country")
	s.keys("C-u")
	s.typeText("BR")
	s.keys("Enter")
	s.waitFor("Compare of Brazil", "BR Brazil")
	s.keys("1")
	s.waitFor("Curves of Brazil", "[1 Curves]", "BR Brazil")
	s.keys("q")
	waitFile(t, filepath.Join(dir, "exit"))

	dir2 := t.TempDir()
	s2 := startTmux(t, 100, 30, afterwards(dir2, "-db "+db))
	s2.waitFor("the screen as it was left", "[1 Curves]", "BR Brazil", "opened as you left it")
	s2.keys("q")
	waitFile(t, filepath.Join(dir2, "exit"))

	dir3 := t.TempDir()
	s3 := startTmux(t, 100, 30, afterwards(dir3, "-db "+db+" -country ID"))
	s3.waitFor("the flags' start", "ID Indonesia")
	if scr := s3.screen(); strings.Contains(scr, "opened as you left it") {
		t.Errorf("-country did not choose the start:\n%s", scr)
	}
	s3.keys("q")
	waitFile(t, filepath.Join(dir3, "exit"))
}
