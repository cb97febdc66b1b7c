package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS002 finds WebSocket locations whose requests reach the backend without
// an Upgrade header.
var WS002 = &Rule{
	ID:       "WS002",
	Name:     "missing-upgrade-header",
	Severity: Error,
	Doc: Doc{
		Summary: "a WebSocket location does not send the Upgrade header to the backend",
		Why: "Upgrade is a hop-by-hop header: nginx drops the client's copy and sends one only when the configuration " +
			"says `proxy_set_header Upgrade $http_upgrade`. Without it the backend sees a plain HTTP request and answers " +
			"400 or 426 instead of 101. The header is also lost when the location (or a level between it and the one " +
			"that sets Upgrade) has proxy_set_header lines of its own: a level that sets any inherits none. An outer " +
			"level that sets the upgrade headers declares WebSocket intent, so a proxied location below it that loses " +
			"them this way is reported even when nothing else marks it: an error for the catch-all `location /` (or the " +
			"only proxied location), a note for other locations, and nothing when a dedicated WebSocket location in " +
			"the same server takes the WebSocket traffic. " +
			"`add_header Upgrade` does not help: it changes the response, not the request.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header X-Real-IP $remote_addr;
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
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Add `proxy_set_header Upgrade $http_upgrade;` to the WebSocket location, together with every other " +
			"proxy_set_header line it should keep from outer levels.",
	},
	Check: checkWS002,
}

func checkWS002(p *Pass) {
	m := p.Model
	for _, w := range p.AllWebSocketLocations() {
		ups, from := configured(m, w.Block, "Upgrade")
		if unreadable(w.Block, aspectHeaders, from) != nil {
			// The file that could not be read may set the header.
			continue
		}
		if inc, why := shadowedBy(w.Block, from, "Upgrade"); inc != nil && len(ups) > 0 {
			p.ReportWS(w, w.Dir, fmt.Sprintf("%s passes a WebSocket (%s) without \"proxy_set_header Upgrade $http_upgrade\": %s; nginx drops the client's Upgrade header, so the backend sees a plain request and the handshake fails with 400 or 426",
				w.Describe(), w.Why, why),
				"add `proxy_set_header Upgrade $http_upgrade;` (and the Connection line) to this location, next to the include",
				RelatedAt(inc, "this file sets proxy_set_header lines of its own"), RelatedAt(ups[0].Dir, "set here, but not inherited"))
			continue
		}
		sends := false
		for _, h := range ups {
			if v, known := m.Eval(h.Value, model.HandshakeRequest()); !known || v != "" {
				sends = true
			}
		}
		if sends {
			continue
		}
		msg := fmt.Sprintf("%s passes a WebSocket (%s) without \"proxy_set_header Upgrade $http_upgrade\": nginx drops the client's Upgrade header, so the backend sees a plain request and the handshake fails with 400 or 426",
			w.Describe(), w.Why)
		var rel []Related
		if len(ups) > 0 {
			h := ups[0]
			msg = fmt.Sprintf("%s passes a WebSocket (%s) but sends Upgrade %q, which is empty for a handshake: the backend sees a plain request and the handshake fails with 400 or 426",
				w.Describe(), w.Why, h.Value)
			rel = append(rel, RelatedAt(h.Dir, "Upgrade is set here"))
		} else if lost := lostHeader(from, "Upgrade"); lost != nil {
			msg += "; the Upgrade header set at " + lost.Position().String() + " is not inherited, because a nearer level sets proxy_set_header lines of its own"
			rel = append(rel, lostRelated(lost, from)...)
		}
		// The add_header lines in effect (the nearest level with any).
		adds, _ := w.InheritedArray("add_header")
		for _, d := range adds {
			if strings.EqualFold(d.Arg(0), "Upgrade") {
				msg += "; add_header Upgrade only changes the response to the client"
				rel = append(rel, RelatedAt(d, "add_header sets a response header; the backend never sees it"))
			}
		}
		p.ReportWS(w, w.Dir, msg, "add `proxy_set_header Upgrade $http_upgrade;` to this location (with the other proxy_set_header lines it needs)", rel...)
	}
}
