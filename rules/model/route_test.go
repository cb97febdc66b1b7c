package model_test

import (
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// routeOf builds the model of src (its context inferred, as the command
// line does for a fragment) and follows req.
func routeOf(t *testing.T, src string, req model.HTTPRequest) *model.Answer {
	t.Helper()
	cfg := parser.ParseBytes("t.conf", src, parser.Options{})
	if len(cfg.Errors) > 0 {
		t.Fatalf("parse: %v", cfg.Errors[0])
	}
	if req.Port == 0 {
		req.Port = 80
	}
	a, err := model.Build(cfg, model.Options{}).Route(req)
	if err != nil {
		t.Fatalf("route: %v", err)
	}
	return a
}

func steps(a *model.Answer) string {
	var out []string
	for _, s := range a.Steps {
		at := ""
		if s.Dir != nil {
			at = s.Dir.Position().String() + ": "
		}
		out = append(out, at+s.Text)
	}
	return strings.Join(out, "\n")
}

// TestRouteFragments: a fragment of each context is followed without
// writing the levels it sits in (issue 10: route panicked on a
// location-level fragment).
func TestRouteFragments(t *testing.T) {
	tests := []struct {
		name, src, target string
		want              string // upstream target
		location          string // Location.Match(); "-" for the implied one
	}{
		{"location", "proxy_pass http://127.0.0.1:9000;\nproxy_set_header Upgrade $http_upgrade;\n", "/ws/x?a=1", "/ws/x?a=1", "-"},
		{"location-rewrite", "rewrite ^/ws/(.*)$ /socket/$1 break;\nproxy_pass http://b;\n", "/ws/x?a=1", "/socket/x?a=1", "-"},
		{"server", "location /ws/ { proxy_pass http://b/s/; }\n", "/ws/x", "/s/x", "/ws/"},
		{"http", "server { listen 80; location /ws/ { proxy_pass http://b; } }\n", "/ws/x", "/ws/x", "/ws/"},
		{"main", "events {}\nhttp { server { location / { proxy_pass http://b/r/; } } }\n", "/x", "/r/x", "/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := routeOf(t, tc.src, model.HTTPRequest{Target: tc.target})
			if a.Proxy == nil || !a.Proxy.Known || a.Proxy.Target != tc.want {
				t.Fatalf("proxy = %+v, want target %q; steps:\n%s", a.Proxy, tc.want, steps(a))
			}
			switch {
			case a.Location == nil:
				t.Errorf("no location")
			case tc.location == "-" && a.Location.Dir != nil:
				t.Errorf("location %q, want the fragment's implied one", a.Location.Match())
			case tc.location != "-" && a.Location.Match() != tc.location:
				t.Errorf("location %q, want %q", a.Location.Match(), tc.location)
			}
		})
	}
}

// TestRouteSteps: what route says on the way, with positions.
func TestRouteSteps(t *testing.T) {
	src := `http {
server {
    listen 80;
    server_name a.test;
    rewrite ^/old/(.*)$ /ws/$1 last;
    location /ws/ {
        set $t /mapped;
        if ($http_upgrade = "websocket") { proxy_pass http://b$t$is_args$args; }
        proxy_pass http://b/plain/;
    }
}
}
`
	a := routeOf(t, src, model.HTTPRequest{Target: "/old/x?y=1", Host: "a.test", Headers: model.WebSocketHeaders()})
	want := `t.conf:5:5: rewrite: $uri becomes "/ws/x", $args "y=1"; the location is searched again
location search for "/ws/x": longest prefix "/ws/"
t.conf:7:9: $t = "/mapped"
t.conf:8:9: if ($http_upgrade = "websocket") is true: its block runs`
	if got := steps(a); got != want {
		t.Errorf("steps:\n%s\nwant:\n%s", got, want)
	}
	if a.Proxy == nil || a.Proxy.Target != "/mapped?y=1" || a.Block.Kind != model.KindIf {
		t.Errorf("proxy %+v from %v, want /mapped?y=1 from the if block", a.Proxy, a.Block.Describe())
	}
	plain := routeOf(t, src, model.HTTPRequest{Target: "/old/x?y=1", Host: "a.test"})
	if plain.Proxy == nil || plain.Proxy.Target != "/plain/x?y=1" {
		t.Errorf("without Upgrade: proxy %+v, want /plain/x?y=1", plain.Proxy)
	}
}

