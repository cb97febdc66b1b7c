package rules

import (
	"reflect"
	"strings"
	"testing"

	"github.com/nginx-wslint/nginx-wslint/parser"
	"github.com/nginx-wslint/nginx-wslint/rules/model"
)

const runnerConf = `events {}
http {
    server {
        listen 80;
        proxy_set_header Connection "keep-alive";
        location /ws/ {
            proxy_pass http://127.0.0.1:8080;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection "upgrade";
            proxy_read_timeout 30s;
        }
    }
}
`

// RunChecked names a failed rule and what it was checking: a location, a
// proxy_set_header Connection line, or nothing in particular; the other
// rules' findings are complete and the failed rule's are dropped.
func TestRunCheckedLocatesTheFailure(t *testing.T) {
	m := model.Build(parser.ParseBytes("app.conf", runnerConf, parser.Options{}), model.Options{})
	onConnection := &Rule{ID: "WS991", Name: "crash-on-upgrade", Check: func(p *Pass) {
		for _, d := range connectionHeaders(p) {
			p.Report(d, "seen", "")
			if d.Arg(1) == "upgrade" {
				var none []int
				_ = none[len(d.Words)]
			}
		}
	}}
	always := &Rule{ID: "WS992", Name: "crash-always", Check: func(*Pass) { panic("gave up") }}
	onWS := &Rule{ID: "WS993", Name: "crash-on-ws", Check: func(p *Pass) {
		for _, w := range p.AllWebSocketLocations() {
			var none []int
			_ = none[len(w.Name)]
		}
	}}
	found, failures := RunChecked(m, append(append([]*Rule{}, All...), onConnection, always, onWS), Options{})
	var got []string
	for _, d := range found {
		got = append(got, d.Start.String()+" "+d.Rule.ID)
	}
	if want := "app.conf:11:13 WS006"; strings.Join(got, ",") != want {
		t.Errorf("findings %v, want %s", got, want)
	}
	if len(failures) != 3 {
		t.Fatalf("%d failures, want 3", len(failures))
	}
	f := failures[0]
	if start, end, ok := f.Span(); f.Rule != onConnection || !ok || start.String() != "app.conf:10:13" || end.Column != 51 ||
		f.Checking != "this proxy_set_header Connection line" {
		t.Errorf("failure %+v at %v-%v", f, start, end)
	}
	if want := "rule WS991 panicked while checking this proxy_set_header Connection line: runtime error: index out of range [3] with length 0 in rules.TestRunCheckedLocatesTheFailure.func1 (runner_test.go:38)"; f.Error() != want {
		t.Errorf("error:\n%s\nwant:\n%s", f.Error(), want)
	}
	if f := failures[1]; f.Rule != always || f.At != nil || f.Checking != "" || f.Panic != "gave up" {
		t.Errorf("failure %+v", f)
	}
	if f := failures[2]; f.Rule != onWS || f.At == nil || f.At.Position().String() != "app.conf:6:9" || f.Checking != `location "/ws/"` {
		t.Errorf("failure %+v", f)
	}
}

// locate gives a failed rule an index holding one candidate: every field
// of the index must be restricted there, or a rule would see them all and
// the first candidate would be blamed. A new field fails this test until
// locate restricts it.
func TestLocateRestrictsEveryIndexField(t *testing.T) {
	var got []string
	typ := reflect.TypeOf(wsIndex{})
	for i := range typ.NumField() {
		got = append(got, typ.Field(i).Name)
	}
	if want := "conns proxied all ws by"; strings.Join(got, " ") != want {
		t.Errorf("wsIndex fields are %v, locate (runner.go) restricts %s", got, want)
	}
}
