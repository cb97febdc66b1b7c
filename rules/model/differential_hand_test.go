package model_test

// The hand-written configurations of the differential test: the tricky
// cases of docs/nginx-semantics.md §3.3 (proxy_set_header), §5.2 (location
// selection), §5.4 (auto-redirect), §5.5 (URI normalisation), §6.2
// (proxy_pass URI), §7 (maps) and server selection. Where the document
// records what nginx 1.22.1 did, the request carries it as want, so that
// the case is checked to test what it claims.

// get builds a request on the first port with a Host header.
func get(target string, w *dwant) dreq {
	return dreq{wireRequest: wireRequest{target: target, host: "h.test"}, want: w}
}

// on builds a request on port index port with Host host ("" for none).
func on(port int, host, target string, w *dwant) dreq {
	return dreq{port: port, wireRequest: wireRequest{target: target, host: host}, want: w}
}

// with adds client headers to a request.
func (r dreq) with(h ...string) dreq {
	r.headers = append([]clientHeader(nil), r.headers...)
	for i := 0; i+1 < len(h); i += 2 {
		r.headers = append(r.headers, clientHeader{h[i], h[i+1]})
	}
	return r
}

// unknownTarget marks a request whose upstream target the model must call
// not statically known.
func (r dreq) unknownTarget() dreq { r.unknown = true; return r }

func st(status int, route string) *dwant { return &dwant{status: status, route: route} }

func up(route, target string) *dwant { return &dwant{status: 200, route: route, target: target} }

func redirect(route, location string) *dwant {
	return &dwant{status: 301, route: route, location: location}
}

func handConfigs() []dconfig {
	return append([]dconfig{handLocations(), handNormalise(), handProxyPass(), handServers(), handHeaders(), handMaps()}, rewriteConfigs()...)
}

