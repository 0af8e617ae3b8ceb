package store

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// A database of some size, so that it has branch pages, overflow pages
// and a history: the raw material of the damaged files below.
func bigDatabase(t testing.TB) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big.db")
	s, err := Open(path, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	b := NewBatch("import big.csv")
	for i := 0; i < 400; i++ {
		for _, c := range []string{"IN", "ID", "BR", "WW"} {
			for m := 0; m < 6; m++ {
				b.AddFigure(figures.Figure{App: fmt.Sprintf("Synthetic App %03d", i), Country: c, From: figures.MonthOf(2020, 1+m), To: figures.MonthOf(2020, 1+m),
					Installs: int64(1000*i + m), Source: "synthetic source " + c, Note: strings.Repeat("n", i%50)}, 0)
			}
		}
		b.AddLaunch(figures.Launch{App: fmt.Sprintf("Synthetic App %03d", i), Country: "IN", Month: figures.MonthOf(2019, 1+i%12)})
	}
	// One series big enough to need overflow pages.
	for m := 0; m < 300; m++ {
		b.AddFigure(figures.Figure{App: "Long Series", Country: "WW", From: figures.MonthOf(2000, 1).Add(m), To: figures.MonthOf(2000, 1).Add(m), Installs: int64(m), Source: strings.Repeat("s", m)}, 0)
	}
	if _, err := s.Apply(b, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveFigure(nil, fig("Resso", "IN", "2020-08", "", 1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// badFile is a file Open must refuse, and words its message must hold.
type badFile struct {
	name string
	path string
	want []string // in the message, besides the path
}

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func boltFile(t testing.TB, dir, name string, fill func(tx *bolt.Tx) error) string {
	t.Helper()
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

// badFiles makes every kind of file that is not a database uptake can use.
func badFiles(t *testing.T) []badFile {
	dir := t.TempDir()
	big := bigDatabase(t)
	const page = 4096
	rnd := rand.New(rand.NewSource(7))
	random := func(n int) []byte { b := make([]byte, n); rnd.Read(b); return b }
	other := "choose another file with -db"
	restore := "restore it from a backup"
	files := []badFile{
		{"random bytes, 100 B", writeFile(t, dir, "r100", random(100)), []string{other}},
		{"random bytes, 16 KiB", writeFile(t, dir, "r16k", random(16<<10)), []string{other}},
		{"random bytes, 1 MiB", writeFile(t, dir, "r1m", random(1<<20)), []string{other}},
		{"a text file", writeFile(t, dir, "notes.txt", bytes.Repeat([]byte("app,country,from\n"), 2000)), []string{other}},
		{"a folder", dir, []string{"is a folder", "-db"}},
		{"a path under a file", "/etc/passwd/uptake.db", []string{"cannot read"}},
		{"a bbolt file of another program", boltFile(t, dir, "other.db", func(tx *bolt.Tx) error {
			b, _ := tx.CreateBucket([]byte("widgets"))
			return b.Put([]byte("k"), []byte("v"))
		}), []string{"another program", other}},
		{"a meta bucket with another magic", boltFile(t, dir, "magic.db", func(tx *bolt.Tx) error {
			b, _ := tx.CreateBucket(bucketMeta)
			return b.Put(keyMagic, []byte("notuptake"))
		}), []string{"another program", other}},
		{"a newer schema", boltFile(t, dir, "newer.db", func(tx *bolt.Tx) error {
			b, _ := tx.CreateBucket(bucketMeta)
			b.Put(keyMagic, []byte("uptake"))
			return b.Put(keySchema, binary.BigEndian.AppendUint32(nil, SchemaVersion+7))
		}), []string{"newer", "install the newer uptake"}},
		{"an unreadable schema version", boltFile(t, dir, "schema.db", func(tx *bolt.Tx) error {
			b, _ := tx.CreateBucket(bucketMeta)
			b.Put(keyMagic, []byte("uptake"))
			return b.Put(keySchema, []byte{1})
		}), []string{"damaged", "schema"}},
		{"a missing bucket", boltFile(t, dir, "nobucket.db", func(tx *bolt.Tx) error {
			b, _ := tx.CreateBucket(bucketMeta)
			b.Put(keyMagic, []byte("uptake"))
			tx.CreateBucket(bucketApps)
			return b.Put(keySchema, binary.BigEndian.AppendUint32(nil, 1))
		}), []string{"damaged", "bucket is missing"}},
	}
	// Cut short: on page boundaries (which bbolt's own checks let through)
	// and off them.
	m := readMeta(bytes.NewReader(big), 0)
	if m1 := readMeta(bytes.NewReader(big), page); m1.txid > m.txid {
		m = m1
	}
	high := int(m.pgid) * page // past it, the file is room to grow into
	for _, n := range []int{1, 20, page, 2 * page, 4 * page, 4*page + 1, high / 2, high / 2 / page * page, high - page, high - 1, len(big) - 1} {
		files = append(files, badFile{fmt.Sprintf("cut to %d of %d bytes", n, len(big)), writeFile(t, dir, fmt.Sprintf("cut%d", n), big[:n]), []string{other}})
	}
	// Padded with garbage that is not whole pages.
	files = append(files, badFile{"padded", writeFile(t, dir, "padded", append(append([]byte(nil), big...), 1, 2, 3)), []string{"damaged", restore}})
	// Both meta pages spoiled.
	spoiled := append([]byte(nil), big...)
	for _, off := range []int{16 + 60, page + 16 + 60} {
		spoiled[off] ^= 0xff
	}
	files = append(files, badFile{"both meta pages spoiled", writeFile(t, dir, "meta", spoiled), []string{"damaged", restore}})
	return files
}

func TestRobust_DamagedAndForeignFilesRefused(t *testing.T) {
	files := badFiles(t)
	if os.Geteuid() != 0 {
		dir := t.TempDir()
		p := writeFile(t, dir, "locked.db", bigDatabase(t))
		os.Chmod(p, 0)
		t.Cleanup(func() { os.Chmod(p, 0o600) })
		files = append(files, badFile{"an unreadable file", p, []string{"permissions"}})
	} else {
		t.Log("running as root, which reads any file: the unreadable file is /etc/passwd/uptake.db instead")
	}
	refused, tried := 0, 0
	for _, f := range files {
		for _, opt := range []Options{{}, {ReadOnly: true}, {Transient: true}} {
			tried++
			before, _ := os.ReadFile(f.path)
			var st *Store
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("panic: %v", r)
						t.Errorf("%s %+v: Open panicked: %v", f.name, opt, r)
					}
				}()
				opt.Timeout = time.Second
				st, err = Open(f.path, opt)
			}()
			if err == nil {
				st.Close()
				t.Errorf("%s %+v: opened", f.name, opt)
				continue
			}
			msg := err.Error()
			ok := strings.Contains(msg, f.path)
			for _, w := range f.want {
				ok = ok && strings.Contains(msg, w)
			}
			if !ok {
				t.Errorf("%s %+v: message %q lacks the path or %q", f.name, opt, msg, f.want)
				continue
			}
			after, _ := os.ReadFile(f.path)
			if !bytes.Equal(before, after) {
				t.Errorf("%s %+v: the file changed", f.name, opt)
				continue
			}
			if left, _ := filepath.Glob(f.path + ".bak*"); len(left) > 0 {
				t.Errorf("%s %+v: left %v", f.name, opt, left)
			}
			refused++
		}
	}
	t.Logf("bad files refused, named, and left byte for byte: %d of %d (%d files × 3 ways to open)", refused, tried, len(files))
}

// TestRobust_DamagedPages spoils pages inside a database in many ways.
// bbolt trusts what it reads from its pages (a bad one can crash the
// process from a goroutine of bbolt's), so Open walks them first; what
// gets past the walk must read as damaged or as the data, never panic.
func TestRobust_DamagedPages(t *testing.T) {
	big := bigDatabase(t)
	const page = 4096
	pages := len(big) / page
	dir := t.TempDir()
	refused, readable, tried := 0, 0, 0
	for seed := int64(0); seed < 150; seed++ {
		r := rand.New(rand.NewSource(seed))
		d := append([]byte(nil), big...)
		pg := 2 + r.Intn(pages-2)
		at := pg * page
		switch seed % 5 {
		case 0: // a page of noise
			r.Read(d[at : at+page])
		case 1: // bytes flipped anywhere in the page
			for i := 0; i < 8; i++ {
				d[at+r.Intn(page)] ^= byte(1 + r.Intn(255))
			}
		case 2: // the header and the first elements
			for i := 0; i < 16; i++ {
				d[at+r.Intn(80)] = byte(r.Intn(256))
			}
		case 3: // a page zeroed
			clear(d[at : at+page])
		case 4: // a page copied over another
			src := (2 + r.Intn(pages-2)) * page
			copy(d[at:at+page], big[src:src+page])
		}
		if bytes.Equal(d, big) {
			continue
		}
		for _, opt := range []Options{{}, {ReadOnly: true}} {
			tried++
			p := writeFile(t, dir, fmt.Sprintf("spoiled-%d-%v", seed, opt.ReadOnly), d)
			where := fmt.Sprintf("seed %d (page %d, way %d, read-only %v)", seed, pg, seed%5, opt.ReadOnly)
			opt.Timeout = time.Second
			err := func() (err error) {
				defer func() {
					if r := recover(); r != nil {
						err = fmt.Errorf("panic: %v", r)
					}
				}()
				st, err := Open(p, opt)
				if err != nil {
					return err
				}
				defer st.Close()
				// Everything the dashboard reads, then a write.
				if _, err := st.Count(); err != nil {
					return err
				}
				apps, err := st.Apps()
				if err != nil {
					return err
				}
				for _, a := range apps {
					if _, err := st.AppSeries(a.Name); err != nil {
						return err
					}
					if _, err := st.Launches(a.Name); err != nil {
						return err
					}
				}
				if err := st.EachFigure(func(figures.Figure) bool { return true }); err != nil {
					return err
				}
				if _, _, err := st.History(); err != nil {
					return err
				}
				if !opt.ReadOnly {
					if _, err := st.Apply(batchOf(fig("After Damage", "IN", "2020-01", "", 1)), false); err != nil {
						return err
					}
				}
				return nil
			}()
			switch {
			case err == nil:
				readable++ // the spoiled page was free, or its damage harmless
			case strings.HasPrefix(err.Error(), "panic"):
				t.Errorf("%s: %v", where, err)
			case !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), p):
				t.Errorf("%s: not reported as damaged, naming the file: %v", where, err)
			default:
				refused++
			}
		}
	}
	t.Logf("spoiled databases: %d refused as damaged, %d still readable (the damage missed live data), 0 panics, of %d tried", refused, readable, tried)
	if refused < tried/3 {
		t.Errorf("only %d of %d spoiled files were found damaged", refused, tried)
	}
}

