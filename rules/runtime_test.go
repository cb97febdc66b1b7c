package rules_test

// Runtime proof of the rules' claims: each rule's documentation example,
// bad and fixed, is run through a real nginx (package nginxtest) in front
// of a strict Go WebSocket backend (package wstest), and the test asserts
// what the rule says happens: the handshake fails with the bad config (or
// is smuggled, for WS009) and succeeds with the fixed one. WS006's claim
// (an idle tunnel is closed after proxy_read_timeout, traffic in either
// direction re-arms it) is shown with a 1 s timeout.
//
// The examples are written for "listen 80" and a backend at
// 127.0.0.1:8080; forHarness rewrites exactly those, and makes the file
// safe for the harness, and the linter is run on the very text nginx runs.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/http2"
	"golang.org/x/net/http2/h2c" //nolint:staticcheck // SA1019: deprecated, but its Upgrade: h2c support is the vulnerable backend behaviour WS009 is about (net/http's own unencrypted HTTP/2 has no upgrade).
	"golang.org/x/net/http2/hpack"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/internal/wstest"
	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// exampleBackend and exampleListen are what every documentation example
// and fixture uses; forHarness replaces them.
const (
	exampleBackend = "127.0.0.1:8080"
	exampleListen  = "listen 80;"
)

var httpBlockRE = regexp.MustCompile(`(?m)^http\s*\{`)

// forHarness adapts a whole example nginx.conf (events {} and http {...})
// to a test prefix: nginxtest's preamble (pid, lock_file, error_log inside
// the prefix) first, its HTTPSettings (access_log, temp paths) right after
// "http {", "listen 80;" turned into "listen ADDR;" and 127.0.0.1:8080 into
// the backend's address. Each replacement must happen, so that a changed
// example fails here rather than running against the wrong addresses.
func forHarness(t *testing.T, p *nginxtest.Prefix, src, listen, backend string) string {
	t.Helper()
	if n := len(httpBlockRE.FindAllStringIndex(src, -1)); n != 1 {
		t.Fatalf("example has %d lines starting with \"http {\", want 1:\n%s", n, src)
	}
	if n := strings.Count(src, exampleListen); n != 1 {
		t.Fatalf("example has %d %q, want 1:\n%s", n, exampleListen, src)
	}
	if !strings.Contains(src, exampleBackend) {
		t.Fatalf("example does not proxy to %s:\n%s", exampleBackend, src)
	}
	out := httpBlockRE.ReplaceAllLiteralString(src, "http {\n"+p.HTTPSettings())
	out = strings.Replace(out, exampleListen, "listen "+listen+";", 1)
	out = strings.ReplaceAll(out, exampleBackend, backend)
	return p.Preamble(t) + out
}

// lintText runs every rule on a configuration text with default options,
// as rules.Run does for the CLI.
func lintText(t *testing.T, src string) []rules.Diagnostic {
	t.Helper()
	cfg := parser.ParseBytes("nginx.conf", src, parser.Options{FS: parser.NewMemFS(nil)})
	for _, e := range cfg.Errors {
		t.Fatalf("configuration does not parse: %v\n%s", e, src)
	}
	return rules.Run(model.Build(cfg, model.Options{}), rules.All, rules.Options{})
}

// mustFire asserts that rule id reports on src and returns its findings.
func mustFire(t *testing.T, id, src string) []rules.Diagnostic {
	t.Helper()
	var mine []rules.Diagnostic
	all := lintText(t, src)
	for _, d := range all {
		if d.Rule.ID == id {
			mine = append(mine, d)
		}
	}
	if len(mine) == 0 {
		t.Fatalf("%s does not fire on the configuration run below; findings: %s\n%s", id, findings(all), src)
	}
	for _, d := range mine {
		t.Logf("linter: %s %d:%d %s", d.Rule.ID, d.Start.Line, d.Start.Column, d.Message)
	}
	return mine
}

