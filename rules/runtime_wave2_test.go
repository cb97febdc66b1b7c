package rules_test

// Runtime proof of the second-wave rules' claims, with a real nginx in
// front of Go backends: what the backend receives (Origin, Host, SNI,
// Connection) and what the client sees.

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/internal/wstest"
)

// evilOrigin is the Origin a cross-site page's browser sends.
const evilOrigin = "https://evil.example"

func TestRuntimeWave2(t *testing.T) {
	nginxtest.Binary(t)

	t.Run("WS013", func(t *testing.T) {
		bad, good := docExample(t, "WS013")
		dial := func(t *testing.T, rc runtimeCase) wstest.Request {
			t.Helper()
			c, resp, err := wstest.Dial(t, rc.addr, "/ws/chat", http.Header{"Origin": {evilOrigin}})
			if err != nil {
				t.Fatalf("handshake through nginx: %v (%v)", err, resp)
			}
			c.Close()
			return rc.lastRequest(t)
		}
		t.Run("bad", func(t *testing.T) {
			p, rc := prepare(t, bad, wstest.Options{})
			mustFire(t, "WS013", rc.conf)
			rc.start(t, p)
			r := dial(t, rc)
			// The backend cannot see that the page is another site's.
			wantHeader(t, r, "Origin", "")
		})
		t.Run("good", func(t *testing.T) {
			p, rc := prepare(t, good, wstest.Options{})
			mustBeSilent(t, rc.conf)
			rc.start(t, p)
			r := dial(t, rc)
			wantHeader(t, r, "Origin", evilOrigin)
		})
	})

	t.Run("WS014", func(t *testing.T) {
		bad, good := docExample(t, "WS014")
		mustFire(t, "WS014", bad)
		mustBeSilent(t, good)
		// The examples name a public host; nginx resolves proxy_pass names
		// when it starts, and only "localhost" resolves here, so the
		// configuration nginx runs names localhost: the claim (no SNI
		// without proxy_ssl_server_name on, whatever the name) is the same.
		sni := sniBackend(t)
		for _, tc := range []struct {
			name, src string
			status    int
		}{{"bad", bad, http.StatusBadGateway}, {"good", good, http.StatusSwitchingProtocols}} {
			t.Run(tc.name, func(t *testing.T) {
				src := strings.Replace(tc.src, "https://realtime.example.com", "https://localhost:"+sni.port, 1)
				p := nginxtest.NewPrefix(t)
				addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
				conf := p.Preamble(t) + strings.Replace(strings.Replace(src, "http {", "http {\n"+p.HTTPSettings(), 1), "listen 80;", "listen "+addr+";", 1)
				srv := p.Start(t, conf, addr)
				c, resp, err := wstest.Dial(t, addr, "/ws/chat", nil)
				if resp == nil {
					t.Fatalf("no response through nginx: %v", err)
				}
				if c != nil {
					c.Close()
				}
				got := sni.last()
				t.Logf("client got %s; backend saw SNI %q", resp.Status, got)
				if resp.StatusCode != tc.status {
					t.Fatalf("handshake through nginx: %s, want %d (backend saw SNI %q)", resp.Status, tc.status, got)
				}
				if log := srv.ErrorLog(); tc.status == http.StatusBadGateway && !strings.Contains(log, "SSL_do_handshake() failed") {
					t.Errorf("nginx's error log does not say SSL_do_handshake() failed, as WS014's message does:\n%s", log)
				}
				if tc.status == http.StatusSwitchingProtocols && got != "localhost" {
					t.Errorf("backend saw SNI %q, want localhost", got)
				}
			})
		}
	})

	t.Run("WS015", func(t *testing.T) {
		bad, good := docExample(t, "WS015")
		const requests = 5
		for _, tc := range []struct {
			name, src     string
			conns, header string
		}{{"bad", bad, "5", "close"}, {"good", good, "1", ""}} {
			t.Run(tc.name, func(t *testing.T) {
				be := countingBackend(t)
				p := nginxtest.NewPrefix(t)
				addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
				conf := forHarness(t, p, tc.src, addr, be.addr)
				if tc.name == "bad" {
					mustFire(t, "WS015", conf)
				} else {
					mustBeSilent(t, conf)
				}
				p.Start(t, conf, addr)
				client := &http.Client{Timeout: 5 * time.Second}
				for i := 0; i < requests; i++ {
					resp, err := client.Get("http://" + addr + "/page")
					if err != nil {
						t.Fatal(err)
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					_ = resp.Body.Close()
				}
				conns, hdrs := be.seen()
				t.Logf("%d plain requests: backend accepted %d connections; Connection headers %q", requests, conns, hdrs)
				if fmt.Sprint(conns) != tc.conns {
					t.Errorf("backend accepted %d connections for %d plain requests, want %s", conns, requests, tc.conns)
				}
				for _, h := range hdrs {
					if h != tc.header {
						t.Errorf("backend received Connection %q, want %q", h, tc.header)
					}
				}
			})
		}
	})

	t.Run("WS012", func(t *testing.T) {
		bad, good := docExample(t, "WS012")
		for _, tc := range []struct {
			name, src string
			status    int
		}{{"bad", bad, http.StatusBadRequest}, {"good", good, http.StatusOK}} {
			t.Run(tc.name, func(t *testing.T) {
				a, b := engineIOBackend(t, "a"), engineIOBackend(t, "b")
				p := nginxtest.NewPrefix(t)
				addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
				src := strings.Replace(tc.src, "127.0.0.1:8081", b, 1)
				conf := forHarness(t, p, src, addr, a)
				if tc.name == "bad" {
					mustFire(t, "WS012", conf)
				} else {
					mustBeSilent(t, conf)
				}
				p.Start(t, conf, addr)
				client := &http.Client{Timeout: 5 * time.Second}
				get := func(url string) (int, string) {
					resp, err := client.Get(url)
					if err != nil {
						t.Fatal(err)
					}
					defer func() { _ = resp.Body.Close() }()
					body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
					return resp.StatusCode, string(body)
				}
				base := "http://" + addr + "/socket.io/?EIO=4&transport=polling"
				code, open := get(base)
				sid, ok := strings.CutPrefix(open, `0{"sid":"`)
				if code != http.StatusOK || !ok {
					t.Fatalf("open: %d %q", code, open)
				}
				sid, _, _ = strings.Cut(sid, `"`)
				// The session's next polls: round-robin sends one of the
				// first two to the other backend.
				var codes []int
				var last string
				for i := 0; i < 2; i++ {
					c, body := get(base + "&sid=" + sid)
					codes = append(codes, c)
					if c != http.StatusOK {
						last = body
					}
				}
				t.Logf("session %s: polls answered %v %s", sid, codes, last)
				want := []int{http.StatusOK, http.StatusOK}
				if tc.status != http.StatusOK {
					if !slices.Contains(codes, tc.status) || !strings.Contains(last, "Session ID unknown") {
						t.Fatalf("polls answered %v %q, want a 400 Session ID unknown", codes, last)
					}
					return
				}
				if !slices.Equal(codes, want) {
					t.Fatalf("polls answered %v, want %v", codes, want)
				}
			})
		}
	})

	t.Run("WS011", func(t *testing.T) {
		bad, good := docExample(t, "WS011")
		for _, tc := range []struct{ name, src string }{{"bad", bad}, {"good", good}} {
			t.Run(tc.name, func(t *testing.T) {
				p, rc := prepare(t, tc.src, wstest.Options{})
				if tc.name == "bad" {
					mustFire(t, "WS011", rc.conf)
				} else {
					mustBeSilent(t, rc.conf)
				}
				rc.start(t, p)
				c, resp, err := wstest.Dial(t, rc.addr, "/ws/chat", http.Header{"Host": {"chat.example.com"}, "Origin": {"https://chat.example.com"}})
				if err != nil {
					t.Fatalf("handshake through nginx: %v (%v)", err, resp)
				}
				c.Close()
				r := rc.lastRequest(t)
				t.Logf("backend received Host %q, X-Forwarded-For %q", r.Get("Host"), r.Get("X-Forwarded-For"))
				// gorilla/websocket's default CheckOrigin: the Origin's host
				// must equal the request's Host, else 403.
				if same := strings.EqualFold(strings.TrimPrefix(r.Get("Origin"), "https://"), r.Get("Host")); same != (tc.name == "good") {
					t.Errorf("a same-origin check (gorilla/websocket's default) passes: %v; Origin %q, Host %q", same, r.Get("Origin"), r.Get("Host"))
				}
				if tc.name == "bad" {
					// nginx's default Host: the proxy_pass host.
					wantHeader(t, r, "Host", rc.backend.Addr)
					wantHeader(t, r, "X-Forwarded-For", "")
					return
				}
				wantHeader(t, r, "Host", "chat.example.com")
				wantHeader(t, r, "X-Forwarded-For", "127.0.0.1")
			})
		}
	})

	t.Run("WS010", func(t *testing.T) {
		bad, good := docExample(t, "WS010")
		// The regex case: nginx answers the bare path from the prefix
		// location's auto-redirect before it looks at regexes.
		regex := strings.Replace(bad, "        location /cable/ {", "        location ~ ^/cable$ { return 204; }\n        location /cable/ {", 1)
		for _, tc := range []struct {
			name, src string
			status    int
		}{{"bad", bad, http.StatusMovedPermanently}, {"regex", regex, http.StatusMovedPermanently}, {"good", good, http.StatusSwitchingProtocols}} {
			t.Run(tc.name, func(t *testing.T) {
				p, rc := prepare(t, tc.src, wstest.Options{})
				if tc.status != http.StatusSwitchingProtocols {
					mustFire(t, "WS010", rc.conf)
				} else {
					mustBeSilent(t, rc.conf)
				}
				rc.start(t, p)
				c, resp, err := wstest.Dial(t, rc.addr, "/cable", nil)
				if resp == nil {
					t.Fatalf("no response through nginx: %v", err)
				}
				if c != nil {
					c.Close()
				}
				t.Logf("handshake for /cable: %s, Location %q", resp.Status, resp.Header.Get("Location"))
				if resp.StatusCode != tc.status {
					t.Fatalf("handshake for /cable: %s, want %d", resp.Status, tc.status)
				}
				if tc.status == http.StatusMovedPermanently && !strings.HasSuffix(resp.Header.Get("Location"), "/cable/") {
					t.Errorf("301 to %q, want .../cable/", resp.Header.Get("Location"))
				}
			})
		}
	})
}

// engineIOBackend is a Socket.IO server's polling transport, enough to
// show sessions: a request without sid opens one (on this server only);
// a request with a sid this server does not hold gets Engine.IO's 400.
func engineIOBackend(t *testing.T, name string) string {
	t.Helper()
	var mu sync.Mutex
	sessions := map[string]bool{}
	n := 0
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		sid := r.URL.Query().Get("sid")
		if sid == "" {
			n++
			sid = fmt.Sprintf("%s%d", name, n)
			sessions[sid] = true
			_, _ = fmt.Fprintf(w, `0{"sid":"%s","upgrades":["websocket"],"pingInterval":25000,"pingTimeout":20000}`, sid)
			return
		}
		if !sessions[sid] {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = io.WriteString(w, `{"code":1,"message":"Session ID unknown"}`)
			return
		}
		_, _ = io.WriteString(w, "6")
	})}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}

