package figures

import "testing"

// Edit distances worked by hand: a swap of neighbours is one edit.
func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"india", "india", 0}, {"india", "indai", 1}, {"india", "inida", 1},
		{"india", "indi", 1}, {"india", "indiaa", 1}, {"india", "ondia", 1},
		{"germany", "grmany", 1}, {"indonesia", "indonesai", 1}, {"spotify", "sptofiy", 2},
		{"ab", "ba", 1}, {"abc", "ca", 3}, {"résso", "resso", 1},
	} {
		if got := EditDistance(c.a, c.b); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := EditDistance(c.b, c.a); got != c.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d (the other way)", c.b, c.a, got, c.want)
		}
	}
}
