package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// wantRe reads expectations from fixture comments: `# want WS002 "regexp"`,
// several per comment allowed; the finding must be on the comment's line.
// A severity before the id (`# want note WS006 "regexp"`) must match too.
var (
	wantRe    = regexp.MustCompile(`(?:\b(error|warning|note)\s+)?(WS\d{3})\s+"((?:[^"\\]|\\.)*)"`)
	optionsRe = regexp.MustCompile(`^#\s*test-options:\s*(.*)$`)
)

type want struct {
	file string
	line int32
	sev  string
	rule string
	re   *regexp.Regexp
	met  bool
}

// lint runs every rule on one fixture: a .conf file (entry point), a .dump
// (nginx -T output) or a directory (walked as the CLI walks it).
func lint(t *testing.T, path string) ([]*parser.Config, []rules.Diagnostic) {
	t.Helper()
	var cfgs []*parser.Config
	opts := parser.Options{}
	switch st, err := os.Stat(path); {
	case err != nil:
		t.Fatal(err)
	case st.IsDir():
		files, err := parser.FindConfigFiles(path)
		if err != nil {
			t.Fatal(err)
		}
		var errs []error
		cfgs, errs = parser.ParseEntries(files, opts)
		for _, e := range errs {
			t.Fatal(e)
		}
	case strings.HasSuffix(path, ".dump"):
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cfg, _, err := parser.ParseDump(string(src), opts)
		if err != nil {
			t.Fatal(err)
		}
		cfgs = []*parser.Config{cfg}
	default:
		cfg, err := parser.ParseFile(path, opts)
		if err != nil {
			t.Fatal(err)
		}
		cfgs = []*parser.Config{cfg}
	}
	var out []rules.Diagnostic
	for _, cfg := range cfgs {
		mopts, ropts := fixtureOptions(t, cfg)
		m := model.Build(cfg, mopts)
		out = append(out, rules.Run(m, rules.All, ropts)...)
	}
	rules.Sort(out)
	return cfgs, out
}

// fixtureOptions reads `# test-options: nginx-version=1.29.7 ws-path=/x/*`.
func fixtureOptions(t *testing.T, cfg *parser.Config) (model.Options, rules.Options) {
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
	return mo, ro
}

func collectWants(cfgs []*parser.Config) []*want {
	var wants []*want
	seen := map[string]bool{}
	for _, cfg := range cfgs {
		for _, f := range cfg.Files {
			if seen[f.Path] {
				continue
			}
			seen[f.Path] = true
			for _, c := range f.Comments {
				if !strings.Contains(c.Text, "want ") {
					continue
				}
				for _, m := range wantRe.FindAllStringSubmatch(c.Text, -1) {
					wants = append(wants, &want{file: f.Path, line: c.Start.Line, sev: m[1], rule: m[2], re: regexp.MustCompile(strings.ReplaceAll(m[3], `\"`, `"`))})
				}
			}
		}
	}
	return wants
}

// fixtures lists the rule fixtures: testdata/rules/WS0NN/* and testdata/ok/*.
func fixtures(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, pattern := range []string{"../testdata/rules/*/*", "../testdata/ok/*"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, m...)
	}
	var keep []string
	for _, p := range out {
		if st, err := os.Stat(p); err == nil && (st.IsDir() || strings.HasSuffix(p, ".conf") || strings.HasSuffix(p, ".dump")) {
			keep = append(keep, p)
		}
	}
	sort.Strings(keep)
	return keep
}

// TestFixtures runs every rule on every fixture: each finding must be
// expected by a `# want` comment on its line (rule and message), and every
// expectation must be met. Fixtures under testdata/ok carry no wants: every
// rule must be silent on them.
func TestFixtures(t *testing.T) {
	for _, path := range fixtures(t) {
		t.Run(strings.TrimPrefix(path, "../testdata/"), func(t *testing.T) {
			cfgs, diags := lint(t, path)
			for _, cfg := range cfgs {
				for _, e := range cfg.Errors {
					// A missing include is what the unreadable-include
					// fixtures are about.
					if !e.Missing && !strings.Contains(path, "/rules/WS001/") {
						t.Errorf("parse error in fixture: %v", e)
					}
				}
			}
			wants := collectWants(cfgs)
			for _, d := range diags {
				matched := false
				for _, w := range wants {
					if w.file == d.Start.File && w.line == d.Start.Line && w.rule == d.Rule.ID && w.re.MatchString(d.Message) && (w.sev == "" || w.sev == d.Severity.String()) {
						w.met, matched = true, true
					}
				}
				if !matched {
					t.Errorf("unexpected %s %s at %s: %s", d.Severity, d.Rule.ID, d.Start, d.Message)
				}
			}
			for _, w := range wants {
				if !w.met {
					t.Errorf("%s:%d: no %s finding matching %q", w.file, w.line, w.rule, w.re)
				}
			}
		})
	}
}