// mustBeSilent asserts that no rule reports on src.
func mustBeSilent(t *testing.T, src string) {
	t.Helper()
	if ds := lintText(t, src); len(ds) > 0 {
		t.Fatalf("findings on the fixed configuration: %s\n%s", findings(ds), src)
	}
}

func findings(ds []rules.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "\n  %s %d:%d %s", d.Rule.ID, d.Start.Line, d.Start.Column, d.Message)
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// runtimeCase is one configuration running in nginx in front of a
// backend.
type runtimeCase struct {
	conf    string // the text nginx runs (and the linter saw)
	addr    string // nginx's listen address
	backend *wstest.Server
	server  *nginxtest.Server
}

// prepare builds the harness configuration for src and a fresh backend,
// without starting nginx.
func prepare(t *testing.T, src string, opts wstest.Options) (*nginxtest.Prefix, runtimeCase) {
	t.Helper()
	p := nginxtest.NewPrefix(t)
	b := wstest.Backend(t, opts)
	addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
	return p, runtimeCase{conf: forHarness(t, p, src, addr, b.Addr), addr: addr, backend: b}
}

// start runs nginx on the prepared configuration.
func (rc *runtimeCase) start(t *testing.T, p *nginxtest.Prefix) {
	t.Helper()
	rc.server = p.Start(t, rc.conf, rc.addr)
}

// handshakeOK asserts a 101 and a working echo through nginx and returns
// what the backend received for the handshake.
func (rc *runtimeCase) handshakeOK(t *testing.T, path string) (*wstest.Conn, wstest.Request) {
	t.Helper()
	c, resp, err := wstest.Dial(t, rc.addr, path, nil)
	if err != nil {
		t.Fatalf("handshake through nginx: %v\nbackend received:\n%s", err, rc.lastRequest(t))
	}
	if err := c.Send("hello"); err != nil {
		t.Fatal(err)
	}
	got, err := c.Receive(5 * time.Second)
	if err != nil || got != "echo:hello" {
		t.Fatalf("echo through nginx: %q, %v", got, err)
	}
	r := rc.lastRequest(t)
	t.Logf("handshake: client got %s; echo %q; backend received:\n%s", resp.Status, got, r)
	return c, r
}

// handshakeRefused asserts that the handshake through nginx gets status
// with reason in the body, and returns what the backend received.
func (rc *runtimeCase) handshakeRefused(t *testing.T, path string, status int, reason string) wstest.Request {
	t.Helper()
	c, resp, err := wstest.Dial(t, rc.addr, path, nil)
	if c != nil {
		t.Fatalf("handshake through nginx succeeded (%s), want %d", resp.Status, status)
	}
	if resp == nil {
		t.Fatalf("handshake through nginx: no response: %v", err)
	}
	r := rc.lastRequest(t)
	if resp.StatusCode != status || !strings.Contains(resp.Body, reason) {
		t.Fatalf("handshake through nginx: %s %q, want %d with %q\nbackend received:\n%s", resp.Status, resp.Body, status, reason, r)
	}
	t.Logf("handshake: client got %s %q; backend received:\n%s", resp.Status, strings.TrimSpace(resp.Body), r)
	return r
}

func (rc *runtimeCase) lastRequest(t *testing.T) wstest.Request {
	t.Helper()
	r, ok := rc.backend.Last()
	if !ok {
		t.Fatalf("the backend received nothing")
	}
	return r
}

// wantHeader asserts one header as the backend received it; want "" means
// absent.
func wantHeader(t *testing.T, r wstest.Request, name, want string) {
	t.Helper()
	got, has := r.Get(name), r.Has(name)
	if want == "" && has {
		t.Errorf("backend received %s: %q, want none\n%s", name, got, r)
	}
	if want != "" && got != want {
		t.Errorf("backend received %s: %q (present: %v), want %q\n%s", name, got, has, want, r)
	}
}

