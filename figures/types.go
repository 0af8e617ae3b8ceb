package figures

import (
	"cmp"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits on what a figure carries, so that a hostile file cannot fill the
// database or the screen, and a million figures cannot overflow a sum.
const (
	MaxNameLen  = 100               // app names and publishers, in bytes
	MaxTextLen  = 2000              // sources and notes, in bytes
	MaxInstalls = 1_000_000_000_000 // more than all the phones there are, many times over
)

// App is a product whose installs are followed. Names are unique without
// regard to case; the first spelling written is the one kept.
type App struct {
	Name      string
	Publisher string
	Android   string // its Google Play package (com.spotify.music), if known
	IOS       string // its App Store id (324684580), if known
}

// Launch is the month an app became available in a country.
type Launch struct {
	App     string
	Country string
	Month   Month
}

// Key is the identity of a figure: writing the same key again replaces
// it. The same months from another source, or for another platform, is
// another figure, kept beside it.
type Key struct {
	App      string
	Country  string
	Platform Platform
	From     Month
	To       Month
	Source   string
}

// String names the identity, sanitised for any screen or message:
// "Resso WW 2020-03..2020-09 (Sensor Tower)", with " ios" or " android"
// after the country for a figure of one store.
func (k Key) String() string {
	span := k.From.String()
	if k.To != k.From {
		span += ".." + k.To.String()
	}
	s := Sanitize(k.App) + " " + Sanitize(k.Country)
	if k.Platform != AllPlatforms {
		s += " " + k.Platform.String()
	}
	s += " " + span
	if k.Source != "" {
		s += " (" + CutTo(Sanitize(k.Source), 60) + ")"
	}
	return s
}

// Figure is a number of installs of one app in one country, on one
// platform or both, over whole months, From and To both included, as one
// source gives it.
type Figure struct {
	App      string
	Country  string
	Platform Platform
	From     Month
	To       Month
	Installs int64
	Source   string
	Note     string
	Estimate bool      // derived from a share, or the user's own guess
	Changed  time.Time // when it was last written; set by the store
}

// String names a figure and its installs, without its source: "Resso WW
// 2020-03..2020-09 15.2M*" (the * marks an estimate).
func (f Figure) String() string {
	m := ""
	if f.Estimate {
		m = MarkEstimate
	}
	k := f.Key()
	k.Source = ""
	return k.String() + " " + FormatInstalls(float64(f.Installs)) + m
}

// Key returns the identity of f.
func (f Figure) Key() Key {
	return Key{App: f.App, Country: f.Country, Platform: f.Platform, From: f.From, To: f.To, Source: f.Source}
}

// CompareIdentity orders figures of one series as it is stored: by from,
// to, platform and source.
func CompareIdentity(a, b Figure) int {
	if a.From != b.From {
		return cmp.Compare(a.From, b.From)
	}
	if a.To != b.To {
		return cmp.Compare(a.To, b.To)
	}
	if a.Platform != b.Platform {
		return cmp.Compare(a.Platform, b.Platform)
	}
	return strings.Compare(a.Source, b.Source)
}

// SameIdentity reports whether f is the figure of k within its series:
// the same platform, months and source (the app, without regard to case,
// and the country pick the series).
func SameIdentity(f Figure, k Key) bool {
	return f.Platform == k.Platform && f.From == k.From && f.To == k.To && f.Source == k.Source
}

// Months returns how many months f covers.
func (f Figure) Months() int { return int(f.To-f.From) + 1 }

// Same reports whether f and g hold the same values, ignoring Changed.
func (f Figure) Same(g Figure) bool {
	return f.App == g.App && f.Country == g.Country && f.Platform == g.Platform && f.From == g.From && f.To == g.To &&
		f.Installs == g.Installs && f.Source == g.Source && f.Note == g.Note && f.Estimate == g.Estimate
}

// FieldError is a problem with one field of a record, worded for the user.
type FieldError struct {
	Field   string // the column or form field: app, country, from, to, installs, …
	Problem string // what is wrong and what is expected
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Problem }

// Validate checks f as the store would before writing it.
func (f Figure) Validate() error {
	if err := ValidateName("app", f.App); err != nil {
		return err
	}
	if !ValidCountry(f.Country) {
		return &FieldError{"country", fmt.Sprintf("%q is not a known country code (expected e.g. IN, ID, BR, or WW)", f.Country)}
	}
	if !f.Platform.Valid() {
		return &FieldError{"platform", fmt.Sprintf("%s is not a platform (expected all, ios or android)", f.Platform)}
	}
	if !f.From.Valid() {
		return &FieldError{"from", fmt.Sprintf("%s is out of range (expected %s to %s)", f.From, MinMonth, MaxMonth)}
	}
	if !f.To.Valid() {
		return &FieldError{"to", fmt.Sprintf("%s is out of range (expected %s to %s)", f.To, MinMonth, MaxMonth)}
	}
	if f.To < f.From {
		return &FieldError{"to", fmt.Sprintf("%s is before from %s (expected the same month or later)", f.To, f.From)}
	}
	if f.Installs < 0 {
		return &FieldError{"installs", fmt.Sprintf("%d is negative (expected 0 or more)", f.Installs)}
	}
	if f.Installs > MaxInstalls {
		return &FieldError{"installs", fmt.Sprintf("%d is more than %d (check for a slip of the keyboard)", f.Installs, int64(MaxInstalls))}
	}
	if err := ValidateText("source", f.Source, MaxTextLen); err != nil {
		return err
	}
	return ValidateText("note", f.Note, MaxTextLen)
}

// Validate checks l as the store would before writing it.
func (l Launch) Validate() error {
	if err := ValidateName("app", l.App); err != nil {
		return err
	}
	if !ValidCountry(l.Country) {
		return &FieldError{"country", fmt.Sprintf("%q is not a known country code (expected e.g. IN, ID, BR, or WW)", l.Country)}
	}
	if !l.Month.Valid() {
		return &FieldError{"launched", fmt.Sprintf("%s is out of range (expected %s to %s)", l.Month, MinMonth, MaxMonth)}
	}
	return nil
}

// ValidateName checks an app name or publisher: not empty, not too long,
// valid UTF-8, and free of control characters and direction overrides,
// which could rewrite the screen of whoever reads it.
func ValidateName(field, s string) error {
	if strings.TrimSpace(s) == "" {
		return &FieldError{field, "is empty (expected a name, e.g. Resso)"}
	}
	if s != strings.TrimSpace(s) {
		return &FieldError{field, fmt.Sprintf("%q has spaces at its ends (expected the name alone)", s)}
	}
	return ValidateText(field, s, MaxNameLen)
}

// ValidateText checks a source, a note or a publisher: not too long,
// valid UTF-8, and free of control characters and direction overrides.
func ValidateText(field, s string, max int) error {
	if len(s) > max {
		return &FieldError{field, fmt.Sprintf("is %d bytes long (expected at most %d)", len(s), max)}
	}
	if !utf8.ValidString(s) {
		return &FieldError{field, "is not valid UTF-8 text (save the file as UTF-8)"}
	}
	for _, r := range s {
		if unsafeRune(r) {
			return &FieldError{field, fmt.Sprintf("contains the control character %U (remove it; only printable text is kept)", r)}
		}
	}
	return nil
}

// unsafeRune reports runes that a terminal would act on rather than show:
// C0 and C1 controls (ESC starts every ANSI and OSC sequence) and the
// bidirectional overrides and isolates that reorder a line.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 || r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

// Sanitize returns s with every rune a terminal would act on replaced by
// U+FFFD, for text that must be shown whatever it holds.
func Sanitize(s string) string {
	// Most text is printable ASCII: that needs no look at runes.
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] < 0x7f {
		i++
	}
	if i == len(s) {
		return s
	}
	clean := true
	for _, r := range s {
		if unsafeRune(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unsafeRune(r) || r == utf8.RuneError {
			r = '\uFFFD'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ValidateStoreIDs checks an app's store ids: a Play package is letters,
// digits, underscores and dots (com.spotify.music); an App Store id is
// digits.
func ValidateStoreIDs(a App) error {
	if len(a.Android) > 255 || strings.Trim(a.Android, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.") != "" {
		return &FieldError{Field: "android", Problem: fmt.Sprintf("%q is not a Google Play package name (expected letters, digits and dots, such as com.spotify.music)", CutTo(Sanitize(a.Android), 60))}
	}
	if len(a.IOS) > 20 || strings.Trim(a.IOS, "0123456789") != "" {
		return &FieldError{Field: "ios", Problem: fmt.Sprintf("%q is not an App Store id (expected digits, such as 324684580)", CutTo(Sanitize(a.IOS), 60))}
	}
	return nil
}
