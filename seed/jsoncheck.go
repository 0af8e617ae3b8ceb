package seed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// What encoding/json lets through without a word, and a JSON record must
// not hold: a member given twice (encoding/json keeps the last, matching
// names without regard to case), and text that is not UTF-8 or escapes
// half a UTF-16 pair (encoding/json turns both into U+FFFD).

// memberIssue is something wrong with one member of a record.
type memberIssue struct {
	member string // the known name the member matched, or "" for the record
	off    int    // where its name starts, from the start of the record
	msg    string
}

const (
	notUTF8       = "is not valid UTF-8 text (save the file as UTF-8)"
	loneSurrogate = `holds an escape \u%s that is half of a UTF-16 pair, without its other half (expected a whole character, e.g. \ud83d\ude00; save the file again as UTF-8)`
)

// checkMembers looks at the members of the record in raw, which
// encoding/json has decoded without error, and returns what is wrong with
// them in the order of the record. known are the names the record may
// have; names that are none of them are left to encoding/json to refuse.
func checkMembers(raw []byte, known []string) []memberIssue {
	s := skipSpace(raw, 0)
	if s == len(raw) || raw[s] != '{' {
		return nil // null: nothing to look at
	}
	// Most records are valid UTF-8: look at the whole record once, and
	// at each member only when it is not.
	valid := utf8.Valid(raw)
	var issues []memberIssue
	var spelt [12][]byte // each known member as first written
	last := -1           // the known member last met
	known = known[:min(len(known), len(spelt))]
	m := memberScanner{raw: raw, next: skipSpace(raw, s+1)}
	for m.scan() {
		name := m.name[1 : len(m.name)-1]
		if m.nameEscaped {
			var u string
			if err := json.Unmarshal(m.name, &u); err != nil {
				continue
			}
			name = []byte(u)
		}
		// Files mostly list members in one order: try the one after the
		// last first.
		var k int
		if next := last + 1; next < len(known) && string(name) == known[next] {
			k = next
		} else {
			k = matchMember(name, known)
		}
		last = k
		member := ""
		if k >= 0 {
			member = known[k]
			if first := spelt[k]; first != nil {
				msg := "appears twice in this record (expected each member once)"
				if !bytes.Equal(first, name) {
					msg = fmt.Sprintf("appears twice in this record, as %s and %s (expected each member once; names are matched without regard to case)", quote(string(first)), quote(string(name)))
				}
				issues = append(issues, memberIssue{member, m.off, msg})
				continue
			}
			spelt[k] = name
		}
		if !valid && (!utf8.Valid(m.name) || !utf8.Valid(m.value)) {
			issues = append(issues, memberIssue{member, m.off, notUTF8})
		} else if !m.valueEscaped {
			continue
		} else if u := loneEscape(m.value); u != "" {
			issues = append(issues, memberIssue{member, m.off, fmt.Sprintf(loneSurrogate, u)})
		}
	}
	return issues
}

// matchMember returns the index of the known name that name matches, as
// encoding/json matches names, without regard to case; or -1. It does
// not allocate when name is ASCII.
func matchMember(name []byte, known []string) int {
	for j, kn := range known {
		if len(name) == len(kn) && len(kn) > 0 && name[0] == kn[0] && string(name) == kn {
			return j
		}
	}
	for _, c := range name {
		if c >= utf8.RuneSelf {
			for j, kn := range known {
				if strings.EqualFold(string(name), kn) {
					return j
				}
			}
			return -1
		}
	}
	for j, kn := range known {
		if len(kn) == len(name) && asciiEqualFold(name, kn) {
			return j
		}
	}
	return -1
}

// asciiEqualFold compares two ASCII names of one length without regard
// to case.
func asciiEqualFold(a []byte, b string) bool {
	for i, c := range a {
		d := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'A' <= d && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

// memberScanner reads the members of a JSON object, which must be
// valid JSON, one at a time; it stops at anything it does not expect.
type memberScanner struct {
	raw                       []byte
	next                      int    // where the next member's name starts
	off                       int    // where the member's name starts
	name, value               []byte // the member's name with its quotes; its value as written
	nameEscaped, valueEscaped bool   // whether they may hold a \ escape
}

// scan reads the next member; it returns false at the end of the object.
func (m *memberScanner) scan() bool {
	raw, i := m.raw, m.next
	if i >= len(raw) || raw[i] != '"' {
		return false
	}
	end, escaped := stringEnd(raw, i)
	m.off, m.name, m.nameEscaped = i, raw[i:end], escaped
	i = skipSpace(raw, end)
	if i >= len(raw) || raw[i] != ':' {
		return false
	}
	start := skipSpace(raw, i+1)
	i, m.valueEscaped = valueEnd(raw, start)
	end = i
	for end > start && isBlank(raw[end-1]) {
		end--
	}
	m.value = raw[start:end]
	if i < len(raw) && raw[i] == ',' {
		m.next = skipSpace(raw, i+1)
	} else {
		m.next = len(raw) // the closing brace
	}
	return true
}

func skipSpace(raw []byte, i int) int {
	for i < len(raw) && isBlank(raw[i]) {
		i++
	}
	return i
}

// stringEnd returns the offset after the string that starts at raw[i],
// and whether the string holds an escape.
func stringEnd(raw []byte, i int) (end int, escaped bool) {
	for i++; i < len(raw); i++ {
		switch raw[i] {
		case '\\':
			escaped = true
			i++
		case '"':
			return i + 1, escaped
		}
	}
	return len(raw), escaped
}

// valueEnd returns the offset of the comma or closing brace after the
// value that starts at raw[i], or the end of raw; and whether the value
// may hold an escape.
func valueEnd(raw []byte, i int) (end int, escaped bool) {
	if i < len(raw) && raw[i] == '"' { // the common case
		end, escaped = stringEnd(raw, i)
		end = skipSpace(raw, end)
		if end < len(raw) && (raw[end] == ',' || raw[end] == '}') {
			return end, escaped
		}
	}
	depth := 0
	for i < len(raw) {
		switch raw[i] {
		case '"':
			i, _ = stringEnd(raw, i)
			escaped = true // an object or array: look closer
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i, escaped
			}
			depth--
		case ',':
			if depth == 0 {
				return i, escaped
			}
		}
		i++
	}
	return i, escaped
}

// loneEscape returns the hex digits of the first \u escape in a JSON
// value that is half of a UTF-16 surrogate pair without the other half,
// or "".
func loneEscape(v []byte) string {
	for i := 0; ; {
		j := bytes.Index(v[i:], []byte(`\u`))
		if j < 0 {
			return ""
		}
		i += j
		if backslashesBefore(v, i)%2 == 1 { // an escaped backslash and a u
			i += 2
			continue
		}
		r, ok := hexEscape(v, i)
		if !ok || !utf16.IsSurrogate(r) {
			i += 2
			continue
		}
		if r < 0xdc00 { // a high half: a low half must follow
			if lo, ok := hexEscape(v, i+6); ok && lo >= 0xdc00 && lo <= 0xdfff {
				i += 12
				continue
			}
		}
		return string(v[i+2 : i+6])
	}
}

// backslashesBefore counts the backslashes just before v[i].
func backslashesBefore(v []byte, i int) int {
	n := 0
	for i-n-1 >= 0 && v[i-n-1] == '\\' {
		n++
	}
	return n
}

// hexEscape reads the escape \uXXXX at v[i].
func hexEscape(v []byte, i int) (rune, bool) {
	if i+6 > len(v) || v[i] != '\\' || v[i+1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range v[i+2 : i+6] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}
