package rules_test

// Issue 6's runtime proof for the two path rules, against a real nginx
// (package nginxtest):
//
//   - WS007: the example URI a finding names ("takes \"URI\"") is routed by
//     nginx to the regex location the finding names, not to the WebSocket
//     location. Every location of the configuration is tagged with
//     `add_header X-Loc "FILE:LINE" always; return 200 "FILE:LINE";`, so
//     the answer says which location nginx chose.
//   - WS008: for "a request for X reaches the backend as Y", a request for X
//     through nginx reaches an echo backend with Y as its request target.
//
// The configurations are rewritten for the harness without moving any
// line: the preamble goes on the main file's first line, the http settings
// on the "http {" line, the tags after each location's "{". So a finding's
// FILE:LINE is the tag of the location it points at, and the linter runs on
// the very files nginx runs.

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// requestTimeout bounds one request through nginx, connect to last byte.
const requestTimeout = 5 * time.Second

var (
	// locationLineRE finds a location's opening line, up to its "{".
	locationLineRE = regexp.MustCompile(`(?m)^[ \t]*location[ \t][^{;#\n]*\{`)
	// httpLineRE finds the "http {" line.
	httpLineRE = regexp.MustCompile(`(?m)^[ \t]*http[ \t]*\{`)
	// ws007RE reads the example URI and the WebSocket location's name from
	// a WS007 message.
	ws007RE = regexp.MustCompile(`takes "(.*?)", a request under WebSocket location "(?:\^~ )?(.*?)" \(`)
	// ws008RE reads the request and the backend's path from a WS008
	// message.
	ws008RE = regexp.MustCompile(`a request for (\S+) reaches the backend as (\S+), because`)
)

// configTree is a configuration of one or more files, by slash-separated
// path relative to nginx's conf directory; "nginx.conf" is the main file.
type configTree map[string]string

