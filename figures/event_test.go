package figures

import (
	"errors"
	"strings"
	"testing"
)

func TestEvent_Validate(t *testing.T) {
	june := MonthOf(2020, 6)
	good := Event{App: "", Country: "IN", Month: june, Text: "TikTok banned in India", Source: "article"}
	cases := []struct {
		name  string
		edit  func(e *Event)
		field string // "" when valid
		says  string
	}{
		{"every app", func(*Event) {}, "", ""},
		{"one app", func(e *Event) { e.App = "Resso" }, "", ""},
		{"worldwide", func(e *Event) { e.Country = Worldwide }, "", ""},
		{"a text of 200 characters", func(e *Event) { e.Text = strings.Repeat("é", MaxEventText) }, "", ""},
		{"no text", func(e *Event) { e.Text = "" }, "text", "is empty"},
		{"blank text", func(e *Event) { e.Text = "   " }, "text", "is empty"},
		{"text too long", func(e *Event) { e.Text = strings.Repeat("a", MaxEventText+1) }, "text", "201 characters"},
		{"text with a line break", func(e *Event) { e.Text = "banned\nin India" }, "text", "control character"},
		{"text with an escape", func(e *Event) { e.Text = "banned \x1b[31m" }, "text", "control character"},
		{"text with a direction override", func(e *Event) { e.Text = "banned \u202e" }, "text", "control character"},
		{"text not UTF-8", func(e *Event) { e.Text = "banned \xff" }, "text", "UTF-8"},
		{"text with spaces at its ends", func(e *Event) { e.Text = " banned" }, "text", "spaces at its ends"},
		{"unknown country", func(e *Event) { e.Country = "XX" }, "country", "not a known country"},
		{"a country name, not a code", func(e *Event) { e.Country = "India" }, "country", "not a known country"},
		{"month out of range", func(e *Event) { e.Month = MinMonth - 1 }, "month", "out of range"},
		{"app with spaces", func(e *Event) { e.App = " Resso" }, "app", "spaces at its ends"},
		{"app with a control character", func(e *Event) { e.App = "Res\x07so" }, "app", "control character"},
		{"source with a control character", func(e *Event) { e.Source = "a\x1bb" }, "source", "control character"},
		{"note too long", func(e *Event) { e.Note = strings.Repeat("n", MaxTextLen+1) }, "note", "bytes long"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := good
			c.edit(&e)
			err := e.Validate()
			if c.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != c.field || !strings.Contains(fe.Problem, c.says) {
				t.Fatalf("Validate = %v, want a %s error saying %q", err, c.field, c.says)
			}
		})
	}
}

func TestEvent_Identity(t *testing.T) {
	a := Event{App: "Resso", Country: "IN", Month: MonthOf(2020, 6), Text: "Ban", Source: "one"}
	b := a
	b.App, b.Source = "RESSO", "another"
	if a.Key() != b.Key() {
		t.Errorf("the app's case makes another identity: %v, %v", a.Key(), b.Key())
	}
	c := a
	c.Text = "ban"
	if a.Key() == c.Key() {
		t.Errorf("the text's case is taken as written, but %v = %v", a.Key(), c.Key())
	}
	if a.Same(b) {
		t.Errorf("Same ignores the source")
	}
	if !a.ForApps([]string{"spotify", "resso"}) || a.ForApps([]string{"Spotify"}) {
		t.Errorf("ForApps does not match the app without regard to case")
	}
	if !(Event{}).ForApps(nil) {
		t.Errorf("an event of every app is not for every app")
	}
	if got := (Event{Country: "IN", Month: MonthOf(2020, 6), Text: "Ban\x1b"}).String(); got != "2020-06 IN every app: Ban\uFFFD" {
		t.Errorf("String = %q", got)
	}
}

func TestCompareEvents(t *testing.T) {
	m := MonthOf(2020, 6)
	in := []Event{
		{Country: "US", Month: m + 3, Text: "a"},
		{Country: "US", Month: m, Text: "b"},
		{Country: "IN", Month: m, App: "resso", Text: "a"},
		{Country: "IN", Month: m, Text: "z"},
	}
	for i := 0; i+1 < len(in); i++ {
		if CompareEvents(in[i], in[i+1]) <= 0 {
			t.Errorf("%v sorts before %v", in[i], in[i+1])
		}
	}
}
