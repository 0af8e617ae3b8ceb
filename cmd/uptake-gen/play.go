package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"time"
	"unicode/utf16"

	"github.com/uptake/uptake/figures"
)

// playHeader is the header of a Play Console installs report.
const playHeader = "Date,Package Name,Country,Daily Device Installs,Daily Device Uninstalls,Daily Device Upgrades,Total User Installs,Daily User Installs,Daily User Uninstalls,Active Device Installs,Install events,Update events,Uninstall events"

// writePlayReports writes a year of Play Console _country reports for one
// made-up package, as Play writes them (UTF-16LE with a byte order mark,
// CRLF): a row per day and country, for the first countries codes, from
// the month first. The numbers are made up and the same every time.
func writePlayReports(dir string, countries int, first figures.Month, months int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	codes := figures.CountryCodes()
	if countries > len(codes) {
		return fmt.Errorf("-play-countries %d: there are %d countries", countries, len(codes))
	}
	const pkg = "com.example.synthetic"
	for m := first; m < first.Add(months); m++ {
		name := filepath.Join(dir, fmt.Sprintf("installs_%s_%04d%02d_country.csv", pkg, m.Year(), m.Num()))
		f, err := os.Create(name)
		if err != nil {
			return err
		}
		w := bufio.NewWriterSize(f, 1<<16)
		put := func(s string) {
			for _, u := range utf16.Encode([]rune(s)) {
				w.WriteByte(byte(u))
				w.WriteByte(byte(u >> 8))
			}
		}
		w.Write([]byte{0xff, 0xfe})
		put(playHeader + "\r\n")
		start := time.Date(m.Year(), time.Month(m.Num()), 1, 0, 0, 0, 0, time.UTC)
		for d := start; d.Month() == start.Month(); d = d.AddDate(0, 0, 1) {
			for i, c := range codes[:countries] {
				n := 50 + (i*37+d.Day()*11)%400
				put(fmt.Sprintf("%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d\r\n", d.Format(time.DateOnly), pkg, c,
					n+7, n/10, n/3, 1000*n, n, n/12, 900*n, n+20, n/2, n/11))
			}
		}
		if err := w.Flush(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}
