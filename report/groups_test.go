package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/textfit"
)

// The bundled data has Resso in IN, ID, BR and WW; in Southeast Asia
// (BN, ID, KH, LA, MM, MY, PH, SG, TH, TL, VN) only Indonesia has figures.

func exportText(t *testing.T, src Source, v View, sel Selection, format string) string {
	t.Helper()
	var b bytes.Buffer
	if err := Export(src, v, sel, format, 100, &b); err != nil {
		t.Fatalf("%s %s: %v", v.Name, sel.Label(), err)
	}
	return b.String()
}

func mustView(t *testing.T, name string) View {
	t.Helper()
	v, err := ViewNamed(name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Southeast Asia is Indonesia's figures as the region's sum: over
// 2020-03..09 Indonesia's 5,168,000* (34% of 15.2M, the figure covering
// the whole window), 1 of 11 members with figures.
func TestGroups_SoutheastAsiaCountries(t *testing.T) {
	s := newTestStore(t, true)
	for _, typed := range []string{"Southeast Asia", "035", "south-eastern asia"} {
		d, err := LoadCountries(s, Selection{Apps: []string{"Resso"}, Country: typed})
		if err != nil {
			t.Fatal(err)
		}
		if d.Sel.Country != "035" || d.Sel.Group.Name != "Southeast Asia" || len(d.Sel.Group.Members) != 11 {
			t.Errorf("%q: the market is %q %+v", typed, d.Sel.Country, d.Sel.Group)
		}
		if len(d.Rows) != 1 || d.Rows[0].Country != "ID" || d.Rows[0].Total.Installs != 5_168_000 {
			t.Errorf("%q: rows %+v; want ID alone", typed, d.Rows)
		}
		m := d.Market
		if m.Installs != 5_168_000 || !m.Summed || m.Countries != 1 || !m.Estimate || !m.Full() || d.Sum != m.Installs {
			t.Errorf("%q: the region's total %+v (rows add to %d); want 5,168,000*Σ of 1 member, 7/7 months", typed, m, d.Sum)
		}
	}
	out := exportText(t, s, mustView(t, "countries"), Selection{Apps: []string{"Resso"}, Country: "Southeast Asia"}, FormatText)
	wantIn(t, out,
		"Installs by country in Southeast Asia (035) · Resso",
		"ID Indonesia",
		"Resso in Southeast Asia (035): 5.17M*Σ over 7/7 months, the sum of the members shown.",
		"1 of 11 members with figures (ID); none for BN, KH, LA, MM, MY, PH, SG, TH,",
		// 5,168,000 of 15,200,000 = 34.0%.
		"the members shown are 34.0%* of it",
		"Selection: Resso · countries of Southeast Asia (035)")
}

func wantIn(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(out, w) {
			t.Errorf("missing %q in\n%s", w, out)
		}
	}
}

// A user's group of Indonesia and India is the sum of the two, month by
// month and in total. From the seed's figures (seed/dataset.json):
//   - March to July: ID's 5,000,000 over 2020-03..07 spread, 1,000,000 a
//     month; IN's 9,800,000 likewise, 1,960,000: 2,960,000≈Σ a month.
//   - August and September: ID's 5,168,000* less the 5,000,000 inside it
//     leaves 168,000 over 2 months, 84,000; IN's 9,880,000* less
//     9,800,000 leaves 80,000, 40,000: 124,000≈*Σ a month.
//   - The window: 5 × 2,960,000 + 2 × 124,000 = 15,048,000, which is
//     also ID's 5,168,000* + IN's 9,880,000*.
func TestGroups_UserGroupIsTheSumOfItsMembers(t *testing.T) {
	s := newTestStore(t, true)
	if err := s.SaveGroup(figures.Group{Name: "Two giants", Members: []string{"IN", "ID"}}); err != nil {
		t.Fatal(err)
	}
	d, err := LoadCurves(s, Selection{Apps: []string{"Resso"}, Country: "two giants"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Sel.Country != "Two giants" || d.Sel.Group.Code != "" {
		t.Errorf("the market is %q %+v", d.Sel.Country, d.Sel.Group)
	}
	c := d.Apps[0].Monthly
	want := []float64{2_960_000, 2_960_000, 2_960_000, 2_960_000, 2_960_000, 124_000, 124_000}
	for i, p := range c.Points {
		if p.Value != want[i] || !p.Summed || p.LowerBound || p.Kind != figures.Spread {
			t.Errorf("%s = %+v; want %.0f≈Σ", p.Month, p, want[i])
		}
	}
	cum := d.Apps[0].Cumulative.Points
	if last := cum[len(cum)-1]; last.Value != 15_048_000 || last.LowerBound {
		t.Errorf("the running total ends at %+v; want 15,048,000", last)
	}
	cd, err := LoadCountries(s, Selection{Apps: []string{"Resso"}, Country: "Two giants"})
	if err != nil {
		t.Fatal(err)
	}
	if cd.Market.Installs != 15_048_000 || cd.Market.Countries != 2 || !cd.Market.Full() {
		t.Errorf("the group's total %+v; want 15,048,000*Σ of 2 members", cd.Market)
	}
	csv := exportText(t, s, mustView(t, "curves"), Selection{Apps: []string{"Resso"}, Country: "Two giants"}, FormatCSV)
	wantIn(t, csv, "2020-03,Resso,Two giants,all,2960000,2960000,spread+summed,no,yes,no,no", "2020-09,Resso,Two giants,all,124000,15048000,spread+summed,yes,yes,yes,no")
	text := exportText(t, s, mustView(t, "curves"), Selection{Apps: []string{"Resso"}, Country: "Two giants"}, FormatText)
	wantIn(t, text, "Installs per month · Two giants (group) · all platforms", "Resso in Two giants (group): all 2 members with figures")
}

// A member with figures in the window but none for a month makes the
// group's number for that month a lower bound, never a smaller exact one.
// With Resso MY 2020-08 = 10,000 added (no launch month in Malaysia):
// August is ID's 84,000 + MY's 10,000 = 94,000 Σ; every other month has
// only Indonesia's figure, so is at least it (≥1M in March); the total
// is ID's 5,168,000 + MY's 10,000 = 5,178,000, over 1 of 7 months for
// Malaysia: at least 5,178,000.
func TestGroups_MemberWithoutAMonthMakesALowerBound(t *testing.T) {
	s := newTestStore(t, true)
	b := store.NewBatch("test")
	b.AddFigure(figures.Figure{App: "Resso", Country: "MY", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Installs: 10_000, Source: "test"}, 0)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	d, err := LoadCurves(s, Selection{Apps: []string{"Resso"}, Country: "035"})
	if err != nil {
		t.Fatal(err)
	}
	pts := d.Apps[0].Monthly.Points
	if mar := pts[0]; mar.Value != 1_000_000 || !mar.LowerBound {
		t.Errorf("March = %+v; want ≥1,000,000", mar)
	}
	if aug := pts[5]; aug.Value != 94_000 || aug.LowerBound || !aug.Summed {
		t.Errorf("August = %+v; want 94,000 Σ", aug)
	}
	if sep := pts[6]; sep.Value != 84_000 || !sep.LowerBound {
		t.Errorf("September = %+v; want ≥84,000", sep)
	}
	if got := figures.FormatPoint(pts[0]); !strings.HasPrefix(got, "≥") {
		t.Errorf("March reads %q", got)
	}
	cd, err := LoadCountries(s, Selection{Apps: []string{"Resso"}, Country: "035"})
	if err != nil {
		t.Fatal(err)
	}
	if m := cd.Market; m.Installs != 5_178_000 || m.Full() || m.Countries != 2 {
		t.Errorf("the region's total %+v; want at least 5,178,000, 2 members", m)
	}
	text := exportText(t, s, mustView(t, "countries"), Selection{Apps: []string{"Resso"}, Country: "035"}, FormatText)
	wantIn(t, text, "Resso in Southeast Asia (035): ≥5.18M*Σ over 1/7 months", "2 of 11 members with figures (ID, MY)")
}

// Group rows: a row per sub-region with figures, each the sum of its
// members, adding up with the countries in no region to the countries'
// own sum (9,880,000 + 5,168,000 + 152,000 + ZZ's 1,000 = 15,201,000);
// a user's group overlaps them, so its row is outside that sum.
func TestGroups_CountriesGroupRows(t *testing.T) {
	s := newTestStore(t, true)
	if err := s.SaveGroup(figures.Group{Name: "Two giants", Members: []string{"IN", "ID"}}); err != nil {
		t.Fatal(err)
	}
	b := store.NewBatch("test")
	b.AddFigure(figures.Figure{App: "Resso", Country: "ZZ", From: figures.MonthOf(2020, 3), To: figures.MonthOf(2020, 9), Installs: 1_000, Source: "test"}, 0)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	d, err := LoadCountries(s, Selection{Apps: []string{"Resso"}, GroupRows: true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range d.Rows {
		got = append(got, r.Country+" "+figures.FormatExact(r.Total.Installs))
	}
	want := []string{"034 9,880,000", "035 5,168,000", "005 152,000", "ZZ 1,000", "Two giants 15,048,000"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %q; want %q", got, want)
	}
	if d.Sum != 15_201_000 || !d.Rows[len(d.Rows)-1].Beside {
		t.Errorf("the rows add to %d; want 15,201,000 without the user's group", d.Sum)
	}
	// Brazil launched in 2020-09: its months before hold nothing to
	// install, so South America covers the window, as Brazil's own row does.
	if sa := d.Rows[2]; !sa.Total.Full() || sa.Total.Countries != 1 {
		t.Errorf("South America %+v", sa.Total)
	}
	text := exportText(t, s, mustView(t, "countries"), Selection{Apps: []string{"Resso"}, GroupRows: true}, FormatText)
	wantIn(t, text, "Installs by region · Resso", "Southern Asia (034)", "7/7 months, 1/9 members", "ZZ Unknown country",
		"3 regions and 1 country in no region add to 15.2M*Σ.", "Your groups (Two",
		"Selection: Resso · every region")
	csv := exportText(t, s, mustView(t, "countries"), Selection{Apps: []string{"Resso"}, GroupRows: true}, FormatCSV)
	wantIn(t, csv, ",members,members_with_figures,in_sum\n", "035,Southeast Asia,all,5168000,", ",BN ID KH LA MM MY PH SG TH TL VN,1,yes\n", "Two giants,Two giants,all,15048000,", ",ID IN,2,no\n")
}

// A market that is no country, region or group says what it takes,
// naming the file's groups.
func TestGroups_UnknownMarket(t *testing.T) {
	s := newTestStore(t, true)
	if err := s.SaveGroup(figures.Group{Name: "MENA", Members: []string{"AE", "EG"}}); err != nil {
		t.Fatal(err)
	}
	for _, v := range Views() {
		if v.Name == DataViewName {
			continue
		}
		_, err := v.Load(s, Selection{Apps: []string{"Resso"}, Country: "Narnia"})
		if err == nil || !strings.Contains(err.Error(), `"Narnia" is not a known country, region or group`) || !strings.Contains(err.Error(), "a group of your own: MENA") {
			t.Errorf("%s: %v", v.Name, err)
		}
	}
}

// The exports of a group as the market, pinned: Countries and Curves of
// Resso in Southeast Asia, Compare since launch in Asia, and the
// Countries view by region with a user's group.
func TestExport_GroupGolden(t *testing.T) {
	s := newTestStore(t, true)
	if err := s.SaveGroup(figures.Group{Name: "Two giants", Members: []string{"IN", "ID"}}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		view string
		sel  Selection
	}{
		{"countries_resso_southeast_asia", "countries", Selection{Apps: []string{"Resso"}, Country: "Southeast Asia"}},
		{"curves_resso_southeast_asia", "curves", Selection{Apps: []string{"Resso"}, Country: "035"}},
		{"curves_resso_user_group", "curves", Selection{Apps: []string{"Resso"}, Country: "Two giants", Cumulative: true}},
		{"compare_asia_since_launch", "compare", Selection{Apps: []string{"Resso", "Spotify"}, Country: "Asia", SinceLaunch: true}},
		{"countries_resso_by_region", "countries", Selection{Apps: []string{"Resso"}, Country: "WW", GroupRows: true}},
	}
	for _, c := range cases {
		for _, format := range []string{FormatText, FormatMarkdown, FormatCSV} {
			t.Run(c.name+"_"+format, func(t *testing.T) {
				out := exportText(t, s, mustView(t, c.view), c.sel, format)
				if strings.ContainsAny(out, "\x1b\x07") {
					t.Error("export holds control characters")
				}
				if format == FormatText {
					for i, line := range strings.Split(out, "\n") {
						if w := textfit.Width(line); w > 100 {
							t.Errorf("line %d is %d columns wide", i+1, w)
						}
					}
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// The first screen of a group without apps chosen: the apps launched in
// its members, largest first by the plain sum of their figures there
// (Resso in ID 5,000,000 + 5,168,000 against Spotify's 1,200,000).
func TestGroups_StartInAGroup(t *testing.T) {
	s := newTestStore(t, true)
	sel, _, err := StartSelection(s, Selection{Country: "035"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sel.Apps, []string{"Resso", "Spotify"}) || sel.Country != "035" {
		t.Errorf("start in Southeast Asia: %v in %s", sel.Apps, sel.Country)
	}
}

func TestGroups_MembersLine(t *testing.T) {
	one := figures.Group{Name: "Solo", Members: []string{"AE"}}
	if got := membersLine(one, []string{"AE"}); got != "Solo (group): its one member with figures (AE)" {
		t.Errorf("%q", got)
	}
	if got := membersLine(one, nil); got != "Solo (group): none of its 1 member has figures" {
		t.Errorf("%q", got)
	}
	asia, _ := figures.RegionNamed("Asia")
	if got := membersLine(asia, []string{"ID", "IN"}); got != "Asia (142): 2 of 51 members with figures (ID, IN); none for the other 49" {
		t.Errorf("%q", got)
	}
}
