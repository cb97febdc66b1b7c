package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nginx-wslint/nginx-wslint/report"
)

// ghCommand is a workflow command as the GitHub writer starts one.
var ghCommand = regexp.MustCompile(`^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[^:]*::`)

// checkSafeOutput checks what hostile input must not do to text, GitHub and
// route output (issue 13): no control character, line break inside a line
// or invalid UTF-8 from the input, and no workflow command but the ones the
// GitHub writer starts. JSON and SARIF are checked for validity elsewhere.
func checkSafeOutput(t *testing.T, format string, out string) {
	t.Helper()
	// "diff:FORMAT": --diff or --fix, which print a patch, or (--fix on
	// files) the report in FORMAT.
	format, diff := strings.CutPrefix(format, "diff:")
	if !diff && (format == "json" || format == "sarif") {
		return
	}
	if !diff && !utf8.ValidString(out) {
		t.Fatalf("%s output is not UTF-8:\n%q", format, out)
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		// A patch carries the files' bytes as they are (git apply needs
		// them); its lines start with " ", "+", "-" or "\\", never "::".
		body := diff && line != "" && strings.ContainsRune(" +-\\", rune(line[0])) &&
			!strings.HasPrefix(line, "--- ") && !strings.HasPrefix(line, "+++ ")
		if !body && report.Escape(line) != line {
			t.Fatalf("%s output line with a control character: %q", format, line)
		}
		if strings.HasPrefix(line, "::") && (format != "github" || !ghCommand.MatchString(line)) {
			t.Fatalf("%s output: a workflow command the writer did not start: %q", format, line)
		}
	}
}

// route prints names, values and paths from the input: all escaped.
func TestRouteEscaped(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "x\n::add-mask::SECRET\nz.conf")
	conf := "http {\n  server {\n    listen 80;\n    server_name \"a\\n::error file=b::INJECTED\";\n" +
		"    location \"/ws\\n::warning file=a::INJECTED\" {\n      proxy_pass http://b;\n" +
		"      proxy_set_header X-Evil \"\x1b]0;TITLE\x07\x9b\u009b\";\n      proxy_set_header Upgrade $http_upgrade;\n    }\n  }\n}\nevents {}\n"
	if err := os.WriteFile(file, []byte(conf), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	code, out, errOut := runIn(t, dir, "route", "--", "/ws\n::warning file=a::INJECTED", file)
	if code != exitOK || !strings.Contains(out, `location /ws\x0a::warning file=a::INJECTED`) {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	checkSafeOutput(t, "route", out)
	checkSafeOutput(t, "route", errOut)
}
