package seed

import "testing"

// TestReadCSV_columns: a column uptake does not read is refused, with the
// name it may have meant; a column with no name must be empty.
func TestReadCSV_columns(t *testing.T) {
	const figures = "expected app, country, platform, from, to, installs, source, note, estimate; remove or rename the column)"
	for name, tc := range map[string]struct{ text, want string }{
		"an extra column": {"app,country,from,installs,Extra\nResso,IN,2020-08,1,x\n",
			`f.csv:1: the header has column "Extra", which uptake does not read (` + figures},
		"a misspelt column": {"app,country,from,to,installs,notes,Sourse\nResso,IN,2020-08,,1,,\n",
			`f.csv:1: the header has column "Sourse", which uptake does not read (did you mean source? ` + figures},
		"a misspelt column that is needed": {"app,country,from,to,instals\nResso,IN,2020-08,,1\n",
			`f.csv:1: the header has column "instals", which uptake does not read (did you mean installs? ` + figures + "\n" +
				`f.csv:1: the header has columns "app", "country", "from", "to", "instals" and lacks installs (expected app,country,[platform,]from,to,installs[,source][,note][,estimate] for figures, app,country,launched for launches, month,country,text[,app][,source][,note] for events, or group,country for groups of countries)`},
		"a misspelt column that is needed, and another": {"app;country;from;instals;plattform\nResso;IN;2020-08;1;ios\n",
			`f.csv:1: the header has column "instals", which uptake does not read (did you mean installs? ` + figures + "\n" +
				`f.csv:1: the header has column "plattform", which uptake does not read (did you mean platform? ` + figures + "\n" +
				`f.csv:1: the header has columns "app", "country", "from", "instals", "plattform" and lacks installs (expected app,country,[platform,]from,to,installs[,source][,note][,estimate] for figures, app,country,launched for launches, month,country,text[,app][,source][,note] for events, or group,country for groups of countries)`},
		"a misspelt column in launches": {"app,country,launched,contry\nResso,IN,2020-03,\n",
			`f.csv:1: the header has column "contry", which uptake does not read (did you mean country? expected app, country, launched; remove or rename the column)`},
		"a misspelt launched": {"app;country;lanched\nResso;IN;2020-03\n",
			`f.csv:1: the header has column "lanched", which uptake does not read (did you mean launched? expected app, country, platform, from, to, installs, source, note, estimate for figures, app, country, launched for launches, month, country, text (or event), app, source, note for events, or group, country (a row per member) for groups; remove or rename the column)` + "\n" +
				`f.csv:1: the header has columns "app", "country", "lanched" and lacks from, installs (expected app,country,[platform,]from,to,installs[,source][,note][,estimate] for figures, app,country,launched for launches, month,country,text[,app][,source][,note] for events, or group,country for groups of countries)`},
		"two unknown columns, and bad rows read on": {"app,country,from,installs,x1,y2\nResso,IN,2020-08,abc,,\n",
			`f.csv:1: the header has column "x1", which uptake does not read (` + figures + "\n" +
				`f.csv:1: the header has column "y2", which uptake does not read (` + figures + "\n" +
				`f.csv:2: installs: "abc" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)`},
		"a column with no name that holds something": {"app,country,from,installs,\nResso,IN,2020-08,1,\nResso,IN,2020-09,2, 5 \nResso,IN,2020-10,3,\n",
			`f.csv:3: column 5: holds "5", but the column has no name in the header (expected it empty; name the column, or remove what is in it)`},
		"a column with no name, quoted rows": {"app,,country,from,installs\n\"Resso\",\"x\",IN,2020-08,1\n",
			`f.csv:2: column 2: holds "x", but the column has no name in the header (expected it empty; name the column, or remove what is in it)`},
	} {
		t.Run(name, func(t *testing.T) {
			rec, ps := readCSV(t, "f.csv", tc.text)
			if got := strs(ps); got != tc.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tc.want)
			}
			if len(ps) == 0 {
				t.Errorf("no problems; read %+v", rec)
			}
			readBothWays(t, tc.text, false)
		})
	}
}
