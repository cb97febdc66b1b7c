package rules

import (
	"fmt"

	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS003 finds WebSocket locations whose Connection header to the backend
// does not carry "upgrade".
var WS003 = &Rule{
	ID:       "WS003",
	Name:     "missing-connection-header",
	Severity: Error,
	Doc: Doc{
		Summary: "a WebSocket location does not send Connection: upgrade to the backend",
		Why: "A WebSocket handshake needs `Connection: upgrade` next to `Upgrade: websocket`. nginx drops the client's " +
			"Connection header and, unless configured, sends `Connection: close` (nginx before 1.29.7) or none at all " +
			"(1.29.7 and later): the backend refuses the handshake (400 or 426). A value of `close`, `keep-alive` or `\"\"` " +
			"does the same, and so does a Connection line lost because the location sets proxy_set_header lines of its own.",
		Bad: `events {}
http {
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
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
		Fix: "Add `proxy_set_header Connection $connection_upgrade;` with the map " +
			"`map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in the http block.",
	},
	Check: checkWS003,
}

func checkWS003(p *Pass) {
	m := p.Model
	for _, w := range p.AllWebSocketLocations() {
		conns, from := configured(m, w.Block, "Connection")
		if unreadable(w.Block, aspectHeaders, from) != nil {
			// The file that could not be read may set the header.
			continue
		}
		if inc, why := shadowedBy(w.Block, from, "Connection"); inc != nil && len(conns) > 0 {
			what := "Connection: close, nginx's default"
			if m.Version.HTTP11ByDefault() {
				what = "no Connection header (nginx 1.29.7 and later send none by default)"
			}
			p.ReportWS(w, w.Dir, fmt.Sprintf("%s passes a WebSocket (%s) but sends %s: %s; the backend refuses the handshake with 400 or 426",
				w.Describe(), w.Why, what, why),
				"add `proxy_set_header Connection $connection_upgrade;` (and the Upgrade line) to this location, next to the include",
				RelatedAt(inc, "this file sets proxy_set_header lines of its own"), RelatedAt(conns[0].Dir, "set here, but not inherited"))
			continue
		}
		if len(conns) == 0 {
			what := "Connection: close, nginx's default"
			if m.Version.HTTP11ByDefault() {
				what = "no Connection header (nginx 1.29.7 and later send none by default)"
			}
			msg := fmt.Sprintf("%s passes a WebSocket (%s) but sends %s: the backend refuses the handshake with 400 or 426",
				w.Describe(), w.Why, what)
			var rel []Related
			if lost := lostHeader(from, "Connection"); lost != nil {
				msg += "; the Connection header set at " + lost.Position().String() + " is not inherited, because a nearer level sets proxy_set_header lines of its own"
				rel = lostRelated(lost, from)
			}
			p.ReportWS(w, w.Dir, msg, "add `proxy_set_header Connection $connection_upgrade;` (with map $http_upgrade $connection_upgrade { default upgrade; '' close; } in the http block)", rel...)
			continue
		}
		ok := false
		for _, h := range conns {
			v, known := m.Eval(h.Value, model.HandshakeRequest())
			if !known || hasToken(v, "upgrade") || usesMap(m, h.Value) {
				// Unknown values and map variables are WS001's to judge.
				ok = true
			}
		}
		if ok {
			continue
		}
		h := conns[0]
		sent := "Connection: " + h.Value
		if h.Value == "" {
			sent = "no Connection header (an empty value is not sent)"
		}
		p.ReportWS(w, h.Dir, fmt.Sprintf("%s passes a WebSocket (%s) but this line sends %s for the handshake: the backend refuses it with 400 or 426",
			w.Describe(), w.Why, sent),
			"send `Connection $connection_upgrade` (with map $http_upgrade $connection_upgrade { default upgrade; '' close; } in the http block), or `Connection \"upgrade\"` in a location that only serves WebSocket",
			locationRelated(w.Location)...)
	}
}

// usesMap reports whether a value references a variable some map or set
// defines, or an undefined one (WS001 reports those).
func usesMap(m *model.Model, value string) bool {
	for _, v := range variables(value) {
		if m.Defines(v) || looksLikeUpgradeVar(v) {
			return true
		}
	}
	return false
}
