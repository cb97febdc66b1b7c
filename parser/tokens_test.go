package parser

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// A file included three times is lexed once: every occurrence has its own
// directives (its own context, parent and include chain) over the same
// recorded words, and what its context refuses is reported for it alone.
func TestIncludeLexedOnce(t *testing.T) {
	dir := t.TempDir()
	snip := writeFile(t, filepath.Join(dir, "snip.inc"), "proxy_set_header Upgrade $http_upgrade; # why\n"+
		"listen 8080;\n"+
		"access_by_lua_block { if ngx.var.a == \"}\" then return end }\n")
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), "events {}\nhttp {\n"+
		"  server { include snip.inc; }\n"+
		"  server { location / { include snip.inc; } }\n"+
		"  server { include snip.inc; }\n"+
		"}\n")
	cfg, err := ParseFile(main, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var occ []*File
	for _, f := range cfg.Files {
		if f.Path == snip {
			occ = append(occ, f)
		}
	}
	if len(occ) != 3 {
		t.Fatalf("%d occurrences of snip.inc, want 3", len(occ))
	}
	for i, f := range occ {
		if len(f.Directives) != 3 {
			t.Fatalf("occurrence %d: %d directives, want 3", i, len(f.Directives))
		}
		for j, d := range f.Directives {
			if d.File != f || d.Parent != nil || f.IncludedBy == nil || f.IncludedBy.Included[0] != f {
				t.Errorf("occurrence %d, directive %d: not its own (file %p, parent %v)", i, j, d.File, d.Parent)
			}
			if &d.Words[0] != &occ[0].Directives[j].Words[0] {
				t.Errorf("occurrence %d, directive %d: its words were read again", i, j)
			}
		}
		if lua := f.Directives[2]; lua.Block == nil || lua.Block.Raw != ` if ngx.var.a == "}" then return end ` ||
			lua.End != (Pos{Offset: 118, Line: 3, Column: 60}) {
			t.Errorf("occurrence %d: Lua block %+v ends at %+v", i, lua.Block, lua.End)
		}
		if len(f.Comments) != 1 || f.Comments[0].Text != "# why" {
			t.Errorf("occurrence %d: comments %+v", i, f.Comments)
		}
	}
	if occ[0].Ctx != CtxServer || occ[1].Ctx != CtxLocation || occ[1].Directives[1].Ctx != CtxLocation {
		t.Errorf("contexts %v, %v", occ[0].Ctx, occ[1].Ctx)
	}
	if len(cfg.Errors) != 1 {
		t.Fatalf("errors %v, want only the location's", cfg.Errors)
	}
	_ = wantError(t, cfg, snip, 2, 1, `"listen" directive is not allowed here`)
}

// An occurrence whose context stops the reading early (a block inside a
// map) leaves no complete record of the file; a later occurrence in a
// context that accepts it reads the file from the lexer, to its end, and
// gets the comments the first did not reach.
func TestIncludeLexedOnceStopsEarly(t *testing.T) {
	dir := t.TempDir()
	snip := writeFile(t, filepath.Join(dir, "snip.inc"), "server { listen 80; }\n# after\nserver_names_hash_bucket_size 64;\n")
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), "events {}\nhttp {\n"+
		"  map $host $x { include snip.inc; }\n"+
		"  include snip.inc;\n"+
		"}\n")
	cfg, err := ParseFile(main, Options{})
	if err != nil {
		t.Fatal(err)
	}
	_ = wantError(t, cfg, snip, 1, 8, `unexpected "{"`)
	if len(cfg.Errors) != 1 {
		t.Errorf("errors %v, want only the map's", cfg.Errors)
	}
	inMap, inHTTP := cfg.Files[1], cfg.Files[2]
	if len(inMap.Directives) != 1 || len(inMap.Comments) != 0 {
		t.Errorf("in the map: %d directives, comments %+v; want 1 and none", len(inMap.Directives), inMap.Comments)
	}
	if len(inHTTP.Directives) != 2 || inHTTP.Directives[1].Name != "server_names_hash_bucket_size" ||
		len(inHTTP.Comments) != 1 || inHTTP.Comments[0].Start != (Pos{Offset: 22, Line: 2, Column: 1}) {
		t.Errorf("in http: %d directives, comments %+v", len(inHTTP.Directives), inHTTP.Comments)
	}
}