// connCounter is a plain HTTP backend that counts the TCP connections it
// accepts and records each request's Connection header.
type connCounter struct {
	addr  string
	mu    sync.Mutex
	conns int
	hdrs  []string
}

func countingBackend(t *testing.T) *connCounter {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	c := &connCounter{addr: ln.Addr().String()}
	srv := &http.Server{
		ReadHeaderTimeout: 5 * time.Second,
		ConnState: func(_ net.Conn, st http.ConnState) {
			if st == http.StateNew {
				c.mu.Lock()
				c.conns++
				c.mu.Unlock()
			}
		},
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			c.mu.Lock()
			c.hdrs = append(c.hdrs, strings.Join(r.Header.Values("Connection"), ","))
			c.mu.Unlock()
			_, _ = io.WriteString(w, "ok\n")
		}),
	}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return c
}

func (c *connCounter) seen() (conns int, hdrs []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.conns, append([]string(nil), c.hdrs...)
}

// sniServer is a TLS WebSocket backend that, like a CDN or an ingress,
// refuses TLS handshakes without a server name.
type sniServer struct {
	port string
	mu   sync.Mutex
	sni  []string
}

func (s *sniServer) last() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sni) == 0 {
		return "(no handshake)"
	}
	return s.sni[len(s.sni)-1]
}

func sniBackend(t *testing.T) *sniServer {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "localhost"},
		DNSNames:     []string{"localhost"},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(time.Hour),
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert := tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
	s := &sniServer{}
	cfg := &tls.Config{
		MinVersion: tls.VersionTLS12,
		GetCertificate: func(hello *tls.ClientHelloInfo) (*tls.Certificate, error) {
			s.mu.Lock()
			s.sni = append(s.sni, hello.ServerName)
			s.mu.Unlock()
			if hello.ServerName == "" {
				return nil, errors.New("no SNI")
			}
			return &cert, nil
		},
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, s.port, _ = net.SplitHostPort(ln.Addr().String())
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !wstest.HasToken(r.Header.Values("Upgrade"), "websocket") {
			http.Error(w, "not a WebSocket handshake", http.StatusBadRequest)
			return
		}
		w.Header().Set("Upgrade", "websocket")
		w.Header().Set("Connection", "Upgrade")
		w.Header().Set("Sec-WebSocket-Accept", wstest.AcceptKey(r.Header.Get("Sec-WebSocket-Key")))
		w.WriteHeader(http.StatusSwitchingProtocols)
	}), ErrorLog: log.New(io.Discard, "", 0)}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return s
}
