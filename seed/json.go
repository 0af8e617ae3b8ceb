package seed

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

const expectedJSON = `(expected a JSON object {"apps":[…],"launches":[…],"events":[…],"groups":[…],"figures":[…]})`

// ReadJSON reads {"apps":[…],"launches":[…],"events":[…],"groups":[…],
// "figures":[…]} into s. An app is {"name","publisher"}; a launch
// {"app","country","launched"}; an event {"app","country","month","text",
// "source","note"}, where app is optional (every app); a user's group of
// countries {"name","countries":["AE","SA"]}; a figure
// {"app","country","from","to","installs","source","note","estimate"},
// where installs is a number or a string such as "3.6M" and estimate a
// boolean or a string such as "yes". Members not listed are problems, to
// catch typos; so are a member given twice in a record (encoding/json
// would keep the last), a second apps, launches or figures array, and
// text that is not UTF-8 (encoding/json would store U+FFFD). The file may
// be UTF-8 or UTF-16 with a byte order mark (see openText). name is used
// in problems only.
func ReadJSON(r io.Reader, name string, s Sink) Problems {
	br, msg := openText(r)
	if msg != "" {
		return notText(name, msg)
	}
	return readJSONText(br, name, s)
}

// readJSONText reads a JSON file that openText has made text.
func readJSONText(br *bufio.Reader, name string, s Sink) Problems {
	lc := &lineCounter{r: br}
	dec := json.NewDecoder(lc)
	dec.DisallowUnknownFields()
	dec.UseNumber() // a token such as 1e999 is a number to skip, not an error
	jr := &jsonReader{c: &collector{file: name}, dec: dec, lc: lc, sink: s, conv: newConverter(), arrays: map[string]int{}}
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
	arrays  map[string]int // the line of each array met, by key
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
		jr.c.fatal(jr.lc.lineAt(jr.dec.InputOffset()-1), "", "the file does not start with a JSON object "+expectedJSON)
		return
	}
	for jr.dec.More() && !jr.c.stop {
		off := jr.dec.InputOffset()
		tok, err := jr.dec.Token()
		if err != nil {
			jr.streamError(err)
			return
		}
		// The key has been read, so the input up to it is at hand
		// however the file was read.
		line := jr.lc.lineAt(jr.lc.skipSeparator(off))
		key, _ := tok.(string)
		switch strings.ToLower(key) {
		case "apps":
			jr.array("apps", line, jr.app)
		case "launches":
			jr.array("launches", line, jr.launch)
		case "events":
			jr.array("events", line, jr.event)
		case "groups":
			jr.array("groups", line, jr.group)
		case "figures":
			jr.array("figures", line, jr.figure)
		default:
			jr.c.add(line, "", fmt.Sprintf("unknown member %s (expected apps, launches, events, groups and figures%s)", quote(key), suggest(key, []string{"apps", "launches", "events", "groups", "figures"})))
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
	off := jr.dec.InputOffset()
	if _, err := jr.dec.Token(); err != io.EOF {
		// What follows has been read, so the input up to it is at hand.
		jr.c.fatal(jr.lc.lineAt(jr.lc.skip(off, " \t\r\n")), "", "there is more after the JSON object (expected the file to end with its closing })")
		return
	}
	if jr.records == 0 && len(jr.c.ps) == 0 {
		jr.c.add(1, "", "no apps, launches, events, groups or figures in the file "+expectedJSON)
	}
}

// array reads the array under key, one record at a time.
func (jr *jsonReader) array(key string, line int, record func(key string, i int) bool) {
	// Two arrays under one key would be merged: it may be what was
	// meant, or a mistake. Say so, and read on.
	if at, ok := jr.arrays[key]; ok {
		jr.c.add(line, key, fmt.Sprintf("a second %q array, after the one on line %d (expected one; merge them into one array)", key, at))
	} else {
		jr.arrays[key] = line
	}
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
		jr.records++
		if !record(key, i) {
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

const recordTooLong = "the record is longer than 1 MiB (expected records of a few lines each; is this the right file?)"

// streamError reports an error of the JSON stream outside a record, or
// of the input itself, and stops.
func (jr *jsonReader) streamError(err error) {
	var se *json.SyntaxError
	switch {
	case errors.Is(err, errRecordTooLong):
		jr.c.fatal(jr.lc.lines+1, "", recordTooLong)
	case errors.Is(err, errBrokenUTF16):
		jr.c.fatal(jr.lc.endLine(), "", brokenUTF16)
	case truncated(err):
		jr.c.fatal(jr.lc.lastLine(), "", "the file ends before the JSON is complete (expected closing ] and } brackets)")
	case errors.As(err, &se):
		jr.c.fatal(jr.errLine(), "", "the JSON is not valid here: "+se.Error())
	default:
		jr.c.fatal(jr.lc.lastLine(), "", "the file could not be read: "+cutMessage(err.Error()))
	}
}

// truncated reports whether err says the input ended inside the JSON.
func truncated(err error) bool {
	var se *json.SyntaxError
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &se) && strings.Contains(se.Error(), "unexpected end of JSON input")
}

// errLine is the line of the first byte after the last good token.
func (jr *jsonReader) errLine() int {
	return jr.lc.lineAt(jr.lc.skip(jr.dec.InputOffset(), " \t\r\n"))
}
