package rules_test

// Issue 5's acceptance: "`nginx -T` input gives the same findings at the
// same original file:line as linting the files". A multi-file tree (main
// file, conf.d/*.conf servers, snippets included from locations and from a
// server) is written into an nginxtest prefix, checked by a real nginx and
// dumped with `nginx -T`; the tree is then linted from disk and from the
// dump, and the two finding lists must be identical in every field a user
// sees, suppressions included.

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// dumpTree writes the configuration tree into p and returns the main file's
// relative path. listen1 and listen2 are the two listen addresses; app is
// the upstream server's address (nginx -T never connects to it).
func dumpTree(p *nginxtest.Prefix, t *testing.T, listen1, listen2, app string) string {
	t.Helper()
	p.WriteFile("conf/nginx.conf", p.Preamble(t)+`events {}
http {
`+p.HTTPSettings()+`
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    # Values swapped: WS001.
    map $http_upgrade $connection_swapped {
        default close;
        ''      upgrade;
    }
    upstream app { server `+app+`; }
    include conf.d/*.conf;
}
`)
	p.WriteFile("conf/conf.d/10-chat.conf", `server {
    listen `+listen1+`;
    server_name chat.test;
    proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;

    # Sets a header of its own, so it loses the server's Upgrade and
    # Connection (WS002, WS003); nginx's default 60s read timeout is fine
    # for Socket.IO, which pings every 25s (no WS006).
    location /socket.io/ {
        proxy_pass http://app;
        proxy_set_header X-Real-IP $remote_addr;
    }

    # The prefix is cut off (WS008); the read timeout comes from a snippet
    # (WS006 in the snippet).
    location /ws/ {
        include snippets/timeouts.conf;
        proxy_pass http://app/;
    }

    # The regex location lives in an included file (WS007).
    include snippets/api-regex.conf;
}
`)
	p.WriteFile("conf/conf.d/20-legacy.conf", `server {
    listen `+listen2+`;
    server_name legacy.test;
    proxy_read_timeout 1h;
    # A comment pasted from an old nginx -T, which looks like a separator:
# configuration file /etc/nginx/old/legacy.conf:
    # Hard-coded at server level, reaches /api/ too (WS004).
    proxy_set_header Upgrade websocket;
    proxy_set_header Connection Upgrade;

    # No proxy_http_version anywhere above: HTTP/1.0 (WS005).
    location /cable/ {
        proxy_pass http://app;
    }
    location /api/ {
        proxy_pass http://app;
    }
    location /hubs/ {
        include snippets/passthrough.conf;
        proxy_pass http://app;
    }
}
`)
	// Same listen and server_name as 20-legacy.conf: nginx warns
	// "conflicting server name", which puts a [warn] line on stderr.
	p.WriteFile("conf/conf.d/30-dup.conf", `server {
    listen `+listen2+`;
    server_name legacy.test;
    proxy_http_version 1.1;

    location /websocket/ {
        include snippets/passthrough.conf;
        proxy_pass http://app;
        proxy_read_timeout 5s; # nginx-wslint-ignore WS006 -- the client pings every 2s
    }
    location /live/ {
        # nginx-wslint-websocket
        proxy_pass http://app;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_swapped;
        proxy_read_timeout 1h;
    }
    # nginx-wslint-ignore WS005 -- stale: nothing to silence here (WS000)
    location /wss/ {
        proxy_pass http://app;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_read_timeout 1h;
    }
}
`)
	p.WriteFile("conf/snippets/timeouts.conf", `proxy_read_timeout 30s;
proxy_send_timeout 30s;
`)
	// Its own proxy_set_header drops the server's upgrade headers, so it
	// does not pass WebSocket itself and WS007 applies.
	// CRLF line ends, as a file edited on Windows has.
	p.WriteFile("conf/snippets/api-regex.conf", "location ~ /api {\r\n"+
		"    proxy_pass http://app;\r\n"+
		"    proxy_set_header Host $host;\r\n"+
		"}\r\n")
	// Included from two locations in two files: one file, reported once.
	// No final newline: the finding is on the last line.
	p.WriteFile("conf/snippets/passthrough.conf", `proxy_http_version 1.1;
proxy_set_header Upgrade $http_upgrade;
proxy_set_header Connection $http_connection;`)
	return "conf/nginx.conf"
}

// lintCfg runs every rule and the suppressions on one parsed configuration,
// as the CLI does.
func lintCfg(cfg *parser.Config) []rules.Diagnostic {
	ds := rules.Run(model.Build(cfg, model.Options{}), rules.All, rules.Options{})
	return rules.ApplySuppressions([]*parser.Config{cfg}, ds, rules.All)
}

