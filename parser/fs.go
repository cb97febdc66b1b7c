package parser

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unsafe"
)

// FS is where configuration files come from: the disk, or the files of an
// `nginx -T` dump.
type FS interface {
	// ReadFile returns the contents of the file nginx would open as name,
	// and where it was found, which is where findings about it point.
	ReadFile(name string) (src, where string, err error)
	// Glob returns the files matching pattern with glob(3)'s rules as nginx
	// calls it: sorted byte-wise, and "*", "?" and "[...]" never match a
	// leading "." of a name.
	Glob(pattern string) ([]string, error)
}

// OSFS reads files from the disk. With Root set, an absolute path P is read
// from Root+P when that exists (Root is a copy of the server's file system),
// and otherwise from Root joined with P's shortest tail whose directory exists
// under Root (Root is a copy of one directory, such as /etc/nginx:
// /etc/nginx/conf.d/a.conf is read as Root/conf.d/a.conf).
type OSFS struct {
	Root string
}

// MappedPathError reports that a path was looked for under --root.
type MappedPathError struct {
	Mapped string
	Err    error
}

func (e *MappedPathError) Error() string { return e.Err.Error() }
func (e *MappedPathError) Unwrap() error { return e.Err }

// ReadFile implements FS.
func (o OSFS) ReadFile(name string) (src, where string, err error) {
	where = o.mapPath(name)
	if st, err := os.Stat(where); err == nil && !st.IsDir() && !st.Mode().IsRegular() {
		// A device or a FIFO: nginx reads as many bytes as the file's size,
		// none, so /dev/null or /dev/zero is an empty file for it too (and
		// reading /dev/zero to its end would never finish).
		return "", where, nil
	}
	b, err := os.ReadFile(where)
	if err != nil {
		if where != name {
			return "", where, &MappedPathError{Mapped: where, Err: err}
		}
		return "", where, err
	}
	if len(b) == 0 {
		return "", where, nil
	}
	// The bytes are never written again: share them instead of copying a
	// configuration's megabytes.
	return unsafe.String(&b[0], len(b)), where, nil
}

// mapPath returns where an nginx path is found on this machine.
func (o OSFS) mapPath(name string) string {
	if o.Root == "" || !strings.HasPrefix(name, "/") {
		return name
	}
	whole := filepath.Join(o.Root, name)
	if _, err := os.Stat(whole); err == nil {
		return whole
	}
	parts := strings.Split(strings.TrimPrefix(name, "/"), "/")
	for i := 1; i < len(parts); i++ {
		cand := filepath.Join(append([]string{o.Root}, parts[i:]...)...)
		if dirExists(filepath.Dir(cand)) {
			return cand
		}
	}
	return whole
}

func dirExists(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

// Glob implements FS. With Root set, the pattern's directory part (up to its
// first wildcard) is mapped as ReadFile maps paths, and the matches keep the
// mapped location, since that is where the files are.
func (o OSFS) Glob(pattern string) ([]string, error) {
	base := ""
	rest := pattern
	if strings.HasPrefix(pattern, "/") {
		base = "/"
		rest = pattern[1:]
	}
	parts := strings.Split(rest, "/")
	// The literal leading directories, mapped under Root.
	lit := 0
	for lit < len(parts)-1 && !hasMeta(parts[lit]) {
		lit++
	}
	if lit > 0 {
		base = o.mapPath(base + strings.Join(parts[:lit], "/"))
	}
	var out []string
	err := globDir(base, parts[lit:], &out, func(dir string) ([]string, error) {
		entries, err := os.ReadDir(dirOrDot(dir))
		if err != nil {
			return nil, err
		}
		names := make([]string, len(entries))
		for i, e := range entries {
			names[i] = e.Name()
		}
		return names, nil
	}, func(p string) bool {
		_, err := os.Stat(p)
		return err == nil
	})
	sort.Strings(out)
	return out, err
}

func dirOrDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}

// globDir expands the pattern components parts below dir into out.
func globDir(dir string, parts []string, out *[]string, list func(string) ([]string, error), exists func(string) bool) error {
	if len(parts) == 0 {
		return nil
	}
	join := func(name string) string {
		switch {
		case dir == "":
			return name
		case strings.HasSuffix(dir, "/"):
			return dir + name
		}
		return dir + "/" + name
	}
	last := len(parts) == 1
	if !hasMeta(parts[0]) {
		p := join(unescapeGlob(parts[0]))
		if last {
			if exists(p) {
				*out = append(*out, p)
			}
			return nil
		}
		return globDir(p, parts[1:], out, list, exists)
	}
	names, err := list(dir)
	if err != nil {
		// glob(3) skips directories it cannot read, as nginx then does.
		return nil
	}
	sort.Strings(names)
	for _, n := range names {
		if !fnmatch(parts[0], n) {
			continue
		}
		if last {
			*out = append(*out, join(n))
			continue
		}
		if err := globDir(join(n), parts[1:], out, list, exists); err != nil {
			return err
		}
	}
	return nil
}

