package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// client drives a server in-process, as an editor does: requests and
// notifications in, responses and published diagnostics out.
type client struct {
	t      testing.TB
	out    io.WriteCloser // to the server
	conn   *conn
	msgs   chan []byte
	nextID int
	// latest are the diagnostics last published for each URI.
	latest map[string]PublishDiagnosticsParams
	// publishes counts the publishDiagnostics notifications per URI.
	publishes map[string]int
	done      chan error
	exited    bool
	// log is every message the server sent, as sent.
	log []byte
}

// waitTimeout bounds every wait: long, for a loaded CI machine; a passing
// test never waits for it.
const waitTimeout = 20 * time.Second

func startClient(t testing.TB, opts Options) *client {
	t.Helper()
	srvIn, cliOut := io.Pipe()
	cliIn, srvOut := io.Pipe()
	if opts.Debounce == 0 {
		opts.Debounce = time.Millisecond
	}
	s := NewServer(opts)
	c := &client{
		t: t, out: cliOut, conn: newConn(cliIn, cliOut), msgs: make(chan []byte, 1024),
		latest: map[string]PublishDiagnosticsParams{}, publishes: map[string]int{}, done: make(chan error, 1),
	}
	go func() {
		err := s.Run(context.Background(), srvIn, srvOut)
		_ = srvOut.Close()
		c.done <- err
	}()
	go func() {
		defer close(c.msgs)
		for {
			body, err := c.conn.read()
			if err != nil {
				return
			}
			c.msgs <- body
		}
	}()
	t.Cleanup(func() {
		if !c.exited {
			_ = cliOut.Close()
			if err := <-c.done; err == nil {
				t.Log("the server exited cleanly when its input closed")
			}
		}
	})
	return c
}

// next returns the next message from the server.
func (c *client) next() *message {
	c.t.Helper()
	select {
	case body, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed its output")
		}
		c.log = append(append(c.log, body...), '\n')
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Fatalf("the server sent invalid JSON %q: %v", body, err)
		}
		if m.JSONRPC != "2.0" {
			c.t.Fatalf("message without jsonrpc 2.0: %s", body)
		}
		if m.Method == "textDocument/publishDiagnostics" {
			var p PublishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			c.latest[p.URI] = p
			c.publishes[p.URI]++
		}
		return &m
	case <-time.After(waitTimeout):
		c.t.Fatal("no message from the server in time")
	}
	return nil
}

func (c *client) send(v any) {
	c.t.Helper()
	if err := c.conn.write(v); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(notification{JSONRPC: "2.0", Method: method, Params: params})
}

// call sends a request and decodes its result into out; a JSON-RPC error
// is returned as an *rpcError.
func (c *client) call(method string, params, out any) error {
	c.t.Helper()
	c.nextID++
	id := c.nextID
	c.send(outgoingRequest{JSONRPC: "2.0", ID: id, Method: method, Params: params})
	for {
		m := c.next()
		if m.Method != "" || string(m.ID) != jsonInt(id) {
			continue
		}
		if m.Error != nil {
			return m.Error
		}
		if out != nil {
			if err := json.Unmarshal(m.Result, out); err != nil {
				c.t.Fatalf("%s: decoding %s: %v", method, m.Result, err)
			}
		}
		return nil
	}
}

func jsonInt(n int) string { b, _ := json.Marshal(n); return string(b) }

// mustCall is call that fails the test on an error.
func (c *client) mustCall(method string, params, out any) {
	c.t.Helper()
	if err := c.call(method, params, out); err != nil {
		c.t.Fatalf("%s: %v", method, err)
	}
}

// waitDiags waits until the diagnostics last published for uri satisfy ok.
func (c *client) waitDiags(uri string, ok func(ds []Diagnostic) bool) []Diagnostic {
	c.t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for {
		if p, seen := c.latest[uri]; seen && ok(p.Diagnostics) {
			return p.Diagnostics
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("diagnostics of %s never satisfied the test; last: %s", uri, mustJSON(c.latest[uri]))
		}
		c.next()
	}
}

// initialize starts the session with root as the workspace folder.
func (c *client) initialize(root string, initOpts any) map[string]any {
	c.t.Helper()
	params := map[string]any{"processId": nil, "rootUri": pathToURI(root), "capabilities": map[string]any{}}
	if initOpts != nil {
		params["initializationOptions"] = initOpts
	}
	var res map[string]any
	c.mustCall("initialize", params, &res)
	c.notify("initialized", map[string]any{})
	return res
}

func (c *client) open(path, text string) string {
	c.t.Helper()
	uri := pathToURI(path)
	c.notify("textDocument/didOpen", DidOpenTextDocumentParams{TextDocument: TextDocumentItem{URI: uri, LanguageID: "nginx", Version: 1, Text: text}})
	return uri
}

// change replaces [start, end) of the buffer with text.
func (c *client) change(uri string, version int, start, end Position, text string) {
	c.t.Helper()
	c.notify("textDocument/didChange", DidChangeTextDocumentParams{
		TextDocument:   VersionedTextDocumentIdentifier{URI: uri, Version: version},
		ContentChanges: []TextDocumentContentChangeEvent{{Range: &Range{Start: start, End: end}, Text: text}},
	})
}

// shutdown ends the session as an editor does and checks that the server
// exits cleanly.
func (c *client) shutdown() {
	c.t.Helper()
	c.mustCall("shutdown", nil, nil)
	c.notify("exit", nil)
	c.exited = true
	select {
	case err := <-c.done:
		if err != nil {
			c.t.Fatalf("the server ended with %v, want a clean exit", err)
		}
	case <-time.After(waitTimeout):
		c.t.Fatal("the server did not exit")
	}
	_ = c.out.Close()
}

func mustJSON(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// copyTree copies a testdata directory into a temporary one, so that tests
// can create links and write files.
func copyTree(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	// The real path, so that paths in answers compare equal (macOS /var).
	if real, err := filepath.EvalSymlinks(dst); err == nil {
		dst = real
	}
	return dst
}

func readFile(t testing.TB, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// posOf returns the position of the n-th (0-based) occurrence of needle in
// text, plus delta characters.
func posOf(t testing.TB, text, needle string, delta int) Position {
	t.Helper()
	i := strings.Index(text, needle)
	if i < 0 {
		t.Fatalf("%q not in the text", needle)
	}
	return newLineIndex(text).position(i + delta)
}

func codes(ds []Diagnostic) string {
	var out []string
	for _, d := range ds {
		c := d.Code
		if c == "" {
			c = "-"
		}
		out = append(out, c)
	}
	return strings.Join(out, ",")
}

func isRPCError(err error, code int) bool {
	var re *rpcError
	return errors.As(err, &re) && re.Code == code
}
