package model_test

import (
	"fmt"
	"math/rand"
	"strings"
)

// The random configurations of the differential test: servers on one or two
// ports with names from a small pool, trees of prefix, ^~, exact, regex and
// nested locations whose names come from a small alphabet (so that prefixes
// collide, nest and shadow each other), proxy_pass with and without a URI
// part, if blocks, proxy_set_header at every level, and URIs built from the
// same alphabet with //, /./, /../, %-escapes and query strings. Every count
// is bounded.

var (
	genSegs    = []string{"a", "b", "ab", "ws"}
	genURISegs = []string{"a", "b", "ab", "ws", "x", "c.js", "A", "AB", "ws2", "@n"}
	// genNames are server names; genHosts are Host headers that hit them
	// (and some that do not).
	genNames = []string{"a.test", "*.a.test", "a.*", ".b.test", `~^r\d\.test$`, "c.test", `""`}
	genHosts = []string{"a.test", "x.a.test", "a.org", "b.test", "y.b.test", "r1.test", "c.test", "none.test", "A.TEST:80"}

	genHeaderNames  = []string{"X-A", "x-a", "X-B", "Host", "Connection", "Upgrade", "X-In"}
	genHeaderValues = []string{"v1", "v2", "", "$http_x_in", "$http_upgrade", "$connection_upgrade",
		"$proxy_host", "$http_x_missing", "pre-$http_x_in"}
	genHostValues     = []string{"h.test", "$proxy_host"}
	genPrefixTargets  = []string{"http://b", "http://b/", "http://b/x/", "http://b/x", "http://{B}", "http://{B}/y/"}
	genRegexTargets   = []string{"http://b", "http://{B}"}
	genCaptureTargets = []string{"http://b$1", "http://{B}$1"}

	// A random map of $http_x_in: keys (exact, hostnames wildcards,
	// regexes with and without groups), values, and what clients send.
	genMapKeys      = []string{"in1", "IN2", "x.a.test", ".a.test", "*.a.test", "a.*", "~^in", `~*^X\.`, "''", `~^in(\d)$`}
	genMapValues    = []string{"one", "two", "''", "v-$http_x_in"}
	genClientXIn    = []string{"in1", "IN2", "in3", "x.a.test", "X.A.TEST.", "a.org", ""}
	genURIInsertion = []string{"%25", "%20", "%2e", "%2F%2E%2E", "a%2Fb"}
)

// Bounds of the generator.
const (
	genMaxDepth    = 2 // nesting below the server level
	genMaxChildren = 3
	genRequests    = 14 // per configuration
)

type generator struct {
	r      *rand.Rand
	id     int
	b      strings.Builder
	nloc   int
	names  []string // prefix and exact location names, for URIs
	values []string // proxy_set_header values
}

// level tracks a level's location names: nginx refuses two prefix
// locations (with or without ^~) or two exact ones of the same name.
type level struct{ prefix, exact, regex map[string]bool }

func newLevel() *level {
	return &level{prefix: map[string]bool{}, exact: map[string]bool{}, regex: map[string]bool{}}
}

func (g *generator) chance(percent int) bool { return g.r.Intn(100) < percent }

func (g *generator) pick(xs []string) string { return xs[g.r.Intn(len(xs))] }

func (g *generator) line(depth int, s string) {
	g.b.WriteString(strings.Repeat("    ", depth) + s + "\n")
}

// generateConfig makes random configuration number i.
func generateConfig(r *rand.Rand, i int) dconfig {
	g := &generator{r: r, id: i, values: genHeaderValues}
	nports := 1 + r.Intn(2)
	nservers := nports + r.Intn(2)
	g.line(0, "map $http_upgrade $connection_upgrade { default upgrade; '' close; }")
	if g.chance(50) {
		g.mapBlock()
	}
	if g.chance(25) {
		g.headers(0)
	}
	if g.chance(20) {
		g.line(0, "proxy_http_version 1.1;")
	}
	if g.chance(10) {
		g.line(0, "merge_slashes off;")
	}
	defaults := map[int]bool{}
	for s := range nservers {
		g.server(s, s%nports, defaults)
	}
	c := dconfig{name: fmt.Sprintf("random-%02d", i), body: g.b.String(), nports: nports}
	for range genRequests {
		c.reqs = append(c.reqs, g.request(nports))
	}
	return c
}

func (g *generator) server(s, port int, defaults map[int]bool) {
	g.line(0, "server {")
	listen := fmt.Sprintf("listen 127.0.0.1:{P%d}", port)
	if !defaults[port] && g.chance(30) {
		listen += " default_server"
		defaults[port] = true
	}
	g.line(1, listen+";")
	if n := g.r.Intn(3); n > 0 {
		var names []string
		for range n {
			names = append(names, g.pick(genNames))
		}
		g.line(1, "server_name "+strings.Join(names, " ")+";")
	}
	g.line(1, fmt.Sprintf("TAG g%d/s%d;", g.id, s))
	if g.chance(20) {
		g.headers(1)
	}
	if g.chance(10) {
		g.line(1, "merge_slashes off;")
	}
	if g.chance(15) {
		g.line(1, "proxy_http_version 1.1;")
	}
	lv := newLevel()
	for range 2 + g.r.Intn(5) {
		g.location(lv, "", false, 1)
	}
	g.line(0, "}")
}

