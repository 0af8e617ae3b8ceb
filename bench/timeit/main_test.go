package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// lines runs timeit and returns its result lines, split into fields.
func lines(t *testing.T, args ...string) [][]float64 {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(args, &out, &errb); code != 0 {
		t.Fatalf("timeit %q: exit %d, stderr:\n%s", args, code, errb.String())
	}
	var got [][]float64
	for _, l := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		f := strings.Fields(l)
		if len(f) != 5 {
			t.Fatalf("line %q: %d fields, want 5 (median min max rss cpu)", l, len(f))
		}
		var vs []float64
		for _, s := range f {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("line %q: %v", l, err)
			}
			vs = append(vs, v)
		}
		got = append(got, vs)
	}
	return got
}

func TestOneLinePerCommandInOrder(t *testing.T) {
	got := lines(t, "-n", "3", "--", "sleep", "0.05", "--", "true", "--", "sleep", "0.01")
	if len(got) != 3 {
		t.Fatalf("%d lines, want 3: %v", len(got), got)
	}
	for i, l := range got {
		if !(l[1] <= l[0] && l[0] <= l[2]) {
			t.Errorf("command %d: min %.2f, median %.2f, max %.2f out of order", i+1, l[1], l[0], l[2])
		}
		if l[3] <= 0 {
			t.Errorf("command %d: peak RSS %v KiB, want > 0", i+1, l[3])
		}
	}
	// sleep 0.05 first, true second, sleep 0.01 third: the lines follow
	// the commands, not the order in which they finished.
	if got[0][1] < 50 {
		t.Errorf("sleep 0.05: shortest run %.2f ms, want ≥ 50", got[0][1])
	}
	if got[2][1] < 10 {
		t.Errorf("sleep 0.01: shortest run %.2f ms, want ≥ 10", got[2][1])
	}
	if got[1][0] >= got[0][0] || got[2][0] >= got[0][0] {
		t.Errorf("medians %.2f, %.2f, %.2f: want sleep 0.05's the longest", got[0][0], got[1][0], got[2][0])
	}
}

func TestOneCommandAsBefore(t *testing.T) {
	if got := lines(t, "-n", "2", "--", "true"); len(got) != 1 {
		t.Fatalf("%d lines, want 1", len(got))
	}
	// No "--": the command starts at the first argument that is not a flag.
	if got := lines(t, "-n", "1", "true"); len(got) != 1 {
		t.Fatalf("%d lines, want 1", len(got))
	}
}

// TestInterleaved: each command warms up once, then the rounds go A, B,
// A, B, …, as the commands' log of themselves shows.
func TestInterleaved(t *testing.T) {
	log := filepath.Join(t.TempDir(), "log")
	say := func(name string) []string { return []string{"sh", "-c", "echo " + name + " >> '" + log + "'"} }
	args := append([]string{"-n", "3", "-warmup", "1", "--"}, say("A")...)
	args = append(append(args, "--"), say("B")...)
	args = append(append(args, "--"), say("C")...)
	if got := lines(t, args...); len(got) != 3 {
		t.Fatalf("%d lines, want 3", len(got))
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Fields(string(b)), strings.Fields("A B C A B C A B C A B C"); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("runs %v, want %v", got, want)
	}
}

// TestPreparePerCommand: the first -prepare runs before every run of the
// first command, the second before the second's; an empty one is none.
func TestPreparePerCommand(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	args := []string{"-n", "3",
		"-prepare", "rm -f '" + a + "'", "-prepare", "",
		"--", "sh", "-c", "test ! -e '" + a + "' && touch '" + a + "'",
		"--", "sh", "-c", "touch '" + b + "'"}
	if got := lines(t, args...); len(got) != 2 {
		t.Fatalf("%d lines, want 2", len(got))
	}
}

func TestFailureReported(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"failing command", []string{"-n", "2", "--", "true", "--", "sh", "-c", "echo no such table >&2; exit 3"},
			[]string{"sh -c", "exit status 3", "no such table"}},
		{"failing after the warm-up", []string{"-n", "2", "--", "sh", "-c", "test -e x || { touch x; exit 0; }; rm x; exit 4"},
			[]string{"exit status 4"}},
		{"missing command", []string{"-n", "1", "--", "true", "--", "/nonexistent/cmd"},
			[]string{"/nonexistent/cmd"}},
		{"failing prepare", []string{"-n", "1", "-prepare", "exit 5", "--", "true"},
			[]string{"prepare", "exit 5"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			var out, errb bytes.Buffer
			if code := run(tc.args, &out, &errb); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if out.Len() != 0 {
				t.Errorf("stdout %q, want nothing: a failed measure must not look like a result", out.String())
			}
			for _, w := range tc.want {
				if !strings.Contains(errb.String(), w) {
					t.Errorf("stderr %q does not say %q", errb.String(), w)
				}
			}
		})
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"-n", "0", "--", "true"},
		{"--", "true", "--"},
		{"-prepare", "true", "--", "true", "--", "true"},
		{"-prepare", "true", "-prepare", "true", "--", "true"},
	} {
		var out, errb bytes.Buffer
		if code := run(args, &out, &errb); code != 2 {
			t.Errorf("timeit %q: exit %d, want 2", args, code)
		}
		if errb.Len() == 0 {
			t.Errorf("timeit %q: nothing on stderr", args)
		}
	}
}

func TestMedian(t *testing.T) {
	if got := median(durations(3, 1, 2)); got != 2 {
		t.Errorf("median of 3 1 2 = %v, want 2", got)
	}
	if got := median(durations(4, 1, 2, 3)); got != 2 { // (2+3)/2 in integer nanoseconds
		t.Errorf("median of 4 1 2 3 = %v, want 2", got)
	}
}

func durations(ns ...int64) []time.Duration {
	var ds []time.Duration
	for _, n := range ns {
		ds = append(ds, time.Duration(n))
	}
	return ds
}
