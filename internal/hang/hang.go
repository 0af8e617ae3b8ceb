// Package hang has what the tests of text fitting and of the dashboard
// share: a guard that stops a call that never returns, and the texts and
// widths their fuzz targets start from.
package hang

import (
	"runtime"
	"testing"
	"time"
)

// Within runs fn and fails the test if it has not returned d after it
// started. A function that never returns cannot be stopped, and one that
// spins and allocates (as wrap once did) would take the machine with it,
// so the test binary stops there, with every goroutine's stack to show
// where.
func Within(t testing.TB, d time.Duration, what string, fn func()) {
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

// Watch is how long one input may take before it counts as a hang:
// far above the milliseconds any takes, so that a fuzzing worker starved
// of CPU on a busy machine is not taken for one.
const Watch = 10 * time.Second

// Texts are the texts every target starts from.
var Texts = []string{
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

// Width maps any int to a width from -5 to 300.
func Width(n int) int {
	return int(uint(n)%306) - 5
}
