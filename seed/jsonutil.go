package seed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
)

// path names a member of a record: figures[3].installs.
func path(key string, i int, member string) string {
	p := key + "[" + strconv.Itoa(i) + "]"
	if member != "" {
		p += "." + member
	}
	return p
}

// jsonKind names the type of a token for a problem.
func jsonKind(tok any) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "an object"
		}
		return "an array"
	case string:
		return "a string"
	case float64, json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}

// scalarText turns the raw value of installs or estimate into text:
// strings as they are, numbers as written (a whole number written with an
// exponent, such as 3.6e6, as digits), booleans as true or false.
func scalarText(raw json.RawMessage, installs bool) (text, problem string) {
	raw = bytes.TrimSpace(raw)
	want := `(expected true, false or a string such as "yes")`
	if installs {
		want = `(expected a number such as 3600000 or a string such as "3.6M")`
	}
	if len(raw) == 0 || string(raw) == "null" {
		return "", ""
	}
	switch c := raw[0]; {
	case c == '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", "is not a valid JSON string " + want
		}
		return strings.TrimSpace(s), ""
	case c == '-' || ('0' <= c && c <= '9'):
		s := string(raw)
		if installs && strings.ContainsAny(s, "eE") {
			if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 0 && f <= figures.MaxInstalls && f == math.Trunc(f) {
				return strconv.FormatInt(int64(f), 10), ""
			}
		}
		return s, ""
	case c == 't' || c == 'f':
		if installs {
			return "", "is a JSON boolean " + want
		}
		return string(raw), ""
	case c == '{':
		return "", "is a JSON object " + want
	}
	return "", "is a JSON array " + want
}

// unknownMembers lists the members of the JSON object at the start of raw
// that are not among known (matched without regard to case, as
// encoding/json does).
func unknownMembers(raw []byte, known []string) []string {
	var m map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(&m); err != nil {
		return []string{"?"}
	}
	var out []string
	for name := range m {
		found := false
		for _, k := range known {
			if strings.EqualFold(name, k) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// syntaxOffset returns how far into raw, which starts with a record that
// is not valid JSON, the first error lies; 0 when it is not in the record.
func syntaxOffset(raw []byte) int64 {
	var v json.RawMessage
	se, ok := json.Unmarshal(raw, &v).(*json.SyntaxError)
	if !ok || se.Offset < 1 || strings.Contains(se.Error(), "after top-level value") {
		return 0
	}
	return se.Offset - 1
}

// suggest offers the known name nearest to a misspelt one.
func suggest(name string, known []string) string {
	if best := nearest(name, known); best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

// nearest returns the first of known that name is likely a misspelling
// of: at most two edits away, and fewer edits than half its length, so
// that "IN" is not taken for "to"; or "".
func nearest(name string, known []string) string {
	best, bestD := "", 3
	lower := strings.ToLower(name)
	for _, k := range known {
		if d := figures.EditDistance(lower, k); d < bestD && 2*d <= len(lower) {
			best, bestD = k, d
		}
	}
	return best
}
