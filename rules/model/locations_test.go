package model

import (
	"strings"
	"testing"
)

// locPath names a location by its match text and those of the locations it
// is nested in: "/nest/ > ~ \.js$".
func locPath(l *Location) string {
	var parts []string
	for b := l.Block; b != nil && b.Kind == KindLocation; b = b.Parent {
		parts = append([]string{b.Location.Match()}, parts...)
	}
	return strings.Join(parts, " > ")
}

// locationsConf is the differential test's hand-locations configuration
// (§5.1-5.4, verified on nginx 1.22.1) and a few more servers.
const locationsConf = `
server {
    listen 80;
    location / { }
    location = /ws { }
    location /ws/ { proxy_pass http://b; }
    location /sock/ { proxy_pass http://b; }
    location ~ /sock { }
    location /app/api/ { }
    location ~ /wsr { }
    location ~ /first { }
    location ~ /first-and { }
    location ~ /q { }
    location ~ ^/q2$ { }
    location ^~ /static/ { }
    location ~ \.js$ { }
    location /nest/ {
        location ~ \.js$ { }
        location ^~ /nest/nore/ { }
    }
    location ^~ /outer/ {
        location ~ \.js$ { }
    }
    location @named { }
    location ~* \.PNG$ { }
    location /Case/ { }
    location ~ "^/dec ode$" { }
}
server {
    listen 81;
    location / { }
    location /socket.io/ { }
    location /api/ws/ { proxy_pass http://b; }
    location /ws/ { proxy_pass http://b/; }
    location /ws { }
    location = /x/ { proxy_pass http://b; }
    location = /y/ { }
    location /y/ { proxy_pass http://b; }
    location /plain/ { }
    location "/sp ace/" { proxy_pass http://b; }
    location /m/ {
        proxy_pass http://b;
        location /m/n/ { proxy_pass http://b; }
        location /m/o/ { }
    }
    location /gr/ { grpc_pass grpc://127.0.0.1:9; }
    location /fc/ { fastcgi_pass 127.0.0.1:9; }
}
server {
    listen 82;
    location / { }
    location ~ /r {
        location ~ /r/s { }
        location /r/t { }
    }
    location /lmt/ { limit_except GET { proxy_pass http://b; } }
    location ~ /cap/(?<name>[a-z]+)$ { proxy_pass http://b; }
    location /ws/ { proxy_pass http://b; }
    location ~ /ws { }
}
server {
    listen 83;
    location = / { }
    location / { }
    location /a/ { }
    location /a/b/ { }
    location /a/b/c { }
    location ~ ^/(?!skip|a/) { }
    location =/glued { }
    location ^~/glued2/ { }
    location ~*^/GLUED3 { }
}
server {
    listen 84;
    location /only/ { }
}
server {
    listen 85;
    location ^~ /safe/ { }
    location ~ ^/a\d++$ { }
}
`

