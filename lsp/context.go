package lsp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// A buffer is linted as nginx reads it: as part of the configuration whose
// main file includes it. The main file is, in order: the one configured
// (--entry, initializationOptions.entry); the nearest nginx.conf in the
// buffer's directory or above it (nginx's conf prefix: /etc/nginx, or a
// repository's copy of it); an nginx.conf elsewhere in a workspace folder.
// The first of these that includes the buffer wins. A buffer no main file
// includes is linted alone, its relative includes resolved against the
// nearest nginx.conf's directory (the prefix nginx would use) or, without
// one, its own directory.

// A configuration is confined to its root (see rootFor): no file outside it
// is opened, as with the command line's --root (parser.OSFS).

// overlay reads the open buffers in place of their files on disk, so that
// unsaved text is linted in its context. It is a parser.DiskFS: the disk is
// read through base, whose Root confines every include, and the parser
// applies base's bounds and linted tree to it as to the command line's.
type overlay struct {
	base parser.OSFS
	docs map[string]string // fileKey -> text
	disk *diskCache
}

// diskCache keeps the files of the last lints: a large configuration is
// thousands of files, and a keystroke changes none of them. A file is read
// again when its size or modification time changed; the real path of a
// name is kept until the disk changes (a save, a watched-file event).
type diskCache struct {
	files map[diskKey]cachedRead
	keys  map[string]string // path -> fileKey
}

// diskKey is a file read: the name nginx opens, read under a root with a
// size bound (a file read without a root is not one read inside it).
type diskKey struct {
	root, name string
	max        int64
}

type cachedRead struct {
	src, where string
	size       int64
	mod        time.Time
}

func newDiskCache() *diskCache {
	return &diskCache{files: map[diskKey]cachedRead{}, keys: map[string]string{}}
}

// key is fileKey, cached.
func (d *diskCache) key(p string) string {
	k, ok := d.keys[p]
	if !ok {
		k = fileKey(p)
		d.keys[p] = k
	}
	return k
}

// ReadFile implements parser.FS.
func (o *overlay) ReadFile(name string) (string, string, error) {
	src, where, err := o.read(name)
	var outside *parser.OutsideRootError
	if errors.As(err, &outside) {
		return "", where, err // refused, open buffer or not
	}
	if text, ok := o.buffer(where); ok {
		return text, where, nil
	}
	return src, where, err
}

// buffer returns the open buffer of the file at p, if any: under a root,
// only one whose real path lies inside it (p may be a symlink the root maps
// elsewhere than the kernel would).
func (o *overlay) buffer(p string) (string, bool) {
	k := o.disk.key(p)
	text, ok := o.docs[k]
	if !ok || o.base.Root == "" {
		return text, ok
	}
	return text, inside(fileKey(o.base.Root), k)
}

func (o *overlay) read(name string) (string, string, error) {
	dk := diskKey{root: o.base.Root, name: name, max: o.base.MaxFileSize}
	if c, ok := o.disk.files[dk]; ok {
		if st, err := os.Stat(c.where); err == nil && st.Size() == c.size && st.ModTime().Equal(c.mod) {
			return c.src, c.where, nil
		}
		delete(o.disk.files, dk)
	}
	src, where, err := o.base.ReadFile(name)
	if err != nil {
		return src, where, err
	}
	if st, serr := os.Stat(where); serr == nil && st.Mode().IsRegular() {
		o.disk.files[dk] = cachedRead{src: src, where: where, size: st.Size(), mod: st.ModTime()}
	}
	return src, where, nil
}

// Glob implements parser.FS.
func (o *overlay) Glob(pattern string) ([]string, error) { return o.base.Glob(pattern) }

// Disk implements parser.DiskFS.
func (o *overlay) Disk() parser.OSFS { return o.base }

// WithDisk implements parser.DiskFS.
func (o *overlay) WithDisk(base parser.OSFS) parser.DiskFS {
	return &overlay{base: base, docs: o.docs, disk: o.disk}
}

// ReadEntry implements parser.DiskFS: a main file the user named, its
// buffer when it is open.
func (o *overlay) ReadEntry(name string) (string, error) {
	if text, ok := o.docs[o.disk.key(name)]; ok {
		return text, nil
	}
	return o.base.ReadEntry(name)
}

// under returns the overlay confined to root ("" for none), which messages
// call name ("" for "--root").
func (o *overlay) under(root, name string) *overlay {
	return &overlay{base: parser.OSFS{Root: root, RootName: name}, docs: o.docs, disk: o.disk}
}

func (o *overlay) key(p string) string { return o.disk.key(p) }

func (s *Server) newOverlay() *overlay {
	o := &overlay{docs: map[string]string{}, disk: s.disk}
	for _, d := range s.docs {
		o.docs[s.disk.key(d.path)] = d.text
	}
	return o
}

