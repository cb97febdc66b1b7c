package lsp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNeovim runs a real editor against the built binary: Neovim, headless,
// with a scripted session (testdata/nvim_session.lua) as a user would set
// it up. It needs nvim on PATH and is skipped without it, in CI too: the
// in-process sessions are the tests CI relies on.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		t.Skip("nvim is not installed (apt-get install neovim)")
	}
	if testing.Short() {
		t.Skip("builds the binary and starts an editor")
	}
	ws := copyTree(t, "testdata/workspace")
	bin := filepath.Join(t.TempDir(), "nginx-wslint")
	build := exec.Command("go", "build", "-o", bin, "github.com/nginx-wslint/nginx-wslint/cmd/nginx-wslint")
	if b, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, b)
	}
	script, err := filepath.Abs("testdata/nvim_session.lua")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.txt")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nvim, "--headless", "--clean", "-c", "luafile "+script)
	cmd.Env = append(os.Environ(), "WS="+ws, "BIN="+bin, "OUT="+out, "HOME="+t.TempDir(), "XDG_STATE_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
	cmd.Dir = ws
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nvim: %v\n%s", err, b)
	}
	got := readFile(t, out)
	want := `diagnostic 10:5 severity=1 WS002
diagnostic 10:5 severity=1 WS003
hover **location /ws/** in server "chat.example.com" (conf.d/chat.conf:1), listen 80
action Fix WS002: add ` + "`proxy_set_header Upgrade $http_upgrade;`" + ` to this location
action Suppress WS002 here with a reason (type it after "--")
action Fix WS003: add ` + "`proxy_set_header Connection $connection_upgrade;`" + `
action Suppress WS003 here with a reason (type it after "--")
definition nginx.conf:7:14
after edit: no diagnostics
modified true
stopped
`
	if got != want {
		t.Errorf("the Neovim session wrote:\n%s\nwant:\n%s", got, want)
	}
	if b := readFile(t, filepath.Join(ws, "conf.d", "chat.conf")); strings.Contains(b, "Connection $connection_upgrade") {
		t.Error("the unsaved edit reached the disk")
	}
}
