package model

import (
	"strings"
	"testing"
)

// serversConf: every answer in TestFindServer was read from nginx 1.22.1
// with this configuration (each server answering "return 200 sN").
const serversConf = `
server { listen 80; server_name _; }                                  # s1
server { listen 80; server_name example.com www.example.com; }        # s2
server { listen 80; server_name *.example.com; }                      # s3
server { listen 80; server_name .example.org; }                       # s4
server { listen 80; server_name mail.* Mixed.Case.Test; }             # s5
server { listen 80; server_name ~^(?<sub>.+)\.regex\.test$; }         # s6
server { listen 80; server_name ~^api\. ~\.regex\.test$; }            # s7
server { listen 80; server_name *.a.example.com; }                    # s8
server { listen 80; server_name dup.test; }                           # s9
server { listen 80; server_name dup.test; }                           # s10
server { listen 8080 default_server; server_name dflt; }              # s11
server { listen 8080; server_name "" other; }                         # s12
server { listen 8081; server_name a.test; }                           # s13
server { listen 8081 default_server; server_name b.test; }            # s14
server { listen 8082; }                                               # s15
server { listen 8082; server_name named.test; }                       # s16
server { listen 8083; server_name named.test; }                       # s17
server { listen 8083; }                                               # s18
server { listen 8083; server_name ~.; }                               # s19
server { listen 8084; server_name first.test; }                       # s20
server { listen 8084 default; server_name second.test; }              # s21
server { listen 8085; server_name "~^API\."; }                        # s22
server { server_name implicit.test; }                                 # s23
server { listen unix:/run/x.sock; server_name sock.test; }            # s24
`

func serverIndex(m *Model, s *Server) int {
	for i, x := range m.Servers {
		if x == s {
			return i + 1
		}
	}
	return 0
}

func TestFindServer(t *testing.T) {
	m := buildConf(t, serversConf, Version{})
	tests := []struct {
		port int
		host string
		want int    // sN; 0 when no server listens on the port
		why  string // a substring of ServerMatch.Why
	}{
		{80, "example.com", 2, `exact server_name "example.com"`},
		{80, "EXAMPLE.COM", 2, "exact"},
		{80, "example.com:80", 2, "exact"},
		{80, "example.com.", 2, "exact"},
		{80, "Example.Com.:8080", 2, "exact"},
		{80, "www.example.com", 2, "exact"}, // exact beats *.example.com
		{80, "a.example.com", 3, `wildcard server_name "*.example.com"`},
		{80, "a.b.example.com", 3, "wildcard"},
		{80, "x.a.example.com", 8, `wildcard server_name "*.a.example.com"`}, // the longest wildcard
		{80, "a.example.com", 3, "wildcard"},                                 // *.a.example.com needs a subdomain
		{80, "example.org", 4, `wildcard server_name ".example.org"`},
		{80, "x.example.org", 4, "wildcard"},
		{80, "mail.example.net", 5, `wildcard server_name "mail.*"`},
		{80, "mail.example.com", 3, `"*.example.com"`}, // leading wildcards before trailing ones
		{80, "mixed.case.test", 5, `exact server_name "mixed.case.test"`},
		{80, "foo.regex.test", 6, `regex server_name "~^(?<sub>.+)\.regex\.test$"`}, // the first regex in order
		{80, "api.example.com", 3, "wildcard"},                                      // wildcards before regexes
		{80, "api.foo", 7, `regex server_name "~^api\."`},
		{80, "unknown.test", 1, "no server_name matches: the first server listening on port 80"},
		{80, "dup.test", 9, "exact"}, // nginx: conflicting server name "dup.test", ignored
		{80, "", 1, "no Host header: the first server listening on port 80"},
		{8080, "", 12, `no Host header: the empty server_name ""`},
		{8080, "nomatch", 11, "default_server for port 8080"},
		{8080, "other", 12, "exact"},
		{8080, "dflt", 11, "exact"},
		{8081, "", 14, "no Host header: the default_server for port 8081"},
		{8081, "zzz", 14, "default_server"},
		{8081, "a.test", 13, "exact"},
		{8082, "", 15, `the empty server_name ""`}, // no server_name is server_name ""
		{8082, "zzz", 15, "first server"},
		{8082, "named.test", 16, "exact"},
		{8083, "", 18, `the empty server_name ""`}, // not the first server; regexes not tried
		{8083, "zzz", 19, `regex server_name "~."`},
		{8083, "[::1]:8083", 19, "regex"},
		{8083, "named.test", 17, "exact"},
		{8084, "", 21, "default_server"}, // the old "default" parameter
		{8084, "zzz", 21, "default_server"},
		{8085, "api.x", 22, "regex"}, // server_name regexes are caseless
		{8085, "API.X", 22, "regex"},
		{80, "implicit.test", 23, "exact"}, // no listen: *:80
		{9999, "example.com", 0, ""},
		{0, "sock.test", 0, ""}, // unix sockets have no port
	}
	for _, tt := range tests {
		sm, ok := m.FindServer(tt.host, tt.port)
		got := 0
		if ok {
			got = serverIndex(m, sm.Server)
		}
		if got != tt.want || !strings.Contains(sm.Why, tt.why) {
			t.Errorf("FindServer(%q, %d) = s%d (%s); want s%d (%s)", tt.host, tt.port, got, sm.Why, tt.want, tt.why)
		}
		byDefault := strings.Contains(sm.Why, "first server") || strings.Contains(sm.Why, "default_server")
		if ok && (sm.Name == nil) != byDefault {
			t.Errorf("FindServer(%q, %d): Name %v with Why %q", tt.host, tt.port, sm.Name, sm.Why)
		}
	}
}

