package lsp

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
)

// BenchmarkDiagnosticsAfterChange measures what a user waits for after
// typing, debounce aside: a didChange in, the buffer's diagnostics out,
// through the whole session (framing, context, lint, conversion):
//
//	go test ./lsp -run '^$' -bench DiagnosticsAfterChange -benchtime 20x
//
// ms/change is wall time, cpu-ms/change the process's CPU time (the
// measure that holds on a loaded machine). "50-line" is a site file linted
// alone; "2000-server" is a site file of
// the generated 200k-line tree (internal/confgen, 2,001 files), whose
// nginx.conf includes it, so each change lints the whole configuration.
func BenchmarkDiagnosticsAfterChange(b *testing.B) {
	b.Run("50-line", func(b *testing.B) {
		dir := b.TempDir()
		path := filepath.Join(dir, "site.conf")
		text := fiftyLines()
		if n := strings.Count(text, "\n"); n != 50 {
			b.Fatalf("%d lines", n)
		}
		benchChanges(b, dir, path, text, nil)
	})
	b.Run("2000-server", func(b *testing.B) {
		dir := b.TempDir()
		tr, err := confgen.Generate(dir, confgen.Sizes[2].Spec)
		if err != nil {
			b.Fatal(err)
		}
		servers := 0
		_ = filepath.Walk(filepath.Join(dir, "conf"), func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				b, _ := os.ReadFile(p)
				servers += strings.Count(string(b), "server {")
			}
			return nil
		})
		path := filepath.Join(dir, "conf", "conf.d", "site00001.conf")
		text, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		benchChanges(b, filepath.Join(dir, "conf"), path, string(text), map[string]float64{"servers": float64(servers), "lines": float64(tr.Lines)})
	})
}

// benchChanges opens path and times changes (a comment typed on the first
// line) until the diagnostics of each new version arrive.
func benchChanges(b *testing.B, root, path, text string, metrics map[string]float64) {
	c := startClient(b, Options{Debounce: -1})
	c.initialize(root, nil)
	uri := c.open(path, text)
	c.waitDiags(uri, func([]Diagnostic) bool { return true })
	version := 1
	b.ResetTimer()
	start, cpu := time.Now(), cpuTime()
	for b.Loop() {
		version++
		v := version
		c.change(uri, v, Position{}, Position{}, "#")
		for {
			if p, ok := c.latest[uri]; ok && p.Version != nil && *p.Version == v {
				break
			}
			c.next()
		}
	}
	b.StopTimer()
	n := float64(version - 1)
	b.ReportMetric(float64(time.Since(start).Microseconds())/n/1000, "ms/change")
	// CPU time includes the garbage collector's, on every core.
	b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/n/1000, "cpu-ms/change")
	for unit, v := range metrics {
		b.ReportMetric(v, unit)
	}
	c.shutdown()
}

// fiftyLines is a 50-line site file: a server with a WebSocket location and
// the usual others.
func fiftyLines() string {
	var sb strings.Builder
	sb.WriteString("# app.example.com\nserver {\n    listen 443 ssl;\n    server_name app.example.com;\n    ssl_certificate /etc/ssl/app.pem;\n    ssl_certificate_key /etc/ssl/app.key;\n\n")
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&sb, "    location /api/v%d/ {\n        proxy_pass http://127.0.0.1:80%02d;\n        proxy_set_header Host $host;\n        proxy_set_header X-Real-IP $remote_addr;\n        proxy_read_timeout 30s;\n    }\n\n", i, i)
	}
	sb.WriteString("    location /ws/ {\n        proxy_pass http://127.0.0.1:9000;\n        proxy_http_version 1.1;\n        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection \"upgrade\";\n        proxy_read_timeout 1h;\n    }\n}\n")
	return sb.String()
}
