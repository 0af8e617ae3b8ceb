package seed

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/uptake/uptake/figures"
)

// appStoreSeeds are the test reports, unzipped, and the shapes of file
// that test the reader's edges.
func appStoreSeeds() []string {
	one := asRow{"Tally", tallySKU, "1.1", "1", 10, "08/01/2020", "08/01/2020", "US", tallyID, "", "iPhone"}
	return []string{
		asDay1, asDay2, asJuly, asWeek, asYear,
		strings.ReplaceAll(asJuly, "\n", "\r\n"),
		strings.ReplaceAll(asWeek, "\n", "\r"),
		"\ufeff" + asDay2,
		utf16LE(asDay2),
		asHeaderLine + "\n",
		asHeaderLine,
		asHeaderLine + "\n" + one.String(), // no line break at the end
		asHeaderLine + "\n\n" + one.String() + "\t\t\n",
		strings.Replace(asReport(one), "\t10\t", "\t-10\t", 1),
		strings.Replace(asReport(one), "\t10\t", "\t999999999999\t", 1) + one.String() + "\n" + one.String() + "\n",
		strings.Replace(asReport(one), "Tally", "Tally \"Pro\"\x1b[2J", 1),
		strings.Replace(asReport(one), "08/01/2020\t08/01/2020", "08/01/2020\t07/31/2021", 1),
		strings.Replace(asReport(one), "08/01/2020\t08/01/2020", "12/31/2099\t01/01/2100", 1),
		strings.Replace(asReport(one), "\tUS\t", "\tZZ\t", 2),
		strings.Replace(asReport(one), "\t1\t10\t", "\tIAY\t10\t", 1),
		strings.Replace(asReport(one), "\t1\t10\t", "\t1-B\t10\t", 1),
		strings.Replace(asHeaderLine, "Units", "Title", 1) + "\n" + one.String() + "\n",
		asReport(one, one),
	}
}

func FuzzReadAppStore(f *testing.F) {
	for _, s := range appStoreSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := &recorder{}
		u, ps := ReadWith(bytes.NewReader(data), "f.txt", rec, Options{Format: "appstore"})
		checkAppStoreRead(t, data, rec, u, ps)
		if len(data) < 4096 { // the same, read a byte at a time
			rec2 := &recorder{}
			u2, ps2 := ReadWith(iotest.OneByteReader(bytes.NewReader(data)), "f.txt", rec2, Options{Format: "appstore"})
			sameRead(t, rec, ps, rec2, ps2)
			if u != u2 {
				t.Fatalf("understood differs with the input read a byte at a time: %+v, %+v", u, u2)
			}
		}
	})
}

// checkAppStoreRead holds a read of any input to what every read must
// give: only valid figures, of apps named first, on the App Store; apps
// with an App Store id; problems at lines of the file, in words safe to
// print, no more than the limit.
func checkAppStoreRead(t *testing.T, data []byte, rec *recorder, u Understood, ps Problems) {
	t.Helper()
	named := map[string]bool{}
	for _, a := range rec.apps {
		if err := figures.ValidateName("app", a.Name); err != nil {
			t.Fatalf("accepted an app that does not validate: %+v: %v", a, err)
		}
		if err := figures.ValidateStoreIDs(a); err != nil || a.IOS == "" || a.Android != "" {
			t.Fatalf("accepted an app without a good App Store id: %+v: %v", a, err)
		}
		named[figures.FoldName(a.Name)] = true
	}
	for _, f := range rec.figures {
		if err := f.Validate(); err != nil {
			t.Fatalf("accepted a figure that does not validate: %+v: %v", f, err)
		}
		if f.Platform != figures.IOS || f.From != f.To || f.Source != "App Store Connect" {
			t.Fatalf("a figure not of one month of the App Store: %+v", f)
		}
		if !named[figures.FoldName(f.App)] {
			t.Fatalf("a figure of an app not added first: %+v", f)
		}
	}
	checkNoFFFD(t, data, rec)
	if figures.Sanitize(u.Metric) != u.Metric || !utf8.ValidString(u.Metric) {
		t.Fatalf("understood %q carries control characters", u.Metric)
	}
	checkProblems(t, data, ps)
}
