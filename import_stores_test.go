package main

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImport_PlayAndAppStoreMakeOneAppsAllPlatforms: a Play Console
// _country report and an App Store Connect report for the same month,
// for one app named in an apps file by its ids, land on that one app, and
// Curves shows its all-platform Σ of the two stores.
//
// By hand: the Play file (seed/testdata/play, written by the reader's
// tests) has 3,596 Daily User Installs in India in August 2020; the App
// Store file below 500 + 100 first-time downloads (iPhone, iPad) less a
// refund of 4, and a re-download and an update that are not installs:
// 596. All platforms: 3,596 + 596 = 4,192Σ.
func TestImport_PlayAndAppStoreMakeOneAppsAllPlatforms(t *testing.T) {
	dir := t.TempDir()
	play, err := os.ReadFile("seed/testdata/play/installs_com.example.app_202008_country.csv")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "installs_com.example.app_202008_country.csv"), play, 0o644)
	header := "Provider\tProvider Country\tSKU\tDeveloper\tTitle\tVersion\tProduct Type Identifier\tUnits\tDeveloper Proceeds\tBegin Date\tEnd Date\tCustomer Currency\tCountry Code\tCurrency of Proceeds\tApple Identifier\tCustomer Price\tPromo Code\tParent Identifier\tSubscription\tPeriod\tCategory\tCMB\tDevice\tSupported Platforms\tProceeds Reason\tPreserved Pricing\tClient\tOrder Type"
	row := func(ptype, units, device string) string {
		return "APPLE\tUS\tEX1\tExample Ltd\tExample Music\t1.0\t" + ptype + "\t" + units + "\t0\t08/01/2020\t08/31/2020\tINR\tIN\tINR\t1234567890\t0\t\t\t\t\tMusic\t\t" + device + "\tiOS\t\t\t\t"
	}
	text := strings.Join([]string{header, row("1", "500", "iPhone"), row("1F", "100", "iPad"), row("1", "-4", "iPhone"), row("3", "70", "iPhone"), row("7", "900", "iPhone")}, "\n") + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "S_M_85012345_202008.txt.gz"), gz.Bytes(), 0o644)
	apps := filepath.Join(t.TempDir(), "apps.csv")
	os.WriteFile(apps, []byte("name,publisher,android,ios\nExample,Example Ltd,com.example.app,1234567890\n"), 0o644)
	db := filepath.Join(t.TempDir(), "x.db")

	code, _, msg := runCLI(t, "", "-db", db, "-import", dir, apps, "-no-ui")
	if code != 0 {
		t.Fatalf("import: exit %d\n%s", code, msg)
	}
	for _, want := range []string{"read as Google Play Console installs report", "read as App Store Connect sales report", "read as apps file",
		"com.example.app (Google Play package com.example.app) → Example", "Example Music (App Store id 1234567890) → Example"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the import does not say %q:\n%s", want, msg)
		}
	}
	_, out, _ := runCLI(t, "", "-db", db, "-export", "curves", "-app", "Example", "-country", "IN", "-format", "csv")
	if !strings.Contains(out, "2020-08") || !strings.Contains(out, "4192") {
		t.Errorf("Curves of Example in India does not give 4192 for 2020-08:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "-db", db, "-export", "curves", "-app", "Example", "-country", "IN", "-platform", "ios", "-format", "csv")
	if !strings.Contains(out, "596") {
		t.Errorf("iOS alone is not 596:\n%s", out)
	}
	// Again: nothing changes.
	if code, _, msg := runCLI(t, "", "-db", db, "-import", dir, apps, "-no-ui"); code != 0 || !strings.Contains(msg, "unchanged") || strings.Contains(msg, " added") {
		t.Errorf("importing again: exit %d\n%s", code, msg)
	}
}

// appStoreReport is a monthly App Store Connect report of first-time
// downloads for August 2020, one row per (id, title, country, units).
func appStoreReport(t *testing.T, rows ...[4]string) []byte {
	t.Helper()
	header := "Provider\tProvider Country\tSKU\tDeveloper\tTitle\tVersion\tProduct Type Identifier\tUnits\tDeveloper Proceeds\tBegin Date\tEnd Date\tCustomer Currency\tCountry Code\tCurrency of Proceeds\tApple Identifier\tCustomer Price\tPromo Code\tParent Identifier\tSubscription\tPeriod\tCategory\tCMB\tDevice\tSupported Platforms\tProceeds Reason\tPreserved Pricing\tClient\tOrder Type"
	lines := []string{header}
	for _, r := range rows {
		lines = append(lines, "APPLE\tUS\tX\tDev\t"+r[1]+"\t1.0\t1\t"+r[3]+"\t0\t08/01/2020\t08/31/2020\tUSD\t"+r[2]+"\tUSD\t"+r[0]+"\t0\t\t\t\t\tMusic\t\tiPhone\tiOS\t\t\t\t")
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
	zw.Close()
	return gz.Bytes()
}

// TestImport_StoreIDsNeverLandOnTheWrongApp (found by a red-team pass):
// a report for another app titled like a known app took that app over and
// changed its App Store id without a word; a renaming by id also moved
// another file's figures that used the same name; two apps of one report
// were folded into one.
func TestImport_StoreIDsNeverLandOnTheWrongApp(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	apps := write("apps.csv", []byte("name,ios\nSpotify,324684580\nBar,111\n"))
	if code, _, msg := runCLI(t, "", "-db", db, "-import", apps, "-no-ui"); code != 0 {
		t.Fatal(msg)
	}
	// Another app (id 999) titled Spotify: kept apart, Spotify untouched.
	other := write("S_M_1_202008.txt.gz", appStoreReport(t, [4]string{"999", "Spotify", "US", "100"}))
	code, _, msg := runCLI(t, "", "-db", db, "-import", other, "-no-ui")
	if code != 0 || !strings.Contains(msg, "Spotify (App Store id 999)") {
		t.Fatalf("another app titled Spotify: exit %d\n%s", code, msg)
	}
	_, out, _ := runCLI(t, "", "-db", db, "-export", "data", "-format", "csv")
	if !strings.Contains(out, "Spotify (App Store id 999),US,ios,2020-08,2020-08,100") || strings.Contains(out, "\nSpotify,US") {
		t.Errorf("the other app's downloads:\n%s", out)
	}
	// Id 111 titled Foo lands on Bar; a plain CSV's Foo stays Foo.
	foo := write("S_M_2_202008.txt.gz", appStoreReport(t, [4]string{"111", "Foo", "US", "50"}))
	plain := write("press.csv", []byte("app,country,platform,from,installs,source\nFoo,US,ios,2020-08,777,Press\n"))
	if code, _, msg := runCLI(t, "", "-db", db, "-import", foo, plain, "-no-ui"); code != 0 {
		t.Fatalf("exit %d\n%s", code, msg)
	}
	_, out, _ = runCLI(t, "", "-db", db, "-export", "data", "-format", "csv")
	if !strings.Contains(out, "Bar,US,ios,2020-08,2020-08,50,App Store Connect") || !strings.Contains(out, "Foo,US,ios,2020-08,2020-08,777,Press") {
		t.Errorf("the id landed the wrong figures:\n%s", out)
	}
	// Id 222 titled Bar (Bar has 111): its own app, not folded into Bar.
	two := write("S_M_3_202009.txt.gz", appStoreReport(t, [4]string{"222", "Bar", "FR", "40"}))
	if code, _, msg := runCLI(t, "", "-db", db, "-import", two, "-no-ui"); code != 0 || !strings.Contains(msg, "Bar (App Store id 222)") {
		t.Errorf("a second app titled Bar: exit %d\n%s", code, msg)
	}
	// An apps file giving a held id to another app is refused.
	cross := write("cross.csv", []byte("name,ios\nDeezer,324684580\n"))
	if code, _, msg := runCLI(t, "", "-db", db, "-import", cross, "-no-ui"); code != 1 || !strings.Contains(msg, "324684580") {
		t.Errorf("a held id given to another app: exit %d\n%s", code, msg)
	}
}
