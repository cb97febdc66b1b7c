package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// wsConf is a configuration with a WebSocket finding (WS005, an error).
const wsConf = `http {
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://b;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_read_timeout 1h;
        }
    }
}
events {}
`

// runIn runs the CLI in dir and returns its exit code, stdout and stderr.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// A pull request can add a .nginx-wslint.toml that turns the gate off:
// --config none ignores it, and without it the output says what it relaxed.
func TestConfigNoneAndNote(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(wsConf), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, configName), []byte("fail-on = \"never\"\ndisable = [\"all\"]\n[severity]\nWS006 = \"note\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runIn(t, dir, "--quiet", "nginx.conf")
	if code != exitOK || out != "" {
		t.Errorf("with the file: exit %d, stdout %q", code, out)
	}
	want := "nginx-wslint: note: the configuration file " + filepath.Join(dir, configName) + ` sets fail-on = "never", disable = ["all"], severity "WS006" = "note" (to ignore it, as CI on pull requests should: --config none)` + "\n"
	if errOut != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errOut, want)
	}
	code, out, errOut = runIn(t, dir, "--quiet", "--config", "none", "nginx.conf")
	if code != exitFindings || !strings.Contains(out, "[WS005]") || errOut != "" {
		t.Errorf("--config none: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// The file found automatically must be a regular file: a symlink to
// /dev/zero must not hang, and one to a credentials file must not be
// quoted.
func TestConfigNotRegular(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(wsConf), 0o644); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(t.TempDir(), "credentials")
	if err := os.WriteFile(secret, []byte("aws_secret = CANARY-cfg-1 x\n[[[\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, configName)
	for _, target := range []string{"/dev/zero", secret} {
		os.Remove(cfg)
		if err := os.Symlink(target, cfg); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runIn(t, dir, "nginx.conf")
		want := "nginx-wslint: " + cfg + " is not a regular file (a symlink), so it is not read; remove it, or give --config FILE or --config none\n"
		if code != exitError || out != "" || errOut != want {
			t.Errorf("symlink to %s: exit %d, stdout %q, stderr %q, want %q", target, code, out, errOut, want)
		}
	}
	// Named with --config, a FIFO is refused without being opened (it
	// would block), and a device too.
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	for _, c := range []struct{ file, kind string }{{fifo, "a FIFO"}, {"/dev/zero", "a device"}} {
		code, _, errOut := runIn(t, dir, "--config", c.file, "nginx.conf")
		want := "nginx-wslint: " + c.file + " is " + c.kind + ", not a configuration file\n"
		if code != exitError || errOut != want {
			t.Errorf("--config %s: exit %d, stderr %q, want %q", c.file, code, errOut, want)
		}
	}
	// Too large (sparse: costs nothing to make).
	big := filepath.Join(dir, "big.toml")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(1 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()
	code, _, errOut := runIn(t, dir, "--config", big, "nginx.conf")
	if want := "nginx-wslint: " + big + " is 1073741824 bytes, more than the 1048576 a configuration file may have\n"; code != exitError || errOut != want {
		t.Errorf("big: exit %d, stderr %q, want %q", code, errOut, want)
	}
}

// A TOML error is on one line however the file is written: no line break
// or escape sequence from the file reaches a CI log.
func TestConfigErrorEscaped(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(wsConf), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, configName), []byte("\"a\n::add-mask::x\x1b]0;T\x07\" = 1\nk\x1b[2J = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runIn(t, dir, "nginx.conf")
	if code != exitError || strings.Count(errOut, "\n") != 1 || strings.ContainsAny(errOut, "\x1b\x07") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// A file name met in a directory walk is escaped in a message on standard
// error too: CI logs show it.
func TestStderrEscaped(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := runIn(t, dir, "no\n::add-mask::x\x1b[2J.conf")
	if code != exitError || strings.Count(errOut, "\n") != 1 || strings.Contains(errOut, "\x1b") || !strings.Contains(errOut, `no\x0a::add-mask::x\x1b[2J.conf`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
