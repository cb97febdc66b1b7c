package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

// TestProtocolTable keeps the heartbeat table honest: every entry names
// its protocol, its endpoints, a heartbeat below nginx's default timeout
// (the reason the table exists), who pings, the setting, and a source.
func TestProtocolTable(t *testing.T) {
	for _, p := range Protocols {
		if p.Name == "" || len(p.Endpoints) == 0 || p.Setting == "" || !strings.HasPrefix(p.Evidence, "https://") {
			t.Errorf("incomplete entry %+v", p)
		}
		if p.Heartbeat <= 0 || p.Heartbeat >= 60*time.Second {
			t.Errorf("%s: heartbeat %v", p.Name, p.Heartbeat)
		}
		if p.Sender != "the server" && p.Sender != "the client" {
			t.Errorf("%s: sender %q", p.Name, p.Sender)
		}
	}
}

// TestProtocolFor looks locations up in the table by their path.
func TestProtocolFor(t *testing.T) {
	src := `server {
    location /socket.io/ { proxy_pass http://b; }
    location /app/socket.io { proxy_pass http://b; }
    location ^~ /cable { proxy_pass http://b; }
    location ~ ^/api/kernels/[^/]+/channels$ { proxy_pass http://b; }
    location /grafana/api/live/ { proxy_pass http://b; }
    location /live/websocket { proxy_pass http://b; }
    location /sockjs-node/ { proxy_pass http://b; }
    location /hubs/chat { proxy_pass http://b; }
    location /ws/ { proxy_pass http://b; }
    location /socket.io.js { proxy_pass http://b; }
    location @socket.io { proxy_pass http://b; }
    location /dashboard/_stcore/stream { proxy_pass http://b; }
    location /stream { proxy_pass http://b; }
}
`
	want := []string{"Socket.IO", "Socket.IO", "Rails Action Cable", "Jupyter Server", "Grafana Live (Centrifuge)",
		"Phoenix Channels", "SockJS", "ASP.NET Core SignalR", "", "", "", "Streamlit", ""}
	cfg := parser.ParseBytes("t.conf", src, parser.Options{FS: parser.NewMemFS(nil)})
	m := model.Build(cfg, model.Options{})
	locs := m.Locations()
	if len(locs) != len(want) {
		t.Fatalf("%d locations", len(locs))
	}
	for i, l := range locs {
		got := ""
		if p := ProtocolFor(l); p != nil {
			got = p.Name
		}
		if got != want[i] {
			t.Errorf("%s: protocol %q, want %q", l.Match(), got, want[i])
		}
	}
}

// TestStdFiles checks the known-file table against the files installed on
// this machine (Debian's nginx-common), when they are there: every
// directive and proxy_set_header name a file sets must be in the table.
func TestStdFiles(t *testing.T) {
	checked := 0
	for _, dir := range []string{"/etc/nginx", "/etc/nginx/snippets"} {
		for name, f := range stdFiles {
			path := filepath.Join(dir, name)
			src, err := os.ReadFile(path)
			if err != nil {
				continue
			}
			checked++
			cfg := parser.ParseBytes(path, string(src), parser.Options{FS: parser.NewMemFS(nil), Context: parser.CtxLocation})
			for _, d := range cfg.Main.Directives {
				if !listed(f.Sets, d.Name) {
					t.Errorf("%s sets %s, which the table does not list", path, d.Name)
				}
				if d.Name == "proxy_set_header" && !listed(f.Headers, d.Arg(0)) {
					t.Errorf("%s sets header %s, which the table does not list", path, d.Arg(0))
				}
			}
		}
	}
	t.Logf("%d installed files checked", checked)
}

func listed(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
