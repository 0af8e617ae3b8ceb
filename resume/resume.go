// Package resume keeps what the dashboard showed when it closed, per
// database file, so that the next run opens where the last one left off:
// the view, the apps, the market (a country, a UN region or one of the
// file's groups), the platform and the window. It lives
// outside the database, in the user's state folder, so that looking at a
// file never writes to it (and a read-only file remembers too).
package resume

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
)

// Screen is what is remembered of one database's dashboard.
type Screen struct {
	View        string   `json:"view"`
	Apps        []string `json:"apps"`
	Country     string   `json:"country"`
	Platform    string   `json:"platform"`
	From        string   `json:"from,omitempty"`
	To          string   `json:"to,omitempty"`
	SinceLaunch bool     `json:"since_launch,omitempty"`
	Cumulative  bool     `json:"cumulative,omitempty"`
	Scale       string   `json:"scale,omitempty"`
	RankBy      string   `json:"rank_by,omitempty"`
	GroupRows   bool     `json:"group_rows,omitempty"`
}

// maxFiles bounds how many databases are remembered; the file stays
// small however many a user opens.
const maxFiles = 200

// Path is the file screens are kept in: $XDG_STATE_HOME/uptake/screens.json,
// else ~/.local/state/uptake/screens.json.
func Path() (string, error) {
	if x := os.Getenv("XDG_STATE_HOME"); x != "" && filepath.IsAbs(x) {
		return filepath.Join(x, "uptake", "screens.json"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("no home folder to remember the last screen in: %w", err)
	}
	return filepath.Join(home, ".local", "state", "uptake", "screens.json"), nil
}

// file is the stored form: screens by the database's absolute path, and
// the order they were last saved in, oldest first, to forget the oldest.
type file struct {
	Screens map[string]Screen `json:"screens"`
	Order   []string          `json:"order"`
}

func read(path string) (file, error) {
	f := file{Screens: map[string]Screen{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return f, nil
	}
	if err != nil {
		return f, err
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return file{Screens: map[string]Screen{}}, fmt.Errorf("%s: %w (delete the file to start afresh)", path, err)
	}
	if f.Screens == nil {
		f.Screens = map[string]Screen{}
	}
	return f, nil
}

// Load returns the screen remembered for the database at db, if any.
func Load(path, db string) (Screen, bool, error) {
	f, err := read(path)
	if err != nil {
		return Screen{}, false, err
	}
	s, ok := f.Screens[key(db)]
	return s, ok, nil
}

// Save remembers a screen for the database at db, replacing the file
// whole (written beside and renamed), so that a crash leaves the old one.
func Save(path, db string, s Screen) error {
	f, err := read(path)
	if err != nil {
		f = file{Screens: map[string]Screen{}} // a damaged file is replaced
	}
	k := key(db)
	f.Screens[k] = s
	order := []string{}
	for _, o := range f.Order {
		if _, ok := f.Screens[o]; ok && o != k {
			order = append(order, o)
		}
	}
	f.Order = append(order, k)
	for len(f.Order) > maxFiles {
		delete(f.Screens, f.Order[0])
		f.Order = f.Order[1:]
	}
	for name := range f.Screens { // entries no order names (hand-edited)
		if !slices.Contains(f.Order, name) {
			delete(f.Screens, name)
		}
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("remembering the screen: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".screens-*.json")
	if err != nil {
		return fmt.Errorf("remembering the screen: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("remembering the screen: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("remembering the screen: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("remembering the screen: %w", err)
	}
	return nil
}

// key is the file a database path names: absolute, links followed, so
// that the same file reached another way finds its screen.
func key(db string) string {
	if abs, err := filepath.Abs(db); err == nil {
		db = abs
	}
	if real, err := filepath.EvalSymlinks(db); err == nil {
		db = real
	}
	return db
}

// Of is the screen a view and selection make.
func Of(view string, sel report.Selection) Screen {
	s := Screen{View: view, Apps: sel.Apps, Country: sel.Country, Platform: sel.Platform.String(),
		SinceLaunch: sel.SinceLaunch, Cumulative: sel.Cumulative, GroupRows: sel.GroupRows}
	if sel.Scale != report.ScaleLinear {
		s.Scale = sel.Scale.String()
	}
	s.RankBy = sel.RankBy
	if sel.From != 0 {
		s.From = sel.From.String()
	}
	if sel.To != 0 {
		s.To = sel.To.String()
	}
	return s
}

// Selection reads a remembered screen back, keeping only the apps known
// tells it are still in the file; the market is read as -country reads
// it, against the file's groups. ok is false when nothing usable is left
// (no app, a group since deleted, or a field that does not parse: the
// file was edited).
func (s Screen) Selection(known func(app string) (string, bool), groups []figures.Group) (sel report.Selection, ok bool) {
	for _, a := range s.Apps {
		if name, found := known(a); found {
			sel.Apps = append(sel.Apps, name)
		}
	}
	if len(sel.Apps) == 0 {
		return sel, false
	}
	place, err := figures.ParsePlace(s.Country, groups)
	if err != nil {
		return sel, false
	}
	sel.Country, sel.Group = place.Key(), place.Group
	if sel.Platform, err = figures.ParsePlatform(s.Platform); err != nil {
		return sel, false
	}
	for _, m := range []struct {
		text string
		dst  *figures.Month
	}{{s.From, &sel.From}, {s.To, &sel.To}} {
		if m.text == "" {
			continue
		}
		if *m.dst, err = figures.ParseMonth(m.text); err != nil {
			return sel, false
		}
	}
	if sel.From != 0 && sel.To != 0 && sel.To < sel.From {
		return sel, false
	}
	if s.Scale != "" {
		if sel.Scale, err = report.ParseScale(s.Scale); err != nil {
			return sel, false
		}
	}
	switch s.RankBy {
	case "", report.RankByInstalls, report.RankByChange, report.RankByYear, report.RankByName:
		sel.RankBy = s.RankBy
	default:
		return sel, false
	}
	sel.SinceLaunch, sel.Cumulative, sel.GroupRows = s.SinceLaunch, s.Cumulative, s.GroupRows
	return sel, true
}
