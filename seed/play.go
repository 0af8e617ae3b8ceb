package seed

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/uptake/uptake/figures"
)

// The Google Play Console's monthly installs reports
// (installs_<package>_<YYYYMM>_<dimension>.csv, from Download reports →
// Statistics, or the gs://pubsite_prod_… bucket): UTF-16LE with a byte
// order mark, comma-separated, a row per day. The header names the
// columns, and uptake finds them by name, in any case and order:
//
//	Date,Package Name,Country,Daily Device Installs,Daily Device Uninstalls,
//	Daily Device Upgrades,Total User Installs,Daily User Installs,
//	Daily User Uninstalls,Active Device Installs,Install events,
//	Update events,Uninstall events
//
// Older files have Current Device Installs and Current User Installs, and
// some write "Package name". The column after Package Name is the
// report's dimension: Country in the _country report, none in the
// _overview report (the app's worldwide total), and App Version Code,
// Device, Carrier, Language or Android OS Version in the others, which
// split the installs by something other than country and are refused.
//
// The installs are the daily rows of one column summed into months (see
// Days): Daily User Installs (new users) unless Options.Metric says
// device (Daily Device Installs) or events (Install events, which count
// re-installs too). The levels (Active Device Installs, Total User
// Installs, Current … Installs) count the devices or users that have the
// app on a day, and are never summed.
const (
	playFormatName = "Google Play Console installs report"
	playSource     = "Google Play Console"
	playHeader     = "Date,Package Name,Country,Daily Device Installs,…,Daily User Installs,…,Install events,…"
)

// playMetrics are the columns Options.Metric picks from, by the names it
// takes (lower case): the counts of installs on a day, which add up.
var playMetrics = map[string]string{
	"": "Daily User Installs", "user": "Daily User Installs", "users": "Daily User Installs", "new users": "Daily User Installs",
	"daily user installs": "Daily User Installs",
	"device":              "Daily Device Installs", "devices": "Daily Device Installs", "daily device installs": "Daily Device Installs",
	"events": "Install events", "install events": "Install events",
}

// playLevels are the columns that count what is installed on a day, not
// what was installed that day: summing them would count the same users
// every day of the month.
var playLevels = map[string]bool{
	"active device installs": true, "total user installs": true,
	"current device installs": true, "current user installs": true,
}

// playInstallColumns are the columns that tell a Play installs report
// from other files (lower case).
var playInstallColumns = map[string]bool{
	"daily user installs": true, "daily device installs": true, "install events": true,
	"active device installs": true, "total user installs": true,
	"current device installs": true, "current user installs": true,
}

// playDimensions are the columns of the reports that split installs by
// something other than country, and the report each is in.
var playDimensions = map[string]string{
	"app version code": "app_version", "app version": "app_version",
	"device": "device", "carrier": "carrier", "language": "language",
	"android os version": "os_version", "os version": "os_version",
}

const playExpectedMetric = "expected user (Daily User Installs, new users; the default), device (Daily Device Installs) or events (Install events, which count re-installs too)"

// playMetricColumn returns the column Options.Metric names, or what is
// wrong with it.
func playMetricColumn(metric string) (column, msg string) {
	key := strings.ToLower(strings.Join(strings.Fields(metric), " "))
	if col, ok := playMetrics[key]; ok {
		return col, ""
	}
	if playLevels[key] {
		return "", fmt.Sprintf("the metric %s counts the devices or users that have the app on a day, not the installs of the day, so its days cannot be added into a month (%s)", quote(metric), playExpectedMetric)
	}
	return "", fmt.Sprintf("the metric %s is not a count of installs a Play Console installs report gives (%s)", quote(metric), playExpectedMetric)
}

