package main

// Damage: one byte changed anywhere in the pages that hold the data (leaf
// pages: element headers, keys, values) or lead to it (branch pages) must
// never show as another number. Every export and every dashboard screen
// of a damaged file either reads exactly as the sound file's or is
// refused or reported as damaged; what -export data salvages is a subset
// of the sound file's rows.
//
// CI flips a sample; the full run is
//
//	go test -run TestDamage -damage.flips 2500 -timeout 2h .

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"hash/crc32"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
	"github.com/uptake/uptake/ui"
)

var damageFlips = flag.Int("damage.flips", 0, "byte flips per database in TestDamage (0: a sample for CI)")

// damageCase is one command whose output a flip must not change silently.
type damageCase struct {
	name string
	args []string
}

func TestDamage_NeverAWrongNumber(t *testing.T) {
	if testing.Short() {
		t.Skip("flips bytes of two databases many times")
	}
	if raceDetector {
		// .ci/run runs this test again without -race.
		t.Skip("a flipped page pointer faults inside the race detector, which no recover reaches: run without -race")
	}
	for _, db := range []struct {
		name  string
		build func(t *testing.T, path string)
		flips int // in CI; -damage.flips sets them all
		cases []damageCase
	}{
		{"bundled", buildBundled, 150, []damageCase{
			{"compare", []string{"-export", "compare", "-app", "Resso,Spotify", "-country", "IN", "-since-launch"}},
			{"countries", []string{"-export", "countries", "-app", "Resso", "-format", "csv"}},
			{"curves ww", []string{"-export", "curves", "-app", "Resso,Spotify", "-country", "WW", "-format", "csv"}},
			{"curves id", []string{"-export", "curves", "-app", "Resso", "-country", "ID", "-cumulative"}},
			{"default", []string{"-export", "compare"}},
			{"data", []string{"-export", "data", "-format", "csv"}},
		}},
		{"100k", buildSynthetic, 30, []damageCase{
			{"compare", []string{"-export", "compare", "-app", "Synthetic App 003,Synthetic App 077", "-country", "BR", "-since-launch", "-format", "csv"}},
			{"countries", []string{"-export", "countries", "-app", "Synthetic App 042", "-format", "csv"}},
			{"curves ww", []string{"-export", "curves", "-app", "Synthetic App 099", "-country", "WW", "-format", "csv"}},
			{"curves de", []string{"-export", "curves", "-app", "Synthetic App 000,Synthetic App 050", "-country", "DE", "-format", "csv"}},
			{"data", []string{"-export", "data", "-format", "csv"}},
		}},
	} {
		t.Run(db.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "sound.db")
			db.build(t, path)
			sound, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]string{}
			for _, c := range db.cases {
				code, out, msg := runDamageCase(path, c)
				if code != 0 {
					t.Fatalf("%s on the sound file: exit %d: %s", c.name, code, msg)
				}
				want[c.name] = out
			}
			screens := dashboardScreens(t, path)
			targets := flipTargets(sound)
			rnd := rand.New(rand.NewSource(int64(len(sound))))
			var same, refused, screensSame, screensReported int
			bad := filepath.Join(dir, "flipped.db")
			flips := db.flips
			if *damageFlips > 0 {
				flips = *damageFlips
			}
			for i := 0; i < flips; i++ {
				at := targets[rnd.Intn(len(targets))]
				flipped := bytes.Clone(sound)
				flipped[at] ^= byte(1 + rnd.Intn(255))
				if err := os.WriteFile(bad, flipped, 0o600); err != nil {
					t.Fatal(err)
				}
				changed := false
				for _, c := range db.cases {
					code, out, msg := runDamageCase(bad, c)
					switch {
					case code == 0 && out == want[c.name]:
						continue
					case code == 0:
						t.Fatalf("byte %d (page %d) flipped: %s printed other numbers with exit 0:\n%s\nwant:\n%s", at, at/4096, c.name, cut(out), cut(want[c.name]))
					case !strings.Contains(msg, "damaged"):
						t.Fatalf("byte %d flipped: %s failed without saying the file is damaged: %s", at, c.name, msg)
					case c.name == "data":
						// A salvage gives whole rows of the sound file; an export
						// stopped by damage may end in a row cut short.
						if !strings.Contains(msg, "left out of the export") {
							out = out[:strings.LastIndexByte(out, '\n')+1]
						}
						if extra := notIn(out, want[c.name]); extra != "" {
							t.Fatalf("byte %d flipped: -export data salvaged a row the sound file does not hold: %q", at, extra)
						}
					}
					changed = true
				}
				if changed {
					refused++
				} else {
					same++
				}
				// The dashboard, for a sample of the flips: it draws slower.
				if i%10 != 0 {
					continue
				}
				for view, screen := range dashboardScreensOf(t, bad) {
					switch {
					case screen == screens[view]:
						screensSame++
					case strings.Contains(screen, "damaged"):
						screensReported++
					default:
						t.Fatalf("byte %d flipped: the %s screen shows something else without a word:\n%s\nwant:\n%s", at, view, screen, screens[view])
					}
				}
			}
			t.Logf("%s: %d flips: %d read exactly as the sound file, %d refused or reported; dashboard screens: %d same, %d reported as damaged; 0 wrong",
				db.name, flips, same, refused, screensSame, screensReported)
		})
	}
}

