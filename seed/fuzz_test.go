package seed

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/uptake/uptake/figures"
)

var csvSeeds = []string{
	"app,country,from,to,installs,source,note,estimate\nResso,IN,2020-08,2020-08,3600000,Sensor Tower,about,no\n",
	"\ufeffApp;Country;From;To;Installs\r\nResso;Saudi Arabia;2020-08;;\"3,600,000\"\r\n",
	"app\tcountry\tfrom\tinstalls\nResso\tIN\t2020-08\t3.6M\n",
	"app,country,launched\nResso,IN,2020-03\nResso,Brazil,2020-09\n",
	"app,country,from,installs,note\nResso,IN,2020-08,1,\"two\nlines \"\"quoted\"\"\"\nResso,IN,2020-08,abc,\n",
	"app,country,from,installs,note\nResso,IN,2020-08,1,\"\x1b]52;c;aGVsbG8=\x07\"\n",
	"app,country,from,installs\nRes\"so,IN,2020-08,1\n\"Resso,IN,2020-08,2\n",
	"", "\n\n", "app,country,from,installs\n", "foo,bar\n1,2\n", "app,country,from,installs,launched\n",
	"app,country,from,installs\n,,,\n,Atlantis,2020-13,-1\n",
	// encodings, separators and line ends
	utf16LE("app\tcountry\tfrom\tinstalls\r\nRésumé 😀\tIN\t2020-08\t3600000\r\n"),
	utf16BE("app,country,from,installs\nResso,IN,2020-08,\"1,000\"\n"),
	utf16LE("app,country,from,installs\nRes") + "\x3d\xd8" + utf16Units("so,IN,2020-08,1\n", false),
	utf16Units("app,country,from,installs\nResso,IN,2020-08,1\n", false),
	"sep=;\napp;country;from;installs\nResso;IN;2020-08;1\n",
	"\ufeff\"sep=,\",,,\r\napp,country,from,installs\r\nResso,IN,2020-08,1\r\n",
	"sep=|\napp|country|from|installs\n",
	"app,country,from,installs,note\rResso,IN,2020-08,1,\"a\rb\"\rResso,IN,2020-08,x,\r",
	"app,country,from,installs\nResso,IN,2020-08,1\xff\n",
	// columns
	"app,country,from,instals,,\nResso,IN,2020-08,1,,x\n",
	"app,country,from,installs,changed\nResso,IN,2020-08,1,2024-01-01\n",
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := &recorder{}
		ps := ReadCSV(bytes.NewReader(data), "f.csv", rec)
		checkRead(t, data, rec, ps)
		if len(data) < 4096 { // the same, read a byte at a time
			rec2 := &recorder{}
			ps2 := ReadCSV(iotest.OneByteReader(bytes.NewReader(data)), "f.csv", rec2)
			sameRead(t, rec, ps, rec2, ps2)
		}
	})
}

var jsonSeeds = []string{
	string(dataset),
	`{"figures":[{"app":"Resso","country":"IN","from":"2020-08","installs":"3.6M","estimate":"yes"}]}`,
	`{"figures":[{"app":"Resso","country":"WW","from":"2020-08","to":"2020-09","installs":3.6e6,"estimate":true,"note":"\u001b"}]}`,
	`{"apps":[{"name":"Resso","publisher":"ByteDance"}],"launches":[{"app":"Resso","country":"IN","launched":"2020-03"}]}`,
	"{\"figures\": [\n{\"app\": \"Resso\",\n \"instals\": 1}, 5, {\"app\": 1}]}",
	`{"figures": {"a": [1, {"b": 2}]}, "x": [1, 2]}`,
	`{"figures":[{"app":"c" "x"}]}`, `{"figures":[`, "", "{}", "[]", "null", `{"a":1} x`,
	// members twice, arrays twice, text that is not UTF-8
	"{\"figures\":[{\"app\":\"Resso\",\"country\":\"IN\",\"from\":\"2020-08\",\"installs\":1,\n\"Installs\":2}]}",
	`{"apps":[{"name":"A","n\u0061me":"B"}],"apps":[{"name":"C"}],"Figures":null,"figures":[]}`,
	"{\"apps\":[{\"name\":\"Re\xffsso\",\"publisher\":\"\\ud83d x\"}]}",
	`{"apps":[{"name":"Re\ud83d\ude00sso \\ud800"}]}`,
	// encodings and line ends
	utf16LE("{\"apps\": [{\"name\": \"Résumé 😀\"}]}"),
	utf16BE("{\"apps\":\r[{\"name\": \"R\"},\r{\"name\": \"\"}]}"),
	utf16LE("{\"apps\": [{\"name\": \"") + "\x00\xdc" + utf16Units("\"}]}", false),
	"{\"apps\":\r[{\"name\": \"R\"},\r{\"name\": \"\"}]}",
	`{"events":[{"country":"IN","month":"2020-06","text":"Ban","source":"a"},{"app":"Resso","country":"India","month":"2020-13","text":""}]}`,
	`{"groups":[{"name":"MENA","countries":["AE","Saudi Arabia"]},{"name":"India","countries":["DD",7,"WW"]},{"name":"x","countries":"AE"}]}`,
}