// playColumnName folds a header name for comparison.
func playColumnName(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// isPlayCount reports a column that holds counts of a day (installs,
// uninstalls, upgrades, events), which a report may have more of than
// uptake knows, and which do not split the rows.
func isPlayCount(name string) bool {
	if playInstallColumns[name] {
		return true
	}
	for _, suffix := range []string{" installs", " uninstalls", " upgrades", " events"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return false
}

// playHeadNames returns the names of the first line of head, folded, as
// split by whichever of comma, semicolon or tab splits it most.
func playHeadNames(head []byte) []string {
	head = bytes.TrimLeft(head, " \t\r\n")
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	fields := [][]byte{head}
	for _, d := range []byte{',', ';', '\t'} {
		if parts := bytes.Split(head, []byte{d}); len(parts) > len(fields) {
			fields = parts
		}
	}
	names := make([]string, 0, len(fields))
	for _, f := range fields {
		names = append(names, playColumnName(strings.Trim(strings.TrimSpace(string(f)), `"`)))
	}
	return names
}

// playHeadHas says which of the columns that make a Play installs report
// the first line of head has.
func playHeadHas(head []byte) (date, pkg, installs bool) {
	for _, n := range playHeadNames(head) {
		switch {
		case n == "date":
			date = true
		case n == "package name":
			pkg = true
		case playInstallColumns[n]:
			installs = true
		}
	}
	return date, pkg, installs
}

// looksLikePlay recognises a Play installs report by its header: Date,
// Package Name and a column of installs.
func looksLikePlay(head []byte) bool {
	date, pkg, installs := playHeadHas(head)
	return date && pkg && installs
}

// playNearMiss says why a file no format claimed is almost a Play
// installs report.
func playNearMiss(head []byte) string {
	date, pkg, installs := playHeadHas(head)
	switch {
	case date && pkg && !installs:
		return "the file looks like a Google Play Console report, but not an installs report (uptake reads installs_<package>_<YYYYMM>_country.csv, or _overview.csv for the worldwide total)"
	case pkg && installs && !date:
		return "the file looks like a Google Play Console installs report without its Date column (expected " + playHeader + "; download the report again)"
	}
	return ""
}

// playReader reads one Play installs report.
type playReader struct {
	rd    *csvReader // the rows, with the CSV reader's limits and line numbers
	c     *collector
	days  *Days
	src   daySource
	sink  Sink
	names []string // the header's names as written, cut short, for problems

	date, pkg, country, count int // columns; country is -1 in an overview

	// What the rows before held, which the next ones mostly repeat.
	lastPkg   []byte
	app       string
	apps      map[string]bool // the packages given to the sink
	lastDate  []byte
	day       time.Time
	countries map[string]string // a country as written → its code
}

// readPlay reads a Play installs report into s, its days summed into
// in.opt.Days.
func readPlay(in input, s Sink) (Understood, Problems) {
	c := &collector{file: in.name}
	metric, msg := playMetricColumn(in.opt.Metric)
	u := Understood{Format: playFormatName, Metric: metric}
	if msg != "" {
		c.fatal(1, "", msg)
		return u, c.ps
	}
	src := in.opt.Source
	if src == "" {
		src = playSource
	} else if err := figures.ValidateText("source", src, figures.MaxTextLen); err != nil {
		c.fatal(1, "", "the source given for the file "+err.Error())
		return u, c.ps
	}
	delim := sniffDelimiter(in.br)
	p := &playReader{
		rd:   &csvReader{c: c, lines: newLineReader(in.br, delim), delim: delim},
		c:    c,
		days: in.opt.Days,
		src:  daySource{file: in.name, metric: metric, source: src},
		sink: s, apps: map[string]bool{}, countries: map[string]string{},
	}
	line, ok := p.header(metric)
	if !ok {
		return u, c.ps
	}
	u.Metric = p.names[p.count]
	p.src.metric = u.Metric
	p.rows(line)
	return u, c.ps
}

// header reads the header row and finds the columns; it returns the
// header's line, and false when the file cannot be read as a Play
// installs report.
func (p *playReader) header(metric string) (int, bool) {
	rec, raw, line, ok := p.rd.nextRow()
	if raw != nil {
		rec = p.rd.toStrings(raw)
	}
	if !ok {
		if len(p.c.ps) == 0 {
			p.c.add(1, "", "the file is empty (expected the header of a Google Play Console installs report: "+playHeader+")")
		}
		return line, false
	}
	if len(p.c.ps) > 0 { // the header itself could not be read
		p.c.stop = true
		return line, false
	}
	p.date, p.pkg, p.country, p.count = -1, -1, -1, -1
	p.names = make([]string, len(rec))
	seen := map[string]int{}
	dimension := -1
	want := strings.ToLower(metric)
	for i, h := range rec {
		p.names[i] = shorten(strings.TrimPrefix(strings.TrimSpace(h), "\ufeff"))
		name := playColumnName(h)
		if j, twice := seen[name]; twice {
			p.c.fatal(line, "", fmt.Sprintf("the header has %s twice, as columns %d and %d (expected each column once)", quote(p.names[i]), j+1, i+1))
			return line, false
		}
		seen[name] = i
		switch {
		case name == "date":
			p.date = i
		case name == "package name":
			p.pkg = i
		case name == "country":
			p.country = i
		case name == want:
			p.count = i
		case isPlayCount(name):
		case dimension < 0:
			dimension = i
		}
	}
	var missing []string
	if p.date < 0 {
		missing = append(missing, "Date")
	}
	if p.pkg < 0 {
		missing = append(missing, "Package Name")
	}
	if len(missing) > 0 {
		p.c.fatal(line, "", fmt.Sprintf("the header lacks %s (expected the header of a Google Play Console installs report: %s)", strings.Join(missing, " and "), playHeader))
		return line, false
	}
	if dimension >= 0 {
		p.c.fatal(line, p.names[dimension], p.dimensionProblem(rec[dimension], dimension))
		return line, false
	}
	if p.count < 0 {
		msg := fmt.Sprintf("the header lacks the column %s, which the metric asks for (%s, and the file must have that column)", metric, playExpectedMetric)
		if metric == "Install events" {
			msg = "the header lacks the column Install events, which the metric events asks for (older reports lack it: take user, Daily User Installs, or device, Daily Device Installs)"
		}
		p.c.fatal(line, "", msg)
		return line, false
	}
	return line, true
}

// dimensionProblem words the refusal of a report split by column i,
// named h, rather than by country.
func (p *playReader) dimensionProblem(h string, i int) string {
	report, known := playDimensions[playColumnName(h)]
	if playColumnName(h) == "" {
		return fmt.Sprintf("the header's column %d has no name (expected the columns of a Play Console installs report: %s)", i+1, playHeader)
	}
	if !known {
		return "the file has a column that splits the installs by something uptake does not know, not by country (expected the _country report, whose columns are " + playHeader + ", or the _overview report, for the worldwide total)"
	}
	return "this is the Play Console's " + report + " report, whose rows split the installs by " + strings.TrimSpace(h) +
		", not by country, so uptake cannot read it (import the _country report of the same month, installs_<package>_<YYYYMM>_country.csv, or the _overview report for the worldwide total)"
}

// rows reads the daily rows after the header, at headerLine, into the
// Days.
func (p *playReader) rows(headerLine int) {
	n := 0
	for {
		rec, raw, line, ok := p.rd.nextRow()
		if !ok {
			break
		}
		n++
		if f := max(len(rec), len(raw)); f != len(p.names) {
			msg := fmt.Sprintf("the row has %d fields but the header has %d (expected one value per column)", f, len(p.names))
			if !p.c.add(line, "", msg) {
				return
			}
			continue
		}
		cell := func(i int) []byte {
			if raw != nil {
				return bytes.TrimSpace(raw[i])
			}
			return bytes.TrimSpace([]byte(rec[i]))
		}
		bad := false
		fail := func(i int, msg string) bool {
			bad = true
			return p.c.add(p.lineOf(i, line), p.names[i], msg)
		}
		app, msg := p.appOf(cell(p.pkg))
		if msg != "" && !fail(p.pkg, msg) {
			return
		}
		day, msg := p.dayOf(cell(p.date))
		if msg != "" && !fail(p.date, msg) {
			return
		}
		country := figures.Worldwide
		if p.country >= 0 {
			if country, msg = p.countryOf(cell(p.country)); msg != "" && !fail(p.country, msg) {
				return
			}
		}
		count, msg := playCount(cell(p.count))
		if msg != "" && !fail(p.count, msg) {
			return
		}
		if bad {
			continue
		}
		if !p.apps[app] {
			// The app before any figure of it: the importer maps its
			// Android id onto the user's app of that id.
			p.apps[app] = true
			p.sink.AddApp(figures.App{Name: app, Android: app})
		}
		if msg := p.days.add(p.src, app, country, figures.Android, day, day, count, line); msg != "" {
			col := p.date
			if strings.HasPrefix(msg, "the month's sum") {
				col = p.count
			}
			if !p.c.add(line, p.names[col], msg) {
				return
			}
		}
	}
	if n == 0 && len(p.c.ps) == 0 {
		p.c.add(headerLine, "", "no rows after the header (expected a row per day, e.g. 2020-08-01,com.example.app,IN,…)")
	}
}

// lineOf returns the line of column i of the row at line: the same line,
// unless encoding/csv reads the row and a quoted field before it spans
// lines.
func (p *playReader) lineOf(i, line int) int {
	if p.rd.cr != nil {
		at, _ := p.rd.cr.FieldPos(i)
		return at + p.rd.lineOff
	}
	return line
}

// appOf reads a package name: the app's name and its Android id.
func (p *playReader) appOf(b []byte) (string, string) {
	if len(b) > 0 && bytes.Equal(b, p.lastPkg) {
		return p.app, ""
	}
	s := string(b)
	switch {
	case s == "":
		return "", "is empty (expected the app's package name, e.g. com.spotify.music)"
	case len(s) > figures.MaxNameLen:
		return "", fmt.Sprintf("%s is %d bytes long (expected a package name of at most %d, which uptake keeps as the app's name)", quote(s), len(s), figures.MaxNameLen)
	}
	if err := figures.ValidateStoreIDs(figures.App{Android: s}); err != nil {
		return "", fmt.Sprintf("%s is not a package name (expected letters, digits, underscores and dots, e.g. com.spotify.music)", quote(s))
	}
	p.lastPkg = append(p.lastPkg[:0], b...)
	p.app = s
	return s, ""
}

// dayOf reads a date, YYYY-MM-DD.
func (p *playReader) dayOf(b []byte) (time.Time, string) {
	if len(b) > 0 && bytes.Equal(b, p.lastDate) {
		return p.day, ""
	}
	if len(b) == 0 {
		return time.Time{}, "is empty (expected the day, YYYY-MM-DD, e.g. 2020-08-01)"
	}
	d, err := time.Parse(time.DateOnly, string(b))
	if err != nil || len(b) != len(time.DateOnly) {
		return time.Time{}, fmt.Sprintf("%s is not a date (expected YYYY-MM-DD, e.g. 2020-08-01)", quote(string(b)))
	}
	p.lastDate = append(p.lastDate[:0], b...)
	p.day = d
	return d, ""
}

// maxPlayCountries bounds the cache of country spellings.
const maxPlayCountries = 1024

// countryOf reads a country: an ISO code, as Play writes it, or nothing
// for the installs Play could not place, which are kept as ZZ.
func (p *playReader) countryOf(b []byte) (string, string) {
	if len(b) == 0 {
		return figures.Unknown, ""
	}
	if code, ok := p.countries[string(b)]; ok {
		return code, ""
	}
	s := string(b)
	code, err := figures.ParseCountry(s)
	switch {
	case len(s) > 60 || err != nil && strings.Contains(err.Error(), "is not a known country"):
		return "", fmt.Sprintf("%s is not a country code (expected a two-letter ISO code as Play writes it, e.g. IN or XK, or nothing for installs Play could not place)", quote(s))
	case err != nil:
		return "", cutMessage(err.Error())
	case code == figures.Worldwide:
		return "", fmt.Sprintf("%s is the whole world, not a country (expected a country in each row of a _country report; the _overview report holds the worldwide total)", quote(s))
	}
	if len(p.countries) < maxPlayCountries {
		p.countries[s] = code
	}
	return code, ""
}

// playCount reads a count of the day: plain digits, as Play writes them.
func playCount(b []byte) (int64, string) {
	if len(b) == 0 {
		return 0, "is empty (expected a whole number, 0 or more: Play writes 0 for a day without installs)"
	}
	var n int64
	for i, c := range b {
		if c < '0' || c > '9' {
			if c == '-' && i == 0 && len(b) > 1 {
				return 0, fmt.Sprintf("%s is negative (expected a whole number, 0 or more)", quote(string(b)))
			}
			return 0, fmt.Sprintf("%s is not a whole number (expected plain digits, e.g. 1250)", quote(string(b)))
		}
		n = n*10 + int64(c-'0')
		if n > figures.MaxInstalls {
			return 0, fmt.Sprintf("%s is more than %d, more than uptake takes (check the column)", quote(string(b)), int64(figures.MaxInstalls))
		}
	}
	return n, ""
}
