package main

// Helpers for the tests that run the real binary: crash_test.go,
// concurrent_test.go, badfiles_test.go and e2e_test.go.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	buildDir  string
	buildBin  string
	buildErr  error
)

func TestMain(m *testing.M) {
	// Every dashboard the tests open remembers its screen here, not in
	// the user's state folder.
	state, err := os.MkdirTemp("", "uptake-state-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_STATE_HOME", state)
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.RemoveAll(state)
	os.Exit(code)
}

// uptakeBinary builds the program once per test run (go build -o, into a
// temporary folder removed at the end) and returns its path.
func uptakeBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		buildDir, buildErr = os.MkdirTemp("", "uptake-bin-")
		if buildErr != nil {
			return
		}
		buildBin = filepath.Join(buildDir, "uptake")
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		out, err := exec.CommandContext(ctx, "go", "build", "-o", buildBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return buildBin
}

// result is how a run of the binary ended.
type result struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// uptake runs the binary with args, killing it if it runs past limit
// (a hang is a failure, never a stuck test).
func uptake(t testing.TB, limit time.Duration, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, uptakeBinary(t), args...)
	cmd.Env = append(os.Environ(), "UPTAKE_DB=/nonexistent/never-used.db")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	start := time.Now()
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errOut.String(), took: time.Since(start)}
	var ee *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("uptake %q hung: killed after %v", args, limit)
	case errors.As(err, &ee):
		r.code = ee.ExitCode()
	case err != nil:
		t.Fatalf("uptake %q: %v", args, err)
	}
	return r
}

// seededDB makes a database holding the bundled dataset: 10 figures.
func seededDB(t testing.TB) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "uptake.db")
	if r := uptake(t, 30*time.Second, "-seed", "-no-ui", "-db", db); r.code != 0 {
		t.Fatalf("-seed: exit %d: %s", r.code, r.stderr)
	}
	return db
}

// TestStart_NoTerminalQueryWithoutTheDashboard: Bubble Tea v1's init asked
// the terminal for its background (ESC ] 11 ; ?) on every run, and a
// terminal that never answers made `uptake -h` take five seconds. Run in
// a pseudo-terminal that never answers (script(1)), -h and -export now
// write no query and return at once.
func TestStart_NoTerminalQueryWithoutTheDashboard(t *testing.T) {
	bin := uptakeBinary(t)
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script(1) is not installed")
	}
	db := filepath.Join(t.TempDir(), "x.db")
	if out, err := exec.Command(bin, "-seed", "-no-ui", "-db", db).CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, args := range []string{"-h", "-export curves -app Resso -country IN -db " + db} {
		typescript := filepath.Join(t.TempDir(), "typescript")
		cmd := exec.Command("script", "-qc", bin+" "+args, typescript)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color")
		start := time.Now()
		if out, err := cmd.CombinedOutput(); err != nil && !strings.Contains(args, "-h") {
			t.Fatalf("%s: %v: %s", args, err, out)
		}
		took := time.Since(start)
		b, _ := os.ReadFile(typescript)
		if bytes.Contains(b, []byte("\x1b]11;?")) || took > 3*time.Second {
			t.Errorf("uptake %s asked the terminal for its background (took %v)", args, took)
		}
	}
}
