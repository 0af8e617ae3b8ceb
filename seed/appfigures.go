package seed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"

	"github.com/uptake/uptake/figures"
)

// Appfigures' sales reports, as its API returns them:
//
//	GET /v2/reports/sales?group_by=products,countries,dates&granularity=monthly&start_date=…&end_date=…
//
// The response nests JSON objects keyed by the group_by values, in the
// order asked: {"<product id>": {"US": {"2020-08-01": {…}}}}. The innermost
// objects (the sales) hold counts (downloads, re_downloads, updates,
// returns, net_downloads, …), revenue as strings ("12.34"), and often the
// date, the product_id, the country and the store. Installs are
// downloads: never net_downloads (downloads less returns) nor
// re_downloads (people who had the app before). The figures are the
// stores' own counts, so they are not estimates.
//
// A sale must say which product, country and date it counts, by the
// names it is filed under or by its own members: a report without
// products or countries in group_by sums over them, and summing is not
// something a file can be trusted to have done over everything (a
// countries= filter would make it a sum of some), so such a report is
// refused with a problem that says how to ask for one uptake reads.
// Which level is which is known from the names: product ids are digits,
// countries two capital letters, dates YYYY-MM-DD.
//
// granularity is not in the response either: inferPeriod works it out
// from the dates, and Days sums days and weeks into months.

const (
	appfigures       = "Appfigures"
	appfiguresFormat = "Appfigures sales report"
	afExpected       = `(expected an Appfigures /v2/reports/sales response, requested with group_by=products,countries,dates: {"<product id>": {"US": {"2020-08-01": {"downloads": …, "net_downloads": …}}}})`
	afMetric         = "downloads (first-time downloads; not net_downloads or re_downloads)"
	afWantProducts   = "group_by=products,countries,dates"
)

// The members of a sale that the reader looks at, by index.
var afMembers = []string{"downloads", "date", "product_id", "country", "iso", "store", "product"}

const (
	afDownloads = iota
	afDate
	afProductID
	afCountry
	afISO
	afStore
	afProduct
)

// The members of a sale's product object, when it has one.
var afProductMembers = []string{"id", "store", "store_name"}

const (
	afpID = iota
	afpStore
	afpStoreName
)

// looksLikeAppfigures recognises a JSON object that has, somewhere in
// its start, the members downloads and net_downloads of a sale.
func looksLikeAppfigures(head []byte) bool {
	h := bytes.TrimLeft(head, " \t\r\n")
	return len(h) > 0 && h[0] == '{' && hasKey(h, "downloads") && hasKey(h, "net_downloads")
}

// afLevel is what a level of the report's nesting is keyed by.
type afLevel uint8

const (
	afNone afLevel = iota // a sale's members
	afByProduct
	afByCountry
	afByDate
	afLevels
)

var afLevelNames = [afLevels]string{"", "product id", "country", "date"}

// levelOf tells a group's name by its shape.
func levelOf(key string) afLevel {
	switch {
	case isDigits(key) && len(key) <= 20:
		return afByProduct
	case len(key) == 2 && 'A' <= key[0] && key[0] <= 'Z' && 'A' <= key[1] && key[1] <= 'Z':
		return afByCountry
	case len(key) == 10 && key[4] == '-' && key[7] == '-' && isDigits(key[:4]) && isDigits(key[5:7]) && isDigits(key[8:]):
		return afByDate
	}
	return afNone
}

// afPath is the names a sale is filed under, by level.
type afPath [afLevels]struct {
	key  string
	line int
}

type afSeries struct {
	app, country string
	platform     figures.Platform
}

type afReader struct {
	t         *tokenReader
	sink      Sink
	series    []afSeries
	index     map[afSeries]int32
	apps      map[string]bool
	recs      []apiRecord
	got, prod []member
	prodClean bool
	sales     int
}

// readAppfigures reads a /v2/reports/sales response into s, through
// in.opt.Days.
func readAppfigures(in input, s Sink) (Understood, Problems) {
	r := &afReader{t: newTokenReader(in), sink: s, index: map[afSeries]int32{}, apps: map[string]bool{},
		got: make([]member, len(afMembers)), prod: make([]member, len(afProductMembers))}
	r.read()
	u := Understood{Format: appfiguresFormat, Metric: afMetric}
	c := r.t.c
	if len(c.ps) > 0 {
		return u, c.ps
	}
	src, period, ok := sourceAndPeriod(in, c, r.recs, appfigures, "granularity", "date")
	if !ok {
		return u, c.ps
	}
	u.Metric = afMetric + ", " + period.String()
	ds := daySource{file: in.name, metric: "downloads, " + period.String(), source: src}
	// A product is one store's; a sale that does not say which is put
	// under all platforms, and its note and the import say so.
	noStore := ds
	noStore.metric += " (the report does not say the store: one store's downloads, put under all platforms)"
	for _, se := range r.series {
		if se.platform == figures.AllPlatforms {
			u.Metric += "; some sales do not say their store, and are put under all platforms"
			break
		}
	}
	for _, rec := range r.recs {
		se := r.series[rec.series]
		first, last := period.span(rec.day)
		src := ds
		if se.platform == figures.AllPlatforms {
			src = noStore
		}
		if msg := in.opt.Days.add(src, se.app, se.country, se.platform, first, last, rec.n, int(rec.line)); msg != "" {
			if !c.add(int(rec.line), "date", msg) {
				break
			}
		}
	}
	return u, c.ps
}