// contextOf returns doc's configuration, linted from the current buffers,
// and publishes its diagnostics when they changed. It returns nil only when
// the linter failed.
func (s *Server) contextOf(doc *document) *lintContext {
	dkey := s.disk.key(doc.path)
	// The context doc belonged to, if it is still current.
	for _, c := range s.sortedContexts() {
		if _, ok := c.keys[dkey]; ok && c.gen == s.gen {
			return c
		}
	}
	ov := s.newOverlay()
	entry, known := s.resolved[dkey]
	if known && entry != "" {
		if c := s.lint(entry, ov); c != nil && c.has(dkey) {
			s.adopt(c)
			return c
		}
		known = false // the entry no longer includes it
	}
	if !known {
		for _, cand := range s.entries(doc) {
			if c := s.lint(cand, ov); c != nil && c.has(dkey) {
				s.resolved[dkey] = cand
				s.adopt(c)
				return c
			}
		}
		s.resolved[dkey] = ""
	}
	// Alone, with the conf prefix nginx would use.
	prefix := s.opts.Prefix
	if prefix == "" {
		root := s.rootFor(doc.path)
		if near := nearestEntry(doc.path, root); near != "" {
			prefix = filepath.Dir(near)
		} else if root != "" {
			prefix = filepath.Dir(doc.path) // not an nginx.conf above the root
		}
	}
	c := s.lintAlone(doc, ov, prefix)
	if c != nil {
		s.adopt(c)
	}
	return c
}

// has reports whether the context read the file whose fileKey is k.
func (c *lintContext) has(k string) bool {
	_, ok := c.keys[k]
	return ok
}

// sortedContexts lists the contexts in a fixed order.
func (s *Server) sortedContexts() []*lintContext {
	keys := make([]string, 0, len(s.contexts))
	for k := range s.contexts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*lintContext, len(keys))
	for i, k := range keys {
		out[i] = s.contexts[k]
	}
	return out
}

// entries are the main files that may include doc, most likely first.
func (s *Server) entries(doc *document) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		if p == "" {
			return
		}
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		if !seen[s.disk.key(p)] {
			seen[s.disk.key(p)] = true
			out = append(out, p)
		}
	}
	if s.opts.Entry != "" {
		add(s.opts.Entry)
	}
	add(nearestEntry(doc.path, s.rootFor(doc.path)))
	for _, p := range s.workspaceEntries() {
		add(p)
	}
	return out
}

// nearestEntry is the nginx.conf in p's directory or the nearest one above
// it, up to root when p lies inside root (one above it is not read).
func nearestEntry(p, root string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if root = absPath(root); !inside(root, p) {
		root = ""
	}
	for dir := filepath.Dir(p); ; dir = filepath.Dir(dir) {
		if root != "" && !inside(root, dir) {
			return ""
		}
		cand := filepath.Join(dir, "nginx.conf")
		if fileExists(cand) {
			return cand
		}
		if parent := filepath.Dir(dir); parent == dir {
			return ""
		}
	}
}

// maxWorkspaceEntries bounds the nginx.conf files tried from the workspace.
const maxWorkspaceEntries = 16

// workspaceEntries are the nginx.conf files in the workspace folders,
// shallowest first, found once until the disk changes.
func (s *Server) workspaceEntries() []string {
	if s.scanned {
		return s.workspace
	}
	s.scanned = true
	s.workspace = nil
	for _, root := range s.roots {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil //nolint:nilerr // an unreadable directory is skipped
			}
			if d.IsDir() {
				name := d.Name()
				if p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || strings.Count(strings.TrimPrefix(p, root), string(filepath.Separator)) > 6) {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Name() == "nginx.conf" && len(s.workspace) < maxWorkspaceEntries {
				s.workspace = append(s.workspace, p)
			}
			return nil
		})
	}
	sort.SliceStable(s.workspace, func(i, j int) bool {
		return strings.Count(s.workspace[i], "/") < strings.Count(s.workspace[j], "/")
	})
	return s.workspace
}

// lint lints the configuration whose main file is entry.
func (s *Server) lint(entry string, ov *overlay) *lintContext {
	if c := s.contexts[entry]; c != nil && c.gen == s.gen {
		return c
	}
	root := s.rootFor(entry)
	ov = ov.under(root, s.rootName(root, entry))
	src, _, err := ov.ReadFile(entry)
	if err != nil {
		return nil
	}
	prefix := s.opts.Prefix
	if prefix == "" && root != "" {
		// nginx's conf prefix for the main file: its directory, not an
		// nginx.conf's above the root.
		prefix = filepath.Dir(entry)
	}
	popts := parser.Options{Prefix: prefix, Root: root, FS: ov}
	return s.run(entry, Input{Name: entry, Src: src, Parse: popts}, ov)
}

// lintAlone lints doc as a main file of its own.
func (s *Server) lintAlone(doc *document, ov *overlay, prefix string) *lintContext {
	root := s.rootFor(doc.path)
	ov = ov.under(root, s.rootName(root, doc.path))
	popts := parser.Options{Prefix: prefix, Root: root, FS: ov}
	return s.run(doc.path, Input{Name: doc.path, Src: doc.text, Parse: popts}, ov)
}

