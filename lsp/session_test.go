package lsp

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// A site file opened from a workspace whose nginx.conf includes it is
// linted as nginx reads it (proxy_http_version 1.1 from the http block, so
// no WS005), its findings are where the CLI puts them, in UTF-16 columns,
// with the rule's documentation and related places; an unsaved change
// clears them; hover, definition, code actions, outline and completion
// answer from the same context.
func TestSessionFragmentInContext(t *testing.T) {
	ws := copyTree(t, "testdata/workspace")
	c := startClient(t, Options{})
	res := c.initialize(ws, nil)
	caps := res["capabilities"].(map[string]any)
	if caps["positionEncoding"] != "utf-16" || caps["hoverProvider"] != true {
		t.Fatalf("capabilities: %s", mustJSON(caps))
	}

	chatPath := filepath.Join(ws, "conf.d", "chat.conf")
	chat := readFile(t, chatPath)
	uri := c.open(chatPath, chat)
	ds := c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	if got := codes(ds); got != "WS002,WS003" {
		t.Fatalf("codes %s, want WS002,WS003 (in context: no WS005, the http block sets proxy_http_version):\n%s", got, mustJSON(ds))
	}
	d := ds[0]
	wantRange := Range{Start: Position{Line: 9, Character: 4}, End: Position{Line: 9, Character: 17}}
	if d.Range != wantRange || d.Severity != SeverityError || d.Source != "nginx-wslint" {
		t.Errorf("WS002 at %+v severity %d source %q, want %+v, error, nginx-wslint", d.Range, d.Severity, d.Source, wantRange)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != "https://github.com/nginx-wslint/nginx-wslint#ws002-missing-upgrade-header" {
		t.Errorf("codeDescription %+v", d.CodeDescription)
	}
	wantMsg := `location "/ws/" passes a WebSocket (its path matches the WebSocket endpoint "/ws") without "proxy_set_header Upgrade $http_upgrade": nginx drops the client's Upgrade header, so the backend sees a plain request and the handshake fails with 400 or 426; the Upgrade header set at ` + filepath.Join(ws, "snippets/websocket.conf") + `:1:1 is not inherited, because a nearer level sets proxy_set_header lines of its own` +
		"\nfix: add `proxy_set_header Upgrade $http_upgrade;` to this location (with the other proxy_set_header lines it needs)"
	if d.Message != wantMsg {
		t.Errorf("message:\n%s\nwant:\n%s", d.Message, wantMsg)
	}
	wantRel := []DiagnosticRelatedInformation{
		{Location: Location{URI: pathToURI(filepath.Join(ws, "snippets/websocket.conf")), Range: Range{End: Position{Character: 16}}}, Message: "set here, but not inherited"},
		{Location: Location{URI: uri, Range: Range{Start: Position{Line: 11, Character: 8}, End: Position{Line: 11, Character: 24}}}, Message: "this level sets its own proxy_set_header lines, so it inherits none from outer levels"},
		{Location: Location{URI: pathToURI(filepath.Join(ws, "nginx.conf")), Range: Range{Start: Position{Line: 10, Character: 4}, End: Position{Line: 10, Character: 11}}}, Message: chatPath + " is included here"},
	}
	if !slices.Equal(d.RelatedInformation, wantRel) {
		t.Errorf("relatedInformation:\n%s\nwant:\n%s", mustJSON(d.RelatedInformation), mustJSON(wantRel))
	}

	// Hover on the location line: what nginx does with GET /ws/.
	var h Hover
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, chat, "/ws/", 1)}, &h)
	wantHover := "**location /ws/** in server \"chat.example.com\" (conf.d/chat.conf:1), listen 80\n\n" +
		"a WebSocket handshake `GET /ws/` (Host: chat.example.com, port 80) reaches this location: longest prefix \"/ws/\"\n\n" +
		"upstream request: `GET /ws/ HTTP/1.1` via `proxy_pass http://chat_backend` (conf.d/chat.conf:11): proxy_pass without a URI part: the client's request-target is sent unchanged"
	if !strings.HasPrefix(h.Contents.Value, wantHover) {
		t.Errorf("location hover:\n%s\nwant it to start with:\n%s", h.Contents.Value, wantHover)
	}
	for _, want := range []string{
		"- `proxy_http_version 1.1` (nginx.conf:10)",
		"- `proxy_read_timeout 1h` (snippets/websocket.conf:3)",
		"- `Host: $proxy_host` → `chat_backend` (nginx default)",
		"- `Connection: close` (nginx default)",
		"- `X-Real-IP: $remote_addr` (conf.d/chat.conf:12)",
	} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("location hover lacks %q:\n%s", want, h.Contents.Value)
		}
	}
	if h.Contents.Kind != "markdown" || h.Range == nil || *h.Range != (Range{Start: Position{Line: 9, Character: 13}, End: Position{Line: 9, Character: 17}}) {
		t.Errorf("hover kind %q range %+v", h.Contents.Kind, h.Range)
	}

	// On "location /", the headers inherited from the snippet, with what a
	// handshake makes of them.
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, chat, "location /", 0)}, &h)
	for _, want := range []string{
		"- `Upgrade: $http_upgrade` → `websocket` (snippets/websocket.conf:1)",
		"- `Connection: $connection_upgrade` → `upgrade` (snippets/websocket.conf:2)",
	} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover on location / lacks %q:\n%s", want, h.Contents.Value)
		}
	}

	// Hover on a directive name: its contexts and summary.
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, chat, "proxy_set_header", 3)}, &h)
	wantDir := "**proxy_set_header**: a request header sent to the backend; a level that sets any inherits none from outer levels\n\nallowed in: http, server, location; takes 2 arguments"
	if h.Contents.Value != wantDir {
		t.Errorf("directive hover:\n%s\nwant:\n%s", h.Contents.Value, wantDir)
	}

	// Hover on an upstream name and on an include.
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, chat, "chat_backend", 2)}, &h)
	if want := "**upstream chat_backend** (nginx.conf:7)\n\n- `server 127.0.0.1:8080`"; h.Contents.Value != want {
		t.Errorf("upstream hover %q, want %q", h.Contents.Value, want)
	}
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, chat, "snippets/", 2)}, &h)
	if want := "**include snippets/websocket.conf** reads, in this order:\n\n- snippets/websocket.conf"; h.Contents.Value != want {
		t.Errorf("include hover %q, want %q", h.Contents.Value, want)
	}

	// Go to definition: the upstream, and the include.
	var locs []Location
	c.mustCall("textDocument/definition", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, chat, "chat_backend", 2)}, &locs)
	wantUp := []Location{{URI: pathToURI(filepath.Join(ws, "nginx.conf")), Range: Range{Start: Position{Line: 6, Character: 13}, End: Position{Line: 6, Character: 25}}}}
	if !slices.Equal(locs, wantUp) {
		t.Errorf("definition of chat_backend: %s, want %s", mustJSON(locs), mustJSON(wantUp))
	}
	c.mustCall("textDocument/definition", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, chat, "include", 2)}, &locs)
	if want := []Location{{URI: pathToURI(filepath.Join(ws, "snippets/websocket.conf"))}}; !slices.Equal(locs, want) {
		t.Errorf("definition of the include: %s, want %s", mustJSON(locs), mustJSON(want))
	}

	// Code actions on the location line: the engine's fix and a
	// suppression per finding.
	var actions []CodeAction
	c.mustCall("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{Start: Position{Line: 9, Character: 6}, End: Position{Line: 9, Character: 6}}}, &actions)
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	wantTitles := []string{"Fix WS002: add `proxy_set_header Upgrade $http_upgrade;` to this location", `Suppress WS002 here with a reason (type it after "--")`,
		"Fix WS003: add `proxy_set_header Connection $connection_upgrade;`", `Suppress WS003 here with a reason (type it after "--")`}
	if !slices.Equal(titles, wantTitles) {
		t.Fatalf("code actions %q, want %q", titles, wantTitles)
	}
	edit := actions[1].Edit.Changes[uri]
	wantEdit := []TextEdit{{Range: Range{Start: Position{Line: 9}, End: Position{Line: 9}}, NewText: "    # nginx-wslint-ignore WS002 -- \n"}}
	if !slices.Equal(edit, wantEdit) || len(actions[1].Diagnostics) != 1 || actions[1].Diagnostics[0].Code != "WS002" {
		t.Errorf("suppress action: %s", mustJSON(actions[1]))
	}
	// The fix edits this buffer only, adding the header to the location.
	if fix := actions[0]; !fix.IsPreferred || len(fix.Edit.Changes) != 1 || len(fix.Edit.Changes[uri]) == 0 ||
		!strings.Contains(fix.Edit.Changes[uri][0].NewText, "proxy_set_header Upgrade $http_upgrade;") {
		t.Errorf("fix action: %s", mustJSON(fix))
	}

	// Outline.
	var syms []DocumentSymbol
	c.mustCall("textDocument/documentSymbol", map[string]any{"textDocument": TextDocumentIdentifier{URI: uri}}, &syms)
	if len(syms) != 1 || syms[0].Name != "server chat.example.com" || syms[0].Detail != "listen 80" || len(syms[0].Children) != 2 ||
		syms[0].Children[0].Name != "location /" || syms[0].Children[1].Name != "location /ws/" ||
		syms[0].Children[1].Range != (Range{Start: Position{Line: 9, Character: 4}, End: Position{Line: 12, Character: 5}}) {
		t.Errorf("outline: %s", mustJSON(syms))
	}

	// An unsaved change that adds the two headers: the findings go, and
	// the file on disk is untouched.
	at := posOf(t, chat, "        proxy_set_header X-Real-IP", 0)
	c.change(uri, 2, at, at, "        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $connection_upgrade;\n")
	c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) == 0 })
	if c.latest[uri].Version == nil || *c.latest[uri].Version != 2 {
		t.Errorf("published version %v, want 2", c.latest[uri].Version)
	}
	if readFile(t, chatPath) != chat {
		t.Error("the server wrote the file")
	}

	// Completion in the location, after the change.
	var list CompletionList
	cut := strings.Index(chat, "        proxy_set_header X-Real-IP")
	text := chat[:cut] + "        proxy_set_header Upgrade $http_upgrade;\n        proxy_set_header Connection $connection_upgrade;\n" + chat[cut:]
	at = posOf(t, text, "        proxy_set_header X-Real-IP", 0)
	c.change(uri, 3, at, at, "        proxy_http_v\n")
	at.Character = 20
	c.mustCall("textDocument/completion", CompletionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: at}, &list)
	if len(list.Items) != 1 || list.Items[0].Label != "proxy_http_version" || list.Items[0].TextEdit == nil ||
		list.Items[0].TextEdit.Range != (Range{Start: Position{Line: at.Line, Character: 8}, End: at}) {
		t.Errorf("completion: %s", mustJSON(list))
	}

	c.shutdown()
}