func (r *afReader) read() {
	t := r.t
	tok, line, ok := t.first("the file is empty " + afExpected)
	if !ok {
		return
	}
	if d, isDelim := tok.(json.Delim); !isDelim || d != '{' {
		t.c.fatal(line, "", "the file does not start with a JSON object "+afExpected)
		return
	}
	if !r.node(afPath{}, line) || t.c.stop {
		return
	}
	t.end("object")
	if r.sales == 0 && len(t.c.ps) == 0 {
		t.c.add(1, "", "the report is empty: no sales for the dates, products and countries asked "+afExpected)
	}
}

// node reads an object whose { has been read, at line: a group, whose
// names are all product ids, all countries or all dates, each naming an
// object; or a sale. False stops the reading.
func (r *afReader) node(path afPath, line int) bool {
	t := r.t
	if !t.dec.More() { // {}: nothing in this group
		_, _, ok := t.next()
		return ok
	}
	tok, kline, ok := t.next()
	if !ok {
		return false
	}
	key, _ := tok.(string)
	level, firstAt := levelOf(key), kline
	if level == afNone {
		return r.sale(path, line, key, kline)
	}
	for {
		klevel := levelOf(key)
		vtok, vline, ok := t.next()
		if !ok {
			return false
		}
		d, isDelim := vtok.(json.Delim)
		var msg string
		switch {
		case klevel != level:
			msg = fmt.Sprintf("is not a %s like the first name of this object, on line %d (expected the names of one level alike: product ids, countries or dates, as group_by gives them)", afLevelNames[level], firstAt)
			if klevel != afNone {
				msg = fmt.Sprintf("is a %s, where the first name of this object is a %s (expected the names of one level alike, as group_by gives them)", afLevelNames[klevel], afLevelNames[level])
			}
		case path[level].line != 0:
			msg = fmt.Sprintf("is a second %s, inside %s on line %d (expected products, countries and dates once each, as group_by gives them)", afLevelNames[level], quote(shorten(path[level].key)), path[level].line)
		case !isDelim || d != '{':
			msg = "is " + jsonKind(vtok) + " (expected an object: the sales under " + quote(shorten(key)) + ")"
		}
		if msg != "" {
			if !t.c.add(kline, quote(shorten(key)), msg) || !t.skip(vtok) {
				return false
			}
		} else {
			inner := path
			inner[level].key, inner[level].line = key, kline
			if !r.node(inner, vline) {
				return false
			}
		}
		if t.c.stop {
			return false
		}
		if !t.dec.More() {
			break
		}
		if tok, kline, ok = t.next(); !ok {
			return false
		}
		key, _ = tok.(string)
	}
	_, _, ok = t.next() // the closing }
	return ok
}

// sale reads a sale, whose { was read at line and whose first name, key,
// at kline.
func (r *afReader) sale(path afPath, line int, key string, kline int) bool {
	t := r.t
	r.sales++
	clear(r.prod)
	r.prodClean = true
	inner := func(k int) bool {
		if k != afProduct {
			return t.skip(json.Delim('{'))
		}
		ok, clean := t.object(afProductMembers, r.prod, "", 0, nil)
		r.prodClean = clean
		return ok
	}
	ok, clean := t.object(afMembers, r.got, key, kline, inner)
	if ok && clean && r.prodClean {
		r.take(path, line)
	}
	return ok
}