// docExample returns a rule's bad and good documentation examples.
func docExample(t *testing.T, id string) (bad, good string) {
	t.Helper()
	r := rules.ByID(id)
	if r == nil {
		t.Fatalf("rule %s is not registered", id)
	}
	return r.Doc.Bad, r.Doc.Good
}

// TestRuntime runs the rules' documentation examples through nginx. It is
// skipped without nginx (failed in CI, see nginxtest).
func TestRuntime(t *testing.T) {
	nginxtest.Binary(t)

	t.Run("WS001", func(t *testing.T) {
		bad, good := docExample(t, "WS001")
		t.Run("bad", func(t *testing.T) {
			p, rc := prepare(t, bad, wstest.Options{})
			ds := mustFire(t, "WS001", rc.conf)
			res := p.Test(t, rc.conf)
			if res.OK {
				t.Fatalf("nginx accepted the configuration WS001 says it refuses:\n%s", rc.conf)
			}
			m, ok := res.Find(`unknown "connection_upgrade" variable`)
			if !ok {
				t.Fatalf("nginx -t did not say unknown \"connection_upgrade\" variable:\n%s", res.Output)
			}
			if m.File != "" {
				t.Errorf("nginx gave the message a location (%s); WS001 says it names none", m)
			}
			if !strings.Contains(ds[0].Message, `unknown "connection_upgrade" variable`) {
				t.Errorf("WS001's message does not quote nginx's: %s", ds[0].Message)
			}
			t.Logf("bad: nginx -t refused: %s", m)
		})
		t.Run("good", func(t *testing.T) {
			p, rc := prepare(t, good, wstest.Options{})
			mustBeSilent(t, rc.conf)
			rc.start(t, p)
			_, r := rc.handshakeOK(t, "/ws/chat")
			wantHeader(t, r, "Connection", "upgrade")
			wantHeader(t, r, "Upgrade", "websocket")
		})
	})

	t.Run("WS002", func(t *testing.T) {
		bad, good := docExample(t, "WS002")
		t.Run("bad", func(t *testing.T) {
			p, rc := prepare(t, bad, wstest.Options{})
			mustFire(t, "WS002", rc.conf)
			mustFire(t, "WS003", rc.conf) // the Connection line is lost the same way
			rc.start(t, p)
			r := rc.handshakeRefused(t, "/ws/chat", http.StatusBadRequest, `'websocket' token not found in 'Upgrade' header (got "")`)
			// The location's own proxy_set_header X-Real-IP made the
			// server-level Upgrade and Connection lines disappear.
			wantHeader(t, r, "Upgrade", "")
			wantHeader(t, r, "Connection", "close")
			wantHeader(t, r, "X-Real-Ip", "127.0.0.1")
		})
		t.Run("good", func(t *testing.T) {
			p, rc := prepare(t, good, wstest.Options{})
			mustBeSilent(t, rc.conf)
			rc.start(t, p)
			_, r := rc.handshakeOK(t, "/ws/chat")
			wantHeader(t, r, "Upgrade", "websocket")
		})
	})

	t.Run("WS003", func(t *testing.T) {
		bad, good := docExample(t, "WS003")
		t.Run("bad", func(t *testing.T) {
			p, rc := prepare(t, bad, wstest.Options{})
			mustFire(t, "WS003", rc.conf)
			rc.start(t, p)
			r := rc.handshakeRefused(t, "/ws/chat", http.StatusBadRequest, `'upgrade' token not found in 'Connection' header (got ["close"])`)
			wantHeader(t, r, "Upgrade", "websocket")
			wantHeader(t, r, "Connection", "close")
		})
		t.Run("good", func(t *testing.T) {
			p, rc := prepare(t, good, wstest.Options{})
			mustBeSilent(t, rc.conf)
			rc.start(t, p)
			_, r := rc.handshakeOK(t, "/ws/chat")
			wantHeader(t, r, "Connection", "upgrade")
		})
	})

	t.Run("WS004", func(t *testing.T) {
		// WS004 is about plain requests in a location that also serves
		// WebSocket: they reach the backend with Connection: upgrade. The
		// handshake itself works with both configurations.
		bad, good := docExample(t, "WS004")
		for _, tc := range []struct {
			name, src, plainConn string
		}{
			{"bad", bad, "upgrade"},
			{"good", good, "close"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				p, rc := prepare(t, tc.src, wstest.Options{PlainPaths: []string{"/plain"}})
				if tc.name == "bad" {
					mustFire(t, "WS004", rc.conf)
				} else {
					mustBeSilent(t, rc.conf)
				}
				rc.start(t, p)
				status, body := plainGet(t, "http://"+rc.addr+"/plain/page")
				r := rc.lastRequest(t)
				if status != http.StatusOK || body != "backend HTTP/1.1 GET /plain/page\n" {
					t.Fatalf("plain GET through nginx: %d %q", status, body)
				}
				wantHeader(t, r, "Upgrade", "")
				wantHeader(t, r, "Connection", tc.plainConn)
				t.Logf("%s: plain GET got %d; backend received:\n%s", tc.name, status, r)
				_, r = rc.handshakeOK(t, "/ws")
				wantHeader(t, r, "Connection", "upgrade")
			})
		}
	})

	t.Run("WS005", func(t *testing.T) {
		bad, good := docExample(t, "WS005")
		t.Run("bad", func(t *testing.T) {
			p, rc := prepare(t, bad, wstest.Options{})
			mustFire(t, "WS005", rc.conf)
			rc.start(t, p)
			r := rc.handshakeRefused(t, "/ws/chat", http.StatusUpgradeRequired, "request is HTTP/1.0, not HTTP/1.1")
			if r.Line != "GET /ws/chat HTTP/1.0" {
				t.Errorf("backend received request line %q, want HTTP/1.0", r.Line)
			}
			wantHeader(t, r, "Upgrade", "websocket")
			wantHeader(t, r, "Connection", "upgrade")
		})
		t.Run("bad-lenient-backend", func(t *testing.T) {
			// The rule's Why: lenient backends (gorilla/websocket does
			// not check the version) happen to accept it, and nginx
			// tunnels anyway.
			p, rc := prepare(t, bad, wstest.Options{AllowHTTP10: true})
			rc.start(t, p)
			_, r := rc.handshakeOK(t, "/ws/chat")
			if r.Proto != "HTTP/1.0" {
				t.Errorf("backend received %s, want HTTP/1.0", r.Proto)
			}
		})
		t.Run("good", func(t *testing.T) {
			p, rc := prepare(t, good, wstest.Options{})
			mustBeSilent(t, rc.conf)
			rc.start(t, p)
			_, r := rc.handshakeOK(t, "/ws/chat")
			if r.Proto != "HTTP/1.1" {
				t.Errorf("backend received %s, want HTTP/1.1", r.Proto)
			}
		})
	})

	t.Run("WS009", testRuntimeWS009)
	t.Run("WS006", testRuntimeWS006)
}

