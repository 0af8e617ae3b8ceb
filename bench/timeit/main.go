// Command timeit runs a command several times, as a whole process, and
// prints the median, shortest and longest wall time, the largest peak
// resident memory and the median CPU time (user and system), for
// bench/compare.sh. Standard output of the command is discarded; a run
// that fails stops it.
//
//	timeit -n 5 [-prepare 'rm -f x.db'] -- uptake -export curves ...
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("timeit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 5, "number of timed runs")
	warmup := fs.Int("warmup", 1, "untimed runs first")
	prepare := fs.String("prepare", "", "shell command run before each run, untimed")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	cmd := fs.Args()
	if len(cmd) == 0 || *n < 1 {
		fmt.Fprintln(stderr, "usage: timeit [-n N] [-warmup N] [-prepare CMD] -- COMMAND [ARG...]")
		return 2
	}
	var walls, cpus []time.Duration
	var rss int64
	for i := 0; i < *warmup+*n; i++ {
		if *prepare != "" {
			if out, err := exec.Command("sh", "-c", *prepare).CombinedOutput(); err != nil {
				fmt.Fprintf(stderr, "timeit: prepare: %v\n%s", err, out)
				return 1
			}
		}
		c := exec.Command(cmd[0], cmd[1:]...)
		c.Stderr = io.Discard
		t0 := time.Now()
		if err := c.Run(); err != nil {
			fmt.Fprintf(stderr, "timeit: %v: %v\n", cmd, err)
			return 1
		}
		wall := time.Since(t0)
		if i < *warmup {
			continue
		}
		walls = append(walls, wall)
		cpus = append(cpus, c.ProcessState.UserTime()+c.ProcessState.SystemTime())
		if ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = max(rss, ru.Maxrss) // KiB on Linux
		}
	}
	slices.Sort(walls)
	// median_ms min_ms max_ms peak_rss_kib median_cpu_ms
	fmt.Fprintf(stdout, "%.2f %.2f %.2f %d %.2f\n", ms(median(walls)), ms(walls[0]), ms(walls[len(walls)-1]), rss, ms(median(cpus)))
	return 0
}

func median(ds []time.Duration) time.Duration {
	ds = slices.Sorted(slices.Values(ds))
	if len(ds)%2 == 0 {
		return (ds[len(ds)/2-1] + ds[len(ds)/2]) / 2
	}
	return ds[len(ds)/2]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
