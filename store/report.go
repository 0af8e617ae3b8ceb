package store

import (
	"fmt"
	"strings"
)

// Report counts what a write did, by identity.
type Report struct {
	Added, Updated, Unchanged, Deleted int // figures
	LaunchesAdded, LaunchesUpdated     int
	LaunchesUnchanged, LaunchesDeleted int
	AppsAdded, AppsUpdated             int
	Duplicates                         int // the same figure twice in one batch: the last one kept
}

// counts lists the fields in a fixed order, for the history encoding.
func (r *Report) counts() []*int {
	return []*int{&r.Added, &r.Updated, &r.Unchanged, &r.Deleted,
		&r.LaunchesAdded, &r.LaunchesUpdated, &r.LaunchesUnchanged, &r.LaunchesDeleted,
		&r.AppsAdded, &r.AppsUpdated, &r.Duplicates}
}

// Changed reports whether the write changed anything.
func (r Report) Changed() bool {
	return r.Added+r.Updated+r.Deleted+r.LaunchesAdded+r.LaunchesUpdated+r.LaunchesDeleted+r.AppsAdded+r.AppsUpdated > 0
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
	} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if r.Duplicates > 0 {
		parts = append(parts, fmt.Sprintf("%d repeated in the input (the last of each kept)", r.Duplicates))
	}
	if len(parts) == 0 {
		return "nothing to write"
	}
	return strings.Join(parts, "; ")
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
