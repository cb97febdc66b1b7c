package model

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// HTTPRequest is a request as a client sends it: what Route follows.
type HTTPRequest struct {
	// Method is the request method; "GET" when empty.
	Method string
	// Target is the request-target as sent: path and query.
	Target string
	// Host is the Host header; "" for none, as an HTTP/1.0 client sends.
	Host string
	// Port is the port the request arrives on.
	Port int
	// Headers are the other request headers, by lower-case name.
	Headers map[string]string
	// NoFiles states that no file exists under any root: try_files falls
	// through to its last argument, "if (-f ...)" is false, and the static
	// module answers 404. Without it, Route follows try_files's last
	// argument and says it assumed so, and a request served from files has
	// no status.
	NoFiles bool
	// Files, when set, tells what is on disk at a path as nginx builds it
	// (root, relative to nginx's prefix when not absolute, then the URI):
	// whether it is a file or a directory; ok is false when it cannot
	// say. "if (-f ...)", try_files and the static module are then decided.
	Files func(path string) (isFile, isDir, ok bool)
}

// WebSocketHeaders are the headers of a browser's WebSocket handshake.
func WebSocketHeaders() map[string]string {
	return map[string]string{
		"upgrade":               "websocket",
		"connection":            "Upgrade",
		"sec-websocket-key":     "dGhlIHNhbXBsZSBub25jZQ==",
		"sec-websocket-version": "13",
	}
}

// Answer is what nginx does with one request, as far as the configuration
// decides it: the server and the location, every rewrite module directive
// that acted, and the answer nginx gives itself or the request the backend
// receives.
type Answer struct {
	Request HTTPRequest
	// Server is the server that handles the request (for a 400, the
	// default server of the port); ServerWhy says why.
	Server    *Server
	ServerWhy string
	// Location is the last location chosen (nil when none matched);
	// LocationWhy explains that last choice.
	Location    *Location
	LocationWhy []string
	// Block is the configuration that answers: the location, an if block
	// inside it whose condition was true, a limit_except block, or the
	// server when no location matched.
	Block *Block
	// URI and Args are $uri and $args when the request is answered.
	URI, Args string
	// Steps are what happened on the way, in order: each rewrite, set, if,
	// return, try_files and error_page that acted, and each location
	// search after the URI changed.
	Steps []Step
	// Status is set when nginx answers by itself: 301 for a location that
	// needs its trailing slash, a rewrite's or return's code, 400 for a URI
	// it refuses, 404 from the static module (with NoFiles), 500 for a
	// rewrite cycle.
	Status int
	// Redirect is the Location header of a redirect, as configured
	// (relative ones are made absolute by nginx with the request's host).
	Redirect string
	// Text is the body of a "return code text".
	Text string
	// ErrorStatus, when set, is the status the client gets whatever
	// answers after an error_page, Status included (r->err_status: without
	// "=", the original error's; with "=NNN", NNN).
	ErrorStatus int
	// Proxy is the request sent to the backend; nil when not proxied.
	Proxy *ProxyAnswer
	// Handler is another content handler's directive (fastcgi_pass...).
	Handler *parser.Directive
	// Static is set when the static module serves files from root.
	Static bool
	// Unknown, when not empty, says why the request cannot be followed
	// further without running nginx: what precedes it is still right.
	Unknown string
	// Notes are what Route assumed or did not follow.
	Notes []string
}

// Step is one thing nginx did with the request.
type Step struct {
	Dir  *parser.Directive // nil for a location search
	Text string
}

// ProxyAnswer is the request nginx sends to the backend.
type ProxyAnswer struct {
	UpstreamRequest
	// Method is the method sent (an error_page to a URI turns it into GET).
	Method      string
	HTTPVersion Setting
	ReadTimeout Timeout
	// Headers are the headers nginx sets, with their values for this
	// request where known.
	Headers []SentHeader
}

// SentHeader is a configured (or default) request header with its value
// for one request.
type SentHeader struct {
	Header
	// Sent is the value for the request; Known is false when it uses a
	// variable the model cannot compute ($remote_addr...).
	Sent  string
	Known bool
}

// maxURIChanges is NGX_HTTP_MAX_URI_CHANGES: nginx allows 10 changes of
// the URI (rewrite cycles and internal redirects) and answers 500 at the
// 11th.
const maxURIChanges = 10

// routeState is a request being followed, with the flags of
// ngx_http_request_t that decide what the backend receives.
type routeState struct {
	m       *Model
	a       *Answer
	req     HTTPRequest
	method  string
	headers map[string]string
	server  *Server
	block   *Block
	loc     *Location
	uri     string
	args    string
	// captures are $0..$9 of the last regex that matched.
	captures []string
	vars     map[string]setVar
	// The request's flags: r->valid_unparsed_uri, r->valid_location,
	// r->internal, r->quoted_uri (or plus_in_uri), r->uri_changed,
	// r->error_page.
	validUnparsed, validLocation, internal, quoted, uriChanged, errorPage bool
	changes                                                               int
	proxyHost                                                             string
	// handler is the proxy_pass whose handler an if block's configuration
	// made the request's content handler (r->content_handler): it stays
	// when a later true if switches to a configuration without one.
	handler *parser.Directive
}

