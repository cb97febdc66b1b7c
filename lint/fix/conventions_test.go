package fix_test

import (
	"strings"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/lint/fix"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// fixText lints one in-memory nginx.conf (and the files of fs), fixes it
// and returns every file's fixed text, the findings and the conflicts.
func fixText(t *testing.T, src string, files map[string]string, opts fix.Options) (map[string]string, []rules.Diagnostic, []fix.Conflict) {
	t.Helper()
	cfg := parser.ParseBytes("nginx.conf", src, parser.Options{FS: parser.NewMemFS(files)})
	m := model.Build(cfg, model.Options{})
	ds := rules.Run(m, rules.All, rules.Options{MinReadTimeout: opts.MinReadTimeout})
	fix.Fill(m, ds, opts)
	byFile, conflicts := fix.Combine(ds)
	out := map[string]string{}
	for _, f := range cfg.Files {
		out[f.Path] = f.Src
	}
	for file, es := range byFile {
		fixed, err := fix.Apply(out[file], es)
		if err != nil {
			t.Fatal(err)
		}
		out[file] = fixed
	}
	return out, ds, conflicts
}

// fixed asserts the fixed nginx.conf and that fixing it again changes
// nothing.
func fixed(t *testing.T, src, want string) {
	t.Helper()
	out, ds, conflicts := fixText(t, src, nil, fix.Options{})
	for _, c := range conflicts {
		t.Errorf("conflict: %s", c)
	}
	if got := out["nginx.conf"]; got != want {
		t.Errorf("fixed:\n%q\nwant:\n%q\nfindings:%s", got, want, describeDiags(ds))
	}
	again, ds2, _ := fixText(t, out["nginx.conf"], nil, fix.Options{})
	if again["nginx.conf"] != out["nginx.conf"] {
		t.Errorf("second fix changes:\n%s\nfindings:%s", fix.Diff("nginx.conf", out["nginx.conf"], again["nginx.conf"]), describeDiags(ds2))
	}
}

func describeDiags(ds []rules.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("\n  " + d.Rule.ID + " " + d.Start.String() + ": " + d.Message + "\n    fix: " + d.Fix)
	}
	return b.String()
}

const bare = `events {}
http {
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
        }
    }
}
`

const bareFixed = `events {}
http {
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 2m;
        }
    }
}
`

func TestFixBareLocation(t *testing.T) { fixed(t, bare, bareFixed) }

func TestCRLFKept(t *testing.T) {
	crlf := func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") }
	fixed(t, crlf(bare), crlf(bareFixed))
}

func TestTabsKept(t *testing.T) {
	tabs := func(s string) string {
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			n := len(l) - len(strings.TrimLeft(l, " "))
			lines[i] = strings.Repeat("\t", n/4) + l[n:]
		}
		return strings.Join(lines, "\n")
	}
	fixed(t, tabs(bare), tabs(bareFixed))
}

func TestNoTrailingNewlineKept(t *testing.T) {
	fixed(t, strings.TrimSuffix(bare, "\n"), strings.TrimSuffix(bareFixed, "\n"))
}

func TestBOMKept(t *testing.T) {
	// nginx itself refuses a BOM (the linter says so); the fix leaves it
	// for the operator and keeps everything else as in the file.
	out, _, _ := fixText(t, "\ufeff"+bare, nil, fix.Options{})
	if got := out["nginx.conf"]; !strings.HasPrefix(got, "\ufeffevents {}\nhttp {\n    map $http_upgrade") || !strings.HasSuffix(got, strings.TrimPrefix(bareFixed, "events {}\nhttp {\n")) {
		t.Errorf("fixed:\n%q", got)
	}
}

func TestOneLineBlockStaysOnOneLine(t *testing.T) {
	fixed(t, `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ { proxy_pass http://127.0.0.1:8080; proxy_read_timeout 1h; } # the socket
    }
}
`, `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ { proxy_pass http://127.0.0.1:8080; proxy_read_timeout 1h; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection $connection_upgrade; } # the socket
    }
}
`)
}

