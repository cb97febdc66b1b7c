package parser_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

func TestConfPrefix(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"etc/nginx/nginx.conf", "etc/nginx/sites-available/app.conf", "etc/nginx/conf.d/deep/x.conf", "alone/app.conf", "etc/nginx/nested/nginx.conf", "etc/nginx/nested/a.conf"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A directory called nginx.conf does not count.
	if err := os.MkdirAll(filepath.Join(dir, "alone", "nginx.conf"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	for _, tt := range []struct{ name, want string }{
		{"etc/nginx/nginx.conf", "etc/nginx"},
		{"etc/nginx/sites-available/app.conf", "etc/nginx"},
		{"etc/nginx/conf.d/deep/x.conf", "etc/nginx"},
		{"etc/nginx/nested/a.conf", "etc/nginx/nested"},
		{"alone/app.conf", ""},
		{"no/such/dir/app.conf", ""},
		{filepath.Join(dir, "etc/nginx/sites-available/app.conf"), filepath.Join(dir, "etc/nginx")},
	} {
		if got := parser.ConfPrefix(tt.name); got != tt.want {
			t.Errorf("ConfPrefix(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	t.Chdir(filepath.Join(dir, "etc/nginx/sites-available"))
	for _, tt := range []struct{ name, want string }{
		{"app.conf", ".."},
		{"../nginx.conf", ".."},
	} {
		if got := parser.ConfPrefix(tt.name); got != tt.want {
			t.Errorf("in sites-available: ConfPrefix(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	t.Chdir(filepath.Join(dir, "etc/nginx"))
	if got := parser.ConfPrefix("sites-available/app.conf"); got != "." {
		t.Errorf(`in etc/nginx: ConfPrefix("sites-available/app.conf") = %q, want "."`, got)
	}
}
