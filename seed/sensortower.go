package seed

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Sensor Tower's download estimates, as its API returns them:
//
//	GET /v1/ios/sales_report_estimates?app_ids=…&countries=…&date_granularity=monthly&start_date=…&end_date=…
//	GET /v1/android/sales_report_estimates?…
//
// The response is a JSON array of objects, one per app, country and
// period. An iOS object is {"aid","cc","d","iu","ir","au","ar"}: the app's
// App Store id, the country (ISO alpha-2, or WW), the period's first day
// ("2020-08-01T00:00:00Z"), iPhone downloads and revenue, iPad downloads
// and revenue. An Android object is {"aid","c","d","u","r"}: the package,
// the country, the day, downloads and revenue. Installs are iu + au, or
// u; revenues are cents and never installs. Every figure is an estimate.
//
// The response does not say its date_granularity: inferPeriod works it
// out from the dates of the whole file. Days, weeks and months all go
// through Days, which sums them into months.

const (
	sensorTower       = "Sensor Tower"
	sensorTowerFormat = "Sensor Tower sales estimates"
	stExpected        = `(expected a Sensor Tower sales_report_estimates response: a JSON array [{"aid": …, "cc": "US", "d": "2020-08-01T00:00:00Z", "iu": …, "au": …}, …])`
	stIOSMetric       = "iu + au (iPhone and iPad downloads)"
	stAndroidMetric   = "u (downloads)"
)

// The members of an object that the reader looks at, by index.
var stMembers = []string{"aid", "cc", "c", "d", "iu", "au", "u", "ir", "ar", "r"}

const (
	stAid = iota
	stCC
	stC
	stD
	stIU
	stAU
	stU
	stIR
	stAR
	stR
)

// looksLikeSensorTower recognises a JSON array whose first object has the
// members aid and d.
func looksLikeSensorTower(head []byte) bool {
	h := bytes.TrimLeft(head, " \t\r\n")
	if len(h) == 0 || h[0] != '[' {
		return false
	}
	h = bytes.TrimLeft(h[1:], " \t\r\n")
	if len(h) == 0 || h[0] != '{' {
		return false
	}
	if end := bytes.IndexByte(h, '}'); end >= 0 {
		h = h[:end]
	}
	return hasKey(h, "aid") && hasKey(h, "d")
}

// stSeries is what a series of the file counts: an app on a platform in
// a country.
type stSeries struct {
	app, country string
	platform     figures.Platform
}

type stReader struct {
	t       *tokenReader
	sink    Sink
	series  []stSeries
	index   map[stSeries]int32
	apps    map[stSeries]bool // apps added, by app and platform
	recs    []apiRecord
	got     []member
	objects int
	ios     bool // some object is iOS
	android bool // some object is Android
}

// readSensorTower reads a sales_report_estimates response into s, through
// in.opt.Days.
func readSensorTower(in input, s Sink) (Understood, Problems) {
	r := &stReader{t: newTokenReader(in), sink: s, index: map[stSeries]int32{}, apps: map[stSeries]bool{}, got: make([]member, len(stMembers))}
	r.read()
	u := Understood{Format: sensorTowerFormat, Metric: r.metric("")}
	c := r.t.c
	if len(c.ps) > 0 {
		return u, c.ps
	}
	src, period, ok := sourceAndPeriod(in, c, r.recs, sensorTower, "date_granularity", "d")
	if !ok {
		return u, c.ps
	}
	u.Metric = r.metric(period.String())
	for _, rec := range r.recs {
		se := r.series[rec.series]
		metric := stIOSMetric
		if se.platform == figures.Android {
			metric = stAndroidMetric
		}
		ds := daySource{file: in.name, metric: metric + ", " + period.String(), source: src, estimate: true}
		first, last := period.span(rec.day)
		if msg := in.opt.Days.add(ds, se.app, se.country, se.platform, first, last, rec.n, int(rec.line)); msg != "" {
			if !c.add(int(rec.line), "d", msg) {
				break
			}
		}
	}
	return u, c.ps
}

// metric says what was taken as installs, and by what period.
func (r *stReader) metric(period string) string {
	var parts []string
	if r.ios || !r.android {
		parts = append(parts, stIOSMetric)
	}
	if r.android {
		parts = append(parts, stAndroidMetric+" on Android")
	}
	m := strings.Join(parts, "; ")
	if period != "" {
		m += ", " + period
	}
	return m
}

func (r *stReader) read() {
	t := r.t
	tok, line, ok := t.first("the file is empty " + stExpected)
	if !ok {
		return
	}
	if d, isDelim := tok.(json.Delim); !isDelim || d != '[' {
		t.c.fatal(line, "", "the file does not start with a JSON array "+stExpected)
		return
	}
	for t.dec.More() && !t.c.stop {
		tok, line, ok := t.next()
		if !ok {
			return
		}
		r.objects++
		if d, isDelim := tok.(json.Delim); !isDelim || d != '{' {
			if !t.c.add(line, "", "the array holds "+jsonKind(tok)+" "+stExpected) || !t.skip(tok) {
				return
			}
			continue
		}
		ok, clean := t.object(stMembers, r.got, "", 0, nil)
		if !ok {
			return
		}
		if clean {
			r.estimate(line)
		}
	}
	if t.c.stop {
		return
	}
	if _, _, ok := t.next(); !ok { // the closing ]
		return
	}
	t.end("array")
	if r.objects == 0 && len(t.c.ps) == 0 {
		t.c.add(1, "", "the array is empty: no app had estimates for the dates and countries asked "+stExpected)
	}
}

