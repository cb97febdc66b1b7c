package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// sortProblems orders problems by file, line and column, as findings are.
func sortProblems(ps []problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

func write(w io.Writer, format string, r *result) error {
	if format == "json" {
		return writeJSON(w, r)
	}
	return writeText(w, r)
}

// writeText prints "path:line:col: severity: message [RULE]" lines, the
// format compilers use and editors parse, each finding followed by an
// indented fix; configuration errors and findings in one file/line order.
func writeText(w io.Writer, r *result) error {
	type line struct {
		pos  parser.Position
		text string
	}
	var lines []line
	for _, p := range r.errors {
		lines = append(lines, line{p.Position, fmt.Sprintf("%s: %s: %s\n", p.Position, p.Severity, p.Message)})
	}
	for _, d := range r.findings {
		if d.Suppressed != nil {
			continue
		}
		lines = append(lines, line{d.Start, fmt.Sprintf("%s: %s: %s [%s]\n    fix: %s\n", d.Start, d.Severity, d.Message, d.Rule.ID, d.Fix)})
	}
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i].pos, lines[j].pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	for _, l := range lines {
		if _, err := io.WriteString(w, l.text); err != nil {
			return err
		}
	}
	return nil
}

// jsonReport is the documented JSON output. Version 1; fields are only ever
// added.
type jsonReport struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
}

type jsonFinding struct {
	Rule       string          `json:"rule"`
	Name       string          `json:"name"`
	Severity   string          `json:"severity"`
	File       string          `json:"file"`
	Line       int             `json:"line"`
	Column     int             `json:"column"`
	EndLine    int             `json:"endLine"`
	EndColumn  int             `json:"endColumn"`
	Message    string          `json:"message"`
	Fix        string          `json:"fix"`
	Related    []jsonRelated   `json:"related"`
	Suppressed *jsonSuppressed `json:"suppressed,omitempty"`
}

type jsonSuppressed struct {
	Reason string `json:"reason"`
}

type jsonRelated struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonError struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func writeJSON(w io.Writer, r *result) error {
	rep := jsonReport{Version: 1, Findings: []jsonFinding{}, Errors: []jsonError{}}
	for _, d := range r.findings {
		f := jsonFinding{
			Rule: d.Rule.ID, Name: d.Rule.Name, Severity: d.Severity.String(),
			File: d.Start.File, Line: int(d.Start.Line), Column: int(d.Start.Column),
			EndLine: int(d.End.Line), EndColumn: int(d.End.Column),
			Message: d.Message, Fix: d.Fix, Related: []jsonRelated{},
		}
		for _, rel := range d.Related {
			f.Related = append(f.Related, jsonRelated{File: rel.File, Line: int(rel.Line), Column: int(rel.Column), Message: rel.Message})
		}
		if d.Suppressed != nil {
			f.Suppressed = &jsonSuppressed{Reason: d.Suppressed.Reason}
		}
		rep.Findings = append(rep.Findings, f)
	}
	for _, p := range r.errors {
		rep.Errors = append(rep.Errors, jsonError{File: p.File, Line: int(p.Line), Column: int(p.Column), Severity: p.Severity, Message: p.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
