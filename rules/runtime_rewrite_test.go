package rules_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/internal/wstest"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// rewrittenHandshake: the endpoint /ws/ does not proxy; its rewrite sends
// the handshake to /socket/, which lacks the Upgrade line. /chat/ rewrites
// to /rt/, which passes WebSocket correctly.
const rewrittenHandshake = `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    proxy_http_version 1.1;
    proxy_read_timeout 1h;
    server {
        listen 80;
        location /ws/ {
            rewrite ^/ws/(.*)$ /socket/$1 last;
        }
        location /socket/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_set_header Connection $connection_upgrade;
        }
        location /chat/ {
            rewrite ^/chat/(.*)$ /rt/$1 last;
        }
        location /rt/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`

// TestRuntimeRewrittenHandshake: WS002 judges the location a rewrite sends
// the handshake to, and nginx agrees: the handshake for /ws/chat reaches
// the backend as /socket/chat without Upgrade and fails, while /chat/x,
// rewritten to a location that passes the upgrade, works (no finding).
func TestRuntimeRewrittenHandshake(t *testing.T) {
	nginxtest.Binary(t)
	p, rc := prepare(t, rewrittenHandshake, wstest.Options{})
	mustFire(t, "WS002", rc.conf)
	var ds []rules.Diagnostic
	for _, d := range lintText(t, rewrittenHandshake) {
		if d.Rule.ID == "WS002" {
			ds = append(ds, d)
		} else if d.Rule.ID != "WS003" {
			t.Errorf("unexpected finding: %s %d:%d %s", d.Rule.ID, d.Start.Line, d.Start.Column, d.Message)
		}
	}
	if len(ds) != 1 || ds[0].Start.Line != 11 || ds[0].Start.Column != 9 || !strings.Contains(ds[0].Message, `location "/socket/" passes a WebSocket (the WebSocket handshake for /ws/socket is rewritten to /socket/socket by "rewrite ^/ws/(.*)$ /socket/$1 last" at nginx.conf:9:13 in WebSocket location "/ws/")`) {
		t.Fatalf("WS002 findings: %s", findings(ds))
	}
	rc.start(t, p)
	r := rc.handshakeRefused(t, "/ws/chat", http.StatusBadRequest, `'websocket' token not found in 'Upgrade' header`)
	if r.Path != "/socket/chat" {
		t.Errorf("backend received %s, want /socket/chat (the rewritten URI)", r.Path)
	}
	wantHeader(t, r, "Upgrade", "")
	_, r = rc.handshakeOK(t, "/chat/x")
	if r.Path != "/rt/x" {
		t.Errorf("backend received %s, want /rt/x", r.Path)
	}
}
