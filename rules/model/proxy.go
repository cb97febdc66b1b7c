package model

import (
	"slices"
	"strings"
	"time"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// Header is one request header nginx sends to the backend.
type Header struct {
	Name, Value string
	// Dir is the proxy_set_header that sets it; nil for nginx's defaults.
	Dir *parser.Directive
}

// Default reports whether the header is one of nginx's implicit ones.
func (h Header) Default() bool { return h.Dir == nil }

// defaultHeaders are the headers ngx_http_proxy_module adds after the
// configured ones, for every name the configuration does not set; an empty
// value sends nothing but still blocks the client's header of that name.
//
// 1.29.7 changed two of them: Connection is no longer "close" but empty
// (not sent), and Proxy-Connection is cleared too.
func defaultHeaders(v Version) []Header {
	connection := "close"
	if v.HTTP11ByDefault() {
		connection = ""
	}
	hs := []Header{
		{Name: "Host", Value: "$proxy_host"},
		{Name: "Connection", Value: connection},
		{Name: "Content-Length", Value: "$proxy_internal_body_length"},
		{Name: "Transfer-Encoding", Value: "$proxy_internal_chunked"},
		{Name: "TE", Value: ""},
		{Name: "Keep-Alive", Value: ""},
		{Name: "Expect", Value: ""},
		{Name: "Upgrade", Value: ""},
	}
	if v.HTTP11ByDefault() {
		hs = slices.Insert(hs, 2, Header{Name: "Proxy-Connection", Value: ""})
	}
	return hs
}

// ProxyHeaders returns the header list nginx builds for requests proxied
// from b: the proxy_set_header lines of the nearest level that has any (a
// level with one inherits none; if and limit_except blocks use their
// location's), then nginx's defaults for every name not set. from is the
// level whose lines are used, nil when none sets any.
//
// The result is computed once per block and shared: callers must not
// modify it.
func (m *Model) ProxyHeaders(b *Block) (headers []Header, from *Block) {
	if c, ok := m.headerCache[b]; ok {
		return c.headers, c.from
	}
	headers, from = m.proxyHeaders(b)
	if m.headerCache == nil {
		m.headerCache = map[*Block]headerList{}
	}
	m.headerCache[b] = headerList{headers, from}
	return headers, from
}

type headerList struct {
	headers []Header
	from    *Block
}

func (m *Model) proxyHeaders(b *Block) (headers []Header, from *Block) {
	dirs, from := b.InheritedArray("proxy_set_header")
	set := map[string]bool{}
	for _, d := range dirs {
		if len(d.Words) != 3 {
			continue
		}
		headers = append(headers, Header{Name: d.Arg(0), Value: d.Arg(1), Dir: d})
		set[strings.ToLower(d.Arg(0))] = true
	}
	for _, h := range defaultHeaders(m.Version) {
		if !set[strings.ToLower(h.Name)] {
			headers = append(headers, h)
		}
	}
	return headers, from
}

// SentHeaders is ProxyHeaders without the headers that are not sent: those
// whose value is empty (a value with variables may also turn out empty at
// run time; those are kept).
func (m *Model) SentHeaders(b *Block) []Header {
	all, _ := m.ProxyHeaders(b)
	var out []Header
	for _, h := range all {
		if h.Value != "" {
			out = append(out, h)
		}
	}
	return out
}

// HeaderValues returns the values set for header name (case-insensitive),
// in order; a name set twice is sent twice.
func HeaderValues(headers []Header, name string) []Header {
	var out []Header
	for _, h := range headers {
		if strings.EqualFold(h.Name, name) {
			out = append(out, h)
		}
	}
	return out
}

// Setting is an effective scalar setting and where it comes from.
type Setting struct {
	Value string
	// Dir is the directive that sets it; nil when nginx's default applies.
	Dir *parser.Directive
}

// HTTPVersion is the effective proxy_http_version of b: the nearest level's,
// else nginx's default, 1.1 from 1.29.7 and 1.0 before (and when the version
// is unknown).
func (m *Model) HTTPVersion(b *Block) Setting {
	if d := b.Inherited("proxy_http_version"); d != nil {
		return Setting{Value: d.Arg(0), Dir: d}
	}
	if m.Version.HTTP11ByDefault() {
		return Setting{Value: "1.1"}
	}
	return Setting{Value: "1.0"}
}

// Timeout is an effective proxy timeout.
type Timeout struct {
	Setting
	Duration time.Duration
	// Invalid is set when the directive's value is not a valid time (nginx
	// refuses the configuration).
	Invalid bool
}

// defaultProxyTimeout is nginx's default for the three proxy timeouts.
const defaultProxyTimeout = 60 * time.Second

// ProxyTimeout is the effective value of proxy_read_timeout,
// proxy_send_timeout or proxy_connect_timeout (name) at b.
func (m *Model) ProxyTimeout(b *Block, name string) Timeout {
	d := b.Inherited(name)
	if d == nil {
		return Timeout{Setting: Setting{Value: "60s"}, Duration: defaultProxyTimeout}
	}
	dur, err := ParseMsec(d.Arg(0))
	return Timeout{Setting: Setting{Value: d.Arg(0), Dir: d}, Duration: dur, Invalid: err != nil}
}

// ProxyPass returns the proxy_pass that handles requests in b: its own; for
// an if or limit_except block without one, its location's (those blocks
// reuse the enclosing target); nil when b does not proxy. Nested locations
// do not inherit proxy_pass.
func (m *Model) ProxyPass(b *Block) *parser.Directive {
	for l := b; l != nil; l = l.Parent {
		if d := l.Get("proxy_pass"); d != nil {
			return d
		}
		if l.Kind != KindIf && l.Kind != KindLimitExcept {
			return nil
		}
	}
	return nil
}
