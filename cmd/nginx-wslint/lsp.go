package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/nginx-wslint/nginx-wslint/lsp"
)

const lspUsage = `Usage: nginx-wslint lsp [flags]

Runs the language server on standard input and output, for an editor to
start: diagnostics of the buffer as it is typed, read in the configuration
that includes it (the nearest nginx.conf above it, or --entry), fixes and
suppressions as code actions, what a location does with a request on hover,
go to definition, an outline, and completion of directives. The README shows
the setup for Neovim, VS Code, Helix, Emacs and Vim.

The rule settings are the linter's: flags, then .nginx-wslint.toml.

Flags:
`

// runLSP serves one editor session.
func runLSP(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o := options{format: "text", failOn: "warning"}
	var entry string
	fs := pflag.NewFlagSet("nginx-wslint lsp", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {}
	fs.StringVar(&entry, "entry", "", "the configuration's main file (default: the nearest nginx.conf above the edited file, or one in the workspace that includes it)")
	fs.StringSliceVar(&o.disable, "disable", nil, "turn rules off: ids or names, comma-separated (\"all\" for every rule)")
	fs.StringSliceVar(&o.enable, "enable", nil, "turn rules on again after --disable")
	fs.StringVar(&o.nginxVersion, "nginx-version", "", "the nginx version the configuration runs on, X.Y.Z")
	fs.StringVar(&o.minRead, "min-read-timeout", "60s", "WS006 threshold (nginx time syntax)")
	fs.StringArrayVar(&o.wsPaths, "ws-path", nil, "glob pattern of location paths to treat as WebSocket endpoints; repeatable")
	fs.StringVar(&o.input.prefix, "prefix", "", "directory relative include paths resolve against (default: the main file's directory)")
	fs.StringVar(&o.input.root, "root", "", "directory holding a copy of the server's files: absolute include paths are read from it")
	fs.StringVar(&o.configPath, "config", "", "configuration file (default: .nginx-wslint.toml in the working directory or the nearest parent)")
	fs.Bool("stdio", true, "talk on standard input and output (the only transport; accepted because editors pass it)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fmt.Fprint(stdout, lspUsage+fs.FlagUsages())
			return exitOK
		}
		return usageError(stderr, err)
	}
	if fs.NArg() > 0 {
		return usageError(stderr, fmt.Errorf("lsp takes no arguments, only flags (%q)", fs.Arg(0)))
	}
	// A configuration file named with --config must work; one found on
	// the way up from the working directory (the workspace's own, perhaps
	// a pull request's) that cannot be used is said in the editor, and the
	// session runs without it rather than not at all.
	flagsOnly := o
	warning := ""
	if err := o.applyConfigFile(fs); err != nil {
		if o.configPath != "" {
			fmt.Fprintf(stderr, "nginx-wslint: %v\n", err)
			return exitError
		}
		warning = "nginx-wslint: the configuration file is ignored: " + err.Error()
		o = flagsOnly
	}
	st, err := o.settings()
	if err != nil && o.configPath == "" && warning == "" {
		if _, flagsErr := flagsOnly.settings(); flagsErr == nil {
			// The flags are fine: a value in the file is not.
			warning = "nginx-wslint: the configuration file is ignored: " + err.Error()
			o = flagsOnly
			st, err = o.settings()
		}
	}
	if err != nil {
		return usageError(stderr, err)
	}
	if warning != "" {
		fmt.Fprintln(stderr, warning)
	}
	root, configRoot := st.lint.Root, ""
	if !fs.Changed("root") && o.configPath == "" {
		// From a .nginx-wslint.toml found in the workspace: it must not
		// widen what the editor reads.
		root, configRoot = "", st.lint.Root
	}
	srv := lsp.NewServer(lsp.Options{
		Linter:     &lsp.RuleLinter{Options: st.lint},
		Entry:      entry,
		Prefix:     st.lint.Prefix,
		Root:       root,
		ConfigRoot: configRoot,
		Version:    version(),
		Log:        stderr,
		Warning:    warning,
	})
	if err := srv.Run(context.Background(), stdin, stdout); err != nil {
		fmt.Fprintf(stderr, "nginx-wslint lsp: %v\n", err)
		return exitFindings // LSP: exit status 1 when the session did not end with shutdown and exit
	}
	return exitOK
}
