// Command timeit times commands as whole processes, for bench/compare.sh.
// Given several commands it runs them interleaved — each once untimed to
// warm up, then A, B, C, A, B, C, … N rounds — so that a change of load
// on a shared machine falls on all of them alike rather than on whichever
// ran last. It prints one line per command, in the order given: the
// median, shortest and longest wall time in milliseconds, the largest
// peak resident memory in KiB and the median CPU time (user and system)
// in milliseconds:
//
//	median_ms min_ms max_ms peak_rss_kib median_cpu_ms
//
// Standard output of the commands is discarded. A run that fails stops
// it: the command, its error and the end of its standard error are
// reported, and nothing is printed on standard output.
//
//	timeit -n 9 -- uptake -export curves ... -- sqlite3 s.db 'SELECT ...'
//	timeit -n 9 -prepare 'rm -f u.db' -prepare 'rm -f s.db' -- uptake -import ... -- sqlite3 ...
//
// Each -prepare is a shell command run before every run of the command
// in the same place (the first -prepare before the first command, and so
// on; an empty one for none), untimed.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = "usage: timeit [-n N] [-warmup N] [-prepare CMD]... -- COMMAND [ARG...] [-- COMMAND [ARG...]]..."

// stringList is a flag that may be given several times.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// measure is what the runs of one command gave.
type measure struct {
	argv    []string
	prepare string
	walls   []time.Duration
	cpus    []time.Duration
	rss     int64 // KiB, the largest of the timed runs
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 9, "number of timed runs of each command")
	warmup := fs.Int("warmup", 1, "untimed runs of each command first")
	var prepares stringList
	fs.Var(&prepares, "prepare", "shell command run before each run of the command in the same place, untimed (repeat for each command)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cmds := splitCommands(fs.Args())
	if len(cmds) == 0 || *n < 1 || *warmup < 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	for i, c := range cmds {
		if len(c) == 0 {
			fmt.Fprintf(stderr, "timeit: command %d is empty\n%s\n", i+1, usage)
			return 2
		}
	}
	if len(prepares) > 0 && len(prepares) != len(cmds) {
		fmt.Fprintf(stderr, "timeit: %d -prepare for %d commands: give one per command, '' for none\n", len(prepares), len(cmds))
		return 2
	}
	ms := make([]*measure, len(cmds))
	for i, c := range cmds {
		ms[i] = &measure{argv: c}
		if len(prepares) > 0 {
			ms[i].prepare = prepares[i]
		}
	}
	for round := 0; round < *warmup+*n; round++ {
		for _, m := range ms {
			if err := m.once(round >= *warmup); err != nil {
				fmt.Fprintf(stderr, "timeit: %v\n", err)
				return 1
			}
		}
	}
	for _, m := range ms {
		walls := slices.Sorted(slices.Values(m.walls))
		fmt.Fprintf(stdout, "%.2f %.2f %.2f %d %.2f\n", msOf(median(walls)), msOf(walls[0]), msOf(walls[len(walls)-1]), m.rss, msOf(median(m.cpus)))
	}
	return 0
}

// splitCommands splits the arguments after the flags at each "--": the
// flag package has already taken the first one, if any.
func splitCommands(args []string) [][]string {
	if len(args) == 0 {
		return nil
	}
	var cmds [][]string
	start := 0
	for i, a := range args {
		if a == "--" {
			cmds = append(cmds, args[start:i])
			start = i + 1
		}
	}
	return append(cmds, args[start:])
}

// once runs the command's -prepare, then the command, and keeps its
// times when timed is set.
func (m *measure) once(timed bool) error {
	if m.prepare != "" {
		if out, err := exec.Command("sh", "-c", m.prepare).CombinedOutput(); err != nil {
			return fmt.Errorf("prepare %q: %v\n%s", m.prepare, err, out)
		}
	}
	c := exec.Command(m.argv[0], m.argv[1:]...)
	// The end of standard error, to say why a run failed; the rest of it
	// (progress, counts) is of no interest.
	errTail := &tail{max: 2048}
	c.Stderr = errTail
	t0 := time.Now()
	if err := c.Run(); err != nil {
		return fmt.Errorf("%s: %v\n%s", strings.Join(m.argv, " "), err, errTail.buf)
	}
	wall := time.Since(t0)
	if !timed {
		return nil
	}
	m.walls = append(m.walls, wall)
	m.cpus = append(m.cpus, c.ProcessState.UserTime()+c.ProcessState.SystemTime())
	if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.rss = max(m.rss, ru.Maxrss) // KiB on Linux
	}
	return nil
}

// tail keeps the last max bytes written to it.
type tail struct {
	buf []byte
	max int
}

func (t *tail) Write(p []byte) (int, error) {
	t.buf = append(t.buf, p...)
	if over := len(t.buf) - t.max; over > 0 {
		t.buf = append(t.buf[:0], t.buf[over:]...)
	}
	return len(p), nil
}

// median of durations sorted or not; ds must not be empty.
func median(ds []time.Duration) time.Duration {
	ds = slices.Sorted(slices.Values(ds))
	if len(ds)%2 == 0 {
		return (ds[len(ds)/2-1] + ds[len(ds)/2]) / 2
	}
	return ds[len(ds)/2]
}

func msOf(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