// plainGet sends an ordinary GET (no Upgrade) and returns the status and
// body.
func plainGet(t *testing.T, url string) (int, string) {
	t.Helper()
	tr := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(tr.CloseIdleConnections)
	hc := &http.Client{Transport: tr, Timeout: wstest.HandshakeTimeout}
	resp, err := hc.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		t.Fatalf("GET %s: reading body: %v", url, err)
	}
	return resp.StatusCode, string(body)
}

// h2cBackend makes the wstest backend also accept h2c upgrades, as a Go
// service built with x/net's h2c handler does: with
// "Connection: Upgrade, HTTP2-Settings" and "Upgrade: h2c" it answers 101
// and speaks HTTP/2 on the connection.
func h2cBackend(h http.Handler) http.Handler {
	return h2c.NewHandler(h, &http2.Server{}) //nolint:staticcheck // SA1019: see the import.
}

// deniedFlag adds `location /flag { deny all; }` to the example's server,
// the access rule h2c smuggling gets past.
func deniedFlag(t *testing.T, src string) string {
	t.Helper()
	if strings.Count(src, exampleListen) != 1 {
		t.Fatalf("example has no single %q", exampleListen)
	}
	return strings.Replace(src, exampleListen, exampleListen+"\n        location /flag { deny all; }", 1)
}

