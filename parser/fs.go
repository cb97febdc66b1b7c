package parser

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
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
//
// With Root set, no file outside Root is opened, and no directory outside it
// is listed: a path is resolved component by component inside Root, ".."
// never climbs above it, a symlink with an absolute target is a path on the
// server (mapped into Root as above) and one whose relative target climbs out
// of Root is refused with an *OutsideRootError, as is a relative include
// (resolved against the conf prefix) that lies outside Root.
//
// Only regular files are read: a device, a FIFO or a socket is an empty
// file, as nginx sees it (it reads as many bytes as stat gives as the size),
// and is never opened; so is a file of size 0 such as those under /proc.
type OSFS struct {
	Root string
	// RootName is what messages call Root: "" means "--root"; the
	// language server's is "the workspace folder".
	RootName string
	// MaxFileSize bounds the size of one file; 0 means DefaultMaxFileSize.
	MaxFileSize int64
}

// DiskFS is an FS that reads the disk through an OSFS, possibly with other
// text shown over some of its files (the language server's unsaved
// buffers). The parser applies the OSFS's rules through it, whatever its
// type: the main file's confinement, the linted tree (nothing of a file
// outside it is quoted) and the size bound of Options.Limits. OSFS is one;
// a type that embeds an OSFS must define Disk and WithDisk itself, or the
// parser's WithDisk would replace it with the bare OSFS.
type DiskFS interface {
	FS
	// Disk is the OSFS the files are read through.
	Disk() OSFS
	// WithDisk returns the same FS reading through o instead.
	WithDisk(o OSFS) DiskFS
	// ReadEntry reads a file the user named, as OSFS.ReadEntry does.
	ReadEntry(name string) (string, error)
}

// Disk implements DiskFS.
func (o OSFS) Disk() OSFS { return o }

// WithDisk implements DiskFS.
func (o OSFS) WithDisk(n OSFS) DiskFS { return n }

// DefaultMaxFileSize is the largest file read by default: ten times the
// largest real configuration file seen (a 60,000-line map of 6 MB).
const DefaultMaxFileSize = 64 << 20

// MappedPathError reports that a path was looked for under --root.
type MappedPathError struct {
	Mapped string
	Err    error
}

func (e *MappedPathError) Error() string { return e.Err.Error() }
func (e *MappedPathError) Unwrap() error { return e.Err }

// OutsideRootError reports a path that leads outside the root directory:
// the file is not opened.
type OutsideRootError struct {
	Name string // the path as nginx names it
	Root string
	// RootName is what Root is called, "" for "--root" (OSFS.RootName).
	RootName string
	// Via is the symlink inside Root through which the path leads out, ""
	// when the path itself lies outside.
	Via string
}

func (e *OutsideRootError) Error() string {
	root := "--root " + e.Root
	if e.RootName != "" {
		root = e.RootName + " " + e.Root
	}
	if e.Via != "" {
		return fmt.Sprintf("\"%s\" leads outside %s through the symlink %s, and is not read", e.Name, root, e.Via)
	}
	return fmt.Sprintf("\"%s\" lies outside %s, and is not read", e.Name, root)
}

// Hint says which files are read.
func (e *OutsideRootError) Hint() string {
	if e.RootName != "" {
		return "only files inside " + e.RootName + " are read"
	}
	return "with --root, only files inside the root directory are read"
}

// FileTooLargeError reports a file larger than the size bound.
type FileTooLargeError struct {
	Size, Max int64
}

func (e *FileTooLargeError) Error() string {
	return fmt.Sprintf("the file is %d bytes, more than the %d bytes the linter reads from one file", e.Size, e.Max)
}

