package seed

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

const expectedJSON = `(expected a JSON object {"apps":[…],"launches":[…],"figures":[…]})`

type jsonApp struct {
	Name      string `json:"name"`
	Publisher string `json:"publisher"`
}

type jsonLaunch struct {
	App      string `json:"app"`
	Country  string `json:"country"`
	Launched string `json:"launched"`
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
}

// fieldExamples are values to show in a problem with a member.
var fieldExamples = [numFields]string{
	fApp: "Resso", fCountry: "IN", fFrom: "2020-08", fTo: "2020-08", fInstalls: "3.6M",
	fSource: "Sensor Tower", fNote: "65% of the total", fEstimate: "yes", fLaunched: "2020-03",
	fName: "Resso", fPublisher: "ByteDance",
}

// The members each kind of record may have.
var (
	appFields    = []string{"name", "publisher"}
	launchFields = []string{"app", "country", "launched"}
	figureFields = []string{"app", "country", "from", "to", "installs", "source", "note", "estimate"}
)

// ReadJSON reads {"apps":[…],"launches":[…],"figures":[…]} into s. An app
// is {"name","publisher"}; a launch {"app","country","launched"}; a figure
// {"app","country","from","to","installs","source","note","estimate"},
// where installs is a number or a string such as "3.6M" and estimate a
// boolean or a string such as "yes". Members not listed are problems, to
// catch typos. name is used in problems only.
func ReadJSON(r io.Reader, name string, s Sink) Problems {
	br := bufio.NewReaderSize(r, 64<<10)
	skipBOM(br)
	lc := &lineCounter{r: br}
	dec := json.NewDecoder(lc)
	dec.DisallowUnknownFields()
	jr := &jsonReader{c: &collector{file: name}, dec: dec, lc: lc, sink: s, conv: newConverter()}
	jr.read()
	return jr.c.ps
}

type jsonReader struct {
	c       *collector
	dec     *json.Decoder
	lc      *lineCounter
	sink    Sink
	conv    *converter
	records int
}

func (jr *jsonReader) read() {
	tok, err := jr.dec.Token()
	if err == io.EOF {
		jr.c.add(1, "", "the file is empty "+expectedJSON)
		return
	}
	if err != nil {
		jr.streamError(err)
		return
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		jr.c.fatal(1, "", "the file does not start with a JSON object "+expectedJSON)
		return
	}
	for jr.dec.More() && !jr.c.stop {
		line := jr.lc.lineAt(jr.lc.skip(jr.dec.InputOffset(), " \t\r\n,"))
		tok, err := jr.dec.Token()
		if err != nil {
			jr.streamError(err)
			return
		}
		key, _ := tok.(string)
		switch strings.ToLower(key) {
		case "apps":
			jr.array("apps", line, jr.app)
		case "launches":
			jr.array("launches", line, jr.launch)
		case "figures":
			jr.array("figures", line, jr.figure)
		default:
			jr.c.add(line, "", fmt.Sprintf("unknown member %s (expected apps, launches and figures%s)", quote(key), suggest(key, []string{"apps", "launches", "figures"})))
			var skip json.RawMessage
			if err := jr.dec.Decode(&skip); err != nil {
				jr.streamError(err)
			}
		}
	}
	if jr.c.stop {
		return
	}
	if _, err := jr.dec.Token(); err != nil { // the closing }
		jr.streamError(err)
		return
	}
	if _, err := jr.dec.Token(); err != io.EOF {
		jr.c.fatal(jr.errLine(), "", "there is more after the JSON object (expected the file to end with its closing })")
		return
	}
	if jr.records == 0 && len(jr.c.ps) == 0 {
		jr.c.add(1, "", "no apps, launches or figures in the file "+expectedJSON)
	}
}

