// Package benchtree gives benchmarks the parsed ~200k-line configuration
// of internal/confgen, generated and parsed once per test binary.
package benchtree

import (
	"os"
	"sync"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/confgen"
	"github.com/nginx-wslint/nginx-wslint/parser"
)

var (
	once sync.Once
	cfg  *parser.Config
	err  error
)

// Config200k returns the parsed ~200k-line, 2,001-file configuration.
func Config200k(tb testing.TB) *parser.Config {
	tb.Helper()
	once.Do(func() {
		var dir string
		if dir, err = os.MkdirTemp("", "nginx-wslint-bench"); err != nil {
			return
		}
		// The parsed configuration holds every file's text: the tree on
		// disk is not needed after the parse (ParseFile benchmarks use
		// their own b.TempDir trees, see bench/).
		defer os.RemoveAll(dir)
		var tr *confgen.Tree
		if tr, err = confgen.Generate(dir, confgen.Sizes[2].Spec); err != nil {
			return
		}
		cfg, err = parser.ParseFile(tr.Main, parser.Options{})
	})
	if err != nil {
		tb.Fatal(err)
	}
	return cfg
}
