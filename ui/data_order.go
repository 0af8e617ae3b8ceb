package ui

import (
	"cmp"
	"slices"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// orderRows filters and sorts the Data view's rows from the figures'
// columns, giving the same order as sorting Figures with compareFigures:
// rows whose cells contain needle, by column col (ties in key order), the
// whole order reversed when desc. A million rows take a few tens of
// milliseconds: each text is matched and ranked once, not once a row,
// and the sort is a stable radix sort on small integer keys.
func orderRows(c *store.Columns, needle string, col int, desc bool) []int32 {
	rows := filterRows(c, needle)
	if key, bits := sortKey(c, col); key != nil {
		rows = radixSort(rows, key, bits)
	}
	if desc {
		slices.Reverse(rows)
	}
	return rows
}

// filterRows returns the figures, in key order, that match needle
// (already in lower case): every word of it, each in any cell
// ("resso ww"), or in one column when it names one ("app:resso
// country:ww source:sensor"); words naming the same column are
// alternatives ("app:resso app:spotify"). A value in double quotes is
// the whole cell, spaces and all (app:"synthetic app 1"), not a part.
func filterRows(c *store.Columns, needle string) []int32 {
	n := len(c.Series)
	rows := make([]int32, 0, n)
	for i := range n {
		rows = append(rows, int32(i))
	}
	byField := map[int][]filterWord{}
	var fields []int
	for _, word := range filterWords(needle) {
		col := -1 // any column
		if name, value, ok := strings.Cut(word.text, ":"); ok && (value != "" || word.exact) {
			if c, known := filterColumns[name]; known {
				col, word.text = c, value
			}
		}
		if _, seen := byField[col]; !seen || col == -1 {
			fields = append(fields, col)
		}
		byField[col] = append(byField[col], word)
	}
	for _, col := range fields {
		words := byField[col]
		if col == -1 {
			for _, w := range words {
				rows = keepRows(c, rows, w, -1)
			}
			byField[-1] = nil
			continue
		}
		rows = keepAny(c, rows, words, col)
	}
	return rows
}

// A filterWord is one word of a filter; exact when it was quoted.
type filterWord struct {
	text  string
	exact bool
}

// filterWords splits a filter at spaces outside double quotes; the quotes
// go, and a word that had them matches whole cells only. An unclosed
// quote runs to the end.
func filterWords(s string) []filterWord {
	var words []filterWord
	var b strings.Builder
	quoted, exact, started := false, false, false
	flush := func() {
		if started {
			words = append(words, filterWord{b.String(), exact})
		}
		b.Reset()
		exact, started = false, false
	}
	for _, r := range s {
		switch {
		case r == '"':
			quoted, exact, started = !quoted, true, true
		case !quoted && (r == ' ' || r == '\t'):
			flush()
		default:
			b.WriteRune(r)
			started = true
		}
	}
	flush()
	return words
}

// filterColumns are the names a filter word may give its column by.
var filterColumns = map[string]int{
	"app": colApp, "country": colCountry, "platform": colPlatform, "from": colFrom, "to": colTo,
	"installs": colInstalls, "estimate": colEstimate, "est": colEstimate, "source": colSource, "note": colNote,
}

// keepAny keeps the rows matching any of words in column col.
func keepAny(c *store.Columns, rows []int32, words []filterWord, col int) []int32 {
	hit := make([]bool, len(c.Series))
	for _, w := range words {
		for _, i := range keepRows(c, rows, w, col) {
			hit[i] = true
		}
	}
	out := rows[:0:0]
	for _, i := range rows {
		if hit[i] {
			out = append(out, i)
		}
	}
	return out
}

// keepRows keeps the rows with a cell containing word (or, exact, equal
// to it), in column col or in any column (col -1), as the Data view draws
// the cells. Each text is matched once, not once a row.
func keepRows(c *store.Columns, rows []int32, word filterWord, col int) []int32 {
	needle := word.text
	has := func(cell string) bool {
		if word.exact {
			return strings.ToLower(cell) == needle
		}
		return strings.Contains(strings.ToLower(cell), needle)
	}
	in := func(want int) bool { return col == -1 || col == want }
	appHit := make([]bool, len(c.Apps))
	countryHit := make([]bool, len(c.Apps))
	for si := range c.Apps {
		appHit[si] = in(colApp) && has(figures.Sanitize(c.Apps[si]))
		countryHit[si] = in(colCountry) && (has(figures.Sanitize(c.Countries[si])) ||
			col == colCountry && (len(needle) > 2 || word.exact) && has(figures.CountryName(c.Countries[si])))
	}
	textHit := make([]bool, len(c.Texts))
	if in(colSource) || in(colNote) {
		for i, t := range c.Texts {
			textHit[i] = has(figures.Sanitize(t))
		}
	}
	monthHit := map[figures.Month]bool{}
	month := func(m figures.Month) bool {
		hit, ok := monthHit[m]
		if !ok {
			hit = has(m.String())
			monthHit[m] = hit
		}
		return hit
	}
	estHit := in(colEstimate) && (has(figures.MarkEstimate) || col == colEstimate && has("yes"))
	var platformHit [3]bool
	for p := range platformHit {
		platformHit[p] = in(colPlatform) && has(figures.Platform(p).String())
	}
	// Installs are drawn as 950, 3.6M or 1.2k: only a needle made of
	// those characters can match one, and only then is each formatted.
	installs := in(colInstalls) && strings.Trim(needle, "0123456789.kmbt") == ""
	out := rows[:0:0]
	for _, i := range rows {
		si := c.Series[i]
		if appHit[si] || countryHit[si] || in(colSource) && textHit[c.Source[i]] || in(colNote) && textHit[c.Note[i]] ||
			in(colFrom) && month(c.From[i]) || in(colTo) && month(c.To[i]) || estHit && c.Estimate[i] || platformHit[c.Platform[i]%3] ||
			installs && has(figures.FormatInstalls(float64(c.Installs[i]))) {
			out = append(out, i)
		}
	}
	return out
}

// The Data view's columns, as report.DataHeader names them.
const (
	colApp = iota
	colCountry
	colPlatform
	colFrom
	colTo
	colInstalls
	colEstimate
	colSource
	colNote
)

// sortKey returns, for sorting by column col, a key per figure whose
// order is the column's order, and how many bits the keys use; nil for
// the key order itself (the App column, whose ties are the key order).
func sortKey(c *store.Columns, col int) (key func(i int32) uint64, bits int) {
	switch col {
	case colCountry:
		rank := rankStrings(c.Countries, strings.Compare)
		return func(i int32) uint64 { return rank[c.Series[i]] }, bitsFor(uint64(len(c.Countries)))
	case colPlatform:
		return func(i int32) uint64 { return uint64(c.Platform[i]) }, 2
	case colFrom:
		return func(i int32) uint64 { return uint64(c.From[i]) }, bitsFor(uint64(figures.MaxMonth))
	case colTo:
		return func(i int32) uint64 { return uint64(c.To[i]) }, bitsFor(uint64(figures.MaxMonth))
	case colInstalls:
		var top int64
		for _, n := range c.Installs {
			top = max(top, n)
		}
		return func(i int32) uint64 { return uint64(c.Installs[i]) }, bitsFor(uint64(top))
	case colEstimate:
		return func(i int32) uint64 {
			if c.Estimate[i] {
				return 1
			}
			return 0
		}, 1
	case colSource, colNote:
		text := c.Source
		if col == colNote {
			text = c.Note
		}
		rank := rankStrings(c.Texts, strings.Compare)
		return func(i int32) uint64 { return rank[text[i]] }, bitsFor(uint64(len(c.Texts)))
	}
	return nil, 0
}

// rankStrings numbers strings by their order, equal strings alike.
func rankStrings(ss []string, compare func(a, b string) int) []uint64 {
	idx := make([]int, len(ss))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Or(compare(ss[a], ss[b]), cmp.Compare(a, b)) })
	rank := make([]uint64, len(ss))
	var r uint64
	for k, i := range idx {
		if k > 0 && compare(ss[idx[k-1]], ss[i]) != 0 {
			r++
		}
		rank[i] = r
	}
	return rank
}

