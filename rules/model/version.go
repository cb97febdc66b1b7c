package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Version is the nginx version a configuration runs on. The zero Version is
// unknown, and version-dependent defaults then take their older values.
type Version struct {
	Major, Minor, Patch int
	Known               bool
}

// ParseVersion reads "1.29.7" (a leading "nginx/" is accepted, as printed by
// nginx -v).
func ParseVersion(s string) (Version, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "nginx/")
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return Version{}, fmt.Errorf("nginx version %q is not of the form X.Y.Z", s)
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return Version{}, fmt.Errorf("nginx version %q is not of the form X.Y.Z", s)
		}
		n[i] = v
	}
	return Version{Major: n[0], Minor: n[1], Patch: n[2], Known: true}, nil
}

// AtLeast reports whether v is known and not older than major.minor.patch.
func (v Version) AtLeast(major, minor, patch int) bool {
	if !v.Known {
		return false
	}
	if v.Major != major {
		return v.Major > major
	}
	if v.Minor != minor {
		return v.Minor > minor
	}
	return v.Patch >= patch
}

func (v Version) String() string {
	if !v.Known {
		return "unknown"
	}
	return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch)
}

// HTTP11ByDefault reports whether proxy_http_version defaults to 1.1 and
// Connection is no longer sent by default: nginx 1.29.7 and later.
func (v Version) HTTP11ByDefault() bool { return v.AtLeast(1, 29, 7) }