type setVar struct {
	v     string
	known bool
}

// outcome is how a run of rewrite module code ends.
type outcome uint8

const (
	next     outcome = iota // the code ran to its end
	stop                    // break, or a rewrite with last or break
	answered                // nginx answers (return, redirect, 500)
	unknown                 // cannot be followed statically
)

// phase is a request processing phase nginx runs in order.
type phase uint8

const (
	phServerRewrite phase = iota
	phFindConfig
	phLocationRewrite
	phTryFiles
	phContent
	phDone
)

// Route follows req through the configuration as nginx does: server
// selection, URI normalisation, the server's rewrite directives, location
// search, the location's rewrite, set, if, return and break (entering an if
// block's configuration when its condition is true), rewrite cycles (at
// most 10), try_files and error_page to a named location or a URI, and the
// request line and headers a proxied request carries. What needs the
// running nginx (client addresses, files on disk without NoFiles, an
// unevaluable regex) stops the answer with Unknown. It returns an error
// when no server listens on req.Port.
func (m *Model) Route(req HTTPRequest) (*Answer, error) {
	if req.Method == "" {
		req.Method = "GET"
	}
	a := &Answer{Request: req}
	sm, ok := m.FindServer(req.Host, req.Port)
	if !ok {
		return nil, fmt.Errorf("no server listens on port %d", req.Port)
	}
	st := newRouteState(m, a, sm.Server)
	a.Server, a.ServerWhy, a.Block = sm.Server, sm.Why, sm.Server.Block
	path, args, err := NormalizeURI(req.Target, sm.Server.MergeSlashes)
	if err != nil {
		// nginx rejects the URI while it reads the request line, before
		// the Host header: the port's default server answers the 400.
		a.Status = 400
		a.Notes = append(a.Notes, err.Error())
		if def, ok := m.DefaultServer(req.Port); ok && def != sm.Server {
			a.Server, a.Block = def, def.Block
			a.ServerWhy = "the URI is refused before the Host header is read: the default server for port " + strconv.Itoa(req.Port) + " answers"
		}
		return a, nil
	}
	st.uri, st.args = path, args
	st.quoted = quotedPath(req.Target) || strings.Contains(rawPath(req.Target), "+")
	st.run(phServerRewrite)
	a.URI, a.Args = st.uri, st.args
	a.Location, a.Block = st.loc, st.block
	return a, nil
}

// RouteFrom follows req from location loc on, as if nginx had just chosen
// it: the location's rewrite directives, rewrite cycles and internal
// redirects to other locations, try_files, error_page and the request the
// backend receives. Rules use it to judge what a WebSocket handshake that
// reaches loc becomes (req.Headers from WebSocketHeaders); req.Host and
// req.Port only feed $host and $server_port.
func (m *Model) RouteFrom(loc *Location, req HTTPRequest) *Answer {
	if req.Method == "" {
		req.Method = "GET"
	}
	a := &Answer{Request: req, Server: loc.Server, Location: loc, Block: loc.Block}
	if loc.Server == nil {
		a.Unknown = "not statically known: the location belongs to no server"
		return a
	}
	st := newRouteState(m, a, loc.Server)
	st.block, st.loc = loc.Block, loc
	path, args, err := NormalizeURI(req.Target, loc.Server.MergeSlashes)
	if err != nil {
		a.Status = 400
		a.Notes = append(a.Notes, err.Error())
		return a
	}
	st.uri, st.args = path, args
	st.quoted = quotedPath(req.Target) || strings.Contains(rawPath(req.Target), "+")
	if loc.Regex != nil {
		if groups, names, ok := loc.Regex.FindNamed(path); ok && groups != nil {
			st.captures = groups
			st.setCaptures(nil, namedOnly(groups, names))
		}
	}
	st.run(phLocationRewrite)
	a.URI, a.Args = st.uri, st.args
	a.Location, a.Block = st.loc, st.block
	return a
}

// newRouteState starts following a.Request in server s.
func newRouteState(m *Model, a *Answer, s *Server) *routeState {
	req := a.Request
	st := &routeState{
		m: m, a: a, req: req, method: req.Method, server: s, block: s.Block,
		vars: map[string]setVar{}, validUnparsed: true, validLocation: true, changes: maxURIChanges + 1,
		headers: map[string]string{},
	}
	for k, v := range req.Headers {
		st.headers[strings.ToLower(k)] = v
	}
	if req.Host != "" {
		st.headers["host"] = req.Host
	}
	return st
}

func rawPath(target string) string {
	if i := strings.IndexAny(target, "?#"); i >= 0 {
		return target[:i]
	}
	return target
}

func (st *routeState) step(d *parser.Directive, format string, args ...any) {
	st.a.Steps = append(st.a.Steps, Step{Dir: d, Text: fmt.Sprintf(format, args...)})
}

func (st *routeState) unknownf(format string, args ...any) {
	st.a.Unknown = "not statically known: " + fmt.Sprintf(format, args...)
}

func (st *routeState) fail500(d *parser.Directive, why string) {
	st.special(500)
	st.step(d, "%s: nginx answers 500 Internal Server Error", why)
}

