package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFilesUnderStaysInRoot: route --root answers -f/-d and try_files from
// the copy only: ".." cannot climb out of it, and a symlink in it that
// leads out cannot be told.
func TestFilesUnderStaysInRoot(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "srv"), 0o755); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(outside, "secret")
	if err := os.WriteFile(secret, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "srv", "index.html"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(root, "srv", "link")); err != nil {
		t.Fatal(err)
	}
	files := filesUnder(root)
	rel, err := filepath.Rel(root, secret)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path          string
		isFile, isDir bool
		ok            bool
	}{
		{"/srv/index.html", true, false, true},
		{"/srv", false, true, true},
		{"/srv/missing", false, false, true},
		// The server's "/../x" is "/x": not the file outside the copy.
		{"/srv/../" + filepath.ToSlash(rel), false, false, false},
		{"/srv/link", false, false, false},
	} {
		f, d, ok := files(tc.path)
		if f != tc.isFile || d != tc.isDir || ok != tc.ok {
			t.Errorf("%s: file %v dir %v known %v, want %v %v %v", tc.path, f, d, ok, tc.isFile, tc.isDir, tc.ok)
		}
	}
}
