package seed

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
)

// A workbook's zip, checked before its parts are read.

// checkZip opens a workbook's zip and checks its parts before they are
// read; msg says what is wrong.
func checkZip(data []byte) (zr *zip.Reader, msg string) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, "the file starts as a zip archive (an Excel workbook) but cannot be opened: " + errText(err) + " (save it again from Excel, or as CSV UTF-8)"
	}
	if len(zr.File) > maxWorkbookParts {
		return nil, fmt.Sprintf("the workbook holds %d files (expected at most %d; is this an Excel workbook?)", len(zr.File), maxWorkbookParts)
	}
	if msg := zipAgrees(data, zr.File); msg != "" {
		return nil, "the workbook's zip is not one Excel writes: " + msg + " (save it again from Excel, or as CSV UTF-8)"
	}
	var total uint64
	for _, f := range zr.File {
		name := partName(f.Name)
		limit := uint64(maxPartBytes)
		if strings.HasPrefix(name, "xl/worksheets/") || name == "xl/sharedstrings.xml" {
			limit = maxSheetXMLBytes
		}
		total += f.UncompressedSize64
		if f.UncompressedSize64 > limit || total > maxUnpackedBytes {
			return nil, fmt.Sprintf("the workbook unpacks to more than uptake reads (%s declares %d MB; expected at most %d MB a part and %d MB in all: save the sheet as CSV UTF-8, or split it)",
				quote(f.Name), f.UncompressedSize64>>20, limit>>20, maxUnpackedBytes>>20)
		}
	}
	return zr, ""
}

// zipAgrees says how a zip's central directory, which archive/zip
// reads, and the local headers before each part's data, which other
// readers follow, disagree, or "" when they agree: a part named one thing
// in one and another in the other, or two parts sharing bytes, would be
// read as different figures by different programs.
func zipAgrees(data []byte, files []*zip.File) string {
	type span struct{ from, to int64 }
	spans := make([]span, 0, len(files))
	for _, f := range files {
		off, err := f.DataOffset()
		if err != nil || !localHeaderNames(data, off, f.Name) {
			return fmt.Sprintf("the part %s is named otherwise where its data is", quote(f.Name))
		}
		spans = append(spans, span{off, off + int64(f.CompressedSize64)})
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.from, b.from) })
	for i := 1; i < len(spans); i++ {
		if spans[i].from < spans[i-1].to {
			return "two of its parts share bytes"
		}
	}
	return ""
}

// localHeaderNames reports whether the local header that ends where a
// part's data starts (at off) names it name. Its extra field's length is
// not known from the central directory: up to maxLocalExtra is tried.
func localHeaderNames(data []byte, off int64, name string) bool {
	const maxLocalExtra = 1024 // Excel and zip tools write a few dozen bytes
	n := int64(len(name))
	for e := int64(0); e <= maxLocalExtra; e++ {
		h := off - 30 - n - e
		if h < 0 || off > int64(len(data)) {
			return false
		}
		if string(data[h:h+4]) == "PK\x03\x04" && int64(binary.LittleEndian.Uint16(data[h+26:])) == n &&
			int64(binary.LittleEndian.Uint16(data[h+28:])) == e && string(data[h+30:h+30+n]) == name {
			return true
		}
	}
	return false
}
