package main

import (
	"bytes"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestREADMEFlagTable keeps the README's flag table and --help together:
// every flag --help lists is in the table and every flag in the table is
// one --help lists, and where --help names a flag's values ("output
// format: text, json, sarif or github"), the table names each of them.
func TestREADMEFlagTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	table := readmeFlags(t, string(readme))

	var help bytes.Buffer
	if code := run([]string{"--help"}, nil, &help, &help); code != 0 {
		t.Fatalf("--help exits %d", code)
	}
	helpFlags := map[string]string{} // flag -> its usage line
	flagLine := regexp.MustCompile(`^\s+(?:-\w, )?--([a-z-]+)\b(.*)$`)
	for _, line := range strings.Split(help.String(), "\n") {
		if m := flagLine.FindStringSubmatch(line); m != nil {
			helpFlags[m[1]] = m[2]
		}
	}
	if len(helpFlags) < 10 {
		t.Fatalf("only %d flags found in --help:\n%s", len(helpFlags), help.String())
	}
	helpFlags["help"] = "usage"
	for f, usage := range helpFlags {
		row, ok := table[f]
		if !ok {
			t.Errorf("--%s (--help: %q) is not in the README's flag table", f, strings.TrimSpace(usage))
			continue
		}
		for _, v := range helpValues(usage) {
			if !strings.Contains(row, v) {
				t.Errorf("the README's row for --%s does not name %q, which --help lists: %s", f, v, row)
			}
		}
	}
	var extra []string
	for f := range table {
		if _, ok := helpFlags[f]; !ok {
			extra = append(extra, "--"+f)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("the README's flag table lists flags --help does not: %v", extra)
	}
}

// readmeFlags returns the rows of the README's flag table (the table whose
// header is "| flag | meaning |"), by each flag the row names.
func readmeFlags(t *testing.T, readme string) map[string]string {
	t.Helper()
	i := strings.Index(readme, "| flag | meaning |")
	if i < 0 {
		t.Fatal(`no "| flag | meaning |" table in the README`)
	}
	out := map[string]string{}
	name := regexp.MustCompile("`--([a-z-]+)")
	for _, line := range strings.Split(readme[i:], "\n")[2:] {
		if !strings.HasPrefix(line, "|") {
			break
		}
		cells := strings.SplitN(line, "|", 3)
		for _, m := range name.FindAllStringSubmatch(cells[1], -1) {
			out[m[1]] = line
		}
	}
	if len(out) == 0 {
		t.Fatal("the README's flag table is empty")
	}
	return out
}

// helpValues returns the values a --help line enumerates after a colon,
// three or more of them: "output format: text, json, sarif or github" gives
// text, json, sarif, github.
func helpValues(usage string) []string {
	m := regexp.MustCompile(`: ([a-z0-9]+(?:, [a-z0-9]+)+ or [a-z0-9]+)\b`).FindStringSubmatch(usage)
	if m == nil {
		return nil
	}
	return strings.FieldsFunc(strings.ReplaceAll(m[1], " or ", ", "), func(r rune) bool { return r == ',' || r == ' ' })
}
