package report

import (
	"io"
	"slices"

	"github.com/nginx-wslint/nginx-wslint/lint"
)

// The documented JSON output, version 1 (fields are only ever added), is
// an object {"version": 1, "findings": [jsonFinding...], "errors":
// [jsonError...]}, written by JSON member by member.

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
	Edits      []jsonEdit      `json:"edits,omitempty"`
	Related    []jsonRelated   `json:"related"`
	Suppressed *jsonSuppressed `json:"suppressed,omitempty"`
}

// jsonEdit is one text edit of a finding's fix: replace the bytes
// [start, end) of file with newText.
type jsonEdit struct {
	File    string `json:"file"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	NewText string `json:"newText"`
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
	// Internal marks a bug in nginx-wslint (a rule that crashed), not a
	// problem in the configuration; Rule is the rule, when one failed.
	Internal bool   `json:"internal,omitempty"`
	Rule     string `json:"rule,omitempty"`
	Fix      string `json:"fix,omitempty"`
}

// JSON writes the documented JSON report: every finding (suppressed ones
// with their reason) and every configuration error. Findings are written
// as they are formatted, one at a time.
func JSON(w io.Writer, r *lint.Result, o Options) error {
	s := newJSONStream(w)
	var errs []any
	s.raw("{")
	s.key("version", 1, true)
	s.value(1, 1)
	s.key("findings", 1, false)
	s.array(1, func(yield func(any) bool) {
		for v := range eachView(r, o.Paths, true) {
			if v.Kind != lint.Finding {
				errs = append(errs, jsonError{File: o.Paths.Show(v.Start.File), Line: int(v.Start.Line), Column: int(v.Start.Column),
					Severity: v.Severity.String(), Message: v.message, Internal: v.Kind == lint.InternalError, Rule: v.RuleID(), Fix: v.Fix})
				continue
			}
			if !yield(jsonFindingOf(o.Paths, v)) {
				return
			}
		}
	})
	s.key("errors", 1, false)
	s.array(1, slices.Values(errs))
	s.newline(0)
	s.raw("}")
	return s.close()
}

func jsonFindingOf(pd *Paths, v view) jsonFinding {
	d := v.Diagnostic
	f := jsonFinding{
		Rule: d.Rule.ID, Name: d.Rule.Name, Severity: d.Severity.String(),
		File: pd.Show(d.Start.File), Line: int(d.Start.Line), Column: int(d.Start.Column),
		EndLine: int(d.End.Line), EndColumn: int(d.End.Column),
		Message: v.message, Fix: d.Fix, Related: []jsonRelated{},
	}
	for _, e := range d.Edits {
		f.Edits = append(f.Edits, jsonEdit{File: pd.Show(e.File), Start: e.Start, End: e.End, NewText: e.NewText})
	}
	for i, rel := range d.Related {
		f.Related = append(f.Related, jsonRelated{File: pd.Show(rel.File), Line: int(rel.Line), Column: int(rel.Column), Message: v.related[i]})
	}
	if d.Suppressed != nil {
		f.Suppressed = &jsonSuppressed{Reason: d.Suppressed.Reason}
	}
	return f
}
