package rules

import (
	"fmt"

	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS009 finds the client's own Connection header forwarded to the backend.
var WS009 = &Rule{
	ID:       "WS009",
	Name:     "client-connection-forwarded",
	Severity: Warning,
	Security: true,
	Doc: Doc{
		Summary: "proxy_set_header Connection $http_connection forwards the client's hop-by-hop header (h2c smuggling)",
		Why: "With `Connection $http_connection` (and `Upgrade $http_upgrade`) the client chooses what the backend is " +
			"asked to upgrade to, not only WebSocket: with `Upgrade: h2c` and `Connection: Upgrade, HTTP2-Settings` an " +
			"h2c-capable backend answers 101, nginx tunnels the connection, and the client then speaks HTTP/2 straight " +
			"to the backend, past every location rule (deny, auth, routing) nginx enforces. This is h2c smuggling " +
			"(Bishop Fox, 2020).",
		Bad: `events {}
http {
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $http_connection;
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
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Send `Connection $connection_upgrade` from `map $http_upgrade $connection_upgrade { default upgrade; '' close; }`; " +
			"to allow only WebSocket, key the map on `~*^websocket$`.",
	},
	Check: checkWS009,
}

func checkWS009(p *Pass) {
	const fix = "use `proxy_set_header Connection $connection_upgrade;` with map $http_upgrade $connection_upgrade { default upgrade; '' close; } in the http block"
	for _, d := range connectionHeaders(p) {
		for _, v := range variables(d.Arg(1)) {
			if v == "http_connection" {
				p.Report(d, "proxy_set_header Connection $http_connection forwards the client's own Connection header: together with Upgrade, any client can ask the backend for any protocol upgrade, including h2c, and then talk to it directly, past nginx's location rules (h2c smuggling)", fix)
				break
			}
			// The same through a map whose values forward it.
			if mp := p.Model.MapFor(v); mp != nil && forwardsConnection(mp) {
				p.Report(d, fmt.Sprintf("proxy_set_header Connection $%s forwards the client's own Connection header through map %s (%s): together with Upgrade, any client can ask the backend for any protocol upgrade, including h2c, and then talk to it directly, past nginx's location rules (h2c smuggling)", v, "$"+mp.Var, mp.Dir.Position().String()),
					fix, RelatedAt(mp.Dir, "this map gives the client's $http_connection"))
				break
			}
		}
	}
}

// forwardsConnection reports whether some value of the map is the
// client's Connection header.
func forwardsConnection(mp *model.Map) bool {
	entries := mp.Entries
	if mp.Default != nil {
		entries = append(append([]*model.MapEntry(nil), entries...), mp.Default)
	}
	for _, e := range entries {
		for _, v := range variables(e.Value) {
			if v == "http_connection" {
				return true
			}
		}
	}
	return false
}
