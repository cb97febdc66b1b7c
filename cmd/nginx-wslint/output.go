package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// outputOptions say how findings are written.
type outputOptions struct {
	format string
	color  bool
	quiet  bool
	paths  *pathDisplay
}

// sortProblems orders problems by file, line and column, as findings are.
func sortProblems(ps []problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		return lessPos(ps[i].Position, ps[j].Position)
	})
}

func lessPos(a, b parser.Position) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Column < b.Column
}

func write(w io.Writer, o *outputOptions, r *result) error {
	// Messages quote file paths; show them as the findings' own paths.
	files := r.files()
	for i := range r.findings {
		r.findings[i].Message = o.paths.message(r.findings[i].Message, files)
		for j := range r.findings[i].Related {
			r.findings[i].Related[j].Message = o.paths.message(r.findings[i].Related[j].Message, files)
		}
	}
	switch o.format {
	case "json":
		return writeJSON(w, o, r)
	case "github":
		return writeGitHub(w, o, r)
	case "sarif":
		return writeSARIF(w, r, sarifOptions{BaseDir: o.paths.cwd, Paths: o.paths})
	}
	return writeText(w, o, r)
}

// entry is one printed item: a configuration error or a finding.
type entry struct {
	pos      parser.Position
	end      parser.Position
	severity string
	message  string
	rule     string
	fix      string
}

// entries lists errors and unsuppressed findings in file/line order.
func (r *result) entries() []entry {
	var es []entry
	for _, p := range r.errors {
		es = append(es, entry{pos: p.Position, end: p.Position, severity: p.Severity, message: p.Message})
	}
	for _, d := range r.findings {
		if d.Suppressed != nil {
			continue
		}
		es = append(es, entry{pos: d.Start, end: d.End, severity: d.Severity.String(), message: d.Message, rule: d.Rule.ID, fix: d.Fix})
	}
	sort.SliceStable(es, func(i, j int) bool { return lessPos(es[i].pos, es[j].pos) })
	return es
}

var severityColor = map[string]string{"error": "\x1b[1;31m", "warning": "\x1b[1;33m", "note": "\x1b[1;36m"}

const colorReset, colorBold, colorDim = "\x1b[0m", "\x1b[1m", "\x1b[2m"

