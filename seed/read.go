// Package seed reads figures, launches, events, groups and apps from the files
// researchers have (format table in read.go), and holds the bundled
// dataset. Readers are pure: they fill a Sink (a
// store.Batch) and return the problems they found with line numbers;
// writing is the store's job, and a file with problems is not written.
package seed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Sink receives the records a reader finds: a store.Batch is one.
type Sink interface {
	AddApp(figures.App)
	AddLaunch(figures.Launch)
	AddFigure(f figures.Figure, line int) // line: where in the file it was read, for messages
	AddEvent(e figures.Event, line int)
	AddGroup(g figures.Group, line int) // a user's group, checked by figures.NewGroup
}

// Options change how a file is read; the zero value recognises the
// format and takes each format's defaults.
type Options struct {
	Format string // the format's name or its short name (FormatNames): read the file as that, without recognising it
	Metric string // which of a store report's counts are installs (the format says which it offers)
	Sheet  string // a workbook's sheet; "" is the first
	Source string // the source of every figure; "" is the format's vendor
	// Days sums the daily and weekly rows of every file of an import into
	// months; the caller makes it (NewDays), passes it to each file, and
	// calls its Emit once all are read. Nil: ReadWith makes one for the
	// file and emits it.
	Days *Days
}

// Understood is what a reader made of a file, for -dry-run and the
// import's report.
type Understood struct {
	Format string // the format, as FormatNames names it
	Metric string // the count taken as installs, in the file's own words; "" for uptake's files
}

// input is a file as a reader gets it.
type input struct {
	br   *bufio.Reader // text (UTF-8, lines in \n or \r\n), or bytes for a binary format
	name string        // for problems and notes
	opt  Options
}

// format is a kind of file uptake reads: how to know it from the start
// of its content, and how to read it. ReadWith tries them in order; a new
// format is a file of its own and an entry in formats.
type format struct {
	name      string                 // shown in messages and -dry-run
	short     string                 // what -as takes
	recognise func(head []byte) bool // the start of the text (of the bytes, when binary), up to 4 KB
	read      func(in input, s Sink) (Understood, Problems)
	binary    bool // read as bytes (a workbook), not opened as text
	// nearMiss, if set, says why a file that no format claimed is almost
	// this one ("a Play Console file without its Country column: …"), or "".
	nearMiss func(head []byte) string
}

// formats lists the formats, the most particular first: uptake's own CSV
// reads whatever the others do not claim, and says what it lacks.
func formats() []format {
	return []format{
		{name: "apps file", short: "apps", recognise: looksLikeAppsFile, read: readAppsFile},
		{name: playFormatName, short: "play", recognise: looksLikePlay, read: readPlay, nearMiss: playNearMiss},
		{name: appStoreFormat, short: "appstore", recognise: looksLikeAppStore, read: readAppStore, nearMiss: appStoreNearMiss},
		// The vendors' JSON before uptake's, which takes any JSON.
		{name: sensorTowerFormat, short: "sensortower", recognise: looksLikeSensorTower, read: readSensorTower},
		{name: appfiguresFormat, short: "appfigures", recognise: looksLikeAppfigures, read: readAppfigures},
		{name: "uptake JSON", short: "json", recognise: looksLikeJSON, read: func(in input, s Sink) (Understood, Problems) {
			return Understood{Format: "uptake JSON"}, readJSONText(in.br, in.name, s)
		}},
		wideFormat(),
		xlsxFormat(),
		{name: "uptake CSV", short: "csv", recognise: func([]byte) bool { return true }, read: func(in input, s Sink) (Understood, Problems) {
			return Understood{Format: "uptake CSV"}, readCSVText(in.br, in.name, s, true)
		}},
	}
}

// FormatNames lists the formats -as takes, as "short (name)".
func FormatNames() []string {
	var out []string
	for _, f := range formats() {
		out = append(out, f.short+" ("+f.name+")")
	}
	return out
}

// Read reads a file into s, recognising its format by its content, never
// by its name. name is used in problems only.
func Read(r io.Reader, name string, s Sink) Problems {
	_, ps := ReadWith(r, name, s, Options{})
	return ps
}

