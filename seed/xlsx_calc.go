package seed

import (
	"encoding/xml"
	"strings"
)

// Whether the values a workbook saved with its formulas are to be
// trusted (xlsx_read.go reads calcPr; the program that wrote it is in
// docProps/app.xml).

// formulaDoubt says why a value saved with a formula is not to be
// trusted, "" when it is: the workbook asks to be calculated again, or
// the program that wrote it saves formulas without calculating them.
func (b *xlsxBook) formulaDoubt() string {
	if b.recalc != "" {
		return b.recalc
	}
	if !b.appRead {
		b.appRead = true
		b.writer = b.application()
	}
	if strings.HasPrefix(b.writer, "Go Excelize") {
		return "the workbook was written by " + b.writer + ", which saves a formula without calculating it"
	}
	return ""
}

// application is the program that wrote the workbook, as
// docProps/app.xml names it; "" when it does not.
func (b *xlsxBook) application() string {
	p, ok, err := b.openPart("docprops/app.xml")
	if !ok || err != nil {
		return ""
	}
	defer p.close()
	for {
		tok, err := p.token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "Application" && p.depth() == 2 {
			text, err := p.chars(nil)
			if err != nil {
				return ""
			}
			return strings.TrimSpace(string(text))
		}
	}
}