// run runs the phases from ph until the request is answered.
func (st *routeState) run(ph phase) {
	for ph != phDone {
		ph = st.phase(ph)
	}
}

func (st *routeState) phase(ph phase) phase {
	switch ph {
	case phServerRewrite:
		st.block = st.server.Block
		switch st.script(st.server.Block, false) {
		case answered, unknown:
			return phDone
		}
		return phFindConfig
	case phFindConfig:
		return st.findConfig()
	case phLocationRewrite:
		switch st.script(st.block, true) {
		case answered:
			return st.afterStatus()
		case unknown:
			return phDone
		}
		if st.uriChanged {
			st.changes--
			if st.changes == 0 {
				st.fail500(nil, "the URI changed 11 times (rewrite or internal redirection cycle)")
				return phDone
			}
			st.uriChanged = false
			return phFindConfig
		}
		return phTryFiles
	case phTryFiles:
		return st.tryFiles()
	case phContent:
		return st.content()
	}
	return phDone
}

// findConfig is ngx_http_core_find_config_phase: the location for $uri,
// the 301 of a location that needs its trailing slash, limit_except.
func (st *routeState) findConfig() phase {
	lm := st.server.FindLocation(st.uri)
	st.a.LocationWhy = lm.Why
	st.uriChanged = false
	st.handler = nil
	if len(st.a.Steps) > 0 || st.internal {
		st.step(nil, "location search for %q: %s", st.uri, strings.Join(lm.Why, "; "))
	}
	if lm.Err != nil {
		st.unknownf("the location cannot be determined: %v", lm.Err)
		return phDone
	}
	if lm.Location == nil {
		// The server's own configuration answers; nginx skips the
		// location rewrite phase for it.
		st.loc, st.block = nil, st.server.Block
		st.a.Notes = append(st.a.Notes, "no location matches "+st.uri+": the server's own settings answer")
		return phTryFiles
	}
	st.loc, st.block = lm.Location, lm.Location.Block
	if lm.Captures != nil {
		// ngx_http_regex_exec: a match sets the captures to its groups
		// (none for a regex without groups) and its named captures'
		// variables.
		st.captures = lm.Captures
		if groups, names, ok := lm.Location.Regex.FindNamed(st.uri); ok && groups != nil {
			st.setCaptures(nil, namedOnly(groups, names))
		}
	}
	if lm.Redirect {
		st.special(301)
		// clcf->escaped_name: the name of the location, "$uri/".
		to := EscapeURI(lm.Location.Name)
		if st.args != "" {
			to += "?" + st.args
		}
		st.a.Redirect = to
		st.a.Notes = append(st.a.Notes, "nginx answers 301 Moved Permanently to "+to+"; WebSocket clients do not follow redirects")
		return phDone
	}
	for _, c := range lm.Location.Children {
		if c.Kind == KindLimitExcept && !limitAllows(c.Dir, st.method) {
			// ngx_http_update_location_config: the block's configuration
			// applies to the methods it does not list; it has no rewrite
			// code of its own.
			st.block = c
			st.step(c.Dir, "%s does not list %s: its configuration applies", c.Describe(), st.method)
			return phTryFiles
		}
	}
	return phLocationRewrite
}

func namedOnly(groups, names []string) map[string]string {
	out := map[string]string{}
	for i, n := range names {
		if n != "" && i < len(groups) {
			out[strings.ToLower(n)] = groups[i]
		}
	}
	return out
}

// limitAllows reports whether limit_except's list includes method (GET
// implies HEAD).
func limitAllows(d *parser.Directive, method string) bool {
	for _, w := range d.Args() {
		m := strings.ToUpper(w.Value)
		if m == method || m == "GET" && method == "HEAD" {
			return true
		}
	}
	return false
}

func (st *routeState) setCaptures(groups []string, named map[string]string) {
	if groups != nil {
		st.captures = groups
	}
	for n, v := range named {
		st.vars[n] = setVar{v, true}
	}
}

// script runs the rewrite module code of b, entering if blocks whose
// condition is true (in a location, their configuration then applies).
func (st *routeState) script(b *Block, location bool) outcome {
	for _, d := range b.Script {
		switch d.Name {
		case "if":
			child := b.IfBlock(d)
			if child == nil {
				continue
			}
			v, why := st.cond(d)
			if why != "" {
				st.unknownf("the condition of %s at %s %s", ifText(d), d.Position(), why)
				return unknown
			}
			if !v {
				st.step(d, "%s is false", ifText(d))
				continue
			}
			st.step(d, "%s is true: its block runs", ifText(d))
			if location {
				st.block = child
				if p := child.Get("proxy_pass"); p != nil {
					st.handler = p
				}
			}
			if o := st.script(child, location); o != next {
				return o
			}
		case "set":
			name := strings.ToLower(strings.TrimPrefix(d.Arg(0), "$"))
			v, known := st.eval(d.Arg(1))
			switch name {
			case "args", "query_string":
				if !known {
					st.unknownf("%q at %s sets the query string from variables the model cannot compute", "set", d.Position())
					return unknown
				}
				st.args = v
				st.validUnparsed = false
			default:
				st.vars[name] = setVar{v, known}
			}
			if known {
				st.step(d, "$%s = %q", name, v)
			} else {
				st.step(d, "$%s is set from variables the model cannot compute", name)
			}
		case "break":
			if st.uriChanged {
				st.validLocation = false
				st.uriChanged = false
			}
			st.step(d, "break: the rewrite directives stop")
			return stop
		case "return":
			return st.doReturn(d)
		case "rewrite":
			if o := st.rewrite(d); o != next {
				return o
			}
		}
	}
	return next
}

