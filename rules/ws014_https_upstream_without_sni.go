package rules

import (
	"fmt"
	"net"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
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
			"the WebSocket handshake included, gets 502 Bad Gateway. For `proxy_pass https://BLOCK`, an upstream block, " +
			"the name nginx sends is proxy_ssl_name, by default the block's own name: when a server of the block is a DNS " +
			"name, both `proxy_ssl_server_name on` and `proxy_ssl_name` with that name are needed.",
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
		on := false
		if d := w.Inherited("proxy_ssl_server_name"); d != nil && strings.EqualFold(d.Arg(0), "on") {
			on = true
		}
		host, ok := sniHost(p.Model, pass.Arg(0))
		if !ok {
			checkUpstreamSNI(p, w, pass, on)
			continue
		}
		if on {
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

// checkUpstreamSNI judges `proxy_pass https://NAME` where NAME is an
// upstream block: nginx's server name for the TLS handshake is then
// proxy_ssl_name, whose default ($proxy_host) is the block's name, no DNS
// name. A block whose servers are DNS names (a CDN, a managed platform)
// needs both proxy_ssl_server_name on and proxy_ssl_name.
func checkUpstreamSNI(p *Pass, w *WSLocation, pass *parser.Directive, on bool) {
	u, err := model.ParseProxyURL(pass.Arg(0))
	if err != nil || u.Scheme != "https" || u.Variables {
		return
	}
	up := p.Model.Upstreams[strings.ToLower(u.Host)]
	if up == nil || w.Inherited("proxy_ssl_name") != nil {
		return
	}
	server, name := dnsServer(up)
	if server == nil {
		return
	}
	fix := fmt.Sprintf("add `proxy_ssl_server_name on;` and `proxy_ssl_name %s;` to this location (or its server or http block)", name)
	if !on {
		p.ReportWS(w, pass, fmt.Sprintf("%s (%s) proxies to https://%s, an upstream block whose server %s is a DNS name, without `proxy_ssl_server_name on`: nginx sends no server name (SNI) in its TLS handshake, so a backend that serves several names from one address (a CDN, a shared host, an ingress) fails the handshake and nginx answers 502; turning it on alone is not enough, since nginx would then send the block's name %s",
			w.Describe(), w.Why, u.Host, name, model.Quote(up.Name)),
			fix, RelatedAt(server, "a DNS name: its TLS server picks the certificate by the name nginx sends"))
		return
	}
	p.ReportWS(w, pass, fmt.Sprintf("%s (%s) proxies to https://%s, an upstream block whose server %s is a DNS name, with `proxy_ssl_server_name on` but no proxy_ssl_name: nginx sends the block's name %s as the server name (SNI), which that backend does not serve, so a backend that picks its certificate by name (a CDN, a shared host, an ingress) fails the handshake and nginx answers 502",
		w.Describe(), w.Why, u.Host, name, model.Quote(up.Name)),
		fmt.Sprintf("add `proxy_ssl_name %s;` next to proxy_ssl_server_name", name),
		RelatedAt(server, "a DNS name: its TLS server picks the certificate by the name nginx sends"))
}

// UpstreamSSLName returns, for a proxy_pass URL https://BLOCK naming an
// upstream block with a server named by a DNS name, the name
// proxy_ssl_name must give (WS014's fix); false for anything else.
func UpstreamSSLName(m *model.Model, raw string) (string, bool) {
	u, err := model.ParseProxyURL(raw)
	if err != nil || u.Scheme != "https" || u.Variables {
		return "", false
	}
	up := m.Upstreams[strings.ToLower(u.Host)]
	if up == nil {
		return "", false
	}
	if s, name := dnsServer(up); s != nil {
		return name, true
	}
	return "", false
}

// dnsServer returns the first server of an upstream block named by a DNS
// name with a dot (not an address, not a unix socket), and that name.
func dnsServer(up *model.Upstream) (*parser.Directive, string) {
	for _, s := range up.Servers {
		addr := s.Arg(0)
		if strings.HasPrefix(strings.ToLower(addr), "unix:") {
			continue
		}
		host := addr
		if h, _, err := net.SplitHostPort(addr); err == nil {
			host = h
		}
		host = strings.Trim(host, "[]")
		if net.ParseIP(host) != nil || !strings.Contains(strings.Trim(host, "."), ".") {
			continue
		}
		return s, host
	}
	return nil, ""
}
