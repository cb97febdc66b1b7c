package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// Paths are shown after --path-map, relative to the working directory when
// under it, and the paths messages quote the same way; the findings keep
// their own.
func TestPathsInMessages(t *testing.T) {
	wd := getwd(t)
	pd, err := NewPaths([]string{"/etc/nginx=deploy/nginx"})
	if err != nil {
		t.Fatal(err)
	}
	files := []string{"/etc/nginx/nginx.conf", "/etc/nginx/conf.d/a.conf", filepath.Join(wd, "x.conf"), "rel.conf", "/etc/nginx/conf.d/a.conf.bak"}
	mp := newMessagePaths(pd, files)
	for msg, want := range map[string]string{
		"set at /etc/nginx/conf.d/a.conf:7:9, not inherited":      "set at deploy/nginx/conf.d/a.conf:7:9, not inherited",
		"set at /etc/nginx/conf.d/a.conf.bak:1:1":                 "set at deploy/nginx/conf.d/a.conf.bak:1:1",
		"a " + filepath.Join(wd, "x.conf") + ":1:2 b rel.conf:3":  "a x.conf:1:2 b rel.conf:3",
		"/etc/nginx/nginx.conf is included here":                  "/etc/nginx/nginx.conf is included here",
		"no paths: here":                                          "no paths: here",
		"/etc/nginx/nginx.conf:1:1 and /etc/nginx/nginx.conf:2:2": "deploy/nginx/nginx.conf:1:1 and deploy/nginx/nginx.conf:2:2",
	} {
		if got := mp.message(msg); got != want {
			t.Errorf("message(%q) = %q, want %q", msg, got, want)
		}
	}
	if got := pd.Show("/etc/nginx/nginx.conf"); got != "deploy/nginx/nginx.conf" {
		t.Errorf("Show = %q", got)
	}
	var nilPaths *Paths
	if got := newMessagePaths(nilPaths, files).message("at /etc/nginx/nginx.conf:1:1"); got != "at /etc/nginx/nginx.conf:1:1" {
		t.Errorf("nil Paths rewrote %q", got)
	}
}

// manyFindings is a result with n files under the working directory and one
// finding in each that quotes another file's path, as WS002 quotes where a
// header was set.
func manyFindings(tb testing.TB, n int) *lint.Result {
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	cfg := &parser.Config{}
	res := &lint.Result{Configs: []*parser.Config{cfg}}
	path := func(i int) string { return filepath.Join(wd, "gen", fmt.Sprintf("site%05d.conf", i)) }
	for i := 0; i < n; i++ {
		cfg.Files = append(cfg.Files, &parser.File{Path: path(i), Src: "location /ws/ {\n    proxy_pass http://b;\n}\n"})
		pos := parser.Position{File: path(i), Pos: parser.Pos{Line: 1, Column: 1}}
		res.Diagnostics = append(res.Diagnostics, lint.Diagnostic{Kind: lint.Finding, Diagnostic: rules.Diagnostic{
			Rule: rules.WS002, Severity: rules.Error, Start: pos, End: pos, Fix: "add it",
			Message: fmt.Sprintf("the Upgrade header set at %s:2:5 is not inherited", path((i+1)%n)),
		}})
	}
	return res
}

func benchmarkText(b *testing.B, n int) {
	res := manyFindings(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pd, err := NewPaths(nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := Text(io.Discard, res, Options{Paths: pd}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/finding")
}

// BenchmarkTextManyFiles writes one finding per file, each quoting another
// file's path, for growing trees: the time per finding stays flat.
func BenchmarkTextManyFiles(b *testing.B) {
	for _, n := range []int{500, 2000, 8000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) { benchmarkText(b, n) })
	}
}

// Path display is linear: the time per finding with 16 times the files and
// findings is within 3x (it was 16x when every finding scanned every
// file). Measured with testing.Benchmark, as a ratio in one run.
func TestPathDisplayLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("benchmark")
	}
	perFinding := func(n int) float64 {
		r := testing.Benchmark(func(b *testing.B) { benchmarkText(b, n) })
		return float64(r.T.Nanoseconds()) / float64(r.N) / float64(n)
	}
	small, large := perFinding(250), perFinding(4000)
	t.Logf("%.0f ns per finding with 250 files, %.0f with 4000", small, large)
	if large > 3*small {
		t.Errorf("per finding: %.0f ns with 4000 files, %.0f with 250: not linear", large, small)
	}
}
