package model

import (
	"strings"
	"testing"
	"time"
)

// proxyHeadersConf follows §3.2-§3.4 (inheritance verified on nginx
// 1.22.1). Line numbers matter: the expectations name them.
const proxyHeadersConf = `proxy_set_header X-Http h;
proxy_read_timeout 2s;
add_header X-A a;
server {
    listen 80;
    proxy_set_header X-Srv s;
    proxy_http_version 1.1;
    location /none/ { proxy_pass http://b; }
    location /loc/ {
        proxy_set_header X-Loc l;
        proxy_http_version 1.0;
        proxy_connect_timeout 75s;
        proxy_pass http://b;
        if ($arg_x) { proxy_pass http://b; }
        limit_except GET { }
    }
    location /outer/ {
        proxy_set_header X-Outer o;
        proxy_read_timeout 4s;
        proxy_pass http://b;
        location /outer/inherit/ { }
        location /outer/own/ { proxy_set_header X-Inner i; proxy_read_timeout 1h30; add_header X-B b; }
    }
    location /ovr/ {
        proxy_set_header host custom;
        proxy_set_header Connection "";
        proxy_set_header X-Empty "";
        proxy_set_header Upgrade a;
        proxy_set_header upgrade b;
    }
    location /ws/ {
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_read_timeout 1y;
        proxy_pass http://b;
    }
}
server {
    listen 81;
    location / { proxy_pass http://b; }
    if ($host) { }
}
`

// block finds a level of proxyHeadersConf: "http", "server 80", "server 81",
// a location's name, or "NAME if" / "NAME limit_except" / "server 81 if".
func block(t *testing.T, m *Model, name string) *Block {
	t.Helper()
	base, child, _ := strings.Cut(name, " if")
	if strings.HasSuffix(name, " limit_except") {
		base, child = strings.TrimSuffix(name, " limit_except"), "limit_except"
	} else if strings.HasSuffix(name, " if") {
		child = "if"
	}
	var b *Block
	switch base {
	case "http":
		b = m.HTTP
	case "server 80":
		b = m.Servers[0].Block
	case "server 81":
		b = m.Servers[1].Block
	default:
		for _, l := range m.Locations() {
			if l.Name == base {
				b = l.Block
			}
		}
	}
	if b == nil {
		t.Fatalf("no block %q", name)
	}
	if child != "" {
		for _, c := range b.Children {
			if c.Kind.String() == child {
				return c
			}
		}
		t.Fatalf("no %s in %q", child, base)
	}
	return b
}

func headerStrings(hs []Header) []string {
	var out []string
	for _, h := range hs {
		s := h.Name + ": " + h.Value
		if h.Default() {
			s += " (default)"
		} else {
			s += " @" + h.Dir.Position().String()
		}
		out = append(out, s)
	}
	return out
}

