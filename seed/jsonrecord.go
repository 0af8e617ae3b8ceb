package seed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/uptake/uptake/figures"
)

// The records of a JSON file, as decoded before conversion.

type jsonApp struct {
	Name      string `json:"name"`
	Publisher string `json:"publisher"`
	Android   string `json:"android"`
	IOS       string `json:"ios"`
}

type jsonLaunch struct {
	App      string `json:"app"`
	Country  string `json:"country"`
	Launched string `json:"launched"`
}

type jsonEvent struct {
	App     string `json:"app"`
	Country string `json:"country"`
	Month   string `json:"month"`
	Text    string `json:"text"`
	Source  string `json:"source"`
	Note    string `json:"note"`
}

type jsonFigure struct {
	App      string          `json:"app"`
	Country  string          `json:"country"`
	From     string          `json:"from"`
	To       string          `json:"to"`
	Installs json.RawMessage `json:"installs"`
	Source   string          `json:"source"`
	Note     string          `json:"note"`
	Estimate json.RawMessage `json:"estimate"`
	Platform string          `json:"platform"`
}

// fieldExamples are values to show in a problem with a member.
var fieldExamples = [numFields]string{
	fApp: "Resso", fCountry: "IN", fFrom: "2020-08", fTo: "2020-08", fInstalls: "3.6M",
	fSource: "Sensor Tower", fNote: "65% of the total", fEstimate: "yes", fLaunched: "2020-03", fPlatform: "ios",
	fName: "Resso", fPublisher: "ByteDance", fText: "TikTok banned in India", fMonth: "2020-06", fGroup: "MENA",
}

// The members each kind of record may have.
var (
	appFields    = []string{"name", "publisher", "android", "ios"}
	launchFields = []string{"app", "country", "launched"}
	eventFields  = []string{"app", "country", "month", "text", "source", "note"}
	figureFields = []string{"app", "country", "platform", "from", "to", "installs", "source", "note", "estimate"}
)

func (jr *jsonReader) app(key string, i int) bool {
	var v jsonApp
	line, ok := jr.decode(&v, key, i, appFields)
	if !ok {
		return !jr.c.stop
	}
	a, ok := jr.conv.appRecord(strings.TrimSpace(v.Name), strings.TrimSpace(v.Publisher))
	a.Android, a.IOS = strings.TrimSpace(v.Android), strings.TrimSpace(v.IOS)
	if err := figures.ValidateStoreIDs(a); ok && err != nil {
		jr.conv.failWith(fName, err)
		ok = false
	}
	if ok {
		jr.sink.AddApp(a)
		return true
	}
	return jr.report(key, i, line)
}

func (jr *jsonReader) launch(key string, i int) bool {
	var v jsonLaunch
	line, ok := jr.decode(&v, key, i, launchFields)
	if !ok {
		return !jr.c.stop
	}
	l, ok := jr.conv.launch(strings.TrimSpace(v.App), strings.TrimSpace(v.Country), strings.TrimSpace(v.Launched))
	if ok {
		jr.sink.AddLaunch(l)
		return true
	}
	return jr.report(key, i, line)
}

func (jr *jsonReader) event(key string, i int) bool {
	var v jsonEvent
	line, ok := jr.decode(&v, key, i, eventFields)
	if !ok {
		return !jr.c.stop
	}
	e, ok := jr.conv.event(eventText{app: strings.TrimSpace(v.App), country: strings.TrimSpace(v.Country),
		month: strings.TrimSpace(v.Month), text: v.Text, source: v.Source, note: v.Note}, fMonth)
	if ok {
		jr.sink.AddEvent(e, line)
		return true
	}
	return jr.report(key, i, line)
}

