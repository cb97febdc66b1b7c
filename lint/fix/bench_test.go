package fix_test

import (
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/benchtree"
	"github.com/nginx-wslint/nginx-wslint/lint/fix"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// BenchmarkFill200k fills the edits of every finding of the ~200k-line
// configuration; compare with rules' BenchmarkRules200k in the same run.
func BenchmarkFill200k(b *testing.B) {
	m := model.Build(benchtree.Config200k(b), model.Options{})
	ds := rules.Run(m, rules.All, rules.Options{})
	b.ReportMetric(float64(len(ds)), "findings")
	b.ReportAllocs()
	for b.Loop() {
		fix.Fill(m, ds, fix.Options{})
	}
}
