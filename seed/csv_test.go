package seed

import (
	"fmt"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/uptake/uptake/figures"
)

func TestReadCSV_figures(t *testing.T) {
	rec := mustRead(t)(readCSV(t, "f.csv", ""+
		"app,country,from,to,installs,source,note,estimate\n"+
		"Resso,IN,2020-08,2020-08,3600000,Sensor Tower,about,no\n"+
		"Resso,India,2020-03,2020-09,\"9,880,000\",Sensor Tower,65% of 15.2M,yes\n"+
		"Resso,Saudi Arabia,2020-08,,\"250,000\",,,\n"+
		"Resso,worldwide,2020-7,2020/07,2.2M,,,\n"))
	want := []figures.Figure{
		{App: "Resso", Country: "IN", From: month(t, "2020-08"), To: month(t, "2020-08"), Installs: 3_600_000, Source: "Sensor Tower", Note: "about"},
		{App: "Resso", Country: "IN", From: month(t, "2020-03"), To: month(t, "2020-09"), Installs: 9_880_000, Source: "Sensor Tower", Note: "65% of 15.2M", Estimate: true},
		{App: "Resso", Country: "SA", From: month(t, "2020-08"), To: month(t, "2020-08"), Installs: 250_000},
		{App: "Resso", Country: "WW", From: month(t, "2020-07"), To: month(t, "2020-07"), Installs: 2_200_000},
	}
	checkFigures(t, rec.figures, want)
}

// mustRead adapts a read's two results for a test that expects no problems.
func mustRead(t *testing.T) func(*recorder, Problems) *recorder {
	return func(rec *recorder, ps Problems) *recorder {
		t.Helper()
		if len(ps) > 0 {
			t.Fatalf("unexpected problems:\n%v", strs(ps))
		}
		return rec
	}
}

func checkFigures(t *testing.T, got, want []figures.Figure) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d figures, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !got[i].Same(want[i]) {
			t.Errorf("figure %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
		if err := got[i].Validate(); err != nil {
			t.Errorf("figure %d does not validate: %v", i, err)
		}
	}
}

func TestReadCSV_headerForms(t *testing.T) {
	want := []figures.Figure{{App: "Resso", Country: "IN", From: month(t, "2020-08"), To: month(t, "2020-08"), Installs: 3_600_000, Source: "ST"}}
	for name, text := range map[string]string{
		"any order and case":          "Installs, TO ,Source,FROM,Country,App\n3.6M,,ST,2020-08,IN,Resso\n",
		"a trailing separator":        "app,country,from,installs,source,\nResso,IN,2020-08,3600000,ST,\n",
		"columns with no name, empty": "app,,country,from,installs,source,\"\", \nResso,,IN,2020-08,3600000,ST, ,\n",
		"uptake's data export":        "app,country,from,to,installs,source,note,estimate,changed\nResso,IN,2020-08,2020-08,3600000,ST,,no,2024-05-01T10:00:00Z\n",
		"aliases":                     "app,country,month,downloads,source\nResso,IN,2020-08,3600000,ST\n",
		"start and end":               "app,country,start,end,installs,source\nResso,IN,2020-08,2020-08,3600000,ST\n",
		"BOM and CRLF":                "\ufeffapp,country,from,to,installs,source\r\nResso,IN,2020-08,2020-08,3600000,ST\r\n",
		"semicolons":                  "app;country;from;to;installs;source\nResso;IN;2020-08;2020-08;3,600,000;ST\n",
		"semicolons, BOM, CRLF and quotes": "\ufeff\"App\";\"Country\";\"From\";\"To\";\"Installs\";\"Source\"\r\n" +
			"\"Resso\";\"IN\";\"2020-08\";\"\";\"3,6M\";\"ST\"\r\n",
		"tabs":                      "app\tcountry\tfrom\tinstalls\tsource\nResso\tIN\t2020-08\t3600000\tST\n",
		"spaces around values":      "app , country , from , installs , source\n Resso , IN , 2020-08 , 3600000 , ST \n",
		"blank lines and rows":      "\n\napp,country,from,installs,source\n\n,,,,\nResso,IN,2020-08,3600000,ST\n \n\n",
		"no line break at the end":  "app,country,from,installs,source\nResso,IN,2020-08,3600000,ST",
		"quoted header with spaces": "\" app \",\"country\",from,installs,source\nResso,IN,2020-08,3600000,ST\n",
	} {
		t.Run(name, func(t *testing.T) {
			rec, ps := readCSV(t, "f.csv", text)
			if strings.Contains(text, "3,6M") {
				// a decimal comma is refused, with the fix in the message
				if len(ps) != 1 || !strings.Contains(ps[0].String(), `f.csv:2: Installs: "3,6M" has misplaced commas`) {
					t.Fatalf("problems = %v", strs(ps))
				}
				return
			}
			mustRead(t)(rec, ps)
			checkFigures(t, rec.figures, want)
		})
	}
}

