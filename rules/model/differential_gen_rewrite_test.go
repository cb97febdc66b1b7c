package model_test

import (
	"flag"
	"fmt"
	"math/rand"
	"strings"
)

// The random configurations of the differential test for the rewrite module
// (issue 18): one server whose server level and locations run random
// sequences of rewrite (every flag, captures, replacements with and without
// a query string), set, if ($arg_i, $http_upgrade, regexes on $uri),
// return, break, try_files and error_page, and then proxy (with and without
// a URI part, with $request_uri, $uri, a set variable), return or serve
// files; requests are built from the same path segments with query strings,
// escapes and WebSocket headers. A separate seed keeps the other random
// configurations unchanged.

var differentialRewriteConfigs = flag.Int("differential.rewrite-configs", 24, "number of random rewrite-module configurations in the differential test")

var (
	rwSegs    = []string{"a", "b", "ws", "ab"}
	rwRegexes = []string{`^/(\w+)/(.*)$`, `^/a/(.*)$`, `^/ws/(.*)`, `^`, `/b`, `^/(ab|ws)(/.*)?$`, `\.js$`}
	rwRepls   = []string{"/a/$2", "/b/$1?x=$2", "/ws/$1?", "/ab/$1", "/nowhere/$1", "/b/", "/a/$1$is_args$args?", "/ws/x?i=1"}
	rwFlags   = []string{"", "last", "last", "break", "break", "redirect", "permanent"}
	rwSets    = []string{"$uri", "/p$arg_i", "/c$1", "/fixed", "$request_uri"}
	rwPasses  = []string{"http://b", "http://b/x/", "http://b/", "http://b$v", "http://b$uri$is_args$args", "http://b$request_uri"}
	rwVarPass = []string{"http://b", "http://b$v", "http://b$uri$is_args$args", "http://b$request_uri", "http://b/c$1"}
	rwQueries = []string{"", "", "?i=1", "?i=0", "?a=b&i=2", "?q", "?s=1", "?s=2&i=1"}
)

// generateRewriteConfig makes random rewrite configuration number i.
func generateRewriteConfig(r *rand.Rand, i int) dconfig {
	g := &generator{r: r, id: i}
	g.line(0, "server {")
	g.line(1, "listen 127.0.0.1:{P0};")
	g.line(1, fmt.Sprintf("TAG w%d;", i))
	for range g.r.Intn(3) {
		g.rewriteLine(1)
	}
	if g.chance(30) {
		g.line(1, "error_page 404 = @n;")
	}
	if g.chance(25) {
		g.line(1, "if ($arg_s) { "+g.pick([]string{"rewrite ^ /b/s last;", "return 410;", "set $v /srv;", "set $args s=$arg_s;"})+" }")
	}
	g.line(1, "location = /never { set $v /never; RET; }")
	g.line(1, fmt.Sprintf("location @n { TAG w%d/@n; proxy_pass %s; }", i, g.pick([]string{"http://b", "http://b$v"})))
	names := []string{"/"}
	for _, s := range rwSegs {
		names = append(names, "/"+s+"/")
	}
	for _, name := range names {
		if name != "/" && !g.chance(80) {
			continue
		}
		g.rewriteLocation(name, "", name)
	}
	if g.chance(70) {
		g.rewriteLocation(`^/r(\w*)/(.*)$`, "~", "r")
	}
	g.line(0, "}")
	c := dconfig{name: fmt.Sprintf("random-rw-%02d", i), body: g.b.String(), nports: 1}
	for range genRequests {
		c.reqs = append(c.reqs, g.rewriteRequest())
	}
	return c
}

func (g *generator) rewriteLine(depth int) {
	flag := g.pick(rwFlags)
	if depth == 1 && (flag == "break" || flag == "") && g.chance(50) {
		flag = "last"
	}
	line := fmt.Sprintf("rewrite %s %s", g.pick(rwRegexes), g.pick(rwRepls))
	if flag != "" {
		line += " " + flag
	}
	g.line(depth, line+";")
}

// rewriteLocation writes a location with a random rewrite-module script and
// a content handler.
func (g *generator) rewriteLocation(name, mod, short string) {
	g.nloc++
	tag := fmt.Sprintf("w%d/l%d", g.id, g.nloc)
	if mod != "" {
		g.line(1, "location "+mod+" "+name+" {")
	} else {
		g.line(1, "location "+name+" {")
	}
	g.line(2, "TAG "+tag+";")
	regex := mod != ""
	tryFiles := false
	for range g.r.Intn(4) {
		switch k := g.r.Intn(100); {
		case k < 35:
			g.rewriteLine(2)
		case k < 46:
			g.line(2, "set $v "+g.pick(rwSets)+";")
		case k < 50:
			g.line(2, "set $args "+g.pick([]string{"x=1", "$arg_i", "i=$arg_a&$args", "\"\""})+";")
		case k < 70:
			cond := g.pick([]string{"$arg_i", "$http_upgrade = websocket", "$uri ~ ^/(a|b)/", "$args ~ i=(\\d)", "$arg_i = 1"})
			body := "TAG " + tag + "/if;"
			switch g.r.Intn(4) {
			case 0:
				body += " set $v /if$1;"
			case 1:
				body += " return 403;"
			case 2:
				body += fmt.Sprintf(" rewrite %s %s last;", g.pick(rwRegexes), g.pick(rwRepls))
			case 3:
				body += " proxy_pass " + g.pick(rwVarPass) + ";"
			}
			g.line(2, "if ("+cond+") { "+body+" }")
		case k < 77:
			g.line(2, "break;")
		case k < 82:
			g.line(2, g.pick([]string{"return 403;", "return 302 /b$uri;", "return 404;"}))
		case k < 90:
			g.line(2, "error_page 404 "+g.pick([]string{"= @n", "/b/err", "=200 @n"})+";")
		case !tryFiles:
			tryFiles = true
			g.line(2, "try_files $uri "+g.pick([]string{"@n", "/ab$uri?tf=1", "=404"})+";")
		}
	}
	switch k := g.r.Intn(100); {
	case k < 65:
		pass := g.pick(rwPasses)
		if regex {
			pass = g.pick(rwVarPass)
		}
		g.line(2, "proxy_pass "+pass+";")
	case k < 80:
		g.line(2, "RET;")
	}
	g.line(1, "}")
	_ = short
}

func (g *generator) rewriteRequest() dreq {
	var segs []string
	for range 1 + g.r.Intn(3) {
		s := g.pick(append([]string{"r", "rx", "c.js", "x"}, rwSegs...))
		if g.chance(10) {
			s = g.escapeOne(s)
		}
		segs = append(segs, s)
	}
	target := "/" + strings.Join(segs, "/")
	if g.chance(20) {
		target += "/"
	}
	target += g.pick(rwQueries)
	rq := dreq{wireRequest: wireRequest{target: target, host: "h.test"}}
	if g.chance(30) {
		rq.headers = append(rq.headers, clientHeader{"Upgrade", "websocket"}, clientHeader{"Connection", "Upgrade"})
	}
	return rq
}
