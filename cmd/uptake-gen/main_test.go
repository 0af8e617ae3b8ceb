package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/internal/synth"
)

func TestRun_WritesFiguresAndLaunches(t *testing.T) {
	dir := t.TempDir()
	out, launches := filepath.Join(dir, "f.csv"), filepath.Join(dir, "l.csv")
	var stderr bytes.Buffer
	if code := run([]string{"-apps", "2", "-countries", "3", "-months", "5", "-o", out, "-launches", launches}, nil, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	c := synth.Config{Apps: 2, Countries: 3, Months: 5, From: figures.MonthOf(2015, 1), Seed: 1}
	if err := c.WriteFigures(&want); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Fatal("the file is not the synthetic data asked for")
	}
	l, err := os.ReadFile(launches)
	if err != nil || strings.Count(string(l), "\n") != 1+2*3 {
		t.Fatalf("launches: %v\n%s", err, l)
	}
}

func TestRun_BadFlags(t *testing.T) {
	for _, args := range [][]string{{"-apps", "0"}, {"-from", "2015-13"}, {"-months", "5000"}, {"extra"}} {
		var stderr bytes.Buffer
		if code := run(args, &bytes.Buffer{}, &stderr); code != 2 || stderr.Len() == 0 {
			t.Errorf("%v: exit %d, %q", args, code, stderr.String())
		}
	}
}