func TestReadCSV_launches(t *testing.T) {
	rec := mustRead(t)(readCSV(t, "l.csv", "Launched,App,Country\n2020-03,Resso,IN\n2020-09,Resso,Brazil\n"))
	want := []figures.Launch{{App: "Resso", Country: "IN", Month: month(t, "2020-03")}, {App: "Resso", Country: "BR", Month: month(t, "2020-09")}}
	if fmt.Sprint(rec.launches) != fmt.Sprint(want) {
		t.Errorf("launches = %v; want %v", rec.launches, want)
	}
	if len(rec.figures) != 0 {
		t.Errorf("figures = %v; want none", rec.figures)
	}
}

func TestReadCSV_textIsCleaned(t *testing.T) {
	rec := mustRead(t)(readCSV(t, "f.csv", "app,country,from,installs,note,source\n"+
		"Resso,IN,2020-08,1,\"first line\r\nsecond\tline  with  spaces \n\",\" Sensor\t\tTower \"\n"))
	if len(rec.figures) != 1 {
		t.Fatalf("figures = %+v", rec.figures)
	}
	f := rec.figures[0]
	if want := "first line second line  with  spaces"; f.Note != want {
		t.Errorf("note = %q; want %q", f.Note, want)
	}
	if want := "Sensor Tower"; f.Source != want {
		t.Errorf("source = %q; want %q", f.Source, want)
	}
}

func TestReadCSV_badInstalls(t *testing.T) {
	_, ps := readCSV(t, "bad.csv", "app,country,from,to,installs\nResso,IN,2020-07,2020-07,2200000\nResso,IN,2020-08,2020-08,abc\n")
	want := `bad.csv:3: installs: "abc" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)`
	if got := strs(ps); got != want {
		t.Errorf("problems:\n%s\nwant:\n%s", got, want)
	}
}

