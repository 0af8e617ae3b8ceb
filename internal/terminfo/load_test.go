package terminfo

import (
	"os"
	"path/filepath"
	"testing"
)

// uptake's change: the entry under $HOME/.terminfo is found through
// $HOME alone (os.UserHomeDir), and a missing home does not stop the
// lookup in the system folders.
func TestLoad_HomeTerminfo(t *testing.T) {
	entry := findSystemEntry(t, "xterm")
	home := t.TempDir()
	dir := filepath.Join(home, ".terminfo", "u")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "uptake-test-term"), entry, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("TERMINFO", "")
	t.Setenv("TERMINFO_DIRS", "")
	ti, err := Load("uptake-test-term")
	if err != nil {
		t.Fatalf("Load from $HOME/.terminfo: %v", err)
	}
	if len(ti.Names) == 0 {
		t.Fatal("the entry read has no names")
	}

	t.Setenv("HOME", "")
	if _, err := Load("xterm"); err != nil {
		t.Fatalf("Load without a home folder: %v (the system folders should still be read)", err)
	}
}

// findSystemEntry returns a compiled terminfo entry of the machine, or
// skips the test where there is none.
func findSystemEntry(t *testing.T, name string) []byte {
	t.Helper()
	for _, dir := range []string{"/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"} {
		for _, sub := range []string{name[:1], "78"} {
			if b, err := os.ReadFile(filepath.Join(dir, sub, name)); err == nil {
				return b
			}
		}
	}
	t.Skip("this machine has no compiled terminfo entry for " + name)
	return nil
}