// headers writes one or two proxy_set_header lines.
func (g *generator) headers(depth int) {
	host := false
	for range 1 + g.r.Intn(2) {
		name := g.pick(genHeaderNames)
		value := g.pick(g.values)
		if name == "Host" {
			// An empty Host, or two, would make the backend (Go's HTTP
			// server) refuse the request, which is not what is tested.
			if host {
				continue
			}
			host = true
			value = g.pick(genHostValues)
		}
		g.line(depth, fmt.Sprintf("proxy_set_header %s %q;", name, value))
	}
}

// mapBlock writes "map $http_x_in $mv" with random keys and makes $mv a
// header value.
func (g *generator) mapBlock() {
	g.line(0, "map $http_x_in $mv {")
	hostnames := g.chance(35)
	if hostnames {
		g.line(1, "hostnames;")
	}
	seen := map[string]bool{}
	for range 2 + g.r.Intn(3) {
		key := g.pick(genMapKeys)
		norm := strings.ToLower(key)
		if hostnames {
			// ".x" and "*.x" are one wildcard for nginx.
			norm = strings.TrimPrefix(norm, "*")
		}
		if seen[norm] {
			continue
		}
		seen[norm] = true
		value := g.pick(genMapValues)
		if strings.Contains(key, "(") && g.chance(60) {
			value = "n$1"
		}
		g.line(1, key+" "+value+";")
	}
	if g.chance(70) {
		g.line(1, "default "+g.pick(genMapValues)+";")
	}
	g.line(0, "}")
	g.values = append(append([]string(nil), genHeaderValues...), "$mv", "$mv", "m-$mv")
}

// location writes one location (and its nested ones) inside a level whose
// parent location is parent ("" at the server level; parentRegex when it
// is a regex location).
func (g *generator) location(lv *level, parent string, parentRegex bool, depth int) {
	var mod, name string
	capture := false
	ok := false
	for range 10 {
		k := g.r.Intn(100)
		switch {
		case parentRegex || k < 22:
			mod = "~"
			if g.chance(25) {
				mod = "~*"
			}
			name, capture = g.regex(mod == "~*")
			ok = !lv.regex[name]
		case k < 26 && depth == 1:
			mod, name = "@", fmt.Sprintf("@n%d", g.nloc)
			ok = true
		case k < 42:
			mod, name = "=", g.path(parent)
			ok = !lv.exact[name]
		case k < 57:
			mod, name = "^~", g.path(parent)
			ok = !lv.prefix[name]
		default:
			mod, name = "", g.path(parent)
			ok = !lv.prefix[name]
		}
		if ok {
			break
		}
	}
	if !ok {
		return
	}
	switch mod {
	case "~", "~*":
		lv.regex[name] = true
	case "=":
		lv.exact[name] = true
		g.names = append(g.names, name)
	case "", "^~":
		lv.prefix[name] = true
		g.names = append(g.names, name)
	}
	g.nloc++
	tag := fmt.Sprintf("g%d/l%d", g.id, g.nloc)
	head := "location " + name + " {"
	if mod != "" && mod != "@" {
		head = "location " + mod + " " + name + " {"
	}
	g.line(depth, head)
	g.line(depth+1, "TAG "+tag+";")
	if mod == "@" {
		g.line(depth+1, "RET;")
		g.line(depth, "}")
		return
	}
	var pass string
	action := g.r.Intn(100)
	switch {
	case action < 50:
		switch mod {
		case "~", "~*":
			pass = g.pick(genRegexTargets)
			if capture && g.chance(50) {
				pass = g.pick(genCaptureTargets)
			}
		default:
			pass = g.pick(genPrefixTargets)
		}
	case action < 78:
		g.line(depth+1, "RET;")
	}
	if g.chance(25) {
		g.headers(depth + 1)
	}
	if g.chance(10) {
		g.line(depth+1, "proxy_http_version "+g.pick([]string{"1.0", "1.1"})+";")
	}
	if action >= 50 && action < 78 {
		// a location that returns has no if: the order of return and if
		// would matter, and nothing here is about it.
	} else if g.chance(20) {
		body := "TAG " + tag + "/if;"
		if g.chance(50) {
			body += " proxy_pass " + g.pick(genRegexTargets) + ";"
		}
		g.line(depth+1, "if ($arg_i) { "+body+" }")
	}
	if pass != "" {
		g.line(depth+1, "proxy_pass "+pass+";")
	}
	if depth <= genMaxDepth && mod != "=" && g.chance(35) {
		inner := newLevel()
		for range 1 + g.r.Intn(genMaxChildren) {
			if mod == "~" || mod == "~*" {
				g.location(inner, name, true, depth+1)
			} else {
				g.location(inner, name, false, depth+1)
			}
		}
	}
	g.line(depth, "}")
}

