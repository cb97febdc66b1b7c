package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// A fragment is a file that holds only part of a configuration: a location
// snippet (the editor's everyday case), a site file of server blocks, the
// contents of an http block. The model puts such a file into levels it does
// not write (a synthetic location, server or http block), which have no
// directive of their own: findings about them must still point into the
// file, and no rule may trip over the missing directive.

// fragment is one fragment to lint: its kind and text.
type fragment struct {
	kind string // "main", "http", "server", "location"
	src  string
	from string // where it was cut from, for failure messages
}

// blockBodies cuts, out of a whole configuration, the body of every http,
// server and location block (what an include at that level would hold),
// and the whole file as a main fragment.
func blockBodies(t *testing.T, from, src string) []fragment {
	t.Helper()
	out := []fragment{{kind: "main", src: src, from: from}}
	cfg := parser.ParseBytes("cut.conf", src, parser.Options{FS: parser.NewMemFS(nil)})
	var walk func(ds []*parser.Directive)
	walk = func(ds []*parser.Directive) {
		for _, d := range ds {
			if d.Block == nil || d.File != cfg.Main {
				continue
			}
			switch d.Name {
			case "http", "server", "location":
				body := src[d.Block.Open.Offset+1 : d.Block.Close.Offset]
				out = append(out, fragment{kind: d.Name, src: body, from: fmt.Sprintf("%s:%d %s", from, d.Start.Line, d.Name)})
			}
			walk(d.Block.Directives)
		}
	}
	walk(cfg.Main.Directives)
	return out
}

// fragmentSources are every rule's bad and good examples, every rule
// fixture that is one file, and the fragments the issue names.
func fragmentSources(t *testing.T) []fragment {
	t.Helper()
	var out []fragment
	for _, r := range rules.All {
		out = append(out, blockBodies(t, r.ID+" bad example", r.Doc.Bad)...)
		out = append(out, blockBodies(t, r.ID+" good example", r.Doc.Good)...)
	}
	files, err := filepath.Glob("../testdata/rules/*/*.conf")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, blockBodies(t, f, string(b))...)
	}
	for _, f := range issueFragments {
		out = append(out, fragment{kind: f.kind, src: f.src, from: "issue 10: " + f.name})
	}
	return out
}

// variant is one way a fragment reaches the linter.
type variant struct {
	name string
	load func(src string) *parser.Config
}

// variants read a fragment from a file and from standard input, as it is
// and with its body moved into an included snippet.
var variants = []variant{
	{"file", func(src string) *parser.Config {
		fsys := parser.NewMemFS(map[string]string{"conf/frag.conf": src})
		cfg, err := parser.ParseFile("conf/frag.conf", parser.Options{FS: fsys})
		if err != nil {
			panic(err)
		}
		return cfg
	}},
	{"stdin", func(src string) *parser.Config {
		return parser.ParseBytes("<stdin>", src, parser.Options{FS: parser.NewMemFS(nil)})
	}},
	{"file-include", func(src string) *parser.Config {
		fsys := parser.NewMemFS(map[string]string{
			"conf/frag.conf":          "# the body is in a snippet\ninclude snippets/body.conf;\n",
			"conf/snippets/body.conf": src,
		})
		cfg, err := parser.ParseFile("conf/frag.conf", parser.Options{FS: fsys, Context: parser.InferContext(src)})
		if err != nil {
			panic(err)
		}
		return cfg
	}},
	{"stdin-include", func(src string) *parser.Config {
		fsys := parser.NewMemFS(map[string]string{"snippets/body.conf": src})
		return parser.ParseBytes("<stdin>", "include snippets/body.conf;\n", parser.Options{FS: fsys, Context: parser.InferContext(src)})
	}},
	{"stdin-dump", func(src string) *parser.Config {
		dump := "nginx: the configuration file /etc/nginx/frag.conf syntax is ok\n" +
			"# configuration file /etc/nginx/frag.conf:\n" + src + "\n"
		cfg, _, err := parser.ParseDump(dump, parser.Options{})
		if err != nil {
			panic(err)
		}
		return cfg
	}},
}

// ruleOptions are the option sets every fragment is linted with: the
// defaults, nginx 1.29.7's other defaults, and options that widen
// detection so that more rules reach the synthetic levels.
var ruleOptions = []struct {
	name  string
	model model.Options
	rules rules.Options
}{
	{"defaults", model.Options{}, rules.Options{}},
	{"1.29.7+ws-path", model.Options{Version: model.Version{Major: 1, Minor: 29, Patch: 7}}, rules.Options{WSPaths: []string{"*", "/*"}, MinReadTimeout: 3600e9}},
}

