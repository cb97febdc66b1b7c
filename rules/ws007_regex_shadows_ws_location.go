package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS007 finds regex locations that take requests meant for a WebSocket
// prefix location.
var WS007 = &Rule{
	ID:       "WS007",
	Name:     "regex-shadows-ws-location",
	Severity: Warning,
	Doc: Doc{
		Summary: "a regex location captures some URIs under a WebSocket prefix location that lacks ^~",
		Why: "nginx remembers the longest matching prefix location, then tries the regex locations in configuration " +
			"order, and the first regex that matches wins over the prefix, unless the prefix is written with `^~`. " +
			"A regex such as `~ \\.php$` or `~ /api` then takes some WebSocket requests (`/ws/x.php`) away from the " +
			"WebSocket location, and they reach a location without the upgrade headers, or another backend. The " +
			"finding names a concrete URI the regex takes, computed from the regex and the prefix. It looks at " +
			"WebSocket endpoint locations (found by their path, --ws-path or the marker comment), since a location " +
			"that also serves a site (`location /`) is refined by regex locations on purpose. A `^~` on a nested " +
			"location does not stop the regexes of the outer levels: the fix then goes on the outer location. No " +
			"finding when the regex location itself proxies WebSocket correctly, or when it only takes URIs that end " +
			"in a file extension (`.php`, `.js`, `.png`...) or go through a hidden segment (`/.git`), which WebSocket " +
			"clients do not open, with one exception: a Socket.IO server serves its browser client at " +
			"`/socket.io/socket.io.js` (and `.min.js`, `.esm.min.js`), so a static-file regex such as `~* \\.(js|css)$` " +
			"that takes those from a `/socket.io/` location breaks every page that loads the client from there. For a SockJS " +
			"endpoint (`location /sockjs`), whose clients open only `/sockjs/info` and `/sockjs/<server>/<session>/<transport>`, " +
			"only a regex that takes one of those counts.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location ~ /api {
            proxy_pass http://127.0.0.1:8081;
        }
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
        location ~ /api {
            proxy_pass http://127.0.0.1:8081;
        }
        location ^~ /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Write the WebSocket location as `location ^~ /ws/`, so that nginx does not try regex locations for its " +
			"URIs (for a nested location, put `^~` on the outer location at the regex's level).",
	},
	Check: checkWS007,
}

func checkWS007(p *Pass) {
	m := p.Model
	regexes := map[*model.Server][]*model.Location{}
	for _, l := range m.Locations() {
		if l.IsRegex() && l.Server != nil && l.Regex != nil {
			regexes[l.Server] = append(regexes[l.Server], l)
		}
	}
	for _, w := range p.AllWebSocketLocations() {
		// Only endpoints (by path, --ws-path or the marker): a location that
		// passes upgrade headers but also serves a whole site (location /,
		// /api/) is routinely refined by regex locations on purpose.
		if !w.Dedicated || !w.IsPrefix() || w.Dir == nil || w.Server == nil {
			continue
		}
		if socketIOBundle(p, w, regexes[w.Server]) {
			continue
		}
		for _, r := range regexes[w.Server] {
			// nginx only tries the regexes of w's own level and of the
			// levels above it (§5.2); others never see w's URIs.
			if !consulted(r, w.Location) || proxiesWebSocket(p.Model, r) {
				continue
			}
			if cands := protocolURIs(w); cands != nil {
				// The protocol fixes the URIs its clients open: only
				// those count (Zulip's "~ /json/events" takes
				// "/sockjs/json/events", which no SockJS client opens).
				example := ""
				for _, uri := range cands {
					if takenBy(w.Location, r, uri) {
						example = uri
						break
					}
				}
				if example == "" {
					continue
				}
				if reportWS007(p, w, r, example) {
					break
				}
				continue
			}
			example, err := r.Regex.Example(w.Name, func(uri string) bool {
				return takenBy(w.Location, r, uri)
			})
			if errors.Is(err, model.ErrRegexBudget) {
				p.reportAs(Note, w.Dir, fmt.Sprintf("not determined: whether regex location %s (%s) takes requests under WebSocket location %s (the time for evaluating backtracking regexes ran out)", model.Quote(r.Match()), r.Dir.Position().String(), model.Quote(w.Match())),
					fmt.Sprintf("ask `nginx-wslint route URI` for a WebSocket URI under %s, or write `location ^~ %s` so that nginx does not try regex locations for its URIs", w.Name, w.Name))
				break
			}
			if err != nil {
				continue
			}
			if reportWS007(p, w, r, example) {
				break
			}
		}
	}
}

