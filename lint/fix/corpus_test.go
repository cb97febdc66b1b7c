package fix_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint/fix"
)

// TestCorpusDiffApplies fixes every real-world configuration of
// testdata/corpus/realworld (copied from ../shared/corpus/realworld) and
// testdata/realworld2 (see their MANIFEST.tsv): the unified diff is accepted by `git apply --check`,
// applying it gives exactly the fixed text (so it changes nothing else),
// and fixing the result again changes nothing.
func TestCorpusDiffApplies(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	var files []string
	for _, pattern := range []string{"../../testdata/corpus/realworld/*.conf", "../../testdata/realworld2/*.conf"} {
		ms, err := filepath.Glob(pattern)
		if err != nil || len(ms) == 0 {
			t.Fatalf("no corpus at %s: %v", pattern, err)
		}
		files = append(files, ms...)
	}
	var summary []string
	for _, src := range files {
		name := filepath.Base(src)
		t.Run(name, func(t *testing.T) {
			work := t.TempDir()
			path := copyTree(t, src, work)
			r := lintFix(t, path)
			for _, c := range r.conflicts {
				t.Errorf("conflict: %s", c)
			}
			if len(r.fixed) == 0 {
				return
			}
			var patch strings.Builder
			for _, f := range sortedKeys(r.fixed) {
				rel, err := filepath.Rel(work, f)
				if err != nil {
					t.Fatal(err)
				}
				patch.WriteString(fix.Diff(filepath.ToSlash(rel), r.srcs[f], r.fixed[f]))
			}
			pf := filepath.Join(t.TempDir(), "fix.patch")
			if err := os.WriteFile(pf, []byte(patch.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{{"apply", "--check", pf}, {"apply", pf}} {
				cmd := exec.Command(git, args...)
				cmd.Dir = work
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("git %s: %v\n%s\n%s", strings.Join(args, " "), err, out, patch.String())
				}
			}
			for _, f := range sortedKeys(r.fixed) {
				got, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if string(got) != r.fixed[f] {
					t.Errorf("%s after git apply differs from the fixed text", f)
				}
			}
			count := map[string]int{}
			for _, d := range r.diags {
				if len(d.Edits) > 0 {
					count[d.Rule.ID]++
				}
			}
			var ids []string
			for id, n := range count {
				ids = append(ids, fmt.Sprintf("%s×%d", id, n))
			}
			sort.Strings(ids)
			added, removed := 0, 0
			for _, l := range strings.Split(patch.String(), "\n") {
				switch {
				case strings.HasPrefix(l, "+++"), strings.HasPrefix(l, "---"):
				case strings.HasPrefix(l, "+"):
					added++
				case strings.HasPrefix(l, "-"):
					removed++
				}
			}
			summary = append(summary, fmt.Sprintf("%s: %s (+%d -%d lines)", name, strings.Join(ids, " "), added, removed))
			t.Logf("%s", patch.String())
			after := lintFix(t, path)
			if len(after.fixed) > 0 {
				for _, f := range sortedKeys(after.fixed) {
					t.Errorf("second fix is not a no-op:\n%s", fix.Diff(f, after.srcs[f], after.fixed[f]))
				}
			}
		})
	}
	t.Logf("would change %d of %d files:\n%s", len(summary), len(files), strings.Join(summary, "\n"))
}
