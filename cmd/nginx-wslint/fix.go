package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/lint/fix"
	"github.com/nginx-wslint/nginx-wslint/report"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// runFixes carries out --fix and --diff on a lint result. --diff prints
// the fixes as a unified diff (exit 1 when there is something to fix, as
// diff does). --fix writes them, says on standard error what it changed,
// lints again and reports what is left; standard input (a buffer or an
// nginx -T dump) is never written: --fix prints the diff instead.
func runFixes(o *options, st *settings, in []lint.Input, res *lint.Result, stdout, stderr io.Writer) int {
	found := res.Findings()
	ds := make([]rules.Diagnostic, len(found))
	for i := range found {
		ds[i] = found[i].Diagnostic
	}
	changes, conflicts, err := fix.Changes(ds, res.Source)
	if err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: %v\n", err)
		return exitError
	}
	show := func(p string) string { return st.paths.Show(p) }
	for _, c := range conflicts {
		fmt.Fprintf(stderr, "nginx-wslint: %s:%d:%d: the fix for %s overlaps the fix for %s at %s:%d:%d and is left out; run again once the others are applied\n",
			show(c.Diagnostic.Start.File), c.Diagnostic.Start.Line, c.Diagnostic.Start.Column, c.Diagnostic.Rule.ID,
			c.With.Rule.ID, show(c.With.Start.File), c.With.Start.Line, c.With.Start.Column)
	}
	buffer := false
	for _, i := range in {
		buffer = buffer || i.IsBuffer
	}
	if o.fix && buffer {
		fmt.Fprintln(stderr, "nginx-wslint: --fix does not write standard input or an nginx -T dump: the fixes follow as a diff")
	}
	if o.diff || buffer {
		for _, c := range changes {
			fmt.Fprint(stdout, fix.Diff(show(c.Path), c.Old, c.New))
		}
		switch {
		case res.Has(rules.Error, lint.ConfigError, lint.ReadError):
			return exitError
		case len(changes) > 0:
			return exitFindings
		}
		return exitOK
	}
	for _, c := range changes {
		if err := fix.WriteFile(c.Path, c.Old, c.New); err != nil {
			fmt.Fprintf(stderr, "nginx-wslint: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stderr, "nginx-wslint: fixed %s: %s\n", show(c.Path), describeFixed(c.Fixed, show))
	}
	if len(changes) > 0 {
		// Report what is left, on the files as they are now.
		res, err = lint.Run(context.Background(), in, st.lint)
		if err != nil {
			fmt.Fprintf(stderr, "nginx-wslint: %v\n", err)
			return exitError
		}
		if st.noWS000 {
			res.Diagnostics = slices.DeleteFunc(res.Diagnostics, func(d lint.Diagnostic) bool { return d.Rule == rules.WS000 })
		}
	}
	return writeReport(o, st, res, stdout, stderr)
}

// describeFixed lists the findings a file's changes repair:
// "WS002 at conf.d/chat.conf:15:5, WS003 at conf.d/chat.conf:15:5".
func describeFixed(ds []*rules.Diagnostic, show func(string) string) string {
	var parts []string
	seen := map[string]bool{}
	for _, d := range ds {
		s := fmt.Sprintf("%s at %s:%d:%d", d.Rule.ID, show(d.Start.File), d.Start.Line, d.Start.Column)
		if !seen[s] {
			seen[s] = true
			parts = append(parts, s)
		}
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}

// writeReport writes a lint result in the chosen format and returns the
// exit code.
func writeReport(o *options, st *settings, res *lint.Result, stdout, stderr io.Writer) int {
	out := report.Options{Quiet: o.quiet, Paths: st.paths, Version: version(),
		Color: !o.noColor && useColor(stdout)}
	if err := report.Write(stdout, o.format, res, out); err != nil {
		fmt.Fprintf(stderr, "nginx-wslint: writing output: %v\n", err)
		return exitError
	}
	return exitCode(res, st.failOn)
}