// TestRegistry keeps the registry honest: ids unique, well formed and in
// order, names unique kebab-case, every doc field filled, and fixtures for
// every rule (at least one file expecting the rule).
func TestRegistry(t *testing.T) {
	idRe := regexp.MustCompile(`^WS\d{3}$`)
	nameRe := regexp.MustCompile(`^[a-z]+(-[a-z0-9]+)*$`)
	names := map[string]bool{}
	for i, r := range rules.All {
		if !idRe.MatchString(r.ID) {
			t.Errorf("bad id %q", r.ID)
		}
		if i > 0 && rules.All[i-1].ID >= r.ID {
			t.Errorf("%s is out of order", r.ID)
		}
		if !nameRe.MatchString(r.Name) || names[r.Name] {
			t.Errorf("%s: bad or duplicate name %q", r.ID, r.Name)
		}
		names[r.Name] = true
		if r.Severity == 0 || r.Check == nil {
			t.Errorf("%s: no severity or check", r.ID)
		}
		for field, v := range map[string]string{"Summary": r.Doc.Summary, "Why": r.Doc.Why, "Bad": r.Doc.Bad, "Good": r.Doc.Good, "Fix": r.Doc.Fix} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: Doc.%s is empty", r.ID, field)
			}
		}
		dir := filepath.Join("..", "testdata", "rules", r.ID)
		entries, err := os.ReadDir(dir)
		if err != nil || len(entries) < 2 {
			t.Errorf("%s: needs failing and clean fixtures in %s", r.ID, dir)
		}
	}
}

// TestDocExamples lints each rule's documentation: the rule fires on its
// bad example, and every rule is silent on its good example.
func TestDocExamples(t *testing.T) {
	for _, r := range rules.All {
		t.Run(r.ID, func(t *testing.T) {
			bad := run(t, r.Doc.Bad)
			fired := false
			for _, d := range bad {
				fired = fired || d.Rule == r
			}
			if !fired {
				t.Errorf("%s does not fire on its bad example; findings: %v", r.ID, describe(bad))
			}
			if good := run(t, r.Doc.Good); len(good) > 0 {
				t.Errorf("findings on %s's good example: %v", r.ID, describe(good))
			}
		})
	}
}

// WS000's examples, through the suppression pass: a note on the bad one
// (and the finding it fails to silence), nothing on the good one.
func TestDocExamplesWS000(t *testing.T) {
	check := func(src string) []rules.Diagnostic {
		t.Helper()
		cfg := parser.ParseBytes("example.conf", src, parser.Options{FS: parser.NewMemFS(nil)})
		for _, e := range cfg.Errors {
			t.Fatalf("example does not parse: %v", e)
		}
		ds := rules.Run(model.Build(cfg, model.Options{}), rules.All, rules.Options{})
		var shown []rules.Diagnostic
		for _, d := range rules.ApplySuppressions([]*parser.Config{cfg}, ds, rules.All) {
			if d.Suppressed == nil {
				shown = append(shown, d)
			}
		}
		return shown
	}
	bad := check(rules.WS000.Doc.Bad)
	if len(bad) != 2 || bad[0].Rule.ID != "WS006" || bad[1].Rule != rules.WS000 {
		t.Errorf("bad example: %v", describe(bad))
	}
	if good := check(rules.WS000.Doc.Good); len(good) > 0 {
		t.Errorf("findings on WS000's good example: %v", describe(good))
	}
}

func run(t *testing.T, src string) []rules.Diagnostic {
	t.Helper()
	cfg := parser.ParseBytes("example.conf", src, parser.Options{FS: parser.NewMemFS(nil)})
	for _, e := range cfg.Errors {
		t.Fatalf("example does not parse: %v", e)
	}
	return rules.Run(model.Build(cfg, model.Options{}), rules.All, rules.Options{})
}

func describe(ds []rules.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s %s: %s", d.Rule.ID, d.Start, d.Message))
	}
	return out
}