// A change in a snippet publishes the findings it causes in the file that
// includes it, which is not open.
func TestSessionChangeAffectsOtherFiles(t *testing.T) {
	ws := copyTree(t, "testdata/workspace")
	c := startClient(t, Options{})
	c.initialize(ws, nil)
	snipPath := filepath.Join(ws, "snippets", "websocket.conf")
	snip := readFile(t, snipPath)
	uri := c.open(snipPath, snip)
	chatURI := pathToURI(filepath.Join(ws, "conf.d", "chat.conf"))
	c.waitDiags(chatURI, func(ds []Diagnostic) bool { return codes(ds) == "WS002,WS003" })
	if ds := c.latest[uri].Diagnostics; len(ds) != 0 {
		t.Fatalf("snippet diagnostics %s", mustJSON(ds))
	}
	// Delete "proxy_read_timeout 1h;": both WebSocket locations now drop
	// idle connections after nginx's 60s.
	start := posOf(t, snip, "proxy_read_timeout", 0)
	c.change(uri, 2, start, Position{Line: start.Line + 1}, "")
	ds := c.waitDiags(chatURI, func(ds []Diagnostic) bool { return strings.Contains(codes(ds), "WS006") })
	if got := codes(ds); got != "WS002,WS003,WS006" {
		t.Fatalf("chat.conf codes %s, want WS002,WS003,WS006:\n%s", got, mustJSON(ds))
	}
	// A note: the application behind /ws/ is unknown, so whether 60s is
	// too short depends on its pings.
	if ds[2].Range.Start != (Position{Line: 9, Character: 4}) || ds[2].Severity != SeverityInformation {
		t.Errorf("WS006 on location /ws/ at %+v severity %d", ds[2].Range.Start, ds[2].Severity)
	}
	// Closing the snippet drops the context: chat.conf's list is cleared.
	c.notify("textDocument/didClose", DidCloseTextDocumentParams{TextDocument: TextDocumentIdentifier{URI: uri}})
	c.waitDiags(chatURI, func(ds []Diagnostic) bool { return len(ds) == 0 })
	c.shutdown()
}

