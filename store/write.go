package store

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// bigBatch is the number of figures from which Apply collects garbage
// more often while it writes, at writeGCPercent.
const (
	bigBatch       = 100_000
	writeGCPercent = 25
)

// errDryRun rolls back a write transaction after its report is made.
var errDryRun = errors.New("dry run")

// Apply writes a batch in one transaction, upserting by identity, and
// returns what it added, updated and left unchanged. With dryRun it
// reports the same without writing. The write is one history entry.
func (s *Store) Apply(b *Batch, dryRun bool) (Report, error) {
	if err := b.validate(); err != nil {
		return Report{}, err
	}
	if b.n >= bigBatch {
		// A big write makes garbage as it decodes and encodes series;
		// what stays alive (the batch, the values) holds no pointers, so
		// collecting more often costs little and keeps the peak near what
		// is alive (at 5M figures: 147 MB, against 177 MB at 100).
		defer debug.SetGCPercent(debug.SetGCPercent(writeGCPercent))
	}
	var rep Report
	run := func(tx *bolt.Tx) error {
		rep = Report{}
		cs := newChangeSet(s, tx)
		cs.dry = dryRun
		r := &Reader{s: s, tx: tx, cs: cs}
		now := s.now()
		if err := applyApps(cs, r, b, &rep); err != nil {
			return err
		}
		if err := applyFigures(cs, r, b, now, &rep); err != nil {
			return err
		}
		if err := applyLaunches(cs, r, b, &rep); err != nil {
			return err
		}
		if err := applyEvents(cs, r, b, now, &rep); err != nil {
			return err
		}
		if err := applyGroups(cs, r, b, &rep); err != nil {
			return err
		}
		if dryRun {
			return errDryRun
		}
		return cs.commitReported(b.Label, &rep, now)
	}
	var err error
	if dryRun {
		err = s.view(run)
	} else {
		err = s.update(run)
	}
	if errors.Is(err, errDryRun) {
		err = nil
	}
	return rep, err
}

func (s *Store) now() time.Time { return s.opt.Now().UTC().Truncate(time.Second) }

// validate checks what AddFigure did not: every figure as Figure.Validate
// would, with each distinct text checked once.
func (b *Batch) validate() error {
	if b.over > 0 {
		return fmt.Errorf("%w: %d figures, and uptake writes at most %d at a time, so that a write stays in memory (about 300 MB): split the file and import the parts", ErrTooMany, b.n+b.over, b.max)
	}
	for _, a := range b.apps {
		if err := figures.ValidateName("app", a.Name); err != nil {
			return err
		}
		if a.Publisher != "" {
			if err := figures.ValidateText("publisher", a.Publisher, figures.MaxNameLen); err != nil {
				return err
			}
		}
		if err := figures.ValidateStoreIDs(a); err != nil {
			return err
		}
	}
	if b.idConflict != nil {
		return b.idConflict
	}
	for _, t := range b.texts {
		if err := figures.ValidateText("source", t.source, figures.MaxTextLen); err != nil {
			return err
		}
		if err := figures.ValidateText("note", t.note, figures.MaxTextLen); err != nil {
			return err
		}
	}
	for _, ref := range b.series {
		if !figures.ValidCountry(ref.country) {
			return &figures.FieldError{Field: "country", Problem: fmt.Sprintf("%q is not a known country code", ref.country)}
		}
	}
	if b.bad != nil {
		if err := b.bad.Validate(); err != nil {
			return err
		}
	}
	for _, l := range b.launches {
		if err := l.Validate(); err != nil {
			return err
		}
	}
	if err := b.validateEvents(); err != nil {
		return err
	}
	return b.validateGroups()
}

// figure expands the i-th figure of the batch, under the app name given.
func (b *Batch) figure(i int, app string) figures.Figure {
	f := b.fig(i)
	t := b.texts[f.text]
	return figures.Figure{
		App: app, Country: b.series[f.series].country,
		Platform: t.platform, From: f.from(), To: f.to(), Installs: f.rawInstalls(),
		Source: t.source, Note: t.note, Estimate: f.estimate(),
	}
}

