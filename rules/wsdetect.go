package rules

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"sync"

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
	{"graphql-ws"}, {"wetty"}, {"_stcore", "stream"},
}

// markerComment marks a location as a WebSocket one.
// Compiled on first use: most configurations hold no such comment.
var markerComment = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^#\s*nginx-wslint-websocket\b`)
})

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
	// Weak is set when only weak evidence makes it a WebSocket location:
	// upgrade headers inherited from a server block or a shared snippet
	// (often boilerplate), a path name that REST APIs use too (/hubs,
	// /live, /events, /stream), or headers it loses to inheritance while
	// nothing else says WebSocket. Checks report notes, not errors, about
	// weak locations.
	Weak bool
	// Protocol is the well-known protocol its path names (the heartbeat
	// table), nil when unknown.
	Protocol *Protocol
	// Via is set when the location is judged because a WebSocket
	// endpoint's rewrite sends the handshake here.
	Via *Rewritten
	// Elsewhere is the server's working WebSocket endpoint location when
	// this one only sends upgrade headers of its own beside it (weak): its
	// requests are ordinary ones, as the handshake goes to Elsewhere.
	Elsewhere *WSLocation
	// outer is set when only an outer level's upgrade headers (inherited,
	// or lost to the location's own lines) make it a WebSocket location.
	outer bool
}

// wsIndex is the WebSocket detection, done once per run for every rule.
type wsIndex struct {
	conns   []*parser.Directive // proxy_set_header Connection lines, once
	proxied []*model.Location
	all     []*WSLocation // every WebSocket location
	ws      []*WSLocation // those with no unreadable include on their way up
	by      map[*model.Location]*WSLocation
}

func newWSIndex(m *model.Model, opts Options) *wsIndex {
	ix := &wsIndex{by: map[*model.Location]*WSLocation{}}
	markers := markerLines(m)
	var cands []*WSLocation
	perServer := map[*model.Server][]*model.Location{}
	for _, loc := range m.Locations() {
		// A location that proxies only inside an if or limit_except block
		// proxies with its own settings: those blocks cannot set headers
		// or the HTTP version.
		if pass, _ := loc.ConditionalPass(); !loc.Proxies() && pass == nil {
			continue
		}
		ix.proxied = append(ix.proxied, loc)
		perServer[loc.Server] = append(perServer[loc.Server], loc)
	}
	// A WebSocket endpoint whose rewrite sends the handshake to another
	// location: that location proxies it, and is judged instead.
	moved := map[*model.Location]*Rewritten{}
	away := map[*model.Location]bool{}
	for _, loc := range m.Locations() {
		if !hasRewrite(loc.Block) {
			continue
		}
		w := detect(m, loc, opts, markers, len(perServer[loc.Server]) == 1)
		if w == nil || !w.Dedicated || w.Weak {
			continue
		}
		rw := followHandshake(m, loc)
		if rw == nil || rw.Answer.Location == loc || !within(rw.Answer.Block, rw.Answer.Location) || moved[rw.Answer.Location] != nil {
			continue
		}
		moved[rw.Answer.Location] = rw
		away[loc] = true
	}
	for _, loc := range ix.proxied {
		w := detect(m, loc, opts, markers, len(perServer[loc.Server]) == 1)
		if away[loc] {
			// Its own proxy_pass never sees the handshake.
			continue
		}
		if rw := moved[loc]; rw != nil && (w == nil || !w.Dedicated || w.Weak) {
			w = &WSLocation{Location: loc, Dedicated: true, Protocol: ProtocolFor(rw.From), Via: rw,
				Why: fmt.Sprintf("the WebSocket handshake for %s is rewritten to %s by %q at %s in WebSocket location %s",
					rw.Example, rw.Answer.URI, directiveText(rw.Rewrite), rw.Rewrite.Position(), model.Quote(rw.From.Match()))}
		}
		if w != nil {
			cands = append(cands, w)
		}
	}
	// A location marked only by inherited boilerplate, in a server whose
	// WebSocket traffic a dedicated endpoint location takes, is not a
	// WebSocket location: its requests are ordinary ones.
	dedicated := map[*model.Server]*WSLocation{}
	for _, w := range cands {
		if w.Dedicated && !w.Weak && dedicated[w.Server] == nil {
			dedicated[w.Server] = w
		}
	}
	for _, w := range cands {
		d := dedicated[w.Server]
		if w.outer && d != nil && d != w {
			continue
		}
		if !w.Dedicated && !w.Weak && d != nil && proxiesWebSocket(m, d.Location) {
			// The server's WebSocket endpoint is elsewhere, and works: a
			// location that only sends upgrade headers of its own is
			// likely copied boilerplate.
			w.Weak = true
			w.Elsewhere = d
			w.Why += ", while the server's WebSocket endpoint is " + d.Describe()
		}
		ix.by[w.Location] = w
		ix.all = append(ix.all, w)
		if w.UnresolvedInclude() == nil {
			ix.ws = append(ix.ws, w)
		}
	}
	return ix
}