func bitsFor(top uint64) int {
	bits := 1
	for top>>bits != 0 {
		bits++
	}
	return bits
}

// radixSort orders rows by key, keeping the order of rows with equal
// keys: a least-significant-digit radix sort, one pass a byte.
func radixSort(rows []int32, key func(i int32) uint64, bits int) []int32 {
	if len(rows) < 2 {
		return rows
	}
	keys := make([]uint64, len(rows))
	for k, i := range rows {
		keys[k] = key(i)
	}
	tmpRows := make([]int32, len(rows))
	tmpKeys := make([]uint64, len(rows))
	for shift := 0; shift < bits; shift += 8 {
		var count [257]int
		for _, k := range keys {
			count[(k>>shift)&0xff+1]++
		}
		if count[(keys[0]>>shift)&0xff+1] == len(keys) {
			continue // every key has the same byte here
		}
		for d := 1; d < len(count); d++ {
			count[d] += count[d-1]
		}
		for j, k := range keys {
			d := (k >> shift) & 0xff
			tmpRows[count[d]] = rows[j]
			tmpKeys[count[d]] = k
			count[d]++
		}
		rows, tmpRows = tmpRows, rows
		keys, tmpKeys = tmpKeys, keys
	}
	return rows
}

// arrangeWords say what arranging the rows does, for the status line:
// done ("filtered and sorted") and to do ("filter and sort").
func arrangeWords(needle string, col int, desc bool) (done, do string) {
	switch {
	case needle != "" && (col != 0 || desc):
		return "filtered and sorted", "filter and sort"
	case needle != "":
		return "filtered", "filter"
	}
	return "sorted", "sort"
}

// count is how many rows are shown.
func (v *dataView) count() int {
	if v.order {
		return len(v.shown)
	}
	return v.all.Len()
}

// index returns the figure shown at a row.
func (v *dataView) index(row int) int {
	if v.order {
		return int(v.shown[row])
	}
	return row
}

// position returns the row that shows figure i.
func (v *dataView) position(i int) (int, bool) {
	if !v.order {
		return i, i >= 0 && i < v.all.Len()
	}
	for row, idx := range v.shown {
		if int(idx) == i {
			return row, true
		}
	}
	return 0, false
}