// TestFragments runs every rule alone (as --disable of all the others
// would) on every fragment kind, from a file and from standard input, with
// and without includes: no rule may panic, and every finding and related
// location must point at a real line of a file the configuration read.
func TestFragments(t *testing.T) {
	srcs := fragmentSources(t)
	kinds := map[string]int{}
	for _, f := range srcs {
		kinds[f.kind]++
	}
	for _, k := range []string{"main", "http", "server", "location"} {
		if kinds[k] == 0 {
			t.Fatalf("no %s fragments among the sources", k)
		}
	}
	for _, f := range srcs {
		for _, v := range variants {
			for _, o := range ruleOptions {
				name := fmt.Sprintf("%s fragment (%s) via %s, %s", f.kind, f.from, v.name, o.name)
				var cfg *parser.Config
				var m *model.Model
				if perr := catch(func() { cfg = v.load(f.src); m = model.Build(cfg, o.model) }); perr != "" {
					t.Errorf("reading or modelling a %s panics:\n%s\n--- fragment:\n%s", name, perr, f.src)
					continue
				}
				// Each rule alone, as --disable of all the others would run
				// it: one rule's crash must not hide another's.
				for _, r := range rules.All {
					var diags []rules.Diagnostic
					if perr := catch(func() { diags = rules.Run(m, []*rules.Rule{r}, o.rules) }); perr != "" {
						t.Errorf("%s panics on a %s:\n%s\n--- fragment:\n%s", r.ID, name, perr, f.src)
						continue
					}
					checkPositions(t, name, cfg, diags)
				}
			}
		}
	}
}

// catch runs fn and returns its panic's message and stack, "" when it does
// not panic.
func catch(fn func()) (perr string) {
	defer func() {
		if e := recover(); e != nil {
			perr = fmt.Sprintf("%v\n%s", e, debug.Stack())
		}
	}()
	fn()
	return ""
}

// checkPositions checks that every finding and related location names a
// file of cfg and a line and column inside it, with the end not before the
// start.
func checkPositions(t *testing.T, name string, cfg *parser.Config, diags []rules.Diagnostic) {
	t.Helper()
	src := map[string]string{}
	for _, f := range cfg.Files {
		src[f.Path] = f.Src
	}
	valid := func(p parser.Position) error {
		text, ok := src[p.File]
		if !ok {
			return fmt.Errorf("file %q is not a file the configuration read", p.File)
		}
		lines := strings.Split(text, "\n")
		if p.Line < 1 || int(p.Line) > len(lines) || p.Column < 1 || int(p.Column) > len(lines[p.Line-1])+1 {
			return fmt.Errorf("%s is outside the file", p)
		}
		return nil
	}
	for _, d := range diags {
		if err := valid(d.Start); err != nil {
			t.Errorf("%s: %s finding %q: start: %v", name, d.Rule.ID, d.Message, err)
			continue
		}
		if d.End.File != d.Start.File || d.End.Line < d.Start.Line || d.End.Line == d.Start.Line && d.End.Column < d.Start.Column {
			t.Errorf("%s: %s finding at %s ends at %s", name, d.Rule.ID, d.Start, d.End)
		}
		if d.Node == nil {
			t.Errorf("%s: %s finding at %s has no directive", name, d.Rule.ID, d.Start)
		}
		for _, rel := range d.Related {
			if err := valid(rel.Position); err != nil {
				t.Errorf("%s: %s finding at %s: related %q: %v", name, d.Rule.ID, d.Start, rel.Message, err)
			}
		}
	}
}

// issueFragments are the inputs issue 10 saw panic, and their neighbours.
var issueFragments = []struct {
	name, kind, src string
}{
	{"location snippet", "location", "proxy_pass http://127.0.0.1:9000;\nproxy_set_header Upgrade $http_upgrade;\n"},
	{"location snippet, Connection 0", "location", "proxy_pass http://b; proxy_set_header Upgrade 0; proxy_set_header Connection 0;"},
	{"location snippet, nothing set", "location", "proxy_pass http://127.0.0.1:9000/;\n"},
	{"location snippet, short timeout", "location", "proxy_pass http://b;\nproxy_http_version 1.0;\nproxy_read_timeout 5s;\nproxy_set_header Connection $http_connection;\nproxy_set_header Upgrade $http_upgrade;\n"},
	{"location snippet in an if", "location", "if ($http_upgrade) { proxy_pass http://b; }\n"},
	{"server fragment", "server", "listen 80;\nlocation /ws/ { proxy_pass http://b/x/; }\nlocation ~ \\.php$ { }\n"},
	{"server fragment, headers at server level", "server", "proxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection \"upgrade\";\nlocation / { proxy_pass http://b; }\nlocation /api/ { proxy_pass http://b; proxy_set_header X 1; }\n"},
	{"http fragment, misplaced map", "http", "server { location /ws { map $http_upgrade $c { default upgrade; } proxy_pass http://b; proxy_set_header Connection $connection_upgrade; } }\n"},
	{"listen without address", "main", "events{} http{ server { listen; } }"},
	{"listen without address, server", "server", "listen;\nlisten \"\";\nlocation /ws/ { proxy_pass http://b; }\n"},
	{"empty", "location", ""},
	{"only a comment", "server", "# nginx-wslint-websocket\n"},
}

