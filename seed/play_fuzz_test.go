package seed

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/uptake/uptake/figures"
)

// playSeeds are the Play Console test files, as Play writes them
// (UTF-16LE) and as UTF-8, and files that are nearly right.
func playSeeds() []string {
	var seeds []string
	for _, name := range []string{playAugustName, playOverviewName, playAppVersionName, playSeptemberName} {
		seeds = append(seeds, playFiles()[name])
	}
	short := playHeaderNow + "\r\n2020-08-01,com.example.app,,0,1,2,8,0,1,5,0,3,1\r\n2020-08-01,com.example.app,XK,2,1,2,60,1,1,40,3,3,1\r\n"
	seeds = append(seeds,
		playAugustCountry(), playAugustOverview(), playSeptember(),
		utf16LE(short), short, utf16BE(short),
		strings.ReplaceAll(short, ",", ";"), strings.ReplaceAll(short, "\r\n", "\r"),
		"Date,Package Name,Country,Daily User Installs\n\"2020-08-01\",com.example.app,\"I\nN\",3\n2020-08-02,com.example.app,IN,x\n",
		"Date,Package Name,Country,Daily User Installs\n2020-08-01,com.example.app,IN,-1\n2020-08-01,com.example.app,IN,1\n,,,\n",
		"Date,Package Name,Daily User Installs\n2020-08-01,com.example.app,999999999999\n2020-08-02,com.example.app,999999999999\n",
		"Date,Package Name,Country,Daily User Installs,,date\n",
		"Date,Package Name,Daily Average Rating\n2020-08-01,com.example.app,4.5\n",
		utf16LE("Date,Package Name,Country,Daily User Installs\r\n2020-08-01,com.ex")+"\x3d\xd8"+utf16Units("ample.app,IN,1\r\n", false),
	)
	return seeds
}

// FuzzReadPlay reads any bytes as a Play Console installs report: the
// reading never panics or runs on, and what it gives are figures the
// store takes, or problems at lines of the file, the same whatever the
// size of the reads.
func FuzzReadPlay(f *testing.F) {
	for _, s := range playSeeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec := &recorder{}
		_, ps := ReadWith(bytes.NewReader(data), "f.csv", rec, Options{Format: "play"})
		checkRead(t, data, rec, ps)
		if len(data) < 4096 {
			rec2 := &recorder{}
			_, ps2 := ReadWith(iotest.OneByteReader(bytes.NewReader(data)), "f.csv", rec2, Options{Format: "play"})
			sameRead(t, rec, ps, rec2, ps2)
		}
		// The reader itself, past recognition: any text read as a Play
		// report, with each metric.
		br, msg := openText(bytes.NewReader(data))
		if msg != "" {
			return
		}
		metric := []string{"", "device", "events"}[len(data)%3]
		d := NewDays()
		rec3 := &recorder{}
		_, ps3 := readPlay(input{br: br, name: "f.csv", opt: Options{Metric: metric, Days: d}}, rec3)
		if len(ps3) == 0 {
			ps3 = d.Emit(rec3)
		}
		checkRead(t, data, rec3, ps3)
		apps := map[string]bool{}
		for _, a := range rec3.apps {
			if a.Android != a.Name {
				t.Fatalf("an app whose Android id is not its package: %+v", a)
			}
			apps[a.Name] = true
		}
		for _, fig := range rec3.figures {
			if fig.Platform != figures.Android || !apps[fig.App] {
				t.Fatalf("a figure not of Android, or of an app not given first: %+v", fig)
			}
		}
	})
}
