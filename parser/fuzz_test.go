package parser

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// fuzzSeeds are inputs that reach the corners of ngx_conf_read_token and of
// the parser: quoting, escapes, variables, custom blocks, Lua bodies, line
// ends, the byte order mark, comments and the errors of each.
var fuzzSeeds = []string{
	"",
	" ",
	"\n",
	"events {}\nhttp { server { listen 127.0.0.1:80; } }\n",
	"worker_processes 1;\n",
	`a "b" 'c' d;`,
	`a "b\"c" 'd\'e' "f\\" g\\h;`,
	`a "x\ty\n\r\z";`,
	`a\;b c;`,
	`a \"b c\";`,
	`a\ b;`,
	`\\;`,
	`"\\\\";`,
	"a ${x}y ${z};",
	"a ${{{ b;",
	"a ${x;",
	"a $;",
	"a $ {",
	"location ~ ^/(a|b){2}$ { return 204; }",
	"location ~ \"^/(a|b){2}$\" { return 204; }",
	"a \"b\"c;",
	"a 'b'c;",
	"a \"b\";c;",
	"a \"b\"{ }",
	"a \"b\")c;",
	"if ($a = b) { return 403; }",
	"server { if ($http_upgrade != \"websocket\") { return 426; } }",
	"http { map $http_upgrade $connection_upgrade { default upgrade; '' close; } }",
	"http { map $a $b { hostnames; include map.conf; *.example.com 1; ~^x 2; } }",
	"http { map $a $b { default { } } }",
	"http { types { text/html html htm; application/json json; } }",
	"http { geo $g { default 0; 127.0.0.1/32 1; } split_clients \"${remote_addr}\" $v { 50% a; * b; } }",
	"content_by_lua_block { ngx.say(\"}\") }",
	"content_by_lua_block { local t = { a = '}' } -- }\n ngx.say([[}]]) --[==[ } ]==] }",
	"location / { content_by_lua_block {\n if x then ngx.say('{') end\n }\n proxy_pass http://b; }",
	"access_by_lua_block {",
	"content_by_lua_block { [[ }",
	"content_by_lua_block { \"}\n}",
	"a b;\r\nc d;\r\n",
	"server {\r\n\tlisten 80;\r\n}\r\n",
	"\ufeffworker_processes 1;\n",
	"\ufeff\"a\" b;",
	"# comment\na b; # trailing\n#last",
	"# nginx-wslint-context: server\nlisten 80;\n",
	"a #b\n c;",
	"a\"b\"c;",
	"a \"unterminated;\n",
	"a 'unterminated;\n",
	"a \"x\n\ny\";",
	"a b",
	"a b\\",
	"a {",
	"a { b {",
	"}",
	"a; }",
	"{",
	";",
	"a b } c;",
	"a {}}",
	"a { ; }",
	"http { server { location / { location /x { } } } }",
	"http { server { location / { proxy_pass http://x; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection \"upgrade\"; } } }",
	"include inc.conf;",
	"include main.conf;",
	"include again.conf;",
	"include *.conf;",
	"include nope.conf;",
	"include [;",
	"include *a*a*a*a*a*a*a*a*a*a*b;",
	"http { include inc.conf; }",
	"http { map $a $b { include inc.conf; } }",
	"listen 80 { }",
	"http ;",
	"http { http { } }",
	"server_name a b c d e f g h i j k l m n o p;",
	"\x00\x01\x02;",
	"a \x00;",
	"# configuration file /fz/main.conf:\nhttp { include /fz/x.conf; }\n\n# configuration file /fz/x.conf:\nserver { listen 1; }\n",
	"# configuration file /fz/main.conf:\na b\n",
	strings.Repeat("x", confBuffer+1),
	"a " + strings.Repeat("y", confBuffer-1) + ";",
	"a \"" + strings.Repeat("y", confBuffer) + "\";",
	"a '" + strings.Repeat("y", confBuffer) + "';",
	"#" + strings.Repeat("c", confBuffer+10) + "\na;",
	strings.Repeat("a {", 10) + strings.Repeat("}", 10),
}

