package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// cleanWriter passes text on with everything a terminal would act on made
// harmless (store.Sanitize), line breaks kept. All that uptake says on
// standard error goes through one: file names, paths, flags and the
// errors that quote them come from outside and may hold escape sequences
// (a clipboard write, a screen clear, a raw 0x9B).
type cleanWriter struct{ w io.Writer }

func (c cleanWriter) Write(p []byte) (int, error) {
	lines := strings.Split(string(p), "\n")
	for i, l := range lines {
		lines[i] = figures.Sanitize(l)
	}
	if _, err := io.WriteString(c.w, strings.Join(lines, "\n")); err != nil {
		return 0, err
	}
	return len(p), nil
}

// pipeWait is how long opening a named pipe may take before uptake says
// it is waiting for a writer.
const pipeWait = time.Second

// openInput opens a file to import: a regular file (with its size), or a
// named pipe (as `<(…)` gives), saying on stderr when the pipe has no
// writer yet rather than waiting without a word. Folders, devices and
// sockets are refused by name.
func openInput(name string, stderr io.Writer) (*os.File, int64, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, 0, fmt.Errorf("cannot read %s: %w", name, pathErr(err))
	}
	switch mode := fi.Mode(); {
	case mode.IsDir():
		return nil, 0, fmt.Errorf("%s is a folder (expected a .csv or .json file)", name)
	case mode.IsRegular():
		f, err := os.Open(name)
		if err != nil {
			return nil, 0, fmt.Errorf("cannot read %s: %w", name, pathErr(err))
		}
		return f, fi.Size(), nil
	case mode&fs.ModeNamedPipe != 0:
		type opened struct {
			f   *os.File
			err error
		}
		done := make(chan opened, 1)
		go func() {
			f, err := os.Open(name)
			done <- opened{f, err}
		}()
		select {
		case o := <-done:
			return o.f, -1, o.err
		case <-time.After(pipeWait):
			fmt.Fprintf(stderr, "%s is a named pipe with nothing writing to it yet: waiting for a writer (ctrl+c stops)\n", name)
		}
		o := <-done
		if o.err != nil {
			return nil, 0, fmt.Errorf("cannot read %s: %w", name, pathErr(o.err))
		}
		return o.f, -1, nil
	default:
		return nil, 0, fmt.Errorf("%s is a device or a socket, not a file (expected a .csv or .json file; give - to read standard input)", name)
	}
}

// writeOutput writes an export to path. A regular file (or none yet) is
// written beside the target and renamed onto it, so that a failed export
// never leaves an empty or half file where a good one was; a symbolic
// link stays a link (its target is replaced); a device or a pipe
// (/dev/stdout, a FIFO) is written as it is. Errors name the path given,
// never the hidden file. A *store.PartialError from write (a damaged
// database whose sound part was written) still puts the file in place.
func writeOutput(path string, write func(io.Writer) error) error {
	fi, err := os.Stat(path)
	if err == nil && fi.IsDir() {
		return fmt.Errorf("-o %s is a folder (give a file name, e.g. %s)", path, filepath.Join(path, "export.txt"))
	}
	if err == nil && !fi.Mode().IsRegular() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", path, pathErr(err))
		}
		werr := write(f)
		if cerr := f.Close(); werr == nil && cerr != nil {
			werr = fmt.Errorf("writing %s: %w", path, pathErr(cerr))
		}
		return werr
	}
	target := path
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		target = resolved
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), ".uptake-export-*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, pathErr(err))
	}
	defer os.Remove(tmp.Name())
	werr := write(tmp)
	var partial *store.PartialError
	if werr != nil && !errors.As(werr, &partial) {
		tmp.Close()
		return wordWriteErr(path, werr)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathErr(err))
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathErr(err))
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("writing %s: %w", path, pathErr(err))
	}
	return werr
}

// wordWriteErr names the path given for an error writing the hidden file
// beside it.
func wordWriteErr(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("writing %s: %w", path, pe.Err)
	}
	return err
}

// pathErr drops the path an *fs.PathError repeats, for messages that name
// the path themselves.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
