package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

func event(app, country, month, text, source string) figures.Event {
	return figures.Event{App: app, Country: country, Month: mustMonth(month), Text: text, Source: source}
}

func eventBatch(evs ...figures.Event) *Batch {
	b := NewBatch("events")
	for i, e := range evs {
		b.AddEvent(e, i+2)
	}
	return b
}

func mustEvents(t *testing.T, s *Store) []figures.Event {
	t.Helper()
	evs, err := s.Events()
	if err != nil {
		t.Fatalf("Events: %v", err)
	}
	return evs
}

func TestEvents_AddListReplaceDelete(t *testing.T) {
	s, _ := newTestStore(t)
	ban := event("", "IN", "2020-06", "TikTok banned in India", "article")
	deadline := event("", "US", "2020-09", "US deadline for TikTok's sale", "article")
	own := event("resso", "IN", "2020-06", "Resso campaign", "press")
	if _, err := s.Apply(batchOf(fig("Resso", "IN", "2020-03", "", 1)), false); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Apply(eventBatch(deadline, own, ban), false)
	if err != nil {
		t.Fatal(err)
	}
	if rep.EventsAdded != 3 || len(rep.EventChanges) != 3 || !strings.Contains(rep.String(), "3 events added") {
		t.Fatalf("report %+v: %s", rep, rep)
	}
	evs := mustEvents(t, s)
	var got []string
	for _, e := range evs {
		got = append(got, e.String())
	}
	// By month, then country, app (folded) and text; the app keeps the
	// spelling the file follows it by.
	want := []string{"2020-06 IN every app: TikTok banned in India", "2020-06 IN Resso: Resso campaign", "2020-09 US every app: US deadline for TikTok's sale"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Events = %q, want %q", got, want)
	}
	if !evs[0].Changed.Equal(testNow) {
		t.Errorf("Changed = %v", evs[0].Changed)
	}

	// The same again changes nothing; another source replaces, and says so.
	if rep, err = s.Apply(eventBatch(ban), false); err != nil || rep.EventsUnchanged != 1 || rep.Changed() {
		t.Fatalf("again: %+v %v", rep, err)
	}
	moved := ban
	moved.Source, moved.Note = "public record", "in force from 29 June 2020"
	if rep, err = s.Apply(eventBatch(moved), true); err != nil || rep.EventsUpdated != 1 {
		t.Fatalf("dry run: %+v %v", rep, err)
	}
	if mustEvents(t, s)[0].Source != "article" {
		t.Fatal("a dry run wrote the event")
	}
	rep, err = s.Apply(eventBatch(moved), false)
	if err != nil || rep.EventsUpdated != 1 || len(rep.EventChanges) != 1 {
		t.Fatalf("replace: %+v %v", rep, err)
	}
	if c := rep.EventChanges[0].String(); !strings.Contains(c, `source "article" → "public record"`) || !strings.Contains(c, `note "" → "in force`) {
		t.Errorf("the replacement is not named: %s", c)
	}
	if !strings.Contains(rep.String(), "1 event replaced") {
		t.Errorf("report: %s", rep)
	}

	// The form's save: the app is matched without regard to case.
	k := own.Key()
	k.App = "RESSO"
	gone, err := s.DeleteEvent(k)
	if err != nil || gone.Text != "Resso campaign" {
		t.Fatalf("DeleteEvent: %+v %v", gone, err)
	}
	if _, err := s.DeleteEvent(k); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting it again: %v", err)
	}
	if n := len(mustEvents(t, s)); n != 2 {
		t.Fatalf("%d events after the delete", n)
	}
	if n, err := s.Count(); err != nil || n.Events != 2 {
		t.Errorf("Count = %+v, %v", n, err)
	}
}

