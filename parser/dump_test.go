package parser_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/parser"
)

// flatten lists every directive of a configuration in reading order with its
// file, position, depth and words, so that two trees compare as text.
func flatten(cfg *parser.Config) []string {
	var out []string
	var walk func(ds []*parser.Directive, depth int)
	walk = func(ds []*parser.Directive, depth int) {
		for _, d := range ds {
			var words []string
			for _, w := range d.Words {
				words = append(words, fmt.Sprintf("%q", w.Value))
			}
			out = append(out, fmt.Sprintf("%s:%d:%d+%d-%d:%d depth=%d ctx=%s %s",
				d.File.Path, d.Start.Line, d.Start.Column, d.Start.Offset, d.End.Line, d.End.Column,
				depth, d.Ctx, strings.Join(words, " ")))
			for _, f := range d.Included {
				walk(f.Directives, depth+1)
			}
			if d.Block != nil {
				walk(d.Block.Directives, depth+1)
			}
		}
	}
	walk(cfg.Main.Directives, 0)
	for _, e := range cfg.Errors {
		out = append(out, "error "+e.Error())
	}
	return out
}

// TestDumpEquivalence parses a multi-file tree from disk and from the real
// `nginx -T` output of the same tree, and requires identical nodes and
// positions: findings on a dump must point at the original files. The tree
// has the quirks of real dumps: a file without a final newline, a file
// included twice (printed once, read twice), the same file through "./"
// (printed twice, as nginx builds paths as strings), a glob, CRLF lines, and
// a comment that looks like a separator inside a quoted string.
func TestDumpEquivalence(t *testing.T) {
	nginxtest.Binary(t)
	p := nginxtest.NewPrefix(t)
	p.WriteFile("conf/snippets/ws.conf", "proxy_set_header Upgrade $http_upgrade;\nproxy_set_header Connection $connection_upgrade;")
	p.WriteFile("conf/conf.d/a.conf", "server {\n    listen 127.0.0.1:19081;\n    location /ws/ {\n        proxy_http_version 1.1;\n        include snippets/ws.conf;\n        proxy_pass http://127.0.0.1:19082;\n    }\n}\n")
	p.WriteFile("conf/conf.d/b.conf", "server {\r\n    listen 127.0.0.1:19083;\r\n    location / {\r\n        include ./snippets/ws.conf;\r\n        include snippets/ws.conf;\r\n        return 200 \"\n# configuration file /not/a/separator:\n\";\r\n    }\r\n}\r\n")
	p.WriteFile("conf/conf.d/.hidden.conf", "this would be an error;\n")
	p.WriteFile("conf/maps.conf", "map $http_upgrade $connection_upgrade {\n    default upgrade;\n    ''      close;\n}\n")
	main := p.MainConf("    include maps.conf;\n    include conf.d/*.conf;\n")

	dump, res := p.Dump(t, main)
	if !res.OK {
		t.Fatalf("nginx -T failed:\n%s", res.Output)
	}
	mainPath := p.Path("conf/nginx.conf")
	fromDisk, err := parser.ParseFile(mainPath, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	fromDump, d, err := parser.ParseDump(dump, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Main != mainPath {
		t.Errorf("dump main file = %s, want %s", d.Main, mainPath)
	}
	want := []string{mainPath, p.Path("conf/maps.conf"), p.Path("conf/conf.d/a.conf"), p.Path("conf/snippets/ws.conf"), p.Path("conf/conf.d/b.conf"), p.Path("conf") + "/./snippets/ws.conf"}
	if !reflect.DeepEqual(d.Order, want) {
		t.Errorf("dump files\n got: %q\nwant: %q", d.Order, want)
	}
	disk, dumped := flatten(fromDisk), flatten(fromDump)
	if len(fromDisk.Errors) > 0 {
		t.Errorf("errors on a configuration nginx accepts: %v", fromDisk.Errors)
	}
	if !reflect.DeepEqual(disk, dumped) {
		t.Errorf("disk and dump differ\ndisk:\n%s\ndump:\n%s", strings.Join(disk, "\n"), strings.Join(dumped, "\n"))
	}
	// The snippet is read three times (twice as snippets/ws.conf, once as
	// ./snippets/ws.conf): its directives apply each time.
	count := 0
	for _, f := range fromDump.Files {
		if strings.HasSuffix(f.Path, "snippets/ws.conf") {
			count++
		}
	}
	if count != 3 {
		t.Errorf("snippet read %d times, want 3", count)
	}
	// Also when nginx's stderr is mixed in (nginx -T 2>&1).
	mixed := res.Output + dump
	fromMixed, _, err := parser.ParseDump(mixed, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := flatten(fromMixed); !reflect.DeepEqual(got, disk) {
		t.Errorf("dump with nginx's stderr mixed in differs:\n%s", strings.Join(got, "\n"))
	}
}

func TestSplitDump(t *testing.T) {
	dump := "nginx: the configuration file /e/nginx.conf syntax is ok\n" +
		"# configuration file /e/nginx.conf:\nevents {}\nhttp { include /e/x.conf; }\n\n" +
		"# configuration file /e/x.conf:\nserver { }\n" + // no final newline in x.conf
		"# configuration file /e/y.conf:\n\n\n" + // y.conf is a single newline
		"nginx: configuration file /e/nginx.conf test is successful\n"
	d, err := parser.SplitDump(dump)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"/e/nginx.conf": "events {}\nhttp { include /e/x.conf; }\n",
		"/e/x.conf":     "server { }",
		"/e/y.conf":     "\n",
	}
	if !reflect.DeepEqual(d.Files, want) {
		t.Errorf("files\n got: %q\nwant: %q", d.Files, want)
	}
	if d.Main != "/e/nginx.conf" {
		t.Errorf("main = %q", d.Main)
	}
	if _, err := parser.SplitDump("events {}\n"); err == nil {
		t.Error("a plain file was taken for a dump")
	}
	if parser.IsDump("events {}\n# configuration file x\n") {
		t.Error("a separator needs its colon")
	}
}
