package lsp

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// LSP columns count UTF-16 code units: an emoji is two, a CJK character
// one, a byte of invalid UTF-8 one (the editor shows U+FFFD).
func TestLineIndexUTF16(t *testing.T) {
	text := "a\n# 💬 x\r\n中文 y\n\xffz\nlast"
	li := newLineIndex(text)
	cases := []struct {
		off int
		pos Position
	}{
		{0, Position{0, 0}},
		{1, Position{0, 1}},
		{2, Position{1, 0}},
		{strings.Index(text, "💬"), Position{1, 2}},
		{strings.Index(text, " x"), Position{1, 4}},
		{strings.Index(text, "x"), Position{1, 5}},
		{strings.Index(text, "中"), Position{2, 0}},
		{strings.Index(text, " y"), Position{2, 2}},
		{strings.Index(text, "z"), Position{3, 1}},
		{len(text), Position{4, 4}},
	}
	for _, c := range cases {
		if got := li.position(c.off); got != c.pos {
			t.Errorf("position(%d) = %+v, want %+v", c.off, got, c.pos)
		}
		if got := li.offset(c.pos); got != c.off {
			t.Errorf("offset(%+v) = %d, want %d", c.pos, got, c.off)
		}
	}
	// Past the line's end: the end of its text, before "\r\n".
	if got, want := li.offset(Position{1, 99}), strings.Index(text, "\r\n"); got != want {
		t.Errorf("offset past a CRLF line's end = %d, want %d", got, want)
	}
	// Inside a surrogate pair: the character's start.
	if got, want := li.offset(Position{1, 3}), strings.Index(text, "💬"); got != want {
		t.Errorf("offset inside a surrogate pair = %d, want %d", got, want)
	}
	if got := li.offset(Position{99, 0}); got != len(text) {
		t.Errorf("offset past the last line = %d", got)
	}
}

func TestApplyChange(t *testing.T) {
	text := "server {\n    listen 80; # ü\n}\n"
	got, err := applyChange(text, TextDocumentContentChangeEvent{Range: &Range{Start: Position{1, 17}, End: Position{1, 18}}, Text: "💬"})
	if err != nil || got != "server {\n    listen 80; # 💬\n}\n" {
		t.Errorf("applyChange = %q, %v", got, err)
	}
	got, err = applyChange(text, TextDocumentContentChangeEvent{Text: "whole"})
	if err != nil || got != "whole" {
		t.Errorf("full change = %q, %v", got, err)
	}
	if _, err := applyChange(text, TextDocumentContentChangeEvent{Range: &Range{Start: Position{1, 4}, End: Position{0, 0}}}); err == nil {
		t.Error("a backwards range is accepted")
	}
}

func TestURIs(t *testing.T) {
	for _, p := range []string{"/etc/nginx/nginx.conf", "/srv/my site/a#b.conf", "/tmp/ü.conf"} {
		uri := pathToURI(p)
		back, err := uriToPath(uri)
		if err != nil || back != p {
			t.Errorf("%q -> %q -> %q, %v", p, uri, back, err)
		}
	}
	if got := pathToURI("/srv/my site/a#b.conf"); got != "file:///srv/my%20site/a%23b.conf" {
		t.Errorf("pathToURI = %q", got)
	}
	if _, err := uriToPath("untitled:Untitled-1"); err == nil {
		t.Error("an untitled: URI is accepted")
	}
}

func TestFraming(t *testing.T) {
	var out bytes.Buffer
	c := newConn(strings.NewReader(""), &out)
	if err := c.notify("m", map[string]int{"a": 1}); err != nil {
		t.Fatal(err)
	}
	if want := "Content-Length: 47\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"a\":1}}"; out.String() != want {
		t.Errorf("written %q, want %q", out.String(), want)
	}
	// Reading: extra headers, any case, two messages back to back.
	in := "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}Content-Length: 4\r\n\r\nnull"
	c = newConn(strings.NewReader(in), io.Discard)
	for _, want := range []string{"{}", "null"} {
		body, err := c.read()
		if err != nil || string(body) != want {
			t.Errorf("read %q, %v; want %q", body, err, want)
		}
	}
	if _, err := c.read(); !errors.Is(err, io.EOF) {
		t.Errorf("at the end: %v, want EOF", err)
	}
	for _, bad := range []string{
		"Content-Type: x\r\n\r\n{}",
		"Content-Length: -1\r\n\r\n",
		"Content-Length: 999999999999\r\n\r\n",
		"no colon\r\n\r\n",
		"Content-Length: 10\r\n\r\n{}",
		"Content-Length: 2\r\n",
	} {
		if _, err := newConn(strings.NewReader(bad), io.Discard).read(); err == nil || errors.Is(err, io.EOF) && !strings.Contains(err.Error(), "reading") {
			t.Errorf("%q: err %v", bad, err)
		}
	}
}

