package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// realPaths gives what filepath.Abs and filepath.EvalSymlinks give, through
// symlinked directories and files, chains of links, dangling links and
// missing files, asked in any order (its directory cache must not leak one
// answer into another).
func TestRealPathsAgreeWithEvalSymlinks(t *testing.T) {
	dir := t.TempDir()
	mk := func(p string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, p), []byte("x;\n"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, p string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	mk("avail")
	mk("real/sub")
	write("avail/app.conf")
	write("real/sub/a.conf")
	mk("enabled")
	link("../avail/app.conf", "enabled/app.conf")
	link("app.conf", "enabled/chain.conf")
	link("../nowhere.conf", "enabled/dangling.conf")
	link("real/sub", "subdir")
	link("subdir", "subdir2")
	rel, err := filepath.Rel(getwd(t), filepath.Join(dir, "subdir2", "a.conf"))
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{
		"avail/app.conf", "enabled/app.conf", "enabled/chain.conf", "enabled/dangling.conf",
		"subdir/a.conf", "subdir2/a.conf", "subdir2/missing.conf", "real/sub/a.conf",
		"subdir/../avail/app.conf", "enabled", "subdir2",
	}
	var rp realPaths
	for round := range 2 {
		for _, p := range paths {
			full := filepath.Join(dir, p)
			if p == "subdir/../avail/app.conf" {
				full = dir + "/" + p // not cleaned
			}
			wantAbs, _ := filepath.Abs(full)
			gotAbs, err := rp.abs(full)
			if err != nil || gotAbs != wantAbs {
				t.Errorf("round %d: abs(%s) = %q, %v; want %q", round, p, gotAbs, err, wantAbs)
			}
			wantReal, wantErr := filepath.EvalSymlinks(wantAbs)
			gotReal, gotErr := rp.real(wantAbs)
			if gotReal != wantReal || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("round %d: real(%s) = %q, %v; want %q, %v", round, p, gotReal, gotErr, wantReal, wantErr)
			}
		}
		wantAbs, _ := filepath.Abs(rel)
		if got, _ := rp.abs(rel); got != wantAbs {
			t.Errorf("abs(%s) = %q, want %q", rel, got, wantAbs)
		}
	}
	if got, want := rp.clean(filepath.Join(dir, "enabled/chain.conf")), filepath.Join(realDir(t, dir), "avail/app.conf"); got != want {
		t.Errorf("clean(enabled/chain.conf) = %q, want %q", got, want)
	}
}

func realDir(t *testing.T, dir string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func getwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}