func runDamageCase(path string, c damageCase) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(append([]string{"-db", path}, c.args...), nil, &out, &errOut, false)
	return code, out.String(), errOut.String()
}

// notIn returns the first line of got that want lacks.
func notIn(got, want string) string {
	have := map[string]bool{}
	for _, l := range strings.Split(want, "\n") {
		have[l] = true
	}
	for _, l := range strings.Split(got, "\n") {
		if !have[l] {
			return l
		}
	}
	return ""
}

func cut(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "…"
	}
	return s
}

// flipTargets lists the byte offsets worth flipping: every byte of every
// leaf and branch page that its elements use (headers, keys, values), so
// that no flip is spent on the unused tail of a page.
func flipTargets(db []byte) []int {
	const page = 4096
	var out []int
	for p := 2; (p+1)*page <= len(db); p++ {
		base := p * page
		flags := binary.LittleEndian.Uint16(db[base+8:])
		count := int(binary.LittleEndian.Uint16(db[base+10:]))
		overflow := int(binary.LittleEndian.Uint32(db[base+12:]))
		if flags != 0x01 && flags != 0x02 || binary.LittleEndian.Uint64(db[base:]) != uint64(p) {
			continue
		}
		end := base + 16 + 16*count // the headers, then the keys and values
		for e := 0; e < count; e++ {
			at := base + 16 + 16*e
			var stop int
			if flags == 0x02 {
				pos, k, v := binary.LittleEndian.Uint32(db[at+4:]), binary.LittleEndian.Uint32(db[at+8:]), binary.LittleEndian.Uint32(db[at+12:])
				stop = at + int(pos) + int(k) + int(v)
			} else {
				pos, k := binary.LittleEndian.Uint32(db[at:]), binary.LittleEndian.Uint32(db[at+4:])
				stop = at + int(pos) + int(k)
			}
			end = max(end, min(stop, base+(overflow+1)*page))
		}
		for b := base + 8; b < end && b < len(db); b++ { // the page id is bbolt's to check
			out = append(out, b)
		}
		p += overflow
	}
	return out
}

func buildBundled(t *testing.T, path string) {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run([]string{"-seed", "-no-ui", "-db", path}, nil, &out, &errOut, false); code != 0 {
		t.Fatal(errOut.String())
	}
}

// buildSynthetic writes 100 apps × 20 countries × 50 months, with
// launches, through an import.
func buildSynthetic(t *testing.T, path string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("app,country,from,installs,source,note\n")
	codes := append([]string{"WW"}, figures.CountryCodes()[:19]...)
	codes[1] = "DE"
	codes[2] = "BR"
	var l strings.Builder
	l.WriteString("app,country,launched\n")
	for a := 0; a < 100; a++ {
		for _, c := range codes {
			fmt.Fprintf(&l, "Synthetic App %03d,%s,%s\n", a, c, figures.MonthOf(2016, 1+a%12))
			for m := 0; m < 50; m++ {
				fmt.Fprintf(&b, "Synthetic App %03d,%s,%s,%d,synthetic test data,not a real figure\n", a, c, figures.MonthOf(2016, 1+a%12).Add(m), 1000+a*37+m*11+len(c))
			}
		}
	}
	dir := filepath.Dir(path)
	figs, launches := filepath.Join(dir, "figs.csv"), filepath.Join(dir, "launches.csv")
	os.WriteFile(figs, []byte(b.String()), 0o600)
	os.WriteFile(launches, []byte(l.String()), 0o600)
	for _, f := range []string{figs, launches} {
		var out, errOut bytes.Buffer
		if code := run([]string{"-import", f, "-no-ui", "-db", path}, nil, &out, &errOut, false); code != 0 {
			t.Fatal(errOut.String())
		}
	}
}

// dashboardScreens draws each view of the sound file at 80×24.
func dashboardScreens(t *testing.T, path string) map[string]string {
	t.Helper()
	screens := dashboardScreensOf(t, path)
	for view, s := range screens {
		if strings.Contains(s, "error") || strings.Contains(s, "Loading") {
			t.Fatalf("the %s screen of the sound file: %s", view, s)
		}
	}
	return screens
}