// fuzzFiles are the other files a fuzzed main file can include.
func fuzzFS(src string) *MemFS {
	return NewMemFS(map[string]string{
		"/fz/main.conf":  src,
		"/fz/again.conf": src,
		"/fz/inc.conf":   "server_name x;\nlisten 80; # c\n",
		"/fz/map.conf":   "a 1;\nb 2;\n",
		// A long name, for include globs (see TestHostileGlobPattern).
		"/fz/" + globBlowupName: "# long name\n",
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, ctx := range []Ctx{CtxUnknown, CtxHTTP} {
			cfg := ParseBytes("/fz/main.conf", src, Options{Context: ctx, FS: fuzzFS(src)})
			checkConfig(t, cfg)
			checkReparse(t, cfg)
		}
		if IsDump(src) {
			cfg, _, err := ParseDump(src, Options{})
			if err == nil {
				checkConfig(t, cfg)
				checkReparse(t, cfg)
			}
		}
	})
}

// TestFuzzSeeds runs the seeds with their expected outcome where it is
// simple to state, so a seed that the property check accepts for the wrong
// reason is still noticed.
func TestFuzzSeedExpectations(t *testing.T) {
	tests := []struct {
		src     string
		wantErr string // "" for none; else "line:col: msg"
	}{
		{`a b\;c;`, ""},
		{`a "\\\\";`, ""},
		{"a ${{{ b;", ""},
		{"a \"b\"c;", `1:6: unexpected "c"`},
		{"a \"b\")c;", ""},
		{"a b", `1:4: unexpected end of file, expecting ";" or "}"`},
		{"a {", `1:4: unexpected end of file, expecting "}"`},
		{"}", `1:1: unexpected "}"`},
		{";", `1:1: unexpected ";"`},
		{"a b } c;", `1:5: unexpected "}"`},
		{"a \"x\n\ny\";", ""},
		{strings.Repeat("x", confBuffer+1), `1:1: too long parameter "xxxxxxxxxx..." started`},
		{"a \"" + strings.Repeat("y", confBuffer) + "\";", `1:3: too long parameter, probably missing terminating """ character`},
		{"#" + strings.Repeat("c", confBuffer+10) + "\na;", `1:1: too long parameter "#ccccccccc..." started`},
		{"content_by_lua_block { ngx.say(\"}\") }", ""},
		{"access_by_lua_block {", `1:22: unexpected end of file, expecting "}"`},
	}
	for _, tt := range tests {
		cfg := ParseBytes("/fz/main.conf", tt.src, Options{Context: CtxUnknown, FS: fuzzFS(tt.src)})
		checkConfig(t, cfg)
		got := ""
		if len(cfg.Errors) > 0 {
			e := cfg.Errors[0]
			got = fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
		}
		if got != tt.wantErr {
			t.Errorf("%.40q: first error %q, want %q", tt.src, got, tt.wantErr)
		}
	}
}

// checkConfig verifies the structural properties every parse result must
// have, whatever the input: positions inside their files and consistent with
// the text, words that are the text they were read from, directives in
// order, errors with a position.
func checkConfig(t testing.TB, cfg *Config) {
	t.Helper()
	if cfg == nil {
		t.Fatal("nil Config")
	}
	srcOf := map[string]string{}
	for _, f := range cfg.Files {
		if f.Path == "" {
			t.Fatalf("file with empty Path (Name %q)", f.Name)
		}
		if prev, ok := srcOf[f.Path]; ok && prev != f.Src {
			t.Fatalf("file %s read twice with different contents", f.Path)
		}
		srcOf[f.Path] = f.Src
	}
	for _, e := range cfg.Errors {
		if e.Msg == "" {
			t.Errorf("error without a message at %s", e.Position)
		}
		if e.File == "" {
			t.Errorf("error without a file: %v", e)
			continue
		}
		src, ok := srcOf[e.File]
		if !ok {
			t.Errorf("error in a file that is not in Config.Files: %v", e)
			continue
		}
		checkPos(t, "error "+e.Msg, src, e.Pos)
	}
	complete := !hasSyntaxErrors(cfg)
	for _, f := range cfg.Files {
		checkDirectives(t, f, f.Src, f.Directives, nil, complete)
		for _, c := range f.Comments {
			checkPos(t, "comment start", f.Src, c.Start)
			checkPos(t, "comment end", f.Src, c.End)
			if c.End.Offset < c.Start.Offset || f.Src[c.Start.Offset:c.End.Offset] != c.Text {
				t.Errorf("%s: comment %q is not the text at %d..%d", f.Path, c.Text, c.Start.Offset, c.End.Offset)
				continue
			}
			if !strings.HasPrefix(c.Text, "#") || strings.Contains(c.Text, "\n") {
				t.Errorf("%s: comment %q", f.Path, c.Text)
			}
		}
	}
}