// ReadFile implements FS.
func (o OSFS) ReadFile(name string) (src, where string, err error) {
	if o.Root == "" {
		src, err = readRegular(name, o.maxSize(), false)
		return src, name, err
	}
	where, real, err := o.resolve(name)
	if err != nil {
		return "", where, err
	}
	src, err = readRegular(real, o.maxSize(), true)
	if err != nil && where != name && !errors.Is(err, syscall.EISDIR) {
		return "", where, &MappedPathError{Mapped: where, Err: err}
	}
	return src, where, err
}

// ReadEntry reads a file the user named (an entry point): Root does not
// confine it, and a FIFO or device is read (process substitution, such as
// <(nginx -T)) up to the size bound.
func (o OSFS) ReadEntry(name string) (string, error) {
	st, err := os.Stat(name)
	if err != nil {
		return "", err
	}
	if st.Mode().IsRegular() || st.IsDir() {
		return readRegular(name, o.maxSize(), false)
	}
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	max := o.maxSize()
	b, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return "", err
	}
	if int64(len(b)) > max {
		return "", &FileTooLargeError{Size: int64(len(b)), Max: max}
	}
	return string(b), nil
}

func (o OSFS) maxSize() int64 {
	if o.MaxFileSize > 0 {
		return o.MaxFileSize
	}
	return DefaultMaxFileSize
}

// readRegular reads a regular file as nginx does: stat first, then as many
// bytes as its size. Anything but a regular file (or a directory, which
// fails as nginx's read fails) is empty and is not opened. noFollow refuses
// a final symlink (a resolved path has none; one that appears is a race).
func readRegular(name string, max int64, noFollow bool) (string, error) {
	st, err := os.Stat(name)
	if err != nil {
		return "", err
	}
	if st.IsDir() {
		return "", &fs.PathError{Op: "read", Path: name, Err: syscall.EISDIR}
	}
	if !st.Mode().IsRegular() || st.Size() == 0 {
		// A device or a FIFO: nginx reads as many bytes as the file's size,
		// none, so /dev/null or /dev/zero is an empty file for it too; so is
		// /proc/self/pagemap, whose size is 0 however much it would give.
		return "", nil
	}
	if st.Size() > max {
		return "", &FileTooLargeError{Size: st.Size(), Max: max}
	}
	flags := os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_CLOEXEC
	if noFollow {
		flags |= syscall.O_NOFOLLOW
	}
	f, err := os.OpenFile(name, flags, 0)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if fst, err := f.Stat(); err != nil || !os.SameFile(st, fst) || !fst.Mode().IsRegular() {
		// Replaced between stat and open.
		return "", &fs.PathError{Op: "open", Path: name, Err: syscall.ESTALE}
	}
	b := make([]byte, st.Size())
	n, err := io.ReadFull(f, b)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return "", err
	}
	if n == 0 {
		return "", nil
	}
	// The bytes are never written again: share them instead of copying a
	// configuration's megabytes.
	return unsafe.String(&b[0], n), nil
}

// maxLinks is the number of symlinks followed in one resolution, as Linux's
// MAXSYMLINKS.
const maxLinks = 40

// rootDirs returns Root as given made absolute, and its real path.
func (o OSFS) rootDirs() (abs, real string, err error) {
	abs, err = filepath.Abs(o.Root)
	if err != nil {
		return "", "", err
	}
	real, err = filepath.EvalSymlinks(abs)
	if err != nil {
		return "", "", fmt.Errorf("--root %s: %w", o.Root, err)
	}
	return abs, real, nil
}

