package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Confinement in the editor (issue 13): a configuration is confined to the
// workspace folder holding its main file, as the command line is to --root;
// a file opened outside every workspace folder is read as the command line
// reads it without --root, quoting nothing of a file outside the linted
// tree. The outside files hold a canary, and FIFOs that record whether
// anything opened them.

const canary = "CANARY-lsp-5d1e"

// fifoTrap is a FIFO that records whether anything opened it for reading.
// A writer waits for a reader in the background, so a reader never blocks:
// a bug fails the test instead of hanging it.
type fifoTrap struct {
	path   string
	opened chan struct{}
	done   chan struct{}
}

func newFIFOTrap(t *testing.T, path string) *fifoTrap {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	f := &fifoTrap{path: path, opened: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(f.done)
		w, err := os.OpenFile(path, os.O_WRONLY, 0) // waits for a reader
		if err != nil {
			return
		}
		close(f.opened)
		fmt.Fprintf(w, "%s 1;\n", canary)
		w.Close()
	}()
	t.Cleanup(func() { f.wasOpened() })
	return f
}

// wasOpened reports whether a reader opened the FIFO, and releases the
// waiting writer.
func (f *fifoTrap) wasOpened() bool {
	select {
	case <-f.opened:
		<-f.done
		return true
	default:
	}
	r, err := os.OpenFile(f.path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err == nil {
		select {
		case <-f.done:
		case <-time.After(10 * time.Second):
		}
		r.Close()
	}
	return false
}

// attackTree builds dir/ws, the workspace, and dir/out beside it with a
// canary file and FIFO traps, and every kind of path from ws to out.
func attackTree(t *testing.T) (dir string, traps []*fifoTrap) {
	t.Helper()
	dir = t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	out := filepath.Join(dir, "out")
	writeTo(t, filepath.Join(out, "secret.conf"), canary+" 1;\n")
	traps = append(traps,
		newFIFOTrap(t, filepath.Join(out, "fifo.conf")),
		newFIFOTrap(t, filepath.Join(dir, "ws", "fifo.conf")))
	for link, target := range map[string]string{
		"ws/linkfile.conf": "../out/secret.conf",
		"ws/linkfifo.conf": "../out/fifo.conf",
		"ws/linkdir":       "../out",
		"ws/abslink.conf":  out + "/secret.conf",
		"ws/absfifo.conf":  out + "/fifo.conf",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	return dir, traps
}

// lines renders diagnostics as the user reads them: line:col (1-based),
// severity, message.
func lines(ds []Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%d:%d %d %s\n", d.Range.Start.Line+1, d.Range.Start.Character+1, d.Severity, d.Message)
	}
	return b.String()
}

// checkNothingOutside fails the test when the canary reached the client or
// a trap was opened.
func checkNothingOutside(t *testing.T, c *client, traps []*fifoTrap) {
	t.Helper()
	if strings.Contains(string(c.log), canary) {
		t.Errorf("outside content reached the client:\n%s", c.log)
	}
	for _, trap := range traps {
		if trap.wasOpened() {
			t.Errorf("%s was opened", trap.path)
		}
	}
}

func TestSessionConfinedToWorkspace(t *testing.T) {
	dir, traps := attackTree(t)
	ws, out := filepath.Join(dir, "ws"), filepath.Join(dir, "out")
	writeTo(t, filepath.Join(ws, "sites", "a.conf"), "server {\n    listen 80;\n    include ../out/secret.conf;\n}\n")
	main := filepath.Join(ws, "nginx.conf")
	text := `events {}
http {
    include /../..` + out + `/secret.conf;
    include ../out/secret.conf;
    include linkfile.conf;
    include linkfifo.conf;
    include linkdir/secret.conf;
    include abslink.conf;
    include absfifo.conf;
    include /../..` + out + `/*;
    include linkdir/*;
    include /../../etc/*;
    include /proc/self/pagemap;
    include fifo.conf;
    include sites/*.conf;
}
`
	writeTo(t, main, text)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	c := startClient(t, Options{})
	c.initialize(ws, nil)
	uri := c.open(main, text)
	ds := c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	refused := " (only files inside the workspace folder are read)"
	skipped := "what it would set is unknown, so the WebSocket checks it could change are skipped"
	want := `3:5 2 open() "/../..` + out + `/secret.conf" failed (2: No such file or directory) (looked for it at ` + ws + `/secret.conf; ` + skipped + `)
4:5 2 include refused: "` + ws + `/../out/secret.conf" lies outside the workspace folder ` + ws + `, and is not read` + refused + `
5:5 2 include refused: "` + ws + `/linkfile.conf" leads outside the workspace folder ` + ws + ` through the symlink ` + ws + `/linkfile.conf, and is not read` + refused + `
6:5 2 include refused: "` + ws + `/linkfifo.conf" leads outside the workspace folder ` + ws + ` through the symlink ` + ws + `/linkfifo.conf, and is not read` + refused + `
7:5 2 include refused: "` + ws + `/linkdir/secret.conf" leads outside the workspace folder ` + ws + ` through the symlink ` + ws + `/linkdir, and is not read` + refused + `
8:5 2 open() "` + ws + `/abslink.conf" failed (2: No such file or directory) (` + skipped + `)
11:5 2 include refused: the glob "` + ws + `/linkdir/*" leads outside the workspace folder ` + ws + ` through the symlink ` + ws + `/linkdir, and is not read
13:5 2 open() "/proc/self/pagemap" failed (2: No such file or directory) (looked for it at ` + ws + `/pagemap; ` + skipped + `)
`
	if got := lines(ds); got != want {
		t.Errorf("diagnostics of nginx.conf:\n%s\nwant:\n%s", got, want)
	}
	first := want
	// An included file's own include is refused on its line.
	site := pathToURI(filepath.Join(ws, "sites", "a.conf"))
	ds = c.waitDiags(site, func(ds []Diagnostic) bool { return len(ds) > 0 })
	want = `3:5 2 include refused: "` + ws + `/../out/secret.conf" lies outside the workspace folder ` + ws + `, and is not read` + refused + "\n"
	if got := lines(ds); got != want {
		t.Errorf("diagnostics of sites/a.conf:\n%s\nwant:\n%s", got, want)
	}
	// The unsaved buffer of a file outside, open in the editor, is not
	// shown through abslink.conf, whose real path it is (the root maps the
	// symlink's absolute target inside the workspace instead).
	outURI := c.open(filepath.Join(out, "secret.conf"), "BUFFER-MARK 1;\n")
	c.change(uri, 2, Position{Line: 16, Character: 0}, Position{Line: 16, Character: 0}, "# edited\n")
	ds = c.waitDiags(uri, func(ds []Diagnostic) bool { return c.latest[uri].Version != nil && *c.latest[uri].Version == 2 })
	if got := lines(ds); got != first {
		t.Errorf("diagnostics of nginx.conf after the edit:\n%s\nwant:\n%s", got, first)
	}
	c.shutdown()
	for u, p := range c.latest {
		if u != outURI && strings.Contains(mustJSON(p), "BUFFER-MARK") {
			t.Errorf("the buffer of a file outside the workspace reached %s:\n%s", u, lines(p.Diagnostics))
		}
		if path, err := uriToPath(u); err == nil && u != outURI && strings.HasPrefix(path, out) {
			t.Errorf("diagnostics published for %s, outside the workspace", u)
		}
	}
	checkNothingOutside(t, c, traps)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 64<<20 {
		t.Errorf("the session allocated %d MB", grown>>20)
	}
}

// With several workspace folders, a configuration is confined to the one
// holding its main file, and the nearest nginx.conf is not looked for above
// it (here one outside would set proxy_http_version 1.1: WS005 would go).
func TestSessionConfinedToItsFolder(t *testing.T) {
	dir, traps := attackTree(t)
	ws, other := filepath.Join(dir, "ws"), filepath.Join(dir, "other")
	writeTo(t, filepath.Join(dir, "nginx.conf"), "events {}\nhttp {\n    proxy_http_version 1.1;\n    include ws/sites/*.conf;\n}\n")
	writeTo(t, filepath.Join(other, "shared.conf"), canary+" 1;\n")
	site := filepath.Join(ws, "sites", "chat.conf")
	text := "location /ws/ {\n    proxy_pass http://127.0.0.1:8080;\n}\n"
	writeTo(t, site, text)
	c := startClient(t, Options{})
	var res map[string]any
	c.mustCall("initialize", map[string]any{"capabilities": map[string]any{}, "workspaceFolders": []map[string]string{
		{"uri": pathToURI(other), "name": "other"},
		{"uri": pathToURI(ws), "name": "ws"},
	}}, &res)
	c.notify("initialized", map[string]any{})
	uri := c.open(site, text)
	ds := c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	if got := codes(ds); got != "WS002,WS003,WS005,WS006" {
		t.Errorf("codes %s, want WS002,WS003,WS005,WS006 (alone):\n%s", got, lines(ds))
	}
	// Relative includes resolve against the file's own directory, and one
	// into the other workspace folder is refused.
	b := filepath.Join(ws, "sites", "b.conf")
	text = "location / {\n    include ../../other/shared.conf;\n}\n"
	uri = c.open(b, text)
	ds = c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	want := `2:5 2 include refused: "` + ws + `/sites/../../other/shared.conf" lies outside the workspace folder ` + ws + `, and is not read (only files inside the workspace folder are read)` + "\n"
	if got := lines(ds); got != want {
		t.Errorf("diagnostics of b.conf:\n%s\nwant:\n%s", got, want)
	}
	c.shutdown()
	// A main file named by initializationOptions.entry resolves relative
	// includes against its own directory, not an nginx.conf's above it.
	mainConf := filepath.Join(ws, "main.conf")
	text = "events {}\nhttp {\n    include sites/missing.conf;\n}\n"
	writeTo(t, mainConf, text)
	c = startClient(t, Options{})
	c.initialize(ws, map[string]string{"entry": "main.conf"})
	uri = c.open(mainConf, text)
	ds = c.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	want = `3:5 2 open() "` + ws + `/sites/missing.conf" failed (2: No such file or directory) (what it would set is unknown, so the WebSocket checks it could change are skipped)` + "\n"
	if got := lines(ds); got != want {
		t.Errorf("diagnostics of main.conf:\n%s\nwant:\n%s", got, want)
	}
	c.shutdown()
	checkNothingOutside(t, c, traps)
}

// A file opened outside every workspace folder follows the command line's
// rules without --root: includes are read as nginx reads them, a FIFO or
// /proc file is empty and never opened, and nothing of a file outside the
// linted tree (the conf prefix) is quoted.
func TestSessionOutsideWorkspace(t *testing.T) {
	dir, traps := attackTree(t)
	out := filepath.Join(dir, "out")
	etc := filepath.Join(dir, "etc")
	main := filepath.Join(etc, "nginx.conf")
	text := "events {}\nhttp {\n    include " + out + "/secret.conf;\n    include " + out + "/fifo.conf;\n    include /proc/self/pagemap;\n}\n"
	writeTo(t, main, text)
	c := startClient(t, Options{})
	c.initialize(filepath.Join(dir, "ws"), nil)
	uri := c.open(main, text)
	c.waitDiags(uri, func(ds []Diagnostic) bool { return true })
	secret := pathToURI(filepath.Join(out, "secret.conf"))
	ds := c.waitDiags(secret, func(ds []Diagnostic) bool { return len(ds) > 0 })
	want := "1:1 1 nginx would report an error here (not quoted: the file lies outside the linted tree)\n"
	if got := lines(ds); got != want {
		t.Errorf("diagnostics of the outside file:\n%s\nwant:\n%s", got, want)
	}
	c.shutdown()
	checkNothingOutside(t, c, traps)
}

// buildBinary builds nginx-wslint for tests that run it as an editor does.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "nginx-wslint")
	build := exec.Command("go", "build", "-o", bin, "github.com/nginx-wslint/nginx-wslint/cmd/nginx-wslint")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	return bin
}

