package main

// The file appears whole or not at all, a second writer waits rather than
// calls a healthy file damaged, and what -check and -export data say of a
// damaged file.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/uptake/uptake/store"
	bolt "go.etcd.io/bbolt"
)

// TestCreate_KilledSeedNeverLeavesARefusedFile kills `-seed` into a new
// file at random moments: whatever the moment, the next run works.
func TestCreate_KilledSeedNeverLeavesARefusedFile(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a process 50 times")
	}
	bin := uptakeBinary(t)
	rnd := rand.New(rand.NewSource(time.Now().UnixNano()))
	killedBefore := 0
	for i := 0; i < 50; i++ {
		db := filepath.Join(t.TempDir(), "new.db")
		cmd := exec.Command(bin, "-seed", "-no-ui", "-db", db)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rnd.Intn(15000)) * time.Microsecond)
		cmd.Process.Kill()
		cmd.Wait()
		if _, err := os.Stat(db); os.IsNotExist(err) {
			killedBefore++
		}
		if r := uptake(t, 30*time.Second, "-seed", "-no-ui", "-db", db); r.code != 0 {
			t.Fatalf("kill %d: the next -seed failed: %s", i, r.stderr)
		}
		if r := uptake(t, 30*time.Second, "-check", "-db", db); r.code != 0 || !strings.Contains(r.stdout, "10 figures") {
			t.Fatalf("kill %d: the file after a kill and a -seed is not sound: %s %s", i, r.stdout, r.stderr)
		}
		if left, _ := filepath.Glob(filepath.Join(filepath.Dir(db), ".new.db.new-*")); len(left) > 0 && i == 49 {
			t.Logf("hidden files left by kills: %v", left)
		}
	}
	t.Logf("50 kills: %d before the file appeared, %d after", killedBefore, 50-killedBefore)
}

// TestCreate_EmptyAndUnbornFilesAreNew: an empty file, and a bbolt file
// in which no transaction committed (what a kill used to leave), whole or
// cut short, are taken as new databases rather than refused.
func TestCreate_EmptyAndUnbornFilesAreNew(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	unborn := filepath.Join(dir, "unborn.db")
	db, err := bolt.Open(unborn, 0o600, nil) // bbolt's first pages, no transaction
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	first, _ := os.ReadFile(unborn)
	cut := filepath.Join(dir, "cut.db")
	os.WriteFile(cut, first[:4096], 0o600)
	for _, db := range []string{empty, unborn, cut} {
		if r := uptake(t, 30*time.Second, "-seed", "-no-ui", "-db", db); r.code != 0 {
			t.Errorf("%s: %s", filepath.Base(db), r.stderr)
		}
		if r := uptake(t, 30*time.Second, "-check", "-db", db); r.code != 0 {
			t.Errorf("%s: %s %s", filepath.Base(db), r.stdout, r.stderr)
		}
	}
}

// mountTmpfs mounts a tmpfs of size bytes, or skips where that is not
// allowed.
func mountTmpfs(t *testing.T, size int) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d", size), "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small file system here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	return dir
}

// TestCreate_FullDisk creates a database on file systems with 4 KB to
// 64 KB free: it fails cleanly, leaving no file that the next run (with
// room) would refuse.
func TestCreate_FullDisk(t *testing.T) {
	for free := 4 << 10; free <= 64<<10; free += 4 << 10 {
		dir := mountTmpfs(t, free)
		db := filepath.Join(dir, "uptake.db")
		r := uptake(t, 30*time.Second, "-seed", "-no-ui", "-db", db)
		if r.code != 0 && !strings.Contains(r.stderr, "no space") && !strings.Contains(r.stderr, "free some space") {
			t.Errorf("%d KB free: exit %d without saying the disk is full: %s", free>>10, r.code, r.stderr)
		}
		if out, err := exec.Command("mount", "-o", fmt.Sprintf("remount,size=%d", 4<<20), dir).CombinedOutput(); err != nil {
			t.Fatalf("remount: %v %s", err, out)
		}
		if r := uptake(t, 30*time.Second, "-seed", "-no-ui", "-db", db); r.code != 0 {
			t.Errorf("%d KB free, then room: the next run failed: %s", free>>10, r.stderr)
		}
		if r := uptake(t, 30*time.Second, "-check", "-db", db); r.code != 0 {
			t.Errorf("%d KB free, then room: %s %s", free>>10, r.stdout, r.stderr)
		}
	}
}