// resolve finds name inside Root: where is the path findings name (Root as
// given joined with the mapped path, or name itself for a local path), real
// the path to open, without symlinks. A relative name is a local path (the
// conf prefix joined with an include's argument), as is an absolute one that
// lies inside Root already; any other absolute name is a path on the server,
// mapped into Root.
func (o OSFS) resolve(name string) (where, real string, err error) {
	rootAbs, rootReal, err := o.rootDirs()
	if err != nil {
		return name, "", err
	}
	links := 0
	abs, err := filepath.Abs(name)
	if err != nil {
		return name, "", err
	}
	rel, ok := within(rootAbs, abs)
	if !ok {
		rel, ok = within(rootReal, abs)
	}
	// A path written below the root (the conf prefix of a main file given
	// as an absolute path, joined with a relative include) that climbs out
	// of it is local too, and refused.
	_, underAbs := within(rootAbs, name)
	_, underReal := within(rootReal, name)
	if !ok && (!strings.HasPrefix(name, "/") || underAbs || underReal) {
		return name, "", &OutsideRootError{Name: name, Root: o.Root, RootName: o.RootName}
	}
	if ok {
		real, err = o.resolveIn(rootReal, splitPath(rel), &links)
		return name, real, o.outside(err, name, rootReal)
	}
	comps, err := o.mapComps(rootReal, name, &links)
	where = filepath.Join(append([]string{o.Root}, comps...)...)
	if err != nil {
		return where, "", o.outside(err, name, rootReal)
	}
	real, err = o.resolveIn(rootReal, comps, &links)
	return where, real, o.outside(err, name, rootReal)
}

// InRoot reports whether the local path name lies inside Root both as
// written and by its real path (its symlinks resolved inside Root); an
// *OutsideRootError says why not. Without Root, everything is inside.
func (o OSFS) InRoot(name string) error {
	if o.Root == "" {
		return nil
	}
	_, _, err := o.resolve(name)
	var oe *OutsideRootError
	if errors.As(err, &oe) {
		return err
	}
	return nil
}

// outside fills in an *OutsideRootError from resolveIn.
func (o OSFS) outside(err error, name, rootReal string) error {
	var oe *OutsideRootError
	if errors.As(err, &oe) {
		oe.Name, oe.Root, oe.RootName = name, o.Root, o.RootName
		if rel, ok := within(rootReal, oe.Via); ok && oe.Via != "" {
			oe.Via = filepath.Join(o.Root, rel)
		}
	}
	return err
}

// within returns p relative to dir when p lies inside dir (both absolute and
// clean).
func within(dir, p string) (string, bool) {
	if p == dir {
		return ".", true
	}
	if dir == "/" {
		return strings.TrimPrefix(p, "/"), strings.HasPrefix(p, "/")
	}
	if strings.HasPrefix(p, dir+"/") {
		return p[len(dir)+1:], true
	}
	return "", false
}

func splitPath(p string) []string {
	var out []string
	for _, c := range strings.Split(p, "/") {
		if c != "" && c != "." {
			out = append(out, c)
		}
	}
	return out
}

// mapComps maps an absolute nginx path into Root (see OSFS): the result is
// relative to Root. The path is cleaned first, as the kernel resolves it on
// the server ("/../etc" is "/etc").
func (o OSFS) mapComps(rootReal, name string, links *int) ([]string, error) {
	parts := splitPath(path.Clean("/" + name))
	exists := func(comps []string, dir bool) (bool, error) {
		real, err := o.resolveIn(rootReal, comps, links)
		if err != nil {
			var oe *OutsideRootError
			if errors.As(err, &oe) || errors.Is(err, syscall.ELOOP) {
				return false, err
			}
			return false, nil
		}
		st, err := os.Stat(real)
		return err == nil && (!dir || st.IsDir()), nil
	}
	if ok, err := exists(parts, false); ok || err != nil {
		return parts, err
	}
	for i := 1; i < len(parts); i++ {
		ok, err := exists(parts[i:len(parts)-1], true)
		if err != nil {
			return parts[i:], err
		}
		if ok {
			return parts[i:], nil
		}
	}
	return parts, nil
}