// take makes a record of the sale just read, which starts at line.
func (r *afReader) take(path afPath, line int) {
	c, g, pg := r.t.c, r.got, r.prod
	bad := false
	fail := func(at int, column, msg string) {
		if at == 0 {
			at = line
		}
		bad = true
		c.add(at, column, msg)
	}
	has := func(m member) bool { return m.line != 0 && m.tok != nil } // null is not given

	// The product: the name it is filed under, its product_id, its
	// product's id; any two must agree.
	const wantID = "(expected Appfigures' product id, such as 40337456)"
	product, productAt, productFrom := path[afByProduct].key, path[afByProduct].line, "the product id it is filed under"
	for _, m := range []struct {
		member
		name string
	}{{g[afProductID], "product_id"}, {pg[afpID], "product.id"}} {
		if !has(m.member) {
			continue
		}
		id, msg := idOf(m.tok, true, wantID)
		switch {
		case msg != "":
			fail(m.line, m.name, msg)
		case product == "":
			product, productAt, productFrom = id, m.line, m.name
		case id != product:
			fail(m.line, m.name, fmt.Sprintf("is %s, but %s on line %d is %s (expected the same product)", quote(id), productFrom, productAt, quote(product)))
		}
	}
	if product == "" && !bad {
		c.fatal(line, "", "the sale does not say which product it counts: the report has no products level, and its sales no product_id (expected a report requested with "+afWantProducts+")")
		return
	}

	// The country: the name it is filed under, or its iso or country
	// member; a country member that is a name uptake does not know is
	// left to the name it is filed under.
	country, countryAt := "", path[afByCountry].line
	if k := path[afByCountry].key; k != "" {
		code, err := figures.ParseCountry(k)
		if err != nil {
			fail(countryAt, quote(k), cutMessage(err.Error()))
		}
		country = code
	}
	for _, k := range []int{afISO, afCountry} {
		m := g[k]
		if !has(m) {
			continue
		}
		s, isString := m.tok.(string)
		if !isString {
			fail(m.line, afMembers[k], "is "+jsonKind(m.tok)+` (expected the country, such as "US")`)
			continue
		}
		code, err := figures.ParseCountry(s)
		switch {
		case err != nil && country == "":
			fail(m.line, afMembers[k], cutMessage(err.Error()))
		case err != nil:
		case country == "":
			country, countryAt = code, m.line
		case code != country:
			fail(m.line, afMembers[k], fmt.Sprintf("is %s, but the country on line %d is %s (expected the same country)", quote(s), countryAt, country))
		}
	}
	if country == "" && !bad {
		c.fatal(line, "", "the sale does not say which country it counts: the report has no countries level, and its sales no iso or country (expected a report requested with "+afWantProducts+"; a sum over countries is not taken as worldwide, since the request may have named some countries only)")
		return
	}

	// The date: the name it is filed under, or its date member.
	var day time.Time
	dayAt := path[afByDate].line
	if k := path[afByDate].key; k != "" {
		d, msg := dayOf(k)
		if msg != "" {
			fail(dayAt, quote(k), msg)
		}
		day = d
	}
	if m := g[afDate]; has(m) {
		d, msg := dayOf(m.tok)
		switch {
		case msg != "":
			fail(m.line, "date", msg)
		case day.IsZero():
			day = d
		case !d.Equal(day):
			fail(m.line, "date", fmt.Sprintf("is %s, but the date it is filed under on line %d is %s (expected the same date)", d.Format(time.DateOnly), dayAt, day.Format(time.DateOnly)))
		}
	}
	if day.IsZero() && !bad {
		c.fatal(line, "", "the sale does not say which date it counts: the report has no dates level, and its sales no date (expected a report requested with "+afWantProducts+")")
		return
	}

	// The store: the sale's store, or its product's.
	platform, storeAt, storeWord := figures.AllPlatforms, 0, ""
	for _, m := range []struct {
		member
		name string
	}{{g[afStore], "store"}, {pg[afpStore], "product.store"}, {pg[afpStoreName], "product.store_name"}} {
		if !has(m.member) {
			continue
		}
		s, isString := m.tok.(string)
		var p figures.Platform
		switch {
		case !isString:
			fail(m.line, m.name, "is "+jsonKind(m.tok)+` (expected the store, "apple" or "google_play")`)
			continue
		case s == "apple":
			p = figures.IOS
		case s == "google_play":
			p = figures.Android
		default:
			fail(m.line, m.name, fmt.Sprintf(`%s is not a store uptake follows (expected "apple" or "google_play"; ask for the products of those stores only)`, quote(shorten(s))))
			continue
		}
		if storeAt == 0 {
			platform, storeAt, storeWord = p, m.line, s
		} else if p != platform {
			fail(m.line, m.name, fmt.Sprintf("is %s, but the store on line %d is %s (expected the same store)", quote(s), storeAt, quote(storeWord)))
		}
	}

	var n int64
	if m := g[afDownloads]; !has(m) {
		fail(m.line, "downloads", "is missing or null: the sale has no downloads (expected downloads, the first-time downloads; revenue, net_downloads, re_downloads and updates are never taken as installs)")
	} else if v, msg := countOf(m.tok, true); msg != "" {
		fail(m.line, "downloads", msg)
	} else {
		n = v
	}
	if bad {
		return
	}
	if msg := appIDProblem(product, figures.IOS); msg != "" { // digits, at most 20 of them
		fail(productAt, "product_id", msg)
		return
	}
	se := afSeries{product, country, platform}
	i, ok := r.index[se]
	if !ok {
		i = int32(len(r.series))
		r.series = append(r.series, se)
		r.index[se] = i
	}
	if !r.apps[product] {
		r.apps[product] = true
		r.sink.AddApp(figures.App{Name: product})
	}
	r.recs = append(r.recs, apiRecord{series: i, day: dayNumber(day), line: int32(line), n: n})
}
