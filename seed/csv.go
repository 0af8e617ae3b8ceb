package seed

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ReadCSV reads a CSV file of figures (app,country,from,to,installs and
// optionally source, note, estimate), of launches (app,country,launched),
// of events (month,country,text and optionally app, source, note; the
// text column may be called event), of groups' members (group,country, a
// row per member), or of several kinds as -export data writes them, into
// s. The header row decides which; its columns may come in any order and
// in any case, and a column uptake does not read is a problem. The
// file may be UTF-8, with or without a byte order mark, or UTF-16 with
// one; end lines with CRLF, LF or CR; and separate fields with commas,
// semicolons or tabs, which a first line such as sep=; may name. From
// and to may be written as spreadsheets re-save months (2020-08-01,
// 8/1/2020 as month/day/year, Aug-20, Aug 2020: see parseSheetMonth).
// name is used in problems only.
func ReadCSV(r io.Reader, name string, s Sink) Problems { return readCSVWith(r, name, s, true) }

// readCSVWith is ReadCSV, with the line reader and the fast rows on or off:
// tests turn them off to check that both ways read every file alike.
func readCSVWith(r io.Reader, name string, s Sink, fast bool) Problems {
	br, msg := openText(r)
	if msg != "" {
		return notText(name, msg)
	}
	return readCSVText(br, name, s, fast)
}

// readCSVText reads a CSV file that openText has made text; fast turns
// the line reader and the fast rows on.
func readCSVText(raw *bufio.Reader, name string, s Sink, fast bool) Problems {
	c := &collector{file: name}
	delim, sepLine, msg := excelSeparator(raw)
	if msg != "" {
		c.fatal(1, "", msg)
		return c.ps
	}
	if !sepLine {
		delim = sniffDelimiter(raw)
	}
	rd := &csvReader{c: c, lines: newLineReader(raw, delim), delim: delim,
		sink: s, conv: newConverter(), fast: newFastFigures()}
	rd.conv.sheetMonths = true
	if sepLine {
		rd.lines.line = 1 // the header is on line 2 or later
	}
	if !fast {
		rd.toCSVReader()
	}
	rd.read()
	return rd.c.ps
}

// toCSVReader hands the rest of the file to encoding/csv, behind the
// limiter, with line numbers going on from the lines read so far.
func (rd *csvReader) toCSVReader() {
	off := rd.lines.line
	lim := newLimiter(rd.lines.rest(), rd.delim)
	lim.line, lim.start = off, off+1
	cr := csv.NewReader(bufio.NewReaderSize(lim, bufSize))
	cr.Comma = rune(rd.delim)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	rd.cr, rd.lim, rd.lineOff, rd.lines = cr, lim, off, nil
}

// csvReader reads a file's rows from lines, without allocating, until a
// line needs encoding/csv (a quote, a very long line), and from cr from
// there on; lineOff is the lines read before cr took over. Rows of figures
// that repeat what rows before them held go through fast; the others
// through the converter.
type csvReader struct {
	c       *collector
	lines   *lineReader
	cr      *csv.Reader
	lim     *limiter
	lineOff int
	delim   byte
	sink    Sink
	conv    *converter
	fast    *fastFigures
	strs    []string // a fast row as strings, for the converter

	cols       [numFields]int // the column of each field, or -1
	names      []string       // the header's names, as written, for problems
	blankCols  []int          // the columns with no name in the header
	headerLine int
	launches   bool        // a file of launches rather than figures
	events     bool        // a file of events (month, country, text) rather than figures
	groups     bool        // a file of groups' members (group, country)
	mixed      bool        // a file of several kinds: a row with a group is a member, with launched a launch, with a text an event
	rows       int         // data rows read, good or bad
	gather     groupGather // the groups' members, given to the sink at the end
}

func (rd *csvReader) read() {
	if !rd.header() {
		return
	}
	var ft figureText
	for {
		rec, raw, line, ok := rd.nextRow()
		if !ok {
			break
		}
		rd.rows++
		if n := max(len(rec), len(raw)); n != len(rd.names) {
			msg := fmt.Sprintf("the row has %d fields but the header has %d (expected one value per column; quote a value that holds a separator, e.g. \"3,600,000\")", n, len(rd.names))
			if !rd.c.add(line, "", msg) {
				return
			}
			continue
		}
		if len(rd.blankCols) > 0 && !rd.blankColumns(rec, raw, line) {
			return
		}
		if raw != nil {
			if !rd.launches && !rd.mixed && !rd.events && !rd.groups {
				if f, ok := rd.fast.figure(raw, &rd.cols); ok {
					rd.sink.AddFigure(f, line)
					continue
				}
			}
			rec = rd.toStrings(raw)
		}
		if rd.groups || rd.mixed && rd.get(rec, fGroup) != "" {
			if !rd.group(rec, line) {
				return
			}
			continue
		}
		if rd.mixed && rd.get(rec, fLaunched) != "" && (rd.get(rec, fFrom) != "" || rd.get(rec, fInstalls) != "") {
			if !rd.c.add(line, fLaunched.String(), "the row gives both a launch month and a figure (expected a launch, app,country,,,launched, or a figure with launched empty)") {
				return
			}
			continue
		}
		if rd.events || rd.mixed && rd.get(rec, fText) != "" {
			if !rd.event(rec, line) {
				return
			}
			continue
		}
		if rd.launches || rd.mixed && rd.get(rec, fLaunched) != "" {
			l, ok := rd.conv.launch(rd.get(rec, fApp), rd.get(rec, fCountry), rd.get(rec, fLaunched))
			if ok {
				rd.sink.AddLaunch(l)
			} else if !rd.report(line) {
				return
			}
			continue
		}
		ft = figureText{
			app: rd.get(rec, fApp), country: rd.get(rec, fCountry), platform: rd.get(rec, fPlatform),
			from: rd.get(rec, fFrom), to: rd.get(rec, fTo), installs: rd.get(rec, fInstalls),
			source: rd.get(rec, fSource), note: rd.get(rec, fNote), estimate: rd.get(rec, fEstimate),
		}
		f, ok := rd.conv.figure(&ft)
		if ok {
			rd.sink.AddFigure(f, line)
			rd.fast.learn(&ft, f)
		} else if !rd.report(line) {
			return
		}
	}
	if rd.rows == 0 && len(rd.c.ps) == 0 {
		example := "Resso,IN,2020-08,2020-08,3600000"
		switch {
		case rd.launches:
			example = "Resso,IN,2020-03"
		case rd.events:
			example = "2020-06,IN,TikTok banned in India"
		case rd.groups:
			example = "MENA,AE"
		}
		rd.c.add(rd.headerLine, "", "no figures, launches, events or groups after the header (expected a row for each, e.g. "+example+")")
	}
	rd.gather.emit(rd.sink)
}

// event reads a row of events, or a row of a mixed file that has a text;
// it reports false when the reading must stop.
func (rd *csvReader) event(rec []string, line int) bool {
	if rd.mixed {
		for _, f := range []field{fLaunched, fTo, fInstalls, fEstimate, fPlatform} {
			if rd.get(rec, f) != "" {
				return rd.c.add(line, rd.names[rd.cols[f]], "the row gives both an event (its text) and a figure or launch (expected an event with "+
					"platform, to, installs, estimate and launched empty, or a figure or launch with the text empty)")
			}
		}
	}
	e, ok := rd.conv.event(eventText{app: rd.get(rec, fApp), country: rd.get(rec, fCountry), month: rd.get(rec, fFrom),
		text: rd.get(rec, fText), source: rd.get(rec, fSource), note: rd.get(rec, fNote)}, fFrom)
	if ok {
		rd.sink.AddEvent(e, line)
		return true
	}
	return rd.report(line)
}

// get returns a field of a row, trimmed, or "" when the file lacks it.
func (rd *csvReader) get(rec []string, f field) string {
	if i := rd.cols[f]; i >= 0 {
		return strings.TrimSpace(rec[i])
	}
	return ""
}

// report turns the converter's problems into problems at their columns.
func (rd *csvReader) report(line int) bool {
	for _, fp := range rd.conv.errs {
		col, at := fp.field.String(), line
		if i := rd.cols[fp.field]; i >= 0 {
			col = rd.names[i]
			if rd.cr != nil {
				at, _ = rd.cr.FieldPos(i)
				at += rd.lineOff
			}
		}
		if !rd.c.add(at, col, fp.msg) {
			return false
		}
	}
	return true
}

// nextRow returns the next row that is not blank and its line: as raw
// fields, slices of the line reader's buffer valid until the next call,
// while the line reader reads, and as rec once encoding/csv does. Rows
// that cannot be read are reported; ok is false at the end of the file or
// when the reading must stop.
func (rd *csvReader) nextRow() (rec []string, raw [][]byte, line int, ok bool) {
	for rd.lines != nil && !rd.c.stop {
		fields, line, st := rd.lines.next()
		switch st {
		case lineEOF:
			return nil, nil, 0, false
		case lineSlow:
			rd.toCSVReader()
			continue
		}
		if !blankBytes(fields) {
			return nil, fields, line, true
		}
	}
	rec, line, ok = rd.next()
	return rec, nil, line, ok
}

// toStrings copies raw fields into strings, for the converter.
func (rd *csvReader) toStrings(raw [][]byte) []string {
	rd.strs = rd.strs[:0]
	for _, f := range raw {
		rd.strs = append(rd.strs, string(f))
	}
	return rd.strs
}

// blankBytes reports whether every field of a row is empty or spaces.
func blankBytes(rec [][]byte) bool {
	for _, f := range rec {
		if len(bytes.TrimSpace(f)) > 0 {
			return false
		}
	}
	return true
}

// next returns the next row encoding/csv reads that is not blank, and its
// line.
func (rd *csvReader) next() (rec []string, line int, ok bool) {
	return nextCSVRow(rd.cr, rd.c, rd.lim, rd.lineOff)
}

// nextCSVRow returns the next row cr reads that is not blank, and its
// line; a row cr cannot read is a problem of c, and past MaxColumns
// fields the reading stops.
func nextCSVRow(cr *csv.Reader, c *collector, lim *limiter, lineOff int) (rec []string, line int, ok bool) {
	for !c.stop {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil, 0, false
		}
		if err != nil {
			csvReadError(c, lim, lineOff, err)
			continue
		}
		line, _ := cr.FieldPos(0)
		line += lineOff
		if len(rec) > MaxColumns {
			c.fatal(line, "", tooManyColumns)
			return nil, 0, false
		}
		if !blank(rec) {
			return rec, line, true
		}
	}
	return nil, 0, false
}

