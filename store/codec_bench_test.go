package store

import (
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
)

// BenchmarkDecodeSeries decodes a series of 100 one-month figures, as
// every view does for each series it reads.
func BenchmarkDecodeSeries(b *testing.B) {
	figs := make([]figures.Figure, 100)
	for i := range figs {
		m := figures.MonthOf(2015, 1) + figures.Month(i)
		figs[i] = figures.Figure{App: "Synthetic App 001", Country: "IN", From: m, To: m, Installs: int64(1000 + i*7919),
			Source: "synthetic benchmark data (uptake-gen)", Changed: time.Unix(1_800_000_000, 0).UTC()}
	}
	d := memTexts()
	v, err := encodeSeries(d, "Synthetic App 001", figs)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(v)))
	for b.Loop() {
		if _, err := decodeSeriesInto(nil, v, "IN", d); err != nil {
			b.Fatal(err)
		}
	}
}