// A buffer no nginx.conf includes is linted alone: a fragment whose
// context is inferred, with includes relative to its own directory; an
// unsaved new file that is not on disk yet is linted too.
func TestSessionAloneAndUnsaved(t *testing.T) {
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	c := startClient(t, Options{})
	c.initialize(dir, nil)
	path := filepath.Join(dir, "new-site.conf") // never written
	text := "location /ws/ {\n    proxy_pass http://127.0.0.1:8080;\n}\n"
	uri := c.open(path, text)
	ds := c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	if got := codes(ds); got != "WS002,WS003,WS005,WS006" {
		t.Errorf("codes %s:\n%s", got, mustJSON(ds))
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("the buffer was written to disk")
	}
	// A syntax error is an error without a rule, where nginx stops.
	c.change(uri, 2, Position{Line: 1, Character: 36}, Position{Line: 1, Character: 37}, "")
	ds = c.waitDiags(uri, func(ds []Diagnostic) bool { return codes(ds) == "-" })
	want := Diagnostic{Range: Range{Start: Position{Line: 2, Character: 0}, End: Position{Line: 2, Character: 1}}, Severity: SeverityError, Source: "nginx-wslint", Message: `unexpected "}"`}
	if ds[0].Range != want.Range || ds[0].Severity != want.Severity || !strings.HasPrefix(ds[0].Message, want.Message) {
		t.Errorf("syntax error %s, want %s", mustJSON(ds[0]), mustJSON(want))
	}
	c.shutdown()
}

