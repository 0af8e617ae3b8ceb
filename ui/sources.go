package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/report"
)

// The ranking of sources: R lists the file's sources in a picker, marked
// in the saved order; enter saves the new order in the file, where every
// view and -export read it. A setting, not data: it changes which figure
// a month shows, never a figure.

// sourcesMsg carries the file's sources and its saved ranking.
type sourcesMsg struct {
	sources []string
	rank    figures.Ranking
	err     error
}

// rankDoneMsg carries the ranking out of the picker, to be saved.
type rankDoneMsg struct{ rank figures.Ranking }

func loadSources(s Store) tea.Cmd {
	return func() tea.Msg {
		var msg sourcesMsg
		msg.err = s.View(func(r Reader) error {
			var err error
			if msg.sources, err = r.Sources(); err != nil {
				return err
			}
			msg.rank, err = r.Ranking()
			return err
		})
		return msg
	}
}

func saveRanking(s Store, rank figures.Ranking) tea.Cmd {
	return func() tea.Msg {
		err := s.SetRanking(rank)
		return savedMsg{what: rankingText(rank), err: err}
	}
}

// rankingText says what a saved ranking does.
func rankingText(rank figures.Ranking) string {
	if len(rank) == 0 {
		return "sources: the default order (exact figures before estimates, then the source covering most months, then by name)"
	}
	names := make([]string, len(rank))
	for i, r := range rank {
		names[i] = figures.Sanitize(r)
	}
	return "sources ranked: " + strings.Join(names, " > ") + ", then the default order"
}

// openSources opens the ranking picker on the file's sources.
func (m Model) openSources(msg sourcesMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.setError(msg.err)
		return m, nil
	}
	if len(msg.sources) == 0 {
		m.setStatus("no figures yet: nothing to rank")
		return m, nil
	}
	p := newPicker(pickSources, report.Selection{}, nil, nil, m.st)
	for _, s := range msg.sources {
		// A source is listed as an item of the picker by its name.
		p.apps = append(p.apps, figures.App{Name: s})
	}
	p.chosen = append([]string(nil), msg.rank...)
	m.picker = &p
	return m, nil
}
