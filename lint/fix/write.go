package fix

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteFile replaces the file at path with data atomically: data goes to a
// temporary file in the same directory, with the file's mode (and owner,
// where the process may set it), which is
// then renamed over it, so that a reader (or a crash) sees either the old
// or the new file, never half of one. old is the text the edits were
// computed on: when the file no longer holds it, nothing is written.
//
// A symbolic link (sites-enabled/app.conf pointing into sites-available)
// stays a link: the file it points to is replaced.
func WriteFile(path, old, data string) error {
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	st, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("fix %s: %w", path, err)
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("fix %s: %w", path, err)
	}
	if string(cur) != old {
		return fmt.Errorf("fix %s: the file changed since it was read; not written", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".nginx-wslint-*")
	if err != nil {
		return fmt.Errorf("fix %s: %w", path, err)
	}
	name := tmp.Name()
	defer func() {
		if name != "" {
			_ = os.Remove(name)
		}
	}()
	if _, err := tmp.WriteString(data); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("fix %s: %w", path, err)
	}
	keepOwner(tmp, st)
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("fix %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		_ = tmp.Close()
		return fmt.Errorf("fix %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("fix %s: %w", path, err)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("fix %s: %w", path, err)
	}
	name = ""
	return nil
}

// DisplayPath returns path relative to the working directory when it lies
// below it, as diffs and messages show it; otherwise path unchanged.
func DisplayPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return filepath.ToSlash(path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(wd, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}
