package rules

import (
	"fmt"
)

// WS005 finds WebSocket locations that talk HTTP/1.0 to the backend.
var WS005 = &Rule{
	ID:       "WS005",
	Name:     "missing-http-version",
	Severity: Error,
	Doc: Doc{
		Summary: "a WebSocket location does not proxy with HTTP/1.1",
		Why: "The WebSocket handshake is an HTTP/1.1 upgrade (RFC 6455). Before 1.29.7 nginx proxies with HTTP/1.0 " +
			"unless `proxy_http_version 1.1` is set, and strict backends refuse an HTTP/1.0 handshake (426 or 400); " +
			"lenient ones happen to accept it. HTTP/2 (`proxy_http_version 2`) cannot carry the upgrade either. When " +
			"the nginx version is unknown, the linter assumes the older default; `--nginx-version 1.29.7` or later " +
			"makes an unset proxy_http_version fine. A site file or snippet linted without its http block may get the " +
			"version from there: an unset one is then a note that says so.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
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
		Fix: "Add `proxy_http_version 1.1;` to the WebSocket location (or to its server or http block).",
	},
	Check: checkWS005,
}

func checkWS005(p *Pass) {
	m := p.Model
	for _, w := range p.AllWebSocketLocations() {
		v := m.HTTPVersion(w.Block)
		if v.Value == "1.1" || unreadable(w.Block, aspectHTTPVersion, levelOf(w.Block, v.Dir)) != nil {
			continue
		}
		if v.Dir == nil {
			ver := "nginx before 1.29.7 defaults to"
			if !m.Version.Known {
				ver = "with the nginx version unknown (--nginx-version), nginx before 1.29.7 is assumed, which defaults to"
			}
			msg := fmt.Sprintf("%s passes a WebSocket (%s) over HTTP/1.0: %s proxy_http_version 1.0, and backends that follow RFC 6455 refuse an HTTP/1.0 handshake (426 or 400)",
				w.Describe(), w.Why, ver)
			const fix = "add `proxy_http_version 1.1;` to this location, or to its server or http block"
			if m.HTTP.Dir == nil {
				// A site file or snippet: the blocks it is included in
				// may set the version.
				p.reportAs(Note, anchor(w.Location), msg+"; this file does not show the "+outerBlocks(m)+" it is included in, which may set proxy_http_version 1.1", fix)
				continue
			}
			p.ReportWS(w, w.Dir, msg, fix)
			continue
		}
		p.ReportWS(w, w.Dir, fmt.Sprintf("%s passes a WebSocket (%s) with proxy_http_version %s (set at %s): the WebSocket upgrade needs HTTP/1.1, and the handshake fails",
			w.Describe(), w.Why, v.Value, v.Dir.Position().String()),
			"set `proxy_http_version 1.1;` for this location",
			RelatedAt(v.Dir, "proxy_http_version %s is set here", v.Value))
	}
}