// A missing include is a warning on the include, a configuration error
// nginx reports is an error.
func TestSessionMissingInclude(t *testing.T) {
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	c := startClient(t, Options{})
	c.initialize(dir, nil)
	text := "events {}\nhttp {\n    include sites/*.conf;\n    include mime.types;\n}\n"
	uri := c.open(filepath.Join(dir, "nginx.conf"), text)
	ds := c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	if len(ds) != 1 || ds[0].Severity != SeverityWarning || ds[0].Range != (Range{Start: Position{Line: 3, Character: 4}, End: Position{Line: 3, Character: 11}}) ||
		ds[0].Message != `open() "`+filepath.Join(dir, "mime.types")+`" failed (2: No such file or directory) (what it would set is unknown, so the WebSocket checks it could change are skipped)` {
		t.Errorf("missing include: %s", mustJSON(ds))
	}
	c.shutdown()
}

// The protocol's lifecycle: requests before initialize, unknown methods,
// exit without shutdown.
func TestSessionLifecycle(t *testing.T) {
	c := startClient(t, Options{})
	if err := c.call("textDocument/hover", TextDocumentPositionParams{}, nil); !isRPCError(err, codeServerNotInitialized) {
		t.Errorf("hover before initialize: %v", err)
	}
	c.initialize(t.TempDir(), nil)
	if err := c.call("initialize", map[string]any{}, nil); !isRPCError(err, codeInvalidRequest) {
		t.Errorf("second initialize: %v", err)
	}
	if err := c.call("workspace/symbol", map[string]any{}, nil); !isRPCError(err, codeMethodNotFound) {
		t.Errorf("unknown method: %v", err)
	}
	if err := c.call("textDocument/hover", "not an object", nil); !isRPCError(err, codeInvalidParams) {
		t.Errorf("bad params: %v", err)
	}
	if err := c.call("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: "file:///nowhere.conf"}}, nil); !isRPCError(err, codeRequestFailed) {
		t.Errorf("hover on a buffer that is not open: %v", err)
	}
	// An unknown notification is ignored; "$/" ones too.
	c.notify("$/progress", map[string]any{})
	c.notify("exit", nil)
	c.exited = true
	if err := <-c.done; !errors.Is(err, ErrNoShutdown) {
		t.Errorf("exit without shutdown: %v, want ErrNoShutdown", err)
	}
}

