// uptake's copy of github.com/xo/terminfo v0.0.0-20220910002029-abceb7e1c41e
// (MIT, see LICENSE), changed only to find the home folder with
// os.UserHomeDir rather than os/user (see load.go), and without two
// unreachable lines go vet refuses (param.go). os/user is the one
// package in uptake's build that needs cgo, and a binary linked
// dynamically for it starts about 2.5 ms slower on every run.
module github.com/xo/terminfo

go 1.26
