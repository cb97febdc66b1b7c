// Package lint is nginx-wslint's engine: it reads configurations (files,
// directories, an editor's unsaved buffer, an nginx -T dump), builds the
// semantic model, runs the rules, applies suppression comments and per-rule
// severities, and returns every diagnostic in one sorted, deduplicated list.
//
// The command line, the language server and tests call it; it knows no
// flags, output formats or exit codes (package report writes a Result).
package lint

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path"
	"sort"

	"github.com/nginx-wslint/nginx-wslint/lint/fix"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Severity is how serious a diagnostic is: rules.Note, rules.Warning or
// rules.Error.
type Severity = rules.Severity

// Kind says what a diagnostic is about.
type Kind uint8

// Kinds of diagnostics. A configuration error sorts before a finding at the
// same place.
const (
	// ConfigError is a problem nginx itself reports: an error (nginx
	// rejects the configuration) or, as a warning, an include whose file
	// is missing (linting went on without it).
	ConfigError Kind = iota
	// ReadError is an input that could not be read (a dangling symlink in
	// a linted directory); the other inputs are still linted.
	ReadError
	// InternalError is a rule or the model that failed on this input: a
	// bug in nginx-wslint, not in the configuration.
	InternalError
	// Finding is a rule's finding, WS000's notes about suppression comments
	// included.
	Finding
)

// Diagnostic is one thing to report: a finding, a configuration error, an
// unreadable input or an internal error. Rule is set for findings (and for
// an internal error, the rule that failed) and nil otherwise; a
// configuration error's End is its Start.
type Diagnostic struct {
	rules.Diagnostic
	Kind Kind
}

// RuleID is the diagnostic's rule id, or "" when no rule reported it.
func (d *Diagnostic) RuleID() string {
	if d.Rule == nil {
		return ""
	}
	return d.Rule.ID
}

// Input is one thing to lint: a file or directory on disk, or a buffer of
// text with a name (standard input, an editor's unsaved file), which may be
// an nginx -T dump.
type Input struct {
	// Path is the file or directory to read; for a buffer, its name: the
	// path findings point at, and (unless Options.Prefix is set) where its
	// conf prefix is looked for (see Options.Prefix).
	Path string
	// Text is the buffer's contents when IsBuffer is set.
	Text     string
	IsBuffer bool
}

// File is an input read from disk: a configuration file or a directory of
// them.
func File(path string) Input { return Input{Path: path} }

// Buffer is text that stands for the file name: an editor's unsaved buffer
// resolved in its on-disk context, or standard input. An nginx -T dump is
// recognised and read as one configuration.
func Buffer(name, text string) Input { return Input{Path: name, Text: text, IsBuffer: true} }

// Options say how to read and lint.
type Options struct {
	// Prefix is nginx's conf prefix, the directory relative include paths
	// resolve against (default: for each file, the nearest directory from
	// its own upwards that holds nginx.conf, as nginx sees a site file
	// under /etc/nginx; else the file's own directory).
	Prefix string
	// Root holds a copy of the server's files: absolute include paths are
	// read from it.
	Root string
	// Context is the block a fragment file sits in (default: inferred).
	Context parser.Ctx
	// FS reads the files, nil for the disk (with Root); the language server
	// shows its unsaved buffers through it.
	FS parser.FS
	// Rules are the rules to run; nil runs every rule (rules.All), an empty
	// non-nil slice none.
	Rules []*rules.Rule
	// Model are the model's settings (the nginx version).
	Model model.Options
	// Check are the rules' settings.
	Check rules.Options
	// Severity overrides the default severity of rules.
	Severity map[*rules.Rule]Severity
	// Limits bound what hostile input can cost (zero fields: defaults).
	Limits parser.Limits
}

func (o *Options) parserOptions() parser.Options {
	return parser.Options{Prefix: o.Prefix, Root: o.Root, Context: o.Context, Limits: o.Limits, FS: o.FS}
}

