package seed

import (
	"fmt"
	"strings"
	"testing"
)

// TestDays_QuietCountriesAreNotShortOfDays (found by a red-team pass): the
// App Store's daily reports list a country only on days it had
// downloads, so a whole August of daily reports left Iceland, with
// downloads on the 5th only, "1 of 31 days: at least" and marked, and
// every sum over it too. A day a report covers for an app is known for
// every country: Iceland's August is its 3 downloads, whole.
func TestDays_QuietCountriesAreNotShortOfDays(t *testing.T) {
	header := "Provider\tProvider Country\tSKU\tDeveloper\tTitle\tVersion\tProduct Type Identifier\tUnits\tDeveloper Proceeds\tBegin Date\tEnd Date\tCustomer Currency\tCountry Code\tCurrency of Proceeds\tApple Identifier\tCustomer Price\tPromo Code\tParent Identifier\tSubscription\tPeriod\tCategory\tCMB\tDevice\tSupported Platforms\tProceeds Reason\tPreserved Pricing\tClient\tOrder Type"
	row := func(day int, country, units string) string {
		d := fmt.Sprintf("08/%02d/2020", day)
		return "APPLE\tUS\tX\tDev\tTally\t1.0\t1\t" + units + "\t0\t" + d + "\t" + d + "\tUSD\t" + country + "\tUSD\t1234567890\t0\t\t\t\t\tMusic\t\tiPhone\tiOS\t\t\t\t"
	}
	days := NewDays()
	var r recorder
	for day := 1; day <= 31; day++ {
		lines := []string{header, row(day, "US", "10")}
		if day == 5 {
			lines = append(lines, row(day, "IS", "3"))
		}
		name := fmt.Sprintf("S_D_1_202008%02d", day)
		if _, ps := ReadWith(strings.NewReader(strings.Join(lines, "\n")+"\n"), name, &r, Options{Days: days}); len(ps) > 0 {
			t.Fatal(ps)
		}
	}
	if ps := days.Emit(&r); len(ps) > 0 {
		t.Fatal(ps)
	}
	for _, f := range r.figures {
		switch {
		case f.Country == "US" && (f.Installs != 310 || f.Estimate):
			t.Errorf("US: %+v; want 310, whole", f)
		case f.Country == "IS" && (f.Installs != 3 || f.Estimate || !strings.Contains(f.Note, "sum of 31 days (rows on 1;")):
			t.Errorf("IS: %+v; want 3, whole, noting its one row", f)
		}
	}
	if len(r.figures) != 2 {
		t.Errorf("%d figures, want 2", len(r.figures))
	}
}
