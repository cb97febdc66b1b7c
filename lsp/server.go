// Package lsp is nginx-wslint's language server: diagnostics for the
// buffer being edited, read in its real context (the nginx.conf that
// includes it), fixes and suppressions as code actions, what a location
// does with a request on hover, go to definition of includes, upstreams and
// map variables, an outline of servers and locations, and completion of the
// directives nginx accepts where the cursor is.
//
// It speaks LSP 3.17 over JSON-RPC 2.0 on a byte stream (the editor starts
// "nginx-wslint lsp" and talks on its standard input and output). The
// protocol layer is written here rather than taken from a library: the
// candidates the Go module proxy serves were measured and are heavier than
// the subset used. go.lsp.dev/protocol v0.12.0 (last released 2022) does
// not build with the newest go.lsp.dev/jsonrpc2 (v1.0.1) and pins v0.10.0,
// and brings zap, segmentio/encoding and go-json-experiment (88 packages
// initialised at start, a 5.4 MB binary for an empty program);
// github.com/tliron/glsp v0.2.2 brings 18 modules (termenv, go-deadlock,
// gorilla/websocket, x/crypto: 100 packages, 6.7 MB). The standard library
// alone initialises 17 packages in a 2.2 MB binary, and the framing and
// dispatch below are a few hundred lines, tested on their own.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/nginx-wslint/nginx-wslint/parser"
)

// Options configure the server.
type Options struct {
	// Linter lints; nil means a RuleLinter with every rule.
	Linter Linter
	// Entry is the main file (nginx.conf) of the workspace; empty means:
	// the nearest nginx.conf above the edited file, or one in a workspace
	// folder that includes it. initializationOptions.entry overrides it.
	Entry string
	// Prefix and Root are the command line's --prefix and --root. Root
	// replaces the workspace folder as the directory a configuration is
	// confined to (see rootFor).
	Prefix, Root string
	// ConfigRoot is a root from a .nginx-wslint.toml found by looking up
	// from the working directory, which may be the workspace's own (a pull
	// request's): it may narrow a workspace folder, never widen it. A
	// configuration in a folder that ConfigRoot does not lie in is confined
	// to the folder.
	ConfigRoot string
	// Debounce is how long after the last change the buffer is linted
	// again; 0 means DefaultDebounce, a negative value lints at once.
	Debounce time.Duration
	// Version is reported to the client in serverInfo.
	Version string
	// Log, when set, receives a line for each problem the server hides
	// from the editor (a failed lint, a malformed message).
	Log io.Writer
	// Warning, when set, is shown to the user once the session starts
	// (window/showMessage, type Warning): what the server could not use
	// and runs without, such as a broken .nginx-wslint.toml.
	Warning string
}

// DefaultDebounce is the pause after typing before the buffer is linted.
const DefaultDebounce = 150 * time.Millisecond

// Server is one language-server session.
type Server struct {
	opts   Options
	linter Linter
	conn   *conn

	mu          sync.Mutex
	docs        map[string]*document // by URI
	roots       []string             // workspace folders
	workspace   []string             // nginx.conf files found in the roots, on first need
	scanned     bool
	contexts    map[string]*lintContext // by key: the main file's path
	resolved    map[string]string       // buffer's fileKey -> the main file that includes it, "" for none
	disk        *diskCache
	published   map[string]string      // URI -> the diagnostics last sent, as JSON
	timers      map[string]*time.Timer // pending lints, by URI
	gen         int                    // bumped on every buffer or disk change
	initialized bool
	watch       bool // the client registers file watchers on request
	shutdown    bool
	exited      bool
	ctx         context.Context
}

// lintContext is one configuration the open buffers belong to: an entry
// file with its includes, or a buffer linted alone.
type lintContext struct {
	key   string
	gen   int
	res   *Result
	files map[string]*parser.File // by path: the first occurrence of each file
	keys  map[string]string       // file identity (real path) -> path in res
	paths map[string]bool         // paths diagnostics were published for
}

