package wstest

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Test_wstest runs the package's tests; the name lets
// `go test -run wstest` select them next to the rules' runtime tests.
func Test_wstest(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(*testing.T)
	}{
		{"AcceptKey", testAcceptKey},
		{"HasToken", testHasToken},
		{"HandshakeAndEcho", testHandshakeAndEcho},
		{"Refusals", testRefusals},
		{"HTTP10", testHTTP10},
		{"UnmaskedFrameRefused", testUnmaskedFrameRefused},
		{"PlainPathsAndSilent", testPlainPathsAndSilent},
		{"CloseDetected", testCloseDetected},
		{"DialLoopbackOnly", testDialLoopbackOnly},
	} {
		t.Run(tc.name, tc.f)
	}
}

func testAcceptKey(t *testing.T) {
	// The example of RFC 6455 §1.3.
	if got, want := AcceptKey("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="; got != want {
		t.Fatalf("AcceptKey = %q, want %q", got, want)
	}
}

func testHasToken(t *testing.T) {
	for _, tc := range []struct {
		values []string
		token  string
		want   bool
	}{
		{[]string{"Upgrade"}, "upgrade", true},
		{[]string{"keep-alive, Upgrade"}, "upgrade", true},
		{[]string{"close", "upgrade"}, "upgrade", true},
		{[]string{"upgraded"}, "upgrade", false},
		{nil, "upgrade", false},
		{[]string{""}, "websocket", false},
	} {
		if got := HasToken(tc.values, tc.token); got != tc.want {
			t.Errorf("HasToken(%q, %q) = %v, want %v", tc.values, tc.token, got, tc.want)
		}
	}
}

func testHandshakeAndEcho(t *testing.T) {
	b := Backend(t, Options{})
	c, resp, err := Dial(t, b.Addr, "/ws/x?a=1", http.Header{"X-Test": {"yes"}})
	if err != nil {
		t.Fatalf("Dial: %v (response %+v)", err, resp)
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, msg := range []string{"hello", strings.Repeat("x", 300), strings.Repeat("y", 70000)} {
		if err := c.Send(msg); err != nil {
			t.Fatal(err)
		}
		got, err := c.Receive(2 * time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if got != "echo:"+msg {
			t.Fatalf("echo of a %d-byte message: got %d bytes", len(msg), len(got))
		}
	}
	r, ok := b.Last()
	if !ok {
		t.Fatal("nothing recorded")
	}
	if r.Line != "GET /ws/x?a=1 HTTP/1.1" || r.Get("Upgrade") != "websocket" || r.Get("Connection") != "Upgrade" ||
		r.Get("X-Test") != "yes" || r.Get("Host") != b.Addr || r.Outcome != "101" {
		t.Fatalf("recorded:\n%s", r)
	}
}

func testRefusals(t *testing.T) {
	b := Backend(t, Options{})
	for _, tc := range []struct {
		name   string
		header http.Header
		status int
		reason string
	}{
		{"no Upgrade", http.Header{"Upgrade": nil}, 400, `'websocket' token not found in 'Upgrade' header (got "")`},
		{"Upgrade h2c", http.Header{"Upgrade": {"h2c"}}, 400, `'websocket' token not found in 'Upgrade' header (got "h2c")`},
		{"Connection close", http.Header{"Connection": {"close"}}, 400, `'upgrade' token not found in 'Connection' header (got ["close"])`},
		{"no key", http.Header{"Sec-WebSocket-Key": nil}, 400, "missing Sec-WebSocket-Key"},
		{"short key", http.Header{"Sec-WebSocket-Key": {"c2hvcnQ="}}, 400, "not 16 bytes"},
		{"version 8", http.Header{"Sec-WebSocket-Version": {"8"}}, 400, `Sec-WebSocket-Version must be 13 (got "8")`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, resp, err := Dial(t, b.Addr, "/ws", tc.header)
			if c != nil || err == nil || resp == nil {
				t.Fatalf("Dial = %v, %+v, %v; want a refusal", c, resp, err)
			}
			if resp.StatusCode != tc.status || !strings.Contains(resp.Body, tc.reason) {
				t.Fatalf("got %s %q, want %d with %q", resp.Status, resp.Body, tc.status, tc.reason)
			}
			r, _ := b.Last()
			if !strings.HasPrefix(r.Outcome, resp.Status[:3]) {
				t.Fatalf("recorded outcome %q for %s", r.Outcome, resp.Status)
			}
		})
	}
}

// rawHandshake sends an HTTP/1.0 handshake by hand (Dial always speaks
// HTTP/1.1) and returns the response and the connection.
func rawHandshake(t *testing.T, addr, proto string) (*http.Response, net.Conn, *bufio.Reader) {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, HandshakeTimeout)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = nc.Close() })
	_ = nc.SetDeadline(time.Now().Add(HandshakeTimeout))
	_, err = io.WriteString(nc, "GET /ws "+proto+"\r\nHost: "+addr+"\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
	if err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(nc)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	return resp, nc, br
}

