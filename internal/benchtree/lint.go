package benchtree

import (
	"context"
	"fmt"
	"io"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/report"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Counts describe a linted configuration, for per-unit costs.
type Counts struct {
	Lines, Servers, Locations, Findings int
}

// Lint runs the whole lint of the configuration whose main file is main, in
// process, as the command line does: read with includes, model, every rule,
// suppressions (lint.Run), then the SARIF report, written to w (io.Discard
// to measure). It returns the number of findings.
func Lint(main string, w io.Writer) (int, error) {
	res, err := lint.Run(context.Background(), []lint.Input{lint.File(main)}, lint.Options{})
	if err != nil {
		return 0, fmt.Errorf("lint %s: %w", main, err)
	}
	if err := report.SARIF(w, res, report.Options{}); err != nil {
		return 0, fmt.Errorf("report %s: %w", main, err)
	}
	return len(res.Findings()), nil
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
	if c.Findings, err = Lint(main, io.Discard); err != nil {
		return Counts{}, err
	}
	return c, nil
}
