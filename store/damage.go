package store

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Every damaged part of the file is reported the same way: the file, what
// part (the app and country a value belongs to), what is wrong with it,
// and what the user can do. The words go to a terminal: whatever a
// damaged key holds is sanitised.

// DamageError says what part of a file is damaged and what to do. It
// wraps ErrDamaged.
type DamageError struct {
	Path  string
	Part  string // what is damaged, worded: `the figures of "resso" in IN India do not match their checksum`
	Whole bool   // the file cannot be opened at all, so nothing can be salvaged from it
}

func (e *DamageError) Error() string {
	if e.Whole {
		return fmt.Sprintf("%s: %s: %s; restore it from a backup, or choose another file with -db (uptake leaves this one as it is)",
			figures.Sanitize(e.Path), ErrDamaged, e.Part)
	}
	return fmt.Sprintf("%s: %s: %s. Restore it from a backup, or save what is still sound with: uptake -db %s -export data -format csv -o sound.csv (uptake -check %s lists every damaged record)",
		figures.Sanitize(e.Path), ErrDamaged, e.Part, shellQuote(e.Path), shellQuote(e.Path))
}

func (e *DamageError) Unwrap() error { return ErrDamaged }

// damage reports a damaged record: the rest of the file can still be read.
func (s *Store) damage(part string) error { return &DamageError{Path: s.path, Part: part} }

// damageFile reports a file that cannot be opened at all.
func (s *Store) damageFile(part string) error {
	return &DamageError{Path: s.path, Part: part, Whole: true}
}

// damagedKey reports a damaged value of one of uptake's buckets.
func (s *Store) damagedKey(bucket byte, key []byte, problem string) error {
	return s.damage(describeStored(bucket, key) + " " + problem)
}

// damagedApp reports a damaged app record, or one that disagrees with
// what the file holds for the app.
func (s *Store) damagedApp(folded, problem string) error {
	return s.damage(fmt.Sprintf("the record of the app %q %s", figures.Sanitize(folded), problem))
}

// damagedMeta reports damage to the file's own records.
func (s *Store) damagedMeta(what string) error { return s.damage(what) }

// describeStored names what a key of a bucket holds, for a message.
func describeStored(bucket byte, key []byte) string {
	switch bucket {
	case bidApps:
		return fmt.Sprintf("the record of the app %q", figures.Sanitize(string(key)))
	case bidSeries, bidLaunches:
		folded, country, ok := splitSeriesKey(key)
		if !ok {
			return fmt.Sprintf("a record with the key %q", figures.Sanitize(string(key)))
		}
		place := figures.Sanitize(country)
		if figures.ValidCountry(country) {
			place = figures.CountryLabel(country)
		}
		if bucket == bidLaunches {
			return fmt.Sprintf("the launch month of %q in %s", figures.Sanitize(folded), place)
		}
		return fmt.Sprintf("the figures of %q in %s", figures.Sanitize(folded), place)
	case bidHistory:
		if len(key) == 8 {
			return fmt.Sprintf("undo history entry %d", binary.BigEndian.Uint64(key))
		}
		return "an undo history entry"
	case bidMeta:
		return fmt.Sprintf("its %s record", figures.Sanitize(string(key)))
	case bidChanges:
		if len(key) == 12 {
			return fmt.Sprintf("part %d of undo history entry %d", binary.BigEndian.Uint32(key[8:]), binary.BigEndian.Uint64(key))
		}
		return "a part of an undo history entry"
	case bidTexts:
		if len(key) == 4 {
			return fmt.Sprintf("text %d of the file's dictionary (an app name, source or note)", binary.BigEndian.Uint32(key))
		}
		return fmt.Sprintf("a text of the file's dictionary with the key %q", figures.Sanitize(string(key)))
	case bidEvents:
		if k, ok := splitEventKey(key); ok {
			app := ""
			if k.App != "" {
				app = " of " + figures.Quote(figures.Sanitize(k.App))
			}
			return fmt.Sprintf("the event%s in %s %s, %s", app, figures.Sanitize(k.Country), k.Month, figures.Quote(figures.Sanitize(k.Text)))
		}
		return fmt.Sprintf("an event with the key %q", figures.Sanitize(string(key)))
	}
	return fmt.Sprintf("a record with the key %q", figures.Sanitize(string(key)))
}

// isAre is the verb for what describeStored names: figures are, a record is.
func isAre(bucket byte) string {
	if bucket == bidSeries {
		return "are"
	}
	return "is"
}

// shellQuote quotes a path for a command the user may copy.
func shellQuote(p string) string {
	p = figures.Sanitize(p)
	if p != "" && !strings.ContainsAny(p, " \t'\"\\$`!*?[]{}()<>|&;#~") {
		return p
	}
	return "'" + strings.ReplaceAll(p, "'", `'\''`) + "'"
}
