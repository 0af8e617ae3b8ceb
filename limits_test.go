package main

// Limits: a 1 GB file, a 10 MB line, 100,000 columns, an empty file, a
// header only. Big inputs are made lazily by a reader that produces its
// bytes as they are read, so no test writes a gigabyte anywhere.

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
)

const gigabyte = 1 << 30

// lazyFile is size bytes: head, then body repeated, then tail, produced
// as they are read. It counts what was read.
type lazyFile struct {
	head, body, tail []byte
	size             int64
	off              int64
}

func newLazy(head, body, tail string, size int64) *lazyFile {
	return &lazyFile{head: []byte(head), body: []byte(body), tail: []byte(tail), size: size}
}

func (l *lazyFile) Read(p []byte) (int, error) {
	if l.off >= l.size {
		return 0, io.EOF
	}
	n := 0
	for n < len(p) && l.off < l.size {
		var src []byte
		var at int64
		switch bodyEnd := l.size - int64(len(l.tail)); {
		case l.off < int64(len(l.head)):
			src, at = l.head, l.off
		case l.off >= bodyEnd:
			src, at = l.tail, l.off-bodyEnd
		default:
			src, at = l.body, (l.off-int64(len(l.head)))%int64(len(l.body))
			if rest := bodyEnd - l.off; int64(len(src))-at > rest {
				src = src[:at+rest]
			}
		}
		c := copy(p[n:], src[at:])
		n += c
		l.off += int64(c)
	}
	return n, nil
}

// peakHeap runs fn and returns how far the live heap rose above where it
// was before, sampled every few milliseconds.
func peakHeap(fn func()) uint64 {
	// Collect often while measuring, so that the peak is what the reader
	// keeps alive, not garbage a collector behind on a busy machine has
	// yet to free (it once read 107 bytes a figure under load, 40 idle).
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			mu.Lock()
			peak = max(peak, ms.HeapAlloc)
			mu.Unlock()
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	fn()
	runtime.ReadMemStats(&ms)
	close(done)
	wg.Wait()
	peak = max(peak, ms.HeapAlloc)
	if peak < base {
		return 0
	}
	return peak - base
}

type limitCase struct {
	name  string
	file  func() *lazyFile
	want  string // in the problems
	heap  uint64 // ceiling on the heap's rise
	reads int64  // at most this many bytes read before the reader stops
}

func limitCases() []limitCase {
	const mb = 1 << 20
	header := "app,country,from,to,installs,source\n"
	return []limitCase{
		{"1 GB CSV whose rows are all wrong", func() *lazyFile {
			return newLazy(header, "Synthetic App,IN,2020-01,,lots,test\n", "", gigabyte)
		}, "more problems from here on are not shown", 16 * mb, 2 * mb},
		{"1 GB of bytes with no line break", func() *lazyFile {
			return newLazy("", "0123456789abcdef", "", gigabyte)
		}, "longer than 1 MiB", 24 * mb, 8 * mb},
		{"1 GB CSV whose second line is 1 GB", func() *lazyFile {
			return newLazy(header+"Synthetic App,IN,2020-01,,", "9", "\n", gigabyte)
		}, "longer than 1 MiB", 24 * mb, 8 * mb},
		{"1 GB CSV with a quoted field left open", func() *lazyFile {
			return newLazy(header+"Synthetic App,IN,2020-01,,1,\"", "an open quote\n", "", gigabyte)
		}, "runs on past 1 MiB", 24 * mb, 8 * mb},
		// The JSON decoder doubles its buffer while it looks for the end
		// of a token: it stops after about 8 MB, with a heap of about 40.
		{"1 GB JSON of one string", func() *lazyFile {
			return newLazy(`{"figures":[{"app":"`, "x", `"}]}`, gigabyte)
		}, "", 64 * mb, 16 * mb},
		{"1 GB JSON whose records are all wrong", func() *lazyFile {
			return newLazy(`{"figures":[`, `{"app":"Synthetic App","country":"IN","from":"2020-01","installs":"lots"},`, `{}]}`, gigabyte)
		}, "more problems from here on are not shown", 16 * mb, 2 * mb},
		{"a line of 10 MB", func() *lazyFile {
			return newLazy(header+"Synthetic App,IN,2020-01,,1,", "s", "\n", int64(len(header))+10*mb)
		}, "longer than 1 MiB", 24 * mb, 11 * mb},
		{"a header of 100,000 columns", func() *lazyFile {
			return newLazy("", "c,", "c\nA,IN,2020-01,,1,x\n", 200_000)
		}, "more than 1000 fields", 16 * mb, 1 * mb},
		{"a row of 100,000 columns", func() *lazyFile {
			return newLazy(header, "1,", "1\n", int64(len(header))+200_000)
		}, "more than 1000 fields", 16 * mb, 1 * mb},
		{"an empty file", func() *lazyFile { return newLazy("", "", "", 0) }, "the file is empty", 4 * mb, 0},
		{"a header only", func() *lazyFile { return newLazy(header, "", "", int64(len(header))) }, "no figures, launches, events or groups after the header", 4 * mb, 1 * mb},
		{"a JSON file with no records", func() *lazyFile { return newLazy(`{"figures":[]}`, "", "", 14) }, "", 4 * mb, 1 * mb},
	}
}

