package parser

import (
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
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
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out, err
}

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

// clean names a file by its real path, so that a file reached through a
// symlink (sites-enabled/app.conf -> ../sites-available/app.conf) is the
// same file as the one it points to.
func clean(p string) string {
	if real, err := filepath.EvalSymlinks(p); err == nil {
		p = real
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}