func TestDefaultServer(t *testing.T) {
	m := buildConf(t, serversConf, Version{})
	for port, want := range map[int]int{80: 1, 8080: 11, 8081: 14, 8082: 15, 8083: 17, 8084: 21, 8085: 22, 9999: 0} {
		s, ok := m.DefaultServer(port)
		got := 0
		if ok {
			got = serverIndex(m, s)
		}
		if got != want {
			t.Errorf("DefaultServer(%d) = s%d; want s%d", port, got, want)
		}
	}
}

// A server_name regex that RE2 cannot read (here a look-ahead) is PCRE in
// nginx: nginx 1.22.1 answered "foo.test" with the look-ahead server and
// "www.x.test" with the first one.
func TestFindServerPCRERegex(t *testing.T) {
	m := buildConf(t, `
server { listen 80; server_name _; }
server { listen 80; server_name "~^(?!www\.).+\.test$"; }
`, Version{})
	for host, want := range map[string]int{"foo.test": 2, "www.x.test": 1} {
		sm, _ := m.FindServer(host, 80)
		if got := serverIndex(m, sm.Server); got != want {
			t.Errorf("FindServer(%q, 80) = s%d (%s); want s%d", host, got, sm.Why, want)
		}
	}
}

// A Host with a leading dot passes nginx's ngx_http_validate_host and its
// empty first label still matches a "*.x" wildcard (ngx_hash_find_wc_head):
// nginx 1.22.1 answered Host ".example.com" with s3 (*.example.com) and
// ".a.example.com" with s8 (*.a.example.com) in serversConf.
func TestFindServerLeadingDotHost(t *testing.T) {
	m := buildConf(t, serversConf, Version{})
	for host, want := range map[string]int{".example.com": 3, ".a.example.com": 8, ".example.org": 4} {
		sm, _ := m.FindServer(host, 80)
		if got := serverIndex(m, sm.Server); got != want {
			t.Errorf("FindServer(%q, 80) = s%d (%s); want s%d", host, got, sm.Why, want)
		}
	}
}

func TestParseListen(t *testing.T) {
	m := buildConf(t, `server {
    listen 80;
    listen 127.0.0.1:8080 default_server ssl;
    listen [::1]:8443 ssl default;
    listen [::];
    listen unix:/run/nginx.sock;
    listen localhost;
    listen *:81;
    listen 0.0.0.0:82 reuseport;
    listen example.com:8000;
}`, Version{})
	want := []Listen{
		{Addr: "*", Port: 80},
		{Addr: "127.0.0.1", Port: 8080, Default: true},
		{Addr: "[::1]", Port: 8443, Default: true},
		{Addr: "[::]", Port: 80},
		{Addr: "unix:/run/nginx.sock", Port: 0, Unix: true},
		{Addr: "localhost", Port: 80},
		{Addr: "*", Port: 81},
		{Addr: "*", Port: 82},
		{Addr: "example.com", Port: 8000},
	}
	got := m.Servers[0].Listens
	if len(got) != len(want) {
		t.Fatalf("%d listens; want %d", len(got), len(want))
	}
	for i := range want {
		g := got[i]
		g.Dir = nil
		if g != want[i] {
			t.Errorf("listen %d (%s) = %+v; want %+v", i, got[i].Dir.Arg(0), g, want[i])
		}
	}
}

