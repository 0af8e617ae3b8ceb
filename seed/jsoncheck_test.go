package seed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// fig is a figure record with the members given after the usual ones.
func fig(more string) string {
	return `{"app": "Resso", "country": "IN", "from": "2020-08"` + more + `}`
}

func TestReadJSON_duplicates(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"a member twice, on the line of the second": {
			"{\"figures\": [\n" + fig(`, "installs": 1`) + ",\n" + fig(`, "installs": 1`) + ",\n" +
				fig(`, "installs": 1,`+"\n"+`"source": "ST",`+"\n"+`"installs": 2`) + "\n]}",
			"f.json:6: figures[2].installs: appears twice in this record (expected each member once)",
		},
		"a member twice, in other case": {
			"{\"figures\": [" + fig(`, "installs": 1, "Installs": 2`) + "]}",
			`f.json:1: figures[0].installs: appears twice in this record, as "installs" and "Installs" (expected each member once; names are matched without regard to case)`,
		},
		"a member twice, escaped": {
			"{\"figures\": [" + fig(`, "installs": 1, "inst\u0061lls": 2`) + "]}",
			`f.json:1: figures[0].installs: appears twice in this record (expected each member once)`,
		},
		"a member twice, once null": {
			"{\"figures\": [" + fig(`, "installs": 1, "note": "x", "note": null`) + "]}",
			`f.json:1: figures[0].note: appears twice in this record (expected each member once)`,
		},
		"an app's name twice": {
			"{\"apps\": [\n{\"name\": \"Resso\",\n \"publisher\": \"ByteDance\",\n \"NAME\": \"TikTok\"}]}",
			`f.json:4: apps[0].name: appears twice in this record, as "name" and "NAME" (expected each member once; names are matched without regard to case)`,
		},
		"a launch's month three times": {
			`{"launches": [{"app": "Resso", "country": "IN", "launched": "2020-03", "launched": "2020-04", "launched": "2020-05"}]}`,
			"f.json:1: launches[0].launched: appears twice in this record (expected each member once)\n" +
				"f.json:1: launches[0].launched: appears twice in this record (expected each member once)",
		},
		"two figures arrays": {
			"{\"figures\": [" + fig(`, "installs": 1`) + "],\n\"apps\": [],\n\"figures\": [" + fig(`, "installs": 2`) + "]}",
			`f.json:3: figures: a second "figures" array, after the one on line 1 (expected one; merge them into one array)`,
		},
		"two apps arrays, in other case, with bad records": {
			"{\"apps\": [{\"name\": \"Resso\"}],\n\"Apps\": [{\"name\": \"\"}]}",
			"f.json:2: apps: a second \"apps\" array, after the one on line 1 (expected one; merge them into one array)\n" +
				"f.json:2: apps[0].name: is empty (expected a name, e.g. Resso)",
		},
		"two launches arrays": {
			"{\"launches\": null,\n\"launches\": [{\"app\": \"Resso\", \"country\": \"IN\", \"launched\": \"2020-03\"}]}",
			`f.json:2: launches: a second "launches" array, after the one on line 1 (expected one; merge them into one array)`,
		},
	} {
		t.Run(name, func(t *testing.T) {
			checkJSONProblems(t, tc.text, tc.want)
		})
	}
}