// editLinter adds an edit to WS002 findings, as the autofix work does, to
// test that code actions carry edits to the right places.
type editLinter struct{ RuleLinter }

func (l *editLinter) Lint(ctx context.Context, in Input) (*Result, error) {
	res, err := l.RuleLinter.Lint(ctx, in)
	if err != nil {
		return nil, err
	}
	for i := range res.Findings {
		f := &res.Findings[i]
		if f.Rule.ID == "WS002" {
			loc := f.Node
			open := int(loc.Block.Open.Offset) + 1
			f.Edits = []rules.Edit{{File: loc.File.Path, Start: open, End: open, NewText: "\n        proxy_set_header Upgrade $http_upgrade;"}}
		}
	}
	return res, nil
}

func TestCodeActionEdits(t *testing.T) {
	ws := copyTree(t, "testdata/workspace")
	c := startClient(t, Options{Linter: &editLinter{}})
	c.initialize(ws, nil)
	chatPath := filepath.Join(ws, "conf.d", "chat.conf")
	// A non-ASCII comment before the location: UTF-16 columns differ from
	// byte columns on that line.
	chat := strings.Replace(readFile(t, chatPath), "    location /ws/ {", "    # 💬 chat\n    location /ws/ { # ü", 1)
	uri := c.open(chatPath, chat)
	c.waitDiags(uri, func(ds []Diagnostic) bool { return codes(ds) == "WS002,WS003" })
	var actions []CodeAction
	c.mustCall("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{Start: Position{Line: 10, Character: 0}, End: Position{Line: 10, Character: 30}}}, &actions)
	if len(actions) != 4 {
		t.Fatalf("%d actions: %s", len(actions), mustJSON(actions))
	}
	fix := actions[0]
	if !strings.HasPrefix(fix.Title, "Fix WS002: add `proxy_set_header Upgrade $http_upgrade;` to this location") || !fix.IsPreferred || fix.Kind != "quickfix" {
		t.Errorf("fix action %s", mustJSON(fix))
	}
	want := []TextEdit{{Range: Range{Start: Position{Line: 10, Character: 19}, End: Position{Line: 10, Character: 19}}, NewText: "\n        proxy_set_header Upgrade $http_upgrade;"}}
	if got := fix.Edit.Changes[uri]; !slices.Equal(got, want) {
		t.Errorf("fix edits %s, want %s", mustJSON(got), mustJSON(want))
	}
	// only: refactor -> nothing.
	c.mustCall("textDocument/codeAction", map[string]any{"textDocument": TextDocumentIdentifier{URI: uri}, "range": Range{Start: Position{Line: 10}, End: Position{Line: 10}}, "context": map[string]any{"diagnostics": []any{}, "only": []string{"refactor"}}}, &actions)
	if len(actions) != 0 {
		t.Errorf("only refactor: %s", mustJSON(actions))
	}
	c.shutdown()
}

// Hover and definition of a variable defined by a map in nginx.conf, from
// a snippet that uses it.
func TestSessionVariable(t *testing.T) {
	ws := copyTree(t, "testdata/workspace")
	c := startClient(t, Options{})
	c.initialize(ws, nil)
	snipPath := filepath.Join(ws, "snippets", "websocket.conf")
	snip := readFile(t, snipPath)
	uri := c.open(snipPath, snip)
	at := posOf(t, snip, "$connection_upgrade", 5)
	var h Hover
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: at}, &h)
	want := "**$connection_upgrade**: defined by `map $http_upgrade $connection_upgrade` (nginx.conf:3)\n\na WebSocket handshake gets `upgrade`; a plain request gets `close`"
	if h.Contents.Value != want {
		t.Errorf("hover:\n%s\nwant:\n%s", h.Contents.Value, want)
	}
	if h.Range == nil || *h.Range != (Range{Start: Position{Line: 1, Character: 28}, End: Position{Line: 1, Character: 47}}) {
		t.Errorf("hover range %+v", h.Range)
	}
	var locs []Location
	c.mustCall("textDocument/definition", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: at}, &locs)
	wantLoc := []Location{{URI: pathToURI(filepath.Join(ws, "nginx.conf")), Range: Range{Start: Position{Line: 2, Character: 22}, End: Position{Line: 2, Character: 41}}}}
	if !slices.Equal(locs, wantLoc) {
		t.Errorf("definition %s, want %s", mustJSON(locs), mustJSON(wantLoc))
	}
	// Completion of a variable being typed.
	var list CompletionList
	at = posOf(t, snip, "$connection_upgrade", 8)
	c.mustCall("textDocument/completion", CompletionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: at}, &list)
	wantItem := CompletionItem{Label: "$connection_upgrade", Kind: CompletionVariable, Detail: "map $http_upgrade $connection_upgrade", SortText: "0connection_upgrade",
		TextEdit: &TextEdit{Range: Range{Start: Position{Line: 1, Character: 28}, End: at}, NewText: "$connection_upgrade"}}
	if len(list.Items) != 4 || mustJSON(list.Items[0]) != mustJSON(wantItem) || list.Items[1].Label != "$connection" || list.Items[3].Label != "$connection_time" {
		t.Errorf("variable completion %s, want %s", mustJSON(list.Items), mustJSON(wantItem))
	}
	// A built-in variable.
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, snip, "$http_upgrade", 3)}, &h)
	if want := "**$http_upgrade**: nginx built-in, the request header `upgrade`"; h.Contents.Value != want {
		t.Errorf("hover %q, want %q", h.Contents.Value, want)
	}
	c.shutdown()
}

