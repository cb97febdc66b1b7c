package rules_test

import (
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/benchtree"
	"github.com/nginx-wslint/nginx-wslint/parser"
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

// BenchmarkLint200k is a whole run without output: parse, model, rules,
// suppressions.
func BenchmarkLint200k(b *testing.B) {
	cfg := benchtree.Config200k(b)
	main := cfg.Main.Path
	b.ReportAllocs()
	for b.Loop() {
		c, err := parser.ParseFile(main, parser.Options{})
		if err != nil {
			b.Fatal(err)
		}
		m := model.Build(c, model.Options{})
		ds := rules.Run(m, rules.All, rules.Options{})
		rules.ApplySuppressions([]*parser.Config{c}, ds, rules.All)
	}
}
