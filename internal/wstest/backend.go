// Package wstest is a small, strict WebSocket backend and client for tests
// that run a real nginx between the two (see package nginxtest).
//
// The point of both halves is to make nginx's effect on a WebSocket
// handshake visible, not to be a general WebSocket library:
//
//   - [Backend] validates the handshake the way strict server libraries do
//     (coder/websocket, formerly nhooyr): HTTP/1.1 or later, an Upgrade
//     header with the token "websocket", a Connection header with the token
//     "upgrade", a Sec-WebSocket-Key of 16 bytes and Sec-WebSocket-Version
//     13. It records every request exactly as it arrived (request line and
//     headers) so a test can assert what nginx forwarded, answers a refused
//     handshake with a status and a plain-text reason, and after a 101
//     echoes text frames prefixed "echo:".
//   - [Dial] writes the handshake by hand (so nothing is added or
//     normalised behind the test's back), reads the status line and
//     headers, and on a valid 101 returns a [Conn] that sends masked text
//     frames, receives frames, and notices and timestamps the moment the
//     connection is closed under it, which is what a proxy's idle timeout
//     looks like from the client.
//
// Everything listens on or connects to 127.0.0.1 only, every blocking
// operation has a deadline, and every listener, connection and goroutine
// is closed or waited for in t.Cleanup.
package wstest

import (
	"bufio"
	"context"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/textproto"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// acceptGUID is the fixed string RFC 6455 §1.3 appends to the key.
const acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

// AcceptKey returns the Sec-WebSocket-Accept value for a Sec-WebSocket-Key
// (RFC 6455 §4.2.2): base64(SHA-1(key + GUID)).
func AcceptKey(key string) string {
	h := sha1.Sum([]byte(key + acceptGUID)) //nolint:gosec // SHA-1 is what RFC 6455 prescribes.
	return base64.StdEncoding.EncodeToString(h[:])
}

// Options configure a [Backend]. The zero value is the strict backend.
type Options struct {
	// AllowHTTP10 skips the HTTP version check, as gorilla/websocket
	// does: an HTTP/1.0 handshake that is otherwise valid gets a 101.
	AllowHTTP10 bool
	// PlainPaths are path prefixes served as ordinary HTTP: such a
	// request is recorded and answered 200 text/plain with
	// "backend PROTO METHOD URI\n", whatever its headers say.
	PlainPaths []string
	// Silent makes the backend never send a frame after the 101: it
	// reads (and answers close frames) but echoes nothing and answers no
	// ping. Tests use it to show that client traffic alone keeps a
	// proxied tunnel alive.
	Silent bool
	// Wrap, if set, wraps the backend's handler before it is served, for
	// instance with h2c.NewHandler to make the backend also accept h2c
	// upgrades. Requests are recorded before Wrap sees them; requests
	// that arrive inside a connection Wrap took over (HTTP/2 streams after
	// an h2c upgrade) are recorded too, with InTunnel set, when they reach
	// the backend's handler.
	Wrap func(http.Handler) http.Handler
}

// Request is one request as the backend received it.
type Request struct {
	// Line is the request line as it arrived, e.g. "GET /ws/ HTTP/1.0".
	Line  string
	Proto string // "HTTP/1.0", "HTTP/1.1", "HTTP/2.0"
	// Path is the request target (r.RequestURI, not re-encoded).
	Path string
	// Header holds every header, with Host put back in (Go moves it to
	// r.Host). Look values up with Get or Values, which canonicalise.
	Header http.Header
	// InTunnel is set for a request that did not arrive on the listener
	// but inside a connection Options.Wrap took over: an HTTP/2 stream
	// after an h2c upgrade (stream 1 is the upgrade request replayed, with
	// its HTTP/1.1 request line).
	InTunnel bool
	// Outcome is what the WebSocket handler did: "101", "426 reason",
	// "400 reason", "200 plain"; empty if Wrap answered the request.
	Outcome string
}

// Get returns the first value of the named header, or "".
func (r Request) Get(name string) string { return r.Header.Get(name) }

// Has reports whether the named header was present (even if empty).
func (r Request) Has(name string) bool {
	_, ok := r.Header[textproto.CanonicalMIMEHeaderKey(name)]
	return ok
}

// String prints the request line and headers sorted by name, one per
// line, for test logs.
func (r Request) String() string {
	var lines []string
	for name, vs := range r.Header {
		for _, v := range vs {
			lines = append(lines, name+": "+v)
		}
	}
	sort.Strings(lines)
	s := r.Line + "\n" + strings.Join(lines, "\n")
	if r.InTunnel {
		s = "(inside a connection Wrap took over) " + s
	}
	if r.Outcome != "" {
		s += "\n=> " + r.Outcome
	}
	return s
}

// Server is a running backend. Its address is ready for nginx's
// proxy_pass http://ADDR.
type Server struct {
	// Addr is "127.0.0.1:PORT".
	Addr string

	opts   Options
	srv    *http.Server
	mu     sync.Mutex
	reqs   []*Request
	conns  map[net.Conn]bool // hijacked WebSocket connections
	closed bool
	wg     sync.WaitGroup // WebSocket connection goroutines
}

// closeTimeout bounds how long cleanup waits for the server's goroutines.
const closeTimeout = 5 * time.Second

// Backend starts a WebSocket backend on 127.0.0.1 (a free port) and stops
// it, with every connection it accepted, when the test ends.
func Backend(t testing.TB, opts Options) *Server {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("wstest: listen: %v", err)
	}
	s := &Server{Addr: ln.Addr().String(), opts: opts, conns: map[net.Conn]bool{}}
	var h http.Handler = http.HandlerFunc(s.serveWS)
	if opts.Wrap != nil {
		h = opts.Wrap(h)
	}
	s.srv = &http.Server{
		Handler:           s.record(h),
		ReadHeaderTimeout: 10 * time.Second,
	}
	served := make(chan struct{})
	go func() {
		defer close(served)
		_ = s.srv.Serve(ln)
	}()
	t.Cleanup(func() {
		s.mu.Lock()
		s.closed = true
		for c := range s.conns {
			_ = c.Close()
		}
		s.mu.Unlock()
		ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
		defer cancel()
		if err := s.srv.Shutdown(ctx); err != nil {
			_ = s.srv.Close()
		}
		done := make(chan struct{})
		go func() { s.wg.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(closeTimeout):
			t.Errorf("wstest: backend %s: connection goroutines still running after %v", s.Addr, closeTimeout)
		}
		<-served
	})
	return s
}

