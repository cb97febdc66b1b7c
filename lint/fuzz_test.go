package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// FuzzLint lints any text, as every kind of fragment, with every rule: the
// engine turns a panic into an internal error, so the fuzzer fails on
// internal errors, which are bugs. Seeds: the rules' fixtures.
func FuzzLint(f *testing.F) {
	for _, pat := range []string{"../testdata/rules/*/*.conf", "../testdata/examples/*/*.conf", "../testdata/examples/*/*/*.conf"} {
		files, _ := filepath.Glob(pat)
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(string(src), uint8(0))
		}
	}
	f.Add("proxy_pass http://127.0.0.1:9000;\nproxy_set_header Upgrade $http_upgrade;\n", uint8(3))
	f.Add("location /ws/ { proxy_pass http://b; }\n", uint8(2))
	f.Fuzz(func(t *testing.T, src string, kind uint8) {
		ctx := []parser.Ctx{0, parser.CtxHTTP, parser.CtxServer, parser.CtxLocation}[kind%4]
		res, err := lint.Run(context.Background(), []lint.Input{lint.Buffer("fuzz/app.conf", src)},
			lint.Options{Context: ctx, Rules: rules.All, Prefix: t.TempDir()})
		if err != nil {
			if parser.IsDump(src) {
				return // a malformed dump is an error of the run
			}
			t.Fatalf("error: %v", err)
		}
		for _, d := range res.Diagnostics {
			if d.Kind == lint.InternalError {
				t.Errorf("%s: %s", d.Start, d.Message)
			}
			if d.Kind == lint.Finding && (d.Rule == nil || d.Start.Line < 1 || d.Start.File == "") {
				t.Errorf("finding without a rule or a place: %+v", d.Diagnostic)
			}
		}
	})
}
