// Package report writes a lint.Result for people and tools: text (the
// compiler format editors parse), JSON (documented, versioned), GitHub
// Actions workflow commands and SARIF 2.1.0 for code scanning.
//
// Paths are shown as Options.Paths says (--path-map, relative to the
// working directory) when writing; the result itself is never changed.
package report

import (
	"fmt"
	"io"
	"iter"
	"slices"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// Formats are the output formats Write knows.
var Formats = []string{"text", "json", "sarif", "github"}

// Options say how to write a result.
type Options struct {
	// Color paints the text output with ANSI colours.
	Color bool
	// Quiet prints only the finding lines in text output: no source
	// excerpts, fixes or summary.
	Quiet bool
	// Paths shows file paths (nil: as they are).
	Paths *Paths
	// Version is the tool's version, for SARIF's tool.driver.
	Version string
	// BaseDir is the directory SARIF artifact URIs are relative to (default:
	// the working directory).
	BaseDir string
}

// Write writes r in format (one of Formats).
func Write(w io.Writer, format string, r *lint.Result, o Options) error {
	switch format {
	case "text":
		return Text(w, r, o)
	case "json":
		return JSON(w, r, o)
	case "github":
		return GitHub(w, r, o)
	case "sarif":
		return SARIF(w, r, o)
	}
	return fmt.Errorf("unknown output format %q", format)
}

// view is what every writer shows of a diagnostic: its messages with the
// quoted paths displayed.
type view struct {
	*lint.Diagnostic
	message string
	related []string // the related locations' messages
}

// views returns the result's diagnostics with their messages rewritten for
// display, in the result's order; unsuppressed only unless all is set.
func views(r *lint.Result, pd *Paths, all bool) []view {
	return slices.Collect(eachView(r, pd, all))
}

// eachView yields what views returns, one diagnostic at a time, for the
// writers that stream.
func eachView(r *lint.Result, pd *Paths, all bool) iter.Seq[view] {
	return func(yield func(view) bool) {
		mp := newMessagePaths(pd, r.Files())
		for i := range r.Diagnostics {
			d := &r.Diagnostics[i]
			if d.Suppressed != nil && !all {
				continue
			}
			v := view{Diagnostic: d, message: d.Message}
			// Findings quote the places they relate to; configuration
			// errors are worded as nginx words them.
			if d.Kind == lint.Finding {
				v.message = mp.message(d.Message)
				for _, rel := range d.Related {
					v.related = append(v.related, mp.message(rel.Message))
				}
			} else {
				for _, rel := range d.Related {
					v.related = append(v.related, rel.Message)
				}
			}
			if !yield(v) {
				return
			}
		}
	}
}

// severities in the order summaries count them.
var severities = []rules.Severity{rules.Error, rules.Warning, rules.Note}
