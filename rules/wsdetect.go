package rules

import (
	"path"
	"regexp"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// wsEndpoints are the paths WebSocket servers and frameworks open, as
// sequences of whole path segments: /ws, socket.io's /socket.io/, Rails
// ActionCable's /cable, SignalR's /hubs and /signalr, Phoenix's /live,
// Home Assistant's /api/websocket, Prosody's /xmpp-websocket, Mastodon's
// /api/v1/streaming, Next.js's /_next/webpack-hmr...
var wsEndpoints = [][]string{
	{"ws"}, {"wss"}, {"websocket"}, {"websockets"}, {"socket.io"}, {"sockjs"},
	{"cable"}, {"hubs"}, {"signalr"}, {"live"}, {"api", "websocket"},
	{"xmpp-websocket"}, {"api", "v1", "streaming"}, {"_next", "webpack-hmr"},
	{"graphql-ws"}, {"wetty"},
}

// markerComment marks a location as a WebSocket one.
var markerComment = regexp.MustCompile(`^#\s*nginx-wslint-websocket\b`)

// WSLocation is a proxied location the rules treat as a WebSocket one, and
// why: every finding about it says so.
type WSLocation struct {
	*model.Location
	// Why is the reason, for messages: `its path "/ws/" is a well-known
	// WebSocket endpoint`.
	Why string
	// Dedicated is set when the location is a WebSocket endpoint by its
	// path (or --ws-path, or the marker comment), rather than only by its
	// headers: a location such as "/" that passes upgrade headers also
	// serves ordinary requests.
	Dedicated bool
	// Dir is where findings about the whole location point: its location
	// line, or, for a fragment whose directives sit in a location the
	// including file writes (the model's synthetic location, which has no
	// line), the location's proxy_pass, the line that makes it proxied.
	// Location.Dir stays nil for such a location.
	Dir *parser.Directive
}

// wsIndex is the WebSocket detection, done once per run for every rule.
type wsIndex struct {
	conns   []*parser.Directive // proxy_set_header Connection lines, once
	proxied []*model.Location
	ws      []*WSLocation
	by      map[*model.Location]*WSLocation
}

func newWSIndex(m *model.Model, opts Options) *wsIndex {
	ix := &wsIndex{by: map[*model.Location]*WSLocation{}}
	markers := markerLines(m)
	for _, loc := range m.Locations() {
		// A location that proxies only inside an if or limit_except block
		// proxies with its own settings: those blocks cannot set headers
		// or the HTTP version.
		if pass, _ := loc.ConditionalPass(); !loc.Proxies() && pass == nil {
			continue
		}
		ix.proxied = append(ix.proxied, loc)
		w := detect(m, loc, opts, markers)
		if w == nil {
			continue
		}
		w.Dir = locationLine(loc)
		ix.by[loc] = w
		// An include that could not be read may hold the very headers the
		// rules look for: such locations are not judged.
		if loc.Unresolved() == nil {
			ix.ws = append(ix.ws, w)
		}
	}
	return ix
}

// WebSocketLocations returns the proxied locations treated as WebSocket
// ones whose settings are fully known (no unreadable include on their way
// up), in configuration order.
func (p *Pass) WebSocketLocations() []*WSLocation { return p.ws.ws }

// ProxiedLocations returns every location with a proxy_pass of its own.
func (p *Pass) ProxiedLocations() []*model.Location { return p.ws.proxied }

// WebSocket returns the detection for loc, nil when it is not a WebSocket
// location.
func (p *Pass) WebSocket(loc *model.Location) *WSLocation { return p.ws.by[loc] }

func detect(m *model.Model, loc *model.Location, opts Options, markers map[string]map[int32]bool) *WSLocation {
	if loc.Dir != nil {
		line := loc.Dir.Start.Line
		if fl := markers[loc.Dir.File.Path]; fl[line] || fl[line-1] {
			return &WSLocation{Location: loc, Why: "it is marked with # nginx-wslint-websocket", Dedicated: true}
		}
	}
	if ep := endpoint(loc); ep != "" {
		return &WSLocation{Location: loc, Why: `its path matches the WebSocket endpoint "` + ep + `"`, Dedicated: true}
	}
	for _, pat := range opts.WSPaths {
		name := loc.Name
		if ok, _ := path.Match(pat, name); ok {
			return &WSLocation{Location: loc, Why: `its path matches --ws-path "` + pat + `"`, Dedicated: true}
		}
		if ok, _ := path.Match(pat, strings.TrimSuffix(name, "/")); ok {
			return &WSLocation{Location: loc, Why: `its path matches --ws-path "` + pat + `"`, Dedicated: true}
		}
	}
	headers, _ := m.ProxyHeaders(loc.Block)
	for _, h := range headers {
		if h.Dir == nil || h.Value == "" {
			continue
		}
		switch {
		case strings.EqualFold(h.Name, "Upgrade"):
			return &WSLocation{Location: loc, Why: "it sets the Upgrade request header (" + at(h.Dir) + ")"}
		case strings.EqualFold(h.Name, "Connection") && carriesUpgradeIntent(m, h.Value):
			return &WSLocation{Location: loc, Why: "it sets an upgrading Connection request header (" + at(h.Dir) + ")"}
		}
	}
	for b := loc.Block; b != nil; b = b.Parent {
		for _, d := range b.All("add_header") {
			if strings.EqualFold(d.Arg(0), "Upgrade") || strings.EqualFold(d.Arg(0), "Connection") && strings.Contains(strings.ToLower(d.Arg(1)), "upgrade") {
				return &WSLocation{Location: loc, Why: "it sets add_header " + d.Arg(0) + " (" + at(d) + "), an attempt at passing the WebSocket upgrade"}
			}
		}
		if len(b.All("add_header")) > 0 {
			break
		}
	}
	return nil
}

// carriesUpgradeIntent reports whether a Connection value is meant to pass
// an upgrade: it says "upgrade", or uses a variable named for it, or
// evaluates to an upgrade for a handshake.
func carriesUpgradeIntent(m *model.Model, value string) bool {
	if strings.Contains(strings.ToLower(value), "upgrade") {
		return true
	}
	v, _ := m.Eval(value, model.HandshakeRequest())
	return hasToken(v, "upgrade")
}

// hasToken reports whether a comma-separated header value holds token.
func hasToken(value, token string) bool {
	for _, t := range strings.Split(value, ",") {
		if strings.EqualFold(strings.TrimSpace(t), token) {
			return true
		}
	}
	return false
}

// wsWords are endpoint names unambiguous enough to count inside a longer
// segment joined by "-" or "_" (/cryptpad_websocket, /colibri-ws/).
var wsWords = map[string]bool{"ws": true, "wss": true, "websocket": true, "websockets": true, "socket.io": true, "sockjs": true, "signalr": true}

// fileLike matches a last path segment that names a file (socket.io.js,
// webrtc.html, index.php): a location for one file is not a WebSocket
// endpoint, and WebSocket clients do not open such URIs.
var fileLike = regexp.MustCompile(`\.[A-Za-z0-9]{1,5}$`)

// isFileSegment reports whether a path segment names a file rather than an
// endpoint ("socket.io" is an endpoint).
func isFileSegment(seg string) bool {
	return fileLike.MatchString(seg) && !wsWords[strings.ToLower(seg)]
}

// endpoint returns the well-known WebSocket endpoint loc's path matches, "".
func endpoint(loc *model.Location) string {
	if loc.IsRegex() || loc.Modifier == "@" {
		for _, tok := range regexWords(loc.Name) {
			if isFileSegment(tok) {
				continue
			}
			for _, ep := range wsEndpoints {
				if len(ep) == 1 && tok == ep[0] {
					return "/" + ep[0]
				}
			}
			for _, w := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '_' }) {
				if wsWords[w] {
					return "/" + w
				}
			}
		}
		return ""
	}
	segs := strings.Split(strings.Trim(loc.Name, "/"), "/")
	if isFileSegment(segs[len(segs)-1]) {
		return ""
	}
	for _, s := range segs {
		for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' }) {
			if wsWords[strings.ToLower(w)] && w != s {
				return "/" + strings.ToLower(w)
			}
		}
	}
	for _, ep := range wsEndpoints {
		for i := 0; i+len(ep) <= len(segs); i++ {
			match := true
			for j := range ep {
				if !strings.EqualFold(segs[i+j], ep[j]) {
					match = false
					break
				}
			}
			if match {
				return "/" + strings.Join(ep, "/")
			}
		}
	}
	return ""
}

