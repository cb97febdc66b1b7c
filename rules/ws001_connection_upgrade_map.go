package rules

import (
	"fmt"
	"strings"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// WS001 checks the map that turns the client's Upgrade header into the
// Connection value: that it exists in the http context, and that it gives
// "upgrade" for a WebSocket handshake.
var WS001 = &Rule{
	ID:       "WS001",
	Name:     "connection-upgrade-map",
	Severity: Error,
	Doc: Doc{
		Summary: "the map behind $connection_upgrade is missing, misplaced, or gives the wrong value",
		Why: "The usual WebSocket configuration sends `Connection $connection_upgrade`, a variable defined by " +
			"`map $http_upgrade $connection_upgrade { default upgrade; '' close; }` in the http block. Without the map " +
			"nginx refuses to start (`unknown \"connection_upgrade\" variable`, a message with no file or line); a map " +
			"inside server or location is refused (`\"map\" directive is not allowed here`); a map keyed on another " +
			"variable, or with its values swapped, sends `close` to the backend for a WebSocket handshake, which then fails.",
		Bad: `events {}
http {
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
        }
    }
}
`,
		Good: `events {}
http {
    map $http_upgrade $connection_upgrade {
        default upgrade;
        ''      close;
    }
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 1h;
        }
    }
}
`,
		Fix: "Define `map $http_upgrade $connection_upgrade { default upgrade; '' close; }` directly in the http block " +
			"(before or after the servers, in any included file).",
	},
	Check: checkWS001,
}

func checkWS001(p *Pass) {
	m := p.Model
	complete := m.Config != nil && m.Config.Main != nil && m.Config.Main.Ctx == parser.CtxMain && m.HTTP.Dir != nil
	reported := map[string]bool{}
	checkedMaps := map[*model.Map]bool{}
	for _, d := range connectionHeaders(p) {
		for _, v := range variables(d.Arg(1)) {
			if reported[v] {
				continue
			}
			mp := m.MapFor(v)
			switch {
			case mp == nil && len(m.Sets[v]) == 0:
				if !complete || !looksLikeUpgradeVar(v) {
					// A fragment's map may sit in the nginx.conf that
					// includes it: only a whole configuration can tell.
					continue
				}
				reported[v] = true
				var rel []Related
				for _, mis := range m.MisplacedMaps {
					if strings.EqualFold(strings.TrimPrefix(mis.Arg(1), "$"), v) {
						rel = append(rel, RelatedAt(mis, "a map for $%s is here, but nginx only accepts map in the http context", v))
					}
				}
				p.Report(d, fmt.Sprintf("$%s is used but no map in the http context defines it: nginx refuses to start with `unknown \"%s\" variable`, a message that names no file or line", v, v),
					fmt.Sprintf("add `map $http_upgrade $%s { default upgrade; '' close; }` to the http block", v), rel...)
			case mp != nil && !checkedMaps[mp]:
				checkedMaps[mp] = true
				checkMapValues(p, mp, d)
			}
		}
	}
	for _, mis := range m.MisplacedMaps {
		p.Report(mis, fmt.Sprintf("map %s sits in a %s block, but nginx only accepts map in the http context and refuses the configuration", mis.Arg(1), ctxName(mis.Ctx)),
			"move the map block to the http level, outside every server")
	}
}

// checkMapValues reports a map whose value for a WebSocket handshake does
// not carry "upgrade".
func checkMapValues(p *Pass, mp *model.Map, use *parser.Directive) {
	m := p.Model
	hs, known := m.Eval("$"+mp.Var, model.HandshakeRequest())
	if !known || hasToken(hs, "upgrade") {
		return
	}
	plain, _ := m.Eval("$"+mp.Var, model.PlainRequest())
	rel := []Related{RelatedAt(use, "used for the Connection header here")}
	show := func(s string) string {
		if s == "" {
			return "an empty value"
		}
		return `"` + s + `"`
	}
	if !strings.Contains(strings.ToLower(mp.Source), "$http_upgrade") {
		p.Report(mp.Dir, fmt.Sprintf("map %s is keyed on %s, not $http_upgrade: a WebSocket handshake gets Connection %s and the upgrade fails", "$"+mp.Var, mp.Source, show(hs)),
			"key the map on $http_upgrade: map $http_upgrade $"+mp.Var+" { default upgrade; '' close; }", rel...)
		return
	}
	if hasToken(plain, "upgrade") {
		p.Report(mp.Dir, fmt.Sprintf("map $%s has its values swapped: it gives %s for a WebSocket handshake and %s for plain requests, so the backend refuses the upgrade", mp.Var, show(hs), show(plain)),
			"swap the values: map $http_upgrade $"+mp.Var+" { default upgrade; '' close; }", rel...)
		return
	}
	p.Report(mp.Dir, fmt.Sprintf("map $%s gives %s for a WebSocket handshake (Upgrade: websocket) instead of \"upgrade\", so the backend refuses the upgrade", mp.Var, show(hs)),
		"make the default value upgrade: map $http_upgrade $"+mp.Var+" { default upgrade; '' close; }", rel...)
}

// looksLikeUpgradeVar reports whether a variable is one a WebSocket map
// would define ($connection_upgrade, $proxy_connection...); nginx's own
// variables are left alone.
func looksLikeUpgradeVar(v string) bool {
	if !strings.Contains(v, "upgrade") && !strings.Contains(v, "connection") {
		return false
	}
	for _, p := range []string{"http_", "sent_http_", "upstream_http_", "arg_", "cookie_"} {
		if strings.HasPrefix(v, p) {
			return false
		}
	}
	switch v {
	case "connection", "connection_requests", "connection_time", "connections_active", "connections_reading", "connections_writing", "connections_waiting":
		return false
	}
	return true
}

func ctxName(c parser.Ctx) string {
	switch c {
	case parser.CtxServer:
		return "server"
	case parser.CtxLocation:
		return "location"
	}
	return c.String()
}