// rootFor is the directory the configuration whose main file is p is
// confined to: --root (initializationOptions.root) when set, else the
// innermost workspace folder holding p (or ConfigRoot inside it), else
// ConfigRoot or none (a file opened outside the workspace is read as the
// command line reads it without --root).
func (s *Server) rootFor(p string) string {
	if s.opts.Root != "" {
		return s.opts.Root
	}
	folder := s.folderOf(p)
	if cr := s.opts.ConfigRoot; cr != "" && (folder == "" || inside(folder, absPath(cr))) {
		return cr
	}
	return folder
}

// rootName is what messages call rootFor(p).
func (s *Server) rootName(root, p string) string {
	switch {
	case root == "" || s.opts.Root != "":
		return "" // --root
	case root == s.folderOf(p):
		return "the workspace folder"
	}
	return "the .nginx-wslint.toml root"
}

// folderOf is the innermost workspace folder holding p, "" for none.
func (s *Server) folderOf(p string) string {
	abs := absPath(p)
	best := ""
	for _, r := range s.roots {
		ra := absPath(r)
		if !inside(ra, abs) {
			// The folder as the client named it, or by its real path
			// (a client may name files by theirs).
			if ra = fileKey(ra); !inside(ra, abs) {
				continue
			}
		}
		if len(ra) > len(best) {
			best = ra
		}
	}
	return best
}

// absPath is p made absolute and clean.
func absPath(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// inside reports whether p lies inside dir (both absolute and clean).
func inside(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, "/")+"/")
}

func (s *Server) run(key string, in Input, ov *overlay) *lintContext {
	res, err := s.linter.Lint(s.ctx, in)
	c := &lintContext{key: key, gen: s.gen, files: map[string]*parser.File{}, keys: map[string]string{}}
	if err != nil {
		s.logf("linting %s: %v", key, err)
		return nil
	}
	c.res = res
	for _, f := range res.Config.Files {
		if _, ok := c.files[f.Path]; !ok {
			c.files[f.Path] = f
			c.keys[ov.key(f.Path)] = f.Path
		}
	}
	return c
}

// adopt makes c the current context for its files and publishes its
// diagnostics. Another context that covered one of its buffers is retired
// when no open buffer belongs to it any more.
func (s *Server) adopt(c *lintContext) {
	old := s.contexts[c.key]
	s.contexts[c.key] = c
	byPath := s.diagnostics(c)
	paths := map[string]bool{}
	for p := range byPath {
		paths[p] = true
	}
	// Every open buffer of the context gets a list, empty ones too.
	for _, d := range s.docs {
		if p, ok := c.keys[s.disk.key(d.path)]; ok {
			paths[p] = true
		}
	}
	if old != nil {
		for p := range old.paths {
			paths[p] = true
		}
	}
	c.paths = map[string]bool{}
	for p := range paths {
		if len(byPath[p]) > 0 {
			c.paths[p] = true
		}
		uri, version := s.uriFor(p)
		s.publish(uri, version, byPath[p])
	}
	// Contexts whose open buffers now belong to c.
	for key, other := range s.contexts {
		if key == c.key {
			continue
		}
		used := false
		for _, d := range s.docs {
			if _, ok := other.keys[s.disk.key(d.path)]; ok {
				if _, mine := c.keys[s.disk.key(d.path)]; !mine {
					used = true
				}
			}
		}
		if !used {
			s.retire(other)
		}
	}
}

// retire drops a context and clears the diagnostics only it published.
func (s *Server) retire(c *lintContext) {
	delete(s.contexts, c.key)
	for p := range c.paths {
		uri, version := s.uriFor(p)
		if !s.ownedByContext(uri) {
			s.publish(uri, version, nil)
		}
	}
}

// ownedByContext reports whether a current context published for uri.
func (s *Server) ownedByContext(uri string) bool {
	for _, c := range s.contexts {
		for p := range c.paths {
			if u, _ := s.uriFor(p); u == uri {
				return true
			}
		}
	}
	return false
}

// uriFor is the URI diagnostics about path go to: the open buffer's own
// URI when the file is open (under whatever name), else the file's.
func (s *Server) uriFor(path string) (string, *int) {
	k := s.disk.key(path)
	for _, d := range s.docs {
		if s.disk.key(d.path) == k {
			v := d.version
			return d.uri, &v
		}
	}
	return pathToURI(path), nil
}

// publish sends uri's diagnostics unless they are the ones last sent.
func (s *Server) publish(uri string, version *int, diags []Diagnostic) {
	if diags == nil {
		diags = []Diagnostic{}
	}
	b, _ := json.Marshal(diags)
	key := string(b)
	if version != nil {
		// An open buffer hears about every version linted, so that the
		// client knows its diagnostics are current.
		key = fmt.Sprintf("%d:%s", *version, b)
	}
	if last, ok := s.published[uri]; ok && last == key {
		return
	}
	if len(diags) == 0 {
		if _, ok := s.published[uri]; !ok {
			// Nothing was shown: an empty list is still sent for an
			// open buffer, so that the client knows it was linted.
			if _, open := s.docs[uri]; !open {
				return
			}
		}
	}
	s.published[uri] = key
	if s.conn == nil || s.exited {
		return
	}
	if err := s.conn.notify("textDocument/publishDiagnostics", PublishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags}); err != nil {
		s.logf("publishing diagnostics: %v", err)
	}
}