// hasSyntaxErrors reports whether reading stopped somewhere: a syntax error,
// as opposed to the errors after which reading goes on (a missing include,
// an include cycle, a directive in the wrong place or with the wrong number
// of arguments).
func hasSyntaxErrors(cfg *Config) bool {
	for _, e := range cfg.Errors {
		if isStopping(e.Msg) {
			return true
		}
	}
	return false
}

func isStopping(msg string) bool {
	return strings.HasPrefix(msg, "unexpected ") || strings.HasPrefix(msg, "too long parameter") ||
		strings.HasPrefix(msg, "blocks nested")
}

// checkPos verifies that p lies in src and that its line and column are
// those of its offset: line = 1 + the LFs before it, column = offset - the
// last LF before it.
func checkPos(t testing.TB, what, src string, p Pos) {
	t.Helper()
	if p.Offset < 0 || int(p.Offset) > len(src) {
		t.Errorf("%s: offset %d outside [0, %d]", what, p.Offset, len(src))
		return
	}
	if p.Line < 1 || p.Column < 1 {
		t.Errorf("%s: line %d column %d", what, p.Line, p.Column)
		return
	}
	lfs := lineFeeds(src)
	n := sort.Search(len(lfs), func(i int) bool { return lfs[i] >= int(p.Offset) }) // LFs before p
	line := int32(1 + n)
	lastLF := -1
	if n > 0 {
		lastLF = lfs[n-1]
	}
	col := p.Offset - int32(lastLF)
	if p.Line != line || p.Column != col {
		t.Errorf("%s: position %d:%d for offset %d, want %d:%d", what, p.Line, p.Column, p.Offset, line, col)
	}
}

// lfCache holds the LF offsets of the last text checkPos saw, so that
// checking every position of a large file stays linear.
var lfCache struct {
	sync.Mutex
	data *byte
	n    int
	lfs  []int
}

func lineFeeds(src string) []int {
	lfCache.Lock()
	defer lfCache.Unlock()
	if lfCache.data == unsafe.StringData(src) && lfCache.n == len(src) && lfCache.lfs != nil {
		return lfCache.lfs
	}
	lfs := []int{}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			lfs = append(lfs, i)
		}
	}
	lfCache.data, lfCache.n, lfCache.lfs = unsafe.StringData(src), len(src), lfs
	return lfs
}

// nginxUnescape is the word-copy loop of ngx_conf_read_token, written from
// nginx's source independently of the lexer: \" \' \\ \t \r \n are
// processed, any other backslash is kept with the byte after it.
func nginxUnescape(raw string) string {
	var b strings.Builder
	for i := 0; i < len(raw); {
		if raw[i] == '\\' && i+1 < len(raw) {
			switch raw[i+1] {
			case '"', '\'', '\\':
				b.WriteByte(raw[i+1])
				i += 2
				continue
			case 't':
				b.WriteByte('\t')
				i += 2
				continue
			case 'r':
				b.WriteByte('\r')
				i += 2
				continue
			case 'n':
				b.WriteByte('\n')
				i += 2
				continue
			}
		}
		b.WriteByte(raw[i])
		i++
	}
	return b.String()
}

