package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS004 finds a Connection header fixed to "upgrade" where ordinary
// requests are proxied too.
var WS004 = &Rule{
	ID:       "WS004",
	Name:     "hardcoded-connection-upgrade",
	Severity: Warning,
	Doc: Doc{
		Summary: "Connection \"upgrade\" is sent for ordinary requests too",
		Why: "`proxy_set_header Connection \"upgrade\"` tells the backend \"upgrade\" on every request the location " +
			"proxies, also on ordinary ones that carry no Upgrade header, and it keeps nginx from closing or reusing " +
			"the upstream connection as it should. The map sends `upgrade` only for handshakes and `close` (or nothing, " +
			"with `''` as the value) otherwise. With `Upgrade` hard-coded as well, a plain request can get a 101 from " +
			"the backend that nginx does not tunnel, and the client hangs. In a location that serves only WebSocket the " +
			"literal value is fine, and this rule is silent: it speaks about locations whose traffic is evidently mixed: " +
			"the catch-all `location /`; API locations (a path word `api`, unless the backend's name or a location-level " +
			"`Upgrade websocket` says it only speaks WebSocket); and whole applications mounted under a one-segment " +
			"sub-path (`location /app/`, `location __PATH__/`) that the location evidently serves pages for: it sets " +
			"sub_filter, proxy_redirect, rewrite, expires or client_max_body_size. A dedicated endpoint such as " +
			"`/livekit/sfu/` is left alone, except a Socket.IO or SockJS endpoint with `Upgrade` hard-coded too: its clients " +
			"start with plain polling requests there (SockJS with `/info`), and with both headers fixed each of them reaches " +
			"the backend as a handshake without a Sec-WebSocket-Key, which it refuses with 400.",
		Bad: `events {}
http {
    server {
        listen 80;
        location / {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
        }
    }
}
`,
		Good: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location / {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Use `proxy_set_header Connection $connection_upgrade;` with " +
			"`map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in the http block.",
	},
	Check: checkWS004,
}

func checkWS004(p *Pass) {
	m := p.Model
	// Which proxied locations each Connection line reaches.
	users := map[*parser.Directive][]*model.Location{}
	for _, loc := range p.ProxiedLocations() {
		hs, _ := configured(m, loc.Block, "Connection")
		for _, h := range hs {
			users[h.Dir] = append(users[h.Dir], loc)
		}
	}
	for _, d := range connectionHeaders(p) {
		value := d.Arg(1)
		plain, known := m.Eval(value, model.PlainRequest())
		if !known || !hasToken(plain, "upgrade") {
			continue
		}
		var mixed *model.Location
		why := ""
		for _, loc := range users[d] {
			if w := p.WebSocket(loc); w == nil || !w.Dedicated {
				if why = servesPlainHTTP(m, loc); why != "" {
					mixed = loc
					break
				}
			} else if up, ok := fixedUpgrade(m, loc); ok && w.Protocol != nil && w.Protocol.Fallback != "" {
				// A Socket.IO or SockJS endpoint serves its clients'
				// polling requests too: with both headers fixed, each of
				// them arrives as a handshake.
				p.ReportWS(w, d, fmt.Sprintf("Connection %q and Upgrade %q (%s) are sent on every request proxied from %s (%s), ordinary ones too: %s reach the backend as WebSocket handshakes without a Sec-WebSocket-Key, which it refuses with 400, so clients that start with them never connect",
					value, up.Value, up.Dir.Position().String(), w.Describe(), w.Why, w.Protocol.Fallback),
					"send the client's own header: `proxy_set_header Upgrade $http_upgrade;` and `proxy_set_header Connection $connection_upgrade;` with map $http_upgrade $connection_upgrade { default upgrade; '' close; } in the http block",
					RelatedAt(up.Dir, "Upgrade hard-coded here"))
				break
			}
		}
		if mixed == nil {
			continue
		}
		what := fmt.Sprintf("Connection %q", value)
		if len(variables(value)) > 0 {
			what = fmt.Sprintf("Connection %s, which is %q also without an Upgrade header,", value, plain)
		}
		msg := fmt.Sprintf("%s is sent on every request proxied from %s, ordinary ones too: the backend is told to upgrade requests that carry no Upgrade header",
			what, mixed.Describe())
		var rel []Related
		if ups, _ := configured(m, mixed.Block, "Upgrade"); len(ups) > 0 && len(variables(ups[0].Value)) == 0 {
			msg += "; with Upgrade hard-coded too, a plain request can get a 101 that nginx does not tunnel, and the client hangs"
			rel = append(rel, RelatedAt(ups[0].Dir, "Upgrade hard-coded here"))
		}
		if mixed.Dir != nil && !sameDir(mixed.Dir, d) {
			rel = append(rel, RelatedAt(mixed.Dir, "%s", why))
		}
		p.Report(d, msg, "use `proxy_set_header Connection $connection_upgrade;` with map $http_upgrade $connection_upgrade { default upgrade; '' close; } in the http block", rel...)
	}
}

func sameDir(a, b *parser.Directive) bool { return a == b }

// fixedUpgrade returns the Upgrade header loc sends when it is a fixed,
// non-empty value (`Upgrade websocket`); false otherwise.
func fixedUpgrade(m *model.Model, loc *model.Location) (model.Header, bool) {
	ups, _ := configured(m, loc.Block, "Upgrade")
	if len(ups) == 0 || len(variables(ups[0].Value)) > 0 || strings.TrimSpace(ups[0].Value) == "" {
		return model.Header{}, false
	}
	return ups[0], true
}
