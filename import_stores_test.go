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
