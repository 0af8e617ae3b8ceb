package ui

// countriesView is the Countries view: one bar per country for one app.
type countriesView struct {
	docView
	data CountriesData
}

func (v *countriesView) set(d CountriesData) {
	v.data = d
	v.setData(func(w, h int, st Styles) *doc { return renderCountries(d, w, st) })
}
