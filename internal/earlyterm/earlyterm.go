// Package earlyterm keeps Bubble Tea v1 from asking the terminal for its
// background colour on every run.
//
// Bubble Tea v1's package init calls lipgloss.HasDarkBackground, which
// writes ESC ] 11 ; ? to a terminal on standard output and waits up to
// five seconds for the answer: `uptake -h` and `uptake -export` paid it,
// and in a terminal that never answers took five seconds. Go initialises
// packages in the order of their import paths once their imports are,
// and this module's path (dev.uptake/...) sorts before
// github.com/charmbracelet/..., so its init runs first and tells lipgloss
// a background, which makes the later call answer at once. The dashboard
// asks the terminal itself, only when it opens (report.ThemedStyles), as
// Bubble Tea's init would have, before Bubble Tea takes the terminal.
package earlyterm

import "github.com/charmbracelet/lipgloss"

func init() {
	lipgloss.SetHasDarkBackground(true)
}
