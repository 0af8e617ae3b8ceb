package report

import (
	"strings"

	"github.com/uptake/uptake/figures"
)

// The queries here turn a selection into the data a view draws, from a
// Source; the dashboard runs them in its commands and -export directly,
// so both show the same numbers.

// Source is what the views read; a store.Reader satisfies it.
type Source interface {
	Apps() ([]figures.App, error)
	Series(app, country string) ([]figures.Figure, error)
	AppSeries(app string) (map[string][]figures.Figure, error)
	Launches(app string) ([]figures.Launch, error)
	EachFigure(fn func(figures.Figure) bool) error
	Ranking() (figures.Ranking, error) // the user's ranking of sources; empty for the default
	Groups() ([]figures.Group, error)  // the user's groups of countries
	Events() ([]figures.Event, error)  // every event, by month, country, app and text
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] && strings.TrimSpace(s) != "" {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
