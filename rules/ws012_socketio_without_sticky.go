package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS012 finds Socket.IO balanced over several backends without sticky
// sessions.
var WS012 = &Rule{
	ID:       "WS012",
	Name:     "socketio-without-sticky",
	Severity: Warning,
	Doc: Doc{
		Summary: "socket.io is balanced over several servers without sticky sessions (400 \"Session ID unknown\")",
		Why: "A Socket.IO (Engine.IO) connection starts with HTTP long-polling: the first request creates a session on " +
			"one backend, and every later request of that session, including the WebSocket upgrade, carries its `sid` " +
			"and must reach the same backend, which alone holds it. nginx balances an upstream round-robin by " +
			"default, so the next request goes to another server, which answers 400 " +
			"`{\"code\":1,\"message\":\"Session ID unknown\"}`; clients reconnect in a loop. Socket.IO's documentation " +
			"requires sticky sessions behind a load balancer (`ip_hash` or `hash $remote_addr consistent` in nginx), " +
			"unless every client is configured with `transports: [\"websocket\"]`.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    upstream io {
        server 127.0.0.1:8080;
        server 127.0.0.1:8081;
    }
    server {
        listen 80;
        location /socket.io/ {
            proxy_pass http://io;
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
    upstream io {
        ip_hash;
        server 127.0.0.1:8080;
        server 127.0.0.1:8081;
    }
    server {
        listen 80;
        location /socket.io/ {
            proxy_pass http://io;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Make the upstream sticky: add `ip_hash;` or `hash $remote_addr consistent;` to the upstream block (or " +
			"configure every Socket.IO client with `transports: [\"websocket\"]`).",
	},
	Check: checkWS012,
}

// stickyDirectives pin a client to one server of an upstream: nginx's
// ip_hash and hash, NGINX Plus's sticky, and third-party modules'.
var stickyDirectives = map[string]bool{"ip_hash": true, "hash": true, "sticky": true, "sticky_cookie_insert": true}

func checkWS012(p *Pass) {
	reported := map[*parser.Directive]bool{}
	for _, w := range p.WebSocketLocations() {
		if !isSocketIO(w.Location) {
			continue
		}
		pass := p.Model.ProxyPass(w.Block)
		if reported[pass] {
			continue
		}
		up := p.Model.PassUpstream(pass)
		if up == nil {
			continue
		}
		servers := balanced(up)
		if len(servers) < 2 || sticky(up) {
			continue
		}
		reported[pass] = true
		p.ReportWS(w, pass, fmt.Sprintf("%s proxies Socket.IO to upstream %s, which balances %d servers round-robin without ip_hash, hash or sticky: the polling requests of one session land on different servers, which answer 400 \"Session ID unknown\", and clients reconnect in a loop",
			w.Describe(), up.Name, len(servers)),
			fmt.Sprintf("add `ip_hash;` (or `hash $remote_addr consistent;`) to upstream %s", up.Name),
			RelatedAt(up.Dir, "upstream %s has %d servers and no sticky balancing", up.Name, len(servers)))
	}
}

// isSocketIO reports whether a location is a Socket.IO endpoint by its
// path: a "socket.io" path segment.
func isSocketIO(loc *model.Location) bool {
	for _, seg := range strings.Split(strings.ToLower(loc.Name), "/") {
		if strings.TrimRight(seg, "$") == "socket.io" || seg == `socket\.io` {
			return true
		}
	}
	return false
}

// balanced returns an upstream's servers that take requests in turn
// (backup and down servers do not).
func balanced(up *model.Upstream) []*parser.Directive {
	var out []*parser.Directive
	for _, s := range up.Servers {
		active := true
		for _, w := range s.Args() {
			if w.Value == "backup" || w.Value == "down" {
				active = false
			}
		}
		if active {
			out = append(out, s)
		}
	}
	return out
}

func sticky(up *model.Upstream) bool {
	for _, d := range up.Own {
		if stickyDirectives[d.Name] {
			return true
		}
	}
	return false
}
