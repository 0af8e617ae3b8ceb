package store

import (
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

// An import's groups are added beside its figures in one step of undo; a
// group of a known name with other members replaces it and the report
// names the change (a dry run says the same and writes nothing); alike,
// it is unchanged.
func TestApply_Groups(t *testing.T) {
	s, _ := newTestStore(t)
	if err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"AE", "EG", "SA"}}); err != nil {
		t.Fatal(err)
	}
	b := batchOf(fig("Resso", "AE", "2020-03", "", 100))
	b.File = "g.csv"
	b.AddGroup(figures.Group{Name: "mena", Members: []string{"SA", "AE", "QA"}}, 2)
	b.AddGroup(figures.Group{Name: "Nordics", Members: []string{"SE", "NO"}}, 5)
	b.AddGroup(figures.Group{Name: "nordics", Members: []string{"Sweden", "NO"}}, 7) // alike, once more
	for _, dry := range []bool{true, false} {
		rep, err := s.Apply(b, dry)
		if err != nil {
			t.Fatal(err)
		}
		if rep.GroupsAdded != 1 || rep.GroupsReplaced != 1 || rep.Duplicates != 1 {
			t.Errorf("dry %v: report %+v", dry, rep)
		}
		var got []string
		for _, c := range rep.GroupChanges {
			got = append(got, c.String())
		}
		want := `replaced group mena: AE, EG, SA → AE, QA, SA (named "MENA" before; adds QA; removes EG)` + "\n" + "added group Nordics: NO, SE"
		if strings.Join(got, "\n") != want {
			t.Errorf("dry %v: changes\n%s\nwant\n%s", dry, strings.Join(got, "\n"), want)
		}
		if !strings.Contains(rep.String(), "1 group added, 1 replaced") {
			t.Errorf("dry %v: report %q", dry, rep.String())
		}
		if g := groupNames(t, s); dry && g != "MENA:AE,EG,SA" {
			t.Errorf("the dry run wrote: %s", g)
		}
	}
	if got, want := groupNames(t, s), "mena:AE,QA,SA Nordics:NO,SE"; got != want {
		t.Errorf("groups = %s; want %s", got, want)
	}
	// Again: nothing changes.
	rep, err := s.Apply(b, false)
	if err != nil || rep.GroupsUnchanged != 2 || rep.Changed() {
		t.Errorf("again: %+v %v", rep, err)
	}
	// One step of undo takes the figures and the groups back.
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if n, err := s.Count(); err != nil || n.Figures != 0 {
		t.Errorf("after undo: %+v %v", n, err)
	}
	if got := groupNames(t, s); got != "MENA:AE,EG,SA" {
		t.Errorf("after undo: %s", got)
	}
}

// A batch with a bad group, or one name given twice with other members,
// is refused whole, naming the line; nothing is written.
func TestApply_GroupsRefused(t *testing.T) {
	s, _ := newTestStore(t)
	for _, c := range []struct {
		groups []batchGroup
		want   string
	}{
		{[]batchGroup{{figures.Group{Name: "India", Members: []string{"IN"}}, 3}}, `g.csv:3: the group name "India" is taken by a country`},
		{[]batchGroup{{figures.Group{Name: "MENA", Members: []string{"AE", "WW"}}, 4}}, `g.csv:4: group "MENA": member "WW" is worldwide`},
		{[]batchGroup{{figures.Group{Name: "MENA", Members: []string{"DD"}}, 2}}, `use DE (Germany)`},
		{[]batchGroup{{figures.Group{Name: "MENA", Members: []string{"AE"}}, 2}, {figures.Group{Name: "Mena", Members: []string{"AE", "EG"}}, 9}},
			`g.csv:2 and line 9: the group "Mena" is given twice, as "MENA" (AE) and as "Mena" (AE, EG) (keep one of them)`},
	} {
		b := batchOf(fig("Resso", "AE", "2020-03", "", 100))
		b.File = "g.csv"
		for _, g := range c.groups {
			b.AddGroup(g.Group, g.line)
		}
		_, err := s.Apply(b, false)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v; want %q", c.groups, err, c.want)
		}
	}
	if n, err := s.Count(); err != nil || n.Figures != 0 || groupNames(t, s) != "" {
		t.Errorf("written: %d figures, groups %q, %v", n.Figures, groupNames(t, s), err)
	}
}
