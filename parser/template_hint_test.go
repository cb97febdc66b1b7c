package parser

import (
	"strings"
	"testing"
)

// TestTemplateHint: a raw Go or Jinja template fails as nginx fails on it,
// and the error says the file is a template to render first; a plain brace
// error in a file without template markup gets no such hint.
func TestTemplateHint(t *testing.T) {
	const hint = "the file holds Go or Jinja template markup ({{ }}, {% %}): render the template with its values and lint the result, which is what nginx reads"
	for _, tc := range []struct {
		name, src, want string
		hinted          bool
	}{
		{"jinja", "server {\n    listen 80;\n    {% if ssl %}\n}\n", `t.conf:3:5: unexpected "{"`, true},
		{"go", "{{ $X := .Env.X }}\nserver_name _;\n", `t.conf:1:1: unexpected "{"`, true},
		{"word", "upstream app_{{ name }} {\n    server 127.0.0.1;\n}\n", `t.conf:1:15: unexpected "{"`, true},
		{"plain", "events {}\nhttp {\n    server { { }\n}\n", `t.conf:3:14: unexpected "{"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := ParseBytes("t.conf", tc.src, Options{FS: NewMemFS(nil)})
			if len(cfg.Errors) != 1 {
				t.Fatalf("errors: %v", cfg.Errors)
			}
			got := cfg.Errors[0].Error()
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("error %q, want it to start with %q", got, tc.want)
			}
			if has := strings.Contains(got, hint); has != tc.hinted {
				t.Errorf("error %q: template hint present %v, want %v", got, has, tc.hinted)
			}
		})
	}
}
