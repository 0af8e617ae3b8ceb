package seed

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/uptake/uptake/figures"
)

// App Store Connect's Summary Sales Report, version 1_3, as Sales and
// Trends, the Reporter tool and the API's salesReports give it: gzip'd
// text (ReadWith unpacks it), a header row, then a row per app (or in-app
// item), version, product type, device, country and period, with fields
// separated by tabs and dates written MM/DD/YYYY. A daily report's rows
// cover a day, a weekly one's a week, a monthly one's a calendar month, a
// yearly one's a year.
//
// uptake takes the Units of first-time downloads (product types 1, 1F,
// 1T, F1, 1E, 1EP, 1EU), refunds (negative units) included, every device
// summed into the ios platform, and sums them per app, country and period
// before it gives each period to Days, which makes months of them.
// Re-downloads, updates, in-app purchases, bundles and rows of an in-app
// item (Parent Identifier set) are not installs: they are counted, and
// said in what the reader understood, never summed. A product type it
// does not know is a problem, for its units might be installs.

const (
	appStoreFormat = "App Store Connect sales report"
	appStoreVendor = "App Store Connect" // the source when the import names none
	appStoreMetric = "Units of first-time downloads (product types 1, 1F, 1T, F1, 1E, 1EP, 1EU)"
	appStoreDate   = "01/02/2006"
)

// appStoreHeader is the header of version 1_3, in its order.
var appStoreHeader = [...]string{"Provider", "Provider Country", "SKU", "Developer", "Title", "Version",
	"Product Type Identifier", "Units", "Developer Proceeds", "Begin Date", "End Date", "Customer Currency",
	"Country Code", "Currency of Proceeds", "Apple Identifier", "Customer Price", "Promo Code",
	"Parent Identifier", "Subscription", "Period", "Category", "CMB", "Device", "Supported Platforms",
	"Proceeds Reason", "Preserved Pricing", "Client", "Order Type"}

// The columns the reader takes, by index in appStoreNeeded.
const (
	asTitle = iota
	asType
	asUnits
	asBegin
	asEnd
	asCountry
	asID
	asParent
	asNeeded
)

var appStoreNeeded = [asNeeded]string{"Title", "Product Type Identifier", "Units", "Begin Date", "End Date",
	"Country Code", "Apple Identifier", "Parent Identifier"}

// rowKind is what a row counts, by its product type.
type rowKind uint8

const (
	kindInstall    rowKind = iota // a first-time download: summed
	kindRedownload                // the rest are counted, not summed
	kindUpdate
	kindInApp
	kindBundle
	kindItem // a first-time download type, of an in-app item (Parent Identifier set)
	kindCount
	kindUnknown
)

var kindWords = [kindCount]string{
	kindRedownload: "re-downloads (3, 3F, 3T, F3)",
	kindUpdate:     "updates (7, 7F, 7T, F7)",
	kindInApp:      "in-app purchases (IA…, FI1)",
	kindBundle:     "app bundles (1-B, F1-B)",
	kindItem:       "in-app items (Parent Identifier set)",
}

// productKind tells a row's kind from its Product Type Identifier.
func productKind(t string) rowKind {
	switch strings.ToUpper(t) {
	case "1", "1F", "1T", "F1", "1E", "1EP", "1EU":
		return kindInstall
	case "3", "3F", "3T", "F3":
		return kindRedownload
	case "7", "7F", "7T", "F7":
		return kindUpdate
	case "FI1":
		return kindInApp
	case "1-B", "F1-B":
		return kindBundle
	}
	if len(t) > 2 && strings.EqualFold(t[:2], "IA") {
		return kindInApp
	}
	return kindUnknown
}

// looksLikeAppStore recognises the report by its header: a first line of
// names separated by tabs, four or more of them the report's.
func looksLikeAppStore(head []byte) bool { return appStoreColumnsIn(head, '\t') >= 4 }

// appStoreNearMiss says so of the report saved again by a spreadsheet,
// with commas or semicolons between its columns.
func appStoreNearMiss(head []byte) string {
	for _, sep := range []struct {
		c    byte
		word string
	}{{',', "commas"}, {';', "semicolons"}} {
		if appStoreColumnsIn(head, sep.c) >= 4 {
			return "its header has the columns of an App Store Connect sales report, separated by " + sep.word +
				" rather than tabs, as a spreadsheet saves it (import the report as App Store Connect gives it: the .txt or .txt.gz file)"
		}
	}
	return ""
}

