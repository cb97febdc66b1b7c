package fix_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint/fix"
)

// fixtures are the failing fixtures of the fixable rules:
// testdata/rules/WS0NN/* (.conf files and directories, not the ok ones nor
// dumps) of every rule with a fixer.
func fixtures(t *testing.T) []string {
	t.Helper()
	ms, err := filepath.Glob("../../testdata/rules/*/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range ms {
		st, err := os.Stat(p)
		rule := filepath.Base(filepath.Dir(p))
		if err != nil || strings.HasPrefix(filepath.Base(p), "ok") || fix.For(rule) == nil {
			continue
		}
		if st.IsDir() || strings.HasSuffix(p, ".conf") {
			out = append(out, p)
		}
	}
	return out
}

func describe(r *result) string {
	var b strings.Builder
	for _, d := range r.diags {
		fmt.Fprintf(&b, "\n  %s %s: %s (edits %d)", d.Rule.ID, d.Start, d.Message, len(d.Edits))
	}
	return b.String()
}

// TestFixtures fixes every failing fixture: afterwards no fixed finding is
// left, a second fix changes nothing, and conflicts there are none.
func TestFixtures(t *testing.T) {
	for _, path := range fixtures(t) {
		name := strings.TrimPrefix(path, "../../testdata/rules/")
		t.Run(name, func(t *testing.T) {
			dir := copyTree(t, path, t.TempDir())
			before := lintFix(t, dir)
			for _, c := range before.conflicts {
				t.Errorf("conflict: %s", c)
			}
			for _, f := range sortedKeys(before.fixed) {
				t.Logf("%s", fix.Diff(f, before.srcs[f], before.fixed[f]))
			}
			unfixed := map[string]int{}
			for _, d := range before.diags {
				if len(d.Edits) == 0 {
					unfixed[d.Rule.ID]++
					if fix.For(d.Rule.ID) != nil && d.Rule.ID != "WS001" && !strings.Contains(d.Fix, "not fixed automatically") {
						t.Errorf("no edit for %s %s: %s\n  fix: %s", d.Rule.ID, d.Start, d.Message, d.Fix)
					}
				}
			}
			before.write(t)
			after := lintFix(t, dir)
			left := map[string]int{}
			for _, d := range after.diags {
				left[d.Rule.ID]++
			}
			for id, n := range left {
				if n > unfixed[id] {
					t.Errorf("%d %s findings left after the fix (%d had no edit):%s", n, id, unfixed[id], describe(after))
				}
			}
			if len(after.fixed) > 0 {
				for _, f := range sortedKeys(after.fixed) {
					t.Errorf("second fix is not a no-op:\n%s", fix.Diff(f, after.srcs[f], after.fixed[f]))
				}
			}
		})
	}
}
