package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// CheckReport is what a full check of the file found.
type CheckReport struct {
	Counts   Counts
	History  int           // undo history entries
	Took     time.Duration // how long the check took
	Problems []string      // each damaged record or structure, worded; empty when sound
	More     int           // problems found past the ones listed
}

// maxCheckProblems is how many problems a check lists one by one.
const maxCheckProblems = 50

// Sound reports whether the check found nothing wrong.
func (c CheckReport) Sound() bool { return len(c.Problems) == 0 }

// Check reads the whole file: every page bbolt reaches (checkPages),
// every record against its seal and decoded, every app's index against
// the records it lists, the tally, the user's groups and the undo history. Unlike a read,
// it does not stop at the first problem: it lists them all.
func (s *Store) Check() (CheckReport, error) {
	start := time.Now()
	var rep CheckReport
	err := s.view(func(tx *bolt.Tx) error {
		c := checker{s: s, tx: tx, rep: &rep, txt: newTexts(tx)}
		c.pages()
		c.records()
		return nil
	})
	rep.Took = time.Since(start)
	return rep, err
}

type checker struct {
	s   *Store
	tx  *bolt.Tx
	rep *CheckReport
	txt *texts
}

func (c *checker) add(problem string) {
	if len(c.rep.Problems) < maxCheckProblems {
		c.rep.Problems = append(c.rep.Problems, problem)
	} else {
		c.rep.More++
	}
}

// addErr adds the record a damage error names, without the advice.
func (c *checker) addErr(err error) {
	var de *DamageError
	if errors.As(err, &de) {
		c.add(de.Part)
		return
	}
	c.add(err.Error())
}

// pages walks the file's pages. The transaction holds the file's lock,
// so no writer changes the pages under the walk.
func (c *checker) pages() {
	f, err := os.Open(c.s.path)
	if err != nil {
		c.add(fmt.Sprintf("the file cannot be read again to check its pages (%v)", err))
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		c.add(fmt.Sprintf("the file cannot be read again to check its pages (%v)", err))
		return
	}
	if err := checkPages(f, pageSizeOf(f), fi.Size()); err != nil {
		c.add(err.Error())
	}
}

// records checks every record, bucket by bucket.
func (c *checker) records() {
	t, err := c.s.readTally(c.tx)
	if err != nil {
		c.addErr(err)
	}
	// The app records, each sealed, readable and listed in the tally.
	records := map[string]*appRecord{}
	var prev []byte
	apps := c.tx.Bucket(bucketApps).Cursor()
	for k, v := apps.First(); k != nil; k, v = apps.Next() {
		if prev != nil && bytes.Compare(prev, k) >= 0 {
			c.add("the app records are out of order")
		}
		prev = clone(k)
		if want, ok := t.find(string(k)); err == nil && (!ok || want.seal != sealOf(v)) {
			c.add(describeStored(bidApps, k) + " is not the one the file's tally lists")
		}
		rec, err := c.s.appRecordOf(k, v)
		if err != nil {
			c.addErr(err)
			continue
		}
		records[string(k)] = &rec
	}
	c.texts()
	var n Counts
	n.Apps = len(records)
	for _, bid := range []byte{bidSeries, bidLaunches} {
		c.bucket(bid, records, &n)
	}
	if held := apps.Bucket().Stats().KeyN; err == nil && (len(t.apps) != held || t.series != n.Series || t.figures != n.Figures || t.launches != n.Launches) {
		c.add(fmt.Sprintf("the file's tally (%d apps, %d series, %d figures, %d launches) does not match what it holds (%d, %d, %d, %d)",
			len(t.apps), t.series, t.figures, t.launches, held, n.Series, n.Figures, n.Launches))
	}
	c.checkEvents(&n)
	c.rep.Counts = n
	if _, err := (&Reader{s: c.s, tx: c.tx}).Groups(); err != nil {
		c.addErr(err) // the user's groups, sealed and readable
	}
	c.history()
}

