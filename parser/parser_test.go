package parser

import (
	"fmt"
	"strings"
	"testing"
)

// tree renders directives compactly with positions: name@line:col, then each
// argument as "value"@line:col (Go-quoted), followed by /sq or /dq when it was
// single- or double-quoted in the source, a block in braces with its closing
// position.
func tree(ds []*Directive) string {
	var b strings.Builder
	var walk func(ds []*Directive)
	walk = func(ds []*Directive) {
		for i, d := range ds {
			if i > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "%s@%d:%d", d.Name, d.Start.Line, d.Start.Column)
			for _, w := range d.Args() {
				q := map[Quote]string{Unquoted: "", SingleQuoted: "/sq", DoubleQuoted: "/dq"}[w.Quote()]
				fmt.Fprintf(&b, " %q@%d:%d%s", w.Value, w.Start.Line, w.Start.Column, q)
			}
			switch {
			case d.Block == nil:
				b.WriteString(";")
			case d.Block.Raw != "":
				fmt.Fprintf(&b, " {lua %q}@%d:%d", d.Block.Raw, d.Block.Close.Line, d.Block.Close.Column)
			default:
				b.WriteString(" {")
				walk(d.Block.Directives)
				fmt.Fprintf(&b, "}@%d:%d", d.Block.Close.Line, d.Block.Close.Column)
			}
		}
	}
	walk(ds)
	return b.String()
}