func (st *routeState) doReturn(d *parser.Directive) outcome {
	code, err := strconv.Atoi(d.Arg(0))
	text, hasText := d.Arg(1), len(d.Words) > 2
	if err != nil {
		code, text, hasText = 302, d.Arg(0), true
	}
	st.a.Status = code
	if !hasText || code >= 301 && code <= 308 && code != 304 && code != 305 && code != 306 {
		st.special(code)
	}
	if hasText {
		v, known := st.eval(text)
		if !known {
			v = text
			st.a.Notes = append(st.a.Notes, "the text of \"return\" at "+d.Position().String()+" uses variables the model cannot compute")
		}
		switch code {
		case 301, 302, 303, 307, 308:
			st.a.Redirect = v
		default:
			st.a.Text = v
		}
	}
	st.step(d, "return %d", code)
	if code == 444 {
		st.a.Notes = append(st.a.Notes, "444 is not sent: nginx closes the connection without an answer")
	}
	return answered
}

// afterStatus decides what follows an answer nginx makes itself: the
// error_page for its code, if one applies.
func (st *routeState) afterStatus() phase {
	if st.a.Status < 400 || st.a.Text != "" {
		return phDone
	}
	return st.errorPageFor(st.a.Status)
}

// rewrite runs one rewrite directive (ngx_http_script_regex_start_code and
// ngx_http_script_regex_end_code).
func (st *routeState) rewrite(d *parser.Directive) outcome {
	if len(d.Words) < 3 {
		return next
	}
	re := st.m.regex(d, d.Arg(0), false)
	groups, names, ok := re.FindNamed(st.uri)
	if !ok {
		st.unknownf("the regex of \"rewrite\" at %s cannot be evaluated", d.Position())
		return unknown
	}
	if groups == nil {
		st.captures = nil
		st.step(d, "rewrite: %q does not match %q", d.Arg(0), st.uri)
		return next
	}
	st.captures = groups
	st.setCaptures(nil, namedOnly(groups, names))
	repl, flag := d.Arg(1), d.Arg(2)
	addArgs := true
	if strings.HasSuffix(repl, "?") {
		repl, addArgs = repl[:len(repl)-1], false
	}
	redirect, status := false, 0
	if strings.HasPrefix(repl, "http://") || strings.HasPrefix(repl, "https://") || strings.HasPrefix(repl, "$scheme") {
		redirect, status = true, 302
	}
	switch flag {
	case "redirect":
		redirect, status = true, 302
	case "permanent":
		redirect, status = true, 301
	}
	uri, args, hasArgs, known := st.expand(repl, redirect)
	if !known {
		st.unknownf("the replacement of \"rewrite\" at %s uses variables the model cannot compute", d.Position())
		return unknown
	}
	if redirect {
		loc := unescapeRedirect(uri)
		if addArgs && st.args != "" {
			sep := "?"
			if hasArgs {
				sep = "&"
			}
			loc += sep + st.args
		}
		st.special(status)
		st.a.Redirect = loc
		st.step(d, "rewrite: %q matches: nginx answers %d with Location %s", d.Arg(0), status, loc)
		return answered
	}
	switch {
	case hasArgs:
		if addArgs && st.args != "" {
			args += "&" + st.args
		}
		st.args = args
	case !addArgs:
		st.args = ""
	}
	if uri == "" {
		st.fail500(d, "the rewritten URI is empty")
		return answered
	}
	st.uri = uri
	st.internal = true
	st.validUnparsed = false
	if flag == "break" {
		st.validLocation = false
		st.uriChanged = false
	} else {
		st.uriChanged = true
	}
	what := map[string]string{
		"last":  "the location is searched again",
		"break": "the rewrite directives stop; the location stays",
		"":      "the next directives run, then the location is searched again",
	}[flag]
	st.step(d, "rewrite: $uri becomes %q, $args %q; %s", st.uri, st.args, what)
	if flag == "last" || flag == "break" {
		return stop
	}
	return next
}

// expand computes a rewrite replacement: the URI part, and the arguments
// after its first literal "?" (for a redirect, "?" stays in the URI).
// Captures are escaped in the arguments and in redirects when the client's
// path held escapes, as ngx_http_script_copy_capture_code does.
func (st *routeState) expand(repl string, redirect bool) (uri, args string, hasArgs, known bool) {
	var ub, ab strings.Builder
	cur, inArgs := &ub, false
	known = true
	for i := 0; i < len(repl); {
		c := repl[i]
		if c == '$' {
			if name, n := VarName(repl[i:]); n > 0 {
				i += n
				if len(name) == 1 && name[0] >= '1' && name[0] <= '9' {
					k := int(name[0] - '0')
					v := ""
					if k < len(st.captures) {
						v = st.captures[k]
					}
					if (inArgs || redirect) && st.quoted {
						v = escapeArgs(v)
					}
					cur.WriteString(v)
					continue
				}
				v, ok := st.m.variable(name, st.request(), 0)
				if !ok {
					known = false
				}
				cur.WriteString(v)
				continue
			}
		}
		if c == '?' {
			hasArgs = true
			if !redirect && !inArgs {
				inArgs, cur = true, &ab
				i++
				continue
			}
		}
		cur.WriteByte(c)
		i++
	}
	return ub.String(), ab.String(), hasArgs, known
}

