package rules

import (
	"fmt"
	"path"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS010 finds WebSocket prefix locations "P/" whose clients open "P".
var WS010 = &Rule{
	ID:       "WS010",
	Name:     "ws-slash-redirect",
	Severity: Warning,
	Doc: Doc{
		Summary: "a WebSocket location \"P/\" answers its clients' \"P\" with a 301, which WebSocket clients do not follow",
		Why: "A prefix location whose name ends in `/` and that proxies makes nginx answer the same path without the " +
			"slash with `301 Moved Permanently` to the slashed one (when no other location takes it). Browsers and " +
			"WebSocket libraries do not follow redirects during the handshake (RFC 6455 §4.1: any status but 101 fails " +
			"the connection), so a client that opens the endpoint without the slash, as Rails ActionCable opens `/cable`, " +
			"Home Assistant `/api/websocket` and Mastodon `/api/v1/streaming`, fails with `Unexpected response code: " +
			"301`, while the same location serves the slashed URLs fine.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /cable/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Good: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /cable {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Name the location without the trailing slash (`location /cable`) when its proxy_pass has no URI part, or " +
			"add an exact `location = /cable` with the same proxy settings.",
	},
	Check: checkWS010,
}

// slashlessEndpoints are WebSocket endpoints that well-known clients open
// without a trailing slash, as whole path segments at the end of a
// location's name (an application may be mounted under a sub-path).
//
// Home Assistant's "/api/websocket" needs the backend as evidence:
// Portainer serves its WebSocket endpoints below "/api/websocket/"
// (/api/websocket/exec, /attach), where a slashed location is right.
var slashlessEndpoints = []struct {
	path, client string
	// backend, when set, must appear in the proxy_pass target.
	backend []string
}{
	// createConsumer() opens config.action_cable.mount_path, "/cable".
	{path: "/cable", client: "Rails ActionCable clients"},
	// home-assistant-js-websocket opens wss://host/api/websocket.
	{path: "/api/websocket", client: "Home Assistant clients", backend: []string{":8123", "homeassistant", "home-assistant", "hass"}},
	// Mastodon's WebSocket streaming: /api/v1/streaming?stream=user.
	{path: "/api/v1/streaming", client: "Mastodon clients"},
	// next dev's hot-reload socket.
	{path: "/_next/webpack-hmr", client: "Next.js development clients"},
	// Prosody's mod_websocket, Jitsi Meet.
	{path: "/xmpp-websocket", client: "XMPP over WebSocket clients"},
	// Streamlit >= 1.18's browser client.
	{path: "/_stcore/stream", client: "Streamlit clients"},
	// Grafana Live's Centrifuge connection.
	{path: "/api/live/ws", client: "Grafana Live clients"},
}

func checkWS010(p *Pass) {
	for _, loc := range p.Model.Locations() {
		if !loc.IsPrefix() || !loc.AutoRedirect() || loc.Server == nil || loc.UnresolvedInclude() != nil {
			continue
		}
		bare := strings.TrimSuffix(loc.Name, "/")
		client := slashlessClient(bare, passTarget(p.Model.ProxyPass(loc.Block)), p.Options.WSPaths)
		if bare == "" || client == "" {
			continue
		}
		// Another location (exact, a regex) may take the bare path.
		if m := loc.Server.FindLocation(bare); m.Err != nil || !m.Redirect {
			continue
		}
		p.Report(loc.Dir, fmt.Sprintf("%s open %s without the trailing slash, and nginx answers that with 301 to %s (%s proxies and no other location takes %s): WebSocket clients do not follow redirects, so the handshake fails with \"Unexpected response code: 301\"",
			client, model.Quote(bare), model.Quote(loc.Name), loc.Describe(), model.Quote(bare)),
			fmt.Sprintf("write `location %s` without the trailing slash if its proxy_pass has no URI part, or add `location = %s` with the same proxy settings", bare, bare))
	}
}

// slashlessClient names the clients that open bare, a location's name
// without its trailing slash: a well-known endpoint, or a --ws-path
// pattern that names the path without a slash.
func slashlessClient(bare, target string, wsPaths []string) string {
	for _, e := range slashlessEndpoints {
		if bare != e.path && !strings.HasSuffix(bare, e.path) {
			continue
		}
		if e.backend == nil || containsAny(strings.ToLower(target), e.backend) {
			return e.client
		}
	}
	for _, pat := range wsPaths {
		if strings.HasSuffix(pat, "/") {
			continue
		}
		if ok, _ := path.Match(pat, bare); ok {
			return fmt.Sprintf("clients (declared by --ws-path %s)", model.Quote(pat))
		}
	}
	return ""
}

// passTarget is a proxy_pass directive's URL, "" for none.
func passTarget(pass *parser.Directive) string {
	if pass == nil || len(pass.Words) < 2 {
		return ""
	}
	return pass.Arg(0)
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
