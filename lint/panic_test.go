package lint_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// panicConf has a WebSocket location the real rules report (WS002, WS003)
// and a location /boom/ that the test rule below crashes on.
const panicConf = `events {}
http {
    server {
        listen 80;
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_read_timeout 1h;
        }
        location /boom/ {
            proxy_pass http://127.0.0.1:8081;
        }
    }
}
`

// crashLine is the line of crashingRule's panic, for the expected message.
var crashLine int

// crashingRule indexes an empty slice when it meets the location /boom/: a
// bug of the kind a rule can have.
var crashingRule = &rules.Rule{ID: "WS990", Name: "test-crash", Severity: rules.Error, Check: func(p *rules.Pass) {
	for _, loc := range p.ProxiedLocations() {
		var none []int
		_, _, crashLine, _ = runtime.Caller(0)
		if loc.Name == "/boom/" {
			_ = none[len(loc.Name)] // crashLine + 2
		}
	}
}}

// panickingRule panics at once, before looking at any location.
var panickingRule = &rules.Rule{ID: "WS991", Name: "test-panic", Severity: rules.Warning, Check: func(*rules.Pass) {
	panic("the test rule gives up")
}}

// A rule that panics becomes an internal error naming the rule, the
// location it was checking (its file:line:col), what it panicked with and
// where; the other rules' findings are all there.
func TestRulePanicIsAnInternalError(t *testing.T) {
	sel := append(append([]*rules.Rule{}, rules.All...), crashingRule, panickingRule)
	res := run(t, lint.Options{Rules: sel}, lint.Buffer("app.conf", panicConf))
	want := "app.conf:1:1: error: WS991\n" +
		"app.conf:5:9: error: WS002\n" +
		"app.conf:5:9: error: WS003\n" +
		"app.conf:10:9: error: WS990\n"
	if got := lines(res); got != want {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
	}
	var internal []lint.Diagnostic
	for _, d := range res.Diagnostics {
		if d.Kind == lint.InternalError {
			internal = append(internal, d)
		} else if d.Kind != lint.Finding {
			t.Errorf("unexpected %v: %s", d.Kind, d.Message)
		}
	}
	if len(internal) != 2 {
		t.Fatalf("%d internal errors, want 2", len(internal))
	}
	crash := fmt.Sprintf(`internal error: rule WS990 (test-crash) crashed while checking location "/boom/": `+
		`runtime error: index out of range [6] with length 0 [lint_test.init.func1 (panic_test.go:%d)]; `+
		`its findings on this configuration are missing; the other rules' are complete`, crashLine+2)
	if d := internal[1]; d.Message != crash || d.Rule != crashingRule {
		t.Errorf("message:\n%s\nwant:\n%s", d.Message, crash)
	}
	if d := internal[1]; d.Fix != "report this nginx-wslint bug with the configuration at https://github.com/nginx-wslint/nginx-wslint/issues; --disable WS990 skips the rule meanwhile" {
		t.Errorf("fix: %s", d.Fix)
	}
	if d := internal[0]; !strings.HasPrefix(d.Message, `internal error: rule WS991 (test-panic) crashed: the test rule gives up [lint_test.init.func2 (panic_test.go:`) ||
		!strings.HasSuffix(d.Message, "; its findings on this configuration are missing; the other rules' are complete") || d.Severity != rules.Error {
		t.Errorf("message: %s (%v)", d.Message, d.Severity)
	}
	if !res.Has(rules.Error, lint.InternalError) || len(res.Errors()) != 2 || len(res.Findings()) != 2 {
		t.Errorf("errors %d, findings %d", len(res.Errors()), len(res.Findings()))
	}
}