// smuggle attempts h2c smuggling through nginx: an HTTP/1.1 request for
// path with Upgrade: h2c, HTTP2-Settings and
// Connection: Upgrade, HTTP2-Settings. If the answer is 101, it speaks
// HTTP/2 on the tunnel and requests target on stream 3. It returns the
// upgrade response's status line and, after a 101, the :status and body
// of target.
func smuggle(t *testing.T, addr, path, target string) (upgradeStatus string, status, body string) {
	t.Helper()
	nc, err := net.DialTimeout("tcp", addr, wstest.HandshakeTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	_ = nc.SetDeadline(time.Now().Add(2 * wstest.HandshakeTimeout))
	// HTTP2-Settings: SETTINGS_MAX_CONCURRENT_STREAMS = 100, base64url.
	req := "GET " + path + " HTTP/1.1\r\nHost: " + addr + "\r\n" +
		"Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABk\r\n\r\n"
	if _, err := io.WriteString(nc, req); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(nc)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("h2c upgrade through nginx: %v", err)
	}
	if resp.StatusCode != http.StatusSwitchingProtocols {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return resp.Status, "", string(b)
	}

	// The tunnel is open: speak HTTP/2 (client preface, SETTINGS, then a
	// request of our own on stream 3; stream 1 is the upgrade request).
	if _, err := io.WriteString(nc, http2.ClientPreface); err != nil {
		t.Fatal(err)
	}
	fr := http2.NewFramer(nc, br)
	fr.ReadMetaHeaders = hpack.NewDecoder(4096, nil)
	if err := fr.WriteSettings(); err != nil {
		t.Fatal(err)
	}
	var hb bytes.Buffer
	enc := hpack.NewEncoder(&hb)
	for _, f := range [][2]string{{":method", "GET"}, {":scheme", "http"}, {":authority", addr}, {":path", target}} {
		_ = enc.WriteField(hpack.HeaderField{Name: f[0], Value: f[1]})
	}
	if err := fr.WriteHeaders(http2.HeadersFrameParam{StreamID: 3, BlockFragment: hb.Bytes(), EndStream: true, EndHeaders: true}); err != nil {
		t.Fatal(err)
	}
	var data strings.Builder
	for range 100 {
		f, err := fr.ReadFrame()
		if err != nil {
			t.Fatalf("HTTP/2 over the smuggled tunnel: %v (so far: status %q body %q)", err, status, data.String())
		}
		if f.Header().StreamID != 3 {
			if s, ok := f.(*http2.SettingsFrame); ok && !s.IsAck() {
				_ = fr.WriteSettingsAck()
			}
			if g, ok := f.(*http2.GoAwayFrame); ok {
				t.Fatalf("backend sent GOAWAY %v", g.ErrCode)
			}
			continue
		}
		switch f := f.(type) {
		case *http2.MetaHeadersFrame:
			status = f.PseudoValue("status")
		case *http2.DataFrame:
			data.Write(f.Data())
		case *http2.RSTStreamFrame:
			t.Fatalf("stream 3 reset: %v", f.ErrCode)
		}
		if f.Header().Flags.Has(http2.FlagDataEndStream) {
			return resp.Status, status, data.String()
		}
	}
	t.Fatalf("no end of stream 3 within 100 frames")
	return "", "", ""
}

