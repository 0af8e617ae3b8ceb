//go:build freebsd || linux || netbsd || openbsd || solaris || dragonfly

package clipboard

import "testing"

// Nothing is looked for before the clipboard is used: the tools' search
// runs on the first read or write.
func TestToolsAreFoundOnFirstUse(t *testing.T) {
	if copyCmdArgs != nil || pasteCmdArgs != nil || Unsupported {
		t.Fatal("the clipboard tools were looked for before any use")
	}
	t.Setenv("PATH", t.TempDir())
	t.Setenv("WAYLAND_DISPLAY", "")
	if _, err := ReadAll(); err == nil || !Unsupported {
		t.Errorf("with no tool on PATH: err %v, Unsupported %v", err, Unsupported)
	}
}
