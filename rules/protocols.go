package rules

import (
	"strings"
	"time"

	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// Protocol is a well-known WebSocket protocol: where its endpoint lives
// and how often a healthy connection carries traffic. WS006 weighs the
// read timeout against Heartbeat: nginx closes a tunnel only after
// proxy_read_timeout with no frame in either direction, so an application
// that pings more often than that never sees the timeout.
type Protocol struct {
	// Name is what messages call it: "Socket.IO".
	Name string
	// Endpoints are the path segment sequences that name the protocol's
	// endpoint, matched as whole segments of a location's path (or words
	// of a regex location): {"socket.io"}, {"api", "kernels"}.
	Endpoints [][]string
	// Heartbeat is the default interval between the protocol's pings: the
	// longest a healthy, idle connection stays silent.
	Heartbeat time.Duration
	// Sender says which side pings ("the server", "the client").
	Sender string
	// Setting is the option that changes the interval, for fix messages.
	Setting string
	// Evidence is the project source or documentation the interval comes
	// from.
	Evidence string
	// Fallback names the plain HTTP requests the protocol's clients send
	// to the same endpoint (long-polling transports), "" when its clients
	// open only the WebSocket there. WS004 uses it: with Upgrade and
	// Connection both hard-coded, those requests reach the backend as
	// handshakes.
	Fallback string
	// FallbackEvidence is the documentation that says so.
	FallbackEvidence string
	// URIs are the paths below the endpoint its clients open, when the
	// protocol fixes them (examples of each shape, with made-up ids); nil
	// when any path below it may be one. WS007 tests only these.
	URIs []string
}

// Protocols is the heartbeat table, most specific endpoints first. Each
// interval is the project's default, checked against the cited source.
// Applications built on an unknown stack, or a generic path such as /ws,
// match nothing: their heartbeat is unknown.
var Protocols = []*Protocol{
	{
		Name:      "Jupyter Server",
		Endpoints: [][]string{{"api", "kernels"}, {"terminals", "websocket"}, {"api", "events", "subscribe"}},
		Heartbeat: 30 * time.Second,
		Sender:    "the server",
		Setting:   "ServerApp.websocket_ping_interval",
		Evidence:  "https://github.com/jupyter-server/jupyter_server/blob/main/jupyter_server/base/websocket.py (WS_PING_INTERVAL = 30000)",
	},
	{
		Name:      "Grafana Live (Centrifuge)",
		Endpoints: [][]string{{"api", "live"}},
		Heartbeat: 25 * time.Second,
		Sender:    "the client",
		Setting:   "the Centrifuge ping interval",
		Evidence:  "https://github.com/centrifugal/documentation/blob/master/mixed/ping.md (pings after 25 seconds without activity)",
	},
	{
		Name:      "Centrifugo",
		Endpoints: [][]string{{"connection", "websocket"}, {"connection", "sockjs"}},
		Heartbeat: 25 * time.Second,
		Sender:    "the client",
		Setting:   "the Centrifuge ping interval",
		Evidence:  "https://github.com/centrifugal/documentation/blob/master/mixed/ping.md (pings after 25 seconds without activity)",
	},
	{
		Name:      "Socket.IO",
		Endpoints: [][]string{{"socket.io"}},
		Heartbeat: 25 * time.Second,
		Sender:    "the server",
		Setting:   "pingInterval",
		Evidence:  "https://socket.io/docs/v4/server-options/#pinginterval (default 25000 ms)",
		Fallback:  "the long-polling requests every Socket.IO client starts with (transport=polling)",
		FallbackEvidence: "https://socket.io/docs/v4/how-it-works/#upgrade-mechanism (the client first establishes " +
			"an HTTP long-polling connection, then upgrades)",
	},
	{
		Name:      "SockJS",
		Endpoints: [][]string{{"sockjs"}, {"sockjs-node"}},
		Heartbeat: 25 * time.Second,
		Sender:    "the server",
		Setting:   "heartbeat_delay",
		Evidence:  "https://github.com/sockjs/sockjs-node#server-class (heartbeat_delay, default 25000 ms)",
		Fallback:  "the /info request every SockJS client starts with, and its xhr and eventsource fallbacks",
		URIs: []string{"", "/", "/info", "/websocket", "/123/a1b2c3d4/websocket", "/123/a1b2c3d4/xhr",
			"/123/a1b2c3d4/xhr_send", "/123/a1b2c3d4/xhr_streaming", "/123/a1b2c3d4/eventsource",
			"/123/a1b2c3d4/htmlfile", "/123/a1b2c3d4/jsonp", "/123/a1b2c3d4/jsonp_send"},
		FallbackEvidence: "https://github.com/sockjs/sockjs-protocol (the client first GETs <prefix>/info, then " +
			"opens <prefix>/<server>/<session>/<transport>)",
	},
	{
		Name:      "ASP.NET Core SignalR",
		Endpoints: [][]string{{"signalr"}, {"hubs"}},
		Heartbeat: 15 * time.Second,
		Sender:    "the server",
		Setting:   "HubOptions.KeepAliveInterval",
		Evidence:  "https://learn.microsoft.com/en-us/dotnet/api/microsoft.aspnetcore.signalr.huboptions.keepaliveinterval (default 15 seconds)",
	},
	{
		Name:      "Streamlit",
		Endpoints: [][]string{{"_stcore", "stream"}},
		Heartbeat: time.Second,
		Sender:    "the server",
		Setting:   "Tornado's websocket_ping_interval in Streamlit's server settings",
		Evidence: "https://github.com/streamlit/streamlit/blob/develop/lib/streamlit/web/server/server.py " +
			"(TORNADO_SETTINGS: websocket_ping_interval 1, \"Ping every 1s to keep WS alive\"; STREAM_ENDPOINT _stcore/stream)",
	},
	{
		Name:      "Rails Action Cable",
		Endpoints: [][]string{{"cable"}},
		Heartbeat: 3 * time.Second,
		Sender:    "the server",
		Setting:   "ActionCable::Server::Connections::BEAT_INTERVAL",
		Evidence:  "https://github.com/rails/rails/blob/main/actioncable/lib/action_cable/server/connections.rb (BEAT_INTERVAL = 3)",
	},
	{
		Name:      "Phoenix Channels",
		Endpoints: [][]string{{"socket", "websocket"}, {"live", "websocket"}, {"live"}},
		Heartbeat: 30 * time.Second,
		Sender:    "the client",
		Setting:   "heartbeatIntervalMs",
		Evidence:  "https://github.com/phoenixframework/phoenix/blob/main/assets/js/phoenix/socket.js (heartbeatIntervalMs = 30000)",
	},
}

// ProtocolFor returns the well-known protocol whose endpoint loc's path
// names, or nil: the first table entry with an endpoint among the path's
// segments (a regex location's literal words).
func ProtocolFor(loc *model.Location) *Protocol {
	if loc == nil || loc.Modifier == "@" {
		return nil
	}
	segs := pathWords(loc)
	for _, p := range Protocols {
		for _, ep := range p.Endpoints {
			if hasRun(segs, ep) {
				return p
			}
		}
	}
	return nil
}

// pathWords returns a location's path as lower-case segments; for a regex,
// its literal words.
func pathWords(loc *model.Location) []string {
	if loc.IsRegex() {
		return regexWords(loc.Name)
	}
	var out []string
	for _, s := range strings.Split(strings.Trim(loc.Name, "/"), "/") {
		if s != "" {
			out = append(out, strings.ToLower(s))
		}
	}
	return out
}

// hasRun reports whether seq occurs in segs as consecutive elements.
func hasRun(segs, seq []string) bool {
	for i := 0; i+len(seq) <= len(segs); i++ {
		match := true
		for j := range seq {
			if !strings.EqualFold(segs[i+j], seq[j]) {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