func TestReadCSV_problems(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"several, in file order": {
			"app,country,from,to,installs\n" +
				"Resso,IN,2020-08,2020-08,3600000\n" +
				",Atlantis,2020-13,,1.5\n" +
				"Resso,IN,2020-09,2020-08,5\n" +
				"Resso,IN,2020-08,2020-08\n" +
				"Resso,IN,2020-08,2020-08,1,2\n",
			"f.csv:3: app: is empty (expected a name, e.g. Resso)\n" +
				`f.csv:3: country: "Atlantis" is not a known country (expected a code such as IN, a name such as India, or WW)` + "\n" +
				`f.csv:3: from: "2020-13" has month 13; months run 01 to 12` + "\n" +
				`f.csv:3: installs: "1.5" is not a whole number of installs (expected a whole number, e.g. 3600000)` + "\n" +
				"f.csv:4: to: 2020-08 is before from 2020-09 (expected the same month or later)\n" +
				`f.csv:5: the row has 4 fields but the header has 5 (expected one value per column; quote a value that holds a separator, e.g. "3,600,000")` + "\n" +
				`f.csv:6: the row has 6 fields but the header has 5 (expected one value per column; quote a value that holds a separator, e.g. "3,600,000")`,
		},
		"a line number after a quoted line break": {
			"app,country,from,installs,note\nResso,IN,2020-08,1,\"two\nlines\"\nResso,IN,2020-08,-1,\n",
			`f.csv:4: installs: "-1" is negative (expected 0 or more installs)`,
		},
		"a column named as the header writes it": {
			"App,Country,Month,Downloads\nResso,IN,2020-08,lots\n",
			`f.csv:2: Downloads: "lots" is not a number of installs (expected e.g. 3600000, 3,600,000, 3.6M or 950k)`,
		},
		"an unknown estimate": {
			"app,country,from,installs,estimate\nResso,IN,2020-08,1,perhaps\n",
			`f.csv:2: estimate: "perhaps" is not yes or no (expected yes, no, true, false, 1, 0, x, or nothing for no)`,
		},
		"a bad launch": {
			"app,country,launched\nResso,IN,March 2020\n",
			`f.csv:2: launched: "March 2020" is not a month (expected YYYY-MM, e.g. 2020-08)`,
		},
		"a bare quote": {
			"app,country,from,installs\nRes\"so,IN,2020-08,1\nResso,IN,2020-08,2\n",
			`f.csv:2: a field has a quote " inside it but does not start with one (expected quotes around the whole field, e.g. "Resso ""Lite""", or no quotes)`,
		},
		"a quote never closed": {
			"app,country,from,installs\nResso,IN,2020-08,1\n\"Resso,IN,2020-08,2\nResso,IN,2020-08,3\n",
			`f.csv:3: a quoted field that starts on this line is not closed properly by line 4 (expected a closing quote followed by a separator or the end of the line; write "" for a quote inside)`,
		},
		"a month out of range": {
			"app,country,from,installs\nResso,IN,1989-12,1\n",
			`f.csv:2: from: "1989-12" is out of range (expected a month from 1990-01 to 2099-12)`,
		},
		"invalid UTF-8": {
			"app,country,from,installs,note\nResso,IN,2020-08,1\xff,\nResso,IN,2020-08,1,caf\xe9\n",
			"f.csv:2: installs: is not valid UTF-8 text (save the file as UTF-8)\n" +
				"f.csv:3: note: is not valid UTF-8 text (save the file as UTF-8)",
		},
		"a long value": {
			"app,country,from,installs\nResso,IN," + strings.Repeat("2020-08", 100) + ",1\n",
			"f.csv:2: from: is 700 bytes long (expected a short value such as 2020-08)",
		},
	} {
		t.Run(name, func(t *testing.T) {
			rec, ps := readCSV(t, "f.csv", tc.text)
			if got := strs(ps); got != tc.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tc.want)
			}
			for _, f := range rec.figures {
				if err := f.Validate(); err != nil {
					t.Errorf("accepted a figure that does not validate: %+v: %v", f, err)
				}
			}
		})
	}
}

