package rules_test

import (
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/benchtree"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// BenchmarkRules200k runs every rule on the model of the ~200k-line
// configuration (the model is built once, as in a run).
func BenchmarkRules200k(b *testing.B) {
	m := model.Build(benchtree.Config200k(b), model.Options{})
	b.ReportAllocs()
	for b.Loop() {
		rules.Run(m, rules.All, rules.Options{})
	}
}

// BenchmarkEachRule200k runs one rule at a time, to show which costs what.
func BenchmarkEachRule200k(b *testing.B) {
	m := model.Build(benchtree.Config200k(b), model.Options{})
	for _, r := range rules.All {
		b.Run(r.ID, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				rules.Run(m, []*rules.Rule{r}, rules.Options{})
			}
		})
	}
}

// The whole lint (parse, model, rules, suppressions, report) is
// BenchmarkLint in bench/: go test ./bench -run '^$' -bench Lint/200k/all
