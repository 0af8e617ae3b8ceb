package report

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/uptake/uptake/figures"
	"github.com/uptake/uptake/textfit"
)

// Events on a chart: the Curves and Compare views (on the calendar) mark
// the events of their market and apps with a number under the month
// labels, and list them, numbered, under the chart. Which events show:
//   - those of the market shown, and worldwide ones (WW) in any market;
//   - on the worldwide market, only worldwide ones: the events of single
//     countries are counted in a note, not marked (a ban in India is not
//     an event of the world's curve, and ten countries' events would bury it);
//   - those of every app, or of one of the selected apps;
//   - those whose month lies in the window.
// Since launch, months are M1, M2… of each app, which are other calendar
// months for each: no event is marked, and a note says how many there are.
// A country group as the market shows its worldwide events only.

// ChartEvent is an event a chart marks: its number in the legend and the
// place of its month on the chart's axis, for whoever draws the chart
// (text here, a picture elsewhere).
type ChartEvent struct {
	figures.Event
	Number int // 1, 2, … as the marks under the axis and the legend show it
	Index  int // the month's place on the axis: 0 is the window's first month
}

// chartEvents picks the events a calendar chart of sel over from..to
// marks, numbered in month order, and says in note what it leaves out.
func chartEvents(all []figures.Event, sel Selection, from, to figures.Month) (shown []ChartEvent, note string) {
	elsewhere := 0
	for _, e := range all {
		if e.Month < from || e.Month > to || !e.ForApps(sel.Apps) {
			continue
		}
		switch {
		case e.Country == sel.Country || e.Country == figures.Worldwide || sel.Group.Name != "" && sel.Group.Has(e.Country):
			// A group's market holds its members' events.
			shown = append(shown, ChartEvent{Event: e, Number: len(shown) + 1, Index: int(e.Month - from)})
		case sel.Country == figures.Worldwide:
			elsewhere++
		}
	}
	if elsewhere > 0 {
		note = fmt.Sprintf("%s of single countries in this window %s not marked on the worldwide chart; %s in each country's view.",
			figures.CountText(elsewhere, "events"), isAre(elsewhere), itThey(elsewhere))
	}
	return shown, note
}