// TestWrite_FullDiskNamesTheTarget: an export that runs out of room says
// so of the file asked for, never of the hidden file written beside it,
// and leaves no file behind.
func TestWrite_FullDiskNamesTheTarget(t *testing.T) {
	db := seededDB(t)
	dir := mountTmpfs(t, 4<<10)
	out := filepath.Join(dir, "resso.txt")
	os.WriteFile(filepath.Join(dir, "filler"), make([]byte, 4<<10), 0o600)
	r := uptake(t, 30*time.Second, "-db", db, "-export", "data", "-o", out)
	if r.code != 1 || !strings.Contains(r.stderr, out) || strings.Contains(r.stderr, ".uptake-export") {
		t.Errorf("exit %d: %s", r.code, r.stderr)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".uptake-export*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestConcurrent_ImportPairsNeverSeeDamage runs 20 pairs of imports into
// one file at once: each succeeds (the second waits its turn), none says
// the file is damaged, and every figure is there.
func TestConcurrent_ImportPairsNeverSeeDamage(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 40 imports")
	}
	db := seededDB(t)
	csvA, nA := syntheticCSV(t, 30, 5, 24)
	dir := t.TempDir()
	for pair := 0; pair < 20; pair++ {
		// The second file of a pair holds new figures each time, so that
		// every import writes and grows the file.
		csvB := filepath.Join(dir, fmt.Sprintf("b%d.csv", pair))
		os.WriteFile(csvB, []byte(fmt.Sprintf("app,country,from,installs\nPair %d,IN,2020-01,%d\nPair %d,ID,2020-01,%d\n", pair, pair+1, pair, pair+2)), 0o600)
		var wg sync.WaitGroup
		results := make([]result, 2)
		for i, f := range []string{csvA, csvB} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i] = uptake(t, 60*time.Second, "-import", f, "-no-ui", "-db", db)
			}()
		}
		wg.Wait()
		for i, r := range results {
			if r.code != 0 || strings.Contains(r.stderr, "damaged") {
				t.Fatalf("pair %d, import %d: exit %d: %s", pair, i, r.code, r.stderr)
			}
		}
	}
	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if n, _ := s.Count(); n.Figures != 10+nA+40 {
		t.Errorf("%d figures, want %d", n.Figures, 10+nA+40)
	}
}

// TestNames_NoControlBytesReachTheTerminal passes a file name holding an
// OSC 52 clipboard write, a screen clear and a raw 0x9B as -import, -db
// and -o, in runs that succeed and runs that fail: no control byte
// reaches standard output or standard error.
func TestNames_NoControlBytesReachTheTerminal(t *testing.T) {
	dir := t.TempDir()
	evil := "a\x1b]52;c;aGVsbG8=\x07b\x1b[2Jc\x9bd"
	csv := filepath.Join(dir, evil+".csv")
	os.WriteFile(csv, []byte(anghamiCSV), 0o600)
	bad := filepath.Join(dir, evil+"-bad.csv")
	os.WriteFile(bad, []byte("app,country,from,installs\nX,IN,2020-13,1\n"), 0o600)
	db := filepath.Join(dir, evil+".db")
	notDB := filepath.Join(dir, evil+"-not.db")
	os.WriteFile(notDB, []byte("not a database"), 0o600)
	out := filepath.Join(dir, evil+".txt")
	runs := [][]string{
		{"-import", csv, "-no-ui", "-db", db},
		{"-import", csv, "-dry-run", "-db", db},
		{"-import", bad, "-no-ui", "-db", db},
		{"-import", filepath.Join(dir, evil+"-missing.csv"), "-no-ui", "-db", db},
		{"-export", "data", "-db", db, "-o", out},
		{"-export", "data", "-db", db, "-o", filepath.Join(dir, evil+"-nofolder", "x.txt")},
		{"-export", "curves", "-db", notDB},
		{"-check", "-db", db},
		{"-" + evil, "-db", db},
		{"-export", evil, "-db", db},
		{"-app", evil, "-export", "curves", "-db", db},
	}
	for _, args := range runs {
		r := uptake(t, 30*time.Second, args...)
		for _, stream := range []string{r.stdout, r.stderr} {
			for i := 0; i < len(stream); i++ {
				c := stream[i]
				if c < 0x20 && c != '\n' || c == 0x7f || c == 0x9b {
					t.Errorf("%q: byte %#x at %d of %q", args[0], c, i, stream)
					break
				}
			}
			if strings.Contains(stream, "\u009b") {
				t.Errorf("%q: a C1 control in %q", args[0], stream)
			}
		}
	}
}