// startProcess runs "nginx-wslint lsp" in dir and talks to it on its
// standard input and output, as an editor does.
func startProcess(t *testing.T, bin, dir string, stderr io.Writer) *client {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*waitTimeout)
	cmd := exec.CommandContext(ctx, bin, "lsp")
	cmd.Dir = dir
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	outp, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	c := &client{
		t: t, out: in, conn: newConn(outp, in), msgs: make(chan []byte, 1024),
		latest: map[string]PublishDiagnosticsParams{}, publishes: map[string]int{}, done: make(chan error, 1),
	}
	go func() {
		defer close(c.msgs)
		for {
			body, err := c.conn.read()
			if err != nil {
				c.done <- cmd.Wait()
				return
			}
			c.msgs <- body
		}
	}()
	t.Cleanup(func() {
		cancel()
		if !c.exited {
			_ = in.Close()
		}
	})
	return c
}

// The .nginx-wslint.toml the server reads from its working directory (the
// workspace, as editors start it) follows the command line's rules: a
// symlink or a FIFO is refused unopened, quickly, quoting nothing. The
// session then runs without it and says so in the editor
// (window/showMessage) and on stderr. A root it sets may narrow the
// workspace folder, never widen it.
func TestProcessWorkspaceConfig(t *testing.T) {
	dir, traps := attackTree(t)
	ws, out := filepath.Join(dir, "ws"), filepath.Join(dir, "out")
	writeTo(t, filepath.Join(out, "secret.toml"), "disable = [\""+canary+"\"]\n")
	bin := buildBinary(t)
	toml := filepath.Join(ws, ".nginx-wslint.toml")
	refused := "nginx-wslint: the configuration file is ignored: " + toml + " is not a regular file (%s), so it is not read; remove it, or give --config FILE or --config none"
	for _, c := range []struct{ link, kind string }{
		{"/dev/zero", "a symlink"},
		{"../out/secret.toml", "a symlink"},
		{"../out/fifo.conf", "a symlink"},
		{"", "a FIFO"},
	} {
		_ = os.Remove(toml)
		if c.link != "" {
			if err := os.Symlink(c.link, toml); err != nil {
				t.Fatal(err)
			}
		}
		var trap *fifoTrap
		if c.link == "" {
			trap = newFIFOTrap(t, toml)
		}
		var stderr strings.Builder
		start := time.Now()
		cl := startProcess(t, bin, ws, &stderr)
		cl.initialize(ws, nil)
		want := fmt.Sprintf(refused, c.kind)
		for {
			m := cl.next()
			if m.Method != "window/showMessage" {
				continue
			}
			var p ShowMessageParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				t.Fatal(err)
			}
			if p.Type != messageWarning || p.Message != want {
				t.Errorf("%s: showMessage %d %q, want %d %q", c.link, p.Type, p.Message, messageWarning, want)
			}
			break
		}
		cl.shutdown()
		if stderr.String() != want+"\n" {
			t.Errorf("%s: stderr %q, want %q", c.link, stderr.String(), want+"\n")
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: %v to refuse", c.link, d)
		}
		if trap != nil && trap.wasOpened() {
			t.Error("the FIFO .nginx-wslint.toml was opened")
		}
	}
	// A regular file with a value the flags would refuse: ignored too.
	_ = os.Remove(toml)
	writeTo(t, toml, "min-read-timeout = \"zz\"\n")
	{
		var stderr strings.Builder
		cl := startProcess(t, bin, ws, &stderr)
		cl.initialize(ws, nil)
		want := `nginx-wslint: the configuration file is ignored: invalid value "zz" for --min-read-timeout: an nginx time such as 60s, 5m or 1h30m`
		for {
			if m := cl.next(); m.Method == "window/showMessage" {
				var p ShowMessageParams
				if err := json.Unmarshal(m.Params, &p); err != nil || p.Message != want {
					t.Errorf("showMessage %s, want %q", m.Params, want)
				}
				break
			}
		}
		cl.shutdown()
		if stderr.String() != want+"\n" {
			t.Errorf("stderr %q, want %q", stderr.String(), want+"\n")
		}
	}
	// root = "/" in the workspace's file: the workspace folder still
	// confines its configuration.
	_ = os.Remove(toml)
	writeTo(t, toml, "root = \"/\"\n")
	main := filepath.Join(ws, "nginx.conf")
	text := "events {}\nhttp {\n    include " + out + "/secret.conf;\n    include ../out/secret.conf;\n}\n"
	writeTo(t, main, text)
	var stderr strings.Builder
	cl := startProcess(t, bin, ws, &stderr)
	cl.initialize(ws, nil)
	uri := cl.open(main, text)
	ds := cl.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	want := `3:5 2 open() "` + out + `/secret.conf" failed (2: No such file or directory) (looked for it at ` + ws + `/secret.conf; what it would set is unknown, so the WebSocket checks it could change are skipped)
4:5 2 include refused: "` + ws + `/../out/secret.conf" lies outside the workspace folder ` + ws + `, and is not read (only files inside the workspace folder are read)
`
	if got := lines(ds); got != want {
		t.Errorf("diagnostics with root = \"/\" in the workspace's .nginx-wslint.toml:\n%s\nwant:\n%s", got, want)
	}
	cl.shutdown()
	if stderr.Len() > 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	checkNothingOutside(t, cl, traps)
	// A root inside the folder narrows it.
	writeTo(t, toml, "root = \"sites\"\n")
	writeTo(t, filepath.Join(ws, "extra.conf"), "proxy_http_version 1.1;\n")
	site := filepath.Join(ws, "sites", "a.conf")
	text = "location / {\n    include ../extra.conf;\n}\n"
	writeTo(t, site, text)
	cl = startProcess(t, bin, ws, &stderr)
	cl.initialize(ws, nil)
	uri = cl.open(site, text)
	ds = cl.waitDiags(uri, func(ds []Diagnostic) bool { return len(ds) > 0 })
	want = `2:5 2 include refused: "` + ws + `/sites/../extra.conf" lies outside the .nginx-wslint.toml root ` + ws + `/sites, and is not read (only files inside the .nginx-wslint.toml root are read)` + "\n"
	if got := lines(ds); got != want {
		t.Errorf("diagnostics with root = \"sites\" in the workspace's .nginx-wslint.toml:\n%s\nwant:\n%s", got, want)
	}
	cl.shutdown()
}

