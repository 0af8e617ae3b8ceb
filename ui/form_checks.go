package ui

import (
	"errors"
	"strings"

	"github.com/uptake/uptake/figures"
)

// The form's fields are checked by the same rules as the store and the
// file readers, so that what the form takes a file would take too.

func checkName(s string) error { return problemOnly(figures.ValidateName("app", strings.TrimSpace(s))) }

func checkCountry(s string) error { _, err := figures.ParseCountry(s); return err }

func checkMonth(s string) error { _, err := figures.ParseMonth(s); return err }

func checkOptionalMonth(s string) error {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return checkMonth(s)
}

func checkInstalls(s string) error { _, err := figures.ParseInstalls(s); return err }

func checkEstimate(s string) error { _, err := figures.ParseEstimate(s); return err }

func checkPlatform(s string) error { _, err := figures.ParsePlatform(s); return err }

func checkText(s string) error {
	f := figures.Figure{App: "x", Country: figures.Worldwide, From: figures.MinMonth, To: figures.MinMonth, Note: s}
	return problemOnly(f.Validate())
}

// problemOnly drops the field name from a store error: the form shows it
// under the field already.
func problemOnly(err error) error {
	var fe *figures.FieldError
	if errors.As(err, &fe) {
		return errors.New(fe.Problem)
	}
	return err
}
