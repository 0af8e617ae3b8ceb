// Package synth makes synthetic install figures for benchmarks: apps
// named "Synthetic App 001", a source that says what they are, and an
// adoption curve with deterministic noise, so that the same Config always
// gives the same bytes. It is not part of the bundled dataset.
package synth

import (
	"bufio"
	"fmt"
	"io"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// Source is the source every synthetic figure names.
const Source = "synthetic benchmark data (uptake-gen)"

// Config is the size and shape of the data.
type Config struct {
	Apps, Countries, Months int
	From                    figures.Month // the first month of the first app
	Seed                    uint64
}

// Million is the benchmark's database: 200 apps × 50 countries × 100
// months, a million one-month figures.
var Million = Config{Apps: 200, Countries: 50, Months: 100, From: figures.MonthOf(2015, 1), Seed: 1}

// Figures is how many figures the config makes.
func (c Config) Figures() int { return c.Apps * c.Countries * c.Months }

// Check reports a config that cannot be made.
func (c Config) Check() error {
	switch {
	case c.Apps < 1 || c.Apps > 99999:
		return fmt.Errorf("-apps %d is out of range (expected 1 to 99999)", c.Apps)
	case c.Countries < 1 || c.Countries > len(CountryList()):
		return fmt.Errorf("-countries %d is out of range (expected 1 to %d)", c.Countries, len(CountryList()))
	case c.Months < 1:
		return fmt.Errorf("-months %d is out of range (expected 1 or more)", c.Months)
	case c.last() > figures.MaxMonth:
		return fmt.Errorf("the last app's last month, %s, is past %s (start earlier with -from, or ask for fewer months or apps)", c.last(), figures.MaxMonth)
	}
	return nil
}

// CountryList is the countries in the order they are used: fifty large
// markets first, then every other code.
func CountryList() []string {
	first := []string{"IN", "ID", "BR", "US", "GB", "DE", "FR", "ES", "IT", "MX", "AR", "CO", "CL", "PE", "JP", "KR", "CN", "TW", "TH", "VN",
		"PH", "MY", "SG", "AU", "NZ", "CA", "ZA", "NG", "EG", "KE", "SA", "AE", "TR", "RU", "UA", "PL", "NL", "BE", "SE", "NO",
		"DK", "FI", "PT", "IE", "AT", "CH", "CZ", "HU", "RO", "GR"}
	seen := map[string]bool{}
	for _, c := range first {
		seen[c] = true
	}
	for _, c := range figures.CountryCodes() {
		if !seen[c] {
			first = append(first, c)
		}
	}
	return first
}

// AppName is the name of app i (from 0): "Synthetic App 001".
func AppName(i int) string { return fmt.Sprintf("Synthetic App %03d", i+1) }

// start is the first month of app i: apps launch one after another, a
// month or two apart, so that "since launch" differs from the calendar.
func (c Config) Start(app int) figures.Month { return c.From + figures.Month(app*7%37) }

func (c Config) last() figures.Month {
	var last figures.Month
	for a := 0; a < min(c.Apps, 37); a++ {
		last = max(last, c.Start(a))
	}
	return last + figures.Month(c.Months-1)
}

// Installs is the figure of app a in country k in its month i (from 0):
// an adoption curve that rises and levels off, scaled by the app and the
// market, with noise. It depends on nothing else, so any row can be
// checked on its own.
func (c Config) Installs(a, k, i int) int64 {
	appScale := 5_000 + mix(c.Seed, uint64(a), 0, 0)%200_000                 // the app's size
	marketW := 1 + mix(c.Seed, 0, uint64(k)+1, 0)%40                         // the market's weight
	ramp := min(int64(i+1)*int64(i+1), 400)                                  // grows over ~20 months
	noise := 80 + int64(mix(c.Seed, uint64(a), uint64(k)+1, uint64(i)+1)%41) // 80–120%
	return int64(appScale) * int64(marketW) * ramp / 400 * noise / 100
}

// mix is splitmix64 over the arguments: cheap, well spread, deterministic.
func mix(seed, a, b, c uint64) uint64 {
	z := seed ^ a*0x9e3779b97f4a7c15 ^ b*0xbf58476d1ce4e5b9 ^ c*0x94d049bb133111eb
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// WriteFigures writes the figures CSV, app by app, country by country,
// month by month.
func (c Config) WriteFigures(out io.Writer) error {
	w := bufio.NewWriterSize(out, 1<<16)
	countries := CountryList()[:c.Countries]
	if _, err := io.WriteString(w, "app,country,from,to,installs,source,note,estimate\n"); err != nil {
		return err
	}
	months := make([]string, 0, c.Months+40)
	for m := c.From; m <= c.last(); m++ {
		months = append(months, m.String())
	}
	var line []byte
	for a := 0; a < c.Apps; a++ {
		name := AppName(a)
		off := int(c.Start(a) - c.From)
		for k, country := range countries {
			for i := 0; i < c.Months; i++ {
				m := months[off+i]
				line = append(line[:0], name...)
				line = append(line, ',')
				line = append(line, country...)
				line = append(line, ',')
				line = append(line, m...)
				line = append(line, ',')
				line = append(line, m...)
				line = append(line, ',')
				line = fmt.Appendf(line, "%d", c.Installs(a, k, i))
				line = append(line, ',')
				line = append(line, Source...)
				line = append(line, ",,no\n"...)
				if _, err := w.Write(line); err != nil {
					return err
				}
			}
		}
	}
	return w.Flush()
}

// WriteLaunches writes each app's launch in each country: its first month.
func (c Config) WriteLaunches(out io.Writer) error {
	w := bufio.NewWriterSize(out, 1<<16)
	countries := CountryList()[:c.Countries]
	if _, err := io.WriteString(w, "app,country,launched\n"); err != nil {
		return err
	}
	for a := 0; a < c.Apps; a++ {
		for _, country := range countries {
			if _, err := fmt.Fprintf(w, "%s,%s,%s\n", AppName(a), country, c.Start(a)); err != nil {
				return err
			}
		}
	}
	return w.Flush()
}

// EachFigure calls fn with every figure, in the order WriteFigures writes
// them, for building a database without a file.
func (c Config) EachFigure(fn func(figures.Figure)) {
	countries := CountryList()[:c.Countries]
	for a := 0; a < c.Apps; a++ {
		name := AppName(a)
		for k, country := range countries {
			for i := 0; i < c.Months; i++ {
				m := c.Start(a) + figures.Month(i)
				fn(figures.Figure{App: name, Country: country, From: m, To: m, Installs: c.Installs(a, k, i), Source: Source})
			}
		}
	}
}

// EachLaunch calls fn with every launch WriteLaunches writes.
func (c Config) EachLaunch(fn func(figures.Launch)) {
	countries := CountryList()[:c.Countries]
	for a := 0; a < c.Apps; a++ {
		for _, country := range countries {
			fn(figures.Launch{App: AppName(a), Country: country, Month: c.Start(a)})
		}
	}
}

// Batch returns every figure and launch in one batch.
func (c Config) Batch(label string) *store.Batch {
	b := store.NewBatch(label)
	c.EachFigure(func(f figures.Figure) { b.AddFigure(f, 0) })
	c.EachLaunch(b.AddLaunch)
	return b
}
