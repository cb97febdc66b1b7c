package rules_test

import (
	"os"
	"sync"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

var (
	bigOnce sync.Once
	bigCfg  *parser.Config
	bigErr  error
)

func bigConfig(b *testing.B) *parser.Config {
	bigOnce.Do(func() {
		dir, err := os.MkdirTemp("", "nginx-wslint-bench")
		if err != nil {
			bigErr = err
			return
		}
		tr, err := confgen.Generate(dir, confgen.Sizes[2].Spec)
		if err != nil {
			bigErr = err
			return
		}
		bigCfg, bigErr = parser.ParseFile(tr.Main, parser.Options{})
	})
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	return bigCfg
}

// BenchmarkRules200k runs every rule on the model of the ~200k-line
// configuration (the model is built once, as in a run).
func BenchmarkRules200k(b *testing.B) {
	m := model.Build(bigConfig(b), model.Options{})
	b.ReportAllocs()
	for b.Loop() {
		rules.Run(m, rules.All, rules.Options{})
	}
}

// BenchmarkEachRule200k runs one rule at a time, to show which costs what.
func BenchmarkEachRule200k(b *testing.B) {
	m := model.Build(bigConfig(b), model.Options{})
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
	cfg := bigConfig(b)
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
