// Command hello is the floor under bench/compare.sh's rows: a Go program
// that prints one line and does nothing else, built as uptake is, so the
// table shows what starting any Go process costs on the machine beside
// sqlite3's SELECT 1.
package main

import "os"

func main() { os.Stdout.WriteString("1\n") }