// A lexer error in a file included twice is reported for each occurrence,
// each its own error value (bounds and hints change them one by one), and
// each occurrence keeps the directives before it.
func TestIncludeLexedOnceLexerError(t *testing.T) {
	dir := t.TempDir()
	snip := writeFile(t, filepath.Join(dir, "snip.inc"), "proxy_pass http://a;\nproxy_set_header X \"unterminated;\n")
	main := writeFile(t, filepath.Join(dir, "nginx.conf"), "events {}\nhttp { server {\n"+
		"  location /a { include snip.inc; }\n"+
		"  location /b { include snip.inc; }\n"+
		"} }\n")
	cfg, err := ParseFile(main, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Errors) != 2 || cfg.Errors[0] == cfg.Errors[1] || *cfg.Errors[0] != *cfg.Errors[1] {
		t.Fatalf("errors %v, want the same error twice, as two values", cfg.Errors)
	}
	if e := cfg.Errors[0]; e.File != snip || !strings.HasPrefix(e.Msg, "unexpected end of file") {
		t.Errorf("error %v", e)
	}
	for _, f := range cfg.Files[1:] {
		if len(f.Directives) != 1 || f.Directives[0].Name != "proxy_pass" {
			t.Errorf("%s: directives %v", f.Path, f.Directives)
		}
	}
}

// replayMain includes the fuzzed file in every kind of context, twice in
// some, so that replayed occurrences meet each context.
const replayMain = "events {}\nhttp {\n include /fz/s.conf;\n" +
	" server { include /fz/s.conf; location / { include /fz/s.conf; } include /fz/s.conf; }\n" +
	" map $a $b { include /fz/s.conf; }\n include /fz/s.conf;\n}\n"

// FuzzReplay checks that an occurrence replayed from the file's first
// complete occurrence is exactly the occurrence the lexer would have read:
// the same tree, positions, contexts, comments and errors.
func FuzzReplay(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fsys := NewMemFS(map[string]string{"/fz/s.conf": src, "/fz/inc.conf": "server_name x;\nlisten 80; # c\n"})
		parse := func(lexEvery bool) string {
			return dumpConfig(ParseBytes("/fz/main.conf", replayMain, Options{FS: fsys, lexEveryInclude: lexEvery}))
		}
		if with, without := parse(false), parse(true); with != without {
			t.Fatalf("replayed occurrences differ from lexed ones:\n--- replayed\n%s\n--- lexed\n%s", with, without)
		}
	})
}

// dumpConfig prints everything a parse result says, for comparisons.
func dumpConfig(cfg *Config) string {
	var b strings.Builder
	index := map[*File]int{}
	for i, f := range cfg.Files {
		index[f] = i
	}
	var dirs func(ds []*Directive, depth int)
	dirs = func(ds []*Directive, depth int) {
		for _, d := range ds {
			fmt.Fprintf(&b, "%s%q %v-%v ctx=%v unresolved=%v words=", strings.Repeat("  ", depth), d.Name, d.Start, d.End, d.Ctx, d.Unresolved)
			for _, w := range d.Words {
				fmt.Fprintf(&b, "[%q %v %d %d]", w.Value, w.Start, w.EndOffset(), w.Quote())
			}
			for _, inc := range d.Included {
				fmt.Fprintf(&b, " includes #%d", index[inc])
			}
			if d.Parent != nil {
				fmt.Fprintf(&b, " in %q@%v", d.Parent.Name, d.Parent.Start)
			}
			b.WriteByte('\n')
			if d.Block != nil {
				fmt.Fprintf(&b, "%s{ %v %v %q\n", strings.Repeat("  ", depth), d.Block.Open, d.Block.Close, d.Block.Raw)
				dirs(d.Block.Directives, depth+1)
			}
		}
	}
	for i, f := range cfg.Files {
		fmt.Fprintf(&b, "file #%d %s ctx=%v", i, f.Path, f.Ctx)
		if f.IncludedBy != nil {
			fmt.Fprintf(&b, " included by %v", f.IncludedBy.Start)
		}
		fmt.Fprintf(&b, " comments=%v\n", f.Comments)
		dirs(f.Directives, 1)
	}
	for _, e := range cfg.Errors {
		fmt.Fprintf(&b, "error %v\n", e)
	}
	return b.String()
}