// A site in sites-available, enabled through a symlink in sites-enabled
// that nginx.conf includes: opened under its own name, it is linted in
// context and its findings reach its buffer.
func TestSessionSymlinkedSite(t *testing.T) {
	ws := copyTree(t, "testdata/workspace")
	writeTo(t, filepath.Join(ws, "nginx.conf"), strings.Replace(readFile(t, filepath.Join(ws, "nginx.conf")), "include conf.d/*.conf;", "include sites-enabled/*;", 1))
	if err := os.MkdirAll(filepath.Join(ws, "sites-available"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(ws, "sites-enabled"), 0o755); err != nil {
		t.Fatal(err)
	}
	site := filepath.Join(ws, "sites-available", "chat")
	writeTo(t, site, readFile(t, filepath.Join(ws, "conf.d", "chat.conf")))
	if err := os.Symlink("../sites-available/chat", filepath.Join(ws, "sites-enabled", "chat")); err != nil {
		t.Fatal(err)
	}
	c := startClient(t, Options{})
	c.initialize(ws, nil)
	uri := c.open(site, readFile(t, site))
	ds := c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	if got := codes(ds); got != "WS002,WS003" {
		t.Errorf("codes %s, want WS002,WS003 (in context, through the symlink)", got)
	}
	// The symlink's own name gets nothing: the buffer holds its findings.
	if _, ok := c.latest[pathToURI(filepath.Join(ws, "sites-enabled", "chat"))]; ok {
		t.Error("diagnostics were published under the symlink's name too")
	}
	c.shutdown()
}

// initializationOptions.entry names the main file when nothing leads to
// it: here nginx.conf lives outside the workspace, which holds the sites.
func TestSessionEntryOption(t *testing.T) {
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	ws := copyTree(t, "testdata/workspace")
	root := filepath.Join(dir, "repo")
	main := filepath.Join(dir, "etc", "nginx.conf")
	writeTo(t, main, strings.Replace(readFile(t, filepath.Join(ws, "nginx.conf")), "include conf.d/*.conf;", "include "+root+"/sites/*.conf;", 1))
	writeTo(t, filepath.Join(root, "sites", "chat.conf"), strings.Replace(readFile(t, filepath.Join(ws, "conf.d", "chat.conf")), "include snippets/websocket.conf;", "", 1))
	for _, c := range []struct {
		entry any
		want  string
	}{
		// Alone: proxied with HTTP/1.0 as far as the site file shows.
		{nil, "WS002,WS003,WS005,WS006"},
		// In context: the http block's proxy_http_version 1.1 applies.
		{map[string]string{"entry": main}, "WS002,WS003,WS006"},
	} {
		cl := startClient(t, Options{})
		cl.initialize(root, c.entry)
		site := filepath.Join(root, "sites", "chat.conf")
		uri := cl.open(site, readFile(t, site))
		ds := cl.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
		if got := codes(ds); got != c.want {
			t.Errorf("entry %v: codes %s, want %s", c.entry, got, c.want)
		}
		cl.shutdown()
	}
}

func writeTo(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A client that can watch files is asked to; a file changed on disk (not
// open) is linted again when the client reports it.
func TestSessionWatchedFiles(t *testing.T) {
	ws := copyTree(t, "testdata/workspace")
	c := startClient(t, Options{})
	var res map[string]any
	c.mustCall("initialize", map[string]any{"rootUri": pathToURI(ws), "capabilities": map[string]any{
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}}, &res)
	c.notify("initialized", map[string]any{})
	for {
		m := c.next()
		if m.Method == "client/registerCapability" {
			if !strings.Contains(string(m.Params), `"method":"workspace/didChangeWatchedFiles"`) || !strings.Contains(string(m.Params), `"globPattern":"**/*.conf"`) {
				t.Errorf("registration %s", m.Params)
			}
			c.send(response{JSONRPC: "2.0", ID: m.ID, Result: nil})
			break
		}
	}
	snipPath := filepath.Join(ws, "snippets", "websocket.conf")
	uri := c.open(snipPath, readFile(t, snipPath))
	chatPath := filepath.Join(ws, "conf.d", "chat.conf")
	chatURI := pathToURI(chatPath)
	c.waitDiags(chatURI, func(ds []Diagnostic) bool { return codes(ds) == "WS002,WS003" })
	// Fixed on disk, by another program.
	writeTo(t, chatPath, strings.Replace(readFile(t, chatPath), "        proxy_set_header X-Real-IP $remote_addr;\n", "", 1))
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []map[string]any{{"uri": chatURI, "type": 2}}})
	c.waitDiags(chatURI, func(ds []Diagnostic) bool { return len(ds) == 0 })
	if ds := c.latest[uri].Diagnostics; len(ds) != 0 {
		t.Errorf("snippet: %s", mustJSON(ds))
	}
	c.shutdown()
}

// RuleLinter.Fix fills the findings' edits with the configuration's model,
// and the code actions carry them.
func TestRuleLinterFix(t *testing.T) {
	ws := copyTree(t, "testdata/workspace")
	var calls int
	fix := func(m *model.Model, ds []rules.Diagnostic) {
		calls++
		if m == nil || len(m.Servers) != 1 {
			t.Errorf("Fix got model %v", m)
		}
		for i := range ds {
			if ds[i].Rule.ID == "WS003" {
				loc := ds[i].Node
				open := int(loc.Block.Open.Offset) + 1
				ds[i].Edits = []rules.Edit{{File: loc.File.Path, Start: open, End: open, NewText: "\n        proxy_set_header Connection $connection_upgrade;"}}
			}
		}
	}
	c := startClient(t, Options{Linter: &RuleLinter{Fix: fix}})
	c.initialize(ws, nil)
	chatPath := filepath.Join(ws, "conf.d", "chat.conf")
	uri := c.open(chatPath, readFile(t, chatPath))
	c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	var actions []CodeAction
	c.mustCall("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{Start: Position{Line: 9}, End: Position{Line: 9}}}, &actions)
	var titles []string
	for _, a := range actions {
		titles = append(titles, a.Title)
	}
	if len(titles) != 4 || !strings.HasPrefix(titles[2], "Fix WS003: add `proxy_set_header Connection $connection_upgrade;`") {
		t.Errorf("actions %q", titles)
	}
	if calls == 0 {
		t.Error("Fix was not called")
	}
	c.shutdown()
}

// An untitled buffer (never saved) is linted alone.
func TestSessionUntitled(t *testing.T) {
	c := startClient(t, Options{})
	c.initialize(t.TempDir(), nil)
	uri := "untitled:Untitled-1"
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "nginx", Version: 1,
		Text: "location /ws/ {\n    proxy_pass http://127.0.0.1:8080;\n}\n"}})
	ds := c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	if got := codes(ds); !strings.HasPrefix(got, "WS002,WS003") {
		t.Errorf("codes %s", got)
	}
	var h Hover
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: Position{Line: 1, Character: 6}}, &h)
	if !strings.HasPrefix(h.Contents.Value, "**proxy_pass**") {
		t.Errorf("hover %q", h.Contents.Value)
	}
	c.shutdown()
}

