// uptake's copy of github.com/atotto/clipboard v0.1.4 (BSD-3-Clause, see
// LICENSE), changed only to look for the clipboard tools on first use
// rather than at start-up: see clipboard_unix.go.
module github.com/atotto/clipboard

go 1.26
