package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/report"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Exit codes, as the README documents them.
const (
	exitOK       = 0 // nothing at or above --fail-on
	exitFindings = 1 // findings at or above --fail-on
	exitError    = 2 // usage error, unreadable input, or a configuration nginx rejects
	exitInternal = 3 // nginx-wslint failed: a rule (or the tool) crashed; the rest was still reported
)

const usageHead = `nginx-wslint finds the nginx configuration mistakes that break WebSocket proxying.

Usage:
  nginx-wslint [flags] [PATH ...]   lint files or directories; "-" (or no PATH
                                    with piped input) reads standard input,
                                    a config file or an "nginx -T" dump
  nginx-wslint route [flags] URI [PATH ...]
                                    show which server and location nginx picks
                                    for GET URI, and what the backend receives
                                    (nginx-wslint route --help)
  nginx-wslint lsp [flags]          language server for editors (nginx-wslint lsp --help)
  nginx-wslint rules                list the rules
  nginx-wslint explain ID           a rule's documentation, with examples
  nginx-wslint version              print the version

Examples:
  nginx-wslint /etc/nginx/nginx.conf
  nginx -T 2>/dev/null | nginx-wslint -
  nginx-wslint --stdin-filename sites-available/app.conf - < app.conf

Flags:
`

const usageTail = `
Exit codes: 0 nothing to report, 1 findings at or above --fail-on,
2 usage error, unreadable input, or a configuration nginx would reject,
3 internal error: nginx-wslint crashed (a bug; the other findings are
still reported).
`

// options are the parsed command line.
type options struct {
	format       string
	failOn       string
	disable      []string
	enable       []string
	nginxVersion string
	wsPaths      []string
	minRead      string
	configPath   string
	pathMaps     []string
	noColor      bool
	quiet        bool
	fix, diff    bool
	showVersion  bool
	input        inputOptions
	severity     map[string]string // from the configuration file
	configNote   string            // what the configuration file relaxed, for stderr
}

// inputOptions say how to read the configuration; every command has them.
type inputOptions struct {
	stdinFilename string
	prefix        string
	root          string
	context       string
	paths         []string
}

func newFlagSet(o *options, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet("nginx-wslint", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.StringVar(&o.format, "format", "text", "output format: text, json, sarif or github")
	fs.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit code 1: error, warning, note or never")
	fs.StringSliceVar(&o.disable, "disable", nil, "turn rules off: ids or names, comma-separated (\"all\" for every rule)")
	fs.StringSliceVar(&o.enable, "enable", nil, "turn rules on again after --disable: ids or names, comma-separated")
	fs.StringVar(&o.nginxVersion, "nginx-version", "", "the nginx version the configuration runs on, X.Y.Z (default: unknown, which assumes the defaults of nginx before 1.29.7)")
	fs.StringVar(&o.minRead, "min-read-timeout", "60s", "WS006 threshold: WebSocket locations whose proxy_read_timeout is at or below it are reported (nginx time syntax: 60s, 5m, 1h)")
	fs.StringArrayVar(&o.wsPaths, "ws-path", nil, "glob pattern of location paths to treat as WebSocket endpoints, such as /events/*; repeatable")
	addInputFlags(fs, &o.input)
	fs.StringArrayVar(&o.pathMaps, "path-map", nil, "FROM=TO: show paths under FROM as under TO, such as /etc/nginx=deploy/nginx for an nginx -T dump linted in a repository; repeatable")
	fs.StringVar(&o.configPath, "config", "", "configuration file (default: .nginx-wslint.toml in the working directory or the nearest parent); \"none\" reads none, as CI on pull requests should")
	fs.BoolVar(&o.noColor, "no-color", false, "no colour in text output (colour is used only on a terminal, and never when NO_COLOR is set)")
	fs.BoolVarP(&o.quiet, "quiet", "q", false, "text output: only the finding lines, without source excerpts, fixes and the summary")
	fs.BoolVar(&o.showVersion, "version", false, "print the version, as nginx-wslint version does")
	fs.BoolVar(&o.fix, "fix", false, "write the fixes of fixable findings into the files (atomically), say what changed, then report what is left; standard input is never written: the fixes are printed as a diff")
	fs.BoolVar(&o.diff, "diff", false, "print the fixes of fixable findings as a unified diff (paths relative to the working directory, for git apply) instead of the report; exit 1 when there is something to fix")
	return fs
}

func addInputFlags(fs *pflag.FlagSet, in *inputOptions) {
	fs.StringVar(&in.stdinFilename, "stdin-filename", "<stdin>", "file name for standard input in messages; its relative includes resolve as that file's would")
	fs.StringVar(&in.prefix, "prefix", "", "directory relative include paths resolve against (nginx's conf prefix; default: the nearest directory above the file holding nginx.conf, else the file's own)")
	fs.StringVar(&in.root, "root", "", "directory holding a copy of the server's files: absolute include paths are read from it")
	fs.StringVar(&in.context, "context", "", "block a fragment file sits in: http, server or location (default: inferred)")
}

// usageError reports a command-line mistake and returns exit code 2.
func usageError(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "nginx-wslint: %v\nRun 'nginx-wslint --help' for usage.\n", err)
	return exitError
}