// tree is the linted tree (parser.Options.Tree): what the inputs name, the
// prefix and the root. Nothing of a file outside it is shown.
func tree(inputs []Input, opts Options) []string {
	var out []string
	for _, p := range []string{opts.Root, opts.Prefix} {
		if p != "" {
			out = append(out, p)
		}
	}
	for _, in := range inputs {
		if st, err := os.Stat(in.Path); err == nil && st.IsDir() && !in.IsBuffer {
			out = append(out, in.Path)
		} else {
			out = append(out, path.Dir(in.Path))
		}
	}
	return out
}

func (o *Options) rules() []*rules.Rule {
	if o.Rules == nil {
		return rules.All
	}
	return o.Rules
}

// Result is everything a run read and found.
type Result struct {
	// Configs are the configurations read, one per entry file.
	Configs []*parser.Config
	// Diagnostics are sorted by file, line and column (configuration
	// errors first at one place, then findings by rule id), each once.
	// Suppressed findings are kept, with Suppressed set.
	Diagnostics []Diagnostic
	// Rules are the rules that ran.
	Rules []*rules.Rule

	seen    map[string]bool   // dedup keys of Diagnostics
	sources map[string]string // file path -> text, built on first use
}

// Run reads the inputs and lints them. The error is for inputs that cannot
// be used at all (a path that does not exist, a directory without
// configuration files); problems inside the configurations are diagnostics.
//
// Run does not panic on any input: a rule, the model or the reader that
// panics becomes an InternalError diagnostic naming the rule and the place
// it was checking, and everything else is still linted.
func Run(ctx context.Context, inputs []Input, opts Options) (*Result, error) {
	res, err := Load(ctx, inputs, opts)
	if err != nil {
		return nil, err
	}
	if err := res.check(ctx, opts); err != nil {
		return nil, err
	}
	return res, nil
}

// Load reads the inputs without linting them: the result holds the
// configurations and their configuration errors (nginx-wslint route uses it).
func Load(ctx context.Context, inputs []Input, opts Options) (*Result, error) {
	res := &Result{seen: map[string]bool{}}
	popts := opts.parserOptions()
	popts.Tree = tree(inputs, opts)
	var files []string
	var diags []Diagnostic
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if in.IsBuffer {
			var cfg *parser.Config
			var err error
			if f := rules.Protect(func() { cfg, err = parseBuffer(in, popts) }); f != nil {
				diags = append(diags, internalError(f, fileStart(in.Path), "reading this file", "it was not linted"))
				continue
			}
			if err != nil {
				return nil, err
			}
			res.Configs = append(res.Configs, cfg)
			continue
		}
		st, err := os.Stat(in.Path)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", in.Path, errno(err))
		}
		if st.IsDir() {
			found, err := parser.FindConfigFiles(in.Path)
			if err != nil {
				return nil, fmt.Errorf("walking %s: %w", in.Path, err)
			}
			if len(found) == 0 {
				return nil, fmt.Errorf("%s: no *.conf or nginx.conf files in this directory", in.Path)
			}
			files = append(files, found...)
			continue
		}
		files = append(files, in.Path)
	}
	if len(files) > 0 {
		cfgs, errs, failed := parseEntries(files, popts)
		diags = append(diags, failed...)
		// A file that cannot be read (a dangling symlink in a walked
		// directory) is reported; the others are still linted.
		for _, err := range errs {
			var pe *os.PathError
			name := ""
			if errors.As(err, &pe) {
				name = pe.Path
			}
			pos := parser.Position{File: name, Pos: parser.Pos{Line: 1, Column: 1}}
			diags = append(diags, Diagnostic{Kind: ReadError, Diagnostic: rules.Diagnostic{
				Severity: rules.Error, Start: pos, End: pos, Message: "cannot read the file: " + ErrnoMessage(err)}})
		}
		res.Configs = append(res.Configs, cfgs...)
	}
	var cerrs []Diagnostic
	for _, cfg := range res.Configs {
		for _, e := range cfg.Errors {
			cerrs = append(cerrs, configError(e))
		}
	}
	res.add(append(cerrs, diags...))
	return res, nil
}