func TestProxyHeaders(t *testing.T) {
	old := []string{
		"Host: $proxy_host (default)",
		"Connection: close (default)",
		"Content-Length: $proxy_internal_body_length (default)",
		"Transfer-Encoding: $proxy_internal_chunked (default)",
		"TE:  (default)",
		"Keep-Alive:  (default)",
		"Expect:  (default)",
		"Upgrade:  (default)",
	}
	// From 1.29.7: no "Connection: close", and Proxy-Connection is cleared.
	current := []string{
		"Host: $proxy_host (default)",
		"Connection:  (default)",
		"Proxy-Connection:  (default)",
		"Content-Length: $proxy_internal_body_length (default)",
		"Transfer-Encoding: $proxy_internal_chunked (default)",
		"TE:  (default)",
		"Keep-Alive:  (default)",
		"Expect:  (default)",
		"Upgrade:  (default)",
	}
	with := func(defaults []string, own ...string) []string { return append(own, defaults...) }
	tests := []struct {
		version string
		block   string
		from    string // Describe() of the level whose lines are used
		want    []string
	}{
		{"", "http", "http", with(old, "X-Http: h @t.conf:1:1")},
		{"", "server 80", "server", with(old, "X-Srv: s @t.conf:6:5")},
		// A level with no proxy_set_header inherits its parent's whole set.
		{"", "/none/", "server", with(old, "X-Srv: s @t.conf:6:5")},
		// A level with one inherits none.
		{"", "/loc/", `location "/loc/"`, with(old, "X-Loc: l @t.conf:10:9")},
		// if and limit_except blocks see their location's.
		{"", "/loc/ if", `location "/loc/"`, with(old, "X-Loc: l @t.conf:10:9")},
		{"", "/loc/ limit_except", `location "/loc/"`, with(old, "X-Loc: l @t.conf:10:9")},
		// Nested locations inherit from the outer one unless they set their own.
		{"", "/outer/", `location "/outer/"`, with(old, "X-Outer: o @t.conf:18:9")},
		{"", "/outer/inherit/", `location "/outer/"`, with(old, "X-Outer: o @t.conf:18:9")},
		{"", "/outer/own/", `location "/outer/own/"`, with(old, "X-Inner: i @t.conf:22:32")},
		// A second server without its own lines gets the http level's.
		{"", "server 81", "http", with(old, "X-Http: h @t.conf:1:1")},
		{"", "/", "http", with(old, "X-Http: h @t.conf:1:1")},
		{"", "server 81 if", "http", with(old, "X-Http: h @t.conf:1:1")},
		// Defaults are overridden by name, case-insensitively; empty values
		// and duplicates are kept in the list.
		{"", "/ovr/", `location "/ovr/"`, []string{
			"host: custom @t.conf:25:9",
			"Connection:  @t.conf:26:9",
			"X-Empty:  @t.conf:27:9",
			"Upgrade: a @t.conf:28:9",
			"upgrade: b @t.conf:29:9",
			"Content-Length: $proxy_internal_body_length (default)",
			"Transfer-Encoding: $proxy_internal_chunked (default)",
			"TE:  (default)",
			"Keep-Alive:  (default)",
			"Expect:  (default)",
		}},
		{"", "/ws/", `location "/ws/"`, []string{
			"Upgrade: $http_upgrade @t.conf:32:9",
			"Connection: $connection_upgrade @t.conf:33:9",
			"Host: $proxy_host (default)",
			"Content-Length: $proxy_internal_body_length (default)",
			"Transfer-Encoding: $proxy_internal_chunked (default)",
			"TE:  (default)",
			"Keep-Alive:  (default)",
			"Expect:  (default)",
		}},
		// The default list follows the version.
		{"1.22.1", "/none/", "server", with(old, "X-Srv: s @t.conf:6:5")},
		{"1.29.6", "/none/", "server", with(old, "X-Srv: s @t.conf:6:5")},
		{"1.29.7", "/none/", "server", with(current, "X-Srv: s @t.conf:6:5")},
		{"1.30.0", "/", "http", with(current, "X-Http: h @t.conf:1:1")},
		{"1.29.7", "/ws/", `location "/ws/"`, []string{
			"Upgrade: $http_upgrade @t.conf:32:9",
			"Connection: $connection_upgrade @t.conf:33:9",
			"Host: $proxy_host (default)",
			"Proxy-Connection:  (default)",
			"Content-Length: $proxy_internal_body_length (default)",
			"Transfer-Encoding: $proxy_internal_chunked (default)",
			"TE:  (default)",
			"Keep-Alive:  (default)",
			"Expect:  (default)",
		}},
	}
	for _, tt := range tests {
		var v Version
		if tt.version != "" {
			v, _ = ParseVersion(tt.version)
		}
		m := buildConf(t, proxyHeadersConf, v)
		b := block(t, m, tt.block)
		hs, from := m.ProxyHeaders(b)
		got := headerStrings(hs)
		gotFrom := "(none)"
		if from != nil {
			gotFrom = from.Describe()
		}
		if !equalStrings(got, tt.want) || gotFrom != tt.from {
			t.Errorf("version %q, %s: ProxyHeaders from %s =\n%s\nwant from %s\n%s", tt.version, tt.block, gotFrom, lines(got), tt.from, lines(tt.want))
		}
		// Computed once and shared.
		if again, _ := m.ProxyHeaders(b); len(again) > 0 && &again[0] != &hs[0] {
			t.Errorf("%s: ProxyHeaders is not cached", tt.block)
		}
	}
}