func TestRobust_EmptyFileIsANewDatabase(t *testing.T) {
	p := writeFile(t, t.TempDir(), "empty.db", nil)
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatalf("an empty file: %v", err)
	}
	defer s.Close()
	if _, err := s.Apply(batchOf(fig("A", "IN", "2020-01", "", 1)), false); err != nil {
		t.Fatal(err)
	}
	// Read-only, an empty file has nothing to show and is not written.
	q := writeFile(t, t.TempDir(), "empty.db", nil)
	if _, err := Open(q, Options{ReadOnly: true}); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "uptake -seed") {
		t.Errorf("read-only empty file: %v", err)
	}
	if fi, _ := os.Stat(q); fi.Size() != 0 {
		t.Error("a read-only open wrote to the empty file")
	}
}

// FuzzDecodeSeries: no bytes make the series decoder panic, and what it
// accepts encodes back to a value that decodes the same. The dictionary
// holds "Resso", "Sensor Tower" and "n" as ids 1 to 3.
func FuzzDecodeSeries(f *testing.F) {
	figs := []figures.Figure{
		{App: "Resso", Country: "IN", From: figures.MonthOf(2020, 3), To: figures.MonthOf(2020, 7), Installs: 9800000, Source: "Sensor Tower", Changed: testNow},
		{App: "Resso", Country: "IN", From: figures.MonthOf(2020, 8), To: figures.MonthOf(2020, 8), Installs: 3600000, Source: "Sensor Tower", Note: "n", Estimate: true, Changed: testNow.Add(time.Hour)},
	}
	dict := func() *texts {
		d := memTexts()
		for _, s := range []string{"Resso", "Sensor Tower", "n"} {
			d.ref(s)
		}
		return d
	}
	enc := func(app string, figs []figures.Figure) []byte {
		v, err := encodeSeries(dict(), app, figs)
		if err != nil {
			f.Fatal(err)
		}
		return v
	}
	f.Add(enc("Resso", figs))
	f.Add(enc("", nil))
	f.Add(enc("Resso", figs[1:]))
	f.Add([]byte{})
	f.Add([]byte{seriesVersion, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Add(append(enc("Resso", figs), 0))
	f.Fuzz(func(t *testing.T, v []byte) {
		d := dict()
		got, err := decodeSeriesInto(nil, v, "IN", d)
		if err != nil {
			return
		}
		if n, err := seriesLen(v); err != nil || n != len(got) {
			t.Fatalf("decodeSeries took what seriesLen refuses or counts otherwise: %d %v", n, err)
		}
		for _, f := range got {
			if f.To < f.From || f.Installs < 0 || f.From > figures.MaxMonth || !f.Platform.Valid() {
				t.Fatalf("decoded an impossible figure %+v", f)
			}
		}
		if len(got) == 0 {
			return
		}
		back, err := encodeSeries(d, got[0].App, got)
		if err != nil {
			t.Fatal(err)
		}
		again, err := decodeSeriesInto(nil, back, "IN", d)
		if err != nil || len(again) != len(got) {
			t.Fatalf("re-encoded series does not decode: %v", err)
		}
		for i := range got {
			if !again[i].Same(got[i]) || !again[i].Changed.Equal(got[i].Changed) {
				t.Fatalf("figure %d changed in a round trip: %+v != %+v", i, again[i], got[i])
			}
		}
	})
}

// FuzzDecodeEntry: no bytes make the decoders of a history entry panic:
// its head, or its records as they come out of the decompressor; what
// they accept names only buckets and keys undo may change, and a head
// encodes back to itself.
func FuzzDecodeEntry(f *testing.F) {
	h := entryHead{Entry: Entry{Label: "import figures.csv", Time: testNow, Report: Report{Added: 3, Updated: 1}}, changes: 2, parts: 1, size: 40, sum: 7}
	w := newChangeWriter()
	w.add(bidSeries, []byte("resso\x00IN"), []byte{1, 2, 3})
	w.add(bidApps, []byte("resso"), nil)
	var raw bytes.Buffer
	zr := flate.NewReader(bytes.NewReader(bytes.Join(must(w.close()), nil)))
	raw.ReadFrom(zr)
	f.Add(encodeHead(h), raw.Bytes())
	f.Add([]byte{entryVersion, 0, 0}, []byte{bidApps, 1, 'x', 0})
	f.Add([]byte{}, []byte{})
	f.Fuzz(func(t *testing.T, head, records []byte) {
		if got, err := decodeHead(1, head); err == nil {
			back, err := decodeHead(1, encodeHead(got))
			if err != nil || back.Label != got.Label || back.changes != got.changes || back.parts != got.parts || back.size != got.size || back.sum != got.sum {
				t.Fatalf("head round trip: %+v %+v %v", got, back, err)
			}
		}
		r := newChangeReader(bytes.NewReader(records), 1+len(records)%5)
		for {
			ch, err := r.next()
			if err != nil {
				return
			}
			if bucketByID(ch.bucket) == nil || !undoableKey(ch.bucket, ch.key) {
				t.Fatalf("decoded a change in bucket %d, key %q", ch.bucket, ch.key)
			}
		}
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// FuzzParseCountry: any text gives a known code or an error that says
// what is expected; a code parses to itself.
func FuzzParseCountry(f *testing.F) {
	for _, s := range []string{"IN", "in", "India", " india ", "WW", "worldwide", "Saudi Arabia", "KSA", "Côte d'Ivoire", "", "I\x1b[2J", "\u202eNI", "XX"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := figures.ParseCountry(s)
		if err != nil {
			if err.Error() == "" || figures.Sanitize(err.Error()) != err.Error() && figures.Sanitize(s) == s {
				t.Fatalf("ParseCountry(%q): unhelpful error %q", s, err)
			}
			return
		}
		if !figures.ValidCountry(code) {
			t.Fatalf("ParseCountry(%q) = %q, not a known code", s, code)
		}
		if again, err := figures.ParseCountry(code); err != nil || again != code {
			t.Fatalf("ParseCountry(%q) = %q, %v; want the code back", code, again, err)
		}
		if n := figures.CountryName(code); n == "" || figures.Sanitize(n) != n {
			t.Fatalf("CountryName(%q) = %q", code, n)
		}
	})
}