// TestImport_PipesAndDevices: a named pipe without a writer says it waits
// and then reads what comes; a device (a link to /dev/null) is refused
// by name, as -import and as -db.
func TestImport_PipesAndDevices(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "uptake.db")
	fifo := filepath.Join(dir, "figures.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	uptakeBinary(t) // built before the writer's clock starts, not after
	go func() {
		time.Sleep(1500 * time.Millisecond)
		os.WriteFile(fifo, []byte(anghamiCSV), 0o600)
	}()
	r := uptake(t, 30*time.Second, "-import", fifo, "-no-ui", "-db", db)
	if r.code != 0 || !strings.Contains(r.stderr, "waiting for a writer") || !strings.Contains(r.stderr, "2 figures added") {
		t.Errorf("a pipe: exit %d: %s", r.code, r.stderr)
	}
	null := filepath.Join(dir, "null.csv")
	if err := os.Symlink("/dev/null", null); err != nil {
		t.Fatal(err)
	}
	if r := uptake(t, 30*time.Second, "-import", null, "-no-ui", "-db", db); r.code != 1 || !strings.Contains(r.stderr, "is a device") {
		t.Errorf("a link to /dev/null as -import: exit %d: %s", r.code, r.stderr)
	}
	if r := uptake(t, 30*time.Second, "-seed", "-no-ui", "-db", null); r.code != 1 || !strings.Contains(r.stderr, "not a regular file") {
		t.Errorf("a link to /dev/null as -db: exit %d: %s", r.code, r.stderr)
	}
}

// TestCheck_SoundAndDamaged: -check says a sound file is sound (exit 0)
// and lists what is damaged in a damaged one (exit 1), and -export data
// then saves every figure that is sound.
func TestCheck_SoundAndDamaged(t *testing.T) {
	db := seededDB(t)
	r := uptake(t, 30*time.Second, "-check", "-db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "is sound: 2 apps, 6 series, 10 figures, 5 launches") {
		t.Fatalf("sound: exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	data, _ := os.ReadFile(db)
	// Spoil one byte of the value of Spotify's series in IN: its key, then
	// the value, which begins with the codec's version (2) and the
	// reference of the app's name, whose id is the CRC-32C of "Spotify".
	head := binary.BigEndian.AppendUint32([]byte("spotify\x00IN\x02"), crc32.Checksum([]byte("Spotify"), crc32.MakeTable(crc32.Castagnoli)))
	at := bytes.Index(data, head)
	if at < 0 {
		t.Fatal("Spotify's IN series not found")
	}
	data[at+len("spotify\x00IN")+5] ^= 0x40
	os.WriteFile(db, data, 0o600)
	r = uptake(t, 30*time.Second, "-check", "-db", db)
	if r.code != 1 || !strings.Contains(r.stdout, `the figures of "spotify" in IN India`) || !strings.Contains(r.stdout, "-export data -format csv -o sound.csv") {
		t.Errorf("damaged: exit %d: %s %s", r.code, r.stdout, r.stderr)
	}
	r = uptake(t, 30*time.Second, "-export", "compare", "-app", "Resso,Spotify", "-country", "IN", "-db", db)
	if r.code != 1 || r.stdout != "" || !strings.Contains(r.stderr, "damaged") || !strings.Contains(r.stderr, "spotify") {
		t.Errorf("an export that reads the damaged series: exit %d: %q %s", r.code, r.stdout, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "sound.csv")
	r = uptake(t, 30*time.Second, "-export", "data", "-format", "csv", "-o", out, "-db", db)
	saved, _ := os.ReadFile(out)
	if r.code != 1 || !strings.Contains(r.stderr, "1 damaged record left out") || strings.Count(string(saved), "\n") != 1+9+5+2 { // the header, 9 sound figures, 5 launches, 2 events
		t.Errorf("salvage: exit %d: %s\n%s", r.code, r.stderr, saved)
	}
	// What was saved imports into a new database whole.
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	if r := uptake(t, 30*time.Second, "-import", out, "-no-ui", "-db", fresh); r.code != 0 || !strings.Contains(r.stderr, "9 figures added") {
		t.Errorf("importing what was saved: %s", r.stderr)
	}
}