// escapeArgs is ngx_escape_uri(NGX_ESCAPE_ARGS).
func escapeArgs(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte("\"#%&+;<>?\\^`{|}", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// unescapeRedirect is ngx_unescape_uri(NGX_UNESCAPE_REDIRECT), step for
// step: up to the first "?" (written or decoded from %3F), an escape of a
// printable character above "%" is decoded and the others are kept; the
// rest is copied as it is.
func unescapeRedirect(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '?' {
			b.WriteString(s[i:])
			break
		}
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(s) {
			break
		}
		if !isHex(s[i+1]) {
			// nginx drops the "%" and keeps the character.
			b.WriteByte(s[i+1])
			i++
			continue
		}
		if i+2 >= len(s) {
			break
		}
		if !isHex(s[i+2]) {
			// The invalid second character is dropped with the escape.
			i += 2
			continue
		}
		ch := unhex(s[i+1])<<4 | unhex(s[i+2])
		if ch == '?' {
			b.WriteString("?" + s[i+3:])
			break
		}
		if ch > '%' && ch < 0x7f {
			b.WriteByte(ch)
		} else {
			b.WriteString(s[i : i+3])
		}
		i += 2
	}
	return b.String()
}

// cond evaluates an if condition; why is set when it cannot be decided.
func (st *routeState) cond(d *parser.Directive) (bool, string) {
	var words []string
	for _, w := range d.Args() {
		words = append(words, w.Value)
	}
	if len(words) > 0 {
		words[0] = strings.TrimPrefix(words[0], "(")
		words[len(words)-1] = strings.TrimSuffix(words[len(words)-1], ")")
	}
	var ws []string
	for i, w := range words {
		if w != "" || i != 0 && i != len(words)-1 {
			ws = append(ws, w)
		}
	}
	switch len(ws) {
	case 1:
		v, known := st.eval(ws[0])
		if !known {
			return false, "uses a variable the model cannot compute"
		}
		return v != "" && v != "0", ""
	case 2:
		op := ws[0]
		if st.req.Files != nil {
			p, known := st.eval(ws[1])
			if !known {
				return false, "tests a path the model cannot compute"
			}
			isFile, isDir, ok := st.req.Files(p)
			if !ok {
				return false, "checks the disk (" + op + " " + p + ")"
			}
			v := false
			switch strings.TrimPrefix(op, "!") {
			case "-f":
				v = isFile
			case "-d":
				v = isDir
			case "-e", "-x":
				v = isFile || isDir
			}
			return v != strings.HasPrefix(op, "!"), ""
		}
		if !st.req.NoFiles {
			return false, "checks the disk (" + op + ")"
		}
		return strings.HasPrefix(op, "!"), ""
	case 3:
		lhs, known := st.eval(ws[0])
		if !known {
			return false, "uses a variable the model cannot compute"
		}
		switch op := ws[1]; op {
		case "=", "!=":
			rhs, known := st.eval(ws[2])
			if !known {
				return false, "compares with a value the model cannot compute"
			}
			return (lhs == rhs) == (op == "="), ""
		case "~", "~*", "!~", "!~*":
			re := st.m.regex(d, ws[2], strings.HasSuffix(op, "*"))
			groups, names, ok := re.FindNamed(lhs)
			if !ok {
				return false, "uses a regex that cannot be evaluated"
			}
			if groups == nil {
				st.captures = nil
			} else {
				st.captures = groups
				st.setCaptures(nil, namedOnly(groups, names))
			}
			return (groups != nil) == !strings.HasPrefix(op, "!"), ""
		}
	}
	return false, "is not understood"
}

// ifText is an if directive's condition as written: "if ($a = "b")".
func ifText(d *parser.Directive) string {
	args := d.Args()
	if d.File != nil && len(args) > 0 {
		start, end := args[0].Start.Offset, args[len(args)-1].EndOffset()
		if start >= 0 && int(end) <= len(d.File.Src) && start < end {
			return "if " + d.File.Src[start:end]
		}
	}
	return "if " + argsText(d)
}

// request is the variable context of the state.
func (st *routeState) request() Request {
	return Request{Headers: st.headers, Captures: st.captures, st: st}
}

// eval evaluates a value with variables for the request.
func (st *routeState) eval(v string) (string, bool) {
	return st.m.eval(v, st.request(), 0)
}

// builtin returns the variables the request determines; handled is false
// for the others (maps, and what needs the running nginx).
func (st *routeState) builtin(name string) (v string, known, handled bool) {
	if sv, ok := st.vars[name]; ok {
		return sv.v, sv.known, true
	}
	switch name {
	case "uri", "document_uri":
		return st.uri, true, true
	case "request_uri":
		return st.req.Target, true, true
	case "args", "query_string":
		return st.args, true, true
	case "is_args":
		if st.args != "" {
			return "?", true, true
		}
		return "", true, true
	case "host":
		if h := normalizeHost(st.req.Host); h != "" {
			return h, true, true
		}
		if len(st.server.Names) > 0 {
			return st.server.Names[0].Name, true, true
		}
		return "", true, true
	case "server_name":
		if len(st.server.Names) > 0 {
			return st.server.Names[0].Name, true, true
		}
		return "", true, true
	case "scheme":
		return st.scheme(), true, true
	case "server_port":
		return strconv.Itoa(st.req.Port), true, true
	case "request_method":
		return st.method, true, true
	case "request_filename":
		if root, ok := st.root(); ok {
			return root + st.uri, true, true
		}
		return "", false, true
	case "document_root":
		if root, ok := st.root(); ok {
			return root, true, true
		}
		return "", false, true
	case "proxy_host":
		return st.proxyHost, st.proxyHost != "", true
	case "proxy_internal_body_length", "proxy_internal_chunked":
		return "", true, true
	case "content_length", "content_type":
		return st.headers[strings.ReplaceAll(name, "_", "-")], true, true
	}
	if arg, ok := strings.CutPrefix(name, "arg_"); ok {
		return argValue(st.args, arg), true, true
	}
	if c, ok := strings.CutPrefix(name, "cookie_"); ok {
		return cookieValue(st.headers["cookie"], c), true, true
	}
	if len(st.m.Sets[name]) > 0 && st.m.MapFor(name) == nil {
		// set elsewhere, not on this request's way: empty.
		return "", true, true
	}
	return "", false, false
}

func (st *routeState) scheme() string {
	for _, l := range st.server.Listens {
		if l.Port != st.req.Port || l.Dir == nil {
			continue
		}
		for _, w := range l.Dir.Args()[1:] {
			if w.Value == "ssl" {
				return "https"
			}
		}
	}
	return "http"
}

// argValue is ngx_http_arg: the first argument called name
// (case-insensitive) in args.
func argValue(args, name string) string {
	for _, kv := range strings.Split(args, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

func cookieValue(header, name string) string {
	for _, kv := range strings.Split(header, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		if strings.EqualFold(k, name) {
			return v
		}
	}
	return ""
}

// tryFiles is the try_files phase. try_files is not inherited: neither
// nested locations nor if blocks (whose configuration applies when their
// condition is true) have the location's.
func (st *routeState) tryFiles() phase {
	d := st.block.Get("try_files")
	if d == nil || st.block.Kind != KindLocation || len(d.Words) < 3 {
		return phContent
	}
	args := d.Args()
	var files []string
	for _, w := range args[:len(args)-1] {
		files = append(files, strconv.Quote(w.Value))
	}
	last := args[len(args)-1].Value
	switch seen := st.filesSeen(d, args[:len(args)-1]); {
	case seen == seenFound || seen == seenUnknown:
		return phDone
	case seen == seenBlind && !st.req.NoFiles:
		st.a.Notes = append(st.a.Notes, fmt.Sprintf("try_files at %s checks the disk, which route cannot see: what follows assumes that none of %s exists", d.Position(), strings.Join(files, " ")))
	}
	if code, ok := strings.CutPrefix(last, "="); ok {
		n, err := strconv.Atoi(code)
		if err != nil {
			return phContent
		}
		st.special(n)
		st.step(d, "try_files: no file exists: nginx answers %d", n)
		return st.afterStatus()
	}
	v, known := st.eval(last)
	if !known {
		st.unknownf("the last argument of try_files at %s uses variables the model cannot compute", d.Position())
		return phDone
	}
	if strings.HasPrefix(v, "@") {
		return st.named(d, v[1:], "try_files: no file exists")
	}
	uri, args2, _ := strings.Cut(v, "?")
	st.step(d, "try_files: no file exists: internal redirect to %q", v)
	return st.internalRedirect(d, uri, args2)
}

// What filesSeen found out about try_files's files.
const (
	seenNone    = iota // none exists
	seenFound          // one exists: the static module serves it
	seenBlind          // the disk cannot be seen
	seenUnknown        // the answer stops (a.Unknown is set)
)

// filesSeen checks try_files's file arguments on the disk HTTPRequest.Files
// shows, in order, as ngx_http_try_files_handler does.
func (st *routeState) filesSeen(d *parser.Directive, args []parser.Word) int {
	if st.req.Files == nil {
		return seenBlind
	}
	root, ok := st.root()
	if !ok {
		return seenBlind
	}
	for _, w := range args {
		v, known := st.eval(w.Value)
		if !known {
			st.unknownf("try_files at %s checks %q, which uses variables the model cannot compute", d.Position(), w.Value)
			return seenUnknown
		}
		isFile, isDir, ok := st.req.Files(root + v)
		if !ok {
			return seenBlind
		}
		dir := strings.HasSuffix(v, "/")
		if dir && isDir || !dir && isFile {
			st.step(d, "try_files: %s exists: the static module serves it", root+v)
			st.uri = v
			st.a.Static = true
			if !dir {
				st.special(200)
			}
			return seenFound
		}
	}
	return seenNone
}

// named is ngx_http_named_location.
func (st *routeState) named(d *parser.Directive, name, why string) phase {
	st.changes--
	if st.changes == 0 {
		st.fail500(d, "the URI changed 11 times (internal redirection cycle)")
		return phDone
	}
	for _, l := range st.server.Locations {
		if l.Modifier == "@" && l.Name == name {
			st.step(d, "%s: the request goes to location @%s (the URI stays %q)", why, name, st.uri)
			st.a.LocationWhy = []string{fmt.Sprintf("named location, reached by %s at %s", d.Name, d.Position())}
			st.loc, st.block = l, l.Block
			st.handler = nil
			st.internal = true
			st.uriChanged = false
			return phLocationRewrite
		}
	}
	st.fail500(d, "there is no location @"+name)
	return phDone
}

// internalRedirect is ngx_http_internal_redirect: the new URI goes through
// the server's rewrite directives and the location search again.
func (st *routeState) internalRedirect(d *parser.Directive, uri, args string) phase {
	st.changes--
	if st.changes == 0 {
		st.fail500(d, "the URI changed 11 times (internal redirection cycle)")
		return phDone
	}
	st.uri, st.args = uri, args
	st.internal, st.validUnparsed = true, false
	// ngx_http_handler: the only place valid_location is set again (a
	// server-level "rewrite ... break" clears it for the whole request).
	st.validLocation = true
	return phServerRewrite
}

// errorPageFor is the error_page that applies to status in the current
// configuration (ngx_http_special_response_handler), once unless
// recursive_error_pages is on.
func (st *routeState) errorPageFor(status int) phase {
	if st.errorPage {
		return phDone
	}
	ds, _ := st.block.InheritedArray("error_page")
	for _, d := range ds {
		args := d.Args()
		if len(args) < 2 {
			continue
		}
		target := args[len(args)-1].Value
		overwrite, hasOverwrite := "", false
		applies := false
		for _, w := range args[:len(args)-1] {
			if o, ok := strings.CutPrefix(w.Value, "="); ok {
				overwrite, hasOverwrite = o, true
				continue
			}
			if n, err := strconv.Atoi(w.Value); err == nil && n == status {
				applies = true
			}
		}
		if !applies {
			continue
		}
		if r := st.block.Inherited("recursive_error_pages"); r == nil || r.Arg(0) != "on" {
			st.errorPage = true
		}
		v, known := st.eval(target)
		if !known {
			st.unknownf("the target of error_page at %s uses variables the model cannot compute", d.Position())
			return phDone
		}
		code := status
		if hasOverwrite && overwrite != "" {
			if n, err := strconv.Atoi(overwrite); err == nil {
				code = n
			}
		}
		// ngx_http_send_error_page: r->err_status is the code the client
		// gets, whatever the page's own answer; "=" alone leaves it to
		// the page.
		st.a.ErrorStatus = code
		if hasOverwrite && overwrite == "" {
			st.a.ErrorStatus = 0
		}
		switch {
		case strings.HasPrefix(v, "@"):
			st.a.Status, st.a.Text = 0, ""
			return st.named(d, v[1:], fmt.Sprintf("error_page for %d", status))
		case strings.HasPrefix(v, "/"):
			st.a.Status, st.a.Text = 0, ""
			if st.method != "HEAD" {
				st.method = "GET"
			}
			uri, args, _ := strings.Cut(v, "?")
			st.step(d, "error_page for %d: internal redirect to %q", status, v)
			return st.internalRedirect(d, uri, args)
		default:
			if !hasOverwrite || code < 301 || code > 308 {
				code = 302
			}
			st.a.Status, st.a.Redirect, st.a.ErrorStatus = code, v, 0
			st.step(d, "error_page for %d: nginx answers %d with Location %s", status, code, v)
			return phDone
		}
	}
	return phDone
}

// content is the content phase: proxy_pass, another handler, or files.
func (st *routeState) content() phase {
	blk := st.block
	if pass := st.m.ProxyPass(blk); pass != nil {
		st.a.Proxy = st.proxy(pass, blk)
		return phDone
	}
	if st.handler != nil {
		// ngx_http_update_location_config keeps the content handler of
		// an earlier if block when the next one has none; the proxy
		// handler then finds no upstream in this configuration.
		st.fail500(st.handler, fmt.Sprintf("the handler of \"proxy_pass %s\" stays the content handler, but the configuration of %s has no proxy_pass (nginx logs \"no upstream configuration\")", st.handler.Arg(0), blk.Describe()))
		return st.afterStatus()
	}
	for l := blk; l != nil; l = l.Parent {
		for _, d := range l.Own {
			switch d.Name {
			case "fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass", "memcached_pass":
				st.a.Handler = d
				return phDone
			}
		}
		if l.Kind != KindIf && l.Kind != KindLimitExcept {
			break
		}
	}
	st.a.Static = true
	if st.req.Files != nil && !strings.HasSuffix(st.uri, "/") {
		if root, ok := st.root(); ok {
			if isFile, isDir, ok := st.req.Files(root + st.uri); ok {
				switch {
				case isFile:
					st.a.Status = 200
					return phDone
				case !isDir:
					st.special(404)
					return st.afterStatus()
				}
			}
		}
		return phDone
	}
	if st.req.NoFiles {
		st.special(404)
		return st.afterStatus()
	}
	return phDone
}

// special is an answer through ngx_http_special_response_handler (a code
// of 300 or more, or 201 and 204, that nginx makes itself): its code
// becomes the client's status, whatever error_page set before.
func (st *routeState) special(code int) {
	st.a.Status = code
	st.a.ErrorStatus = 0
}

// root is the effective root of the current configuration ("html" by
// default, relative to nginx's prefix); false under alias.
func (st *routeState) root() (string, bool) {
	for l := st.block; l != nil; l = l.Parent {
		if l.Get("alias") != nil {
			return "", false
		}
		if d := l.Get("root"); d != nil {
			v, known := st.eval(d.Arg(0))
			return v, known
		}
	}
	return "html", true
}

// proxy computes the request line and headers sent to the backend, as
// ngx_http_proxy_create_request does with the request's flags.
func (st *routeState) proxy(pass *parser.Directive, blk *Block) *ProxyAnswer {
	p := &ProxyAnswer{UpstreamRequest: UpstreamRequest{Pass: pass}, Method: st.method}
	p.HTTPVersion = st.m.HTTPVersion(blk)
	p.ReadTimeout = st.m.ProxyTimeout(blk, "proxy_read_timeout")
	u, err := ParseProxyURL(pass.Arg(0))
	p.URL = u
	if err != nil {
		p.Reason = err.Error()
		return p
	}
	escapedURI := func() string {
		if st.quoted || st.internal {
			return EscapeURI(st.uri)
		}
		return st.uri
	}
	withArgs := func(s string) string {
		if st.args != "" {
			return s + "?" + st.args
		}
		return s
	}
	switch {
	case u.Variables:
		val, known := st.eval(pass.Arg(0))
		if !known {
			p.Reason = "not statically known: proxy_pass uses variables the model cannot compute"
			break
		}
		ev, err := ParseProxyURL(val)
		if err != nil {
			p.Reason = "proxy_pass evaluates to " + strconv.Quote(val) + ": " + err.Error()
			break
		}
		st.proxyHost = ev.Host
		switch {
		case ev.HasURI && ev.URI != "":
			p.Target, p.Known = ev.URI, true
			p.Reason = "proxy_pass with variables evaluates to " + strconv.Quote(val) + ": its URI part is sent as it is"
		case st.validUnparsed:
			p.Target, p.Known = st.req.Target, true
			p.Reason = "proxy_pass with variables and no URI part: the client's request-target is sent unchanged"
		default:
			p.Target, p.Known = withArgs(escapedURI()), true
			p.Reason = "proxy_pass with variables and no URI part, after the URI changed: $uri and $args are sent"
		}
	case (!u.HasURI || u.URI == "") && st.validUnparsed:
		st.proxyHost = u.Host
		p.Target, p.Known = st.req.Target, true
		p.Reason = "proxy_pass without a URI part: the client's request-target is sent unchanged"
	default:
		st.proxyHost = u.Host
		name := ""
		if l := passLevel(blk, pass); l != nil {
			for ; l != nil && l.Kind != KindLocation; l = l.Parent {
			}
			if l != nil && l.Location != nil {
				name = l.Location.Name
			}
		}
		if !st.validLocation || u.URI == "" {
			uri := st.uri
			if st.quoted || st.internal {
				uri = EscapeURI(uri)
			}
			p.Target, p.Known = withArgs(uri), true
			if u.URI != "" {
				p.Reason = "after \"rewrite ... break\" the URI part of proxy_pass is ignored: the whole $uri is sent"
			} else {
				p.Reason = "proxy_pass without a URI part, after the URI changed: $uri and $args are sent"
			}
			break
		}
		rest := st.uri[min(len(name), len(st.uri)):]
		if st.quoted || st.internal {
			rest = EscapeURI(rest)
		}
		p.Target, p.Known = withArgs(u.URI+rest), true
		p.Reason = fmt.Sprintf("the location's %q is cut from $uri %q and proxy_pass's URI part %q put in its place", name, st.uri, u.URI)
	}
	sent := st.m.SentHeaders(blk)
	// ngx_http_proxy_create_request computes the lengths of all header
	// values before it copies them: a map with a regex key evaluated in
	// the first pass has set the captures every value then sees.
	for _, h := range sent {
		st.eval(h.Value)
	}
	for _, h := range sent {
		v, known := st.eval(h.Value)
		p.Headers = append(p.Headers, SentHeader{Header: h, Sent: v, Known: known})
	}
	return p
}

// regex returns the compiled regex of a rewrite or if directive.
func (m *Model) regex(d *parser.Directive, pattern string, caseless bool) *Regex {
	m.regexMu.Lock()
	defer m.regexMu.Unlock()
	if m.regexes == nil {
		m.regexes = map[*parser.Directive]*Regex{}
	}
	if r, ok := m.regexes[d]; ok {
		return r
	}
	r := CompileRegex(pattern, caseless)
	m.regexes[d] = r
	return r
}