func testHTTP10(t *testing.T) {
	strict := Backend(t, Options{})
	resp, _, _ := rawHandshake(t, strict.Addr, "HTTP/1.0")
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusUpgradeRequired || !strings.Contains(string(body), "request is HTTP/1.0, not HTTP/1.1") {
		t.Fatalf("strict backend answered an HTTP/1.0 handshake with %s %q, want 426", resp.Status, body)
	}
	if r, _ := strict.Last(); r.Line != "GET /ws HTTP/1.0" {
		t.Fatalf("recorded line %q", r.Line)
	}

	lenient := Backend(t, Options{AllowHTTP10: true})
	resp, _, _ = rawHandshake(t, lenient.Addr, "HTTP/1.0")
	if resp.StatusCode != http.StatusSwitchingProtocols || resp.Header.Get("Sec-WebSocket-Accept") != "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" {
		t.Fatalf("lenient backend answered %s %v, want 101", resp.Status, resp.Header)
	}
}

func testUnmaskedFrameRefused(t *testing.T) {
	b := Backend(t, Options{})
	resp, nc, br := rawHandshake(t, b.Addr, "HTTP/1.1")
	if resp.StatusCode != http.StatusSwitchingProtocols {
		t.Fatalf("status %s", resp.Status)
	}
	if err := writeFrame(nc, opText, []byte("hi"), false); err != nil {
		t.Fatal(err)
	}
	f, err := readFrame(br, false)
	if err != nil {
		t.Fatal(err)
	}
	if f.op != opClose || len(f.payload) < 2 || binary.BigEndian.Uint16(f.payload) != 1002 {
		t.Fatalf("got opcode %#x payload %q, want a 1002 close frame", f.op, f.payload)
	}
}

func testPlainPathsAndSilent(t *testing.T) {
	b := Backend(t, Options{PlainPaths: []string{"/plain"}, Silent: true})
	hc := &http.Client{Timeout: HandshakeTimeout}
	resp, err := hc.Get("http://" + b.Addr + "/plain/x")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != "backend HTTP/1.1 GET /plain/x\n" {
		t.Fatalf("plain path: %s %q", resp.Status, body)
	}
	c, _, err := Dial(t, b.Addr, "/ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Send("hello"); err != nil {
		t.Fatal(err)
	}
	if m, err := c.Receive(300 * time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Fatalf("silent backend: Receive = %q, %v; want a timeout", m, err)
	}
	if rs := b.Requests(); len(rs) != 2 || rs[0].Outcome != "200 plain" || rs[1].Outcome != "101" {
		t.Fatalf("recorded %v", rs)
	}
}

// TestCloseDetected: a peer that drops the TCP connection (as nginx does
// when proxy_read_timeout fires) is noticed at once, with its time.
func testCloseDetected(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	const hold = 300 * time.Millisecond
	served := make(chan struct{})
	go func() {
		defer close(served)
		nc, err := ln.Accept()
		if err != nil {
			return
		}
		defer nc.Close()
		_ = nc.SetDeadline(time.Now().Add(HandshakeTimeout))
		req, err := http.ReadRequest(bufio.NewReader(nc))
		if err != nil {
			return
		}
		_, _ = io.WriteString(nc, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"+
			"Sec-WebSocket-Accept: "+AcceptKey(req.Header.Get("Sec-WebSocket-Key"))+"\r\n\r\n")
		time.Sleep(hold)
	}()
	t.Cleanup(func() { <-served })
	c, _, err := Dial(t, ln.Addr().String(), "/", nil)
	if err != nil {
		t.Fatal(err)
	}
	start := c.LastActivity()
	if _, closed := c.IsClosed(); closed {
		t.Fatal("closed too early")
	}
	end, err := c.WaitClosed(3 * time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(end.Err, io.EOF) || end.Code != 0 {
		t.Fatalf("end = %s, want EOF without close frame", end)
	}
	if d := end.At.Sub(start); d < hold-50*time.Millisecond || d > hold+time.Second {
		t.Fatalf("closure noticed %v after the handshake, want about %v", d, hold)
	}
	if err := c.Send("x"); !errors.Is(err, ErrClosed) {
		t.Fatalf("Send after close: %v", err)
	}
}

func testDialLoopbackOnly(t *testing.T) {
	if _, _, err := Dial(t, "192.0.2.1:80", "/", nil); err == nil || !strings.Contains(err.Error(), "not a loopback") {
		t.Fatalf("Dial to a non-loopback address: %v", err)
	}
}