// The lines a location needs come in one block; an existing suitable map
// of another name is reused (a dedicated WebSocket location may send
// "upgrade" as it is).
func TestOneMapReusedByName(t *testing.T) {
	fixed(t, `events {}
http {
    map $http_upgrade $proxy_connection {
        default upgrade;
        ''      close;
    }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_read_timeout 1h;
        }
        location /socket.io/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Connection "upgrade";
            proxy_set_header Upgrade $http_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`, `events {}
http {
    map $http_upgrade $proxy_connection {
        default upgrade;
        ''      close;
    }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_read_timeout 1h;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $proxy_connection;
        }
        location /socket.io/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Connection "upgrade";
            proxy_set_header Upgrade $http_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`)
}

// A keepalive upstream gets the map that sends no Connection header for
// plain requests; a location that sets its own lines gets the whole outer
// set back, not only Upgrade and Connection.
func TestKeepaliveMapAndOuterSetCopied(t *testing.T) {
	fixed(t, `events {}
http {
    upstream app { server 127.0.0.1:8080; keepalive 16; }
    server {
        listen 80;
        proxy_http_version 1.1;
        proxy_read_timeout 1h;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        location /ws/ {
            proxy_pass http://app;
            proxy_set_header X-Real-IP $remote_addr;
        }
    }
}
`, `events {}
http {
    upstream app { server 127.0.0.1:8080; keepalive 16; }
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      "";
    }
    server {
        listen 80;
        proxy_http_version 1.1;
        proxy_read_timeout 1h;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        location /ws/ {
            proxy_pass http://app;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`)
}

// WS006 proposes the first round value above --min-read-timeout.
func TestReadTimeoutAboveThreshold(t *testing.T) {
	src := `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 5m;
        }
    }
}
`
	out, _, _ := fixText(t, src, nil, fix.Options{MinReadTimeout: 10 * 60e9})
	if want := strings.Replace(src, "proxy_read_timeout 5m;", "proxy_read_timeout 15m;", 1); out["nginx.conf"] != want {
		t.Errorf("fixed:\n%s", out["nginx.conf"])
	}
}

// A site file without http and without a map in sight: sending
// $connection_upgrade would make nginx refuse to start until the operator
// adds the map, so the finding gets no edit, and its fix says why and what
// to do.
func TestSiteFileWithoutHTTPGetsNoMapEdit(t *testing.T) {
	cfg := parser.ParseBytes("site.conf", `server {
    listen 80;
    location /ws/ {
        proxy_pass http://127.0.0.1:8080;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_read_timeout 1h;
    }
}
`, parser.Options{FS: parser.NewMemFS(nil)})
	m := model.Build(cfg, model.Options{})
	ds := rules.Run(m, rules.All, rules.Options{})
	fix.Fill(m, ds, fix.Options{})
	if len(ds) != 1 || ds[0].Rule.ID != "WS003" {
		t.Fatalf("findings:%s", describeDiags(ds))
	}
	d := ds[0]
	wantFix := "add `proxy_set_header Connection $connection_upgrade;` (with map $http_upgrade $connection_upgrade { default upgrade; '' close; } in the http block); not fixed automatically: the fix needs `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in the http block, which this file does not show: run --fix on the nginx.conf that includes it, or add the map there and then the line"
	if d.Fix != wantFix {
		t.Errorf("fix:\n%s\nwant:\n%s", d.Fix, wantFix)
	}
	if len(d.Edits) != 0 {
		t.Errorf("edits: %+v", d.Edits)
	}
}

// WS008 offers no edit, and says why.
func TestWS008NoEdit(t *testing.T) {
	_, ds, _ := fixText(t, `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080/socket/;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`, nil, fix.Options{})
	n := 0
	for _, d := range ds {
		if d.Rule.ID == "WS008" {
			n++
			if len(d.Edits) != 0 || !strings.Contains(d.Fix, "not fixed automatically: only the backend knows which path") {
				t.Errorf("WS008: edits %v, fix %q", d.Edits, d.Fix)
			}
		}
	}
	if n == 0 {
		t.Fatalf("no WS008:%s", describeDiags(ds))
	}
}

