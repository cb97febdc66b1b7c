package parser

import (
	"os"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
)

func TestGenTree(t *testing.T) {
	for _, size := range confgen.Sizes {
		if size.Spec.Sites > 200 {
			continue // 2,000 files: left to BenchmarkParse, which checks them too
		}
		t.Run(size.Name, func(t *testing.T) {
			tr, err := confgen.Generate(t.TempDir(), size.Spec)
			if err != nil {
				t.Fatal(err)
			}
			cfg := parseFile(t, tr.Main)
			if len(cfg.Errors) > 0 {
				t.Fatalf("generated tree has errors: %v", cfg.Errors[0])
			}
			if len(cfg.Files) != tr.Files {
				t.Errorf("%d files read, %d generated", len(cfg.Files), tr.Files)
			}
			t.Logf("%s: %d files, %d lines, %d bytes", size.Name, tr.Files, tr.Lines, tr.Bytes)
		})
	}
}

// TestGenTreeNginx checks that nginx accepts a generated tree, so that the
// benchmarks time configurations nginx would run.
func TestGenTreeNginx(t *testing.T) {
	p := nginxtest.NewPrefix(t)
	spec := confgen.Sizes[1].Spec // 20k lines, 201 files
	spec.Preamble = p.Preamble(t)
	tr, err := confgen.Generate(p.Dir, spec)
	if err != nil {
		t.Fatal(err)
	}
	res := p.TestFile(t, tr.Main)
	if !res.OK {
		t.Fatalf("nginx -t rejects the generated tree:\n%s", res.Output)
	}
	for _, m := range res.Messages {
		t.Errorf("nginx -t: %v", m)
	}
}

// TestWriteBenchTree writes the 200k-line tree to the directory in
// $NGINX_WSLINT_BENCH_TREE, for measuring the CLI and nginx -t on it:
//
//	NGINX_WSLINT_BENCH_TREE=/tmp/tree go test ./parser -run TestWriteBenchTree
//	nginx -p /tmp/tree/ -c conf/nginx.conf -e /tmp/tree/logs/error.log \
//	    -g "pid /tmp/tree/logs/nginx.pid; lock_file /tmp/tree/logs/nginx.lock;" -t
//
// NGINX_WSLINT_BENCH_SIZE picks another size (500, 20k).
func TestWriteBenchTree(t *testing.T) {
	dir := os.Getenv("NGINX_WSLINT_BENCH_TREE")
	if dir == "" {
		t.Skip("set NGINX_WSLINT_BENCH_TREE=DIR to write the benchmark tree there")
	}
	want := os.Getenv("NGINX_WSLINT_BENCH_SIZE")
	if want == "" {
		want = "200k"
	}
	for _, size := range confgen.Sizes {
		if size.Name != want {
			continue
		}
		tr, err := confgen.Generate(dir, size.Spec)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d files, %d lines, %d bytes in %s", size.Name, tr.Files, tr.Lines, tr.Bytes, tr.Main)
		return
	}
	t.Fatalf("no size %q", want)
}