// within reports whether block b is loc's own block or an if or
// limit_except block inside it (whose proxy_pass runs with loc's headers
// and HTTP version: those blocks cannot set them).
func within(b *model.Block, loc *model.Location) bool {
	for ; b != nil; b = b.Parent {
		if b == loc.Block {
			return true
		}
		if b.Kind != model.KindIf && b.Kind != model.KindLimitExcept {
			return false
		}
	}
	return false
}

// Rewritten is what a WebSocket location's rewrite directives do with a
// handshake, as nginx evaluates them (model.RouteFrom).
type Rewritten struct {
	// From is the WebSocket location; Example the request-target followed.
	From    *model.Location
	Example string
	// Rewrite is the last rewrite that changed the URI.
	Rewrite *parser.Directive
	// Answer is where the handshake ends: a proxied request.
	Answer *model.Answer
}

// followHandshake follows a WebSocket handshake for an example URI of loc
// through loc's rewrite directives. It returns nil unless a rewrite changes
// the URI and nginx then proxies the handshake, all statically known.
func followHandshake(m *model.Model, loc *model.Location) *Rewritten {
	example, ok := exampleURI(loc)
	if !ok {
		return nil
	}
	return followHandshakeAt(m, loc, example)
}

// followHandshakeAt is followHandshake for a given handshake URI (a regex
// location's example).
func followHandshakeAt(m *model.Model, loc *model.Location, example string) *Rewritten {
	if loc.Server == nil || !hasRewrite(loc.Block) {
		return nil
	}
	a := m.RouteFrom(loc, model.HTTPRequest{Target: example, Headers: model.WebSocketHeaders()})
	if a.Unknown != "" || len(a.Notes) > 0 || a.Proxy == nil || a.Location == nil || a.Status != 0 || a.ErrorStatus != 0 {
		return nil
	}
	var rw *parser.Directive
	for _, st := range a.Steps {
		if st.Dir != nil && st.Dir.Name == "rewrite" && strings.Contains(st.Text, "$uri becomes") {
			rw = st.Dir
		}
	}
	if rw == nil {
		return nil
	}
	return &Rewritten{From: loc, Example: example, Rewrite: rw, Answer: a}
}

// hasRewrite reports whether b or an if block in it has a rewrite: only
// then can the handshake's URI change on its way.
func hasRewrite(b *model.Block) bool {
	for _, d := range b.Script {
		if d.Name == "rewrite" {
			return true
		}
		if d.Name == "if" {
			if c := b.IfBlock(d); c != nil && hasRewrite(c) {
				return true
			}
		}
	}
	return false
}

// exampleURI is a handshake URI a WebSocket client opens at loc: its path
// plus "socket" for a prefix location, its path for an exact one.
func exampleURI(loc *model.Location) (string, bool) {
	switch {
	case loc.Modifier == "=":
		return loc.Name, true
	case loc.IsPrefix():
		example := loc.Name
		if !strings.HasSuffix(example, "/") {
			example += "/"
		}
		return example + "socket", true
	}
	return "", false
}

// directiveText is a directive as written, for messages: its name and
// arguments.
func directiveText(d *parser.Directive) string {
	parts := []string{d.Name}
	for _, w := range d.Args() {
		parts = append(parts, w.Value)
	}
	return strings.Join(parts, " ")
}

// WebSocketLocations returns the proxied locations treated as WebSocket
// ones whose settings are fully known (no unreadable include on their way
// up), in configuration order.
func (p *Pass) WebSocketLocations() []*WSLocation { return p.ws.ws }

// AllWebSocketLocations returns every WebSocket location, also those below
// an include that could not be read: a rule that uses it skips (or hedges)
// only what such an include could change (see unreadable).
func (p *Pass) AllWebSocketLocations() []*WSLocation { return p.ws.all }

// ProxiedLocations returns every location with a proxy_pass of its own.
func (p *Pass) ProxiedLocations() []*model.Location { return p.ws.proxied }