func TestReadJSON_invalidText(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"invalid UTF-8 in a note": {
			"{\"figures\": [\n" + fig(`, "installs": 1,`+"\n"+`"note": "caf`+"\xe9"+`"`) + "]}",
			"f.json:3: figures[0].note: is not valid UTF-8 text (save the file as UTF-8)",
		},
		"invalid UTF-8 in an app": {
			"{\"apps\": [{\"name\": \"Resso\"}, {\"name\": \"Re\xffsso\"}]}",
			"f.json:1: apps[1].name: is not valid UTF-8 text (save the file as UTF-8)",
		},
		"invalid UTF-8 in installs": {
			"{\"figures\": [" + fig(`, "installs": "3.6M`+"\xa0"+`"`) + "]}",
			"f.json:1: figures[0].installs: is not valid UTF-8 text (save the file as UTF-8)",
		},
		"half a surrogate pair": {
			`{"figures": [` + fig(`, "installs": 1, "source": "Sensor \ud83d Tower"`) + `]}`,
			`f.json:1: figures[0].source: holds an escape \ud83d that is half of a UTF-16 pair, without its other half (expected a whole character, e.g. \ud83d\ude00; save the file again as UTF-8)`,
		},
		"the other half alone": {
			`{"launches": [{"app": "Re\ude00sso", "country": "IN", "launched": "2020-03"}]}`,
			`f.json:1: launches[0].app: holds an escape \ude00 that is half of a UTF-16 pair, without its other half (expected a whole character, e.g. \ud83d\ude00; save the file again as UTF-8)`,
		},
	} {
		t.Run(name, func(t *testing.T) {
			checkJSONProblems(t, tc.text, tc.want)
		})
	}
	// Whole pairs, escaped or not, and escaped backslashes are text.
	rec := mustRead(t)(readJSON(t, "f.json", `{"apps": [{"name": "Re\ud83d\ude00sso \\ud83d 😀 café"}]}`))
	if len(rec.apps) != 1 || rec.apps[0].Name != `Re😀sso \ud83d 😀 café` {
		t.Errorf("apps = %+v", rec.apps)
	}
}

// checkJSONProblems reads text whole and a byte at a time, and checks
// both find the problems want and nothing else.
func checkJSONProblems(t *testing.T, text, want string) {
	t.Helper()
	rec, ps := readJSON(t, "f.json", text)
	if got := strs(ps); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
	rec2 := &recorder{}
	ps2 := ReadJSON(iotest.OneByteReader(strings.NewReader(text)), "f.json", rec2)
	sameRead(t, rec, ps, rec2, ps2)
}

// FuzzMembers holds the scan of a record's members to what encoding/json
// reads in a valid JSON object: the same names, in order, with the same
// values.
func FuzzMembers(f *testing.F) {
	for _, s := range []string{
		`{"a": 1, "b": "x\"y", "c": {"d": [1, "]"]}, "e": null}`,
		` { "inst\u0061lls" : "\\" , "note":"\ud83d\ude00"} `,
		`{}`, `{"a":[]}`, `{"a":{"}":"{"}}`, `null`, `[{"a":1}]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		raw := []byte(s)
		if !json.Valid(raw) {
			return
		}
		var want []string
		dec := json.NewDecoder(strings.NewReader(s))
		if tok, _ := dec.Token(); tok != json.Delim('{') {
			if issues := checkMembers(raw, figureFields); issues != nil {
				t.Fatalf("issues in a record that is not an object: %v", issues)
			}
			return
		}
		for dec.More() {
			tok, err := dec.Token()
			if err != nil {
				t.Fatal(err)
			}
			var v json.RawMessage
			if err := dec.Decode(&v); err != nil {
				t.Fatal(err)
			}
			want = append(want, tok.(string)+"="+compact(t, v))
		}
		var got []string
		m := memberScanner{raw: raw, next: skipSpace(raw, skipSpace(raw, 0)+1)}
		for m.scan() {
			var name string
			if err := json.Unmarshal(m.name, &name); err != nil {
				t.Fatalf("name %q: %v", m.name, err)
			}
			if m.off < 0 || m.off >= len(raw) || raw[m.off] != '"' {
				t.Fatalf("name %q at offset %d", m.name, m.off)
			}
			got = append(got, name+"="+compact(t, m.value))
			// A string that decodes to U+FFFD without saying U+FFFD
			// holds half a pair; loneEscape finds it, and only it.
			var text string
			if json.Unmarshal(m.value, &text) == nil && utf8.Valid(m.value) {
				said := bytes.Contains(m.value, []byte("\uFFFD")) || bytes.Contains(bytes.ToLower(m.value), []byte(`\ufffd`))
				if half := strings.ContainsRune(text, utf8.RuneError) && !said; half != (loneEscape(m.value) != "") {
					t.Fatalf("value %q decodes to %q, but loneEscape says %q", m.value, text, loneEscape(m.value))
				}
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("members of %q:\n got %q\nwant %q", s, got, want)
		}
	})
}

func compact(t *testing.T, v []byte) string {
	var b bytes.Buffer
	if err := json.Compact(&b, v); err != nil {
		t.Fatalf("value %q: %v", v, err)
	}
	return b.String()
}