// Requests returns a copy of every request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.reqs))
	for i, r := range s.reqs {
		out[i] = *r
		out[i].Header = r.Header.Clone()
	}
	return out
}

// Last returns the most recent request and false if there was none.
func (s *Server) Last() (Request, bool) {
	rs := s.Requests()
	if len(rs) == 0 {
		return Request{}, false
	}
	return rs[len(rs)-1], true
}

// ctxKey marks a request the outer recorder has already recorded, by
// pointing at its record.
type ctxKey struct{}

// record records every request that arrives on the listener, then passes
// it on (to Wrap's handler, or straight to serveWS).
func (s *Server) record(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := s.add(r, false)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, &recorded{rec: rec, w: w})))
	})
}

// recorded ties a request to its record and to the ResponseWriter it
// arrived with. Requests that Wrap serves over HTTP/2 inherit the context
// of the upgrade request (stream 1 even is that request), so serveWS tells
// them apart by their ResponseWriter.
type recorded struct {
	rec *Request
	w   http.ResponseWriter
}

func (s *Server) add(r *http.Request, inTunnel bool) *Request {
	h := r.Header.Clone()
	if h == nil {
		h = http.Header{}
	}
	if r.Host != "" {
		h.Set("Host", r.Host)
	}
	rec := &Request{
		Line:     r.Method + " " + r.RequestURI + " " + r.Proto,
		Proto:    r.Proto,
		Path:     r.RequestURI,
		Header:   h,
		InTunnel: inTunnel,
	}
	if r.ProtoMajor == 2 && r.RequestURI == "" {
		rec.Path = r.URL.RequestURI()
		rec.Line = r.Method + " " + rec.Path + " " + r.Proto
	}
	s.mu.Lock()
	s.reqs = append(s.reqs, rec)
	s.mu.Unlock()
	return rec
}

func (s *Server) setOutcome(rec *Request, outcome string) {
	s.mu.Lock()
	rec.Outcome = outcome
	s.mu.Unlock()
}

// serveWS is the backend's handler proper: plain paths, then the strict
// handshake check, then the 101 and the echo loop.
func (s *Server) serveWS(w http.ResponseWriter, r *http.Request) {
	var rec *Request
	if v, ok := r.Context().Value(ctxKey{}).(*recorded); ok && v.w == w {
		rec = v.rec
	} else {
		// Arrived inside a connection Wrap took over (h2c).
		rec = s.add(r, true)
	}
	for _, p := range s.opts.PlainPaths {
		if strings.HasPrefix(r.URL.Path, p) {
			s.setOutcome(rec, "200 plain")
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			fmt.Fprintf(w, "backend %s %s %s\n", r.Proto, r.Method, rec.Path)
			return
		}
	}
	status, reasons := s.check(r)
	if status != http.StatusSwitchingProtocols {
		msg := strings.Join(reasons, "; ")
		s.setOutcome(rec, fmt.Sprintf("%d %s", status, msg))
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if status == http.StatusUpgradeRequired {
			w.Header().Set("Upgrade", "websocket")
			w.Header().Set("Connection", "Upgrade")
		}
		w.WriteHeader(status)
		fmt.Fprintln(w, msg)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		s.setOutcome(rec, "500 cannot hijack")
		http.Error(w, "wstest: response writer cannot hijack ("+r.Proto+")", http.StatusInternalServerError)
		return
	}
	conn, rw, err := hj.Hijack()
	if err != nil {
		s.setOutcome(rec, "500 hijack: "+err.Error())
		return
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = conn.Close()
		return
	}
	s.conns[conn] = true
	s.wg.Add(1)
	s.mu.Unlock()
	s.setOutcome(rec, "101")
	defer func() {
		_ = conn.Close()
		s.mu.Lock()
		delete(s.conns, conn)
		s.mu.Unlock()
		s.wg.Done()
	}()
	_ = conn.SetDeadline(time.Time{})
	resp := "HTTP/1.1 101 Switching Protocols\r\n" +
		"Upgrade: websocket\r\n" +
		"Connection: Upgrade\r\n" +
		"Sec-WebSocket-Accept: " + AcceptKey(r.Header.Get("Sec-WebSocket-Key")) + "\r\n\r\n"
	if _, err := conn.Write([]byte(resp)); err != nil {
		return
	}
	s.echo(conn, rw.Reader)
}