func TestFindLocation(t *testing.T) {
	m := buildConf(t, locationsConf, Version{})
	const none = ""
	tests := []struct {
		port int
		uri  string // $uri, normalised
		want string // locPath of the chosen location, "301 " + it for a redirect, "ERR" when unknown
		why  string // a substring of the joined Why
	}{
		// Exact beats everything.
		{80, "/ws", "= /ws", `exact match "= /ws"`},
		{80, "/ws/", "/ws/", `longest prefix "/ws/"`},
		{80, "/ws/chat", "/ws/", ""},
		// Auto-redirect, decided before regexes.
		{80, "/sock", "301 /sock/", `nginx answers 301 to "/sock/"`},
		{80, "/sock/x", "~ /sock", `first matching regex "~ /sock"`},
		// The longest prefix is only remembered; the first regex wins.
		{80, "/app/api/wsr", "~ /wsr", ""},
		{80, "/app/api/x", "/app/api/", ""},
		{80, "/q2", "~ /q", `first matching regex "~ /q"`},
		{80, "/first-and-more", "~ /first", ""},
		// ^~ on the longest prefix switches the level's regexes off.
		{80, "/static/x.js", "^~ /static/", `"^~ /static/" has ^~`},
		{80, "/x.js", `~ \.js$`, ""},
		// Regexes nested in the chosen prefix are tried first, even under ^~.
		{80, "/nest/a.js", `/nest/ > ~ \.js$`, ""},
		{80, "/nest/deep/a.js", `/nest/ > ~ \.js$`, ""},
		{80, "/outer/a.js", `^~ /outer/ > ~ \.js$`, ""},
		{80, "/outer/a", "^~ /outer/", ""},
		// A nested ^~ does not shield the outer level's regexes.
		{80, "/nest/nore/a.js", `~ \.js$`, ""},
		{80, "/nest/nore/x", "/nest/ > ^~ /nest/nore/", ""},
		{80, "/nest/x", "/nest/", ""},
		// Named locations never match a URI.
		{80, "/@named", "/", ""},
		{80, "/named", "/", ""},
		// ~* is caseless, ~ and prefixes are not.
		{80, "/x.png", `~* \.PNG$`, ""},
		{80, "/X.PNG", `~* \.PNG$`, ""},
		{80, "/x.JS", "/", ""},
		{80, "/case/", "/", ""},
		{80, "/CASE/", "/", ""},
		{80, "/Case/x", "/Case/", ""},
		// Regexes see the decoded URI.
		{80, "/dec ode", "~ ^/dec ode$", ""},
		{80, "/", "/", ""},

		{81, "/socket.io", "/", ""}, // no proxy_pass: no redirect
		{81, "/api/ws", "301 /api/ws/", ""},
		{81, "/api/wsx", "/", ""},
		{81, "/api/ws/", "/api/ws/", ""},
		{81, "/ws", "/ws", ""}, // a location named exactly /ws: no redirect
		{81, "/ws/a", "/ws/", ""},
		{81, "/x", "301 = /x/", ""}, // an exact location that proxies redirects too
		{81, "/x/", "= /x/", ""},
		{81, "/x/y", "/", ""},
		{81, "/y", "301 = /y/", `with the configuration of "= /y/"`},
		{81, "/y/", "= /y/", ""},
		{81, "/y/z", "/y/", ""},
		{81, "/plain", "/", ""},
		{81, "/plain/x", "/plain/", ""},
		{81, "/sp ace", "301 /sp ace/", ""},
		{81, "/m/n", "301 /m/ > /m/n/", ""},
		{81, "/m/n/x", "/m/ > /m/n/", ""},
		{81, "/m/o", "/m/", ""},
		{81, "/m/o/x", "/m/ > /m/o/", ""},
		{81, "/m", "301 /m/", ""},
		{81, "/gr", "301 /gr/", ""},
		{81, "/fc", "301 /fc/", ""},

		// Exact and prefix locations nested in a regex are never chosen.
		{82, "/r/t/x", "~ /r", ""},
		{82, "/r/s", "~ /r > ~ /r/s", ""},
		{82, "/x/r", "~ /r", ""},
		{82, "/lmt/x", "/lmt/", ""},
		{82, "/lmt", "/", ""},       // proxy_pass only in limit_except: no redirect
		{82, "/ws", "301 /ws/", ""}, // even though "~ /ws" exists
		{82, "/ws/x", "~ /ws", ""},
		{82, "/wsx", "~ /ws", ""},

		{83, "/", "= /", ""},
		{83, "/a/b/c/d", "/a/b/c", `longest prefix "/a/b/c"`},
		{83, "/a/b/cd", "/a/b/c", ""}, // prefixes are compared byte-wise
		{83, "/a/b/x", "/a/b/", ""},
		{83, "/a/x", "/a/", ""},
		{83, "/a", "~ ^/(?!skip|a/)", ""},
		{83, "/foo", "~ ^/(?!skip|a/)", ""}, // PCRE look-ahead, evaluated
		{83, "/skip/x", "/", ""},
		{83, "/skipa/", "/", ""},
		{83, "/glued", "= /glued", ""},
		{83, "/glued/", "~ ^/(?!skip|a/)", ""},
		{83, "/glued2/x", "^~ /glued2/", ""},
		{83, "/glued3", "~ ^/(?!skip|a/)", ""}, // the first matching regex

		{84, "/other", none, "no location matches"},
		{84, "/only/x", "/only/", ""},
		{84, "/only", none, ""},

		// A regex neither engine reads: unknown when it must be tried, not
		// "no match".
		{85, "/a1", "ERR", ""},
		{85, "/b", "ERR", ""},
		{85, "/safe/x", "^~ /safe/", ""},
	}
	for _, tt := range tests {
		s := m.Servers[tt.port-80]
		lm := s.FindLocation(tt.uri)
		var got string
		switch {
		case lm.Err != nil:
			got = "ERR"
		case lm.Location == nil:
			got = none
		case lm.Redirect:
			got = "301 " + locPath(lm.Location)
		default:
			got = locPath(lm.Location)
		}
		why := strings.Join(lm.Why, "; ")
		if got != tt.want || !strings.Contains(why, tt.why) {
			t.Errorf("port %d FindLocation(%q) = %q (%s; err %v); want %q (%s)", tt.port, tt.uri, got, why, lm.Err, tt.want, tt.why)
		}
	}
}