// writeText prints "path:line:col: severity: message [RULE]", the format
// compilers use and editors parse, then the source line with a ^~~~ under
// the directive and an indented fix, and a summary line.
func writeText(w io.Writer, o *outputOptions, r *result) error {
	var b strings.Builder
	paint := func(code, s string) string {
		if !o.color {
			return s
		}
		return code + s + colorReset
	}
	counts := map[string]int{}
	for _, e := range r.entries() {
		counts[e.severity]++
		loc := fmt.Sprintf("%s:%d:%d:", o.paths.show(e.pos.File), e.pos.Line, e.pos.Column)
		fmt.Fprintf(&b, "%s %s %s", paint(colorBold, loc), paint(severityColor[e.severity], e.severity+":"), printable(e.message))
		if e.rule != "" {
			fmt.Fprintf(&b, " [%s]", e.rule)
		}
		b.WriteByte('\n')
		if o.quiet {
			continue
		}
		if src, ok := r.source(e.pos.File); ok {
			if line, under := excerpt(src, e.pos, e.end); line != "" && printable(line) == line {
				fmt.Fprintf(&b, "    %s\n    %s\n", line, paint(severityColor[e.severity], under))
			}
		}
		if e.fix != "" {
			fmt.Fprintf(&b, "    %s %s\n", paint(colorDim, "fix:"), e.fix)
		}
	}
	if !o.quiet && len(counts) > 0 {
		var parts []string
		for _, s := range []string{"error", "warning", "note"} {
			if n := counts[s]; n > 0 {
				parts = append(parts, plural(n, s))
			}
		}
		fmt.Fprintf(&b, "%s\n", strings.Join(parts, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// excerpt returns the source line at pos and an underline of ^~~~ from
// pos to end (or to the end of the line); tabs are kept so that the
// underline stays aligned.
func excerpt(src string, pos, end parser.Position) (line, under string) {
	start := int(pos.Offset) - int(pos.Column) + 1
	if start < 0 || start > len(src) {
		return "", ""
	}
	stop := strings.IndexByte(src[start:], '\n')
	if stop < 0 {
		stop = len(src) - start
	}
	line = strings.TrimRight(src[start:start+stop], "\r")
	col := int(pos.Column) - 1
	if col > len(line) {
		return "", ""
	}
	width := 1
	switch {
	case end.File == pos.File && end.Line == pos.Line && end.Column > pos.Column:
		width = int(end.Column - pos.Column)
	case end.Line > pos.Line:
		width = len(line) - col
	}
	width = max(1, min(width, len(line)-col))
	var u strings.Builder
	for _, c := range line[:col] {
		if c == '\t' {
			u.WriteByte('\t')
		} else {
			u.WriteByte(' ')
		}
	}
	u.WriteByte('^')
	u.WriteString(strings.Repeat("~", width-1))
	return line, u.String()
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// writeGitHub prints GitHub Actions workflow commands, one annotation per
// finding, then the plain text lines (GitHub shows only the first 10
// annotations of each severity per step) and a summary.
func writeGitHub(w io.Writer, o *outputOptions, r *result) error {
	var b strings.Builder
	level := map[string]string{"error": "error", "warning": "warning", "note": "notice"}
	es := r.entries()
	for _, e := range es {
		title := e.rule
		if title == "" {
			title = "nginx configuration error"
		}
		props := fmt.Sprintf("file=%s,line=%d,col=%d", ghProperty(o.paths.show(e.pos.File)), e.pos.Line, e.pos.Column)
		if e.end.File == e.pos.File && e.end.Line >= e.pos.Line && e.end.Line > 0 {
			props += fmt.Sprintf(",endLine=%d", e.end.Line)
			if e.end.Line == e.pos.Line && e.end.Column > e.pos.Column {
				props += fmt.Sprintf(",endColumn=%d", e.end.Column)
			}
		}
		msg := e.message
		if e.fix != "" {
			msg += "\nfix: " + e.fix
		}
		fmt.Fprintf(&b, "::%s %s,title=%s::%s\n", level[e.severity], props, ghProperty(title), ghData(msg))
	}
	plain := *o
	plain.color = false
	plain.quiet = true
	if err := writeText(&b, &plain, r); err != nil {
		return err
	}
	counts := map[string]int{}
	for _, e := range es {
		counts[e.severity]++
	}
	fmt.Fprintf(&b, "nginx-wslint: %d errors, %d warnings, %d notes\n", counts["error"], counts["warning"], counts["note"])
	_, err := io.WriteString(w, b.String())
	return err
}

// ghData escapes a workflow command's message.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
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

func writeJSON(w io.Writer, o *outputOptions, r *result) error {
	rep := jsonReport{Version: 1, Findings: []jsonFinding{}, Errors: []jsonError{}}
	for _, d := range r.findings {
		rep.Findings = append(rep.Findings, jsonFindingOf(o, d))
	}
	for _, p := range r.errors {
		rep.Errors = append(rep.Errors, jsonError{File: o.paths.show(p.File), Line: int(p.Line), Column: int(p.Column), Severity: p.Severity, Message: p.Message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(rep)
}

func jsonFindingOf(o *outputOptions, d rules.Diagnostic) jsonFinding {
	f := jsonFinding{
		Rule: d.Rule.ID, Name: d.Rule.Name, Severity: d.Severity.String(),
		File: o.paths.show(d.Start.File), Line: int(d.Start.Line), Column: int(d.Start.Column),
		EndLine: int(d.End.Line), EndColumn: int(d.End.Column),
		Message: d.Message, Fix: d.Fix, Related: []jsonRelated{},
	}
	for _, rel := range d.Related {
		f.Related = append(f.Related, jsonRelated{File: o.paths.show(rel.File), Line: int(rel.Line), Column: int(rel.Column), Message: rel.Message})
	}
	if d.Suppressed != nil {
		f.Suppressed = &jsonSuppressed{Reason: d.Suppressed.Reason}
	}
	return f
}

// printable escapes control bytes (other than tab) as \xNN, so that a
// binary file quoted in a message cannot drive the terminal.
func printable(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7f {
			fmt.Fprintf(&b, "\\x%02x", c)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
