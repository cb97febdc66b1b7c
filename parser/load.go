package parser

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

// FindConfigFiles walks dir for the files a configuration directory holds:
// "*.conf" and files named "nginx.conf" (and "*.conf.template", the Docker
// image's envsubst templates), skipping hidden directories. The result is
// sorted.
func FindConfigFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if p != dir && strings.HasPrefix(name, ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(name, ".conf") || strings.HasSuffix(name, ".conf.template") {
			if !d.Type().IsRegular() {
				// A symlink to a device or a FIFO (/dev/zero, a pipe)
				// is not a configuration file, and opening a FIFO
				// would block: skipped without opening. A dangling
				// symlink is kept, to be reported as unreadable.
				if st, err := os.Stat(p); err == nil && !st.Mode().IsRegular() {
					return nil
				}
			}
			if len(out) >= maxWalkedFiles {
				return fmt.Errorf("more than %d configuration files: the linter reads at most that many from one directory", maxWalkedFiles)
			}
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

// maxWalkedFiles bounds the configuration files FindConfigFiles returns.
var maxWalkedFiles = DefaultLimits.MaxFiles

// ParseEntries parses every file of files that no other one includes, each
// as an entry point with its includes; files reached through an include are
// linted as part of the file that includes them. Files named nginx.conf are
// tried first, then shallower paths, so a tree's main file claims its
// includes before they are read alone. An unreadable file is returned in
// errs and the others are still read.
func ParseEntries(files []string, opts Options) (cfgs []*Config, errs []error) {
	order := append([]string(nil), files...)
	sort.SliceStable(order, func(i, j int) bool {
		ni, nj := filepath.Base(order[i]) == "nginx.conf", filepath.Base(order[j]) == "nginx.conf"
		if ni != nj {
			return ni
		}
		di, dj := strings.Count(order[i], "/"), strings.Count(order[j], "/")
		if di != dj {
			return di < dj
		}
		return order[i] < order[j]
	})
	// Each path is cleaned once: an entry is looked up four times, and a
	// file included 20,000 times is one path.
	var rp realPaths
	cleaned := map[string]string{}
	clean := func(p string) string {
		c, ok := cleaned[p]
		if !ok {
			c = rp.clean(p)
			cleaned[p] = c
		}
		return c
	}
	reached := map[string]bool{} // cleaned paths read through an include
	byFile := map[string]*Config{}
	for _, name := range order {
		if reached[clean(name)] {
			continue
		}
		cfg, err := ParseFile(name, opts)
		if err != nil {
			errs = append(errs, &fs.PathError{Op: "read", Path: name, Err: err})
			continue
		}
		byFile[clean(name)] = cfg
		for _, f := range cfg.Files {
			if f.IncludedBy != nil {
				reached[clean(f.Path)] = true
			}
		}
	}
	for _, name := range files {
		if cfg := byFile[clean(name)]; cfg != nil && !reached[clean(name)] {
			cfgs = append(cfgs, cfg)
		}
	}
	return cfgs, errs
}

// Limits bound what one configuration can cost, so that hostile input ends
// in a clear error instead of exhausting time or memory. nginx has none; it
// recurses until it runs out of file descriptors or memory, which a linter
// must not do. Each default is far above the largest real configurations.
type Limits struct {
	// MaxFileSize bounds one file, in bytes.
	MaxFileSize int64
	// MaxTotalInput bounds the bytes parsed for one configuration, each
	// file counted every time it is included.
	MaxTotalInput int64
	// MaxFiles bounds the file occurrences of one configuration: globs that
	// include each other can otherwise multiply them without end.
	MaxFiles int
	// MaxIncludeDepth bounds the chain of files including each other.
	MaxIncludeDepth int
	// MaxIncludeRepeats bounds how often one file is included.
	MaxIncludeRepeats int
	// MaxNesting bounds the depth of blocks in one file.
	MaxNesting int
	// MaxWords bounds the words of one directive.
	MaxWords int
	// MaxErrorsPerFile bounds the errors reported in one file.
	MaxErrorsPerFile int
}

// DefaultLimits are the limits used for zero fields of Options.Limits.
var DefaultLimits = Limits{
	MaxFileSize:       DefaultMaxFileSize,
	MaxTotalInput:     64 << 20,
	MaxFiles:          20000,
	MaxIncludeDepth:   64,
	MaxIncludeRepeats: 20000,
	MaxNesting:        500,
	MaxWords:          10000,
	MaxErrorsPerFile:  200,
}

// withDefaults fills the zero fields of l from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	set64 := func(v *int64, def int64) {
		if *v <= 0 {
			*v = def
		}
	}
	set := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	set64(&l.MaxFileSize, d.MaxFileSize)
	set64(&l.MaxTotalInput, d.MaxTotalInput)
	set(&l.MaxFiles, d.MaxFiles)
	set(&l.MaxIncludeDepth, d.MaxIncludeDepth)
	set(&l.MaxIncludeRepeats, d.MaxIncludeRepeats)
	set(&l.MaxNesting, d.MaxNesting)
	set(&l.MaxWords, d.MaxWords)
	set(&l.MaxErrorsPerFile, d.MaxErrorsPerFile)
	return l
}

// bounds is a parser's limits and its counts against them.
type bounds struct {
	Limits
	total     int64          // bytes parsed
	errs      map[string]int // errors per file
	repeats   map[string]int // occurrences per file
	tree      []treeDir      // the linted tree (Options.Tree)
	outside   map[string]bool
	checkTree bool
}

// treeCache holds resolved tree directories: a directory of 20,000
// configuration files parses 20,000 entries with the same tree.
var treeCache sync.Map // string -> treeDir

