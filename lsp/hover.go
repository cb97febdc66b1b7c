package lsp

import (
	"fmt"
	"strings"
	"sync"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// hover answers textDocument/hover: on a location line what nginx does
// with a request for it, on a variable where it is defined, on a directive
// name where nginx accepts it.
func (s *Server) hover(p TextDocumentPositionParams) (any, error) {
	sp, err := s.locate(p.TextDocument.URI, p.Position)
	if err != nil {
		return nil, err
	}
	d, wi := directiveAt(sp.file.Directives, sp.off)
	if d == nil || wi < 0 {
		return nil, nil
	}
	w := d.Words[wi]
	if name, start, end, ok := varAt(sp.file.Src, w, sp.off); ok {
		r := Range{Start: sp.li.position(start), End: sp.li.position(end)}
		return &Hover{Contents: markdown(s.varHover(sp, name)), Range: &r}, nil
	}
	r := Range{Start: sp.li.position(int(w.Start.Offset)), End: sp.li.position(int(w.EndOffset()))}
	if d.Ctx == parser.CtxCustom {
		return nil, nil // a map or types entry: not a directive
	}
	if d.Name == "location" && d.Block != nil {
		if text := s.locationHover(sp, d); text != "" {
			return &Hover{Contents: markdown(text), Range: &r}, nil
		}
	}
	if d.Name == "include" && d.Block == nil && wi == 1 {
		return &Hover{Contents: markdown(s.includeHover(d)), Range: &r}, nil
	}
	if wi >= 1 {
		if u := upstreamNamed(sp.c.res.model(), d); u != nil {
			return &Hover{Contents: markdown(s.upstreamHover(u)), Range: &r}, nil
		}
	}
	if wi == 0 {
		if text := directiveHover(d.Name); text != "" {
			return &Hover{Contents: markdown(text), Range: &r}, nil
		}
	}
	return nil, nil
}

func markdown(s string) MarkupContent { return MarkupContent{Kind: "markdown", Value: s} }

// directiveHover is what nginx's tables say about a directive, with a
// one-line summary for the directives WebSocket proxying depends on.
func directiveHover(name string) string {
	info, ok := parser.LookupDirective(name)
	if !ok {
		return fmt.Sprintf("**%s**: not a directive of nginx itself (a third-party module's, or a typo)", name)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**", name)
	if sum := summaries()[name]; sum != "" {
		fmt.Fprintf(&b, ": %s", sum)
	}
	kind := ""
	if info.Block {
		kind = ", opens a block"
	}
	fmt.Fprintf(&b, "\n\nallowed in: %s; takes %s%s", strings.Join(info.Contexts, ", "), info.Args, kind)
	return b.String()
}

// locationHover shows what nginx does with a WebSocket handshake for the
// location's own path (for a regex location, a path it matches), as
// "nginx-wslint route --websocket" does: the server, whether the request
// reaches this location, what the rewrite directives did, and for a
// proxied request the request line, headers (with their values for the
// handshake), proxy_http_version and proxy_read_timeout, each with where it
// is set.
func (s *Server) locationHover(sp *spot, d *parser.Directive) string {
	m := sp.c.res.model()
	var loc *model.Location
	for _, l := range m.Locations() {
		if l.Dir == d {
			loc = l
			break
		}
	}
	if loc == nil || loc.Server == nil {
		return ""
	}
	srv := loc.Server
	var b strings.Builder
	fmt.Fprintf(&b, "**location %s** in %s", loc.Match(), srv.Describe())
	if srv.Dir != nil {
		fmt.Fprintf(&b, " (%s)", s.place(srv.Dir))
	}
	var ls []string
	for _, l := range srv.Listens {
		if l.Dir != nil {
			ls = append(ls, strings.Join(wordValues(l.Dir.Args()), " "))
		}
	}
	if len(ls) > 0 {
		fmt.Fprintf(&b, ", listen %s", strings.Join(ls, "; "))
	}
	b.WriteString("\n\n")

	req := model.HTTPRequest{Headers: model.WebSocketHeaders(), Port: 80}
	for _, l := range srv.Listens {
		if !l.Unix {
			req.Port = l.Port
			break
		}
	}
	for _, n := range srv.Names {
		if n.Dir != nil && n.Kind == "exact" && n.Name != "" {
			req.Host = n.Name
			break
		}
	}
	switch {
	case (loc.IsPrefix() || loc.Modifier == "=") && strings.HasPrefix(loc.Name, "/"):
		req.Target = loc.Name
	case loc.IsRegex() && loc.Regex != nil:
		if ex, err := loc.Regex.Example("/", func(string) bool { return true }); err == nil && strings.HasPrefix(ex, "/") {
			req.Target = ex
		}
	}
	var a *model.Answer
	if req.Target != "" {
		if ans, err := m.Route(req); err == nil && ans.Server == srv {
			a = ans
		}
	}
	if a == nil {
		// A named location, a regex without an example, or a server the
		// request cannot select by name and port: start at the location.
		if req.Target == "" {
			req.Target = "/"
		}
		a = m.RouteFrom(loc, req)
		fmt.Fprintf(&b, "a WebSocket handshake that reaches this location:\n\n")
	} else {
		host := req.Host
		if host == "" {
			host = "(none)"
		}
		fmt.Fprintf(&b, "a WebSocket handshake `GET %s` (Host: %s, port %d) ", req.Target, host, req.Port)
		switch a.Location {
		case loc:
			fmt.Fprintf(&b, "reaches this location: %s\n\n", strings.Join(a.LocationWhy, "; "))
		case nil:
			b.WriteString("reaches no location\n\n")
		default:
			fmt.Fprintf(&b, "ends in `location %s` (%s), not this one\n\n", a.Location.Match(), s.place(a.Location.Dir))
		}
	}
	for _, st := range a.Steps {
		if st.Dir != nil {
			fmt.Fprintf(&b, "- %s (%s)\n", st.Text, s.place(st.Dir))
		} else {
			fmt.Fprintf(&b, "- %s\n", st.Text)
		}
	}
	if len(a.Steps) > 0 {
		b.WriteString("\n")
	}
	switch {
	case a.Status != 0 && a.Redirect != "":
		fmt.Fprintf(&b, "nginx answers %d with Location `%s`; WebSocket clients do not follow redirects\n\n", a.Status, a.Redirect)
	case a.Status != 0:
		fmt.Fprintf(&b, "nginx answers %d itself\n\n", a.Status)
	}
	if p := a.Proxy; p != nil {
		target := "(not known statically)"
		if p.Known {
			target = p.Target
		}
		fmt.Fprintf(&b, "upstream request: `%s %s HTTP/%s` via `proxy_pass %s` (%s)", p.Method, target, p.HTTPVersion.Value, p.Pass.Arg(0), s.place(p.Pass))
		switch {
		case !p.Known && strings.HasPrefix(p.Pass.Arg(0), "$"):
			b.WriteString(": the URL is a variable, known only at run time")
		case p.Reason != "":
			fmt.Fprintf(&b, ": %s", p.Reason)
		}
		fmt.Fprintf(&b, "\n\n- `proxy_http_version %s` (%s)\n", p.HTTPVersion.Value, s.placeOr(p.HTTPVersion.Dir, m))
		fmt.Fprintf(&b, "- `proxy_read_timeout %s` (%s)\n\nrequest headers sent (and their values for the handshake):\n\n", p.ReadTimeout.Value, s.placeOr(p.ReadTimeout.Dir, m))
		for _, h := range p.Headers {
			fmt.Fprintf(&b, "- `%s: %s`", h.Name, h.Value)
			if h.Known && h.Sent != h.Value {
				if h.Sent == "" {
					b.WriteString(" → not sent (empty)")
				} else {
					fmt.Fprintf(&b, " → `%s`", h.Sent)
				}
			}
			fmt.Fprintf(&b, " (%s)\n", s.placeOr(h.Dir, m))
		}
	} else if a.Status == 0 && a.Unknown == "" {
		b.WriteString("not proxied (no proxy_pass of its own; nested locations do not inherit it)\n")
	}
	if a.Unknown != "" {
		fmt.Fprintf(&b, "\n%s\n", a.Unknown)
	}
	for _, n := range a.Notes {
		fmt.Fprintf(&b, "\nnote: %s\n", n)
	}
	return strings.TrimRight(b.String(), "\n")
}

func wordValues(ws []parser.Word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Value
	}
	return out
}

// place is where a directive is, as file:line, the file relative to the
// first workspace folder when it is inside it.
func (s *Server) place(d *parser.Directive) string {
	return fmt.Sprintf("%s:%d", s.relPath(d.File.Path), d.Start.Line)
}

func (s *Server) placeOr(d *parser.Directive, m *model.Model) string {
	if d == nil {
		if !m.Version.Known {
			return "nginx default"
		}
		return "nginx " + m.Version.String() + " default"
	}
	return s.place(d)
}

func (s *Server) relPath(p string) string {
	for _, root := range s.roots {
		if rest, ok := strings.CutPrefix(p, strings.TrimSuffix(root, "/")+"/"); ok {
			return rest
		}
	}
	return p
}

// varHover says where a variable is defined and what it holds.
func (s *Server) varHover(sp *spot, name string) string {
	m := sp.c.res.model()
	lname := strings.ToLower(name)
	var b strings.Builder
	fmt.Fprintf(&b, "**$%s**", name)
	defined := false
	if mp := m.MapFor(lname); mp != nil {
		defined = true
		fmt.Fprintf(&b, ": defined by `map %s $%s` (%s)", mp.Source, mp.Var, s.place(mp.Dir))
		hs, hok := m.Eval("$"+lname, model.HandshakeRequest())
		ps, pok := m.Eval("$"+lname, model.PlainRequest())
		if hok && pok {
			fmt.Fprintf(&b, "\n\na WebSocket handshake gets `%s`; a plain request gets `%s`", orEmpty(hs), orEmpty(ps))
		}
	}
	if sets := m.Sets[lname]; len(sets) > 0 {
		defined = true
		var at []string
		for _, d := range sets {
			at = append(at, fmt.Sprintf("`set $%s %s` (%s)", name, d.Arg(1), s.place(d)))
		}
		fmt.Fprintf(&b, "\n\nset by %s", strings.Join(at, ", "))
	}
	if defined {
		return b.String()
	}
	if desc := builtinVar(lname); desc != "" {
		fmt.Fprintf(&b, ": nginx built-in, %s", desc)
		return b.String()
	}
	fmt.Fprintf(&b, ": no map or set in this configuration defines it, and it is not one of nginx's built-in variables: nginx refuses to start (`unknown \"%s\" variable`) unless a module defines it", lname)
	if lname == "connection_upgrade" {
		b.WriteString("\n\nadd `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` to the http block")
	}
	return b.String()
}

func orEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// builtinVar describes nginx's built-in variables (the ones of the http
// core, proxy, upstream and common modules).
func builtinVar(name string) string {
	for _, p := range []struct{ prefix, desc string }{
		{"http_", "the request header %s"},
		{"sent_http_", "the response header %s"},
		{"sent_trailer_", "the response trailer %s"},
		{"upstream_http_", "the backend's response header %s"},
		{"upstream_trailer_", "the backend's response trailer %s"},
		{"upstream_cookie_", "the backend's cookie %s"},
		{"cookie_", "the request's cookie %s"},
		{"arg_", "the request's query argument %s"},
	} {
		if rest, ok := strings.CutPrefix(name, p.prefix); ok && rest != "" {
			if p.prefix == "http_" || strings.HasSuffix(p.prefix, "http_") {
				rest = strings.ReplaceAll(rest, "_", "-")
			}
			return fmt.Sprintf(p.desc, "`"+rest+"`")
		}
	}
	if len(name) == 1 && name[0] >= '0' && name[0] <= '9' {
		return "a capture of the last regex matched"
	}
	return builtinVars()[name]
}

// builtinVars describes nginx's variables for hover and completion; built
// on first use, since a command-line check never needs it.
var builtinVars = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"args": "the query string", "arg": "the query string", "query_string": "the query string",
		"binary_remote_addr": "the client address in binary form", "body_bytes_sent": "bytes of the response body sent",
		"bytes_sent": "bytes sent to the client", "connection": "the connection serial number",
		"connection_requests": "the number of requests on this connection", "connection_time": "the connection time in seconds",
		"content_length": "the Content-Length request header", "content_type": "the Content-Type request header",
		"document_root": "root or alias of the request", "document_uri": "the current URI, normalised (same as $uri)",
		"host": "the Host header's name, else the server name", "hostname": "the machine's host name",
		"https": "\"on\" on an SSL connection", "is_args": "\"?\" when the request has arguments",
		"limit_rate": "the response rate limit", "msec": "the current time in seconds with milliseconds",
		"nginx_version": "nginx's version", "pid": "the worker's PID", "pipe": "\"p\" for a pipelined request",
		"proxy_protocol_addr": "the client address from the PROXY protocol header", "proxy_protocol_port": "the client port from the PROXY protocol header",
		"realpath_root": "the real path of root or alias", "remote_addr": "the client address", "remote_port": "the client port",
		"remote_user": "the basic-auth user name", "request": "the full request line", "request_body": "the request body",
		"request_body_file": "the file the request body was saved to", "request_completion": "\"OK\" when the request completed",
		"request_filename": "the file path of the request", "request_id": "a unique request id (32 hex digits)",
		"request_length": "the request's length", "request_method": "the request method", "request_time": "the request time in seconds",
		"request_uri": "the original request URI, with arguments, not normalised", "scheme": "http or https",
		"server_addr": "the address that accepted the request", "server_name": "the name of the server that answers",
		"server_port": "the port that accepted the request", "server_protocol": "the request protocol, such as HTTP/1.1",
		"status": "the response status", "time_iso8601": "local time, ISO 8601", "time_local": "local time, log format",
		"uri":        "the current URI, normalised (changed by rewrite and internal redirects)",
		"proxy_host": "the host and port of the proxy_pass URL (the default Host sent upstream)",
		"proxy_port": "the port of the proxy_pass URL", "proxy_add_x_forwarded_for": "X-Forwarded-For with $remote_addr appended",
		"upstream_addr": "the backend address", "upstream_status": "the backend's status", "upstream_response_time": "the backend's response time",
		"upstream_connect_time": "the time to connect to the backend", "upstream_header_time": "the time to the backend's response header",
		"upstream_cache_status": "the cache status", "upstream_bytes_received": "bytes received from the backend",
		"upstream_bytes_sent": "bytes sent to the backend", "upstream_response_length": "the backend's response length",
		"ssl_protocol": "the SSL protocol", "ssl_cipher": "the SSL cipher", "ssl_server_name": "the SNI server name",
		"ssl_client_verify": "the client certificate verification result", "ssl_session_reused": "\"r\" when the SSL session was reused",
		"http2": "\"h2\" or \"h2c\" for HTTP/2", "http3": "\"h3\" for HTTP/3", "tcpinfo_rtt": "the TCP round-trip time",
		"realip_remote_addr": "the client address before the realip module", "gzip_ratio": "the compression ratio",
		"geoip_country_code": "the GeoIP country code", "sent_http_content_type": "the response's Content-Type",
		"invalid_referer": "set when the Referer is not valid", "secure_link": "the secure_link check result",
		"date_local": "local date (SSI)", "date_gmt": "GMT date (SSI)", "fastcgi_script_name": "the FastCGI script name",
		"fastcgi_path_info": "the FastCGI path info", "ancient_browser": "set for ancient browsers", "modern_browser": "set for modern browsers",
		"msie": "set for MSIE", "server_software": "nginx/version", "time_gmt": "GMT time",
	}
})

// includeHover lists the files an include reads, in nginx's order.
func (s *Server) includeHover(d *parser.Directive) string {
	if d.Unresolved {
		return fmt.Sprintf("**include %s**: the file cannot be read; what it would set is unknown", d.Arg(0))
	}
	if len(d.Included) == 0 {
		return fmt.Sprintf("**include %s**: matches no file (a glob that matches nothing is fine for nginx)", d.Arg(0))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**include %s** reads, in this order:\n", d.Arg(0))
	for _, f := range d.Included {
		fmt.Fprintf(&b, "\n- %s", s.relPath(f.Path))
	}
	return b.String()
}

// upstreamHover shows an upstream's servers and settings.
func (s *Server) upstreamHover(u *model.Upstream) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**upstream %s** (%s)\n", u.Name, s.place(u.Dir))
	for _, d := range u.Own {
		fmt.Fprintf(&b, "\n- `%s %s`", d.Name, strings.Join(wordValues(d.Args()), " "))
	}
	return b.String()
}
