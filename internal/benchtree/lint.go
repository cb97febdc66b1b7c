package benchtree

import (
	"fmt"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Counts describe a linted configuration, for per-unit costs.
type Counts struct {
	Lines, Servers, Locations, Findings int
}

// Lint runs the whole lint of the configuration whose main file is main, in
// process: parse with includes, model, every rule, suppressions. It returns
// the number of findings (WS000 notes included).
func Lint(main string) (int, error) {
	cfg, err := parser.ParseFile(main, parser.Options{})
	if err != nil {
		return 0, fmt.Errorf("lint %s: %w", main, err)
	}
	m := model.Build(cfg, model.Options{})
	ds := rules.Run(m, rules.All, rules.Options{})
	ds = rules.ApplySuppressions([]*parser.Config{cfg}, ds, rules.All)
	return len(ds), nil
}

// Count lints the configuration once and counts its lines, servers,
// locations and findings.
func Count(main string) (Counts, error) {
	cfg, err := parser.ParseFile(main, parser.Options{})
	if err != nil {
		return Counts{}, fmt.Errorf("count %s: %w", main, err)
	}
	var c Counts
	for _, f := range cfg.Files {
		for i := 0; i < len(f.Src); i++ {
			if f.Src[i] == '\n' {
				c.Lines++
			}
		}
	}
	m := model.Build(cfg, model.Options{})
	c.Servers = len(m.Servers)
	c.Locations = len(m.Locations())
	if c.Findings, err = Lint(main); err != nil {
		return Counts{}, err
	}
	return c, nil
}