// sinceLaunchNote says how many events a since-launch chart leaves
// unmarked, or is "".
func sinceLaunchNote(all []figures.Event, sel Selection, from, to figures.Month) string {
	shown, _ := chartEvents(all, sel, from, to)
	if len(shown) == 0 {
		return ""
	}
	return fmt.Sprintf("%s of this market in %s %s not marked since launch, where each app's M1 is another calendar month; Compare on the calendar marks %s.",
		figures.CountText(len(shown), "events"), windowOf(from, to), isAre(len(shown)), themIt(len(shown)))
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func itThey(n int) string {
	if n == 1 {
		return "it shows"
	}
	return "they show"
}

func themIt(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}

// axisMarks are the marks a chart writes under its axis: the events'
// numbers at their months, those of one month joined ("2,3").
func axisMarks(events []ChartEvent) []axisMark {
	var out []axisMark
	for _, e := range events {
		n := strconv.Itoa(e.Number)
		if len(out) > 0 && out[len(out)-1].Index == e.Index {
			out[len(out)-1].Label += "," + n
			continue
		}
		out = append(out, axisMark{Index: e.Index, Label: n})
	}
	return out
}

// axisMark is a label under a month of a chart's axis.
type axisMark struct {
	Index int
	Label string
}

// markLine writes the marks under the columns of their months, as
// xAxis places its labels, with "events" in the y-axis's gutter. When the
// months are too close for every number to stand under its own month,
// each event month gets a ▲ at its column instead and the legend, which
// gives every event's month, says which is which: a number moved right
// would stand under another month (found by a review).
func markLine(marks []axisMark, n, cols, per, pad int) string {
	if len(marks) == 0 {
		return ""
	}
	// gap: the columns a mark keeps from the one before: one space between
	// numbers, so that 1 and 2 never read as 12; none between ▲s.
	write := func(label func(axisMark) string, gap int) (string, bool) {
		var b strings.Builder
		b.WriteString(textfit.PadLeft("events", pad-2))
		end := pad - 2 // the column after the last thing written
		for _, m := range marks {
			if m.Index < 0 || m.Index >= n {
				continue
			}
			col := axisColumn(m.Index, n, cols, per, pad)
			if col < end+gap {
				return "", false
			}
			b.WriteString(strings.Repeat(" ", col-end))
			b.WriteString(label(m))
			end = col + textfit.Width(label(m))
		}
		return b.String() + "\n", true
	}
	if line, ok := write(func(m axisMark) string { return m.Label }, 1); ok {
		return line
	}
	var kept []axisMark // one ▲ a column: months that share one are drawn once
	for _, m := range marks {
		if len(kept) == 0 || axisColumn(m.Index, n, cols, per, pad) > axisColumn(kept[len(kept)-1].Index, n, cols, per, pad) {
			kept = append(kept, m)
		}
	}
	marks = kept
	line, _ := write(func(axisMark) string { return "▲" }, 0)
	return line
}

// eventLegend lists the events a chart marks, one line each: "1 2020-06
// IN India · TikTok banned in India", with the app when the event is one
// app's.
func eventLegend(events []ChartEvent, note string) []string {
	var lines []string
	if len(events) > 0 {
		lines = append(lines, "Events (marked under the axis at their months, by number where they fit):")
	}
	for _, e := range events {
		text := figures.Sanitize(e.Text)
		if e.App != "" {
			text = figures.Sanitize(e.App) + ": " + text
		}
		lines = append(lines, fmt.Sprintf("%d %s %s · %s", e.Number, e.Month, figures.CountryLabel(e.Country), text))
	}
	if note != "" {
		lines = append(lines, note)
	}
	return lines
}

// eventSources lists the sources of the events a chart marks, for the
// footer beside the figures' sources.
func eventSources(events []ChartEvent) []sourceUse {
	var out []sourceUse
	at := map[string]int{}
	for _, e := range events {
		src := figures.Sanitize(e.Source)
		if src == "" {
			src = "(no source given)"
		}
		i, ok := at[src]
		if !ok {
			i = len(out)
			at[src] = i
			out = append(out, sourceUse{Source: src})
		}
		out[i].Figures = append(out[i].Figures, fmt.Sprintf("event %d (%s %s)", e.Number, e.Month, figures.Sanitize(e.Country)))
	}
	return out
}

// eventItems are the events a chart marks, for the provenance panel and
// -explain (keys E1, E2, …): each says where it comes from in full.
func eventItems(events []ChartEvent) []Item {
	out := make([]Item, 0, len(events))
	for _, e := range events {
		ev := e
		key := "E" + strconv.Itoa(e.Number)
		out = append(out, Item{Key: key, Label: fmt.Sprintf("event %d · %s", e.Number, ev.Event.String()), Event: &ev.Event,
			Explain: func() figures.Explanation {
				return figures.Explanation{What: fmt.Sprintf("event %d, %s %s, %s", ev.Number, ev.Month, figures.CountryLabel(ev.Country), ev.AppLabel()),
					Number: figures.Sanitize(ev.Text)}
			}})
	}
	return out
}

// EventText words an event in full for the provenance panel and
// -explain: what, when, where, for which apps, its source, its whole note
// and when it was last changed.
func EventText(e figures.Event, width int) string {
	var b strings.Builder
	line := func(indent, s string) {
		for i, l := range textfit.Wrap(s, max(10, width-len(indent))) {
			if i > 0 {
				indent = strings.Repeat(" ", len(indent))
			}
			b.WriteString(indent + l + "\n")
		}
	}
	line("", "Event: "+figures.Sanitize(e.Text))
	b.WriteString("\n")
	line("  ", "month: "+e.Month.String())
	line("  ", "market: "+figures.CountryLabel(e.Country))
	line("  ", "apps: "+e.AppLabel())
	src := figures.Sanitize(e.Source)
	if src == "" {
		src = "(no source given)"
	}
	line("  ", "source: "+src)
	if e.Note != "" {
		line("  ", "note: "+figures.Sanitize(e.Note))
	}
	changed := "unknown"
	if !e.Changed.IsZero() {
		changed = e.Changed.UTC().Format("2006-01-02 15:04 UTC")
	}
	line("  ", "last changed "+changed)
	b.WriteString("\nAn event is a note on the calendar, not a number: it changes no figure.")
	return b.String()
}
