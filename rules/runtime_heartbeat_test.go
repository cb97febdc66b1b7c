package rules_test

// Runtime proof of WS006's heartbeat table: a tunnel through nginx is cut
// after proxy_read_timeout even while the backend pings on schedule, when
// its pings come less often than the timeout; it stays open when they come
// more often. The run is scaled down (a 1s timeout, pings every 1.5s or
// every 300ms); the linter is asked about the same configuration at the
// real scale (Socket.IO pings every 25s).

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/internal/wstest"
)

// heartbeatConf is a Socket.IO location; TIMEOUT is replaced.
const heartbeatConf = `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /socket.io/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout TIMEOUT;
        }
    }
}
`

// pingingBackend accepts any WebSocket handshake and then sends a ping
// frame every interval, as a Socket.IO server does every pingInterval; it
// reads and drops what the client sends (the pongs). It returns its address
// and a function giving the times it sent pings.
func pingingBackend(t *testing.T, interval time.Duration) (string, func() []time.Time) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var pings []time.Time
	var conns []net.Conn
	done := make(chan struct{})
	srv := &http.Server{ReadHeaderTimeout: 5 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.EqualFold(r.Header.Get("Upgrade"), "websocket") {
			http.Error(w, "not a websocket handshake", http.StatusBadRequest)
			return
		}
		conn, rw, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		mu.Lock()
		conns = append(conns, conn)
		mu.Unlock()
		fmt.Fprintf(conn, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n", wstest.AcceptKey(r.Header.Get("Sec-WebSocket-Key")))
		go func(br *bufio.Reader) {
			buf := make([]byte, 512)
			for {
				if _, err := br.Read(buf); err != nil {
					return
				}
			}
		}(rw.Reader)
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				if _, err := conn.Write([]byte{0x89, 0x00}); err != nil {
					return
				}
				mu.Lock()
				pings = append(pings, time.Now())
				mu.Unlock()
			}
		}
	})}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() {
		close(done)
		_ = srv.Close()
		mu.Lock()
		for _, c := range conns {
			_ = c.Close()
		}
		mu.Unlock()
	})
	return ln.Addr().String(), func() []time.Time {
		mu.Lock()
		defer mu.Unlock()
		return append([]time.Time(nil), pings...)
	}
}

func TestRuntimeHeartbeat(t *testing.T) {
	// The linter at the real scale: at or below Socket.IO's 25s the timeout
	// cuts healthy connections (error); above it, silence.
	conf := func(timeout string) string { return strings.Replace(heartbeatConf, "TIMEOUT", timeout, 1) }
	ds := mustFire(t, "WS006", conf("25s"))
	if d := ds[0]; d.Severity.String() != "error" || !strings.Contains(d.Message, "Socket.IO's server pings every 25s by default (pingInterval)") {
		t.Errorf("WS006 on proxy_read_timeout 25s: %s %s", d.Severity, d.Message)
	}
	mustBeSilent(t, conf("26s"))

	nginxtest.Binary(t)
	run := func(t *testing.T, interval time.Duration) (*wstest.Conn, func() []time.Time) {
		t.Helper()
		p := nginxtest.NewPrefix(t)
		backend, pings := pingingBackend(t, interval)
		addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
		p.Start(t, forHarness(t, p, conf("1s"), addr, backend), addr)
		c, _, err := wstest.Dial(t, addr, "/socket.io/?EIO=4&transport=websocket", nil)
		if err != nil {
			t.Fatalf("handshake through nginx: %v", err)
		}
		return c, pings
	}

	t.Run("pings-less-often-than-the-timeout", func(t *testing.T) {
		t.Parallel()
		c, pings := run(t, 1500*time.Millisecond)
		start := time.Now()
		end, err := c.WaitClosed(5 * time.Second)
		if err != nil {
			t.Fatalf("tunnel still open after 5s with proxy_read_timeout 1s and pings every 1.5s")
		}
		after := end.At.Sub(start)
		if after < 700*time.Millisecond || after > 2500*time.Millisecond {
			t.Fatalf("tunnel closed after %v, want about 1s", after)
		}
		t.Logf("backend pinging every 1.5s: nginx closed the healthy tunnel after %v (pings sent: %d), %s", after.Round(time.Millisecond), len(pings()), end)
	})

	t.Run("pings-more-often-than-the-timeout", func(t *testing.T) {
		t.Parallel()
		c, pings := run(t, 300*time.Millisecond)
		time.Sleep(3 * time.Second)
		if end, closed := c.IsClosed(); closed {
			t.Fatalf("tunnel closed although the backend pinged every 300ms: %s", end)
		}
		n := len(pings())
		if n < 5 {
			t.Fatalf("the backend sent only %d pings in 3s", n)
		}
		t.Logf("backend pinging every 300ms: tunnel still open after 3s with proxy_read_timeout 1s (%d pings)", n)
	})
}
