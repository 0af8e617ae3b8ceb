package seed

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/uptake/uptake/figures"
)

// An apps file names apps and their store ids, so that the store
// consoles' files, which name an app by its id, land on the app the
// researcher calls it by:
//
//	name,publisher,android,ios
//	Spotify,Spotify AB,com.spotify.music,324684580
//
// Columns in any order and case; publisher, android and ios may be empty
// or absent, but android or ios must be there (else it is not an apps
// file: an uptake CSV of apps has no ids to give).

// appsColumns are the columns of an apps file, by folded name.
var appsColumns = map[string]string{
	"name": "name", "app": "name", "publisher": "publisher",
	"android": "android", "package": "android", "play": "android", "google play": "android",
	"ios": "ios", "app store": "ios", "app store id": "ios", "apple id": "ios", "apple identifier": "ios",
}

// appsHeader reads the first line as an apps file's header: the column
// of each field, or false.
func appsHeader(head []byte) (map[string]int, bool) {
	line, _, _ := strings.Cut(string(head), "\n")
	line = strings.TrimSuffix(line, "\r")
	sep := ','
	for _, c := range []rune{';', '\t'} {
		if strings.Count(line, string(c)) > strings.Count(line, string(sep)) {
			sep = c
		}
	}
	cols := map[string]int{}
	for i, h := range strings.Split(line, string(sep)) {
		f, ok := appsColumns[strings.ToLower(strings.Trim(strings.TrimSpace(h), `"`))]
		if !ok {
			return nil, false
		}
		if _, twice := cols[f]; twice {
			return nil, false
		}
		cols[f] = i
	}
	_, name := cols["name"]
	_, android := cols["android"]
	_, ios := cols["ios"]
	return cols, name && (android || ios)
}

func looksLikeAppsFile(head []byte) bool {
	_, ok := appsHeader(head)
	return ok
}

// readAppsFile reads an apps file: each row an app with its ids.
func readAppsFile(in input, s Sink) (Understood, Problems) {
	u := Understood{Format: "apps file"}
	head, _ := in.br.Peek(4 << 10)
	cols, ok := appsHeader(head)
	if !ok {
		return u, notText(in.name, "the header is not an apps file's (expected name,publisher,android,ios)")
	}
	line, _, _ := strings.Cut(string(head), "\n")
	cr := csv.NewReader(&limitedLines{r: in.br})
	cr.Comma = ','
	for _, c := range []rune{';', '\t'} {
		if strings.Count(line, string(c)) > strings.Count(line, string(cr.Comma)) {
			cr.Comma = c
		}
	}
	cr.FieldsPerRecord = -1
	var ps Problems
	names := map[string]int{}
	for row := 1; len(ps) < MaxProblems; row++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		at, _ := cr.FieldPos(0)
		if err != nil {
			ps = append(ps, Problem{File: in.name, Line: max(at, row), Message: fmt.Sprintf("the line cannot be read as CSV: %v", err)})
			break
		}
		if row == 1 {
			continue // the header
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		get := func(f string) string {
			if i, ok := cols[f]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		a := figures.App{Name: get("name"), Publisher: get("publisher"), Android: get("android"), IOS: get("ios")}
		if err := figures.ValidateName("name", a.Name); err != nil {
			ps = append(ps, Problem{File: in.name, Line: at, Column: "name", Message: err.Error()})
			continue
		}
		if err := figures.ValidateStoreIDs(a); err != nil {
			var fe *figures.FieldError
			col := ""
			msg := err.Error()
			if errors.As(err, &fe) {
				col, msg = fe.Field, fe.Problem
			}
			ps = append(ps, Problem{File: in.name, Line: at, Column: col, Message: msg})
			continue
		}
		folded := figures.FoldName(a.Name)
		if first, twice := names[folded]; twice {
			ps = append(ps, Problem{File: in.name, Line: at, Column: "name", Message: fmt.Sprintf("%s is named again (first at line %d; give each app once)", figures.Quote(figures.Sanitize(a.Name)), first)})
			continue
		}
		names[folded] = at
		s.AddApp(a)
	}
	return u, ps
}

// limitedLines stops a reader at a line longer than MaxLineBytes.
type limitedLines struct {
	r       io.Reader
	inLine  int
	stopped bool
}

func (l *limitedLines) Read(p []byte) (int, error) {
	if l.stopped {
		return 0, fmt.Errorf("a line is longer than %d bytes", MaxLineBytes)
	}
	n, err := l.r.Read(p)
	for i, c := range p[:n] {
		if c == '\n' {
			l.inLine = 0
			continue
		}
		l.inLine++
		if l.inLine > MaxLineBytes {
			l.stopped = true
			return i, nil
		}
	}
	return n, err
}

// AppsFilesFirst orders the files of an import so that apps files come
// first (in their order), then the rest (in theirs): the rest can then
// land on the apps they name. It also says how many apps files lead.
// open gives a file's start to look at, or nil (the file is then kept in
// place and read as it comes).
func AppsFilesFirst(files []string, open func(string) io.ReadCloser) ([]string, int) {
	var apps, rest []string
	for _, f := range files {
		rc := open(f)
		if rc == nil {
			rest = append(rest, f)
			continue
		}
		br, msg := openText(rc)
		isApps := false
		if msg == "" {
			head, _ := br.Peek(4 << 10)
			isApps = looksLikeAppsFile(head)
		}
		rc.Close()
		if isApps {
			apps = append(apps, f)
		} else {
			rest = append(rest, f)
		}
	}
	return append(apps, rest...), len(apps)
}
