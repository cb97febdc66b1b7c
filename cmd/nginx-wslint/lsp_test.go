package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// frames writes LSP messages with their Content-Length headers.
func frames(msgs ...string) *bytes.Reader {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(m), m)
	}
	return bytes.NewReader([]byte(b.String()))
}

// "nginx-wslint lsp" serves a session on standard input and output and
// exits 0 after shutdown and exit, 1 after exit alone (as LSP asks).
func TestLSPCommand(t *testing.T) {
	t.Chdir(t.TempDir()) // no .nginx-wslint.toml above
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}`
	var stdout, stderr bytes.Buffer
	code := run([]string{"lsp", "--nginx-version", "1.24.0", "--disable", "WS006"}, frames(
		initialize,
		`{"jsonrpc":"2.0","method":"initialized","params":{}}`,
		`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	), &stdout, &stderr)
	if code != exitOK || stderr.Len() != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{`"id":1,"result":{"capabilities":`, `"serverInfo":{"name":"nginx-wslint"`, `"id":2,"result":null`} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout lacks %s:\n%s", want, out)
		}
	}

	stdout.Reset()
	stderr.Reset()
	code = run([]string{"lsp"}, frames(initialize, `{"jsonrpc":"2.0","method":"exit"}`), &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), `the client sent "exit" without "shutdown"`) {
		t.Errorf("exit without shutdown: %d, %q", code, stderr.String())
	}

	for _, c := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"lsp", "x.conf"}, exitError, `lsp takes no arguments, only flags ("x.conf")`},
		{[]string{"lsp", "--format", "json"}, exitError, "unknown flag: --format"},
		{[]string{"lsp", "--nginx-version", "x"}, exitError, "invalid value for --nginx-version"},
		{[]string{"lsp", "--help"}, exitOK, ""},
	} {
		stdout.Reset()
		stderr.Reset()
		if got := run(c.args, frames(), &stdout, &stderr); got != c.code || !strings.Contains(stderr.String(), c.err) {
			t.Errorf("%q: exit %d, stderr %q; want %d, %q", c.args, got, stderr.String(), c.code, c.err)
		}
	}
	if !strings.HasPrefix(stdout.String(), "Usage: nginx-wslint lsp [flags]") {
		t.Errorf("--help: %q", stdout.String())
	}
}