// array reads the array under key, one record at a time.
func (jr *jsonReader) array(key string, line int, record func(key string, i, line int) bool) {
	tok, err := jr.dec.Token()
	if err != nil {
		jr.streamError(err)
		return
	}
	if tok == nil { // null: no records
		return
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		jr.c.add(line, key, fmt.Sprintf("is %s (expected an array [ … ])", jsonKind(tok)))
		if ok {
			jr.skipRest()
		}
		return
	}
	for i := 0; jr.dec.More() && !jr.c.stop; i++ {
		start := jr.lc.skip(jr.dec.InputOffset(), " \t\r\n,")
		line := jr.lc.lineAt(start)
		jr.records++
		if !record(key, i, line) {
			return
		}
	}
	if jr.c.stop {
		return
	}
	if _, err := jr.dec.Token(); err != nil { // the closing ]
		jr.streamError(err)
	}
}

// skipRest skips the rest of an object or array whose opening token was read.
func (jr *jsonReader) skipRest() {
	for depth := 1; depth > 0; {
		tok, err := jr.dec.Token()
		if err != nil {
			jr.streamError(err)
			return
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
	}
}

func (jr *jsonReader) app(key string, i, line int) bool {
	var v jsonApp
	if !jr.decode(&v, key, i, line, appFields) {
		return !jr.c.stop
	}
	a, ok := jr.conv.appRecord(strings.TrimSpace(v.Name), strings.TrimSpace(v.Publisher))
	if ok {
		jr.sink.AddApp(a)
		return true
	}
	return jr.report(key, i, line)
}

func (jr *jsonReader) launch(key string, i, line int) bool {
	var v jsonLaunch
	if !jr.decode(&v, key, i, line, launchFields) {
		return !jr.c.stop
	}
	l, ok := jr.conv.launch(strings.TrimSpace(v.App), strings.TrimSpace(v.Country), strings.TrimSpace(v.Launched))
	if ok {
		jr.sink.AddLaunch(l)
		return true
	}
	return jr.report(key, i, line)
}

func (jr *jsonReader) figure(key string, i, line int) bool {
	var v jsonFigure
	if !jr.decode(&v, key, i, line, figureFields) {
		return !jr.c.stop
	}
	ft := figureText{
		app: strings.TrimSpace(v.App), country: strings.TrimSpace(v.Country),
		from: strings.TrimSpace(v.From), to: strings.TrimSpace(v.To),
		source: v.Source, note: v.Note,
	}
	var ok bool
	if ft.installs, ok = jr.scalar(v.Installs, key, i, fInstalls, line); !ok {
		return !jr.c.stop
	}
	if ft.estimate, ok = jr.scalar(v.Estimate, key, i, fEstimate, line); !ok {
		return !jr.c.stop
	}
	f, ok := jr.conv.figure(&ft)
	if ok {
		jr.sink.AddFigure(f)
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
func (jr *jsonReader) decode(v any, key string, i, line int, known []string) bool {
	start := jr.lc.base
	err := jr.dec.Decode(v)
	if err == nil {
		return true
	}
	var ute *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
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
		at := jr.lc.lineAt(start + syntaxOffset(jr.lc.window(start)))
		jr.c.fatal(at, path(key, i, ""), "the JSON is not valid here: "+se.Error())
	default:
		jr.streamError(err)
	}
	return false
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

// streamError reports an error of the JSON stream outside a record, or
// of the input itself, and stops.
func (jr *jsonReader) streamError(err error) {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, errRecordTooLong):
		jr.c.fatal(jr.lc.lines+1, "", "a record is longer than 1 MiB (expected figures of a few lines each; is this the right file?)")
	case errors.As(err, &se):
		jr.c.fatal(jr.errLine(), "", "the JSON is not valid here: "+se.Error())
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		jr.c.fatal(jr.lc.lastLine(), "", "the file ends before the JSON is complete (expected closing ] and } brackets)")
	default:
		jr.c.fatal(jr.lc.lastLine(), "", "the file could not be read: "+err.Error())
	}
}

// errLine is the line of the first byte after the last good token.
func (jr *jsonReader) errLine() int {
	return jr.lc.lineAt(jr.lc.skip(jr.dec.InputOffset(), " \t\r\n"))
}