// eventSeeds are files of events, and of events mixed with figures and
// launches as -export data writes them.
var eventSeeds = []string{
	"month,country,text\n2020-06,IN,TikTok banned in India\n",
	"Event;Country;Month;App;Source;Note\r\nBan;India;Jun 2020;;article;\"two\nlines\"\r\nLaunch;WW;6/1/2020;Resso;;\r\n",
	"month,country,text,app\n2020-13,Atlantis,,Re\x1bsso\n,,\"\x1b]52;c;aGVsbG8=\x07\",\n2020-06,IN,   ,\n",
	"app,country,platform,from,to,installs,source,note,estimate,changed,launched,event\n" +
		"Resso,IN,all,2020-03,2020-03,1,s,,no,2026-01-01T00:00:00Z,,\nResso,IN,,,,,,,,,2020-03,\n,IN,,2020-06,,,article,note,,2026-01-01T00:00:00Z,,Ban\n" +
		"Resso,IN,,2020-06,,5,,,,,,Both\n",
	"text,month,country\n" + strings.Repeat("x", 201) + ",2020-06,IN\n",
	"month,country,event\n",
	"month,country,text,text\n2020-06,IN,a,b\n",
}

// FuzzReadEventsCSV reads files of events as uptake CSV: whatever the
// bytes, every event kept validates, and every problem is at a line of
// the file in words safe to print.
func FuzzReadEventsCSV(f *testing.F) {
	for _, s := range eventSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := &recorder{}
		ps := ReadCSV(bytes.NewReader(data), "f.csv", rec)
		checkRead(t, data, rec, ps)
		if len(rec.lines) != len(rec.events) {
			t.Fatalf("%d events, %d lines", len(rec.events), len(rec.lines))
		}
		if len(data) < 4096 {
			rec2 := &recorder{}
			ps2 := ReadCSV(iotest.OneByteReader(bytes.NewReader(data)), "f.csv", rec2)
			sameRead(t, rec, ps, rec2, ps2)
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := &recorder{}
		ps := ReadJSON(bytes.NewReader(data), "f.json", rec)
		checkRead(t, data, rec, ps)
		if len(data) < 4096 { // the same, read a byte at a time
			rec2 := &recorder{}
			ps2 := ReadJSON(iotest.OneByteReader(bytes.NewReader(data)), "f.json", rec2)
			sameRead(t, rec, ps, rec2, ps2)
		}
	})
}