func (jr *jsonReader) figure(key string, i int) bool {
	var v jsonFigure
	line, ok := jr.decode(&v, key, i, figureFields)
	if !ok {
		return !jr.c.stop
	}
	ft := figureText{
		app: strings.TrimSpace(v.App), country: strings.TrimSpace(v.Country), platform: strings.TrimSpace(v.Platform),
		from: strings.TrimSpace(v.From), to: strings.TrimSpace(v.To),
		source: v.Source, note: v.Note,
	}
	if ft.installs, ok = jr.scalar(v.Installs, key, i, fInstalls, line); !ok {
		return !jr.c.stop
	}
	if ft.estimate, ok = jr.scalar(v.Estimate, key, i, fEstimate, line); !ok {
		return !jr.c.stop
	}
	f, ok := jr.conv.figure(&ft)
	if ok {
		jr.sink.AddFigure(f, line)
		return true
	}
	return jr.report(key, i, line)
}

// scalar turns a number, string, boolean or null into the text the
// converter reads.
func (jr *jsonReader) scalar(raw json.RawMessage, key string, i int, f field, line int) (string, bool) {
	text, err := scalarText(raw, f == fInstalls)
	if err != "" {
		jr.c.add(line, path(key, i, f.String()), err)
		return "", false
	}
	return text, true
}

// decode reads the record at index i into v and reports what stops it
// from being read: a member of the wrong type, an unknown member, bad JSON.
func (jr *jsonReader) decode(v any, key string, i int, known []string) (line int, ok bool) {
	off := jr.dec.InputOffset()
	err := jr.dec.Decode(v)
	if truncated(err) {
		jr.streamError(err)
		return 0, false
	}
	// The record has been read, so the input up to its start is at hand
	// however the file was read.
	start := off
	if i == 0 {
		start = jr.lc.skip(off, " \t\r\n")
	} else {
		start = jr.lc.skipSeparator(off)
	}
	line = jr.lc.lineAt(start)
	if err == nil && jr.dec.InputOffset()-start > MaxLineBytes {
		jr.c.fatal(line, path(key, i, ""), recordTooLong)
		return line, false
	}
	if err == nil {
		return line, jr.checkMembers(start, key, i, line, known)
	}
	var ute *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.Is(err, errRecordTooLong):
		jr.c.fatal(line, path(key, i, ""), recordTooLong)
	case errors.As(err, &ute):
		col, want := path(key, i, ute.Field), "a string"
		if f, ok := fieldNamed(ute.Field); ok {
			want = fmt.Sprintf("a string such as %q", fieldExamples[f])
		}
		if ute.Field == "" {
			col, want = path(key, i, ""), "an object { … }"
		}
		jr.c.add(line, col, fmt.Sprintf("is a JSON %s (expected %s)", ute.Value, want))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		for _, name := range unknownMembers(jr.lc.window(start), known) {
			msg := fmt.Sprintf("unknown member %s (expected %s%s)", quote(name), strings.Join(known, ", "), suggest(name, known))
			if !jr.c.add(line, path(key, i, ""), msg) {
				break
			}
		}
	case errors.As(err, &se):
		// The decoder's offsets are not always those of the file; scan
		// the record again to find the place.
		at := line
		if !strings.HasPrefix(se.Error(), "expected comma") { // an error inside the record
			at = jr.lc.lineAt(start + syntaxOffset(jr.lc.window(start)))
		}
		jr.c.fatal(at, path(key, i, ""), "the JSON is not valid here: "+se.Error())
	default:
		jr.streamError(err)
	}
	return line, false
}

// report turns the converter's problems into problems at the record.
func (jr *jsonReader) report(key string, i, line int) bool {
	for _, fp := range jr.conv.errs {
		name := fp.field.String()
		if key == "apps" && fp.field == fApp {
			name = fName.String()
		}
		if !jr.c.add(line, path(key, i, name), fp.msg) {
			return false
		}
	}
	return true
}

// checkMembers reports what encoding/json let through in the record just
// decoded, which starts at offset start on line line: a member twice,
// text that is not UTF-8. It returns false when there is any.
func (jr *jsonReader) checkMembers(start int64, key string, i, line int, known []string) bool {
	raw := jr.lc.window(start)
	if n := int(jr.dec.InputOffset() - start); n >= 0 && n <= len(raw) {
		raw = raw[:n]
	}
	issues := checkMembers(raw, known)
	for _, is := range issues {
		at := line + bytes.Count(raw[:is.off], newline)
		if !jr.c.add(at, path(key, i, is.member), is.msg) {
			break
		}
	}
	return len(issues) == 0
}
