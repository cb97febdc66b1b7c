package fix_test

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint/fix"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

var optionsRe = regexp.MustCompile(`^#\s*test-options:\s*(.*)$`)

// result is one lint-and-fix run over a fixture.
type result struct {
	cfgs      []*parser.Config
	diags     []rules.Diagnostic
	srcs      map[string]string // file path -> text as read
	fixed     map[string]string // file path -> text after the fixes (changed files only)
	conflicts []fix.Conflict
}

// lintFix lints path (a file or a directory, as the CLI does), fills the
// findings' edits, combines and applies them.
func lintFix(t *testing.T, path string) *result {
	t.Helper()
	r := &result{srcs: map[string]string{}, fixed: map[string]string{}}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.IsDir() {
		files, err := parser.FindConfigFiles(path)
		if err != nil {
			t.Fatal(err)
		}
		var errs []error
		r.cfgs, errs = parser.ParseEntries(files, parser.Options{})
		for _, e := range errs {
			t.Fatal(e)
		}
	} else {
		cfg, err := parser.ParseFile(path, parser.Options{})
		if err != nil {
			t.Fatal(err)
		}
		r.cfgs = []*parser.Config{cfg}
	}
	var models []*model.Model
	var fo fix.Options
	for _, cfg := range r.cfgs {
		mo, ro, o := fixtureOptions(t, cfg)
		fo = o
		m := model.Build(cfg, mo)
		models = append(models, m)
		r.diags = append(r.diags, rules.Run(m, rules.All, ro)...)
		for _, f := range cfg.Files {
			r.srcs[f.Path] = f.Src
		}
	}
	// As the engine does: every configuration's findings in one list.
	fix.FillAll(models, r.diags, fo)
	changes, conflicts, err := fix.Changes(r.diags, func(p string) (string, bool) {
		s, ok := r.srcs[p]
		return s, ok
	})
	if err != nil {
		t.Fatal(err)
	}
	r.conflicts = conflicts
	for _, c := range changes {
		r.fixed[c.Path] = c.New
	}
	return r
}

// write writes the fixed files in place.
func (r *result) write(t *testing.T) {
	t.Helper()
	for _, f := range sortedKeys(r.fixed) {
		if err := fix.WriteFile(f, r.srcs[f], r.fixed[f]); err != nil {
			t.Fatal(err)
		}
	}
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// fixtureOptions reads `# test-options: nginx-version=1.29.7 ws-path=/x/*`.
func fixtureOptions(t *testing.T, cfg *parser.Config) (model.Options, rules.Options, fix.Options) {
	var mo model.Options
	var ro rules.Options
	for _, f := range cfg.Files {
		for _, c := range f.Comments {
			m := optionsRe.FindStringSubmatch(c.Text)
			if m == nil {
				continue
			}
			for _, kv := range strings.Fields(m[1]) {
				k, v, _ := strings.Cut(kv, "=")
				switch k {
				case "nginx-version":
					ver, err := model.ParseVersion(v)
					if err != nil {
						t.Fatal(err)
					}
					mo.Version = ver
				case "ws-path":
					ro.WSPaths = append(ro.WSPaths, v)
				case "min-read-timeout":
					d, err := model.ParseMsec(v)
					if err != nil {
						t.Fatal(err)
					}
					ro.MinReadTimeout = d
				default:
					t.Fatalf("unknown test option %q", k)
				}
			}
		}
	}
	return mo, ro, fix.Options{MinReadTimeout: ro.MinReadTimeout}
}

// copyTree copies a file or directory into dir and returns the copy's path.
func copyTree(t *testing.T, src, dir string) string {
	t.Helper()
	dst := filepath.Join(dir, filepath.Base(src))
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
