package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/lint"
	"github.com/nginx-wslint/nginx-wslint/rules"
)

// An internal error (a rule that crashed) is, in SARIF, a tool execution
// notification of level error naming the rule, at the place it was
// checking, and the invocation is not successful; the other rules' findings
// are results. The log validates.
func TestSARIFInternalError(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "app.conf")
	src := "events {}\nhttp { server { location /ws/ { proxy_pass http://b; proxy_read_timeout 1h; } } }\n"
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	crash := &rules.Rule{ID: "WS990", Name: "test-crash", Severity: rules.Note, Check: func(p *rules.Pass) {
		for _, w := range p.WebSocketLocations() {
			var none []string
			_ = none[len(w.Name)]
		}
	}}
	res, err := lint.Run(context.Background(), []lint.Input{lint.File(file)},
		lint.Options{Rules: append(append([]*rules.Rule{}, rules.All...), crash)})
	if err != nil {
		t.Fatal(err)
	}
	log := validateSARIF(t, sarifOf(t, res, dir))
	inv := get(t, log, "runs", 0, "invocations", 0)
	if get(t, inv, "executionSuccessful") != false {
		t.Error("executionSuccessful is not false")
	}
	notes := get(t, inv, "toolExecutionNotifications").([]any)
	if len(notes) != 1 {
		t.Fatalf("%d notifications, want 1", len(notes))
	}
	n := notes[0]
	for _, c := range []struct {
		path []any
		want any
	}{
		{[]any{"level"}, "error"},
		{[]any{"associatedRule", "id"}, "WS990"},
		{[]any{"locations", 0, "physicalLocation", "artifactLocation", "uri"}, "app.conf"},
		{[]any{"locations", 0, "physicalLocation", "region", "startLine"}, 2.0},
		{[]any{"locations", 0, "physicalLocation", "region", "startColumn"}, 17.0},
		{[]any{"message", "text"}, res.Errors()[0].Message},
	} {
		if got := get(t, n, c.path...); got != c.want {
			t.Errorf("%v = %v, want %v", c.path, got, c.want)
		}
	}
	results := get(t, log, "runs", 0, "results").([]any)
	if len(results) == 0 {
		t.Error("the other rules' findings are missing")
	}
	for _, r := range results {
		if get(t, r, "ruleId") == "WS990" {
			t.Error("the crash is a result")
		}
	}

	// JSON and text show it as an error with its rule.
	var js, text bytes.Buffer
	if err := JSON(&js, res, Options{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(js.Bytes(), []byte(`"internal": true,
      "rule": "WS990",`)) {
		t.Errorf("JSON:\n%s", js.String())
	}
	if err := Text(&text, res, Options{Quiet: true}); err != nil {
		t.Fatal(err)
	}
	if want := file + `:2:17: error: internal error: rule WS990 (test-crash) crashed while checking location "/ws/": runtime error: index out of range [4] with length 0`; !bytes.Contains(text.Bytes(), []byte(want)) {
		t.Errorf("text:\n%s\nwant a line starting:\n%s", text.String(), want)
	}
}
