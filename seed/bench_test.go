package seed

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
)

// benchRows is how many rows the benchmarks read per iteration.
const benchRows = 100_000

// figuresCSV generates n rows of figures as an export would write them:
// 200 apps, 50 countries, 100 months, plain digits.
func figuresCSV(n int) []byte {
	countries := strings.Fields("IN ID BR US GB DE FR ES IT MX AR CO CL PE JP KR CN TW TH VN PH MY SG AU NZ CA ZA NG EG KE SA AE TR RU UA PL NL BE SE NO DK FI PT IE AT CH CZ HU RO GR")
	var b bytes.Buffer
	b.WriteString("app,country,from,to,installs,source,note,estimate\n")
	for i := range n {
		m := figures.MinMonth + 360 + figures.Month(i%100)
		fmt.Fprintf(&b, "App %03d,%s,%s,%s,%d,Sensor Tower,,no\n",
			i/5000%200, countries[i/100%50], m, m, 1000+i*7%999983)
	}
	return b.Bytes()
}

// discard is a Sink that keeps nothing, to measure the reader alone.
type discard struct{}

func (discard) AddApp(figures.App)            {}
func (discard) AddLaunch(figures.Launch)      {}
func (discard) AddFigure(figures.Figure, int) {}
func (discard) AddEvent(figures.Event, int)   {}
func (discard) AddGroup(figures.Group, int)   {}

func benchmarkReadCSV(b *testing.B, sink func() Sink) {
	data := figuresCSV(benchRows)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if ps := ReadCSV(bytes.NewReader(data), "bench.csv", sink()); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
	b.StopTimer()
	per := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / benchRows
	b.ReportMetric(per, "ns/row")
}

// BenchmarkReadCSVDiscard reads 100k rows into a sink that keeps nothing.
func BenchmarkReadCSVDiscard(b *testing.B) {
	benchmarkReadCSV(b, func() Sink { return discard{} })
}

// figuresJSON generates n figures as a JSON file, like figuresCSV.
func figuresJSON(n int) []byte {
	var b bytes.Buffer
	b.WriteString("{\"figures\": [\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		m := figures.MinMonth + 360 + figures.Month(i%100)
		fmt.Fprintf(&b, `  {"app": "App %03d", "country": "IN", "from": "%s", "to": "%s", "installs": %d, "source": "Sensor Tower"}`,
			i/5000%200, m, m, 1000+i*7%999983)
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// BenchmarkReadJSON reads 100k figures from JSON into a sink that keeps
// nothing.
func BenchmarkReadJSON(b *testing.B) {
	data := figuresJSON(benchRows)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if ps := ReadJSON(bytes.NewReader(data), "bench.json", discard{}); len(ps) > 0 {
			b.Fatal(ps)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchRows, "ns/row")
}
