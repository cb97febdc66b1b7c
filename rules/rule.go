// Package rules holds nginx-wslint's rules and the framework that runs them.
//
// A rule is one value in its own file (ws002_missing_upgrade_header.go):
// an id, a name, a default severity, its documentation, and a check that
// asks the shared semantic model (package model) and reports through a
// Pass. Rules keep no state. All lists every rule, in id order; the command
// line's rules table, explain, SARIF's rule list and the README's rule
// section all come from it.
package rules

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Severity is how serious a finding is.
type Severity uint8

// Severities, lowest first.
const (
	Note Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// ParseSeverity reads "error", "warning" or "note".
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "note":
		return Note, true
	case "warning":
		return Warning, true
	case "error":
		return Error, true
	}
	return 0, false
}

// Doc is a rule's documentation, kept as data so that every place that
// shows it (explain, SARIF, README) shows the same text, and so that tests
// can lint the examples.
type Doc struct {
	Summary string // one line, lower case, no final period
	Why     string // what breaks at run time, and why
	Bad     string // a configuration the rule flags
	Good    string // the same configuration fixed; every rule is silent on it
	Fix     string // how to fix it, in one or two sentences
}

// Rule is one check.
type Rule struct {
	ID       string // WS001
	Name     string // kebab-case: connection-upgrade-map
	Severity Severity
	// Security marks rules whose findings are security problems (code
	// scanning ranks them with a security severity).
	Security bool
	Doc      Doc
	Check    func(p *Pass)
}

// Related is a place that explains a finding: where an inherited value was
// lost, where a map is defined.
type Related struct {
	parser.Position
	Message string
}

// Diagnostic is one finding.
type Diagnostic struct {
	Rule     *Rule
	Severity Severity
	// Start is where the finding points (a directive's first word, a
	// location line); End is the end of that directive's words.
	Start, End parser.Position
	Message    string
	// Fix says how to repair the finding, for a person.
	Fix string
	// Edits repair the finding when applied together, as go/analysis's
	// SuggestedFix does; empty when no edit is safe (the Fix text then
	// says what the operator must decide).
	Edits   []Edit
	Related []Related
	// Node is the directive the finding is about, for fingerprints.
	Node *parser.Directive
	// Suppressed is set when a suppression comment silences the finding.
	Suppressed *Suppression
}

// Edit replaces the bytes [Start, End) of a file's original source with
// NewText; Start == End inserts. Offsets are bytes in the file as read (a
// BOM and CRLF line ends included), so an edit never re-prints the tree.
type Edit struct {
	File       string
	Start, End int
	NewText    string
}

// Suppression is the comment that silences a finding, and its reason.
type Suppression struct {
	Reason  string
	Comment parser.Position
}

// Options are the settings rules read.
type Options struct {
	// MinReadTimeout is WS006's threshold; zero means the default, 60s.
	MinReadTimeout time.Duration
	// WSPaths are extra glob patterns marking locations as WebSocket ones.
	WSPaths []string
}

// DefaultMinReadTimeout is WS006's default threshold: nginx's own default
// proxy_read_timeout, which drops idle WebSocket connections after a minute.
const DefaultMinReadTimeout = 60 * time.Second

// Pass is what a rule's check sees: the model and a way to report.
type Pass struct {
	Model   *model.Model
	Options Options
	rule    *Rule
	ws      *wsIndex
	out     *[]Diagnostic
}

// Report records a finding of the running rule about directive d (its
// position is d's first word), with an operator-facing message and fix.
//
// d should never be nil: a finding about a level a fragment file does not
// write (the model's synthetic location or server) points at a directive
// inside it (ReportWS anchors it). Should a rule still pass nil, the finding
// is kept, at the start of the configuration's main file, rather than lost
// or turned into a crash. Related locations without a directive, and those
// at the finding's own position, say nothing and are dropped.
func (p *Pass) Report(d *parser.Directive, message, fix string, related ...Related) {
	start, end := p.place(d)
	// A snippet may be included in several places: say which one this is.
	if d != nil && d.File != nil && d.File.IncludedBy != nil {
		related = append(related, RelatedAt(d.File.IncludedBy, "%s is included here", d.File.Path))
	}
	var rel []Related
	for _, r := range related {
		if r.File != "" && r.Position != start {
			rel = append(rel, r)
		}
	}
	*p.out = append(*p.out, Diagnostic{
		Rule:     p.rule,
		Severity: p.rule.Severity,
		Start:    start,
		End:      end,
		Message:  message,
		Fix:      fix,
		Related:  rel,
		Node:     d,
	})
}

// place returns where a finding about d starts and ends.
func (p *Pass) place(d *parser.Directive) (start, end parser.Position) {
	if d != nil && d.File != nil {
		return d.Position(), lineEnd(d)
	}
	start.Line, start.Column = 1, 1
	if cfg := p.Model.Config; cfg != nil && cfg.Main != nil {
		start.File = cfg.Main.Path
	}
	return start, start
}

// RelatedAt builds a related location at directive d; for a nil d (a level
// a fragment does not write) one that Report drops.
func RelatedAt(d *parser.Directive, format string, args ...any) Related {
	if d == nil || d.File == nil {
		return Related{Message: fmt.Sprintf(format, args...)}
	}
	return Related{Position: d.Position(), Message: fmt.Sprintf(format, args...)}
}

// lineEnd is the end of a directive's words: after the ";" of a simple
// directive, after the last argument of a block directive's first line.
func lineEnd(d *parser.Directive) parser.Position {
	if d.Block == nil || len(d.Words) == 0 {
		return parser.Position{File: d.File.Path, Pos: d.End}
	}
	last := d.Words[len(d.Words)-1]
	return parser.Position{File: d.File.Path, Pos: last.End(d.File.Src)}
}

// Run runs rules on a model and returns their findings sorted by file, line,
// column and rule, without duplicates (a file included twice reports once).
func Run(m *model.Model, rules []*Rule, opts Options) []Diagnostic {
	var out []Diagnostic
	ws := newWSIndex(m, opts)
	for _, r := range rules {
		p := &Pass{Model: m, Options: opts, rule: r, ws: ws, out: &out}
		r.Check(p)
	}
	Sort(out)
	return dedup(out)
}

// Sort orders findings by file, line, column and rule id.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Start.File != b.Start.File {
			return a.Start.File < b.Start.File
		}
		if a.Start.Line != b.Start.Line {
			return a.Start.Line < b.Start.Line
		}
		if a.Start.Column != b.Start.Column {
			return a.Start.Column < b.Start.Column
		}
		return a.Rule.ID < b.Rule.ID
	})
}

func dedup(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for i, d := range ds {
		if i > 0 {
			prev := out[len(out)-1]
			if prev.Rule == d.Rule && prev.Start == d.Start && prev.Message == d.Message {
				continue
			}
		}
		out = append(out, d)
	}
	return out
}

// ByID returns the rule with the given id (any case), or nil.
func ByID(id string) *Rule {
	for _, r := range All {
		if strings.EqualFold(r.ID, id) || r.Name == id {
			return r
		}
	}
	return nil
}