// TestFragmentFindings pins what a user sees for the issue's fragments:
// findings about a location a fragment does not write point at the
// fragment's proxy_pass, the line that makes it a proxied location.
func TestFragmentFindings(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		disable []string
		want    []string // "file:line:col RULE message [related file:line:col message; ...]"
	}{{
		name:  "location snippet",
		files: map[string]string{"frag.conf": "proxy_pass http://127.0.0.1:9000;\nproxy_set_header Upgrade $http_upgrade;\n"},
		want: []string{
			"frag.conf:1:1 WS003 this location passes a WebSocket (it sets the Upgrade request header (frag.conf:2:1)) but sends Connection: close, nginx's default: the backend refuses the handshake with 400 or 426",
			"frag.conf:1:1 WS005 this location passes a WebSocket (it sets the Upgrade request header (frag.conf:2:1)) over HTTP/1.0: with the nginx version unknown (--nginx-version), nginx before 1.29.7 is assumed, which defaults to proxy_http_version 1.0, and backends that follow RFC 6455 refuse an HTTP/1.0 handshake (426 or 400); this file does not show the server and http blocks it is included in, which may set proxy_http_version 1.1",
			"frag.conf:1:1 WS006 this location passes a WebSocket (it sets the Upgrade request header (frag.conf:2:1)) with nginx's default proxy_read_timeout of 60s: a connection on which neither side sends anything for a minute is closed, without a close frame; that holds only if the application pings less often than every 60s; this file does not show the server and http blocks it is included in, which may set a longer proxy_read_timeout",
		},
	}, {
		name:    "location snippet, Connection 0, WS002 disabled",
		files:   map[string]string{"frag.conf": "proxy_pass http://b; proxy_set_header Upgrade 0; proxy_set_header Connection 0;"},
		disable: []string{"WS002"},
		want: []string{
			"frag.conf:1:1 WS005 this location passes a WebSocket (it sets the Upgrade request header (frag.conf:1:22)) over HTTP/1.0: with the nginx version unknown (--nginx-version), nginx before 1.29.7 is assumed, which defaults to proxy_http_version 1.0, and backends that follow RFC 6455 refuse an HTTP/1.0 handshake (426 or 400); this file does not show the server and http blocks it is included in, which may set proxy_http_version 1.1",
			"frag.conf:1:1 WS006 this location passes a WebSocket (it sets the Upgrade request header (frag.conf:1:22)) with nginx's default proxy_read_timeout of 60s: a connection on which neither side sends anything for a minute is closed, without a close frame; that holds only if the application pings less often than every 60s; this file does not show the server and http blocks it is included in, which may set a longer proxy_read_timeout",
			"frag.conf:1:50 WS003 this location passes a WebSocket (it sets the Upgrade request header (frag.conf:1:22)) but this line sends Connection: 0 for the handshake: the backend refuses it with 400 or 426",
		},
	}, {
		name: "location snippet included by another snippet",
		files: map[string]string{
			"frag.conf":          "# nginx-wslint-context: location\ninclude snippets/ws.conf;\n",
			"snippets/ws.conf":   "proxy_http_version 1.1;\nproxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection \"upgrade\";\ninclude snippets/pass.conf;\n",
			"snippets/pass.conf": "proxy_pass http://b/;\n",
		},
		want: []string{
			"snippets/pass.conf:1:1 WS006 this location passes a WebSocket (it sets the Upgrade request header (snippets/ws.conf:2:1)) with nginx's default proxy_read_timeout of 60s: a connection on which neither side sends anything for a minute is closed, without a close frame; that holds only if the application pings less often than every 60s; this file does not show the server and http blocks it is included in, which may set a longer proxy_read_timeout [related snippets/ws.conf:4:1 snippets/pass.conf is included here]",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parser.ParseFile("frag.conf", parser.Options{FS: parser.NewMemFS(tt.files)})
			if err != nil {
				t.Fatal(err)
			}
			var sel []*rules.Rule
			for _, r := range rules.All {
				if !contains(tt.disable, r.ID) {
					sel = append(sel, r)
				}
			}
			var got []string
			for _, d := range rules.Run(model.Build(cfg, model.Options{}), sel, rules.Options{}) {
				g := fmt.Sprintf("%s %s %s", d.Start, d.Rule.ID, d.Message)
				if len(d.Related) > 0 {
					var rel []string
					for _, r := range d.Related {
						rel = append(rel, r.String()+" "+r.Message)
					}
					g += " [related " + strings.Join(rel, "; ") + "]"
				}
				got = append(got, g)
			}
			sort.Strings(got)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("finding %d:\n got %s\nwant %s", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
