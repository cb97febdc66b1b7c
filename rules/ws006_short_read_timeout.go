package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS006 finds WebSocket locations whose idle connections nginx closes
// early.
var WS006 = &Rule{
	ID:       "WS006",
	Name:     "short-read-timeout",
	Severity: Warning,
	Doc: Doc{
		Summary: "idle WebSocket connections are closed after proxy_read_timeout (60s by default)",
		Why: "On an upgraded connection nginx arms proxy_read_timeout whenever it waits for the backend, and re-arms it " +
			"on traffic in either direction: a tunnel with no frame in either direction for that long is closed, with " +
			"no WebSocket close frame, and the log line (`upstream timed out ... while proxying upgraded connection`) " +
			"is at info level, invisible by default. With nginx's default of 60s, chat, dashboards and notifications " +
			"drop after exactly one minute of silence. proxy_send_timeout only applies while a write to the backend " +
			"is blocked, so it does not drop idle connections and this rule leaves it alone. The threshold is " +
			"--min-read-timeout (default 60s).",
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
		Fix: "Set `proxy_read_timeout` on the WebSocket location longer than the longest silence the application allows " +
			"(for example `1h`), or have the application send a ping more often than the timeout.",
	},
	Check: checkWS006,
}

func checkWS006(p *Pass) {
	m := p.Model
	min := p.Options.MinReadTimeout
	if min == 0 {
		min = DefaultMinReadTimeout
	}
	// A short value set once at server or http level is reported once, at
	// that directive, naming the WebSocket locations it reaches.
	type setting struct {
		rt   model.Timeout
		locs []*WSLocation
	}
	var order []*setting
	byDir := map[*parser.Directive]*setting{}
	for _, w := range p.WebSocketLocations() {
		rt := m.ProxyTimeout(w.Block, "proxy_read_timeout")
		if rt.Invalid || rt.Duration > min {
			continue
		}
		if rt.Dir == nil {
			p.Report(w.Dir, fmt.Sprintf("%s passes a WebSocket (%s) with nginx's default proxy_read_timeout of 60s: a connection on which neither side sends anything for a minute is closed, without a close frame",
				describeLocation(w.Location), w.Why),
				"add `proxy_read_timeout 1h;` (longer than the longest silence the application allows) to this location, or have the application ping more often than every 60s")
			continue
		}
		s := byDir[rt.Dir]
		if s == nil {
			s = &setting{rt: rt}
			byDir[rt.Dir] = s
			order = append(order, s)
		}
		s.locs = append(s.locs, w)
	}
	for _, s := range order {
		w := s.locs[0]
		idle := s.rt.Value
		if strings.Trim(idle, "0123456789") == "" {
			idle += "s" // a bare number is seconds
		}
		where := fmt.Sprintf("%s (%s)", describeLocation(w.Location), w.Why)
		if len(s.locs) > 1 {
			where += fmt.Sprintf(" and %d other WebSocket locations", len(s.locs)-1)
		}
		var rel []Related
		for _, l := range s.locs {
			if l.Dir != nil && !ownDirective(l.Block, s.rt.Dir) {
				rel = append(rel, RelatedAt(l.Dir, "a WebSocket location that inherits it"))
			}
		}
		p.Report(s.rt.Dir, fmt.Sprintf("proxy_read_timeout %s closes WebSocket connections through %s after %s in which neither side sends anything, without a close frame",
			s.rt.Value, where, idle),
			"raise it above the longest silence the application allows (for example `proxy_read_timeout 1h;`), or have the application ping more often than every "+idle, rel...)
	}
}

// ownDirective reports whether d is set at level b itself.
func ownDirective(b *model.Block, d *parser.Directive) bool {
	for _, x := range b.Own {
		if x == d {
			return true
		}
	}
	return false
}
