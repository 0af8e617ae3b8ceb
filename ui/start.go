package ui

import (
	"sort"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/store"
)

// startMsg carries the first screen chosen from the data.
type startMsg struct {
	sel  Selection
	view View
}

// chooseStart picks a first screen worth seeing: where two or more apps
// have launches in one country, the Compare view since launch there (on
// the bundled data, Resso against Spotify, the article's comparison);
// otherwise the Curves view of the first app, worldwide.
func chooseStart(s Store, apps []figures.App, sel Selection) tea.Cmd {
	return func() tea.Msg {
		var msg startMsg
		err := s.Read(func(r *store.Reader) error {
			var err error
			msg, err = startFrom(r, apps, sel)
			return err
		})
		if err != nil {
			return appsMsg{err: err}
		}
		return msg
	}
}

// startFrom decides the first screen from the apps and their launches.
// A launch that cannot be read is an error, not a reason to choose
// another screen: that would show other numbers without a word.
func startFrom(s Source, apps []figures.App, sel Selection) (startMsg, error) {
	view := CurvesView
	if len(sel.Apps) > 0 && sel.Country != "" {
		return startMsg{sel: sel, view: view}, nil // nothing left to choose
	}
	byCountry := map[string][]string{}
	for _, a := range apps {
		launches, err := s.Launches(a.Name)
		if err != nil {
			return startMsg{}, err
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
			view = CompareView
		}
	}
	return startMsg{sel: sel, view: view}, nil
}
