package wstest

import (
	"bufio"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// HandshakeTimeout bounds [Dial]: connecting, writing the request and
// reading the whole response. A proxy that never answers (nginx given a
// 101 it does not tunnel, for instance) fails the Dial after this long.
const HandshakeTimeout = 5 * time.Second

// WriteTimeout bounds one [Conn.Send].
const WriteTimeout = 5 * time.Second

// maxBody bounds how much of a refused handshake's body Dial keeps.
const maxBody = 64 << 10

var (
	// ErrTimeout is returned when [Conn.Receive] or [Conn.WaitClosed]
	// gives up waiting.
	ErrTimeout = errors.New("wstest: timed out")
	// ErrClosed is returned by [Conn.Receive] and [Conn.Send] once the
	// connection has ended; [Conn.WaitClosed] tells how and when.
	ErrClosed = errors.New("wstest: connection closed")
)

// Response is the status line and headers of a handshake's answer, plus
// the body when it was not a 101.
type Response struct {
	StatusCode int
	Status     string // "101 Switching Protocols"
	Proto      string // "HTTP/1.1"
	Header     http.Header
	// Body is the start (at most 64 KiB) of a refused handshake's body:
	// for this package's backend, the reasons it refused.
	Body string
}

// Closed tells how a [Conn] ended.
type Closed struct {
	// At is when the client noticed the end: when its read returned EOF
	// or an error, or when it received a close frame.
	At time.Time
	// Err is the read error (io.EOF for a plain TCP close, which is what
	// nginx does when proxy_read_timeout fires); nil when a close frame
	// arrived.
	Err error
	// Code and Reason come from a close frame; Code is 0 without one.
	Code   int
	Reason string
}

// String describes the end for test logs.
func (c Closed) String() string {
	if c.Code != 0 || c.Err == nil {
		return fmt.Sprintf("close frame %d %q", c.Code, c.Reason)
	}
	return "connection closed without a close frame: " + c.Err.Error()
}

// Conn is the client side of an upgraded WebSocket connection. A
// goroutine reads frames as they arrive, so the moment the peer goes away
// is recorded even while the test is not reading. It is closed when the
// test ends.
type Conn struct {
	conn net.Conn

	wmu  sync.Mutex // serialises frame writes (Send and the reader's pongs)
	msgs chan string
	stop chan struct{} // closed by Close: the reader stops delivering
	done chan struct{} // closed when the reader has ended
	end  Closed        // valid after done

	mu        sync.Mutex
	last      time.Time // last frame sent or received
	closeOnce sync.Once
}

// Dial connects to addr (a loopback address: nginx or a backend),
// sends a WebSocket handshake for path and reads the answer.
//
// The request is "GET path HTTP/1.1" with, in this order, Host (addr),
// Upgrade: websocket, Connection: Upgrade, Sec-WebSocket-Key (16 random
// bytes) and Sec-WebSocket-Version: 13. header changes that: a name that
// is also a default replaces the default's values (a name with no values,
// e.g. http.Header{"Upgrade": nil}, removes it), other names are appended
// in sorted order.
//
// On a 101 whose Upgrade, Connection and Sec-WebSocket-Accept headers are
// right, Dial returns the connection and the response. On any other
// status it returns a nil Conn, the response (with its body) and an error
// naming the status, so a test can assert on resp.StatusCode and
// resp.Body. Transport failures and a malformed 101 return an error and
// whatever response was read. Everything is bounded by [HandshakeTimeout].
func Dial(t testing.TB, addr, path string, header http.Header) (*Conn, *Response, error) {
	t.Helper()
	if err := loopback(addr); err != nil {
		return nil, nil, err
	}
	nc, err := net.DialTimeout("tcp", addr, HandshakeTimeout)
	if err != nil {
		return nil, nil, fmt.Errorf("wstest: dial %s: %w", addr, err)
	}
	ok := false
	defer func() {
		if !ok {
			_ = nc.Close()
		}
	}()
	_ = nc.SetDeadline(time.Now().Add(HandshakeTimeout))

	var raw [16]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return nil, nil, err
	}
	key := base64.StdEncoding.EncodeToString(raw[:])
	reqText, sentKey := buildRequest(addr, path, key, header)
	if _, err := io.WriteString(nc, reqText); err != nil {
		return nil, nil, fmt.Errorf("wstest: writing handshake to %s: %w", addr, err)
	}

	br := bufio.NewReader(nc)
	req, err := http.NewRequest(http.MethodGet, "http://"+addr+path, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("wstest: bad path %q: %w", path, err)
	}
	hr, err := http.ReadResponse(br, req)
	if err != nil {
		return nil, nil, fmt.Errorf("wstest: reading handshake response from %s: %w", addr, err)
	}
	resp := &Response{StatusCode: hr.StatusCode, Status: hr.Status, Proto: hr.Proto, Header: hr.Header}
	if hr.StatusCode != http.StatusSwitchingProtocols {
		body, err := io.ReadAll(io.LimitReader(hr.Body, maxBody))
		resp.Body = string(body)
		if err != nil {
			return nil, resp, fmt.Errorf("wstest: handshake refused (%s), and reading its body failed: %w", hr.Status, err)
		}
		return nil, resp, fmt.Errorf("wstest: handshake refused: %s: %s", hr.Status, strings.TrimSpace(resp.Body))
	}
	if !HasToken(hr.Header.Values("Upgrade"), "websocket") {
		return nil, resp, fmt.Errorf("wstest: 101 without Upgrade: websocket (got %q)", hr.Header.Values("Upgrade"))
	}
	if !HasToken(hr.Header.Values("Connection"), "upgrade") {
		return nil, resp, fmt.Errorf("wstest: 101 without Connection: upgrade (got %q)", hr.Header.Values("Connection"))
	}
	if got, want := hr.Header.Get("Sec-WebSocket-Accept"), AcceptKey(sentKey); got != want {
		return nil, resp, fmt.Errorf("wstest: 101 with Sec-WebSocket-Accept %q, want %q", got, want)
	}
	_ = nc.SetDeadline(time.Time{})

	c := &Conn{
		conn: nc,
		msgs: make(chan string, 64),
		stop: make(chan struct{}),
		done: make(chan struct{}),
		last: time.Now(),
	}
	go c.read(br)
	t.Cleanup(c.Close)
	ok = true
	return c, resp, nil
}