func TestEvents_UndoRedo(t *testing.T) {
	s, _ := newTestStore(t)
	ban := event("", "IN", "2020-06", "TikTok banned in India", "article")
	if _, err := s.SaveEvent(nil, ban); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteEvent(ban.Key()); err != nil {
		t.Fatal(err)
	}
	e, err := s.Undo()
	if err != nil || !strings.Contains(e.String(), "1 event deleted") {
		t.Fatalf("undo of the delete: %v %v", e, err)
	}
	if n := len(mustEvents(t, s)); n != 1 {
		t.Fatalf("undo did not bring the event back: %d", n)
	}
	if e, err = s.Undo(); err != nil || !strings.Contains(e.String(), "1 event added") {
		t.Fatalf("undo of the add: %v %v", e, err)
	}
	if n := len(mustEvents(t, s)); n != 0 {
		t.Fatalf("undo of the add left %d events", n)
	}
	if _, err := s.Redo(); err != nil {
		t.Fatal(err)
	}
	if n := len(mustEvents(t, s)); n != 1 {
		t.Fatalf("redo: %d events", n)
	}
	// The history reads back after a reopen, event counts included.
	entries, applied, err := s.History()
	if err != nil || applied != 1 || entries[0].Report.EventsAdded != 1 {
		t.Fatalf("History: %+v %d %v", entries, applied, err)
	}
	if rep, err := s.Check(); err != nil || !rep.Sound() || rep.Counts.Events != 1 {
		t.Fatalf("Check after undo and redo: %+v %v", rep, err)
	}
}

func TestEvents_Refused(t *testing.T) {
	s, _ := newTestStore(t)
	ban := event("", "IN", "2020-06", "TikTok banned in India", "article")
	other := ban
	other.Source = "another"
	b := eventBatch(ban, other)
	b.File = "events.csv"
	_, err := s.Apply(b, false)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "events.csv:2 and line 3") {
		t.Errorf("one event twice with two sources: %v", err)
	}
	if rep, err := s.Apply(eventBatch(ban, ban), false); err != nil || rep.EventsAdded != 1 || rep.Duplicates != 1 {
		t.Errorf("one event twice alike: %+v %v", rep, err)
	}
	bad := ban
	bad.Text = "banned\x1b[2J"
	if _, err := s.SaveEvent(nil, bad); err == nil || !strings.Contains(err.Error(), "control character") {
		t.Errorf("a text with an escape: %v", err)
	}
	if _, err := s.Apply(eventBatch(bad), false); err == nil || !strings.Contains(err.Error(), "control character") {
		t.Errorf("a batch with an escape in a text: %v", err)
	}
	many := NewBatch("many")
	for i := 0; i <= maxEvents; i++ {
		many.AddEvent(event("", "WW", "2020-01", "event "+string(rune('a'+i%26))+strings.Repeat("x", i/26), ""), 0)
	}
	if _, err := s.Apply(many, false); err == nil || !strings.Contains(err.Error(), "at most 10000") {
		t.Errorf("more events than uptake keeps: %v", err)
	}
	if n := len(mustEvents(t, s)); n != 1 {
		t.Errorf("%d events after refused writes", n)
	}
}

func TestEvents_MergeAndRenameCarryThem(t *testing.T) {
	s, _ := newTestStore(t)
	b := batchOf(fig("Spotify", "IN", "2019-02", "", 1), fig("com.spotify.music", "IN", "2019-03", "", 2))
	b.AddEvent(event("com.spotify.music", "IN", "2019-02", "Launch campaign", "press"), 0)
	b.AddEvent(event("", "IN", "2019-02", "Every app", "press"), 0)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	rep, err := s.MergeApp("com.spotify.music", "Spotify")
	if err != nil || rep.EventsUpdated != 1 {
		t.Fatalf("merge: %+v %v", rep, err)
	}
	evs := mustEvents(t, s)
	if len(evs) != 2 || evs[0].App != "" || evs[1].App != "Spotify" {
		t.Fatalf("after the merge: %v", evs)
	}
	if _, err := s.MergeApp("Spotify", "Spotify Music"); err != nil {
		t.Fatal(err)
	}
	if evs := mustEvents(t, s); evs[1].App != "Spotify Music" {
		t.Fatalf("after the rename: %v", evs)
	}
	if _, err := s.Undo(); err != nil {
		t.Fatal(err)
	}
	if evs := mustEvents(t, s); evs[1].App != "Spotify" {
		t.Fatalf("after undoing the rename: %v", evs)
	}
	// Two apps with the same event and other sources: the merge stops.
	b = batchOf(fig("Resso", "IN", "2020-03", "", 1), fig("Resso Lite", "IN", "2020-03", "", 1))
	b.AddEvent(event("Resso", "IN", "2020-03", "Launch", "one"), 0)
	b.AddEvent(event("Resso Lite", "IN", "2020-03", "Launch", "another"), 0)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeApp("Resso Lite", "Resso"); !errors.Is(err, ErrAppConflict) || !strings.Contains(err.Error(), "Launch") {
		t.Errorf("a merge of two apps whose events disagree: %v", err)
	}
	if rep, err := s.Check(); err != nil || !rep.Sound() {
		t.Fatalf("Check: %+v %v", rep, err)
	}
}

