package report

import (
	"fmt"
	"slices"
	"sort"

	"github.com/uptake/uptake/figures"
)

// StartSelection fills what the selection leaves open as the dashboard's
// first screen does, so that -export without -app shows what the
// dashboard would, and names the view that screen is. src should read
// one state of the file (a store.Reader).
func StartSelection(src Source, sel Selection) (Selection, string, error) {
	if len(sel.Apps) > 0 && sel.Country != "" {
		return sel, "curves", nil // nothing left to choose, and no app list to read
	}
	apps, err := src.Apps()
	if err != nil {
		return sel, "curves", err
	}
	if len(apps) == 0 {
		return sel, "curves", fmt.Errorf("%w: the database holds no figures (load some with -seed or -import)", ErrNothingToShow)
	}
	return startFrom(src, apps, sel)
}

// startFrom decides the first screen from the apps, their launches and
// the size of each market. A launch that cannot be read is an error, not
// a reason to choose another screen: that would show other numbers
// without a word.
//
// Where two or more apps launched in the same country, the first screen
// compares them there since launch (the bundled article's question): the
// country where most did, the largest of those by installs, and its
// largest four apps. Otherwise Curves of the largest four apps
// worldwide. "Largest" is the plain sum of the file's figures, used only
// to choose and never shown: the alphabet chose before, which opened a
// million figures on the United Arab Emirates.
func startFrom(s Source, apps []figures.App, sel Selection) (Selection, string, error) {
	view := "curves"
	if len(sel.Apps) > 0 && sel.Country != "" {
		return sel, view, nil // nothing left to choose
	}
	if len(sel.Apps) > 0 {
		// Only the chosen apps' launches and figures count.
		chosen := make([]figures.App, len(sel.Apps))
		for i, a := range sel.Apps {
			chosen[i] = figures.App{Name: a}
		}
		apps = chosen
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
	size, err := marketSizes(s, sel.Apps)
	if err != nil {
		return sel, view, err
	}
	best := ""
	for c, names := range byCountry {
		if len(names) < 2 {
			continue
		}
		if best == "" || len(names) > len(byCountry[best]) ||
			len(names) == len(byCountry[best]) && (size.country[c] > size.country[best] || size.country[c] == size.country[best] && c < best) {
			best = c
		}
	}
	market := sel.Country
	if market == "" {
		market = figures.Worldwide
		if best != "" {
			market = best
			sel.SinceLaunch = true
			view = "compare"
		}
	}
	if len(sel.Apps) == 0 {
		candidates := byCountry[market]
		in := size.app[market]
		if market == figures.Worldwide {
			in = size.world
		}
		if g, err := resolveMarket(s, Selection{Country: market}); err == nil && g.Group.Name != "" {
			// A group: the apps launched in its members, by the sum of
			// their figures there.
			candidates, in = nil, map[string]int64{}
			for _, c := range g.Group.Members {
				for _, a := range byCountry[c] {
					if !slices.Contains(candidates, a) {
						candidates = append(candidates, a)
					}
				}
				for a, n := range size.app[c] {
					in[a] += n
				}
			}
		}
		if len(candidates) < 2 {
			candidates = nil
			for _, a := range apps {
				candidates = append(candidates, a.Name)
			}
		}
		sort.SliceStable(candidates, func(i, j int) bool {
			a, b := in[candidates[i]], in[candidates[j]]
			return a > b || a == b && candidates[i] < candidates[j]
		})
		sel.Apps = candidates[:min(len(candidates), 4)]
	}
	sel.Country = market
	return sel, view, nil
}

// sizes are the plain sums of the file's figures: per country, per app in
// each country, and per app worldwide (its WW figures where it has any,
// else its countries').
type sizes struct {
	country map[string]int64
	app     map[string]map[string]int64
	world   map[string]int64
}

// marketSizes sums the figures of apps, or of every app when none is
// given.
func marketSizes(s Source, apps []string) (sizes, error) {
	z := sizes{country: map[string]int64{}, app: map[string]map[string]int64{}, world: map[string]int64{}}
	countries := map[string]int64{} // per app, the sum of its countries
	// Figures come a series at a time: they are summed per series and the
	// maps touched once a series, not once a figure (a million map
	// updates were most of the first frame on the million).
	var app, country string
	var sum int64
	flush := func() {
		if app == "" {
			return
		}
		if country == figures.Worldwide {
			z.world[app] += sum
		} else {
			z.country[country] += sum
			countries[app] += sum
		}
		if z.app[country] == nil {
			z.app[country] = map[string]int64{}
		}
		z.app[country][app] += sum
	}
	add := func(f figures.Figure) bool {
		if f.App != app || f.Country != country {
			flush()
			app, country, sum = f.App, f.Country, 0
		}
		sum += f.Installs
		return true
	}
	var err error
	if st, ok := s.(seriesTotaler); ok && len(apps) == 0 {
		// Every series at once, its installs added up in the store
		// without reading its texts: the first frame on the million.
		err = st.EachSeriesTotal(func(a, c string, n int64) bool {
			app, country, sum = a, c, n
			flush()
			app = ""
			return true
		})
		return z, finishSizes(z, countries, err)
	}
	if len(apps) == 0 {
		err = s.EachFigure(add)
	}
	for _, a := range apps {
		series, aerr := s.AppSeries(a)
		if aerr != nil {
			return z, aerr
		}
		for _, figs := range series {
			for _, f := range figs {
				add(f)
			}
		}
	}
	flush()
	return z, finishSizes(z, countries, err)
}

// finishSizes gives each app without worldwide figures the sum of its
// countries as its size worldwide.
func finishSizes(z sizes, countries map[string]int64, err error) error {
	for app, n := range countries {
		if _, ok := z.world[app]; !ok {
			z.world[app] = n
		}
	}
	return err
}

// seriesTotaler is a Source that can add up each series' installs
// without reading its figures one by one, as *store.Reader does.
type seriesTotaler interface {
	EachSeriesTotal(fn func(app, country string, installs int64) bool) error
}