func TestSentHeaders(t *testing.T) {
	tests := []struct {
		version string
		block   string
		want    []string // Name: Value
	}{
		{"", "/none/", []string{"X-Srv: s", "Host: $proxy_host", "Connection: close",
			"Content-Length: $proxy_internal_body_length", "Transfer-Encoding: $proxy_internal_chunked"}},
		{"1.29.7", "/none/", []string{"X-Srv: s", "Host: $proxy_host",
			"Content-Length: $proxy_internal_body_length", "Transfer-Encoding: $proxy_internal_chunked"}},
		// An empty value sends nothing; duplicates are all sent.
		{"", "/ovr/", []string{"host: custom", "Upgrade: a", "upgrade: b",
			"Content-Length: $proxy_internal_body_length", "Transfer-Encoding: $proxy_internal_chunked"}},
		// Values with variables are kept (they may be empty at run time).
		{"1.29.7", "/ws/", []string{"Upgrade: $http_upgrade", "Connection: $connection_upgrade", "Host: $proxy_host",
			"Content-Length: $proxy_internal_body_length", "Transfer-Encoding: $proxy_internal_chunked"}},
	}
	for _, tt := range tests {
		var v Version
		if tt.version != "" {
			v, _ = ParseVersion(tt.version)
		}
		m := buildConf(t, proxyHeadersConf, v)
		var got []string
		for _, h := range m.SentHeaders(block(t, m, tt.block)) {
			got = append(got, h.Name+": "+h.Value)
		}
		if !equalStrings(got, tt.want) {
			t.Errorf("version %q, %s: SentHeaders =\n%s\nwant\n%s", tt.version, tt.block, lines(got), lines(tt.want))
		}
	}
}