// bucket checks every series or launch: its seal, its decoding, and that
// it is what its app's index lists; then that every index entry was seen.
func (c *checker) bucket(bid byte, records map[string]*appRecord, n *Counts) {
	seen := map[string]int{} // folded app → entries seen
	var prev []byte
	cur := c.tx.Bucket(bucketByID(bid)).Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		if prev != nil && bytes.Compare(prev, k) >= 0 {
			c.add(describeStored(bid, k) + " " + isAre(bid) + " out of order")
		}
		prev = clone(k)
		folded, country, ok := splitSeriesKey(k)
		rec := records[folded]
		if !ok || rec == nil {
			c.add(describeStored(bid, k) + " belong to no app")
			continue
		}
		list := rec.series
		if bid == bidLaunches {
			list = rec.launches
		}
		x, listed := findEntry(list, country)
		if !listed {
			c.add(describeStored(bid, k) + " " + isAre(bid) + " in the file but not in its app's index")
			continue
		}
		seen[folded]++
		if bid == bidSeries {
			figs, err := c.s.openSeries(k, v, x, nil, c.txt)
			if err != nil {
				c.addErr(err)
				continue
			}
			n.Series++
			n.Figures += len(figs)
			var sum int64
			refused := false
			for _, f := range figs {
				sum += f.Installs
				if !refused && f.Validate() != nil {
					c.add(describeStored(bid, k) + " hold a figure the store would refuse (" + describeFigure(f) + ")")
					refused = true
				}
			}
			// The sum the app's record keeps (schema 5) chooses the first
			// screen: a sealed record whose sum a faulty write left wrong
			// would pass every other check.
			if rec := records[folded]; rec != nil && rec.summed && sum != x.installs {
				c.add(fmt.Sprintf("%s add up to %d installs, but their app's index says %d", describeStored(bid, k), sum, x.installs))
			}
		} else {
			if _, err := c.s.openLaunch(k, v, x); err != nil {
				c.addErr(err)
				continue
			}
			n.Launches++
		}
	}
	for folded, rec := range records {
		list := rec.series
		if bid == bidLaunches {
			list = rec.launches
		}
		if seen[folded] < len(list) {
			for _, x := range list {
				k := seriesKey(folded, x.country)
				if c.tx.Bucket(bucketByID(bid)).Get(k) == nil {
					c.add(describeStored(bid, k) + " " + isAre(bid) + " missing from the file")
				}
			}
		}
	}
}

// texts checks every text of the dictionary: sealed, under a key of 4
// bytes, and not empty. A figure that names a damaged one is listed too,
// by the check of its series.
func (c *checker) texts() {
	cur := c.tx.Bucket(bucketTexts).Cursor()
	for k, v := cur.First(); k != nil; k, v = cur.Next() {
		p, ok := unseal(bidTexts, k, v)
		switch {
		case len(k) != 4:
			c.add(describeStored(bidTexts, k) + " has a key that is not a text's")
		case !ok:
			c.add(describeStored(bidTexts, k) + " does not match its checksum")
		case len(p) == 0:
			c.add(describeStored(bidTexts, k) + " is empty, which uptake never writes")
		}
	}
}

// history checks every undo entry, its changes and the undo position.
func (c *checker) history() {
	cur, err := c.s.undoCursor(c.tx)
	if err != nil {
		c.addErr(err)
	}
	var first, last uint64
	heads := map[uint64]bool{}
	h := c.tx.Bucket(bucketHistory).Cursor()
	for k, v := h.First(); k != nil; k, v = h.Next() {
		head, err := c.s.openHead(k, v)
		if err != nil {
			c.addErr(err)
			continue
		}
		seq := head.Seq
		heads[seq] = true
		if c.rep.History > 0 && seq != last+1 {
			c.add(fmt.Sprintf("the undo history skips from entry %d to %d", last, seq))
		}
		if c.rep.History == 0 {
			first = seq
		}
		last = seq
		c.rep.History++
		c.changes(head)
	}
	// Every part belongs to an entry.
	p := c.tx.Bucket(bucketChanges).Cursor()
	for k, _ := p.First(); k != nil; k, _ = p.Next() {
		if len(k) != 12 || !heads[binary.BigEndian.Uint64(k)] {
			c.add(describeStored(bidChanges, k) + " belongs to no entry")
		}
	}
	if err == nil && c.rep.History > 0 && (cur+1 < first || cur > last) {
		c.add(fmt.Sprintf("the undo position %d lies outside the history's entries %d to %d", cur, first, last))
	}
}

// changes reads the changes of an entry to their end, and checks the
// seal of every value it would write back.
func (c *checker) changes(head entryHead) {
	r, err := c.s.readChanges(c.tx, head)
	if err != nil {
		c.addErr(err)
		return
	}
	for {
		ch, err := r.next()
		if errors.Is(err, errStreamEnd) {
			return
		}
		if err != nil {
			c.addErr(c.s.entryDamage(head.Seq, err))
			return
		}
		if ch.other == nil {
			continue
		}
		if _, ok := unseal(ch.bucket, ch.key, ch.other); !ok {
			c.add(describeStored(bidHistory, seqKey(head.Seq)) + " holds a damaged copy of " + describeStored(ch.bucket, ch.key))
			return
		}
	}
}

// describeFigure names a figure for a check's message.
func describeFigure(f figures.Figure) string {
	return fmt.Sprintf("%s %s %s..%s %d", figures.Sanitize(f.App), figures.Sanitize(f.Country), f.From, f.To, f.Installs)
}
