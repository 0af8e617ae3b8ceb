package ui

import (
	"github.com/uptake/uptake/report"
	"github.com/uptake/uptake/store"
)

// viewIndex returns the place of a view in the table of views.
func viewIndex(name string) int {
	for i, v := range report.Views() {
		if v.Name == name {
			return i
		}
	}
	panic("no view " + name)
}

// viewOf returns a view of the table, by name.
func viewOf(name string) report.View { return report.Views()[viewIndex(name)] }

func curvesData(m Model) report.CurvesData {
	d, _ := m.docs[viewIndex("curves")].data.(report.CurvesData)
	return d
}

func countriesData(m Model) report.CountriesData {
	d, _ := m.docs[viewIndex("countries")].data.(report.CountriesData)
	return d
}

func compareData(m Model) report.CompareData {
	d, _ := m.docs[viewIndex("compare")].data.(report.CompareData)
	return d
}

// storeOf returns the store under a model's.
func storeOf(m Model) *store.Store { return m.cfg.Store.(storeView).Store }
