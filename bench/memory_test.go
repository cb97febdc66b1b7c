package main

import (
	"context"
	"io"
	"runtime"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/report"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// BenchmarkLiveHeap reports the heap that stays reachable at each stage of
// a lint of the 200k-line tree, after a full collection: what a process's
// peak RSS is made of (the Go runtime lets the heap grow to about twice the
// live heap before it collects, GOGC=100):
//
//	go test ./bench -run '^$' -bench LiveHeap
func BenchmarkLiveHeap(b *testing.B) {
	tr, err := confgen.Generate(b.TempDir(), confgen.Sizes[len(confgen.Sizes)-1].Spec)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		base := liveHeap()
		cfg, err := parser.ParseFile(tr.Main, parser.Options{})
		if err != nil {
			b.Fatal(err)
		}
		tree := liveHeap() - base
		m := model.Build(cfg, model.Options{})
		withModel := liveHeap() - base
		runtime.KeepAlive(m)
		runtime.KeepAlive(cfg)

		res, err := lint.Run(context.Background(), []lint.Input{lint.File(tr.Main)}, lint.Options{})
		if err != nil {
			b.Fatal(err)
		}
		result := liveHeap() - base
		if err := report.SARIF(io.Discard, res, report.Options{}); err != nil {
			b.Fatal(err)
		}
		runtime.KeepAlive(res)
		b.ReportMetric(mb(tree), "tree-MB")
		b.ReportMetric(mb(withModel-tree), "model-MB")
		b.ReportMetric(mb(result), "result-MB")
	}
}

func liveHeap() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

func mb(n uint64) float64 { return float64(n) / 1e6 }