func TestReadCSV_header(t *testing.T) {
	for name, tc := range map[string]struct{ text, want string }{
		"empty":            {"", "f.csv:1: the file is empty (expected a header row: app,country,from,to,installs,...)"},
		"only blank lines": {"\n\r\n  \n", "f.csv:1: the file is empty (expected a header row: app,country,from,to,installs,...)"},
		"only a BOM":       {"\ufeff", "f.csv:1: the file is empty (expected a header row: app,country,from,to,installs,...)"},
		"header only":      {"app,country,from,to,installs\n", "f.csv:1: no figures, launches, events or groups after the header (expected a row for each, e.g. Resso,IN,2020-08,2020-08,3600000)"},
		"launches header only": {"\n\napp,country,launched\n\n",
			"f.csv:3: no figures, launches, events or groups after the header (expected a row for each, e.g. Resso,IN,2020-03)"},
		"no header": {"Resso,IN,2020-08,2020-08,3600000\n",
			`f.csv:1: the header has columns "Resso", "IN", "2020-08", "2020-08", "3600000" and lacks app, country, from, installs (expected app,country,[platform,]from,to,installs[,source][,note][,estimate] for figures, app,country,launched for launches, month,country,text[,app][,source][,note] for events, or group,country for groups of countries)`},
		"no installs": {"app,country,from,to,value\nResso,IN,2020-08,,1\n",
			`f.csv:1: the header has column "value", which uptake does not read (expected app, country, platform, from, to, installs, source, note, estimate; remove or rename the column)` + "\n" +
				`f.csv:1: the header has columns "app", "country", "from", "to", "value" and lacks installs (expected app,country,[platform,]from,to,installs[,source][,note][,estimate] for figures, app,country,launched for launches, month,country,text[,app][,source][,note] for events, or group,country for groups of countries)`},
		"both kinds, and a row that is both": {"app,country,from,installs,launched\nResso,IN,2020-08,1,2020-03\n",
			"f.csv:2: launched: the row gives both a launch month and a figure (expected a launch, app,country,,,launched, or a figure with launched empty)"},
		"a column twice": {"app,country,from,installs,Downloads\n",
			"f.csv:1: the header has installs twice, as columns 4 and 5 (expected each column once)"},
		"a header with control characters": {"app,country,from,\x1b[2J\n",
			`f.csv:1: the header has column "\x1b[2J", which uptake does not read (expected app, country, platform, from, to, installs, source, note, estimate; remove or rename the column)` + "\n" +
				`f.csv:1: the header has columns "app", "country", "from", "\x1b[2J" and lacks installs (expected app,country,[platform,]from,to,installs[,source][,note][,estimate] for figures, app,country,launched for launches, month,country,text[,app][,source][,note] for events, or group,country for groups of countries)`},
	} {
		t.Run(name, func(t *testing.T) {
			_, ps := readCSV(t, "f.csv", tc.text)
			if got := strs(ps); got != tc.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestReadCSV_controlCharactersRefused(t *testing.T) {
	for name, tc := range map[string]struct{ row, want string }{
		"ESC in a note":          {"Resso,IN,2020-08,1,\"\x1b[31mred\",", "f.csv:2: Note: contains the control character U+001B (remove it; only printable text is kept)"},
		"OSC 52 in a note":       {"Resso,IN,2020-08,1,\"\x1b]52;c;aGVsbG8=\x07\",", "f.csv:2: Note: contains the control character U+001B (remove it; only printable text is kept)"},
		"BEL in a source":        {"Resso,IN,2020-08,1,,Sensor\aTower", "f.csv:2: Source: contains the control character U+0007 (remove it; only printable text is kept)"},
		"a bidi override":        {"Resso,IN,2020-08,1,,\u202eTower", "f.csv:2: Source: contains the control character U+202E (remove it; only printable text is kept)"},
		"a C1 control in a name": {"Res\u009bso,IN,2020-08,1,,", "f.csv:2: App: contains the control character U+009B (remove it; only printable text is kept)"},
		"ESC in a name":          {"\x1b[2JResso,IN,2020-08,1,,", "f.csv:2: App: contains the control character U+001B (remove it; only printable text is kept)"},
		"a tab in a name":        {"Res\tso,IN,2020-08,1,,", "f.csv:2: App: contains the control character U+0009 (remove it; only printable text is kept)"},
	} {
		t.Run(name, func(t *testing.T) {
			rec, ps := readCSV(t, "f.csv", "App,Country,From,Installs,Note,Source\n"+tc.row+"\n")
			if got := strs(ps); got != tc.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tc.want)
			}
			if len(rec.figures) != 0 {
				t.Errorf("accepted %+v", rec.figures)
			}
		})
	}
}

func TestReadCSV_limits(t *testing.T) {
	header := "app,country,from,installs,note\n"
	good := "Resso,IN,2020-08,1,\n"
	for name, tc := range map[string]struct{ text, want string }{
		"a long line": {header + good + "Resso,IN,2020-08,1," + strings.Repeat("x", 2<<20) + "\n" + good,
			"f.csv:3: the line is longer than 1 MiB (expected one short row per line; is this a CSV file?)"},
		"a long line with no line break": {strings.Repeat("y", 3<<20),
			"f.csv:1: the line is longer than 1 MiB (expected one short row per line; is this a CSV file?)"},
		"a long quoted field over many lines": {header + good + "Resso,IN,2020-08,1,\"" + strings.Repeat("line\n", 300_000) + "\"\n",
			"f.csv:3: the row that starts on this line runs on past 1 MiB, to line 209714 (expected short rows; is a quoted field left open?)"},
		"a long field, quoted, just under the limit": {header + "Resso,IN,2020-08,1,\"" + strings.Repeat("z", MaxLineBytes-100) + "\"\n",
			"f.csv:2: note: is 1048476 bytes long (expected at most 2000)"},
		"many columns in the header": {strings.Repeat("a,", 1500) + "\n" + good,
			"f.csv:1: the row has more than 1000 fields (expected one field per column; is this a CSV file?)"},
		"many columns in a row": {header + good + strings.Repeat(",", 5000) + "x\n",
			"f.csv:3: the row has more than 1000 fields (expected one field per column; is this a CSV file?)"},
		"many separators inside quotes are one field": {header + "Resso,IN,2020-08,1,\"" + strings.Repeat(",", 2500) + "\"\n",
			"f.csv:2: note: is 2500 bytes long (expected at most 2000)"},
	} {
		t.Run(name, func(t *testing.T) {
			_, ps := readCSV(t, "f.csv", tc.text)
			if got := strs(ps); !strings.HasPrefix(got, tc.want) || len(ps) != 1 {
				t.Errorf("problems:\n%.500s\nwant one starting:\n%s", got, tc.want)
			}
		})
	}
}

func TestReadCSV_stopsAfterMaxProblems(t *testing.T) {
	text := "app,country,from,installs\n" + strings.Repeat("Resso,IN,2020-08,bad\n", 50)
	_, ps := readCSV(t, "f.csv", text)
	if len(ps) != MaxProblems+1 {
		t.Fatalf("got %d problems; want %d and a last line", len(ps), MaxProblems+1)
	}
	if got, want := ps[MaxProblems].String(), "f.csv:22: more problems from here on are not shown; fix these first"; got != want {
		t.Errorf("last problem = %q; want %q", got, want)
	}
}

// TestReadCSV_chunking reads inputs whole and a byte at a time: the quotes
// and limits followed across reads must come out the same.
func TestReadCSV_chunking(t *testing.T) {
	for _, text := range []string{
		"app,country,from,installs,note\nResso,IN,2020-08,1,\"a \"\"quoted\"\" word\"\nResso,IN,2020-08,2,\"\"\"\"\n",
		"app,country,from,installs,note\nResso,IN,2020-08,1,\"two\r\nlines\"\nResso,IN,2020-08,x,\n",
		"app,country,from,installs,note\nRes\"so,IN,2020-08,1,\"\nResso,IN,2020-08,2,\n",
		"app;country;from;installs;note\nResso;IN;2020-08;1;\"a;b\"\n",
		"app,country,from,installs,note\nResso,IN,2020-08,1,\"" + strings.Repeat("x\n", MaxLineBytes/2) + "\"\n",
		strings.Repeat(",", MaxColumns+5) + "\n",
	} {
		rec, ps := readCSV(t, "f.csv", text)
		rec2 := &recorder{}
		ps2 := ReadCSV(iotest.OneByteReader(strings.NewReader(text)), "f.csv", rec2)
		sameRead(t, rec, ps, rec2, ps2)
	}
}
