package seed

import (
	"bytes"
	_ "embed"
)

//go:embed dataset.json
var dataset []byte

// BundledLabel labels the write of the bundled dataset in the history.
const BundledLabel = "bundled dataset"

// BundledJSON returns a copy of the bundled dataset as JSON, in the
// format ReadJSON reads.
func BundledJSON() []byte { return bytes.Clone(dataset) }

// Bundled reads the bundled dataset, the figures of the seed article, into
// s. The error is Problems, and only if the embedded file were broken.
func Bundled(s Sink) error {
	return ReadJSON(bytes.NewReader(dataset), "seed/dataset.json", s).Err()
}