// parseBuffer reads a buffer: an nginx -T dump, or a file whose relative
// includes resolve against the conf prefix its name implies (bufferPrefix).
func parseBuffer(in Input, popts parser.Options) (*parser.Config, error) {
	if parser.IsDump(in.Text) {
		cfg, _, err := parser.ParseDump(in.Text, popts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", in.Path, err)
		}
		return cfg, nil
	}
	if popts.Prefix == "" {
		popts.Prefix = bufferPrefix(in.Path)
	}
	return parser.ParseBytes(in.Path, in.Text, popts), nil
}

// parseEntries is parser.ParseEntries, protected: when reading panics,
// each file is read alone to find the ones that make it panic, which become
// internal errors, and the others are read together as usual.
func parseEntries(files []string, popts parser.Options) (cfgs []*parser.Config, errs []error, failed []Diagnostic) {
	if rules.Protect(func() { cfgs, errs = parseEntriesFunc(files, popts) }) == nil {
		return cfgs, errs, nil
	}
	var good []string
	for _, name := range files {
		if f := rules.Protect(func() { parseEntriesFunc([]string{name}, popts) }); f != nil {
			failed = append(failed, internalError(f, fileStart(name), "reading this file", "it was not linted"))
			continue
		}
		good = append(good, name)
	}
	if len(good) == 0 {
		return nil, nil, failed
	}
	if f := rules.Protect(func() { cfgs, errs = parseEntriesFunc(good, popts) }); f != nil {
		// Only files read together fail: none is linted.
		return nil, nil, append(failed, internalError(f, fileStart(good[0]), "reading this file with the others", "none of them was linted"))
	}
	return cfgs, errs, failed
}

// parseEntriesFunc and buildModel are parseByPrefix and model.Build;
// tests replace them with functions that panic.
var (
	parseEntriesFunc = parseByPrefix
	buildModel       = model.Build
)

// fileStart is line 1, column 1 of a file.
func fileStart(name string) parser.Position {
	return parser.Position{File: name, Pos: parser.Pos{Line: 1, Column: 1}}
}

// internalError is a panic caught while linting, as a diagnostic at pos:
// what failed (the rule, or the step: "reading this file"), on what, what
// is missing because of it, and that it is nginx-wslint's bug.
func internalError(f *rules.Failure, pos parser.Position, step, missing string) Diagnostic {
	end := pos
	if start, e, ok := f.Span(); ok {
		pos, end = start, e
	}
	var msg, fix string
	if f.Rule != nil {
		msg = fmt.Sprintf("internal error: rule %s (%s) crashed", f.Rule.ID, f.Rule.Name)
		if f.Checking != "" {
			msg += " while checking " + f.Checking
		}
		fix = fmt.Sprintf("report this nginx-wslint bug with the configuration at %s/issues; --disable %s skips the rule meanwhile", issuesURL, f.Rule.ID)
	} else {
		msg = "internal error: nginx-wslint crashed " + step
		fix = "report this nginx-wslint bug with the configuration at " + issuesURL + "/issues"
	}
	msg += ": " + fmt.Sprint(f.Panic)
	if f.Frame != "" {
		msg += " [" + f.Frame + "]"
	}
	msg += "; " + missing
	return Diagnostic{Kind: InternalError, Diagnostic: rules.Diagnostic{
		Rule: f.Rule, Severity: rules.Error, Start: pos, End: end, Message: msg, Fix: fix, Node: f.At}}
}

// issuesURL is where bugs are reported.
const issuesURL = "https://github.com/nginx-wslint/nginx-wslint"

// configError is a parser or model error as a diagnostic.
func configError(e *parser.Error) Diagnostic {
	msg := e.Msg
	if e.Hint != "" {
		msg += " (" + e.Hint + ")"
	}
	sev := rules.Error
	if e.Missing {
		sev = rules.Warning
	}
	return Diagnostic{Kind: ConfigError, Diagnostic: rules.Diagnostic{Severity: sev, Start: e.Position, End: e.Position, Message: msg}}
}

