package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/hostile"
)

// TestEvents_IndiaCurves: the India Curves export of the bundled data
// marks the TikTok ban under June 2020 on the axis and lists it, numbered,
// under the chart, with its source in the footer.
func TestEvents_IndiaCurves(t *testing.T) {
	s := newTestStore(t, true)
	var b bytes.Buffer
	sel := Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}
	if err := Export(s, viewCurves, sel, FormatText, 100, &b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	axis, marks := -1, -1
	for i, l := range lines {
		if strings.Contains(l, "Apr 20") && axis < 0 {
			axis = i
		}
		if strings.HasPrefix(l, " events ") {
			marks = i
		}
	}
	if axis < 0 || marks <= axis || marks > axis+2 {
		t.Fatalf("no line of event marks under the axis (axis line %d, marks line %d):\n%s", axis, marks, b.String())
	}
	// June 2020 is two months after the April label, at four columns a month.
	if got, want := strings.Index(lines[marks], "1"), strings.Index(lines[axis], "Apr 20")+2*4; got != want || strings.TrimSpace(lines[marks]) != "events                                                                  1" {
		t.Errorf("the mark is at column %d, want %d (June 2020):\n%s\n%s", got, want, lines[axis], lines[marks])
	}
	for _, want := range []string{
		"Events (marked under the axis at their months, by number where they fit):",
		"1 2020-06 IN India · TikTok banned in India (in force from 29 June 2020)",
		"- An Arabic news article on ByteDance's Resso (September 2020); the date is from public record:\nevent 1 (2020-06 IN)",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %q in\n%s", want, b.String())
		}
	}
	if strings.Contains(b.String(), "US deadline") {
		t.Error("the US event shows on India's chart")
	}

	// The structured form, for pictures.
	d, err := LoadCurves(s, sel)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 1 || d.Events[0].Number != 1 || d.Events[0].Index != int(figures.MonthOf(2020, 6)-d.From) || d.EventsNote != "" {
		t.Fatalf("CurvesData.Events = %+v, note %q", d.Events, d.EventsNote)
	}
	// The provenance panel lists it, and -explain E1 words it in full.
	text, err := Explain(d, "E1", 80)
	if err != nil || !strings.Contains(text, "source: An Arabic news article") || !strings.Contains(text, "29 June 2020") || !strings.Contains(text, "not a number") {
		t.Errorf("Explain E1: %v\n%s", err, text)
	}
}

func TestEvents_WhichShow(t *testing.T) {
	m := figures.MonthOf
	all := []figures.Event{
		{Country: "IN", Month: m(2020, 6), Text: "India, every app"},
		{Country: "WW", Month: m(2020, 6), Text: "World, every app"},
		{App: "resso", Country: "IN", Month: m(2020, 7), Text: "India, Resso"},
		{App: "TikTok", Country: "IN", Month: m(2020, 7), Text: "India, TikTok"},
		{Country: "US", Month: m(2020, 9), Text: "US, every app"},
		{Country: "IN", Month: m(2021, 1), Text: "India, after the window"},
	}
	texts := func(evs []ChartEvent) string {
		var out []string
		for _, e := range evs {
			out = append(out, e.Text)
		}
		return strings.Join(out, "|")
	}
	shown, note := chartEvents(all, Selection{Apps: []string{"Resso"}, Country: "IN"}, m(2020, 3), m(2020, 9))
	if got := texts(shown); got != "India, every app|World, every app|India, Resso" || note != "" {
		t.Errorf("India: %q, note %q", got, note)
	}
	if shown[1].Number != 2 || shown[1].Index != 3 || shown[2].Index != 4 {
		t.Errorf("numbers and places: %+v", shown)
	}
	shown, note = chartEvents(all, Selection{Apps: []string{"Resso"}, Country: "WW"}, m(2020, 3), m(2020, 9))
	if got := texts(shown); got != "World, every app" || !strings.HasPrefix(note, "3 events of single countries in this window are not marked") {
		t.Errorf("worldwide: %q, note %q", got, note)
	}
	if note := sinceLaunchNote(all, Selection{Apps: []string{"Resso"}, Country: "IN"}, m(2020, 3), m(2020, 9)); !strings.HasPrefix(note, "3 events of this market in 2020-03..2020-09 are not marked since launch") {
		t.Errorf("since launch: %q", note)
	}
}