// testRuntimeWS009 shows h2c smuggling through the bad configuration: the
// client's own Connection and Upgrade values reach the backend, an
// h2c-capable backend answers 101, nginx tunnels, and a request for the
// denied /flag is answered through the tunnel. The map and the hardened
// map stop it; WebSocket works with all three.
func testRuntimeWS009(t *testing.T) {
	bad, good := docExample(t, "WS009")
	hardened, err := os.ReadFile("../testdata/rules/WS009/ok-map.conf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, src string
		// What the backend receives for the h2c attempt.
		conn, upgrade string
		smuggled      bool
	}{
		{"bad", bad, "Upgrade, HTTP2-Settings", "h2c", true},
		// The map sends "upgrade" for any Upgrade value, h2c included,
		// but not the HTTP2-Settings token the h2c handler insists on.
		{"good", good, "upgrade", "h2c", false},
		{"hardened", string(hardened), "close", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := deniedFlag(t, tc.src)
			p, rc := prepare(t, src, wstest.Options{PlainPaths: []string{"/flag"}, Wrap: h2cBackend})
			if tc.smuggled {
				mustFire(t, "WS009", rc.conf)
			} else {
				mustBeSilent(t, rc.conf)
			}
			rc.start(t, p)

			if status, body := plainGet(t, "http://"+rc.addr+"/flag"); status != http.StatusForbidden {
				t.Fatalf("GET /flag through nginx: %d %q, want 403", status, body)
			}
			if _, ok := rc.backend.Last(); ok {
				t.Fatalf("the denied /flag reached the backend: %v", rc.backend.Requests())
			}

			_, r := rc.handshakeOK(t, "/ws/chat")
			if tc.smuggled {
				wantHeader(t, r, "Connection", "Upgrade") // the client's own spelling: forwarded as is
			} else {
				wantHeader(t, r, "Connection", "upgrade")
			}

			n := len(rc.backend.Requests())
			upgrade, status, body := smuggle(t, rc.addr, "/ws/", "/flag")
			got := rc.backend.Requests()[n:]
			if len(got) == 0 {
				t.Fatal("the h2c upgrade request did not reach the backend")
			}
			first := got[0]
			wantHeader(t, first, "Connection", tc.conn)
			wantHeader(t, first, "Upgrade", tc.upgrade)
			wantHeader(t, first, "Http2-Settings", "AAMAAABk")
			var log strings.Builder
			for _, r := range got {
				fmt.Fprintf(&log, "\n%s", r)
			}
			t.Logf("%s: h2c upgrade answered %q; /flag over HTTP/2: status %q body %q; backend received:%s",
				tc.name, upgrade, status, body, log.String())
			if !tc.smuggled {
				if strings.HasPrefix(upgrade, "101") {
					t.Fatalf("h2c upgrade through the %s configuration got %s", tc.name, upgrade)
				}
				return
			}
			if !strings.HasPrefix(upgrade, "101") || status != "200" || body != "backend HTTP/2.0 GET /flag\n" {
				t.Fatalf("h2c smuggling: upgrade %q, /flag status %q body %q; want 101, then 200 from the backend", upgrade, status, body)
			}
			// Inside the tunnel, HTTP/2 serves the replayed upgrade request
			// (stream 1) and /flag (stream 3) concurrently: either may be
			// recorded first. What is proven is that /flag arrived there.
			tunnelled := false
			for _, r := range got[1:] {
				tunnelled = tunnelled || r.InTunnel && r.Line == "GET /flag HTTP/2.0"
			}
			if !tunnelled {
				t.Fatalf("the backend did not record /flag over the smuggled HTTP/2 connection:%s", log.String())
			}
		})
	}
}