// ReadWith reads a file into s as opt says and tells what it understood.
// The content decides the format unless opt.Format names one: gzip'd
// files are unpacked first; a zip (a workbook) goes to the binary
// formats; anything else is text, UTF-8 with or without a byte order
// mark, or UTF-16 with one (see openText).
func ReadWith(r io.Reader, name string, s Sink, opt Options) (Understood, Problems) {
	if opt.Days == nil {
		opt.Days = NewDays()
		u, ps := ReadWith(r, name, s, opt)
		if len(ps) == 0 {
			ps = opt.Days.Emit(s)
		}
		return u, ps
	}
	raw := bufio.NewReaderSize(r, bufSize)
	magic, _ := raw.Peek(4)
	if bytes.HasPrefix(magic, []byte{0x1f, 0x8b}) {
		gz, err := gzip.NewReader(raw)
		if err != nil {
			return Understood{}, notText(name, "the file starts as gzip but cannot be unpacked: "+err.Error()+" (download it again)")
		}
		defer gz.Close()
		raw = bufio.NewReaderSize(&gzipCheck{r: gz}, bufSize)
		magic, _ = raw.Peek(4)
	}
	all := formats()
	if opt.Format != "" {
		f, ok := formatNamed(all, opt.Format)
		if !ok {
			return Understood{}, notText(name, fmt.Sprintf("%q is not a format uptake reads (expected one of: %s)", opt.Format, strings.Join(FormatNames(), ", ")))
		}
		all = []format{f}
	}
	if ole, _ := raw.Peek(8); string(ole) == oleMagic {
		return Understood{}, notText(name, "the file is an Office compound file: an Excel workbook protected with a password, or an old .xls (Excel 97–2003), neither of which uptake reads (open it in Excel and save it as .xlsx without a password, or as CSV UTF-8)")
	}
	if bytes.HasPrefix(magic, []byte("PK\x03\x04")) {
		head, _ := raw.Peek(4 << 10)
		for _, f := range all {
			if f.binary && f.recognise(head) {
				return f.read(input{br: raw, name: name, opt: opt}, s)
			}
		}
		return Understood{}, notText(name, "the file is a zip archive, but not an Excel workbook (.xlsx) uptake reads (unpack it, or save the sheet as CSV UTF-8)")
	}
	br, msg := openText(raw)
	if msg != "" {
		return Understood{}, notText(name, msg)
	}
	head, _ := br.Peek(4 << 10)
	for i, f := range all {
		// A format named in opt is read without recognising it, as
		// Options.Format says, so that its reader names what is wrong.
		if f.binary || opt.Format == "" && !f.recognise(head) {
			continue
		}
		u, ps := f.read(input{br: br, name: name, opt: opt}, s)
		if i == len(all)-1 && opt.Format == "" && len(ps) > 0 && ps[0].Line == 1 {
			ps = append(Problems{triedFormats(name, all, head)}, ps...)
		}
		return u, ps
	}
	return Understood{}, notText(name, "uptake does not read this kind of file")
}

// oleMagic starts an OLE compound file: an .xls, or an .xlsx saved with a
// password (Office wraps the encrypted zip in one).
const oleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

// triedFormats is the problem that says which formats a file was tried
// as, and which it came nearest to.
func triedFormats(name string, all []format, head []byte) Problem {
	var names []string
	near := ""
	for _, f := range all {
		names = append(names, f.name)
		if near == "" && f.nearMiss != nil {
			near = f.nearMiss(head)
		}
	}
	msg := "read as uptake CSV, the last of the formats tried (" + strings.Join(names, ", ") + ")"
	if near != "" {
		msg += "; " + near
	}
	return Problem{File: name, Line: 1, Message: msg}
}

func formatNamed(all []format, name string) (format, bool) {
	for _, f := range all {
		if strings.EqualFold(name, f.short) || strings.EqualFold(name, f.name) {
			return f, true
		}
	}
	return format{}, false
}

// gzipCheck turns gzip's errors into ones that say what to do.
type gzipCheck struct{ r io.Reader }

func (g *gzipCheck) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("the gzip'd file is damaged or cut short: %w (download it again)", err)
	}
	return n, err
}

// notText is the one problem of a file that is not text uptake reads.
func notText(name, msg string) Problems {
	return Problems{{File: name, Line: 1, Message: msg}}
}

var bom = []byte("\xef\xbb\xbf")

// bufSize is the size of the readers' buffers: large enough for speed on
// big files, small enough not to cost much on small ones.
const bufSize = 16 << 10

// looksLikeJSON reports a text that starts, past any spaces, with { or [.
func looksLikeJSON(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	return len(head) > 0 && (head[0] == '{' || head[0] == '[')
}

// KnownFormat reports whether name is a format's name or short name.
func KnownFormat(name string) bool {
	_, ok := formatNamed(formats(), name)
	return ok
}
