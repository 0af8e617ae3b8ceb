package store

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/uptake/uptake/figures"
)

func groupNames(t *testing.T, s *Store) string {
	t.Helper()
	groups, err := s.Groups()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, g := range groups {
		out = append(out, g.Name+":"+strings.Join(g.Members, ","))
	}
	return strings.Join(out, " ")
}

func TestGroups_SaveReplaceDelete(t *testing.T) {
	s, _ := newTestStore(t)
	if got := groupNames(t, s); got != "" {
		t.Fatalf("a new file has groups: %s", got)
	}
	if err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"EG", "ae", "Saudi Arabia", "AE"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroup(figures.Group{Name: "Nordics", Members: []string{"SE", "NO", "DK", "FI", "IS"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := groupNames(t, s), "MENA:AE,EG,SA Nordics:DK,FI,IS,NO,SE"; got != want {
		t.Errorf("groups = %s; want %s", got, want)
	}
	// The same name in other letters replaces the group, and takes the
	// new spelling.
	if err := s.SaveGroup(figures.Group{Name: "Mena", Members: []string{"MA", "AE"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := groupNames(t, s), "Mena:AE,MA Nordics:DK,FI,IS,NO,SE"; got != want {
		t.Errorf("after replacing: %s; want %s", got, want)
	}
	if err := s.DeleteGroup("MENA"); err != nil {
		t.Fatal(err)
	}
	if got, want := groupNames(t, s), "Nordics:DK,FI,IS,NO,SE"; got != want {
		t.Errorf("after deleting: %s; want %s", got, want)
	}
	if err := s.DeleteGroup("MENA"); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `group "MENA"`) {
		t.Errorf("deleting again: %v", err)
	}
	if err := s.DeleteGroup("nordics"); err != nil {
		t.Fatal(err)
	}
	if got := groupNames(t, s); got != "" {
		t.Errorf("after deleting both: %s", got)
	}
	rep, err := s.Check()
	if err != nil || !rep.Sound() {
		t.Errorf("check: %v %v", err, rep.Problems)
	}
}

// A group that cannot be saved says which member or name is wrong and
// what to do, and changes nothing.
func TestGroups_BadGroupsRefused(t *testing.T) {
	s, _ := newTestStore(t)
	if err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"AE"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		g    figures.Group
		want string
	}{
		{figures.Group{Name: "MENA", Members: []string{"AE", "DD"}}, `group "MENA": member "DD" is a withdrawn code (East Germany): use DE (Germany)`},
		{figures.Group{Name: "MENA", Members: []string{"AE", "Narnia"}}, `member "Narnia" is not a known country (expected a code such as IN`},
		{figures.Group{Name: "MENA", Members: []string{"WW"}}, `member "WW" is worldwide (WW), not a country: list the group's countries`},
		{figures.Group{Name: "MENA"}, `group "MENA" has no members: give at least one country code, such as AE`},
		{figures.Group{Name: "India", Members: []string{"IN"}}, `the group name "India" is taken by a country (IN India): choose another name`},
		{figures.Group{Name: "WW", Members: []string{"IN"}}, `means worldwide (WW)`},
		{figures.Group{Name: "South-eastern Asia", Members: []string{"ID"}}, `taken by a UN region (Southeast Asia (035))`},
		{figures.Group{Code: "035", Name: "Southeast Asia", Members: []string{"ID"}}, `Southeast Asia (035) is a UN region, which uptake knows already`},
		{figures.Group{Name: "", Members: []string{"ID"}}, `a group needs a name`},
		{figures.Group{Name: "bad\x1bname", Members: []string{"ID"}}, `control character`},
	} {
		err := s.SaveGroup(c.g)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("SaveGroup(%+v) = %v; want %q", c.g, err, c.want)
		}
	}
	if got := groupNames(t, s); got != "MENA:AE" {
		t.Errorf("groups after refusals: %s", got)
	}
	entries, _, err := s.History()
	if err != nil || len(entries) != 1 {
		t.Errorf("history: %d entries, %v; want the one save", len(entries), err)
	}
}

// Saving and deleting a group are steps of undo, also after a restart;
// saving a group as it is already writes nothing.
func TestGroups_Undo(t *testing.T) {
	s, path := newTestStore(t)
	if _, err := s.Apply(batchOf(fig("Resso", "ID", "2020-03", "", 100)), false); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"EG", "AE", "SA"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"SA", "EG", "AE"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"AE", "EG"}}); err != nil {
		t.Fatal(err)
	}
	entries, applied, err := s.History()
	if err != nil || len(entries) != 3 || applied != 3 {
		t.Fatalf("history: %d entries, %d applied, %v; want 3 (import, add, edit)", len(entries), applied, err)
	}
	if got := entries[1].String(); got != "add group MENA (AE, EG, SA)" {
		t.Errorf("entry = %q", got)
	}
	s.Close()
	s, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	e, err := s.Undo()
	if err != nil || e.Label != "edit group MENA (AE, EG)" {
		t.Fatalf("undo = %v, %v", e, err)
	}
	if got := groupNames(t, s); got != "MENA:AE,EG,SA" {
		t.Errorf("after one undo: %s", got)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := groupNames(t, s); got != "" {
		t.Errorf("after two undos: %s", got)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if got := groupNames(t, s); got != "MENA:AE,EG,SA" {
		t.Errorf("after redo: %s", got)
	}
	if err := s.DeleteGroup("mena"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := groupNames(t, s); got != "MENA:AE,EG,SA" {
		t.Errorf("after undoing the delete: %s", got)
	}
	// The figures were never touched.
	if figs, err := s.Series("Resso", "ID"); err != nil || len(figs) != 1 {
		t.Errorf("Resso ID: %v, %v", figs, err)
	}
	rep, err := s.Check()
	// import, add, delete (the edit undone and then dropped by the
	// delete, a new write after undo): 3 steps.
	if err != nil || !rep.Sound() || rep.History != 3 {
		t.Errorf("check: %v, %v, %d steps", err, rep.Problems, rep.History)
	}
}

// editMeta changes the file's meta bucket directly, as damage or a
// hostile file would, with the store closed.
func editMeta(t *testing.T, path string, fn func(b *bolt.Bucket) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { return fn(tx.Bucket(bucketMeta)) }); err != nil {
		t.Fatal(err)
	}
}

// A flipped byte anywhere in the groups value is damage, reported by a
// read and by the check, never read as other groups; so is a value that
// is sealed but not one SaveGroup writes (a hostile file).
func TestGroups_DamageDetected(t *testing.T) {
	s, path := newTestStore(t)
	if err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"AE", "EG", "SA"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroup(figures.Group{Name: "Nordics", Members: []string{"DK", "SE"}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var sound []byte
	editMeta(t, path, func(b *bolt.Bucket) error { sound = slices.Clone(b.Get(keyGroups)); return nil })
	payload, ok := unseal(bidMeta, keyGroups, sound)
	if !ok {
		t.Fatal("the groups value is not sealed")
	}
	damaged := map[string][]byte{}
	for i := range sound {
		for _, bit := range []byte{0x01, 0x80} {
			v := slices.Clone(sound)
			v[i] ^= bit
			damaged[fmt.Sprintf("byte %d ^ %#x", i, bit)] = v
		}
	}
	// Sealed, but not what SaveGroup writes.
	for name, p := range map[string][]byte{
		"members out of order": encodeGroups([]figures.Group{{Name: "MENA", Members: []string{"SA", "AE"}}}),
		"a member WW":          encodeGroups([]figures.Group{{Name: "MENA", Members: []string{"AE", "WW"}}}),
		"no members":           encodeGroups([]figures.Group{{Name: "MENA"}}),
		"a name twice":         encodeGroups([]figures.Group{{Name: "MENA", Members: []string{"AE"}}, {Name: "mena", Members: []string{"EG"}}}),
		"a control character":  encodeGroups([]figures.Group{{Name: "ME\x1bNA", Members: []string{"AE"}}}),
		"no groups":            {groupsVersion, 0},
		"another version":      append([]byte{groupsVersion + 1}, payload[1:]...),
		"bytes after the end":  append(slices.Clone(payload), 0),
		"too many groups":      encodeGroups(manyGroups(maxGroups + 1)),
	} {
		damaged[name] = seal(bidMeta, keyGroups, p)
	}
	for name, v := range damaged {
		editMeta(t, path, func(b *bolt.Bucket) error { return b.Put(keyGroups, v) })
		// A value that fails its seal stops the file from being opened
		// for writing; read-only, the rest of it is still read.
		st, err := Open(path, Options{})
		sealBroken := err != nil
		if sealBroken {
			if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "its groups record is damaged") {
				t.Errorf("%s: open: %v", name, err)
			}
			if st, err = Open(path, Options{ReadOnly: true}); err != nil {
				t.Fatalf("%s: open read-only: %v", name, err)
			}
		}
		groups, err := st.Groups()
		if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "groups") {
			t.Errorf("%s: Groups() = %v, %v; want damage", name, groups, err)
		}
		rep, err := st.Check()
		if err != nil || rep.Sound() || !strings.Contains(strings.Join(rep.Problems, "\n"), "groups") {
			t.Errorf("%s: check found %v, %v", name, rep.Problems, err)
		}
		// A write never builds on the damaged value.
		if err := st.SaveGroup(figures.Group{Name: "DACH", Members: []string{"DE", "AT", "CH"}}); !sealBroken && !errors.Is(err, ErrDamaged) {
			t.Errorf("%s: SaveGroup on damage = %v", name, err)
		}
		st.Close()
	}
	editMeta(t, path, func(b *bolt.Bucket) error { return b.Put(keyGroups, sound) })
	st, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got := groupNames(t, st); got != "MENA:AE,EG,SA Nordics:DK,SE" {
		t.Errorf("restored: %s", got)
	}
	if rep, err := st.Check(); err != nil || !rep.Sound() {
		t.Errorf("check of the sound file: %v %v", rep.Problems, err)
	}
}

func manyGroups(n int) []figures.Group {
	out := make([]figures.Group, n)
	for i := range out {
		out[i] = figures.Group{Name: fmt.Sprintf("Group %04d", i), Members: []string{"AE"}}
	}
	return out
}

// The file keeps at most maxGroups groups: one more is refused, and
// replacing one is not adding.
func TestGroups_Bounded(t *testing.T) {
	s, _ := newTestStore(t)
	if err := s.update(func(tx *bolt.Tx) error {
		return s.putMeta(tx, keyGroups, encodeGroups(manyGroups(maxGroups)))
	}); err != nil {
		t.Fatal(err)
	}
	err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"AE"}})
	if err == nil || !strings.Contains(err.Error(), "at most 256 groups") {
		t.Errorf("one group too many: %v", err)
	}
	if err := s.SaveGroup(figures.Group{Name: "group 0001", Members: []string{"EG"}}); err != nil {
		t.Errorf("replacing a group at the bound: %v", err)
	}
}

