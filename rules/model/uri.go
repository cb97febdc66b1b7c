package model

import (
	"errors"
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// errBadRequest is nginx's 400 for a URI it cannot normalise.
var errBadRequest = errors.New("nginx answers 400 Bad Request")

// NormalizeURI computes $uri and $args from a request-target as nginx does
// before choosing a location (ngx_http_parse_complex_uri): the query string
// is cut at the first "?", "%XX" escapes are decoded and the decoded bytes
// take part in what follows (a decoded "/" is a slash; a decoded "?" or "#"
// stays in the path), runs of "/" are merged when mergeSlashes is set, and
// "." and ".." segments are resolved. "%00", a malformed escape, or ".."
// above the root is a 400.
func NormalizeURI(target string, mergeSlashes bool) (path, args string, err error) {
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target = target[:i]
	}
	raw, args, _ := strings.Cut(target, "?")
	if !strings.HasPrefix(raw, "/") {
		return "", "", fmt.Errorf("%w: the path does not start with \"/\"", errBadRequest)
	}
	var dec strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '%' {
			dec.WriteByte(c)
			continue
		}
		if i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2]) {
			return "", "", fmt.Errorf("%w: malformed %%-escape", errBadRequest)
		}
		b := unhex(raw[i+1])<<4 | unhex(raw[i+2])
		if b == 0 {
			return "", "", fmt.Errorf("%w: %%00 in the path", errBadRequest)
		}
		dec.WriteByte(b)
		i += 2
	}
	p := dec.String()
	if mergeSlashes {
		for strings.Contains(p, "//") {
			p = strings.ReplaceAll(p, "//", "/")
		}
	}
	segs := strings.Split(p[1:], "/")
	var out []string
	trailing := false
	for i, s := range segs {
		last := i == len(segs)-1
		switch s {
		case ".":
			trailing = last
		case "..":
			if len(out) == 0 {
				return "", "", fmt.Errorf("%w: \"..\" goes above the root", errBadRequest)
			}
			out = out[:len(out)-1]
			trailing = last
		default:
			out = append(out, s)
		}
	}
	path = "/" + strings.Join(out, "/")
	if trailing && !strings.HasSuffix(path, "/") {
		path += "/"
	}
	return path, args, nil
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// EscapeURI escapes a path as ngx_escape_uri(NGX_ESCAPE_URI) does before
// nginx puts it on the upstream request line (when the client's path held
// %-escapes, see quotedPath): controls, bytes above 0x7e, and
// space " # % < > ? \ ^ ` { | }.
func EscapeURI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= 0x20 || c >= 0x7f || strings.IndexByte("\"#%<>?\\^`{|}", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// quotedPath reports whether the path of the request-target raw (before
// "?" or "#") holds a %-escape. Only then does nginx re-escape the URI it
// builds for the backend (r->quoted_uri in ngx_http_proxy_create_request);
// otherwise $uri holds the client's bytes and they are copied as they are,
// so "/p/a{b}" is passed as "/q/a{b}" while "/p/a{b}%41" becomes
// "/q/a%7Bb%7DA".
func quotedPath(raw string) bool {
	if i := strings.IndexAny(raw, "?#"); i >= 0 {
		raw = raw[:i]
	}
	return strings.Contains(raw, "%")
}

// ProxyURL is a proxy_pass argument taken apart.
type ProxyURL struct {
	Scheme string // "http" or "https"
	Host   string // host[:port], or an upstream name
	// URI is the URI part: everything from the first "/" after the host;
	// HasURI is false when there is none (not even "/").
	URI       string
	HasURI    bool
	Variables bool // the URL contains variables: nginx evaluates it per request
}

// ParseProxyURL takes a proxy_pass URL apart as ngx_http_proxy_pass and
// ngx_parse_url do: the scheme in any case; for "http://unix:/path.sock",
// the URI part follows the socket path's ":" ("unix:/s.sock:/uri/").
func ParseProxyURL(raw string) (ProxyURL, error) {
	var u ProxyURL
	u.Variables = strings.Contains(raw, "$")
	var rest string
	switch {
	case len(raw) >= 7 && strings.EqualFold(raw[:7], "http://"):
		u.Scheme, rest = "http", raw[7:]
	case len(raw) >= 8 && strings.EqualFold(raw[:8], "https://"):
		u.Scheme, rest = "https", raw[8:]
	default:
		return u, errors.New("invalid URL prefix")
	}
	if len(rest) >= 5 && strings.EqualFold(rest[:5], "unix:") {
		sock, uri, has := strings.Cut(rest[5:], ":")
		u.Host = rest[:5] + sock
		if has {
			u.URI, u.HasURI = uri, true
		}
		return u, nil
	}
	host, uri, has := strings.Cut(rest, "/")
	u.Host = host
	if has {
		u.URI, u.HasURI = "/"+uri, true
	}
	return u, nil
}

// UpstreamRequest is the request-target nginx sends to the backend.
type UpstreamRequest struct {
	// Pass is the proxy_pass directive that handles the request.
	Pass *parser.Directive
	URL  ProxyURL
	// Target is the request-target sent (path and query), when Known.
	Target string
	Known  bool
	// Reason explains how Target was computed, or why it is not known.
	Reason string
}

// UpstreamTarget computes the request-target the backend receives when
// location loc (chosen for the request, with the regex captures of a regex
// location) handles a request whose request-target is raw, following
// ngx_http_proxy_module: a URL with variables sends its evaluated URI part
// as is; a URL without a URI part sends the client's request-target byte for
// byte; otherwise the location's name is cut from $uri byte-wise and the
// URI part put in its place, re-escaped when the client's path held
// %-escapes (see quotedPath), with ?$args. rewrite and set $args
// in the location change the URI in ways the model does not follow: those
// are reported as not statically known.
func (m *Model) UpstreamTarget(b *Block, raw string, captures []string) (UpstreamRequest, bool) {
	pass := m.ProxyPass(b)
	if pass == nil {
		return UpstreamRequest{}, false
	}
	up := UpstreamRequest{Pass: pass}
	u, err := ParseProxyURL(pass.Arg(0))
	up.URL = u
	if err != nil {
		up.Reason = err.Error()
		return up, true
	}
	if b.Kind == KindLocation && b.Location != nil && len(b.Script) > 0 {
		return m.scriptedTarget(b.Location, raw, up)
	}
	// Walk from b up to its location: an if block runs inside its
	// location, whose rewrite changes the URI whether the if is true or
	// not.
	for l := b; l != nil; l = l.Parent {
		for _, d := range l.Own {
			switch {
			case d.Name == "rewrite":
				up.Reason = "not statically known: \"rewrite\" at " + d.Position().String() + " changes the URI before it is passed"
				return up, true
			case d.Name == "set" && strings.EqualFold(d.Arg(0), "$args"):
				up.Reason = "not statically known: \"set $args\" at " + d.Position().String() + " replaces the query string"
				return up, true
			}
		}
		if l.Kind != KindIf && l.Kind != KindLimitExcept {
			break
		}
	}
	mergeSlashes := b.Server == nil || b.Server.MergeSlashes
	path, args, err := NormalizeURI(raw, mergeSlashes)
	if err != nil {
		up.Reason = err.Error()
		return up, true
	}
	if u.Variables && !u.HasURI && m.hostOnlyVariables(pass.Arg(0)) {
		// No "/" after the host part, and the variables are set to plain
		// names (set $upstream_app radarr;): there is no URI part.
		up.Target, up.Known = raw, true
		up.Reason = "proxy_pass with variables that hold a host name only: the client's request-target is sent unchanged"
		return up, true
	}
	if u.Variables && u.HasURI && !strings.Contains(u.URI, "$") && m.hostOnlyVariables(u.Host) {
		up.Target, up.Known = u.URI, true
		up.Reason = "proxy_pass with variables and a URI part: that URI is sent as it is, without the request's path or query"
		return up, true
	}
	if u.Variables {
		val, known := m.Eval(pass.Arg(0), Request{Captures: captures})
		if !known {
			up.Reason = "not statically known: proxy_pass uses variables the model cannot compute"
			return up, true
		}
		evaluated, err := ParseProxyURL(val)
		if err != nil {
			up.Reason = err.Error()
			return up, true
		}
		if evaluated.HasURI {
			up.Target, up.Known = evaluated.URI, true
			up.Reason = "proxy_pass with variables and a URI part: that URI is sent as it is, without the request's path or query"
			return up, true
		}
		up.Target, up.Known = raw, true
		up.Reason = "proxy_pass with variables and no URI part: the client's request-target is sent unchanged"
		return up, true
	}
	if passAt := passLevel(b, pass); passAt != nil && (passAt.Kind == KindIf || passAt.Kind == KindLimitExcept) && u.HasURI {
		up.Reason = "nginx refuses a URI part in proxy_pass inside \"if\" or \"limit_except\""
		return up, true
	}
	if !u.HasURI {
		up.Target, up.Known = raw, true
		up.Reason = "proxy_pass without a URI part: the client's request-target is sent unchanged"
		return up, true
	}
	loc := b
	for loc != nil && loc.Kind != KindLocation {
		loc = loc.Parent
	}
	if loc == nil || loc.Location == nil || !loc.Location.IsPrefix() && loc.Location.Modifier != "=" {
		up.Reason = "nginx refuses a URI part in proxy_pass here (regex or named location, if, limit_except)"
		return up, true
	}
	name := loc.Location.Name
	// nginx cuts len(name) bytes, whatever they are (for an exact location
	// the whole path).
	rest := path[min(len(name), len(path)):]
	if quotedPath(raw) {
		rest = EscapeURI(rest)
	}
	target := u.URI + rest
	if args != "" {
		target += "?" + args
	}
	up.Target, up.Known = target, true
	up.Reason = fmt.Sprintf("the location's %q is cut from $uri and proxy_pass's URI part %q put in its place", name, u.URI)
	return up, true
}

// scriptedTarget is UpstreamTarget for a location with rewrite module
// directives: a WebSocket handshake for raw is followed through them
// (RouteFrom). The target is known when the request is proxied from loc
// with its URI unchanged (set, if, break); when a rewrite changed the URI
// or the request left loc, the reason says what the backend receives.
func (m *Model) scriptedTarget(loc *Location, raw string, up UpstreamRequest) (UpstreamRequest, bool) {
	a := m.RouteFrom(loc, HTTPRequest{Target: raw, Headers: WebSocketHeaders()})
	path, args, _ := NormalizeURI(raw, loc.Server == nil || loc.Server.MergeSlashes)
	var last *parser.Directive
	for _, s := range a.Steps {
		if s.Dir != nil {
			last = s.Dir
		}
	}
	switch {
	case a.Unknown != "":
		up.Reason = a.Unknown
	case a.Proxy == nil || a.Location != loc:
		up.Reason = "not statically known here: the request does not reach this location's proxy_pass"
		if last != nil {
			up.Reason += fmt.Sprintf(" (%q at %s)", last.Name, last.Position())
		}
	case a.URI != path || a.Args != args:
		up.Reason = "not statically known: the URI is changed before it is passed"
		if last != nil {
			up.Reason = fmt.Sprintf("not statically known: %q at %s changes the URI before it is passed", last.Name, last.Position())
		}
		if a.Proxy.Known {
			up.Reason += "; the backend receives " + a.Proxy.Target
		}
	default:
		return a.Proxy.UpstreamRequest, true
	}
	return up, true
}

// passLevel returns the level, from b up, whose own directives hold pass.
func passLevel(b *Block, pass *parser.Directive) *Block {
	for l := b; l != nil; l = l.Parent {
		for _, d := range l.Own {
			if d == pass {
				return l
			}
		}
	}
	return nil
}

// hostOnlyVariables reports whether every variable in url is set only to
// literal values without "/" (set $upstream_app radarr;), so that it cannot
// add a URI part. Captures and other variables may hold a path.
func (m *Model) hostOnlyVariables(url string) bool {
	for i := 0; i < len(url); i++ {
		if url[i] != '$' {
			continue
		}
		name, n := VarName(url[i:])
		if n == 0 {
			return false
		}
		i += n - 1
		sets := m.Sets[name]
		if len(sets) == 0 || m.MapFor(name) != nil {
			return false
		}
		for _, d := range sets {
			if v := d.Arg(1); strings.ContainsAny(v, "/$") {
				return false
			}
		}
	}
	return true
}
