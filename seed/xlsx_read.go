package seed

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	zpath "path"
	"strings"
)

// A workbook's parts, read with archive/zip and encoding/xml: the sheets
// it lists, its shared strings, its cell styles, and a sheet's rows, cell
// by cell, each as the workbook holds it (what excelize's
// Rows.Columns(Options{RawCellValue: true}) gave, which uptake used to
// read workbooks with, at 12 ms of package init on every run).
//
// Elements are matched by their local name, so that a Strict Open XML
// workbook (namespaces http://purl.oclc.org/ooxml/…) reads as a
// transitional one, and parts are looked up by name in any case, with \
// read as /, as Excel opens them.
//
// Where it reads otherwise than excelize did, it is on workbooks Excel
// does not write, and a problem is better than what excelize did:
//   - Only the parts needed are unpacked: the workbook and its
//     relationships, the sheet, the shared strings once a cell needs one,
//     the styles once the header holds a number in a style. A damaged
//     part (bad XML, a checksum that fails) is a problem that names it and
//     the row; excelize refused a workbook with any part damaged, and
//     ended a sheet at bad XML without a word.
//   - Rows or cells out of order, a shared string's number that is not
//     one or past the table, and a style that is not a number are
//     problems; excelize put such cells at the end of the row before,
//     gave the first shared string or an empty cell, and dropped the
//     cell's value.
//   - Parts are found in any case; a cell past column XFD that is empty is
//     ignored, as any empty cell is; a part in an encoding other than
//     UTF-8 (or ASCII) is a problem.
//   - What the header shows: see xlsx_format.go.

// maxXMLDepth is how deeply the elements of a part may nest: a sheet's
// cells are at depth 4 and Excel's deepest parts nest a dozen deep.
const maxXMLDepth = 100

// xlsxBook is a workbook opened from its zip.
type xlsxBook struct {
	parts    map[string]*zip.File // by name, lowercased, with / for \
	sheets   []xlsxSheet          // in the workbook's order
	date1904 bool

	sstPart, stylesPart string // their names, lowercased

	sstRead bool
	sst     string   // the shared strings, end to end
	sstEnds []uint32 // where each ends in sst

	stylesRead bool
	xfFormats  []int          // each cell style's number format id
	numFmts    map[int]string // the workbook's own number formats, by id

	// recalc says why the values saved with formulas are not to be
	// trusted ("" when they are): the workbook asks to be calculated
	// again on opening, as openpyxl and xlsxwriter write it with values
	// they did not calculate.
	recalc string
	// appRead: the program that wrote the workbook, docProps/app.xml's
	// Application, has been read into writer.
	appRead bool
	writer  string
}

// xlsxSheet is a sheet the workbook lists: its name, its part ("" if
// the workbook's relationships name none), its kind (worksheet,
// chartsheet…, the relationship's type), and whether Excel hides it.
type xlsxSheet struct {
	name, part, kind string
	hidden           bool
}

// partName is the name of a part as looked up: lowercased, with / for \.
func partName(name string) string { return strings.ToLower(strings.ReplaceAll(name, "\\", "/")) }

// openBook reads which sheets a workbook has, and where its parts are.
func openBook(zr *zip.Reader) (*xlsxBook, error) {
	b := &xlsxBook{parts: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := partName(f.Name)
		if had := b.parts[name]; had != nil {
			// Which of the two Excel would read is not known: neither is.
			return nil, fmt.Errorf("it holds two parts named %s and %s", quote(had.Name), quote(f.Name))
		}
		b.parts[name] = f
	}
	wb := "xl/workbook.xml"
	rels, err := b.rels("_rels/.rels", "")
	if err != nil {
		return nil, err
	}
	for _, r := range rels {
		if r.kind == "officedocument" && b.parts[r.target] != nil {
			wb = r.target
			break
		}
	}
	if b.parts[wb] == nil {
		return nil, errors.New("it has no workbook part (xl/workbook.xml)")
	}
	dir := zpath.Dir(wb)
	if rels, err = b.rels(zpath.Join(dir, "_rels", zpath.Base(wb)+".rels"), dir); err != nil {
		return nil, err
	}
	byID := map[string]xlsxRel{}
	for _, r := range rels {
		if had, ok := byID[r.id]; ok && had.target != r.target {
			return nil, fmt.Errorf("its relationship %s leads to two parts, %s and %s", quote(r.id), quote(had.target), quote(r.target))
		}
		byID[r.id] = r
		switch r.kind {
		case "sharedstrings":
			if b.sstPart == "" {
				b.sstPart = r.target
			}
		case "styles":
			if b.stylesPart == "" {
				b.stylesPart = r.target
			}
		}
	}
	if b.sstPart == "" {
		b.sstPart = zpath.Join(dir, "sharedstrings.xml")
	}
	if b.stylesPart == "" {
		b.stylesPart = zpath.Join(dir, "styles.xml")
	}
	if err := b.readWorkbook(wb, byID); err != nil {
		return nil, err
	}
	return b, nil
}