// loopback refuses addresses other than 127.0.0.0/8 and ::1: these tests
// talk to processes they started, never to the network.
func loopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("wstest: address %q: %w", addr, err)
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("wstest: address %q is not a loopback IP address", addr)
	}
	return nil
}

// buildRequest renders the handshake request and returns it with the
// Sec-WebSocket-Key actually sent (the caller's, if it set one).
func buildRequest(addr, path, key string, header http.Header) (string, string) {
	defaults := [][2]string{
		{"Host", addr},
		{"Upgrade", "websocket"},
		{"Connection", "Upgrade"},
		{"Sec-WebSocket-Key", key},
		{"Sec-WebSocket-Version", "13"},
	}
	// Canonicalise the caller's names: a literal http.Header{"Sec-WebSocket-Key": ...}
	// is not, and must still replace the default.
	canon := map[string][]string{}
	var names []string
	for name, vs := range header {
		ck := textproto.CanonicalMIMEHeaderKey(name)
		if _, seen := canon[ck]; !seen {
			names = append(names, name)
		}
		canon[ck] = append(canon[ck], vs...)
	}
	var b strings.Builder
	b.WriteString("GET " + path + " HTTP/1.1\r\n")
	used := map[string]bool{}
	sent := key
	for _, d := range defaults {
		ck := textproto.CanonicalMIMEHeaderKey(d[0])
		vs, override := canon[ck]
		used[ck] = true
		if !override {
			vs = []string{d[1]}
		}
		for _, v := range vs {
			b.WriteString(d[0] + ": " + v + "\r\n")
		}
		if ck == "Sec-Websocket-Key" && override {
			sent = ""
			if len(vs) > 0 {
				sent = vs[0]
			}
		}
	}
	var rest []string
	for _, name := range names {
		if !used[textproto.CanonicalMIMEHeaderKey(name)] {
			rest = append(rest, name)
		}
	}
	sort.Strings(rest)
	for _, name := range rest {
		for _, v := range canon[textproto.CanonicalMIMEHeaderKey(name)] {
			b.WriteString(name + ": " + v + "\r\n")
		}
	}
	b.WriteString("\r\n")
	return b.String(), sent
}

