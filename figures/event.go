package figures

import (
	"cmp"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxEventText bounds an event's text, in characters: it is a line under
// a chart ("TikTok banned in India"), not an article; the note takes the rest.
const MaxEventText = 200

// Event is a dated note on the calendar: what happened in a month, in a
// country or worldwide, to one app or to every app. Events are drawn
// under the charts' time axis; they are never numbers.
type Event struct {
	App     string // "" for every app
	Country string // a code, or WW
	Month   Month
	Text    string // what happened, one line
	Source  string
	Note    string
	Changed time.Time // when it was last written; set by the store
}

// EventKey is the identity of an event: writing the same key again
// replaces its source and note. The app is folded (FoldName), so that
// "Resso" and "RESSO" are one identity; the text is taken as written.
type EventKey struct {
	App     string // folded; "" for every app
	Country string
	Month   Month
	Text    string
}

// Key returns the identity of e.
func (e Event) Key() EventKey {
	return EventKey{App: FoldName(e.App), Country: e.Country, Month: e.Month, Text: e.Text}
}

// AppLabel names whom the event concerns: its app, or "every app".
func (e Event) AppLabel() string {
	if e.App == "" {
		return "every app"
	}
	return Sanitize(e.App)
}

// String names the event in one line, sanitised: "2020-06 IN every app:
// TikTok banned in India".
func (e Event) String() string {
	return fmt.Sprintf("%s %s %s: %s", e.Month, Sanitize(e.Country), e.AppLabel(), Sanitize(e.Text))
}

// String names the identity, sanitised, as Event.String does.
func (k EventKey) String() string {
	return Event{App: k.App, Country: k.Country, Month: k.Month, Text: k.Text}.String()
}

// Same reports whether e and g hold the same values, ignoring Changed.
func (e Event) Same(g Event) bool {
	// The app without regard to case, as the identity takes it: "tiktok"
	// and "TikTok" on two lines are one event (found by a review).
	return FoldName(e.App) == FoldName(g.App) && e.Country == g.Country && e.Month == g.Month && e.Text == g.Text &&
		e.Source == g.Source && e.Note == g.Note
}

// CompareEvents orders events as the store lists them: by month, then
// country, app (folded) and text.
func CompareEvents(a, b Event) int {
	if c := cmp.Compare(a.Month, b.Month); c != 0 {
		return c
	}
	if c := strings.Compare(a.Country, b.Country); c != 0 {
		return c
	}
	if c := strings.Compare(FoldName(a.App), FoldName(b.App)); c != 0 {
		return c
	}
	return strings.Compare(a.Text, b.Text)
}

// ForApps reports whether the event concerns one of apps: it names no
// app (every app), or one of them without regard to case.
func (e Event) ForApps(apps []string) bool {
	if e.App == "" {
		return true
	}
	k := FoldName(e.App)
	for _, a := range apps {
		if FoldName(a) == k {
			return true
		}
	}
	return false
}

// Validate checks e as the store would before writing it. Text from a
// file or the form is refused, not cleaned, when it holds a control
// character, as every other text is: the readers fold tabs and line
// breaks into one space first (as they do for sources and notes), and
// anything else a terminal would act on is the file's to fix.
func (e Event) Validate() error {
	if e.App != "" {
		if err := ValidateName("app", e.App); err != nil {
			return err
		}
	}
	if !ValidCountry(e.Country) {
		return &FieldError{"country", fmt.Sprintf("%q is not a known country code (expected e.g. IN, ID, BR, or WW)", Sanitize(CutTo(e.Country, 40)))}
	}
	if !e.Month.Valid() {
		return &FieldError{"month", fmt.Sprintf("%s is out of range (expected %s to %s)", e.Month, MinMonth, MaxMonth)}
	}
	if err := ValidateEventText(e.Text); err != nil {
		return err
	}
	if err := ValidateText("source", e.Source, MaxTextLen); err != nil {
		return err
	}
	return ValidateText("note", e.Note, MaxTextLen)
}

// ValidateEventText checks an event's text: one line of at most
// MaxEventText characters, with no spaces at its ends (the identity takes
// the text as written, so " Ban" and "Ban" would be two events).
func ValidateEventText(s string) error {
	if strings.TrimSpace(s) == "" {
		return &FieldError{"text", "is empty (expected what happened, e.g. TikTok banned in India)"}
	}
	if n := utf8.RuneCountInString(s); n > MaxEventText {
		return &FieldError{"text", fmt.Sprintf("is %d characters long (expected at most %d: one line under a chart; put the rest in the note)", n, MaxEventText)}
	}
	if err := ValidateText("text", s, 4*MaxEventText); err != nil {
		return err
	}
	if s != strings.TrimSpace(s) {
		return &FieldError{"text", fmt.Sprintf("%s has spaces at its ends (expected the text alone)", Quote(s))}
	}
	return nil
}