// The root of each configuration, by where its main file lies.
func TestRootFor(t *testing.T) {
	for _, c := range []struct {
		roots            []string
		root, configRoot string
		file, want       string
	}{
		{[]string{"/w"}, "", "", "/w/x/nginx.conf", "/w"},
		{[]string{"/w", "/w/x"}, "", "", "/w/x/nginx.conf", "/w/x"},
		{[]string{"/w/x", "/w"}, "", "", "/w/x/nginx.conf", "/w/x"},
		{[]string{"/w"}, "", "", "/wx/nginx.conf", ""},
		{[]string{"/w"}, "", "", "/etc/nginx/nginx.conf", ""},
		{nil, "", "", "/etc/nginx/nginx.conf", ""},
		{[]string{"/"}, "", "", "/etc/nginx/nginx.conf", "/"},
		// --root or initializationOptions.root replaces the folder.
		{[]string{"/w"}, "/r", "", "/w/nginx.conf", "/r"},
		// A .nginx-wslint.toml's root narrows the folder, never widens it.
		{[]string{"/w"}, "", "/w/sub", "/w/sub/nginx.conf", "/w/sub"},
		{[]string{"/w"}, "", "/", "/w/nginx.conf", "/w"},
		{[]string{"/w"}, "", "/elsewhere", "/w/nginx.conf", "/w"},
		{[]string{"/w"}, "", "/c", "/etc/nginx.conf", "/c"},
	} {
		s := NewServer(Options{Root: c.root, ConfigRoot: c.configRoot})
		s.roots = c.roots
		if got := s.rootFor(c.file); got != c.want {
			t.Errorf("folders %v, root %q, config root %q: the root of %s is %q, want %q", c.roots, c.root, c.configRoot, c.file, got, c.want)
		}
	}
}
