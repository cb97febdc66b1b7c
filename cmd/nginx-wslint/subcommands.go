package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

// runRules prints the rule table from the registry.
func runRules(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if args[0] == "--help" || args[0] == "-h" {
			fmt.Fprintln(stdout, "Usage: nginx-wslint rules\n\nLists every rule: id, name, default severity and what it finds.\nnginx-wslint explain ID shows a rule's documentation.")
			return exitOK
		}
		return usageError(stderr, errors.New("rules takes no arguments"))
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tFINDS")
	for _, r := range rules.All {
		sev := r.Severity.String()
		if r.Security {
			sev += " (security)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, sev, r.Doc.Summary)
	}
	fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", rules.WS000.ID, rules.WS000.Name, rules.WS000.Severity, rules.WS000.Doc.Summary)
	if err := tw.Flush(); err != nil {
		return exitError
	}
	return exitOK
}

// runExplain prints one rule's documentation.
func runExplain(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "--help" || args[0] == "-h") {
		fmt.Fprintln(stdout, "Usage: nginx-wslint explain ID\n\nShows a rule's documentation: what it finds, why it breaks, a flagged and a fixed\nexample, and the fix. ID is a rule id (WS002) or name (missing-upgrade-header).")
		return exitOK
	}
	if len(args) != 1 {
		return usageError(stderr, errors.New("explain takes one rule id, such as WS002 (nginx-wslint rules lists them)"))
	}
	r := rules.ByID(args[0])
	if r == nil && strings.EqualFold(args[0], rules.WS000.ID) {
		r = rules.WS000
	}
	if r == nil {
		return usageError(stderr, fmt.Errorf("no rule %q: nginx-wslint rules lists them", args[0]))
	}
	sev := r.Severity.String()
	if r.Security {
		sev += ", security"
	}
	fmt.Fprintf(stdout, "%s %s (%s)\n\n%s\n\n%s\n\nFlagged:\n\n%s\nFixed:\n\n%s\nFix: %s\n",
		r.ID, r.Name, sev, r.Doc.Summary, wrap(r.Doc.Why, 78), indent(r.Doc.Bad), indent(r.Doc.Good), wrap(r.Doc.Fix, 78))
	return exitOK
}

func indent(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if line != "" && line != "\n" {
			b.WriteString("    ")
		}
		b.WriteString(line)
	}
	return b.String()
}

// wrap breaks prose at spaces so that no line exceeds width.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		if i > 0 {
			if n+1+len(word) > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

// commands are the subcommands, for help and for suggestions.
var commands = []string{"route", "rules", "explain", "version", "help"}

// runHelp prints the usage, or a subcommand's: nginx-wslint help route.
func runHelp(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 0:
		return run([]string{"--help"}, nil, stdout, stderr)
	case len(args) == 1 && args[0] != "help" && slices.Contains(commands, args[0]):
		if args[0] == "version" {
			fmt.Fprintln(stdout, "Usage: nginx-wslint version\n\nPrints the version (also: nginx-wslint --version).")
			return exitOK
		}
		return run([]string{args[0], "--help"}, nil, stdout, stderr)
	}
	return usageError(stderr, fmt.Errorf("help takes one command: %s", strings.Join(commands[:len(commands)-1], ", ")))
}

// mistypedCommand returns the subcommand arg was probably meant to be
// ("routes" for route), or "" when arg is no near miss or names an existing
// file (a file called "rule" is linted).
func mistypedCommand(arg string) string {
	if arg == "" || strings.ContainsAny(arg, "-./\\") {
		return ""
	}
	if _, err := os.Stat(arg); err == nil {
		return ""
	}
	for _, c := range commands {
		if editDistance(strings.ToLower(arg), c) <= 2 {
			return c
		}
	}
	return ""
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