// applyApps adds the batch's new apps and updates publishers. The Reader
// reads the file as it was when the transaction began: its index is read
// before anything is written.
func applyApps(cs *changeSet, r *Reader, b *Batch, rep *Report) error {
	if _, err := r.index(); err != nil {
		return err
	}
	owners, err := idOwners(r, b)
	if err != nil {
		return err
	}
	for _, a := range b.apps {
		folded := figures.FoldName(a.Name)
		rec, ok, err := r.record(folded)
		if err != nil {
			return err
		}
		if err := owners.claim(a, folded); err != nil {
			return err
		}
		if !ok {
			rep.AppsAdded++
			if err := cs.put(bidApps, []byte(folded), encodeAppRecord(appRecord{App: a})); err != nil {
				return err
			}
			continue
		}
		next := *rec
		if a.Publisher != "" {
			next.Publisher = a.Publisher
		}
		// A store id, once set, is not changed by a write that gives
		// another: that is another app (MergeApp joins two on purpose).
		for _, id := range []struct {
			what      string
			have, got *string
		}{{"Google Play package", &next.Android, &a.Android}, {"App Store id", &next.IOS, &a.IOS}} {
			switch {
			case *id.got == "" || *id.got == *id.have:
			case *id.have == "":
				*id.have = *id.got
			default:
				return fmt.Errorf("%w: %s has the %s %s, and this gives it %s: a different app, or a typo (give the app another name, or correct the file)",
					ErrAppConflict, figures.Quote(figures.Sanitize(rec.Name)), id.what, figures.Sanitize(*id.have), figures.Sanitize(*id.got))
			}
		}
		if next.App != rec.App {
			rep.AppsUpdated++
			if err := cs.put(bidApps, []byte(folded), encodeAppRecord(next)); err != nil {
				return err
			}
		}
	}
	return nil
}

// storeIDs knows which app holds each store id, so that no two apps share
// one: a file naming the id would land on either.
type storeIDs struct {
	android, ios map[string]string // id → folded name
	names        map[string]string // folded → the name, for messages
}

// idOwners reads the store ids of the file's apps, when the batch gives
// any (a list of the apps is a read of every app record).
func idOwners(r *Reader, b *Batch) (*storeIDs, error) {
	o := &storeIDs{android: map[string]string{}, ios: map[string]string{}, names: map[string]string{}}
	given := false
	for _, a := range b.apps {
		given = given || a.Android != "" || a.IOS != ""
	}
	if !given {
		return o, nil
	}
	apps, err := r.Apps()
	if err != nil {
		return nil, err
	}
	for _, a := range apps {
		f := figures.FoldName(a.Name)
		o.names[f] = a.Name
		if a.Android != "" {
			o.android[a.Android] = f
		}
		if a.IOS != "" {
			o.ios[a.IOS] = f
		}
	}
	return o, nil
}

// claim records that app a (folded) holds its ids, or says which other
// app holds one already.
func (o *storeIDs) claim(a figures.App, folded string) error {
	o.names[folded] = a.Name
	for _, id := range []struct {
		what, id string
		owners   map[string]string
	}{{"Google Play package", a.Android, o.android}, {"App Store id", a.IOS, o.ios}} {
		if id.id == "" {
			continue
		}
		if other, ok := id.owners[id.id]; ok && other != folded {
			return fmt.Errorf("%w: the %s %s is %s's, and this gives it to %s as well: a file naming it would land on either (merge the two apps with M or -merge-app, or correct the file)",
				ErrAppConflict, id.what, figures.Sanitize(id.id), figures.Quote(figures.Sanitize(o.names[other])), figures.Quote(figures.Sanitize(a.Name)))
		}
		id.owners[id.id] = folded
	}
	return nil
}

