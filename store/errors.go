package store

import "errors"

// Sentinel errors, wrapped with the file's path by Open; check with errors.Is.
var (
	// ErrBusy: another process holds the database file.
	ErrBusy = errors.New("the database file is in use by another uptake process")
	// ErrNotUptake: the file exists but is not an uptake database.
	ErrNotUptake = errors.New("the file is not an uptake database")
	// ErrNewerSchema: the file was written by a newer uptake.
	ErrNewerSchema = errors.New("the database was written by a newer version of uptake")
	// ErrDamaged: the file looks like a database but cannot be read.
	ErrDamaged = errors.New("the database file is damaged")
	// ErrNotFound: no record with that identity.
	ErrNotFound = errors.New("not found")
	// ErrNothingToUndo and ErrNothingToRedo: the history is at its end.
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
	// ErrTooMany: a write of more figures than MaxBatchFigures.
	ErrTooMany = errors.New("too many figures for one write")
	// ErrReadOnly: a write on a store opened read-only.
	ErrReadOnly = errors.New("the database was opened read-only")
)