// Hover on a regex location follows a handshake for a path the regex
// matches; on a location another one shadows, it says which one wins.
func TestSessionLocationHoverRoutes(t *testing.T) {
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	text := "server {\n    listen 8080;\n    server_name app.test;\n    location ~ ^/socket/[a-z]+$ {\n        proxy_pass http://127.0.0.1:9000;\n    }\n    location ~ \\.php$ {\n        proxy_pass http://127.0.0.1:9001;\n    }\n    location /x.php {\n        proxy_pass http://127.0.0.1:9002;\n    }\n}\n"
	c := startClient(t, Options{})
	c.initialize(dir, nil)
	uri := c.open(filepath.Join(dir, "site.conf"), text)
	c.waitDiags(uri, func([]Diagnostic) bool { return true })
	var h Hover
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, text, "^/socket", 1)}, &h)
	if !strings.Contains(h.Contents.Value, "a WebSocket handshake `GET /socket/") || !strings.Contains(h.Contents.Value, "(Host: app.test, port 8080) reaches this location") ||
		!strings.Contains(h.Contents.Value, "upstream request: `GET /socket/") {
		t.Errorf("regex location hover:\n%s", h.Contents.Value)
	}
	c.mustCall("textDocument/hover", TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: posOf(t, text, "/x.php", 1)}, &h)
	if want := "ends in `location ~ \\.php$` (site.conf:7), not this one"; !strings.Contains(h.Contents.Value, want) {
		t.Errorf("shadowed location hover lacks %q:\n%s", want, h.Contents.Value)
	}
	c.shutdown()
}