func TestParseTree(t *testing.T) {
	tests := []struct {
		name, ctx, src, want string
	}{
		{"simple", "server", "listen 80;\nserver_name a.example  b.example;\n",
			`listen@1:1 "80"@1:8; server_name@2:1 "a.example"@2:13 "b.example"@2:24;`},
		{"quotes", "location", `add_header X-A "a b" 'c d';`,
			`add_header@1:1 "X-A"@1:12 "a b"@1:16/dq "c d"@1:22/sq;`},
		{"escapes processed as nginx stores words", "location", `return 200 "esc:\"\\\t|\x|\n";`,
			`return@1:1 "200"@1:8 "esc:\"\\\t|\\x|\n"@1:12/dq;`},
		{"escaped backslash", "location", `return 200 "\\";`,
			`return@1:1 "200"@1:8 "\\"@1:12/dq;`},
		{"backslash-semicolon stays in the word", "location", "return 200 a\\;b;",
			`return@1:1 "200"@1:8 "a\\;b"@1:12;`},
		{"backslash-space joins words", "location", "return 200 a\\ b;",
			`return@1:1 "200"@1:8 "a\\ b"@1:12;`},
		{"${var} is one word", "location", "set $a ${b}c;",
			`set@1:1 "$a"@1:5 "${b}c"@1:8;`},
		{"closing brace inside a word", "location", "return 200 ok};",
			`return@1:1 "200"@1:8 "ok}"@1:12;`},
		{"hash and quotes inside a word are literal", "location", `return 200 a#b"c;`,
			`return@1:1 "200"@1:8 "a#b\"c"@1:12;`},
		{"quoted token spans lines", "location", "return 200 \"a\nb\";",
			`return@1:1 "200"@1:8 "a\nb"@1:12/dq;`},
		{"if splits a parenthesis after a quote", "server", `if ($a = "b") { return 403; }`,
			`if@1:1 "($a"@1:4 "="@1:8 "b"@1:10/dq ")"@1:13 {return@1:17 "403"@1:24;}@1:29`},
		{"modifier glued to the path", "server", "location =/a { } location ~*\\.png$ { }",
			`location@1:1 "=/a"@1:10 {}@1:16 location@1:18 "~*\\.png$"@1:27 {}@1:38`},
		{"directive position is its first word across lines", "location", "proxy_set_header\n  Upgrade\n  $http_upgrade\n;",
			`proxy_set_header@1:1 "Upgrade"@2:3 "$http_upgrade"@3:3;`},
		{"tabs count one column", "server", "\tlocation\t/ws/\t{\n\t\tproxy_pass\thttp://b;\n\t}",
			`location@1:2 "/ws/"@1:11 {proxy_pass@2:3 "http://b"@2:14;}@3:2`},
		{"CRLF line ends", "server", "listen 80;\r\nserver_name a;\r\n",
			`listen@1:1 "80"@1:8; server_name@2:1 "a"@2:13;`},
		{"map body entries", "http", "map $http_upgrade $c {\n  default upgrade;\n  '' close;\n  \"~*web\" x;\n}",
			`map@1:1 "$http_upgrade"@1:5 "$c"@1:19 {default@2:3 "upgrade"@2:11; @3:3 "close"@3:6; ~*web@4:3 "x"@4:11;}@5:1`},
		{"types body", "http", "types { text/html html htm; }",
			`types@1:1 {text/html@1:9 "html"@1:19 "htm"@1:24;}@1:29`},
		{"lua block read as Lua", "location", "content_by_lua_block {\n  local t = {a = \"}\"} -- }\n  ngx.say([==[}]==])\n}\nadd_header A b;",
			`content_by_lua_block@1:1 {lua "\n  local t = {a = \"}\"} -- }\n  ngx.say([==[}]==])\n"}@4:1 add_header@5:1 "A"@5:12 "b"@5:14;`},
		{"comments are skipped", "server", "# top\nlisten 80; # trailing\nlisten # inside\n 81;",
			`listen@2:1 "80"@2:8; listen@3:1 "81"@4:2;`},
		{"empty quoted words", "http", "map $a $b { '' \"\"; }",
			`map@1:1 "$a"@1:5 "$b"@1:8 {@1:13 ""@1:16/dq;}@1:20`},
		{"envsubst placeholders", "http", "server { listen ${NGINX_PORT}; server_name ${DOMAIN}; }",
			`server@1:1 {listen@1:10 "${NGINX_PORT}"@1:17; server_name@1:32 "${DOMAIN}"@1:44;}@1:55`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, _ := ParseContext(tt.ctx)
			cfg := ParseBytes("t.conf", tt.src, Options{Context: ctx})
			for _, e := range cfg.Errors {
				t.Errorf("unexpected error: %v", e)
			}
			if got := tree(cfg.Main.Directives); got != tt.want {
				t.Errorf("tree mismatch\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, ctx, src, want string
	}{
		{"stray closing brace", "server", "listen 80;\n}\n", `t.conf:2:1: unexpected "}"`},
		{"closing brace after a word", "server", "location / {\n  return 200 ok} }\n", `t.conf:2:18: unexpected "}"`},
		{"end of file inside a directive", "server", "listen 80", `t.conf:1:10: unexpected end of file, expecting ";" or "}"`},
		{"end of file inside a block", "server", "location / {\n  return 200;\n", `t.conf:3:1: unexpected end of file, expecting "}"`},
		{"unterminated quote reports the last line", "location", "return 200 \"abc;\n\n\n", `t.conf:4:1: unexpected end of file, expecting ";" or "}"`},
		{"character after a closing quote", "location", `add_header A "x"y;`, `t.conf:1:17: unexpected "y"`},
		{"comment glued to a closing quote", "location", `add_header Connection "upgrade"#c`, `t.conf:1:32: unexpected "#"`},
		{"lone semicolon", "server", "listen 80;\n;", `t.conf:2:1: unexpected ";"`},
		{"lone brace", "server", "{ }", `t.conf:1:1: unexpected "{"`},
		{"block directive without a block", "server", "location /;", `t.conf:1:1: directive "location" has no opening "{"`},
		{"simple directive with a block", "server", "listen 80 { }", `t.conf:1:1: directive "listen" is not terminated by ";"`},
		{"map in server", "server", "listen 80;\nmap $a $b { }", `t.conf:2:1: "map" directive is not allowed here ("map" is read in the server context here; nginx accepts it only in: http, stream)`},
		{"argument count", "location", "proxy_set_header Upgrade;", `t.conf:1:1: invalid number of arguments in "proxy_set_header" directive`},
		{"error line is where the reader stood", "server", "location\n/ws/;", `t.conf:2:5: directive "location" has no opening "{"`},
		{"brace in a map body", "http", "map $a $b {\n  x { }\n}", `t.conf:2:5: unexpected "{"`},
		{"unquoted regex with braces", "server", "location ~ ^/a{2}$ { return 200; }",
			`t.conf:1:16: unknown directive "2}$" (an unquoted "{" ends a word, so the regex of the location above was cut there; quote the regex: location ~ "...")`},
		{"quote inside a name", "server", "location'/b'{ }", `t.conf:1:1: unknown directive "location'/b'"`},
		{"byte order mark", "main", "\ufeffevents {}", "t.conf:1:1: unknown directive \"\ufeffevents\" (the file starts with a UTF-8 byte order mark, which nginx reads as part of the first word; save the file without it)"},
		{"too long token", "location", "return 200 " + strings.Repeat("x", 5000) + ";", `t.conf:1:12: too long parameter "xxxxxxxxxx..." started`},
		{"too long quoted token", "location", "return 200 \"" + strings.Repeat("x", 5000), `t.conf:1:12: too long parameter, probably missing terminating """ character`},
		{"too long comment", "location", "#" + strings.Repeat("x", 5000) + "\n", `t.conf:1:1: too long parameter "#xxxxxxxxx..." started`},
		{"lua block not closed", "location", "content_by_lua_block { if x then", `t.conf:1:33: unexpected end of file, expecting "}"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx, _ := ParseContext(tt.ctx)
			cfg := ParseBytes("t.conf", tt.src, Options{Context: ctx})
			if len(cfg.Errors) == 0 {
				t.Fatalf("no error, want %s", tt.want)
			}
			if got := cfg.Errors[0].Error(); got != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

// A quoted token of exactly 4096 bytes (quotes included) fits nginx's buffer;
// one more byte does not (verified on nginx 1.22.1).
func TestTokenLimitBoundary(t *testing.T) {
	fits := "return 200 \"" + strings.Repeat("x", 4094) + "\";"
	if cfg := ParseBytes("t.conf", fits, Options{Context: CtxLocation}); len(cfg.Errors) != 0 {
		t.Errorf("4096-byte quoted token: %v", cfg.Errors[0])
	}
	over := "return 200 \"" + strings.Repeat("x", 4095) + "\";"
	cfg := ParseBytes("t.conf", over, Options{Context: CtxLocation})
	if len(cfg.Errors) == 0 || cfg.Errors[0].Msg != `too long parameter "xxxxxxxxxx..." started` {
		t.Errorf("4097-byte quoted token: got %v", cfg.Errors)
	}
}

func TestComments(t *testing.T) {
	src := "# first\r\nlisten 80; # second\n  #third"
	cfg := ParseBytes("t.conf", src, Options{Context: CtxServer})
	var got []string
	for _, c := range cfg.Main.Comments {
		got = append(got, fmt.Sprintf("%q@%d:%d-%d:%d", c.Text, c.Start.Line, c.Start.Column, c.End.Line, c.End.Column))
	}
	want := `"# first"@1:1-1:8 "# second"@2:12-2:20 "#third"@3:3-3:9`
	if strings.Join(got, " ") != want {
		t.Errorf("comments\n got: %s\nwant: %s", strings.Join(got, " "), want)
	}
}

func TestInferContext(t *testing.T) {
	tests := []struct{ src, want string }{
		{"user www;\nevents {}\nhttp { }", "main"},
		{"map $a $b { }\nserver { listen 80; }", "http"},
		{"upstream b { server 127.0.0.1:1; }", "http"},
		{"location / { }\nlocation /ws/ { }", "server"},
		{"listen 80;\nserver_name a;", "server"},
		{"proxy_http_version 1.1;\nproxy_set_header Upgrade $http_upgrade;", "location"},
		{"proxy_pass http://b;", "location"},
		{"# nginx-wslint-context: server\nproxy_set_header A b;", "server"},
		{"content_by_lua_block { } server { }", "http"},
		{"include a.conf;", "main"},
		{"", "main"},
	}
	for _, tt := range tests {
		if got := InferContext(tt.src).String(); got != tt.want {
			t.Errorf("InferContext(%q) = %s, want %s", tt.src, got, tt.want)
		}
	}
}
