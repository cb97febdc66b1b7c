package lsp

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

// codeActions answers textDocument/codeAction: for each finding in the
// range, its fix (when the rule gives edits) and a suppression comment.
func (s *Server) codeActions(p CodeActionParams) (any, error) {
	out := []CodeAction{}
	if len(p.Context.Only) > 0 {
		want := false
		for _, k := range p.Context.Only {
			want = want || k == "quickfix" || k == "" // quickfix has no sub-kinds
		}
		if !want {
			return out, nil
		}
	}
	sp, err := s.locate(p.TextDocument.URI, p.Range.Start)
	if err != nil {
		return nil, err
	}
	diags := s.diagnostics(sp.c)[sp.file.Path]
	x := sp.x
	for i := range sp.c.res.Findings {
		f := &sp.c.res.Findings[i]
		if f.Suppressed != nil || f.Start.File != sp.file.Path {
			continue
		}
		r, ok := x.rangeOf(f.Start, f.End)
		if !ok || !overlaps(r, p.Range) {
			continue
		}
		var diag []Diagnostic
		for _, d := range diags {
			if d.Range == r && d.Code == f.Rule.ID {
				diag = append(diag, d)
				break
			}
		}
		if len(f.Edits) > 0 {
			if edit := s.workspaceEdit(x, f.Edits); edit != nil {
				out = append(out, CodeAction{
					Title:       "Fix " + f.Rule.ID + ": " + actionTitle(f.Fix),
					Kind:        "quickfix",
					Diagnostics: diag,
					IsPreferred: true,
					Edit:        edit,
				})
			}
		}
		if f.Rule != rules.WS000 {
			if edit := suppressEdit(sp.li, int(f.Start.Offset), f.Rule.ID); edit != nil {
				out = append(out, CodeAction{
					Title:       "Suppress " + f.Rule.ID + " here with a reason (type it after \"--\")",
					Kind:        "quickfix",
					Diagnostics: diag,
					Edit:        &WorkspaceEdit{Changes: map[string][]TextEdit{sp.doc.uri: {*edit}}},
				})
			}
		}
	}
	return out, nil
}

// overlaps reports whether two ranges share a line: a cursor anywhere on
// a finding's line (as Neovim asks, with the line's diagnostics) gets its
// actions.
func overlaps(a, b Range) bool {
	return a.End.Line >= b.Start.Line && b.End.Line >= a.Start.Line
}

func before(p, q Position) bool {
	return p.Line < q.Line || p.Line == q.Line && p.Character < q.Character
}

// actionTitle shortens a fix message to a menu entry.
func actionTitle(fix string) string {
	fix = strings.TrimSpace(fix)
	if i := strings.Index(fix, " ("); i > 0 {
		fix = fix[:i]
	}
	if len(fix) > 100 {
		fix = fix[:97] + "..."
	}
	return fix
}

// workspaceEdit converts a finding's byte-offset edits, which may touch
// several files, to LSP text edits.
func (s *Server) workspaceEdit(x *indexes, edits []rules.Edit) *WorkspaceEdit {
	we := &WorkspaceEdit{Changes: map[string][]TextEdit{}}
	for _, e := range edits {
		li := x.of(e.File)
		if li == nil || e.Start < 0 || e.End < e.Start || e.End > len(li.text) {
			return nil // an edit of a file the context did not read: offer nothing rather than a wrong edit
		}
		uri, _ := s.uriFor(e.File)
		we.Changes[uri] = append(we.Changes[uri], TextEdit{
			Range:   Range{Start: li.position(e.Start), End: li.position(e.End)},
			NewText: e.NewText,
		})
	}
	for uri := range we.Changes {
		es := we.Changes[uri]
		sort.SliceStable(es, func(i, j int) bool { return before(es[i].Range.Start, es[j].Range.Start) })
	}
	return we
}

// ignoreAbove matches a suppression comment alone on its line, with its
// rule list (group 2) and what follows it.
// Compiled on first use: a command-line check never needs it.
var ignoreAbove = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([ \t]*#\s*nginx-wslint-ignore\s+)([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)`)
})

// suppressEdit inserts "# nginx-wslint-ignore ID -- " alone on the line
// above the finding, indented as the finding's line; when that line is
// already such a comment, the id joins its list. The reason is left for
// the user to type: a suppression without one does not take effect.
func suppressEdit(li *lineIndex, off int, id string) *TextEdit {
	pos := li.position(off)
	lineStart := li.start[pos.Line]
	if pos.Line > 0 {
		prev := li.text[li.start[pos.Line-1]:li.lineEnd(pos.Line-1)]
		if m := ignoreAbove().FindStringSubmatchIndex(prev); m != nil {
			ids := prev[m[4]:m[5]]
			for _, have := range strings.Split(ids, ",") {
				if strings.EqualFold(strings.TrimSpace(have), id) {
					return nil
				}
			}
			at := li.position(li.start[pos.Line-1] + m[5])
			return &TextEdit{Range: Range{Start: at, End: at}, NewText: "," + id}
		}
	}
	indent := ""
	for i := lineStart; i < len(li.text) && (li.text[i] == ' ' || li.text[i] == '\t'); i++ {
		indent += string(li.text[i])
	}
	at := Position{Line: pos.Line, Character: 0}
	eol := "\n"
	if end := li.lineEnd(pos.Line); end < len(li.text) && li.text[end] == '\r' {
		eol = "\r\n"
	}
	return &TextEdit{Range: Range{Start: at, End: at}, NewText: indent + "# nginx-wslint-ignore " + id + " -- " + eol}
}
