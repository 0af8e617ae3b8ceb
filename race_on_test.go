//go:build race

package main

// raceDetector: the race detector checks every memory access in C code of
// its own, where a fault in the file's mapped pages (a damaged page
// pointing past the file) cannot become the error that
// debug.SetPanicOnFault makes of it otherwise, and the process dies.
const raceDetector = true
