package ui

// compareView is the Compare view: apps side by side in one country. Its
// chart leaves room for the milestone table, the point of the view.
type compareView struct {
	docView
	data CompareData
}

func (v *compareView) set(d CompareData) {
	v.data = d
	v.setData(func(w, h int, st Styles) *doc { return renderCompare(d, w, max(4, min(16, h-15)), st) })
}
