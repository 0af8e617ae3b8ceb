package ui

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/uptake/uptake/report"
)

// helpStyles draws the keys' help in the dashboard's colours: bubbles'
// own greys (#B2B2B2 on light, #4A4A4A on dark) are near 2:1 on either.
func helpStyles(s report.Styles) help.Styles {
	return help.Styles{ShortKey: s.Key, ShortDesc: s.Help, ShortSeparator: s.Muted, Ellipsis: s.Muted,
		FullKey: s.Key, FullDesc: s.Help, FullSeparator: s.Muted}
}