// handLocations: §5.1-5.4.
func handLocations() dconfig {
	return dconfig{
		name:   "hand-locations",
		nports: 3,
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG h1;
    location / { TAG h1/root; RET; }
    location = /ws { TAG h1/=ws; RET; }
    location /ws/ { TAG h1/ws/; proxy_pass http://b; }
    location /sock/ { TAG h1/sock/; proxy_pass http://b; }
    location ~ /sock { TAG h1/~sock; RET; }
    location /app/api/ { TAG h1/app-api; RET; }
    location ~ /wsr { TAG h1/~wsr; RET; }
    location ~ /first { TAG h1/~first; RET; }
    location ~ /first-and { TAG h1/~first-and; RET; }
    location ~ /q { TAG h1/~q; RET; }
    location ~ ^/q2$ { TAG h1/~q2; RET; }
    location ^~ /static/ { TAG h1/^static; RET; }
    location ~ \.js$ { TAG h1/~js; RET; }
    location /nest/ {
        TAG h1/nest;
        RET;
        location ~ \.js$ { TAG h1/nest/~js; RET; }
        location ^~ /nest/nore/ { TAG h1/nest/^nore; RET; }
    }
    location ^~ /outer/ {
        TAG h1/^outer;
        RET;
        location ~ \.js$ { TAG h1/outer/~js; RET; }
    }
    location @named { TAG h1/@named; RET; }
    location ~* \.PNG$ { TAG h1/~*png; RET; }
    location /Case/ { TAG h1/Case; RET; }
    location ~ "^/dec ode$" { TAG h1/~decode; RET; }
}
server {
    listen 127.0.0.1:{P1};
    TAG h2;
    location / { TAG h2/root; RET; }
    location /socket.io/ { TAG h2/socket.io; RET; }
    location /api/ws/ { TAG h2/api-ws; proxy_pass http://b; }
    location /ws/ { TAG h2/ws/; proxy_pass http://b/; }
    location /ws { TAG h2/ws; RET; }
    location = /x/ { TAG h2/=x/; proxy_pass http://b; }
    location = /y/ { TAG h2/=y/; RET; }
    location /y/ { TAG h2/y/; proxy_pass http://b; }
    location /plain/ { TAG h2/plain; }
    location "/sp ace/" { TAG h2/space; proxy_pass http://b; }
    location /m/ {
        TAG h2/m;
        proxy_pass http://b;
        location /m/n/ { TAG h2/m/n; proxy_pass http://b; }
        location /m/o/ { TAG h2/m/o; }
    }
    location /gr/ { TAG h2/gr; grpc_pass grpc://{B}; }
}
server {
    listen 127.0.0.1:{P2};
    TAG h3;
    location / { TAG h3/root; RET; }
    location ~ /r {
        TAG h3/~r;
        RET;
        location ~ /r/s { TAG h3/~r/~s; RET; }
        location /r/t { TAG h3/~r/t; RET; }
    }
    location /lmt/ { TAG h3/lmt; limit_except GET { proxy_pass http://b; } }
    location ~ /cap/(?<name>[a-z]+)$ { TAG h3/~cap; proxy_pass http://b; }
    location /ws/ { TAG h3/ws/; proxy_pass http://b; }
    location ~ /ws { TAG h3/~ws; RET; }
}
`,
		reqs: []dreq{
			get("/ws", st(200, "h1/=ws")),
			get("/ws/", up("h1/ws/", "/ws/")),
			get("/ws/chat?x=1", up("h1/ws/", "/ws/chat?x=1")),
			get("/sock", redirect("h1/sock/", "/sock/")),
			get("/sock?a=1", redirect("h1/sock/", "/sock/?a=1")),
			get("/sock/x", st(200, "h1/~sock")),
			get("/app/api/wsr", st(200, "h1/~wsr")),
			get("/app/api/x", st(200, "h1/app-api")),
			get("/q2", st(200, "h1/~q")),
			get("/first-and-more", st(200, "h1/~first")),
			get("/static/x.js", st(200, "h1/^static")),
			get("/x.js", st(200, "h1/~js")),
			get("/nest/a.js", st(200, "h1/nest/~js")),
			get("/nest/deep/a.js", st(200, "h1/nest/~js")),
			get("/nest/nore/a.js", st(200, "h1/~js")),
			get("/nest/nore/x", st(200, "h1/nest/^nore")),
			get("/nest/x", st(200, "h1/nest")),
			get("/outer/a.js", st(200, "h1/outer/~js")),
			get("/outer/a", st(200, "h1/^outer")),
			get("/@named", st(200, "h1/root")),
			get("/x.png", st(200, "h1/~*png")),
			get("/X.PNG", st(200, "h1/~*png")),
			get("/x.JS", st(200, "h1/root")),
			get("/case/", st(200, "h1/root")),
			get("/CASE/", st(200, "h1/root")),
			get("/Case/x", st(200, "h1/Case")),
			get("/dec%20ode", st(200, "h1/~decode")),
			on(1, "h.test", "/socket.io", st(200, "h2/root")),
			on(1, "h.test", "/api/ws", redirect("h2/api-ws", "/api/ws/")),
			on(1, "h.test", "/api/ws?x=%2F", redirect("h2/api-ws", "/api/ws/?x=%2F")),
			on(1, "h.test", "/api/wsx", st(200, "h2/root")),
			on(1, "h.test", "/api/ws/", up("h2/api-ws", "/api/ws/")),
			on(1, "h.test", "/ws", st(200, "h2/ws")),
			on(1, "h.test", "/ws/a", up("h2/ws/", "/a")),
			on(1, "h.test", "/x", nil),
			on(1, "h.test", "/x/", nil),
			on(1, "h.test", "/x/y", nil),
			// The 301 comes with the exact location's configuration.
			on(1, "h.test", "/y", redirect("h2/=y/", "/y/")),
			on(1, "h.test", "/y/", st(200, "h2/=y/")),
			on(1, "h.test", "/y/z", up("h2/y/", "/y/z")),
			on(1, "h.test", "/plain", st(200, "h2/root")),
			on(1, "h.test", "/plain/x", st(404, "h2/plain")),
			on(1, "h.test", "/sp%20ace", redirect("h2/space", "/sp%20ace/")),
			on(1, "h.test", "/sp%20ace/a", nil),
			on(1, "h.test", "/m/n", redirect("h2/m/n", "/m/n/")),
			on(1, "h.test", "/m/n/x", nil),
			on(1, "h.test", "/m/o", nil),
			on(1, "h.test", "/m/o/x", st(404, "h2/m/o")),
			on(1, "h.test", "/m", redirect("h2/m", "/m/")),
			on(1, "h.test", "/gr", redirect("h2/gr", "/gr/")),
			// A prefix location nested in a regex location is never chosen.
			on(2, "h.test", "/r/t/x", st(200, "h3/~r")),
			on(2, "h.test", "/r/s", st(200, "h3/~r/~s")),
			on(2, "h.test", "/x/r", st(200, "h3/~r")),
			on(2, "h.test", "/lmt/x", st(404, "h3/lmt")),
			on(2, "h.test", "/lmt", nil),
			on(2, "h.test", "/cap/abc?z=1", up("h3/~cap", "/cap/abc?z=1")),
			on(2, "h.test", "/ws", redirect("h3/ws/", "/ws/")),
			on(2, "h.test", "/ws?x=1", redirect("h3/ws/", "/ws/?x=1")),
			on(2, "h.test", "/ws/x", st(200, "h3/~ws")),
			on(2, "h.test", "/wsx", st(200, "h3/~ws")),
		},
	}
}

// handNormalise: §5.5, and the proxy_pass rows that depend on it.
func handNormalise() dconfig {
	return dconfig{
		name:   "hand-normalise",
		nports: 3,
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG n1;
    location / { TAG n1/root; RET; }
    location /app/ { TAG n1/app; RET; }
    location /app/api/ { TAG n1/app-api; RET; }
    location ^~ /static/ { TAG n1/^static; RET; }
    location "/enc x" { TAG n1/enc-space; RET; }
    location /enc%20x { TAG n1/enc%20x; RET; }
    location /p/ { TAG n1/p; proxy_pass http://b/q/; }
    location /raw/ { TAG n1/raw; proxy_pass http://b; }
}
server {
    listen 127.0.0.1:{P1};
    merge_slashes off;
    TAG n2;
    location / { TAG n2/root; RET; }
    location /a/b { TAG n2/a/b; RET; }
    location /p/ { TAG n2/p; proxy_pass http://b/q/; }
}
server {
    listen 127.0.0.1:{P1};
    server_name merge.test;
    TAG n3;
    location / { TAG n3/root; RET; }
    location /a/b { TAG n3/a/b; RET; }
    location /p/ { TAG n3/p; proxy_pass http://b/q/; }
}
server {
    listen 127.0.0.1:{P2};
    server_name first.test;
    TAG n4;
    location / { TAG n4/root; RET; }
    location /a/b { TAG n4/a/b; RET; }
}
server {
    listen 127.0.0.1:{P2};
    server_name off.test;
    merge_slashes off;
    TAG n5;
    location / { TAG n5/root; RET; }
    location /a/b { TAG n5/a/b; RET; }
}
`,
		reqs: []dreq{
			get("/app//api/x", st(200, "n1/app-api")),
			get("//app/api/x", st(200, "n1/app-api")),
			get("/app/./api/x", st(200, "n1/app-api")),
			get("/app/../static/x", st(200, "n1/^static")),
			get("/app/%61pi/x", st(200, "n1/app-api")),
			get("/app%2Fapi/x", st(200, "n1/app-api")),
			get("/app/api/%2e%2e/x", st(200, "n1/app")),
			get("/app/api/x%3Fq", st(200, "n1/app-api")),
			get("/app/api/..%2Fx", nil),
			get("/app/api/x/..", nil),
			get("/app/api/x/.", nil),
			get("/app/api/.", nil),
			get("/app/.%2e/static/x", nil),
			get("/app/api/%2e", nil),
			get("/app/a..b/x", nil),
			get("/app/api/x#frag", nil),
			get("/../x", st(400, "")),
			get("/app/../../x", st(400, "")),
			get("/app/api/%00", st(400, "")),
			get("/app/api/%zz", st(400, "")),
			get("/app/api/%4", st(400, "")),
			get("/enc%20x", st(200, "n1/enc-space")),
			get("/enc%2520x", st(200, "n1/enc%20x")),
			get("/p/foo?a=1", up("n1/p", "/q/foo?a=1")),
			get("/p//foo", up("n1/p", "/q/foo")),
			get("/p/a%20b", up("n1/p", "/q/a%20b")),
			get("/p/%7e", up("n1/p", "/q/~")),
			get("/p/a%2Fb", up("n1/p", "/q/a/b")),
			get("/p/a%3Fb", up("n1/p", "/q/a%3Fb")),
			get("/p/", up("n1/p", "/q/")),
			get("/p/a%25b", nil),
			get("/p/a{b}", nil),
			get("/p/a{b}%41", nil),
			get(`/p/a"b|c^d`, nil),
			get("/p/a#frag", nil),
			get("/p/x?", nil),
			get("/raw/a%20b/../c?q=1", up("n1/raw", "/raw/a%20b/../c?q=1")),
			get("/raw//foo", up("n1/raw", "/raw//foo")),
			get("/raw/a#frag", nil),
			on(1, "", "/a/b", st(200, "n2/a/b")),
			on(1, "", "/a/b/", st(200, "n2/a/b")),
			on(1, "", "//a/b", st(200, "n2/root")),
			on(1, "", "/a//b", st(200, "n2/root")),
			on(1, "", "/p//foo", nil),
			on(1, "", "/p/x//..//y", nil),
			on(1, "", "//..", nil),
			on(1, "merge.test", "//a/b", nil),
			on(1, "merge.test", "/a//b", nil),
			on(1, "merge.test", "/p//foo", nil),
			on(2, "off.test", "//a/b", nil),
			on(2, "off.test", "/a/b", st(200, "n5/a/b")),
			on(2, "first.test", "//a/b", st(200, "n4/a/b")),
		},
	}
}

// handProxyPass: §6.2's table, §3.4.
func handProxyPass() dconfig {
	return dconfig{
		name:   "hand-proxy-pass",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG pp;
    location /p0/ { TAG pp/p0; proxy_pass http://b; }
    location /p1/ { TAG pp/p1; proxy_pass http://b/; }
    location /p2/ { TAG pp/p2; proxy_pass http://b/x/; }
    location /p3 { TAG pp/p3; proxy_pass http://b/; }
    location /p4/ { TAG pp/p4; proxy_pass http://b/x; }
    location /p5 { TAG pp/p5; proxy_pass http://b/x/; }
    location = /exact { TAG pp/exact; proxy_pass http://b/x; }
    location ~ ^/r(/.*)$ { TAG pp/r; proxy_pass http://b; }
    location ~ ^/rv(/.*)$ { TAG pp/rv; proxy_pass http://b$1; }
    location ~ ^/rva(/.*)$ { TAG pp/rva; proxy_pass http://b$1$is_args$args; }
    location ~ ^/ra(/.*)$ { TAG pp/ra; proxy_pass http://{B}$1; }
    location /v/ { TAG pp/v; set $up b; proxy_pass http://$up; }
    location /v2/ { TAG pp/v2; set $up b; proxy_pass http://$up/x/; }
    location /rw/ { TAG pp/rw; rewrite ^/rw/(.*)$ /new/$1 break; proxy_pass http://b/x/; }
    location /rw2/ { TAG pp/rw2; rewrite ^/rw2/(.*)$ /new/$1 break; proxy_pass http://b; }
    location /if/ {
        TAG pp/if;
        if ($arg_a) { TAG pp/if/if; proxy_pass http://b; }
        proxy_pass http://b/x/;
    }
    location /if2/ {
        TAG pp/if2;
        if ($arg_a) { TAG pp/if2/if; }
        proxy_pass http://b/x/;
    }
    location /if3/ {
        TAG pp/if3;
        if ($arg_a) { TAG pp/if3/if; proxy_pass http://{B}; }
    }
    location /rwif/ {
        TAG pp/rwif;
        if ($arg_a) { TAG pp/rwif/if; }
        rewrite ^/rwif/(.*)$ /new/$1 break;
        proxy_pass http://b/x/;
    }
    location /tonamed/ { TAG pp/tonamed; try_files /nonexistent @be; }
    location @be { TAG pp/@be; proxy_pass http://b; }
    location /setargs/ { TAG pp/setargs; set $args "replaced=1"; proxy_pass http://b; }
    location /nested/ {
        TAG pp/nested;
        proxy_pass http://b/n/;
        location /nested/inner/ { TAG pp/nested/inner; }
        location /nested/own/ { TAG pp/nested/own; proxy_pass http://b/o/; }
    }
    location /addr/ { TAG pp/addr; proxy_pass http://{B}/y/; }
}
`,
		reqs: []dreq{
			get("/p0/foo", up("pp/p0", "/p0/foo")),
			get("/p0/a%20b/../c?q=1", up("pp/p0", "/p0/a%20b/../c?q=1")),
			get("/p0//foo", up("pp/p0", "/p0//foo")),
			get("/p1/foo", up("pp/p1", "/foo")),
			get("/p1/a%20b/../c?q=1", up("pp/p1", "/c?q=1")),
			get("/p1", redirect("pp/p1", "/p1/")),
			get("/p2/foo?a=1", up("pp/p2", "/x/foo?a=1")),
			get("/p2//foo", up("pp/p2", "/x/foo")),
			get("/p2/a%20b", up("pp/p2", "/x/a%20b")),
			get("/p2/%7e", up("pp/p2", "/x/~")),
			get("/p2/a%2Fb", up("pp/p2", "/x/a/b")),
			get("/p2/a%3Fb", up("pp/p2", "/x/a%3Fb")),
			get("/p2/", up("pp/p2", "/x/")),
			get("/p3/foo", up("pp/p3", "//foo")),
			get("/p3foo", up("pp/p3", "/foo")),
			get("/p3", up("pp/p3", "/")),
			get("/p4/foo", up("pp/p4", "/xfoo")),
			get("/p5/foo", up("pp/p5", "/x//foo")),
			get("/p5foo", up("pp/p5", "/x/foo")),
			get("/p5", up("pp/p5", "/x/")),
			get("/exact?a=1", up("pp/exact", "/x?a=1")),
			get("/exact/", nil),
			get("/r/a%20b/../c", up("pp/r", "/r/a%20b/../c")),
			get("/rv/foo?q=1", up("pp/rv", "/foo")),
			get("/rv/a%20b", st(400, "pp/rv")),
			get("/rv/a%2Fb", nil),
			get("/rva/foo?q=1", up("pp/rva", "/foo?q=1")),
			get("/ra/foo?q=1", up("pp/ra", "/foo")),
			get("/v/a%20b/../c", up("pp/v", "/v/a%20b/../c")),
			get("/v2/foo?q=1", up("pp/v2", "/x/")),
			get("/rw/foo?q=1", up("pp/rw", "/new/foo?q=1")),
			get("/rw2/a%20b?q=1", up("pp/rw2", "/new/a%20b?q=1")),
			get("/if/foo?a=1", up("pp/if/if", "/if/foo?a=1")),
			get("/if/foo", up("pp/if", "/x/foo")),
			get("/if/foo?a=0", up("pp/if", "/x/foo?a=0")),
			get("/if2/foo?a=1", up("pp/if2/if", "/x/foo?a=1")),
			get("/if2/foo", up("pp/if2", "/x/foo")),
			get("/if3/foo?a=1", up("pp/if3/if", "/if3/foo?a=1")),
			get("/if3/foo", st(404, "pp/if3")),
			get("/if3", st(404, "pp")),
			get("/rwif/foo?a=1", up("pp/rwif/if", "/new/foo?a=1")),
			get("/rwif/foo", up("pp/rwif", "/new/foo")),
			get("/tonamed/a%20b/../c", up("pp/@be", "/tonamed/a%20b/../c")),
			get("/setargs/foo?q=1", up("pp/setargs", "/setargs/foo?replaced=1")),
			get("/nested/x", up("pp/nested", "/n/x")),
			get("/nested/inner/foo", st(404, "pp/nested/inner")),
			get("/nested/own/foo", up("pp/nested/own", "/o/foo")),
			get("/addr/a?b", up("pp/addr", "/y/a?b")),
		},
	}
}

// handServers: server selection by listen and server_name.
func handServers() dconfig {
	return dconfig{
		name:   "hand-servers",
		nports: 4,
		body: `
server { listen 127.0.0.1:{P0}; server_name example.test; TAG s-exact; }
server { listen 127.0.0.1:{P0}; server_name *.example.test; TAG s-lead; }
server { listen 127.0.0.1:{P0}; server_name www.example.*; TAG s-trail; }
server { listen 127.0.0.1:{P0}; server_name .wild.test; TAG s-dot; }
server { listen 127.0.0.1:{P0}; server_name *.b.wild.test; TAG s-lead-long; }
server { listen 127.0.0.1:{P0}; server_name ~^re\d+\.example\.org$; TAG s-re1; }
server { listen 127.0.0.1:{P0}; server_name ~^re1 ~^UP\.test$; TAG s-re2; }
server { listen 127.0.0.1:{P0}; server_name www.example.org.*; TAG s-trail-long; }
server { listen 127.0.0.1:{P0} default_server; server_name def.test; TAG s-def; }
server { listen 127.0.0.1:{P1}; server_name a.test; TAG s-p1a; }
server { listen 127.0.0.1:{P1}; server_name b.test _; TAG s-p1b; }
server { listen 127.0.0.1:{P2} default_server; server_name d.test; TAG s-p2def; }
server { listen 127.0.0.1:{P2}; TAG s-p2noname; }
server { listen 127.0.0.1:{P2}; server_name "" e.test; TAG s-p2empty; }
server { listen 127.0.0.1:{P3}; server_name "" f.test; TAG s-p3empty; }
server { listen 127.0.0.1:{P3} default_server; server_name g.test; merge_slashes off; TAG s-p3def; }
`,
		reqs: []dreq{
			on(0, "example.test", "/", st(404, "s-exact")),
			on(0, "EXAMPLE.TEST", "/", st(404, "s-exact")),
			on(0, "example.test:8080", "/", st(404, "s-exact")),
			on(0, "example.test.", "/", st(404, "s-exact")),
			on(0, "www.example.test", "/", st(404, "s-lead")),
			on(0, "a.b.example.test", "/", st(404, "s-lead")),
			on(0, "www.example.org", "/", st(404, "s-trail")),
			on(0, "www.example.org.uk", "/", st(404, "s-trail-long")),
			on(0, "wild.test", "/", st(404, "s-dot")),
			on(0, "x.wild.test", "/", st(404, "s-dot")),
			on(0, "y.b.wild.test", "/", st(404, "s-lead-long")),
			on(0, "b.wild.test", "/", st(404, "s-dot")),
			on(0, "re12.example.org", "/", st(404, "s-re1")),
			on(0, "re1x.test", "/", st(404, "s-re2")),
			on(0, "up.test", "/", st(404, "s-re2")),
			on(0, "other.test", "/", st(404, "s-def")),
			on(0, "", "/", st(404, "s-def")),
			on(0, "example.test", "/../x", st(400, "s-def")),
			on(1, "", "/", st(404, "s-p1a")),
			on(1, "c.test", "/", st(404, "s-p1a")),
			on(1, "b.test", "/", st(404, "s-p1b")),
			on(1, "_", "/", st(404, "s-p1b")),
			// Without Host, the empty name (implicit without server_name)
			// wins over the default server.
			on(2, "", "/", st(404, "s-p2noname")),
			on(2, "e.test", "/", st(404, "s-p2empty")),
			on(2, "zzz", "/", st(404, "s-p2def")),
			on(3, "", "/", st(404, "s-p3empty")),
			on(3, "", "/../x", st(400, "s-p3def")),
			on(3, "f.test", "//x", st(404, "s-p3empty")),
		},
	}
}

// handHeaders: §3.2, §3.3, §7.2.
func handHeaders() dconfig {
	ws := []string{"Upgrade", "websocket", "X-Client", "c", "Keep-Alive", "5", "TE", "trailers", "Proxy-Connection", "keep-alive"}
	return dconfig{
		name:   "hand-headers",
		nports: 2,
		body: `
map $http_upgrade $connection_upgrade { default upgrade; '' close; }
map $http_upgrade $connection_upgrade_keepalive { default upgrade; '' ''; }
map $http_x_kind $kind { default other; websocket ws; ~^v\d+$ ver; ~*^ABC abc; '' none; }
map $kind $kind2 { ws kind-ws; default kind-$kind; }
proxy_set_header X-Http http;
server {
    listen 127.0.0.1:{P0};
    TAG ha;
    proxy_set_header X-Srv srv;
    location /plain/ { TAG ha/plain; proxy_pass http://b; }
    location /loc/ { TAG ha/loc; proxy_set_header X-Loc loc; proxy_pass http://b; }
    location /outer/ {
        TAG ha/outer;
        proxy_set_header X-Outer outer;
        proxy_http_version 1.1;
        proxy_pass http://b;
        location /outer/in/ { TAG ha/outer/in; proxy_pass http://b; }
        location /outer/own/ { TAG ha/outer/own; proxy_set_header X-Inner inner; proxy_pass http://b; }
    }
    location /if/ {
        TAG ha/if;
        proxy_set_header X-Loc loc;
        if ($arg_a) { TAG ha/if/if; }
        proxy_pass http://b;
    }
    location /empty/ { TAG ha/empty; proxy_set_header X-Client ""; proxy_set_header X-Loc loc; proxy_pass http://b; }
    location /host/ { TAG ha/host; proxy_set_header host custom; proxy_pass http://b; }
    location /dup/ { TAG ha/dup; proxy_set_header Upgrade a; proxy_set_header upgrade b; proxy_pass http://b; }
    location /ws/ {
        TAG ha/ws;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade;
        proxy_pass http://b;
    }
    location /ka/ {
        TAG ha/ka;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $connection_upgrade_keepalive;
        proxy_pass http://b;
    }
    location /hostvar/ { TAG ha/hostvar; proxy_set_header Host $host; proxy_set_header X-Fwd-Host $http_host; proxy_pass http://b; }
    location /kind/ { TAG ha/kind; proxy_set_header X-Kind $kind; proxy_set_header X-Kind2 "k2=$kind2"; proxy_pass http://b; }
    location /addr/ { TAG ha/addr; proxy_pass http://{B}; }
}
server {
    listen 127.0.0.1:{P1};
    server_name hb.test;
    TAG hb;
    proxy_http_version 1.1;
    location /plain/ { TAG hb/plain; proxy_pass http://b; }
    location /v10/ {
        TAG hb/v10;
        proxy_http_version 1.0;
        proxy_pass http://b;
        location /v10/in/ { TAG hb/v10/in; proxy_pass http://b; }
    }
    location /conn/ { TAG hb/conn; proxy_set_header Connection ""; proxy_pass http://b; }
    location /hostvar/ { TAG hb/hostvar; proxy_set_header Host $host; proxy_pass http://b; }
}
`,
		reqs: []dreq{
			get("/plain/x", up("ha/plain", "/plain/x")).with(ws...),
			get("/loc/x", up("ha/loc", "/loc/x")).with(ws...),
			get("/outer/x", up("ha/outer", "/outer/x")).with(ws...),
			get("/outer/in/x", up("ha/outer/in", "/outer/in/x")).with(ws...),
			get("/outer/own/x", up("ha/outer/own", "/outer/own/x")).with(ws...),
			get("/if/x?a=1", up("ha/if/if", "/if/x?a=1")).with(ws...),
			get("/if/x", up("ha/if", "/if/x")).with(ws...),
			get("/empty/x", up("ha/empty", "/empty/x")).with(ws...),
			get("/host/x", up("ha/host", "/host/x")).with(ws...),
			get("/dup/x", up("ha/dup", "/dup/x")).with(ws...),
			get("/ws/x", up("ha/ws", "/ws/x")).with(ws...),
			get("/ws/x", up("ha/ws", "/ws/x")),
			get("/ws/x", up("ha/ws", "/ws/x")).with("Upgrade", "WebSocket"),
			get("/ws/x", up("ha/ws", "/ws/x")).with("Upgrade", "h2c"),
			get("/ws/x", up("ha/ws", "/ws/x")).with("Upgrade", ""),
			get("/ka/x", up("ha/ka", "/ka/x")).with(ws...),
			get("/ka/x", up("ha/ka", "/ka/x")),
			get("/hostvar/x", up("ha/hostvar", "/hostvar/x")),
			on(0, "Mixed.Case.test:99", "/hostvar/x", up("ha/hostvar", "/hostvar/x")),
			on(0, "", "/hostvar/x", up("ha/hostvar", "/hostvar/x")),
			get("/kind/x", up("ha/kind", "/kind/x")),
			get("/kind/x", up("ha/kind", "/kind/x")).with("X-Kind", "WebSocket"),
			get("/kind/x", up("ha/kind", "/kind/x")).with("X-Kind", "v12"),
			get("/kind/x", up("ha/kind", "/kind/x")).with("X-Kind", "abcdef"),
			get("/kind/x", up("ha/kind", "/kind/x")).with("X-Kind", "zzz"),
			get("/addr/x", up("ha/addr", "/addr/x")).with(ws...),
			on(1, "hb.test", "/plain/x", up("hb/plain", "/plain/x")).with(ws...),
			on(1, "hb.test", "/v10/x", up("hb/v10", "/v10/x")).with(ws...),
			on(1, "hb.test", "/v10/in/x", up("hb/v10/in", "/v10/in/x")).with(ws...),
			on(1, "hb.test", "/conn/x", up("hb/conn", "/conn/x")).with(ws...),
			on(1, "", "/hostvar/x", up("hb/hostvar", "/hostvar/x")),
			on(1, "", "/plain/x", up("hb/plain", "/plain/x")),
		},
	}
}

// handMaps: §7.1, evaluated through proxy_set_header.
func handMaps() dconfig {
	c := dconfig{
		name:   "hand-maps",
		nports: 1,
		body: `
map $http_x_host $mh {
    hostnames;
    .a.test dot;
    *.b.test star;
    www.c.* tail;
    exact.test exact;
    *.deep.a.test deeper;
    ~^re\. regex;
    default d;
}
map $http_x_host $mplain { .a.test dot; *.b.test star; default d; }
map $http_x_in $mc { ~^in(\d)$ num$1; ~*^ab(c) abc-$1; default d; }
map $http_x_in $mcase { IN1 upper; default d; }
map $http_x_in $mempty { '' empty; default d; }
map $http_x_in $mdup { default first; }
map $http_x_in $mdup { default second; }
map "$http_x_in:$http_x_host" $mcomplex { "in1:a.test" both; default d; }
map $http_x_in $mnodefault { in1 one; }
server {
    listen 127.0.0.1:{P0};
    TAG mp;
    location /m/ {
        TAG mp/m;
        proxy_set_header X-Mh $mh;
        proxy_set_header X-Mplain $mplain;
        proxy_set_header X-Mc $mc;
        proxy_set_header X-Mcase $mcase;
        proxy_set_header X-Mempty $mempty;
        proxy_set_header X-Mdup $mdup;
        proxy_set_header X-Mcomplex $mcomplex;
        proxy_set_header X-Mnodefault $mnodefault;
        proxy_pass http://b;
    }
    location ~ ^/rc(/.*)$ {
        TAG mp/rc;
        proxy_set_header X-Mc $mc;
        proxy_pass http://b;
    }
    location ~ ^/rcc(/.*)$ {
        TAG mp/rcc;
        proxy_set_header X-Cap "cap$1";
        proxy_set_header X-M $mcase;
        proxy_pass http://b;
    }
    location ~ ^/rcq(/.*)$ {
        TAG mp/rcq;
        proxy_set_header X-Cap "cap$1";
        proxy_set_header X-Mc $mc;
        proxy_pass http://b;
    }
}
`,
	}
	hosts := []string{"a.test", "x.a.test", "b.test", "y.b.test", "www.c.org", "EXACT.TEST.", "zzz", "q.deep.a.test", "re.x", ".a.test", "*.b.test"}
	ins := []string{"in1", "in7", "IN1", "", "abc", "ABCD", "x"}
	for i, h := range hosts {
		r := get("/m/x", up("mp/m", "/m/x")).with("X-Host", h)
		if i < len(ins) {
			r = r.with("X-In", ins[i])
		}
		c.reqs = append(c.reqs, r)
	}
	c.reqs = append(c.reqs,
		get("/m/x", up("mp/m", "/m/x")),
		get("/m/x", up("mp/m", "/m/x")).with("X-In", "in1", "X-Host", "a.test"),
		get("/rc/foo", up("mp/rc", "/rc/foo")).with("X-In", "in3"),
		get("/rc/foo", up("mp/rc", "/rc/foo")).with("X-In", "abc"),
		get("/rc/foo", up("mp/rc", "/rc/foo")).with("X-In", "zz"),
		get("/rcc/foo", up("mp/rcc", "/rcc/foo")).with("X-In", "IN1"),
		get("/rcq/foo", up("mp/rcq", "/rcq/foo")).with("X-In", "zz"),
		get("/rcq/foo", up("mp/rcq", "/rcq/foo")).with("X-In", "in3"),
	)
	return c
}
