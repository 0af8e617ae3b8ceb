package figures

import (
	"strings"
	"testing"
)

// TestParseInstalls_PointBeforeThreeDigitsIsAmbiguous (found by a
// red-team pass): "1.000" in a semicolon-separated sheet from a European
// Excel is a thousand, and was read as 1 install. A point before exactly
// three digits, without a suffix, is refused; with a suffix it is a
// decimal as before.
func TestParseInstalls_PointBeforeThreeDigitsIsAmbiguous(t *testing.T) {
	for _, s := range []string{"1.000", "7.000", "12.345", "999.999"} {
		if n, err := ParseInstalls(s); err == nil || !strings.Contains(err.Error(), "ambiguous") {
			t.Errorf("ParseInstalls(%q) = %d, %v; want it refused as ambiguous", s, n, err)
		}
	}
	for s, want := range map[string]int64{"1.000M": 1_000_000, "3.6M": 3_600_000, "1,000": 1000, "1000": 1000, "2.125k": 2125} {
		if n, err := ParseInstalls(s); err != nil || n != want {
			t.Errorf("ParseInstalls(%q) = %d, %v; want %d", s, n, err, want)
		}
	}
}
