package store

import (
	"fmt"
	"slices"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Groups in a write: an import (uptake JSON's "groups", a groups CSV) adds
// the user's groups beside its figures, in the same transaction and the
// same step of undo. A group of the name of one the file has (without
// regard to case) replaces it, and the report names the change, old
// members → new, as it names a figure replaced.

// batchGroup is a group of a batch and the line it was read from.
type batchGroup struct {
	figures.Group
	line int
}

// AddGroup records a user's group read from line of the batch's File (0
// when it was not read from a file). Apply checks it as SaveGroup does
// (figures.NewGroup) and refuses the whole batch if it is wrong. The
// same name twice in a batch (without regard to case) must give the
// same members; the first spelling is kept.
func (b *Batch) AddGroup(g figures.Group, line int) {
	b.groups = append(b.groups, batchGroup{g, line})
}

// NumGroups returns how many groups the batch holds.
func (b *Batch) NumGroups() int { return len(b.groups) }

// GroupChange is a group a write adds (Old zero) or replaces.
type GroupChange struct {
	Old, New figures.Group
}

// Replaced reports whether the change replaces a group.
func (c GroupChange) Replaced() bool { return c.Old.Name != "" }

// String words the change: "added group MENA: AE, EG, SA" or "replaced
// group MENA: AE, EG, SA → AE, EG, QA, SA (adds QA)". The members added
// and removed are each named, however many.
func (c GroupChange) String() string {
	name := figures.Sanitize(c.New.Name)
	if !c.Replaced() {
		return fmt.Sprintf("added group %s: %s", name, membersText(c.New.Members))
	}
	var what []string
	if c.Old.Name != c.New.Name {
		what = append(what, "named "+figures.Quote(figures.Sanitize(c.Old.Name))+" before")
	}
	added, removed := MemberChanges(c.Old.Members, c.New.Members)
	if len(added) > 0 {
		what = append(what, "adds "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		what = append(what, "removes "+strings.Join(removed, ", "))
	}
	return fmt.Sprintf("replaced group %s: %s → %s (%s)", name, membersText(c.Old.Members), membersText(c.New.Members), strings.Join(what, "; "))
}

// MemberChanges lists the members new has and old lacks, and those old
// has and new lacks; both lists sorted, as members are.
func MemberChanges(old, new []string) (added, removed []string) {
	for _, m := range new {
		if !slices.Contains(old, m) {
			added = append(added, m)
		}
	}
	for _, m := range old {
		if !slices.Contains(new, m) {
			removed = append(removed, m)
		}
	}
	return added, removed
}

func (r *Report) groupChanged(old, g figures.Group) {
	if len(r.GroupChanges) < maxChanges {
		r.GroupChanges = append(r.GroupChanges, GroupChange{Old: old, New: g})
	}
}

// validateGroups checks the batch's groups as SaveGroup would, and keeps
// them as it would store them (name trimmed, members as sorted codes).
func (b *Batch) validateGroups() error {
	for i, g := range b.groups {
		if g.Code != "" {
			return fmt.Errorf("%s: %s is a UN region, which uptake knows already: a group of your own needs a name of its own", b.where(g.line), g.Label())
		}
		clean, err := figures.NewGroup(g.Name, g.Members)
		if err != nil {
			return fmt.Errorf("%s: %w", b.where(g.line), err)
		}
		b.groups[i].Group = clean
	}
	return nil
}

// applyGroups writes the batch's groups into the file's, by name: a new
// name is added, a known one replaced when its members (or the spelling
// of its name) differ, and named in the report.
func applyGroups(cs *changeSet, r *Reader, b *Batch, rep *Report) error {
	if len(b.groups) == 0 {
		return nil
	}
	groups, err := r.Groups()
	if err != nil {
		return err
	}
	changed := false
	first := map[string]int{} // folded name → the first group of the batch with it
	for i, g := range b.groups {
		folded := figures.FoldName(g.Name)
		if j, ok := first[folded]; ok {
			if o := b.groups[j]; !slices.Equal(o.Members, g.Members) {
				return fmt.Errorf("%s: the group %s is given twice, as %s (%s) and as %s (%s) (keep one of them)",
					b.whereTwo(o.line, g.line), figures.Quote(figures.Sanitize(g.Name)),
					figures.Quote(figures.Sanitize(o.Name)), strings.Join(o.Members, ", "),
					figures.Quote(figures.Sanitize(g.Name)), strings.Join(g.Members, ", "))
			}
			rep.Duplicates++
			continue
		}
		first[folded] = i
		k := groupIndex(groups, g.Name)
		if k < 0 {
			groups = append(groups, g.Group)
			rep.GroupsAdded++
			rep.groupChanged(figures.Group{}, g.Group)
			changed = true
			continue
		}
		old := groups[k]
		if old.Name == g.Name && slices.Equal(old.Members, g.Members) {
			rep.GroupsUnchanged++
			continue
		}
		groups[k] = g.Group
		rep.GroupsReplaced++
		rep.groupChanged(old, g.Group)
		changed = true
	}
	if len(groups) > maxGroups {
		return fmt.Errorf("this write would make %d groups; the file keeps at most %d (delete some first, or import fewer)", len(groups), maxGroups)
	}
	if !changed {
		return nil
	}
	return cs.put(bidMeta, keyGroups, encodeGroups(groups))
}

// SoundGroups returns the user's groups for -export data, and a
// *PartialError when they cannot be read: a damaged file still gives up
// its figures, and the export names the groups it could not save.
func (r *Reader) SoundGroups() ([]figures.Group, error) {
	groups, err := r.Groups()
	if err != nil {
		return nil, &PartialError{Path: r.s.path, Left: []string{"its groups of countries cannot be read: none could be saved"}}
	}
	return groups, nil
}
