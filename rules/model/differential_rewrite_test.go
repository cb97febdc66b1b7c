package model_test

// The hand-written configurations of the differential test for issue 18:
// what the rewrite module and the phases around it do to a request before it
// reaches a backend (rewrite and its flags, captures and the query string,
// set, return, break, if, try_files, error_page, the variables in
// proxy_pass and proxy_set_header, the method and limit_except). One
// configuration for each feature, so that the test's per-configuration
// count is the agreement per feature. Where the outcome is nginx's
// documented behaviour, the request carries it as want.

func rewriteConfigs() []dconfig {
	return []dconfig{handRewrite(), handRewriteArgs(), handScript(), handIf(), handTryFiles(), handErrorPage(), handVariables(), handMethods(), handFiles()}
}

// method sets the request's method.
func (r dreq) withMethod(m string) dreq { r.method = m; return r }

func found(route, location string) *dwant {
	return &dwant{status: 302, route: route, location: location}
}

// handRewrite: rewrite in server and location context with each flag,
// captures and named captures, cycles.
func handRewrite() dconfig {
	return dconfig{
		name:   "hand-rewrite",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG rw;
    rewrite ^/srv/(.*)$ /last/$1 last;
    rewrite ^/srvb/(.*)$ /last/$1 break;
    rewrite ^/srvn/(.*)$ /last/$1;
    rewrite ^/srvr/(.*)$ /last/$1 redirect;
    rewrite ^/srvp/(.*)$ /last/$1 permanent;
    rewrite ^/abs/(.*)$ http://elsewhere.test/$1;
    location /last/ { TAG rw/last; proxy_pass http://b/L/; }
    location /l/ { TAG rw/l; rewrite ^/l/(.*)$ /last/$1 last; proxy_pass http://b/never/; }
    location /b/ { TAG rw/b; rewrite ^/b/(.*)$ /other/$1 break; proxy_pass http://b/x/; }
    location /n/ { TAG rw/n; rewrite ^/n/(.*)$ /n2/$1; rewrite ^/n2/(.*)$ /last/$1; proxy_pass http://b/never/; }
    location /nb/ { TAG rw/nb; rewrite ^/nb/(.*)$ /nb2/$1; break; proxy_pass http://b/x/; }
    location /red/ { TAG rw/red; rewrite ^/red/(.*)$ /to/$1 redirect; }
    location /perm/ { TAG rw/perm; rewrite ^/perm/(.*)$ /to/$1 permanent; }
    location /cap/ { TAG rw/cap; rewrite ^/cap/(\w+)/(\w+)$ /last/$2/$1 last; return 404; }
    location /named/ { TAG rw/named; rewrite ^/named/(?<first>[^/]+)/(?<second>.*)$ /last/$second/$first last; return 404; }
    location ~ ^/loccap/(.*)$ { TAG rw/loccap; rewrite ^ /last/$1 last; }
    location /nomatch/ { TAG rw/nomatch; rewrite ^/other/(.*)$ /last/$1 last; proxy_pass http://b; }
    location /loop/ { TAG rw/loop; rewrite ^/loop/(.*)$ /loop/$1 last; }
    location /enc/ { TAG rw/enc; rewrite ^/enc/(.*)$ /last/$1 last; }
    location /encb/ { TAG rw/encb; rewrite ^/encb/(.*)$ /x/$1 break; proxy_pass http://b; }
    location /ws/ { TAG rw/ws; rewrite ^/ws/(.*)$ /socket/$1 break; proxy_pass http://b; }
    location / { TAG rw/root; RET; }
}
`,
		reqs: []dreq{
			get("/srv/a?q=1", up("rw/last", "/L/a?q=1")),
			get("/srvb/a", up("rw/last", "/last/a")),
			get("/srvn/a", up("rw/last", "/L/a")),
			get("/srvr/a?q=1", found("rw", "/last/a?q=1")),
			get("/srvp/a", redirect("rw", "/last/a")),
			get("/abs/a?q=1", found("rw", "/a?q=1")),
			get("/l/x?y=2", up("rw/last", "/L/x?y=2")),
			get("/b/x?y=2", up("rw/b", "/other/x?y=2")),
			get("/n/x", up("rw/last", "/L/x")),
			get("/nb/x?k", up("rw/nb", "/nb2/x?k")),
			get("/red/a%20b?q", nil),
			get("/red/x?q=1", found("rw/red", "/to/x?q=1")),
			get("/perm/x", redirect("rw/perm", "/to/x")),
			get("/cap/one/two", up("rw/last", "/L/two/one")),
			get("/cap/one/two/three", st(404, "rw/cap")),
			get("/named/a/b/c", up("rw/last", "/L/b/c/a")),
			get("/loccap/deep/er?z", up("rw/last", "/L/?z")),
			get("/nomatch/x", up("rw/nomatch", "/nomatch/x")),
			get("/loop/x", st(500, "rw/loop")),
			get("/enc/a%20b", up("rw/last", "/L/a%20b")),
			get("/enc/a%2Fb", nil),
			get("/encb/a%3Fb?q=1", nil),
			get("/encb/a+b", nil),
			get("/ws/chat?room=1", up("rw/ws", "/socket/chat?room=1")).with("Upgrade", "websocket", "Connection", "Upgrade"),
		},
	}
}

// handRewriteArgs: the query string rules of rewrite.
func handRewriteArgs() dconfig {
	return dconfig{
		name:   "hand-rewrite-args",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG ra;
    location /keep/ { TAG ra/keep; rewrite ^/keep/(.*)$ /k/$1 break; proxy_pass http://b; }
    location /drop/ { TAG ra/drop; rewrite ^/drop/(.*)$ /d/$1? break; proxy_pass http://b; }
    location /new/ { TAG ra/new; rewrite ^/new/(.*)$ /n?p=$1 break; proxy_pass http://b; }
    location /newonly/ { TAG ra/newonly; rewrite ^/newonly/(.*)$ /n?p=$1? break; proxy_pass http://b; }
    location /capargs/ { TAG ra/capargs; rewrite ^/capargs/(.*)$ /c?v=$1 break; proxy_pass http://b; }
    location /rdrop/ { TAG ra/rdrop; rewrite ^/rdrop/(.*)$ /t/$1? redirect; }
    location /rnew/ { TAG ra/rnew; rewrite ^/rnew/(.*)$ /t?p=$1 redirect; }
    location /setargs/ { TAG ra/setargs; set $args "a=$arg_b"; proxy_pass http://b/s/; }
    location /isargs/ { TAG ra/isargs; rewrite ^/isargs/(.*)$ /i/$1$is_args$args? break; proxy_pass http://b; }
}
`,
		reqs: []dreq{
			get("/keep/x?a=1&b=2", up("ra/keep", "/k/x?a=1&b=2")),
			get("/keep/x", up("ra/keep", "/k/x")),
			get("/drop/x?a=1", up("ra/drop", "/d/x")),
			get("/new/x?a=1", up("ra/new", "/n?p=x&a=1")),
			get("/new/x", up("ra/new", "/n?p=x")),
			get("/newonly/x?a=1", up("ra/newonly", "/n?p=x")),
			get("/capargs/a%20b", nil),
			get("/capargs/a&b", nil),
			get("/capargs/a%26b", nil),
			get("/rdrop/x?a=1", found("ra/rdrop", "/t/x")),
			get("/rnew/x?a=1", found("ra/rnew", "/t?p=x&a=1")),
			get("/rnew/x", found("ra/rnew", "/t?p=x")),
			get("/setargs/x?b=7&c=8", up("ra/setargs", "/s/x?a=7")),
			get("/isargs/x?q=1", nil),
			get("/isargs/x", nil),
		},
	}
}

// handScript: set, return (codes, text, URLs) and break.
func handScript() dconfig {
	return dconfig{
		name:   "hand-script",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    server_name s.test;
    TAG sc;
    set $srv_target /from-server;
    location /set/ { TAG sc/set; set $t /mapped; proxy_pass http://b$t; }
    location /setvars/ { TAG sc/setvars; set $t "/v/$uri/$arg_x"; proxy_pass http://b$t$is_args$args; }
    location /srvset/ { TAG sc/srvset; proxy_pass http://b$srv_target; }
    location /chain/ { TAG sc/chain; set $a one; set $b "${a}-two"; set $a three; proxy_pass http://b/$a/$b; }
    location /ret/ { TAG sc/ret; return 403; }
    location /rettext/ { TAG sc/rettext; return 200 "text $uri"; }
    location /retred/ { TAG sc/retred; return 301 /elsewhere$request_uri; }
    location /returl/ { TAG sc/returl; return https://$host/x; }
    location /ret307/ { TAG sc/ret307; return 307 http://other.test$uri$is_args$args; }
    location /retafter/ { TAG sc/retafter; rewrite ^ /changed break; return 410; }
    location /brk/ { TAG sc/brk; break; return 403; proxy_pass http://b/x/; }
    location /brkset/ { TAG sc/brkset; set $t /before; break; set $t /after; proxy_pass http://b$t; }
    location /retfirst/ { TAG sc/retfirst; return 418; rewrite ^ /never last; }
}
`,
		reqs: []dreq{
			get("/set/x?q=1", up("sc/set", "/mapped")),
			get("/setvars/x?x=7", up("sc/setvars", "/v//setvars/x/7?x=7")),
			get("/srvset/x", up("sc/srvset", "/from-server")),
			get("/chain/x", up("sc/chain", "/three/one-two")),
			get("/ret/x", st(403, "sc/ret")),
			get("/rettext/x", st(200, "sc/rettext")),
			get("/retred/x?a=1", redirect("sc/retred", "/elsewhere/retred/x?a=1")),
			get("/returl/x", found("sc/returl", "/x")),
			get("/ret307/a?b=1", &dwant{status: 307, route: "sc/ret307", location: "/ret307/a?b=1"}),
			get("/retafter/x", st(404, "sc/retafter")),
			get("/brk/y?z", up("sc/brk", "/x/y?z")),
			get("/brkset/y", up("sc/brkset", "/before")),
			get("/retfirst/y", st(418, "sc/retfirst")),
		},
	}
}

// handIf: if conditions the request decides, in server and location
// context; a true if in a location switches to its configuration.
func handIf() dconfig {
	return dconfig{
		name:   "hand-if",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    server_name i.test;
    TAG if;
    if ($http_x_srv = "go") { rewrite ^ /target/srv last; }
    location /target/ { TAG if/target; proxy_pass http://b; }
    location /up/ {
        TAG if/up;
        if ($http_upgrade = "websocket") { TAG if/up/ws; proxy_pass http://b; }
        proxy_pass http://b/plain/;
    }
    location /upci/ {
        TAG if/upci;
        if ($http_upgrade ~* ^websocket$) { TAG if/upci/ws; proxy_pass http://b; }
        return 426;
    }
    location /ne/ {
        TAG if/ne;
        if ($request_method != GET) { return 405; }
        proxy_pass http://b;
    }
    location /re/ {
        TAG if/re;
        if ($uri ~ ^/re/(\d+)/) { set $id $1; }
        proxy_pass http://b/id/$id;
    }
    location /negre/ {
        TAG if/negre;
        if ($args !~ token=) { return 401; }
        proxy_pass http://b;
    }
    location /host/ {
        TAG if/host;
        if ($host = i.test) { TAG if/host/yes; }
        proxy_pass http://b;
    }
    location /ruri/ {
        TAG if/ruri;
        if ($request_uri ~ "\?debug") { TAG if/ruri/dbg; return 204; }
        proxy_pass http://b;
    }
    location /ifrw/ {
        TAG if/ifrw;
        if ($arg_v = 2) { rewrite ^/ifrw/(.*)$ /target/v2/$1 last; }
        proxy_pass http://b;
    }
    location /seq/ {
        TAG if/seq;
        set $s a;
        if ($arg_x) { set $s "${s}x"; }
        if ($arg_y) { set $s "${s}y"; }
        proxy_pass http://b/seq/$s;
    }
    location /addr/ {
        TAG if/addr;
        if ($remote_addr = 10.9.9.9) { return 403; }
        proxy_pass http://b;
    }
    location /twoif/ {
        TAG if/twoif;
        if ($arg_a) { TAG if/twoif/a; proxy_pass http://b; }
        if ($arg_b) { TAG if/twoif/b; }
    }
    location /empty/ {
        TAG if/empty;
        if ($arg_z) { TAG if/empty/z; }
        proxy_pass http://b;
    }
}
`,
		reqs: []dreq{
			get("/anything", up("if/target", "/target/srv")).with("X-Srv", "go"),
			get("/up/a", up("if/up", "/plain/a")),
			get("/up/a", up("if/up/ws", "/up/a")).with("Upgrade", "websocket", "Connection", "Upgrade"),
			get("/up/a", up("if/up", "/plain/a")).with("Upgrade", "WebSocket"),
			// The if block has no return of its own, so the location's next
			// directive, return 426, still runs ("if is evil").
			get("/upci/a", st(426, "if/upci/ws")).with("Upgrade", "WebSocket"),
			get("/upci/a", st(426, "if/upci")),
			get("/ne/a", up("if/ne", "/ne/a")),
			get("/ne/a", st(405, "if/ne")).withMethod("DELETE"),
			get("/re/42/x", up("if/re", "/id/42")),
			get("/re/x", up("if/re", "/id/")),
			get("/negre/a?token=1", up("if/negre", "/negre/a?token=1")),
			get("/negre/a", st(401, "if/negre")),
			get("/host/a", up("if/host", "/host/a")),
			on(0, "I.TEST:80", "/host/a", up("if/host/yes", "/host/a")),
			on(0, "", "/host/a", up("if/host/yes", "/host/a")),
			on(0, "other.test", "/host/a", up("if/host", "/host/a")),
			get("/ruri/a?debug=1", st(204, "if/ruri/dbg")),
			get("/ruri/a?x=1", up("if/ruri", "/ruri/a?x=1")),
			get("/ifrw/a?v=2", up("if/target", "/target/v2/a?v=2")),
			get("/ifrw/a?v=3", up("if/ifrw", "/ifrw/a?v=3")),
			get("/seq/?x=1&y=1", up("if/seq", "/seq/axy")),
			get("/seq/?y=1", up("if/seq", "/seq/ay")),
			get("/seq/", up("if/seq", "/seq/a")),
			// The client's address is not in the request route is given.
			get("/addr/x", up("if/addr", "/addr/x")).unknownTarget(),
			get("/twoif/x?a=1", up("if/twoif/a", "/twoif/x?a=1")),
			// Two true ifs: the first one's proxy handler stays, the second
			// one's configuration has no upstream.
			get("/twoif/x?a=1&b=1", st(500, "if/twoif/b")),
			get("/empty/?z=0", up("if/empty", "/empty/?z=0")),
			get("/empty/?z=", up("if/empty", "/empty/?z=")),
			get("/empty/?z=00", up("if/empty/z", "/empty/?z=00")),
		},
	}
}

// handTryFiles: try_files to a named location, a URI and a code, with no
// file under the root.
func handTryFiles() dconfig {
	return dconfig{
		name:   "hand-try-files",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG tf;
    location /named/ { TAG tf/named; try_files $uri $uri/ @app; }
    location @app { TAG tf/@app; proxy_pass http://b; }
    location /uri/ { TAG tf/uri; try_files $uri /app$uri?from=tf; }
    location /app/ { TAG tf/app; proxy_pass http://b/A/; }
    location /code/ { TAG tf/code; try_files $uri =404; }
    location /codeep/ { TAG tf/codeep; error_page 404 = @app; try_files $uri =404; }
    location /inner/ {
        TAG tf/inner;
        try_files $uri @app;
        location /inner/nested/ { TAG tf/inner/nested; proxy_pass http://b/N/; }
    }
    location /withif/ {
        TAG tf/withif;
        if ($arg_i) { TAG tf/withif/if; }
        try_files $uri @app;
        proxy_pass http://b/W/;
    }
    location /ws/ { TAG tf/ws; try_files $uri @ws; }
    location @ws { TAG tf/@ws; proxy_pass http://b; proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"; }
}
`,
		reqs: []dreq{
			get("/named/a%20b?q=1", up("tf/@app", "/named/a%20b?q=1")),
			get("/named/", up("tf/@app", "/named/")),
			get("/uri/x?y=1", up("tf/app", "/A/uri/x?from=tf")),
			get("/code/x", st(404, "tf/code")),
			get("/codeep/x", up("tf/@app", "/codeep/x")),
			get("/inner/x", up("tf/@app", "/inner/x")),
			get("/inner/nested/x", up("tf/inner/nested", "/N/x")),
			get("/withif/x", up("tf/@app", "/withif/x")),
			get("/withif/x?i=1", up("tf/withif/if", "/W/x?i=1")),
			get("/ws/chat", up("tf/@ws", "/ws/chat")).with("Upgrade", "websocket", "Connection", "Upgrade"),
		},
	}
}

// handErrorPage: error_page to a named location, a URI and a URL, reached
// by return and by the static module's 404.
func handErrorPage() dconfig {
	return dconfig{
		name:   "hand-error-page",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG ep;
    error_page 404 = @fallback;
    location @fallback { TAG ep/@fallback; proxy_pass http://b; }
    location /ret/ { TAG ep/ret; return 404; }
    location /rettext/ { TAG ep/rettext; return 404 "gone"; }
    location /static/ { TAG ep/static; }
    location /touri/ { TAG ep/touri; error_page 403 /err/page?code=403; return 403; }
    location /err/ { TAG ep/err; proxy_pass http://b/E/; }
    location /tourl/ { TAG ep/tourl; error_page 410 http://other.test/gone; return 410; }
    location /over/ { TAG ep/over; error_page 404 =301 http://other.test/moved; return 404; }
    location /own/ { TAG ep/own; error_page 500 /err/500; return 404; }
    location /twice/ { TAG ep/twice; error_page 404 /twice2/; return 404; }
    location /twice2/ { TAG ep/twice2; return 404; }
    location /epred/ { TAG ep/epred; error_page 404 /redir/x; return 404; }
    location /redir/ { TAG ep/redir; return 302 /elsewhere; }
    location /eptext/ { TAG ep/eptext; error_page 404 /text/x; return 404; }
    location /text/ { TAG ep/text; return 200 "text"; }
}
`,
		reqs: []dreq{
			get("/ret/x?q=1", up("ep/@fallback", "/ret/x?q=1")),
			get("/rettext/x", st(404, "ep/rettext")),
			get("/static/x", up("ep/@fallback", "/static/x")),
			get("/nolocation", up("ep/@fallback", "/nolocation")),
			get("/touri/x", &dwant{status: 403, route: "ep/err", target: "/E/page?code=403"}),
			get("/tourl/x", found("ep/tourl", "/gone")),
			get("/over/x", redirect("ep/over", "/moved")),
			get("/own/x", st(404, "ep/own")),
			get("/twice/x", st(404, "ep/twice2")),
			// A redirect made after the error page is the client's answer;
			// a text answer keeps the error's status.
			get("/epred/x", found("ep/redir", "/elsewhere")),
			get("/eptext/x", st(404, "ep/text")),
		},
	}
}

// handVariables: the variables route computes, in proxy_pass and
// proxy_set_header.
func handVariables() dconfig {
	return dconfig{
		name:   "hand-variables",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    server_name v.test;
    TAG va;
    location /ruri/ { TAG va/ruri; proxy_pass http://b$request_uri; }
    location /uri/ { TAG va/uri; proxy_pass http://b$uri$is_args$args; }
    location /argn/ { TAG va/argn; proxy_pass http://b/a/$arg_name; }
    location ~* ^/ci/(?<rest>.*)$ { TAG va/ci; proxy_pass http://b/ci/$rest$is_args$args; }
    location /hdr/ {
        TAG va/hdr;
        proxy_pass http://b;
        proxy_set_header X-Host $host;
        proxy_set_header X-Scheme $scheme;
        proxy_set_header X-Port $server_port;
        proxy_set_header X-Uri $uri;
        proxy_set_header X-Args "$args|$is_args|$arg_a";
        proxy_set_header X-Req $request_uri;
        proxy_set_header X-Method $request_method;
        proxy_set_header X-Upgrade $http_upgrade;
        proxy_set_header X-Cookie $cookie_sid;
    }
    location /hdrrw/ {
        TAG va/hdrrw;
        rewrite ^/hdrrw/(.*)$ /after/$1?n=1 break;
        proxy_pass http://b;
        proxy_set_header X-Uri $uri;
        proxy_set_header X-Args $args;
        proxy_set_header X-Req $request_uri;
    }
}
`,
		reqs: []dreq{
			get("/ruri/a%20b/../c?q=1", up("va/ruri", "/ruri/a%20b/../c?q=1")),
			get("/uri/a%20b?q=1", nil),
			get("/uri/x?q=1", up("va/uri", "/uri/x?q=1")),
			get("/argn/?name=bob&x=1", up("va/argn", "/a/bob")),
			get("/argn/?NAME=al", up("va/argn", "/a/al")),
			get("/CI/deep/x?z=1", up("va/ci", "/ci/deep/x?z=1")),
			get("/hdr/x?a=1", nil).with("Upgrade", "websocket", "Cookie", "a=1; sid=s3"),
			on(0, "", "/hdr/y", nil),
			on(0, "V.Test:8080", "/hdr/y", nil),
			get("/hdrrw/x?q=2", nil),
		},
	}
}

// handMethods: the method, limit_except and error_page turning a method
// into GET.
func handMethods() dconfig {
	return dconfig{
		name:   "hand-methods",
		nports: 1,
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG me;
    location /lmt/ { TAG me/lmt; limit_except GET { proxy_pass http://b; } }
    location /m/ { TAG me/m; proxy_pass http://b; proxy_set_header X-Method $request_method; }
    location /epm/ { TAG me/epm; error_page 404 /m/after; return 404; }
}
`,
		reqs: []dreq{
			get("/lmt/x", st(404, "me/lmt")),
			get("/lmt/x", up("me/lmt", "/lmt/x")).withMethod("POST"),
			get("/m/x", nil).withMethod("PUT"),
			get("/epm/x", nil).withMethod("DELETE"),
		},
	}
}

// handFiles: files on disk, which the model is told about: try_files that
// finds one, "if (!-f $request_filename)", "-d", the static module.
func handFiles() dconfig {
	return dconfig{
		name:   "hand-files",
		nports: 1,
		files:  []string{"html/tf/here.txt", "html/iff/here.txt", "html/dir/sub/x.txt", "html/st/f.txt", "docs/d/page.html"},
		body: `
server {
    listen 127.0.0.1:{P0};
    TAG fi;
    location /tf/ { TAG fi/tf; try_files $uri @app; }
    location @app { TAG fi/@app; proxy_pass http://b; }
    location /iff/ { TAG fi/iff; if (!-f $request_filename) { rewrite ^/iff/(.*)$ /app/$1 last; } }
    location /app/ { TAG fi/app; proxy_pass http://b/A/; }
    location /dir/ { TAG fi/dir; if (-d $request_filename) { return 403; } proxy_pass http://b; }
    location /st/ { TAG fi/st; }
    location /d/ { TAG fi/d; root docs; try_files $uri /app$uri; }
}
`,
		reqs: []dreq{
			get("/tf/here.txt", st(200, "fi/tf")),
			get("/tf/missing", up("fi/@app", "/tf/missing")),
			get("/iff/here.txt", st(200, "fi/iff")),
			get("/iff/missing?q=1", up("fi/app", "/A/missing?q=1")),
			get("/dir/sub", st(403, "fi/dir")),
			get("/dir/sub/x.txt", up("fi/dir", "/dir/sub/x.txt")),
			get("/dir/none", up("fi/dir", "/dir/none")),
			get("/st/f.txt", st(200, "fi/st")),
			get("/st/nope", st(404, "fi/st")),
			get("/d/page.html", st(200, "fi/d")),
			get("/d/other.html", up("fi/app", "/A/d/other.html")),
		},
	}
}
