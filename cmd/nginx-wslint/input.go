package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// result is everything a run found, for the output formats.
type result struct {
	configs  []*parser.Config
	errors   []problem
	findings []rules.Diagnostic
	seen     map[string]bool // errors already recorded
	// readErrors are files of the command line that could not be read.
	readErrors []problem
}

// lint runs the selected rules on every configuration read. A file read
// through two entry points reports its findings once.
func (r *result) lint(sel []*rules.Rule, mopts model.Options, ropts rules.Options) {
	for _, cfg := range r.configs {
		m := model.Build(cfg, mopts)
		for _, e := range m.ValueErrors() {
			r.addError(e)
		}
		r.findings = append(r.findings, rules.Run(m, sel, ropts)...)
	}
	sortProblems(r.errors)
	r.findings = rules.ApplySuppressions(r.configs, r.findings, sel)
	seen := map[string]bool{}
	out := r.findings[:0]
	for _, d := range r.findings {
		key := d.Rule.ID + d.Start.String() + d.Message
		if !seen[key] {
			seen[key] = true
			out = append(out, d)
		}
	}
	r.findings = out
}

// problem is a configuration error or a file the linter could not read.
type problem struct {
	parser.Position
	Severity string // "error": nginx rejects the configuration; "warning": an include target is missing and linting went on
	Message  string
}

// applySeverities sets the severity the configuration file gives a rule.
func (r *result) applySeverities(sev map[*rules.Rule]rules.Severity) {
	for i := range r.findings {
		if s, ok := sev[r.findings[i].Rule]; ok {
			r.findings[i].Severity = s
		}
	}
}

// files returns the paths of every file the configurations read, longest
// first, so that a path is rewritten before any path it contains.
func (r *result) files() []string {
	seen := map[string]bool{}
	var out []string
	for _, cfg := range r.configs {
		for _, f := range cfg.Files {
			if !seen[f.Path] {
				seen[f.Path] = true
				out = append(out, f.Path)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// source returns the text of a file the configurations read.
func (r *result) source(path string) (string, bool) {
	for _, cfg := range r.configs {
		for _, f := range cfg.Files {
			if f.Path == path {
				return f.Src, true
			}
		}
	}
	return "", false
}

// exitCode is 2 when nginx would reject the configuration or input could not
// be read, else 1 when findings reach failOn, else 0.
func (r *result) exitCode(failOn string) int {
	for _, p := range r.errors {
		if p.Severity == "error" {
			return exitError
		}
	}
	for _, d := range r.findings {
		if d.Suppressed == nil && severityRank[d.Severity.String()] >= severityRank[failOn] {
			return exitFindings
		}
	}
	// A missing include is a warning: nginx would refuse it, and what it
	// hides is not checked, so it counts like a finding of its severity.
	for _, p := range r.errors {
		if severityRank[p.Severity] >= severityRank[failOn] {
			return exitFindings
		}
	}
	return exitOK
}

// load reads every input the command line names.
func load(o inputOptions, stdin io.Reader) (*result, error) {
	popts := parser.Options{Prefix: o.prefix, Root: o.root}
	if o.context != "" {
		popts.Context, _ = parser.ParseContext(o.context)
	}
	res := &result{}
	paths := o.paths
	if len(paths) == 0 {
		if !isPiped(stdin) {
			return nil, errors.New("no input: give a PATH, or pipe a configuration or an \"nginx -T\" dump into standard input (see --help)")
		}
		paths = []string{"-"}
	}
	var files []string
	for _, p := range paths {
		if p == "-" {
			if err := res.addStdin(stdin, o.stdinFilename, popts); err != nil {
				return nil, err
			}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, unwrapPath(err))
		}
		if st.IsDir() {
			found, err := parser.FindConfigFiles(p)
			if err != nil {
				return nil, fmt.Errorf("walking %s: %w", p, err)
			}
			if len(found) == 0 {
				return nil, fmt.Errorf("%s: no *.conf or nginx.conf files in this directory", p)
			}
			files = append(files, found...)
			continue
		}
		files = append(files, p)
	}
	if len(files) > 0 {
		cfgs, errs := parser.ParseEntries(files, popts)
		// A file that cannot be read (a dangling symlink in a walked
		// directory) is reported; the others are still linted.
		for _, err := range errs {
			var pe *os.PathError
			name := ""
			if errors.As(err, &pe) {
				name = pe.Path
				err = pe.Err
			}
			res.readErrors = append(res.readErrors, problem{Position: parser.Position{File: name, Pos: parser.Pos{Line: 1, Column: 1}}, Severity: "error", Message: "cannot read the file: " + errnoMessage(err)})
		}
		res.configs = append(res.configs, cfgs...)
	}
	res.collectErrors()
	res.errors = append(res.errors, res.readErrors...)
	sortProblems(res.errors)
	return res, nil
}

func (r *result) addStdin(stdin io.Reader, name string, popts parser.Options) error {
	b, err := io.ReadAll(stdin)
	if err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	src := string(b)
	if strings.TrimSpace(src) == "" {
		// nginx -T prints nothing when nginx refuses the configuration: a
		// pre-reload pipe must not pass on an empty dump.
		return errors.New(`standard input is empty, nothing to lint (nginx -T prints nothing when nginx itself refuses the configuration: run "nginx -t" to see why)`)
	}
	if e := parser.NginxMessages(src); e != nil {
		return e // nginx -T refused the configuration: its reason, not a parse of it
	}
	if parser.IsDump(src) {
		cfg, _, err := parser.ParseDump(src, popts)
		if err != nil {
			return fmt.Errorf("standard input: %w", err)
		}
		r.configs = append(r.configs, cfg)
		return nil
	}
	if popts.Prefix == "" {
		popts.Prefix = path.Dir(name)
	}
	r.configs = append(r.configs, parser.ParseBytes(name, src, popts))
	return nil
}

// collectErrors gathers the configurations' errors once each: a file read
// through two entry points reports its problems once.
func (r *result) collectErrors() {
	for _, cfg := range r.configs {
		for _, e := range cfg.Errors {
			r.addError(e)
		}
	}
	sortProblems(r.errors)
}

// addError records a configuration error once, however many entry points
// read its file.
func (r *result) addError(e *parser.Error) {
	msg := e.Msg
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	sev := "error"
	if e.Missing {
		sev = "warning"
	}
	key := e.String() + msg
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.errors = append(r.errors, problem{Position: e.Position, Severity: sev, Message: msg})
}

// isPiped reports whether standard input is a pipe or a file rather than a
// terminal (or nothing), so that "nginx-wslint" alone in a pipe reads it.
func isPiped(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return r != nil
	}
	st, err := f.Stat()
	if err != nil {
		return false
	}
	return st.Mode()&os.ModeCharDevice == 0 && (st.Mode()&os.ModeNamedPipe != 0 || st.Mode().IsRegular())
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// errnoMessage is an error's text without Go's path prefix.
func errnoMessage(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return err.Error()
}
