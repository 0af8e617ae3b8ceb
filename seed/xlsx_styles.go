package seed

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// A workbook's cell styles: each one's number format, read once a
// header needs one (xlsx_format.go shows a date in it).

// numFmt returns the number format code of cell style s, and whether it
// has one; a style the workbook does not have is General, as excelize
// took it.
func (b *xlsxBook) numFmt(s int) (string, bool) {
	if !b.stylesRead {
		b.stylesRead = true
		b.readStyles() // a workbook whose styles cannot be read shows its cells as they are
	}
	if s < 0 || s >= len(b.xfFormats) {
		return "", false
	}
	id := b.xfFormats[s]
	if code, ok := b.numFmts[id]; ok {
		return code, true
	}
	code, ok := builtInNumFmt(id)
	return code, ok
}

// readStyles reads the number format of each cell style (<cellXfs><xf
// numFmtId>) and the workbook's own formats (<numFmts><numFmt>); styles
// that cannot be read are none, as excelize took them.
func (b *xlsxBook) readStyles() {
	p, ok, err := b.openPart(b.stylesPart)
	if !ok || err != nil {
		return
	}
	defer p.close()
	b.numFmts = map[int]string{}
	for {
		tok, err := p.token()
		if err == io.EOF {
			return
		}
		if err != nil {
			b.xfFormats, b.numFmts = nil, nil
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok || p.depth() != 3 {
			continue
		}
		switch parent := p.open[1].Local; {
		case se.Name.Local == "xf" && parent == "cellXfs":
			v, _ := attr(se, "numFmtId")
			id, _ := strconv.Atoi(strings.TrimSpace(v))
			b.xfFormats = append(b.xfFormats, id)
		case se.Name.Local == "numFmt" && parent == "numFmts":
			v, _ := attr(se, "numFmtId")
			id, err := strconv.Atoi(strings.TrimSpace(v))
			code, _ := attr(se, "formatCode")
			if code16, ok := attr(se, "formatCode16"); ok && code16 != "" {
				code = code16
			}
			if _, dup := b.numFmts[id]; err == nil && !dup {
				b.numFmts[id] = code
			}
		}
	}
}