// TestLimits_Readers feeds each input straight to seed.Read into a real
// batch: a clear problem, a bounded heap, and the reading stops early.
func TestLimits_Readers(t *testing.T) {
	for _, c := range limitCases() {
		t.Run(c.name, func(t *testing.T) {
			for _, name := range []string{"big.csv", "big.json", "stdin"} {
				if strings.Contains(c.name, "JSON") != (name == "big.json") && name != "stdin" {
					continue
				}
				f := c.file()
				var ps seed.Problems
				b := store.NewBatch("limits")
				start := time.Now()
				rise := peakHeap(func() { ps = seed.Read(f, name, b) })
				figs, launches := b.Len()
				t.Logf("%s as %s: read %d of %d bytes in %v, heap rose %.1f MB; %d problems", c.name, name, f.off, f.size, time.Since(start).Round(time.Millisecond), float64(rise)/(1<<20), len(ps))
				if len(ps) == 0 {
					t.Fatalf("no problem reported (%d figures, %d launches)", figs, launches)
				}
				if c.want != "" && !strings.Contains(ps.Error(), c.want) {
					t.Errorf("problems do not say %q:\n%s", c.want, ps.Error())
				}
				if rise > c.heap {
					t.Errorf("the heap rose %.1f MB, more than %.0f MB", float64(rise)/(1<<20), float64(c.heap)/(1<<20))
				}
				if f.off > c.reads && f.off > 0 {
					t.Errorf("read %d bytes before stopping, more than %d", f.off, c.reads)
				}
				for _, p := range ps {
					if len(p.String()) > 2000 {
						t.Errorf("a problem of %d bytes", len(p.String()))
					}
				}
			}
		})
	}
}

// TestLimits_ThroughTheCommand: the same inputs given to uptake -import -
// on standard input: exit 1, the problem on standard error, the database
// byte for byte as it was.
func TestLimits_ThroughTheCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	if code, _, msg := runCLI(t, "", "-seed", "-no-ui", "-db", db); code != 0 {
		t.Fatal(msg)
	}
	before, _ := os.ReadFile(db)
	for _, c := range limitCases() {
		var out, errOut bytes.Buffer
		code := run([]string{"-import", "-", "-no-ui", "-db", db}, c.file(), &out, &errOut, false)
		msg := errOut.String()
		if code != 1 || !strings.Contains(msg, "stdin") || !strings.Contains(msg, "nothing was written") || c.want != "" && !strings.Contains(msg, c.want) {
			t.Errorf("%s: exit %d, %q", c.name, code, msg)
		}
		if len(msg) > 8000 {
			t.Errorf("%s: a message of %d bytes", c.name, len(msg))
		}
		after, _ := os.ReadFile(db)
		if !bytes.Equal(before, after) {
			t.Fatalf("%s: the database changed", c.name)
		}
	}
	// A refused import into a database that does not exist yet leaves no
	// file behind.
	fresh := filepath.Join(t.TempDir(), "new.db")
	if code := run([]string{"-import", "-", "-no-ui", "-db", fresh}, strings.NewReader(""), io.Discard, io.Discard, false); code != 1 {
		t.Errorf("empty stdin into a new database: exit %d", code)
	}
	if _, err := os.Stat(fresh); !os.IsNotExist(err) {
		t.Errorf("a refused import created %s: %v", fresh, err)
	}
}

// TestLimits_MemoryPerFigure: a file of valid figures is held whole until
// it is written (a file is taken whole or not at all), so memory grows
// with it; this pins how much, so that a 1 GB file of valid rows (about
// 17 million figures) costs what the note says.
func TestLimits_MemoryPerFigure(t *testing.T) {
	const rows = 200_000
	header := "app,country,from,to,installs,source\n"
	var body strings.Builder
	codes := figures.CountryCodes()
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&body, "Synthetic App %03d,%s,%s,,%d,synthetic\n", i%50, codes[i%40], figures.MonthOf(2000, 1).Add(i/40), 1000+i)
	}
	line := int64(body.Len()) / 1000
	f := newLazy(header, body.String(), "", int64(len(header))+line*rows)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	b := store.NewBatch("limits")
	var ps seed.Problems
	rise := peakHeap(func() { ps = seed.Read(f, "big.csv", b) })
	figs, _ := b.Len()
	if len(ps) > 0 || figs != rows {
		t.Fatalf("%d figures, problems: %v", figs, ps)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	kept := float64(ms.HeapAlloc) - float64(base)
	runtime.KeepAlive(b)
	per, peakPer := kept/rows, float64(rise)/rows
	n1g := gigabyte / line
	t.Logf("%d figures (%.1f MB of CSV): the batch keeps %.1f MB (%.0f bytes a figure), the heap peaked %.1f MB above its start (%.0f a figure); "+
		"a 1 GB file of such rows (%d figures) would keep about %.0f MB and peak near %.0f MB: nothing caps a file of valid rows",
		rows, float64(f.size)/(1<<20), kept/(1<<20), per, float64(rise)/(1<<20), peakPer, n1g, per*float64(n1g)/(1<<20), peakPer*float64(n1g)/(1<<20))
	if peakPer > 100 {
		t.Errorf("%.0f bytes a figure at the peak: a million figures would take more than the 100 MB the design allows", peakPer)
	}
}
