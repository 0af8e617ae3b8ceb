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
	// Most records hold neither bad text nor escapes: look at the whole
	// record once, and at each member only when it does.
	checkText := !utf8.Valid(raw) || bytes.Contains(raw, []byte(`\u`))
	var issues []memberIssue
	var spelt [8][]byte // each known member as first written
	for i := skipSpace(raw, s+1); ; {
		m, next, ok := nextMember(raw, i)
		if !ok {
			break
		}
		i = next
		name := m.name[1 : len(m.name)-1]
		if bytes.IndexByte(name, '\\') >= 0 {
			var u string
			if err := json.Unmarshal(m.name, &u); err != nil {
				continue
			}
			name = []byte(u)
		}
		k := matchMember(name, known[:min(len(known), len(spelt))])
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
		if !checkText {
			continue
		}
		if !utf8.Valid(m.name) || !utf8.Valid(m.value) {
			issues = append(issues, memberIssue{member, m.off, notUTF8})
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
		if string(name) == kn {
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

// member is a name and its value in the raw text of a JSON object.
type member struct {
	off         int    // where name starts
	name, value []byte // name with its quotes; value as written
}

// nextMember reads the member of a JSON object whose name starts at
// raw[i], and returns it and where the next one starts; ok is false at
// the end of the object. The object must be valid JSON; nextMember stops
// at anything it does not expect.
func nextMember(raw []byte, i int) (m member, next int, ok bool) {
	if i >= len(raw) || raw[i] != '"' {
		return m, i, false
	}
	end := stringEnd(raw, i)
	m = member{off: i, name: raw[i:end]}
	i = skipSpace(raw, end)
	if i >= len(raw) || raw[i] != ':' {
		return m, i, false
	}
	start := skipSpace(raw, i+1)
	i = valueEnd(raw, start)
	end = i
	for end > start && isBlank(raw[end-1]) {
		end--
	}
	m.value = raw[start:end]
	if i < len(raw) && raw[i] == ',' {
		i = skipSpace(raw, i+1)
	} else {
		i = len(raw) // the closing brace
	}
	return m, i, true
}

func skipSpace(raw []byte, i int) int {
	for i < len(raw) && isBlank(raw[i]) {
		i++
	}
	return i
}

// stringEnd returns the offset after the string that starts at raw[i].
func stringEnd(raw []byte, i int) int {
	for i++; i < len(raw); i++ {
		j := bytes.IndexByte(raw[i:], '"')
		if j < 0 {
			break
		}
		i += j
		if backslashesBefore(raw, i)%2 == 0 {
			return i + 1
		}
	}
	return len(raw)
}

// valueEnd returns the offset of the comma or closing brace after the
// value that starts at raw[i], or the end of raw.
func valueEnd(raw []byte, i int) int {
	if i < len(raw) && raw[i] == '"' { // the common case
		i = skipSpace(raw, stringEnd(raw, i))
		if i < len(raw) && (raw[i] == ',' || raw[i] == '}') {
			return i
		}
	}
	depth := 0
	for i < len(raw) {
		switch raw[i] {
		case '"':
			i = stringEnd(raw, i)
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i
			}
			depth--
		case ',':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return i
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
