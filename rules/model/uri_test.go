package model

import (
	"errors"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// buildConf builds the model of src read as the content of an http block,
// with no files around it; src must parse without errors.
func buildConf(t *testing.T, src string, v Version) *Model {
	t.Helper()
	cfg := parser.ParseBytes("t.conf", src, parser.Options{Context: parser.CtxHTTP, FS: parser.NewMemFS(nil)})
	if len(cfg.Errors) > 0 {
		t.Fatalf("parse errors: %v", cfg.Errors)
	}
	return Build(cfg, Options{Version: v})
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func lines(ss []string) string {
	if len(ss) == 0 {
		return "\t(none)"
	}
	return "\t" + strings.Join(ss, "\n\t")
}

// NormalizeURI: §5.5 of nginx-semantics.md. Every expected $uri and $args
// was also read back from nginx 1.22.1 (return 200 "[$uri][$args]").
func TestNormalizeURI(t *testing.T) {
	const bad = "400"
	tests := []struct {
		target string
		merge  bool // merge_slashes
		path   string
		args   string
	}{
		// §5.5's table, in order.
		{"/app//api/x", true, "/app/api/x", ""},
		{"//app/api/x", true, "/app/api/x", ""},
		{"/app/./api/x", true, "/app/api/x", ""},
		{"/app/../static/x", true, "/static/x", ""},
		{"/app/%61pi/x", true, "/app/api/x", ""},
		{"/app%2Fapi/x", true, "/app/api/x", ""},
		{"/app/api/%2e%2e/x", true, "/app/x", ""},
		{"/app/api/x%3Fq", true, "/app/api/x?q", ""},
		{"/../x", true, bad, ""},
		{"/app/api/%00", true, bad, ""},
		{"/app/api/%zz", true, bad, ""},
		{"/enc%20x", true, "/enc x", ""},
		{"/enc%2520x", true, "/enc%20x", ""},
		// merge_slashes off.
		{"/a/b", false, "/a/b", ""},
		{"/a/b/", false, "/a/b/", ""},
		{"//a/b", false, "//a/b", ""},
		{"/a//b", false, "/a//b", ""},
		{"/a//../b", false, "/a/b", ""},
		{"/a/.//b", false, "/a//b", ""},
		{"///", false, "///", ""},
		{"/a//", false, "/a//", ""},
		// Trailing dot segments.
		{"/app/api/x/..", true, "/app/api/", ""},
		{"/app/api/x/.", true, "/app/api/x/", ""},
		{"/app/api/.", true, "/app/api/", ""},
		{"/app/api/%2e", true, "/app/api/", ""},
		{"/a/./", true, "/a/", ""},
		{"/a/b/../", true, "/a/", ""},
		{"/.", true, "/", ""},
		{"/..", true, bad, ""},
		{"/app/../../x", true, bad, ""},
		{"/app/.%2e/static/x", true, "/static/x", ""},
		{"/app/api/..%2Fx", true, "/app/x", ""},
		{"/a%2F..%2Fb", true, "/b", ""},
		{"/%2F%2Fa", true, "/a", ""},
		{"/a/...", true, "/a/...", ""},
		{"/app/a..b/x", true, "/app/a..b/x", ""},
		// A decoded "%", "#" or "?" is a plain character.
		{"/a%25b", true, "/a%b", ""},
		{"/a%23b", true, "/a#b", ""},
		{"/a/..%25", true, "/a/..%", ""},
		{"/a/.%25", true, "/a/.%", ""},
		{"/x%3F?y=%3F", true, "/x?", "y=%3F"},
		{"/%7e", true, "/~", ""},
		{"/a+b", true, "/a+b", ""},
		// Malformed escapes.
		{"/app/api/%4", true, bad, ""},
		{"/a%", true, bad, ""},
		{"/a%%41", true, bad, ""},
		{"/a%g0", true, bad, ""},
		// The query string and the fragment.
		{"/p/foo?a=1", true, "/p/foo", "a=1"},
		{"/p/x?", true, "/p/x", ""},
		{"/p//x?a=%2F//", true, "/p/x", "a=%2F//"},
		{"/app/api/x#frag", true, "/app/api/x", ""},
		{"/a#b?c=1", true, "/a", ""},
		{"/a?x#y", true, "/a", "x"},
		{"/a?b?c", true, "/a", "b?c"},
		// Not a path.
		{"", true, bad, ""},
		{"a/b", true, bad, ""},
		{"*", true, bad, ""},
	}
	for _, tt := range tests {
		path, args, err := NormalizeURI(tt.target, tt.merge)
		if tt.path == bad {
			if err == nil || !errors.Is(err, errBadRequest) {
				t.Errorf("NormalizeURI(%q, %v) = %q, %q, %v; want a 400", tt.target, tt.merge, path, args, err)
			}
			continue
		}
		if err != nil || path != tt.path || args != tt.args {
			t.Errorf("NormalizeURI(%q, %v) = %q, %q, %v; want %q, %q", tt.target, tt.merge, path, args, err, tt.path, tt.args)
		}
	}
}

// EscapeURI is ngx_escape_uri(NGX_ESCAPE_URI) of nginx 1.22.1; the
// expectations are what the backend received for /p2/... on
// "location /p2/ { proxy_pass http://b/x/; }" with a %-escape in the path.
func TestEscapeURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"/x/foo", "/x/foo"},
		{"/x/a b", "/x/a%20b"},
		{"/x/a{b}A", "/x/a%7Bb%7DA"},
		{`/x/a"b|c^dA`, "/x/a%22b%7Cc%5EdA"},
		{"/x/a<b>\\c`dA", "/x/a%3Cb%3E%5Cc%60dA"},
		{"/x/\x7fA", "/x/%7FA"},
		{"/x/\xc3\xa9", "/x/%C3%A9"},
		{"/x/a%b", "/x/a%25b"},
		{"/x/a#b", "/x/a%23b"},
		{"/x/a?b", "/x/a%3Fb"},
		{"/x/a+bA", "/x/a+bA"},
		{"/x/a'b()*!$&=,;:@[]A", "/x/a'b()*!$&=,;:@[]A"},
		{"/x/~", "/x/~"},
		{"\x00\x01\x1f", "%00%01%1F"},
		{"\t\r\n", "%09%0D%0A"},
	}
	for _, tt := range tests {
		if got := EscapeURI(tt.in); got != tt.want {
			t.Errorf("EscapeURI(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseProxyURL(t *testing.T) {
	tests := []struct {
		in   string
		want ProxyURL
		err  string
	}{
		{"http://b", ProxyURL{Scheme: "http", Host: "b"}, ""},
		{"http://b/", ProxyURL{Scheme: "http", Host: "b", URI: "/", HasURI: true}, ""},
		{"http://b/x/", ProxyURL{Scheme: "http", Host: "b", URI: "/x/", HasURI: true}, ""},
		{"http://b/x", ProxyURL{Scheme: "http", Host: "b", URI: "/x", HasURI: true}, ""},
		{"https://b:8443/x/y?z", ProxyURL{Scheme: "https", Host: "b:8443", URI: "/x/y?z", HasURI: true}, ""},
		{"http://127.0.0.1:8080", ProxyURL{Scheme: "http", Host: "127.0.0.1:8080"}, ""},
		{"http://[::1]:8080/", ProxyURL{Scheme: "http", Host: "[::1]:8080", URI: "/", HasURI: true}, ""},
		{"http://$up", ProxyURL{Scheme: "http", Host: "$up", Variables: true}, ""},
		{"http://$up/x/", ProxyURL{Scheme: "http", Host: "$up", URI: "/x/", HasURI: true, Variables: true}, ""},
		{"http://b$1", ProxyURL{Scheme: "http", Host: "b$1", Variables: true}, ""},
		{"http://b$1$is_args$args", ProxyURL{Scheme: "http", Host: "b$1$is_args$args", Variables: true}, ""},
		{"http://b/$1", ProxyURL{Scheme: "http", Host: "b", URI: "/$1", HasURI: true, Variables: true}, ""},
		{"b", ProxyURL{}, "invalid URL prefix"},
		{"ws://b", ProxyURL{}, "invalid URL prefix"},
		{"grpc://b", ProxyURL{}, "invalid URL prefix"},
		{"", ProxyURL{}, "invalid URL prefix"},
	}
	for _, tt := range tests {
		got, err := ParseProxyURL(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ParseProxyURL(%q) = %+v, %v; want error %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseProxyURL(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
}

// nginx reads the scheme case-insensitively (ngx_strncasecmp in
// ngx_http_proxy_pass), and a unix socket URL's URI part starts after the
// socket path's ":" (ngx_parse_unix_domain_url). Verified on 1.22.1:
// "location /a/ { proxy_pass HTTP://b/x/; }" sent /x/foo for /a/foo;
// "location /u/ { proxy_pass http://unix:/tmp/s.sock; }" sent /u/foo?q=1 for
// /u/foo?q=1; "location /u2/ { proxy_pass http://unix:/tmp/s.sock:/y/; }"
// sent /y/foo?q=1.
func TestParseProxyURLNginxForms(t *testing.T) {
	tests := []struct {
		in   string
		want ProxyURL
	}{
		{"HTTP://b/x/", ProxyURL{Scheme: "http", Host: "b", URI: "/x/", HasURI: true}},
		{"Https://b", ProxyURL{Scheme: "https", Host: "b"}},
		{"http://unix:/tmp/s.sock", ProxyURL{Scheme: "http", Host: "unix:/tmp/s.sock"}},
		{"http://unix:/tmp/s.sock:/y/", ProxyURL{Scheme: "http", Host: "unix:/tmp/s.sock:", URI: "/y/", HasURI: true}},
	}
	for _, tt := range tests {
		got, err := ParseProxyURL(tt.in)
		if err != nil || got.HasURI != tt.want.HasURI || got.URI != tt.want.URI || got.Scheme != tt.want.Scheme {
			t.Errorf("ParseProxyURL(%q) = %+v, %v; want URI part %q (HasURI %v), scheme %q",
				tt.in, got, err, tt.want.URI, tt.want.HasURI, tt.want.Scheme)
		}
	}
}

// proxyConf holds §6.2's locations (the differential test's hand-proxy-pass
// configuration) and a merge_slashes off server.
const proxyConf = `
upstream b { server 127.0.0.1:9; }
server {
    listen 80;
    location /p0/ { proxy_pass http://b; }
    location /p1/ { proxy_pass http://b/; }
    location /p2/ { proxy_pass http://b/x/; }
    location /p3 { proxy_pass http://b/; }
    location /p4/ { proxy_pass http://b/x; }
    location /p5 { proxy_pass http://b/x/; }
    location = /exact { proxy_pass http://b/x; }
    location ~ ^/r(/.*)$ { proxy_pass http://b; }
    location ~ ^/rv(/.*)$ { proxy_pass http://b$1; }
    location ~ ^/rva(/.*)$ { proxy_pass http://b$1$is_args$args; }
    location ~ ^/rfix(/.*)$ { proxy_pass http://b/fixed$1; }
    location ~ ^/ruri/ { proxy_pass http://b/bad/; }
    location /v/ { set $up b; proxy_pass http://$up; }
    location /v2/ { set $up b; proxy_pass http://$up/x/; }
    location /rw/ { rewrite ^/rw/(.*)$ /new/$1 break; proxy_pass http://b/x/; }
    location /rw2/ { rewrite ^/rw2/(.*)$ /new/$1 break; proxy_pass http://b; }
    location /if/ {
        if ($arg_a) { proxy_pass http://b; }
        proxy_pass http://b/x/;
    }
    location /if2/ {
        if ($arg_a) { add_header X-If 1; }
        proxy_pass http://b/x/;
    }
    location /if3/ {
        if ($arg_a) { proxy_pass http://b; }
    }
    location /rwif/ {
        if ($arg_a) { add_header X-If 1; }
        rewrite ^/rwif/(.*)$ /new/$1 break;
        proxy_pass http://b/x/;
    }
    location /lmt/ { limit_except GET { proxy_pass http://b; } }
    location /tonamed/ { try_files /nonexistent @be; }
    location @be { proxy_pass http://b; }
    location /setargs/ { set $args "replaced=1"; proxy_pass http://b; }
    location /nested/ {
        proxy_pass http://b/n/;
        location /nested/inner/ { }
        location /nested/own/ { proxy_pass http://b/o/; }
    }
    location /badurl/ { proxy_pass ws://b/; }
}
server {
    listen 81;
    merge_slashes off;
    location /p2/ { proxy_pass http://b/x/; }
    location /p0/ { proxy_pass http://b; }
}
`

// TestUpstreamTarget: §6.2's run-time table. Target "?" is "not
// statically known", "-" is "not proxied", "!" is a configuration nginx
// refuses (or a request it rejects).
func TestUpstreamTarget(t *testing.T) {
	m := buildConf(t, proxyConf, Version{})
	tests := []struct {
		port   int
		target string
		inIf   bool   // the request makes the location's if (or limit_except) block apply
		want   string // the request-target the backend receives
		reason string // a substring of UpstreamRequest.Reason
	}{
		{80, "/p0/foo", false, "/p0/foo", "without a URI part"},
		{80, "/p0/a%20b/../c?q=1", false, "/p0/a%20b/../c?q=1", "unchanged"},
		{80, "/p0//foo", false, "/p0//foo", ""},
		{80, "/p1/foo", false, "/foo", `"/p1/" is cut`},
		{80, "/p1/a%20b/../c?q=1", false, "/c?q=1", ""},
		{80, "/p2/foo?a=1", false, "/x/foo?a=1", ""},
		{80, "/p2//foo", false, "/x/foo", ""},
		{80, "/p2/a%20b", false, "/x/a%20b", ""},
		{80, "/p2/%7e", false, "/x/~", ""},
		{80, "/p2/a%2Fb", false, "/x/a/b", ""},
		{80, "/p2/a%3Fb", false, "/x/a%3Fb", ""},
		{80, "/p2/", false, "/x/", ""},
		{80, "/p2/a{b}", false, "/x/a{b}", ""},
		{80, "/p2/a{b}%41", false, "/x/a%7Bb%7DA", ""},
		{80, "/p2/a%25b", false, "/x/a%25b", ""},
		{80, "/p2/a%23b", false, "/x/a%23b", ""},
		{80, "/p2/a%20b?x=%20y", false, "/x/a%20b?x=%20y", ""},
		// Re-escaping only when the path (not the query or fragment) held a
		// %-escape (verified on 1.22.1).
		{80, "/p2//a{b}%41", false, "/x/a%7Bb%7DA", ""},
		{80, "/p2/%41//a{b}", false, "/x/A/a%7Bb%7D", ""},
		{80, "/p2//a{b}", false, "/x/a{b}", ""},
		{80, "/p2/./a{b}", false, "/x/a{b}", ""},
		{80, "/p2/a{b}#%41", false, "/x/a{b}", ""},
		{80, "/p2/a{b}?%41", false, "/x/a{b}?%41", ""},
		{80, "/p0/a{b}", false, "/p0/a{b}", ""},
		{80, "/p3/foo", false, "//foo", ""},
		{80, "/p3/", false, "//", ""},
		{80, "/p3foo", false, "/foo", ""},
		{80, "/p3", false, "/", ""},
		{80, "/p4/foo", false, "/xfoo", ""},
		{80, "/p4/", false, "/x", ""},
		{80, "/p5/foo", false, "/x//foo", ""},
		{80, "/p5foo", false, "/x/foo", ""},
		{80, "/p5", false, "/x/", ""},
		{80, "/exact?a=1", false, "/x?a=1", ""},
		{80, "/r/a%20b/../c", false, "/r/a%20b/../c", "unchanged"},
		{80, "/rv/foo?q=1", false, "/foo", "variables and a URI part"},
		{80, "/rv/a%20b", false, "/a b", ""}, // the capture is decoded, not re-escaped
		{80, "/rfix/a?q=1", false, "/fixed/a", ""},
		{80, "/rva/foo?q=1", false, "?", "not statically known"}, // nginx: /foo?q=1 ($is_args)
		{80, "/ruri/a", false, "!", "refuses a URI part"},
		{80, "/v/a%20b/../c", false, "/v/a%20b/../c", "the client's request-target is sent unchanged"}, // nginx: /v/a%20b/../c
		{80, "/v2/foo?q=1", false, "/x/", "its URI part is sent as it is"},                             // nginx: /x/
		{80, "/rw/foo?q=1", false, "?", `"rewrite" at t.conf:19`},                                      // nginx: /new/foo?q=1
		{80, "/rw2/a%20b?q=1", false, "?", "not statically known"},                                     // nginx: /new/a%20b?q=1
		{80, "/if/foo?a=1", true, "/if/foo?a=1", "without a URI part"},
		{80, "/if/foo", false, "/x/foo", ""},
		{80, "/if2/foo?a=1", true, "/x/foo?a=1", ""},
		{80, "/if2/foo", false, "/x/foo", ""},
		{80, "/if3/foo?a=1", true, "/if3/foo?a=1", ""},
		{80, "/if3/foo", false, "-", ""},
		{80, "/rwif/foo?a=1", true, "?", `"rewrite" at t.conf:34`}, // nginx: /new/foo?a=1
		{80, "/rwif/foo", false, "?", "not statically known"},
		{80, "/lmt/x?q", true, "/lmt/x?q", "without a URI part"},
		{80, "/lmt/x", false, "-", ""},
		{80, "/tonamed/a", false, "-", ""}, // try_files is not followed
		{80, "/setargs/foo?q=1", false, "?", `"set" at t.conf:40:26 changes the URI before it is passed; the backend receives /setargs/foo?replaced=1`},
		{80, "/nested/x", false, "/n/x", ""},
		{80, "/nested/inner/foo", false, "-", ""}, // proxy_pass is not inherited
		{80, "/nested/own/foo", false, "/o/foo", ""},
		{80, "/badurl/x", false, "!", "invalid URL prefix"},
		{80, "/p2/%zz", false, "!", "400"},
		{81, "/p2//foo", false, "/x//foo", ""},
		{81, "/p2/a/./b//c", false, "/x/a/b//c", ""},
		{81, "/p0//foo", false, "/p0//foo", ""},
	}
	for _, tt := range tests {
		sm, ok := m.FindServer("", tt.port)
		if !ok {
			t.Fatalf("no server on port %d", tt.port)
		}
		// A 400 is decided before the location: route the raw path.
		path, _, err := NormalizeURI(tt.target, sm.Server.MergeSlashes)
		if err != nil {
			path = tt.target[:strings.IndexByte(tt.target, '%')]
		}
		lm := sm.Server.FindLocation(path)
		if lm.Location == nil || lm.Redirect || lm.Err != nil {
			t.Errorf("%d %s: location %v, redirect %v, err %v", tt.port, tt.target, lm.Location, lm.Redirect, lm.Err)
			continue
		}
		blk := lm.Location.Block
		if tt.inIf {
			if len(blk.Children) != 1 {
				t.Fatalf("%s: location has %d if/limit_except blocks", tt.target, len(blk.Children))
			}
			blk = blk.Children[0]
		}
		up, proxied := m.UpstreamTarget(blk, tt.target, lm.Captures)
		var got string
		switch {
		case !proxied:
			got = "-"
		case up.Known:
			got = up.Target
		case strings.HasPrefix(up.Reason, "not statically known"):
			got = "?"
		default:
			got = "!"
		}
		if got != tt.want || !strings.Contains(up.Reason, tt.reason) {
			t.Errorf("%d %s (if %v): UpstreamTarget = %q (Known %v, Reason %q); want %q with reason containing %q",
				tt.port, tt.target, tt.inIf, got, up.Known, up.Reason, tt.want, tt.reason)
		}
		if proxied && up.Pass == nil {
			t.Errorf("%s: UpstreamRequest.Pass is nil", tt.target)
		}
	}
}

// The §6.2 row "/p1" and its kind are answered by location selection: a
// 301, the request never reaches the backend.
func TestUpstreamTargetRedirect(t *testing.T) {
	m := buildConf(t, proxyConf, Version{})
	sm, _ := m.FindServer("", 80)
	for _, uri := range []string{"/p0", "/p1", "/p2", "/p4", "/v", "/rw", "/if", "/nested"} {
		lm := sm.Server.FindLocation(uri)
		if !lm.Redirect || lm.Location == nil || lm.Location.Name != uri+"/" {
			t.Errorf("FindLocation(%q): location %v, redirect %v; want a 301 from location %q", uri, lm.Location, lm.Redirect, uri+"/")
		}
	}
	// No redirect for locations without a trailing "/", or that do not
	// proxy themselves.
	for uri, want := range map[string]string{"/p3": "/p3", "/p5": "/p5", "/lmt": "", "/tonamed": "", "/if3": ""} {
		lm := sm.Server.FindLocation(uri)
		got := ""
		if lm.Location != nil {
			got = lm.Location.Name
		}
		if lm.Redirect || got != want {
			t.Errorf("FindLocation(%q): location %q, redirect %v; want %q, no redirect", uri, got, lm.Redirect, want)
		}
	}
}

// A unix socket in proxy_pass: nginx sends the client's request-target for a
// URL without a URI part and cuts the location for one with a URI part after
// the socket path (verified on 1.22.1).
func TestUpstreamTargetUnixSocket(t *testing.T) {
	m := buildConf(t, `server {
    location /u/ { proxy_pass http://unix:/tmp/s.sock; }
    location /u2/ { proxy_pass http://unix:/tmp/s.sock:/y/; }
    location /a/ { proxy_pass HTTP://b/x/; }
}`, Version{})
	for target, want := range map[string]string{"/u/foo?q=1": "/u/foo?q=1", "/u2/foo?q=1": "/y/foo?q=1", "/a/foo": "/x/foo"} {
		sm, _ := m.FindServer("", 80)
		path, _, _ := NormalizeURI(target, true)
		lm := sm.Server.FindLocation(path)
		up, _ := m.UpstreamTarget(lm.Location.Block, target, lm.Captures)
		if !up.Known || up.Target != want {
			t.Errorf("%s: UpstreamTarget = %q (Known %v, %s); want %q", target, up.Target, up.Known, up.Reason, want)
		}
	}
}

// A URI part in proxy_pass inside an if or limit_except block is refused by
// nginx (§6.1; nginx -t on 1.22.1: "proxy_pass" cannot have URI part in
// location given by regular expression, or inside named location, or inside
// "if" statement, or inside "limit_except" block), whatever the enclosing
// location.
func TestUpstreamTargetURIPartInIf(t *testing.T) {
	m := buildConf(t, `server {
    location /lmt/ { limit_except GET { proxy_pass http://b/l/; } }
    location /ifu/ { if ($arg_a) { proxy_pass http://b/y/; } proxy_pass http://b; }
}`, Version{})
	sm, _ := m.FindServer("", 80)
	for _, target := range []string{"/lmt/x", "/ifu/foo?a=1"} {
		lm := sm.Server.FindLocation(target[:strings.IndexAny(target+"?", "?")])
		up, proxied := m.UpstreamTarget(lm.Location.Children[0], target, nil)
		if !proxied || up.Known || !strings.Contains(up.Reason, "refuses a URI part") {
			t.Errorf("%s: UpstreamTarget = %q (Known %v, %q); want nginx's refusal", target, up.Target, up.Known, up.Reason)
		}
	}
}
