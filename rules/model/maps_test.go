package model

import (
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// mapsConf: every Lookup expectation below was read from nginx 1.22.1 with
// this configuration (return 200 with each variable, the source in the
// request's X or Upgrade header).
const mapsConf = `
map $http_upgrade $connection_upgrade { default upgrade; '' close; }
map $http_upgrade $connection_upgrade_keepalive { default upgrade; '' ''; }
map $http_x $m {
    default d;
    Foo exact-foo;
    ~^foo regex1;
    ~*^FOO regex2;
    ~bar regex3;
    ~b regex4;
    \~lit literal;
    \default not-default;
    '' empty;
}
map $http_x $nodef { websocket yes; }
map $http_x $reempty { ~^$ re-empty; default d; }
map $http_x $plain { .example.com dot; default d; }
map $http_x $cap { ~^id-(\d+)$ user-$1; ~^(?<n>[a-z]+)-x$ named-$n; default none; }
map $http_x $hn {
    hostnames;
    default none;
    example.com exact;
    .example.org dot;
    *.example.com star;
    *.a.example.com star-a;
    www.example.* tail;
    www.* tail-short;
}
`

func TestMapLookup(t *testing.T) {
	m := buildConf(t, mapsConf, Version{})
	tests := []struct {
		variable, src string
		want          string
		entry         string // the key of the entry that gave it, "default", or "-" for none
	}{
		// Exact keys are case-insensitive and come before regexes.
		{"m", "foo", "exact-foo", "foo"},
		{"m", "FOO", "exact-foo", "foo"},
		{"m", "Foo", "exact-foo", "foo"},
		// Regexes in order: the first that matches, not the most specific.
		{"m", "foobar", "regex1", "^foo"},
		{"m", "FOObar", "regex2", "^FOO"},
		{"m", "xbar", "regex3", "bar"},
		{"m", "xb", "regex4", "b"},
		{"m", "websocket", "regex4", "b"},
		{"m", "foo.net", "regex1", "^foo"},
		// A leading backslash makes a literal key.
		{"m", "~lit", "literal", "~lit"},
		{"m", "default", "not-default", "default"},
		// '' matches an empty or missing source.
		{"m", "", "empty", ""},
		{"m", "zzz", "d", "default"},
		{"m", "h2c", "d", "default"},
		// No default: "".
		{"nodef", "websocket", "yes", "websocket"},
		{"nodef", "WebSocket", "yes", "websocket"},
		{"nodef", "h2c", "", "-"},
		{"nodef", "", "", "-"},
		// Regexes are never tried for an empty source.
		{"reempty", "", "d", "default"},
		{"reempty", "x", "d", "default"},
		// Without hostnames, ".x" is a plain key.
		{"plain", ".example.com", "dot", ".example.com"},
		{"plain", "www.example.com", "d", "default"},
		{"plain", "example.com", "d", "default"},
		// Captures: the value's $1 is only substituted by Eval.
		{"cap", "id-42", "user-$1", `^id-(\d+)$`},
		{"cap", "abc-x", "named-$n", "^(?<n>[a-z]+)-x$"},
		{"cap", "id-", "none", "default"},
		// hostnames: exact, then the longest leading wildcard, then the
		// longest trailing one; one trailing dot is ignored.
		{"hn", "example.com", "exact", "example.com"},
		{"hn", "EXAMPLE.COM.", "exact", "example.com"},
		{"hn", "example.org", "dot", ".example.org"},
		{"hn", "x.example.org", "dot", ".example.org"},
		{"hn", "EXAMPLE.ORG.", "dot", ".example.org"},
		{"hn", "b.example.com", "star", "*.example.com"},
		{"hn", "x.a.example.com", "star-a", "*.a.example.com"},
		{"hn", "a.example.com", "star", "*.example.com"},
		{"hn", "www.example.net", "tail", "www.example.*"},
		{"hn", "www.other.net", "tail-short", "www.*"},
		{"hn", "www.example.com", "star", "*.example.com"},
		{"hn", "foo.net", "none", "default"},
		{"hn", "", "none", "default"},
		// The canonical WebSocket maps (§7.2).
		{"connection_upgrade", "", "close", ""},
		{"connection_upgrade", "websocket", "upgrade", "default"},
		{"connection_upgrade", "WebSocket", "upgrade", "default"},
		{"connection_upgrade", "h2c", "upgrade", "default"},
		{"connection_upgrade", "foo", "upgrade", "default"},
		{"connection_upgrade_keepalive", "", "", ""},
		{"connection_upgrade_keepalive", "websocket", "upgrade", "default"},
	}
	for _, tt := range tests {
		mp := m.MapFor(tt.variable)
		if mp == nil {
			t.Fatalf("no map for $%s", tt.variable)
		}
		got, e, ok := mp.Lookup(tt.src)
		entry := "-"
		switch {
		case e == mp.Default && e != nil:
			entry = "default"
		case e != nil:
			entry = e.Key
		}
		if !ok || got != tt.want || entry != tt.entry {
			t.Errorf("$%s for %q = %q (entry %q, ok %v); want %q (entry %q)", tt.variable, tt.src, got, entry, ok, tt.want, tt.entry)
		}
	}
}

// nginx 1.22.1 answered "star" for the source ".example.com" in the hostnames
// map above: ngx_hash_find_wc_head reaches the "*.example.com" level and
// returns its value for the empty label.
func TestMapLookupHostnamesLeadingDot(t *testing.T) {
	m := buildConf(t, mapsConf, Version{})
	if got, _, _ := m.MapFor("hn").Lookup(".example.com"); got != "star" {
		t.Errorf(`$hn for ".example.com" = %q; want "star"`, got)
	}
}

func TestMapStructure(t *testing.T) {
	m := buildConf(t, `
server { location / { proxy_set_header Connection $late; } }
map $http_upgrade $late { default upgrade; '' close; }
map $http_x $Dup { default first; }
map $http_x $dup { default second; }
map $host$uri $flags {
    hostnames;
    volatile;
    default "";
    ~*^A a;
    '' e;
}
`, Version{})
	if len(m.Maps) != 4 {
		t.Fatalf("%d maps; want 4", len(m.Maps))
	}
	// A map after its use counts; the variable is found in any case, with or
	// without "$".
	for _, name := range []string{"late", "$late", "$LATE"} {
		if mp := m.MapFor(name); mp == nil || mp != m.Maps[0] {
			t.Errorf("MapFor(%q) = %v; want the first map", name, mp)
		}
	}
	// Two maps for one variable: the last one wins.
	if mp := m.MapFor("dup"); mp == nil || mp.Default.Value != "second" {
		t.Errorf("MapFor(dup) = %+v; want the second map", mp)
	}
	if m.MapFor("nosuch") != nil {
		t.Errorf("MapFor(nosuch) is not nil")
	}
	f := m.MapFor("flags")
	if f.Source != "$host$uri" || f.Var != "flags" || !f.Hostnames || !f.Volatile || f.Default == nil || f.Default.Value != "" {
		t.Errorf("$flags: source %q var %q hostnames %v volatile %v default %+v", f.Source, f.Var, f.Hostnames, f.Volatile, f.Default)
	}
	if len(f.Entries) != 2 || !f.Entries[0].IsRegex || !f.Entries[0].Caseless || f.Entries[0].Key != "^A" ||
		f.Entries[1].IsRegex || f.Entries[1].Key != "" || f.Entries[1].Value != "e" {
		t.Errorf("$flags entries: %+v", f.Entries)
	}
	if !m.Defines("$late") || !m.Defines("FLAGS") || m.Defines("nosuch") {
		t.Errorf("Defines: late %v flags %v nosuch %v", m.Defines("$late"), m.Defines("FLAGS"), m.Defines("nosuch"))
	}
}

// Misplaced maps (map is http-only) are kept apart.
func TestMisplacedMap(t *testing.T) {
	cfg := parser.ParseBytes("t.conf", `server { map $http_x $y { default z; } }`,
		parser.Options{Context: parser.CtxHTTP, FS: parser.NewMemFS(nil)})
	if len(cfg.Errors) == 0 {
		t.Errorf("no parse error for a map in a server")
	}
	m := Build(cfg, Options{})
	if len(m.Maps) != 0 || len(m.MisplacedMaps) != 1 || m.MapFor("y") != nil {
		t.Errorf("maps %d, misplaced %d; want 0, 1", len(m.Maps), len(m.MisplacedMaps))
	}
}

func TestEval(t *testing.T) {
	m := buildConf(t, mapsConf+`
map $http_upgrade $ws_conn { default upgrade; '' close; }
map $http_upgrade $inverted { default close; '' upgrade; }
map $http_upgrade $only_ws { websocket upgrade; }
map $http_connection $via_conn { ~*upgrade upgrade; default close; }
map $connection_upgrade $chained { upgrade yes; default no; }
map $host $byhost { default upgrade; }
map $http_upgrade $overridden { default upgrade; '' close; }
server {
    location / { set $overridden x; set $up b; }
}
`, Version{})
	hdr := func(kv ...string) Request {
		r := Request{Headers: map[string]string{}}
		for i := 0; i+1 < len(kv); i += 2 {
			r.Headers[kv[i]] = kv[i+1]
		}
		return r
	}
	hs, plain := HandshakeRequest(), PlainRequest()
	tests := []struct {
		value string
		req   Request
		want  string
		known bool
	}{
		// §7.2: the canonical map and the keepalive variant.
		{"$connection_upgrade", hs, "upgrade", true},
		{"$connection_upgrade", plain, "close", true},
		{"$connection_upgrade_keepalive", hs, "upgrade", true},
		{"$connection_upgrade_keepalive", plain, "", true},
		{"$connection_upgrade", hdr("upgrade", ""), "close", true},
		{"$connection_upgrade", hdr("upgrade", "WebSocket"), "upgrade", true},
		{"$connection_upgrade", hdr("upgrade", "h2c"), "upgrade", true},
		{"$connection_upgrade", hdr("upgrade", "foo"), "upgrade", true},
		{"$connection_upgrade_keepalive", hdr("upgrade", ""), "", true},
		{"$Connection_Upgrade", hs, "upgrade", true},
		{"${connection_upgrade}", hs, "upgrade", true},
		// Renamed, inverted and partial variants.
		{"$ws_conn", hs, "upgrade", true},
		{"$ws_conn", plain, "close", true},
		{"$inverted", hs, "close", true},
		{"$inverted", plain, "upgrade", true},
		{"$only_ws", hs, "upgrade", true},
		{"$only_ws", hdr("upgrade", "WEBSOCKET"), "upgrade", true},
		{"$only_ws", plain, "", true},
		{"$via_conn", hs, "upgrade", true},
		{"$via_conn", plain, "close", true},
		{"$chained", hs, "yes", true},
		{"$chained", plain, "no", true},
		// Headers: $http_NAME, dashes as underscores, any case.
		{"$http_upgrade", hs, "websocket", true},
		{"$http_upgrade", plain, "", true},
		{"$HTTP_UPGRADE", hs, "websocket", true},
		{"$http_x_forwarded_for", hdr("x-forwarded-for", "1.2.3.4"), "1.2.3.4", true},
		{"pre-$http_upgrade-post", hs, "pre-websocket-post", true},
		{"${http_upgrade}x", hs, "websocketx", true},
		{"$http_upgradex", hs, "", true}, // the name is the longest run
		{"no variables", plain, "no variables", true},
		{"$", plain, "$", true},
		{"cost $5", plain, "cost ", false}, // $5 without captures
		// Map values with captures.
		{"$cap", hdr("x", "id-42"), "user-42", true},
		{"$cap", hdr("x", "abc-x"), "named-", false}, // named captures are not evaluated
		{"$cap", hdr("x", "zzz"), "none", true},
		// Location captures.
		{"http://b$1", Request{Captures: []string{"/rv/foo", "/foo"}}, "http://b/foo", true},
		{"$2", Request{Captures: []string{"/rv/foo", "/foo"}}, "", true},
		// What the model cannot compute.
		{"$host", hs, "", false},
		{"$byhost", hs, "", false},
		{"$up", hs, "", false},
		{"$overridden", hs, "", false}, // also set: not the map's alone
		{"$remote_addr:$http_upgrade", hs, ":websocket", false},
	}
	for _, tt := range tests {
		got, known := m.Eval(tt.value, tt.req)
		if got != tt.want || known != tt.known {
			t.Errorf("Eval(%q, %v) = %q, %v; want %q, %v", tt.value, tt.req, got, known, tt.want, tt.known)
		}
	}
}

func TestVarName(t *testing.T) {
	tests := []struct {
		in   string
		name string
		n    int
	}{
		{"$http_upgrade", "http_upgrade", 13},
		{"$http_upgrade;", "http_upgrade", 13},
		{"$Host:8080", "host", 5},
		{"${Host}x", "host", 7},
		{"$1abc", "1", 2},
		{"$9", "9", 2},
		{"$a-b", "a", 2},
		{"$", "", 0},
		{"$-", "", 0},
		{"${x", "", 0},
		{"x$y", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		name, n := VarName(tt.in)
		if name != tt.name || n != tt.n {
			t.Errorf("VarName(%q) = %q, %d; want %q, %d", tt.in, name, n, tt.name, tt.n)
		}
	}
}

// Maps across includes: a map in an included file, and a map whose entries
// are included, are read where nginx reads them (/etc/nginx is the prefix).
func TestMapIncludes(t *testing.T) {
	fs := parser.NewMemFS(map[string]string{
		"/etc/nginx/nginx.conf": `events {}
http {
    include conf.d/*.conf;
    map $http_upgrade $inc_entries { include ws.map; default upgrade; }
}`,
		"/etc/nginx/conf.d/maps.conf": `map $http_upgrade $from_file { default upgrade; '' close; }`,
		"/etc/nginx/conf.d/site.conf": `server { location / { proxy_set_header Connection $from_file; } }`,
		"/etc/nginx/ws.map":           `'' ""; WebSocket ws;`,
	})
	cfg, err := parser.ParseFile("/etc/nginx/nginx.conf", parser.Options{FS: fs})
	if err != nil || len(cfg.Errors) > 0 {
		t.Fatalf("parse: %v %v", err, cfg.Errors)
	}
	m := Build(cfg, Options{})
	tests := []struct {
		value string
		req   Request
		want  string
	}{
		{"$from_file", HandshakeRequest(), "upgrade"},
		{"$from_file", PlainRequest(), "close"},
		{"$inc_entries", HandshakeRequest(), "ws"},
		{"$inc_entries", PlainRequest(), ""},
		{"$inc_entries", Request{Headers: map[string]string{"upgrade": "h2c"}}, "upgrade"},
	}
	for _, tt := range tests {
		if got, known := m.Eval(tt.value, tt.req); got != tt.want || !known {
			t.Errorf("Eval(%q) = %q, %v; want %q, true", tt.value, got, known, tt.want)
		}
	}
	if mp := m.MapFor("from_file"); mp == nil || mp.Dir.File.Path != "/etc/nginx/conf.d/maps.conf" {
		t.Errorf("MapFor(from_file) = %v; want the map of conf.d/maps.conf", mp)
	}
	if mp := m.MapFor("inc_entries"); mp == nil || len(mp.Entries) != 2 || mp.Entries[1].Dir.File.Path != "/etc/nginx/ws.map" {
		t.Errorf("MapFor(inc_entries) entries = %+v; want 2 from ws.map", mp)
	}
}