// run is the whole program; it returns the exit code. A panic anywhere is
// an internal error, exit code 3, never a crash.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return guard("", stderr, func() int { return runCommand(args, stdin, stdout, stderr) })
}

// guard calls f and turns a panic into a message on stderr and exit code
// 3; what names the command ("route") for the message.
func guard(what string, stderr io.Writer, f func() int) (code int) {
	failure := rules.Protect(func() { code = f() })
	if failure == nil {
		return code
	}
	if what != "" {
		what = " in " + what
	}
	where := ""
	if failure.Frame != "" {
		where = " [" + failure.Frame + "]"
	}
	fmt.Fprintf(stderr, "nginx-wslint: internal error%s: %v%s; this is a bug in nginx-wslint, not in the configuration: please report it with the configuration and the command line at %s/issues\n",
		what, failure.Panic, where, report.InformationURI)
	return exitInternal
}

// testRules are rules a test adds to every run (a rule that panics); no
// flag sets them.
var testRules []*rules.Rule

func runCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "version":
			if len(args) > 1 {
				return usageError(stderr, errors.New("version takes no arguments"))
			}
			fmt.Fprintf(stdout, "nginx-wslint %s\n", version())
			return exitOK
		case "route":
			return guard("route", stderr, func() int { return runRoute(args[1:], stdin, stdout, stderr) })
		case "lsp":
			return runLSP(args[1:], stdin, stdout, stderr)
		case "rules":
			return runRules(args[1:], stdout, stderr)
		case "explain":
			return runExplain(args[1:], stdout, stderr)
		case "help":
			return runHelp(args[1:], stdout, stderr)
		}
		if cmd := mistypedCommand(args[0]); cmd != "" {
			return usageError(stderr, fmt.Errorf("unknown command %q: did you mean \"nginx-wslint %s\"?", args[0], cmd))
		}
	}

	var o options
	fs := newFlagSet(&o, stderr)
	// pflag prints the usage on every parse error; a one-line error with a
	// pointer to --help reads better.
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(stdout, usageHead+fs.FlagUsages()+usageTail)
			return exitOK
		}
		return usageError(stderr, err)
	}
	if o.showVersion {
		fmt.Fprintf(stdout, "nginx-wslint %s\n", version())
		return exitOK
	}
	o.input.paths = fs.Args()
	if err := o.applyConfigFile(fs); err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: %s\n", report.Escape(err.Error()))
		return exitError
	}
	if o.configNote != "" {
		fmt.Fprintf(stderr, "nginx-wslint: %s\n", o.configNote)
	}
	if err := o.validate(); err != nil {
		return usageError(stderr, err)
	}
	st, err := o.settings()
	if err != nil {
		return usageError(stderr, err)
	}

	in, err := inputs(o.input, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: %s\n", report.Escape(err.Error()))
		return exitError
	}
	res, err := lint.Run(context.Background(), in, st.lint)
	if err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: %s\n", report.Escape(err.Error()))
		return exitError
	}
	if st.noWS000 {
		// WS000 is not a check the engine runs: its notes come with the
		// suppressions, and --disable WS000 drops them.
		res.Diagnostics = slices.DeleteFunc(res.Diagnostics, func(d lint.Diagnostic) bool { return d.Rule == rules.WS000 })
	}
	if o.fix || o.diff {
		return runFixes(&o, st, in, res, stdout, stderr)
	}
	return writeReport(&o, st, res, stdout, stderr)
}