func TestHeaderValues(t *testing.T) {
	m := buildConf(t, proxyHeadersConf, Version{})
	hs, _ := m.ProxyHeaders(block(t, m, "/ovr/"))
	tests := []struct {
		name string
		want []string
	}{
		{"UPGRADE", []string{"Upgrade: a", "upgrade: b"}},
		{"Host", []string{"host: custom"}},
		{"connection", []string{"Connection: "}},
		{"TE", []string{"TE: "}},
		{"X-Missing", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range HeaderValues(hs, tt.name) {
			got = append(got, h.Name+": "+h.Value)
		}
		if !equalStrings(got, tt.want) {
			t.Errorf("HeaderValues(%q) = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestHTTPVersion(t *testing.T) {
	tests := []struct {
		version string
		block   string
		want    string
		at      string // where it is set; "" for nginx's default
	}{
		{"", "http", "1.0", ""},
		{"", "server 80", "1.1", "t.conf:7:5"},
		{"", "/none/", "1.1", "t.conf:7:5"},
		{"", "/loc/", "1.0", "t.conf:11:9"},
		{"", "/loc/ if", "1.0", "t.conf:11:9"},
		{"", "/loc/ limit_except", "1.0", "t.conf:11:9"},
		{"", "/outer/inherit/", "1.1", "t.conf:7:5"},
		{"", "/", "1.0", ""},
		{"", "server 81 if", "1.0", ""},
		{"1.22.1", "/", "1.0", ""},
		{"1.29.6", "/", "1.0", ""},
		{"1.29.7", "/", "1.1", ""},
		{"1.30.0", "/", "1.1", ""},
		{"1.29.7", "/loc/", "1.0", "t.conf:11:9"},
		{"1.29.7", "/loc/ if", "1.0", "t.conf:11:9"},
	}
	for _, tt := range tests {
		var v Version
		if tt.version != "" {
			v, _ = ParseVersion(tt.version)
		}
		m := buildConf(t, proxyHeadersConf, v)
		s := m.HTTPVersion(block(t, m, tt.block))
		at := ""
		if s.Dir != nil {
			at = s.Dir.Position().String()
		}
		if s.Value != tt.want || at != tt.at {
			t.Errorf("version %q, %s: HTTPVersion = %q at %q; want %q at %q", tt.version, tt.block, s.Value, at, tt.want, tt.at)
		}
	}
}

func TestProxyTimeout(t *testing.T) {
	m := buildConf(t, proxyHeadersConf, Version{})
	tests := []struct {
		block, name string
		value       string
		dur         time.Duration
		invalid     bool
		at          string
	}{
		{"http", "proxy_read_timeout", "2s", 2 * time.Second, false, "t.conf:2:1"},
		{"/", "proxy_read_timeout", "2s", 2 * time.Second, false, "t.conf:2:1"},
		{"/none/", "proxy_read_timeout", "2s", 2 * time.Second, false, "t.conf:2:1"},
		{"/loc/ if", "proxy_read_timeout", "2s", 2 * time.Second, false, "t.conf:2:1"},
		{"/outer/", "proxy_read_timeout", "4s", 4 * time.Second, false, "t.conf:19:9"},
		{"/outer/inherit/", "proxy_read_timeout", "4s", 4 * time.Second, false, "t.conf:19:9"},
		{"/outer/own/", "proxy_read_timeout", "1h30", time.Hour + 30*time.Second, false, "t.conf:22:60"},
		{"/ws/", "proxy_read_timeout", "1y", 0, true, "t.conf:34:9"},
		{"/loc/", "proxy_connect_timeout", "75s", 75 * time.Second, false, "t.conf:12:9"},
		{"/loc/ if", "proxy_connect_timeout", "75s", 75 * time.Second, false, "t.conf:12:9"},
		{"/loc/ limit_except", "proxy_connect_timeout", "75s", 75 * time.Second, false, "t.conf:12:9"},
		{"/none/", "proxy_connect_timeout", "60s", 60 * time.Second, false, ""},
		{"/outer/own/", "proxy_send_timeout", "60s", 60 * time.Second, false, ""},
		{"server 81 if", "proxy_send_timeout", "60s", 60 * time.Second, false, ""},
	}
	for _, tt := range tests {
		to := m.ProxyTimeout(block(t, m, tt.block), tt.name)
		at := ""
		if to.Dir != nil {
			at = to.Dir.Position().String()
		}
		if to.Value != tt.value || to.Duration != tt.dur || to.Invalid != tt.invalid || at != tt.at {
			t.Errorf("%s %s = %q %v invalid %v at %q; want %q %v invalid %v at %q",
				tt.block, tt.name, to.Value, to.Duration, to.Invalid, at, tt.value, tt.dur, tt.invalid, tt.at)
		}
	}
}

func TestProxyPass(t *testing.T) {
	m := buildConf(t, proxyHeadersConf, Version{})
	tests := []struct {
		block string
		at    string // the proxy_pass that handles requests; "" when none
	}{
		{"/none/", "t.conf:8:23"},
		{"/loc/", "t.conf:13:9"},
		{"/loc/ if", "t.conf:14:23"},          // its own
		{"/loc/ limit_except", "t.conf:13:9"}, // its location's
		{"/outer/", "t.conf:20:9"},
		{"/outer/inherit/", ""}, // nested locations do not inherit proxy_pass
		{"/outer/own/", ""},
		{"/ovr/", ""},
		{"/", "t.conf:40:18"},
		{"server 81", ""},
		{"server 81 if", ""},
		{"http", ""},
	}
	for _, tt := range tests {
		b := block(t, m, tt.block)
		d := m.ProxyPass(b)
		at := ""
		if d != nil {
			at = d.Position().String()
		}
		if at != tt.at {
			t.Errorf("ProxyPass(%s) at %q; want %q", tt.block, at, tt.at)
		}
		if _, proxied := m.UpstreamTarget(b, "/x", nil); proxied != (tt.at != "") {
			t.Errorf("UpstreamTarget(%s) proxied = %v; want %v", tt.block, proxied, tt.at != "")
		}
	}
}

// add_header follows the same all-or-nothing rule (§3.5).
func TestInheritedArray(t *testing.T) {
	m := buildConf(t, proxyHeadersConf, Version{})
	for name, want := range map[string]string{
		"/none/": "X-A a", "/outer/inherit/": "X-A a", "/outer/own/": "X-B b", "server 81 if": "X-A a",
	} {
		ds, from := block(t, m, name).InheritedArray("add_header")
		var got []string
		for _, d := range ds {
			got = append(got, d.Arg(0)+" "+d.Arg(1))
		}
		if strings.Join(got, ", ") != want || from == nil {
			t.Errorf("%s: add_header %q; want %q", name, got, want)
		}
	}
	if ds, from := m.HTTP.InheritedArray("nosuch"); ds != nil || from != nil {
		t.Errorf("InheritedArray(nosuch) = %v, %v; want nil, nil", ds, from)
	}
}
