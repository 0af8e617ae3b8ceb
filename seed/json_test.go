package seed

import (
	"fmt"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/uptake/uptake/figures"
)

func TestReadJSON_records(t *testing.T) {
	rec := mustRead(t)(readJSON(t, "f.json", `{
  "apps": [{"name": "Resso", "publisher": "ByteDance"}, {"name": "Spotify"}],
  "launches": [{"app": "Resso", "country": "India", "launched": "2020-03"}],
  "figures": [
    {"app": "Resso", "country": "WW", "from": "2020-08", "to": "2020-08", "installs": 3600000, "source": "Sensor Tower", "note": "about\n3.6M"},
    {"app": "Resso", "country": "IN", "from": "2020-03", "to": "2020-09", "installs": "9.88M", "estimate": true},
    {"app": "Resso", "country": "ID", "from": "2020-08", "installs": 3.6e6, "estimate": "yes"},
    {"app": "Resso", "country": "BR", "from": "2020-09", "to": "", "installs": "152,000", "estimate": 0, "note": null}
  ]
}`))
	if want := []figures.App{{Name: "Resso", Publisher: "ByteDance"}, {Name: "Spotify"}}; fmt.Sprint(rec.apps) != fmt.Sprint(want) {
		t.Errorf("apps = %v; want %v", rec.apps, want)
	}
	if want := []figures.Launch{{App: "Resso", Country: "IN", Month: month(t, "2020-03")}}; fmt.Sprint(rec.launches) != fmt.Sprint(want) {
		t.Errorf("launches = %v; want %v", rec.launches, want)
	}
	aug, sep := month(t, "2020-08"), month(t, "2020-09")
	checkFigures(t, rec.figures, []figures.Figure{
		{App: "Resso", Country: "WW", From: aug, To: aug, Installs: 3_600_000, Source: "Sensor Tower", Note: "about 3.6M"},
		{App: "Resso", Country: "IN", From: month(t, "2020-03"), To: sep, Installs: 9_880_000, Estimate: true},
		{App: "Resso", Country: "ID", From: aug, To: aug, Installs: 3_600_000, Estimate: true},
		{App: "Resso", Country: "BR", From: sep, To: sep, Installs: 152_000},
	})
}