// useColor reports whether text output may be coloured: on a terminal,
// unless NO_COLOR is set.
func useColor(w io.Writer) bool { return os.Getenv("NO_COLOR") == "" && isTerminal(w) }

// exitCode is 3 when nginx-wslint itself failed (a rule crashed), else 2
// when nginx would reject the configuration or input could not be read,
// else 1 when a diagnostic reaches failOn (a missing include is a warning:
// nginx would refuse it, and what it hides is not checked), else 0.
func exitCode(res *lint.Result, failOn rules.Severity) int {
	if res.Has(rules.Note, lint.InternalError) {
		return exitInternal
	}
	if res.Has(rules.Error, lint.ConfigError, lint.ReadError) {
		return exitError
	}
	if res.Has(failOn, lint.Finding, lint.ConfigError, lint.ReadError) {
		return exitFindings
	}
	return exitOK
}

// settings are the options turned into what the linter runs with.
type settings struct {
	lint    lint.Options
	paths   *report.Paths
	failOn  rules.Severity
	noWS000 bool // --disable WS000
}

func (o *options) settings() (*settings, error) {
	st := &settings{lint: o.input.lintOptions()}
	st.lint.Severity = map[*rules.Rule]rules.Severity{}
	var err error
	if st.lint.Rules, st.noWS000, err = o.selectRules(); err != nil {
		return nil, err
	}
	if st.failOn, err = parseFailOn(o.failOn); err != nil {
		return nil, err
	}
	if o.nginxVersion != "" {
		if st.lint.Model.Version, err = model.ParseVersion(o.nginxVersion); err != nil {
			return nil, fmt.Errorf("invalid value for --nginx-version: %w", err)
		}
	}
	for _, p := range o.wsPaths {
		if _, err := path.Match(p, "/"); err != nil || !strings.HasPrefix(p, "/") {
			return nil, fmt.Errorf("invalid value %q for --ws-path: a glob pattern of location paths starting with \"/\", such as /events/*", p)
		}
	}
	st.lint.Check.WSPaths = o.wsPaths
	if st.lint.Check.MinReadTimeout, err = model.ParseMsec(o.minRead); err != nil {
		return nil, fmt.Errorf("invalid value %q for --min-read-timeout: an nginx time such as 60s, 5m or 1h30m", o.minRead)
	}
	for id, sev := range o.severity {
		r := ruleByID(id)
		if r == nil {
			return nil, fmt.Errorf("configuration file: severity for %q: no such rule", id)
		}
		s, ok := rules.ParseSeverity(sev)
		if !ok {
			return nil, fmt.Errorf("configuration file: severity %q for %s: accepted values are error, warning and note", sev, id)
		}
		st.lint.Severity[r] = s
	}
	if st.paths, err = report.NewPaths(o.pathMaps); err != nil {
		return nil, err
	}
	return st, nil
}

