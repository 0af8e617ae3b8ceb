package seed

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"
)

// readBothWays reads a CSV file with the line reader and the fast rows,
// and with encoding/csv alone, and fails if they differ in anything: the
// records, their order, the problems and their lines.
func readBothWays(t *testing.T, text string, oneByte bool) {
	t.Helper()
	read := func(fast bool) (*recorder, string) {
		rec := &recorder{}
		var r = strings.NewReader(text)
		var ps Problems
		if oneByte {
			ps = readCSVWith(iotest.OneByteReader(r), "f.csv", rec, fast)
		} else {
			ps = readCSVWith(r, "f.csv", rec, fast)
		}
		return rec, strs(ps)
	}
	fastRec, fastPs := read(true)
	slowRec, slowPs := read(false)
	if fastPs != slowPs {
		t.Fatalf("problems differ for %q:\nfast:\n%s\nencoding/csv:\n%s", text, fastPs, slowPs)
	}
	if !reflect.DeepEqual(fastRec, slowRec) {
		t.Fatalf("records differ for %q:\nfast: %+v\nencoding/csv: %+v", text, fastRec, slowRec)
	}
}

// seedsBothWays are files that take the line reader down each of its
// paths: quotes late and early, CR LF, blank and empty lines, a last line
// without a line break, a lone CR at the end, bad rows between good ones,
// values the fast rows learn and then meet again spelt otherwise.
var seedsBothWays = []string{
	"app,country,from,to,installs\nResso,IN,2020-08,,3600000\n",
	"app,country,from,to,installs,source,note,estimate\r\nResso,IN,2020-08,2020-08,3600000,ST,,no\r\nResso,IN,2020-09,,3700000,ST,,no\r\n",
	"app,country,from,installs\nResso,IN,2020-08,1\n\n   \nResso,IN,2020-09,2",
	"app,country,from,installs\nResso,IN,2020-08,1\r",
	"app,country,from,installs\nResso,IN,2020-08,1\nResso,IN,2020-09,\"1,200\"\nResso,India,2020-10,3\n",
	"app,country,from,installs\nResso,IN,2020-08,1\nRe\"sso,IN,2020-09,2\nResso,IN,2020-10,3\n",
	"app,country,from,installs\nResso,IN,2020-08,1\nResso,IN,2020-09,\"2\nResso,IN,2020-10,3\n",
	"app,country,from,installs,estimate\nResso,IN,2020-08,1,YES\nResso,IN,2020-09,2,nope\nresso,in,2020-10,3,x\nResso,IN,2020-13,4,\nResso,IN,2020-11,-5,no\n",
	"app;country;from;installs\nResso;IN;2020-08;1\nResso;ID;2020-08;2;9\n",
	"app,country,from,to,installs\nResso,IN,2020-08,2020-07,1\nResso,IN,2020-08,2020-09,2\nResso,IN, 2020-08 , 2020-08 ,3\n",
	"app,country,launched\nResso,IN,2020-03\nResso,ID,2020-13\n",
	"\ufeffapp,country,from,installs\nResso,IN,2020-08,1\n",
	"app,country,from,installs,source\nA,IN,2020-01,1,s1\nB,IN,2020-01,1,s2\nA,IN,2020-02,1,s1\nA,IN,2020-03,1,s\x01\n",
	"app,country,from,installs\n\"Resso\",IN,2020-08,1\nResso,IN,2020-09,2\n",
	"app,country,from,installs\n",
	"",
	"sep=;\napp;country;from;installs\nResso;IN;2020-08;1\n\"Resso\";IN;2020-08;2\n",
	"app,country,from,installs,\rResso,IN,2020-08,1,\rResso,IN,2020-08,2,x\r",
	"\xff\xfea\x00,\x00\n\x00",
}

func TestReadCSV_FastAndEncodingCSVAgree(t *testing.T) {
	for i, text := range seedsBothWays {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			readBothWays(t, text, false)
			readBothWays(t, text, true)
		})
	}
	// Many rows, a quote far in: the switch happens after several fills.
	var b strings.Builder
	b.WriteString("app,country,from,installs,source\n")
	for i := range 30000 {
		fmt.Fprintf(&b, "App %d,IN,2020-%02d,%d,src %d\n", i%7, i%12+1, i, i%3)
		if i == 25000 {
			b.WriteString("\"Quoted, App\",IN,2020-01,5,src\n")
		}
	}
	readBothWays(t, b.String(), false)
}

func FuzzReadCSVBothWays(f *testing.F) {
	for _, s := range seedsBothWays {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		readBothWays(t, text, false)
	})
}

// TestReadCSV_readErrorMidLine: a read error in the middle of a line is
// reported at that line, and the part of the line read before it is not
// taken for a row, by the line reader as by encoding/csv.
func TestReadCSV_readErrorMidLine(t *testing.T) {
	const want = "f.csv:3: the file could not be read: disk on fire"
	for _, fast := range []bool{true, false} {
		r := io.MultiReader(strings.NewReader("app,country,from,installs\nResso,IN,2020-08,1\nRes"), iotest.ErrReader(errors.New("disk on fire")))
		if got := strs(readCSVWith(r, "f.csv", &recorder{}, fast)); got != want {
			t.Errorf("fast %v: problems:\n%s\nwant:\n%s", fast, got, want)
		}
	}
}
