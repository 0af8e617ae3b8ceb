package store

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	bolt "go.etcd.io/bbolt"

	"github.com/uptake/uptake/figures"
)

// The user's groups of countries ("MENA") live in one sealed value of
// the meta bucket, like the ranking of sources. A group is the user's
// data, not a setting: saving or deleting one is a step of undo (the
// history takes this one meta value beside the apps, series and
// launches; see undoableKey).
var keyGroups = []byte("groups")

// maxGroups bounds the groups a file keeps, so that a hostile file cannot
// make every read carry a huge list. A group has each country at most
// once and a name of at most 240 bytes, so the value stays under 200 kB.
const maxGroups = 256

// groupsVersion is the first byte of the groups value.
const groupsVersion = 1

// Groups returns the user's groups, sorted by name without regard to
// case; none when the file has none.
func (r *Reader) Groups() ([]figures.Group, error) {
	if r.tx.Bucket(bucketMeta).Get(keyGroups) == nil {
		return nil, nil
	}
	payload, err := r.s.metaValue(r.tx, keyGroups)
	if err != nil {
		return nil, err
	}
	groups, ok := decodeGroups(payload)
	if !ok {
		return nil, r.s.damagedMeta("its groups of countries cannot be read")
	}
	return groups, nil
}

// Groups returns the user's groups, in a read of its own.
func (s *Store) Groups() ([]figures.Group, error) { return readOne(s, (*Reader).Groups) }

// SaveGroup adds the user's group g, or replaces the group of the same
// name (without regard to case). Its name is checked (figures.CheckGroupName)
// and its members are read as countries (codes or names), at least one,
// each once, neither WW nor ZZ. One step of undo.
func (s *Store) SaveGroup(g figures.Group) error {
	if g.Code != "" {
		return fmt.Errorf("%s is a UN region, which uptake knows already: a group of your own needs a name of its own", g.Label())
	}
	clean, err := figures.NewGroup(g.Name, g.Members)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		r := &Reader{s: s, tx: tx}
		groups, err := r.Groups()
		if err != nil {
			return err
		}
		verb := "add"
		if i := groupIndex(groups, clean.Name); i >= 0 {
			if groups[i].Name == clean.Name && slices.Equal(groups[i].Members, clean.Members) {
				return nil // as saved already: nothing to undo
			}
			groups = slices.Delete(groups, i, i+1)
			verb = "edit"
		}
		if len(groups) >= maxGroups {
			return fmt.Errorf("the file keeps at most %d groups and has %d: delete one before adding %s", maxGroups, len(groups), figures.Quote(clean.Name))
		}
		groups = append(groups, clean)
		return s.writeGroups(tx, groups, fmt.Sprintf("%s group %s (%s)", verb, clean.Name, membersText(clean.Members)))
	})
}

// DeleteGroup removes the user's group of a name (without regard to
// case). One step of undo.
func (s *Store) DeleteGroup(name string) error {
	return s.update(func(tx *bolt.Tx) error {
		groups, err := (&Reader{s: s, tx: tx}).Groups()
		if err != nil {
			return err
		}
		i := groupIndex(groups, name)
		if i < 0 {
			return fmt.Errorf("group %s: %w", figures.Quote(strings.TrimSpace(name)), ErrNotFound)
		}
		gone := groups[i]
		groups = slices.Delete(groups, i, i+1)
		return s.writeGroups(tx, groups, fmt.Sprintf("delete group %s (%s)", gone.Name, membersText(gone.Members)))
	})
}

// writeGroups writes the groups as one step of undo; none removes the
// value.
func (s *Store) writeGroups(tx *bolt.Tx, groups []figures.Group, label string) error {
	cs := newChangeSet(s, tx)
	var err error
	if len(groups) == 0 {
		err = cs.del(bidMeta, keyGroups)
	} else {
		err = cs.put(bidMeta, keyGroups, encodeGroups(groups))
	}
	if err != nil {
		return err
	}
	return cs.commit(label, Report{}, s.now())
}

func groupIndex(groups []figures.Group, name string) int {
	return slices.IndexFunc(groups, func(g figures.Group) bool { return figures.SameGroupName(g.Name, name) })
}

// membersText lists a group's members for the undo label: "AE, EG, SA"
// or the first six and how many more.
func membersText(members []string) string {
	if len(members) <= 6 {
		return strings.Join(members, ", ")
	}
	return strings.Join(members[:6], ", ") + fmt.Sprintf(", +%d more", len(members)-6)
}

// encodeGroups writes the groups sorted by folded name: a version byte,
// then each group's name and its members, two bytes each.
func encodeGroups(groups []figures.Group) []byte {
	sorted := slices.Clone(groups)
	slices.SortFunc(sorted, func(a, b figures.Group) int {
		return strings.Compare(figures.FoldName(a.Name), figures.FoldName(b.Name))
	})
	enc := encoder{}
	enc.byte(groupsVersion)
	enc.uvarint(uint64(len(sorted)))
	for _, g := range sorted {
		enc.string(g.Name)
		enc.uvarint(uint64(len(g.Members)))
		for _, m := range g.Members {
			enc.b = append(enc.b, m...)
		}
	}
	return enc.b
}

// decodeGroups reads the groups value, refusing anything SaveGroup would
// not have written: a sealed value that is not one is another version's
// or a hostile file's, never to be read as other groups.
func decodeGroups(p []byte) ([]figures.Group, bool) {
	d := decoder{b: p}
	if d.byte() != groupsVersion {
		return nil, false
	}
	n := d.count(4)
	if d.err != nil || n == 0 || n > maxGroups {
		return nil, false
	}
	groups := make([]figures.Group, 0, n)
	prev := ""
	for i := 0; i < n; i++ {
		name := d.string()
		m := d.count(2)
		if d.err != nil || m == 0 || len(d.b) < 2*m || !goodGroupName(name) {
			return nil, false
		}
		folded := figures.FoldName(name)
		if i > 0 && folded <= prev {
			return nil, false
		}
		prev = folded
		g := figures.Group{Name: name, Members: make([]string, m)}
		for j := range m {
			code := string(d.b[2*j : 2*j+2])
			if !figures.ValidCountry(code) || code == figures.Worldwide || code == figures.Unknown || j > 0 && code <= g.Members[j-1] {
				return nil, false
			}
			g.Members[j] = code
		}
		d.b = d.b[2*m:]
		groups = append(groups, g)
	}
	if len(d.b) != 0 {
		return nil, false
	}
	return groups, true
}

// goodGroupName checks a stored name as SaveGroup leaves it: trimmed,
// printable, not too long. It does not ask whether a country has taken
// the name since: the group was saved, and ParsePlace reads a country
// first anyway.
func goodGroupName(name string) bool {
	return name != "" && name == strings.TrimSpace(name) && utf8.RuneCountInString(name) <= figures.MaxGroupName &&
		figures.ValidateText("group", name, 4*figures.MaxGroupName) == nil
}
