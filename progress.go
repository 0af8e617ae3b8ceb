package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progress reports a long import on standard error: nothing for a file
// that takes under a second, then a line a second.
type progress struct {
	out  io.Writer
	name string
	size int64
	read atomic.Int64
	mu   sync.Mutex
	what string
	done chan struct{}
	wg   sync.WaitGroup
}

func startProgress(out io.Writer, name string, size int64) *progress {
	p := &progress{out: out, name: name, size: size, what: "reading", done: make(chan struct{})}
	p.wg.Add(1)
	go p.loop()
	return p
}

func (p *progress) loop() {
	defer p.wg.Done()
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-t.C:
			p.mu.Lock()
			what := p.what
			p.mu.Unlock()
			n := p.read.Load()
			if what == "reading" && p.size > 0 {
				fmt.Fprintf(p.out, "%s: reading, %.0f%% (%d of %d MB)\n", p.name, 100*float64(n)/float64(p.size), n>>20, p.size>>20)
			} else {
				fmt.Fprintf(p.out, "%s: %s… (%d MB read)\n", p.name, what, n>>20)
			}
		}
	}
}

func (p *progress) phase(what string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.what = what
	p.mu.Unlock()
}

func (p *progress) stop() {
	if p == nil {
		return
	}
	select {
	case <-p.done:
	default:
		close(p.done)
	}
	p.wg.Wait()
}

func (p *progress) reader(r io.Reader) io.Reader { return countingReader{r, &p.read} }

type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}
