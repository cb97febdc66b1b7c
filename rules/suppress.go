package rules

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// WS000 reports suppression comments that do not do what they say: without
// a reason, naming an unknown rule, or matching no finding. It is not in
// All: it is not a check of the configuration, but its findings still need
// a rule to carry them.
var WS000 = &Rule{
	ID:       "WS000",
	Name:     "suppression",
	Severity: Note,
	Doc: Doc{
		Summary: "a suppression comment has no reason, names an unknown rule, or silences nothing",
		Why: "`# nginx-wslint-ignore WS006 -- reason` on a finding's line, or alone on the line above it, silences " +
			"that rule there; `# nginx-wslint-ignore-file WS004 -- reason` before the first directive of a file " +
			"silences it in the whole file. The reason is required, so that the next reader knows why. A suppression " +
			"that silences nothing is stale and should go.",
		Bad:  ws000Example(""),
		Good: ws000Example(" -- the client pings every 20s"),
		Fix:  "Give the reason after ` -- `, fix the rule id, or delete the comment.",
	},
}

// ws000Example is a WebSocket location whose short read timeout is
// suppressed, with the reason given.
func ws000Example(reason string) string {
	return "location /ws/ {\n" +
		"    proxy_pass http://127.0.0.1:8080;\n" +
		"    proxy_http_version 1.1;\n" +
		"    proxy_set_header Upgrade $http_upgrade;\n" +
		"    proxy_set_header Connection \"upgrade\";\n" +
		"    proxy_read_timeout 30s;  # nginx-wslint-ignore WS006" + reason + "\n" +
		"}\n"
}

// suppressRe reads a suppression comment; compiled on first use, since most
// runs meet none and start-up counts for editor checks.
var suppressRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^#\s*nginx-wslint-ignore(-file)?\b\s*(.*)$`)
})

type suppression struct {
	pos    parser.Position
	file   bool // -file form
	ids    []string
	reason string
	alone  bool // the comment is alone on its line
	used   bool
}

// ApplySuppressions marks the findings that suppression comments in cfgs
// silence and appends WS000 notes for suppressions that are malformed or
// silence nothing. Suppressions are read from the comments of every file
// the configurations read, once per file.
//
// ran are the rules that ran: a suppression of a rule that was turned off
// is not reported as unused.
func ApplySuppressions(cfgs []*parser.Config, diags []Diagnostic, ran []*Rule) []Diagnostic {
	var sups []*suppression
	var notes []Diagnostic
	seen := map[string]bool{}
	for _, cfg := range cfgs {
		for _, f := range cfg.Files {
			if seen[f.Path] {
				continue
			}
			seen[f.Path] = true
			s, n := readSuppressions(f)
			sups = append(sups, s...)
			notes = append(notes, n...)
		}
	}
	// Same line, or alone on the line above.
	type lineKey struct {
		file string
		line int32
	}
	byLine := map[lineKey][]*suppression{}
	byFile := map[string][]*suppression{}
	for _, s := range sups {
		if s.file {
			byFile[s.pos.File] = append(byFile[s.pos.File], s)
			continue
		}
		key := lineKey{s.pos.File, s.pos.Line}
		byLine[key] = append(byLine[key], s)
		if s.alone {
			key.line++
			byLine[key] = append(byLine[key], s)
		}
	}
	for i := range diags {
		d := &diags[i]
		for _, cands := range [2][]*suppression{byLine[lineKey{d.Start.File, d.Start.Line}], byFile[d.Start.File]} {
			if s := match(cands, d.Rule.ID); s != nil {
				s.used = true
				d.Suppressed = &Suppression{Reason: s.reason, Comment: s.pos}
				break
			}
		}
	}
	active := map[string]bool{}
	for _, r := range ran {
		active[r.ID] = true
	}
	for _, s := range sups {
		anyActive := false
		for _, id := range s.ids {
			anyActive = anyActive || active[id]
		}
		if !s.used && s.reason != "" && anyActive {
			notes = append(notes, note(s.pos, fmt.Sprintf("suppression of %s silences no finding here; delete it if the problem is gone", strings.Join(s.ids, ",")),
				"delete the comment"))
		}
	}
	diags = append(diags, notes...)
	Sort(diags)
	return diags
}

// readSuppressions parses a file's suppression comments.
func readSuppressions(f *parser.File) (sups []*suppression, notes []Diagnostic) {
	firstLine := int32(1 << 30)
	if len(f.Directives) > 0 {
		firstLine = f.Directives[0].Start.Line
	}
	for _, c := range f.Comments {
		if !strings.Contains(c.Text, "nginx-wslint-ignore") {
			continue
		}
		m := suppressRe().FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		pos := parser.Position{File: f.Path, Pos: c.Start}
		s := &suppression{pos: pos, file: m[1] != "", alone: aloneOnLine(f.Src, int(c.Start.Offset))}
		idsText, reason, hasReason := strings.Cut(m[2], "--")
		s.reason = strings.TrimSpace(reason)
		unknown := false
		for _, id := range strings.FieldsFunc(idsText, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }) {
			r := ByID(strings.ToUpper(id))
			if r == nil {
				r = ByID(strings.ToLower(id))
			}
			if r == nil {
				unknown = true
				notes = append(notes, note(pos, fmt.Sprintf("suppression names %s, which is no rule of nginx-wslint (see nginx-wslint rules)", id),
					"use a rule id such as WS006"))
				continue
			}
			s.ids = append(s.ids, r.ID)
		}
		switch {
		case len(s.ids) == 0 && !unknown:
			notes = append(notes, note(pos, "suppression names no rule: write the ids to silence, as in # nginx-wslint-ignore WS006 -- reason", "name the rules it silences"))
		case !hasReason || s.reason == "":
			notes = append(notes, note(pos, "suppression without a reason does not take effect: write why after \" -- \", as in # nginx-wslint-ignore WS006 -- the client pings every 20s", "add the reason after \" -- \""))
		case s.file && c.Start.Line > firstLine:
			notes = append(notes, note(pos, "nginx-wslint-ignore-file must come before the first directive of the file; here it does not take effect", "move it to the top of the file"))
			continue
		}
		sups = append(sups, s)
	}
	return sups, notes
}

func note(pos parser.Position, msg, fix string) Diagnostic {
	return Diagnostic{Rule: WS000, Severity: Note, Start: pos, End: pos, Message: msg, Fix: fix}
}

// aloneOnLine reports whether only blanks precede offset on its line.
func aloneOnLine(src string, off int) bool {
	for i := off - 1; i >= 0 && src[i] != '\n'; i-- {
		if src[i] != ' ' && src[i] != '\t' {
			return false
		}
	}
	return true
}

// match returns the first suppression of cands that silences rule id.
func match(cands []*suppression, id string) *suppression {
	for _, s := range cands {
		if s.reason != "" && contains(s.ids, id) {
			return s
		}
	}
	return nil
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
