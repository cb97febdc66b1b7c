package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS013 finds a WebSocket location that hides the browser's Origin from
// the backend.
var WS013 = &Rule{
	ID:       "WS013",
	Name:     "origin-cleared",
	Severity: Warning,
	Security: true,
	Doc: Doc{
		Summary: "the browser's Origin is removed or replaced, which disables the backend's cross-site WebSocket check",
		Why: "Browsers let any page open a WebSocket to any site and send that site's cookies with the handshake; the only " +
			"thing that tells the backend the page is not its own is the `Origin` header, which WebSocket servers " +
			"(gorilla/websocket, Socket.IO's `cors`, Django Channels' AllowedHostsOriginValidator, Jupyter, Grafana) " +
			"check. `proxy_set_header Origin \"\"` removes it and a fixed value (`Origin https://$host`, a constant) " +
			"replaces it, so the check passes for every page on the web: a malicious site can open the user's " +
			"authenticated WebSocket and read and send messages as them (cross-site WebSocket hijacking). The usual " +
			"reason for the line is a 403 `origin not allowed` behind the proxy, whose real fix is passing `Host` " +
			"(`proxy_set_header Host $host`) or configuring the backend's allowed origins.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header Origin "";
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
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Remove the `proxy_set_header Origin` line so the browser's Origin reaches the backend; if the backend then " +
			"refuses the handshake with 403, pass `proxy_set_header Host $host;` or add the site to the backend's " +
			"allowed origins.",
	},
	Check: checkWS013,
}

func checkWS013(p *Pass) {
	for _, w := range p.WebSocketLocations() {
		headers, _ := p.Model.ProxyHeaders(w.Block)
		for _, h := range model.HeaderValues(headers, "Origin") {
			// A configuration that looks at the client's Origin itself
			// (an if, a map on $http_origin) may check it before clearing
			// it; asked only when there is an Origin line to report.
			if h.Dir == nil || forwardsOrigin(h.Value) || checksOrigin(p.Model, w.Location) {
				continue
			}
			what := fmt.Sprintf("sets Origin to %s", model.Quote(h.Value))
			if h.Value == "" {
				what = "removes the Origin header"
			}
			p.ReportWS(w, h.Dir, fmt.Sprintf("%s (%s) %s for its WebSocket handshakes: the backend can no longer tell its own pages from any other site's, so a malicious page can open the user's authenticated WebSocket (cross-site WebSocket hijacking)",
				w.Describe(), w.Why, what),
				"remove this line so the browser's Origin reaches the backend; for a 403 \"origin not allowed\", pass `proxy_set_header Host $host;` or allow the site's origin in the backend")
		}
	}
}

// forwardsOrigin reports whether an Origin value still carries the
// browser's Origin.
func forwardsOrigin(value string) bool {
	for _, v := range variables(value) {
		if v == "http_origin" {
			return true
		}
	}
	return false
}

// checksOrigin reports whether the server of loc, or its http level, reads
// the client's Origin in an if condition or a map: such configurations
// validate the origin in nginx.
func checksOrigin(m *model.Model, loc *model.Location) bool {
	for _, mp := range m.Maps {
		if strings.EqualFold(mp.Source, "$http_origin") {
			return true
		}
	}
	found := false
	var walk func(b *model.Block)
	walk = func(b *model.Block) {
		for _, c := range b.Children {
			if c.Kind == model.KindIf && c.Dir != nil {
				for _, w := range c.Dir.Args() {
					if strings.Contains(strings.ToLower(w.Value), "$http_origin") {
						found = true
					}
				}
			}
			walk(c)
		}
	}
	if loc.Server != nil {
		walk(loc.Server.Block)
	}
	return found
}
