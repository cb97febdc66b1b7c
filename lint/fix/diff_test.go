package fix_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint/fix"
)

func TestDiffFormat(t *testing.T) {
	old := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk"
	new := "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl"
	want := `--- a/x.conf
+++ b/x.conf
@@ -1,5 +1,5 @@
 a
-b
+B
 c
 d
 e
@@ -8,4 +8,5 @@
 h
 i
 j
-k
\ No newline at end of file
+k
+l
\ No newline at end of file
`
	if got := fix.Diff("x.conf", old, new); got != want {
		t.Errorf("diff:\n%s\nwant:\n%s", got, want)
	}
	if got := fix.Diff("x.conf", old, old); got != "" {
		t.Errorf("diff of equal texts: %q", got)
	}
	if got, want := fix.Diff("e.conf", "", "x;\n"), "--- a/e.conf\n+++ b/e.conf\n@@ -0,0 +1 @@\n+x;\n"; got != want {
		t.Errorf("diff from empty:\n%s", got)
	}
}

// The diffs of fixes to files with CRLF line ends, tabs, no final newline
// and a BOM apply with git apply and give the fixed text exactly.
func TestDiffAppliesWithGit(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	crlf := strings.ReplaceAll(bare, "\n", "\r\n")
	for name, src := range map[string]string{
		"crlf.conf":            crlf,
		"tabs.conf":            strings.ReplaceAll(bare, "    ", "\t"),
		"no-newline.conf":      strings.TrimSuffix(bare, "\n"),
		"crlf-no-newline.conf": strings.TrimSuffix(crlf, "\r\n"),
		"bom.conf":             "\ufeff" + bare,
	} {
		t.Run(name, func(t *testing.T) {
			out, _, _ := fixText(t, src, nil, fix.Options{})
			fixedText := out["nginx.conf"]
			if fixedText == src {
				t.Fatal("nothing fixed")
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			patch := filepath.Join(t.TempDir(), "p.diff")
			if err := os.WriteFile(patch, []byte(fix.Diff(name, src, fixedText)), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"apply", "--check", patch}, {"apply", patch}} {
				cmd := exec.Command(git, args...)
				cmd.Dir = dir
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("git %v: %v\n%s", args, err, b)
				}
			}
			got, _ := os.ReadFile(filepath.Join(dir, name))
			if string(got) != fixedText {
				t.Errorf("git apply gave:\n%q\nwant:\n%q", got, fixedText)
			}
		})
	}
}

func TestWriteFileKeepsModeAndRefusesChangedFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.conf")
	if err := os.WriteFile(p, []byte("old"), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := fix.WriteFile(p, "other", "new"); err == nil || !strings.Contains(err.Error(), "changed since it was read") {
		t.Errorf("write over a changed file: %v", err)
	}
	if err := fix.WriteFile(p, "old", "new"); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	if string(b) != "new" || st.Mode().Perm() != 0o640 {
		t.Errorf("after write: %q, mode %v", b, st.Mode().Perm())
	}
	if ents, _ := os.ReadDir(filepath.Dir(p)); len(ents) != 1 {
		t.Errorf("temporary file left behind: %v", ents)
	}
}

// Writing through a symbolic link replaces the file it points to and
// keeps the link.
func TestWriteFileThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "sites-available", "app.conf")
	link := filepath.Join(dir, "sites-enabled", "app.conf")
	for _, d := range []string{filepath.Dir(target), filepath.Dir(link)} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../sites-available/app.conf", link); err != nil {
		t.Skip(err)
	}
	if err := fix.WriteFile(link, "old", "new"); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link is no longer a link: %v %v", st, err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Errorf("target holds %q", b)
	}
}
