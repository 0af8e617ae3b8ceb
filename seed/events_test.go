package seed

import (
	"strings"
	"testing"
)

func TestReadCSV_events(t *testing.T) {
	text := "Month;Country;Text;App;Source;Note\r\n" +
		"2020-06;India;TikTok banned in India;;article;\"the ban took\neffect on 29 June\"\r\n" +
		"\r\n" +
		"Sep 2020;us;US deadline for TikTok's sale;Resso; public record ;\r\n"
	rec, ps := readCSV(t, "events.csv", text)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", strs(ps))
	}
	if len(rec.events) != 2 || len(rec.figures) != 0 || len(rec.apps) != 0 {
		t.Fatalf("read %d events, %d figures, %d apps", len(rec.events), len(rec.figures), len(rec.apps))
	}
	e := rec.events[0]
	if e.String() != "2020-06 IN every app: TikTok banned in India" || e.Source != "article" || e.Note != "the ban took effect on 29 June" || rec.lines[0] != 2 {
		t.Errorf("first event %+v at line %d", e, rec.lines[0])
	}
	e = rec.events[1]
	if e.String() != "2020-09 US Resso: US deadline for TikTok's sale" || e.Source != "public record" || rec.lines[1] != 5 {
		t.Errorf("second event %+v at line %d", e, rec.lines[1])
	}
	// "event" names the text as well, and the columns come in any order.
	rec, ps = readCSV(t, "e.csv", "event,country,month\nBan,WW,2020-06\n")
	if len(ps) > 0 || len(rec.events) != 1 || rec.events[0].Text != "Ban" {
		t.Errorf("event column: %v %s", rec.events, strs(ps))
	}
}

func TestReadCSV_eventProblems(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"bad month": {"month,country,text\n2020-13,IN,Ban\n",
			`e.csv:2: month: "2020-13"`},
		"bad country": {"month,country,text\n2020-06,Atlantis,Ban\n",
			`e.csv:2: country: "Atlantis" is not a known country`},
		"empty text": {"month,country,text\n2020-06,IN,\n",
			"e.csv:2: text: is empty (expected what happened, e.g. TikTok banned in India)"},
		"text too long": {"month,country,event\n2020-06,IN," + strings.Repeat("a", 201) + "\n",
			"e.csv:2: event: is 201 characters long (expected at most 200"},
		"escape in the text": {"month,country,text\n2020-06,IN,\"Ban\x1b[2J\"\n",
			"e.csv:2: text: contains the control character U+001B"},
		"no month column": {"country,text\nIN,Ban\n",
			`e.csv:1: the header has columns "country", "text" and lacks month`},
		"a row of both kinds": {"app,country,from,installs,text\nResso,IN,2020-06,5,Ban\n",
			"e.csv:2: installs: the row gives both an event (its text) and a figure or launch"},
	} {
		_, ps := readCSV(t, "e.csv", tc.text)
		if got := strs(ps); !strings.Contains(got, tc.want) {
			t.Errorf("%s: problems:\n%s\nwant one with:\n%s", name, got, tc.want)
		}
	}
}

// TestReadCSV_mixedWithEvents reads a file as -export data writes it:
// figures, launches and events under one header, each row saying what it is.
func TestReadCSV_mixedWithEvents(t *testing.T) {
	text := "app,country,platform,from,to,installs,source,note,estimate,changed,launched,event\n" +
		"Resso,IN,all,2020-03,2020-07,9800000,Sensor Tower,,no,2026-01-01T00:00:00Z,,\n" +
		"Resso,IN,,,,,,,,,2020-03,\n" +
		",IN,,2020-06,,,article,in force from 29 June 2020,,2026-01-01T00:00:00Z,,TikTok banned in India\n"
	rec, ps := readCSV(t, "data.csv", text)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", strs(ps))
	}
	if len(rec.figures) != 1 || len(rec.launches) != 1 || len(rec.events) != 1 {
		t.Fatalf("read %d figures, %d launches, %d events", len(rec.figures), len(rec.launches), len(rec.events))
	}
	if e := rec.events[0]; e.App != "" || e.Note != "in force from 29 June 2020" || rec.lines[0] != 4 {
		t.Errorf("event %+v", e)
	}
}

func TestReadJSON_events(t *testing.T) {
	text := `{
  "events": [
    {"country": "IN", "month": "2020-06", "text": "TikTok banned in India", "source": "article"},
    {"app": "Resso", "country": "US", "month": "2020-09", "text": "US deadline", "note": "n"}
  ]
}`
	rec, ps := readJSON(t, "e.json", text)
	if len(ps) > 0 {
		t.Fatalf("problems:\n%s", strs(ps))
	}
	if len(rec.events) != 2 || rec.events[0].App != "" || rec.events[1].App != "Resso" || rec.lines[0] != 3 || rec.lines[1] != 4 {
		t.Fatalf("events %+v at lines %v", rec.events, rec.lines)
	}
	for name, tc := range map[string]struct{ text, want string }{
		"bad month": {`{"events": [` + "\n" + `{"country": "IN", "month": "June", "text": "Ban"}]}`,
			`e.json:2: events[0].month: "June"`},
		"bad country": {`{"events": [{"country": "Atlantis", "month": "2020-06", "text": "Ban"}]}`,
			`e.json:1: events[0].country: "Atlantis" is not a known country`},
		"empty text": {`{"events": [{"country": "IN", "month": "2020-06", "text": " "}]}`,
			"e.json:1: events[0].text: is empty"},
		"unknown member": {`{"events": [{"country": "IN", "month": "2020-06", "txt": "Ban"}]}`,
			`unknown member "txt"`},
		"the text with a line break is one line": {`{"events": [{"country": "IN", "month": "2020-06", "text": "Ban\n"}]}`, ""},
	} {
		rec, ps := readJSON(t, "e.json", tc.text)
		got := strs(ps)
		if tc.want == "" {
			if got != "" || len(rec.events) != 1 || rec.events[0].Text != "Ban" {
				t.Errorf("%s: %v %s", name, rec.events, got)
			}
			continue
		}
		if !strings.Contains(got, tc.want) {
			t.Errorf("%s: problems:\n%s\nwant one with:\n%s", name, got, tc.want)
		}
	}
}