// resolveTree returns a tree directory made absolute and its real path.
func resolveTree(t string) (treeDir, bool) {
	abs, err := filepath.Abs(t)
	if err != nil {
		return treeDir{}, false
	}
	if td, ok := treeCache.Load(abs); ok {
		return td.(treeDir), true
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		real = abs
	}
	td := treeDir{abs: abs, real: real}
	treeCache.Store(abs, td)
	return td, true
}

// treeDir is a directory (or file) of the linted tree, as written (made
// absolute) and by its real path.
type treeDir struct{ abs, real string }

// readMain reads the main file: a file the user named, so --root does not
// confine it unless it lies inside the root (then its real path must too).
func readMain(fsys FS, name string, opts Options) (string, error) {
	d, ok := fsys.(DiskFS)
	if !ok {
		src, _, err := fsys.ReadFile(name)
		return src, err
	}
	o := d.Disk()
	if o.MaxFileSize == 0 {
		o.MaxFileSize = opts.Limits.MaxFileSize
		d = d.WithDisk(o)
	}
	if o.Root != "" {
		if abs, err := filepath.Abs(name); err == nil {
			if rootAbs, err := filepath.Abs(o.Root); err == nil {
				if _, in := within(rootAbs, abs); in {
					if err := o.InRoot(name); err != nil {
						return "", err
					}
				}
			}
		}
	}
	return d.ReadEntry(name)
}

func (p *parser) initBounds(name string, opts Options) {
	p.bounds.Limits = opts.Limits.withDefaults()
	// Any FS reading the disk (the language server's overlay too) is
	// bounded and has a linted tree.
	if d, ok := p.fs.(DiskFS); ok {
		if o := d.Disk(); o.MaxFileSize == 0 {
			o.MaxFileSize = p.bounds.MaxFileSize
			p.fs = d.WithDisk(o)
		}
		p.bounds.checkTree = true
		tree := opts.Tree
		if len(tree) == 0 {
			if opts.Root != "" {
				tree = []string{opts.Root}
			} else {
				tree = []string{filepath.Dir(name)}
				if opts.Prefix != "" {
					tree = append(tree, opts.Prefix)
				}
			}
		}
		for _, t := range tree {
			if td, ok := resolveTree(t); ok {
				p.bounds.tree = append(p.bounds.tree, td)
			}
		}
	}
	p.bounds.total = int64(len(p.cache[name].src))
}

// treeAddPrefix counts the conf prefix, where relative includes resolve,
// as part of the linted tree.
func (p *parser) treeAddPrefix() {
	if !p.bounds.checkTree {
		return
	}
	dir := p.prefix
	if dir == "" {
		dir = "."
	}
	if td, ok := resolveTree(dir); ok {
		p.bounds.tree = append(p.bounds.tree, td)
	}
}

// isOutside reports whether the file read at where lies outside the linted
// tree, as written or by its real path.
func (p *parser) isOutside(where string) bool {
	if !p.bounds.checkTree {
		return false
	}
	if v, ok := p.bounds.outside[where]; ok {
		return v
	}
	abs, err := p.paths.abs(where)
	out := true
	if err == nil {
		real, err := p.paths.real(abs)
		if err != nil {
			real = abs
		}
		lex, byReal := false, false
		for _, t := range p.bounds.tree {
			if _, ok := within(t.abs, abs); ok {
				lex = true
			}
			if _, ok := within(t.real, real); ok {
				byReal = true
			}
		}
		out = !lex || !byReal
	}
	if p.bounds.outside == nil {
		p.bounds.outside = map[string]bool{}
	}
	p.bounds.outside[where] = out
	return out
}

// outsideMsg replaces the message of an error in a file outside the linted
// tree: the file's words are not shown.
const outsideMsg = "nginx would report an error here (not quoted: the file lies outside the linted tree)"

// bounded applies the per-file error bound and the rule that nothing of an
// outside file is quoted; it reports whether e is to be recorded.
func (p *parser) bounded(e *Error) bool {
	if p.bounds.outside[e.File] {
		e.Outside = true
		if !e.Missing {
			e.Msg = outsideMsg
		} else {
			e.Msg = "an include here names a file that cannot be read (not quoted: the file lies outside the linted tree)"
		}
		e.Hint = ""
	}
	if p.bounds.errs == nil {
		p.bounds.errs = map[string]int{}
	}
	n := p.bounds.errs[e.File] + 1
	p.bounds.errs[e.File] = n
	max := p.bounds.MaxErrorsPerFile
	if max <= 0 {
		max = DefaultLimits.MaxErrorsPerFile
	}
	switch {
	case n <= max:
		return true
	case n == max+1:
		*e = Error{Position: e.Position, Msg: fmt.Sprintf("more than %d errors in this file: the others are not shown", max), Outside: e.Outside}
		return true
	}
	return false
}

// Redact returns e as it may be shown: when it lies in a file of c outside
// the linted tree, with a message that quotes nothing of the file. Errors
// found after parsing (the model's value checks) go through it.
func (c *Config) Redact(e *Error) *Error {
	for _, f := range c.Files {
		if f.Path == e.File && f.Outside {
			r := *e
			r.Outside = true
			r.Msg, r.Hint = outsideMsg, ""
			return &r
		}
	}
	return e
}

// IsOutside reports whether the file at path, read for c, lies outside the
// linted tree: output must not quote it.
func (c *Config) IsOutside(path string) bool {
	for _, f := range c.Files {
		if f.Path == path {
			return f.Outside
		}
	}
	return false
}