// The glued modifiers and "uri" for each kind.
func TestLocationKinds(t *testing.T) {
	m := buildConf(t, locationsConf, Version{})
	tests := []struct {
		match, modifier, name string
		regex, prefix, auto   bool
	}{
		{"= /ws", "=", "/ws", false, false, false},
		{"/ws/", "", "/ws/", false, true, true},
		{"~ /sock", "~", "/sock", true, false, false},
		{"^~ /static/", "^~", "/static/", false, true, false},
		{"@named", "@", "named", false, false, false},
		{`~* \.PNG$`, "~*", `\.PNG$`, true, false, false},
		{"= /x/", "=", "/x/", false, false, true},
		{"/gr/", "", "/gr/", false, true, true},
		{"/plain/", "", "/plain/", false, true, false},
		{"= /glued", "=", "/glued", false, false, false},
		{"^~ /glued2/", "^~", "/glued2/", false, true, false},
		{"~* ^/GLUED3", "~*", "^/GLUED3", true, false, false},
	}
	byMatch := map[string]*Location{}
	for _, l := range m.Locations() {
		byMatch[l.Match()] = l
	}
	for _, tt := range tests {
		l := byMatch[tt.match]
		if l == nil {
			t.Errorf("no location %q", tt.match)
			continue
		}
		if l.Modifier != tt.modifier || l.Name != tt.name || l.IsRegex() != tt.regex || l.IsPrefix() != tt.prefix ||
			l.AutoRedirect() != tt.auto || (l.Regex != nil) != tt.regex {
			t.Errorf("%q: modifier %q name %q regex %v prefix %v auto-redirect %v; want %q %q %v %v %v",
				tt.match, l.Modifier, l.Name, l.IsRegex(), l.IsPrefix(), l.AutoRedirect(), tt.modifier, tt.name, tt.regex, tt.prefix, tt.auto)
		}
	}
}

func TestFindLocationCaptures(t *testing.T) {
	m := buildConf(t, locationsConf, Version{})
	lm := m.Servers[2].FindLocation("/cap/abc")
	if lm.Location == nil || locPath(lm.Location) != "~ /cap/(?<name>[a-z]+)$" || !equalStrings(lm.Captures, []string{"/cap/abc", "abc"}) {
		t.Errorf("FindLocation(/cap/abc) = %v, captures %q; want the ~ /cap/ location, [/cap/abc abc]", lm.Location, lm.Captures)
	}
	// Prefix matches have no captures.
	if lm := m.Servers[2].FindLocation("/lmt/x"); lm.Location == nil || lm.Location.Name != "/lmt/" || lm.Captures != nil {
		t.Errorf("FindLocation(/lmt/x) = %v, captures %q; want /lmt/, none", lm.Location, lm.Captures)
	}
	// A regex that matches after a prefix: its groups.
	if lm := m.Servers[2].FindLocation("/ws/"); lm.Location == nil || lm.Location.Name != "/ws" || !equalStrings(lm.Captures, []string{"/ws"}) {
		t.Errorf("FindLocation(/ws/) = %v, captures %q; want ~ /ws, [/ws]", lm.Location, lm.Captures)
	}
}

