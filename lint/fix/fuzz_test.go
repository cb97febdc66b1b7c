package fix_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint/fix"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// FuzzFix: on any input, filling and applying the fixes neither panics nor
// produces an edit outside the file, and the diff is empty exactly when
// nothing changes.
func FuzzFix(f *testing.F) {
	for _, pattern := range []string{"../../testdata/rules/*/*.conf", "../../testdata/ok/*.conf"} {
		ms, _ := filepath.Glob(pattern)
		for _, p := range ms {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(string(b))
			}
		}
	}
	f.Add(bare)
	f.Fuzz(func(t *testing.T, src string) {
		cfg := parser.ParseBytes("nginx.conf", src, parser.Options{FS: parser.NewMemFS(nil)})
		m, ds := runRules(t, cfg)
		fix.Fill(m, ds, fix.Options{})
		changes, _, err := fix.Changes(ds, func(p string) (string, bool) {
			for _, f := range cfg.Files {
				if f.Path == p {
					return f.Src, true
				}
			}
			return "", false
		})
		if err != nil {
			t.Fatalf("%v\n%q", err, src)
		}
		for _, c := range changes {
			if fix.Diff(c.Path, c.Old, c.New) == "" {
				t.Fatalf("empty diff for a change of %s", c.Path)
			}
		}
	})
}

// runRules builds the model and runs every rule; a panic there is their bug, not
// this package's (reported to their owner), and skips the input so the
// fuzzer keeps exploring the fixes.
func runRules(t *testing.T, cfg *parser.Config) (*model.Model, []rules.Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			t.Skipf("the model or a rule panics on this input: %v", r)
		}
	}()
	m := model.Build(cfg, model.Options{})
	return m, rules.Run(m, rules.All, rules.Options{})
}
