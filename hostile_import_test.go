package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// cleanForTerminal reports whether s holds nothing a terminal acts on
// besides line breaks.
func cleanForTerminal(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			return false
		}
	}
	return true
}

// TestHostileImport_Refused: files whose names, sources or notes hold
// control characters, escape sequences, direction overrides, or run too
// long are refused whole, with a message naming the line and column, a
// message itself safe to print; nothing is written.
func TestHostileImport_Refused(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	if code, _, msg := runCLI(t, "", "-seed", "-no-ui", "-db", db); code != 0 {
		t.Fatal(msg)
	}
	before, _ := os.ReadFile(db)
	long := strings.Repeat("W", 5000)
	cases := []struct {
		name, file, text, want string
	}{
		{"screen clear in an app", "f.csv", "app,country,from,installs\nEvil\x1b[2JApp,SA,2020-08,1\n", "f.csv:2: app: contains the control character U+001B"},
		{"OSC 52 in a source", "f.csv", "app,country,from,installs,source\nAnghami,SA,2020-08,1,\x1b]52;c;aGVsbG8=\x07\n", "f.csv:2: source: contains the control character U+001B"},
		{"right-to-left override in a note", "f.csv", "app,country,from,installs,note\nAnghami,SA,2020-08,1,abc\u202eevil\n", "f.csv:2: note: contains the control character U+202E"},
		{"C1 CSI in an app", "f.csv", "app,country,from,installs\nC1\u009b31m,SA,2020-08,1\n", "U+009B"},
		{"bell in a launch's app", "f.csv", "app,country,launched\nBell\a,SA,2020-08\n", "U+0007"},
		{"an app of 5000 bytes", "f.csv", "app,country,from,installs\n" + long + ",SA,2020-08,1\n", "5000 bytes long (expected at most 100)"},
		{"a note of 10000 bytes", "f.csv", "app,country,from,installs,note\nAnghami,SA,2020-08,1," + long + long + "\n", "10000 bytes long (expected at most 2000)"},
		{"not UTF-8", "f.csv", "app,country,from,installs\nAng\xffhami,SA,2020-08,1\n", "UTF-8"},
		{"escapes in JSON", "f.json", `{"figures":[{"app":"Evil\u001b[2J","country":"SA","from":"2020-08","installs":1}]}`, "f.json:1: figures[0].app: contains the control character U+001B"},
		{"OSC 52 in a JSON publisher", "f.json", `{"apps":[{"name":"Anghami","publisher":"\u001b]52;c;aGVsbG8=\u0007"}]}`, "U+001B"},
		{"an override in a JSON source", "f.json", `{"figures":[{"app":"Anghami","country":"SA","from":"2020-08","installs":1,"source":"\u202e"}]}`, "U+202E"},
	}
	refused := 0
	for _, c := range cases {
		p := filepath.Join(dir, c.file)
		if err := os.WriteFile(p, []byte(c.text), 0o600); err != nil {
			t.Fatal(err)
		}
		code, out, msg := runCLI(t, "", "-import", p, "-no-ui", "-db", db)
		switch {
		case code != 1:
			t.Errorf("%s: exit %d, %q", c.name, code, msg)
		case !strings.Contains(msg, c.want) || !strings.Contains(msg, "nothing was written"):
			t.Errorf("%s: message %q lacks %q", c.name, msg, c.want)
		case !cleanForTerminal(msg) || !cleanForTerminal(out):
			t.Errorf("%s: the message itself carries a control character: %q", c.name, msg)
		default:
			refused++
		}
		after, _ := os.ReadFile(db)
		if !bytes.Equal(before, after) {
			t.Fatalf("%s: the database changed", c.name)
		}
	}
	t.Logf("hostile files refused with a clear, clean message: %d of %d", refused, len(cases))
}