// applyConfigFile fills in, from .nginx-wslint.toml (or --config), every
// setting whose flag was not given: flags win over the file.
func (o *options) applyConfigFile(fs *pflag.FlagSet) error {
	p, err := findConfig(o.configPath)
	if err != nil || p == "" {
		return err
	}
	c, err := loadConfig(p)
	if err != nil {
		return err
	}
	o.configNote = configNote(p, c, fs)
	set := func(flag string, dst *string, v string) {
		if v != "" && !fs.Changed(flag) {
			*dst = v
		}
	}
	setList := func(flag string, dst *[]string, v []string) {
		if len(v) > 0 && !fs.Changed(flag) {
			*dst = v
		}
	}
	setList("disable", &o.disable, c.Disable)
	setList("enable", &o.enable, c.Enable)
	setList("ws-path", &o.wsPaths, c.WSPaths)
	setList("path-map", &o.pathMaps, c.PathMap)
	set("min-read-timeout", &o.minRead, c.MinReadTimeout)
	set("nginx-version", &o.nginxVersion, c.NginxVersion)
	set("fail-on", &o.failOn, c.FailOn)
	set("root", &o.input.root, c.Root)
	set("prefix", &o.input.prefix, c.Prefix)
	o.severity = c.Severity
	return nil
}

func (o *options) validate() error {
	switch o.format {
	case "text", "json", "sarif", "github":
	default:
		return fmt.Errorf("invalid value %q for --format: accepted values are text, json, sarif and github", o.format)
	}
	if _, err := parseFailOn(o.failOn); err != nil {
		return err
	}
	return o.input.validate()
}

func (in *inputOptions) validate() error {
	if in.context != "" {
		if _, ok := parser.ParseContext(in.context); !ok || in.context == "main" {
			return fmt.Errorf("invalid value %q for --context: accepted values are http, server and location", in.context)
		}
	}
	if in.stdinFilename == "" {
		return errors.New("--stdin-filename must not be empty")
	}
	for _, dir := range []struct{ flag, path string }{{"--prefix", in.prefix}, {"--root", in.root}} {
		if dir.path == "" {
			continue
		}
		st, err := os.Stat(dir.path)
		if err != nil {
			return fmt.Errorf("%s: %w", dir.flag, err)
		}
		if !st.IsDir() {
			return fmt.Errorf("%s %s: not a directory", dir.flag, dir.path)
		}
	}
	stdinPaths := 0
	for _, p := range in.paths {
		if p == "-" {
			stdinPaths++
		}
	}
	if stdinPaths > 1 {
		return errors.New(`"-" (standard input) given more than once`)
	}
	return nil
}

// selectRules applies --disable and --enable to the registry, and says
// whether WS000 (the notes about suppression comments, not in the registry)
// is turned off.
func (o *options) selectRules() ([]*rules.Rule, bool, error) {
	on := map[*rules.Rule]bool{rules.WS000: true}
	for _, r := range rules.All {
		on[r] = true
	}
	set := func(ids []string, flag string, v bool) error {
		for _, id := range ids {
			if id == "all" {
				for r := range on {
					on[r] = v
				}
				continue
			}
			r := ruleByID(id)
			if r == nil {
				known := []string{rules.WS000.ID}
				for _, r := range rules.All {
					known = append(known, r.ID)
				}
				return fmt.Errorf("invalid value %q for %s: accepted values are all and the rule ids %s (or their names)", id, flag, strings.Join(known, ", "))
			}
			on[r] = v
		}
		return nil
	}
	if err := set(o.disable, "--disable", false); err != nil {
		return nil, false, err
	}
	if err := set(o.enable, "--enable", true); err != nil {
		return nil, false, err
	}
	out := []*rules.Rule{} // not nil: none means none
	for _, r := range rules.All {
		if on[r] {
			out = append(out, r)
		}
	}
	return append(out, testRules...), !on[rules.WS000], nil
}

// ruleByID returns the rule with the given id or name, WS000 included, or
// nil.
func ruleByID(id string) *rules.Rule {
	if strings.EqualFold(id, rules.WS000.ID) || id == rules.WS000.Name {
		return rules.WS000
	}
	return rules.ByID(id)
}

// version is the module version when built by "go install", else "devel".
func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// never is --fail-on never: above every severity.
const never = rules.Error + 1

// parseFailOn reads --fail-on: a severity, or "never".
func parseFailOn(s string) (rules.Severity, error) {
	if s == "never" {
		return never, nil
	}
	if sev, ok := rules.ParseSeverity(s); ok {
		return sev, nil
	}
	return 0, fmt.Errorf("invalid value %q for --fail-on: accepted values are error, warning, note and never", s)
}