// Completion offers the directives of the block the cursor is in, read
// the way nginx's reader reads braces, quotes and comments.
func TestCompletionContext(t *testing.T) {
	cases := []struct {
		text string // | is the cursor
		top  parser.Ctx
		ctx  parser.Ctx
		word string
		ok   bool
	}{
		{"http {\n  ser|", parser.CtxMain, parser.CtxHTTP, "ser", true},
		{"server {\n  location / {\n    proxy_|", parser.CtxHTTP, parser.CtxLocation, "proxy_", true},
		{"server {\n  location / { }\n  |", parser.CtxHTTP, parser.CtxServer, "", true},
		{"location / {\n  if ($x) {\n    re|", parser.CtxServer, parser.CtxLocationIf, "re", true},
		{"location \"/a{\" {\n  pro|", parser.CtxServer, parser.CtxLocation, "pro", true},
		{"location / { # {\n  pro|", parser.CtxServer, parser.CtxLocation, "pro", true},
		{"server {\n  listen 8|", parser.CtxHTTP, 0, "", false},
		{"server {\n  # pro|", parser.CtxHTTP, 0, "", false},
		{"server {\n  return 200 \"a|", parser.CtxHTTP, 0, "", false},
		{"map $a $b {\n  de|", parser.CtxHTTP, 0, "", false},
		{"unknown_block {\n  x|", parser.CtxHTTP, 0, "", false},
	}
	for _, c := range cases {
		off := strings.Index(c.text, "|")
		text := strings.Replace(c.text, "|", "", 1)
		ctx, word, start, ok := completionContext(text, off, c.top)
		if ok != c.ok || ok && (ctx != c.ctx || word != c.word || start != off-len(c.word)) {
			t.Errorf("%q: %v %q %d %v, want %v %q %v", c.text, ctx, word, start, ok, c.ctx, c.word, c.ok)
		}
	}
}

func TestSuppressEdit(t *testing.T) {
	text := "server {\n\tlocation /ws/ {\n    # nginx-wslint-ignore WS006 -- pings every 20s\n    proxy_pass http://b/;\n  }\n}\n"
	li := newLineIndex(text)
	// A new comment, indented as the finding's line.
	e := suppressEdit(li, strings.Index(text, "location"), "WS002")
	if e == nil || e.Range.Start != (Position{1, 0}) || e.NewText != "\t# nginx-wslint-ignore WS002 -- \n" {
		t.Errorf("new comment: %+v", e)
	}
	// The id joins the comment above.
	e = suppressEdit(li, strings.Index(text, "proxy_pass"), "WS008")
	if e == nil || e.Range.Start != (Position{2, 31}) || e.Range.End != e.Range.Start || e.NewText != ",WS008" {
		t.Errorf("joined comment: %+v", e)
	}
	// Already there.
	if e := suppressEdit(li, strings.Index(text, "proxy_pass"), "ws006"); e != nil {
		t.Errorf("a suppressed id is added again: %+v", e)
	}
	// CRLF files get CRLF.
	crlf := "server {\r\n  listen 80;\r\n}\r\n"
	if e := suppressEdit(newLineIndex(crlf), strings.Index(crlf, "listen"), "WS004"); e == nil || e.NewText != "  # nginx-wslint-ignore WS004 -- \r\n" {
		t.Errorf("CRLF: %+v", e)
	}
}

func TestWordEnd(t *testing.T) {
	src := `a "b c" 'd\'e';x` + "\n"
	for _, c := range []struct{ off, end int }{{0, 1}, {2, 7}, {8, 14}, {14, 15}, {15, 16}, {16, 16}} {
		if got := wordEnd(src, c.off); got != c.end {
			t.Errorf("wordEnd(%d) = %d, want %d", c.off, got, c.end)
		}
	}
}

func TestVarPrefix(t *testing.T) {
	for _, c := range []struct {
		text   string
		prefix string
		ok     bool
	}{
		{"proxy_set_header Connection $conn|", "conn", true},
		{"return 200 \"$ho|", "ho", true},
		{"set $|", "", true},
		{"# $conn|", "", false},
		{"return 200 \"#\" $ur|", "ur", true},
		{"proxy_pass http://b|", "", false},
	} {
		off := strings.Index(c.text, "|")
		start, prefix, ok := varPrefix(strings.Replace(c.text, "|", "", 1), off)
		if ok != c.ok || ok && (prefix != c.prefix || c.text[start] != '$') {
			t.Errorf("%q: %d %q %v", c.text, start, prefix, ok)
		}
	}
}