// path makes a prefix or exact location name; nested in a prefix location
// it starts with the parent's name, as nginx requires.
func (g *generator) path(parent string) string {
	if parent == "" {
		if g.chance(10) {
			return "/"
		}
		p := "/" + g.pick(genSegs)
		if g.chance(40) {
			p += "/" + g.pick(genSegs)
		}
		if g.chance(50) {
			p += "/"
		}
		return p
	}
	s, s2 := g.pick(genSegs), g.pick(genSegs)
	if strings.HasSuffix(parent, "/") {
		return parent + g.pick([]string{s, s + "/", s + "/" + s2})
	}
	return parent + g.pick([]string{"/", "/" + s, s, "/" + s + "/"})
}

// regex makes a location regex; capture reports a group 1 that starts with
// "/" (so that proxy_pass http://b$1 gives a URI part).
func (g *generator) regex(caseless bool) (pattern string, capture bool) {
	s, s2 := g.pick(genSegs), g.pick(genSegs)
	if caseless {
		s = strings.ToUpper(s)
		if g.chance(30) {
			return `\.JS$`, false
		}
	}
	switch g.r.Intn(9) {
	case 0:
		return "^/" + s, false
	case 1:
		return s + "$", false
	case 2:
		return "/" + s + "/", false
	case 3:
		return `\.js$`, false
	case 4:
		return "^/" + s + "(/.*)$", true
	case 5:
		return "^/" + s + "(/.*)?$", true
	case 6:
		return "^/" + s + "/" + s2, false
	case 7:
		return "(/" + s + ")$", true
	}
	return "/" + s + "$", false
}

// request makes a random request.
func (g *generator) request(nports int) dreq {
	rq := dreq{port: g.r.Intn(nports)}
	rq.target = g.uri()
	if !g.chance(15) {
		rq.host = g.pick(genHosts)
	}
	if g.chance(60) {
		rq.headers = append(rq.headers, clientHeader{"X-In", g.pick(genClientXIn)})
	}
	if g.chance(30) {
		rq.headers = append(rq.headers, clientHeader{"Upgrade", "websocket"})
	}
	if g.chance(20) {
		rq.headers = append(rq.headers, clientHeader{"X-A", "client"})
	}
	return rq
}

// uri makes a request-target: half of them derived from a location name.
func (g *generator) uri() string {
	var p string
	if len(g.names) > 0 && g.chance(55) {
		p = g.pick(g.names)
		switch g.r.Intn(6) {
		case 0:
			if p = strings.TrimSuffix(p, "/"); p == "" {
				p = "/"
			}
		case 1:
			if !strings.HasSuffix(p, "/") {
				p += "/"
			}
			p += g.pick(genURISegs)
		case 2:
			p += g.pick(genURISegs)
		case 3:
			p += "/c.js"
		}
	} else {
		for range 1 + g.r.Intn(3) {
			p += "/" + g.pick(genURISegs)
		}
		if g.chance(25) {
			p += "/"
		}
	}
	if g.chance(12) {
		p = g.atSlash(p, "/")
	}
	if g.chance(10) {
		p = g.atSlash(p, "./")
	}
	if g.chance(10) {
		p = g.atSlash(p, "x/../")
	}
	if g.chance(5) {
		p = g.atSlash(p, "../")
	}
	if g.chance(15) {
		p = g.escapeOne(p)
	}
	if g.chance(8) {
		p = g.atSlash(p, g.pick(genURIInsertion))
	}
	if g.chance(4) {
		p += g.pick([]string{"{", "|", "%7B"})
	}
	if g.chance(3) {
		p += "#f"
	}
	switch g.r.Intn(10) {
	case 0:
		p += "?q=1"
	case 1, 2:
		p += "?i=1"
	case 3:
		p += "?i=1&q=%2F"
	case 4:
		p += "?"
	case 5:
		p += "?i=0"
	}
	return p
}

// atSlash inserts s after a random "/" of p.
func (g *generator) atSlash(p, s string) string {
	var at []int
	for i := range len(p) {
		if p[i] == '/' {
			at = append(at, i+1)
		}
	}
	i := at[g.r.Intn(len(at))]
	return p[:i] + s + p[i:]
}

// escapeOne %-encodes one character of p (not the leading "/").
func (g *generator) escapeOne(p string) string {
	if len(p) < 2 {
		return p
	}
	i := 1 + g.r.Intn(len(p)-1)
	hex := fmt.Sprintf("%%%02X", p[i])
	if g.chance(50) {
		hex = strings.ToLower(hex)
	}
	return p[:i] + hex + p[i+1:]
}
