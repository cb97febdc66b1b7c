package report

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Paths turns the paths the parser knows (as given, as nginx built them, or
// absolute from an nginx -T dump) into the ones a user can open: --path-map
// rewrites first, then paths under the working directory become relative
// to it. Each path is worked out once; a nil *Paths shows paths as they
// are.
type Paths struct {
	maps []pathMapping
	cwd  string
	memo map[string]string
}

type pathMapping struct{ from, to string }

// NewPaths reads --path-map values (FROM=TO) and the working directory.
func NewPaths(maps []string) (*Paths, error) {
	pd := &Paths{memo: map[string]string{}}
	if wd, err := os.Getwd(); err == nil {
		pd.cwd = wd
	}
	for _, s := range maps {
		from, to, ok := strings.Cut(s, "=")
		if !ok || from == "" || to == "" {
			return nil, fmt.Errorf("invalid value %q for --path-map: FROM=TO, such as /etc/nginx=deploy/nginx", s)
		}
		pd.maps = append(pd.maps, pathMapping{strings.TrimSuffix(from, "/"), strings.TrimSuffix(to, "/")})
	}
	return pd, nil
}

// Show returns the path to print for p.
func (pd *Paths) Show(p string) string {
	if pd == nil {
		return p
	}
	if s, ok := pd.memo[p]; ok {
		return s
	}
	s := pd.show(p)
	if pd.memo == nil {
		pd.memo = map[string]string{}
	}
	pd.memo[p] = s
	return s
}

func (pd *Paths) show(p string) string {
	for _, m := range pd.maps {
		if p == m.from || strings.HasPrefix(p, m.from+"/") {
			p = m.to + p[len(m.from):]
			break
		}
	}
	if filepath.IsAbs(p) && pd.cwd != "" {
		if rel, err := filepath.Rel(pd.cwd, p); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return p
}

// messagePaths rewrites the file paths messages quote ("set at
// conf.d/app.conf:7:9") as Show rewrites a finding's own path. It knows the
// files a run read; a message is scanned once, at each ":", for the
// longest known file ending there, so the cost does not grow with the
// number of files.
type messagePaths struct {
	pd      *Paths
	shown   map[string]string // file -> its display, only where they differ
	lengths []int             // distinct lengths of those files, longest first
}

func newMessagePaths(pd *Paths, files []string) *messagePaths {
	mp := &messagePaths{pd: pd, shown: map[string]string{}}
	if pd == nil || len(pd.maps) == 0 && pd.cwd == "" {
		return mp
	}
	seen := map[int]bool{}
	for _, f := range files {
		if s := pd.Show(f); s != f {
			mp.shown[f] = s
			if !seen[len(f)] {
				seen[len(f)] = true
				mp.lengths = append(mp.lengths, len(f))
			}
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(mp.lengths)))
	return mp
}

// message returns msg with every quoted known file path followed by ":"
// shown as Show shows it.
func (mp *messagePaths) message(msg string) string {
	if len(mp.shown) == 0 || strings.IndexByte(msg, ':') < 0 {
		return msg
	}
	var b strings.Builder
	done := 0 // msg[:done] is written
	for i := 0; i < len(msg); i++ {
		if msg[i] != ':' {
			continue
		}
		for _, n := range mp.lengths {
			start := i - n
			if start < done {
				continue
			}
			if s, ok := mp.shown[msg[start:i]]; ok {
				b.WriteString(msg[done:start])
				b.WriteString(s)
				done = i
				break
			}
		}
	}
	if done == 0 {
		return msg
	}
	b.WriteString(msg[done:])
	return b.String()
}