func TestReadJSON_problems(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"bad values, at the line of their record": {
			"{\"figures\": [\n" +
				"  {\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": 1},\n" +
				"  {\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\",\n" +
				"   \"installs\": \"abc\"},\n" +
				"  {\"app\": \"Resso\", \"country\": \"XX\", \"from\": \"2020-08\", \"installs\": -2, \"estimate\": \"maybe\"}\n" +
				"]}",
			`f.json:3: figures[1].installs: "abc" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)` + "\n" +
				`f.json:5: figures[2].country: "XX" is not a known country (expected a code such as IN, a name such as India, or WW)` + "\n" +
				`f.json:5: figures[2].installs: "-2" is negative (expected 0 or more installs)` + "\n" +
				`f.json:5: figures[2].estimate: "maybe" is not yes or no (expected yes, no, true, false, 1, 0, x, or nothing for no)`,
		},
		"unknown members, named": {
			"{\n\"figures\": [\n{\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\",\n \"instals\": 1, \"Notes\": \"x\"}],\n\"launch\": []}",
			`f.json:3: figures[0]: unknown member "Notes" (expected app, country, platform, from, to, installs, source, note, estimate; did you mean "note"?)` + "\n" +
				`f.json:3: figures[0]: unknown member "instals" (expected app, country, platform, from, to, installs, source, note, estimate; did you mean "installs"?)` + "\n" +
				`f.json:5: unknown member "launch" (expected apps, launches, events, groups and figures; did you mean "launches"?)`,
		},
		"members of the wrong type": {
			"{\"launches\": [{\"app\": \"Resso\", \"country\": \"IN\", \"launched\": 202003}, 5],\n" +
				" \"figures\": [{\"app\": \"R\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": true}]}",
			"f.json:1: launches[0].launched: is a JSON number (expected a string such as \"2020-03\")\n" +
				"f.json:1: launches[1]: is a JSON number (expected an object { … })\n" +
				`f.json:2: figures[0].installs: is a JSON boolean (expected a number such as 3600000 or a string such as "3.6M")`,
		},
		"not an array": {
			`{"figures": {"app": "Resso"}, "apps": "Resso"}`,
			"f.json:1: figures: is an object (expected an array [ … ])\n" +
				"f.json:1: apps: is a string (expected an array [ … ])",
		},
		"a control character in a note": {
			"{\"figures\": [\n{\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": 1, \"note\": \"\\u001b]52;c;aGVsbG8=\\u0007\"}]}",
			"f.json:2: figures[0].note: contains the control character U+001B (remove it; only printable text is kept)",
		},
		"a bad publisher": {
			`{"apps": [{"name": "Resso", "publisher": "Byte\u202eDance"}, {"name": " "}]}`,
			"f.json:1: apps[0].publisher: contains the control character U+202E (remove it; only printable text is kept)\n" +
				"f.json:1: apps[1].name: is empty (expected a name, e.g. Resso)",
		},
		"a syntax error inside a record": {
			"{\"figures\": [\n{\"app\": \"Resso\",\n \"country\": \"IN\"\n \"from\": \"2020-08\"}]}",
			`f.json:4: figures[0]: the JSON is not valid here: invalid character '"' after object key:value pair`,
		},
		"a syntax error between records": {
			"{\"figures\": [\n{\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": 1}\n\n{\"app\": \"x\"}]}",
			`f.json:4: figures[1]: the JSON is not valid here: expected comma after array element`,
		},
		"a syntax error at the top": {"{\n\"figures\"\n [ ]}", "f.json:3: the JSON is not valid here: invalid character '[' after object key"},
		"empty":                     {"", `f.json:1: the file is empty (expected a JSON object {"apps":[…],"launches":[…],"events":[…],"groups":[…],"figures":[…]})`},
		"nothing in it":             {"{\"figures\": [], \"apps\": null}", `f.json:1: no apps, launches, events, groups or figures in the file (expected a JSON object {"apps":[…],"launches":[…],"events":[…],"groups":[…],"figures":[…]})`},
		"not an object":             {"\n\n[{\"app\": \"Resso\"}]", `f.json:3: the file does not start with a JSON object (expected a JSON object {"apps":[…],"launches":[…],"events":[…],"groups":[…],"figures":[…]})`},
		"cut short":                 {"{\"figures\": [\n{\"app\": \"Resso\",\n", "f.json:2: the file ends before the JSON is complete (expected closing ] and } brackets)"},
		"more after the end":        {"{\"apps\": [{\"name\": \"Resso\"}]}\n\n{}", "f.json:3: there is more after the JSON object (expected the file to end with its closing })"},
		"a long record": {"{\"figures\": [\n{\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": 1},\n{\"app\": \"Resso\", \"note\": \"" + strings.Repeat("x", 2<<20) + "\"}]}",
			"f.json:3: figures[1]: the record is longer than 1 MiB (expected records of a few lines each; is this the right file?)"},
		"a very long record": {"{\"figures\": [\n{\"app\": \"Resso\", \"note\": \"" + strings.Repeat("x", 8<<20) + "\"}]}",
			"f.json:2: figures[0]: the record is longer than 1 MiB (expected records of a few lines each; is this the right file?)"},
	} {
		t.Run(name, func(t *testing.T) {
			rec, ps := readJSON(t, "f.json", tc.text)
			if got := strs(ps); got != tc.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tc.want)
			}
			for _, f := range rec.figures {
				if err := f.Validate(); err != nil {
					t.Errorf("accepted a figure that does not validate: %+v: %v", f, err)
				}
			}
		})
	}
}

func TestReadJSON_stopsAfterMaxProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\"figures\": [\n")
	for i := range 30 {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.WriteString(`{"app": "Resso", "country": "IN", "from": "2020-08", "installs": "bad"}`)
	}
	b.WriteString("]}")
	_, ps := readJSON(t, "f.json", b.String())
	if len(ps) != MaxProblems+1 || ps[MaxProblems].String() != "f.json:22: more problems from here on are not shown; fix these first" {
		t.Errorf("problems:\n%s", strs(ps))
	}
}