// diagKey renders everything a user sees of a finding: rule, severity,
// start and end (file, offset, line, column), message, fix, related
// positions and messages, and the suppression.
func diagKey(d rules.Diagnostic) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s:%d:%d(@%d)-%s:%d:%d(@%d) %q fix=%q",
		d.Rule.ID, d.Severity, d.Start.File, d.Start.Line, d.Start.Column, d.Start.Offset,
		d.End.File, d.End.Line, d.End.Column, d.End.Offset, d.Message, d.Fix)
	for _, r := range d.Related {
		fmt.Fprintf(&b, "\n    related %s:%d:%d(@%d) %q", r.File, r.Line, r.Column, r.Offset, r.Message)
	}
	if s := d.Suppressed; s != nil {
		fmt.Fprintf(&b, "\n    suppressed at %s:%d:%d(@%d) %q", s.Comment.File, s.Comment.Line, s.Comment.Column, s.Comment.Offset, s.Reason)
	}
	return b.String()
}

func TestDumpEquivalence(t *testing.T) {
	p := nginxtest.NewPrefix(t)
	listen1 := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
	listen2 := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
	app := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
	main := dumpTree(p, t, listen1, listen2, app)
	mainPath := p.Path(main)

	if res := p.TestFile(t, mainPath); !res.OK {
		t.Fatalf("nginx -t rejects the tree:\n%s", res.Output)
	}
	// Dump rewrites conf/nginx.conf with the same text.
	src, err := readPrefixFile(p, main)
	if err != nil {
		t.Fatal(err)
	}
	stdout, res := p.Dump(t, src)
	if !res.OK {
		t.Fatalf("nginx -T failed:\n%s", res.Output)
	}
	if _, ok := res.Find("conflicting server name"); !ok {
		t.Errorf("nginx -T printed no \"conflicting server name\" warning on stderr, so the 2>&1 case tests less than it says:\n%s", res.Output)
	}

	diskCfg, err := parser.ParseFile(mainPath, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	noParseErrors(t, "disk", diskCfg)
	disk := lintCfg(diskCfg)

	// Sanity of the tree read from disk: every file, each once.
	wantFiles := []string{"nginx.conf", "conf.d/10-chat.conf", "conf.d/20-legacy.conf", "conf.d/30-dup.conf",
		"snippets/timeouts.conf", "snippets/api-regex.conf", "snippets/passthrough.conf"}
	read := map[string]bool{}
	for _, f := range diskCfg.Files {
		read[f.Path] = true
	}
	for _, f := range wantFiles {
		if !read[p.Path("conf/"+f)] {
			t.Errorf("linting from disk did not read %s", f)
		}
	}

	// Not vacuous: the findings the tree was built for, each on the line
	// holding the given text.
	expected := []struct {
		rule, file, line string
		suppressed       bool
	}{
		{"WS001", "nginx.conf", "map $http_upgrade $connection_swapped {", false},
		{"WS002", "conf.d/10-chat.conf", "location /socket.io/ {", false},
		{"WS003", "conf.d/10-chat.conf", "location /socket.io/ {", false},
		{"WS007", "conf.d/10-chat.conf", "location /socket.io/ {", false},
		{"WS007", "conf.d/10-chat.conf", "location /ws/ {", false},
		{"WS008", "conf.d/10-chat.conf", "proxy_pass http://app/;", false},
		{"WS004", "conf.d/20-legacy.conf", "proxy_set_header Connection Upgrade;", false},
		{"WS005", "conf.d/20-legacy.conf", "location /cable/ {", false},
		{"WS006", "conf.d/30-dup.conf", "proxy_read_timeout 5s;", true},
		{"WS000", "conf.d/30-dup.conf", "# nginx-wslint-ignore WS005", false},
		{"WS006", "snippets/timeouts.conf", "proxy_read_timeout 30s;", false},
		{"WS009", "snippets/passthrough.conf", "proxy_set_header Connection $http_connection;", false},
	}
	for _, e := range expected {
		src, err := readPrefixFile(p, "conf/"+e.file)
		if err != nil {
			t.Fatal(err)
		}
		line := lineOf(t, src, e.line)
		found := false
		for _, d := range disk {
			if d.Rule.ID == e.rule && d.Start.File == p.Path("conf/"+e.file) && d.Start.Line == line && (d.Suppressed != nil) == e.suppressed {
				found = true
			}
		}
		if !found {
			t.Errorf("linting from disk: no %s at %s:%d %q (suppressed %v)", e.rule, e.file, line, e.line, e.suppressed)
		}
	}
	if t.Failed() {
		t.Fatalf("findings from disk:\n%s", keys(disk))
	}

	for _, tc := range []struct {
		name, input string
	}{
		// nginx -T > file: stdout only.
		{"stdout", stdout},
		// nginx -T 2>&1: the warnings and the "syntax is ok" / "test is
		// successful" lines come first, as nginx writes them before the
		// dump.
		{"stderr-first", res.Output + stdout},
		// The same lines after the dump (another interleaving of the
		// two streams).
		{"stderr-last", stdout + res.Output},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, d, err := parser.ParseDump(tc.input, parser.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Main != mainPath {
				t.Errorf("dump's main file is %s, want %s", d.Main, mainPath)
			}
			for _, f := range wantFiles {
				path := p.Path("conf/" + f)
				want, err := readPrefixFile(p, "conf/"+f)
				if err != nil {
					t.Fatal(err)
				}
				if got, ok := d.Files[path]; !ok || got != want {
					t.Errorf("dump's copy of %s differs from the file (present %v):\n%q\nwant\n%q", f, ok, got, want)
				}
			}
			noParseErrors(t, "dump", cfg)
			dumped := lintCfg(cfg)
			a, b := keys(disk), keys(dumped)
			if a != b {
				t.Fatalf("findings differ\nfrom disk:\n%s\nfrom the dump:\n%s", a, b)
			}
			t.Logf("%d findings, identical from disk and from the dump (%d bytes, %d files)", len(dumped), len(tc.input), len(d.Order))
		})
	}
	t.Logf("findings:\n%s", strings.ReplaceAll(keys(disk), p.Path("conf")+"/", ""))
}

