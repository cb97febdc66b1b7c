package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/parser"
)

// inputs turns the command line's paths into the engine's inputs; "-" (or
// no path with piped input) is standard input, read as a buffer named
// --stdin-filename.
func inputs(o inputOptions, stdin io.Reader) ([]lint.Input, error) {
	paths := o.paths
	if len(paths) == 0 {
		if !isPiped(stdin) {
			return nil, errors.New("no input: give a PATH, or pipe a configuration or an \"nginx -T\" dump into standard input (see --help)")
		}
		paths = []string{"-"}
	}
	var out []lint.Input
	for _, p := range paths {
		if p != "-" {
			out = append(out, lint.File(p))
			continue
		}
		max := parser.DefaultLimits.MaxTotalInput
		b, err := io.ReadAll(io.LimitReader(stdin, max+1))
		if err != nil {
			return nil, fmt.Errorf("reading standard input: %w", err)
		}
		if int64(len(b)) > max {
			return nil, fmt.Errorf("standard input is larger than %d bytes, the most the linter reads", max)
		}
		if strings.TrimSpace(string(b)) == "" {
			// nginx -T prints nothing when nginx refuses the configuration: a
			// pre-reload pipe must not pass on an empty dump.
			return nil, errors.New(`standard input is empty, nothing to lint (nginx -T prints nothing when nginx itself refuses the configuration: run "nginx -t" to see why)`)
		}
		if e := parser.NginxMessages(string(b)); e != nil {
			return nil, e // nginx -T refused the configuration: its reason, not a parse of it
		}
		out = append(out, lint.Buffer(o.stdinFilename, string(b)))
	}
	return out, nil
}

// lintOptions are the input flags as the engine's options.
func (o inputOptions) lintOptions() lint.Options {
	lo := lint.Options{Prefix: o.prefix, Root: o.root}
	if o.context != "" {
		lo.Context, _ = parser.ParseContext(o.context)
	}
	return lo
}

// load reads the inputs without linting them (route uses it).
func load(o inputOptions, stdin io.Reader) (*lint.Result, error) {
	in, err := inputs(o, stdin)
	if err != nil {
		return nil, err
	}
	return lint.Load(context.Background(), in, o.lintOptions())
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

// isTerminal reports whether w is a terminal, where colour helps.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