// estimate takes the object just read, which starts at line.
func (r *stReader) estimate(line int) {
	c, g := r.t.c, r.got
	has := func(k int) bool { return g[k].line != 0 && g[k].tok != nil } // null is not given
	ios := has(stCC) || has(stIU) || has(stAU) || has(stIR) || has(stAR)
	android := has(stC) || has(stU) || has(stR)
	var p figures.Platform
	switch {
	case ios && android:
		c.add(line, "", "the object has both iOS members (cc, iu, au) and Android ones (c, u) (expected one or the other, as /v1/ios or /v1/android returns them)")
		return
	case ios:
		p = figures.IOS
		r.ios = true
	case android:
		p = figures.Android
		r.android = true
	default:
		c.add(line, "", "the object has neither iOS downloads (cc, iu, au) nor Android ones (c, u) "+stExpected)
		return
	}
	// Each member's problem is named, then the object is dropped.
	bad := false
	fail := func(k int, msg string) {
		at := g[k].line
		if at == 0 {
			at = line
		}
		bad = true
		c.add(at, stMembers[k], msg)
	}
	var app string
	if !has(stAid) {
		fail(stAid, "is missing (expected the app's id: its App Store id, or its Google Play package)")
	} else {
		var msg string
		if p == figures.IOS {
			app, msg = idOf(g[stAid].tok, true, "(expected the app's App Store id, such as 284882215)")
		} else {
			app, msg = idOf(g[stAid].tok, false, "(expected the app's Google Play package, such as com.spotify.music)")
		}
		if msg == "" {
			msg = appIDProblem(app, p)
		}
		if msg != "" {
			fail(stAid, msg)
		}
	}
	ck := stCC
	if p == figures.Android {
		ck = stC
	}
	var country string
	if !has(ck) {
		fail(ck, `is missing (expected the country, such as "US", or "WW" for worldwide)`)
	} else if s, ok := g[ck].tok.(string); !ok {
		fail(ck, "is "+jsonKind(g[ck].tok)+` (expected the country, such as "US", or "WW" for worldwide)`)
	} else if code, err := figures.ParseCountry(s); err != nil {
		fail(ck, cutMessage(err.Error()))
	} else {
		country = code
	}
	var day int32
	if !has(stD) {
		fail(stD, `is missing (expected the day the period starts, such as "2020-08-01T00:00:00Z")`)
	} else if d, msg := dayOf(g[stD].tok); msg != "" {
		fail(stD, msg)
	} else {
		day = dayNumber(d)
	}
	var n int64
	downloads := []int{stIU, stAU}
	revenue := "ir and ar are"
	if p == figures.Android {
		downloads, revenue = []int{stU}, "r is"
	}
	given := 0
	for _, k := range downloads {
		if has(k) {
			given++
		}
	}
	switch {
	case given == 0 && (has(stIR) || has(stAR) || has(stR)):
		fail(downloads[0], fmt.Sprintf("the object has revenue only: %s revenue in cents, never installs (expected the downloads: %s)", revenue, r.downloadsWord(p)))
	case given < len(downloads):
		for _, k := range downloads {
			if !has(k) {
				fail(k, fmt.Sprintf("is missing or null (expected the downloads: %s; without it the sum would be short)", r.downloadsWord(p)))
			}
		}
	default:
		for _, k := range downloads {
			v, msg := countOf(g[k].tok, false)
			if msg != "" {
				fail(k, msg)
			}
			n += v
		}
	}
	if bad {
		return
	}
	se := stSeries{app, country, p}
	i, ok := r.index[se]
	if !ok {
		i = int32(len(r.series))
		r.series = append(r.series, se)
		r.index[se] = i
	}
	if key := (stSeries{app: app, platform: p}); !r.apps[key] {
		r.apps[key] = true
		a := figures.App{Name: app, IOS: app}
		if p == figures.Android {
			a = figures.App{Name: app, Android: app}
		}
		r.sink.AddApp(a)
	}
	r.recs = append(r.recs, apiRecord{series: i, day: day, line: int32(line), n: n})
}

func (r *stReader) downloadsWord(p figures.Platform) string {
	if p == figures.Android {
		return "u"
	}
	return "iu for iPhone and au for iPad, 0 when none"
}

// appIDProblem says what is wrong with a store id as the name and id of
// an app, or "".
func appIDProblem(id string, p figures.Platform) string {
	a := figures.App{IOS: id}
	if p == figures.Android {
		a = figures.App{Android: id}
	}
	if err := figures.ValidateStoreIDs(a); err != nil {
		return err.(*figures.FieldError).Problem
	}
	if err := figures.ValidateName("aid", id); err != nil {
		return fmt.Sprintf("%s %s", quote(shorten(id)), err.(*figures.FieldError).Problem)
	}
	return ""
}