func TestEvents_DamageIsDetected(t *testing.T) {
	s, path := newTestStore(t)
	if _, err := s.Apply(eventBatch(event("", "IN", "2020-06", "TikTok banned in India", "article"),
		event("", "US", "2020-09", "US deadline", "article")), false); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(); err != nil || !rep.Sound() || rep.Counts.Events != 2 {
		t.Fatalf("Check of a sound file with events: %+v %v", rep, err)
	}
	s.Close()
	sound, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	// One byte of the event's value: its source.
	at := strings.Index(string(sound), "article")
	if at < 0 {
		t.Fatal("the event's value is not in the file")
	}
	flipped := append([]byte(nil), sound...)
	flipped[at] ^= 0x20 // "Article": another text, as a flip would make
	bad := filepath.Join(t.TempDir(), "flipped.db")
	if err := os.WriteFile(bad, flipped, 0o600); err != nil {
		t.Fatal(err)
	}
	ds, err := Open(bad, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer ds.Close()
	if _, err := ds.Events(); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "the event") {
		t.Errorf("Events of a flipped value: %v", err)
	}
	if rep, err := ds.Check(); err != nil || rep.Sound() || !strings.Contains(strings.Join(rep.Problems, "\n"), "TikTok banned in India") {
		t.Errorf("Check of a flipped value: %+v %v", rep.Problems, err)
	}

	// An event gone from the file, sealed values and all: the tally says so.
	gone := filepath.Join(t.TempDir(), "gone.db")
	if err := os.WriteFile(gone, sound, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(gone, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketEvents).Cursor()
		k, _ := c.Last()
		return tx.Bucket(bucketEvents).Delete(k)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	gs, err := Open(gone, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer gs.Close()
	if _, err := gs.Events(); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "tally") {
		t.Errorf("Events with one missing: %v", err)
	}
	if rep, err := gs.Check(); err != nil || rep.Sound() {
		t.Errorf("Check with one missing: %+v %v", rep.Problems, err)
	}
}

func TestEvents_OldFileMigrates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	writeV0(t, path)
	s, err := Open(path, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if evs := mustEvents(t, s); len(evs) != 0 {
		t.Fatalf("events of a migrated file: %v", evs)
	}
	if _, err := s.SaveEvent(nil, event("resso", "IN", "2020-06", "Ban", "")); err != nil {
		t.Fatal(err)
	}
	if evs := mustEvents(t, s); len(evs) != 1 || evs[0].App != "Resso" {
		t.Fatalf("events after a save: %v", evs)
	}
	if rep, err := s.Check(); err != nil || !rep.Sound() {
		t.Fatalf("Check: %+v %v", rep, err)
	}
}

// One event on two lines with the app in another case is one event, not
// a conflict; a real conflict is worded as an event's (found by a review:
// "the same figure is given twice", naming equal sources).
func TestEvents_AppCaseIsOneEvent(t *testing.T) {
	s, _ := newTestStore(t)
	e := figures.Event{App: "TikTok", Country: "IN", Month: mustMonth("2020-06"), Text: "banned", Source: "press"}
	b := NewBatch("test")
	b.AddEvent(e, 2)
	e2 := e
	e2.App = "tiktok"
	b.AddEvent(e2, 3)
	if _, err := s.Apply(b, false); err != nil {
		t.Fatalf("one event in two spellings: %v", err)
	}
	b = NewBatch("test")
	b.AddEvent(e, 2)
	e3 := e
	e3.Source = "other"
	b.AddEvent(e3, 3)
	_, err := s.Apply(b, false)
	if !errors.Is(err, ErrConflict) || !strings.Contains(err.Error(), "the same event is given twice") || strings.Contains(err.Error(), "figure") {
		t.Errorf("a conflict: %v", err)
	}
}
