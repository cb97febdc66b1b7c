package rules

import (
	"fmt"
	"net"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS014 finds WebSocket locations proxied to an https backend by name
// without SNI.
var WS014 = &Rule{
	ID:       "WS014",
	Name:     "https-upstream-without-sni",
	Severity: Warning,
	Doc: Doc{
		Summary: "proxy_pass https://NAME sends no SNI, so backends that need it fail the TLS handshake (502)",
		Why: "nginx does not send the server name (SNI) in its TLS handshake with the backend unless " +
			"`proxy_ssl_server_name on` is set (the default is off). A backend reached by a DNS name often serves " +
			"several names from one address (a CDN, a shared host, a Kubernetes ingress, a managed platform) and " +
			"needs SNI to pick the certificate: without it the handshake fails (`SSL_do_handshake() failed ... " +
			"sslv3 alert handshake failure` or `tlsv1 unrecognized name` in nginx's error log) and every request, " +
			"the WebSocket handshake included, gets 502 Bad Gateway.",
		Bad: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass https://realtime.example.com;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Good: `events {}
http {
    map $http_upgrade $connection_upgrade { default upgrade; '' close; }
    server {
        listen 80;
        location /ws/ {
            proxy_pass https://realtime.example.com;
            proxy_ssl_server_name on;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Add `proxy_ssl_server_name on;` to the location (or its server or http block), so nginx sends the " +
			"backend's name in the TLS handshake.",
	},
	Check: checkWS014,
}

func checkWS014(p *Pass) {
	for _, w := range p.WebSocketLocations() {
		pass := p.Model.ProxyPass(w.Block)
		if pass == nil {
			pass, _ = w.ConditionalPass()
		}
		if pass == nil || len(pass.Words) < 2 {
			continue
		}
		host, ok := sniHost(p.Model, pass.Arg(0))
		if !ok {
			continue
		}
		if on := w.Inherited("proxy_ssl_server_name"); on != nil && strings.EqualFold(on.Arg(0), "on") {
			continue
		}
		p.ReportWS(w, pass, fmt.Sprintf("%s (%s) proxies to https://%s without `proxy_ssl_server_name on`, so nginx sends no server name (SNI) in its TLS handshake: a backend that serves several names from one address (a CDN, a shared host, an ingress) fails the handshake (\"SSL_do_handshake() failed\" in the error log) and nginx answers 502",
			w.Describe(), w.Why, host),
			"add `proxy_ssl_server_name on;` to this location, or to its server or http block")
	}
}

// sniHost returns the host name of an https proxy_pass URL whose backend
// may need SNI: a DNS name with a dot, not an address, not an upstream
// block (whose name is no DNS name), not a value with variables.
func sniHost(m *model.Model, raw string) (string, bool) {
	u, err := model.ParseProxyURL(raw)
	if err != nil || u.Scheme != "https" || u.Variables || strings.HasPrefix(strings.ToLower(u.Host), "unix:") {
		return "", false
	}
	host := u.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if net.ParseIP(host) != nil || !strings.Contains(strings.Trim(host, "."), ".") {
		return "", false
	}
	if _, ok := m.Upstreams[strings.ToLower(u.Host)]; ok {
		return "", false
	}
	return host, true
}
