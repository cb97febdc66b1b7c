package rules

import (
	"fmt"
	"strings"
	"time"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS006 finds WebSocket locations whose idle connections nginx closes
// early.
var WS006 = &Rule{
	ID:       "WS006",
	Name:     "short-read-timeout",
	Severity: Error,
	Doc: Doc{
		Summary: "idle WebSocket connections are closed after proxy_read_timeout (60s by default), weighed against the application's heartbeat",
		Why: "On an upgraded connection nginx arms proxy_read_timeout whenever it waits for the backend, and re-arms it " +
			"on traffic in either direction: a tunnel with no frame in either direction for that long is closed, with " +
			"no WebSocket close frame, and the log line (`upstream timed out ... while proxying upgraded connection`) " +
			"is at info level, invisible by default. Whether that matters depends on the application's heartbeat: most " +
			"frameworks ping well inside nginx's default 60s, so their tunnels never go idle. The rule knows the " +
			"heartbeat of well-known protocols by their endpoint path: Socket.IO (`/socket.io/`, pingInterval 25s, " +
			"server), SockJS (`/sockjs`, heartbeat_delay 25s, server), ASP.NET Core SignalR (`/signalr`, `/hubs`, " +
			"KeepAliveInterval 15s, server), Rails Action Cable (`/cable`, 3s, server), Phoenix Channels and LiveView " +
			"(`/socket/websocket`, `/live`, heartbeatIntervalMs 30s, client), Centrifugo and Grafana Live " +
			"(`/connection/websocket`, `/api/live`, 25s), Jupyter Server (`/api/kernels`, `/terminals/websocket`, 30s, " +
			"server), Streamlit (`/_stcore/stream`, 1s, server). Servers whose ping is not tied to a path (daphne's " +
			"--ping-interval 20s, aiohttp's heartbeat, off by default) cannot be told from the path. With a known heartbeat H and an effective proxy_read_timeout at or below H, even a healthy " +
			"connection is cut between two pings: an **error** naming the protocol and its interval. A timeout above H " +
			"is fine and the rule is silent. For an application whose heartbeat is unknown, a timeout at or below " +
			"--min-read-timeout (default 60s) is a **note**: it holds only if the application pings less often than " +
			"that. A file that cannot see its http block (a site file or snippet), or an include that could not be read " +
			"on the way up, may hide a longer timeout: the finding is then a note that says so. proxy_send_timeout only " +
			"applies while a write to the backend is blocked, so it does not drop idle connections and this rule leaves " +
			"it alone. A location that only copies the upgrade headers beside the server's working WebSocket endpoint " +
			"location (`location /` next to `location /ws/`) is not judged: the handshake goes to the endpoint, whose " +
			"timeout is the one the tunnel lives by.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /socket.io/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 20s;
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
		Fix: "Set `proxy_read_timeout` on the WebSocket location above the application's heartbeat and its longest silence, " +
			"or have the application ping more often than the timeout. `--fix` sets the first round value above both the " +
			"threshold (`--min-read-timeout`) and the known heartbeat: `2m` for an unknown application at nginx's 60s default; " +
			"raise it if the application can stay silent longer.",
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
	// that directive, naming the WebSocket locations it reaches (one
	// finding per severity and protocol).
	type key struct {
		dir   *parser.Directive
		sev   Severity
		proto *Protocol
	}
	type setting struct {
		rt    model.Timeout
		sev   Severity
		proto *Protocol
		hedge string
		locs  []*WSLocation
	}
	var order []*setting
	byKey := map[key]*setting{}
	for _, w := range p.AllWebSocketLocations() {
		if w.Elsewhere != nil {
			// The handshake goes to the server's endpoint location, whose
			// timeout is the one a tunnel lives by.
			continue
		}
		rt := m.ProxyTimeout(w.Block, "proxy_read_timeout")
		if rt.Invalid {
			continue
		}
		proto := w.Protocol
		var sev Severity
		switch {
		case proto != nil && rt.Duration > proto.Heartbeat:
			// The protocol pings more often than nginx waits.
			continue
		case proto != nil && !w.Weak:
			sev = Error
		case proto != nil || rt.Duration <= min:
			sev = Note
		default:
			continue
		}
		hedge := ""
		if inc := unreadable(w.Block, aspectReadTimeout, levelOf(w.Block, rt.Dir)); inc != nil {
			sev, hedge = Note, unreadableHedge(inc, "a longer proxy_read_timeout")
		} else if rt.Dir == nil && m.HTTP.Dir == nil {
			sev, hedge = Note, "; this file does not show the "+outerBlocks(m)+" it is included in, which may set a longer proxy_read_timeout"
		}
		if rt.Dir == nil {
			p.reportAs(sev, anchor(w.Location), defaultTimeoutMessage(w, proto)+hedge, timeoutFix("60s", proto, min, "to this location"))
			continue
		}
		k := key{rt.Dir, sev, proto}
		s := byKey[k]
		if s == nil {
			s = &setting{rt: rt, sev: sev, proto: proto, hedge: hedge}
			byKey[k] = s
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
		where := fmt.Sprintf("%s (%s)", w.Describe(), w.Why)
		if len(s.locs) > 1 {
			where += fmt.Sprintf(" and %d other WebSocket locations", len(s.locs)-1)
		}
		var rel []Related
		for _, l := range s.locs {
			if l.Dir != nil && !ownDirective(l.Block, s.rt.Dir) {
				rel = append(rel, RelatedAt(l.Dir, "a WebSocket location that inherits it"))
			}
		}
		var msg string
		if pr := s.proto; pr != nil {
			msg = fmt.Sprintf("proxy_read_timeout %s closes %s WebSocket connections through %s even when they are healthy: %s pings every %s by default (%s), and nginx closes a tunnel after %s in which neither side sends anything, without a close frame",
				s.rt.Value, pr.Name, where, heartbeatSender(pr), model.FormatDuration(pr.Heartbeat), pr.Setting, idle)
		} else {
			msg = fmt.Sprintf("proxy_read_timeout %s closes WebSocket connections through %s after %s in which neither side sends anything, without a close frame; that holds only if the application pings less often than every %s",
				s.rt.Value, where, idle, idle)
		}
		p.reportAs(s.sev, s.rt.Dir, msg+s.hedge, timeoutFix(idle, s.proto, min, ""), rel...)
	}
}

// outerBlocks names the levels a fragment file does not show.
func outerBlocks(m *model.Model) string {
	if m.Config != nil && m.Config.Main != nil && m.Config.Main.Ctx == parser.CtxLocation {
		return "server and http blocks"
	}
	return "http block"
}

// heartbeatSender words who pings: "Socket.IO's server".
func heartbeatSender(pr *Protocol) string {
	return pr.Name + "'s " + strings.TrimPrefix(pr.Sender, "the ")
}

// defaultTimeoutMessage is the message for a WebSocket location under
// nginx's default proxy_read_timeout.
func defaultTimeoutMessage(w *WSLocation, pr *Protocol) string {
	if pr != nil {
		return fmt.Sprintf("%s passes a %s WebSocket (%s) with nginx's default proxy_read_timeout of 60s: %s pings only every %s by default (%s), so nginx closes even a healthy connection between two pings, without a close frame",
			w.Describe(), pr.Name, w.Why, heartbeatSender(pr), model.FormatDuration(pr.Heartbeat), pr.Setting)
	}
	return fmt.Sprintf("%s passes a WebSocket (%s) with nginx's default proxy_read_timeout of 60s: a connection on which neither side sends anything for a minute is closed, without a close frame; that holds only if the application pings less often than every 60s",
		w.Describe(), w.Why)
}

// timeoutFix says how to fix a short timeout, for a known protocol or an
// unknown application, with the value --fix would set.
func timeoutFix(idle string, pr *Protocol, min time.Duration, where string) string {
	if where != "" {
		where = " " + where
	}
	example := "a longer proxy_read_timeout"
	if v := SuggestedReadTimeout(min, pr); v != "" {
		example = "`proxy_read_timeout " + v + ";`"
	}
	if pr != nil {
		return fmt.Sprintf("raise proxy_read_timeout above %s's %s heartbeat (for example %s)%s, or lower %s below %s",
			pr.Name, model.FormatDuration(pr.Heartbeat), example, where, pr.Setting, idle)
	}
	return fmt.Sprintf("if the application can stay silent longer, add %s (longer than its longest silence)%s, or have it ping more often than every %s", example, where, idle)
}

// readTimeoutLadder are the values WS006's fix proposes: round values, the
// first above the threshold and the heartbeat, never a day-long one.
var readTimeoutLadder = []string{"2m", "5m", "10m", "15m", "30m", "1h", "2h", "4h", "8h", "12h"}

// SuggestedReadTimeout is the proxy_read_timeout WS006's fix proposes: the
// first round value above both the threshold min (--min-read-timeout; 0
// means the default) and the heartbeat of pr when it is known; "" when min
// is above half a day.
func SuggestedReadTimeout(min time.Duration, pr *Protocol) string {
	if min == 0 {
		min = DefaultMinReadTimeout
	}
	if pr != nil && pr.Heartbeat > min {
		min = pr.Heartbeat
	}
	for _, v := range readTimeoutLadder {
		if d, err := model.ParseMsec(v); err == nil && d > min {
			return v
		}
	}
	return ""
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
