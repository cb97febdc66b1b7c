package lsp

import (
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// DocsURL is where the rules are documented: the README's rule sections,
// the anchors SARIF's helpUri uses.
const DocsURL = "https://github.com/nginx-wslint/nginx-wslint"

// suppressionAnchor is the README section on suppression comments (WS000).
const suppressionAnchor = "suppressing-a-finding"

// ruleURL is the documentation of a rule.
func ruleURL(r *rules.Rule) string {
	if r == rules.WS000 {
		return DocsURL + "#" + suppressionAnchor
	}
	return DocsURL + "#" + rules.Anchor(r)
}

// severity maps a finding's severity to LSP's.
func severity(s rules.Severity) int {
	switch s {
	case rules.Error:
		return SeverityError
	case rules.Warning:
		return SeverityWarning
	}
	return SeverityInformation
}

// indexes caches the line index of each file of a context.
type indexes struct {
	c  *lintContext
	li map[string]*lineIndex
}

func (x *indexes) of(path string) *lineIndex {
	if li, ok := x.li[path]; ok {
		return li
	}
	var li *lineIndex
	if f := x.c.files[path]; f != nil {
		li = newLineIndex(f.Src)
	}
	x.li[path] = li
	return li
}

// rangeOf converts start and end positions of one file to an LSP range; a
// missing end is the end of the word at start.
func (x *indexes) rangeOf(start, end parser.Position) (Range, bool) {
	li := x.of(start.File)
	if li == nil {
		return Range{}, false
	}
	so := int(start.Offset)
	eo := wordEnd(li.text, so)
	if end.File == start.File && end.Offset > start.Offset {
		eo = int(end.Offset)
	}
	return Range{Start: li.position(so), End: li.position(eo)}, true
}

// wordEnd is the end of the nginx word starting at off (a quoted word
// included), or off+1 when there is no word there.
func wordEnd(src string, off int) int {
	if off >= len(src) {
		return off
	}
	if q := src[off]; q == '"' || q == '\'' {
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case q:
				return i + 1
			case '\n':
				return i
			}
		}
		return len(src)
	}
	i := off
	for i < len(src) && !strings.ContainsRune(" \t\r\n;{}", rune(src[i])) {
		i++
	}
	if i == off && src[off] != '\n' {
		i++
	}
	return i
}

// diagnostics converts a context's findings and errors to LSP diagnostics,
// by file path. Suppressed findings are left out, as text output hides
// them.
func (s *Server) diagnostics(c *lintContext) map[string][]Diagnostic {
	out := map[string][]Diagnostic{}
	x := &indexes{c: c, li: map[string]*lineIndex{}}
	for _, e := range c.res.Problems {
		r, ok := x.rangeOf(e.Position, parser.Position{})
		if !ok {
			continue
		}
		out[e.File] = append(out[e.File], Diagnostic{Range: r, Severity: severity(e.Severity), Source: "nginx-wslint", Message: e.Message})
	}
	for i := range c.res.Findings {
		d := &c.res.Findings[i]
		if d.Suppressed != nil {
			continue
		}
		r, ok := x.rangeOf(d.Start, d.End)
		if !ok {
			continue
		}
		msg := d.Message
		if d.Fix != "" {
			msg += "\nfix: " + d.Fix
		}
		diag := Diagnostic{
			Range:           r,
			Severity:        severity(d.Severity),
			Code:            d.Rule.ID,
			CodeDescription: &CodeDescription{Href: ruleURL(d.Rule)},
			Source:          "nginx-wslint",
			Message:         msg,
		}
		for _, rel := range d.Related {
			rr, ok := x.rangeOf(rel.Position, parser.Position{})
			if !ok {
				continue
			}
			uri, _ := s.uriFor(rel.File)
			diag.RelatedInformation = append(diag.RelatedInformation, DiagnosticRelatedInformation{
				Location: Location{URI: uri, Range: rr},
				Message:  rel.Message,
			})
		}
		out[d.Start.File] = append(out[d.Start.File], diag)
	}
	return out
}
