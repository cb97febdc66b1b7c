package fix_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/parser"
)

var httpBlockRE = regexp.MustCompile(`(?m)^http\s*\{`)

// nginxAccepts runs `nginx -t` on the configuration tree dir, whose entry
// file is main (read in context ctx), in a temporary prefix: the files are
// copied under conf/, the entry gets nginxtest's preamble and http
// settings; a fragment is included from a stub nginx.conf (with extra in
// its http block: what the fix asks the operator to add there).
func nginxAccepts(t *testing.T, dir, main string, ctx parser.Ctx, extra string) nginxtest.Result {
	t.Helper()
	p := nginxtest.NewPrefix(t)
	base := dir
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		base = filepath.Dir(dir)
	}
	rel, err := filepath.Rel(base, main)
	if err != nil {
		t.Fatal(err)
	}
	rel = filepath.ToSlash(rel)
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(base, path)
		p.WriteFile("conf/"+filepath.ToSlash(r), string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	switch ctx {
	case parser.CtxMain:
		text := string(src)
		if !httpBlockRE.MatchString(text) {
			t.Fatalf("%s: no line starting with \"http {\"", main)
		}
		text = httpBlockRE.ReplaceAllLiteralString(text, "http {\n"+p.HTTPSettings())
		return p.TestFile(t, p.WriteFile("conf/"+rel, p.Preamble(t)+text))
	case parser.CtxHTTP:
		return p.Test(t, p.MainConf(extra+"include "+rel+";\n"))
	case parser.CtxServer:
		return p.Test(t, p.MainConf(extra+"server {\ninclude "+rel+";\n}\n"))
	default:
		return p.Test(t, p.MainConf(extra+"server {\nlisten 127.0.0.1:8081;\nlocation / {\ninclude "+rel+";\n}\n}\n"))
	}
}

// TestFixedFixturesNginxAccepts: nginx -t accepts every fixed fixture.
// A fixture nginx refuses before the fix for a reason no fix is about (an
// include file the fixture leaves out on purpose) must be refused after it
// for the same reason only.
func TestFixedFixturesNginxAccepts(t *testing.T) {
	nginxtest.Binary(t)
	for _, path := range fixtures(t) {
		name := strings.TrimPrefix(path, "../../testdata/rules/")
		t.Run(name, func(t *testing.T) {
			orig := copyTree(t, path, t.TempDir())
			dir := copyTree(t, path, t.TempDir())
			r := lintFix(t, dir)
			r.write(t)
			// A snippet is included from a stub nginx.conf whose http block
			// has the map, as the operator's nginx.conf would.
			extra := "map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n"
			for _, cfg := range r.cfgs {
				res := nginxAccepts(t, dir, cfg.Main.Path, cfg.Main.Ctx, extra)
				if res.OK {
					continue
				}
				origMain := filepath.Join(orig, strings.TrimPrefix(cfg.Main.Path, dir))
				before := nginxAccepts(t, orig, origMain, cfg.Main.Ctx, extra)
				if !before.OK && len(before.Messages) > 0 && len(res.Messages) > 0 && sameError(before.Messages[0].Text, res.Messages[0].Text) && !fixable(before.Messages[0].Text) {
					t.Logf("nginx -t refuses it before the fix too, for a reason no fix is about: %s", res.Messages[0].Text)
					continue
				}
				t.Errorf("nginx -t refuses the fixed %s:\n%s", cfg.Main.Path, res.Output)
				for _, f := range sortedKeys(r.fixed) {
					t.Logf("%s", r.fixed[f])
				}
			}
		})
	}
}

// sameError compares nginx messages without the prefix directories.
func sameError(a, b string) bool {
	strip := regexp.MustCompile(`/tmp/\S*?/conf/`)
	return strip.ReplaceAllString(a, "") == strip.ReplaceAllString(b, "")
}

// fixable reports whether an nginx error is one the fixes repair.
func fixable(msg string) bool {
	return strings.Contains(msg, "connection_upgrade") || strings.Contains(msg, `"map" directive is not allowed here`)
}
