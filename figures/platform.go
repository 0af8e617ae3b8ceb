package figures

import (
	"fmt"
	"strings"
)

// Platform is the store a figure counts: both (what press reports give),
// the App Store or Google Play.
type Platform uint8

const (
	AllPlatforms Platform = iota // both stores
	IOS                          // the App Store
	Android                      // Google Play
	platformCount
)

// String writes the platform as files and flags take it: all, ios, android.
func (p Platform) String() string {
	switch p {
	case AllPlatforms:
		return "all"
	case IOS:
		return "ios"
	case Android:
		return "android"
	}
	return fmt.Sprintf("platform(%d)", uint8(p))
}

// Label writes the platform for a title: "all platforms", "iOS", "Android".
func (p Platform) Label() string {
	switch p {
	case IOS:
		return "iOS"
	case Android:
		return "Android"
	}
	return "all platforms"
}

// Valid reports whether p is one of the three platforms.
func (p Platform) Valid() bool { return p < platformCount }

// ParsePlatform reads a platform as people write it: all, both, ios,
// iphone, ipad, app store, android, google play, play; empty is all.
func ParsePlatform(s string) (Platform, error) {
	switch strings.ToLower(strings.Join(strings.Fields(s), " ")) {
	case "", "all", "both", "any", "all platforms":
		return AllPlatforms, nil
	case "ios", "iphone", "ipad", "app store", "appstore", "apple":
		return IOS, nil
	case "android", "google play", "play", "play store", "googleplay", "google":
		return Android, nil
	}
	return 0, fmt.Errorf("%s is not a platform (expected all, ios or android)", Quote(strings.TrimSpace(s)))
}
