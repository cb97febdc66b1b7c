package nginxtest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeTB records Fatal and Skip instead of ending the real test, so the
// harness's own failure paths can be tested. Everything else (Cleanup,
// Logf, TempDir, ...) goes to the embedded real test.
type fakeTB struct {
	testing.TB
	mu          sync.Mutex
	fatal, skip string
}

func (f *fakeTB) Helper() {}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.fatal = fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Fatal(args ...any) { f.Fatalf("%s", fmt.Sprint(args...)) }
func (f *fakeTB) FailNow()          { f.Fatalf("FailNow") }

func (f *fakeTB) Skipf(format string, args ...any) {
	f.mu.Lock()
	f.skip = fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Skip(args ...any) { f.Skipf("%s", fmt.Sprint(args...)) }
func (f *fakeTB) SkipNow()         { f.Skipf("SkipNow") }

// capture runs fn with a fakeTB in its own goroutine (Fatal and Skip end
// it with runtime.Goexit) and returns what was recorded.
func capture(t *testing.T, fn func(tb testing.TB)) (fatal, skip string) {
	t.Helper()
	ft := &fakeTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(ft)
	}()
	<-done
	ft.mu.Lock()
	defer ft.mu.Unlock()
	return ft.fatal, ft.skip
}

func TestParseMessages(t *testing.T) {
	out := strings.Join([]string{
		`2026/11/24 18:51:20 [emerg] 14964#14964: unexpected "d" in /path/nginx.conf:4`,
		`nginx: [emerg] unexpected "d" in /path/nginx.conf:4`,
		`nginx: [emerg] unknown "connection_upgrade" variable`,
		`nginx: configuration file /path/nginx.conf test failed`,
		`nginx: [warn] "proxy_pass" in location "/ in x" something in /p q/a.conf:12`,
		`2026/11/24 18:51:21 [error] 15#15: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1`,
		``,
	}, "\n")
	got := ParseMessages(out)
	want := []Message{
		{Level: "emerg", Text: `unexpected "d"`, File: "/path/nginx.conf", Line: 4},
		{Level: "emerg", Text: `unexpected "d"`, File: "/path/nginx.conf", Line: 4},
		{Level: "emerg", Text: `unknown "connection_upgrade" variable`},
		{Level: "warn", Text: `"proxy_pass" in location "/ in x" something`, File: "/p q/a.conf", Line: 12},
		{Level: "error", Text: `connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1`},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d messages, want %d: %q", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("message %d = %#v, want %#v", i, got[i], want[i])
		}
	}
	if m := want[0].String(); m != `[emerg] unexpected "d" in /path/nginx.conf:4` {
		t.Errorf("String() = %q", m)
	}
}

func TestFindBinary(t *testing.T) {
	notFound := func(string) (string, error) { return "", errors.New("not in PATH") }
	found := func(string) (string, error) { return "/opt/bin/nginx", nil }

	if got, err := findBinary(found, "/nonexistent"); err != nil || got != "/opt/bin/nginx" {
		t.Errorf("PATH hit: got %q, %v", got, err)
	}
	exe := filepath.Join(t.TempDir(), "nginx")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := findBinary(notFound, exe); err != nil || got != exe {
		t.Errorf("fallback: got %q, %v", got, err)
	}
	if _, err := findBinary(notFound, filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("no binary anywhere: want an error")
	}
}

func TestUnavailableSkipsOutsideCIAndFailsInCI(t *testing.T) {
	t.Setenv("CI", "")
	fatal, skip := capture(t, func(tb testing.TB) { unavailable(tb, "nginx not installed: %s", "x") })
	if fatal != "" || skip != "nginx not installed: x" {
		t.Errorf("CI unset: fatal=%q skip=%q, want a skip", fatal, skip)
	}
	t.Setenv("CI", "true")
	fatal, skip = capture(t, func(tb testing.TB) { unavailable(tb, "nginx not installed: %s", "x") })
	if skip != "" || !strings.HasPrefix(fatal, "nginx not installed: x") {
		t.Errorf("CI set: fatal=%q skip=%q, want a failure", fatal, skip)
	}
}

func TestMainConfBodyLine(t *testing.T) {
	p := &Prefix{Dir: "/p"}
	lines := strings.Split(p.MainConf("BODY"), "\n")
	if len(lines) < MainConfBodyLine || lines[MainConfBodyLine-1] != "BODY" {
		t.Fatalf("body is not on line %d:\n%s", MainConfBodyLine, p.MainConf("BODY"))
	}
}

