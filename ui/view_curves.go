package ui

// curvesView is the Curves view: monthly installs per selected app.
type curvesView struct {
	docView
	data CurvesData
}

func (v *curvesView) set(d CurvesData) {
	v.data = d
	v.setData(func(w, h int, st Styles) *doc { return renderCurves(d, w, chartHeight(h), st) })
}
