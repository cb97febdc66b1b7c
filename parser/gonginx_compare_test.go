package parser_test

// An independent parser to compare against: github.com/tufanbarisyildirim/gonginx
// (a test-only dependency; the project spec, "Parsing", says why it is not the
// product's parser). On every corpus file that gonginx parses without loss,
// the directive names and arguments of both trees must agree; a file where
// they do not is either recorded in knownGonginxDiffs, with the verdict of
// which parser nginx agrees with, or fails the test. TestGonginxDifferences
// shows, on hand-written inputs, the differences the spec names.
//
// How gonginx is driven, from its source at the version in go.mod:
//
//   - It reads a string (NewStringParser), so it follows no include: both
//     parsers see one file at a time (ours with an empty MemFS).
//   - WithSkipValidDirectivesErr: without it gonginx rejects any directive
//     name missing from its own list (third-party modules; entries of geo,
//     split_clients and other blocks it does not exempt as it does map and
//     types). The comparison is about tokens and tree shape.
//   - Its block and directive wrappers (config.BlockWrappers and
//     config.DirectiveWrappers, the package's documented extension points)
//     are replaced by identity functions during the comparison: the default
//     ones reorder the tree (http lists its server blocks after its other
//     directives; upstream lists its servers last and rebuilds their
//     parameters with key=value ones sorted), which TestGonginxWrappersReorder
//     shows. The wrappers run after parsing and do not change tokenisation.
//   - gonginx keeps every parameter as its source text: a quoted token keeps
//     its quotes and its backslashes (lexer.scanQuotedString writes every rune,
//     delimiters included, and \<quote> as both bytes), an unquoted token keeps
//     its backslashes (scanKeyword). nginxWord turns that text into the word
//     nginx stores (ngx_conf_read_token): strip the surrounding " or ' quotes,
//     then \" \' \\ lose the backslash, \t \r \n become TAB CR LF and any
//     other backslash stays. That is the same rule for every token, so it
//     adds no judgement of ours to gonginx's token boundaries; the "quotes
//     and escapes" case of TestGonginxDifferences checks it. A backquote is a
//     quote to gonginx and an ordinary byte to nginx, so `...` is not
//     stripped (and shows up as a difference when it holds a space).
//   - Comments are skipped (WithSkipComments); they are not directives in
//     either tree.

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	gconfig "github.com/tufanbarisyildirim/gonginx/config"
	gparser "github.com/tufanbarisyildirim/gonginx/parser"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// gonginxDiff is how a corpus file's two trees differ.
type gonginxDiff struct {
	// Kind is "gonginx error" (gonginx returned an error), "lost
	// directives" (no error but a different number of directives) or
	// "tree" (same number, different names or arguments).
	Kind string
	// At is the first differing directive, "line name" in our tree (empty
	// for a gonginx error).
	At string
	// Ours and Gonginx are the first differing directive as each parser
	// reads it (flatDir.key), or the error, or "(none)".
	Ours, Gonginx string
}

// knownGonginxDiffs are the corpus files where the trees differ, each with
// the difference the test finds and which parser nginx agrees with. A file
// that differs and is not here, or differs otherwise, fails the test; so
// does an entry whose file no longer differs.
//
// With gonginx v0.0.0-20260220081509-8e17ce617db3 every corpus file (62)
// is parsed without loss and agrees directive for directive, so the table is
// empty: the corpus does not use the constructs on which the two parsers
// disagree (TestGonginxDifferences). Escaped quotes inside quoted strings
// (LemmyNet, home-assistant deconz) and quotes inside unquoted regexes
// (jitsi) occur and agree.
var knownGonginxDiffs = map[string]struct {
	gonginxDiff
	// Nginx says which parser nginx 1.22.1 agrees with, and the evidence.
	Nginx string
}{}

// flatDir is one directive of a tree flattened in source order.
type flatDir struct {
	line  int // ours: the directive's first line; gonginx: GetLine
	end   int // ours: the line of its ";" or "}"
	depth int
	name  string
	args  []string
	lua   string // *_by_lua_block body, trimmed (gonginx trims it)
}

func (d flatDir) key() string {
	s := fmt.Sprintf("%d %q %q", d.depth, d.name, d.args)
	if d.lua != "" {
		s += fmt.Sprintf(" lua=%q", d.lua)
	}
	return s
}