func TestRead_sniffs(t *testing.T) {
	csvText := "app,country,from,installs\nResso,IN,2020-08,1\n"
	jsonText := "\ufeff \n {\"figures\": [{\"app\": \"Resso\", \"country\": \"IN\", \"from\": \"2020-08\", \"installs\": 1}]}"
	for _, tc := range []struct{ name, text string }{
		{"f.csv", csvText}, {"F.CSV", csvText}, {"-", csvText}, {"figures", csvText},
		{"f.json", jsonText}, {"F.JSON", jsonText}, {"-", jsonText}, {"export.txt", jsonText},
	} {
		rec := &recorder{}
		if ps := Read(strings.NewReader(tc.text), tc.name, rec); len(ps) > 0 || len(rec.figures) != 1 {
			t.Errorf("Read(%q, %.20q): %d figures, problems %v", tc.name, tc.text, len(rec.figures), ps)
		}
	}
	// The content decides, never the name (DESIGN, "Files in").
	rec := &recorder{}
	if ps := Read(strings.NewReader(jsonText), "f.csv", rec); len(ps) > 0 || len(rec.figures) != 1 {
		t.Errorf("Read of JSON named .csv: %d figures, problems %v", len(rec.figures), ps)
	}
}

func TestProblems(t *testing.T) {
	var ps Problems
	if ps.Err() != nil {
		t.Error("no problems is not an error")
	}
	for i := range 25 {
		ps = append(ps, Problem{File: "f.csv", Line: i + 2, Column: "installs", Message: "bad"})
	}
	got := ps.Err().Error()
	lines := strings.Split(got, "\n")
	if len(lines) != 22 || lines[0] != "f.csv:2: installs: bad" || lines[21] != "and 4 more" {
		t.Errorf("Error() =\n%s", got)
	}
	p := Problem{File: "evil\x1b[2J.csv", Line: 1, Message: "the file is empty"}
	if got, want := p.String(), "evil\ufffd[2J.csv:1: the file is empty"; got != want {
		t.Errorf("String() = %q; want %q", got, want)
	}
}

// TestReadJSON_chunking reads inputs whole and a byte at a time: the lines
// of problems must not depend on how much the decoder had read ahead.
// The first five inputs are regressions found by FuzzReadJSON.
func TestReadJSON_chunking(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"{\"\": \"\",\n", "f.json:1: unknown member \"\" (expected apps, launches, events, groups and figures)\n" +
			"f.json:1: the file ends before the JSON is complete (expected closing ] and } brackets)"},
		{"{\"Apps\":[,\n", "f.json:1: apps[0]: the JSON is not valid here: invalid character ',' looking for beginning of value"},
		{"{\"Apps\": [{}\"\"\n0", "f.json:1: apps[0].name: is empty (expected a name, e.g. Resso)\n" +
			"f.json:1: apps[1]: the JSON is not valid here: expected comma after array element"},
		{"{}{\n", "f.json:1: there is more after the JSON object (expected the file to end with its closing })"},
		{strings.Repeat("7", 2000), "f.json:1: the file does not start with a JSON object (expected a JSON object {\"apps\":[…],\"launches\":[…],\"events\":[…],\"groups\":[…],\"figures\":[…]})"},
		{"{\"figures\": 1e999, \"apps\": [{\"name\": \"R\"}]}", "f.json:1: figures: is a number (expected an array [ … ])"},
		{"{\"apps\": [{\"name\": \"Resso\"}\n,\n\n{\"name\": \"\"}]}", "f.json:4: apps[1].name: is empty (expected a name, e.g. Resso)"},
		{"{\"apps\": [{\"name\": \"Resso\"},\n\n", "f.json:1: the file ends before the JSON is complete (expected closing ] and } brackets)"},
		{"{\"apps\": [\n\n 1 \n\n, {\"name\": \"R\"}]}", "f.json:3: apps[0]: is a JSON number (expected an object { … })"},
	} {
		rec, ps := readJSON(t, "f.json", tc.text)
		if got := strs(ps); got != tc.want {
			t.Errorf("%q: problems:\n%s\nwant:\n%s", tc.text, got, tc.want)
		}
		rec2 := &recorder{}
		ps2 := ReadJSON(iotest.OneByteReader(strings.NewReader(tc.text)), "f.json", rec2)
		sameRead(t, rec, ps, rec2, ps2)
	}
}
