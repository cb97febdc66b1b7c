package main

import (
	"context"
	"io"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/benchtree"
	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/report"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// BenchmarkLint runs the whole lint in process (lint.Run: parse with
// includes, model, every rule, suppressions; then the SARIF report) on each
// generated tree, and each stage alone:
//
//	go test ./bench -run '^$' -bench Lint -benchmem
//	go test ./bench -run '^$' -bench 'Lint/200k/rules' -cpuprofile cpu.out
func BenchmarkLint(b *testing.B) {
	for _, size := range confgen.Sizes {
		tr, err := confgen.Generate(b.TempDir(), size.Spec)
		if err != nil {
			b.Fatal(err)
		}
		c, err := benchtree.Count(tr.Main)
		if err != nil {
			b.Fatal(err)
		}
		counts := func(b *testing.B) {
			b.ReportMetric(float64(c.Lines), "lines/op")
			b.ReportMetric(float64(c.Findings), "findings/op")
		}
		b.Run(size.Name+"/all", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := benchtree.Lint(tr.Main, io.Discard); err != nil {
					b.Fatal(err)
				}
			}
			counts(b)
		})
		b.Run(size.Name+"/parse", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parser.ParseFile(tr.Main, parser.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		cfg, err := parser.ParseFile(tr.Main, parser.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(size.Name+"/model", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				model.Build(cfg, model.Options{})
			}
		})
		m := model.Build(cfg, model.Options{})
		b.Run(size.Name+"/rules", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rules.Run(m, rules.All, rules.Options{})
			}
		})
		res, err := lint.Run(context.Background(), []lint.Input{lint.File(tr.Main)}, lint.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, format := range report.Formats {
			b.Run(size.Name+"/report-"+format, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := report.Write(io.Discard, format, res, report.Options{}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		ds := rules.Run(m, rules.All, rules.Options{})
		b.Run(size.Name+"/suppress", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rules.ApplySuppressions([]*parser.Config{cfg}, append([]rules.Diagnostic(nil), ds...), rules.All)
			}
		})
	}
}