func flattenOurs(dirs []*parser.Directive, depth int, out []flatDir) []flatDir {
	for _, d := range dirs {
		fd := flatDir{line: int(d.Start.Line), end: int(d.End.Line), depth: depth, name: d.Name, args: []string{}}
		for _, w := range d.Args() {
			fd.args = append(fd.args, w.Value)
		}
		if d.Block != nil {
			fd.lua = strings.TrimSpace(d.Block.Raw)
		}
		out = append(out, fd)
		if d.Block != nil {
			out = flattenOurs(d.Block.Directives, depth+1, out)
		}
	}
	return out
}

// flattenGonginx flattens gonginx's tree; word turns its token text into a
// value (nginxWord, or the raw text to show what gonginx does).
func flattenGonginx(dirs []gconfig.IDirective, depth int, word func(string) string, out []flatDir) []flatDir {
	for _, d := range dirs {
		fd := flatDir{line: d.GetLine(), depth: depth, name: word(d.GetName()), args: []string{}}
		for _, p := range d.GetParameters() {
			fd.args = append(fd.args, word(p.GetValue()))
		}
		b := d.GetBlock()
		if b != nil {
			fd.lua = b.GetCodeBlock()
		}
		out = append(out, fd)
		if b != nil {
			out = flattenGonginx(b.GetDirectives(), depth+1, word, out)
		}
	}
	return out
}

func rawText(s string) string { return s }

