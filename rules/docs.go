package rules

import (
	"fmt"
	"strings"
)

// Markdown renders the rules' documentation for the README: a table of
// every rule, then a section per rule with why, a bad and a good example,
// and the fix. The README's rule section is this text, checked by a test.
func Markdown(rules []*Rule) string {
	var b strings.Builder
	b.WriteString("| id | name | severity | finds |\n|---|---|---|---|\n")
	for _, r := range rules {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", r.ID, Anchor(r), r.Name, r.Severity, r.Doc.Summary)
	}
	for _, r := range rules {
		fmt.Fprintf(&b, "\n### %s %s\n\n", r.ID, r.Name)
		sev := r.Severity.String()
		if r.Security {
			sev += ", security"
		}
		fmt.Fprintf(&b, "Default severity: %s. %s\n\n", sev, r.Doc.Why)
		fmt.Fprintf(&b, "Flagged:\n\n```nginx\n%s```\n\n", r.Doc.Bad)
		fmt.Fprintf(&b, "Fixed:\n\n```nginx\n%s```\n\n", r.Doc.Good)
		fmt.Fprintf(&b, "Fix: %s\n", r.Doc.Fix)
	}
	return b.String()
}

// Anchor is the README anchor of a rule's section, as GitHub makes it from
// the heading "WS002 missing-upgrade-header".
func Anchor(r *Rule) string {
	return strings.ToLower(r.ID) + "-" + r.Name
}