// reportWS007 reports that regex location r takes example, a request for
// WebSocket location w, and returns true; false (and no report) when a ^~
// on w already keeps r away.
func reportWS007(p *Pass, w *WSLocation, r *model.Location, example string) bool {
	guard := guardFor(w.Location, r)
	fix := fmt.Sprintf("write `location ^~ %s` so that nginx does not try regex locations for its URIs", w.Name)
	extra := ""
	if guard != w.Location {
		fix = "add ^~ to the outer location " + model.Quote(guard.Match()) + ", at the regex's level: a ^~ on the nested location does not stop the outer level's regexes"
		extra = "; ^~ on a nested location does not stop the regexes of an outer level"
	} else if w.Modifier == "^~" {
		return false
	}
	p.ReportWS(w, w.Dir, fmt.Sprintf("regex location %s (%s) takes %s, a request under WebSocket location %s (%s): nginx tries regex locations after finding the longest prefix, unless it has ^~, so that WebSocket request is handled by the regex location%s",
		model.Quote(r.Match()), r.Dir.Position().String(), model.Quote(example), model.Quote(w.Match()), w.Why, extra),
		fix, RelatedAt(r.Dir, "this regex location takes %s", example))
	return true
}

// protocolURIs returns the URIs the clients of w's protocol open below it,
// when the protocol fixes them and w's path ends at the protocol's
// endpoint (SockJS: <prefix>/info, <prefix>/<server>/<session>/<transport>);
// nil when any URI below w may be one.
func protocolURIs(w *WSLocation) []string {
	segs := pathWords(w.Location)
	if w.Protocol == nil || len(w.Protocol.URIs) == 0 || !w.IsPrefix() || len(segs) == 0 {
		return nil
	}
	last := false
	for _, ep := range w.Protocol.Endpoints {
		if len(ep) == 1 && strings.EqualFold(segs[len(segs)-1], ep[0]) {
			last = true
		}
	}
	if !last {
		return nil
	}
	base := strings.TrimSuffix(w.Name, "/")
	out := make([]string, 0, len(w.Protocol.URIs))
	for _, u := range w.Protocol.URIs {
		out = append(out, base+u)
	}
	return out
}

// socketIOBundles are the browser client files a Socket.IO server serves
// under its path.
var socketIOBundles = []string{"socket.io.js", "socket.io.min.js", "socket.io.esm.min.js"}