// TestRouteUnknown: what needs the running nginx stops the answer with the
// reason, at the directive.
func TestRouteUnknown(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"file test", `location / { if (!-f $request_filename) { rewrite ^ /index.php last; } proxy_pass http://b; }`,
			`not statically known: the condition of if (!-f $request_filename) at t.conf:1:34 checks the disk (!-f)`},
		{"client address", `location / { if ($remote_addr = 127.0.0.1) { return 403; } proxy_pass http://b; }`,
			`not statically known: the condition of if ($remote_addr = 127.0.0.1) at t.conf:1:34 uses a variable the model cannot compute`},
		{"rewrite with an unknown variable", `location / { rewrite ^ /u/$remote_addr break; proxy_pass http://b; }`,
			`not statically known: the replacement of "rewrite" at t.conf:1:34 uses variables the model cannot compute`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := routeOf(t, "server { listen 80; "+tc.src+" }", model.HTTPRequest{Target: "/x"})
			if a.Unknown != tc.want {
				t.Errorf("unknown = %q\nwant      %q", a.Unknown, tc.want)
			}
		})
	}
}

// TestRouteAnswers: nginx's own answers.
func TestRouteAnswers(t *testing.T) {
	tests := []struct {
		name, src, target string
		status            int
		redirect          string
		note              string
	}{
		{"cycle", `location / { rewrite ^(.*)$ $1 last; }`, "/x", 500, "", ""},
		{"auto-redirect", `location /ws/ { proxy_pass http://b; }`, "/ws?a=1", 301, "/ws/?a=1", ""},
		{"rewrite permanent", `location /o/ { rewrite ^/o/(.*)$ /n/$1 permanent; }`, "/o/x?q=1", 301, "/n/x?q=1", ""},
		{"return", `location / { return 403; }`, "/x", 403, "", ""},
		{"bad URI", `location / { proxy_pass http://b; }`, "/../x", 400, "", `nginx answers 400 Bad Request: ".." goes above the root`},
		{"try_files code", `location / { try_files $uri =404; }`, "/x", 404, "", `try_files at t.conf:1:34 checks the disk, which route cannot see: what follows assumes that none of "$uri" exists`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := routeOf(t, "server { listen 80; "+tc.src+" }", model.HTTPRequest{Target: tc.target})
			if a.Status != tc.status || a.Redirect != tc.redirect {
				t.Errorf("status %d redirect %q, want %d %q; steps:\n%s", a.Status, a.Redirect, tc.status, tc.redirect, steps(a))
			}
			if tc.note != "" && !strings.Contains(strings.Join(a.Notes, "\n"), tc.note) {
				t.Errorf("notes %q, want %q", a.Notes, tc.note)
			}
		})
	}
}

// TestRouteNoServer: a port nothing listens on is an error, not a panic.
func TestRouteNoServer(t *testing.T) {
	cfg := parser.ParseBytes("t.conf", "server { listen 80; }", parser.Options{})
	if _, err := model.Build(cfg, model.Options{}).Route(model.HTTPRequest{Target: "/", Port: 81}); err == nil || err.Error() != "no server listens on port 81" {
		t.Errorf("err = %v", err)
	}
}

// TestRouteFrom: a rule starts from a location and sees where a handshake
// that reaches it goes.
func TestRouteFrom(t *testing.T) {
	cfg := parser.ParseBytes("t.conf", `server {
    listen 80;
    location /ws/ { rewrite ^/ws/(.*)$ /socket/$1 last; }
    location /socket/ { proxy_pass http://b/s/; }
}`, parser.Options{})
	m := model.Build(cfg, model.Options{})
	a := m.RouteFrom(m.Servers[0].Locations[0], model.HTTPRequest{Target: "/ws/chat", Headers: model.WebSocketHeaders()})
	if a.Location == nil || a.Location.Match() != "/socket/" || a.Proxy == nil || a.Proxy.Target != "/s/chat" {
		t.Fatalf("answer %+v; steps:\n%s", a, steps(a))
	}
}

// FuzzRoute: no configuration and no request makes Route panic.
func FuzzRoute(f *testing.F) {
	f.Add("server { listen 80; location /ws/ { rewrite ^/ws/(.*)$ /s/$1 break; proxy_pass http://b; } }", "/ws/x?a=1", "a")
	f.Add("if ($http_upgrade ~* ^web(.*)$) { set $x $1; return 302 /$x; } proxy_pass http://b$x$is_args$args;", "/x", "")
	f.Add("server { error_page 404 = @n; location @n { proxy_pass http://b; } location / { try_files $uri /a?x=1; } location /a { return 404; } }", "/q%20", "")
	f.Add("server { location / { rewrite ^ / last; } }", "/", "")
	f.Fuzz(func(t *testing.T, src, target, host string) {
		cfg := parser.ParseBytes("f.conf", src, parser.Options{})
		m := model.Build(cfg, model.Options{})
		req := model.HTTPRequest{Target: target, Host: host, Port: 80, Headers: model.WebSocketHeaders()}
		a, err := m.Route(req)
		if err != nil {
			return
		}
		if a.Location != nil {
			m.RouteFrom(a.Location, req)
		}
	})
}
