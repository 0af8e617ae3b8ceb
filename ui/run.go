package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// Run opens the dashboard in the terminal and returns when the user quits;
// Bubble Tea restores the terminal on every way out, errors included.
func Run(cfg Config, opts ...tea.ProgramOption) error {
	opts = append([]tea.ProgramOption{tea.WithAltScreen()}, opts...)
	if _, err := tea.NewProgram(New(cfg), opts...).Run(); err != nil {
		return fmt.Errorf("dashboard: %w", err)
	}
	return nil
}