// checkWord verifies that w is the text it was read from.
func checkWord(t testing.TB, where, src string, w Word) {
	t.Helper()
	checkPos(t, where+" word start", src, w.Start)
	checkPos(t, where+" word end", src, w.End(src))
	if w.EndOffset() <= w.Start.Offset || int(w.EndOffset()) > len(src) {
		t.Errorf("%s: word %q spans %d..%d", where, w.Value, w.Start.Offset, w.EndOffset())
		return
	}
	raw := src[w.Start.Offset:w.EndOffset()]
	inner := raw
	switch w.Quote() {
	case Unquoted:
		// No unescaped separator inside an unquoted word.
		variable := false
		for i := 0; i < len(raw); i++ {
			c := raw[i]
			if c == '{' && variable {
				continue
			}
			variable = false
			switch c {
			case '\\':
				i++
			case '$':
				variable = true
			case ' ', '\t', '\r', '\n', ';', '{':
				t.Errorf("%s: unquoted word %q has an unescaped %q", where, raw, c)
				return
			}
		}
		if raw[0] == '"' || raw[0] == '\'' {
			t.Errorf("%s: word %q starts with a quote but is Unquoted", where, raw)
		}
	case DoubleQuoted, SingleQuoted:
		q := byte('"')
		if w.Quote() == SingleQuoted {
			q = '\''
		}
		if len(raw) < 2 || raw[0] != q || raw[len(raw)-1] != q {
			t.Errorf("%s: quoted word %q is not between %c quotes", where, raw, q)
			return
		}
		inner = raw[1 : len(raw)-1]
	default:
		t.Errorf("%s: word %q with Quote %d", where, raw, w.Quote())
	}
	if want := nginxUnescape(inner); w.Value != want {
		t.Errorf("%s: word %q has Value %q, want %q", where, raw, w.Value, want)
	}
}

// checkDirectives verifies a list of sibling directives; complete says that
// the file was read to its end without a syntax error, so that every
// directive is terminated and every block closed.
func checkDirectives(t testing.TB, f *File, src string, dirs []*Directive, parent *Directive, complete bool) {
	t.Helper()
	var prev *Directive
	for _, d := range dirs {
		where := fmt.Sprintf("%s:%d:%d %.30q", f.Path, d.Start.Line, d.Start.Column, d.Name)
		if d.File != f {
			t.Errorf("%s: directive's File is %p, want %p", where, d.File, f)
		}
		if d.Parent != parent {
			t.Errorf("%s: wrong Parent", where)
		}
		if len(d.Words) == 0 {
			t.Errorf("%s: directive without words", where)
			continue
		}
		if d.Name != d.Words[0].Value || d.Start != d.Words[0].Start {
			t.Errorf("%s: Name/Start %q %v differ from the first word %q %v", where, d.Name, d.Start, d.Words[0].Value, d.Words[0].Start)
		}
		checkPos(t, where+" start", src, d.Start)
		checkPos(t, where+" end", src, d.End)
		if int(d.Start.Offset) < len(src) {
			switch d.Words[0].Quote() {
			case DoubleQuoted:
				if src[d.Start.Offset] != '"' {
					t.Errorf("%s: double-quoted name does not start with a quote", where)
				}
			case SingleQuoted:
				if src[d.Start.Offset] != '\'' {
					t.Errorf("%s: single-quoted name does not start with a quote", where)
				}
			}
		}
		for i, w := range d.Words {
			checkWord(t, where, src, w)
			if i > 0 && d.Words[i-1].EndOffset() > w.Start.Offset {
				t.Errorf("%s: word %d starts at %d, before the end of word %d at %d", where, i, w.Start.Offset, i-1, d.Words[i-1].EndOffset())
			}
		}
		last := d.Words[len(d.Words)-1]
		if d.End.Offset <= last.EndOffset() {
			t.Errorf("%s: End %d before the end of the last word %d", where, d.End.Offset, last.EndOffset())
		}
		if prev != nil {
			if d.Start.Offset <= prev.Start.Offset {
				t.Errorf("%s: starts at %d, not after the previous directive at %d", where, d.Start.Offset, prev.Start.Offset)
			}
			if complete && d.Start.Offset < prev.End.Offset {
				t.Errorf("%s: starts at %d, before the previous directive ends at %d", where, d.Start.Offset, prev.End.Offset)
			}
		}
		if parent != nil && parent.Block != nil && d.Start.Offset <= parent.Block.Open.Offset {
			t.Errorf("%s: starts at %d, not after its block's { at %d", where, d.Start.Offset, parent.Block.Open.Offset)
		}
		if b := d.Block; b != nil {
			checkPos(t, where+" block open", src, b.Open)
			if int(b.Open.Offset) >= len(src) || src[b.Open.Offset] != '{' {
				t.Errorf("%s: block Open %d is not a {", where, b.Open.Offset)
			}
			if b.Open.Offset < last.EndOffset()-1 {
				t.Errorf("%s: block Open %d inside the last word", where, b.Open.Offset)
			}
			if complete {
				checkPos(t, where+" block close", src, b.Close)
				if int(b.Close.Offset) >= len(src) || src[b.Close.Offset] != '}' {
					t.Errorf("%s: block Close %d is not a }", where, b.Close.Offset)
				} else if d.End.Offset != b.Close.Offset+1 {
					t.Errorf("%s: End %d, want just after the } at %d", where, d.End.Offset, b.Close.Offset)
				}
				if b.Raw != "" && src[b.Open.Offset+1:b.Close.Offset] != b.Raw {
					t.Errorf("%s: Raw %q is not the text between the braces", where, b.Raw)
				}
				for _, c := range b.Directives {
					if c.End.Offset > b.Close.Offset {
						t.Errorf("%s: child %q ends at %d, after the block's } at %d", where, c.Name, c.End.Offset, b.Close.Offset)
					}
				}
			}
			checkDirectives(t, f, src, b.Directives, d, complete)
		} else if complete {
			if d.End.Offset < 1 || src[d.End.Offset-1] != ';' {
				t.Errorf("%s: simple directive's End %d is not just after a ;", where, d.End.Offset)
			}
		}
		for _, inc := range d.Included {
			if inc.IncludedBy != d {
				t.Errorf("%s: included file %s has IncludedBy %p", where, inc.Path, inc.IncludedBy)
			}
		}
		prev = d
	}
}

