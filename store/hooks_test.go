package store

import (
	"github.com/uptake/uptake/figures"
	bolt "go.etcd.io/bbolt"
)

// PutUnchecked writes records as they are, without the checks that Apply
// and SaveFigure make, and one history entry labelled label: the file an
// older or foreign writer might have left. It exists for the tests in
// package store_test (hostile_test.go), which show that whatever a file
// holds, nothing reaches the terminal or an export as a control sequence.
func (s *Store) PutUnchecked(apps []figures.App, figs []figures.Figure, launches []figures.Launch, label string) error {
	return s.update(func(tx *bolt.Tx) error {
		cs := newChangeSet(s, tx)
		known := map[string]bool{}
		for _, a := range apps {
			known[figures.FoldName(a.Name)] = true
		}
		for _, f := range figs {
			if !known[figures.FoldName(f.App)] {
				known[figures.FoldName(f.App)] = true
				apps = append(apps, figures.App{Name: f.App})
			}
		}
		for _, l := range launches {
			if !known[figures.FoldName(l.App)] {
				known[figures.FoldName(l.App)] = true
				apps = append(apps, figures.App{Name: l.App})
			}
		}
		for _, a := range apps {
			if err := cs.put(bidApps, appKey(a.Name), encodeAppRecord(appRecord{App: a})); err != nil {
				return err
			}
		}
		type ref struct{ app, country string }
		var order []ref
		series := map[ref][]figures.Figure{}
		for _, f := range figs {
			r := ref{f.App, f.Country}
			if _, ok := series[r]; !ok {
				order = append(order, r)
			}
			series[r] = append(series[r], f)
		}
		for _, r := range order {
			v, err := encodeSeries(cs.texts(), r.app, series[r])
			if err != nil {
				return err
			}
			if err := cs.put(bidSeries, seriesKey(figures.FoldName(r.app), r.country), v); err != nil {
				return err
			}
		}
		for _, l := range launches {
			if err := cs.put(bidLaunches, seriesKey(figures.FoldName(l.App), l.Country), encodeLaunch(l.Month)); err != nil {
				return err
			}
		}
		return cs.commit(label, Report{Added: len(figs)}, s.now())
	})
}
