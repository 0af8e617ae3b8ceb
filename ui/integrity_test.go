package ui

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/seed"
	"github.com/uptake/uptake/store"
)

// seededFile writes the bundled dataset into a new file and returns its path.
func seededFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "uptake.db")
	s, err := store.Open(path, store.Options{Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	b := store.NewBatch(seed.BundledLabel)
	if err := seed.Bundled(b); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

func driven(t *testing.T, s *store.Store) Model {
	t.Helper()
	m := New(Config{Store: StoreOf(s), Styles: report.PlainStyles(), ExportDir: t.TempDir(), Now: func() time.Time { return fixedNow }, Poll: -1})
	return drive(t, m, tea.WindowSizeMsg{Width: 100, Height: 30}, m.Init()())
}

// TestUpdate_BusyMessageGoesOnceTheFileIsRead: "in use" shows while
// another process holds the file, and goes once a read gets through.
func TestUpdate_BusyMessageGoesOnceTheFileIsRead(t *testing.T) {
	path := seededFile(t)
	s, err := store.Open(path, store.Options{Transient: true, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	m := driven(t, s)
	holder, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	m = drive(t, m, press("r"))
	if !strings.Contains(m.View(), "busy: another uptake process is writing") {
		t.Fatalf("while held: %s", m.View())
	}
	holder.Close()
	m = drive(t, m, press("r"))
	if strings.Contains(m.View(), "busy") {
		t.Errorf("after the file was let go and read again: %s", m.View())
	}
}

// TestUpdate_ReadOnlyFile: a file opened read-only shows its figures,
// says it is read-only, and refuses edits with the reason.
func TestUpdate_ReadOnlyFile(t *testing.T) {
	path := seededFile(t)
	s, err := store.Open(path, store.Options{Transient: true, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	m := driven(t, s)
	if v := m.View(); !strings.Contains(v, "In their first 5 months") || !strings.Contains(v, "read-only") {
		t.Fatalf("first screen: %s", v)
	}
	m = drive(t, m, press("a"))
	if m.form != nil || !strings.Contains(m.View(), "read-only") {
		t.Errorf("a on a read-only file: form %v, %s", m.form != nil, m.View())
	}
}

// TestUpdate_DamageIsReported: a damaged series that the first screen
// reads is reported in the status line, without the path, with what to do.
func TestUpdate_DamageIsReported(t *testing.T) {
	path := seededFile(t)
	data, _ := os.ReadFile(path)
	// The series value: its key, the codec's version (2), then the
	// reference of the app's name, whose id is the CRC-32C of "Spotify"
	// (the launch and the undo history hold the key too).
	head := binary.BigEndian.AppendUint32([]byte("spotify\x00ID\x02"), crc32.Checksum([]byte("Spotify"), crc32.MakeTable(crc32.Castagnoli)))
	at := bytes.Index(data, head)
	if at < 0 {
		t.Fatal("Spotify's ID series not found")
	}
	data[at+len("spotify\x00ID")+5] ^= 0x40
	os.WriteFile(path, data, 0o600)
	s, err := store.Open(path, store.Options{Transient: true})
	if err != nil {
		t.Fatal(err)
	}
	m := driven(t, s)
	if v := m.View(); !strings.Contains(v, `damaged: the figures of "spotify" in ID`) || !strings.Contains(v, "uptake -check") {
		t.Errorf("status: %s", v)
	}
}