func TestRegex(t *testing.T) {
	const unknown = "ERR"
	tests := []struct {
		pattern  string
		caseless bool
		subject  string
		want     string // the groups joined with "|", "" for no match, ERR when it cannot be evaluated
	}{
		// Unanchored: found anywhere.
		{"/ws", false, "/ws", "/ws"},
		{"/ws", false, "/wsx", "/ws"},
		{"/ws", false, "/a/ws", "/ws"},
		{"/ws", false, "/app/api/ws", "/ws"},
		{"/ws", false, "/WS", ""},
		{"^/ws$", false, "/ws/", ""},
		{`\.PNG$`, true, "/x.png", ".png"},
		{`\.PNG$`, true, "/X.PNG", ".PNG"},
		{`\.js$`, false, "/x.JS", ""},
		{"^/dec ode$", false, "/dec ode", "/dec ode"},
		// Groups: $0, then $1...
		{"^/rv(/.*)$", false, "/rv/foo", "/rv/foo|/foo"},
		{"^/r(/.*)?$", false, "/r", "/r|"},
		{"/cap/(?<name>[a-z]+)$", false, "/cap/abc", "/cap/abc|abc"},
		{"/cap/(?P<name>[a-z]+)$", false, "/cap/abc", "/cap/abc|abc"},
		// What RE2 lacks: evaluated with the backtracking engine.
		{"^/(?!skip)", false, "/foo", "/"},
		{"^/(?!skip)", false, "/skip", ""},
		{"(?<=/a)/b", false, "/a/b", "/b"},
		{`^/(a)\1$`, false, "/aa", "/aa|a"},
		{`^/(a)\1$`, false, "/ab", ""},
		{`^/a\Z`, false, "/a\n", "/a"}, // \Z: before a final newline too
		{`^/a\Z`, false, "/a", "/a"},
		{`(?<!x)\.js$`, true, "/A.JS", ".JS"},
		// Patterns nginx would refuse, or neither engine reads.
		{"^/a(", false, "/a(", unknown},
		{`^/a\d++$`, false, "/a1", unknown},
	}
	for _, tt := range tests {
		r := CompileRegex(tt.pattern, tt.caseless)
		groups, ok := r.FindSubmatch(tt.subject)
		matched, mok := r.MatchString(tt.subject)
		got := strings.Join(groups, "|")
		if !ok {
			got = unknown
		}
		if got != tt.want || mok != ok || matched != (groups != nil) || (r.Err() != nil) != (tt.want == unknown) {
			t.Errorf("CompileRegex(%q, %v) on %q: groups %q (ok %v), MatchString %v, %v, Err %v; want %q",
				tt.pattern, tt.caseless, tt.subject, got, ok, matched, mok, r.Err(), tt.want)
		}
	}
}

// Patterns RE2 compiles with another meaning than PCRE's (nginx 1.22.1 is
// linked with PCRE2): "$" without DOLLAR_ENDONLY also matches before a final
// newline (nginx answered /a%0A with "location ~ ^/a$", and /a%0A%0A with
// location /), and "\s" also matches a vertical tab (nginx answered /a%0Bb
// with "location ~ ^/a\sb$").
func TestRegexPCRESemantics(t *testing.T) {
	tests := []struct {
		pattern, subject string
		want             bool
	}{
		{"^/a$", "/a\n", true},
		{"^/a$", "/a\n\n", false},
		{`^/a\sb$`, "/a\vb", true},
		{`^/a\sb$`, "/a\fb", true},
	}
	m := buildConf(t, `server { location / { } location ~ ^/a$ { } location ~ ^/a\sb$ { } }`, Version{})
	for _, tt := range tests {
		matched, ok := CompileRegex(tt.pattern, false).MatchString(tt.subject)
		if matched != tt.want || !ok {
			t.Errorf("CompileRegex(%q).MatchString(%q) = %v, %v; want %v, true", tt.pattern, tt.subject, matched, ok, tt.want)
		}
		lm := m.Servers[0].FindLocation(tt.subject)
		want := "/"
		if tt.want {
			want = tt.pattern
		}
		if lm.Location == nil || lm.Location.Name != want {
			t.Errorf("FindLocation(%q) = %v; want %q", tt.subject, lm.Location, want)
		}
	}
}
