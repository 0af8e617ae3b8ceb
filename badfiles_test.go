package main

import (
	"bytes"
	"encoding/binary"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestBadFiles_RefusedByTheBinary runs the real binary on files that are
// not databases it can use, for an export (a reader) and an import (a
// writer): each exits 1 with a message on standard error naming the file
// and saying what to do, leaves the file byte for byte, and never panics.
func TestBadFiles_RefusedByTheBinary(t *testing.T) {
	dir := t.TempDir()
	// A database of several hundred pages to cut short.
	good := seededDB(t)
	csv, _ := syntheticCSV(t, 60, 5, 24)
	if r := uptake(t, 30*time.Second, "-db", good, "-import", csv, "-no-ui"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	boltFile := func(name string, fill func(tx *bolt.Tx) error) string {
		p := filepath.Join(dir, name)
		db, err := bolt.Open(p, 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Update(fill); err != nil {
			t.Fatal(err)
		}
		db.Close()
		return p
	}
	rnd := rand.New(rand.NewSource(1))
	noise := make([]byte, 64<<10)
	rnd.Read(noise)
	const page = 4096
	high := 0 // the pages the file says it holds
	for _, off := range []int{16, page + 16} {
		if pg := int(binary.LittleEndian.Uint64(data[off+40:])); pg > high {
			high = pg
		}
	}
	high *= page
	spoiled := append([]byte(nil), data...)
	rnd.Read(spoiled[high/2/page*page : high/2/page*page+page])

	cases := []struct {
		name, path string
		want       string // what the message tells the reader to do
	}{
		{"random bytes", write("noise.db", noise), "choose another file with -db"},
		{"a CSV file given as the database", write("figures.csv", []byte(anghamiCSV)), "choose another file with -db"},
		{"cut to one page", write("cut1.db", data[:page]), "choose another file with -db"},
		{"cut on a page boundary, half way", write("cuthalf.db", data[:high/2/page*page]), "restore it from a backup"},
		{"cut off a page boundary", write("cutodd.db", data[:high/2+7]), "restore it from a backup"},
		{"cut one page short", write("cutlast.db", data[:high-page]), "restore it from a backup"},
		{"a page of noise inside", write("spoiled.db", spoiled), "restore it from a backup"},
		{"a newer schema", boltFile("newer.db", func(tx *bolt.Tx) error {
			b, _ := tx.CreateBucket([]byte("meta"))
			b.Put([]byte("uptake"), []byte("uptake"))
			return b.Put([]byte("schema"), []byte{0, 0, 0, 99})
		}), "install the newer uptake"},
		{"a bbolt file of another program", boltFile("other.db", func(tx *bolt.Tx) error {
			_, err := tx.CreateBucket([]byte("widgets"))
			return err
		}), "choose another file with -db"},
		{"a folder", dir, "give a file path with -db"},
		{"a path under a file", "/etc/passwd/uptake.db", "cannot"},
	}
	if os.Geteuid() != 0 {
		locked := write("locked.db", data)
		os.Chmod(locked, 0)
		t.Cleanup(func() { os.Chmod(locked, 0o600) })
		cases = append(cases, struct{ name, path, want string }{"an unreadable file", locked, "permissions"})
	}
	okCSV := writeCSV(t, anghamiCSV)
	refused, tried := 0, 0
	for _, c := range cases {
		for _, args := range [][]string{{"-export", "data"}, {"-import", okCSV, "-no-ui"}, {"-seed", "-no-ui"}} {
			tried++
			before, _ := os.ReadFile(c.path)
			r := uptake(t, 30*time.Second, append([]string{"-db", c.path}, args...)...)
			where := c.name + " with " + args[0]
			after, _ := os.ReadFile(c.path)
			switch {
			case r.code != 1:
				t.Errorf("%s: exit %d, want 1; %q", where, r.code, r.stderr)
			case !strings.Contains(r.stderr, c.path) || !strings.Contains(r.stderr, c.want):
				t.Errorf("%s: message %q does not name the file or say %q", where, r.stderr, c.want)
			case strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "goroutine "):
				t.Errorf("%s: panicked: %s", where, r.stderr)
			case !bytes.Equal(before, after):
				t.Errorf("%s: the file changed", where)
			case r.stdout != "":
				t.Errorf("%s: wrote %q to standard output", where, r.stdout)
			default:
				refused++
			}
		}
	}
	t.Logf("bad files refused by the binary (exit 1, file named, left byte for byte): %d of %d (%d files × export, import, seed)", refused, tried, len(cases))

	// An empty file is taken as a new database.
	empty := write("empty.db", nil)
	if r := uptake(t, 30*time.Second, "-db", empty, "-import", okCSV, "-no-ui"); r.code != 0 || !strings.Contains(r.stderr, "2 figures added") {
		t.Errorf("an empty file: exit %d, %q", r.code, r.stderr)
	}
}