func TestValidConfig(t *testing.T) {
	p := NewPrefix(t)
	res := p.Test(t, p.MainConf(fmt.Sprintf(`server {
    listen 127.0.0.1:%d;
    location / { return 200 "ok\n"; }
}`, FreePort(t))))
	if !res.OK || len(res.Messages) != 0 {
		t.Fatalf("want OK without messages, got OK=%v %v\n%s", res.OK, res.Messages, res.Output)
	}
	// nginx -t must have created the temp directories inside the prefix.
	for _, d := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		if _, err := os.Stat(p.Path("temp/" + d)); err != nil {
			t.Errorf("temp path %s not inside the prefix: %v", d, err)
		}
	}
}

func TestMapInServer(t *testing.T) {
	p := NewPrefix(t)
	res := p.Test(t, p.MainConf(`server {
    listen 127.0.0.1:8080;
    map $http_upgrade $connection_upgrade { default upgrade; }
}`))
	if res.OK {
		t.Fatalf("map inside server accepted:\n%s", res.Output)
	}
	want := Message{Level: "emerg", Text: `"map" directive is not allowed here`,
		File: p.Path("conf/nginx.conf"), Line: MainConfBodyLine + 2}
	if len(res.Messages) != 1 || res.Messages[0] != want {
		t.Fatalf("messages = %#v, want [%#v]\n%s", res.Messages, want, res.Output)
	}
}

func TestMessageWithoutLocation(t *testing.T) {
	p := NewPrefix(t)
	res := p.Test(t, p.MainConf(`server {
    listen 127.0.0.1:8080;
    location / { return 200 $connection_upgrade; }
}`))
	m, ok := res.Find(`unknown "connection_upgrade" variable`)
	if res.OK || !ok || m.File != "" || m.Line != 0 || m.Level != "emerg" {
		t.Fatalf("OK=%v message=%#v found=%v\n%s", res.OK, m, ok, res.Output)
	}
}

func TestPreambleInIncludedFileSatisfiesGuard(t *testing.T) {
	p := NewPrefix(t)
	p.WriteFile("conf/preamble.conf", p.Preamble(t))
	if res := p.Test(t, "include preamble.conf;\nevents {}\n"); !res.OK {
		t.Fatalf("not OK:\n%s", res.Output)
	}
}

func TestGuardRefusesUnconfinedConfig(t *testing.T) {
	p := NewPrefix(t)
	fatal, _ := capture(t, func(tb testing.TB) {
		p.Test(tb, "events {}\nhttp { server { listen 127.0.0.1:8080; } }\n")
	})
	for _, want := range []string{"refusing to run nginx", "pid", "lock_file", "proxy_temp_path", "access_log"} {
		if !strings.Contains(fatal, want) {
			t.Errorf("guard message %q lacks %q", fatal, want)
		}
	}
	// http settings present but only in a comment: still refused.
	fatal, _ = capture(t, func(tb testing.TB) {
		p.Test(tb, p.Preamble(tb)+"events {}\nhttp {\n# proxy_temp_path temp/proxy;\n}\n")
	})
	if !strings.Contains(fatal, "proxy_temp_path") {
		t.Errorf("commented-out directive accepted: %q", fatal)
	}
}

func TestDumpTwoFiles(t *testing.T) {
	p := NewPrefix(t)
	a := p.WriteFile("conf/a.conf", fmt.Sprintf("server { listen 127.0.0.1:%d; return 204; }\n", FreePort(t)))
	dump, res := p.Dump(t, p.MainConf("include a.conf;"))
	if !res.OK {
		t.Fatalf("not OK:\n%s", res.Output)
	}
	for _, want := range []string{
		"# configuration file " + p.Path("conf/nginx.conf") + ":",
		"# configuration file " + a + ":",
		"return 204;",
	} {
		if !strings.Contains(dump, want) {
			t.Errorf("dump lacks %q:\n%s", want, dump)
		}
	}
	if strings.Contains(res.Output, "# configuration file") {
		t.Errorf("dump leaked into stderr:\n%s", res.Output)
	}
}