// NewServer returns a server with the given options.
func NewServer(opts Options) *Server {
	l := opts.Linter
	if l == nil {
		l = &RuleLinter{}
	}
	if opts.Debounce == 0 {
		opts.Debounce = DefaultDebounce
	}
	return &Server{
		opts:      opts,
		linter:    l,
		docs:      map[string]*document{},
		contexts:  map[string]*lintContext{},
		resolved:  map[string]string{},
		disk:      newDiskCache(),
		published: map[string]string{},
		timers:    map[string]*time.Timer{},
	}
}

// ErrNoShutdown is returned by Run when the client sent "exit" without
// "shutdown" first (LSP: the server then exits with status 1).
var ErrNoShutdown = errors.New(`the client sent "exit" without "shutdown"`)

// Run serves one session on r and w until the client sends "exit" or closes
// the stream.
func (s *Server) Run(ctx context.Context, r io.Reader, w io.Writer) error {
	s.conn = newConn(r, w)
	s.ctx = ctx
	defer s.stop()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		body, err := s.conn.read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				if s.isShutdown() {
					return nil
				}
				return fmt.Errorf("the client closed the connection without exit: %w", err)
			}
			return err
		}
		var msg message
		if err := json.Unmarshal(body, &msg); err != nil {
			_ = s.conn.replyError(nil, codeParseError, "invalid JSON: "+err.Error())
			continue
		}
		if msg.Method == "" {
			continue // a response to a request of ours; none needs reading
		}
		if msg.Method == "exit" {
			if s.isShutdown() {
				return nil
			}
			return ErrNoShutdown
		}
		s.handle(&msg)
	}
}

func (s *Server) isShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown
}

// stop cancels pending lints; none publishes after Run returns.
func (s *Server) stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.exited = true
	for uri, t := range s.timers {
		t.Stop()
		delete(s.timers, uri)
	}
}

// handle answers one request or notification.
func (s *Server) handle(msg *message) {
	result, err := s.safeDispatch(msg)
	if !msg.isRequest() {
		if err != nil {
			s.logf("%s: %v", msg.Method, err)
		}
		return
	}
	if err != nil {
		var re *rpcError
		if !errors.As(err, &re) {
			re = &rpcError{Code: codeRequestFailed, Message: err.Error()}
		}
		_ = s.conn.replyError(msg.ID, re.Code, re.Message)
		return
	}
	_ = s.conn.reply(msg.ID, result)
}

// safeDispatch is dispatch that turns a panic (a bug in the linter on
// some input) into an error response: the editor keeps its server.
func (s *Server) safeDispatch(msg *message) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("%s: internal error: %v\n%s", msg.Method, r, debug.Stack())
			result, err = nil, &rpcError{Code: codeInternalError, Message: fmt.Sprintf("internal error in nginx-wslint: %v", r)}
		}
	}()
	return s.dispatch(msg)
}

func (s *Server) dispatch(msg *message) (any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if msg.Method == "initialize" {
		return s.initialize(msg.Params)
	}
	if !s.initialized {
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "the server is not initialized"}
	}
	if s.shutdown {
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shut down"}
	}
	switch msg.Method {
	case "initialized":
		s.registerWatchers()
		if s.opts.Warning != "" {
			if err := s.conn.notify("window/showMessage", ShowMessageParams{Type: messageWarning, Message: s.opts.Warning}); err != nil {
				return nil, err
			}
		}
		return nil, nil
	case "$/setTrace", "$/cancelRequest", "workspace/didChangeConfiguration":
		return nil, nil
	case "shutdown":
		s.shutdown = true
		return nil, nil
	case "textDocument/didOpen":
		var p DidOpenTextDocumentParams
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		return nil, s.didOpen(p)
	case "textDocument/didChange":
		var p DidChangeTextDocumentParams
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		return nil, s.didChange(p)
	case "textDocument/didSave":
		var p DidSaveTextDocumentParams
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		return nil, s.didSave(p)
	case "textDocument/didClose":
		var p DidCloseTextDocumentParams
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		s.didClose(p)
		return nil, nil
	case "workspace/didChangeWatchedFiles":
		s.diskChanged()
		return nil, nil
	case "textDocument/hover":
		var p TextDocumentPositionParams
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		return s.hover(p)
	case "textDocument/definition":
		var p TextDocumentPositionParams
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		return s.definition(p)
	case "textDocument/documentSymbol":
		var p struct {
			TextDocument TextDocumentIdentifier `json:"textDocument"`
		}
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		return s.documentSymbols(p.TextDocument.URI)
	case "textDocument/codeAction":
		var p CodeActionParams
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p)
	case "textDocument/completion":
		var p CompletionParams
		if err := unmarshal(msg.Params, &p); err != nil {
			return nil, err
		}
		return s.completion(p)
	}
	if strings.HasPrefix(msg.Method, "$/") || !msg.isRequest() {
		return nil, nil // optional notifications may be ignored
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "method not supported: " + msg.Method}
}