func TestServerNames(t *testing.T) {
	m := buildConf(t, `server { server_name Example.COM *.Wild.test .dot.test www.* ~^(?i)RE$ ""; }
server { }`, Version{})
	type name struct{ name, kind string }
	want := []name{
		{"example.com", "exact"}, {"*.wild.test", "leading"}, {".dot.test", "leading"},
		{"www.*", "trailing"}, {"^(?i)RE$", "regex"}, {"", "exact"},
	}
	var got []name
	for _, n := range m.Servers[0].Names {
		got = append(got, name{n.Name, n.Kind})
	}
	if len(got) != len(want) {
		t.Fatalf("names %v; want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("name %d = %+v; want %+v", i, got[i], want[i])
		}
	}
	// A server without server_name has the name "" (nginx since 0.8.48),
	// and an implicit listen *:80.
	s := m.Servers[1]
	if len(s.Names) != 1 || s.Names[0].Name != "" || s.Names[0].Kind != "exact" || s.Names[0].Dir != nil {
		t.Errorf("implicit server_name = %+v; want one exact \"\"", s.Names)
	}
	if len(s.Listens) != 1 || s.Listens[0] != (Listen{Addr: "*", Port: 80}) {
		t.Errorf("implicit listen = %+v; want *:80", s.Listens)
	}
}

func TestMatchWildcard(t *testing.T) {
	tests := []struct {
		name, host string
		ok         bool
		length     int
	}{
		{"*.example.com", "www.example.com", true, 12},
		{"*.example.com", "a.b.example.com", true, 12},
		{"*.example.com", "example.com", false, 12},
		{"*.example.com", "xexample.com", false, 12},
		{"*.example.com", "www.example.org", false, 12},
		{"*.a.example.com", "x.a.example.com", true, 14},
		{".example.com", "example.com", true, 12},
		{".example.com", "www.example.com", true, 12},
		{".example.com", "a.b.example.com", true, 12},
		{".example.com", "wwwexample.com", false, 12},
		{".example.com", "example.org", false, 12},
		{"www.example.*", "www.example.org", true, 12},
		{"www.example.*", "www.example.co.uk", true, 12},
		{"www.example.*", "www.example", false, 12},
		{"www.example.*", "www.example.", false, 12},
		{"www.example.*", "www.examples.org", false, 12},
		{"www.*", "www.x", true, 4},
		{"www.*", "wwwx.org", false, 4},
		{"example.com", "example.com", false, 0}, // not a wildcard
	}
	for _, tt := range tests {
		ok, n := matchWildcard(tt.name, tt.host)
		if ok != tt.ok || n != tt.length {
			t.Errorf("matchWildcard(%q, %q) = %v, %d; want %v, %d", tt.name, tt.host, ok, n, tt.ok, tt.length)
		}
	}
}

// merge_slashes is read with the configuration of the port's default
// server, before the Host header selects a server (the differential test's
// hand-normalise configuration, verified on 1.22.1).
func TestServerMergeSlashes(t *testing.T) {
	m := buildConf(t, `
server { listen 81; merge_slashes off; }
server { listen 81; server_name merge.test; }
server { listen 82; server_name first.test; }
server { listen 82; server_name off.test; merge_slashes off; }
server { listen 83; }
merge_slashes on;
`, Version{})
	for i, want := range []bool{false, false, true, true, true} {
		if got := m.Servers[i].MergeSlashes; got != want {
			t.Errorf("s%d MergeSlashes = %v; want %v", i+1, got, want)
		}
	}
	m = buildConf(t, "merge_slashes off; server { listen 80; }", Version{})
	if m.Servers[0].MergeSlashes {
		t.Errorf("http-level merge_slashes off: MergeSlashes = true; want false")
	}
}
