package report

import (
	"fmt"
	"strings"

	"github.com/uptake/uptake/figures"
)

// Selection is what the views show: shared by all of them and by -export.
type Selection struct {
	Apps        []string         // in order; the first is the one Countries shows and Compare divides by
	Country     string           // a code, or WW; or a group: a region's M49 code, the user's group's name
	Platform    figures.Platform // all (both stores), ios or android
	From, To    figures.Month    // 0 leaves that end open: the data's own span
	SinceLaunch bool             // Compare: align on each app's launch month
	Cumulative  bool             // Curves: running totals rather than monthly
	Scale       Scale            // Curves and Compare: linear, log or index
	RankBy      string           // Ranking: the order of its rows, one of RankOrders ("" for by installs)
	// Ranking is the file's ranking of sources, highest first (the rest
	// in the default order): each view's Load reads it from the file.
	Ranking figures.Ranking
	// Group is the market when Country names a group: each view's Load
	// resolves it from the file's groups, in the same read (groups.go).
	Group figures.Group
	// GroupRows: Countries shows a row per UN sub-region and user's group
	// rather than per country.
	GroupRows bool
}

// WindowLabel writes the window as the selection line shows it.
func (s Selection) WindowLabel() string {
	switch {
	case s.From == 0 && s.To == 0:
		return "all months"
	case s.From == 0:
		return "up to " + s.To.String()
	case s.To == 0:
		return s.From.String() + " on"
	case s.From == s.To:
		return s.From.String()
	}
	return s.From.String() + ".." + s.To.String()
}

// Label is the selection in one line, for the header and export footers.
func (s Selection) Label() string {
	apps := "no app"
	if len(s.Apps) > 0 {
		apps = figures.Sanitize(strings.Join(s.Apps, ", "))
	}
	return fmt.Sprintf("%s · %s · %s · %s", apps, s.MarketLabel(), s.Platform.Label(), s.WindowLabel())
}

// window resolves the open ends of the selection against the data's span.
func (s Selection) window(dataFrom, dataTo figures.Month) (figures.Month, figures.Month) {
	from, to := s.From, s.To
	if from == 0 {
		from = dataFrom
	}
	if to == 0 {
		to = dataTo
	}
	return from, to
}