// WebSocket returns the detection for loc, nil when it is not a WebSocket
// location.
func (p *Pass) WebSocket(loc *model.Location) *WSLocation { return p.ws.by[loc] }

// ReportWS reports a finding about WebSocket location w as Report does,
// with the rule's severity capped at note when only weak evidence makes w
// a WebSocket location.
func (p *Pass) ReportWS(w *WSLocation, d *parser.Directive, message, fix string, related ...Related) {
	sev := p.rule.Severity
	if w != nil && w.Weak {
		sev = Note
	}
	if d == nil && w != nil {
		d = anchor(w.Location)
	}
	if w != nil && w.Via != nil {
		related = append(related, RelatedAt(w.Via.Rewrite, "this rewrite sends the WebSocket handshake for %s to %s", w.Via.Example, w.Describe()))
	}
	p.reportAs(sev, d, message, fix, related...)
}

// anchor is the directive a finding about loc points at: its location line,
// or, for the location a location-context snippet sits in (which has no
// line), its proxy_pass or first directive.
func anchor(loc *model.Location) *parser.Directive {
	if loc.Dir != nil {
		return loc.Dir
	}
	if d := loc.Get("proxy_pass"); d != nil {
		return d
	}
	if len(loc.Own) > 0 {
		return loc.Own[0]
	}
	return nil
}

// reportAs reports with an explicit severity; a finding with nowhere to
// point (nil d) is dropped rather than reported without a position.
func (p *Pass) reportAs(sev Severity, d *parser.Directive, message, fix string, related ...Related) {
	if d == nil {
		return
	}
	n := len(*p.out)
	p.Report(d, message, fix, related...)
	if len(*p.out) > n {
		(*p.out)[len(*p.out)-1].Severity = sev
	}
}

func detect(m *model.Model, loc *model.Location, opts Options, markers map[string]map[int32]bool, alone bool) *WSLocation {
	proto := ProtocolFor(loc)
	mk := func(why string, dedicated, weak bool) *WSLocation {
		return &WSLocation{Location: loc, Why: why, Dedicated: dedicated, Weak: weak, Protocol: proto}
	}
	if loc.Dir != nil {
		line := loc.Dir.Start.Line
		if fl := markers[loc.Dir.File.Path]; fl[line] || fl[line-1] {
			return mk("it is marked with # nginx-wslint-websocket", true, false)
		}
	}
	for _, pat := range opts.WSPaths {
		name := loc.Name
		if ok, _ := path.Match(pat, name); ok {
			return mk(`its path matches --ws-path "`+pat+`"`, true, false)
		}
		if ok, _ := path.Match(pat, strings.TrimSuffix(name, "/")); ok {
			return mk(`its path matches --ws-path "`+pat+`"`, true, false)
		}
	}
	ep, strong := endpointStrength(loc)
	if ep != "" && strong {
		return mk(`its path matches the WebSocket endpoint "`+ep+`"`, true, false)
	}
	headers, from := m.ProxyHeaders(loc.Block)
	var set *model.Header
	for i, h := range headers {
		if h.Dir == nil || h.Value == "" {
			continue
		}
		if strings.EqualFold(h.Name, "Upgrade") || strings.EqualFold(h.Name, "Connection") && carriesUpgradeIntent(m, h.Value) {
			set = &headers[i]
			break
		}
	}
	inherited := from != nil && (from.Kind == model.KindServer || from.Kind == model.KindHTTP)
	what := func(h *model.Header) string {
		if strings.EqualFold(h.Name, "Upgrade") {
			return "the Upgrade request header"
		}
		return "an upgrading Connection request header"
	}
	if ep != "" {
		// A weak endpoint name: evidence beyond the name decides.
		base := `its path matches "` + ep + `", a name REST APIs use too`
		switch {
		case set != nil:
			return mk(base+", and it sends "+what(set)+" ("+set.Dir.Position().String()+")", true, false)
		case lostUpgrade(m, loc.Block, from) != nil:
			return mk(base+", and an outer level sets the Upgrade request header ("+lostUpgrade(m, loc.Block, from).Position().String()+")", true, false)
		case upstreamSaysWS(m, loc):
			return mk(base+", and its upstream's name says WebSocket", true, false)
		}
		return mk(base+"; nothing else (upgrade headers, --ws-path, the marker comment) says it is a WebSocket endpoint", true, true)
	}
	if set != nil {
		if !inherited {
			return mk("it sets "+what(set)+" ("+set.Dir.Position().String()+")", false, false)
		}
		// Headers from a server block or a shared snippet: boilerplate,
		// unless this is the only location they can be meant for.
		why := "it inherits " + what(set) + " set at " + describeLevel(from) + " (" + set.Dir.Position().String() + ")"
		w := mk(why, false, true)
		if alone {
			w = mk(why+", and it is the only proxied location there", false, false)
		}
		w.outer = true
		return w
	}
	if lost := lostUpgrade(m, loc.Block, from); lost != nil {
		why := "an outer level sets " + lostWhat(lost) + " (" + lost.Position().String() + "), which it does not inherit because it sets proxy_set_header lines of its own"
		catchAll := loc.Name == "/" && loc.IsPrefix()
		w := mk(why, false, !catchAll && !alone)
		w.outer = true
		return w
	}
	adds, _ := loc.InheritedArray("add_header")
	for _, d := range adds {
		if strings.EqualFold(d.Arg(0), "Upgrade") || strings.EqualFold(d.Arg(0), "Connection") && strings.Contains(strings.ToLower(d.Arg(1)), "upgrade") {
			return mk("it sets add_header "+d.Arg(0)+" ("+d.Position().String()+"), an attempt at passing the WebSocket upgrade", false, false)
		}
	}
	return nil
}