// applyFigures merges the batch into the stored series, series by series
// in key order so that bbolt writes its pages in sequence. The figures
// stay packed in the batch: a counting sort gives each series its figures
// by index, and only one series at a time is expanded.
func applyFigures(cs *changeSet, r *Reader, b *Batch, now time.Time, rep *Report) error {
	if b.n == 0 {
		return nil
	}
	// Group by series with a stable counting sort. Series are numbered in
	// the order they first appear, so a file written series by series is
	// grouped already and needs no permutation.
	start := make([]int, len(b.series)+1)
	grouped := true
	var prev uint32
	for _, c := range b.pairOf {
		for _, p := range c {
			si := b.seriesOfPair(p)
			start[si+1]++
			grouped = grouped && si >= prev
			prev = si
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	var perm []uint32 // nil: figure i is at position i
	if !grouped {
		perm = make([]uint32, b.n)
		next := slices.Clone(start[:len(b.series)])
		i := 0
		for _, c := range b.pairOf {
			for _, p := range c {
				si := b.seriesOfPair(p)
				perm[next[si]] = uint32(i)
				next[si]++
				i++
			}
		}
	}
	order := make([]int, len(b.series))
	keys := make([][]byte, len(b.series))
	for i, ref := range b.series {
		order[i] = i
		keys[i] = seriesKey(ref.app, ref.country)
	}
	slices.SortFunc(order, func(i, j int) int { return bytes.Compare(keys[i], keys[j]) })

	bucket := cs.tx.Bucket(bucketSeries)
	bucket.FillPercent = 1 // series arrive in key order; pack the pages
	var m merger
	for _, si := range order {
		group := m.group[:0]
		for p := start[si]; p < start[si+1]; p++ {
			if perm == nil {
				group = append(group, uint32(p))
			} else {
				group = append(group, perm[p])
			}
		}
		m.group = group
		// Order by identity, and by position among equal identities; a
		// file in month order is sorted already.
		if !slices.IsSortedFunc(group, b.byIdentity) {
			slices.SortFunc(group, b.byIdentity)
		}
		ref := b.series[si]
		app := b.apps[ref.appIdx].Name
		rec, known, err := r.record(ref.app)
		if err != nil {
			return err
		}
		if known {
			app = rec.Name // keep the first spelling written
		}
		m.stored, err = r.checkedSeries(ref.app, ref.country, bucket.Get(keys[si]), m.stored[:0])
		if err != nil {
			return err
		}
		changed, err := m.merge(b, app, now, rep)
		if err != nil {
			return err
		}
		if changed {
			if cs.dry {
				cs.record(bidSeries, keys[si])
				continue
			}
			m.enc.dict = cs.texts()
			v, err := m.enc.encodeSealed(keys[si], app, m.out)
			if err != nil {
				return cs.s.textDamage(bidSeries, keys[si], err)
			}
			if err := cs.putSealed(bidSeries, keys[si], v); err != nil {
				return err
			}
		}
	}
	return nil
}

func applyLaunches(cs *changeSet, r *Reader, b *Batch, rep *Report) error {
	bucket := cs.tx.Bucket(bucketLaunches)
	// The last launch given for a key wins; they are written in key
	// order, so that the pages are filled.
	bucket.FillPercent = 1
	last := map[string]int{}
	keys := make([][]byte, len(b.launches))
	order := make([]int, len(b.launches))
	for i, l := range b.launches {
		keys[i] = seriesKey(figures.FoldName(l.App), l.Country)
		last[string(keys[i])] = i
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return bytes.Compare(keys[i], keys[j]) })
	for _, i := range order {
		l, k := b.launches[i], keys[i]
		folded := figures.FoldName(l.App)
		if last[string(k)] != i {
			rep.Duplicates++
			continue
		}
		rec, known, err := r.record(folded)
		if err != nil {
			return err
		}
		var x indexEntry
		has := false
		if known {
			x, has = findEntry(rec.launches, l.Country)
		}
		old := bucket.Get(k)
		switch {
		case has && old != nil:
			cur, err := r.s.openLaunch(k, old, x)
			if err != nil {
				return err
			}
			if cur.Month == l.Month {
				rep.LaunchesUnchanged++
				continue
			}
			rep.LaunchesUpdated++
		case has || old != nil:
			return r.s.damagedKey(bidLaunches, k, "does not match its app's index")
		default:
			rep.LaunchesAdded++
		}
		if err := cs.put(bidLaunches, k, encodeLaunch(l.Month)); err != nil {
			return err
		}
	}
	return nil
}
