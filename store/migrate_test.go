package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// writeV0 crafts a schema-0 file with bbolt directly, as an uptake from
// before undo would have left it: meta (magic, schema 0), apps, series
// and launches, no history bucket and no undo key. It holds two figures
// of Resso in IN and one launch.
func writeV0(t *testing.T, path string) []figures.Figure {
	t.Helper()
	figs := []figures.Figure{
		{App: "Resso", Country: "IN", From: mustMonth("2020-03"), To: mustMonth("2020-07"), Installs: 9800000, Source: "Sensor Tower", Changed: testNow},
		{App: "Resso", Country: "IN", From: mustMonth("2020-08"), To: mustMonth("2020-08"), Installs: 3600000, Source: "Sensor Tower", Note: "first-time", Estimate: true, Changed: testNow},
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketApps, bucketSeries, bucketLaunches} {
			if _, err := tx.CreateBucket(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		meta.Put(keyMagic, []byte("uptake"))
		meta.Put(keySchema, binary.BigEndian.AppendUint32(nil, 0))
		tx.Bucket(bucketApps).Put(appKey("Resso"), encodeAppV1(figures.App{Name: "Resso", Publisher: "ByteDance"}))
		tx.Bucket(bucketSeries).Put(seriesKey(figures.FoldName("Resso"), "IN"), encodeSeriesV1("Resso", figs))
		return tx.Bucket(bucketLaunches).Put(seriesKey(figures.FoldName("Resso"), "IN"), encodeLaunchV1("Resso", mustMonth("2020-03")))
	})
	if err != nil {
		t.Fatal(err)
	}
	return figs
}

// encodeAppV1 writes an app record as schemas 0 and 1 did.
func encodeAppV1(a figures.App) []byte {
	e := encoder{}
	e.byte(codecVersion)
	e.string(a.Name)
	e.string(a.Publisher)
	return e.b
}

func schemaOfFile(t *testing.T, path string) (version uint32, history bool) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bolt.Tx) error {
		version, _ = readSchema(tx.Bucket(bucketMeta))
		history = tx.Bucket(bucketHistory) != nil
		return nil
	})
	return version, history
}

func TestMigrate_V0ToV1(t *testing.T) {
	for _, opt := range []Options{{}, {ReadOnly: true}, {Transient: true}} {
		path := filepath.Join(t.TempDir(), "old.db")
		want := writeV0(t, path)
		s, err := Open(path, opt)
		if err != nil {
			t.Fatalf("%+v: Open: %v", opt, err)
		}
		got, err := s.Series("resso", "IN")
		if err != nil || len(got) != len(want) {
			t.Fatalf("%+v: series after migration: %v %v", opt, got, err)
		}
		for i := range want {
			if !got[i].Same(want[i]) {
				t.Errorf("%+v: figure %d = %+v, want %+v", opt, i, got[i], want[i])
			}
		}
		if a, ok, _ := s.App("RESSO"); !ok || a.Publisher != "ByteDance" {
			t.Errorf("%+v: app after migration: %+v", opt, a)
		}
		if m, ok, _ := s.Launch("Resso", "IN"); !ok || m.String() != "2020-03" {
			t.Errorf("%+v: launch after migration: %v %v", opt, m, ok)
		}
		if _, _, err := s.History(); err != nil {
			t.Errorf("%+v: history after migration: %v", opt, err)
		}
		if !opt.ReadOnly {
			// The migrated file takes writes and undo like any other.
			if _, err := s.Apply(batchOf(fig("Resso", "IN", "2020-09", "", 1)), false); err != nil {
				t.Errorf("%+v: write after migration: %v", opt, err)
			}
			if _, err := s.Undo(); err != nil {
				t.Errorf("%+v: undo after migration: %v", opt, err)
			}
		}
		s.Close()
		if v, h := schemaOfFile(t, path); v != SchemaVersion || !h {
			t.Errorf("%+v: after migration: schema %d, history bucket %v", opt, v, h)
		}
		if left, _ := filepath.Glob(path + ".bak*"); len(left) > 0 {
			t.Errorf("%+v: backup left after a committed migration: %v", opt, left)
		}
	}
}

func TestMigrate_FailureKeepsBackupAndOriginal(t *testing.T) {
	cases := []struct {
		name   string
		damage bool    // a series the migration cannot read: it fails after writing
		opt    Options // with a failing AfterBackup: it fails before
	}{
		{"migration fails after writing", true, Options{}},
		{"failure after the backup", false, Options{AfterBackup: func(string) error { return errors.New("injected failure") }}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			writeV0(t, path)
			if c.damage {
				putRaw(t, path, bucketSeries, seriesKey("resso", "ID"), []byte{codecVersion, 0xff})
			}
			before, _ := os.ReadFile(path)
			c.opt.Timeout = time.Second
			_, err := Open(path, c.opt)
			if err == nil {
				t.Fatal("Open succeeded despite the failing migration")
			}
			backup := path + ".bak-v0"
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), backup) {
				t.Errorf("message does not name the file and its backup: %v", err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("a failed migration changed the file")
			}
			kept, rerr := os.ReadFile(backup)
			if rerr != nil || !bytes.Equal(kept, before) {
				t.Errorf("backup not kept as a copy of the original: %v", rerr)
			}
		})
	}
	// With the fault gone, the next open migrates, and keeps the old
	// backup (never overwritten) while removing its own.
	path := filepath.Join(t.TempDir(), "old.db")
	writeV0(t, path)
	os.WriteFile(path+".bak-v0", []byte("an earlier backup"), 0o600)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if b, _ := os.ReadFile(path + ".bak-v0"); string(b) != "an earlier backup" {
		t.Error("an earlier backup was overwritten")
	}
	if _, err := os.Stat(path + ".bak-v0.2"); !os.IsNotExist(err) {
		t.Errorf("this migration's backup was not removed: %v", err)
	}
}

// putRaw writes a value as it is, with bbolt, as a foreign writer would.
func putRaw(t *testing.T, path string, bucket, key, value []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucket).Put(key, value) }); err != nil {
		t.Fatal(err)
	}
}

func TestMigrate_BackupUnwritableChangesNothing(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into a read-only folder")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	writeV0(t, path)
	before, _ := os.ReadFile(path)
	os.Chmod(dir, 0o500)
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	_, err := Open(path, Options{Timeout: time.Second})
	if err == nil || !strings.Contains(err.Error(), "backup") || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("file changed")
	}
}

func TestMigrate_NewerSchemaWithOtherLayoutIsNewerNotDamaged(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		m, _ := tx.CreateBucket(bucketMeta)
		m.Put(keyMagic, []byte("uptake"))
		return m.Put(keySchema, binary.BigEndian.AppendUint32(nil, SchemaVersion+1))
	})
	db.Close()
	before, _ := os.ReadFile(path)
	_, err = Open(path, Options{Timeout: time.Second})
	if !errors.Is(err, ErrNewerSchema) || !strings.Contains(err.Error(), "install the newer uptake") {
		t.Errorf("err = %v, want ErrNewerSchema", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("file changed")
	}
}
