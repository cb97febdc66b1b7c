package parser

import (
	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
	"testing"
)

// BenchmarkParse reads generated trees (see gen_test.go) with ParseFile,
// includes followed, as the CLI does:
//
//	go test ./parser -run '^$' -bench BenchmarkParse -benchmem -count 3
//
// lines/op is the number of configuration lines read per operation; the
// B/s figure counts the bytes of all files read.
func BenchmarkParse(b *testing.B) {
	for _, size := range confgen.Sizes {
		b.Run(size.Name, func(b *testing.B) {
			tr, err := confgen.Generate(b.TempDir(), size.Spec)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(tr.Bytes))
			for b.Loop() {
				cfg, err := ParseFile(tr.Main, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(cfg.Errors) > 0 || len(cfg.Files) != tr.Files {
					b.Fatalf("%d files, errors %v", len(cfg.Files), cfg.Errors)
				}
			}
			b.ReportMetric(float64(tr.Lines), "lines/op")
		})
	}
}

// BenchmarkParseBytes is BenchmarkParse without the file system: one file
// already in memory, to separate the parser's cost from reading files.
func BenchmarkParseBytes(b *testing.B) {
	src := confgen.SingleFile(20000)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		cfg := ParseBytes("/bench/nginx.conf", src, Options{FS: NewMemFS(nil)})
		if len(cfg.Errors) > 0 {
			b.Fatal(cfg.Errors[0])
		}
	}
}