// check builds each configuration's model and runs the rules on it, then
// applies suppressions and severities.
func (r *Result) check(ctx context.Context, opts Options) error {
	sel := opts.rules()
	r.Rules = sel
	if opts.Model.RegexBudget == nil {
		opts.Model.RegexBudget = model.NewRegexBudget(0) // one for the whole run
	}
	var diags []Diagnostic
	var findings []rules.Diagnostic
	var models []*model.Model
	for _, cfg := range r.Configs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var m *model.Model
		var errs []*parser.Error
		if f := rules.Protect(func() { m = buildModel(cfg, opts.Model); errs = m.ValueErrors() }); f != nil {
			diags = append(diags, internalError(f, mainStart(cfg), "building its model of this configuration", "no rule checked it"))
			continue
		}
		models = append(models, m)
		for _, e := range errs {
			diags = append(diags, configError(cfg.Redact(e)))
		}
		found, failures := rules.RunChecked(m, sel, opts.Check)
		findings = append(findings, found...)
		for _, f := range failures {
			missing := "its findings on this configuration are missing; the other rules' are complete"
			if f.Rule == nil {
				missing = "no rule checked this configuration"
			}
			diags = append(diags, internalError(f, mainStart(cfg), "detecting WebSocket locations", missing))
		}
	}
	if f := rules.Protect(func() { findings = rules.ApplySuppressions(r.Configs, findings, sel) }); f != nil {
		pos := fileStart("")
		if len(r.Configs) > 0 {
			pos = mainStart(r.Configs[0])
		}
		diags = append(diags, internalError(f, pos, "reading suppression comments", "suppression comments were not applied"))
	}
	// Structured fixes (package fix), after suppression so that a silenced
	// finding adds nothing to the edits of the others.
	if f := rules.Protect(func() {
		fix.FillAll(models, findings, fix.Options{MinReadTimeout: opts.Check.MinReadTimeout})
	}); f != nil {
		pos := fileStart("")
		if len(r.Configs) > 0 {
			pos = mainStart(r.Configs[0])
		}
		diags = append(diags, internalError(f, pos, "computing the fixes' edits", "findings may carry no edits"))
	}
	findings = redactOutside(r.Configs, findings)
	for _, f := range findings {
		if s, ok := opts.Severity[f.Rule]; ok {
			f.Severity = s
		}
		diags = append(diags, Diagnostic{Kind: Finding, Diagnostic: f})
	}
	r.add(diags)
	return nil
}

// mainStart is line 1, column 1 of a configuration's main file.
func mainStart(cfg *parser.Config) parser.Position {
	if cfg.Main != nil {
		return fileStart(cfg.Main.Path)
	}
	if len(cfg.Files) > 0 {
		return fileStart(cfg.Files[0].Path)
	}
	return fileStart("")
}

// redactOutside rewrites the findings that point into a file outside the
// linted tree (parser.File.Outside), directly or through a related place:
// their messages and fixes may quote the file, so they keep only the rule's
// summary, and their edits are dropped.
func redactOutside(cfgs []*parser.Config, ds []rules.Diagnostic) []rules.Diagnostic {
	outside := map[string]bool{}
	for _, cfg := range cfgs {
		for _, f := range cfg.Files {
			if f.Outside {
				outside[f.Path] = true
			}
		}
	}
	if len(outside) == 0 {
		return ds
	}
	for i := range ds {
		d := &ds[i]
		hit := outside[d.Start.File]
		for _, rel := range d.Related {
			hit = hit || outside[rel.File]
		}
		for _, e := range d.Edits {
			hit = hit || outside[e.File]
		}
		if !hit {
			continue
		}
		d.Message = d.Rule.Doc.Summary + " (details not quoted: the finding involves a file outside the linted tree)"
		d.Fix = ""
		d.Edits = nil
		rel := make([]rules.Related, len(d.Related))
		for j, r := range d.Related {
			rel[j] = rules.Related{Position: r.Position, Message: "related place (not quoted: outside the linted tree)"}
		}
		d.Related = rel
	}
	return ds
}