// check validates a handshake like coder/websocket's verifyClientRequest,
// but reports every problem at once. The status is 426 when the HTTP
// version is wrong (coder/websocket's answer), 405 for a method other than
// GET, else 400 (gorilla/websocket's answer to bad Upgrade, Connection,
// key or version headers), or 101 when the handshake is valid.
func (s *Server) check(r *http.Request) (int, []string) {
	var reasons []string
	status := http.StatusBadRequest
	if !s.opts.AllowHTTP10 && !r.ProtoAtLeast(1, 1) {
		reasons = append(reasons, fmt.Sprintf("request is %s, not HTTP/1.1", r.Proto))
		status = http.StatusUpgradeRequired
	}
	if r.Method != http.MethodGet {
		reasons = append(reasons, fmt.Sprintf("method %s, not GET", r.Method))
		if status == http.StatusBadRequest {
			status = http.StatusMethodNotAllowed
		}
	}
	if !HasToken(r.Header.Values("Upgrade"), "websocket") {
		reasons = append(reasons, fmt.Sprintf("'websocket' token not found in 'Upgrade' header (got %q)", r.Header.Get("Upgrade")))
	}
	if !HasToken(r.Header.Values("Connection"), "upgrade") {
		reasons = append(reasons, fmt.Sprintf("'upgrade' token not found in 'Connection' header (got %q)", r.Header.Values("Connection")))
	}
	if key := r.Header.Get("Sec-WebSocket-Key"); key == "" {
		reasons = append(reasons, "missing Sec-WebSocket-Key")
	} else if b, err := base64.StdEncoding.DecodeString(key); err != nil || len(b) != 16 {
		reasons = append(reasons, fmt.Sprintf("Sec-WebSocket-Key %q is not 16 bytes in base64", key))
	}
	if v := r.Header.Get("Sec-WebSocket-Version"); v != "13" {
		reasons = append(reasons, fmt.Sprintf("Sec-WebSocket-Version must be 13 (got %q)", v))
	}
	if len(reasons) == 0 {
		return http.StatusSwitchingProtocols, nil
	}
	return status, reasons
}

// HasToken reports whether any of the comma-separated header values holds
// token, compared case-insensitively (RFC 9110 §5.6.1 lists; RFC 6455
// §4.2.1 for Upgrade and Connection).
func HasToken(values []string, token string) bool {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), token) {
				return true
			}
		}
	}
	return false
}

// echo runs the server side of an upgraded connection until it ends:
// client frames must be masked (a strict server closes with 1002
// otherwise), text messages are answered "echo:"+text, binary ones
// verbatim, pings with a pong, a close frame with a close frame.
func (s *Server) echo(conn net.Conn, br *bufio.Reader) {
	var msg []byte
	var msgOp byte
	for {
		f, err := readFrame(br, true)
		if err != nil {
			var pe *protocolError
			if errors.As(err, &pe) {
				_ = writeFrame(conn, opClose, closePayload(1002, pe.Error()), false)
			}
			return
		}
		switch f.op {
		case opClose:
			_ = writeFrame(conn, opClose, f.payload, false)
			return
		case opPing:
			if !s.opts.Silent {
				_ = writeFrame(conn, opPong, f.payload, false)
			}
			continue
		case opPong:
			continue
		case opText, opBinary:
			if msg != nil {
				_ = writeFrame(conn, opClose, closePayload(1002, "new message inside a fragmented one"), false)
				return
			}
			msgOp, msg = f.op, append([]byte{}, f.payload...)
		case opContinuation:
			if msg == nil {
				_ = writeFrame(conn, opClose, closePayload(1002, "continuation without a message"), false)
				return
			}
			msg = append(msg, f.payload...)
		}
		if !f.fin {
			continue
		}
		if !s.opts.Silent {
			out := msg
			if msgOp == opText {
				out = append([]byte("echo:"), msg...)
			}
			if err := writeFrame(conn, msgOp, out, false); err != nil {
				return
			}
		}
		msg = nil
	}
}