const tooManyColumns = "the row has more than 1000 fields (expected one field per column; is this a CSV file?)"

// csvReadError reports an error of encoding/csv, reading behind lim, whose
// line numbers are lineOff lines short of the file's.
func csvReadError(c *collector, lim *limiter, lineOff int, err error) {
	var pe *csv.ParseError
	switch {
	case errors.Is(err, errLineTooLong) && lim.start < lim.errLine:
		c.fatal(lim.start, "", fmt.Sprintf("the row that starts on this line runs on past 1 MiB, to line %d (expected short rows; is a quoted field left open?)", lim.errLine))
	case errors.Is(err, errLineTooLong):
		c.fatal(lim.errLine, "", "the line is longer than 1 MiB (expected one short row per line; is this a CSV file?)")
	case errors.Is(err, errTooManyColumns):
		c.fatal(lim.errLine, "", tooManyColumns)
	case errors.Is(err, errBrokenUTF16):
		c.fatal(lim.line+1, "", brokenUTF16)
	case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote):
		c.add(pe.Line+lineOff, "", `a field has a quote " inside it but does not start with one (expected quotes around the whole field, e.g. "Resso ""Lite""", or no quotes)`)
	case errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote):
		msg := `a quoted field is not closed properly (expected a closing quote followed by a separator or the end of the line; write "" for a quote inside)`
		if pe.StartLine != pe.Line {
			msg = fmt.Sprintf(`a quoted field that starts on this line is not closed properly by line %d (expected a closing quote followed by a separator or the end of the line; write "" for a quote inside)`, pe.Line+lineOff)
		}
		c.add(pe.StartLine+lineOff, "", msg)
	case errors.As(err, &pe):
		c.add(pe.Line+lineOff, "", cutMessage(pe.Err.Error()))
	default:
		c.fatal(lim.line+1, "", "the file could not be read: "+cutMessage(err.Error()))
	}
}

// blank reports whether every field of a row is empty or spaces.
func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