// add merges diagnostics into the result: each once (a file read through
// two entry points reports once), in the one order.
func (r *Result) add(diags []Diagnostic) {
	if r.seen == nil {
		r.seen = map[string]bool{}
	}
	for _, d := range diags {
		k := key(&d)
		if r.seen[k] {
			continue
		}
		r.seen[k] = true
		r.Diagnostics = append(r.Diagnostics, d)
	}
	Sort(r.Diagnostics)
}

// key identifies a diagnostic for deduplication: what it is, its rule, its
// place and its message.
func key(d *Diagnostic) string {
	return string(rune('0'+d.Kind)) + "\x00" + d.RuleID() + "\x00" + d.Start.String() + "\x00" + d.Message
}

// Sort orders diagnostics by file, line and column; at one place
// configuration errors come before findings, and findings by rule id. The
// sort is stable.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool { return Less(&ds[i], &ds[j]) })
}

// Less is the order of diagnostics.
func Less(a, b *Diagnostic) bool {
	if a.Start.File != b.Start.File {
		return a.Start.File < b.Start.File
	}
	if a.Start.Line != b.Start.Line {
		return a.Start.Line < b.Start.Line
	}
	if a.Start.Column != b.Start.Column {
		return a.Start.Column < b.Start.Column
	}
	if (a.Kind == Finding) != (b.Kind == Finding) {
		return a.Kind != Finding
	}
	return a.RuleID() < b.RuleID()
}

// Findings are the rules' findings, suppressed ones included, in order.
func (r *Result) Findings() []Diagnostic {
	var out []Diagnostic
	for _, d := range r.Diagnostics {
		if d.Kind == Finding {
			out = append(out, d)
		}
	}
	return out
}

// Errors are the configuration errors, unreadable inputs and internal
// errors, in order.
func (r *Result) Errors() []Diagnostic {
	var out []Diagnostic
	for _, d := range r.Diagnostics {
		if d.Kind != Finding {
			out = append(out, d)
		}
	}
	return out
}

// Has reports whether an unsuppressed diagnostic of one of the kinds is at
// or above severity min.
func (r *Result) Has(min Severity, kinds ...Kind) bool {
	for _, d := range r.Diagnostics {
		if d.Suppressed != nil || d.Severity < min {
			continue
		}
		for _, k := range kinds {
			if d.Kind == k {
				return true
			}
		}
	}
	return false
}

// Source returns the text of a file the configurations read.
func (r *Result) Source(path string) (string, bool) {
	if r.sources == nil {
		r.sources = map[string]string{}
		for _, cfg := range r.Configs {
			for _, f := range cfg.Files {
				if _, ok := r.sources[f.Path]; !ok && !f.Outside {
					// Nothing of a file outside the linted tree is shown.
					r.sources[f.Path] = f.Src
				}
			}
		}
	}
	src, ok := r.sources[path]
	return src, ok
}

// Files are the paths of every file the configurations read, each once, in
// the order they were read.
func (r *Result) Files() []string {
	seen := map[string]bool{}
	var out []string
	for _, cfg := range r.Configs {
		for _, f := range cfg.Files {
			if !seen[f.Path] {
				seen[f.Path] = true
				out = append(out, f.Path)
			}
		}
	}
	return out
}

// ErrnoMessage is an error's text without Go's "op path:" prefix: "no such
// file or directory".
func ErrnoMessage(err error) string { return errno(err).Error() }

// errno is the error inside any *os.PathError wrapping, or err itself.
func errno(err error) error {
	var pe *os.PathError
	for errors.As(err, &pe) {
		err = pe.Err
	}
	return err
}
