package figures

import "golang.org/x/text/cases"

// FoldName returns the form of an app name that identity is decided on:
// names are one app without regard to case ("Resso", "RESSO").
func FoldName(name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		// A Caser keeps state between calls: one per call, so that
		// FoldName is safe from any goroutine.
		return cases.Fold().String(name)
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 'A' && c <= 'Z' {
			b := []byte(name)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return name
}
