package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// pathDisplay turns the paths the parser knows (as given, as nginx built
// them, or absolute from an nginx -T dump) into the ones a user can open:
// --path-map rewrites first, then paths under the working directory become
// relative to it.
type pathDisplay struct {
	maps []pathMapping
	cwd  string
}

type pathMapping struct{ from, to string }

func newPathDisplay(specs []string) (*pathDisplay, error) {
	pd := &pathDisplay{}
	if wd, err := os.Getwd(); err == nil {
		pd.cwd = wd
	}
	for _, s := range specs {
		from, to, ok := strings.Cut(s, "=")
		if !ok || from == "" || to == "" {
			return nil, fmt.Errorf("invalid value %q for --path-map: FROM=TO, such as /etc/nginx=deploy/nginx", s)
		}
		pd.maps = append(pd.maps, pathMapping{strings.TrimSuffix(from, "/"), strings.TrimSuffix(to, "/")})
	}
	return pd, nil
}

// show returns the path to print for p.
func (pd *pathDisplay) show(p string) string {
	if pd == nil {
		return p
	}
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

// isTerminal reports whether w is a terminal, where colour helps.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// message rewrites the file paths a message quotes ("set at
// conf.d/app.conf:7:9") as show rewrites a finding's own path. files are
// the paths the configurations read.
func (pd *pathDisplay) message(msg string, files []string) string {
	if pd == nil || len(pd.maps) == 0 && pd.cwd == "" {
		return msg
	}
	for _, f := range files {
		if shown := pd.show(f); shown != f && strings.Contains(msg, f+":") {
			msg = strings.ReplaceAll(msg, f+":", shown+":")
		}
	}
	return msg
}
