package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// FuzzPipeline runs random configurations through the parser, the model,
// the rules and every output format, as a file with an include (whose name
// the fuzzer also picks), as standard input and as an nginx -T dump (the
// dump splitter), and checks what must hold for hostile input: valid JSON
// and SARIF, one finding per line in quiet text, in GitHub output no
// workflow command but the writer's, and in text and GitHub output no
// control character or invalid UTF-8 from the input. (FuzzCLI, in
// cmd/nginx-wslint, covers flags and route.)
//
//	go test -run '^$' -fuzz FuzzPipeline -parallel=1 ./report/
func FuzzPipeline(f *testing.F) {
	snippet := "proxy_http_version 1.1;\nproxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection $connection_upgrade;\n"
	for _, r := range rules.All {
		f.Add(r.Doc.Bad, snippet, "s.conf")
		f.Add(r.Doc.Good, snippet, "s.conf")
	}
	for _, s := range []string{
		"http { server { location \"/ws\\n::warning file=a::INJECTED\" { proxy_pass http://b; proxy_set_header Upgrade $http_upgrade; } } }",
		"http { server { location /ws/ { proxy_pass http://b; include snippets/*.conf; } } }",
		"x-\x1b]0;TITLE\x07 1;\x9b\x00\xff",
		"# configuration file /etc/nginx/nginx.conf:\nhttp { include /etc/nginx/conf.d/*.conf; }\n# configuration file /etc/nginx/conf.d/a.conf:\nserver { location ~ ^/ws/(a+)+$ { } }\n",
		"events {}\nhttp { map $http_upgrade $c { default upgrade; '' close; } server { listen 80; location /ws { proxy_pass http://b; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $c; } } }",
	} {
		f.Add(s, snippet, "x\n::add-mask::SECRET\nz.conf")
	}
	ghCommand := regexp.MustCompile(`^::(error|warning|notice) file=[^:]*,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[^:]*::`)
	textLine := regexp.MustCompile(`^.*:\d+:\d+: (error|warning|note): .+$`)
	f.Fuzz(func(t *testing.T, src, snippet, snippetName string) {
		dir := t.TempDir()
		name := strings.NewReplacer("/", "_", "\x00", "_").Replace(snippetName)
		if name == "" || name == "." || name == ".." || len(name) > 200 {
			name = "s.conf"
		}
		if err := os.MkdirAll(filepath.Join(dir, "snippets"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "snippets", name), []byte(snippet), 0o644); err != nil {
			return // a name this file system refuses
		}
		main := filepath.Join(dir, "main.conf")
		if err := os.WriteFile(main, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		dump := "# configuration file /etc/nginx/nginx.conf:\n" + src + "\n\n# configuration file /etc/nginx/snippets/" + name + ":\n" + snippet + "\n"
		for _, in := range []lint.Input{lint.File(main), lint.Buffer(filepath.Join(dir, "stdin.conf"), src), lint.Buffer("<stdin>", dump)} {
			res, err := lint.Run(context.Background(), []lint.Input{in}, lint.Options{Root: dir})
			if err != nil {
				continue // an input that cannot be used at all
			}
			for _, d := range res.Diagnostics {
				if d.Kind == lint.InternalError {
					t.Fatalf("internal error: %s", d.Message)
				}
			}
			for _, format := range Formats {
				for _, quiet := range []bool{false, true} {
					var buf bytes.Buffer
					if err := Write(&buf, format, res, Options{Quiet: quiet}); err != nil {
						t.Fatal(err)
					}
					checkOutput(t, format, quiet, buf.String(), ghCommand, textLine)
				}
			}
		}
	})
}

func checkOutput(t *testing.T, format string, quiet bool, out string, ghCommand, textLine *regexp.Regexp) {
	t.Helper()
	switch format {
	case "json", "sarif":
		if !json.Valid([]byte(out)) {
			t.Fatalf("invalid %s:\n%s", format, out)
		}
		return
	}
	if !utf8.ValidString(out) {
		t.Fatalf("%s output is not UTF-8:\n%q", format, out)
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if Escape(line) != line {
			t.Fatalf("%s output line with a control character: %q", format, line)
		}
		if strings.HasPrefix(line, "::") && (format != "github" || !ghCommand.MatchString(line)) {
			t.Fatalf("%s output: a workflow command the writer did not start: %q", format, line)
		}
		if format == "text" && quiet && line != "" && !textLine.MatchString(line) {
			t.Fatalf("--quiet line %q is not one finding:\n%s", line, out)
		}
	}
}
