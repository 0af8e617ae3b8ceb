package report

import (
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// colourStyles draws in 256 colours on a background, whatever the
// terminal the tests run in.
func colourStyles(dark bool) Styles {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(dark)
	return NewStylesFor(r)
}

// fuzzWatch is how long one input may take before it counts as a hang:
// far above the milliseconds any takes, so that a fuzzing worker starved
// of CPU on a busy machine is not taken for one.
const fuzzWatch = 10 * time.Second

// fuzzSeeds are the texts every target starts from.
var fuzzSeeds = []string{
	"",
	"Resso",
	"Installs by country · Resso · 2020-03..2020-09",
	"\x1b[1mInstalls by country · Resso · 2020-03..2020-09\x1b[0m",
	"\x1b[38;5;33m── Resso\x1b[0m   \x1b[38;5;208m══ Spotify\x1b[0m",
	"👩‍👩‍👧‍👦 Family Music",
	"🇮🇳🇮🇩🇧🇷 flags and 🇺",
	"❤️ heart ❤ text",
	"网易云音乐 ＬＩＮＥ ＭＵＳＩＣ",
	"أنغامي ספוטיפיי",
	"cafe\u0301 e\u0301e\u0301e\u0301",
	"\u0D4E\u0D4E x \u0600y",
	"zero\u200dwidth\u200b joiners\u200d",
	"\xff\xfe invalid \xc3( utf-8 \xe2\x82",
	"\x1b[31", "\x1b]8;;https://example.com\x07link\x1b]8;;\x07", "\x1b]0;title",
	"\x9b31mC1 CSI\x9b0m", "tab\there\r\nline",
	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
}

// fuzzWidth maps any int to a width from -5 to 300.
func fuzzWidth(n int) int {
	return int(uint(n)%306) - 5
}

// within runs fn and fails the test if it has not returned d after it
// started. A function that never returns cannot be stopped, and one that
// spins and allocates (as wrap once did) would take the machine with it,
// so the test binary stops there, with every goroutine's stack to show
// where.
func within(t testing.TB, d time.Duration, what string, fn func()) {
	t.Helper()
	started, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		close(started)
		fn()
	}()
	// The clock starts when fn does: on a busy machine the goroutine can
	// wait a long time to be scheduled, and that is no hang of fn's.
	<-started
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		t.Errorf("%s did not return within %v; goroutines:\n%s", what, d, buf)
		panic(what + " hangs: stopping the test binary rather than let it spin")
	}
}

// FuzzGridText lays out a table whose cells come from the input: lines
// are rows, tabs part cells, the first line is the header; the bits of
// right say which columns hold numbers.
func FuzzGridText(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s+"\tInstalls\nID\t3.6M\n"+s+"\t950k", 14, uint8(2))
		f.Add("Month\t"+s+"\tgrowth\n2020-08\t3.6M\t+64%", 85, uint8(6))
	}
	st := colourStyles(true)
	f.Fuzz(func(t *testing.T, s string, n int, right uint8) {
		width := fuzzWidth(n)
		rows := strings.Split(s, "\n")
		g := &grid{header: strings.Split(rows[0], "\t")}
		for i := range g.header {
			g.right = append(g.right, right&(1<<(i%8)) != 0)
		}
		for _, r := range rows[1:] {
			g.rows = append(g.rows, strings.Split(r, "\t"))
			g.styles = append(g.styles, len(g.rows)-2)
		}
		var out string
		within(t, fuzzWatch, "grid", func() { out = g.text(width, st) })
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != len(rows) {
			t.Fatalf("%d lines for %d rows", len(lines), len(rows))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > max(width, 0) {
				t.Fatalf("grid at %d columns: line %d is %d columns: %q", width, i+1, w, l)
			}
		}
	})
}
