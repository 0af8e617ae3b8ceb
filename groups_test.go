package main

import (
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// -country takes a UN region: Resso in Southeast Asia on the bundled data
// is Indonesia's 5,168,000* (34% of 15.2M) as the region's sum, 1 of its
// 11 members with figures, the 10 others named.
func TestCountryGroup_SoutheastAsiaExport(t *testing.T) {
	db := defectDB(t, true)
	out := exportView(t, db, "countries", "-app", "Resso", "-country", "Southeast Asia")
	wantIn(t, "countries in Southeast Asia", out,
		"Installs by country in Southeast Asia (035) · Resso · all platforms · 2020-03..2020-09",
		"ID Indonesia",
		"Resso in Southeast Asia (035): 5.17M*Σ over 7/7 months, the sum of the members shown.",
		"Southeast Asia (035): 1 of 11 members with figures (ID); none for BN, KH, LA, MM, MY, PH, SG, TH,\nTL, VN.",
		"the members shown are 34.0%* of it")
	wantNotIn(t, "countries in Southeast Asia", out, "IN India", "BR Brazil")
	csv := exportView(t, db, "countries", "-app", "Resso", "-country", "south-eastern asia", "-format", "csv")
	wantIn(t, "countries csv", csv, "\nID,Indonesia,all,5168000,1,7,7,,yes,no,no,", ",035\n")
	curves := exportView(t, db, "curves", "-app", "Resso", "-country", "035", "-format", "csv")
	wantIn(t, "curves csv", curves, "2020-03,Resso,035,all,1000000,1000000,spread+summed,no,yes,no,no")
	rows := exportView(t, db, "countries", "-app", "Resso", "-group-rows")
	wantIn(t, "countries by region", rows, "Installs by region · Resso", "Southern Asia (034)", "3 regions add to 15.2M*Σ.")
}

// -country takes a group saved in the file, by name in any case; a name
// that is no country, region or group is bad usage (exit 2) that says what
// -country takes; -check finds the file with groups sound.
func TestCountryGroup_SavedGroupAndBadValues(t *testing.T) {
	db := defectDB(t, true)
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveGroup(figures.Group{Name: "Two giants", Members: []string{"ID", "IN"}}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	// 9,880,000* + 5,168,000* = 15,048,000*: 15M.
	out := exportView(t, db, "countries", "-app", "Resso", "-country", "two giants")
	wantIn(t, "countries in a group", out, "Installs by country in Two giants (group)", "Resso in Two giants (group): 15M*Σ over 7/7 months",
		"Two giants (group): all 2 members with figures.")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-export", "curves", "-app", "Resso", "-country", "Narnia"},
			`-country: "Narnia" is not a known country, region or group (expected a country code or name such as IN or India, WW for worldwide, a UN region such as Southeast Asia or 035, or a group of your own: Two giants)`},
		{[]string{"-export", "curves", "-app", "Resso", "-country", "DD"}, `-country: "DD" is a withdrawn code (East Germany): use DE (Germany)`},
		{[]string{"-export", "curves", "-app", "Resso", "-group-rows"}, "-group-rows goes with -export countries"},
	} {
		code, _, msg := runCLI(t, "", append(c.args, "-db", db)...)
		if code != exitUsage || !strings.Contains(msg, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, msg, c.want)
		}
	}
	code, out, msg := runCLI(t, "", "-check", "-db", db)
	if code != 0 || !strings.Contains(out, "is sound") {
		t.Errorf("-check: exit %d, %s %s", code, out, msg)
	}
}