func unmarshal(raw json.RawMessage, v any) error {
	if len(raw) == 0 {
		return &rpcError{Code: codeInvalidParams, Message: "missing params"}
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return &rpcError{Code: codeInvalidParams, Message: "invalid params: " + err.Error()}
	}
	return nil
}

// initOptions are the client's initializationOptions.
type initOptions struct {
	Entry  string `json:"entry"`
	Root   string `json:"root"`
	Prefix string `json:"prefix"`
}

func (s *Server) initialize(raw json.RawMessage) (any, error) {
	if s.initialized {
		return nil, &rpcError{Code: codeInvalidRequest, Message: "initialize was already sent"}
	}
	var p InitializeParams
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, &rpcError{Code: codeInvalidParams, Message: "invalid params: " + err.Error()}
		}
	}
	for _, f := range p.WorkspaceFolders {
		if dir, err := uriToPath(f.URI); err == nil {
			s.roots = append(s.roots, dir)
		}
	}
	if len(s.roots) == 0 {
		if dir, err := uriToPath(p.RootURI); err == nil && p.RootURI != "" {
			s.roots = append(s.roots, dir)
		} else if p.RootPath != "" {
			s.roots = append(s.roots, p.RootPath)
		}
	}
	if len(p.InitializationOptions) > 0 && string(p.InitializationOptions) != "null" {
		var io initOptions
		if err := json.Unmarshal(p.InitializationOptions, &io); err != nil {
			return nil, &rpcError{Code: codeInvalidParams, Message: "invalid initializationOptions: " + err.Error()}
		}
		base := ""
		if len(s.roots) > 0 {
			base = s.roots[0]
		}
		rel := func(p string) string {
			if p != "" && !filepath.IsAbs(p) && base != "" {
				return filepath.Join(base, p)
			}
			return p
		}
		if io.Entry != "" {
			s.opts.Entry = rel(io.Entry)
		}
		if io.Root != "" {
			s.opts.Root = rel(io.Root)
		}
		if io.Prefix != "" {
			s.opts.Prefix = rel(io.Prefix)
		}
	}
	s.initialized = true
	s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": "utf-16",
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    2, // incremental
				"save":      map[string]any{"includeText": false},
			},
			"hoverProvider":          true,
			"definitionProvider":     true,
			"documentSymbolProvider": true,
			"codeActionProvider":     map[string]any{"codeActionKinds": []string{"quickfix"}},
			"completionProvider":     map[string]any{"triggerCharacters": []string{}},
		},
		"serverInfo": map[string]any{"name": "nginx-wslint", "version": s.opts.Version},
	}, nil
}

func (s *Server) didOpen(p DidOpenTextDocumentParams) error {
	path, err := uriToPath(p.TextDocument.URI)
	if err != nil {
		if !strings.HasPrefix(p.TextDocument.URI, "untitled:") {
			return err
		}
		// A new buffer never saved: linted alone, under a name no file has.
		path = filepath.Join(os.TempDir(), "nginx-wslint-untitled", url.PathEscape(strings.TrimPrefix(p.TextDocument.URI, "untitled:")))
	}
	s.docs[p.TextDocument.URI] = &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: p.TextDocument.Text}
	s.gen++
	s.schedule(p.TextDocument.URI, -1)
	return nil
}

