package lint_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint"
)

// One http block that includes the same server file thousands of times (a
// generated vhost list, or the attack of issue 13): each include is one
// more server, so ten times the includes cost about ten times the lint.
// Every location used to look for unreadable includes among all the
// includes of its http block, which made 19,000 includes take 3.9 s instead
// of 0.66 s. Measured with testing.Benchmark as a ratio in one run; a
// quadratic step is 10x per include, the threshold 3x.
func TestManyIncludesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 19,000 servers several times")
	}
	dir := t.TempDir()
	srv := "server {\n listen 80;\n server_name a.example;\n location /ws {\n  proxy_pass http://127.0.0.1:9000;\n  proxy_set_header Upgrade $http_upgrade;\n }\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "srv.inc"), []byte(srv), 0o644); err != nil {
		t.Fatal(err)
	}
	perInclude := func(n int) float64 {
		main := filepath.Join(dir, fmt.Sprintf("n%d.conf", n))
		src := "events {}\nhttp {\n" + strings.Repeat(" include srv.inc;\n", n) + "}\n"
		if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		best := 0.0
		for range 3 {
			r := testing.Benchmark(func(b *testing.B) {
				for b.Loop() {
					res, err := lint.Run(context.Background(), []lint.Input{lint.File(main)}, lint.Options{})
					if err != nil || len(res.Diagnostics) == 0 {
						b.Fatalf("%d includes: %v, %d diagnostics", n, err, len(res.Diagnostics))
					}
				}
			})
			if per := float64(r.NsPerOp()) / float64(n); best == 0 || per < best {
				best = per
			}
		}
		return best
	}
	small, large := perInclude(1900), perInclude(19000)
	t.Logf("lint time per included server: %.0f ns with 1,900 includes, %.0f ns with 19,000 (%.1fx)", small, large, large/small)
	if large > 3*small {
		t.Errorf("lint time per included server: %.0f ns with 1,900 includes, %.0f ns with 19,000 (%.1fx, at most 3x)", small, large, large/small)
	}
}