// testRuntimeWS006 shows WS006's claim with a 1 s proxy_read_timeout (the
// rule's good example with its 1h replaced): an idle tunnel is closed
// after about that long, with no close frame, and nginx logs the timeout
// at info level; a client that sends a frame every 300 ms keeps the tunnel
// open even though the backend never sends anything, and it is closed
// about 1 s after the client stops.
func testRuntimeWS006(t *testing.T) {
	_, good := docExample(t, "WS006")
	const long, short = "proxy_read_timeout 1h;", "proxy_read_timeout 1s;"
	if strings.Count(good, long) != 1 {
		t.Fatalf("WS006's good example has no single %q", long)
	}
	src := strings.Replace(good, long, short, 1)
	const timeout = time.Second
	closedWithin := func(t *testing.T, c *wstest.Conn) time.Duration {
		t.Helper()
		end, err := c.WaitClosed(5 * time.Second)
		if err != nil {
			t.Fatalf("tunnel still open 5s after the last frame, with proxy_read_timeout 1s")
		}
		// The client stamps its last frame after the write returns, and
		// nginx times from its cached clock: under CPU load either can
		// make the measured silence a few hundred ms short of the 1s.
		// That the timeout closed it is proven by the error log
		// (waitLog); the bounds only rule out another cause.
		idle := end.At.Sub(c.LastActivity())
		if idle < timeout/2 || idle > 3*time.Second {
			t.Fatalf("tunnel closed %v after the last frame, want about %v", idle, timeout)
		}
		if end.Code != 0 || !errors.Is(end.Err, io.EOF) {
			t.Errorf("tunnel ended with %s; WS006 says nginx closes it without a close frame", end)
		}
		return idle
	}
	waitLog := func(t *testing.T, rc *runtimeCase) {
		t.Helper()
		const want = "upstream timed out (110: Connection timed out) while proxying upgraded connection"
		for range 40 {
			if strings.Contains(rc.server.ErrorLog(), want) {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		t.Errorf("error log lacks %q:\n%s", want, rc.server.ErrorLog())
	}

	t.Run("idle", func(t *testing.T) {
		t.Parallel()
		p, rc := prepare(t, src, wstest.Options{})
		ds := mustFire(t, "WS006", rc.conf)
		if !strings.Contains(ds[0].Message, "1s") {
			t.Errorf("WS006's message does not name the 1s timeout: %s", ds[0].Message)
		}
		rc.start(t, p)
		c, _ := rc.handshakeOK(t, "/ws/chat")
		idle := closedWithin(t, c)
		waitLog(t, &rc)
		t.Logf("idle: closed by nginx %v after the last frame (echo), no close frame", idle.Round(time.Millisecond))
	})

	t.Run("client-traffic-keeps-it-open", func(t *testing.T) {
		t.Parallel()
		p, rc := prepare(t, src, wstest.Options{Silent: true})
		rc.start(t, p)
		c, resp, err := wstest.Dial(t, rc.addr, "/ws/chat", nil)
		if err != nil {
			t.Fatalf("handshake: %v", err)
		}
		start := time.Now()
		sent := 0
		for i := 0; i < 20 && time.Since(start) < 2500*time.Millisecond; i++ {
			if end, closed := c.IsClosed(); closed {
				t.Fatalf("tunnel closed after %v although the client sent a frame every 300ms: %s", end.At.Sub(start), end)
			}
			if err := c.Send(fmt.Sprintf("tick %d", i)); err != nil {
				t.Fatal(err)
			}
			sent++
			time.Sleep(300 * time.Millisecond)
		}
		if end, closed := c.IsClosed(); closed {
			t.Fatalf("tunnel closed after %v: %s", end.At.Sub(start), end)
		}
		open := time.Since(start)
		if m, err := c.Receive(0); !errors.Is(err, wstest.ErrTimeout) {
			t.Fatalf("the silent backend sent %q (%v)", m, err)
		}
		idle := closedWithin(t, c)
		waitLog(t, &rc)
		t.Logf("client traffic: %s, %d frames from the client in %v, none from the backend, still open; then closed %v after the client's last frame",
			resp.Status, sent, open.Round(time.Millisecond), idle.Round(time.Millisecond))
	})
}