// A history entry may change the groups, and no other meta value: a
// hostile entry cannot reset the undo position or the schema by undo.
func TestGroups_HistoryTakesOnlyTheGroupsOfMeta(t *testing.T) {
	for _, c := range []struct {
		key  []byte
		want bool
	}{{keyGroups, true}, {keyUndo, false}, {keySchema, false}, {keyTally, false}, {keyRanking, false}} {
		var raw bytes.Buffer
		raw.Write([]byte{bidMeta, byte(len(c.key))})
		raw.Write(c.key)
		raw.Write([]byte{1, 1, 'v'})
		_, err := newChangeReader(&raw, 1).next()
		if (err == nil) != c.want {
			t.Errorf("an entry changing meta %q: %v", c.key, err)
		}
	}
}

// FuzzDecodeGroups: any bytes decode to groups SaveGroup could have
// written, or are refused; never a panic.
func FuzzDecodeGroups(f *testing.F) {
	f.Add(encodeGroups([]figures.Group{{Name: "MENA", Members: []string{"AE", "EG"}}, {Name: "Nordics", Members: []string{"DK"}}}))
	f.Add([]byte{groupsVersion, 1, 1, 'x', 200})
	f.Fuzz(func(t *testing.T, p []byte) {
		groups, ok := decodeGroups(p)
		if !ok {
			return
		}
		for _, g := range groups {
			clean, err := figures.NewGroup(g.Name, g.Members)
			if err != nil && !strings.Contains(err.Error(), "taken by") && !strings.Contains(err.Error(), "means worldwide") && !strings.Contains(err.Error(), "M49") {
				t.Fatalf("decoded %+v, which SaveGroup refuses: %v", g, err)
			}
			if err == nil && (clean.Name != g.Name || !slices.Equal(clean.Members, g.Members)) {
				t.Fatalf("decoded %+v, which SaveGroup writes as %+v", g, clean)
			}
		}
	})
}