func (s *Server) didChange(p DidChangeTextDocumentParams) error {
	doc := s.docs[p.TextDocument.URI]
	if doc == nil {
		return fmt.Errorf("didChange of %s, which is not open", p.TextDocument.URI)
	}
	text := doc.text
	for _, ch := range p.ContentChanges {
		var err error
		if text, err = applyChange(text, ch); err != nil {
			return err
		}
	}
	doc.text = text
	doc.version = p.TextDocument.Version
	s.gen++
	if filepath.Base(doc.path) == "nginx.conf" || (s.opts.Entry != "" && s.disk.key(doc.path) == s.disk.key(s.opts.Entry)) {
		// A main file's includes may now reach other buffers, or not.
		clear(s.resolved)
	}
	s.schedule(doc.uri, s.opts.Debounce)
	return nil
}

func (s *Server) didSave(p DidSaveTextDocumentParams) error {
	doc := s.docs[p.TextDocument.URI]
	if doc == nil {
		return nil
	}
	if p.Text != nil {
		doc.text = *p.Text
	}
	// What the disk holds changed: includes and entries are found again.
	s.diskChanged()
	s.schedule(doc.uri, -1)
	return nil
}

// watchedGlobs are the files whose changes on disk (a git checkout, another
// editor) change what the open buffers' configurations read.
var watchedGlobs = []string{"**/*.conf", "**/*.conf.template", "**/sites-available/*", "**/sites-enabled/*", "**/snippets/*", "**/*.types"}

// registerWatchers asks the client to report changes of configuration
// files on disk, when it can.
func (s *Server) registerWatchers() {
	if !s.watch || s.conn == nil {
		return
	}
	var watchers []map[string]any
	for _, g := range watchedGlobs {
		watchers = append(watchers, map[string]any{"globPattern": g})
	}
	err := s.conn.write(outgoingRequest{JSONRPC: "2.0", ID: 1, Method: "client/registerCapability", Params: map[string]any{
		"registrations": []map[string]any{{
			"id":              "nginx-wslint-files",
			"method":          "workspace/didChangeWatchedFiles",
			"registerOptions": map[string]any{"watchers": watchers},
		}},
	}})
	if err != nil {
		s.logf("registering file watchers: %v", err)
	}
}

// diskChanged forgets everything read from the disk.
func (s *Server) diskChanged() {
	s.gen++
	s.scanned = false
	s.workspace = nil
	clear(s.resolved)
	clear(s.disk.keys)
	// Files may change without their size or second changing: what the
	// client reports is read again.
	clear(s.disk.files)
	for _, doc := range s.docs {
		s.schedule(doc.uri, s.opts.Debounce)
	}
}

func (s *Server) didClose(p DidCloseTextDocumentParams) {
	delete(s.docs, p.TextDocument.URI)
	if t := s.timers[p.TextDocument.URI]; t != nil {
		t.Stop()
		delete(s.timers, p.TextDocument.URI)
	}
	s.gen++
	// A context no open buffer belongs to any more takes its diagnostics
	// with it; the others are linted again, since the closed buffer's
	// unsaved text is gone from them.
	for _, c := range s.sortedContexts() {
		used := false
		for _, doc := range s.docs {
			used = used || c.has(s.disk.key(doc.path))
		}
		if !used {
			s.retire(c)
		}
	}
	for _, doc := range s.docs {
		s.schedule(doc.uri, -1)
	}
	if _, ok := s.published[p.TextDocument.URI]; ok && !s.ownedByContext(p.TextDocument.URI) {
		s.publish(p.TextDocument.URI, nil, nil)
	}
}

// schedule lints uri's context after delay (at once when negative),
// replacing a pending lint.
func (s *Server) schedule(uri string, delay time.Duration) {
	if t := s.timers[uri]; t != nil {
		t.Stop()
	}
	s.timers[uri] = time.AfterFunc(max(delay, 0), func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		defer func() {
			if r := recover(); r != nil {
				s.logf("linting %s: internal error: %v\n%s", uri, r, debug.Stack())
			}
		}()
		if s.exited {
			return
		}
		delete(s.timers, uri)
		if doc := s.docs[uri]; doc != nil {
			s.contextOf(doc)
		}
	})
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "nginx-wslint lsp: "+format+"\n", args...)
	}
}

// fileKey identifies a file however it is named: its real path when it
// exists, else its absolute path.
func fileKey(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if real, err := filepath.EvalSymlinks(p); err == nil {
		return real
	}
	return filepath.Clean(p)
}

// fileExists reports whether p is a regular file (or a link to one).
func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
