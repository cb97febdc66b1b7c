package lsp

import (
	"context"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Input is one configuration to lint: a main file whose text is given (an
// editor buffer, or the file as read), with its includes read through
// Parse.FS, which shows the open buffers in place of the files on disk.
type Input struct {
	Name  string
	Src   string
	Parse parser.Options
}

// Result is what linting one configuration found.
type Result struct {
	Config *parser.Config
	// Model is the semantic model the rules asked; hover and go to
	// definition ask it too.
	Model *model.Model
	// Findings are sorted, with suppressed ones marked.
	Findings []rules.Diagnostic
	// Errors are the configuration errors: what nginx would refuse
	// (Missing ones are include targets that could not be read).
	Errors []*parser.Error
}

// Linter lints a configuration for the editor.
type Linter interface {
	Lint(ctx context.Context, in Input) (*Result, error)
}

// RuleLinter runs the rules of the rules package, as the command line does.
type RuleLinter struct {
	Rules []*rules.Rule // nil: rules.All
	Model model.Options
	Opts  rules.Options
	// Severity overrides rules' default severities.
	Severity map[*rules.Rule]rules.Severity
}

// Lint implements Linter.
func (l *RuleLinter) Lint(ctx context.Context, in Input) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sel := l.Rules
	if sel == nil {
		sel = rules.All
	}
	cfg := parser.ParseBytes(in.Name, in.Src, in.Parse)
	m := model.Build(cfg, l.Model)
	res := &Result{Config: cfg, Model: m}
	res.Errors = append(res.Errors, cfg.Errors...)
	res.Errors = append(res.Errors, m.ValueErrors()...)
	findings := rules.Run(m, sel, l.Opts)
	findings = rules.ApplySuppressions([]*parser.Config{cfg}, findings, sel)
	for i := range findings {
		if s, ok := l.Severity[findings[i].Rule]; ok {
			findings[i].Severity = s
		}
	}
	res.Findings = findings
	return res, nil
}
