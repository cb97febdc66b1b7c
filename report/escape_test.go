package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain /ws/ text":                  "plain /ws/ text",
		"tab\tkept":                        "tab\tkept",
		"a\nb\rc":                          `a\x0ab\x0dc`,
		"\x1b]0;TITLE\x07":                 `\x1b]0;TITLE\x07`,
		"\x1b[2J":                          `\x1b[2J`,
		"nul\x00del\x7f":                   `nul\x00del\x7f`,
		"c1 \u009b and raw \x9b":           `c1 \u{009b} and raw \x9b`,
		"nel\u0085ls\u2028ps\u2029":        `nel\u{0085}ls\u{2028}ps\u{2029}`,
		"bidi \u202eevil\u2066":            `bidi \u{202e}evil\u{2066}`,
		"utf-8 é → ok":                     "utf-8 é → ok",
		"x\n::add-mask::SECRET\nz.conf":    `x\x0a::add-mask::SECRET\x0az.conf`,
		"bad utf-8 \xff\xfe":               `bad utf-8 \xff\xfe`,
		"\u0080":                           `\u{0080}`,
		"invalid continuation \xc3\x28 ok": `invalid continuation \xc3( ok`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// hasControl reports a byte or rune that must not reach a terminal or a CI
// log from the input: anything Escape would change, but line ends.
func hasControl(s string) bool {
	for _, line := range strings.Split(s, "\n") {
		if Escape(line) != line {
			return true
		}
	}
	return false
}

// injection is a configuration whose file name, location name and values
// carry line breaks, workflow commands and terminal escapes.
func injection(t *testing.T) (dir, file string) {
	t.Helper()
	dir = t.TempDir()
	file = filepath.Join(dir, "x\n::add-mask::SECRET\n::error file=README.md,line=1::pwned\nz\x1b]0;TITLE\x07.conf")
	conf := "http {\n  server {\n    listen 80;\n" +
		"    location \"/ws\\n::warning file=a::INJECTED\\r\\n::add-mask::X\" {\n" +
		"      proxy_pass http://b;\n      proxy_set_header Upgrade $http_upgrade;\n" +
		"      proxy_set_header X-Evil \"\x1b[2J\x9b\u009b\u202e\x7f\";\n    }\n" +
		"    location /ws/ {\n      proxy_pass http://b;\n      proxy_set_header Upgrade $http_upgrade;\n      proxy_set_header Connection \"\x1b]0;T\x07\";\n    }\n" +
		"  }\n}\nevents {}\n" + "unknown-\x1b[31m-directive;\n"
	if err := os.WriteFile(file, []byte(conf), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	return dir, file
}

// Every format, on input that tries to inject: no workflow command but the
// writer's, no control character in text, valid JSON and SARIF.
func TestEscapeEveryFormat(t *testing.T) {
	_, file := injection(t)
	res := lintPaths(t, "", file)
	if len(res.Findings()) == 0 || len(res.Errors()) == 0 {
		t.Fatalf("want findings and errors, got %d and %d", len(res.Findings()), len(res.Errors()))
	}
	ghCommand := regexp.MustCompile(`^::(error|warning|notice) file=[^:\n]*,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[^:]*::`)
	for _, format := range Formats {
		var buf bytes.Buffer
		if err := Write(&buf, format, res, Options{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		switch format {
		case "json", "sarif":
			if !json.Valid(buf.Bytes()) {
				t.Errorf("%s: invalid JSON", format)
			}
			continue
		}
		if hasControl(out) {
			t.Errorf("%s: control characters in:\n%q", format, out)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "::") && (format != "github" || !ghCommand.MatchString(line)) {
				t.Errorf("%s: a workflow command the writer did not start: %q", format, line)
			}
		}
		for _, injected := range []string{"\n::add-mask::", "\n::error file=README.md", "\n::warning file=a::"} {
			if strings.Contains(out, injected) {
				t.Errorf("%s: %q starts a line", format, injected)
			}
		}
		if !utf8.ValidString(out) {
			t.Errorf("%s: output is not UTF-8", format)
		}
	}
}

// EscapeStrings reaches strings through pointers, structs, slices and
// arrays.
func TestEscapeStrings(t *testing.T) {
	type inner struct {
		Pair [2]string
		List []string
	}
	type outer struct {
		Name  string
		In    *inner
		Many  []inner
		Ptr   *string
		Other int
	}
	s := "p\n"
	v := &outer{Name: "a\nb", In: &inner{Pair: [2]string{"\x1b", "ok"}, List: []string{"\r"}}, Many: []inner{{List: []string{"\x9b"}}}, Ptr: &s, Other: 3}
	EscapeStrings(v)
	if v.Name != `a\x0ab` || v.In.Pair[0] != `\x1b` || v.In.Pair[1] != "ok" || v.In.List[0] != `\x0d` || v.Many[0].List[0] != `\x9b` || *v.Ptr != `p\x0a` || v.Other != 3 {
		t.Errorf("%+v %+v %+v %q", v, v.In, v.Many, *v.Ptr)
	}
}

// One 55 KB line with 5,000 errors: the errors per file are bounded, and
// each excerpt is a window of the line, so the text output stays small.
func TestTextExcerptBounded(t *testing.T) {
	res := lintPaths(t, "events {}\nhttp { "+strings.Repeat("x-1 1; ", 5000)+"}\n", "-")
	var buf bytes.Buffer
	if err := Text(&buf, res, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n > 3*202 {
		t.Errorf("%d lines", n)
	}
	if buf.Len() > 202*(2*maxExcerptWidth+300) {
		t.Errorf("%d bytes of text output", buf.Len())
	}
	if !strings.Contains(buf.String(), "more than 200 errors in this file: the others are not shown") {
		t.Errorf("no note of the bound in:\n%.3000s", buf.String())
	}
}