// appStoreColumnsIn counts the report's column names in the first line of
// head that is not blank, split at sep.
func appStoreColumnsIn(head []byte, sep byte) int {
	head = bytes.TrimLeft(head, " \t\r\n")
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	n := 0
	for len(head) > 0 {
		f := head
		if i := bytes.IndexByte(head, sep); i >= 0 {
			f, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		f = bytes.Trim(f, " \r\"")
		for _, h := range appStoreHeader {
			if bytes.EqualFold(f, []byte(h)) {
				n++
				break
			}
		}
	}
	return n
}

// appStoreReader reads one report.
type appStoreReader struct {
	in     input
	c      *collector
	line   int // the lines read
	eof    bool
	buf    []byte   // a line longer than the bufio.Reader's buffer
	fields [][]byte // the current row's fields, slices of its line

	headerLine int
	ncols      int
	cols       [asNeeded]int // the column of each needed field

	rows     int // rows read after the header
	skipped  [kindCount]int
	apps     map[string]*appStoreApp // by Apple Identifier
	appOrder []string
	periods  map[periodKey]*periodSum
	order    []periodKey // in the order first read
	notes    []string    // what the names of apps are, when not their titles
}

// appStoreApp is an app as the report titles it.
type appStoreApp struct {
	title     string
	other     string // a second title of the same id, if any
	otherLine int
}

// periodKey is what the report's rows are summed by before Days takes
// them: the app, the country and the period, in days since 1970.
type periodKey struct {
	id, country string
	begin, end  int32
}

type periodSum struct {
	units int64
	line  int // the first row of it
}

// readAppStore reads a report into s, through in.opt.Days.
func readAppStore(in input, s Sink) (Understood, Problems) {
	r := &appStoreReader{in: in, c: &collector{file: in.name},
		apps: map[string]*appStoreApp{}, periods: map[periodKey]*periodSum{}}
	src := in.opt.Source
	if src == "" {
		src = appStoreVendor
	}
	var fe *figures.FieldError
	if err := figures.ValidateText("source", src, figures.MaxTextLen); errors.As(err, &fe) {
		r.c.fatal(1, "source", "the source given for the import "+fe.Problem)
	}
	if !r.c.stop && r.header() {
		r.read()
	}
	if len(r.c.ps) == 0 && r.rows == 0 {
		r.c.add(r.headerLine, "", "no rows after the header (expected a row per app, product type, device, country and period, as App Store Connect writes them)")
	}
	if len(r.c.ps) == 0 {
		r.give(s, src)
	}
	return Understood{Format: appStoreFormat, Metric: r.understood()}, r.c.ps
}

// next returns the next line without its line break, valid until the
// next call; false at the end of the file or when the reading must stop.
func (r *appStoreReader) next() ([]byte, bool) {
	if r.eof || r.c.stop {
		return nil, false
	}
	r.buf = r.buf[:0]
	for {
		chunk, err := r.in.br.ReadSlice('\n')
		if len(r.buf)+len(chunk) > MaxLineBytes+2 { // +2: the line break
			r.c.fatal(r.line+1, "", "the line is longer than 1 MiB (expected one short row per line; is this a sales report?)")
			return nil, false
		}
		switch {
		case err == bufio.ErrBufferFull:
			r.buf = append(r.buf, chunk...)
			continue
		case errors.Is(err, errBrokenUTF16):
			r.c.fatal(r.line+1, "", brokenUTF16)
			return nil, false
		case err != nil && err != io.EOF:
			r.c.fatal(r.line+1, "", "the file could not be read: "+cutMessage(err.Error()))
			return nil, false
		case err == io.EOF:
			r.eof = true
			if len(chunk)+len(r.buf) == 0 {
				return nil, false
			}
		}
		line := chunk
		if len(r.buf) > 0 {
			r.buf = append(r.buf, chunk...)
			line = r.buf
		}
		r.line++
		line = bytes.TrimSuffix(line, []byte{'\n'})
		return bytes.TrimSuffix(line, []byte{'\r'}), true
	}
}

// split cuts a line at its tabs, into r.fields; nil when it has too many.
func (r *appStoreReader) split(line []byte) [][]byte {
	if bytes.Count(line, []byte{'\t'}) >= MaxColumns {
		r.c.fatal(r.line, "", "the row has more than 1000 fields (expected the 28 columns of a sales report, separated by tabs)")
		return nil
	}
	r.fields = r.fields[:0]
	for {
		i := bytes.IndexByte(line, '\t')
		if i < 0 {
			return append(r.fields, line)
		}
		r.fields = append(r.fields, line[:i])
		line = line[i+1:]
	}
}

// header reads the header row and finds the needed columns in it.
func (r *appStoreReader) header() bool {
	var line []byte
	for {
		l, ok := r.next()
		if !ok {
			if !r.c.stop {
				r.c.add(1, "", "the file is empty (expected the header of an App Store Connect sales report: Provider, Provider Country, SKU, …)")
			}
			return false
		}
		if len(bytes.TrimSpace(l)) > 0 {
			line = l
			break
		}
	}
	r.headerLine = r.line
	fields := r.split(line)
	if fields == nil {
		return false
	}
	r.ncols = len(fields)
	for j := range r.cols {
		r.cols[j] = -1
	}
	for i, f := range fields {
		f = bytes.TrimSpace(f)
		for j, name := range appStoreNeeded {
			if !bytes.EqualFold(f, []byte(name)) {
				continue
			}
			if r.cols[j] >= 0 {
				r.c.fatal(r.line, name, fmt.Sprintf("the header has this column twice, as columns %d and %d (expected each column once)", r.cols[j]+1, i+1))
				return false
			}
			r.cols[j] = i
		}
	}
	ok := true
	for j, name := range appStoreNeeded {
		if r.cols[j] < 0 {
			ok = false
			if !r.c.add(r.line, name, "the header lacks this column (expected the columns of App Store Connect's Summary Sales Report, version 1_3; download the report again, and import it as App Store Connect gives it)") {
				break
			}
		}
	}
	if !ok {
		r.c.stop = true
	}
	return ok
}

// read reads the rows after the header.
func (r *appStoreReader) read() {
	for {
		line, ok := r.next()
		if !ok {
			return
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r.rows++
		fields := r.split(line)
		if fields == nil || !r.row(fields) {
			return
		}
	}
}

// row takes one row; false when the reading must stop.
func (r *appStoreReader) row(f [][]byte) bool {
	if len(f) != r.ncols && (len(f) < r.ncols || !blankBytes(f[r.ncols:])) {
		return r.c.add(r.line, "", fmt.Sprintf("the row has %d fields but the header has %d (expected one value per column, separated by tabs)", len(f), r.ncols))
	}
	get := func(j int) string { return strings.TrimSpace(string(f[r.cols[j]])) }
	pt := get(asType)
	kind := productKind(pt)
	switch {
	case pt == "":
		return r.c.add(r.line, appStoreNeeded[asType], "is empty (expected a product type, such as 1 for a first-time download)")
	case kind == kindUnknown:
		return r.c.add(r.line, appStoreNeeded[asType], fmt.Sprintf("%s is not a product type uptake knows, so it cannot tell whether its units are installs (expected 1, 1F, 1T, F1, 1E, 1EP or 1EU for first-time downloads; 3, 3F, 7, 7F, 7T, F7, IA1, IAY, FI1, 1-B and the like are read and not counted)", quote(pt)))
	case kind == kindInstall && get(asParent) != "":
		kind = kindItem
	}
	if kind != kindInstall {
		r.skipped[kind]++
		return true
	}
	bad := false
	fail := func(j int, msg string) {
		bad = true
		r.c.add(r.line, appStoreNeeded[j], msg)
	}
	id := get(asID)
	switch {
	case id == "":
		fail(asID, "is empty (expected the app's Apple ID, digits such as 1234567890)")
	case len(id) > 20 || strings.Trim(id, "0123456789") != "":
		fail(asID, fmt.Sprintf("%s is not an Apple ID (expected digits, such as 1234567890)", quote(id)))
	}
	title := get(asTitle)
	var fe *figures.FieldError
	if title == "" {
		fail(asTitle, "is empty (expected the app's name)")
	} else if err := figures.ValidateText("Title", title, MaxLineBytes); errors.As(err, &fe) {
		fail(asTitle, fe.Problem)
	}
	country, msg := appStoreCountry(get(asCountry))
	if msg != "" {
		fail(asCountry, msg)
	}
	begin, msg := appStoreDay(get(asBegin))
	if msg != "" {
		fail(asBegin, msg)
	}
	end, msg := appStoreDay(get(asEnd))
	if msg != "" {
		fail(asEnd, msg)
	}
	units, msg := appStoreUnits(get(asUnits))
	if msg != "" {
		fail(asUnits, msg)
	}
	if !bad && end < begin {
		fail(asEnd, fmt.Sprintf("%s is before the Begin Date %s (expected the same day or later)", get(asEnd), get(asBegin)))
	}
	if bad {
		return !r.c.stop
	}
	a := r.apps[id]
	if a == nil {
		r.apps[id] = &appStoreApp{title: title}
		r.appOrder = append(r.appOrder, id)
	} else if a.other == "" && title != a.title {
		a.other, a.otherLine = title, r.line
	}
	k := periodKey{id: id, country: country, begin: begin, end: end}
	p := r.periods[k]
	if p == nil {
		p = &periodSum{line: r.line}
		r.periods[k] = p
		r.order = append(r.order, k)
	}
	p.units += units
	if p.units > figures.MaxInstalls || p.units < -figures.MaxInstalls {
		return r.c.add(r.line, appStoreNeeded[asUnits], fmt.Sprintf("the units of app %s in %s from %s to %s add past %d, more than uptake takes", id, country, get(asBegin), get(asEnd), int64(figures.MaxInstalls)))
	}
	return true
}

// appStoreCountry reads a Country Code: ISO 3166-1 alpha-2, as Apple
// writes it; a name or another code for a country is refused, not guessed.
func appStoreCountry(s string) (string, string) {
	if len(s) != 2 {
		return "", fmt.Sprintf("%s is not a two-letter country code (expected ISO 3166-1 alpha-2, such as US or IN)", quote(s))
	}
	code, err := figures.ParseCountry(s)
	switch {
	case err != nil:
		return "", cutMessage(err.Error())
	case code != strings.ToUpper(s):
		return "", fmt.Sprintf("%s is not an ISO 3166-1 alpha-2 code (expected %s for %s)", quote(s), code, figures.CountryName(code))
	}
	return code, ""
}

// appStoreDay reads a date written MM/DD/YYYY, as days since 1970.
func appStoreDay(s string) (int32, string) {
	if s == "" {
		return 0, "is empty (expected a date written MM/DD/YYYY, such as 08/01/2020)"
	}
	t, err := time.Parse(appStoreDate, s)
	if err != nil || len(s) != len(appStoreDate) {
		return 0, fmt.Sprintf("%s is not a date written MM/DD/YYYY (expected e.g. 08/01/2020 for 1 August 2020)", quote(s))
	}
	return int32(t.Unix() / 86400), ""
}

// appStoreUnits reads Units: a whole number, negative for refunds.
func appStoreUnits(s string) (int64, string) {
	digits, neg := strings.CutPrefix(s, "-")
	if s == "" {
		return 0, "is empty (expected a whole number of units, such as 3, or -1 for a refund)"
	}
	if digits == "" || len(digits) > 13 || strings.Trim(digits, "0123456789") != "" {
		return 0, fmt.Sprintf("%s is not a whole number of units (expected e.g. 3, or -1 for a refund)", quote(s))
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil || v > figures.MaxInstalls {
		return 0, fmt.Sprintf("%s units are more than uptake takes (expected at most %d)", quote(s), int64(figures.MaxInstalls))
	}
	if neg {
		v = -v
	}
	return v, ""
}

// give names the apps, adds them to s, and gives Days each period's sum.
func (r *appStoreReader) give(s Sink, src string) {
	names := r.in.opt.Days.appStoreNames()
	named := make(map[string]string, len(r.appOrder))
	for _, id := range r.appOrder {
		a := r.apps[id]
		name, why, ok := names.name(id, a.title)
		if !ok {
			r.c.add(r.headerLine, appStoreNeeded[asTitle], why)
			return
		}
		if why != "" {
			r.notes = append(r.notes, why)
		}
		if a.other != "" && a.other != name {
			r.notes = append(r.notes, fmt.Sprintf("app %s is also titled %s (line %d), and named %s", id, quote(a.other), a.otherLine, quote(name)))
		}
		named[id] = name
		s.AddApp(figures.App{Name: name, IOS: id})
	}
	d := daySource{file: r.in.name, metric: appStoreMetric, source: src}
	// The report lists every country where an app had a row in each of
	// its periods: for the apps it names, the others had none.
	for _, k := range r.order {
		r.in.opt.Days.cover(d, named[k.id], figures.IOS, dayTime(k.begin), dayTime(k.end))
	}
	for _, k := range r.order {
		p := r.periods[k]
		if msg := r.in.opt.Days.add(d, named[k.id], k.country, figures.IOS, dayTime(k.begin), dayTime(k.end), p.units, p.line); msg != "" {
			if !r.c.add(p.line, "", msg) {
				return
			}
		}
	}
}

// understood says what was summed, and what was not.
func (r *appStoreReader) understood() string {
	var b strings.Builder
	b.WriteString(appStoreMetric)
	b.WriteString(", every device summed into iOS")
	var parts []string
	for k := kindRedownload; k < kindCount; k++ {
		if n := r.skipped[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s of %s", n, plural("row", n), kindWords[k]))
		}
	}
	if len(parts) > 0 {
		b.WriteString("; not counted, as not installs: ")
		b.WriteString(strings.Join(parts, ", "))
	}
	const maxNotes = 5
	for i, n := range r.notes {
		if i == maxNotes {
			fmt.Fprintf(&b, "; and %d more apps not named by their title", len(r.notes)-i)
			break
		}
		b.WriteString("; ")
		b.WriteString(n)
	}
	return figures.Sanitize(b.String())
}

func plural(noun string, n int) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// appStoreNames gives each App Store id one name in all the files of an
// import, and each name one id: uptake keeps apps by name, so two apps of
// one title (an iPhone app and a Mac app, say) would otherwise become one,
// their downloads added together.
type appStoreNames struct {
	byID   map[string]string // Apple Identifier → name
	byName map[string]string // folded name → Apple Identifier
}

func (t *Days) appStoreNames() *appStoreNames {
	if t.appStore == nil {
		t.appStore = &appStoreNames{byID: map[string]string{}, byName: map[string]string{}}
	}
	return t.appStore
}

// name returns the name of app id, titled title in the file: its title,
// unless an earlier file of the import named the id otherwise, the title
// is too long for a name, or another id has it. why says why the name is
// not the title; ok is false, with why, when no name can be given.
func (n *appStoreNames) name(id, title string) (name, why string, ok bool) {
	if name, seen := n.byID[id]; seen {
		if name != title {
			why = fmt.Sprintf("app %s is titled %s here, and keeps the name %s it has in an earlier file", id, quote(title), quote(name))
		}
		return name, why, true
	}
	name = title
	if len(name) > figures.MaxNameLen {
		name = cutName(title, figures.MaxNameLen)
		why = fmt.Sprintf("app %s's title is longer than %d bytes, and is named %s", id, figures.MaxNameLen, quote(name))
	}
	if other, taken := n.byName[figures.FoldName(name)]; taken {
		had := n.byID[other]
		suffix := " (App Store id " + id + ")"
		name = cutName(title, figures.MaxNameLen-len(suffix)) + suffix
		why = fmt.Sprintf("app %s is named %s, for %s is app %s", id, quote(name), quote(had), other)
		if holder, taken := n.byName[figures.FoldName(name)]; taken {
			return "", fmt.Sprintf("app %s cannot be named by its title %s, nor as %s, which app %s has (expected a title per app)", id, quote(title), quote(name), holder), false
		}
	}
	n.byID[id] = name
	n.byName[figures.FoldName(name)] = id
	return name, why, true
}

// cutName cuts a title to at most max bytes, with an ellipsis when cut.
func cutName(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := max - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + "…"
}