func noParseErrors(t *testing.T, what string, cfg *parser.Config) {
	t.Helper()
	for _, e := range cfg.Errors {
		t.Errorf("%s: parse error: %v", what, e)
	}
}

func keys(ds []rules.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(diagKey(d))
		b.WriteByte('\n')
	}
	return b.String()
}

func readPrefixFile(p *nginxtest.Prefix, rel string) (string, error) {
	b, err := os.ReadFile(p.Path(rel))
	return string(b), err
}

// lineOf returns the 1-based line of the only line of src containing text.
func lineOf(t *testing.T, src, text string) int32 {
	t.Helper()
	var found int32
	for i, l := range strings.Split(src, "\n") {
		if strings.Contains(l, text) {
			if found != 0 {
				t.Fatalf("%q is on more than one line", text)
			}
			found = int32(i + 1)
		}
	}
	if found == 0 {
		t.Fatalf("%q is on no line", text)
	}
	return found
}

// TestDumpEquivalencePastedSeparator: a comment line that looks exactly like
// the dump's separator for a file nginx really read (someone pasted part of
// an old nginx -T into the configuration). The dump cannot tell it from a
// real separator by its text alone; the findings must still be those of
// the files.
func TestDumpEquivalencePastedSeparator(t *testing.T) {
	p := nginxtest.NewPrefix(t)
	listen := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
	app := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
	snippet := p.Path("conf/snippets/ws.conf")
	p.WriteFile("conf/snippets/ws.conf", "proxy_http_version 1.1;\nproxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection $connection_upgrade;\nproxy_read_timeout 1h;\n")
	src := p.Preamble(t) + `events {}
http {
` + p.HTTPSettings() + `
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen ` + listen + `;
        location /ws/ {
            include snippets/ws.conf;
            proxy_pass http://` + app + `;
        }
# configuration file ` + snippet + `:
        location /cable/ {
            proxy_pass http://` + app + `;
            proxy_read_timeout 1h;
        }
    }
}
`
	stdout, res := p.Dump(t, src)
	if !res.OK {
		t.Fatalf("nginx -T failed:\n%s", res.Output)
	}
	diskCfg, err := parser.ParseFile(p.Path("conf/nginx.conf"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	noParseErrors(t, "disk", diskCfg)
	disk := lintCfg(diskCfg)
	if len(disk) == 0 {
		t.Fatal("no findings from disk: the /cable/ location should have some")
	}
	cfg, _, err := parser.ParseDump(res.Output+stdout, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dumped := lintCfg(cfg)
	if a, b := keys(disk), keys(dumped); a != b || len(cfg.Errors) > 0 {
		t.Errorf("a comment line equal to the separator of a file nginx read: parse errors from the dump: %v\nfindings from disk:\n%s\nfrom the dump:\n%s", cfg.Errors, a, b)
	}
	noParseErrors(t, "dump", cfg)
	t.Logf("%d findings, identical", len(disk))
}
