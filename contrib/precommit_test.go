package contrib

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func loadHooks(t *testing.T) []*yamlNode {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	y := parseYAML(t, string(b))
	if !y.isList || len(y.list) != 2 {
		t.Fatalf(".pre-commit-hooks.yaml: want a list of two hooks")
	}
	return y.list
}

// The files pattern (Python re.search, which RE2 reads the same for this
// pattern) takes nginx's files, which have no extension of their own, and
// leaves the rest.
func TestPreCommitFilesPattern(t *testing.T) {
	for _, h := range loadHooks(t) {
		re := regexp.MustCompile(h.str("files"))
		for _, p := range []string{"nginx.conf", "deploy/nginx/nginx.conf", "conf.d/app.conf", "templates/default.conf.template",
			"sites-available/default", "etc/nginx/sites-available/app.example.com", "snippets/ws.conf"} {
			if !re.MatchString(p) {
				t.Errorf("%s: %q is not taken", h.str("id"), p)
			}
		}
		for _, p := range []string{"README.md", "nginx.conf.bak", "mime.types", "conf.d/app.conf.orig", "sites-available/sub/x", "sites-enabled/default", "app.config", ".conf/x.txt"} {
			if re.MatchString(p) {
				t.Errorf("%s: %q is taken", h.str("id"), p)
			}
		}
	}
}

// The hooks' commands, run as pre-commit runs them (entry, args, then the
// matching files unless pass_filenames is false) in a repository whose
// site file is fine only where nginx.conf includes it.
func TestPreCommitHooks(t *testing.T) {
	bin := binary(t)
	hooks := loadHooks(t)
	if got := []string{hooks[0].str("id"), hooks[1].str("id")}; !slices.Equal(got, []string{"nginx-wslint", "nginx-wslint-tree"}) {
		t.Fatalf("hook ids %q", got)
	}
	for _, h := range hooks {
		if h.str("language") != "golang" || h.str("entry") != "nginx-wslint" || h.str("require_serial") != "true" {
			t.Errorf("%s: language %q entry %q require_serial %q", h.str("id"), h.str("language"), h.str("entry"), h.str("require_serial"))
		}
	}
	// nginx.conf sets proxy_http_version for the http block; the site file
	// alone would be read as if proxied with HTTP/1.0 (WS005).
	site := `server {
    listen 80;
    location /ws/ {
        proxy_pass http://127.0.0.1:8080;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_read_timeout 1h;
    }
}
`
	main := "events {}\nhttp {\n    map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n    proxy_http_version 1.1;\n    include sites-enabled/*;\n}\n"
	cases := []struct {
		name  string
		files map[string]string
		want  map[string]int // hook id -> exit status
	}{
		{"clean", map[string]string{"nginx.conf": main, "sites-enabled/app": site, "sites-available/app": site},
			// The staged sites-available file is not included by anything:
			// read alone, it lacks the http block's proxy_http_version,
			// which the linter only notes for a site file.
			map[string]int{"nginx-wslint": 0, "nginx-wslint-tree": 0}},
		{"findings", map[string]string{"nginx.conf": main, "sites-enabled/app.conf": strings.Replace(site, "        proxy_set_header Upgrade $http_upgrade;\n", "", 1)},
			map[string]int{"nginx-wslint": 1, "nginx-wslint-tree": 1}},
		{"refused", map[string]string{"nginx.conf": main + "}\n"}, map[string]int{"nginx-wslint": 2, "nginx-wslint-tree": 2}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			repo := t.TempDir()
			writeTree(t, repo, c.files)
			writeTree(t, repo, map[string]string{"README.md": "# site\n", "supervisor/app.ini": "[program:x]\n"})
			for _, h := range hooks {
				re := regexp.MustCompile(h.str("files"))
				argv := []string{filepath.Join(bin, h.str("entry"))}
				if args := h.get("args"); args != nil {
					for _, a := range args.list {
						argv = append(argv, a.scalar)
					}
				}
				if h.str("pass_filenames") != "false" {
					var staged []string
					_ = filepath.WalkDir(repo, func(p string, d fs.DirEntry, err error) error {
						rel, _ := filepath.Rel(repo, p)
						if err == nil && !d.IsDir() && re.MatchString(filepath.ToSlash(rel)) {
							staged = append(staged, rel)
						}
						return nil
					})
					argv = append(argv, staged...)
				}
				r := run(t, repo, nil, argv...)
				if want := c.want[h.str("id")]; r.code != want {
					t.Errorf("%s: %q exited %d, want %d\n%s%s", h.str("id"), argv[1:], r.code, want, r.stdout, r.stderr)
				}
			}
		})
	}
}