// xlsxRel is a relationship of a part: its id, the last word of its type
// (lowercased: worksheet, sharedstrings, officedocument…) and the part
// it targets.
type xlsxRel struct{ id, kind, target string }

// rels reads the relationships part name, whose targets are relative to
// folder dir; a workbook without it has none.
func (b *xlsxBook) rels(name, dir string) ([]xlsxRel, error) {
	p, ok, err := b.openPart(partName(name))
	if !ok || err != nil {
		return nil, err
	}
	defer p.close()
	var out []xlsxRel
	for {
		tok, err := p.token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		if mode, _ := attr(se, "TargetMode"); strings.EqualFold(mode, "External") {
			continue
		}
		id, _ := attr(se, "Id")
		typ, _ := attr(se, "Type")
		target, _ := attr(se, "Target")
		if target == "" {
			continue
		}
		if t, err := url.PathUnescape(target); err == nil {
			target = t // a target is a URI: sheet%201.xml is "sheet 1.xml"
		}
		target = strings.ReplaceAll(target, "\\", "/")
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(zpath.Clean(target), "/")
		} else {
			target = zpath.Join(dir, target)
		}
		out = append(out, xlsxRel{id: id, kind: strings.ToLower(typ[strings.LastIndexByte(typ, '/')+1:]), target: partName(target)})
	}
}

// readWorkbook reads the workbook part: its sheets, in order, each with
// its part from the relationships byID, and its date system.
func (b *xlsxBook) readWorkbook(name string, byID map[string]xlsxRel) error {
	p, _, err := b.openPart(name)
	if err != nil {
		return err
	}
	defer p.close()
	for {
		tok, err := p.token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "workbookPr":
			if v, ok := attr(se, "date1904"); ok {
				switch strings.ToLower(strings.TrimSpace(v)) {
				case "1", "true", "on":
					b.date1904 = true
				case "0", "false", "off", "":
				default:
					// Four years and a day apart: not a guess to make.
					return fmt.Errorf("its date system (date1904=%s) is neither true nor false", quote(v))
				}
			}
		case "calcPr":
			isTrue := func(name string) bool {
				v, _ := attr(se, name)
				return v == "1" || strings.EqualFold(strings.TrimSpace(v), "true")
			}
			isFalse := func(name string) bool {
				v, _ := attr(se, name)
				return v == "0" || strings.EqualFold(strings.TrimSpace(v), "false")
			}
			mode, _ := attr(se, "calcMode")
			switch {
			case isTrue("fullCalcOnLoad"):
				b.recalc = "the workbook asks to be calculated again when it is opened (fullCalcOnLoad), as programs that write formulas without calculating them do"
			case mode == "manual" && isFalse("calcOnSave"):
				b.recalc = "the workbook is calculated by hand and was saved without being calculated (calcMode manual, calcOnSave off)"
			}
		case "sheet":
			if p.depth() != 3 {
				continue // not workbook/sheets/sheet
			}
			s := xlsxSheet{}
			s.name, _ = attr(se, "name")
			state, _ := attr(se, "state")
			s.hidden = state == "hidden" || state == "veryHidden"
			for _, a := range se.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" && a.Name.Space != "xmlns" {
					s.part, s.kind = byID[a.Value].target, byID[a.Value].kind
				}
			}
			b.sheets = append(b.sheets, s)
		}
	}
}

// sheetNames lists the workbook's sheets.
func (b *xlsxBook) sheetNames() []string { return namesOf(b.sheets) }

func namesOf(sheets []xlsxSheet) []string {
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.name
	}
	return names
}

// sharedString returns shared string i, reading the table on first use.
func (b *xlsxBook) sharedString(i int) (string, error) {
	if !b.sstRead {
		b.sstRead = true
		if err := b.readSharedStrings(); err != nil {
			return "", err
		}
	}
	if i < 0 || i >= len(b.sstEnds) {
		return "", fmt.Errorf("it refers to shared string %d, and the workbook has %d", i, len(b.sstEnds))
	}
	start := uint32(0)
	if i > 0 {
		start = b.sstEnds[i-1]
	}
	return b.sst[start:b.sstEnds[i]], nil
}

// readSharedStrings reads the shared strings: each <si> of the table,
// its text or its runs of rich text, end to end in one string.
func (b *xlsxBook) readSharedStrings() error {
	p, ok, err := b.openPart(b.sstPart)
	if !ok || err != nil {
		return err
	}
	defer p.close()
	var all strings.Builder
	var buf []byte
	for {
		tok, err := p.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "si" && p.depth() == 2 {
			if buf, err = p.richText(buf[:0]); err != nil {
				return err
			}
			all.Write(buf)
			if uint64(all.Len()) > 1<<32-1 {
				return errors.New("its shared strings are too long")
			}
			b.sstEnds = append(b.sstEnds, uint32(all.Len()))
		}
	}
	b.sst = all.String()
	return nil
}
