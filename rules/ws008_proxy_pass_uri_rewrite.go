package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS008 finds proxy_pass URI parts that change the path a WebSocket
// backend receives.
var WS008 = &Rule{
	ID:       "WS008",
	Name:     "proxy-pass-uri-rewrite",
	Severity: Warning,
	Doc: Doc{
		Summary: "proxy_pass with a URI part rewrites the WebSocket path",
		Why: "When proxy_pass has a URI part (`http://b/`, `http://b/x`), nginx cuts the location's name from the " +
			"request's path byte for byte and puts the URI part in its place. `location /ws/` with " +
			"`proxy_pass http://b/` sends `/socket` for `/ws/socket`, which is right only if the backend serves at the " +
			"root; `location /ws` with `http://b/` sends `//socket`; `location /ws/` with `http://b/x` sends " +
			"`/xsocket`. A WebSocket server that listens on its own path answers 404 and the handshake fails. The " +
			"finding shows an example request and what the backend receives. No finding without a URI part, or when " +
			"the URI part gives the path back unchanged (`location /ws/` with `proxy_pass http://b/ws/`). A cut prefix " +
			"is reported only for WebSocket endpoint locations (found by their path, --ws-path or the marker), since " +
			"mounting a whole application under a sub-path (`location /app/` with `proxy_pass http://b/`) is deliberate. " +
			"A path changed by `rewrite` is judged on what the backend receives, as nginx evaluates the rewrite: a double " +
			"slash, or proxy_pass's URI part ignored after `rewrite ... break` in the same location (nginx then sends the " +
			"rewritten URI whole); a rewrite that only moves the endpoint to another path is deliberate and not reported. A regex location, whose " +
			"proxy_pass nginx refuses with a URI part, is judged on its rewrites, for a URI the regex takes.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws {
            proxy_pass http://127.0.0.1:8080/;
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
        location /ws {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Drop the URI part (`proxy_pass http://backend;`) so that the backend receives the path the client asked " +
			"for, or make the location and the URI part end alike (`location /ws/` with `proxy_pass http://backend/ws/`).",
	},
	Check: checkWS008,
}

func checkWS008(p *Pass) {
	m := p.Model
	for _, w := range p.WebSocketLocations() {
		pass := w.Get("proxy_pass")
		if pass == nil {
			continue
		}
		if w.IsRegex() {
			// nginx refuses a URI part here (without variables), but a
			// rewrite in the location still changes the path.
			switch {
			case w.Via != nil:
				rewrittenPath(p, w, pass, w.Via)
			case hasRewrite(w.Block):
				if example, ok := regexExampleURI(w.Location); ok {
					if rw := followHandshakeAt(m, w.Location, example); rw != nil {
						rewrittenPath(p, w, pass, rw)
					}
				}
			}
			continue
		}
		if !w.IsPrefix() && w.Modifier != "=" {
			continue
		}
		if w.Via != nil {
			rewrittenPath(p, w, pass, w.Via)
			continue
		}
		if rw := followHandshake(m, w.Location); rw != nil {
			rewrittenPath(p, w, pass, rw)
			continue
		}
		example, _ := exampleURI(w.Location)
		up, ok := m.UpstreamTarget(w.Block, example, nil)
		if !ok || !up.Known || !up.URL.HasURI || up.Target == example {
			continue
		}
		if w.Dir == nil && !up.URL.Variables {
			// A fragment's location: its path, which the URI part
			// replaces, is written in the file that includes it.
			continue
		}
		var how string
		switch {
		case up.URL.Variables:
			how = "proxy_pass with variables sends its URI part as it is, without the request's path or query"
		case w.Modifier == "=":
			how = "an exact location's whole path is replaced by the URI part"
		case strings.Contains(up.Target, "//"):
			how = "a double slash is produced"
		case !strings.HasSuffix(up.URL.URI, "/") && !strings.HasPrefix(strings.TrimPrefix(up.Target, up.URL.URI), "/"):
			how = "the URI part and the rest of the path are glued together without a slash"
		case !w.Dedicated:
			// Mounting an application under a sub-path (location /app/ with
			// proxy_pass http://b/) is deliberate; only an endpoint whose
			// own name is cut away is suspicious.
			continue
		default:
			how = "the location's prefix is cut off, which is right only if the backend serves WebSocket at " + up.Target
		}
		p.ReportWS(w, pass, fmt.Sprintf("proxy_pass %s rewrites the WebSocket path of %s (%s): a request for %s reaches the backend as %s, because %s; a WebSocket server listening on %s answers 404",
			pass.Arg(0), w.Describe(), w.Why, example, up.Target, how, example),
			fmt.Sprintf("drop the URI part (`proxy_pass %s://%s;`) so the backend receives %s, or make the location and the URI part end alike", up.URL.Scheme, up.URL.Host, example),
			locationRelated(w.Location)...)
	}
}

// rewrittenPath judges the path the backend receives for a handshake whose
// URI a rewrite changed (rw): a double slash, or proxy_pass's URI part
// ignored after "rewrite ... break" in the same location. A rewrite that
// only replaces the endpoint's path is deliberate (an Etherpad behind
// /pad/socket.io served at /socket.io) and not reported. The message says
// what the rewrite does and what the backend receives.
func rewrittenPath(p *Pass, w *WSLocation, pass *parser.Directive, rw *Rewritten) {
	a := rw.Answer
	if a.Proxy == nil || !a.Proxy.Known || a.Proxy.Target == rw.Example {
		return
	}
	target := a.Proxy.Target
	path, _, _ := strings.Cut(target, "?")
	same := a.Location == rw.From
	u := a.Proxy.URL
	var how string
	switch {
	case strings.Contains(path, "//"):
		how = "a double slash is produced"
	case same && u.HasURI && !u.Variables && path == a.URI && u.URI != "/" && !strings.HasPrefix(path, u.URI):
		how = fmt.Sprintf("proxy_pass's URI part %q is not used once a rewrite has changed the URI in the same location: the rewritten URI is sent whole", u.URI)
	default:
		return
	}
	where := w.Describe() + " (" + w.Why + ")"
	if !same {
		where = "WebSocket location " + model.Quote(rw.From.Match()) + ", and " + w.Describe() + " proxies it"
	}
	p.ReportWS(w, rw.Rewrite, fmt.Sprintf("%q changes the WebSocket path of %s: a request for %s reaches the backend as %s, because %s; a WebSocket server listening on %s answers 404",
		directiveText(rw.Rewrite), where, rw.Example, target, how, rw.Example),
		"change the rewrite (or drop it) so that the backend receives the path its WebSocket server listens on",
		append(locationRelated(w.Location), RelatedAt(pass, "this proxy_pass sends %s", target))...)
}

// regexExampleURI returns a handshake URI that nginx hands to regex
// location loc: the shortest the regex takes, with a last segment
// ("/ws/socket" rather than "/ws") when the regex takes that too, so that
// what a rewrite does to the rest of the path shows.
func regexExampleURI(loc *model.Location) (string, bool) {
	if loc.Regex == nil || loc.Server == nil {
		return "", false
	}
	takes := func(uri string) bool {
		if staticFile(uri) || strings.Contains(uri, "/.") {
			return false
		}
		lm := loc.Server.FindLocation(uri)
		return lm.Err == nil && !lm.Redirect && lm.Location == loc
	}
	example, err := loc.Regex.Example("/", takes)
	if err != nil {
		return "", false
	}
	if longer := strings.TrimSuffix(example, "/") + "/socket"; takes(longer) {
		return longer, true
	}
	return example, true
}
