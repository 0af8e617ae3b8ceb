package report

import (
	"fmt"
	"strings"

	"github.com/uptake/uptake/figures"
)

// View is one of uptake's views: how it loads its data and how it names
// the selection it shows. The dashboard's tabs and keys, -export and the
// command line's usage all read the table of views (Views), so a new view
// is one file and one entry there.
type View struct {
	Name  string // as -export takes it: "curves"
	Title string // in the dashboard's header: "Curves"
	// Load reads the view's data for a selection from one state of the file.
	Load func(src Source, sel Selection) (Data, error)
	// Label names the selection as the view reads it: its apps, market
	// and window.
	Label func(sel Selection) string
	// Mode says how the view aligns or adds the figures ("since launch",
	// "cumulative"), or is "".
	Mode func(sel Selection) string
	// Pictured: the view draws a chart that exports as SVG and PNG.
	Pictured bool
}

// Describe names the selection and the mode in one line.
func (v View) Describe(sel Selection) string {
	if m := v.Mode(sel); m != "" {
		return v.Label(sel) + " · " + m
	}
	return v.Label(sel)
}

// noMode is the Mode of a view that has one way to show its figures.
func noMode(Selection) string { return "" }

// Data is one view's data, loaded: it lays itself out at a size, with the
// reading rules' warnings, or says why there is nothing to show.
type Data interface {
	// Layout makes the document at a width, and for a body of height
	// rows (0: an export, which has no screen to fit).
	Layout(width, height int, st Styles) *Doc
	// Warnings are the reading rules' warnings about what it shows.
	Warnings() []string
	// Empty says why there is nothing to show (wrapping
	// ErrNothingToShow), or is nil.
	Empty() error
}

// Views lists the views in the dashboard's order.
func Views() []View {
	views := []View{curvesView(), countriesView(), compareView(), dataView(), shareView(), rankingView()}
	for i := range views {
		views[i].Load = withRanking(withMarket(views[i].Load))
	}
	return views
}

// withRanking reads the file's ranking of sources into the selection
// before a view loads, in the same read: every view, the dashboard's and
// -export's, shows what the saved ranking says, whoever saved it.
func withRanking(load func(Source, Selection) (Data, error)) func(Source, Selection) (Data, error) {
	return func(src Source, sel Selection) (Data, error) {
		rank, err := src.Ranking()
		if err != nil {
			return nil, err
		}
		sel.Ranking = rank
		return load(src, sel)
	}
}

// ViewNamed returns the view of a name, as -export takes it.
func ViewNamed(name string) (View, error) {
	var names []string
	for _, v := range Views() {
		if strings.EqualFold(name, v.Name) {
			return v, nil
		}
		names = append(names, v.Name)
	}
	return View{}, fmt.Errorf("%s is not a view (expected %s)", figures.Quote(name), strings.Join(names, ", "))
}

// ViewNames lists the names of the views, for usage texts.
func ViewNames() string {
	var names []string
	for _, v := range Views() {
		names = append(names, v.Name)
	}
	return strings.Join(names, ", ")
}