// socketIOBundle reports (and returns true) when a regex location that does
// not proxy, typically a static-file one such as ~* \.(js|css)$, takes the
// Socket.IO client bundle from a /socket.io/ location without ^~: every page
// that loads the client from the Socket.IO server breaks.
func socketIOBundle(p *Pass, w *WSLocation, regexes []*model.Location) bool {
	segs := pathWords(w.Location)
	if w.Protocol == nil || w.Protocol.Name != "Socket.IO" || len(segs) == 0 || segs[len(segs)-1] != "socket.io" {
		return false
	}
	base := strings.TrimSuffix(w.Name, "/") + "/"
	for _, file := range socketIOBundles {
		uri := base + file
		lm := w.Server.FindLocation(uri)
		if lm.Prefix != w.Location || lm.Err != nil || lm.Redirect || lm.Location == nil || lm.Location == w.Location || !lm.Location.IsRegex() || lm.Location.Proxies() {
			continue
		}
		r := lm.Location
		if !consulted(r, w.Location) {
			continue
		}
		guard := guardFor(w.Location, r)
		if guard == w.Location && w.Modifier == "^~" {
			return false
		}
		fix := fmt.Sprintf("write `location ^~ %s` so that nginx does not try regex locations for its URIs", w.Name)
		if guard != w.Location {
			fix = "add ^~ to the outer location " + model.Quote(guard.Match()) + ", at the regex's level"
		}
		p.ReportWS(w, w.Dir, fmt.Sprintf("regex location %s (%s) takes %s, the Socket.IO client bundle that the Socket.IO server behind WebSocket location %s (%s) serves: nginx tries regex locations after finding the longest prefix, unless it has ^~, so every page that loads the client from there gets whatever the regex location serves (usually a 404) instead of the script",
			model.Quote(r.Match()), r.Dir.Position().String(), model.Quote(uri), model.Quote(w.Match()), w.Why),
			fix, RelatedAt(r.Dir, "this regex location takes %s", uri))
		return true
	}
	return false
}

// takenBy reports whether nginx sends uri, a request meant for the
// WebSocket prefix location w, to the regex location r: uri is in its
// normal form, does not name a static file, has w as its deepest prefix
// location, and r wins.
func takenBy(w, r *model.Location, uri string) bool {
	merge := w.Server.MergeSlashes
	if norm, _, err := model.NormalizeURI(uri, merge); err != nil || norm != uri || staticFile(uri) || strings.Contains(uri, "/.") {
		// Static files and hidden paths (/.git, /.env, denied by the
		// usual "location ~ /\\." ) are not WebSocket endpoints.
		return false
	}
	lm := w.Server.FindLocation(uri)
	if lm.Prefix != w {
		return false
	}
	// Under the endpoint means at a path boundary: "/wsdl" shares the bytes
	// of "location /ws" but is no request for the /ws endpoint.
	if rest := uri[len(w.Name):]; !strings.HasSuffix(w.Name, "/") && rest != "" && rest[0] != '/' {
		return false
	}
	return lm.Err == nil && !lm.Redirect && lm.Location == r
}

// staticFile reports whether uri's last segment names a static file, which
// WebSocket clients do not open.
func staticFile(uri string) bool {
	return isFileSegment(uri[strings.LastIndexByte(uri, '/')+1:])
}

// consulted reports whether nginx may try regex location r for a URI whose
// deepest prefix location is w: r sits at w's level or at a level above it.
func consulted(r, w *model.Location) bool {
	for b := w.Parent; b != nil; b = b.Parent {
		if r.Parent == b {
			return true
		}
	}
	return false
}

// guardFor returns the location whose ^~ would keep r's level from being
// tried for w's URIs: w itself when r sits at w's level, else w's ancestor
// at r's level.
func guardFor(w, r *model.Location) *model.Location {
	for l := w; l != nil; {
		if l.Parent == r.Parent {
			return l
		}
		if l.Parent == nil || l.Parent.Location == nil {
			break
		}
		l = l.Parent.Location
	}
	return w
}

// proxiesWebSocket reports whether a location passes WebSocket correctly by
// itself: Upgrade and an upgrading Connection sent, over HTTP/1.1.
func proxiesWebSocket(m *model.Model, loc *model.Location) bool {
	if !loc.Proxies() || m.HTTPVersion(loc.Block).Value != "1.1" {
		return false
	}
	ups, _ := configured(m, loc.Block, "Upgrade")
	conns, _ := configured(m, loc.Block, "Connection")
	if len(ups) == 0 || len(conns) == 0 {
		return false
	}
	v, known := m.Eval(conns[0].Value, model.HandshakeRequest())
	return !known || hasToken(v, "upgrade")
}
