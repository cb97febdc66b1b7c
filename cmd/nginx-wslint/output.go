package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
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

// writeText prints "path:line:col: severity: message" lines, the format
// compilers use and editors parse.
func writeText(w io.Writer, r *result) error {
	for _, p := range r.errors {
		if _, err := fmt.Fprintf(w, "%s: %s: %s\n", p.Position, p.Severity, p.Message); err != nil {
			return err
		}
	}
	return nil
}

// jsonReport is the documented JSON output. Version 1; fields are only ever
// added.
type jsonReport struct {
	Version  int         `json:"version"`
	Findings []any       `json:"findings"`
	Errors   []jsonError `json:"errors"`
}

type jsonError struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
}

func writeJSON(w io.Writer, r *result) error {
	rep := jsonReport{Version: 1, Findings: []any{}, Errors: []jsonError{}}
	for _, p := range r.errors {
		rep.Errors = append(rep.Errors, jsonError{File: p.File, Line: int(p.Line), Column: int(p.Column), Severity: p.Severity, Message: p.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}