// describeLevel names an outer level for messages.
func describeLevel(b *model.Block) string {
	if b == nil {
		return "an outer level"
	}
	switch b.Kind {
	case model.KindServer:
		return "server level"
	case model.KindHTTP:
		return "http level"
	}
	return b.Describe()
}

// lostUpgrade returns an Upgrade (or upgrading Connection) proxy_set_header
// set at a level above from, the level whose lines b uses: set there, but
// not inherited because from sets lines of its own. Nil when from is nil
// or nothing is lost.
func lostUpgrade(m *model.Model, b, from *model.Block) *parser.Directive {
	if from == nil {
		return nil
	}
	if d := lostHeader(from, "Upgrade"); d != nil && d.Arg(1) != "" {
		return d
	}
	if d := lostHeader(from, "Connection"); d != nil && carriesUpgradeIntent(m, d.Arg(1)) {
		return d
	}
	return nil
}

func lostWhat(d *parser.Directive) string {
	if strings.EqualFold(d.Arg(0), "Upgrade") {
		return "the Upgrade request header"
	}
	return "an upgrading Connection request header"
}

// wsNameRE matches names that say WebSocket: an upstream called
// "ws_backend" or "signalr".
// Compiled on first use, as are the other regexps here, so that start-up
// compiles nothing a run does not use.
var wsNameRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|[^a-z])(ws|wss|websockets?|socket|sockets|socketio|signalr|cable|realtime)([^a-z]|$)`)
})

// upstreamSaysWS reports whether the location's proxy_pass target names a
// WebSocket backend.
func upstreamSaysWS(m *model.Model, loc *model.Location) bool {
	d := m.ProxyPass(loc.Block)
	if d == nil {
		return false
	}
	u := strings.TrimPrefix(strings.TrimPrefix(d.Arg(0), "http://"), "https://")
	host, rest, _ := strings.Cut(u, "/")
	host, _, _ = strings.Cut(host, ":")
	return wsNameRE().MatchString(host) || wsNameRE().MatchString(rest)
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

// fileLike reports whether a last path segment names a file (socket.io.js,
// webrtc.html, index.php): a location for one file is not a WebSocket
// endpoint, and WebSocket clients do not open such URIs. It is the regexp
// `\.[A-Za-z0-9]{1,5}$` written out (TestFileLike compares them): nearly
// every check calls it, and compiling the regexp cost ~0.1 ms of start-up.
func fileLike(seg string) bool {
	n := 0 // letters and digits at the end, counted up to 6
	for n < 6 && n < len(seg) && isASCIIAlnum(seg[len(seg)-1-n]) {
		n++
	}
	return n >= 1 && n <= 5 && n < len(seg) && seg[len(seg)-1-n] == '.'
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isFileSegment reports whether a path segment names a file rather than an
// endpoint ("socket.io" is an endpoint).
func isFileSegment(seg string) bool {
	return fileLike(seg) && !wsWords[strings.ToLower(seg)]
}

// weakEndpoints are endpoint names REST APIs use too: SignalR's /hubs (a
// media server's /hubs/ is a REST API), Phoenix's /live.
var weakEndpoints = map[string]bool{"/hubs": true, "/live": true}

// endpointStrength returns the well-known endpoint loc's path matches ("" for
// none) and whether that name is strong evidence on its own.
func endpointStrength(loc *model.Location) (string, bool) {
	ep := endpoint(loc)
	return ep, ep != "" && !weakEndpoints[ep]
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

// regexWords returns the literal words of a regex, its escaped dots read as
// dots: `^/socket\.io/` gives "socket.io".
func regexWords(re string) []string {
	re = strings.ReplaceAll(re, `\.`, ".")
	var out []string
	// Split at every rune but [A-Za-z0-9._-]; no regexp: this runs for
	// every regex location of every run.
	for _, w := range strings.FieldsFunc(re, isRegexWordSep) {
		w = strings.Trim(w, ".")
		if w != "" {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

func isRegexWordSep(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '.', r == '_', r == '-':
		return false
	}
	return true
}

// markerLines indexes the lines holding a # nginx-wslint-websocket comment.
func markerLines(m *model.Model) map[string]map[int32]bool {
	out := map[string]map[int32]bool{}
	if m.Config == nil {
		return out
	}
	for _, f := range m.Config.Files {
		for _, c := range f.Comments {
			// The substring test spares compiling the regexp for the
			// comments that cannot match.
			if strings.Contains(c.Text, "nginx-wslint-websocket") && markerComment().MatchString(c.Text) {
				if out[f.Path] == nil {
					out[f.Path] = map[int32]bool{}
				}
				out[f.Path][c.Start.Line] = true
			}
		}
	}
	return out
}

// servesPlainHTTP says why a location evidently also receives ordinary
// requests, "" when nothing says so: the catch-all "location /"; an API
// location (a path word "api", no WebSocket endpoint, and nothing that
// says its backend is a WebSocket one); or a whole application mounted
// under a one-segment sub-path (location /app/ or __PATH__/) that the
// location evidently serves pages for (it rewrites or filters responses,
// redirects, caps uploads). Other locations that pass upgrade headers are
// taken at their word as WebSocket endpoints, since their names (/events,
// /socket/, /bbb-webrtc-sfu, /livekit/sfu/) cannot tell.
func servesPlainHTTP(m *model.Model, loc *model.Location) string {
	if loc.Modifier == "@" {
		return ""
	}
	if loc.Name == "/" && loc.IsPrefix() {
		return "this location also serves ordinary requests"
	}
	if endpoint(loc) != "" || upstreamSaysWS(m, loc) {
		return ""
	}
	if ups, from := configured(m, loc.Block, "Upgrade"); len(ups) > 0 && from == loc.Block && strings.EqualFold(ups[0].Value, "websocket") {
		// The location itself fixes Upgrade to websocket: it is meant for
		// WebSocket only.
		return ""
	}
	for _, w := range regexWords(loc.Name) {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
			if part == "api" {
				return "this API location also serves ordinary requests"
			}
		}
	}
	if ev := pageEvidence(loc); ev != "" {
		return "this location serves a whole application mounted under " + model.Quote(loc.Name) + " (" + ev + "), ordinary requests included"
	}
	return ""
}

// pageDirectives are directives a location that proxies an application's
// pages (not only its socket) sets.
var pageDirectives = []string{"sub_filter", "proxy_redirect", "rewrite", "expires", "client_max_body_size"}

// pageEvidence says how a one-segment prefix location evidently serves an
// application's pages, "" when nothing does.
func pageEvidence(loc *model.Location) string {
	if !loc.IsPrefix() || loc.Dir == nil {
		return ""
	}
	if segs := strings.Split(strings.Trim(loc.Name, "/"), "/"); len(segs) != 1 || segs[0] == "" {
		return ""
	}
	for _, name := range pageDirectives {
		if d := loc.Get(name); d != nil {
			return "it sets " + name + " at " + d.Position().String()
		}
	}
	for _, inc := range loc.Includes {
		for _, set := range stdFiles[path.Base(inc.Arg(0))].Sets {
			if set == "sub_filter" {
				return "its include " + model.Quote(inc.Arg(0)) + " filters its pages"
			}
		}
	}
	for _, c := range loc.Children {
		if c.Kind == model.KindIf && (c.Get("rewrite") != nil || c.Get("expires") != nil) {
			return "it rewrites or caches responses at " + c.Dir.Position().String()
		}
	}
	return ""
}
