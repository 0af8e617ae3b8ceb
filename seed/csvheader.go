package seed

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

const (
	figuresHeader  = "app,country,[platform,]from,to,installs[,source][,note][,estimate]"
	launchesHeader = "app,country,launched"
	eventsHeader   = "month,country,text[,app][,source][,note]"
	groupsHeader   = "group,country"
	expectedHeader = "(expected " + figuresHeader + " for figures, " + launchesHeader + " for launches, " + eventsHeader + " for events, or " + groupsHeader + " for groups of countries)"

	figuresColumns  = "app, country, platform, from, to, installs, source, note, estimate"
	launchesColumns = "app, country, launched"
	eventsColumns   = "month, country, text (or event), app, source, note"
	groupsColumns   = "group, country (a row per member)"
)

// columnNames maps a header name, folded to lower case, to its field.
var columnNames = map[string]field{
	"app": fApp, "country": fCountry, "platform": fPlatform, "store": fPlatform,
	"from": fFrom, "start": fFrom, "month": fFrom,
	"to": fTo, "end": fTo,
	"installs": fInstalls, "downloads": fInstalls,
	"source": fSource, "note": fNote, "notes": fNote,
	"estimate": fEstimate, "estimated": fEstimate,
	"launched": fLaunched, "launch": fLaunched,
	"text": fText, "event": fText,
	"group": fGroup,
}

// skippedColumns are columns uptake knows and does not take: "changed",
// which uptake's own data export writes, is when the store last wrote
// the figure, and the store sets it again on import.
var skippedColumns = map[string]bool{"changed": true}

// header reads the header row and decides the kind of file.
//
// A column whose name uptake does not read is refused, not dropped: a
// misspelt "instals" would otherwise lose what the file says without a
// word. The exception is a
// column with no name, as a spreadsheet makes of a separator at the end
// of the lines: it is taken as long as its cells are empty (see
// blankColumns).
func (rd *csvReader) header() bool {
	rec, raw, line, ok := rd.nextRow()
	if raw != nil {
		rec = rd.toStrings(raw)
	}
	if !ok {
		if len(rd.c.ps) == 0 {
			rd.c.add(1, "", "the file is empty (expected a header row: app,country,from,to,installs,...)")
		}
		return false
	}
	if len(rd.c.ps) > 0 { // the header itself could not be read
		rd.c.stop = true
		return false
	}
	rd.headerLine = line
	for i := range rd.cols {
		rd.cols[i] = -1
	}
	rd.names = make([]string, len(rec))
	var found, unknown []string
	for i, h := range rec {
		h = strings.TrimSpace(h)
		rd.names[i] = shorten(h)
		found = append(found, quote(h))
		lower := strings.ToLower(h)
		f, known := columnNames[lower]
		switch {
		case h == "":
			rd.blankCols = append(rd.blankCols, i)
			continue
		case skippedColumns[lower]:
			continue
		case !known:
			unknown = append(unknown, h)
			continue
		}
		if j := rd.cols[f]; j >= 0 {
			rd.c.fatal(line, "", fmt.Sprintf("the header has %s twice, as columns %d and %d (expected each column once)", f, j+1, i+1))
			return false
		}
		rd.cols[f] = i
	}
	has := func(f field) bool { return rd.cols[f] >= 0 }
	// A text column makes a file of events, whose month column is from;
	// a group column one of groups (a row per member); columns only a
	// figure has make one of figures.
	events, groups := has(fText), has(fGroup)
	figureOnly := has(fTo) || has(fInstalls) || has(fEstimate) || has(fPlatform)
	figures := figureOnly || has(fFrom) && !events
	kinds := 0
	for _, k := range []bool{figures, has(fLaunched), events, groups} {
		if k {
			kinds++
		}
	}
	rd.launches = has(fLaunched) && kinds == 1
	rd.events = events && kinds == 1
	rd.groups = groups && kinds == 1
	// Several kinds in one file (as -export data writes them): a row with
	// a group is a group's member, one with a launch month a launch, one
	// with a text an event, any other a figure.
	rd.mixed = kinds > 1
	var need []field
	switch {
	case rd.launches:
		need = []field{fApp, fCountry, fLaunched}
	case rd.events:
		need = []field{fFrom, fCountry, fText}
	case rd.groups:
		need = []field{fGroup, fCountry}
	case rd.mixed && !figures:
		// Each kind's columns: app for launches, from (the month) for
		// events; country for all.
		if has(fLaunched) {
			need = append(need, fApp)
		}
		need = append(need, fCountry)
		if events {
			need = append(need, fFrom)
		}
	default:
		need = []field{fApp, fCountry, fFrom, fInstalls}
	}
	var missing []string
	for _, f := range need {
		if !has(f) {
			name := f.String()
			if f == fFrom && rd.events {
				name = "month"
			}
			missing = append(missing, name)
		}
	}
	expected := figuresColumns
	switch {
	case rd.launches:
		expected = launchesColumns
	case rd.events:
		expected = eventsColumns
	case rd.groups:
		expected = groupsColumns
	case !figures:
		expected = figuresColumns + " for figures, " + launchesColumns + " for launches, " + eventsColumns + " for events, or " + groupsColumns + " for groups"
	}
	someKnown := len(unknown) < len(rec)-len(rd.blankCols)
	for _, h := range unknown {
		// A row of data read as a header has none of the names; say only
		// what it lacks, unless a name looks like a misspelt one.
		near := nearest(h, slices.Sorted(maps.Keys(columnNames)))
		if !someKnown && near == "" {
			continue
		}
		if near != "" {
			near = "did you mean " + near + "? "
		}
		msg := fmt.Sprintf("the header has column %s, which uptake does not read (%sexpected %s; remove or rename the column)", quote(h), near, expected)
		if !rd.c.add(line, "", msg) {
			return false
		}
	}
	if len(missing) > 0 {
		if len(found) > 12 {
			found = append(found[:12], "…")
		}
		rd.c.fatal(line, "", fmt.Sprintf("the header has columns %s and lacks %s %s",
			strings.Join(found, ", "), strings.Join(missing, ", "), expectedHeader))
		return false
	}
	return true
}

// blankColumns checks the cells of a row under the columns without a
// name in the header: they must be empty, for the file says nothing of
// what they hold. rec or raw holds the row.
func (rd *csvReader) blankColumns(rec []string, raw [][]byte, line int) bool {
	for _, i := range rd.blankCols {
		var cell string
		if raw != nil {
			if len(bytes.TrimSpace(raw[i])) == 0 {
				continue
			}
			cell = string(raw[i])
		} else {
			if strings.TrimSpace(rec[i]) == "" {
				continue
			}
			cell = rec[i]
		}
		at := line
		if rd.cr != nil {
			at, _ = rd.cr.FieldPos(i)
			at += rd.lineOff
		}
		msg := fmt.Sprintf("holds %s, but the column has no name in the header (expected it empty; name the column, or remove what is in it)", quote(strings.TrimSpace(cell)))
		if !rd.c.add(at, "column "+strconv.Itoa(i+1), msg) {
			return false
		}
	}
	return true
}
