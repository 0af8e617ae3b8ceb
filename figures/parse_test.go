package figures

import (
	"strings"
	"testing"
)

func TestParseInstalls(t *testing.T) {
	good := []struct {
		in   string
		want int64
	}{
		{"3600000", 3_600_000},
		{"3,600,000", 3_600_000},
		{"3.6M", 3_600_000},
		{"3.6m", 3_600_000},
		{"3.6 million", 3_600_000},
		{"3.6 Million", 3_600_000},
		{"3.6million", 3_600_000},
		{"1.5M", 1_500_000},
		{"2 mln", 2_000_000},
		{"2mn", 2_000_000},
		{"950k", 950_000},
		{"950K", 950_000},
		{"250 thousand", 250_000},
		{"1.2 billion", 1_200_000_000},
		{"1.2B", 1_200_000_000},
		{"1.2bn", 1_200_000_000},
		{"1.2 BN", 1_200_000_000},
		{"3.65k", 3650},
		{"1.2000k", 1200},
		{"0.5M", 500_000},
		{".5M", 500_000},
		{"1,234.5k", 1_234_500},
		{"3600000.0", 3_600_000},
		{"0", 0},
		{"007", 7},
		{" 42 ", 42},
		{"999999999999", 999_999_999_999},
		{"1000000000000", MaxInstalls},
		{"1,000,000,000,000", MaxInstalls},
		{"1000B", MaxInstalls},
		{"0.000000001B", 1},
	}
	for _, tc := range good {
		got, err := ParseInstalls(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseInstalls(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}

	bad := []struct{ in, want string }{
		{"", "no installs given (expected e.g. 3600000, 3,600,000, 3.6M or 950k)"},
		{"   ", "no installs given"},
		{"abc", `"abc" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)`},
		{"-5", `"-5" is negative (expected 0 or more installs)`},
		{"\u22123.6M", "is negative"},
		{"-abc", "is not a number"},
		{"--5", "is not a number"},
		{"+5", "is not a number"},
		{"1.2345k", `"1.2345k" is not a whole number of installs (expected at most 3 decimals with k, e.g. 3.65k)`},
		{"3.5", "is not a whole number of installs (expected a whole number, e.g. 3600000)"},
		{"1.0000001M", "expected at most 6 decimals with M"},
		{"3,60,0000", `"3,60,0000" has misplaced commas (expected commas between groups of three digits, e.g. 3,600,000; use a point for decimals, e.g. 3.6M)`},
		{"3600,000", "misplaced commas"},
		{",600", "misplaced commas"},
		{"3,6M", "misplaced commas"},
		{"3,600,", "misplaced commas"},
		{"1,,000", "misplaced commas"},
		{"3.600.000", "misplaced separators"},
		{"3.600,5", "misplaced separators"},
		{"1000000000001", "is too large (expected at most 1,000,000,000,000 installs)"},
		{"1000.000000001B", "is too large"},
		{"1001B", "is too large"},
		{"99999999999999999999999999", "is too large"},
		{"9223372036854775808", "is too large"},
		{"1e6", "is not a number"},
		{"3.6x", "is not a number"},
		{"3.6 M installs", "is not a number"},
		{"5.", "is not a number"},
		{".", "is not a number"},
		{"k", "is not a number"},
		{"M", "is not a number"},
		{"3 600 000", "is not a number"},
		{"NaN", "is not a number"},
		{"\u0663\u0666", "is not a number"}, // Arabic-Indic digits
		{strings.Repeat("9", 200), "is too large"},
	}
	for _, tc := range bad {
		got, err := ParseInstalls(tc.in)
		if err == nil {
			t.Errorf("ParseInstalls(%q) = %d, want an error", tc.in, got)
			continue
		}
		if !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseInstalls(%q) error = %q, want it to contain %q", tc.in, err, tc.want)
		}
	}
}

func TestParseInstalls_longValueIsCut(t *testing.T) {
	_, err := ParseInstalls(strings.Repeat("x", 10_000))
	if err == nil || len(err.Error()) > 200 {
		t.Fatalf("error = %.300q; want a short message", err)
	}
}

func TestParseInstalls_plainDigitsDoNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := ParseInstalls("3600000"); err != nil {
			t.Fatal(err)
		}
		if _, err := ParseInstalls("3,600,000"); err != nil {
			t.Fatal(err)
		}
		if _, err := ParseInstalls("3.6M"); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("ParseInstalls allocates %.0f times; want 0", allocs)
	}
}

func TestParseEstimate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"", false}, {"  ", false},
		{"yes", true}, {"YES", true}, {"y", true}, {"true", true}, {"True", true}, {"1", true},
		{"x", true}, {"X", true}, {"estimate", true}, {"Estimated", true}, {" yes ", true},
		{"no", false}, {"N", false}, {"false", false}, {"0", false},
	} {
		got, err := ParseEstimate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseEstimate(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"maybe", "2", "yes!", "nope", "\x1b"} {
		if _, err := ParseEstimate(in); err == nil || !strings.Contains(err.Error(), "is not yes or no (expected yes, no") {
			t.Errorf("ParseEstimate(%q) error = %v; want a yes-or-no message", in, err)
		}
	}
}

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", `"abc"`},
		{"\x1b[31m", `"\x1b[31m"`},
		{"\u202e", `"\u202e"`},
		{strings.Repeat("é", 30), `"` + strings.Repeat("é", 20) + `"…`},
	} {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%q) = %s; want %s", tc.in, got, tc.want)
		}
	}
}