// read is the reader goroutine: it delivers messages, answers pings and
// close frames, and records how and when the connection ended.
func (c *Conn) read(br *bufio.Reader) {
	end := Closed{}
	defer func() {
		c.end = end
		close(c.done)
	}()
	var msg []byte
	for {
		f, err := readFrame(br, false)
		now := time.Now()
		if err != nil {
			end = Closed{At: now, Err: err}
			var pe *protocolError
			if errors.As(err, &pe) {
				_ = c.write(opClose, closePayload(1002, pe.Error()))
			}
			_ = c.conn.Close()
			return
		}
		c.touch(now)
		switch f.op {
		case opPing:
			_ = c.write(opPong, f.payload)
			continue
		case opPong:
			continue
		case opClose:
			end = Closed{At: now, Code: 1005}
			if len(f.payload) >= 2 {
				end.Code = int(binary.BigEndian.Uint16(f.payload))
				end.Reason = string(f.payload[2:])
			}
			_ = c.write(opClose, f.payload)
			_ = c.conn.Close()
			return
		case opText, opBinary:
			msg = append([]byte{}, f.payload...)
		case opContinuation:
			msg = append(msg, f.payload...)
		}
		if !f.fin {
			continue
		}
		select {
		case c.msgs <- string(msg):
		case <-c.stop:
			end = Closed{At: time.Now(), Err: net.ErrClosed}
			return
		}
		msg = nil
	}
}

func (c *Conn) touch(t time.Time) {
	c.mu.Lock()
	if t.After(c.last) {
		c.last = t
	}
	c.mu.Unlock()
}

// write sends one masked frame, bounded by [WriteTimeout].
func (c *Conn) write(op byte, payload []byte) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	_ = c.conn.SetWriteDeadline(time.Now().Add(WriteTimeout))
	return writeFrame(c.conn, op, payload, true)
}

// Send sends one masked text frame. It fails with [ErrClosed] once the
// reader has seen the connection end. (A write can still succeed into a
// connection the peer has just closed; use [Conn.WaitClosed] or
// [Conn.IsClosed] to know.)
func (c *Conn) Send(text string) error {
	select {
	case <-c.done:
		return ErrClosed
	default:
	}
	if err := c.write(opText, []byte(text)); err != nil {
		return fmt.Errorf("wstest: send: %w", err)
	}
	c.touch(time.Now())
	return nil
}

// Receive returns the next text or binary message, waiting at most
// timeout. It returns [ErrTimeout] if none arrived and [ErrClosed] if the
// connection ended first (messages that arrived before the end are still
// returned first).
func (c *Conn) Receive(timeout time.Duration) (string, error) {
	select {
	case m := <-c.msgs:
		return m, nil
	default:
	}
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case m := <-c.msgs:
		return m, nil
	case <-c.done:
		select {
		case m := <-c.msgs:
			return m, nil
		default:
		}
		return "", fmt.Errorf("%w (%s)", ErrClosed, c.end)
	case <-timer.C:
		return "", ErrTimeout
	}
}

// WaitClosed waits at most timeout for the connection to end and tells
// how and when it did. Messages arriving meanwhile are discarded.
func (c *Conn) WaitClosed(timeout time.Duration) (Closed, error) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	for {
		select {
		case <-c.msgs:
		case <-c.done:
			return c.end, nil
		case <-timer.C:
			return Closed{}, ErrTimeout
		}
	}
}

// IsClosed reports, without waiting, whether the connection has ended,
// and if so how.
func (c *Conn) IsClosed() (Closed, bool) {
	select {
	case <-c.done:
		return c.end, true
	default:
		return Closed{}, false
	}
}

// LastActivity is when the last frame was sent or received (or the
// handshake completed): the start of the idle period a proxy's timeout
// measures.
func (c *Conn) LastActivity() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}

// Close closes the connection without a close frame and waits for the
// reader goroutine. It is idempotent and runs when the test ends.
func (c *Conn) Close() {
	c.closeOnce.Do(func() {
		close(c.stop)
		_ = c.conn.Close()
		select {
		case <-c.done:
		case <-time.After(closeTimeout):
		}
	})
}
