package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// WS011 finds a WebSocket location whose own proxy_set_header lines drop
// the Host and forwarding headers set at an outer level.
var WS011 = &Rule{
	ID:       "WS011",
	Name:     "ws-lost-proxy-headers",
	Severity: Warning,
	Doc: Doc{
		Summary: "a WebSocket location's own proxy_set_header lines drop the outer Host and X-Forwarded-* headers",
		Why: "proxy_set_header is inherited all or nothing: a location that sets any proxy_set_header line of its own " +
			"inherits none from its server or http block. Adding only `Upgrade` and `Connection` to a WebSocket " +
			"location therefore silently drops the server's `Host $host` and `X-Forwarded-*` lines for the WebSocket " +
			"requests: the backend sees the proxy_pass host (`127.0.0.1:8080`, an upstream name) as Host and nginx's " +
			"address as the client. WebSocket servers that compare the Origin with the Host (gorilla/websocket, " +
			"Socket.IO with allowed origins, Django Channels, Jupyter, Grafana) refuse the handshake with 403, and " +
			"applications build wrong URLs or rate-limit everyone as one client.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
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
		Good: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto $scheme;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Repeat the outer `proxy_set_header` lines (Host, X-Forwarded-*, X-Real-IP) in the WebSocket location, or " +
			"move the location's own lines to the level that holds the others.",
	},
	Check: checkWS011,
}

// forwardingHeader reports whether a header tells the backend about the
// client's request: Host, Forwarded, X-Forwarded-*, X-Real-IP.
func forwardingHeader(name string) bool {
	n := strings.ToLower(name)
	return n == "host" || n == "x-real-ip" || n == "forwarded" || strings.HasPrefix(n, "x-forwarded-")
}

func checkWS011(p *Pass) {
	for _, w := range p.WebSocketLocations() {
		own, from := w.InheritedArray("proxy_set_header")
		if from == nil || from.Parent == nil {
			continue
		}
		outer, outerLevel := from.Parent.InheritedArray("proxy_set_header")
		if outerLevel == nil {
			continue
		}
		set := map[string]bool{}
		for _, d := range own {
			set[strings.ToLower(d.Arg(0))] = true
		}
		var lost []*parser.Directive
		var names []string
		hostLost := false
		for _, d := range outer {
			name := d.Arg(0)
			if !forwardingHeader(name) || set[strings.ToLower(name)] {
				continue
			}
			set[strings.ToLower(name)] = true
			hostLost = hostLost || strings.EqualFold(name, "host")
			lost = append(lost, d)
			names = append(names, name)
		}
		if len(lost) == 0 {
			continue
		}
		related := make([]Related, 0, len(lost)+1)
		for _, d := range lost {
			related = append(related, RelatedAt(d, "%s is set here, but not inherited", d.Arg(0)))
		}
		related = append(related, RelatedAt(own[0], "%s sets its own proxy_set_header lines, so it inherits none", from.Describe()))
		effect := "the backend no longer learns the client's address and scheme, so it logs and rate-limits nginx's address and builds wrong URLs"
		if hostLost {
			effect = "the backend sees the proxy_pass host instead of the site's name as Host, so WebSocket servers that compare the Origin with the Host refuse the handshake with 403, and applications build wrong URLs"
		}
		// Upgrade lines alone are often copied boilerplate: the location
		// may carry no WebSocket at all.
		sev := p.rule.Severity
		if !w.Dedicated {
			sev = Note
		}
		p.reportAs(sev, anchor(w.Location), fmt.Sprintf("%s (%s) sets its own proxy_set_header lines, so the %s %s of the outer level (%s) %s not reach its WebSocket requests: %s",
			w.Describe(), w.Why, joinNames(names), plural(len(names), "header", "headers"), outerLevel.Describe(), plural(len(names), "does", "do"), effect),
			"repeat "+joinNames(names)+" in this location, or move its own proxy_set_header lines to the level that sets the others",
			related...)
	}
}

// joinNames lists names as "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
