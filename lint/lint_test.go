package lint_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

const chat = "../testdata/examples/chat"

func run(t *testing.T, opts lint.Options, in ...lint.Input) *lint.Result {
	t.Helper()
	res, err := lint.Run(context.Background(), in, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// lines renders diagnostics as "file:line:col: severity: RULE kind", enough
// to compare what a user sees without the long messages.
func lines(res *lint.Result) string {
	var b strings.Builder
	for _, d := range res.Diagnostics {
		b.WriteString(d.Start.String() + ": " + d.Severity.String() + ": " + d.RuleID())
		if d.Suppressed != nil {
			b.WriteString(" (suppressed)")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// A directory: its entry file with its includes, findings sorted, each
// rule's finding with its exact place and message.
func TestRunDirectory(t *testing.T) {
	res := run(t, lint.Options{}, lint.File(chat))
	want := chat + "/conf.d/chat.conf:15:5: error: WS002\n" + chat + "/conf.d/chat.conf:15:5: error: WS003\n"
	if got := lines(res); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	if len(res.Configs) != 1 || res.Configs[0].Main.Path != chat+"/nginx.conf" {
		t.Errorf("configs: %v", res.Configs)
	}
	d := res.Diagnostics[0]
	if !strings.HasPrefix(d.Message, `location "/ws/" passes a WebSocket`) || !strings.Contains(d.Message, chat+"/snippets/websocket.conf:2:1") {
		t.Errorf("message: %s", d.Message)
	}
	if d.Kind != lint.Finding || d.Rule != rules.WS002 || d.Fix == "" {
		t.Errorf("kind %v rule %v fix %q", d.Kind, d.Rule, d.Fix)
	}
	if len(res.Rules) != len(rules.All) {
		t.Errorf("%d rules ran, want all %d", len(res.Rules), len(rules.All))
	}
}

// The same file through two inputs reports each finding once.
func TestRunDeduplicates(t *testing.T) {
	once := lines(run(t, lint.Options{}, lint.File(chat)))
	twice := lines(run(t, lint.Options{}, lint.File(chat), lint.File(chat+"/nginx.conf")))
	if once != twice {
		t.Errorf("read twice:\n%s\nonce:\n%s", twice, once)
	}
}

// An editor's unsaved buffer is linted in its on-disk context: its
// includes are read from the disk, its findings point at its name.
func TestRunBuffer(t *testing.T) {
	name := chat + "/conf.d/chat.conf"
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(string(src), "        proxy_set_header X-Real-IP $remote_addr;\n", "", 1)
	opts := lint.Options{Prefix: chat}
	if got := lines(run(t, opts, lint.Buffer(name, fixed))); got != "" {
		t.Errorf("the fixed buffer still reports:\n%s", got)
	}
	want := name + ":15:5: error: WS002\n" + name + ":15:5: error: WS003\n"
	if got := lines(run(t, opts, lint.Buffer(name, string(src)))); got != want {
		t.Errorf("the buffer as saved:\n%s\nwant:\n%s", got, want)
	}
}

// An nginx -T dump in a buffer is one configuration with its files' paths.
func TestRunDump(t *testing.T) {
	src, err := os.ReadFile("../testdata/rules/WS002/missing.dump")
	if err != nil {
		t.Fatal(err)
	}
	res := run(t, lint.Options{}, lint.Buffer("<stdin>", string(src)))
	if len(res.Configs) != 1 || res.Configs[0].Main.Path != "/etc/nginx/nginx.conf" {
		t.Fatalf("configs: %v", res.Configs)
	}
	if got := lines(res); !strings.HasPrefix(got, "/etc/nginx/conf.d/chat.conf:3:5: error: WS002\n") {
		t.Errorf("diagnostics:\n%s", got)
	}
}

// Suppressions, per-rule severities and the rule selection apply once, in
// the engine; configuration errors and unreadable files are diagnostics of
// the same type, in the same order.
func TestRunOptionsAndErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p := write("app.conf", "events {}\nhttp { server { location /ws/ {  # nginx-wslint-ignore WS005 -- the backend speaks HTTP/1.0\n"+
		"    proxy_pass http://b;\n"+
		"    proxy_set_header Upgrade $http_upgrade;\n"+
		"    proxy_set_header Connection \"upgrade\";\n"+
		"} } }\n")
	all := run(t, lint.Options{}, lint.File(p))
	// WS006 is a note: the application's heartbeat is unknown.
	want := p + ":2:17: error: WS005 (suppressed)\n" + p + ":2:17: note: WS006\n"
	if got := lines(all); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	sev := run(t, lint.Options{Severity: map[*rules.Rule]lint.Severity{rules.WS006: rules.Error}}, lint.File(p))
	if got, want := lines(sev), p+":2:17: error: WS005 (suppressed)\n"+p+":2:17: error: WS006\n"; got != want {
		t.Errorf("with WS006 as an error:\n%s\nwant:\n%s", got, want)
	}
	if none := run(t, lint.Options{Rules: []*rules.Rule{}}, lint.File(p)); len(none.Diagnostics) != 0 {
		t.Errorf("no rules, yet:\n%s", lines(none))
	}

	broken := write("broken.conf", "events {}\nhttp {\n")
	if err := os.Symlink(filepath.Join(dir, "nowhere.conf"), filepath.Join(dir, "dangling.conf")); err != nil {
		t.Fatal(err)
	}
	res := run(t, lint.Options{Rules: []*rules.Rule{}}, lint.File(dir))
	got := lines(res)
	want = broken + ":3:1: error: \n" + filepath.Join(dir, "dangling.conf") + ":1:1: error: \n"
	if got != want {
		t.Errorf("errors:\n%s\nwant:\n%s", got, want)
	}
	for _, d := range res.Errors() {
		if d.Kind == lint.ReadError && d.Message != "cannot read the file: no such file or directory" {
			t.Errorf("read error: %q", d.Message)
		}
		if d.Kind == lint.ConfigError && d.Message != "unexpected end of file, expecting \"}\"" {
			t.Errorf("configuration error: %q", d.Message)
		}
	}
	if !res.Has(rules.Error, lint.ConfigError) || res.Has(rules.Note, lint.Finding) {
		t.Error("Has: wrong answer")
	}
}

// Inputs that cannot be used at all are errors of the run.
func TestRunInputErrors(t *testing.T) {
	for in, want := range map[string]string{
		"missing.conf": "cannot read missing.conf: no such file or directory",
		"../lint":      "../lint: no *.conf or nginx.conf files in this directory",
	} {
		_, err := lint.Run(context.Background(), []lint.Input{lint.File(in)}, lint.Options{})
		if err == nil || err.Error() != want {
			t.Errorf("%s: error %v, want %q", in, err, want)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := lint.Run(ctx, []lint.Input{lint.File(chat)}, lint.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: error %v", err)
	}
}