func hasMeta(s string) bool { return strings.ContainsAny(s, "*?[") }

func unescapeGlob(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// fnmatch matches one path component as glob(3) does without GLOB_PERIOD: a
// leading "." must be matched by a literal ".".
func fnmatch(pattern, name string) bool {
	if strings.HasPrefix(name, ".") && !strings.HasPrefix(pattern, ".") && !strings.HasPrefix(pattern, `\.`) {
		return false
	}
	return matchFrom(pattern, name)
}

// matchFrom matches s against p in time linear in their lengths times the
// number of stars: on a mismatch it only retries from the last "*", which
// is enough for glob patterns (a later star can absorb anything an earlier
// one could).
func matchFrom(p, s string) bool {
	starP, starS := -1, 0
	pi, si := 0, 0
	for si < len(s) || pi < len(p) {
		if pi < len(p) {
			switch c := p[pi]; c {
			case '*':
				starP, starS = pi, si
				pi++
				continue
			case '?':
				if si < len(s) {
					pi++
					si++
					continue
				}
			case '[':
				if si < len(s) {
					ok, rest, valid := matchClass(p[pi:], s[si])
					if !valid {
						// An unclosed "[" is an ordinary character.
						if s[si] == '[' {
							pi++
							si++
							continue
						}
					} else if ok {
						pi = len(p) - len(rest)
						si++
						continue
					}
				}
			default:
				lit := c
				next := pi + 1
				if c == '\\' && pi+1 < len(p) {
					lit = p[pi+1]
					next = pi + 2
				}
				if si < len(s) && s[si] == lit {
					pi = next
					si++
					continue
				}
			}
		}
		if starP < 0 || starS >= len(s) {
			return false
		}
		starS++
		pi, si = starP+1, starS
	}
	return true
}

// matchClass matches c against the bracket expression at the start of p and
// returns the rest of the pattern after it; valid is false when p has no
// closing "]".
func matchClass(p string, c byte) (ok bool, rest string, valid bool) {
	i := 1
	negate := false
	if i < len(p) && (p[i] == '!' || p[i] == '^') {
		negate = true
		i++
	}
	first := true
	for i < len(p) {
		if p[i] == ']' && !first {
			return ok != negate, p[i+1:], true
		}
		first = false
		if strings.HasPrefix(p[i:], "[:") {
			if end := strings.Index(p[i+2:], ":]"); end >= 0 {
				if classMatch(p[i+2:i+2+end], c) {
					ok = true
				}
				i += end + 4
				continue
			}
		}
		lo := p[i]
		if lo == '\\' && i+1 < len(p) {
			i++
			lo = p[i]
		}
		hi := lo
		if i+2 < len(p) && p[i+1] == '-' && p[i+2] != ']' {
			hi = p[i+2]
			i += 2
		}
		if lo <= c && c <= hi {
			ok = true
		}
		i++
	}
	return false, "", false
}

func classMatch(class string, c byte) bool {
	switch class {
	case "alpha":
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	case "digit":
		return '0' <= c && c <= '9'
	case "alnum":
		return classMatch("alpha", c) || classMatch("digit", c)
	case "upper":
		return 'A' <= c && c <= 'Z'
	case "lower":
		return 'a' <= c && c <= 'z'
	case "space":
		return c == ' ' || '\t' <= c && c <= '\r'
	case "punct":
		return c > ' ' && c < 0x7f && !classMatch("alnum", c)
	case "xdigit":
		return classMatch("digit", c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
	}
	return false
}

// MemFS holds files in memory, as read from an `nginx -T` dump. Paths are
// compared as nginx compares them: as strings, so "conf/./a.conf" and
// "conf/a.conf" are different files.
type MemFS struct {
	files map[string]string
	names []string // sorted
}

// NewMemFS returns a MemFS holding files.
func NewMemFS(files map[string]string) *MemFS {
	m := &MemFS{files: files}
	for n := range files {
		m.names = append(m.names, n)
	}
	sort.Strings(m.names)
	return m
}

// ReadFile implements FS.
func (m *MemFS) ReadFile(name string) (src, where string, err error) {
	src, ok := m.files[name]
	if !ok {
		return "", name, fmt.Errorf("%w: not in the nginx -T dump", fs.ErrNotExist)
	}
	return src, name, nil
}

// Glob implements FS.
func (m *MemFS) Glob(pattern string) ([]string, error) {
	pparts := strings.Split(pattern, "/")
	var out []string
	for _, n := range m.names {
		nparts := strings.Split(n, "/")
		if len(nparts) != len(pparts) {
			continue
		}
		ok := true
		for i := range pparts {
			if hasMeta(pparts[i]) {
				ok = fnmatch(pparts[i], nparts[i])
			} else {
				ok = unescapeGlob(pparts[i]) == nparts[i]
			}
			if !ok {
				break
			}
		}
		if ok {
			out = append(out, n)
		}
	}
	return out, nil
}
