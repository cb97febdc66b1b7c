package lsp

import (
	"context"
	"errors"

	"github.com/nginx-wslint/nginx-wslint/lint"
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

// Problem is a configuration error (what nginx would refuse, or, as a
// warning, an include target that could not be read) or an internal error
// of the linter on this input.
type Problem struct {
	parser.Position
	Severity rules.Severity
	Message  string
}

// Result is what linting one configuration found.
type Result struct {
	Config *parser.Config
	// Model is the semantic model hover and go to definition ask; nil
	// until built from Config with ModelOptions.
	Model        *model.Model
	ModelOptions model.Options
	// Findings are sorted, with suppressed ones marked.
	Findings []rules.Diagnostic
	Problems []Problem
}

// model returns the result's model, built on first use.
func (r *Result) model() *model.Model {
	if r.Model == nil {
		r.Model = model.Build(r.Config, r.ModelOptions)
	}
	return r.Model
}

// Linter lints a configuration for the editor.
type Linter interface {
	Lint(ctx context.Context, in Input) (*Result, error)
}

// RuleLinter lints with the engine (lint.Run), as the command line does,
// with the command line's settings; Prefix, Root, Context and FS come from
// each Input.
type RuleLinter struct {
	Options lint.Options
	// Fix, when set, is called after the engine (which fills the findings'
	// Edits with lint/fix) with the configuration's model: a hook for other
	// fixers. The Edits become the code actions' edits.
	Fix func(m *model.Model, findings []rules.Diagnostic)
}

// Lint implements Linter.
func (l *RuleLinter) Lint(ctx context.Context, in Input) (*Result, error) {
	o := l.Options
	o.Prefix, o.Root, o.Context, o.FS = in.Parse.Prefix, in.Parse.Root, in.Parse.Context, in.Parse.FS
	res, err := lint.Run(ctx, []lint.Input{lint.Buffer(in.Name, in.Src)}, o)
	if err != nil {
		return nil, err
	}
	if len(res.Configs) != 1 {
		return nil, errors.New("the engine read no configuration from the buffer")
	}
	out := &Result{Config: res.Configs[0], ModelOptions: o.Model}
	for _, d := range res.Diagnostics {
		if d.Kind == lint.Finding {
			out.Findings = append(out.Findings, d.Diagnostic)
			continue
		}
		msg := d.Message
		if d.Kind == lint.InternalError {
			msg = "internal error of nginx-wslint (please report it): " + msg
		}
		out.Problems = append(out.Problems, Problem{Position: d.Start, Severity: d.Severity, Message: msg})
	}
	if l.Fix != nil && len(out.Findings) > 0 {
		l.Fix(out.model(), out.Findings)
	}
	return out, nil
}
