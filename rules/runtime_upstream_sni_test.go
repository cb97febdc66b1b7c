package rules_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/internal/nginxtest"
	"github.com/nginx-wslint/nginx-wslint/internal/wstest"
)

// upstreamSNI proxies to an upstream block over https; NAME is the
// block's server, EXTRA what the location adds.
const upstreamSNI = `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    upstream rt { server NAME; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass https://rt;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
EXTRA        }
    }
}
`

// TestRuntimeUpstreamSNI proves WS014's claim about upstream blocks: with
// proxy_ssl_server_name on alone, nginx sends the block's name ("rt") as
// SNI, not its server's name; proxy_ssl_name gives the right one. The
// linter judges the configuration with a DNS name (the block's server
// realtime.example.com); nginx runs it with localhost, the only name that
// resolves here, which changes nothing in what nginx sends.
func TestRuntimeUpstreamSNI(t *testing.T) {
	nginxtest.Binary(t)
	sni := sniBackend(t)
	for _, tc := range []struct {
		name, extra, want string
		fires             bool
	}{
		{"off", "", "", true},
		{"on", "            proxy_ssl_server_name on;\n", "rt", true},
		{"on-with-name", "            proxy_ssl_server_name on;\n            proxy_ssl_name NAMEHOST;\n", "localhost", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conf := strings.Replace(upstreamSNI, "EXTRA", tc.extra, 1)
			linted := strings.NewReplacer("NAMEHOST", "realtime.example.com", "NAME", "realtime.example.com:443").Replace(conf)
			if tc.fires {
				mustFire(t, "WS014", linted)
			} else {
				mustBeSilent(t, linted)
			}
			src := strings.NewReplacer("NAMEHOST", "localhost", "NAME", "localhost:"+sni.port).Replace(conf)
			p := nginxtest.NewPrefix(t)
			addr := fmt.Sprintf("127.0.0.1:%d", nginxtest.FreePort(t))
			p.Start(t, p.Preamble(t)+strings.Replace(strings.Replace(src, "http {", "http {\n"+p.HTTPSettings(), 1), "listen 80;", "listen "+addr+";", 1), addr)
			c, resp, err := wstest.Dial(t, addr, "/ws/chat", nil)
			if resp == nil {
				t.Fatalf("no response through nginx: %v", err)
			}
			if c != nil {
				c.Close()
			}
			got := sni.last()
			t.Logf("client got %s; backend saw SNI %q", resp.Status, got)
			if tc.want == "" {
				// No SNI: the backend refuses the TLS handshake.
				if resp.StatusCode != http.StatusBadGateway || got != "" {
					t.Fatalf("got %s, SNI %q; want 502 and no SNI", resp.Status, got)
				}
				return
			}
			if got != tc.want {
				t.Fatalf("backend saw SNI %q, want %q", got, tc.want)
			}
		})
	}
}