func TestStartProxyToEchoBackend(t *testing.T) {
	backend := EchoBackend(t)
	p := NewPrefix(t)
	addr := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	srv := p.Start(t, p.MainConf(fmt.Sprintf(`server {
    listen %s;
    location / { proxy_pass http://%s; }
}`, addr, backend)), addr)

	client := &http.Client{
		Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
		Timeout:   10 * time.Second,
	}
	resp, err := client.Get("http://" + addr + "/x")
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d:\n%s", resp.StatusCode, body)
	}
	lines := strings.Split(string(body), "\n")
	if lines[0] != "GET /x HTTP/1.0" {
		t.Errorf("request line %q, want nginx 1.22's default HTTP/1.0 to the upstream:\n%s", lines[0], body)
	}
	for _, want := range []string{"Connection: close", "Host: " + backend} {
		if !strings.Contains(string(body), "\n"+want+"\n") {
			t.Errorf("backend did not see %q:\n%s", want, body)
		}
	}

	srv.Stop()
	select {
	case <-srv.Exited():
	default:
		t.Fatal("Stop returned before nginx exited")
	}
	if groupAlive(srv.cmd) {
		t.Error("processes left in nginx's process group after Stop")
	}
	srv.Stop() // idempotent; the cleanup calls it again too
}

func TestLargeRequestBodyBufferedInsidePrefix(t *testing.T) {
	// A body larger than client_body_buffer_size (16k) is written to
	// client_body_temp_path by a worker. As root the workers run as
	// nobody, so this checks that they can reach the prefix's temp/ and
	// that nginx writes there and nowhere else.
	backend := EchoBackend(t)
	p := NewPrefix(t)
	addr := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	p.Start(t, p.MainConf(fmt.Sprintf(`server {
    listen %s;
    location / { proxy_pass http://%s; }
}`, addr, backend)), addr)
	client := &http.Client{
		Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
		Timeout:   10 * time.Second,
	}
	resp, err := client.Post("http://"+addr+"/upload", "application/octet-stream",
		strings.NewReader(strings.Repeat("x", 200000)))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), "\nContent-Length: 200000\n") {
		t.Fatalf("status %d:\n%s\nerror log:\n%s", resp.StatusCode, body, p.ErrorLog())
	}
	if log := p.ErrorLog(); !strings.Contains(log, "buffered to a temporary file "+p.Path("temp/client_body")) {
		t.Errorf("body not buffered under the prefix; error log:\n%s", log)
	}
}

func TestStartStreamModule(t *testing.T) {
	p := NewPrefix(t)
	addr := fmt.Sprintf("127.0.0.1:%d", FreePort(t))
	conf := p.Preamble(t, "stream") + fmt.Sprintf(`events {}
stream {
    server { listen %s; return "hello\n"; }
}
`, addr)
	if res := p.Test(t, conf); !res.OK {
		t.Fatalf("not OK:\n%s", res.Output)
	}
	p.Start(t, conf, addr)
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	got, err := io.ReadAll(c)
	if err != nil || string(got) != "hello\n" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestStartFailureIsReported(t *testing.T) {
	// Hold the port so that nginx's bind() fails; nginx retries for about
	// 2.5 s and exits, and Start must say so rather than hang or succeed.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	addr := l.Addr().String()
	p := NewPrefix(t)
	fatal, _ := capture(t, func(tb testing.TB) {
		p.Start(tb, p.MainConf("server { listen "+addr+"; }"), addr)
	})
	if !strings.Contains(fatal, "exited during startup") || !strings.Contains(fatal, "Address already in use") {
		t.Fatalf("Start failure message: %q", fatal)
	}
}

func TestEchoBackendShowsRawRequest(t *testing.T) {
	addr := EchoBackend(t)
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(5 * time.Second))
	_, err = io.WriteString(c, "GET /a%2Fb?x=1 HTTP/1.1\r\nHost: h\r\nConnection: Upgrade\r\n"+
		"Upgrade: websocket\r\nX-B: 1\r\nx-a: 2\r\nX-A: 3\r\n\r\n")
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	want := "GET /a%2Fb?x=1 HTTP/1.1\nConnection: Upgrade\nHost: h\nUpgrade: websocket\nX-A: 2\nX-A: 3\nX-B: 1\n"
	if resp.StatusCode != http.StatusOK || string(body) != want {
		t.Fatalf("status %d body:\n%s\nwant:\n%s", resp.StatusCode, body, want)
	}
}
