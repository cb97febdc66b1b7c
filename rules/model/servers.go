package model

import (
	"strconv"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// Server is a server block with what nginx's server selection needs.
type Server struct {
	*Block
	Listens []Listen
	Names   []ServerName
	// Locations are the server-level locations in configuration order.
	Locations []*Location
	// MergeSlashes is the merge_slashes (default on) that applies to the
	// URIs of the requests the server answers: the default server's of its
	// port, since nginx normalises the URI before it reads the Host header
	// (see applyDefaultMergeSlashes). For a server listening on several
	// ports, that of its first listen.
	MergeSlashes bool
}

// Listen is one listen directive.
type Listen struct {
	Dir     *parser.Directive // nil for the implicit "listen *:80"
	Addr    string            // "" or "*" for any address; otherwise an IP or name
	Port    int
	Unix    bool
	Default bool // default_server (or the old "default")
}

// ServerName is one server_name entry.
type ServerName struct {
	Dir  *parser.Directive // nil for the implicit empty name
	Name string            // as written, lower-cased
	// Kind is "exact", "leading" (*.x or .x), "trailing" (x.*) or "regex".
	Kind  string
	Regex *Regex // for Kind "regex"
}

func (b *builder) newServer(d *parser.Directive) *Server {
	s := &Server{MergeSlashes: true}
	s.Block = &Block{Kind: KindServer, Dir: d, Parent: b.m.HTTP}
	s.Server = s
	b.m.HTTP.Children = append(b.m.HTTP.Children, s.Block)
	b.m.Servers = append(b.m.Servers, s)
	return s
}

// finish reads the server's listen, server_name and merge_slashes.
func (s *Server) finish() {
	for _, d := range s.All("listen") {
		s.Listens = append(s.Listens, parseListen(d))
	}
	if len(s.Listens) == 0 {
		// nginx listens on *:80 when run as root (*:8000 otherwise).
		s.Listens = []Listen{{Addr: "*", Port: 80}}
	}
	for _, d := range s.All("server_name") {
		for _, w := range d.Args() {
			s.Names = append(s.Names, parseServerName(d, w.Value))
		}
	}
	if len(s.Names) == 0 {
		s.Names = []ServerName{{Name: "", Kind: "exact"}}
	}
	if d := s.Inherited("merge_slashes"); d != nil && d.Arg(0) == "off" {
		s.MergeSlashes = false
	}
}

func parseListen(d *parser.Directive) Listen {
	l := Listen{Dir: d, Addr: "*", Port: 80}
	a := d.Arg(0)
	if a == "" {
		// "listen;" or `listen "";`: nginx refuses both (the parser
		// reports it); read them as nginx's default listen.
		return l
	}
	for _, w := range d.Args()[1:] {
		if w.Value == "default_server" || w.Value == "default" {
			l.Default = true
		}
	}
	switch {
	case strings.HasPrefix(a, "unix:"):
		l.Unix, l.Addr, l.Port = true, a, 0
	case strings.HasPrefix(a, "["):
		if i := strings.Index(a, "]"); i > 0 {
			l.Addr = a[:i+1]
			if p, err := strconv.Atoi(strings.TrimPrefix(a[i+1:], ":")); err == nil {
				l.Port = p
			}
		}
	default:
		if p, err := strconv.Atoi(a); err == nil {
			l.Port = p
		} else if host, port, ok := strings.Cut(a, ":"); ok {
			l.Addr = host
			if p, err := strconv.Atoi(port); err == nil {
				l.Port = p
			}
		} else {
			l.Addr = a
		}
	}
	if l.Addr == "0.0.0.0" {
		l.Addr = "*"
	}
	return l
}

func parseServerName(d *parser.Directive, name string) ServerName {
	sn := ServerName{Dir: d, Name: strings.ToLower(name), Kind: "exact"}
	switch {
	case strings.HasPrefix(name, "~"):
		sn.Kind = "regex"
		sn.Name = name[1:]
		// server_name regexes are caseless in nginx.
		sn.Regex = CompileRegex(name[1:], true)
	case strings.HasPrefix(name, "*.") || strings.HasPrefix(name, "."):
		sn.Kind = "leading"
	case strings.HasSuffix(name, ".*"):
		sn.Kind = "trailing"
	}
	return sn
}

// ServerMatch is the server nginx picks for a request, and why.
type ServerMatch struct {
	Server *Server
	Name   *ServerName // the name that matched; nil for the default server
	Why    string
}

// FindServer returns the server nginx chooses for a request that arrives on
// port with the Host header host ("" when the request has none, as an
// HTTP/1.0 client sends it). Servers listening on the port form the
// candidates, whatever their address (the local address of the connection is
// not known statically); the default server is the first with
// default_server, else the first in the configuration.
func (m *Model) FindServer(host string, port int) (ServerMatch, bool) {
	cands, def, why := m.portServers(port)
	if len(cands) == 0 {
		return ServerMatch{}, false
	}
	host = normalizeHost(host)
	if host == "" {
		// nginx still looks the empty name up among the exact names
		// (ngx_http_set_virtual_server): a server without server_name,
		// or with server_name "", answers requests without Host rather
		// than the default server. Wildcards and regexes are not tried.
		if ref, ok := m.portGroup(port).exact[""]; ok {
			return ServerMatch{Server: ref.server, Name: &ref.server.Names[ref.name], Why: `no Host header: the empty server_name ""`}, true
		}
		return ServerMatch{Server: def, Why: "no Host header: the " + why}, true
	}
	// Exact names, then the longest leading wildcard, then the longest
	// trailing wildcard, then regexes in order (ngx_http_find_virtual_server).
	if ref, ok := m.portGroup(port).exact[host]; ok {
		return ServerMatch{Server: ref.server, Name: &ref.server.Names[ref.name], Why: `exact server_name "` + host + `"`}, true
	}
	if s, n := bestWildcard(cands, host, "leading"); s != nil {
		return ServerMatch{Server: s, Name: n, Why: `wildcard server_name "` + n.Name + `"`}, true
	}
	if s, n := bestWildcard(cands, host, "trailing"); s != nil {
		return ServerMatch{Server: s, Name: n, Why: `wildcard server_name "` + n.Name + `"`}, true
	}
	for _, s := range cands {
		for i, n := range s.Names {
			if n.Kind != "regex" || n.Regex == nil {
				continue
			}
			if ok, evaluable := n.Regex.MatchString(host); ok && evaluable {
				return ServerMatch{Server: s, Name: &s.Names[i], Why: `regex server_name "~` + n.Name + `"`}, true
			}
		}
	}
	return ServerMatch{Server: def, Why: "no server_name matches: the " + why}, true
}

// DefaultServer returns the default server of port: the first server with
// default_server among those listening on it, else the first; false when
// none listens there. It answers what nginx answers before it has read the
// Host header, such as the 400 for a request-target it rejects, and its
// merge_slashes applies to every request on the port.
func (m *Model) DefaultServer(port int) (*Server, bool) {
	_, def, _ := m.portServers(port)
	return def, def != nil
}

// portServers returns the servers listening on port in configuration order,
// the default server among them (the first with default_server, else the
// first), and why it is the default; no servers when none listens there.
func (m *Model) portServers(port int) (cands []*Server, def *Server, why string) {
	g := m.portGroup(port)
	if g == nil {
		return nil, nil, ""
	}
	return g.servers, g.def, g.why
}

// portGroup is the servers listening on one port, indexed once: a
// configuration with thousands of servers would otherwise be scanned for
// every request and for every server's default.
type portGroup struct {
	servers []*Server
	def     *Server
	why     string
	exact   map[string]nameRef // first server with each exact name
}

type nameRef struct {
	server *Server
	name   int
}

// portGroup returns the group of port, building the index on first use.
func (m *Model) portGroup(port int) *portGroup {
	if m.ports == nil {
		m.ports = map[int]*portGroup{}
		for _, s := range m.Servers {
			seen := map[int]bool{}
			for _, l := range s.Listens {
				if l.Unix || seen[l.Port] {
					continue
				}
				seen[l.Port] = true
				g := m.ports[l.Port]
				if g == nil {
					g = &portGroup{exact: map[string]nameRef{}}
					m.ports[l.Port] = g
				}
				g.servers = append(g.servers, s)
				for i, n := range s.Names {
					if _, dup := g.exact[n.Name]; n.Kind == "exact" && !dup {
						g.exact[n.Name] = nameRef{s, i}
					}
				}
			}
			for _, l := range s.Listens {
				if g := m.ports[l.Port]; !l.Unix && l.Default && g.def == nil {
					g.def = s
				}
			}
		}
		for port, g := range m.ports {
			if g.def != nil {
				g.why = "default_server for port " + strconv.Itoa(port)
			} else {
				g.def = g.servers[0]
				g.why = "first server listening on port " + strconv.Itoa(port)
			}
		}
	}
	return m.ports[port]
}

// applyDefaultMergeSlashes sets each server's MergeSlashes to the
// merge_slashes of the default server of its first port. nginx normalises
// the URI while it reads the request line, with the configuration of the
// default server of the address and port, before the Host header selects a
// server (ngx_http_process_request_line calls ngx_http_process_request_uri
// first), so a merge_slashes in any other server has no effect on its
// requests. It runs once every server's own value is known.
func (m *Model) applyDefaultMergeSlashes() {
	own := make(map[*Server]bool, len(m.Servers))
	for _, s := range m.Servers {
		own[s] = s.MergeSlashes
	}
	for _, s := range m.Servers {
		if len(s.Listens) == 0 || s.Listens[0].Unix {
			continue
		}
		if _, def, _ := m.portServers(s.Listens[0].Port); def != nil {
			s.MergeSlashes = own[def]
		}
	}
}

func bestWildcard(cands []*Server, host, kind string) (*Server, *ServerName) {
	var best *Server
	var bestName *ServerName
	bestLen := -1
	for _, s := range cands {
		for i, n := range s.Names {
			if n.Kind != kind {
				continue
			}
			if ok, l := matchWildcard(n.Name, host); ok && l > bestLen {
				best, bestName, bestLen = s, &s.Names[i], l
			}
		}
	}
	return best, bestName
}

// matchWildcard reports whether the lower-case host matches the wildcard
// name "*.x" (subdomains of x), ".x" (x and its subdomains) or "x.*", and
// the length of the name's fixed part: nginx prefers the longest.
func matchWildcard(name, host string) (ok bool, length int) {
	switch {
	case strings.HasPrefix(name, "*."):
		suffix := name[1:]
		// nginx's wildcard hash also takes ".example.com" for "*.example.com".
		return strings.HasSuffix(host, suffix), len(suffix)
	case strings.HasPrefix(name, "."):
		return host == name[1:] || strings.HasSuffix(host, name), len(name)
	case strings.HasSuffix(name, ".*"):
		prefix := name[:len(name)-1]
		return strings.HasPrefix(host, prefix) && len(host) > len(prefix), len(prefix)
	}
	return false, 0
}

// normalizeHost lower-cases a Host value and drops its port and one
// trailing dot, as nginx's ngx_http_validate_host does.
func normalizeHost(h string) string {
	h = strings.ToLower(h)
	if strings.HasPrefix(h, "[") {
		if i := strings.Index(h, "]"); i > 0 {
			return h[:i+1]
		}
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 {
		h = h[:i]
	}
	return strings.TrimSuffix(h, ".")
}