// resolveIn resolves comps below rootReal as the kernel would with rootReal
// as its root directory, except that a relative symlink target that climbs
// above rootReal is refused rather than stopped at it. The result is a path
// without symlinks; a missing component ends the walk (the result then names
// a file that does not exist).
func (o OSFS) resolveIn(rootReal string, comps []string, links *int) (string, error) {
	cur := rootReal
	via := ""
	comps = append([]string(nil), comps...)
	for len(comps) > 0 {
		c := comps[0]
		comps = comps[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if cur == rootReal {
				return "", &OutsideRootError{Via: via}
			}
			cur = filepath.Dir(cur)
			continue
		}
		next := filepath.Join(cur, c)
		st, err := os.Lstat(next)
		if err != nil {
			// Missing: what follows is looked up no further. ".." in it
			// must not climb out either.
			rest := filepath.Join(append([]string{next}, comps...)...)
			if _, ok := within(rootReal, rest); !ok {
				return "", &OutsideRootError{Via: via}
			}
			return rest, nil
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			cur = next
			continue
		}
		*links++
		if *links > maxLinks {
			return "", &fs.PathError{Op: "open", Path: next, Err: syscall.ELOOP}
		}
		target, err := os.Readlink(next)
		if err != nil {
			return "", err
		}
		if via == "" {
			via = next
		}
		if strings.HasPrefix(target, "/") {
			mapped, err := o.mapComps(rootReal, target, links)
			if err != nil {
				var oe *OutsideRootError
				if errors.As(err, &oe) && oe.Via == "" {
					oe.Via = via
				}
				return "", err
			}
			comps = append(mapped, comps...)
			cur = rootReal
			continue
		}
		// splitPath keeps ".." components, which the walk resolves.
		comps = append(splitPath(target), comps...)
	}
	return cur, nil
}

// Glob implements FS. With Root set, the pattern's directory part (up to its
// first wildcard) is mapped as ReadFile maps paths, directories are listed
// only inside Root (a symlinked directory that leads out is an
// *OutsideRootError), and the matches are nginx paths (the pattern's
// directory part followed by the matched names), which ReadFile maps again.
func (o OSFS) Glob(pattern string) ([]string, error) {
	if o.Root == "" {
		return o.globOS(pattern)
	}
	base, parts := splitGlob(pattern)
	var outsideErr error
	list := func(dir string) ([]string, error) {
		_, real, err := o.resolve(dirOrDot(dir))
		if err != nil {
			var oe *OutsideRootError
			if errors.As(err, &oe) && outsideErr == nil {
				oe.Name = pattern
				outsideErr = err
			}
			return nil, err
		}
		entries, err := readDirNames(real)
		return entries, err
	}
	exists := func(p string) bool {
		_, real, err := o.resolve(p)
		if err != nil {
			var oe *OutsideRootError
			if errors.As(err, &oe) {
				// Listed, so that reading it reports the refusal.
				return true
			}
			return false
		}
		_, err = os.Lstat(real)
		return err == nil
	}
	var out []string
	err := globDir(base, parts, &out, list, exists)
	sort.Strings(out)
	if err == nil && outsideErr != nil {
		err = outsideErr
	}
	return out, err
}

// splitGlob splits a glob pattern into its literal leading directories
// (base, "/" for an absolute pattern) and the components left to match.
func splitGlob(pattern string) (base string, parts []string) {
	rest := pattern
	if strings.HasPrefix(pattern, "/") {
		base = "/"
		rest = pattern[1:]
	}
	parts = strings.Split(rest, "/")
	lit := 0
	for lit < len(parts)-1 && !hasMeta(parts[lit]) {
		lit++
	}
	if lit > 0 {
		base += strings.Join(parts[:lit], "/")
	}
	return base, parts[lit:]
}

func readDirNames(dir string) ([]string, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.Readdirnames(-1)
}

// globOS expands a pattern on the disk as glob(3) does.
func (o OSFS) globOS(pattern string) ([]string, error) {
	base, parts := splitGlob(pattern)
	var out []string
	err := globDir(base, parts, &out, func(dir string) ([]string, error) {
		return readDirNames(dirOrDot(dir))
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
