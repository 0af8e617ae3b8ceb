package figures

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

const installsExamples = "(expected e.g. 3600000, 3,600,000, 3.6M or 950k)"

// ParseInstalls reads a number of installs as people write it: 3600000,
// 3,600,000, 3.6M, 3.6 million, 950k, 250 thousand, 1.2B or 1.2 bn. The
// result must be a whole number from 0 to MaxInstalls: 3.65k is 3650,
// but 1.2345k is refused. Commas must separate groups of three digits.
// The error says what is wrong and what is expected.
func ParseInstalls(s string) (int64, error) {
	// Plain digits, the common case in files: no allocation.
	if n := len(s); n > 0 && n <= 12 {
		var v int64
		i := 0
		for ; i < n; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				break
			}
			v = v*10 + int64(c-'0')
		}
		if i == n {
			return v, nil
		}
	}
	return parseInstallsSlow(s)
}

func parseInstallsSlow(s string) (int64, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, errors.New("no installs given " + installsExamples)
	}
	for _, minus := range []string{"-", "\u2212"} {
		if rest, ok := strings.CutPrefix(t, minus); ok {
			if _, err := parseInstallsSlow(rest); err == nil && strings.TrimSpace(rest) == rest {
				return 0, fmt.Errorf("%s is negative (expected 0 or more installs)", Quote(t))
			}
			return 0, errNotNumber(t)
		}
	}
	end := 0
	for end < len(t) && (isDigit(t[end]) || t[end] == ',' || t[end] == '.') {
		end++
	}
	num := t[:end]
	exp, ok := multiplier(strings.TrimSpace(t[end:]))
	if !ok {
		return 0, errNotNumber(t)
	}
	whole, frac, dot := strings.Cut(num, ".")
	if (whole == "" && frac == "") || (dot && frac == "") || strings.ContainsAny(frac, ".,") {
		if strings.Contains(frac, ",") || strings.Count(num, ".") > 1 {
			return 0, fmt.Errorf("%s has misplaced separators (expected commas between groups of three digits and one point for decimals, e.g. 3,600,000 or 3.6M)", Quote(t))
		}
		return 0, errNotNumber(t)
	}
	if exp == 0 && dot && len(frac) == 3 && !strings.Contains(whole, ",") {
		// 1.000 is one with three decimals, or a thousand as a European
		// spreadsheet writes it: a thousandfold difference, so neither.
		return 0, fmt.Errorf("%s is ambiguous: %s with decimals, or %s with a point between the thousands? (write it without the point, e.g. %s%s, or with commas, e.g. %s,%s)",
			Quote(t), whole, whole+frac, whole, frac, whole, frac)
	}
	if !commasOK(whole) {
		return 0, fmt.Errorf("%s has misplaced commas (expected commas between groups of three digits, e.g. 3,600,000; use a point for decimals, e.g. 3.6M)", Quote(t))
	}
	var v int64
	for i := 0; i < len(whole); i++ {
		if whole[i] == ',' {
			continue
		}
		v = v*10 + int64(whole[i]-'0')
		if v > MaxInstalls {
			return 0, errTooLarge(t)
		}
	}
	scale := int64(1)
	for range exp {
		scale *= 10
	}
	if v > MaxInstalls/scale {
		return 0, errTooLarge(t)
	}
	v *= scale
	var f int64
	for i := 0; i < len(frac); i++ {
		d := int64(frac[i] - '0')
		if i < exp {
			f = f*10 + d
		} else if d != 0 {
			return 0, fmt.Errorf("%s is not a whole number of installs (%s)", Quote(t), decimalsAllowed(exp))
		}
	}
	for i := len(frac); i < exp; i++ {
		f *= 10
	}
	if v += f; v > MaxInstalls {
		return 0, errTooLarge(t)
	}
	return v, nil
}

func errNotNumber(t string) error {
	return fmt.Errorf("%s is not a number of installs %s", Quote(t), installsExamples)
}

func errTooLarge(t string) error {
	return fmt.Errorf("%s is too large (expected at most 1,000,000,000,000 installs)", Quote(t))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// commasOK reports whether the commas in digits, if any, separate groups
// of three digits after a first group of one to three.
func commasOK(digits string) bool {
	first := strings.IndexByte(digits, ',')
	if first < 0 {
		return true
	}
	if first < 1 || first > 3 {
		return false
	}
	for i := first; i < len(digits); i += 4 {
		if digits[i] != ',' || i+4 > len(digits) || strings.IndexByte(digits[i+1:i+4], ',') >= 0 {
			return false
		}
	}
	return true
}

// multiplier returns the power of ten a suffix stands for.
func multiplier(suffix string) (exp int, ok bool) {
	if suffix == "" {
		return 0, true
	}
	for _, m := range multipliers {
		for _, w := range m.words {
			if strings.EqualFold(suffix, w) {
				return m.exp, true
			}
		}
	}
	return 0, false
}

var multipliers = []struct {
	exp   int
	words []string
}{
	{3, []string{"k", "thousand", "thousands"}},
	{6, []string{"m", "mn", "mln", "million", "millions"}},
	{9, []string{"b", "bn", "billion", "billions"}},
}

func decimalsAllowed(exp int) string {
	switch exp {
	case 3:
		return "expected at most 3 decimals with k, e.g. 3.65k"
	case 6:
		return "expected at most 6 decimals with M, e.g. 3.6M"
	case 9:
		return "expected at most 9 decimals with B, e.g. 1.2B"
	}
	return "expected a whole number, e.g. 3600000"
}

// ParseEstimate reads whether a figure is an estimate: yes, y, true, 1,
// x or estimate for yes; no, n, false, 0 or nothing for no.
func ParseEstimate(s string) (bool, error) {
	t := strings.TrimSpace(s)
	if est, ok := EstimateWord([]byte(t)); ok {
		return est, nil
	}
	return false, fmt.Errorf("%s is not yes or no (expected yes, no, true, false, 1, 0, x, or nothing for no)", Quote(t))
}

// EstimateWord reads a yes/no word, trimmed already, without allocating;
// ok is false when it is neither.
func EstimateWord(b []byte) (estimate, ok bool) {
	switch string(b) {
	case "", "no":
		return false, true
	case "yes":
		return true, true
	}
	for _, w := range [...]string{"yes", "y", "true", "1", "x", "estimate", "estimated"} {
		if bytes.EqualFold(b, []byte(w)) {
			return true, true
		}
	}
	for _, w := range [...]string{"no", "n", "false", "0"} {
		if bytes.EqualFold(b, []byte(w)) {
			return false, true
		}
	}
	return false, false
}