// nginxWord is the word nginx stores for the source text of a gonginx token
// (see the comment at the top of the file).
func nginxWord(text string) string {
	if len(text) >= 2 && (text[0] == '"' || text[0] == '\'') && text[len(text)-1] == text[0] {
		text = text[1 : len(text)-1]
	}
	if !strings.Contains(text, `\`) {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\\' && i+1 < len(text) {
			switch text[i+1] {
			case '"', '\'', '\\':
				i++
				c = text[i]
			case 't':
				i++
				c = '\t'
			case 'r':
				i++
				c = '\r'
			case 'n':
				i++
				c = '\n'
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

type gonginxWrapper = func(*gconfig.Directive) (gconfig.IDirective, error)

// rawGonginxTree makes gonginx return the tree as parsed, in source order,
// until the test ends: its block and directive wrappers become identities.
// The include wrapper stays (the parser requires its *config.Include); it
// only checks for one argument and no block, as nginx does.
func rawGonginxTree(t *testing.T) {
	identity := func(d *gconfig.Directive) (gconfig.IDirective, error) { return d, nil }
	for _, m := range []map[string]gonginxWrapper{gconfig.BlockWrappers, gconfig.DirectiveWrappers} {
		saved := make(map[string]gonginxWrapper, len(m))
		for k, w := range m {
			saved[k] = w
			m[k] = identity
		}
		t.Cleanup(func() {
			for k, w := range saved {
				m[k] = w
			}
		})
	}
}

func parseGonginx(src string) ([]gconfig.IDirective, error) {
	c, err := gparser.NewStringParser(src, gparser.WithSkipValidDirectivesErr(), gparser.WithSkipComments()).Parse()
	if err != nil {
		return nil, err
	}
	return c.GetDirectives(), nil
}

// compareWithGonginx parses src with both parsers and returns how the trees
// differ (nil when they agree) and whether gonginx parsed it without loss:
// no error, and as many directives as ours (comments are not directives;
// *_by_lua_block bodies are one directive in both trees).
func compareWithGonginx(name, src string) (diff *gonginxDiff, lossless bool) {
	cfg := parser.ParseBytes(name, src, parser.Options{FS: parser.NewMemFS(nil)})
	ours := flattenOurs(cfg.Main.Directives, 0, nil)
	gdirs, err := parseGonginx(src)
	if err != nil {
		return &gonginxDiff{Kind: "gonginx error", Ours: fmt.Sprintf("%d directives", len(ours)), Gonginx: err.Error()}, false
	}
	theirs := flattenGonginx(gdirs, 0, nginxWord, nil)
	lossless = len(theirs) == len(ours)
	kind := "tree"
	if !lossless {
		kind = "lost directives"
	}
	for i := 0; i < len(ours) || i < len(theirs); i++ {
		d := &gonginxDiff{Kind: kind, Ours: "(none)", Gonginx: "(none)"}
		if i < len(ours) {
			d.Ours = ours[i].key()
			d.At = fmt.Sprintf("%d %s", ours[i].line, ours[i].name)
		}
		if i < len(theirs) {
			d.Gonginx = theirs[i].key()
			if d.At == "" {
				d.At = "after the last directive"
			}
		}
		if d.Ours != d.Gonginx {
			return d, lossless
		}
	}
	return nil, lossless
}

func TestGonginxCorpus(t *testing.T) {
	dir := corpusDir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	rawGonginxTree(t)

	var files, lossless, agree int
	seen := map[string]bool{}
	for _, e := range entries {
		if e.IsDir() || e.Name() == "MANIFEST.tsv" {
			continue
		}
		name := e.Name()
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		files++
		seen[name] = true
		diff, ok := compareWithGonginx(name, string(src))
		if ok {
			lossless++
			if diff == nil {
				agree++
			}
		}
		known, isKnown := knownGonginxDiffs[name]
		switch {
		case diff == nil && isKnown:
			t.Errorf("%s: the trees agree now; remove its entry from knownGonginxDiffs", name)
		case diff == nil:
		case !isKnown:
			t.Errorf("%s: new difference with gonginx; check which parser nginx agrees with (nginx -t in a temporary prefix) and record it in knownGonginxDiffs:\n%q: {gonginxDiff{Kind: %q, At: %q, Ours: %q, Gonginx: %q}, \"<verdict and evidence>\"},",
				name, name, diff.Kind, diff.At, diff.Ours, diff.Gonginx)
		case known.gonginxDiff != *diff:
			t.Errorf("%s: the difference with gonginx changed:\n got  %+v\n want %+v", name, *diff, known.gonginxDiff)
		default:
			t.Logf("%s: known difference (%s at %s): ours %s, gonginx %s; nginx: %s", name, diff.Kind, diff.At, diff.Ours, diff.Gonginx, known.Nginx)
		}
	}
	for name := range knownGonginxDiffs {
		if !seen[name] {
			t.Errorf("%s is in knownGonginxDiffs but not in the corpus", name)
		}
	}
	if files == 0 {
		t.Fatalf("no configuration files in %s", dir)
	}
	t.Logf("%d corpus files; gonginx parses %d without loss; %d of those agree with ours directive for directive", files, lossless, agree)
}

// TestGonginxDifferences documents, on hand-written inputs, where the two
// parsers differ (the spec's "Parsing" section names most of these) and
// which one nginx agrees with. gonginx's values are shown as it returns them
// (the token's source text), ours as nginx stores them.
func TestGonginxDifferences(t *testing.T) {
	rawGonginxTree(t)
	tests := []struct {
		name string
		src  string
		ctx  parser.Ctx
		// ours: "startLine-endLine depth name args" per directive, and the
		// first error as "line:col: message".
		ours    []string
		oursErr string
		// gonginx: "GetLine depth name args" per directive, and its error.
		gonginx    []string
		gonginxErr string
		// nginx says what nginx 1.22.1 does with the same input.
		nginx string
	}{
		{
			name: "line of the terminator vs the directive's line",
			src:  "x\n  a\n  ;\nhttp {\n  y;\n}\n",
			ctx:  parser.CtxMain,
			ours: []string{
				`1-3 0 "x" ["a"]`,
				`4-6 0 "http" []`,
				`5-5 1 "y" []`,
			},
			gonginx: []string{
				`3 0 "x" ["a"]`,
				`6 0 "http" []`,
				`5 1 "y" []`,
			},
			nginx: `nginx keeps no line per directive; it reports an error at the line its reader stands on: the ";" for a simple directive ("server_tokens\n maybe\n ;" in http: invalid value "maybe" at the ";" line) and the "{" for a block ("http {" inside http: "http" directive is not allowed here at the "{" line). gonginx keeps only the line of the ";" or of the closing "}", so for a block it is neither the directive's line nor nginx's. Ours keeps the directive's first line (Start, for findings), the terminator (End) and the "{" (Block.Open), and words its errors at nginx's line`,
		},
		{
			name:       `"\\" is one backslash`,
			src:        `x "\\"; y z;`,
			ctx:        parser.CtxMain,
			ours:       []string{`1-1 0 "x" ["\\"]`, `1-1 0 "y" ["z"]`},
			gonginxErr: "unexpected end of file while scanning quoted string starting at line 1, column 2\nunexpected token Eof () on line 1, column 12",
			nginx:      `ours: "server_tokens \"\\\\\";" in http: invalid value "\" (one backslash, and the string ends at the second quote). gonginx reads \" as an escaped quote even after a backslash, so the string runs on`,
		},
		{
			name:    `"\\" swallows the next directive silently`,
			src:     `x "\\"; y "z";`,
			ctx:     parser.CtxMain,
			ours:    []string{`1-1 0 "x" ["\\"]`, `1-1 0 "y" ["z"]`},
			gonginx: []string{`1 0 "x" ["\"\\\\\"; y \"" "z\""]`},
			nginx:   `ours (as above): nginx reads two directives; gonginx reads one, without an error`,
		},
		{
			name:    `a\;b is one word`,
			src:     `x a\;b;`,
			ctx:     parser.CtxMain,
			ours:    []string{`1-1 0 "x" ["a\\;b"]`},
			gonginx: []string{`1 0 "x" ["a\\"]`, `1 0 "b" []`},
			nginx:   `ours: "server_tokens a\;b;" in http: invalid value "a\;b". A backslash makes nginx take the next byte as part of the word; gonginx ends the word at the ";"`,
		},
		{
			name:       "lua block with a brace in a string",
			src:        "content_by_lua_block { ngx.say(\"}\") }\nfoo;\n",
			ctx:        parser.CtxLocation,
			ours:       []string{`1-1 0 "content_by_lua_block" [] lua="ngx.say(\"}\")"`, `2-2 0 "foo" []`},
			gonginxErr: "unexpected end of file while scanning quoted string starting at line 1, column 34",
			nginx:      `ours, by lua-nginx-module's source: it reads the body with its own Lua lexer (ngx_http_lua_conf_lua_block_parse / ngx_http_lua_conf_read_lua_token in src/ngx_http_lua_directive.c), which skips strings, long brackets and comments. gonginx counts every brace. Not checkable with the installed nginx 1.22.1, which has no lua module`,
		},
		{
			name:       "lua block with a brace in a comment",
			src:        "content_by_lua_block {\n  -- }\n  ngx.say(1)\n}\nfoo;\n",
			ctx:        parser.CtxLocation,
			ours:       []string{`1-4 0 "content_by_lua_block" [] lua="-- }\n  ngx.say(1)"`, `5-5 0 "foo" []`},
			gonginxErr: "unexpected token BlockEnd (}) on line 4, column 1",
			nginx:      `ours, by lua-nginx-module's source (as above); gonginx ends the block at the "}" of the Lua comment`,
		},
		{
			name:    `content after a stray "}" is dropped`,
			src:     "events {}\n}\nfoo bar;\n",
			ctx:     parser.CtxMain,
			ours:    []string{`1-1 0 "events" []`},
			oursErr: `2:1: unexpected "}"`,
			gonginx: []string{`1 0 "events" []`},
			nginx:   `ours: nginx -t says unexpected "}" at line 2. gonginx stops at the "}" without an error and drops "foo bar;"`,
		},
		{
			name:    `a stray ";" is ignored`,
			src:     "x;;y;",
			ctx:     parser.CtxMain,
			ours:    []string{`1-1 0 "x" []`},
			oursErr: `1:3: unexpected ";"`,
			gonginx: []string{`1 0 "x" []`, `1 0 "y" []`},
			nginx:   `ours: "server_tokens on;;" in http: unexpected ";"`,
		},
		{
			name:    "text glued to a closing quote",
			src:     `x "b"c;`,
			ctx:     parser.CtxMain,
			ours:    nil,
			oursErr: `1:6: unexpected "c"`,
			gonginx: []string{`1 0 "x" ["\"b\"" "c"]`},
			nginx:   `ours: "server_tokens \"b\"c;" in http: unexpected "c"`,
		},
		{
			name:       `"}" inside a word`,
			src:        `x b}c;`,
			ctx:        parser.CtxMain,
			ours:       []string{`1-1 0 "x" ["b}c"]`},
			gonginxErr: "unexpected token BlockEnd (}) on line 1, column 3",
			nginx:      `ours: "server_tokens b}c;" in http: invalid value "b}c"; only ";", "{" and blanks end an unquoted word`,
		},
		{
			name:    "backquotes are not quotes",
			src:     "x `g h`;",
			ctx:     parser.CtxMain,
			ours:    []string{"1-1 0 \"x\" [\"`g\" \"h`\"]"},
			gonginx: []string{"1 0 \"x\" [\"`g h`\"]"},
			nginx:   "ours: \"server_tokens `g h`;\" in http: invalid number of arguments in \"server_tokens\" directive (two words)",
		},
		{
			name:    "quotes and escapes: gonginx keeps the source text",
			src:     `x "a b" 'c\'d' "e\"f" "t\tn" \.php$;`,
			ctx:     parser.CtxMain,
			ours:    []string{`1-1 0 "x" ["a b" "c'd" "e\"f" "t\tn" "\\.php$"]`},
			gonginx: []string{`1 0 "x" ["\"a b\"" "'c\\'d'" "\"e\\\"f\"" "\"t\\tn\"" "\\.php$"]`},
			nginx:   `the same words once gonginx's text goes through nginxWord (checked below): ngx_conf_read_token strips the quotes, turns \" \' \\ \t \r \n into the byte and keeps other backslashes`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Logf("nginx: %s", tt.nginx)
			cfg := parser.ParseBytes("test.conf", tt.src, parser.Options{Context: tt.ctx, FS: parser.NewMemFS(nil)})
			var ours []string
			for _, d := range flattenOurs(cfg.Main.Directives, 0, nil) {
				ours = append(ours, fmt.Sprintf("%d-%d %s", d.line, d.end, d.key()))
			}
			if !reflect.DeepEqual(ours, tt.ours) {
				t.Errorf("ours:\n got  %#v\n want %#v", ours, tt.ours)
			}
			oursErr := ""
			if len(cfg.Errors) > 0 {
				e := cfg.Errors[0]
				oursErr = fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Msg)
			}
			if oursErr != tt.oursErr {
				t.Errorf("our error: got %q, want %q", oursErr, tt.oursErr)
			}

			gdirs, err := parseGonginx(tt.src)
			gonginxErr := ""
			if err != nil {
				gonginxErr = err.Error()
			}
			if gonginxErr != tt.gonginxErr {
				t.Errorf("gonginx error: got %q, want %q", gonginxErr, tt.gonginxErr)
			}
			var theirs []string
			for _, d := range flattenGonginx(gdirs, 0, rawText, nil) {
				theirs = append(theirs, fmt.Sprintf("%d %s", d.line, d.key()))
			}
			if !reflect.DeepEqual(theirs, tt.gonginx) {
				t.Errorf("gonginx:\n got  %#v\n want %#v", theirs, tt.gonginx)
			}
		})
	}

	// The normalisation the corpus comparison applies to gonginx's text
	// gives our words exactly, on the input with every kind of quoting.
	src := `x "a b" 'c\'d' "e\"f" "t\tn" \.php$;`
	gdirs, err := parseGonginx(src)
	if err != nil {
		t.Fatal(err)
	}
	cfg := parser.ParseBytes("test.conf", src, parser.Options{Context: parser.CtxMain, FS: parser.NewMemFS(nil)})
	if got, want := flattenGonginx(gdirs, 0, nginxWord, nil)[0].key(), flattenOurs(cfg.Main.Directives, 0, nil)[0].key(); got != want {
		t.Errorf("nginxWord(gonginx's text) = %s, ours = %s", got, want)
	}
}

// TestGonginxWrappersReorder shows why the comparison replaces gonginx's
// wrappers: by default the tree it returns is not in source order.
func TestGonginxWrappersReorder(t *testing.T) {
	src := "http {\n  server { listen 80; }\n  gzip on;\n  upstream u { server b weight=2 backup max_fails=1; keepalive 2; }\n}\n"
	gdirs, err := parseGonginx(src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range flattenGonginx(gdirs, 0, rawText, nil) {
		got = append(got, d.key())
	}
	want := []string{
		`0 "http" []`,
		`1 "gzip" ["on"]`,
		`1 "upstream" ["u"]`,
		`2 "keepalive" ["2"]`,
		`2 "server" ["b" "max_fails=1" "weight=2" "backup"]`,
		`1 "server" []`,
		`2 "listen" ["80"]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("gonginx with its default wrappers:\n got  %#v\n want %#v", got, want)
	}
}
