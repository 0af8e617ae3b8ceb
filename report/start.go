package report

import (
	"fmt"
	"sort"

	"github.com/uptake/uptake/figures"
)

// StartSelection fills what the selection leaves open as the dashboard's
// first screen does, so that -export without -app shows what the
// dashboard would, and names the view that screen is. src should read
// one state of the file (a store.Reader).
func StartSelection(src Source, sel Selection) (Selection, string, error) {
	apps, err := src.Apps()
	if err != nil {
		return sel, "curves", err
	}
	if len(apps) == 0 {
		return sel, "curves", fmt.Errorf("%w: the database holds no figures (load some with -seed or -import)", ErrNothingToShow)
	}
	return startFrom(src, apps, sel)
}

// startFrom decides the first screen from the apps and their launches.
// A launch that cannot be read is an error, not a reason to choose
// another screen: that would show other numbers without a word.
func startFrom(s Source, apps []figures.App, sel Selection) (Selection, string, error) {
	view := "curves"
	if len(sel.Apps) > 0 && sel.Country != "" {
		return sel, view, nil // nothing left to choose
	}
	byCountry := map[string][]string{}
	for _, a := range apps {
		launches, err := s.Launches(a.Name)
		if err != nil {
			return sel, view, err
		}
		for _, l := range launches {
			byCountry[l.Country] = append(byCountry[l.Country], a.Name)
		}
	}
	best := ""
	for c, names := range byCountry {
		if len(names) < 2 {
			continue
		}
		if best == "" || len(names) > len(byCountry[best]) || len(names) == len(byCountry[best]) && c < best {
			best = c
		}
	}
	if len(sel.Apps) == 0 {
		if best != "" {
			sel.Apps = byCountry[best]
			sort.Strings(sel.Apps)
			if len(sel.Apps) > 4 {
				sel.Apps = sel.Apps[:4]
			}
		} else {
			sel.Apps = []string{apps[0].Name}
		}
	}
	if sel.Country == "" {
		sel.Country = figures.Worldwide
		if best != "" {
			sel.Country = best
			sel.SinceLaunch = true
			view = "compare"
		}
	}
	return sel, view, nil
}
