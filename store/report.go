package store

import (
	"fmt"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Report counts what a write did, by identity.
type Report struct {
	Added, Updated, Unchanged, Deleted int // figures
	LaunchesAdded, LaunchesUpdated     int
	LaunchesUnchanged, LaunchesDeleted int
	AppsAdded, AppsUpdated             int
	EventsAdded, EventsUpdated         int
	EventsUnchanged, EventsDeleted     int
	// The user's groups an import added, replaced or found alike; not
	// kept in the history's counts (its label says the write).
	GroupsAdded, GroupsReplaced, GroupsUnchanged int
	Duplicates                                   int // the same figure, event or group twice in one batch, alike

	// The first figures the write replaced, for what an import and its
	// dry run say: each is named old → new. Updated counts them all.
	Changes []Change
	// The first figures the write added, likewise; Added counts them all.
	AddedFigures []figures.Figure
	// The first events the write added or replaced, each named;
	// EventsAdded and EventsUpdated count them all.
	EventChanges []EventChange
	// The first groups the write added or replaced, each named.
	GroupChanges []GroupChange

	// Forgotten is the oldest steps of undo the write dropped to keep the
	// file small (history.go): they can no longer be undone.
	Forgotten []Entry
}

// EventChange is an event a write adds (Old zero) or replaces.
type EventChange struct {
	Old, New figures.Event
}

// Replaced reports whether the change replaces an event.
func (c EventChange) Replaced() bool { return c.Old.Text != "" }

// String words the change: "added event 2020-06 IN every app: TikTok
// banned in India (source)" or "replaced event …: source "A" → "B"".
func (c EventChange) String() string {
	if !c.Replaced() {
		s := "added event " + c.New.String()
		if c.New.Source != "" {
			s += " (" + figures.CutTo(figures.Sanitize(c.New.Source), 60) + ")"
		}
		return s
	}
	var parts []string
	if c.Old.Source != c.New.Source {
		parts = append(parts, "source "+figures.Quote(figures.Sanitize(c.Old.Source))+" → "+figures.Quote(figures.Sanitize(c.New.Source)))
	}
	if c.Old.Note != c.New.Note {
		parts = append(parts, "note "+figures.Quote(figures.Sanitize(c.Old.Note))+" → "+figures.Quote(figures.Sanitize(c.New.Note)))
	}
	if c.Old.App != c.New.App {
		parts = append(parts, "app "+figures.Quote(figures.Sanitize(c.Old.App))+" → "+figures.Quote(figures.Sanitize(c.New.App)))
	}
	return "replaced event " + c.New.String() + ": " + strings.Join(parts, ", ")
}

// Change is a figure a write replaces (or, with Old zero, adds).
type Change struct {
	Old, New figures.Figure
}

// Replaced reports whether the change replaces a figure.
func (c Change) Replaced() bool { return c.Old.App != "" }

// String words the change: "added Resso WW 2020-08 3.6M (Sensor Tower)"
// or "replaced Resso WW 2020-08 (Sensor Tower): 3.6M → 3.1M".
func (c Change) String() string {
	if !c.Replaced() {
		return "added " + c.New.String() + sourceOf(c.New)
	}
	k := c.New.Key()
	return fmt.Sprintf("replaced %s: %s → %s", k, valueOf(c.Old), valueOf(c.New))
}

func sourceOf(f figures.Figure) string {
	if f.Source == "" {
		return ""
	}
	return " (" + figures.CutTo(figures.Sanitize(f.Source), 60) + ")"
}

// valueOf words a figure's value with what can change besides installs.
func valueOf(f figures.Figure) string {
	s := figures.FormatInstalls(float64(f.Installs))
	if f.Estimate {
		s += figures.MarkEstimate
	}
	if f.Note != "" {
		s += " " + figures.Quote(figures.Sanitize(f.Note))
	}
	return s
}

// maxChanges is how many replaced figures a Report keeps one by one; the
// counts hold the rest.
const maxChanges = 200

func (r *Report) added(f figures.Figure) {
	if len(r.AddedFigures) < maxChanges {
		r.AddedFigures = append(r.AddedFigures, f)
	}
}

func (r *Report) eventChanged(old, e figures.Event) {
	if len(r.EventChanges) < maxChanges {
		r.EventChanges = append(r.EventChanges, EventChange{Old: old, New: e})
	}
}

func (r *Report) replaced(old, f figures.Figure) {
	if len(r.Changes) < maxChanges {
		r.Changes = append(r.Changes, Change{Old: old, New: f})
	}
}

// counts lists the fields in a fixed order, for the history encoding:
// history entries of version 1 hold the first countsV1, version 2 all.
func (r *Report) counts() []*int {
	return []*int{&r.Added, &r.Updated, &r.Unchanged, &r.Deleted,
		&r.LaunchesAdded, &r.LaunchesUpdated, &r.LaunchesUnchanged, &r.LaunchesDeleted,
		&r.AppsAdded, &r.AppsUpdated, &r.Duplicates,
		&r.EventsAdded, &r.EventsUpdated, &r.EventsUnchanged, &r.EventsDeleted}
}

// countsV1 is how many counts a history entry of version 1 holds.
const countsV1 = 11

// Changed reports whether the write changed anything.
func (r Report) Changed() bool {
	return r.Added+r.Updated+r.Deleted+r.LaunchesAdded+r.LaunchesUpdated+r.LaunchesDeleted+r.AppsAdded+r.AppsUpdated+
		r.EventsAdded+r.EventsUpdated+r.EventsDeleted+r.GroupsAdded+r.GroupsReplaced > 0
}

// String says what happened in words: "3 figures added, 1 updated, 10
// unchanged; 2 launches added".
func (r Report) String() string {
	// The noun goes with the first number shown: "1 figure added, 9
	// unchanged", "3 figures added".
	part := func(noun func(int) string, pairs ...any) string {
		var words []string
		first := 0
		for i := 0; i < len(pairs); i += 2 {
			if n := pairs[i+1].(int); n > 0 {
				if len(words) == 0 {
					first = n
				}
				words = append(words, fmt.Sprintf("%d %s", n, pairs[i]))
			}
		}
		if len(words) == 0 {
			return ""
		}
		words[0] = strings.Replace(words[0], " ", " "+noun(first)+" ", 1)
		return strings.Join(words, ", ")
	}
	var parts []string
	for _, p := range []string{
		part(pluralOf("figure"), "added", r.Added, "updated", r.Updated, "unchanged", r.Unchanged, "deleted", r.Deleted),
		part(pluralOf("launch"), "added", r.LaunchesAdded, "updated", r.LaunchesUpdated, "unchanged", r.LaunchesUnchanged, "deleted", r.LaunchesDeleted),
		part(pluralOf("app"), "added", r.AppsAdded, "updated", r.AppsUpdated),
		part(pluralOf("event"), "added", r.EventsAdded, "replaced", r.EventsUpdated, "unchanged", r.EventsUnchanged, "deleted", r.EventsDeleted),
		part(pluralOf("group"), "added", r.GroupsAdded, "replaced", r.GroupsReplaced, "unchanged", r.GroupsUnchanged),
	} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if r.Duplicates > 0 {
		parts = append(parts, fmt.Sprintf("%d repeated in the input, alike", r.Duplicates))
	}
	if len(parts) == 0 {
		return "nothing to write"
	}
	if f := r.forgotten(); f != "" {
		parts = append(parts, f)
	}
	return strings.Join(parts, "; ")
}

// forgotten says which steps of undo the write dropped, "" for none.
func (r Report) forgotten() string {
	n := len(r.Forgotten)
	if n == 0 {
		return ""
	}
	which := figures.Quote(figures.CutTo(figures.Sanitize(r.Forgotten[0].Label), 40))
	if n > 1 {
		which += " … " + figures.Quote(figures.CutTo(figures.Sanitize(r.Forgotten[n-1].Label), 40))
	}
	pronoun := "they"
	if n == 1 {
		pronoun = "it"
	}
	return fmt.Sprintf("%d older %s of undo dropped to keep the file small (%s): %s can no longer be undone",
		n, plural("step", n), which, pronoun)
}

func pluralOf(noun string) func(int) string {
	return func(n int) string { return plural(noun, n) }
}

func plural(noun string, n int) string {
	if n == 1 {
		return noun
	}
	if strings.HasSuffix(noun, "ch") {
		return noun + "es"
	}
	return noun + "s"
}