// checkRead holds a read of any input to what every read must give:
// records that pass validation, and problems at lines of the file, in
// words safe to print, no more than the limit.
func checkRead(t *testing.T, data []byte, rec *recorder, ps Problems) {
	t.Helper()
	for _, f := range rec.figures {
		if err := f.Validate(); err != nil {
			t.Fatalf("accepted a figure that does not validate: %+v: %v", f, err)
		}
		if f.Installs > figures.MaxInstalls {
			t.Fatalf("accepted %d installs", f.Installs)
		}
	}
	for _, l := range rec.launches {
		if err := l.Validate(); err != nil {
			t.Fatalf("accepted a launch that does not validate: %+v: %v", l, err)
		}
	}
	for _, a := range rec.apps {
		if err := figures.ValidateName("app", a.Name); err != nil {
			t.Fatalf("accepted an app that does not validate: %+v: %v", a, err)
		}
	}
	for _, e := range rec.events {
		if err := e.Validate(); err != nil {
			t.Fatalf("accepted an event that does not validate: %+v: %v", e, err)
		}
	}
	for _, g := range rec.groups {
		if clean, err := figures.NewGroup(g.Name, g.Members); err != nil || fmt.Sprint(clean) != fmt.Sprint(g) {
			t.Fatalf("accepted a group the store would not keep as it is: %+v: %v", g, err)
		}
	}
	checkNoFFFD(t, data, rec)
	checkProblems(t, data, ps)
	if len(ps) == 0 && len(rec.figures)+len(rec.launches)+len(rec.apps)+len(rec.events)+len(rec.groups) == 0 {
		t.Fatalf("no records and no problems")
	}
}

// checkNoFFFD fails when a text read holds a U+FFFD the input does not:
// text that is not UTF-8 or UTF-16 is refused, never kept as U+FFFD.
func checkNoFFFD(t *testing.T, data []byte, rec *recorder) {
	t.Helper()
	if saysFFFD(data) {
		return
	}
	var texts []string
	for _, f := range rec.figures {
		texts = append(texts, f.App, f.Source, f.Note)
	}
	for _, l := range rec.launches {
		texts = append(texts, l.App)
	}
	for _, a := range rec.apps {
		texts = append(texts, a.Name, a.Publisher)
	}
	for _, e := range rec.events {
		texts = append(texts, e.App, e.Text, e.Source, e.Note)
	}
	for _, g := range rec.groups {
		texts = append(texts, g.Name)
	}
	for _, s := range texts {
		if strings.ContainsRune(s, utf8.RuneError) {
			t.Fatalf("accepted %q, with a U+FFFD the file does not hold", s)
		}
	}
}

// checkProblems holds problems to what every read must give: no more than
// the limit, at lines of the file (of any line, for a gzip'd file), in
// words safe to print and not too long.
func checkProblems(t *testing.T, data []byte, ps Problems) {
	t.Helper()
	if len(ps) > MaxProblems+1 {
		t.Fatalf("%d problems; want at most %d", len(ps), MaxProblems+1)
	}
	// Lines end in \n, \r\n or a lone \r, and in UTF-16 each holds one
	// of these bytes: this is at least the number of lines.
	lines := bytes.Count(data, []byte{'\n'}) + bytes.Count(data, []byte{'\r'}) + 1
	gzipped := bytes.HasPrefix(data, []byte{0x1f, 0x8b})
	for _, p := range ps {
		if p.Line < 1 || p.Line > lines && !gzipped {
			t.Fatalf("problem at line %d of a file of %d lines: %s", p.Line, lines, p)
		}
		s := p.String()
		if figures.Sanitize(p.Message) != p.Message || p.Message == "" {
			t.Fatalf("problem %q is empty or carries control characters", s)
		}
		if len(s) > 2000 {
			t.Fatalf("problem is %d bytes long: %.200s", len(s), s)
		}
	}
}

// sameRead fails unless two reads of the same input found the same.
func sameRead(t *testing.T, rec *recorder, ps Problems, rec2 *recorder, ps2 Problems) {
	t.Helper()
	if a, b := strs(ps), strs(ps2); a != b {
		t.Fatalf("problems differ with the input read a byte at a time:\n%s\n---\n%s", a, b)
	}
	if fmt.Sprint(rec) != fmt.Sprint(rec2) {
		t.Fatalf("records differ with the input read a byte at a time:\n%v\n---\n%v", rec, rec2)
	}
}

// saysFFFD reports whether data may hold U+FFFD itself: in UTF-8, in
// UTF-16 either way, or escaped in JSON.
func saysFFFD(data []byte) bool {
	for _, b := range []string{"\xef\xbf\xbd", "\xfd\xff", "\xff\xfd"} {
		if bytes.Contains(data, []byte(b)) {
			return true
		}
	}
	return bytes.Contains(bytes.ToLower(data), []byte(`\ufffd`))
}