var regexWordSep = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// regexWords returns the literal words of a regex, its escaped dots read as
// dots: `^/socket\.io/` gives "socket.io".
func regexWords(re string) []string {
	re = strings.ReplaceAll(re, `\.`, ".")
	var out []string
	for _, w := range regexWordSep.Split(re, -1) {
		w = strings.Trim(w, ".")
		if w != "" {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// markerLines indexes the lines holding a # nginx-wslint-websocket comment.
func markerLines(m *model.Model) map[string]map[int32]bool {
	out := map[string]map[int32]bool{}
	if m.Config == nil {
		return out
	}
	for _, f := range m.Config.Files {
		for _, c := range f.Comments {
			if markerComment.MatchString(c.Text) {
				if out[f.Path] == nil {
					out[f.Path] = map[int32]bool{}
				}
				out[f.Path][c.Start.Line] = true
			}
		}
	}
	return out
}

// locationLine is the directive findings about loc point at: its location
// line, else its proxy_pass (in an if or limit_except block when that is
// where it proxies), else its first directive.
func locationLine(loc *model.Location) *parser.Directive {
	if loc.Dir != nil {
		return loc.Dir
	}
	if d := loc.Get("proxy_pass"); d != nil {
		return d
	}
	if d, _ := loc.ConditionalPass(); d != nil {
		return d
	}
	if len(loc.Own) > 0 {
		return loc.Own[0]
	}
	return nil
}

func at(d *parser.Directive) string { return d.Position().String() }

// servesPlainHTTP reports whether a location evidently also receives
// ordinary requests: the catch-all "location /", or an API location (a
// path word "api" and no WebSocket endpoint). Other locations that pass
// upgrade headers are taken at their word as WebSocket endpoints, since
// their names (/events, /socket/, /bbb-webrtc-sfu) cannot tell.
func servesPlainHTTP(loc *model.Location) bool {
	if loc.Modifier == "@" {
		return false
	}
	if loc.Name == "/" && loc.IsPrefix() {
		return true
	}
	if endpoint(loc) != "" {
		return false
	}
	for _, w := range regexWords(loc.Name) {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
			if part == "api" {
				return true
			}
		}
	}
	return false
}
