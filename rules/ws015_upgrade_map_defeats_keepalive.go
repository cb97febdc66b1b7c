package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS015 finds a Connection map that closes keepalive connections to an
// upstream on every plain request.
var WS015 = &Rule{
	ID:       "WS015",
	Name:     "upgrade-map-defeats-keepalive",
	Severity: Note,
	Doc: Doc{
		Summary: "a Connection map sends \"close\" on plain requests to a keepalive upstream",
		Why: "The canonical map from nginx.org, `map $http_upgrade $connection_upgrade { default upgrade; '' close; }`, " +
			"sends `Connection: close` to the backend on every request that is not a WebSocket handshake. When the " +
			"location also serves ordinary requests and its upstream has `keepalive`, that header makes the backend " +
			"close the connection after each response, so the keepalive pool never keeps a connection: every page, " +
			"API call and asset pays a new TCP (and TLS) handshake to the backend, and busy servers run out of " +
			"ephemeral ports (TIME_WAIT). With `'' \"\"` nginx sends no Connection header for plain requests and keeps " +
			"the connection; WebSocket handshakes still get `upgrade`.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    upstream app { server 127.0.0.1:8080; keepalive 16; }
    server {
        listen 80;
        location / {
            proxy_pass http://app;
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
    map $http_upgrade $connection_upgrade { default upgrade; '' ""; }
    upstream app { server 127.0.0.1:8080; keepalive 16; }
    server {
        listen 80;
        location / {
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "In the map, send an empty value for plain requests: `map $http_upgrade $connection_upgrade { default " +
			"upgrade; '' \"\"; }` (nginx then sends no Connection header and keeps the upstream connection).",
	},
	Check: checkWS015,
}

func checkWS015(p *Pass) {
	m := p.Model
	reported := map[*parser.Directive]bool{}
	for _, loc := range p.ProxiedLocations() {
		// A dedicated WebSocket endpoint sees almost only handshakes:
		// there is no keepalive to lose.
		if w := p.ws.by[loc]; w != nil && w.Dedicated {
			continue
		}
		up := m.PassUpstream(m.ProxyPass(loc.Block))
		if up == nil || up.Get("keepalive") == nil || m.HTTPVersion(loc.Block).Value != "1.1" {
			continue
		}
		keepalive := up.Get("keepalive")
		headers, _ := m.ProxyHeaders(loc.Block)
		conns := model.HeaderValues(headers, "Connection")
		if len(conns) != 1 || conns[0].Dir == nil || reported[conns[0].Dir] {
			continue
		}
		h := conns[0]
		entry, mp := plainCloseEntry(m, h.Value)
		if entry == nil {
			continue
		}
		reported[h.Dir] = true
		p.Report(h.Dir, fmt.Sprintf("%s proxies ordinary requests to upstream %s, which keeps connections (keepalive at %s), but map $%s sends \"Connection: close\" for every request without Upgrade: the backend closes the connection after each response, so each plain request opens a new upstream connection",
			loc.Describe(), up.Name, keepalive.Position().String(), mp.Var),
			"in the map, replace `'' close;` by `'' \"\";`: plain requests then carry no Connection header and reuse the upstream connection",
			RelatedAt(entry, "plain requests get \"close\" here"),
			RelatedAt(keepalive, "upstream %s keeps idle connections", up.Name))
	}
}

// plainCloseEntry returns the map line that makes a Connection value
// "close" for a plain request while a handshake gets "upgrade", and its
// map; nil when the value is not such a map variable.
func plainCloseEntry(m *model.Model, value string) (*parser.Directive, *model.Map) {
	name, n := model.VarName(value)
	if n == 0 || n != len(value) {
		return nil, nil
	}
	mp := m.MapFor(name)
	if mp == nil || !strings.EqualFold(mp.Source, "$http_upgrade") {
		return nil, nil
	}
	if v, ok := m.Eval(value, model.HandshakeRequest()); !ok || !strings.EqualFold(v, "upgrade") {
		return nil, nil
	}
	v, entry, ok := mp.Lookup("")
	if !ok || !strings.EqualFold(v, "close") || entry == nil {
		return nil, nil
	}
	return entry.Dir, mp
}
