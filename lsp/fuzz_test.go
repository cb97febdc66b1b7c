package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"sync"
	"testing"
)

// lockedBuffer is a log the timers and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// FuzzHandlers opens any text as a buffer, edits it and asks every request
// at any position: no handler may panic (dispatch is called without the
// recover that protects a real session).
//
//	go test ./lsp -run '^$' -fuzz FuzzHandlers -fuzztime 60s -parallel 1
func FuzzHandlers(f *testing.F) {
	f.Add("server {\n    listen 80;\n    location /ws/ {\n        proxy_pass http://b;\n    }\n}\n", uint8(2), uint8(6), uint8(1), uint8(0), "proxy_")
	f.Add("events {}\nhttp {\n map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n upstream b { server 127.0.0.1:1; }\n server { location / { proxy_pass http://b/x; proxy_set_header Connection $connection_upgrade; include x/*.conf; } }\n}\n", uint8(4), uint8(40), uint8(4), uint8(60), "$")
	f.Add("location ~ ^/(?<x>a)$ { if ($x) { return 200 \"💬\"; } }\r\n# nginx-wslint-ignore WS002 --\n", uint8(0), uint8(20), uint8(1), uint8(3), "}")
	f.Add("\xff\xfe{\"'\\;", uint8(0), uint8(1), uint8(0), uint8(2), "\n")
	f.Fuzz(func(t *testing.T, text string, line, char, line2, char2 uint8, insert string) {
		log := &lockedBuffer{}
		s := NewServer(Options{Debounce: -1, Log: log})
		s.conn = newConn(strings.NewReader(""), io.Discard)
		s.ctx = context.Background()
		defer s.stop()
		call := func(method string, params any) {
			raw, err := json.Marshal(params)
			if err != nil {
				t.Fatal(err)
			}
			_, _ = s.dispatch(&message{JSONRPC: "2.0", ID: json.RawMessage("1"), Method: method, Params: raw})
		}
		const uri = "file:///nonexistent-nginx-wslint-fuzz/site.conf"
		call("initialize", map[string]any{"rootUri": "file:///nonexistent-nginx-wslint-fuzz"})
		call("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, Version: 1, Text: text}})
		pos := Position{Line: int(line), Character: int(char)}
		ask := func(p Position) {
			at := TextDocumentPositionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Position: p}
			call("textDocument/hover", at)
			call("textDocument/definition", at)
			call("textDocument/completion", at)
			call("textDocument/codeAction", CodeActionParams{TextDocument: TextDocumentIdentifier{URI: uri}, Range: Range{Start: Position{}, End: p}})
			call("textDocument/documentSymbol", map[string]any{"textDocument": TextDocumentIdentifier{URI: uri}})
		}
		ask(pos)
		end := Position{Line: int(line2), Character: int(char2)}
		if before(end, pos) {
			pos, end = end, pos
		}
		call("textDocument/didChange", DidChangeTextDocumentParams{
			TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: 2},
			ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: pos, End: end}, Text: insert}},
		})
		ask(end)
		s.stop()
		if strings.Contains(log.String(), "internal error") {
			t.Fatalf("a lint panicked:\n%s", log.String())
		}
	})
}
