package figures

import (
	"strconv"
	"strings"
	"testing"
)

func FuzzParseInstalls(f *testing.F) {
	for _, s := range []string{
		"3600000", "3,600,000", "3.6M", "3.6m", "3.6 million", "950k", "950K", "1.2 billion", "1.2B",
		"1.2bn", "250 thousand", "3.65k", "1.2345k", "-5", "abc", "", "3,60,0000", ".5M", "1,234.5k",
		"1000000000000", "1000000000001", "99999999999999999999", "0", "007", " 42 ", "3.600.000", "\u22125",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseInstalls(s)
		if err == nil { // the fast path and the slow one agree
			w, err2 := parseInstallsSlow(s)
			if err2 != nil || w != v {
				t.Fatalf("ParseInstalls(%q) = %d but the slow path says %d, %v", s, v, w, err2)
			}
		}
		if err != nil {
			if err.Error() == "" || len(err.Error()) > 300 {
				t.Fatalf("ParseInstalls(%q): error %q", s, err)
			}
			return
		}
		if v < 0 || v > MaxInstalls {
			t.Fatalf("ParseInstalls(%q) = %d, outside 0..MaxInstalls", s, v)
		}
		// The number written plainly, and with commas, reads back the same.
		plain := strconv.FormatInt(v, 10)
		for _, w := range []string{plain, withCommas(plain)} {
			if got, err := ParseInstalls(w); err != nil || got != v {
				t.Fatalf("ParseInstalls(%q) = %d, but %q reads as %d, %v", s, v, w, got, err)
			}
		}
	})
}

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"2020-08", "2020/08", "2020-8", "2020.08", "1990-01", "2099-12", "1989-12", "2100-01",
		"2020-13", "2020-00", "2020-+8", "2020--8", " 2020-08 ", "", "abcd-ef", "20200-8", "+020-08", "2020-0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMonth(s)
		if err != nil {
			return
		}
		if !m.Valid() {
			t.Fatalf("ParseMonth(%q) = %d, which is not a valid month", s, m)
		}
		back, err := ParseMonth(m.String())
		if err != nil || back != m {
			t.Fatalf("ParseMonth(%q) = %s, which reads back as %s, %v", s, m, back, err)
		}
	})
}

func BenchmarkParseInstalls(b *testing.B) {
	for _, s := range []string{"3600000", "3,600,000", "3.6M"} {
		b.Run(s, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseInstalls(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// withCommas writes digits in groups of three.
func withCommas(digits string) string {
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