// dashboardScreensOf opens the dashboard on path as the user would (read
// and write, holding the file only while it reads) and draws each view,
// after every command the view sets off, including the check of the file.
func dashboardScreensOf(t *testing.T, path string) map[string]string {
	t.Helper()
	out := map[string]string{}
	st, err := store.Open(path, store.Options{Transient: true, Timeout: time.Second})
	if err != nil {
		if !strings.Contains(err.Error(), "damaged") {
			t.Fatalf("opening for the dashboard failed without saying the file is damaged: %v", err)
		}
		for _, v := range []string{"1", "2", "3", "4"} {
			out[v] = "refused: " + err.Error()
		}
		return out
	}
	m := tea.Model(ui.New(ui.Config{Store: ui.StoreOf(st), Styles: report.PlainStyles(), ExportDir: t.TempDir(), Poll: -1}))
	m = settleModel(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = settleModel(m, tea.BatchMsg{m.Init()})
	for _, v := range []string{"1", "2", "3", "4"} {
		m = settleModel(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(v)})
		out[v] = m.View()
	}
	return out
}

// settleModel handles a message and every message its commands send.
func settleModel(m tea.Model, first tea.Msg) tea.Model {
	queue := []tea.Msg{first}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		if b, ok := msg.(tea.BatchMsg); ok {
			for _, c := range b {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		if msg == nil {
			continue
		}
		if _, quit := msg.(tea.QuitMsg); quit {
			continue
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return m
}

// TestDamage_Dictionary flips bytes of the texts the file keeps once
// (app names, sources, notes; store/dict.go), where one flip touches
// every figure that names the text: the first byte of each text, one in
// its middle and the last of its seal. Every export reads as the sound
// file's or is refused as damaged, -export data salvages only rows of
// the sound file, and -check names the text as damaged.
func TestDamage_Dictionary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sound.db")
	buildBundled(t, path)
	sound, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	cases := []damageCase{
		{"countries", []string{"-export", "countries", "-app", "Resso", "-format", "csv"}},
		{"curves ww", []string{"-export", "curves", "-app", "Resso,Spotify", "-country", "WW", "-format", "csv"}},
		{"compare", []string{"-export", "compare", "-app", "Resso,Spotify", "-country", "IN", "-since-launch"}},
		{"data", []string{"-export", "data", "-format", "csv"}},
	}
	want := map[string]string{}
	for _, c := range cases {
		code, out, msg := runDamageCase(path, c)
		if code != 0 {
			t.Fatalf("%s on the sound file: exit %d: %s", c.name, code, msg)
		}
		want[c.name] = out
	}
	// Every text the figures name, found in the file as its key (the
	// CRC-32C of its bytes) followed by its value (its bytes, its seal).
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	st.EachFigure(func(f figures.Figure) bool {
		for _, s := range []string{f.App, f.Source, f.Note} {
			if s != "" {
				texts[s] = true
			}
		}
		return true
	})
	st.Close()
	table := crc32.MakeTable(crc32.Castagnoli)
	var targets []int
	for s := range texts {
		at := bytes.Index(sound, append(binary.BigEndian.AppendUint32(nil, crc32.Checksum([]byte(s), table)), s...))
		if at < 0 {
			t.Fatalf("the text %q is not in the file", s)
		}
		value := at + 4
		targets = append(targets, value, value+len(s)/2, value+len(s)+3)
	}
	bad := filepath.Join(dir, "flipped.db")
	refused := 0
	for _, at := range targets {
		flipped := bytes.Clone(sound)
		flipped[at] ^= 0x20
		if err := os.WriteFile(bad, flipped, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			code, out, msg := runDamageCase(bad, c)
			switch {
			case code == 0 && out == want[c.name]:
			case code == 0:
				t.Fatalf("byte %d of a text flipped: %s printed other numbers with exit 0:\n%s", at, c.name, cut(out))
			case !strings.Contains(msg, "damaged"):
				t.Fatalf("byte %d of a text flipped: %s failed without saying the file is damaged: %s", at, c.name, msg)
			case c.name == "data":
				if extra := notIn(out, want[c.name]); extra != "" {
					t.Fatalf("byte %d of a text flipped: -export data salvaged a row the sound file does not hold: %q", at, extra)
				}
				if !strings.Contains(msg, "dictionary") {
					t.Errorf("byte %d of a text flipped: the salvage does not name the text: %s", at, msg)
				}
				refused++
			}
		}
		code, out, _ := runDamageCase(bad, damageCase{"check", []string{"-check"}})
		if code != 1 || !strings.Contains(out, "of the file's dictionary") {
			t.Errorf("byte %d of a text flipped: -check: exit %d: %s", at, code, out)
		}
	}
	if refused != len(targets) {
		t.Errorf("%d of %d flips in the texts were left out of -export data with a word, want all", refused, len(targets))
	}
	t.Logf("%d flips in %d texts: every one found, 0 wrong numbers", len(targets), len(texts))
}