// Overlapping edits of two findings: the second is left out whole.
func TestConflictLeavesFindingOut(t *testing.T) {
	r := &rules.Rule{ID: "WS999"}
	ds := []rules.Diagnostic{
		{Rule: r, Edits: []rules.Edit{{File: "a", Start: 2, End: 5, NewText: "x"}}},
		{Rule: r, Edits: []rules.Edit{{File: "a", Start: 0, End: 0, NewText: "y"}, {File: "a", Start: 4, End: 6, NewText: "z"}}},
		{Rule: r, Edits: []rules.Edit{{File: "a", Start: 2, End: 5, NewText: "x"}, {File: "a", Start: 5, End: 5, NewText: "w"}}},
	}
	byFile, conflicts := fix.Combine(ds)
	if len(conflicts) != 1 || conflicts[0].Diagnostic != &ds[1] || conflicts[0].With != &ds[0] {
		t.Fatalf("conflicts: %v", conflicts)
	}
	got, err := fix.Apply("0123456789", byFile["a"])
	if err != nil || got != "01xw56789" {
		t.Errorf("applied: %q, %v", got, err)
	}
}

// A map of the usual name that means something else is left alone: the
// fix defines its own under another name.
func TestUsualNameTaken(t *testing.T) {
	out, ds, _ := fixText(t, `events {}
http {
    map $http_user_agent $connection_upgrade { default 1; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`, nil, fix.Options{})
	got := out["nginx.conf"]
	if !strings.Contains(got, "map $http_upgrade $ws_connection_upgrade {") || !strings.Contains(got, "proxy_set_header Connection $ws_connection_upgrade;") {
		t.Errorf("fixed:\n%s\nfindings:%s", got, describeDiags(ds))
	}
}

// $connection_upgrade used without a map while a suitable map of another
// name exists: the lines use that map, none is added.
func TestMissingVarUsesExistingMap(t *testing.T) {
	fixed(t, `events {}
http {
    map $http_upgrade $proxy_connection { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`, `events {}
http {
    map $http_upgrade $proxy_connection { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $proxy_connection;
            proxy_read_timeout 1h;
        }
    }
}
`)
}

// An Upgrade line that sends nothing gets $http_upgrade, in place.
func TestEmptyUpgradeValueReplaced(t *testing.T) {
	src := `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade "";  # cleared
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`
	fixed(t, src, strings.Replace(src, `proxy_set_header Upgrade "";  # cleared`, `proxy_set_header Upgrade $http_upgrade;  # cleared`, 1))
}

// The value a WS006 finding's fix text names is the value --fix writes:
// for an unknown application at the default and at a short timeout, for a
// known protocol's heartbeat, and with a --min-read-timeout above it.
func TestReadTimeoutFixTextNamesTheEdit(t *testing.T) {
	for _, c := range []struct {
		name, location, timeout string
		min                     time.Duration
		want                    string
	}{
		{"default", "/ws/", "", 0, "2m"},
		{"short", "/ws/", "proxy_read_timeout 30s;", 0, "2m"},
		{"threshold", "/ws/", "proxy_read_timeout 5m;", 10 * time.Minute, "15m"},
		{"socket.io", "/socket.io/", "proxy_read_timeout 20s;", 0, "2m"},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location ` + c.location + ` {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            ` + c.timeout + `
        }
    }
}
`
			out, ds, _ := fixText(t, src, nil, fix.Options{MinReadTimeout: c.min})
			var texts []string
			for _, d := range ds {
				if d.Rule.ID == "WS006" {
					texts = append(texts, d.Fix)
				}
			}
			line := "proxy_read_timeout " + c.want + ";"
			if len(texts) != 1 || !strings.Contains(texts[0], "`"+line+"`") {
				t.Errorf("WS006 fix texts %q do not name `%s`", texts, line)
			}
			if !strings.Contains(out["nginx.conf"], line) {
				t.Errorf("--fix did not write %s:\n%s", line, out["nginx.conf"])
			}
		})
	}
}
