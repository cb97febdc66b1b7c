package main

import (
	"bytes"
	"errors"
	"regexp"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/rules"
)

// crashingRule indexes an empty slice when it meets the location /boom/:
// testdata/script/internal.txtar runs the command line with it.
var crashingRule = &rules.Rule{ID: "WS990", Name: "test-crash", Severity: rules.Error, Check: func(p *rules.Pass) {
	for _, loc := range p.ProxiedLocations() {
		var none []int
		if loc.Name == "/boom/" {
			_ = none[len(loc.Name)]
		}
	}
}}

// A panic outside the rules (here in route) is one line on stderr naming
// the command, what failed and where, and exit code 3.
func TestGuard(t *testing.T) {
	var stderr bytes.Buffer
	code := guard("route", &stderr, func() int {
		panic(errors.New("no location for the request"))
	})
	if code != exitInternal {
		t.Errorf("exit code %d, want %d", code, exitInternal)
	}
	want := regexp.MustCompile(`^nginx-wslint: internal error in route: no location for the request \[(main|nginx-wslint)\.TestGuard\.func1 \(panic_test\.go:\d+\)\]; ` +
		`this is a bug in nginx-wslint, not in the configuration: please report it with the configuration and the command line at https://github\.com/nginx-wslint/nginx-wslint/issues\n$`)
	if !want.MatchString(stderr.String()) {
		t.Errorf("stderr = %q", stderr.String())
	}
	stderr.Reset()
	if code := guard("route", &stderr, func() int { return exitFindings }); code != exitFindings || stderr.Len() != 0 {
		t.Errorf("no panic: exit code %d, stderr %q", code, stderr.String())
	}
}