// render prints directives back with each word exactly as written and a
// single space or line end between them: the same statements for nginx.
func render(b *strings.Builder, src string, dirs []*Directive) {
	for _, d := range dirs {
		for i, w := range d.Words {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(src[w.Start.Offset:w.EndOffset()])
		}
		switch {
		case d.Block == nil:
			b.WriteString(";\n")
		case strings.HasSuffix(d.Name, "_by_lua_block"):
			b.WriteString(" {" + d.Block.Raw + "}\n")
		default:
			b.WriteString(" {\n")
			render(b, src, d.Block.Directives)
			b.WriteString("}\n")
		}
	}
}

// checkReparse renders a configuration that was read without error and
// reads it again: the tokens must be the same.
func checkReparse(t testing.TB, cfg *Config) {
	t.Helper()
	if hasSyntaxErrors(cfg) || cfg.Main == nil {
		return
	}
	var b strings.Builder
	render(&b, cfg.Main.Src, cfg.Main.Directives)
	again := ParseBytes("/re/main.conf", b.String(), Options{Context: cfg.Main.Ctx, FS: NewMemFS(nil)})
	if hasSyntaxErrors(again) {
		t.Fatalf("rendered configuration does not read back: %v\n%s", again.Errors[0], b.String())
	}
	var want, got []string
	flatten(&want, cfg.Main.Directives)
	flatten(&got, again.Main.Directives)
	if strings.Join(want, "\n") != strings.Join(got, "\n") {
		t.Fatalf("rendered configuration reads back differently:\nwant %q\ngot  %q", want, got)
	}
}

func flatten(out *[]string, dirs []*Directive) {
	for _, d := range dirs {
		var s strings.Builder
		for _, w := range d.Words {
			fmt.Fprintf(&s, "%d%q ", w.Quote(), w.Value)
		}
		switch {
		case d.Block == nil:
			*out = append(*out, s.String()+";")
		case d.Block.Raw != "":
			*out = append(*out, s.String()+"{"+d.Block.Raw+"}")
		default:
			*out = append(*out, s.String()+"{")
			flatten(out, d.Block.Directives)
			*out = append(*out, "}")
		}
	}
}
