package fix_test

// Runtime proof of the fixes: configurations whose WebSocket handshake
// fails through a real nginx (package nginxtest) in front of a strict Go
// WebSocket backend (package wstest) pass it once fixed, and the rules
// the fix repairs are silent on the result.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/internal/wstest"
	"github.com/nginx-wslint/nginx-wslint/lint/fix"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

const (
	exampleBackend = "127.0.0.1:8080"
	exampleListen  = "listen 80;"
)

var httpLineRE = regexp.MustCompile(`(?m)^http\s*\{`)

// forHarness adapts an example nginx.conf to a test prefix: preamble,
// http settings, "listen 80;" to addr and 127.0.0.1:8080 to the backend.
func forHarness(t *testing.T, p *nginxtest.Prefix, src, listen, backend string) string {
	t.Helper()
	if len(httpLineRE.FindAllStringIndex(src, -1)) != 1 || strings.Count(src, exampleListen) != 1 || !strings.Contains(src, exampleBackend) {
		t.Fatalf("example is not in the harness's shape:\n%s", src)
	}
	out := httpLineRE.ReplaceAllLiteralString(src, "http {\n"+p.HTTPSettings())
	out = strings.Replace(out, exampleListen, "listen "+listen+";", 1)
	out = strings.ReplaceAll(out, exampleBackend, backend)
	return p.Preamble(t) + out
}

// handshake runs src in nginx and opens a WebSocket on path; it returns
// "" when the handshake and an echo work, else what went wrong.
func handshake(t *testing.T, src, path string) string {
	t.Helper()
	p := nginxtest.NewPrefix(t)
	b := wstest.Backend(t, wstest.Options{})
	addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
	conf := forHarness(t, p, src, addr, b.Addr)
	if res := p.Test(t, conf); !res.OK {
		return "nginx -t refuses it: " + strings.TrimSpace(res.Output)
	}
	srv := p.Start(t, conf, addr)
	defer srv.Stop()
	c, resp, err := wstest.Dial(t, addr, path, nil)
	if err != nil {
		if resp != nil {
			return fmt.Sprintf("handshake: %s %s", resp.Status, strings.TrimSpace(resp.Body))
		}
		return "handshake: " + err.Error()
	}
	defer c.Close()
	if err := c.Send("hello"); err != nil {
		return "send: " + err.Error()
	}
	if got, err := c.Receive(5 * time.Second); err != nil || got != "echo:hello" {
		return fmt.Sprintf("echo: %q, %v", got, err)
	}
	return ""
}

// TestRuntimeFixRepairsHandshake: each configuration fails the handshake
// through nginx (or nginx refuses it); fixed, it passes, and no finding
// of the fixed kinds is left.
func TestRuntimeFixRepairsHandshake(t *testing.T) {
	nginxtest.Binary(t)
	doc := func(id string) string { return rules.ByID(id).Doc.Bad }
	cases := []struct {
		name, src, path string
		failsBefore     bool
	}{
		{"WS001 map missing", doc("WS001"), "/ws/chat", true},
		{"WS002 Upgrade lost to the location's own lines", doc("WS002"), "/ws/chat", true},
		{"WS003 no Connection", doc("WS003"), "/ws/chat", true},
		{"WS005 HTTP/1.0", doc("WS005"), "/ws/chat", true},
		{"WS007 regex takes the WebSocket URI", doc("WS007"), "/ws/api", true},
		{"WS010 301 for the path without its slash", doc("WS010"), "/cable", true},
		{"nothing set", bare, "/ws/chat", true},
		{"inherited set lost", `events {}
http {
    upstream app { server 127.0.0.1:8080; keepalive 8; }
    map $http_upgrade $connection_upgrade { default upgrade; '' ""; }
    server {
        listen 80;
        proxy_http_version 1.1;
        proxy_set_header Host $host;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        location /ws/ {
            proxy_pass http://app;
            proxy_set_header X-Real-IP $remote_addr;
        }
    }
}
`, "/ws/chat", true},
		{"nothing set, keepalive upstream", `events {}
http {
    upstream app { server 127.0.0.1:8080; keepalive 8; }
    server {
        listen 80;
        location / {
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
        location /ws/ {
            proxy_pass http://app;
        }
    }
}
`, "/ws/chat", true},
		// The handshake works before; the fix must keep it working.
		{"WS004 hard-coded upgrade", doc("WS004"), "/ws", false},
		{"WS009 client's Connection forwarded", doc("WS009"), "/ws/chat", false},
		{"WS011 Host lost", doc("WS011"), "/ws/chat", false},
		{"WS015 keepalive map", doc("WS015"), "/ws", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, ds, conflicts := fixText(t, tc.src, nil, fix.Options{})
			for _, c := range conflicts {
				t.Errorf("conflict: %s", c)
			}
			fixedSrc := out["nginx.conf"]
			if fixedSrc == tc.src {
				t.Fatalf("the fix changes nothing; findings:%s", describeDiags(ds))
			}
			t.Logf("fix:\n%s", fix.Diff("nginx.conf", tc.src, fixedSrc))
			before := handshake(t, tc.src, tc.path)
			if tc.failsBefore && before == "" {
				t.Fatalf("the handshake works before the fix")
			}
			t.Logf("before: %s", before)
			if after := handshake(t, fixedSrc, tc.path); after != "" {
				t.Fatalf("after the fix: %s\n%s", after, fixedSrc)
			}
			if strings.Contains(tc.src, "keepalive") && !strings.Contains(tc.src, "map $http_upgrade") && strings.Contains(fixedSrc, "map $http_upgrade") && !strings.Contains(fixedSrc, `''      "";`) {
				t.Errorf("a keepalive upstream gets the map that sends close:\n%s", fixedSrc)
			}
			fixedIDs := map[string]bool{}
			for _, d := range ds {
				if len(d.Edits) > 0 {
					fixedIDs[d.Rule.ID] = true
				}
			}
			_, ds2, _ := fixText(t, fixedSrc, nil, fix.Options{})
			for _, d := range ds2 {
				if fixedIDs[d.Rule.ID] {
					t.Errorf("%s left after the fix: %s %s", d.Rule.ID, d.Start, d.Message)
				}
			}
		})
	}
}