// loadTree reads a fixture: a single .conf file becomes nginx.conf, a
// directory is taken whole (it must hold nginx.conf).
func loadTree(t *testing.T, path string) configTree {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !st.IsDir() {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return configTree{"nginx.conf": string(b)}
	}
	tree := configTree{}
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(path, p)
		tree[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := tree["nginx.conf"]; !ok {
		t.Fatalf("%s has no nginx.conf", path)
	}
	return tree
}

// names returns the tree's file names, sorted.
func (tr configTree) names() []string {
	var out []string
	for n := range tr {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// write puts the tree under dir (dir/nginx.conf, dir/conf.d/...).
func (tr configTree) write(t *testing.T, dir string) {
	t.Helper()
	for _, n := range tr.names() {
		path := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(tr[n]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// oneLine joins configuration lines with spaces, so that they can be put
// on an existing line without moving the lines below.
func oneLine(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\n", " "))
}

// harnessOptions say how to adapt a tree to the harness.
type harnessOptions struct {
	listen   string            // replaces the port of every "listen 80;"
	replace  map[string]string // other literal replacements (backend addresses)
	tagLocs  bool              // tag and short-circuit every location
	tagCount *int              // set to the number of tagged locations
}

// forHarnessTree adapts a tree to prefix p without moving any line: the
// preamble is put before the main file's first line, the http settings
// after "http {", "listen 80;" becomes "listen ADDR;", the replacements are
// made, and with tagLocs each location gets, right after its "{",
// `add_header X-Loc "FILE:LINE" always; return 200 "FILE:LINE";`
// (FILE:LINE of its location line), which answers before any proxy_pass.
func forHarnessTree(t *testing.T, p *nginxtest.Prefix, tree configTree, o harnessOptions) configTree {
	t.Helper()
	out := configTree{}
	var https, listens, tags int
	for _, name := range tree.names() {
		src := tree[name]
		s := src
		https += len(httpLineRE.FindAllStringIndex(s, -1))
		s = httpLineRE.ReplaceAllStringFunc(s, func(m string) string { return m + " " + oneLine(p.HTTPSettings()) })
		listens += strings.Count(s, "listen 80;")
		s = strings.ReplaceAll(s, "listen 80;", "listen "+o.listen+";")
		for from, to := range o.replace {
			s = strings.ReplaceAll(s, from, to)
		}
		if o.tagLocs {
			var b strings.Builder
			last := 0
			for _, m := range locationLineRE.FindAllStringIndex(s, -1) {
				line := strings.Count(s[:m[1]], "\n") + 1
				tag := fmt.Sprintf("%s:%d", name, line)
				b.WriteString(s[last:m[1]])
				fmt.Fprintf(&b, ` add_header X-Loc "%s" always; return 200 "%s";`, tag, tag)
				last = m[1]
				tags++
			}
			b.WriteString(s[last:])
			s = b.String()
		}
		if name == "nginx.conf" {
			s = oneLine(p.Preamble(t)) + " " + s
		}
		if strings.Count(s, "\n") != strings.Count(src, "\n") {
			t.Fatalf("rewriting %s moved lines", name)
		}
		out[name] = s
	}
	if https != 1 {
		t.Fatalf("the configuration has %d \"http {\" lines, want 1", https)
	}
	if listens == 0 {
		t.Fatal("the configuration has no \"listen 80;\"")
	}
	if o.tagCount != nil {
		*o.tagCount = tags
	}
	return out
}

// lintTree writes tree under dir and lints it from dir/nginx.conf with
// every rule and default options. Finding paths are made relative to dir.
func lintTree(t *testing.T, dir string, tree configTree) ([]rules.Diagnostic, *model.Model) {
	t.Helper()
	tree.write(t, dir)
	cfg, err := parser.ParseFile(filepath.Join(dir, "nginx.conf"), parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range cfg.Errors {
		t.Fatalf("parse error: %v", e)
	}
	m := model.Build(cfg, model.Options{})
	ds := rules.Run(m, rules.All, rules.Options{})
	rel := func(pos *parser.Position) {
		if r, err := filepath.Rel(dir, pos.File); err == nil {
			pos.File = filepath.ToSlash(r)
		}
	}
	for i := range ds {
		rel(&ds[i].Start)
		rel(&ds[i].End)
		for j := range ds[i].Related {
			rel(&ds[i].Related[j].Position)
		}
		ds[i].Message = strings.ReplaceAll(ds[i].Message, dir+string(filepath.Separator), "")
	}
	return ds, m
}

// only returns the findings of one rule.
func only(ds []rules.Diagnostic, id string) []rules.Diagnostic {
	var out []rules.Diagnostic
	for _, d := range ds {
		if d.Rule.ID == id {
			out = append(out, d)
		}
	}
	return out
}

// escapePath percent-encodes what may not appear raw in a request target's
// path; nginx decodes it again before it matches locations.
func escapePath(s string) string {
	const keep = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(keep, s[i]) >= 0 {
			b.WriteByte(s[i])
		} else {
			fmt.Fprintf(&b, "%%%02X", s[i])
		}
	}
	return b.String()
}

// response is what nginx answered.
type response struct {
	status int
	header http.Header
	body   string
}

// rawGet sends "GET target HTTP/1.1" as written (no normalisation, no
// redirect following) on a new connection to addr and reads the answer,
// all within requestTimeout.
func rawGet(t *testing.T, addr, target string) response {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, requestTimeout)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer c.Close()
	if err := c.SetDeadline(time.Now().Add(requestTimeout)); err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", target); err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", target, err)
	}
	return response{resp.StatusCode, resp.Header, string(body)}
}

// ws007Claim is one WS007 finding, as positions and the example.
type ws007Claim struct {
	uri, wsName string
	wsLoc       string // FILE:LINE of the WebSocket location
	regexLoc    string // FILE:LINE of the regex location that takes uri
}

func (c ws007Claim) String() string {
	return fmt.Sprintf("%s under %s (%s) taken by %s", c.uri, c.wsName, c.wsLoc, c.regexLoc)
}

func ws007Claims(t *testing.T, ds []rules.Diagnostic) []ws007Claim {
	t.Helper()
	var out []ws007Claim
	for _, d := range only(ds, "WS007") {
		m := ws007RE.FindStringSubmatch(d.Message)
		if m == nil || len(d.Related) == 0 {
			t.Fatalf("WS007 finding without an example URI or a related regex location: %s", d.Message)
		}
		out = append(out, ws007Claim{
			uri: m[1], wsName: m[2],
			wsLoc:    fmt.Sprintf("%s:%d", d.Start.File, d.Start.Line),
			regexLoc: fmt.Sprintf("%s:%d", d.Related[0].File, d.Related[0].Line),
		})
	}
	return out
}

// ws007Cases are the configurations whose WS007 findings are checked: the
// fixtures (php-regex.conf has a regex declared after the prefix and a ~*
// one; nested/ has the regex in an included file and a nested ^~) and the
// rule's bad example, plus configurations written here for nesting cases
// the fixtures do not cover.
func ws007Cases(t *testing.T) []struct {
	name string
	tree configTree
	want int // WS007 findings expected, so that a silent rule fails
} {
	bad, _ := docExample(t, "WS007")
	return []struct {
		name string
		tree configTree
		want int
	}{
		{"php-regex.conf", loadTree(t, "../testdata/rules/WS007/php-regex.conf"), 2},
		{"nested", loadTree(t, "../testdata/rules/WS007/nested"), 1},
		{"doc-bad", configTree{"nginx.conf": bad}, 1},
		// A case-insensitive regex written in upper case, declared before
		// the prefix, and a regex with an alternation and a class.
		{"caseless-and-classes", configTree{"nginx.conf": `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    proxy_http_version 1.1;
    proxy_read_timeout 1h;
    server {
        listen 80;
        location ~* ^/WS/ADMIN {
            return 403;
        }
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
        location /cable/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
        location ~ ^/(cable|hubs)/[0-9]+/upload$ {
            proxy_pass http://127.0.0.1:8081;
        }
    }
}
`}, 2},
		// The WebSocket location is nested in "location /": the top-level
		// regex is still tried (a regex nested in another prefix is not);
		// and a regex nested in a ^~ location takes URIs of its nested
		// WebSocket sibling.
		{"nested-levels", configTree{"nginx.conf": `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    proxy_http_version 1.1;
    proxy_read_timeout 1h;
    server {
        listen 80;
        location / {
            proxy_pass http://127.0.0.1:8081;
            location /ws/ {
                proxy_pass http://127.0.0.1:8080;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection $connection_upgrade;
            }
        }
        # A regex nested in /api/ is only tried for URIs whose longest
        # prefix is /api/: it takes nothing from /ws/.
        location /api/ {
            proxy_pass http://127.0.0.1:8081;
            location ~ /chat {
                return 403;
            }
        }
        location ~ /admin {
            return 403;
        }
        location ^~ /app/ {
            proxy_pass http://127.0.0.1:8081;
            location ~ /internal/ {
                return 403;
            }
            location /app/socket.io/ {
                proxy_pass http://127.0.0.1:8080;
                proxy_set_header Upgrade $http_upgrade;
                proxy_set_header Connection $connection_upgrade;
            }
        }
    }
}
`}, 2},
	}
}

// TestRuntimePathsWS007 checks every WS007 example URI against nginx's own
// location choice.
func TestRuntimePathsWS007(t *testing.T) {
	nginxtest.Binary(t)
	total := 0
	for _, tc := range ws007Cases(t) {
		t.Run(tc.name, func(t *testing.T) {
			// The findings on the configuration as written.
			orig, _ := lintTree(t, t.TempDir(), tc.tree)
			origClaims := ws007Claims(t, orig)
			if len(origClaims) != tc.want {
				t.Fatalf("%d WS007 findings, want %d: %s", len(origClaims), tc.want, findings(orig))
			}

			p := nginxtest.NewPrefix(t)
			addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
			var tags int
			run := forHarnessTree(t, p, tc.tree, harnessOptions{listen: addr, tagLocs: true, tagCount: &tags})
			// The same findings, at the same places, on the files nginx runs.
			ran, m := lintTree(t, p.Path("conf"), run)
			if n := len(m.Locations()); n != tags {
				t.Fatalf("tagged %d locations, the model has %d", tags, n)
			}
			claims := ws007Claims(t, ran)
			if fmt.Sprint(claims) != fmt.Sprint(origClaims) {
				t.Fatalf("tagging changed the WS007 findings:\nas written: %v\nas run: %v", origClaims, claims)
			}
			p.Start(t, run["nginx.conf"], addr)

			for _, c := range claims {
				target := escapePath(c.uri)
				r := rawGet(t, addr, target)
				got := r.header.Get("X-Loc")
				if r.status != http.StatusOK || got != c.regexLoc || r.body != got {
					t.Errorf("WS007 says nginx sends %s to the regex location at %s; nginx answered %d from %q (body %q)",
						c.uri, c.regexLoc, r.status, got, r.body)
				}
				if got == c.wsLoc {
					t.Errorf("%s was handled by the WebSocket location %s itself", c.uri, c.wsLoc)
				}
				// Control: a URI under the prefix that the regex does
				// not take stays in the WebSocket location, so the tags
				// do tell the locations apart.
				ctl := strings.TrimSuffix(c.wsName, "/") + "/wslint-control"
				if cr := rawGet(t, addr, escapePath(ctl)); cr.header.Get("X-Loc") != c.wsLoc {
					t.Errorf("control %s: answered from %q, want the WebSocket location %s", ctl, cr.header.Get("X-Loc"), c.wsLoc)
				}
				t.Logf("GET %s -> %d from %s (regex location; the WebSocket location %q is %s, which answers %s)",
					target, r.status, got, c.wsName, c.wsLoc, ctl)
				total++
			}
		})
	}
	t.Logf("%d WS007 example URIs confirmed by nginx", total)
}

// ws008Probes is one configuration with WS008 cases the fixtures do not
// have: an exact location, glued and doubled slashes, a nested location, an
// upstream group, rewrite...break (nginx then ignores the URI part), a URI
// part with a query, a ^~ location, and an identity rewrite.
const ws008Probes = `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    proxy_http_version 1.1;
    proxy_read_timeout 1h;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection $connection_upgrade;
    upstream b { server 127.0.0.1:8080; }
    server {
        listen 80;
        location = /ws {
            proxy_pass http://127.0.0.1:8080/x;
        }
        location /websocket/ {
            proxy_pass http://127.0.0.1:8080/websocket;
        }
        location /cable {
            proxy_pass http://127.0.0.1:8080/cable/;
        }
        location /app/ {
            proxy_pass http://127.0.0.1:8080;
            location /app/ws/ {
                proxy_pass http://127.0.0.1:8080/;
            }
        }
        location /socket.io/ {
            proxy_pass http://b/;
        }
        location /signalr/ {
            rewrite ^/signalr/(.*)$ /v2/$1 break;
            proxy_pass http://127.0.0.1:8080/api/;
        }
        location /hubs/ {
            proxy_pass http://127.0.0.1:8080/hubs/?x=1;
        }
        location ^~ /wss/ {
            proxy_pass http://127.0.0.1:8080/;
        }
        location /ws/ {
            proxy_pass http://127.0.0.1:8080/ws/;
        }
    }
}
`

// TestRuntimePathsWS008 checks every WS008 claim "a request for X reaches
// the backend as Y" against what a Go backend behind nginx receives, and
// that paths the rule is silent about arrive unchanged.
func TestRuntimePathsWS008(t *testing.T) {
	nginxtest.Binary(t)
	bad, good := docExample(t, "WS008")
	rewrites := loadTree(t, "../testdata/rules/WS008/rewrites.conf")
	total := 0
	for _, tc := range []struct {
		name string
		tree configTree
		want int
		// silent are requests to WebSocket locations without a finding,
		// and the path the backend receives for each (unchanged, unless
		// the path is rewritten by something WS008 does not look at).
		silent [][2]string
	}{
		{"rewrites.conf", rewrites, 4, [][2]string{{"/cable/socket", "/cable/socket"}, {"/hubs/socket", "/hubs/socket"}}},
		// Paths changed by rewrite, judged on what the backend receives;
		// rewrites that only move the endpoint are silent.
		{"rewrite-then-proxy.conf", loadTree(t, "../testdata/rules/WS008/rewrite-then-proxy.conf"), 3, [][2]string{
			{"/pad/socket.io/socket", "/socket.io/socket"}, {"/websocket/socket", "/websocket/socket"},
		}},
		{"doc-bad", configTree{"nginx.conf": bad}, 1, nil},
		{"doc-good", configTree{"nginx.conf": good}, 0, [][2]string{{"/ws/socket", "/ws/socket"}, {"/ws", "/ws"}}},
		{"ok-no-uri.conf", loadTree(t, "../testdata/rules/WS008/ok-no-uri.conf"), 0, [][2]string{
			{"/ws/socket", "/ws/socket"}, {"/websocket/socket", "/websocket/socket"},
			// A regex location passing its own capture: WS008 only
			// looks at prefix and exact locations.
			{"/wss/socket", "/socket"},
		}},
		// rewrite ... break in /signalr/: nginx ignores proxy_pass's URI
		// part and sends the rewritten URI; WS008 says so (/v2/socket, not
		// /api/socket), and the backend confirms it.
		{"probes", configTree{"nginx.conf": ws008Probes}, 8, [][2]string{
			{"/ws/socket", "/ws/socket"},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := nginxtest.NewPrefix(t)
			addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
			echo := nginxtest.EchoBackend(t)
			run := forHarnessTree(t, p, tc.tree, harnessOptions{listen: addr, replace: map[string]string{exampleBackend: echo}})
			ds, _ := lintTree(t, p.Path("conf"), run)
			claims := only(ds, "WS008")
			if len(claims) != tc.want {
				t.Fatalf("%d WS008 findings, want %d: %s", len(claims), tc.want, findings(ds))
			}
			p.Start(t, run["nginx.conf"], addr)

			backendGot := func(path string) (string, response) {
				t.Helper()
				r := rawGet(t, addr, path)
				line, _, _ := strings.Cut(r.body, "\n")
				f := strings.Fields(line)
				if r.status != http.StatusOK || len(f) != 3 || f[0] != "GET" {
					t.Fatalf("GET %s through nginx: %d %q, want 200 from the echo backend", path, r.status, r.body)
				}
				return f[1], r
			}
			for _, d := range claims {
				m := ws008RE.FindStringSubmatch(d.Message)
				if m == nil {
					t.Fatalf("WS008 finding without \"a request for X reaches the backend as Y\": %s", d.Message)
				}
				req, want := m[1], m[2]
				got, _ := backendGot(req)
				if got != want {
					t.Errorf("%s:%d: WS008 says a request for %s reaches the backend as %s; the backend received %s",
						d.Start.File, d.Start.Line, req, want, got)
				} else {
					t.Logf("%s:%d: GET %s -> backend received %s, as WS008 says", d.Start.File, d.Start.Line, req, got)
				}
				total++
			}
			for _, s := range tc.silent {
				if got, _ := backendGot(s[0]); got != s[1] {
					t.Errorf("no WS008 finding; a request for %s reaches the backend as %s, want %s", s[0], got, s[1])
				} else {
					t.Logf("GET %s -> backend received %s (no WS008 finding)", s[0], got)
				}
			}
		})
	}
	t.Logf("%d WS008 backend paths confirmed by nginx", total)
}

// TestRuntimePathsWS007NestedRegexCost: regex locations nested in other
// prefix locations (location /api/ { location ~ /x0 {...} }) are never
// consulted for URIs under a WebSocket location elsewhere, so WS007 has
// nothing to find, and nginx agrees (nested-levels above). It should also
// say so quickly: the example search need not run for a regex nginx cannot
// reach from the WebSocket location.
func TestRuntimePathsWS007NestedRegexCost(t *testing.T) {
	var b strings.Builder
	b.WriteString("events {}\nhttp {\n    map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n" +
		"    proxy_http_version 1.1;\n    proxy_read_timeout 1h;\n    server {\n        listen 80;\n")
	const n = 2
	for i := range n {
		fmt.Fprintf(&b, "        location /ws%d/ws/ {\n            proxy_pass http://127.0.0.1:8080;\n"+
			"            proxy_set_header Upgrade $http_upgrade;\n            proxy_set_header Connection $connection_upgrade;\n        }\n", i)
	}
	for i := range n {
		fmt.Fprintf(&b, "        location /api%d/ {\n            proxy_pass http://127.0.0.1:8081;\n"+
			"            location ~ /x%d { return 403; }\n        }\n", i, i)
	}
	b.WriteString("    }\n}\n")
	cfg := parser.ParseBytes("nginx.conf", b.String(), parser.Options{FS: parser.NewMemFS(nil)})
	for _, e := range cfg.Errors {
		t.Fatalf("parse error: %v", e)
	}
	m := model.Build(cfg, model.Options{})
	start := time.Now()
	ds := rules.Run(m, []*rules.Rule{rules.WS007}, rules.Options{})
	took := time.Since(start)
	if len(ds) > 0 {
		t.Fatalf("WS007 on regexes nginx never consults for the WebSocket locations: %s", findings(ds))
	}
	t.Logf("WS007: %v", took)
}
