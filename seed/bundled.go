package seed

import (
	"bytes"
	_ "embed"

	"github.com/uptake/uptake/store"
)

//go:embed dataset.json
var dataset []byte

// BundledLabel labels the write of the bundled dataset in the history.
const BundledLabel = "bundled dataset"

// BundledJSON returns a copy of the bundled dataset as JSON, in the
// format ReadJSON reads.
func BundledJSON() []byte { return bytes.Clone(dataset) }

// Bundled returns the bundled dataset, the figures of the seed article, as
// a batch ready for store.Apply. The error is Problems, and only if the
// embedded file were broken.
func Bundled() (*store.Batch, error) {
	b := store.NewBatch(BundledLabel)
	if ps := ReadJSON(bytes.NewReader(dataset), "seed/dataset.json", b); len(ps) > 0 {
		return nil, ps
	}
	return b, nil
}
