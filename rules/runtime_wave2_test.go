package rules_test

// Runtime proof of the second-wave rules' claims, with a real nginx in
// front of Go backends: what the backend receives (Origin, Host, SNI,
// Connection) and what the client sees.

import (
	"net/http"
	"testing"

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
}