// TestEvents_MarksStayApart: events in one month share a mark; events in
// next months on a narrow axis never run into one number ("12"), nor
// move under another month: each month gets a ▲.
func TestEvents_MarksStayApart(t *testing.T) {
	evs := []ChartEvent{{Number: 1, Index: 0}, {Number: 2, Index: 0}, {Number: 3, Index: 1}, {Number: 4, Index: 2}}
	marks := axisMarks(evs)
	if len(marks) != 3 || marks[0].Label != "1,2" {
		t.Fatalf("marks %+v", marks)
	}
	line := markLine(marks, 40, 40, 1, 9)
	if want := " events  ▲▲▲\n"; line != want {
		t.Errorf("markLine = %q, want %q", line, want)
	}
	if markLine(nil, 10, 10, 1, 9) != "" {
		t.Error("a chart without events has a line of marks")
	}
}

func TestEvents_SinceLaunchAndCompare(t *testing.T) {
	s := newTestStore(t, true)
	var b bytes.Buffer
	if err := Export(s, viewCompare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN", SinceLaunch: true}, FormatText, 100, &b); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), " events ") || !strings.Contains(b.String(), "1 event of this market in 2019-02..2020-09 is not marked since launch") {
		t.Errorf("since launch:\n%s", b.String())
	}
	b.Reset()
	if err := Export(s, viewCompare, Selection{Apps: []string{"Resso", "Spotify"}, Country: "IN"}, FormatMarkdown, 100, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "1 2020-06 IN India · TikTok banned in India") || !strings.Contains(b.String(), "\n events ") {
		t.Errorf("on the calendar:\n%s", b.String())
	}
}

func TestEvents_HostileTextIsClean(t *testing.T) {
	src := hostile.New()
	d, err := LoadCurves(src, Selection{Apps: []string{hostile.AppA}, Country: "ID"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Events) != 2 {
		t.Fatalf("events %+v", d.Events)
	}
	for _, it := range d.Items() {
		if it.Event == nil {
			continue
		}
		checkClean(t, "item "+it.Key, it.Label)
		text, err := Explain(d, it.Key, 80)
		if err != nil {
			t.Fatal(err)
		}
		checkClean(t, "explain "+it.Key, text)
		checkClean(t, "event text", EventText(*it.Event, 80))
	}
}

// Events in neighbouring months at two columns a month cannot all stand
// as numbers under their own months: each month gets a ▲ at its column
// instead, never a number moved under the next month (found by a
// review: February's 3 stood under March).
func TestMarkLine_NeverUnderAnotherMonth(t *testing.T) {
	marks := []axisMark{{Index: 12, Label: "1,2"}, {Index: 13, Label: "3"}, {Index: 14, Label: "4"}, {Index: 22, Label: "5"}}
	line := markLine(marks, 24, 48, 2, 9)
	// Columns: pad 9 + 2 a month: 33, 35, 37, 53.
	want := strings.Repeat(" ", 1) + "events" + strings.Repeat(" ", 33-7) + "▲ ▲ ▲" + strings.Repeat(" ", 53-38) + "▲\n"
	if line != want {
		t.Errorf("got  %q\nwant %q", line, want)
	}
	// Room for every number: numbers, each under its month.
	if got := markLine([]axisMark{{Index: 0, Label: "1"}, {Index: 5, Label: "2"}}, 24, 48, 2, 9); got != " events  1         2\n" {
		t.Errorf("got %q", got)
	}
}

// A group's chart marks its members' events: South Asia holds India, so
// the TikTok ban is marked on Resso's curve there (found by a review: only
// worldwide events were).
func TestChartEvents_GroupMarksItsMembers(t *testing.T) {
	s := newTestStore(t, true)
	var b strings.Builder
	if err := Export(s, viewCurves, Selection{Apps: []string{"Resso"}, Country: "034"}, FormatText, 100, &b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "1 2020-06 IN India · TikTok banned in India") {
		t.Errorf("the India event is not on South Asia's chart:\n%s", b.String())
	}
}
