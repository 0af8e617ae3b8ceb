package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/uptake/uptake/report"
)

// Run opens the dashboard in the terminal and returns when the user quits;
// Bubble Tea restores the terminal on every way out, errors included.
//
// It returns the view and selection on screen when it closed, so that
// the next run can open on them.
func Run(cfg Config, opts ...tea.ProgramOption) (view string, sel report.Selection, err error) {
	opts = append([]tea.ProgramOption{tea.WithAltScreen()}, opts...)
	if cfg.Mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	final, err := tea.NewProgram(New(cfg), opts...).Run()
	if err != nil {
		return "", sel, fmt.Errorf("dashboard: %w", err)
	}
	m, ok := final.(Model)
	if !ok || len(m.sel.Apps) == 0 || m.sel.Country == "" {
		return "", sel, nil // closed before the first screen was chosen
	}
	return m.views[m.view].Name, m.sel, nil
}
